import Foundation
import Testing

@testable import PalabreCore

/// Scripted runs of the sample sessions through the real binary, checked against golden documents.
@Suite("Scripted sessions", .serialized)
struct ScriptedSessionTests {
    static let goldenDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
        .path

    /// Compares every file of `out` with `Golden/<name>/`; records them when PALABRE_RECORD=1.
    func compare(_ out: String, golden name: String) throws {
        let dir = Self.goldenDir + "/" + name
        let files = try FileManager.default.contentsOfDirectory(atPath: out).filter { !$0.hasPrefix(".") }.sorted()
        if ProcessInfo.processInfo.environment["PALABRE_RECORD"] == "1" {
            try? FileManager.default.removeItem(atPath: dir)
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            for f in files { try FileManager.default.copyItem(atPath: out + "/" + f, toPath: dir + "/" + f) }
            return
        }
        let expected = try FileManager.default.contentsOfDirectory(atPath: dir).filter { !$0.hasPrefix(".") }.sorted()
        #expect(files == expected)
        for f in expected {
            let a = try Data(contentsOf: URL(fileURLWithPath: dir + "/" + f))
            let b = try Data(contentsOf: URL(fileURLWithPath: out + "/" + f))
            if a != b {
                let la = String(decoding: a, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                let lb = String(decoding: b, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                let i = (0..<min(la.count, lb.count)).first { la[$0] != lb[$0] } ?? min(la.count, lb.count)
                let golden = i < la.count ? String(la[i]) : "<end>", now = i < lb.count ? String(lb[i]) : "<end>"
                let where_ = "\(name)/\(f) differs at line \(i + 1)"
                Issue.record(
                    "\(where_):\n  golden: \(golden)\n  now:    \(now)\n(re-record on purpose with PALABRE_RECORD=1)")
            }
        }
    }

    @Test func theDemoRehearsalGivesTheGoldenDocuments() throws {
        let dir = try Bin.session(copying: "demo")
        let r = try Bin.run(["script", dir, Bin.root + "/sessions/demo/rehearsal.palabre"])
        #expect(r.status == 0, "\(r.stderr)")
        try compare(dir + "/out", golden: "demo")
        // Regenerating from the journal alone gives the same bytes.
        try FileManager.default.removeItem(atPath: dir + "/out")
        let m = try Bin.run(["minutes", dir])
        #expect(m.status == 0, "\(m.stderr)")
        try compare(dir + "/out", golden: "demo")
        // The journal holds the text exactly as typed.
        let journal = try String(contentsOfFile: dir + "/journal.jsonl", encoding: .utf8)
        #expect(journal.contains("Décision : prêt de 2 500 000 FCFA à la commune de Diéli"))
        let attrs = try FileManager.default.attributesOfItem(atPath: dir + "/out")
        #expect((attrs[.posixPermissions] as? Int) == 0o700)
    }
}

@Suite("Synergy verbs through the binary")
struct SynergyVerbsProcessTests {
    @Test func theVerbsRecordTheDebatesAndTheBoardShowsThem() throws {
        let dir = try Bin.session(copying: "demo")
        let c = try Bin.run([
            "do", dir, "commitment", "--partner", "unicef", "--fiche", "TIM-01", "--amount", "20 000 000",
            "--seat", "rapporteur",
        ])
        #expect(c.status == 0, "\(c.stderr)")
        let seq = try #require(Bin.seqs(c.stdout).last)
        #expect(try Bin.run(["do", dir, "interest", "ANICT", "tim-01", "--seat", "rapporteur"]).status == 0)
        #expect(
            try Bin.run(["do", dir, "synergy", "TIM-01", "--partners", "UNICEF,ANICT", "--lead", "UNICEF"]).status == 0)
        #expect(try Bin.run(["do", dir, "commitment-status", "\(seq)", "convention", "signée"]).status == 0)
        let bad = try Bin.run(["do", dir, "commitment-status", "\(seq)", "peut-être"])
        #expect(bad.status != 0)
        #expect(
            try Bin.run(["do", dir, "withdraw", "\(seq)", "--reason", "Budget réaffecté", "--seat", "rapporteur"])
                .status == 0)
        let again = try Bin.run(["do", dir, "withdraw", "\(seq)", "--reason", "encore"])
        #expect(again.status != 0 && again.stderr.contains("retiré"))
        let journal = try String(contentsOfFile: dir + "/journal.jsonl", encoding: .utf8)
        #expect(
            journal.contains(#""type":"synergyMarked","fiche":"TIM-01","lead":"unicef","partners":["unicef","anict"]"#))
        #expect(journal.contains(#""type":"commitmentStatusChanged","entry":\#(seq),"status":"signed""#))
        let matrix = try String(contentsOfFile: dir + "/out/commitments.md", encoding: .utf8)
        #expect(matrix.contains("Budget réaffecté"))
        let screen = try Bin.run(["screen", dir, "--view", "synergies", "--size", "80x24"])
        #expect(screen.status == 0, "\(screen.stderr)")
        #expect(screen.stdout.contains("[F11 Synergies]") && screen.stdout.contains("TIM-01"))
    }
}
