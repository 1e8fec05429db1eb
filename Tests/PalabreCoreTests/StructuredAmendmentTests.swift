import Foundation
import Testing

@testable import PalabreCore

@Suite("Amendments of structured fields")
struct StructuredAmendmentTests {
    static func at(_ h: Int, _ m: Int) -> Instant { Fixtures.at("2023-10-18", h, m) }

    /// The scripted day 1, then on day 2 a commitment, an action and a recommendation recorded
    /// by the rapporteur; returns the harness and their seqs.
    static func recorded() throws -> (Harness, commitment: Int, action: Int, recommendation: Int, note: Int) {
        var h = try DocScript.run()
        h.seat = "rapporteur"
        let c = try h.run(
            .record(
                EntryContent(
                    kind: .commitment, text: "", partner: "unicef", fiche: "TIM-01",
                    nature: .financial, amount: 2_500_000, status: .announced)), at: at(9, 0)
        ).last!.seq
        let a = try h.run(
            .record(
                EntryContent(
                    kind: .action, text: "Transmettre les fiches à l'ANICT",
                    responsible: "SG de Diéli", due: "2023-11-30")), at: at(9, 1)
        ).last!.seq
        let r = try h.run(
            .record(
                EntryContent(
                    kind: .recommendation, text: "Inscrire la contrepartie au budget",
                    addressee: "Communes", responsible: "Maires", due: "2024-01-31")), at: at(9, 2)
        ).last!.seq
        let n = try h.run(.record(EntryContent(kind: .note, text: "Fin des travaux.")), at: at(9, 3)).last!.seq
        return (h, c, a, r, n)
    }

    @Test func aCommitmentsFieldsAreCorrectedAndTheDocumentsShowTheLatestValues() throws {
        var (h, c, _, _, _) = try Self.recorded()
        let before = h.state.entry(c)!.content
        #expect(before.text.contains("2 500 000") || before.text.contains("2\u{00A0}500\u{00A0}000"))
        try h.run(
            .amend(
                entry: c, text: "", reason: "montant mal saisi",
                changes: EntryChanges(
                    partner: "anict", fiche: "DIE-01", nature: .financial, amount: 25_000_000,
                    currency: "F CFA", status: .confirmed, conditions: "Étude disponible")),
            at: Self.at(9, 10))
        let e = try #require(h.state.entry(c))
        #expect(e.content.partner == "anict" && e.content.fiche == "DIE-01" && e.content.amount == 25_000_000)
        #expect(
            e.content.currency == "FCFA" && e.content.status == .confirmed && e.content.conditions == "Étude disponible"
        )
        // The generated text follows the fields; the history keeps the first version whole.
        #expect(e.content.text.hasPrefix("ANICT"))
        #expect(
            e.amendments.count == 1 && e.amendments[0].content == before
                && e.amendments[0].reason == "montant mal saisi")
        #expect(e.version == h.events.last!.seq)
        let docs = DocScript.docs(h.state, now: Self.at(9, 15))
        let row = try #require(DocScript.parseCSV(docs["commitments.csv"]).last)
        #expect(
            row[1] == "ANICT" && row[4] == "DIE-01" && row[7] == "25000000" && row[8] == "FCFA" && row[9] == "confirmé")
        #expect(row[10] == "Étude disponible" && row[15] == String(c))
        let minutes = DocScript.text(docs["minutes.md"])
        #expect(!minutes.contains("2\u{00A0}500\u{00A0}000"))
        // The event carries only what changed (the nature was already financial).
        guard case .entryAmended(_, _, _, let changes) = h.events.last!.payload else {
            Issue.record("no amendment"); return
        }
        #expect(changes?.nature == nil && changes?.amount == 25_000_000)
    }

    @Test func anActionsAndARecommendationsFieldsAreCorrected() throws {
        var (h, _, a, r, _) = try Self.recorded()
        try h.run(
            .amend(
                entry: a, text: "", reason: "précision",
                changes: EntryChanges(responsible: "Maire de Diéli", due: "15/12/2023")), at: Self.at(9, 10))
        try h.run(
            .amend(
                entry: r, text: "Inscrire la contrepartie au budget primitif", reason: "relecture",
                changes: EntryChanges(
                    addressee: "Communes de San", responsible: "ADR", due: "fin du premier trimestre 2024")),
            at: Self.at(9, 11))
        #expect(
            h.state.entry(a)?.content.responsible == "Maire de Diéli"
                && h.state.entry(a)?.content.due == "2023-12-15")
        #expect(h.state.entry(a)?.content.text == "Transmettre les fiches à l'ANICT")
        let rec = try #require(h.state.entry(r))
        #expect(rec.content.addressee == "Communes de San" && rec.content.responsible == "ADR")
        #expect(
            rec.amendments[0].content.addressee == "Communes"
                && rec.amendments[0].previous == "Inscrire la contrepartie au budget")
        let docs = DocScript.docs(h.state, now: Self.at(9, 15))
        let actions = DocScript.text(docs["actions.csv"])
        #expect(actions.contains("Maire de Diéli") && actions.contains("2023-12-15") && !actions.contains("2023-11-30"))
        let recs = DocScript.text(docs["recommendations.md"])
        #expect(
            recs.contains("Communes de San") && recs.contains("fin du premier trimestre 2024")
                && !recs.contains("2024-01-31"))
    }

    @Test func badValuesAreRefused() throws {
        var (h, c, a, _, n) = try Self.recorded()
        func refused(
            _ code: String, _ entry: Int, _ changes: EntryChanges, text: String = "",
            sourceLocation: Testing.SourceLocation = #_sourceLocation
        ) {
            do {
                try h.run(.amend(entry: entry, text: text, reason: "correction", changes: changes), at: Self.at(9, 30))
                Issue.record("expected \(code)", sourceLocation: sourceLocation)
            } catch let r as Refusal {
                #expect(r.code == code, "\(r.en)", sourceLocation: sourceLocation)
            } catch { Issue.record("\(error)", sourceLocation: sourceLocation) }
        }
        refused("bad-date", a, EntryChanges(due: "31/02/2024"))
        refused("bad-date", c, EntryChanges(due: "2024-13-01"))
        refused("bad-currency", c, EntryChanges(currency: "dollars US"))
        refused("unknown-partner", c, EntryChanges(partner: "pam"))
        refused("unknown-fiche", c, EntryChanges(fiche: "KOU-09"))
        refused("bad-amount", c, EntryChanges(amount: -5))
        refused("bad-amount", c, EntryChanges(amount: SessionState.largestAmount + 1))
        refused("no-amount", c, EntryChanges(amount: 0))
        refused("field-not-for-kind", a, EntryChanges(amount: 1_000))
        refused("field-not-for-kind", n, EntryChanges(responsible: "ADR"))
        refused("nothing-changed", c, EntryChanges(amount: 2_500_000, currency: "FCFA"))
        refused("empty-text", n, EntryChanges())
        // A technical commitment needs no amount.
        try h.run(
            .amend(entry: c, text: "", reason: "appui technique", changes: EntryChanges(nature: .technical, amount: 0)),
            at: Self.at(9, 31))
        #expect(h.state.entry(c)?.content.nature == .technical)
        #expect(h.events.count == h.state.lastSeq)
    }

    @Test func journalLinesOldAndNewDecode() throws {
        // An amendment written before structured corrections: no `changes`.
        let old =
            #"{"seq":40,"at":"2023-10-17T10:52:00.000+00:00","seat":"rapporteur","type":"entryAmended","entry":38,"#
            + #""reason":"précision","text":"Texte corrigé"}"#
        let e = try EventCodec.decode(Data(old.utf8))
        #expect(e.payload == .entryAmended(entry: 38, text: "Texte corrigé", reason: "précision", changes: nil))
        #expect(String(decoding: try EventCodec.encode(e), as: UTF8.self) == old)
        let new = Event(
            seq: 41, at: e.at, seat: "rapporteur",
            payload: .entryAmended(
                entry: 38, text: "T", reason: "r",
                changes: EntryChanges(due: "2024-03-31", amount: 30_000_000, status: .signed)))
        let line = String(decoding: try EventCodec.encode(new), as: UTF8.self)
        #expect(line.contains(#""changes":{"amount":30000000,"due":"2024-03-31","status":"signed"}"#))
        #expect(try EventCodec.decode(Data(line.utf8)) == new)
        // Folding an old amendment changes the text only.
        var (h, c, _, _, _) = try Self.recorded()
        let before = h.state.entry(c)!.content
        h.state.evolve(
            Event(
                seq: h.state.lastSeq + 1, at: Self.at(9, 40), seat: "rapporteur",
                payload: .entryAmended(entry: c, text: "Nouveau texte", reason: "r")))
        var expected = before
        expected.text = "Nouveau texte"
        #expect(h.state.entry(c)?.content == expected)
    }
}
