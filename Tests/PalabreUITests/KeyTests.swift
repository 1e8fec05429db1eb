import PalabreCore
import Testing

@testable import PalabreUI

@Suite("Keys")
struct KeyTests {
    static let all: [Key] = [
        .char("q"), .char("?"), .char("é"), .char("中"), .char(" "), .char("^"), .function(1), .function(2),
        .function(12),
        .up, .down, .left, .right, .home, .end, .pageUp, .pageDown, .enter, .tab, .backTab,
        .backspace, .delete, .insert, .escape, .ctrl("c"), .ctrl("w"), .ctrl("@"), .ctrl("\\"), .resize,
    ]

    @Test("Parsing names")
    func parse() {
        #expect(Key.parse("F2") == .function(2))
        #expect(Key.parse("f10") == .function(10))
        #expect(Key.parse("Ctrl-C") == .ctrl("c"))
        #expect(Key.parse("C-c") == .ctrl("c"))
        #expect(Key.parse("^C") == .ctrl("c"))
        #expect(Key.parse("ctrl+w") == .ctrl("w"))
        #expect(Key.parse("?") == .char("?"))
        #expect(Key.parse("q") == .char("q"))
        #expect(Key.parse("Q") == .char("Q"))
        #expect(Key.parse("Up") == .up)
        #expect(Key.parse("↑") == .up)
        #expect(Key.parse("Enter") == .enter)
        #expect(Key.parse("Entrée") == .enter)
        #expect(Key.parse("Esc") == .escape)
        #expect(Key.parse("Shift-Tab") == .backTab)
        #expect(Key.parse("PgDn") == .pageDown)
        #expect(Key.parse("Space") == .char(" "))
        #expect(Key.parse("\u{1B}") == .escape)
        #expect(Key.parse("F0") == nil)
        #expect(Key.parse("Ctrl-") == nil)
        #expect(Key.parse("Ctrl-é") == nil)
        #expect(Key.parse("Hyper-X") == nil)
    }

    @Test("Display names")
    func display() {
        #expect(Key.function(2).displayName == "F2")
        #expect(Key.ctrl("c").displayName == "^C")
        #expect(Key.up.displayName == "↑")
        #expect(Key.enter.displayName == "Entrée")
        #expect(Key.escape.displayName == "Échap")
        #expect(Key.char("?").displayName == "?")
    }

    @Test("Every key survives display name → parse", arguments: all)
    func roundTrip(_ key: Key) {
        #expect(Key.parse(key.displayName) == key, "\(key.displayName)")
    }

    @Test("Control codes map to keys")
    func controlCodes() {
        #expect(Key.fromControlCode(3) == .ctrl("c"))
        #expect(Key.fromControlCode(9) == .tab)
        #expect(Key.fromControlCode(13) == .enter)
        #expect(Key.fromControlCode(10) == .enter)
        #expect(Key.fromControlCode(27) == .escape)
        #expect(Key.fromControlCode(127) == .backspace)
        #expect(Key.fromControlCode(8) == .backspace)
        #expect(Key.fromControlCode(23) == .ctrl("w"))
        #expect(Key.fromControlCode(28) == .ctrl("\\"))
        #expect(Key.fromControlCode(65) == nil)
    }

    @Test("The hint bar shows each entry's keys then its label, leaving out what does not fit")
    func hintBar() {
        let hints = [(keys: "Entrée/F2", label: "Enregistrer"), (keys: "^C", label: "Quitter")]
        var grid = Grid(width: 40, height: 1)
        grid.drawHints(hints, y: 0)
        #expect(grid.lines() == [" Entrée/F2  Enregistrer   ^C  Quitter"])
        #expect(grid[x: 1, y: 0].role == .hintKey)
        #expect(grid[x: 13, y: 0].role == .hintText)
        var narrow = Grid(width: 25, height: 1)
        narrow.drawHints(hints, y: 0)
        #expect(narrow.lines() == [" Entrée/F2  Enregistrer"])
        // Too narrow for a label, not for the keys: asked for, they stay, alone.
        var keysOnly = Grid(width: 30, height: 1)
        keysOnly.drawHints(hints, y: 0)
        #expect(keysOnly.lines() == [" Entrée/F2  Enregistrer"])
        keysOnly.drawHints(hints, y: 0, keysAlone: true)
        #expect(keysOnly.lines() == [" Entrée/F2  Enregistrer  ^C"])
        #expect(keysOnly[x: 26, y: 0].role == .hintKey)
    }

    @Test("Key names read back in both languages")
    func namesInBothLanguages() {
        for key: Key in [
            .enter, .escape, .delete, .insert, .home, .end, .pageUp, .pageDown, .char(" "), .up, .function(8),
            .ctrl("z"),
        ] {
            for lang in Language.allCases { #expect(Key.parse(key.displayName(lang)) == key) }
        }
        #expect(Key.enter.displayName(.en) == "Enter" && Key.escape.displayName(.en) == "Esc")
        #expect(Key.enter.displayName(.fr) == "Entrée" && Key.escape.displayName(.fr) == "Échap")
    }
}
