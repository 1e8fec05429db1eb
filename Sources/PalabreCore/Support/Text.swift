import Foundation

/// Text rules shared by commands, search and documents.
public enum Text {
    /// `s` normalised to Unicode NFC, the form in which all text is stored.
    public static func nfc(_ s: String) -> String { s.precomposedStringWithCanonicalMapping }

    /// A search key: lower case, accents and other diacritics removed, apostrophes unified
    /// ("Ségou" → "segou", "N’Goa" → "n'goa").
    public static func fold(_ s: String) -> String {
        s.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .replacingOccurrences(of: "\u{2019}", with: "'")
    }

    /// Whether `haystack` contains `needle`, without regard to case or accents.
    public static func matches(_ haystack: String, _ needle: String) -> Bool {
        let n = fold(needle).trimmingCharacters(in: .whitespaces)
        return n.isEmpty || fold(haystack).contains(n)
    }
}

/// Exact integer amounts written the French or English way.
///
/// French: groups of three digits separated by a no-break space (U+00A0), e.g.
/// `13 830 294 624 FCFA`; English: `13,830,294,624 FCFA`.
public enum Money {
    /// `amount` with its digits grouped for `language`, without currency.
    public static func group(_ amount: Int64, language: Language) -> String {
        Amounts.format(amount, separator: language == .fr ? "\u{00A0}" : ",")
    }

    /// `amount` and `currency` the way `language` writes them (`2 500 000 FCFA`).
    public static func format(_ amount: Int64, _ currency: String, language: Language) -> String {
        group(amount, language: language) + (language == .fr ? "\u{00A0}" : " ") + currency
    }

    /// Parses an amount typed by a user; same rules as the programme (``Amounts/parse(_:)``).
    public static func parse(_ s: String) -> Int64? { Amounts.parse(s) }
}
