/// The help frame of the consoles (`?`, F9) and of replay: a table of keys and what they do, then
/// lines of their own, centred over the screen. Sentences too long for the frame wrap under their
/// own column, so nothing is cut at 40 columns; rows beyond the frame scroll with ↑/↓ and
/// PgUp/PgDn, and the frame says what is above (▲) and how many rows are below (↓ +N).
///
///     let panel = HelpPanel(rows: [("Entrée", "Donner la parole")], notes: ["Partout : …"],
///                           titles: ["Aide"], close: "Échap ou ? pour fermer")
///     panel.draw(into: &grid, size: size, scroll: 0)
struct HelpPanel {
    /// The table: keys as shown (`^C/q`), and the sentence.
    var rows: [(keys: String, help: String)]
    /// Lines under the table, each wrapped on its own.
    var notes: [String]
    /// Written in the top border: the first that fits, else the last one cut.
    var titles: [String]
    /// Written in the bottom border, when it fits: how to close.
    var close: String
    /// Written at the left of the bottom border, when it fits (the ↶ and ✓ legend).
    var legend: String?

    /// The frame's outer width for a terminal `size`: the longest row and five columns of border,
    /// margins and the column of the ▲ mark, at least 40, at most the terminal's width less two.
    func width(for size: Size) -> Int {
        let col = keyColumn
        let longest =
            (rows.map { col + TextWidth.width(of: $0.help) } + notes.map { TextWidth.width(of: $0) }).max() ?? 0
        return max(0, min(size.width - 2, max(40, longest + 5)))
    }

    /// The rows shown inside a frame `width` wide (its border, margins and the ▲ column taken
    /// off), wrapped.
    func lines(width: Int) -> [String] {
        let inner = max(1, width - 5)
        var col = keyColumn
        // Keys wider than half the frame: the sentence goes under them, indented.
        var out: [String] = []
        if col > inner / 2 { col = 0 }
        for r in rows {
            // A mark at the end (↶, ✓↶) stays with the word before it: glued for the wrapping,
            // then written with its ordinary space again.
            var help = r.help
            var mark: String?
            if let space = help.lastIndex(of: " "), TextWidth.width(of: help[help.index(after: space)...]) <= 2 {
                mark = String(help[help.index(after: space)...])
                help.replaceSubrange(space...space, with: "\u{00A0}")
            }
            func wrap(_ width: Int) -> [String] {
                var lines = TextWidth.wrap(help, width: width)
                if let mark, let last = lines.last, last.hasSuffix("\u{00A0}" + mark) {
                    lines[lines.count - 1] = String(last.dropLast(mark.count + 1)) + " " + mark
                }
                return lines
            }
            if col == 0 {
                out += TextWidth.wrap(r.keys, width: inner)
                out += wrap(inner - 2).map { "  " + $0 }
                continue
            }
            let wrapped = wrap(inner - col)
            let pad = String(repeating: " ", count: col)
            for (i, l) in wrapped.enumerated() { out.append((i == 0 ? TextWidth.pad(r.keys, toWidth: col) : pad) + l) }
        }
        for n in notes { out += TextWidth.wrap(n, width: inner) }
        return out
    }

    /// The keys that close the help.
    static let closingKeys: [Key] = [.escape, .char("?"), .function(9), .enter, .char("q")]

    /// The first row shown after `key`, from `scroll`: ↑/↓ one row, PgUp/PgDn a frame's rows
    /// (no row is skipped), never before the first row nor past the last row that still fills
    /// the frame at `size`.
    func scroll(_ scroll: Int, after key: Key, size: Size) -> Int {
        let count = lines(width: width(for: size)).count
        let page = frameRows(size: size, lineCount: count, top: 1)
        let last = max(0, count - page)
        switch key {
        case .down: return min(last, scroll + 1)
        case .up: return max(0, min(last, scroll) - 1)
        case .pageDown: return min(last, scroll + page)
        case .pageUp: return max(0, min(last, scroll) - page)
        default: return scroll
        }
    }

    /// The largest scroll at `size` that still fills the frame: the first row shown is never past it.
    func maxScroll(size: Size, top minY: Int = 1) -> Int {
        let count = lines(width: width(for: size)).count
        return max(0, count - frameRows(size: size, lineCount: count, top: minY))
    }

    /// Draws the frame over `grid` for a terminal `size`, its first row the `scroll`-th (clamped);
    /// `top` is the highest row the frame may take (under the title bar).
    func draw(into grid: inout Grid, size: Size, scroll: Int, top minY: Int = 1) {
        let w = width(for: size)
        let lines = lines(width: w)
        let rows = frameRows(size: size, lineCount: lines.count, top: minY)
        let h = rows + 2
        let x = (size.width - w) / 2, y = max(minY, (size.height - h) / 2)
        grid.fill(x: x, y: y, width: w, height: h, role: .normal)
        grid.box(x: x, y: y, width: w, height: h, role: .border)
        let title = titles.first { TextWidth.width(of: $0) + 2 <= w - 4 } ?? titles.last ?? ""
        grid.put(x: x + 2, y: y, text: " " + title + " ", role: .title, maxWidth: w - 4)
        let first = max(0, min(scroll, lines.count - rows))
        for (i, l) in lines.dropFirst(first).prefix(rows).enumerated() {
            grid.put(x: x + 2, y: y + 1 + i, text: TextWidth.truncate(l, toWidth: w - 5), role: .normal)
        }
        // In the right margin, a column away from the text.
        if first > 0 { grid.put(x: x + w - 2, y: y + 1, text: "▲", role: .muted) }
        // The bottom border, from the right: how to close, how many rows are below, the legend.
        var right = x + w - 2
        let close = " " + close + " "
        if TextWidth.width(of: close) + 4 < w {
            right -= TextWidth.width(of: close)
            grid.put(x: right, y: y + h - 1, text: close, role: .muted)
        }
        if first + rows < lines.count {
            let more = " ↓ +\(lines.count - first - rows) "
            right -= TextWidth.width(of: more)
            grid.put(x: right, y: y + h - 1, text: more, role: .title)
        }
        if let legend {
            let legend = " " + legend + " "
            if x + 2 + TextWidth.width(of: legend) + 1 < right {
                grid.put(x: x + 2, y: y + h - 1, text: legend, role: .muted)
            }
        }
    }

    /// Width of the keys' column: the widest keys and two spaces.
    private var keyColumn: Int { (rows.map { TextWidth.width(of: $0.keys) }.max() ?? 0) + 2 }

    /// Rows inside the frame: all of them when they fit under row `minY`, else as many as do.
    private func frameRows(size: Size, lineCount: Int, top minY: Int) -> Int {
        max(1, min(size.height - minY - 2, lineCount))
    }
}
