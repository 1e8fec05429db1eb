import Foundation
import Testing

@testable import PalabreCore

/// `sessions/segou-2023-recorded`, the journal committed for `palabre replay`, is what the Ségou
/// script produces; `palabre minutes --at` gives the documents as they stood at a moment.
@Suite("Recorded Ségou journal and minutes --at (replay)", .serialized)
struct ReplayRecordingTests {
    static let recorded = Bin.root + "/sessions/segou-2023-recorded"

    func files(_ dir: String) throws -> [String: String] {
        var out: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: dir).sorted() {
            out[name] = try String(contentsOfFile: dir + "/" + name, encoding: .utf8)
        }
        return out
    }

    @Test("Running the script again gives the committed journal, byte for byte, and the same documents")
    func regenerate() throws {
        let dir = try Bin.session(copying: "segou-2023")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let programme = try String(contentsOfFile: Bin.root + "/sessions/segou-2023/programme.yaml", encoding: .utf8)
        #expect(
            try String(contentsOfFile: Self.recorded + "/programme.yaml", encoding: .utf8) == programme,
            "sessions/segou-2023-recorded/programme.yaml is no longer a copy of sessions/segou-2023/programme.yaml")
        let r = try Bin.run(["script", dir, Bin.root + "/sessions/segou-2023/meeting.palabre", "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let fresh = try Data(contentsOf: URL(fileURLWithPath: dir + "/journal.jsonl"))
        let committed = try Data(contentsOf: URL(fileURLWithPath: Self.recorded + "/journal.jsonl"))
        #expect(
            fresh == committed,
            "the committed journal differs from the script's; produce it again (sessions/segou-2023-recorded/README.md)"
        )

        let a = dir + "/docs-fresh", b = dir + "/docs-committed"
        #expect(try Bin.run(["minutes", dir, "--out", a]).status == 0)
        #expect(try Bin.run(["minutes", Self.recorded, "--out", b]).status == 0)
        let docsA = try files(a), docsB = try files(b)
        #expect(docsA.count >= 7)
        #expect(docsA == docsB)
    }

    @Test("minutes --at writes the documents of the events up to that moment, dated then")
    func minutesAt() throws {
        let events = try Journal(path: Self.recorded + "/journal.jsonl", writable: false).loadAll()
        let moment = "2023-10-18 12:00"
        let lt = LocalTime(identifier: "Africa/Bamako")
        let limit = try #require(lt.instant(date: "2023-10-18", minutes: 720))
        let prefix = events.prefix { $0.at <= limit }
        #expect(prefix.count > 100 && prefix.count < events.count)

        // A session holding only the lines up to the moment.
        let dir = try Bin.session(copying: "segou-2023")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let lines = try String(contentsOfFile: Self.recorded + "/journal.jsonl", encoding: .utf8).split(separator: "\n")
        try (lines.prefix(prefix.count).joined(separator: "\n") + "\n").write(
            toFile: dir + "/journal.jsonl", atomically: true, encoding: .utf8)

        let at = dir + "/at", cut = dir + "/cut"
        let r = try Bin.run(["minutes", Self.recorded, "--at", moment, "--out", at])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("documents de \(prefix.count) événements écrits"), "\(r.stdout)")
        // Asked at the instant of the last event up to the moment, the documents are exactly those
        // of a journal cut there (dated by their last event).
        let last = lt.rfc3339(prefix.last!.at)
        #expect(try Bin.run(["minutes", Self.recorded, "--at", last, "--out", at]).status == 0)
        #expect(try Bin.run(["minutes", dir, "--out", cut]).status == 0)
        let docsAt = try files(at), docsCut = try files(cut)
        #expect(docsAt.count >= 7)
        #expect(docsAt == docsCut)
        // And not those of the whole meeting.
        #expect(try Bin.run(["minutes", Self.recorded, "--out", dir + "/all"]).status == 0)
        #expect(try files(dir + "/all")["minutes.md"] != docsAt["minutes.md"])
    }

    @Test("A moment before the last event is written as the help says: --at -30m, for minutes and screen")
    func relativeMomentOnTheCommandLine() throws {
        let dir = try Bin.session(copying: "segou-2023")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try Bin.run(["minutes", Self.recorded, "--at", "-30m", "--out", dir + "/before"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("documents de "), "\(r.stdout)")
        let all = try Bin.run(["minutes", Self.recorded, "--out", dir + "/all"])
        #expect(all.status == 0, "\(all.stderr)")
        #expect(try files(dir + "/before")["minutes.md"] != files(dir + "/all")["minutes.md"])
        let screen = try Bin.run(["screen", Self.recorded, "--at", "-30m"])
        #expect(screen.status == 0 && screen.stdout.contains("Modération"), "\(screen.stderr)")
    }

    @Test("palabre keys lists the replay keys after the consoles', as text and as JSON")
    func keys() throws {
        let text = try Bin.run(["keys"], env: ["LANG": "fr_FR.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""])
        #expect(text.status == 0)
        #expect(text.stdout.contains("Relecture (palabre replay)") && text.stdout.contains("Aller à un moment"))
        let json = try Bin.run(["keys", "--json", "--lang", "en"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        let replay = rows.filter { $0["screen"] as? String == "replay" }
        #expect(replay.count == 15)
        #expect(
            replay.contains {
                $0["action"] as? String == "replay.go-to"
                    && ($0["help"] as? String)?.hasPrefix("Go to a moment") == true
            })
        #expect(rows.count > replay.count)
    }
}
