import Foundation

/// Where a session's events are kept, in order: the file ``Journal`` in production, a
/// ``MemoryEventLog`` in tests and benchmarks. Both pass the same conformance tests.
///
/// Rules every log keeps: seq counts 1, 2, 3… without gaps; an append states the seq it
/// expects and is refused with ``JournalError/conflict(expected:found:)`` when another writer
/// was faster; timestamps never go back; events are handed back exactly as appended.
public protocol EventLog: AnyObject {
    /// Seq of the last event read or written (0 when empty).
    var lastSeq: Int { get }
    /// What loading met and mended or skipped (a torn tail quarantined…), for the user.
    var notices: [JournalWarning] { get }
    /// Reads, in order, every event this reader has not read yet: all of them on a log just
    /// opened. Throws ``JournalError`` when the log is damaged.
    func forEachEvent(_ body: (Event) throws -> Void) throws
    /// The events appended since the last read, by this or another writer.
    func readNew() throws -> [Event]
    /// Runs `body` holding the log's exclusive lock.
    func withLock<T>(_ body: () throws -> T) throws -> T
    /// Appends `payloads` as events `expectedSeq`, `expectedSeq + 1`… stamped `at` (or the last
    /// event's time when later) by `seat`; returns them once durable.
    /// Throws ``JournalError/conflict(expected:found:)``, ``JournalError/readOnly(path:)``,
    /// ``JournalError/diskFull(path:)`` or ``JournalError/io(path:operation:errno:)``.
    /// `script` marks every event with the script line that asked for it (nil: none).
    func append(
        _ payloads: [EventPayload], expectedSeq: Int, at: Instant, seat: String, script: ScriptLine?
    ) throws -> [Event]
}

extension EventLog {
    /// ``append(_:expectedSeq:at:seat:script:)`` for events no script line asked for.
    public func append(_ payloads: [EventPayload], expectedSeq: Int, at: Instant, seat: String) throws -> [Event] {
        try append(payloads, expectedSeq: expectedSeq, at: at, seat: seat, script: nil)
    }
}

extension Journal: EventLog {}

/// An event log in memory. Several logs made on one ``Storage`` behave like several processes
/// on one journal file: each reads what the others appended and conflicts when behind.
///
///     let storage = MemoryEventLog.Storage()
///     let a = MemoryEventLog(storage), b = MemoryEventLog(storage)
///     _ = try a.append([.sessionOpened], expectedSeq: 1, at: t, seat: "facilitator")
///     try b.readNew()   // [the event]
public final class MemoryEventLog: EventLog, @unchecked Sendable {
    /// The events shared by the logs made on it.
    public final class Storage: @unchecked Sendable {
        let lock = NSRecursiveLock()
        var events: [Event] = []
        /// Creates empty storage, or storage holding `events`.
        public init(_ events: [Event] = []) { self.events = events }
        /// A copy of every event appended so far.
        public var all: [Event] { lock.lock(); defer { lock.unlock() }; return events }
    }

    private let storage: Storage
    private let writable: Bool
    /// How many events this reader has read.
    private var read = 0

    /// A log on `storage` (new and empty by default).
    public init(_ storage: Storage = Storage(), writable: Bool = true) {
        self.storage = storage
        self.writable = writable
    }

    public var lastSeq: Int { read }
    public var notices: [JournalWarning] { [] }

    public func forEachEvent(_ body: (Event) throws -> Void) throws {
        let events = storage.all
        let start = min(read, events.count)
        read = events.count
        for e in events[start...] { try body(e) }
    }

    public func readNew() throws -> [Event] {
        let events = storage.all
        defer { read = events.count }
        return Array(events[min(read, events.count)...])
    }

    public func withLock<T>(_ body: () throws -> T) throws -> T {
        storage.lock.lock()
        defer { storage.lock.unlock() }
        return try body()
    }

    public func append(
        _ payloads: [EventPayload], expectedSeq: Int, at: Instant, seat: String, script: ScriptLine?
    ) throws -> [Event] {
        guard writable else { throw JournalError.readOnly(path: "memory") }
        return try withLock {
            let count = storage.events.count
            if count != read || expectedSeq != read + 1 {
                throw JournalError.conflict(expected: expectedSeq, found: read + (count != read ? 1 : 0))
            }
            let stamp = max(at, storage.events.last.map { payloads.first?.earliestStamp(after: $0.at) ?? $0.at } ?? at)
            let events = payloads.enumerated().map {
                Event(seq: expectedSeq + $0.offset, at: stamp, seat: seat, payload: $0.element, script: script)
            }
            storage.events += events
            read = storage.events.count
            return events
        }
    }
}
