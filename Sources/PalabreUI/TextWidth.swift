import PalabreCore

/// Display width of text in terminal columns, measured per grapheme cluster, in pure Swift
/// (no `wcwidth`, so results do not depend on the process locale).
///
/// Rules: East Asian Wide and Fullwidth characters (CJK, Hangul, fullwidth forms) and emoji
/// shown as pictures are 2 columns; combining marks, variation selectors and zero-width
/// characters are 0 inside a cluster; everything else printable is 1. A cluster is never
/// split: a zero-width-joiner emoji sequence such as 👨‍👩‍👧 counts 2 as a whole. Control
/// characters count as the placeholder `sanitize(_:)` shows for them (1 column each).
///
///     TextWidth.width(of: "Été 中🙂")   // 8
public enum TextWidth {

    // MARK: Scalars and clusters

    /// Width of one Unicode scalar on its own: 0, 1 or 2.
    public static func width(of scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 1 }  // shown as a placeholder
        if v < 0x300 { return 1 }  // fast path: Latin, including NBSP U+00A0
        if isZeroWidth(scalar) { return 0 }
        return isWide(v) ? 2 : 1
    }

    /// Width of one grapheme cluster: 0, 1 or 2 (control clusters such as "\r\n" count one
    /// column per placeholder).
    public static func width(of character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if scalars.count == 1 { return width(of: first) }
        if isControl(first) {
            return scalars.reduce(0) { $0 + (isControl($1) ? 1 : 0) }
        }
        var base = -1
        var hasJoiner = false
        var hasEmojiSelector = false
        var hasTextSelector = false
        var hasSkinTone = false
        var regionalIndicators = 0
        for s in scalars {
            switch s.value {
            case 0x200D: hasJoiner = true
            case 0xFE0F: hasEmojiSelector = true
            case 0xFE0E: hasTextSelector = true
            case 0x1F3FB...0x1F3FF: hasSkinTone = true
            case 0x1F1E6...0x1F1FF: regionalIndicators += 1
            default: break
            }
            if base < 0 {
                let w = width(of: s)
                if w > 0 { base = w }
            }
        }
        if regionalIndicators >= 2 { return 2 }  // a flag
        if base < 0 { return 0 }  // only combining marks
        if hasTextSelector { return base }
        if (hasEmojiSelector || hasSkinTone) && first.properties.isEmoji { return 2 }
        if hasJoiner && first.properties.isEmoji && first.value > 0xFF { return 2 }
        return base
    }

    /// Width of a string: the sum of its clusters.
    public static func width(of string: some StringProtocol) -> Int {
        var total = 0
        for c in string { total += width(of: c) }
        return total
    }

    // MARK: Fitting text

    /// The longest prefix of `string` that fits `width` columns, ending with `ellipsis`
    /// when something was cut. Never splits a cluster; the result may be one column short
    /// when a wide character does not fit. When even the ellipsis does not fit, the plain
    /// prefix that fits is returned.
    ///
    ///     TextWidth.truncate("Décision importante", toWidth: 10)   // "Décision …"
    public static func truncate(_ string: String, toWidth width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if self.width(of: string) <= width { return string }
        let ellipsisWidth = self.width(of: ellipsis)
        let room = ellipsisWidth <= width ? width - ellipsisWidth : width
        var result = ""
        var used = 0
        for c in string {
            let w = self.width(of: c)
            if used + w > room { break }
            result.append(c)
            used += w
        }
        return ellipsisWidth <= width ? result + ellipsis : result
    }

    /// Horizontal placement for `pad(_:toWidth:alignment:)`.
    public enum Alignment: Sendable { case left, right, center }

    /// `string` made exactly `width` columns wide: padded with spaces, or truncated with an
    /// ellipsis when it is longer.
    ///
    ///     TextWidth.pad("中", toWidth: 4, alignment: .right)   // "  中"
    public static func pad(_ string: String, toWidth width: Int, alignment: Alignment = .left) -> String {
        guard width > 0 else { return "" }
        let text = truncate(string, toWidth: width)
        let missing = width - self.width(of: text)
        switch alignment {
        case .left: return text + String(repeating: " ", count: missing)
        case .right: return String(repeating: " ", count: missing) + text
        case .center:
            let left = missing / 2
            return String(repeating: " ", count: left) + text + String(repeating: " ", count: missing - left)
        }
    }

    /// Word-wraps `string` into lines of at most `width` columns. Lines break at ordinary
    /// spaces (U+0020) and at "\n"; no-break spaces (U+00A0, U+202F) keep their neighbours
    /// together, so « guillemets » and "2 500 000" stay whole; so do the ordinary spaces inside
    /// French guillemets and before « : ; ! ? » (French typography: a line never begins with
    /// » or :, nor ends with «). A word longer than a line is cut between clusters. Runs of
    /// spaces at a break are dropped. A width below 1 is treated as 1; a cluster wider than the
    /// line gets a line of its own.
    ///
    ///     TextWidth.wrap("Ordre du jour adopté", width: 10)   // ["Ordre du", "jour", "adopté"]
    public static func wrap(_ string: String, width: Int) -> [String] {
        let width = max(1, width)
        var lines: [String] = []
        for paragraph in string.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            for word in Self.unbreakable(paragraph.split(separator: " ", omittingEmptySubsequences: true)) {
                var word = Substring(word)
                var w = self.width(of: word)
                if lineWidth > 0 && lineWidth + 1 + w <= width {
                    line += " " + word
                    lineWidth += 1 + w
                    continue
                }
                if lineWidth > 0 {
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                }
                while w > width {
                    // Hard-break an over-long word between clusters.
                    var piece = ""
                    var pieceWidth = 0
                    var index = word.startIndex
                    while index < word.endIndex {
                        let cw = self.width(of: word[index])
                        if pieceWidth + cw > width && pieceWidth > 0 { break }
                        piece.append(word[index])
                        pieceWidth += cw
                        index = word.index(after: index)
                    }
                    lines.append(piece)
                    word = word[index...]
                    w -= pieceWidth
                }
                line = String(word)
                lineWidth = w
            }
            lines.append(line)
        }
        return lines
    }

    /// `words` with those French typography keeps on one line joined by a space: « with the
    /// word after it, » and : ; ! ? with the word before.
    static func unbreakable(_ words: [Substring]) -> [String] {
        var out: [String] = []
        var glueNext = false
        for w in words {
            let first = w.first
            if let last = out.last, glueNext || first == "»" || (w.count == 1 && [":", ";", "!", "?"].contains(first)) {
                out[out.count - 1] = last + " " + w
            } else {
                out.append(String(w))
            }
            glueNext = w.last == "«"
        }
        return out
    }

    // MARK: Safety

    /// `string` with every control character replaced by a visible placeholder, so user
    /// text never reaches the terminal raw; the one rule is ``Text/visible(_:keeping:)`` in
    /// PalabreCore (C0 → Control Pictures, DEL → ␡, C1 and bidi controls → �, U+2028/U+2029 → ␤ ¶).
    ///
    ///     TextWidth.sanitize("a\u{1B}[2Jb")   // "a␛[2Jb"
    public static func sanitize(_ string: String) -> String { Text.visible(string) }

    /// `sanitize` for a single cluster (a control cluster may become several characters).
    public static func sanitize(_ character: Character) -> String {
        sanitize(String(character))
    }

    /// Whether `scalar` is replaced by `sanitize(_:)`.
    public static func needsPlaceholder(_ scalar: Unicode.Scalar) -> Bool { Text.needsPlaceholder(scalar) }

    static func isControl(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x20 || (s.value >= 0x7F && s.value < 0xA0)
    }

    static func isZeroWidth(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x200B...0x200F, 0x2060...0x2064, 0xFEFF, 0xFE00...0xFE0F, 0xE0100...0xE01EF:
            return true
        case 0x1160...0x11FF, 0xD7B0...0xD7FF:  // Hangul medial vowels and final consonants
            return true
        default:
            switch s.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .format: return true
            default: return false
            }
        }
    }

    static func isWide(_ v: UInt32) -> Bool {
        if v < 0x1100 { return false }
        var low = 0
        var high = wideRanges.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let (a, b) = wideRanges[mid]
            if v < a { high = mid - 1 } else if v > b { low = mid + 1 } else { return true }
        }
        return false
    }
}
