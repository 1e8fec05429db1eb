import PalabreCore

/// A single-line text input that edits by grapheme cluster: the cursor never lands inside
/// "é" written as e + U+0301, a flag or a ZWJ emoji, and Backspace removes such a cluster
/// whole. Scrolls horizontally by display width so the cursor stays visible.
///
/// Inserted text is put in NFC and cleaned: each line break ("\r\n", "\n" or "\r", as in a multi-line
/// paste) becomes one space, a tab becomes a space, and other control characters are
/// dropped, so the line stays one line and never carries terminal escapes.
///
///     var editor = LineEditor()
///     editor.insert("Décision : prêt")
///     editor.handle(.ctrl("w"))           // deletes "prêt"
///     let cursor = editor.render(into: &grid, x: 2, y: 20, width: 40)
public struct LineEditor: Hashable, Sendable {
    /// The text as clusters; `cursor` is an index into it (0…count).
    public private(set) var clusters: [Character]
    /// Cursor position, in clusters from the start.
    public private(set) var cursor: Int
    /// Index of the first cluster shown (horizontal scrolling), kept by `render`.
    public private(set) var scroll: Int = 0

    public init(text: String = "") {
        clusters = Array(LineEditor.clean(text))
        cursor = clusters.count
    }

    /// The text being edited.
    public var text: String { String(clusters) }

    public var isEmpty: Bool { clusters.isEmpty }

    /// Display columns between the start of the text and the cursor.
    public var cursorColumn: Int { TextWidth.width(of: String(clusters[..<cursor])) }

    /// What a key did.
    public enum Outcome: Hashable, Sendable {
        /// The text changed.
        case edited
        /// Only the cursor moved.
        case moved
        /// Enter: the caller reads `text` (and usually calls `clear()`).
        case submitted
        /// The key means nothing to the editor (or could not act, e.g. Backspace at the start).
        case ignored
    }

    // MARK: Editing

    /// Replaces line breaks and tabs by spaces, drops other control characters and puts the
    /// result in NFC (``Text/nfc(_:)``).
    public static func clean(_ text: String) -> String {
        var out = ""
        for c in text {
            if c == "\r\n" || c == "\n" || c == "\r" || c == "\t" || c == "\u{2028}" || c == "\u{2029}" {
                out.append(" ")
            } else if c.unicodeScalars.contains(where: TextWidth.isControl) {
                continue
            } else {
                out.append(c)
            }
        }
        return Text.nfc(out)
    }

    /// Inserts text at the cursor (typed or pasted; cleaned as described above). A
    /// combining mark typed alone joins the cluster before it.
    @discardableResult
    public mutating func insert(_ text: String) -> Outcome {
        let cleaned = LineEditor.clean(text)
        guard !cleaned.isEmpty else { return .ignored }
        // NFC (Text.nfc, the one normalisation of input): "e" then a typed U+0301 become "é",
        // so a decomposed id or search typed key by key is the same text as the programme's.
        let before = Text.nfc(String(clusters[..<cursor]) + cleaned)
        let all = Text.nfc(before + String(clusters[cursor...]))
        clusters = Array(all)
        cursor = min(before.count, clusters.count)
        return .edited
    }

    /// Replaces the whole text and puts the cursor at the end.
    public mutating func setText(_ text: String) {
        clusters = Array(LineEditor.clean(text))
        cursor = clusters.count
        scroll = 0
    }

    /// Empties the line.
    public mutating func clear() { setText("") }

    /// Applies an editing key: characters insert; ←/→, Début/Fin (also ^A/^E) move;
    /// ⌫/Suppr (also ^D) delete a cluster; ^U deletes to the start, ^K to the end, ^W the
    /// word before the cursor; Entrée submits.
    @discardableResult
    public mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case .char(let c): return insert(String(c))
        case .left, .ctrl("b"): return move(to: cursor - 1)
        case .right, .ctrl("f"): return move(to: cursor + 1)
        case .home, .ctrl("a"): return move(to: 0)
        case .end, .ctrl("e"): return move(to: clusters.count)
        case .backspace, .ctrl("h"):
            guard cursor > 0 else { return .ignored }
            clusters.remove(at: cursor - 1)
            cursor -= 1
            return .edited
        case .delete, .ctrl("d"):
            guard cursor < clusters.count else { return .ignored }
            clusters.remove(at: cursor)
            return .edited
        case .ctrl("u"):
            guard cursor > 0 else { return .ignored }
            clusters.removeSubrange(0..<cursor)
            cursor = 0
            return .edited
        case .ctrl("k"):
            guard cursor < clusters.count else { return .ignored }
            clusters.removeSubrange(cursor...)
            return .edited
        case .ctrl("w"):
            guard cursor > 0 else { return .ignored }
            var start = cursor
            while start > 0 && isSeparator(clusters[start - 1]) { start -= 1 }
            while start > 0 && !isSeparator(clusters[start - 1]) { start -= 1 }
            clusters.removeSubrange(start..<cursor)
            cursor = start
            return .edited
        case .enter: return .submitted
        default: return .ignored
        }
    }

    private mutating func move(to position: Int) -> Outcome {
        let clamped = max(0, min(clusters.count, position))
        guard clamped != cursor else { return .ignored }
        cursor = clamped
        return .moved
    }

    /// Word separators for ^W: spaces (a no-break space is part of a word: "2 500").
    private func isSeparator(_ c: Character) -> Bool { c == " " }

    // MARK: Display

    /// Draws the visible part of the line into `grid` at (x, y) over `width` columns
    /// (the rest of the field is cleared in `role`), scrolling so the cursor is visible.
    /// Returns the cell where the terminal cursor belongs.
    @discardableResult
    public mutating func render(into grid: inout Grid, x: Int, y: Int, width: Int, role: Role = .input) -> Position {
        guard width > 0 else { return Position(x: x, y: y) }
        adjustScroll(width: width)
        grid.fill(x: x, y: y, width: width, height: 1, role: role)
        var col = 0
        var index = scroll
        while index < clusters.count {
            let w = max(0, TextWidth.width(of: clusters[index]))
            if col + w > width { break }
            grid.put(x: x + col, y: y, text: String(clusters[index]), role: role, maxWidth: width - col)
            col += w
            index += 1
        }
        let cursorX = clusters[scroll..<cursor].reduce(0) { $0 + TextWidth.width(of: $1) }
        return Position(x: x + min(cursorX, width - 1), y: y)
    }

    /// Keeps `scroll` such that the cursor (plus one cell for it) fits in `width` columns,
    /// and scrolls back left when text after it leaves room.
    mutating func adjustScroll(width: Int) {
        scroll = min(scroll, cursor)
        // Columns of clusters[from..<to], stopping once past `limit` (long pastes stay cheap).
        func span(_ from: Int, _ to: Int, limit: Int) -> Int {
            var total = 0
            var i = from
            while i < to && total <= limit {
                total += TextWidth.width(of: clusters[i])
                i += 1
            }
            return total
        }
        // Cursor past the right edge: the first start from which the cursor cell fits, found by
        // walking left from the cursor.
        var start = cursor
        var used = 1
        while start > 0 {
            let w = TextWidth.width(of: clusters[start - 1])
            if used + w > width { break }
            used += w
            start -= 1
        }
        if scroll < start { scroll = start }
        // Room on the right: scroll left while everything from `scroll - 1` still fits.
        while scroll > 0 {
            let needed = span(scroll - 1, clusters.count, limit: width) + (cursor == clusters.count ? 1 : 0)
            if needed > width { break }
            scroll -= 1
        }
    }
}
