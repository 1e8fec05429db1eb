import Foundation
import Testing

@testable import PalabreCore

/// An entry's content keeps its structured fields apart from its text: the same values, the
/// same JSON, whatever was set and cleared.
@Suite("Entry content")
struct EntryContentTests {
    static let commitment = EntryContent(
        kind: .commitment, text: "L'UNICEF s'engage « à hauteur de » 120 000 000 FCFA", due: "2024-06-30",
        partner: "unicef", fiche: "TIM-01", nature: .financial, amount: 120_000_000, currency: "FCFA",
        status: .confirmed, conditions: "sous réserve de l'étude")

    @Test("Every field set, encoded and decoded: the same content and the same keys, no null")
    func roundTrip() throws {
        let vote = EntryContent(
            kind: .vote, text: "Vote du budget", votesFor: 12, votesAgainst: 3, abstentions: 1, outcome: .adopted)
        let recommendation = EntryContent(
            kind: .recommendation, text: "Mutualiser les forages", addressee: "Communes", responsible: "ADR",
            due: "2024-03-31")
        for content in [Self.commitment, vote, recommendation, EntryContent(kind: .note, text: "Une note « été »")] {
            let data = try JSONEncoder().encode(content)
            #expect(try JSONDecoder().decode(EntryContent.self, from: data) == content)
            let json = String(decoding: data, as: UTF8.self)
            #expect(!json.contains("null"), "\(json)")
            let keys = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any]).keys
            let mirror = [
                ("addressee", content.addressee != nil), ("responsible", content.responsible != nil),
                ("due", content.due != nil), ("partner", content.partner != nil), ("fiche", content.fiche != nil),
                ("nature", content.nature != nil), ("amount", content.amount != nil),
                ("currency", content.currency != nil), ("status", content.status != nil),
                ("conditions", content.conditions != nil), ("votesFor", content.votesFor != nil),
                ("votesAgainst", content.votesAgainst != nil), ("abstentions", content.abstentions != nil),
                ("outcome", content.outcome != nil),
            ]
            #expect(Set(keys) == Set(["kind", "text"] + mirror.filter { $0.1 }.map { $0.0 }))
        }
        let read = try JSONDecoder().decode(
            EntryContent.self, from: Data(#"{"kind":"commitment","text":"x","amount":5,"partner":"adr"}"#.utf8))
        #expect(read.amount == 5 && read.partner == "adr" && read.fiche == nil)
    }

    @Test("A field set then cleared leaves the content equal to one that never had it")
    func setThenCleared() {
        var note = EntryContent(kind: .note, text: "Note")
        note.conditions = "provisoire"
        #expect(note != EntryContent(kind: .note, text: "Note") && note.conditions == "provisoire")
        note.conditions = nil
        #expect(note == EntryContent(kind: .note, text: "Note"))
        var copy = Self.commitment
        copy.amount = 1
        #expect(Self.commitment.amount == 120_000_000 && copy.amount == 1, "a copy changes alone")
        #expect(MemoryLayout<EntryContent>.size <= 32, "the text and a reference, not every field")
    }
}
