import Foundation
import Testing

@testable import PalabreCore

/// The follow-up through `palabre do`, as an ADR records it months after the roundtable, and a
/// new meeting reviewing the old one's open entries.
@Suite("Follow-up through palabre do")
struct FollowUpProcessTests {
    /// A fresh folder holding copies of `sessions/<name>` for each name (programme and journal).
    func copies(_ names: [String]) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("palabre-fu-\(UUID().uuidString)").path
        for n in names {
            try FileManager.default.createDirectory(atPath: root + "/" + n, withIntermediateDirectories: true)
            for f in ["programme.yaml", "journal.jsonl"]
            where FileManager.default.fileExists(atPath: Bin.root + "/sessions/\(n)/\(f)") {
                try FileManager.default.copyItem(atPath: Bin.root + "/sessions/\(n)/\(f)", toPath: root + "/\(n)/\(f)")
            }
        }
        return root
    }

    func read(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }

    /// `text` with its non-breaking spaces (French typography, grouped digits) as plain spaces.
    func plain(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{202F}", with: " ").replacingOccurrences(of: "\u{00A0}", with: " ")
    }

    @Test("Signed, disbursed, abandoned, an action done and a fiche's works started; the minutes untouched")
    func suivi() throws {
        let root = try copies(["segou-2023-recorded"])
        let s = root + "/segou-2023-recorded"
        #expect(try Bin.run(["minutes", s]).status == 0)
        let minutesBefore = read(s + "/out/minutes.md")
        let state = try SessionStore(folder: s, programme: ProgrammeLoader.load(path: s).programme!, writable: false)
            .state
        let money = state.entries.filter {
            $0.content.kind == .commitment && $0.content.amount != nil && $0.withdrawal == nil
        }
        let action = state.entries.first { $0.content.kind == .action }!
        func run(_ args: [String]) throws -> Bin.Output { try Bin.run(["do", s] + args + ["--seat", "suivi"]) }

        #expect(
            try run([
                "commitment-status", "\(money[0].id)", "signed", "--date", "2024-01-12", "--at", "2024-01-15 10:00",
            ]).status == 0)
        let part = try run([
            "commitment-status", "\(money[0].id)", "décaissé", "--amount", "10 000 000", "--date", "2024-02-15", "--at",
            "2024-02-16 10:00",
        ])
        #expect(part.status == 0, "\(part.stderr)")
        let tooMuch = try run([
            "commitment-status", "\(money[0].id)", "disbursed", "--amount", "500 000 000", "--at", "2024-02-17 10:00",
        ])
        #expect(tooMuch.status == 1 && tooMuch.stderr.contains("il reste 30 000 000 FCFA"), "\(tooMuch.stderr)")
        let noReason = try run(["commitment-status", "\(money[1].id)", "abandonné", "--at", "2024-02-18 10:00"])
        #expect(noReason.status == 1 && noReason.stderr.contains("--reason"), "\(noReason.stderr)")
        #expect(
            try run([
                "commitment-status", "\(money[1].id)", "abandoned", "--reason", "budget réaffecté", "--at",
                "2024-02-18 10:05",
            ]).status == 0)
        #expect(
            try run(["action-status", "\(action.id)", "réalisée", "--date", "2024-01-30", "--at", "2024-02-19 10:00"])
                .status == 0)
        #expect(try run(["fiche-status", "TIM-01", "travaux", "commencés", "--at", "2024-04-10 10:00"]).status == 0)
        let future = try run(["fiche-status", "SY-01", "prepared", "--date", "2030-01-01", "--at", "2024-04-11 10:00"])
        #expect(future.status == 1 && future.stderr.contains("à venir"), "\(future.stderr)")

        // The suivi seat records nothing else, and nothing but follow-up is recorded after the close.
        let note = try run(["note", "x", "--at", "2024-04-12 10:00"])
        #expect(note.status == 1 && note.stderr.contains("poste suivi"), "\(note.stderr)")
        let facilitator = try Bin.run(["do", s, "note", "x", "--at", "2024-04-12 10:00"])
        #expect(facilitator.status == 1 && facilitator.stderr.contains("seul le suivi"), "\(facilitator.stderr)")

        #expect(read(s + "/out/minutes.md") == minutesBefore, "the meeting's minutes are not changed by follow-up")
        let followup = plain(read(s + "/out/followup.md"))
        #expect(followup.contains("| décaissé | 2024-02-15 | 10 000 000 | 30 000 000 |"), "\(followup)")
        #expect(followup.contains("abandonné (budget réaffecté)"))
        #expect(followup.contains("| TIM-01 | Timissa |") && followup.contains("travaux commencés | 2024-04-10"))
        #expect(read(s + "/out/followup.csv").contains(";disbursed;") == false, "French session, French words")
        let log = try Bin.run(["log", s])
        #expect(
            log.stdout.contains("commitmentFollowedUp") && log.stdout.contains("ficheFollowedUp"),
            "\(log.stdout.suffix(600))")
        #expect(try Bin.run(["verify", s]).status == 0)
    }

    @Test("A meeting that follows the roundtable reviews its open entries with review; the minutes say so")
    func review() throws {
        let root = try copies(["segou-2023-recorded", "suivi-2024", "directory"])
        try FileManager.default.removeItem(atPath: root + "/directory")
        try FileManager.default.copyItem(atPath: Bin.root + "/sessions/directory", toPath: root + "/directory")
        let s = root + "/suivi-2024"
        for args in [
            ["start-day", "--at", "2024-04-16 09:00"], ["start-item", "ouverture", "--at", "09:05"],
            ["end-item", "--at", "09:20"], ["start-item", "suivi", "--at", "09:21"],
        ] {
            let r = try Bin.run(["do", s] + args)
            #expect(r.status == 0, "\(args): \(r.stderr)")
        }
        let previous = PreviousSessions.load(for: try ProgrammeLoader.load(path: s).programme!, folder: s).sessions[0]
        let rec = previous.open.first { $0.kind == .recommendation }!
        let commitment = previous.open.first { $0.kind == .commitment }!
        let ok = try Bin.run([
            "do", s, "review", "../segou-2023-recorded", "\(rec.entry)", "en", "retard", "--note",
            "deux communes sur dix-sept", "--seat", "rapporteur", "--at", "09:30",
        ])
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(
            try Bin.run([
                "do", s, "review", "../segou-2023-recorded", "\(commitment.entry)", "signed", "--seat", "rapporteur",
                "--at", "09:35",
            ]).status == 0)
        let wrong = try Bin.run([
            "do", s, "review", "../segou-2023-recorded", "\(commitment.entry)", "done", "--seat", "rapporteur", "--at",
            "09:36",
        ])
        #expect(wrong.status == 1, "\(wrong.stderr)")
        let elsewhere = try Bin.run(["do", s, "review", "../ailleurs", "3", "done", "--at", "09:37"])
        #expect(elsewhere.status == 1 && elsewhere.stderr.contains("follows"), "\(elsewhere.stderr)")
        let journal = read(s + "/journal.jsonl")
        #expect(
            journal.contains(#""session":"../segou-2023-recorded""#) && journal.contains(#""type":"previousReviewed""#))
        let minutes = plain(read(s + "/out/minutes.md"))
        #expect(minutes.contains("## Suivi des recommandations de la rencontre précédente"))
        #expect(minutes.contains("**en retard** : deux communes sur dix-sept"), "\(minutes.prefix(3000))")
    }

    @Test("A later review speaks in the source's followup.md when dated after its own update; a later update wins back")
    func reviewCarriedIntoTheSource() throws {
        let root = try copies(["segou-2023-recorded", "suivi-2024"])
        try FileManager.default.copyItem(atPath: Bin.root + "/sessions/directory", toPath: root + "/directory")
        let source = root + "/segou-2023-recorded", s = root + "/suivi-2024"
        let previous = PreviousSessions.load(for: try ProgrammeLoader.load(path: s).programme!, folder: s).sessions[0]
        let state = previous.state
        let c = try #require(
            previous.open.first { e in
                e.kind == .commitment && state.entry(e.entry)?.content.amount.map { $0 > 6_000_000 } == true
            })
        let n = try #require(c.number)
        // The source's own update: agreement signed on 1 February.
        #expect(
            try Bin.run([
                "do", source, "commitment-status", "\(c.entry)", "signed", "--date", "2024-02-01", "--seat", "suivi",
                "--at", "2024-02-01 10:00",
            ]).status == 0)
        for args in [["start-day", "--at", "2024-04-16 09:00"], ["start-item", "suivi", "--at", "09:21"]] {
            #expect(try Bin.run(["do", s] + args).status == 0)
        }
        // An amount only for a disbursement, and a date that has come.
        let notDisbursed = try Bin.run([
            "do", s, "review", "../segou-2023-recorded", "\(c.entry)", "signed", "--amount", "3 000 000", "--at",
            "09:30",
        ])
        #expect(notDisbursed.status == 1 && notDisbursed.stderr.contains("décaissé"), "\(notDisbursed.stderr)")
        let future = try Bin.run([
            "do", s, "review", "../segou-2023-recorded", "\(c.entry)", "disbursed", "--date", "2024-05-01", "--at",
            "09:30",
        ])
        #expect(future.status == 1 && future.stderr.contains("à venir"), "\(future.stderr)")
        // The meeting hears that 5 000 000 were disbursed on 10 April.
        let review = try Bin.run([
            "do", s, "review", "../segou-2023-recorded", "\(c.entry)", "disbursed", "--amount", "5 000 000", "--date",
            "2024-04-10", "--at", "09:31",
        ])
        #expect(review.status == 0, "\(review.stderr)")
        let event = try #require(read(s + "/journal.jsonl").split(separator: "\n").last)
        #expect(
            event.contains(#""amount":5000000,"#) && event.contains(#""date":"2024-04-10""#)
                && event.contains(#""currency":"FCFA""#), "\(event)")
        // The new meeting's minutes say it with the currency and the date of the fact.
        let minutes = plain(read(s + "/out/minutes.md"))
        #expect(minutes.contains("— **décaissé** 5 000 000 FCFA (mercredi 10 avril 2024)\n"), "\(minutes)")

        // The source's documents, written again by its next update, show it as its status.
        let other = try #require(previous.open.first { $0.kind == .action })
        #expect(
            try Bin.run([
                "do", source, "action-status", "\(other.entry)", "started", "--seat", "suivi", "--at",
                "2024-04-20 10:00",
            ]).status == 0)
        var md = plain(read(source + "/out/followup.md"))
        let row = try #require(
            md.split(separator: "\n").first { $0.hasPrefix("| \(n) |") && $0.contains("| FCFA |") }.map(String.init))
        #expect(row.contains("| décaissé — selon suivi-2024 | 2024-04-10 | 5 000 000 |"), "\(row)")
        #expect(md.contains("## Suivi dans les rencontres suivantes"))
        #expect(md.contains("**décaissé** 5 000 000 FCFA"), "\(md)")

        // A later update of the source's own (2 May) speaks again; the money said stays counted once.
        #expect(
            try Bin.run([
                "do", source, "commitment-status", "\(c.entry)", "disbursed", "--amount", "1 000 000", "--date",
                "2024-05-02", "--seat", "suivi", "--at", "2024-05-02 10:00",
            ]).status == 0)
        md = plain(read(source + "/out/followup.md"))
        let after = try #require(
            md.split(separator: "\n").first { $0.hasPrefix("| \(n) |") && $0.contains("| FCFA |") }.map(String.init))
        #expect(after.contains("| décaissé | 2024-05-02 | 5 000 000 |"), "\(after)")
    }
}
