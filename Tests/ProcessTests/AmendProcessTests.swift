import Foundation
import Testing

@testable import PalabreCore

/// `palabre do SESSION amend SEQ [TEXT] --amount … --status …` through the real binary.
@Suite("Structured amendments through the binary", .serialized)
struct AmendProcessTests {
    @Test(
        "Who is responsible, given by id or by their whole function, is written as the F2 form writes it; other text is kept"
    )
    func responsibleWrittenAsTheFormWritesIt() throws {
        let dir = try Bin.session(copying: "segou-2023")
        for l in [["start-day", "2023-10-17", "--at", "08:15"], ["start-item", "--at", "08:30"]] {
            try #require(Bin.run(["do", dir] + l).status == 0)
        }
        let byID = try Bin.run([
            "do", dir, "action", "Relancer les communes", "--responsible", "rep-anict", "--seat", "rapporteur",
            "--at", "08:40",
        ])
        let seq = try #require(Bin.seqs(byID.stdout).last, "\(byID.stderr)")
        let byText = try Bin.run([
            "do", dir, "recommendation", "Mutualiser les forages", "--to", "chargee de suivi-evaluation de la NEF",
            "--responsible", "Secrétariat technique", "--seat", "rapporteur", "--at", "08:41",
        ])
        #expect(byText.status == 0, "\(byText.stderr)")
        var csv = try String(contentsOfFile: dir + "/out/actions.csv", encoding: .utf8)
        #expect(csv.contains("Représentant de l'ANICT") && !csv.contains(";rep-anict;"), "\(csv)")
        let minutes = try String(contentsOfFile: dir + "/out/minutes.md", encoding: .utf8)
        #expect(minutes.contains("Chargée de suivi-évaluation de la NEF"), "the addressee by her whole function")
        #expect(minutes.contains("Secrétariat technique"), "text that names nobody is kept")
        // An amendment reads it the same way; part of a function is kept as typed.
        let amended = try Bin.run([
            "do", dir, "amend", "\(seq)", "--responsible", "se-nef", "--reason", "changement", "--seat", "rapporteur",
            "--at", "08:45",
        ])
        #expect(amended.status == 0, "\(amended.stderr)")
        csv = try String(contentsOfFile: dir + "/out/actions.csv", encoding: .utf8)
        #expect(csv.contains("Chargée de suivi-évaluation de la NEF") && !csv.contains(";se-nef;"), "\(csv)")
        let several = try Bin.run([
            "do", dir, "action", "Écrire", "--responsible", "Représentant", "--seat", "rapporteur", "--at", "08:50",
        ])
        #expect(several.status == 0, "\(several.stderr)")
        csv = try String(contentsOfFile: dir + "/out/actions.csv", encoding: .utf8)
        #expect(csv.contains(";Représentant;"), "\(csv)")
    }

    @Test func aCommitmentsAmountAndStatusAreCorrectedAndBadValuesRefused() throws {
        let dir = try Bin.session(copying: "segou-2023")
        for l in [["start-day", "2023-10-17", "--at", "08:15"], ["start-item", "--at", "08:30"]] {
            try #require(Bin.run(["do", dir] + l).status == 0)
        }
        let rec = try Bin.run([
            "do", dir, "commitment", "--partner", "ANICT", "--fiche", "sy-01", "--amount", "40000000",
            "--status", "intention", "--seat", "rapporteur", "--at", "08:40",
        ])
        let seq = try #require(Bin.seqs(rec.stdout).last, "\(rec.stderr)")
        let ok = try Bin.run([
            "do", dir, "amend", "\(seq)", "--amount", "45 000 000", "--status", "confirmé",
            "--due", "30/06/2024", "--reason", "montant confirmé en séance", "--seat", "rapporteur", "--at",
            "08:45",
        ])
        #expect(ok.status == 0, "\(ok.stderr)")
        let csv = try String(contentsOfFile: dir + "/out/commitments.csv", encoding: .utf8)
        #expect(csv.contains(";45000000;FCFA;confirmé;") && csv.contains("2024-06-30"), "\(csv)")
        #expect(!csv.contains("40000000"))
        // Bad values: refused with the reason, nothing recorded.
        let bad: [[String]] = [
            ["--amount", "quarante"], ["--status", "promis"], ["--due", "31/02/2024"],
            ["--partner", "inconnu"], ["--currency", "dollars US"], ["--responsible", "ADR"],
        ]
        for b in bad {
            let r = try Bin.run(
                ["do", dir, "amend", "\(seq)"] + b + ["--reason", "x", "--seat", "rapporteur", "--at", "08:50"])
            #expect(r.status != 0 && !r.stderr.isEmpty, "\(b): \(r.stdout)")
        }
        let journal = try Journal(path: dir + "/journal.jsonl", writable: false)
        #expect(try journal.loadAll().count == seq + 1)
        let log = try Bin.run(["log", dir])
        #expect(log.stdout.contains("[amount 45000000, status confirmed, due 2024-06-30]"), "\(log.stdout)")
    }
}
