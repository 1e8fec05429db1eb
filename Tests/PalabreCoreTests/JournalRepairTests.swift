import Foundation
import Testing

@testable import PalabreCore

/// The repair plan on journals damaged by hand: what is set aside, what is kept, which seqs stay.
@Suite("Journal repair plan")
struct JournalRepairTests {
    /// The lines of a sound journal of five events.
    func sound() throws -> [[UInt8]] {
        let dir = try Fixtures.fiveEventSession()
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: SessionStore.journalPath(dir))))
        return bytes.split(separator: 10).map(Array.init)
    }

    func plan(_ lines: [[UInt8]], tail: [UInt8] = []) -> JournalRepair {
        JournalRepair(bytes: lines.flatMap { $0 + [10] } + tail, quarantineName: "journal.jsonl.repair-X")
    }

    func events(_ bytes: [UInt8]) throws -> [Event] {
        try bytes.split(separator: 10).map { try JSONDecoder().decode(Event.self, from: Data($0)) }
    }

    @Test("A sound journal needs nothing")
    func soundJournal() throws {
        let p = plan(try sound())
        #expect(p.isIntact && p.removed.isEmpty)
        #expect(p.repaired == p.original)
    }

    @Test("An event repeating a used seq with other bytes is set aside without a placeholder")
    func seqAlreadyUsed() throws {
        var ls = try sound()
        let other = Array(String(decoding: ls[3], as: UTF8.self).replacingOccurrences(of: "un", with: "autre").utf8)
        ls.insert(other, at: 4)
        let p = plan(ls)
        #expect(p.problems.map(\.kind) == [.seqAlreadyUsed(seq: 4, by: 4)])
        #expect(p.removed == other + [10])
        #expect(try events(p.repaired).map(\.seq) == [1, 2, 3, 4, 5])
    }

    @Test("An empty line, a NUL line and a stray line that held no seq go; the seqs after are untouched")
    func linesWithoutSeq() throws {
        var ls = try sound()
        ls.insert([], at: 1)
        ls.insert([0, 0, 0], at: 3)
        ls.insert(Array("not json".utf8), at: 5)
        let p = plan(ls)
        #expect(p.problems.map(\.kind) == [.emptyLine, .nulLine, .notAnEvent])
        #expect(p.problems.map(\.line) == [2, 4, 6])
        #expect(p.problems.allSatisfy { $0.placeholderSeq == nil })
        #expect(p.removed == [10] + [0, 0, 0, 10] + Array("not json\n".utf8))
        #expect(p.repaired == (try sound()).flatMap { $0 + [10] })
    }

    @Test("A damaged line whose seq the next event gives away keeps that seq with a placeholder")
    func placeholderFromTheNextLine() throws {
        var ls = try sound()
        let damaged = Array(ls[2].prefix(10))
        ls[2] = damaged
        let p = plan(ls)
        #expect(p.problems.count == 1 && p.problems[0].placeholderSeq == 3)
        let after = try events(p.repaired)
        #expect(after.map(\.seq) == [1, 2, 3, 4, 5])
        #expect(after[2].payload == .lineSetAside(line: 3, quarantine: "journal.jsonl.repair-X"))
        #expect(after[2].at == after[1].at, "the placeholder never moves time")
        #expect(p.removed == damaged + [10])
    }

    @Test("A writer that opened the journal before a repair never appends to the old file")
    func writerOfTheOldFileIsStopped() throws {
        let dir = Fixtures.tempDir()
        let path = SessionStore.journalPath(dir)
        let a = try SessionStore(folder: dir, programme: Fixtures.programme)
        try a.perform(.startDay(date: nil), seat: "f", at: Fixtures.at(9, 0))
        // A torn tail appears; a repair sets it aside and renames a new file over the journal.
        let h = try #require(FileHandle(forWritingAtPath: path))
        h.seekToEndOfFile(); h.write(Data(#"{"seq":3,"at""#.utf8)); h.closeFile()
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let plan = JournalRepair(bytes: bytes, quarantineName: "journal.jsonl.repair-T")
        #expect(plan.problems.map(\.kind) == [.tornTail])
        let q = try #require(try plan.apply(to: path))
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: q))) == Array(#"{"seq":3,"at""#.utf8))
        #expect(throws: JournalError.replaced(path: path)) {
            try a.perform(.startItem(id: nil), seat: "f", at: Fixtures.at(9, 1))
        }
        // A writer opening the repaired journal goes on from it.
        let b = try SessionStore(folder: dir, programme: Fixtures.programme)
        #expect(try b.perform(.startItem(id: nil), seat: "f", at: Fixtures.at(9, 1)).map(\.seq) == [3])
    }

    @Test("Time going backwards is not mended: it is shown and blocks the repair")
    func timeBackwardsBlocks() throws {
        var ls = try sound()
        ls.swapAt(3, 4)
        let s3 = String(decoding: ls[3], as: UTF8.self).replacingOccurrences(of: #""seq":5"#, with: #""seq":4"#)
        let s4 = String(decoding: ls[4], as: UTF8.self).replacingOccurrences(of: #""seq":4"#, with: #""seq":5"#)
        ls[3] = Array(s3.utf8)
        ls[4] = Array(s4.utf8)
        let p = plan(ls)
        #expect(p.blocker?.line == 5)
        #expect(p.blocker?.damage == .timeGoesBackwards)
    }
    @Test("A line of NUL bytes where an event was keeps that seq with a placeholder")
    func nulLineWhereAnEventWas() throws {
        var ls = try sound()
        let zeros = [UInt8](repeating: 0, count: ls[2].count)
        ls[2] = zeros
        let p = plan(ls)
        #expect(p.blocker == nil)
        #expect(p.problems.map(\.kind) == [.nulLine])
        #expect(p.problems[0].placeholderSeq == 3 && p.problems[0].placeholderCount == 1)
        let after = try events(p.repaired)
        #expect(after.map(\.seq) == [1, 2, 3, 4, 5])
        #expect(after[2].payload == .lineSetAside(line: 3, quarantine: "journal.jsonl.repair-X"))
        #expect(p.removed == zeros + [10])
    }

    @Test("A run of NUL bytes over several lines keeps every seq it held, each with a placeholder")
    func nulRunOverSeveralLines() throws {
        var ls = try sound()
        let zeros = [UInt8](repeating: 0, count: ls[1].count + 1 + ls[2].count)
        ls.replaceSubrange(1...2, with: [zeros])
        let p = plan(ls)
        #expect(p.blocker == nil)
        #expect(p.problems.count == 1 && p.problems[0].placeholderSeq == 2 && p.problems[0].placeholderCount == 2)
        #expect(JournalRepair.change(p.problems[0], .fr).contains("n° 2 à 3"))
        #expect(JournalRepair.change(p.problems[0], .en).contains("seqs 2 to 3"))
        let after = try events(p.repaired)
        #expect(after.map(\.seq) == [1, 2, 3, 4, 5])
        #expect(after[1].payload == after[2].payload)
    }

    @Test("A few NUL bytes cannot have held an event: the gap after them still blocks the repair")
    func shortNulRunHidesNoGap() throws {
        var ls = try sound()
        ls[2] = [0, 0, 0]
        let p = plan(ls)
        #expect(p.blocker?.damage == .seqGap(found: 4, expected: 3))
        #expect(JournalRepair.message(p.blocker!, .fr).contains("des événements manquent"))
        #expect(JournalRepair.message(p.blocker!, .en).contains("events are missing"))
    }

    @Test("Two swapped lines are put back in order: nothing set aside, nothing renumbered")
    func swappedLines() throws {
        var ls = try sound()
        ls.swapAt(3, 4)
        let p = plan(ls)
        #expect(p.blocker == nil)
        #expect(p.problems.map(\.kind) == [.outOfOrder(seq: 4, before: 4)])
        #expect(p.problems.map(\.line) == [5])
        #expect(p.removed.isEmpty)
        #expect(p.repaired == (try sound()).flatMap { $0 + [10] })
        #expect(JournalRepair.reason(p.problems[0], .fr).contains("désordre"))
        #expect(JournalRepair.change(p.problems[0], .en).contains("nothing is set aside"))
    }

    @Test("A line moved far down is brought back, and a real gap after it still blocks")
    func lineMovedFarDown() throws {
        let ls = try sound()
        let moved = [ls[0], ls[2], ls[3], ls[4], ls[1]]
        let p = plan(moved)
        #expect(p.blocker == nil)
        #expect(p.problems.map(\.kind) == [.outOfOrder(seq: 2, before: 2)])
        #expect(p.repaired == ls.flatMap { $0 + [10] })
        let gap = plan([ls[0], ls[2], ls[4]])
        #expect(gap.blocker?.damage == .seqGap(found: 3, expected: 2))
    }

    @Test("NUL bytes over whole lines, line breaks included, then an intact event: its seqs kept, the event kept")
    func nulRunRunningIntoAnEvent() throws {
        var ls = try sound()
        let zeros = [UInt8](repeating: 0, count: ls[1].count + 1 + ls[2].count + 1)
        ls.replaceSubrange(1...3, with: [zeros + ls[3]])
        let p = plan(ls)
        #expect(p.blocker == nil)
        #expect(p.problems.map(\.kind) == [.nulBytes(beforeSeq: 4)])
        #expect(p.problems[0].placeholderSeq == 2 && p.problems[0].placeholderCount == 2)
        #expect(JournalRepair.change(p.problems[0], .en).contains("seqs 2 to 3 stay taken"))
        let after = try events(p.repaired)
        #expect(after.map(\.seq) == [1, 2, 3, 4, 5])
        #expect(after[3] == (try events((try sound()).flatMap { $0 + [10] }))[3], "the event behind the zeros is kept")
        #expect(p.removed == zeros)
        // Ten zeros cannot have held an event: event 3 is missing, the repair is refused.
        var short = try sound()
        short.replaceSubrange(2...3, with: [[UInt8](repeating: 0, count: 10) + short[3]])
        #expect(plan(short).blocker?.damage == .seqGap(found: 4, expected: 3))
    }

    @Test("A known event type with a field missing is not called unknown")
    func malformedKnownType() throws {
        var ls = try sound()
        ls[2] = Array(String(decoding: ls[2], as: UTF8.self).replacingOccurrences(of: #""item":"#, with: #""x":"#).utf8)
        let p = plan(ls)
        #expect(p.problems.map(\.kind) == [.notAnEvent])
        #expect(p.problems[0].placeholderSeq == 3)
    }

    @Test("A line moved up, the lines after it going on in order: one move back, nothing set aside")
    func lineMovedUp() throws {
        let ls = try sound()
        for order in [[4, 0, 1, 2, 3], [0, 4, 1, 2, 3], [0, 3, 1, 2, 4]] {
            let p = plan(order.map { ls[$0] })
            #expect(p.blocker == nil, "\(order)")
            #expect(p.problems.count == 1, "one change, not one per line: \(order)")
            let moved = order.first { $0 != order.firstIndex(of: $0)! }! + 1
            #expect(
                p.problems.first?.kind == .movedUp(seq: moved, after: order.firstIndex(of: moved - 2)! + 1), "\(order)")
            #expect(p.removed.isEmpty)
            #expect(p.repaired == ls.flatMap { $0 + [10] }, "\(order)")
        }
        // Moved up over a real gap: still refused, and no move shown that will not be made.
        let gap = plan([ls[0], ls[4], ls[1], ls[2]])
        #expect(gap.blocker?.damage == .seqGap(found: 5, expected: 4))
        #expect(gap.problems.isEmpty, "\(gap.problems)")
    }

    @Test(
        "The end of a line and its line break zeroed, the next event running on: the cut line's seq kept, the event kept"
    )
    func lineCutByZeros() throws {
        var ls = try sound()
        let cut = Array(ls[1].prefix(20)) + [UInt8](repeating: 0, count: ls[1].count - 20 + 1)
        ls.replaceSubrange(1...2, with: [cut + ls[2]])
        let p = plan(ls)
        #expect(p.blocker == nil)
        #expect(p.problems.map(\.kind) == [.cutByZeros(beforeSeq: 3)])
        #expect(p.problems[0].placeholderSeq == 2 && p.problems[0].placeholderCount == 1)
        #expect(JournalRepair.change(p.problems[0], .fr).contains("le n° 2 reste occupé"))
        #expect(JournalRepair.change(p.problems[0], .en).contains("seq 2 stays taken"))
        #expect(try events(p.repaired).map(\.seq) == [1, 2, 3, 4, 5])
        #expect(p.removed == cut)
    }
}
