import Foundation

/// Writes the documents in the background, coalescing bursts: only the newest state is written.
public final class DocumentScheduler: @unchecked Sendable {
    private let lock = NSLock()
    private var pending: SessionState?
    private var running = false
    private var lastError: String?
    private let queue = DispatchQueue(label: "palabre.documents", qos: .utility)
    private let group = DispatchGroup()
    private let dir: String

    /// Writes into `dir` (a session's `out/`).
    public init(dir: String) { self.dir = dir }

    /// Asks for the documents of `state` to be written soon.
    public func schedule(_ state: SessionState) {
        lock.lock()
        pending = state
        let start = !running
        running = true
        lock.unlock()
        if start {
            group.enter()
            queue.async { self.drain() }
        }
    }

    private func drain() {
        while true {
            lock.lock()
            guard let s = pending else { running = false; lock.unlock(); group.leave(); return }
            pending = nil
            lock.unlock()
            do {
                try Documents.write(
                    s, to: dir,
                    options: DocumentOptions(language: s.programme.language, now: s.lastAt ?? SystemClock().now()))
            } catch let e as DocumentError {
                lock.lock(); lastError = e.message(s.programme.language); lock.unlock()
            } catch {
                lock.lock(); lastError = "\(error)"; lock.unlock()
            }
        }
    }

    /// The last error met, once.
    public func takeError() -> String? {
        lock.lock(); defer { lock.unlock() }
        let e = lastError; lastError = nil
        return e
    }

    /// Waits until every scheduled write is done.
    public func finish() { group.wait() }
}
