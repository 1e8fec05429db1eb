/// A cell to draw at a position: what `Renderer` hands a `Backend`.
public struct CellChange: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var cell: Cell
    public init(x: Int, y: Int, cell: Cell) {
        self.x = x
        self.y = y
        self.cell = cell
    }
}

/// The few things a screen needs from a terminal. ncurses in production
/// (`PalabreTerminal.TerminalSession`), `MemoryBackend` in tests.
public protocol Backend: AnyObject {
    /// The current screen size.
    var size: Size { get }
    /// Draws changed cells (row-major order). Continuation cells are included so a
    /// backend can mirror the grid; a terminal skips them.
    func draw(_ changes: [CellChange])
    /// Forgets what is on screen and blanks it, before a full redraw.
    func clear()
    /// Shows the text cursor at a position, or hides it (nil).
    func setCursor(_ position: Position?)
    /// Makes everything drawn visible.
    func flush()
}

/// A backend that keeps the screen in memory and counts what it is sent, for tests.
///
///     let backend = MemoryBackend(width: 80, height: 24)
///     let renderer = Renderer(backend: backend)
///     renderer.render(grid)
///     backend.grid.lines()   // the screen as text
public final class MemoryBackend: Backend {
    public var size: Size
    /// The screen as last drawn.
    public private(set) var grid: Grid
    /// The cursor after the last `setCursor` (nil: hidden).
    public private(set) var cursor: Position?
    /// Cells drawn in total (continuation cells included).
    public private(set) var cellsWritten = 0
    /// UTF-8 bytes of the characters drawn in total (continuation cells count 0).
    public private(set) var bytesWritten = 0
    /// Cells drawn by the last `draw` call.
    public private(set) var lastDrawCount = 0
    public private(set) var drawCalls = 0
    public private(set) var flushes = 0
    public private(set) var clears = 0

    public init(width: Int, height: Int) {
        size = Size(width: width, height: height)
        grid = Grid(width: width, height: height)
    }

    /// Simulates a terminal resize: the screen content is lost.
    public func resize(width: Int, height: Int) {
        size = Size(width: width, height: height)
        grid = Grid(width: width, height: height)
    }

    public func draw(_ changes: [CellChange]) {
        drawCalls += 1
        lastDrawCount = changes.count
        var cells = grid
        for change in changes where cells.contains(x: change.x, y: change.y) {
            cells.setCell(change.cell, x: change.x, y: change.y)
            cellsWritten += 1
            if !change.cell.isContinuation { bytesWritten += String(change.cell.character).utf8.count }
        }
        grid = cells
    }

    public func clear() {
        clears += 1
        grid = Grid(width: size.width, height: size.height)
    }

    public func setCursor(_ position: Position?) { cursor = position }

    public func flush() { flushes += 1 }

    /// Resets the counters (not the screen).
    public func resetCounters() {
        cellsWritten = 0
        bytesWritten = 0
        lastDrawCount = 0
        drawCalls = 0
        flushes = 0
        clears = 0
    }
}

extension Grid {
    /// Stores a cell as is, with no wide-character bookkeeping: for backends mirroring a
    /// grid cell by cell.
    mutating func setCell(_ cell: Cell, x: Int, y: Int) {
        guard contains(x: x, y: y) else { return }
        setRaw(cell, at: y * width + x)
    }
}

/// Double buffering: keeps the last grid flushed to a backend and, for each new grid, sends
/// only the cells that changed. A size change (or `invalidate()`) clears the backend and
/// redraws everything.
///
///     let renderer = Renderer(backend: backend)
///     var grid = Grid(size: backend.size)
///     grid.put(x: 0, y: 0, text: "12:34", role: .timerOK)
///     renderer.render(grid, cursor: nil)
public final class Renderer {
    public let backend: any Backend
    /// The grid on screen after the last `render`.
    public private(set) var current: Grid?
    /// Cells sent by the last `render`.
    public private(set) var lastChangeCount = 0

    public init(backend: any Backend) {
        self.backend = backend
    }

    /// Forces a full redraw on the next `render` (after a resize, or when the screen may
    /// have been disturbed).
    public func invalidate() { current = nil }

    /// Draws `grid`: the changed cells, or everything after a size change; then places or
    /// hides the cursor and flushes.
    public func render(_ grid: Grid, cursor: Position? = nil) {
        var changes: [CellChange] = []
        if let previous = current, previous.size == grid.size {
            let old = previous.cells
            let new = grid.cells
            for i in new.indices where old[i] != new[i] {
                changes.append(CellChange(x: i % grid.width, y: i / grid.width, cell: new[i]))
            }
        } else {
            backend.clear()
            changes.reserveCapacity(grid.width * grid.height)
            for (i, cell) in grid.cells.enumerated() {
                changes.append(CellChange(x: i % grid.width, y: i / grid.width, cell: cell))
            }
        }
        lastChangeCount = changes.count
        if !changes.isEmpty { backend.draw(changes) }
        backend.setCursor(cursor.flatMap { grid.contains(x: $0.x, y: $0.y) ? $0 : nil })
        backend.flush()
        current = grid
    }
}
