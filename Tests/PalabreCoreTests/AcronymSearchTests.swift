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

    @Test("An abbreviation written with a small letter or a digit first is found, and so are capitals beside it")
    func smallFirstLetter() {
        var programme = Fixtures.programme
        programme.abbreviations.append(Abbreviation(acronym: "eDRS", name: "Direction régionale en ligne"))
        programme.abbreviations.append(Abbreviation(acronym: "3CR", name: "Comité communal de coordination"))
        let labels = DocLabels(.fr)
        for text in ["Le eDRS et le 3CR avec la CPS.", "Le EDRS, le 3cr et la CPS."] {
            let found = MinutesDocument.acronymsUsed(in: text, programme: programme, labels: labels).map(\.acronym)
            let expected = text.hasPrefix("Le eDRS") ? ["3CR", "CPS", "eDRS"] : ["CPS", "EDRS"]
            #expect(found.sorted() == expected, "\(text)")
        }
    }
}

/// The words of the minutes, found scalar by scalar, are those a split on characters finds.
@Suite("Words of the minutes")
struct MinutesWordsTests {
    /// The split as it was written on characters: the reference.
    static func reference(_ s: String) -> [String] {
        s.split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    static let texts = [
        "", "ADR", "La DRS Ségou et l'ADR Mopti.", "Se\u{301}gou de\u{301}cide\u{301}", "e\u{301}\u{301}t\u{e9}",
        "🇲🇱 ADR 🇲🇱", "👍🏽 oui 👨‍👩‍👧 non", "a\u{200D}b", "x\u{FE0F}y", "٣ ٤٥ arabe العربية", "n° 12 : 2 500 000 FCFA",
        "Ⅻ ² ½ 一二三 漢字", "ÉTAT\u{A0}ÉTATS\u{202F};", "\u{301}début", "tab\there\nligne\r\nCRLF",
        "한국어 낱말", "हिन्दी शब्द", "ผู้ใหญ่",
    ]

    @Test("Words are split where a split on characters splits them: accents composed or not, emoji, other scripts")
    func sameAsCharacters() {
        for text in Self.texts {
            #expect(MinutesDocument.words(text) == Self.reference(text), "\(text)")
        }
    }
}

/// Lines of entries are trimmed of what Foundation's `CharacterSet.whitespaces` holds, no more.
@Suite("Trimming of spaces")
struct TrimmingSpacesTests {
    @Test("Spaces and tabs at either end go, no-break spaces included; line breaks and inner spaces stay")
    func sameAsFoundation() {
        let texts = [
            "", " ", "  a b  ", "\ta\t", "\u{A0}« x »\u{202F}", "\u{3000}全角\u{3000}", "a\n", "\na", " \u{301}x",
            "x \u{301}", "\u{2003}em\u{2009}thin\u{200A}", "\u{200B}zero width\u{200B}", "é", "  ",
            "\u{180E}mongol\u{180E}", "\u{FEFF}bom", "\u{85}nel\u{85}",
        ]
        for t in texts {
            #expect(
                String(Text.trimmingSpaces(Substring(t))) == t.trimmingCharacters(in: .whitespaces),
                "\(t.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}
