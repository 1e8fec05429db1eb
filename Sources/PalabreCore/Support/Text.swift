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
    public static func group(_ amount: Int64, language: Language, separator: String? = nil) -> String {
        let sep = separator ?? (language == .fr ? "\u{00A0}" : ",")
        let neg = amount < 0
        var digits = String(amount.magnitude)
        var parts: [String] = []
        while digits.count > 3 {
            parts.insert(String(digits.suffix(3)), at: 0)
            digits.removeLast(3)
        }
        parts.insert(digits, at: 0)
        return (neg ? "-" : "") + parts.joined(separator: sep)
    }

    /// `amount` and `currency` the way `language` writes them (`2 500 000 FCFA`).
    public static func format(_ amount: Int64, _ currency: String, language: Language) -> String {
        group(amount, language: language) + (language == .fr ? "\u{00A0}" : " ") + currency
    }

    /// Parses an amount typed by a user: digits with optional spaces, no-break spaces, `_`, `.` or
    /// `,` between groups of three. Nil for negative, fractional or non-numeric text.
    public static func parse(_ s: String) -> Int64? {
        let t = s.trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty else { return nil }
        let cleaned = t.filter { !" \u{00A0}\u{202F}_".contains($0) }
        if cleaned.allSatisfy(\.isASCIIDigit) { return Int64(cleaned) }
        // groups like 2.500.000 or 2,500,000
        for sep: Character in [".", ","] {
            let groups = cleaned.split(separator: sep, omittingEmptySubsequences: false)
            if groups.count > 1, groups.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
               (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) {
                return Int64(groups.joined())
            }
        }
        return nil
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
