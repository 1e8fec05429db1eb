/// Large block digits for countdowns read from across a room or on a projector: `0-9`,
/// `:`, `+`, `-` and space, drawn with █ ▀ ▄. Two sizes from the same 3 × 5 pixel
/// shapes: `.small` is 3 rows high (half blocks, 3 columns per digit) and `.large` is 5 rows
/// high (full blocks, 6 columns per digit).
///
///     BigDigits.lines("12:34", font: .small)
///     // ["▀█  ▀▀█ ▄ ▀▀█ █ █",
///     //  " █  █▀▀ ▄ ▀▀█ ▀▀█",
///     //  "▀▀▀ ▀▀▀   ▀▀▀   ▀"]
public enum BigDigits {
    public enum Font: CaseIterable, Sendable {
        /// 3 rows; a digit is 3 columns, a colon 1; glyphs are 1 column apart.
        case small
        /// 5 rows; a digit is 6 columns, a colon 2; glyphs are 2 columns apart.
        case large

        public var height: Int { self == .small ? 3 : 5 }
        /// Columns between two glyphs.
        public var spacing: Int { self == .small ? 1 : 2 }
    }

    /// The characters `BigDigits` can draw.
    public static let supported: Set<Character> = Set("0123456789:+- ")

    /// 3 × 5 pixel shapes ("#" = on). The colon is one pixel wide.
    static let bitmaps: [Character: [String]] = [
        "0": ["###", "#.#", "#.#", "#.#", "###"],
        "1": ["##.", ".#.", ".#.", ".#.", "###"],
        "2": ["###", "..#", "###", "#..", "###"],
        "3": ["###", "..#", "###", "..#", "###"],
        "4": ["#.#", "#.#", "###", "..#", "..#"],
        "5": ["###", "#..", "###", "..#", "###"],
        "6": ["###", "#..", "###", "#.#", "###"],
        "7": ["###", "..#", "..#", "..#", "..#"],
        "8": ["###", "#.#", "###", "#.#", "###"],
        "9": ["###", "#.#", "###", "..#", "###"],
        ":": [".", "#", ".", "#", "."],
        "+": ["...", ".#.", "###", ".#.", "..."],
        "-": ["...", "...", "###", "...", "..."],
        " ": ["...", "...", "...", "...", "..."],
    ]

    /// The rows of one glyph in `font`; nil for an unsupported character.
    public static func glyph(_ character: Character, font: Font) -> [String]? {
        guard let bitmap = bitmaps[character] else { return nil }
        let pixels = bitmap.map { $0.map { $0 == "#" } }
        switch font {
        case .large:
            return pixels.map { row in row.map { $0 ? "██" : "  " }.joined() }
        case .small:
            return stride(from: 0, to: 5, by: 2).map { top in
                let upper = pixels[top]
                let lower = top + 1 < 5 ? pixels[top + 1] : Array(repeating: false, count: upper.count)
                return String(
                    zip(upper, lower).map { (u, l) -> Character in
                        switch (u, l) {
                        case (true, true): return "█"
                        case (true, false): return "▀"
                        case (false, true): return "▄"
                        case (false, false): return " "
                        }
                    })
            }
        }
    }

    /// Columns one glyph takes in `font` (0 for an unsupported character).
    public static func glyphWidth(_ character: Character, font: Font) -> Int {
        guard let bitmap = bitmaps[character] else { return 0 }
        return bitmap[0].count * (font == .large ? 2 : 1)
    }

    /// Columns `text` takes in `font`, spacing included; unsupported characters are skipped.
    public static func width(of text: String, font: Font) -> Int {
        let widths = text.filter { supported.contains($0) }.map { glyphWidth($0, font: font) }
        return widths.reduce(0, +) + max(0, widths.count - 1) * font.spacing
    }

    /// `text` as `font.height` lines of block characters (unsupported characters skipped).
    public static func lines(_ text: String, font: Font) -> [String] {
        var rows = Array(repeating: "", count: font.height)
        var first = true
        for character in text {
            guard let g = glyph(character, font: font) else { continue }
            for i in 0..<font.height {
                if !first { rows[i] += String(repeating: " ", count: font.spacing) }
                rows[i] += g[i]
            }
            first = false
        }
        return rows
    }

    /// The larger font in which `text` fits `width` × `height` columns and rows; nil if
    /// neither fits.
    public static func font(fitting text: String, width: Int, height: Int) -> Font? {
        for font in [Font.large, .small] where font.height <= height && self.width(of: text, font: font) <= width {
            return font
        }
        return nil
    }

    /// Draws `text` into `grid` with its top-left corner at (x, y); spaces between and
    /// inside glyphs are written too, so the area is fully repainted. Returns the width
    /// drawn.
    @discardableResult
    public static func draw(
        _ text: String, font: Font, into grid: inout Grid, x: Int, y: Int,
        role: Role = .bigDigits
    ) -> Int {
        let rows = lines(text, font: font)
        for (i, row) in rows.enumerated() {
            grid.put(x: x, y: y + i, text: row, role: role)
        }
        return rows.first.map { TextWidth.width(of: $0) } ?? 0
    }
}
