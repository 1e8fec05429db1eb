import Foundation
import Testing

@testable import PalabreCore

/// `Journal.contains(bytes:)`, which tells `palabre run` without folding the journal that a
/// session was never closed.
@Suite("Bytes searched in the journal")
struct JournalContainsTests {
    /// A journal file holding `text`, opened for reading.
    func journal(_ text: [UInt8]) throws -> Journal {
        let path = Fixtures.tempDir() + "/journal.jsonl"
        try Data(text).write(to: URL(fileURLWithPath: path))
        return try Journal(path: path, writable: false)
    }

    @Test("Found at the start, at the end and across the boundary of two reads; not found when absent or split")
    func whereverItStands() throws {
        let needle = Array(#""sessionClosed""#.utf8)
        let filler = [UInt8](repeating: UInt8(ascii: "x"), count: 1 << 20)
        #expect(try journal(needle + filler).contains(bytes: needle))
        #expect(try journal(filler + needle).contains(bytes: needle))
        for cut in [1, 7, needle.count - 1] {
            let across = Array(filler.dropLast(cut)) + needle + filler
            #expect(try journal(across).contains(bytes: needle), "needle across the first MiB, cut at \(cut)")
        }
        #expect(try !journal(filler + filler).contains(bytes: needle))
        let escaped = Array(#"{"text":"\"sessionClosed\""}"#.utf8)
        #expect(try !journal(escaped).contains(bytes: needle), "a quote inside a JSON string is escaped")
        #expect(try !journal(Array(needle.dropLast()) + [10] + needle.suffix(1)).contains(bytes: needle))
        #expect(try !journal([]).contains(bytes: needle))
    }

    @Test("A session opened and not closed does not name the close; once closed it does, as the recorded meeting")
    func sessions() throws {
        let needle = Array(#""sessionClosed""#.utf8)
        var h = Harness()
        try h.run(.openSession, at: Fixtures.at(8, 0))
        try h.run(.startDay(date: nil), at: Fixtures.at(8, 1))
        try h.run(
            .record(EntryContent(kind: .note, text: "La séance n'est pas \"sessionClosed\".")), at: Fixtures.at(9, 0))
        let path = Fixtures.tempDir() + "/journal.jsonl"
        let j = try Journal(path: path, writable: true)
        _ = try j.append(h.events.map(\.payload), expectedSeq: 1, at: Fixtures.at(9, 0), seat: "facilitator")
        #expect(try !j.contains(bytes: needle))
        _ = try j.append([.sessionClosed], expectedSeq: h.events.count + 1, at: Fixtures.at(18, 0), seat: "facilitator")
        #expect(try j.contains(bytes: needle))
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("sessions/segou-2023-recorded/journal.jsonl")
        #expect(try Journal(path: root.path, writable: false).contains(bytes: needle))
    }
}
