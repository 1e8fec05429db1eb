/// A column and row on the screen, 0-based from the top-left corner.
public struct Position: Hashable, Sendable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    public init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }
    public var description: String { "(\(x),\(y))" }
}

/// A screen size in columns and rows.
public struct Size: Hashable, Sendable, CustomStringConvertible {
    public var width: Int
    public var height: Int
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
    public var description: String { "\(width)×\(height)" }
}

/// One screen cell: a grapheme cluster and the role it is drawn with. A wide (2-column)
/// character occupies its cell and the next one, which is a continuation cell.
public struct Cell: Hashable, Sendable {
    /// The cluster shown; a space for blank and continuation cells.
    public var character: Character
    public var role: Role
    /// True for the right-hand half of a wide character.
    public var isContinuation: Bool

    public init(_ character: Character, role: Role = .normal) {
        self.character = character
        self.role = role
        self.isContinuation = false
    }

    /// The right-hand half of a wide character drawn with `role`.
    public static func continuation(role: Role) -> Cell {
        var cell = Cell(" ", role: role)
        cell.isContinuation = true
        return cell
    }

    /// A space drawn with `normal`.
    public static let blank = Cell(" ")

    /// Columns this cell's character takes: 0 for a continuation, else 1 or 2.
    public var width: Int { isContinuation ? 0 : max(1, TextWidth.width(of: character)) }
}

/// Box-drawing line styles for `Grid.box`.
public enum BoxStyle: Sendable {
    case single, double, rounded, heavy

    var characters: (tl: Character, tr: Character, bl: Character, br: Character, h: Character, v: Character) {
        switch self {
        case .single: return ("┌", "┐", "└", "┘", "─", "│")
        case .double: return ("╔", "╗", "╚", "╝", "═", "║")
        case .rounded: return ("╭", "╮", "╰", "╯", "─", "│")
        case .heavy: return ("┏", "┓", "┗", "┛", "━", "┃")
        }
    }
}

/// A width × height array of cells that views draw into; the renderer diffs two grids.
/// Writing is always clipped to the grid, never splits a grapheme cluster, and replaces
/// control characters with visible placeholders (see `TextWidth.sanitize`).
///
///     var grid = Grid(width: 80, height: 24)
///     grid.put(x: 2, y: 1, text: "Ordre du jour", role: .title)
///     grid.lines()[1]   // "  Ordre du jour"
public struct Grid: Hashable, Sendable {
    public let width: Int
    public let height: Int
    /// Cells row by row: the cell at (x, y) is `cells[y * width + x]`.
    public private(set) var cells: [Cell]

    /// A grid of `width` × `height` cells (negative sizes count as 0), all `fill`.
    public init(width: Int, height: Int, fill: Cell = .blank) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: fill, count: self.width * self.height)
    }

    public init(size: Size, fill: Cell = .blank) {
        self.init(width: size.width, height: size.height, fill: fill)
    }

    public var size: Size { Size(width: width, height: height) }

    /// Whether (x, y) lies inside the grid.
    public func contains(x: Int, y: Int) -> Bool {
        x >= 0 && y >= 0 && x < width && y < height
    }

    /// The cell at (x, y); a blank cell outside the grid.
    public subscript(x x: Int, y y: Int) -> Cell {
        contains(x: x, y: y) ? cells[y * width + x] : .blank
    }

    // MARK: Writing

    /// Writes `text` from column `x` on row `y`, clipped to the grid and to `maxWidth`
    /// columns when given. A wide character that would straddle an edge is replaced by a
    /// space; zero-width clusters are dropped. Returns the column after the last one
    /// written (x plus the width of the text that was laid out).
    @discardableResult
    public mutating func put(x: Int, y: Int, text: String, role: Role = .normal, maxWidth: Int? = nil) -> Int {
        let limit = maxWidth.map { min(width, x + max(0, $0)) } ?? width
        var col = x
        for character in text {
            if character.unicodeScalars.contains(where: TextWidth.needsPlaceholder) {
                for safe in TextWidth.sanitize(character) {
                    guard col < limit else { return col }
                    col = place(safe, x: col, y: y, role: role, limit: limit)
                }
                continue
            }
            guard col < limit else { return col }
            col = place(character, x: col, y: y, role: role, limit: limit)
        }
        return col
    }

    /// Writes one character at (x, y); returns the next column.
    @discardableResult
    public mutating func put(x: Int, y: Int, character: Character, role: Role = .normal) -> Int {
        put(x: x, y: y, text: String(character), role: role)
    }

    private mutating func place(_ character: Character, x: Int, y: Int, role: Role, limit: Int) -> Int {
        let w = TextWidth.width(of: character)
        if w == 0 { return x }
        guard y >= 0 && y < height else { return x + w }
        if w == 2 {
            if x + 1 < 0 { return x + 2 }
            if x < 0 {  // left half cut off by the left edge
                setNarrow(Cell(" ", role: role), x: x + 1, y: y)
                return x + 2
            }
            if x + 1 >= limit {  // right half would be cut off
                if x < limit { setNarrow(Cell(" ", role: role), x: x, y: y) }
                return x + 2
            }
            clearOverlap(x: x, y: y)
            clearOverlap(x: x + 1, y: y)
            cells[y * width + x] = Cell(character, role: role)
            cells[y * width + x + 1] = .continuation(role: role)
            return x + 2
        }
        if x >= 0 && x < limit { setNarrow(Cell(character, role: role), x: x, y: y) }
        return x + 1
    }

    /// Sets a one-column cell, blanking the other half of any wide character it hits.
    private mutating func setNarrow(_ cell: Cell, x: Int, y: Int) {
        guard contains(x: x, y: y) else { return }
        clearOverlap(x: x, y: y)
        cells[y * width + x] = cell
    }

    /// Before (x, y) is overwritten: if it is half of a wide character, turn the other
    /// half into a space so no orphan half remains.
    private mutating func clearOverlap(x: Int, y: Int) {
        let i = y * width + x
        let cell = cells[i]
        if cell.isContinuation {
            if x > 0 { cells[i - 1] = Cell(" ", role: cells[i - 1].role) }
        } else if cell.width == 2 && x + 1 < width {
            cells[i + 1] = Cell(" ", role: cell.role)
        }
        cells[i] = Cell(" ", role: cell.role)
    }

    /// Fills a rectangle (clipped to the grid) with `character` in `role`.
    public mutating func fill(
        x: Int = 0, y: Int = 0, width: Int? = nil, height: Int? = nil,
        with character: Character = " ", role: Role = .normal
    ) {
        let w = width ?? self.width - x
        let h = height ?? self.height - y
        guard w > 0 && h > 0 else { return }
        let cw = max(1, TextWidth.width(of: character))
        for row in max(0, y)..<min(self.height, y + h) {
            var col = x
            while col + cw <= x + w {
                put(x: col, y: row, text: String(character), role: role, maxWidth: x + w - col)
                col += cw
            }
            if col < x + w { put(x: col, y: row, text: " ", role: role) }
        }
    }

    /// Draws a box outline with Unicode line characters, optionally with a title on the
    /// top edge (truncated to fit). Boxes smaller than 2 × 2 draw nothing.
    public mutating func box(
        x: Int, y: Int, width: Int, height: Int, role: Role = .border,
        style: BoxStyle = .single, title: String? = nil, titleRole: Role = .title
    ) {
        guard width >= 2 && height >= 2 else { return }
        let c = style.characters
        let right = x + width - 1
        let bottom = y + height - 1
        put(x: x, y: y, character: c.tl, role: role)
        put(x: right, y: y, character: c.tr, role: role)
        put(x: x, y: bottom, character: c.bl, role: role)
        put(x: right, y: bottom, character: c.br, role: role)
        if width > 2 {
            fill(x: x + 1, y: y, width: width - 2, height: 1, with: c.h, role: role)
            fill(x: x + 1, y: bottom, width: width - 2, height: 1, with: c.h, role: role)
        }
        if height > 2 {
            fill(x: x, y: y + 1, width: 1, height: height - 2, with: c.v, role: role)
            fill(x: right, y: y + 1, width: 1, height: height - 2, with: c.v, role: role)
        }
        if let title, width >= 6 {
            let text = " " + TextWidth.truncate(TextWidth.sanitize(title), toWidth: width - 5) + " "
            put(x: x + 2, y: y, text: text, role: titleRole, maxWidth: width - 3)
        }
    }

    /// Stores `cell` at a flat index with no bookkeeping (for backends mirroring a grid).
    mutating func setRaw(_ cell: Cell, at index: Int) { cells[index] = cell }

    // MARK: Reading

    /// The grid as text, one string per row, continuation cells skipped and trailing
    /// spaces trimmed: the form screen snapshots are compared in.
    public func lines() -> [String] {
        (0..<height).map { row in
            var line = ""
            for col in 0..<width {
                let cell = cells[row * width + col]
                if !cell.isContinuation { line.append(cell.character) }
            }
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    /// The roles of row `y`, one per cell: handy to assert styling in tests.
    public func roles(row y: Int) -> [Role] {
        guard y >= 0 && y < height else { return [] }
        return (0..<width).map { cells[y * width + $0].role }
    }
}
