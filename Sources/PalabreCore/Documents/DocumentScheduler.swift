import Foundation

/// Writes the documents in the background, coalescing bursts: only the newest state is written.
///
/// With `docx` on, the DOCX export (``Exporter``: minutes.docx, attendance-sheet.docx,
/// commitments.docx, into the same folder) follows on a second background queue, coalesced the
/// same way, so a slow pandoc never delays the Markdown documents nor the recording. Turned on by
/// `PALABRE_DOCX=1` in the environment (``docxFromEnvironment``); without pandoc it says so once.
public final class DocumentScheduler: @unchecked Sendable {
    private let lock = NSLock()
    private var pending: SessionState?
    private var running = false
    private var docxPending: SessionState?
    private var docxRunning = false
    private var docxWarned = false
    private var lastError: String?
    private let queue = DispatchQueue(label: "palabre.documents", qos: .utility)
    private let docxQueue = DispatchQueue(label: "palabre.documents.docx", qos: .background)
    private let group = DispatchGroup()
    private let dir: String
    private let docx: Bool

    /// Whether `PALABRE_DOCX` asks for the DOCX after every event (`1`, `yes` or `true`).
    public static var docxFromEnvironment: Bool {
        ["1", "yes", "true"].contains(ProcessInfo.processInfo.environment["PALABRE_DOCX"]?.lowercased() ?? "")
    }

    /// Writes into `dir` (a session's `out/`); with `docx`, the DOCX export too.
    public init(dir: String, docx: Bool = DocumentScheduler.docxFromEnvironment) {
        self.dir = dir
        self.docx = docx
    }

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

    private func options(_ s: SessionState) -> DocumentOptions {
        DocumentOptions(language: s.programme.language, now: s.lastAt ?? SystemClock().now())
    }

    private func drain() {
        while true {
            lock.lock()
            guard let s = pending else { running = false; lock.unlock(); group.leave(); return }
            pending = nil
            lock.unlock()
            do {
                try Documents.write(s, to: dir, options: options(s))
                if docx { scheduleDocx(s) }
            } catch let e as DocumentError {
                lock.lock(); lastError = e.message(s.programme.language); lock.unlock()
            } catch {
                lock.lock(); lastError = "\(error)"; lock.unlock()
            }
        }
    }

    private func scheduleDocx(_ state: SessionState) {
        lock.lock()
        docxPending = state
        let start = !docxRunning
        docxRunning = true
        lock.unlock()
        if start {
            group.enter()
            docxQueue.async { self.drainDocx() }
        }
    }

    private func drainDocx() {
        while true {
            lock.lock()
            guard let s = docxPending else { docxRunning = false; lock.unlock(); group.leave(); return }
            docxPending = nil
            lock.unlock()
            do {
                try Exporter.export(s, format: .docx, to: dir, options: options(s))
            } catch let e as ExportError {
                lock.lock()
                if case .missingConverter = e {
                    if !docxWarned { lastError = e.message(s.programme.language) }
                    docxWarned = true
                } else {
                    lastError = e.message(s.programme.language)
                }
                lock.unlock()
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
