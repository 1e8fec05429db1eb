import Foundation
import Testing

@testable import PalabreCore

/// `palabre script`: errors name the script's line, and `--resume` goes on after the last line
/// already in the journal, so a refusal or a kill never records a line twice.
@Suite("Script lines and --resume", .serialized)
struct ScriptResumeTests {
    /// Writes `lines` to a script file beside `dir` and returns its path.
    func script(_ lines: [String], in dir: String) throws -> String {
        let path = dir + "/commands.palabre"
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// The script marks of the events of `dir`'s journal, in order.
    func marks(_ dir: String) throws -> [ScriptLine] {
        let journal = try Journal(path: dir + "/journal.jsonl", writable: false)
        return try journal.loadAll().compactMap(\.script)
    }

    @Test(arguments: [("fr", "option inconnue « --foo »"), ("en", "unknown option \"--foo\"")])
    func aMalformedLineIsNamedAndResumeGoesOnFromIt(language: String, message: String) throws {
        let dir = try RefusalTableTests.session(language)
        var lines = ["# a comment", "note \"Bonne\" --at 09:10", "", "note x --foo"]
        var path = try script(lines, in: dir)
        let r = try Bin.run(["script", dir, path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("\(path):4: note: \(message)"), "the line is named: \(r.stderr)")
        #expect(r.stderr.contains("note x --foo"), "the line is shown")
        #expect(try marks(dir).map(\.line) == [2], "the lines before it are recorded")
        lines[3] = "note -- x --foo"
        path = try script(lines, in: dir)
        #expect(try Bin.run(["script", dir, path, "--resume"]).status == 0)
        #expect(try marks(dir).map(\.line) == [2, 4])
    }

    @Test func anUnknownVerbAnywhereStopsTheScriptBeforeAnythingIsRecorded() throws {
        let dir = try RefusalTableTests.session("en")
        let before = try Data(contentsOf: URL(fileURLWithPath: dir + "/journal.jsonl"))
        let path = try script(["note \"Fine\" --at 09:10", "frobnicate", "note 'unterminated"], in: dir)
        let r = try Bin.run(["script", dir, path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("\(path):2: unknown verb \"frobnicate\""), "\(r.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/journal.jsonl")) == before)
    }

    @Test(arguments: [("fr", "refusé\u{00A0}: Aucun point « nope »"), ("en", "refused: No agenda item “nope”")])
    func aRefusedLineIsNamedAndResumeGoesOnAfterIt(language: String, message: String) throws {
        let dir = try RefusalTableTests.session(language)
        var lines = [
            "note \"Un\" --at 09:10", "note \"Deux\" --at 09:11", "start-item nope --at 09:12", "note \"Trois\"",
        ]
        var path = try script(lines, in: dir)
        let r = try Bin.run(["script", dir, path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("\(path):3: \(message)"), "the refused line is named: \(r.stderr)")
        #expect(r.stderr.contains("--resume"), "the message says how to go on")
        #expect(try marks(dir).map(\.line) == [1, 2])
        lines[2] = "note \"Corrigée\" --at 09:12"
        path = try script(lines, in: dir)
        let again = try Bin.run(["script", dir, path, "--resume"])
        #expect(again.status == 0, "resumed: \(again.stderr)")
        #expect(Bin.seqs(again.stdout).count == 2, "only lines 3 and 4 are recorded")
        #expect(try marks(dir).map(\.line) == [1, 2, 3, 4])
    }

    @Test func resumeRefusesAScriptWhoseLastRecordedLineChanged() throws {
        let dir = try RefusalTableTests.session("en")
        var path = try script(["note \"One\" --at 09:10", "note \"Two\""], in: dir)
        #expect(try Bin.run(["script", dir, path]).status == 0)
        path = try script(["note \"One\" --at 09:10", "note \"Another\""], in: dir)
        let before = try Data(contentsOf: URL(fileURLWithPath: dir + "/journal.jsonl"))
        let r = try Bin.run(["script", dir, path, "--resume"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("\(path):2: this line is not the one the journal recorded last"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/journal.jsonl")) == before)
    }

    @Test func resumeAfterKill9MidScriptRecordsNoLineTwice() throws {
        let dir = try RefusalTableTests.session("fr")
        let count = 400
        let lines = (1...count).map { "note \"Ligne \($0)\"" }
        let path = try script(lines, in: dir)
        let journal = dir + "/journal.jsonl"
        let startSize = (try FileManager.default.attributesOfItem(atPath: journal)[.size] as? Int) ?? 0
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Bin.palabre)
        p.arguments = ["script", dir, path, "--quiet"]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        // Kill it once some lines are in the journal, well before the end.
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let size = (try FileManager.default.attributesOfItem(atPath: journal)[.size] as? Int) ?? 0
            if size > startSize + 30 * 80 { break }
            usleep(2_000)
        }
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        #expect(p.terminationReason == .uncaughtSignal, "the script was killed mid-way")
        let done = try marks(dir).map(\.line)
        #expect(!done.isEmpty && done.count < count, "killed mid-script: \(done.count) lines recorded")
        let r = try Bin.run(["script", dir, path, "--resume", "--quiet"])
        #expect(r.status == 0, "resumed: \(r.stderr)")
        let all = try marks(dir).map(\.line)
        #expect(all == Array(1...count), "every line once, in order")
        let texts = try Journal(path: journal, writable: false).loadAll().compactMap { e -> String? in
            if case .entryRecorded(_, let entry) = e.payload, entry.text.hasPrefix("Ligne ") { return entry.text }
            return nil
        }
        #expect(texts == (1...count).map { "Ligne \($0)" })
    }
}
