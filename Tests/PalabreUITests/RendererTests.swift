import Testing

@testable import PalabreUI

@Suite("Diffing renderer")
struct RendererTests {
    @Test("The first frame is drawn whole, later frames send only changed cells")
    func diff() {
        let backend = MemoryBackend(width: 20, height: 5)
        let renderer = Renderer(backend: backend)
        var grid = Grid(size: backend.size)
        grid.put(x: 0, y: 0, text: "Ordre du jour", role: .title)
        grid.put(x: 0, y: 2, text: "12:34", role: .timerOK)
        renderer.render(grid)
        #expect(backend.clears == 1)
        #expect(backend.cellsWritten == 100)
        #expect(backend.grid == grid)

        backend.resetCounters()
        grid.put(x: 3, y: 2, text: "35", role: .timerOK)  // "12:35": one cell differs
        renderer.render(grid)
        #expect(backend.cellsWritten == 1)
        #expect(backend.bytesWritten == 1)
        #expect(renderer.lastChangeCount == 1)
        #expect(backend.clears == 0)
        #expect(backend.grid.lines()[2] == "12:35")

        backend.resetCounters()
        grid.put(x: 0, y: 2, text: "12:35", role: .timerOver)  // same text, new role: 5 cells
        renderer.render(grid)
        #expect(backend.cellsWritten == 5)

        backend.resetCounters()
        renderer.render(grid)  // nothing changed
        #expect(backend.cellsWritten == 0)
        #expect(backend.drawCalls == 0)
        #expect(backend.flushes == 1)
    }

    @Test("Wide characters send both halves and bytes are counted")
    func wideChanges() {
        let backend = MemoryBackend(width: 6, height: 1)
        let renderer = Renderer(backend: backend)
        renderer.render(Grid(size: backend.size))
        backend.resetCounters()
        var grid = Grid(size: backend.size)
        grid.put(x: 0, y: 0, text: "中é")
        renderer.render(grid)
        #expect(backend.cellsWritten == 3)  // lead, continuation, é
        #expect(backend.bytesWritten == 3 + 2)
        #expect(backend.grid.lines() == ["中é"])
    }

    @Test("A resize redraws everything")
    func resize() {
        let backend = MemoryBackend(width: 10, height: 2)
        let renderer = Renderer(backend: backend)
        var grid = Grid(size: backend.size)
        grid.put(x: 0, y: 0, text: "abc")
        renderer.render(grid)
        backend.resize(width: 8, height: 3)
        backend.resetCounters()
        grid = Grid(size: backend.size)
        grid.put(x: 0, y: 0, text: "abc")
        renderer.render(grid)
        #expect(backend.clears == 1)
        #expect(backend.cellsWritten == 24)
        #expect(backend.grid.lines() == ["abc", "", ""])

        backend.resetCounters()
        renderer.invalidate()
        renderer.render(grid)
        #expect(backend.cellsWritten == 24)
    }

    @Test("The cursor is placed, hidden, and kept inside the screen")
    func cursor() {
        let backend = MemoryBackend(width: 10, height: 2)
        let renderer = Renderer(backend: backend)
        let grid = Grid(size: backend.size)
        renderer.render(grid, cursor: Position(x: 3, y: 1))
        #expect(backend.cursor == Position(x: 3, y: 1))
        renderer.render(grid, cursor: nil)
        #expect(backend.cursor == nil)
        renderer.render(grid, cursor: Position(x: 10, y: 0))
        #expect(backend.cursor == nil)
    }
}
