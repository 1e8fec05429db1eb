/// Countdown digits for the Projector, from plain text up to the ``BigDigits`` shapes scaled
/// several times: on a wall the countdown should take all the room the screen leaves it.
enum ProjectorDigits {
    /// A size, largest first in ``all``.
    enum Size: Equatable, Sendable {
        /// BigDigits' 3 × 5 shapes with each pixel drawn as `2n` columns × `n` rows (n ≥ 2).
        case scaled(Int)
        /// ``BigDigits/Font/large`` (5 rows).
        case large
        /// ``BigDigits/Font/small`` (3 rows).
        case small
        /// One row of text.
        case plain

        /// Rows taken.
        var height: Int {
            switch self {
            case .scaled(let n): 5 * n
            case .large: 5
            case .small: 3
            case .plain: 1
            }
        }
    }

    /// Columns between two scaled glyphs.
    static func spacing(_ n: Int) -> Int { n >= 3 ? 3 : 2 }

    /// Columns `text` takes at `size`.
    static func width(of text: String, size: Size) -> Int {
        switch size {
        case .plain: return TextWidth.width(of: text)
        case .small: return BigDigits.width(of: text, font: .small)
        case .large: return BigDigits.width(of: text, font: .large)
        case .scaled(let n):
            let glyphs = text.filter { BigDigits.supported.contains($0) }
            let pixels = glyphs.map { BigDigits.bitmaps[$0]?.first?.count ?? 0 }.reduce(0, +)
            return pixels * 2 * n + max(0, glyphs.count - 1) * spacing(n)
        }
    }

    /// The rows of `text` at `size`.
    static func lines(_ text: String, size: Size) -> [String] {
        switch size {
        case .plain: return [text]
        case .small: return BigDigits.lines(text, font: .small)
        case .large: return BigDigits.lines(text, font: .large)
        case .scaled(let n):
            var rows = Array(repeating: "", count: 5 * n)
            var first = true
            for c in text {
                guard let bitmap = BigDigits.bitmaps[c] else { continue }
                for (r, pixels) in bitmap.enumerated() {
                    let line = pixels.map { String(repeating: $0 == "#" ? "█" : " ", count: 2 * n) }.joined()
                    for k in 0..<n {
                        if !first { rows[r * n + k] += String(repeating: " ", count: spacing(n)) }
                        rows[r * n + k] += line
                    }
                }
                first = false
            }
            return rows
        }
    }

    /// Draws `text` at `size` with its top-left corner at (x, y), spaces included.
    static func draw(_ text: String, size: Size, into grid: inout Grid, x: Int, y: Int, role: Role) {
        for (i, row) in lines(text, size: size).enumerated() { grid.put(x: x, y: y + i, text: row, role: role) }
    }
}
