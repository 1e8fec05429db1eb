import Foundation

/// A session folder opened for work: its programme, its journal and the state folded from it.
///
/// Layout: `programme.yaml` (input), `journal.jsonl` (the record), `out/` (documents).
/// Every change goes through ``perform(_:seat:at:)``: lock the journal, fold what other
/// processes appended, decide, append and fsync, then fold the new events.
public final class SessionStore {
    /// The session folder.
    public let folder: String
    /// The programme.
    public let programme: Programme
    /// Where the events are kept: the session's journal file, or memory in tests.
    public let log: any EventLog
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

    /// Seq of the last event of the snapshot read or written (0: none).
    public private(set) var snapshotSeq = 0
    /// SHA-256 of the programme, computed once (see ``SessionSnapshot/programmeDigest(_:)``).
    private lazy var programmeDigest = SessionSnapshot.programmeDigest(programme)

    /// Opens the journal of `folder` (creating it when writable) and folds it: from the state of
    /// its snapshot and the events after it when `snapshots` is set and the snapshot is valid
    /// (``SessionSnapshot``), from the start otherwise.
    /// Throws ``JournalError`` when the journal cannot be opened or is damaged before its last line,
    /// unless `upToDamage` is set (read-only readers such as `log` and `minutes`): the events before
    /// the damage are folded and the damage kept in ``damage``.
    public init(
        folder: String, programme: Programme, writable: Bool = true, journalPath: String? = nil,
        upToDamage: Bool = false, snapshots: Bool = true
    ) throws {
        self.folder = folder
        self.programme = programme
        let journal = try Journal(
            path: journalPath ?? Self.journalPath(folder), writable: writable, timeZone: programme.timeZone)
        self.log = journal
        var s = SessionState(programme: programme)
        self.state = s
        if snapshots, let saved = SessionSnapshot.load(for: journal, programme: programme, digest: programmeDigest) {
            s = saved
            snapshotSeq = saved.lastSeq
        }
        do {
            try log.forEachEvent { s.evolve($0) }
        } catch let e as JournalError {
            guard upToDamage, case .damaged = e else { throw e }
            damage = e
        }
        self.state = s
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

    /// Writes a snapshot of the state beside the journal (``SessionSnapshot``) when
    /// ``SessionSnapshot/interval`` events or more were folded since the last one (`force`: when
    /// any were); in `background`, on a queue of its own (the newest state only, when several
    /// wait: ``waitForSnapshots()`` waits for it). Does nothing for a log that is not a file. A
    /// snapshot is only a cache: a failure to write it is returned (for a warning, if any, nil in
    /// the background), never thrown.
    @discardableResult
    public func saveSnapshotIfDue(force: Bool = false, background: Bool = false) -> JournalError? {
        guard let journal, state.lastSeq > snapshotSeq,
            force || state.lastSeq - snapshotSeq >= SessionSnapshot.interval,
            let snapshot = SessionSnapshot(state, of: journal, programmeDigest: programmeDigest)
        else { return nil }
        snapshotSeq = state.lastSeq
        let path = SessionSnapshot.path(journal: journal.path)
        if background {
            snapshotWriter.submit((snapshot, path))
            return nil
        }
        do {
            try snapshot.save(to: path)
            return nil
        } catch {
            return error as? JournalError ?? .io(path: path, operation: "write", errno: EIO)
        }
    }

    /// Waits until the snapshots asked for in the background are written.
    public func waitForSnapshots() { snapshotGroup.wait() }

    private let snapshotGroup = DispatchGroup()
    private lazy var snapshotWriter = Coalescer<(SessionSnapshot, String)>(
        label: "palabre.snapshot", qos: .utility, group: snapshotGroup
    ) { try? $0.0.save(to: $0.1) }

    /// Warnings from loading the journal (a torn tail moved to quarantine…).
    public var warnings: [String] { log.warnings }

    /// Folds events other processes appended since the last read; returns them.
    @discardableResult
    public func refresh() throws -> [Event] {
        let new = try log.readNew()
        for e in new { state.evolve(e) }
        return new
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
            let payloads = try state.decide(command, at: now, role: role, seat: seat)
            let events = try log.append(payloads, expectedSeq: state.lastSeq + 1, at: now, seat: seat, script: script)
            for e in events { state.evolve(e) }
            return events
        }
    }
}
