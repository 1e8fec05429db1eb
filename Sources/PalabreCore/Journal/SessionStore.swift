import Foundation

/// A session folder opened for work: its programme, its journal and the state folded from it.
///
/// Layout: `programme.yaml` (input), `journal.jsonl` (the record), `out/` (documents).
/// Every change goes through ``perform(_:seat:at:)``: lock the journal, fold what other
/// processes appended, decide, append and fsync, then fold the new events.
public final class SessionStore {
    /// The session folder.
    public let folder: String
    /// The programme: the one given when opened, or programme.yaml read again by
    /// ``reloadProgrammeIfChanged()``.
    public private(set) var programme: Programme
    /// Where the events are kept: the session's journal file, or memory in tests.
    public private(set) var log: any EventLog
    /// The journal file, when the log is one.
    public var journal: Journal? { log as? Journal }
    /// State folded from every event read so far.
    public private(set) var state: SessionState

    /// Path of the journal inside a session folder.
    public static func journalPath(_ folder: String) -> String {
        (folder as NSString).appendingPathComponent("journal.jsonl")
    }
    /// Path of the documents folder inside a session folder.
    public static func outPath(_ folder: String) -> String { (folder as NSString).appendingPathComponent("out") }

    /// The damage met while reading, when opened with `upToDamage` (the state then holds the
    /// events before it); nil when the journal is sound.
    public private(set) var damage: JournalError?

    /// Opens the journal of `folder` (creating it when writable) and folds it.
    /// Throws ``JournalError`` when the journal cannot be opened or is damaged before its last line,
    /// unless `upToDamage` is set (read-only readers such as `log` and `minutes`): the events before
    /// the damage are folded and the damage kept in ``damage``. With `forReading` (a reader that
    /// never records), the state keeps no standing events (``ReadingFold``).
    ///
    /// With `deciding` (`palabre do`), the state is the decision state of the session's
    /// ``DecisionSnapshot`` when it is valid, with the events after it folded in
    /// (``SessionState/isForDeciding``); ``perform(_:seat:at:script:)`` folds the whole journal
    /// when a command needs more, and ``saveDecisionSnapshot()`` writes the next snapshot.
    public init(
        folder: String, programme: Programme, writable: Bool = true, journalPath: String? = nil,
        upToDamage: Bool = false, forReading: Bool = false, deciding: Bool = false
    ) throws {
        self.folder = folder
        self.programme = programme
        let journal = try Journal(
            path: journalPath ?? Self.journalPath(folder), writable: writable, timeZone: programme.timeZone)
        self.log = journal
        let digest = deciding ? DecisionSnapshot.programmeDigest(programme) : nil
        decisionDigest = digest
        if let digest, let snapshot = DecisionSnapshot.load(for: journal, programme: programme, digest: digest) {
            var s = snapshot.state
            let whole = try Self.foldTail(of: journal, into: &s)
            self.state = s.forDeciding()
            programmeStamp = Self.stamp(Self.programmePath(folder))
            if !whole { try foldInFull() }
            return
        }
        // Folded from the start: what is read is summed for the next snapshot.
        if digest != nil { journal.keepChecksum(from: PrefixChecksum(length: 0, crc: 0)) }
        let marks = forReading && !writable ? try journal.lines(withTypes: ["undone", "clockAdjusted"]) : nil
        var s = SessionState(programme: programme)
        var reading = marks.flatMap { ReadingFold.canFold($0) ? ReadingFold(programme: programme, undos: $0) : nil }
        do {
            if reading != nil {
                try log.forEachEvent { reading!.add($0) }
            } else {
                try log.forEachEvent { s.evolve($0) }
            }
        } catch let e as JournalError {
            guard upToDamage, case .damaged = e else { throw e }
            damage = e
            if reading != nil {
                // Undos after the damage were counted: the events before it are folded again in full.
                reading = nil
                let again = try Journal(path: journal.path, writable: false, timeZone: programme.timeZone)
                do { try again.forEachEvent { s.evolve($0) } } catch is JournalError {}
            }
        }
        self.state = reading?.state ?? s
        programmeStamp = Self.stamp(Self.programmePath(folder))
    }

    /// The decision state of the session in `folder` from its ``DecisionSnapshot`` and the events
    /// after it, read without a lock and without writing; nil when there is no valid snapshot, or
    /// when an event after it needs the records (an undo, a clock step). What `palabre run` looks
    /// at before it starts a seat (is the session closed?) without reading the whole journal.
    public static func decisionState(folder: String, programme: Programme) -> SessionState? {
        guard let journal = try? Journal(path: journalPath(folder), writable: false, timeZone: programme.timeZone),
            let snapshot = DecisionSnapshot.load(for: journal, programme: programme)
        else { return nil }
        var s = snapshot.state
        return (try? foldTail(of: journal, into: &s)) == true ? s : nil
    }

    /// Folds into the decision state `s` the events `journal` reads on from its snapshot, up to
    /// the first that needs the records (the journal is read to its end all the same); whether
    /// none did. Throws what reading the journal throws.
    private static func foldTail(of journal: Journal, into s: inout SessionState) throws -> Bool {
        var whole = true
        try journal.forEachEvent { e in
            if whole && e.payload.isFoldedWithoutRecords { s.evolve(e) } else { whole = false }
        }
        return whole
    }

    /// A session on any event log (``MemoryEventLog`` in tests), folded from its events.
    /// Throws what the log throws when read.
    public init(programme: Programme, log: any EventLog, folder: String = "") throws {
        self.folder = folder
        self.programme = programme
        self.log = log
        var s = SessionState(programme: programme)
        try log.forEachEvent { s.evolve($0) }
        self.state = s
    }

    /// What ``reloadProgrammeIfChanged()`` did.
    public enum ProgrammeReload: Sendable, Equatable {
        /// programme.yaml changed and was read again: the state is folded anew under it (titles,
        /// names and times shown and written follow it).
        case reloaded
        /// programme.yaml was saved again as the programme in force (an edit undone, the file put
        /// back): nothing to fold again.
        case unchanged
        /// programme.yaml was removed (or cannot be seen any more): the programme read before stays
        /// in force until the file is back.
        case missing
        /// programme.yaml changed but has errors: the programme read before stays in force.
        /// `problem`: the first error, with its line, in the programme's language.
        case hasErrors(problem: String)
        /// programme.yaml changed its time zone, which the journal's times are written in: the
        /// programme read before stays in force until the seat is started again.
        case timeZoneChanged(from: String, to: String)
        /// programme.yaml no longer has what `count` events of the journal name (an item, a day, a
        /// participant, a fiche…), such as the item under way: the programme read before stays in force.
        case dropsWhatTheJournalNames(count: Int)
        /// programme.yaml gives an item the id `id` the meeting gave to the item it inserted,
        /// titled `title`: the programme read before stays in force.
        case idOfAnInsertedItem(id: String, title: String)
    }

    private var programmeStamp: Journal.FileStamp?

    private static func programmePath(_ folder: String) -> String {
        (folder as NSString).appendingPathComponent(ProgrammeLoader.fileName)
    }

    /// Identity of the file at `path` as far as an edit goes (``Journal/FileStamp``: device,
    /// inode, size, status-change time; an editor that writes a new file and renames it changes
    /// the inode); nil when it cannot be read. One `stat`.
    static func stamp(_ path: String) -> Journal.FileStamp? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return Journal.stamp(st)
    }

    /// Reads programme.yaml again when it changed since the session was opened or last read (one
    /// `stat` when it did not): a running seat then follows an edit made during the meeting (a
    /// name corrected, an item renamed) without being started again. Nil when nothing changed, or
    /// for a session without a folder. A programme with errors, or with another time zone, is
    /// not taken (see ``ProgrammeReload``); the file is looked at again once it changes again.
    /// `language`: that of the error shown (the seat's; the programme's when nil).
    public func reloadProgrammeIfChanged(language: Language? = nil) -> ProgrammeReload? {
        // A decision state has no records to fold again: the edit is looked at once it is full.
        guard !folder.isEmpty, !state.isForDeciding else { return nil }
        let stamp = Self.stamp(Self.programmePath(folder))
        guard stamp != programmeStamp else { return nil }
        programmeStamp = stamp
        guard stamp != nil else { return .missing }
        let result: ProgrammeLoadResult
        do {
            result = try ProgrammeLoader.load(path: folder)
        } catch {
            return .hasErrors(problem: "\(error)")
        }
        guard let p = result.programme, !result.hasErrors else {
            var first = result.errors.first
            if let language { first?.language = language }
            return .hasErrors(problem: first?.description ?? ProgrammeLoader.fileName)
        }
        guard p.timeZone == programme.timeZone else {
            return .timeZoneChanged(from: programme.timeZone, to: p.timeZone)
        }
        guard p != programme else { return .unchanged }
        let ids = Set(p.days.flatMap { $0.items.map(\.id) })
        if let id = state.insertedItems.filter(ids.contains).sorted().first {
            return .idOfAnInsertedItem(id: id, title: state.item(id)?.item.title ?? id)
        }
        let next = state.refolded(with: p)
        let dropped = Set(next.mismatches).subtracting(state.mismatches).count
        guard dropped == 0 else { return .dropsWhatTheJournalNames(count: dropped) }
        programme = p
        state = next
        decisionDigest = nil
        return .reloaded
    }

    /// Warnings from loading the journal (a torn tail moved to quarantine…).
    public var warnings: [String] { warnings(.en) }
    /// ``warnings`` in `language`.
    public func warnings(_ language: Language) -> [String] { log.notices.map { $0.message(language) } }

    /// Opens the journal again and folds it anew when `palabre repair` replaced the file since it
    /// was opened (a seat that stayed open during a repair), so that the seat follows the mended
    /// journal instead of refusing every entry; returns whether it did. One `stat` otherwise.
    /// Throws ``JournalError`` when the new file cannot be read.
    @discardableResult
    public func reopenIfReplaced() throws -> Bool {
        guard let old = journal, old.isReplaced else { return false }
        background?.cancel()
        background = nil
        sinceBackground = []
        let fresh = try Journal(path: old.path, writable: old.writable, timeZone: programme.timeZone)
        var s = SessionState(programme: programme)
        try fresh.forEachEvent { s.evolve($0) }
        log = fresh
        state = s
        return true
    }

    /// Folds events other processes appended since the last read; returns them. A decision
    /// state that one of them would need the records for (an undo, a clock step) is replaced by
    /// the fold of the whole journal.
    ///
    /// A decision state whose whole fold, begun by ``foldInFullInBackground()``, is ready is first
    /// replaced by it (see ``isFoldingInBackground``); when that fold failed, its error is thrown
    /// once and the fold begins again.
    @discardableResult
    public func refresh() throws -> [Event] {
        try takeBackgroundFold()
        let new = try log.readNew()
        if state.isForDeciding, new.contains(where: { !$0.payload.isFoldedWithoutRecords }) {
            // Folded up to the last event read, or (from the background fold) up to the event
            // before these: the rest are folded on the full state.
            try foldInFull()
            for e in new where e.seq > state.lastSeq { state.evolve(e) }
        } else {
            for e in new { state.evolve(e) }
            if background != nil { sinceBackground += new }
        }
        return new
    }

    /// The fold of the whole journal under way on another thread, begun by
    /// ``foldInFullInBackground()``; nil when none is.
    private var background: BackgroundFold?
    /// The events folded into the decision state since ``background`` began, folded again into its
    /// result.
    private var sinceBackground: [Event] = []

    /// Whether the state is a decision state whose whole fold is under way on another thread: a
    /// seat shows it meanwhile (the entries and turns are not there yet).
    public var isFoldingInBackground: Bool { background != nil && state.isForDeciding }

    /// Begins folding the whole journal on another thread when the state is a decision state (a
    /// seat that opened from the ``DecisionSnapshot``, which shows its first frame at once);
    /// ``refresh()`` takes the result once it is ready, with the events folded meanwhile. Does
    /// nothing to a full state, or when a fold is already under way.
    public func foldInFullInBackground() {
        guard state.isForDeciding, background == nil, let journal else { return }
        background = BackgroundFold(path: journal.path, programme: programme, upTo: state.lastSeq)
        sinceBackground = []
        wholeFoldsBegun += 1
    }

    /// How many folds of the whole journal this store began after opening on a decision state,
    /// in the background or not (one, unless one failed or was of another file).
    private(set) var wholeFoldsBegun = 0

    /// Takes the result of ``background`` when it is ready: the whole fold up to the seq it began
    /// at, with the events folded into the decision state since. A fold of another programme, or
    /// one that does not reach that seq (the file replaced meanwhile), begins again; one that
    /// failed throws its error and begins again.
    private func takeBackgroundFold() throws {
        guard let b = background, let outcome = b.outcome else { return }
        background = nil
        let since = sinceBackground
        sinceBackground = []
        guard state.isForDeciding else { return }
        switch outcome {
        case .success(var s):
            if b.programme == programme, s.lastSeq == b.upTo {
                for e in since { s.evolve(e) }
                if s.lastSeq == state.lastSeq {
                    state = s
                    return
                }
            }
            foldInFullInBackground()
        case .failure(let error):
            foldInFullInBackground()
            throw error
        }
    }

    /// ``DecisionSnapshot/programmeDigest(_:)`` of ``programme``, computed once.
    private var decisionDigest: PrefixChecksum?

    /// Replaces a decision state (``SessionState/isForDeciding``) by the fold of the whole
    /// journal up to the last event read (a second reading of the file, which takes no lock).
    /// When a background fold is under way (``foldInFullInBackground()``), waits for it instead
    /// of beginning another. Does nothing to a full state. Throws ``JournalError`` when the
    /// journal cannot be read.
    public func foldInFull() throws {
        guard state.isForDeciding, let journal else { return }
        if let b = background {
            b.wait()
            try takeBackgroundFold()
            if !state.isForDeciding { return }
        }
        background?.cancel()
        background = nil
        sinceBackground = []
        wholeFoldsBegun += 1
        let again = try Journal(path: journal.path, writable: false, timeZone: programme.timeZone)
        var s = SessionState(programme: programme)
        let last = journal.lastSeq
        try again.forEachEvent { e in if e.seq <= last { s.evolve(e) } }
        state = s
    }

    /// Writes the session's ``DecisionSnapshot`` of the state folded so far (after the events
    /// recorded are durable: `palabre do` once its seqs are printed). A snapshot is only a
    /// cache: whether it could be written is returned, and nothing is thrown.
    @discardableResult
    public func saveDecisionSnapshot() -> Bool {
        if decisionDigest == nil { decisionDigest = DecisionSnapshot.programmeDigest(programme) }
        guard let journal else { return false }
        let path = DecisionSnapshot.path(journal: journal.path)
        guard let snapshot = DecisionSnapshot(state, of: journal, digest: decisionDigest) else {
            // The journal no longer holds what was folded (an edit in place): no snapshot of it.
            if !NoFollow.isLink(path) { unlink(path) }
            return false
        }
        do {
            try snapshot.save(to: path)
            return true
        } catch {
            return false
        }
    }

    /// Applies `command` for `seat` at `at`: under the journal's lock, folds newer events, decides,
    /// appends durably and folds the result. Returns the recorded events (empty never: a command
    /// that changes nothing is refused).
    ///
    /// Throws ``Refusal`` (nothing recorded, the message says why) or ``JournalError``.
    /// `seat` is written in each event; its role (the seat name when it names one, else
    /// facilitator) limits what may be asked (``SeatRole``). `script` marks the events with the
    /// script line that asked for them (`palabre script`; nil otherwise).
    @discardableResult
    public func perform(_ command: Command, seat: String, at: Instant, script: ScriptLine? = nil) throws -> [Event] {
        try log.withLock {
            try refresh()
            // Time never goes back in the journal, but for a clock set back, by the step.
            let floor: Instant? =
                if case .recordClockAdjustment(let s) = command, let last = state.lastAt {
                    EventPayload.clockAdjusted(seconds: s).earliestStamp(after: last)
                } else { state.lastAt }
            let now = max(at, floor ?? at)
            let role = SeatRole(rawValue: seat) ?? .facilitator
            if state.isForDeciding, !command.isDecidedWithoutRecords { try foldInFull() }
            let payloads = try state.decide(command, at: now, role: role, seat: seat)
            let events = try log.append(payloads, expectedSeq: state.lastSeq + 1, at: now, seat: seat, script: script)
            for e in events { state.evolve(e) }
            if background != nil { sinceBackground += events }
            return events
        }
    }
}

/// The fold of a whole journal on another thread, up to the event `upTo` (see
/// ``SessionStore/foldInFullInBackground()``): its own reading of the file, which takes no lock.
final class BackgroundFold: @unchecked Sendable {
    /// The seq the fold stops at: the last event of the decision state when it began.
    let upTo: Int
    /// The programme it folds under.
    let programme: Programme
    private let lock = NSLock()
    private let done = DispatchGroup()
    private var result: Result<SessionState, any Error>?
    private var cancelled = false

    /// Thrown into the reading to stop it.
    private struct Stop: Error {}

    /// Begins folding the journal at `path` under `programme`, up to the event `upTo`.
    init(path: String, programme: Programme, upTo: Int) {
        self.upTo = upTo
        self.programme = programme
        done.enter()
        DispatchQueue.global(qos: .userInitiated).async {
            self.run(path)
            self.done.leave()
        }
    }

    /// Waits until the fold has its ``outcome``.
    func wait() { done.wait() }

    private func run(_ path: String) {
        let outcome = Result { () throws -> SessionState in
            let journal = try Journal(path: path, writable: false, timeZone: programme.timeZone)
            var s = SessionState(programme: programme)
            do {
                try journal.forEachEvent { e in
                    if isCancelled { throw Stop() }
                    s.evolve(e)
                    if e.seq >= upTo { throw Stop() }
                }
            } catch is Stop {}
            return s
        }
        lock.withLock { result = outcome }
    }

    private var isCancelled: Bool { lock.withLock { cancelled } }

    /// The state folded (up to ``upTo`` at most), or the error met; nil while it runs.
    var outcome: Result<SessionState, any Error>? { lock.withLock { result } }

    /// Stops the fold at its next event: its result is no longer wanted.
    func cancel() { lock.withLock { cancelled = true } }
}
