import Foundation
import Testing

@testable import PalabreCore

/// A journal of several megabytes is decoded several chunks at a time on the machine's cores:
/// the events, their order and every finding on damage are those of a line-by-line reading.
@Suite("Large journals read several chunks at a time")
struct JournalChunksTests {
    /// A journal of about `count` events (notes with accents and quotes, a few kinds), 200 bytes
    /// or so each: 6,000 events are several chunks of 256 KiB.
    static func lines(_ count: Int) throws -> [String] {
        var h = Harness()
        try h.run(.openSession, at: Fixtures.at(8, 0))
        try h.run(.startDay(date: nil), at: Fixtures.at(8, 1))
        h.seat = "rapporteur"
        var at = Fixtures.at(8, 2)
        while h.events.count < count {
            at = at.adding(seconds: 1)
            let kind: EntryKind = [.note, .decision, .question][h.events.count % 3]
            try h.run(
                .record(EntryContent(kind: kind, text: "Note n° \(h.events.count) : « l'été », \"guillemets\" — é")),
                at: at)
        }
        let path = Fixtures.tempDir() + "/journal.jsonl"
        let j = try Journal(path: path, writable: true)
        _ = try j.append(h.events.map(\.payload), expectedSeq: 1, at: at, seat: "rapporteur")
        return try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    /// Writes `lines` as a journal and returns its path.
    static func write(_ lines: [String], trailing: String = "\n") throws -> String {
        let path = Fixtures.tempDir() + "/journal.jsonl"
        try (lines.joined(separator: "\n") + trailing).write(toFile: path, atomically: false, encoding: .utf8)
        return path
    }

    @Test("Every event of a 6,000-event journal, in order, as each line decodes alone")
    func sameEvents() throws {
        let lines = try Self.lines(6000)
        let path = try Self.write(lines)
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.size] as! Int > 4 * Journal.chunkSize)
        let read = try Journal(path: path, writable: false).loadAll()
        let decoder = JSONDecoder()
        let alone = try lines.map { try decoder.decode(Event.self, from: Data($0.utf8)) }
        #expect(read == alone)
    }

    @Test("Damage deep in a large journal is found at its line, whichever chunk holds it")
    func damageFound() throws {
        let lines = try Self.lines(6000)
        for bad in [1500, 3001, 5990] {
            var damaged = lines
            damaged[bad - 1] = "garbage"
            let path = try Self.write(damaged)
            #expect(throws: JournalError.damaged(path: path, line: bad, reason: .notAnEvent)) {
                _ = try Journal(path: path, writable: false).loadAll()
            }
            var gap = lines
            gap[bad - 1] = gap[bad - 1].replacingOccurrences(of: "\"seq\":\(bad),", with: "\"seq\":\(bad + 7),")
            let gapPath = try Self.write(gap)
            #expect(
                throws: JournalError.damaged(
                    path: gapPath, line: bad, reason: .seqGap(found: bad + 7, expected: bad))
            ) {
                _ = try Journal(path: gapPath, writable: false).loadAll()
            }
        }
    }

    @Test("A torn last line of a large journal is reported and every whole event before it kept")
    func tornTail() throws {
        let lines = try Self.lines(6000)
        let torn = Array(lines.dropLast()) + [String(lines.last!.prefix(40))]
        let path = try Self.write(torn, trailing: "")
        let j = try Journal(path: path, writable: false)
        let events = try j.loadAll()
        #expect(events.count == lines.count - 1)
        #expect(events.last?.seq == lines.count - 1)
        #expect(j.tornBytes == 40)
    }
}
