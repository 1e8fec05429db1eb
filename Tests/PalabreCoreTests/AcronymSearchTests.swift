import Foundation
import Testing

@testable import PalabreCore

/// The search of acronyms in the minutes (by bytes and by a set of words, for documents of several
/// megabytes) finds what a search with Foundation's `range(of:)` finds.
@Suite("Acronyms found in the minutes")
struct AcronymSearchTests {
    /// Whole-word search as it was written with Foundation: the reference.
    static func reference(_ text: String, word: String) -> Bool {
        var from = text.startIndex
        while let r = text.range(of: word, range: from..<text.endIndex) {
            let before = r.lowerBound == text.startIndex ? nil : text[text.index(before: r.lowerBound)]
            let after = r.upperBound == text.endIndex ? nil : text[r.upperBound]
            let edge = { (ch: Character?) in ch.map { !($0.isLetter || $0.isNumber) } ?? true }
            if edge(before) && edge(after) { return true }
            from = r.upperBound
        }
        return false
    }

    static let texts = [
        "La DRS Ségou et l'ADR Mopti.", "DRS Ségou-Nord", "DRS Ségoua", "ADR", "xADR", "ADRx", "",
        "« ADR Ségou » : réunion", "ADR  Ségou", "l’ADR Ségou2", "PPP, PTF ; FCFA!", "Unité PPP\nUnité PPP",
        "ÉTAT ÉTATS", "🇲🇱 ADR 🇲🇱", "ADR Mopti ADR Mopti", "DRPSIAP Ségou.",
    ]
    static let words = [
        "ADR", "ADR Mopti", "ADR Ségou", "DRS Ségou", "Unité PPP", "ÉTAT", "PPP", "FCFA", "Ségou", "Mopti",
    ]

    @Test("Whole words are found where Foundation's search finds them, accents and emoji around")
    func sameAsFoundation() {
        for text in Self.texts {
            for word in Self.words {
                #expect(
                    MinutesDocument.contains(text, word: word) == Self.reference(text, word: word),
                    "\(word) in \(text)")
            }
        }
    }

    @Test("An acronym of several words is listed only when it occurs whole, not when its words occur apart")
    func severalWords() {
        var programme = Fixtures.programme
        programme.organisations.append(
            Organisation(id: "adr-mopti", acronym: "ADR Mopti", name: "Agence de Mopti", type: .organiser))
        let labels = DocLabels(.fr)
        let apart = MinutesDocument.acronymsUsed(in: "L'ADR de Ségou et Mopti.", programme: programme, labels: labels)
        #expect(!apart.contains { $0.acronym == "ADR Mopti" })
        #expect(apart.contains { $0.acronym == "ADR" })
        let whole = MinutesDocument.acronymsUsed(in: "L'ADR Mopti.", programme: programme, labels: labels)
        #expect(whole.contains { $0.acronym == "ADR Mopti" })
    }
}
