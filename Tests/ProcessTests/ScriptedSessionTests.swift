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

    @Test func theEnglishCouncilMeetingGivesTheGoldenDocuments() throws {
        let dir = try Bin.session(copying: "council-2027")
        let check = try Bin.run(["check", dir])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        let r = try Bin.run(["script", dir, Bin.root + "/sessions/council-2027/meeting.palabre"])
        #expect(r.status == 0, "\(r.stderr)")
        try compare(dir + "/out", golden: "council-2027")
        let minutes = try String(contentsOfFile: dir + "/out/minutes.md", encoding: .utf8)
        // Each council item says its kind, and each vote its result; nothing is « other ».
        for kind in ["· roll call and quorum ·", "· approval of the minutes ·", "· vote ·", "· public comment ·"] {
            #expect(minutes.contains(kind), "the minutes name the item kind")
        }
        #expect(minutes.contains("· any other business ·"))
        #expect(!minutes.contains("· other ·"))
        #expect(minutes.contains("Result: 6 for, 1 against, 1 abstention; adopted"))
        // The categories of participants are those the programme names.
        #expect(minutes.contains("| Council members and officers | 10 | 5 |"))
        #expect(minutes.contains("| Members of the public | 1 | 0 |"))
        let f3 = try Bin.run(["screen", dir, "--view", "attendance", "--size", "120x30"])
        #expect(f3.status == 0, "\(f3.stderr)")
        #expect(f3.stdout.contains("Council members and officers"))
        // English documents: CSV separated by commas, amounts in euros from `currency: €` and `1,250,000`.
        let attendance = try String(contentsOfFile: dir + "/out/attendance.csv", encoding: .utf8)
        #expect(attendance.contains("1,2027-01-19,mayor,Mayor,Council,,F,18:20"))
        #expect(minutes.contains("1,000,000 EUR"))
        // The separator is chosen on the command line when asked.
        let m = try Bin.run(["minutes", dir, "--csv-separator", ";", "--out", dir + "/semi"])
        #expect(m.status == 0, "\(m.stderr)")
        let semi = try String(contentsOfFile: dir + "/semi/attendance.csv", encoding: .utf8)
        #expect(semi.contains("1;2027-01-19;mayor;Mayor;Council;;F;18:20"))
        let bad = try Bin.run(["minutes", dir, "--csv-separator", ";;"])
        #expect(bad.status != 0 && bad.stderr.contains("one character"))
    }

    @Test func theVoteVerbChecksItsValuesLikeTheCore() throws {
        let dir = try Bin.session(copying: "council-2027")
        #expect(try Bin.run(["do", dir, "start-day"]).status == 0)
        for item in ["opening", "roll-call", "previous-minutes", "budget", "budget-vote"] {
            #expect(try Bin.run(["do", dir, "start-item", item]).status == 0)
            if item != "budget-vote" { #expect(try Bin.run(["do", dir, "end-item"]).status == 0) }
        }
        let ok = try Bin.run([
            "do", dir, "vote", "Budget", "--for", "9", "--against", "0", "--abstentions", "1", "--outcome", "adopté",
            "--seat", "rapporteur",
        ])
        #expect(ok.status == 0, "\(ok.stderr)")
        let journal = try String(contentsOfFile: dir + "/journal.jsonl", encoding: .utf8)
        #expect(journal.contains(#""abstentions":1"#) && journal.contains(#""outcome":"adopted""#))
        let noOutcome = try Bin.run(["do", dir, "vote", "Budget", "--for", "9"])
        #expect(noOutcome.status != 0)
        let badCount = try Bin.run(["do", dir, "vote", "Budget", "--for", "nine", "--outcome", "adopted"])
        #expect(badCount.status != 0 && badCount.stderr.contains("whole number"))
        let seq = try #require(Bin.seqs(ok.stdout).last)
        let amend = try Bin.run(["do", dir, "amend", "\(seq)", "--for", "8", "--reason", "recount"])
        #expect(amend.status == 0, "\(amend.stderr)")
        // The screens name the kind of the item under way and show the vote's result.
        let f1 = try Bin.run(["screen", dir, "--view", "facilitator", "--size", "100x30"])
        #expect(f1.status == 0, "\(f1.stderr)")
        #expect(f1.stdout.contains("Vote on the 2027 budget") && f1.stdout.contains("Vote"))
        let f2 = try Bin.run(["screen", dir, "--view", "rapporteur", "--size", "100x30"])
        #expect(f2.status == 0, "\(f2.stderr)")
        #expect(f2.stdout.contains("For: 8") && f2.stdout.contains("Abstentions: 1") && f2.stdout.contains("adopted"))
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
