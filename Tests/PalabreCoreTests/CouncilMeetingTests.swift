import Foundation
import Testing

@testable import PalabreCore

/// Council and assembly meetings: the vote entry, the new item kinds, units other than communes
/// and the CSV separator of each language.
@Suite("Council meetings")
struct CouncilMeetingTests {
    static func at(_ h: Int, _ m: Int) -> Instant { Fixtures.at("2023-10-18", h, m) }

    @Test func aVoteIsRecordedWithItsResultAndTheMinutesStateIt() throws {
        var h = try DocScript.run()
        h.seat = "rapporteur"
        let seq = try h.run(
            .record(
                EntryContent(
                    kind: .vote, text: "Budget primitif 2024", votesFor: 9, votesAgainst: 2, abstentions: 1,
                    outcome: .adopted)), at: Self.at(9, 0)
        ).last!.seq
        let e = try #require(h.state.entry(seq))
        #expect(e.content.votesFor == 9 && e.content.votesAgainst == 2 && e.content.abstentions == 1)
        #expect(e.content.outcome == .adopted)
        let fr = DocScript.text(DocScript.docs(h.state, .fr, now: Self.at(9, 5))["minutes.md"])
        #expect(
            fr.contains(
                "**Vote n°\u{00A0}2** — Budget primitif 2024 — Résultat\u{00A0}: 9 pour, 2 contre, 1 abstention\u{00A0}; texte adopté"
            ))
        let en = DocScript.text(DocScript.docs(h.state, .en, now: Self.at(9, 5))["minutes.md"])
        #expect(
            en.contains(
                "**Vote no.\u{00A0}2** — Budget primitif 2024 — Result: 9 for, 2 against, 1 abstention; adopted"))
        // A miscounted vote is corrected by an amendment of its counts.
        try h.run(
            .amend(
                entry: seq, text: "", reason: "recompté",
                changes: EntryChanges(votesFor: 8, abstentions: 2, outcome: .rejected)), at: Self.at(9, 6))
        let fixed = try #require(h.state.entry(seq)).content
        #expect(fixed.votesFor == 8 && fixed.votesAgainst == 2 && fixed.abstentions == 2 && fixed.outcome == .rejected)
        let after = DocScript.text(DocScript.docs(h.state, .en, now: Self.at(9, 7))["minutes.md"])
        #expect(after.contains("Result: 8 for, 2 against, 2 abstentions; rejected"))
    }

    @Test func aVoteWithoutOutcomeOrWithANegativeCountIsRefused() throws {
        var h = try DocScript.run()
        h.seat = "rapporteur"
        #expect(throws: Refusal.self) {
            try h.run(.record(EntryContent(kind: .vote, text: "Budget", votesFor: 3)), at: Self.at(9, 0))
        }
        do {
            try h.run(
                .record(EntryContent(kind: .vote, text: "Budget", votesFor: -1, outcome: .adopted)), at: Self.at(9, 0))
            Issue.record("a negative count was accepted")
        } catch let r as Refusal {
            #expect(r.code == "bad-count")
        }
        let note = try h.run(.record(EntryContent(kind: .note, text: "Une note")), at: Self.at(9, 1)).last!.seq
        do {
            try h.run(.amend(entry: note, text: "", reason: "x", changes: EntryChanges(votesFor: 3)), at: Self.at(9, 2))
            Issue.record("a note took a vote count")
        } catch let r as Refusal {
            #expect(r.code == "field-not-for-kind")
        }
    }

    @Test func theVoteWordsAndCountsHaveOneParser() throws {
        for (word, outcome) in [
            ("adopted", VoteOutcome.adopted), ("Adoptée", .adopted), ("carried", .adopted), ("rejeté", .rejected),
            ("REJECTED", .rejected), ("non", .rejected),
        ] {
            #expect(try Values.voteOutcome(word) == outcome, "outcome word")
        }
        #expect(throws: Refusal.self) { try Values.voteOutcome("peut-être") }
        #expect(try Values.voteCount(" 12 ") == 12)
        #expect(throws: Refusal.self) { try Values.voteCount("-3") }
        #expect(throws: Refusal.self) { try Values.voteCount("douze") }
    }

    @Test func theCouncilItemKindsHaveTheirNamesInBothLanguages() throws {
        let kinds: [(String, ItemKind, String, String)] = [
            ("quorum", .quorum, "appel nominal et quorum", "roll call and quorum"),
            ("appel-nominal", .quorum, "appel nominal et quorum", "roll call and quorum"),
            ("approve-minutes", .approveMinutes, "approbation du procès-verbal", "approval of the minutes"),
            ("vote", .vote, "vote", "vote"),
            ("intervention du public", .publicComment, "intervention du public", "public comment"),
            ("questions diverses", .anyOtherBusiness, "questions diverses", "any other business"),
            ("aob", .anyOtherBusiness, "questions diverses", "any other business"),
        ]
        for (word, kind, fr, en) in kinds {
            #expect(try Values.itemKind(word) == kind, "item kind word")
            #expect(DocLabels(.fr).kind(kind) == fr, "French kind name")
            #expect(DocLabels(.en).kind(kind) == en, "English kind name")
        }
    }

    @Test func theCSVSeparatorFollowsTheLanguageUnlessChosen() throws {
        func firstLine(_ language: Language, _ separator: Character?, programme: Character? = nil) -> String {
            var p = Fixtures.programme
            p.csvSeparator = programme
            let s = SessionState(programme: p)
            let docs = Documents.render(
                s, options: DocumentOptions(language: language, csvSeparator: separator, now: DocScript.now))
            let csv = String(decoding: docs.first { $0.name == "timing.csv" }!.data, as: UTF8.self)
            return String(csv.split(separator: "\r\n").first ?? "")
        }
        #expect(firstLine(.fr, nil).contains(";") && !firstLine(.fr, nil).contains(","))
        #expect(firstLine(.en, nil).contains(",") && !firstLine(.en, nil).contains(";"))
        #expect(firstLine(.en, ";").contains(";") && !firstLine(.en, ";").contains(","))
        #expect(firstLine(.fr, nil, programme: "\t").contains("\t"))
        #expect(firstLine(.fr, ",", programme: "\t").contains(","))
        #expect(try DocumentOptions.separator("tab") == "\t")
        #expect(throws: Refusal.self) { try DocumentOptions.separator(";;") }
        #expect(throws: Refusal.self) { try DocumentOptions.separator("a") }
    }

    @Test func aUnitWithoutCercleNorRegionIsReadAndNamedByTheProgramme() throws {
        let yaml = """
            title: Council
            venue: Town Hall
            language: en
            currency: €
            unit: Ward
            csv_separator: ";"
            units:
              - id: north
                name: North Ward
                fiches:
                  - id: W-01
                    title: Footbridge
                    sector: roads
                    total_cost: 1,250,000
            days:
              - date: 2027-01-19
                items:
                  - {id: v, kind: vote, title: Budget vote, start: "18:30", duration: 10m}
            """
        let r = ProgrammeLoader.parse(yaml, file: "programme.yaml")
        let p = try #require(r.programme, "\(r.diagnostics)")
        #expect(p.unitLabel == "Ward" && p.csvSeparator == ";" && p.currency == "EUR")
        #expect(p.communes.first?.cercle == "" && p.fiche("W-01")?.fiche.totalCost == 1_250_000)
        #expect(p.days[0].items[0].kind == .vote)
        let docs = Documents.render(
            SessionState(programme: p), options: DocumentOptions(language: .en, now: Instant(ms: 0)))
        let synthesis = String(decoding: docs.first { $0.name == "synthesis.md" }!.data, as: UTF8.self)
        #expect(synthesis.contains("by ward") && synthesis.contains("## North Ward\n") && !synthesis.contains("()"))
        let attendance = String(decoding: docs.first { $0.name == "attendance.csv" }!.data, as: UTF8.self)
        #expect(attendance.contains(";Ward;") && !attendance.contains("Commune"))
    }
}
