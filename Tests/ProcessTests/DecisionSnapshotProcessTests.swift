import Foundation
import Testing

@testable import PalabreCore

/// `palabre do` through the real binary with the session's decision snapshot (`.decisions`):
/// what it records is what the whole journal decides, after other writers and after edits.
@Suite("palabre do and the decision snapshot", .serialized)
struct DecisionSnapshotProcessTests {
    static let morning: [[String]] = [
        ["start-day", "--at", "08:15"],
        ["check-in", "dg-adr-segou", "--at", "08:16"],
        ["start-item", "--at", "08:30"],
        ["note", "Mot de bienvenue du Directeur général.", "--seat", "rapporteur", "--at", "08:40"],
    ]

    @discardableResult
    func run(_ dir: String, _ line: [String]) throws -> [Int] {
        let r = try Bin.run(["do", dir] + line)
        try #require(r.status == 0, "\(line): \(r.stderr)")
        return Bin.seqs(r.stdout)
    }

    /// Writes `text` over the start of the file at `path`, the same file (an editor that writes in
    /// place).
    static func writeInPlace(_ path: String, _ text: String) throws {
        let h = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try h.write(contentsOf: Data(text.utf8))
        try h.close()
    }

    /// The header line of the session's snapshot.
    func snapshot(_ dir: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: dir + "/.decisions"))
        let header = try #require(data.split(separator: 10).first)
        return try #require(try JSONSerialization.jsonObject(with: Data(header)) as? [String: Any])
    }

    @Test func theSnapshotFollowsEachCommandAndTheDocumentsHoldTheWholeJournal() throws {
        let dir = try Bin.session()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for l in Self.morning { try run(dir, l) }
        let note = try run(dir, ["note", "Deuxième note « été ».", "--seat", "rapporteur", "--at", "08:41"])
        let s = try snapshot(dir)
        #expect(s["seq"] as? Int == note.last, "the snapshot is at the last event recorded")
        let mode = try #require(
            try FileManager.default.attributesOfItem(atPath: dir + "/.decisions")[.posixPermissions] as? Int)
        #expect(mode == 0o600)
        let text = try String(contentsOfFile: dir + "/.decisions", encoding: .utf8)
        #expect(!text.contains("Mot de bienvenue"), "no entry is kept in it")
        // The documents are written from the whole journal, not from the decision state.
        let minutes = try String(contentsOfFile: dir + "/out/minutes.md", encoding: .utf8)
        #expect(minutes.contains("Mot de bienvenue du Directeur général."))
        #expect(minutes.contains("Deuxième note « été »."))
        // An amendment names an entry the decision state does not have: the journal is read in full.
        let first = note[0] - 1
        try run(
            dir,
            [
                "amend", "\(first)", "Mot de bienvenue du Directeur général de l'ADR.", "--reason", "titre", "--at",
                "08:44",
            ])
        let amended = try String(contentsOfFile: dir + "/out/minutes.md", encoding: .utf8)
        #expect(amended.contains("Mot de bienvenue du Directeur général de l'ADR."))
        // An undo reads the standing events.
        let request = try run(dir, ["request-floor", "rep-unicef", "--at", "08:45"])
        let undo = try run(dir, ["undo", "--at", "08:46"])
        #expect(undo.count == 1)
        let journal = try Journal(path: dir + "/journal.jsonl", writable: false).loadAll()
        #expect(journal.last?.payload == .undone(seq: request[0]))
        let again = try Bin.run(["do", dir, "give-floor", "--at", "08:47"])
        #expect(again.status == 1, "the request taken back leaves nobody to give the floor to: \(again.stdout)")
    }

    @Test func eventsAnotherWriterAppendedAfterTheSnapshotAreFoldedIn() throws {
        let dir = try Bin.session()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for l in Self.morning { try run(dir, l) }
        let saved = try Data(contentsOf: URL(fileURLWithPath: dir + "/.decisions"))
        // A seat records a request for the floor; the snapshot stays the one before it.
        try run(dir, ["request-floor", "rep-unicef", "--at", "08:45"])
        try saved.write(to: URL(fileURLWithPath: dir + "/.decisions"))
        let removed = try Bin.run(["do", dir, "remove-speaker", "rep-unicef", "--at", "08:46"])
        #expect(removed.status == 0, "the request after the snapshot is known: \(removed.stderr)")
        let twice = try Bin.run(["do", dir, "remove-speaker", "rep-unicef", "--at", "08:47"])
        #expect(twice.status == 1, "and its removal too")
    }

    @Test func aJournalEditedInPlaceIsReadAgainFromTheStart() throws {
        let dir = try Bin.session()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for l in Self.morning { try run(dir, l) }
        let path = dir + "/journal.jsonl"
        let before = try String(contentsOfFile: path, encoding: .utf8)
        #expect(try Bin.run(["do", dir, "check-in", "dg-adr-segou", "--at", "08:50"]).status == 1)
        // The check-in's participant changed in place, same length, same file (an editor that
        // writes over the file).
        let edited = before.replacingOccurrences(of: "\"dg-adr-segou\"", with: "\"rep-anict-xx\"")
        #expect(edited.utf8.count == before.utf8.count && edited != before)
        try Self.writeInPlace(path, edited)
        let r = try Bin.run(["do", dir, "check-in", "dg-adr-segou", "--at", "08:51"])
        #expect(r.status == 0, "the snapshot folded the journal before the edit: \(r.stderr)")
    }

    @Test func ofSeveralDoAtOnceTheDocumentsWrittenLastHoldEveryEvent() throws {
        let dir = try Bin.session()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for l in Self.morning { try run(dir, l) }
        for round in 0..<5 {
            let texts = (0..<3).map { "Note \(round)-\($0) en parallèle" }
            let processes = try texts.map { text -> Process in
                let p = Process()
                p.executableURL = URL(fileURLWithPath: Bin.palabre)
                p.arguments = ["do", dir, "note", text, "--seat", "rapporteur"]
                p.standardOutput = FileHandle.nullDevice
                p.standardError = FileHandle.nullDevice
                try p.run()
                return p
            }
            for p in processes { p.waitUntilExit() }
            #expect(processes.allSatisfy { $0.terminationStatus == 0 })
            let minutes = try String(contentsOfFile: dir + "/out/minutes.md", encoding: .utf8)
            for t in texts { #expect(minutes.contains(t), "round \(round): \(t) missing from out/minutes.md") }
        }
    }

    @Test func aLineDamagedInPlaceAfterTheSnapshotIsRefusedAsWithoutOne() throws {
        let dir = try Bin.session()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for l in Self.morning { try run(dir, l) }
        let path = dir + "/journal.jsonl"
        let before = try String(contentsOfFile: path, encoding: .utf8)
        // The second line's opening brace overwritten, same length, same file.
        var lines = before.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[1] = "X" + lines[1].dropFirst()
        let damaged = lines.joined(separator: "\n")
        try Self.writeInPlace(path, damaged)
        for extra in [[], ["--no-documents"]] {
            let r = try Bin.run(["do", dir, "note", "après la coupure", "--at", "08:50"] + extra)
            #expect(r.status == 1, "\(r.stdout) \(r.stderr)")
            #expect(r.stdout.isEmpty, "nothing recorded")
            #expect(r.stderr.contains("palabre repair"), "\(r.stderr)")
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == damaged, "the journal is left as it was")
    }
}
