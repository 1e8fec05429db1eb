import Foundation

/// Text rules shared by commands, search and documents.
public enum Text {
    /// `s` normalised to Unicode NFC, the form in which all text is stored. This is the one
    /// normalisation applied where text enters the program: programme values
    /// (`ProgrammeReader`), command-line arguments (`palabre` before parsing, `script` lines),
    /// and keys and pastes in the consoles (`LineEditor`). Swift compares strings by canonical
    /// equivalence, so without it `maire-die` + U+0301 + `li` would match the programme's id
    /// yet be journaled and exported with other bytes.
    public static func nfc(_ s: String) -> String {
        // Fast path: ASCII is always NFC.
        if s.utf8.allSatisfy({ $0 < 0x80 }) { return s }
        return s.precomposedStringWithCanonicalMapping
    }

    /// `s` with French punctuation spacing: the plain space before « : », « ; », « ? » and « ! »
    /// made a no-break space (U+00A0), so that the mark never starts a line (Imprimerie
    /// nationale, *Lexique des règles typographiques*). For French messages only.
    public static func frenchPunctuation(_ s: String) -> String {
        guard s.contains(" :") || s.contains(" ;") || s.contains(" ?") || s.contains(" !") else { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count)
        var pendingSpace = false
        for c in s {
            if pendingSpace {
                out.append(":;?!".contains(c) ? "\u{00A0}" : " ")
                pendingSpace = false
            }
            if c == " " { pendingSpace = true } else { out.append(c) }
        }
        if pendingSpace { out.append(" ") }
        return out
    }

    /// A search key: lower case, accents and other diacritics removed, apostrophes unified,
    /// ligatures written out ("Ségou" → "segou", "N’Goa" → "n'goa", "cœur" → "coeur").
    ///
    /// Text made of ASCII, the Latin-1 and Latin Extended-A letters and the usual French
    /// typography (« », ’, no-break spaces, dashes) is folded a character at a time from a table
    /// that Foundation's folding fills once (the same result, some ten times faster: a replay
    /// searches every entry of a long journal); any other text is folded by Foundation whole.
    public static func fold(_ s: String) -> String {
        var bytes: [UInt8] = []
        foldUTF8(s, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The UTF-8 bytes of ``fold(_:)`` of `s`, written into `bytes` (emptied first): no string
    /// is made for text the table folds (a search through every entry of a long journal).
    public static func foldUTF8(_ s: String, into bytes: inout [UInt8]) {
        bytes.removeAll(keepingCapacity: true)
        for u in s.unicodeScalars {
            let v = u.value
            if v < 0x80 {
                bytes.append(UInt8(v >= 0x41 && v <= 0x5A ? v + 0x20 : v))
            } else if let folded = foldTableUTF8[v] {
                bytes.append(contentsOf: folded)
            } else {
                bytes.removeAll(keepingCapacity: true)
                bytes.append(contentsOf: foundationFold(s).utf8)
                return
            }
        }
    }

    /// ``fold(_:)`` by Foundation for the whole of `s`, the ligatures written out as a keyboard
    /// without them types them (« cœur » as « coeur »: Foundation keeps œ, æ and ß).
    static func foundationFold(_ s: String) -> String {
        var folded = s.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .replacingOccurrences(of: "\u{2019}", with: "'")
        for (ligature, letters) in ligatures where folded.contains(ligature) {
            folded = folded.replacingOccurrences(of: ligature, with: letters)
        }
        return folded
    }

    /// The ligatures of French and German text and how they are typed without them.
    static let ligatures = [("œ", "oe"), ("Œ", "oe"), ("æ", "ae"), ("Æ", "ae"), ("ß", "ss")]

    /// The UTF-8 bytes of the fold of each scalar from U+0080 to U+017F and of the typography of
    /// French text (quotes, apostrophes, dashes, ellipsis, narrow no-break space, euro), by
    /// Foundation.
    static let foldTableUTF8: [UInt32: [UInt8]] = {
        var table: [UInt32: [UInt8]] = [:]
        let typography: [UInt32] = [0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026, 0x202F, 0x20AC]
        for v in Array(0x80...0x17F) + typography {
            guard let u = Unicode.Scalar(v) else { continue }
            table[v] = Array(foundationFold(String(Character(u))).utf8)
        }
        return table
    }()

    /// `s` made safe to leave the program (terminal, CSV, Markdown, DOCX, messages): every
    /// character that could drive a terminal or reorder text is replaced by a visible symbol.
    /// C0 controls become the Control Pictures U+2400–U+241F (ESC → ␛, TAB → ␉, CR → ␍, LF → ␊,
    /// BEL → ␇), DEL becomes ␡, C1 controls U+0080–U+009F become U+FFFD �, the line and paragraph
    /// separators U+2028/U+2029 become ␤ and ¶, and the bidirectional embeddings, overrides and
    /// isolates (U+202A–U+202E, U+2066–U+2069) become U+FFFD. The scalars of `keeping` (for
    /// example `"\n"` for a multi-line message) pass unchanged. Everything else is kept.
    ///
    ///     Text.visible("a\u{1B}]0;x\u{07}b")   // "a␛]0;x␇b"
    public static func visible(_ s: String, keeping: String = "") -> String {
        let kept = Set(keeping.unicodeScalars)
        guard s.unicodeScalars.contains(where: { needsPlaceholder($0) && !kept.contains($0) }) else { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars { out.append(kept.contains(u) ? u : placeholder(for: u)) }
        return String(out)
    }

    /// `s` as it may be echoed in a message: made visible (``visible(_:keeping:)``) and cut to
    /// `limit` characters followed by « … » when longer, so a huge value cannot flood the output;
    /// format characters (soft hyphen, zero-width space, bidi controls) written as `\u{XXXX}`.
    public static func echo(_ s: String, limit: Int = 200) -> String {
        var cut = s
        if s.utf8.count > limit, let end = s.index(s.startIndex, offsetBy: limit, limitedBy: s.endIndex),
            end < s.endIndex
        {
            cut = String(s[..<end]) + "…"
        }
        // Format characters (soft hyphen, zero-width space, bidi controls, BOM) as escapes: a
        // value echoed in a message shows what was really typed.
        guard cut.unicodeScalars.contains(where: { $0.properties.generalCategory == .format }) else {
            return visible(cut)
        }
        var out = ""
        for u in cut.unicodeScalars {
            if u.properties.generalCategory == .format {
                out += "\\u{" + String(u.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(u)
            }
        }
        return visible(out)
    }

    /// `s` as a diagnostic quotes it: like ``echo(_:limit:)``, and every invisible character
    /// that would make two different spellings look the same is written as a Swift-style
    /// escape: format characters (zero-width space U+200B, joiners, bidi controls, BOM), spaces
    /// other than U+0020 (no-break space U+00A0, narrow no-break space U+202F…) and other
    /// default-ignorable code points. Variation selectors stay, as they only choose how an
    /// emoji looks.
    ///
    ///     Text.reveal("ti\u{200B}tle")   // "ti\\u{200B}tle"
    public static func reveal(_ s: String, limit: Int = 200) -> String {
        echo(escapingInvisible(s), limit: limit)
    }

    /// `s` with each invisible character (``isInvisible(_:)``) written as `\\u{XXXX}`, nothing
    /// else changed: for a whole message whose quoted parts come from a file.
    public static func escapingInvisible(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: isInvisible) else { return s }
        var out = ""
        for u in s.unicodeScalars {
            if isInvisible(u) {
                out += "\\u{" + String(u.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// Whether `u` shows as nothing or as an ordinary space although it is neither: see
    /// ``reveal(_:limit:)``. Control characters are not included (``visible(_:keeping:)`` shows them).
    public static func isInvisible(_ u: Unicode.Scalar) -> Bool {
        if u.value < 0xA0 { return false }
        if (0xFE00...0xFE0F).contains(u.value) || (0xE0100...0xE01EF).contains(u.value) { return false }
        switch u.properties.generalCategory {
        case .format, .lineSeparator, .paragraphSeparator, .spaceSeparator: return true
        default: return u.properties.isDefaultIgnorableCodePoint
        }
    }

    /// The visible symbol ``visible(_:keeping:)`` puts in place of `u` (`u` itself when it is harmless).
    public static func placeholder(for u: Unicode.Scalar) -> Unicode.Scalar {
        switch u.value {
        case 0x00...0x1F: return Unicode.Scalar(0x2400 + u.value)!
        case 0x7F: return "\u{2421}"
        case 0x80...0x9F: return "\u{FFFD}"
        case 0x2028: return "\u{2424}"
        case 0x2029: return "\u{B6}"
        case 0x202A...0x202E, 0x2066...0x2069: return "\u{FFFD}"
        default: return u
        }
    }

    /// Whether `u` never leaves the program raw: a control character, U+2028/U+2029 or a bidi control.
    public static func needsPlaceholder(_ u: Unicode.Scalar) -> Bool {
        isControl(u) || u.value == 0x2028 || u.value == 0x2029 || isBidiControl(u)
    }

    /// `s` without the spaces and tabs at either end: the scalars that Foundation's
    /// `CharacterSet.whitespaces` holds (CoreFoundation's whitespace set: tab, space, the no-break
    /// spaces U+00A0 and U+202F, U+1680, U+2000–U+200B, U+205F, U+3000), compared scalar by
    /// scalar as Foundation does, without its bridging — documents trim every line of every entry.
    public static func trimmingSpaces(_ s: Substring) -> Substring {
        func space(_ u: Unicode.Scalar) -> Bool {
            switch u.value {
            case 0x20, 0x09, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: true
            default: false
            }
        }
        let scalars = s.unicodeScalars
        var lo = scalars.startIndex, hi = scalars.endIndex
        while lo < hi, space(scalars[lo]) { lo = scalars.index(after: lo) }
        while hi > lo, space(scalars[scalars.index(before: hi)]) { hi = scalars.index(before: hi) }
        return Substring(scalars[lo..<hi])
    }

    /// Whether `u` is a C0 or C1 control character or DEL.
    public static func isControl(_ u: Unicode.Scalar) -> Bool { u.value < 0x20 || (0x7F...0x9F).contains(u.value) }

    /// Whether `u` is a bidirectional embedding, override or isolate (U+202A–U+202E, U+2066–U+2069),
    /// which can make text read in another order than it is stored.
    public static func isBidiControl(_ u: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(u.value) || (0x2066...0x2069).contains(u.value)
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

    /// `a + b`, saturating at `Int64.max` instead of overflowing (totals of hand-edited journals).
    public static func add(_ a: Int64, _ b: Int64) -> Int64 {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? (b > 0 ? .max : .min) : sum
    }
}
