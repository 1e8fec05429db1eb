import Testing

@testable import PalabreUI

@Suite("Line editor")
struct LineEditorTests {
    static let nbsp = "\u{00A0}"
    static let sentence = "Décision\u{00A0}: prêt de 2\u{00A0}500\u{00A0}000 FCFA"

    @Test("Typing key by key builds the text; Enter submits")
    func typing() {
        var editor = LineEditor()
        for c in Self.sentence { #expect(editor.handle(.char(c)) == .edited) }
        #expect(editor.text == Self.sentence)
        #expect(editor.cursor == Self.sentence.count)
        #expect(editor.handle(.enter) == .submitted)
        #expect(editor.text == Self.sentence)
    }

    @Test("Moving and deleting work on whole clusters")
    func clusters() {
        var editor = LineEditor()
        editor.insert("E\u{0301}te\u{0301} 🇫🇷 👨\u{200D}👩\u{200D}👧")
        #expect(editor.clusters.count == 7)
        #expect(editor.handle(.backspace) == .edited)  // the whole family
        #expect(editor.text == "E\u{0301}te\u{0301} 🇫🇷 ")
        editor.handle(.home)
        #expect(editor.handle(.left) == .ignored)
        #expect(editor.handle(.delete) == .edited)  // É, accent included
        #expect(editor.text == "te\u{0301} 🇫🇷 ")
        editor.handle(.end)
        editor.handle(.left)
        editor.handle(.left)
        #expect(editor.handle(.backspace) == .edited)
        #expect(editor.text == "te\u{0301}🇫🇷 ")
        #expect(editor.cursorColumn == 2)
    }

    @Test("A combining mark typed alone joins the letter before it")
    func deadKeyCombining() {
        var editor = LineEditor(text: "pre")
        editor.insert("\u{0301}")
        #expect(editor.clusters.count == 3)
        #expect(editor.cursor == 3)
        #expect(editor.text == "pre\u{0301}")
    }

    @Test("Ctrl-U, Ctrl-K and Ctrl-W")
    func killKeys() {
        var editor = LineEditor(text: Self.sentence)
        #expect(editor.handle(.ctrl("w")) == .edited)
        #expect(editor.text == "Décision\u{00A0}: prêt de 2\u{00A0}500\u{00A0}000 ")
        editor.handle(.ctrl("w"))  // a number with no-break spaces is one word
        #expect(editor.text == "Décision\u{00A0}: prêt de ")
        editor.insert("   ")
        editor.handle(.ctrl("w"))  // trailing spaces go with the word before them
        #expect(editor.text == "Décision\u{00A0}: prêt ")
        for _ in 0..<5 { editor.handle(.left) }
        #expect(editor.handle(.ctrl("k")) == .edited)
        #expect(editor.text == "Décision\u{00A0}: ")
        editor.handle(.left)
        #expect(editor.handle(.ctrl("u")) == .edited)
        #expect(editor.text == " ")
        #expect(editor.cursor == 0)
        #expect(editor.handle(.ctrl("u")) == .ignored)
    }

    @Test("Pasted line breaks become spaces; controls are dropped")
    func paste() {
        var editor = LineEditor()
        editor.insert("ligne 1\nligne 2\r\nligne 3\tfin\u{1B}[2J")
        #expect(editor.text == "ligne 1 ligne 2 ligne 3 fin[2J")
        editor.handle(.home)
        editor.insert("« ")
        #expect(editor.cursor == 2)
        #expect(editor.text.hasPrefix("« ligne"))
    }

    @Test("Rendering scrolls by display width to keep the cursor visible")
    func scrolling() {
        var editor = LineEditor(text: "中文abc")  // 7 columns
        var grid = Grid(width: 12, height: 1)
        var cursor = editor.render(into: &grid, x: 1, y: 0, width: 5)
        // cursor at the end needs one cell: 中文abc + cursor = 8 > 5, scrolled by clusters
        #expect(editor.scroll == 2)
        #expect(grid.lines() == [" abc"])
        #expect(cursor == Position(x: 4, y: 0))

        editor.handle(.home)
        grid = Grid(width: 12, height: 1)
        cursor = editor.render(into: &grid, x: 1, y: 0, width: 5)
        #expect(editor.scroll == 0)
        #expect(grid.lines() == [" 中文a"])
        #expect(cursor == Position(x: 1, y: 0))

        editor.handle(.right)
        editor.handle(.right)
        editor.handle(.right)  // after "a": 5 columns + cursor cell > 5
        grid = Grid(width: 12, height: 1)
        cursor = editor.render(into: &grid, x: 1, y: 0, width: 5)
        #expect(editor.scroll == 1)
        #expect(grid.lines() == [" 文abc"])
        #expect(cursor == Position(x: 4, y: 0))
        #expect(grid[x: 1, y: 0].role == .input)

        // Deleting makes room again: scroll back left.
        editor.handle(.end)
        editor.handle(.backspace)
        editor.handle(.backspace)
        editor.handle(.backspace)
        grid = Grid(width: 12, height: 1)
        cursor = editor.render(into: &grid, x: 1, y: 0, width: 5)
        #expect(editor.scroll == 0)
        #expect(grid.lines() == [" 中文"])
        #expect(cursor == Position(x: 5, y: 0))
    }

    @Test("The full sentence scrolls in a narrow field and the cursor stays inside")
    func longSentence() {
        var editor = LineEditor()
        var grid = Grid(width: 10, height: 1)
        for c in Self.sentence {
            editor.handle(.char(c))
            let cursor = editor.render(into: &grid, x: 0, y: 0, width: 10)
            #expect(cursor.x >= 0 && cursor.x < 10)
            #expect(TextWidth.width(of: grid.lines()[0]) <= 10)
        }
        #expect(grid.lines() == ["\u{00A0}000 FCFA"])
    }
}
