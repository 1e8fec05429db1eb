import Testing

@testable import PalabreUI

@Suite("Cell grid")
struct GridTests {
    @Test("Text is laid out by width; lines() trims trailing spaces")
    func putAndLines() {
        var grid = Grid(width: 12, height: 2)
        let end = grid.put(x: 1, y: 0, text: "Été 中!", role: .title)
        #expect(end == 8)
        #expect(grid.lines() == [" Été 中!", ""])
        #expect(grid[x: 5, y: 0].character == "中")
        #expect(grid[x: 6, y: 0].isContinuation)
        #expect(grid[x: 7, y: 0].character == "!")
        #expect(grid[x: 1, y: 0].role == .title)
    }

    @Test("A wide character cut by the right edge becomes a space")
    func clipRight() {
        var grid = Grid(width: 5, height: 1)
        grid.put(x: 0, y: 0, text: "ab中中")
        #expect(grid.lines() == ["ab中"])
        grid = Grid(width: 5, height: 1)
        grid.put(x: 0, y: 0, text: "abcd中")
        #expect(grid.lines() == ["abcd"])
        #expect(grid[x: 4, y: 0] == Cell(" "))
        #expect(!grid.cells.contains { $0.isContinuation })
    }

    @Test("A wide character cut by the left edge becomes a space")
    func clipLeft() {
        var grid = Grid(width: 4, height: 1, fill: Cell("x"))
        grid.put(x: -1, y: 0, text: "中ab")
        #expect(grid.lines() == [" abx"])
    }

    @Test("maxWidth clips like an edge")
    func clipMaxWidth() {
        var grid = Grid(width: 10, height: 1)
        grid.put(x: 2, y: 0, text: "中中中", maxWidth: 3)
        #expect(grid.lines() == ["  中"])
        #expect(grid[x: 5, y: 0].character == " ")
    }

    @Test("A ZWJ family is one wide cell pair, never split")
    func zwjFamily() {
        let family = "👨\u{200D}👩\u{200D}👧\u{200D}👦"
        var grid = Grid(width: 3, height: 1)
        grid.put(x: 0, y: 0, text: family + family)
        #expect(grid[x: 0, y: 0].character == Character(family))
        #expect(grid[x: 1, y: 0].isContinuation)
        #expect(grid[x: 2, y: 0].character == " ")
        #expect(grid.lines() == [family])
    }

    @Test("Overwriting half of a wide character blanks the other half")
    func overwriteHalves() {
        var grid = Grid(width: 6, height: 1)
        grid.put(x: 0, y: 0, text: "中文")
        grid.put(x: 1, y: 0, text: "x")
        #expect(grid.lines() == [" x文"])
        grid.put(x: 2, y: 0, text: "y")
        #expect(grid.lines() == [" xy"])
        #expect(!grid.cells.contains { $0.isContinuation })
        grid.put(x: 4, y: 0, text: "中")
        grid.put(x: 3, y: 0, text: "中")
        #expect(grid.lines() == [" xy中"])
    }

    @Test("Control characters never land in a cell raw")
    func sanitizedWrites() {
        var grid = Grid(width: 10, height: 1)
        grid.put(x: 0, y: 0, text: "a\u{1B}[31mb")
        #expect(grid.lines() == ["a␛[31mb"])
        #expect(grid.cells.allSatisfy { !$0.character.unicodeScalars.contains { $0.value < 0x20 } })
    }

    @Test("Writes outside the grid are ignored")
    func outside() {
        var grid = Grid(width: 3, height: 1)
        grid.put(x: 0, y: 5, text: "abc")
        grid.put(x: 0, y: -1, text: "abc")
        grid.put(x: 7, y: 0, text: "abc")
        #expect(grid == Grid(width: 3, height: 1))
        let empty = Grid(width: 0, height: 0)
        #expect(empty.lines() == [])
    }

    @Test("Fill and box")
    func fillAndBox() {
        var grid = Grid(width: 10, height: 4)
        grid.box(x: 0, y: 0, width: 10, height: 4, title: "Ordre")
        grid.fill(x: 1, y: 1, width: 8, height: 2, with: "·", role: .muted)
        #expect(
            grid.lines() == [
                "┌─ Ordre ┐",
                "│········│",
                "│········│",
                "└────────┘",
            ])
        #expect(grid[x: 0, y: 0].role == .border)
        #expect(grid[x: 3, y: 0].role == .title)
        #expect(grid[x: 1, y: 1].role == .muted)
        var rounded = Grid(width: 4, height: 3)
        rounded.box(x: 0, y: 0, width: 4, height: 3, style: .rounded)
        #expect(rounded.lines() == ["╭──╮", "│  │", "╰──╯"])
        var wide = Grid(width: 5, height: 1)
        wide.fill(with: "中")
        #expect(wide.lines() == ["中中"])
    }
}
