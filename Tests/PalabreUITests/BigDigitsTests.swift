import Testing

@testable import PalabreUI

@Suite("Big digits")
struct BigDigitsTests {
    @Test("Small font snapshot: 12:34")
    func small() {
        #expect(
            BigDigits.lines("12:34", font: .small) == [
                "▀█  ▀▀█ ▄ ▀▀█ █ █",
                " █  █▀▀ ▄ ▀▀█ ▀▀█",
                "▀▀▀ ▀▀▀   ▀▀▀   ▀",
            ])
    }

    @Test("Large font snapshot: +01:05")
    func large() {
        #expect(
            BigDigits.lines("+01:05", font: .large)
                == [
                    "        ██████  ████        ██████  ██████",
                    "  ██    ██  ██    ██    ██  ██  ██  ██",
                    "██████  ██  ██    ██        ██  ██  ██████",
                    "  ██    ██  ██    ██    ██  ██  ██      ██",
                    "        ██████  ██████      ██████  ██████",
                ].map { $0.padding(toLength: 42) })
    }

    @Test("Widths are known per glyph")
    func widths() {
        #expect(BigDigits.glyphWidth("0", font: .small) == 3)
        #expect(BigDigits.glyphWidth(":", font: .small) == 1)
        #expect(BigDigits.glyphWidth("0", font: .large) == 6)
        #expect(BigDigits.glyphWidth(":", font: .large) == 2)
        #expect(BigDigits.glyphWidth("x", font: .large) == 0)
        #expect(BigDigits.width(of: "12:34", font: .small) == 17)
        #expect(BigDigits.width(of: "+01:05", font: .large) == 42)
        for font in BigDigits.Font.allCases {
            for c in BigDigits.supported {
                let g = BigDigits.glyph(c, font: font)!
                #expect(g.count == font.height)
                #expect(g.allSatisfy { TextWidth.width(of: $0) == BigDigits.glyphWidth(c, font: font) })
            }
        }
    }

    @Test("The largest font that fits is chosen")
    func fitting() {
        #expect(BigDigits.font(fitting: "12:34", width: 80, height: 10) == .large)
        #expect(BigDigits.font(fitting: "12:34", width: 20, height: 10) == .small)
        #expect(BigDigits.font(fitting: "12:34", width: 80, height: 4) == .small)
        #expect(BigDigits.font(fitting: "12:34", width: 10, height: 10) == nil)
    }

    @Test("Drawing into a grid uses the big.digits role")
    func draw() {
        var grid = Grid(width: 20, height: 4)
        let w = BigDigits.draw("-5", font: .small, into: &grid, x: 1, y: 1)
        #expect(w == 7)
        #expect(grid.lines() == ["", "     █▀▀", " ▀▀▀ ▀▀█", "     ▀▀▀"])
        #expect(grid[x: 1, y: 2].role == .bigDigits)
    }
}

extension String {
    func padding(toLength length: Int) -> String {
        self + String(repeating: " ", count: max(0, length - count))
    }
}
