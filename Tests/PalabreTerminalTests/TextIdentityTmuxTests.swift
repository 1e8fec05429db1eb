import Foundation
import Glibc
import PalabreUI
import Testing

/// Grapheme clusters on a real terminal (tmux 3.3a, which draws emoji sequences apart) and
/// ids typed with decomposed accents at the keyboard.
@Suite("Text identity in tmux", .serialized)
struct TextIdentityTmuxTests {
    @Test("Flags, skin tones and joined emoji keep every later column in place in tmux")
    func clustersInTmux() throws {
        let demo = try termdemoPath()
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let tmux = try TmuxSession(
            command: TermdemoProcessTests.command(demo: demo, directory: dir), width: 80, height: 24, directory: dir)
        try tmux.waitForScreen("the demo") { $0.contains { $0.contains("Texte :") } }

        let typed = "a👩🏾\u{200D}🌾b🇲🇱c👨\u{200D}👩\u{200D}👧\u{200D}👦d☀\u{FE0F}e|"
        try tmux.type(typed)
        // tmux is not a terminal that joins emoji: each cell gets its base; the flag its letters.
        var screen = try tmux.waitForScreen("the typed clusters") {
            $0.contains { $0.hasPrefix(" Texte : a👩bMLc👨d☀ e|") }
        }
        let line = try #require(screen.first { $0.hasPrefix(" Texte : ") })
        // Every cluster took the two columns the grid gave it: the bar is where the grid put it.
        let bar = try #require(line.firstIndex(of: "|"))
        #expect(TextWidth.width(of: line[..<bar]) == 9 + 13, "\(line)")

        try tmux.press("Enter")
        // The saved line shown and the input line cleared cell by cell: nothing is left at a
        // shifted column (both in one frame; a loaded machine may show the frame in two reads).
        screen = try tmux.waitForScreen("the saved line and the cleared input") { lines in
            lines.contains { $0.contains("Dernière ligne : «") }
                && lines.contains { $0.hasPrefix(" Texte :") && $0.trimmingCharacters(in: .whitespaces) == "Texte :" }
        }
        let cleared = try #require(screen.first { $0.hasPrefix(" Texte :") })
        #expect(cleared.trimmingCharacters(in: .whitespaces) == "Texte :", "\(cleared)")
        let saved = try String(contentsOf: dir.appendingPathComponent("out.txt"), encoding: .utf8)
        #expect(Array(saved.utf8) == Array((typed + "\n").utf8), "the clusters are saved whole")

        try tmux.press("C-c")
        try expectTerminalRestored(tmux, dir)
    }

    @Test("A speaker id typed with a decomposed accent is journaled as the programme's NFC id")
    func decomposedIdFromTheKeys() throws {
        let exe = try builtExecutable("palabre")
        let root = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let session = root.appendingPathComponent("segou")
        try FileManager.default.createDirectory(at: session, withIntermediateDirectories: true)
        var programme = try String(
            contentsOf: packageRoot.appendingPathComponent("sessions/segou-2023/programme.yaml"), encoding: .utf8)
        programme = programme.replacingOccurrences(
            of: "participants:\n",
            with: "participants:\n  - id: maire-di\u{E9}li\n    function: Maire de Di\u{E9}li\n    sex: F\n")
        try Data(programme.utf8).write(to: session.appendingPathComponent("programme.yaml"))
        for verb in [["start-day"], ["start-item"]] {
            let r = try runProcess(exe, ["do", session.path] + verb)
            #expect(r.status == 0, "\(r.error)")
        }
        let journal = session.appendingPathComponent("journal.jsonl")
        let before = try Data(contentsOf: journal).count

        let tmux = try TmuxSession(
            command: wrappedPalabre(exe, "run \(session.path)", directory: root), width: 100, height: 30,
            directory: root)
        try tmux.waitForScreen("the item running") { $0.contains { $0.contains("▶ Accueil et") } }
        try tmux.press("a")
        try tmux.waitForScreen("the speaker prompt") { $0.contains { $0.contains("Orateur") } }
        try tmux.type("maire-die\u{301}li")
        try tmux.waitForScreen("the typed id") { $0.contains { $0.contains("maire-di\u{E9}li") } }
        try tmux.press("Enter")

        let deadline = ContinuousClock.now + .seconds(5)
        var added = Data()
        while ContinuousClock.now < deadline {
            added = try Data(contentsOf: journal).dropFirst(before)
            if String(decoding: added, as: UTF8.self).contains("floorRequested") { break }
            usleep(50_000)
        }
        let text = String(decoding: added, as: UTF8.self)
        #expect(text.contains("floorRequested"), "\(text)")
        #expect(added.range(of: Data("maire-di\u{E9}li".utf8)) != nil, "the NFC id is journaled: \(text)")
        #expect(added.range(of: Data("e\u{301}".utf8)) == nil, "no decomposed accent in the journal")

        // The prompt stays open for the next requester, counting the one added: Esc closes it
        // (the prompt's line gone), then q quits.
        try tmux.waitForScreen("the prompt counting the request") { $0.contains { $0.contains("demande ajoutée") } }
        try tmux.press("Escape")
        try tmux.waitForScreen("the prompt closed") {
            !$0.contains { $0.contains("demande ajoutée") || $0.contains("Orateur — quelques lettres") }
        }
        try tmux.type("q")
        _ = try waitForFile(root.appendingPathComponent("status"), timeout: .seconds(5))
    }
}
