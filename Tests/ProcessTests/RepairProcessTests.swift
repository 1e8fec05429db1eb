import Foundation
import Testing

@testable import PalabreCore

#if canImport(Glibc)
    import Glibc
#endif

/// A damaged journal has a way forward: `palabre repair` on each kind of damage, with the real
/// binary on real files; readers that read up to the damage; writers that point to `repair`.
@Suite("Repairing a damaged journal", .serialized)
struct RepairProcessTests {
    /// A session with six events: opened, day and item started, two notes, a pause.
    func session() throws -> String {
        let dir = try Bin.session()
        for args in [["start-day"], ["start-item"], ["note", "première"], ["note", "seconde"], ["pause"]] {
            try #require(Bin.run(["do", dir] + args).status == 0)
        }
        return dir
    }

    func journal(_ dir: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: dir + "/journal.jsonl")))
    }

    func write(_ bytes: [UInt8], _ dir: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: dir + "/journal.jsonl"))
    }

    func lines(_ bytes: [UInt8]) -> [[UInt8]] {
        bytes.split(separator: 10, omittingEmptySubsequences: false).dropLast().map(Array.init)
    }

    func quarantines(_ dir: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix("journal.jsonl.repair-") }
    }

    /// Runs `repair --yes` on `dir` and checks what every kind has in common: exit 0, the line and
    /// byte offset shown, exactly `removed` in one owner-only quarantine file, and `verify` exit 0.
    /// Returns the journal after.
    func repair(_ dir: String, removed: [UInt8], line: Int, offset: Int) throws -> [UInt8] {
        let r = try Bin.run(["repair", dir, "--yes"])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("journal.jsonl:\(line) (octet \(offset),"), "\(r.stdout)")
        let q = try quarantines(dir)
        try #require(q.count == 1, "\(q)")
        let kept = Array(try Data(contentsOf: URL(fileURLWithPath: dir + "/" + q[0])))
        #expect(kept == removed, "every removed byte is in quarantine, and only those")
        var st = stat()
        #expect(lstat(dir + "/" + q[0], &st) == 0 && st.st_mode & 0o777 == 0o600, "the quarantine is owner-only")
        let v = try Bin.run(["verify", dir])
        #expect(v.status == 0, "\(v.stdout)\(v.stderr)")
        #expect(v.stdout.contains("intact."))
        // Appending goes on after the last seq, renumbering nothing.
        let before = try Journal(path: dir + "/journal.jsonl", writable: false).loadAll().count
        let next = try Bin.run(["do", dir, "resume"])
        #expect(next.status == 0, "\(next.stderr)")
        #expect(Bin.seqs(next.stdout) == [before + 1])
        return try journal(dir)
    }

    @Test("A duplicated last line is set aside, byte for byte, and nothing is renumbered")
    func duplicatedLastLine() throws {
        let dir = try session()
        let good = try journal(dir)
        let last = lines(good).last! + [10]
        try write(good + last, dir)
        let refused = try Bin.run(["do", dir, "resume"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("palabre repair \(dir)"), "\(refused.stderr)")
        // What a repair killed before its rename leaves (a process long gone) is removed by the next.
        try Data("half".utf8).write(to: URL(fileURLWithPath: dir + "/.journal.jsonl.repair-999999"))
        // The facilitator's seat refuses it too, before any screen, with the same way forward.
        let run = try Bin.run(["run", dir])
        #expect(run.status == 1)
        #expect(run.stderr.contains("palabre repair \(dir)"), "\(run.stderr)")
        #expect(try journal(dir) == good + last, "nothing was appended")
        let after = try repair(dir, removed: last, line: 7, offset: good.count)
        #expect(Array(after.prefix(good.count)) == good, "the intact lines are left as they were")
        #expect(!FileManager.default.fileExists(atPath: dir + "/.journal.jsonl.repair-999999"))
    }

    @Test("NUL bytes before a valid event: the bytes go to quarantine, the event stays with its seq")
    func nulBytesBeforeAnEvent() throws {
        let dir = try session()
        let good = try journal(dir)
        let ls = lines(good)
        let cut = ls.dropLast().reduce(0) { $0 + $1.count + 1 }
        let nul = [UInt8](repeating: 0, count: 37)
        try write(Array(good.prefix(cut)) + nul + Array(good.dropFirst(cut)), dir)
        let after = try repair(dir, removed: nul, line: 6, offset: cut)
        #expect(Array(after.prefix(good.count)) == good, "the event behind the NUL bytes kept its line and seq")
    }

    @Test("A line of an unknown event type in the middle is set aside and its seq kept by a placeholder")
    func unknownEventType() throws {
        let dir = try session()
        let good = try journal(dir)
        var ls = lines(good)
        let offset = ls.prefix(3).reduce(0) { $0 + $1.count + 1 }
        let line = Array(
            String(decoding: ls[3], as: UTF8.self).replacingOccurrences(
                of: "\"entryRecorded\"", with: "\"futureKind\""
            ).utf8)
        ls[3] = line
        try write(ls.flatMap { $0 + [10] }, dir)
        let log = try Bin.run(["log", dir])
        #expect(log.status == 0, "log reads up to the damage")
        #expect(log.stdout.contains("#3 ") && !log.stdout.contains("#5 "), "\(log.stdout)")
        // A later version's event: the way forward is to update palabre; repair would set it aside.
        #expect(log.stderr.contains("journal.jsonl:4") && log.stderr.contains("Mettez palabre à jour"), "\(log.stderr)")
        let after = try repair(dir, removed: line + [10], line: 4, offset: offset)
        let events = try Journal(path: dir + "/journal.jsonl", writable: false).loadAll()
        #expect(events.map(\.seq) == Array(1...7))
        guard case .lineSetAside(let l, let q) = events[3].payload else {
            Issue.record("seq 4 is not a placeholder: \(events[3])")
            return
        }
        #expect(l == 4 && q.hasPrefix("journal.jsonl.repair-"))
        #expect(lines(after)[4] == lines(good)[4], "the events after the damaged line keep their seq")
    }

    @Test("A garbled line in the middle is set aside; the minutes are written up to the damage before")
    func damagedLineInTheMiddle() throws {
        let dir = try session()
        let good = try journal(dir)
        var ls = lines(good)
        let offset = ls.prefix(4).reduce(0) { $0 + $1.count + 1 }
        let garbled = Array(ls[4].prefix(20)) + Array("\u{1}#garbage".utf8)
        ls[4] = garbled
        try write(ls.flatMap { $0 + [10] }, dir)
        let m = try Bin.run(["minutes", dir])
        #expect(m.status == 0, "\(m.stderr)")
        #expect(m.stdout.contains("documents de 4 événements"), "\(m.stdout)")
        #expect(m.stderr.contains("journal.jsonl:5"), "\(m.stderr)")
        let v = try Bin.run(["verify", dir])
        #expect(v.status == 1 && v.stdout.contains("palabre repair"), "\(v.stdout)")
        let after = try repair(dir, removed: garbled + [10], line: 5, offset: offset)
        #expect(lines(after).count == 7)
        #expect(lines(after)[5] == lines(good)[5], "the pause keeps its line and seq")
    }

    @Test("A torn tail is set aside and the journal cut back to its intact events")
    func tornTail() throws {
        let dir = try session()
        let good = try journal(dir)
        let torn = Array(#"{"seq":7,"at":"2026-"#.utf8)
        try write(good + torn, dir)
        let v = try Bin.run(["verify", dir])
        #expect(v.status == 1, "\(v.stdout)")
        let after = try repair(dir, removed: torn, line: 7, offset: good.count)
        #expect(Array(after.prefix(good.count)) == good)
    }

    @Test("Without a terminal and without --yes nothing is changed; an intact journal needs nothing")
    func asksFirst() throws {
        let dir = try session()
        let good = try journal(dir)
        let damaged: [UInt8] = good + lines(good).last! + [10]
        try write(damaged, dir)
        let r = try Bin.run(["repair", dir])
        #expect(r.status == 1)
        #expect(r.stderr.contains("--yes"), "\(r.stderr)")
        #expect(try journal(dir) == damaged)
        #expect(try quarantines(dir).isEmpty)
        let intact = try Bin.run(["repair", try session()])
        #expect(intact.status == 0 && intact.stdout.contains("intact"), "\(intact.stdout)")
    }

    @Test("An English session is told what is wrong and what to do in English")
    func englishSession() throws {
        let dir = try session()
        let yaml = try String(contentsOfFile: dir + "/programme.yaml", encoding: .utf8)
        try yaml.replacingOccurrences(of: "language: fr", with: "language: en").write(
            toFile: dir + "/programme.yaml", atomically: true, encoding: .utf8)
        let good = try journal(dir)
        try write(good + lines(good).last! + [10], dir)
        let refused = try Bin.run(["do", dir, "resume"])
        #expect(refused.stderr.contains("the journal is damaged here") && refused.stderr.contains("palabre repair"))
        let r = try Bin.run(["repair", dir, "--yes"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("journal.jsonl:7 (byte \(good.count), "), "\(r.stdout)")
        #expect(r.stdout.contains("line 6 repeated byte for byte → set the line aside"), "\(r.stdout)")
        #expect(r.stdout.contains("verified, 6 events"), "\(r.stdout)")
    }

    @Test("Zeros where two lines were (a power cut): verify names them, repair keeps both seqs with placeholders")
    func nulBytesWhereLinesWere() throws {
        let dir = try session()
        let good = try journal(dir)
        var ls = lines(good)
        let offset = ls.prefix(3).reduce(0) { $0 + $1.count + 1 }
        let zeros = [UInt8](repeating: 0, count: ls[3].count + 1 + ls[4].count)
        ls.replaceSubrange(3...4, with: [zeros])
        try write(ls.flatMap { $0 + [10] }, dir)
        let v = try Bin.run(["verify", dir])
        #expect(v.status == 1)
        #expect(v.stdout.contains("journal.jsonl:4") && v.stdout.contains("octets NUL"), "\(v.stdout)")
        let after = try repair(dir, removed: zeros + [10], line: 4, offset: offset)
        let events = try Journal(path: dir + "/journal.jsonl", writable: false).loadAll()
        #expect(events.map(\.seq) == Array(1...7))
        #expect(events[3...4].allSatisfy { if case .lineSetAside(4, _) = $0.payload { true } else { false } })
        #expect(lines(after)[5] == lines(good)[5], "the event after the zeros keeps its bytes and seq")
    }

    @Test("Two swapped lines: verify says out of order, repair puts them back and sets nothing aside")
    func swappedLines() throws {
        let dir = try session()
        let good = try journal(dir)
        var ls = lines(good)
        ls.swapAt(3, 4)
        try write(ls.flatMap { $0 + [10] }, dir)
        let v = try Bin.run(["verify", dir])
        #expect(v.status == 1)
        #expect(v.stdout.contains("journal.jsonl:4") && v.stdout.contains("désordre"), "\(v.stdout)")
        #expect(!v.stdout.contains("manque"), "\(v.stdout)")
        // In English when asked, whatever the programme's language; without a terminal, nothing done.
        let en = try Bin.run(["repair", dir, "--lang", "en"])
        #expect(en.status == 1)
        #expect(en.stdout.contains("lines out of order") && en.stdout.contains("nothing is set aside"), "\(en.stdout)")
        #expect(en.stderr.contains("confirm with --yes"), "\(en.stderr)")
        let r = try Bin.run(["repair", dir, "--yes"])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("rien n'est mis de côté"), "\(r.stdout)")
        #expect(try journal(dir) == good)
        #expect(try quarantines(dir).isEmpty, "nothing set aside, no quarantine file")
        #expect(try Bin.run(["verify", dir]).stdout.contains("intact."))
    }

    @Test("A seq gap cannot be mended without inventing events: said, and nothing changed")
    func seqGapIsNotInvented() throws {
        let dir = try session()
        var ls = lines(try journal(dir))
        ls.remove(at: 2)
        let damaged: [UInt8] = ls.flatMap { $0 + [10] }
        try write(damaged, dir)
        let r = try Bin.run(["repair", dir, "--yes"])
        #expect(r.status == 1)
        #expect(r.stdout.contains("journal.jsonl:3"), "\(r.stdout)")
        #expect(try journal(dir) == damaged)
        #expect(try quarantines(dir).isEmpty)
    }

    @Test("A whole event behind NUL bytes at the end is recovered by the next writer, not quarantined")
    func nulRunBeforeTheLastEventIsRecovered() throws {
        let dir = try session()
        let good = try journal(dir)
        let ls = lines(good)
        let cut = ls.dropLast().reduce(0) { $0 + $1.count + 1 }
        try write(Array(good.prefix(cut)) + [UInt8](repeating: 0, count: 4096) + Array(good.dropFirst(cut)), dir)
        let r = try Bin.run(["do", dir, "resume"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(Bin.seqs(r.stdout) == [7], "seq 6 is not reused")
        #expect(r.stderr.contains("4096 octets NUL ignorés avant l'événement 6"), "\(r.stderr)")
        let torn = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.contains(".torn-") }
        #expect(torn.isEmpty, "\(torn)")
        let events = try Journal(path: dir + "/journal.jsonl", writable: false).loadAll()
        #expect(events.map(\.seq) == Array(1...7))
    }

    @Test("verify: 0 when intact even with ids the programme no longer has, which are warnings")
    func verifyExitStatus() throws {
        let dir = try session()
        let text = String(decoding: try journal(dir), as: UTF8.self)
        try write(Array(text.replacingOccurrences(of: "demo-ouverture", with: "demo-disparu").utf8), dir)
        let v = try Bin.run(["verify", dir])
        #expect(v.status == 0, "\(v.stdout)\(v.stderr)")
        #expect(v.stdout.contains("avertissement\u{00A0}:") && v.stdout.contains("demo-disparu"), "\(v.stdout)")
    }

    /// Runs `palabre args` with file writes limited to nothing (`ulimit -f 0`, SIGXFSZ ignored).
    func withoutRoom(_ args: [String]) throws -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", "trap '' XFSZ; ulimit -f 0; exec \"$0\" \"$@\"", Bin.palabre] + args
        p.standardOutput = FileHandle.nullDevice; p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        return p.terminationStatus
    }

    @Test("A quarantine that cannot be written leaves no empty file and the journal as it was")
    func failedQuarantineLeavesNothing() throws {
        let dir = try session()
        let good = try journal(dir)
        let damaged = good + Array(#"{"seq":7,"at""#.utf8)
        try write(damaged, dir)
        #expect(try withoutRoom(["do", dir, "resume"]) == 1)
        #expect(try withoutRoom(["repair", dir, "--yes"]) == 1)
        let left = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix("journal.jsonl.") }
        #expect(left.isEmpty, "\(left)")
        let hidden = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix(".journal") }
        #expect(hidden.isEmpty, "\(hidden)")
        #expect(try journal(dir) == damaged)
    }
}
