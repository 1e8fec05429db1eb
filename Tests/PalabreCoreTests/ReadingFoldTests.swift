import Foundation
import Testing

@testable import PalabreCore

/// A reader's fold (minutes, export) keeps no standing events, and gives the state a full fold
/// gives, whatever the undos: real journal files, every prefix.
@Suite("Reading fold without the undo history")
struct ReadingFoldTests {
    /// A morning with undos of several kinds: a check-in and a request for the floor taken back,
    /// an undo of an undo, a second undo of the same event, an undo naming a later seq, an undo
    /// of a line set aside by a repair, then more events.
    static func journal() throws -> [Event] {
        var h = try UndoTests.morning()
        func at(_ h: Int, _ m: Int) -> Instant { UndoTests.at(h, m) }
        h.seat = "rapporteur"
        try h.act(.checkIn(who: "sg-dieli", day: nil), at: at(9, 48))
        let checkIn = try h.undo(at: at(9, 49))
        h.seat = "facilitator"
        try h.act(.requestFloor(who: "dg-adr", pointOfOrder: true), at: at(9, 50))
        try h.undo(at: at(9, 51))
        try h.act(.yieldFloor, at: at(9, 52))
        h.seat = "rapporteur"
        try h.act(.record(EntryContent(kind: .decision, text: "Décision : l'atelier est reconduit.")), at: at(9, 53))
        var events = h.events
        func add(_ p: EventPayload, _ seat: String = "facilitator") {
            events.append(Event(seq: events.count + 1, at: events.last!.at, seat: seat, payload: p))
        }
        let undoSeq = events.last { if case .undone = $0.payload { true } else { false } }!.seq
        add(.undone(seq: undoSeq))  // an undo of an undo: counted by nothing
        add(.undone(seq: checkIn))  // taken back twice: the second counts for nothing
        add(.undone(seq: events.count + 5))  // a seq not yet written
        add(.lineSetAside(line: 3, quarantine: "journal.jsonl.repair-X"), "repair")
        add(.undone(seq: events.count))  // the placeholder taken back
        add(
            .entryRecorded(item: nil, entry: EntryContent(kind: .note, text: "Note après les annulations.")),
            "rapporteur")
        return events
    }

    /// A session folder holding `events` as its journal.
    static func folder(_ events: some Sequence<Event>) throws -> String {
        let dir = Fixtures.tempDir()
        var bytes = Data()
        for e in events {
            bytes += try EventCodec.encode(e)
            bytes.append(10)
        }
        try bytes.write(to: URL(fileURLWithPath: SessionStore.journalPath(dir)))
        return dir
    }

    static func states(_ dir: String) throws -> (full: SessionState, reading: SessionState) {
        var full = try SessionStore(folder: dir, programme: Fixtures.programme, writable: false).state
        let reading = try SessionStore(folder: dir, programme: Fixtures.programme, writable: false, forReading: true)
            .state
        #expect(reading.standingEvents.isEmpty, "a reader keeps no standing events")
        full.standingEvents = []
        return (full, reading)
    }

    @Test("Every prefix of a journal with undos of every kind folds to the full fold's state")
    func everyPrefix() throws {
        let events = try Self.journal()
        #expect(events.filter { if case .undone = $0.payload { true } else { false } }.count >= 6)
        for k in 1...events.count {
            let (full, reading) = try Self.states(try Self.folder(events.prefix(k)))
            #expect(reading == full, "prefix of \(k) events")
        }
    }

    /// ``journal()`` followed by a step of the clock (ten minutes forward) and a note after it.
    static func journalWithClockStep() throws -> [Event] {
        var events = try journal()
        let last = events.last!
        events.append(
            Event(seq: last.seq + 1, at: last.at.adding(seconds: 5), seat: "f", payload: .clockAdjusted(seconds: 600)))
        events.append(
            Event(
                seq: last.seq + 2, at: last.at.adding(seconds: 610), seat: "rapporteur",
                payload: .entryRecorded(item: nil, entry: EntryContent(kind: .note, text: "Après le pas d'horloge."))))
        return events
    }

    @Test("A journal with a clock step is folded in full: the step moves every event before it")
    func clockStepFoldedInFull() throws {
        let events = try Self.journalWithClockStep()
        let dir = try Self.folder(events)
        let reading = try SessionStore(folder: dir, programme: Fixtures.programme, writable: false, forReading: true)
        let full = try SessionStore(folder: dir, programme: Fixtures.programme, writable: false)
        #expect(reading.state == full.state)
        #expect(reading.state.clockAdjustments.count == 1)
    }

    @Test("Damage after an undo: the events before the damage are those of the full fold, the later undo not counted")
    func damageAfterAnUndo() throws {
        let events = try Self.journal()
        let undo = try #require(events.firstIndex { if case .undone = $0.payload { true } else { false } })
        let dir = try Self.folder(events)
        let path = SessionStore.journalPath(dir)
        var lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        lines[undo - 1] = "garbage"  // the line before the first undo
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: false, encoding: .utf8)
        let reading = try SessionStore(
            folder: dir, programme: Fixtures.programme, writable: false, upToDamage: true, forReading: true)
        let full = try SessionStore(folder: dir, programme: Fixtures.programme, writable: false, upToDamage: true)
        #expect(reading.damage != nil && reading.damage == full.damage)
        #expect(reading.state.lastSeq == undo - 1)
        #expect(reading.state.undoneBy.isEmpty, "the undo after the damage is not counted")
        #expect(reading.state == full.state, "folded in full up to the damage")
    }
}

/// The byte search the readers use before decoding (`contains(bytes:)`, `lines(withTypes:)`)
/// finds what a plain search finds.
@Suite("Byte search in the journal")
struct JournalByteSearchTests {
    @Test("Seeded random texts over the needles' own bytes: the same answer as a plain search")
    func sameAsPlainSearch() {
        var rng = SplitMix64(seed: 42)
        let needles = [#""type":"undone""#, #""type":"clockAdjusted""#, #""sessionClosed""#, "ZZ", "y", "\"\""].map {
            Array($0.utf8)
        }
        let alphabet = Array(#""typeundoZyC:,ls"#.utf8)
        for _ in 0..<2000 {
            let text = (0..<Int.random(in: 0...60, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
            for n in needles {
                var bytes = text
                if Bool.random(using: &rng) {
                    bytes.insert(contentsOf: n, at: Int.random(in: 0...bytes.count, using: &rng))
                }
                let plain =
                    bytes.count >= n.count
                    && (0...(bytes.count - n.count)).contains { bytes[$0..<($0 + n.count)].elementsEqual(n) }
                #expect(
                    Journal.find(n, in: bytes) == plain,
                    "\(String(decoding: n, as: UTF8.self)) in \(String(decoding: bytes, as: UTF8.self))")
            }
        }
    }
}
