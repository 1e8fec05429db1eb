import Foundation
import Testing

@testable import PalabreUI

/// Text typed, pasted or read from a theme file in another form than it means.
@Suite("Text input: NFC keys, CRLF themes")
struct TextInputTests {
    @Test("An id typed key by key with a decomposed accent is NFC text")
    func decomposedKeys() {
        var editor = LineEditor()
        for scalar in "maire-die\u{301}li".unicodeScalars { editor.handle(.char(Character(scalar))) }
        #expect(Array(editor.text.utf8) == Array("maire-di\u{E9}li".utf8))
        #expect(editor.clusters.count == 11)
        #expect(editor.cursor == 11)

        var pasted = LineEditor()
        pasted.insert("De\u{301}cision")
        #expect(Array(pasted.text.utf8) == Array("D\u{E9}cision".utf8))
        // A mark inserted in the middle composes with the letter before the cursor.
        var middle = LineEditor(text: "ecole")
        middle.handle(.home)
        middle.handle(.right)
        middle.insert("\u{301}")
        #expect(Array(middle.text.utf8) == Array("\u{E9}cole".utf8))
        #expect(middle.cursor == 1)
    }

    @Test("A theme saved with CRLF line endings and a BOM loads as the same theme")
    func crlfTheme() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("palabre-crlf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = try String(contentsOfFile: themesDirectory + "/projector.theme", encoding: .utf8)
        try Data(("\u{FEFF}" + text.replacingOccurrences(of: "\n", with: "\r\n")).utf8)
            .write(to: dir.appendingPathComponent("windows.theme"))
        let loaded = ThemeLoader(searchDirectories: [dir.path]).load("windows")
        let original = ThemeLoader(searchDirectories: [themesDirectory]).load("projector")
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        #expect(loaded.path == dir.appendingPathComponent("windows.theme").path)
        #expect(loaded.theme.forms == original.theme.forms)
        #expect(!loaded.theme.forms.isEmpty)
    }

    @Test("A zero-width space in a theme line is shown in its diagnostic")
    func themeInvisible() {
        let result = Theme.parse("[256]\ntimer.over\u{200B} bold\n", name: "t", file: "t.theme")
        #expect(result.diagnostics.contains { $0.message.contains("timer.over\\u{200B}") }, "\(result.diagnostics)")
    }
}
