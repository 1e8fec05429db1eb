import Foundation
import Testing

@testable import PalabreCore

#if canImport(Glibc)
    import Glibc
#endif

/// The real binary, real files, real processes killed for real.
@Suite("Journal under real processes", .serialized)
struct JournalProcessTests {
    func loadJournal(_ dir: String) throws -> (events: [Event], warnings: [String]) {
        let j = try Journal(path: dir + "/journal.jsonl", writable: false)
        let e = try j.loadAll()
        return (e, j.warnings)
    }

    @Test func killNineAtRandomMomentsLosesNothingThatWasPrinted() throws {
        let dir = try Bin.session()
        try #require(Bin.run(["do", dir, "start-day"]).status == 0)
        try #require(Bin.run(["do", dir, "start-item"]).status == 0)
        var printed: Set<Int> = []
        var killed = 0
        var generator = SystemRandomNumberGenerator()
        for i in 0..<60 {
            // A writer applying many commands; it is killed with SIGKILL after a random delay.
            let p = Process()
            p.executableURL = URL(fileURLWithPath: Bin.palabre)
            p.arguments = ["script", dir, "-"]
            let out = Pipe(), inp = Pipe()
            p.standardOutput = out; p.standardError = FileHandle.nullDevice; p.standardInput = inp
            try p.run()
            let lines =
                (0..<200).map { "note \"Écrit n° \(i)-\($0) « é »\" --seat rapporteur" }.joined(separator: "\n")
                + "\n"
            inp.fileHandleForWriting.write(Data(lines.utf8))
            try inp.fileHandleForWriting.close()
            // One writer in three is killed only once it has printed something, so that a machine
            // too busy to start a writer within the random delay still tests printed events.
            var first = Data()
            if i % 3 == 0 { first = out.fileHandleForReading.availableData }
            usleep(UInt32.random(in: 5_000...120_000, using: &generator))
            if p.isRunning { kill(p.processIdentifier, SIGKILL); killed += 1 }
            let o = first + out.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            printed.formUnion(Bin.seqs(String(decoding: o, as: UTF8.self)))
            // The next writer finds a journal it can load (quarantining a torn tail if any).
            let (events, _) = try loadJournal(dir)
            #expect(events.map(\.seq) == Array(1...events.count))
        }
        // Opening for writing repairs a torn tail; afterwards everything printed is there.
        let reopen = try Bin.run(["do", dir, "note", "après les coupures"])
        #expect(reopen.status == 0, "\(reopen.stderr)")
        let (events, warnings) = try loadJournal(dir)
        #expect(warnings.isEmpty)
        let seqs = Set(events.map(\.seq))
        #expect(printed.isSubset(of: seqs), "printed but missing: \(printed.subtracting(seqs).sorted())")
        #expect(killed >= 50, "only \(killed) writers were killed")
        #expect(printed.count > 0)
        // Every quarantined tail is a fragment of one line, never a whole event lost.
        let torn = try FileManager.default.contentsOfDirectory(atPath: dir).filter {
            $0.hasPrefix("journal.jsonl.torn-")
        }
        for t in torn {
            let text = try String(contentsOfFile: dir + "/" + t, encoding: .utf8)
            #expect(!text.contains("\n"))
        }
    }

    @Test func twoProcessesAppendingAThousandEventsEachAtOnce() throws {
        let dir = try Bin.session()
        try #require(Bin.run(["do", dir, "open"]).status == 0)
        let writers = ["facilitator", "rapporteur"].map { seat -> (Process, Pipe) in
            let p = Process()
            p.executableURL = URL(fileURLWithPath: Bin.palabre)
            p.arguments = ["script", dir, "-"]
            let out = Pipe(), inp = Pipe()
            p.standardOutput = out; p.standardError = FileHandle.nullDevice; p.standardInput = inp
            try! p.run()
            let lines = (1...1000).map { "note \(seat) \($0) --seat \(seat)" }.joined(separator: "\n") + "\n"
            inp.fileHandleForWriting.write(Data(lines.utf8))
            try! inp.fileHandleForWriting.close()
            return (p, out)
        }
        var printed: [Int] = []
        for (p, out) in writers {
            let o = out.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            #expect(p.terminationStatus == 0)
            printed += Bin.seqs(String(decoding: o, as: UTF8.self))
        }
        let text = try String(contentsOfFile: dir + "/journal.jsonl", encoding: .utf8)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 2001)
        let (events, warnings) = try loadJournal(dir)
        #expect(warnings.isEmpty)
        #expect(events.map(\.seq) == Array(1...2001))
        #expect(printed.sorted() == Array(2...2001))
        for seat in ["facilitator", "rapporteur"] {
            let texts = events.compactMap { e -> String? in
                if case .entryRecorded(_, let c) = e.payload, e.seat == seat { return c.text } else { return nil }
            }
            // Each writer's events are all there, once, in its own order.
            #expect(texts == (1...1000).map { "\(seat) \($0)" })
        }
    }

    @Test func refusalsAndBadInputGiveMessagesNotCrashes() throws {
        let dir = try Bin.session()
        let r1 = try Bin.run(["do", dir, "end-item"])
        #expect(r1.status == 1)
        // French typography: a no-break space before the colon, in the refusal and in its message.
        #expect(
            r1.stderr.contains("refusé\u{00A0}: Aucune journée") || r1.stderr.contains("refusé\u{00A0}: Aucun point"),
            "\(r1.stderr)")
        #expect(!r1.stderr.contains(" :"), "\(r1.stderr)")
        let r2 = try Bin.run(["do", dir, "frobnicate"])
        #expect(r2.status == 2 && r2.stderr.contains("verbe inconnu « frobnicate »"))
        let r3 = try Bin.run(["do", "/nonexistent/session", "open"])
        #expect(r3.status == 2 && r3.stderr.contains("no session folder"))
        try Bin.run(["do", dir, "start-day", "--at", "09:00"])
        let r4 = try Bin.run(["do", dir, "start-item", "--at", "08:00"])
        #expect(r4.status == 1 && r4.stderr.contains("l'horloge ne recule jamais"))
        #expect(!r4.stderr.contains("Fatal error"))
    }
}
