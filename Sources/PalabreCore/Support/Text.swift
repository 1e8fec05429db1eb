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

    /// `s` with control characters (C0, DEL, C1) shown as visible symbols (␛ ␉ ␍ ␇, ␡, �), for
    /// places where raw text must never reach a terminal or a document unescaped.
    public static func visible(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: isControl) else { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            switch u.value {
            case 0x00...0x1F: out.append(Unicode.Scalar(0x2400 + u.value)!)
            case 0x7F: out.append("\u{2421}")
            case 0x80...0x9F: out.append("\u{FFFD}")
            default: out.append(u)
            }
        }
        return String(out)
    }

    /// Whether `u` is a C0 or C1 control character or DEL.
    public static func isControl(_ u: Unicode.Scalar) -> Bool { u.value < 0x20 || (0x7F...0x9F).contains(u.value) }

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

    /// `a + b`, saturating at `Int64.max` instead of overflowing (totals of hand-edited journals).
    public static func add(_ a: Int64, _ b: Int64) -> Int64 {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? (b > 0 ? .max : .min) : sum
    }

    /// Parses an amount typed by a user; same rules as the programme (``Amounts/parse(_:)``).
    public static func parse(_ s: String) -> Int64? { Amounts.parse(s) }
}
