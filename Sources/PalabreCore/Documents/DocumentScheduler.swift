import Foundation

/// Runs `work` in the background on the newest value submitted, one run at a time: a burst of
/// submissions costs one run for the last of them (and one for the first, already started).
final class Coalescer<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var pending: Value?
    private var running = false
    private let queue: DispatchQueue
    private let group: DispatchGroup
    private let work: (Value) -> Void

    init(label: String, qos: DispatchQoS, group: DispatchGroup, work: @escaping (Value) -> Void) {
        self.queue = DispatchQueue(label: label, qos: qos)
        self.group = group
        self.work = work
    }

    /// Asks for `value` to be worked on soon, replacing any value still waiting.
    func submit(_ value: Value) {
        lock.lock()
        pending = value
        let start = !running
        running = true
        lock.unlock()
        guard start else { return }
        group.enter()
        queue.async { self.drain() }
    }

    private func drain() {
        while true {
            lock.lock()
            guard let value = pending else {
                running = false
                lock.unlock()
                group.leave()
                return
            }
            pending = nil
            lock.unlock()
            work(value)
        }
    }
}

/// Writes the documents in the background, coalescing bursts: only the newest state is written.
///
/// With `docx` on, the DOCX export (``Exporter``: minutes.docx, attendance-sheet.docx,
/// commitments.docx, into the same folder) follows on a second background queue, coalesced the
/// same way, so a slow pandoc never delays the Markdown documents nor the recording. Turned on by
/// `PALABRE_DOCX=1` in the environment (``docxFromEnvironment``); without pandoc it says so once.
public final class DocumentScheduler: @unchecked Sendable {
    private let lock = NSLock()
    private var docxWarned = false
    private var lastError: String?
    private let group = DispatchGroup()
    private let dir: String
    private let folder: String?
    private let docx: Bool
    private var markdown: Coalescer<SessionState>!
    private var word: Coalescer<SessionState>!
    /// What the last rendering made, used again where the state did not change it (used on the
    /// Markdown queue only).
    private let cache = DocumentCache()

    /// Whether `PALABRE_DOCX` asks for the DOCX after every event (`1`, `yes` or `true`).
    public static var docxFromEnvironment: Bool {
        ["1", "yes", "true"].contains(ProcessInfo.processInfo.environment["PALABRE_DOCX"]?.lowercased() ?? "")
    }

    /// Writes into `dir` (a session's `out/`); with `docx`, the DOCX export too. With the
    /// session's `folder`, `followup.md` lists the reviews of later sessions beside it once the
    /// meeting is closed.
    public init(dir: String, folder: String? = nil, docx: Bool = DocumentScheduler.docxFromEnvironment) {
        self.dir = dir
        self.folder = folder
        self.docx = docx
        // Weak: a scheduler let go before its writes ran (no ``finish()``) skips them instead of
        // reaching a freed object; `palabre run` waits for them before quitting.
        markdown = Coalescer(label: "palabre.documents", qos: .utility, group: group) { [weak self] in
            self?.writeDocuments($0)
        }
        word = Coalescer(label: "palabre.documents.docx", qos: .background, group: group) { [weak self] in
            self?.writeDocx($0)
        }
    }

    /// Asks for the documents of `state` to be written soon. A decision state
    /// (``SessionState/isForDeciding``), which has no entries, is never written.
    public func schedule(_ state: SessionState) {
        guard !state.isForDeciding else { return }
        markdown.submit(state)
    }

    private func options(_ s: SessionState) -> DocumentOptions {
        var o = DocumentOptions(language: s.programme.language, now: s.lastAt ?? SystemClock().now())
        if let folder, s.closedAt != nil { o.laterReviews = PreviousSessions.laterReviews(of: folder) }
        return o
    }

    private func writeDocuments(_ s: SessionState) {
        do {
            try Documents.write(s, to: dir, options: options(s), cache: cache)
            if docx { word.submit(s) }
        } catch let e as DocumentError {
            report(e.message(s.programme.language))
        } catch {
            report("\(error)")
        }
    }

    private func writeDocx(_ s: SessionState) {
        do {
            try Exporter.export(s, format: .docx, to: dir, options: options(s))
        } catch let e as ExportError {
            if case .missingConverter = e {
                lock.lock()
                let first = !docxWarned
                docxWarned = true
                lock.unlock()
                if first { report(e.message(s.programme.language)) }
            } else {
                report(e.message(s.programme.language))
            }
        } catch {
            report("\(error)")
        }
    }

    private func report(_ message: String) {
        lock.lock()
        lastError = message
        lock.unlock()
    }

    /// The last error met, once.
    public func takeError() -> String? {
        lock.lock()
        defer { lock.unlock() }
        let e = lastError
        lastError = nil
        return e
    }

    /// Waits until every scheduled write is done.
    public func finish() { group.wait() }
}
