import Foundation
import Glibc
import Testing

/// programme.yaml corrected while `palabre run` runs: the real binary in tmux follows it.
@Suite("programme.yaml corrected under palabre run", .serialized)
struct ProgrammeReloadTmuxTests {
    /// Replaces `old` by `new` in the session's programme.yaml, as an editor saves: a new file
    /// renamed over the old one.
    func edit(_ dir: URL, _ old: String, _ new: String) throws {
        let file = dir.appendingPathComponent("programme.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains(old))
        let tmp = dir.appendingPathComponent("programme.yaml.tmp")
        try text.replacingOccurrences(of: old, with: new).write(to: tmp, atomically: false, encoding: .utf8)
        #expect(rename(tmp.path, file.path) == 0)
    }

    @Test("An item renamed during the meeting: the screen, its message line and the minutes follow; an error is shown")
    func renamedItemFollowed() throws {
        let palabre = try builtExecutable("palabre")
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.copyItem(
            at: packageRoot.appendingPathComponent("sessions/demo/programme.yaml"),
            to: dir.appendingPathComponent("programme.yaml"))
        #expect(try runProcess(palabre, ["do", dir.path, "start-day"]).status == 0)
        let tmux = try TmuxSession(
            command: wrappedPalabre(palabre, "run \(dir.path)", directory: dir), width: 100, height: 30, directory: dir)
        try tmux.waitForScreen("the facilitator screen") { $0.contains { $0.contains("· Ouverture ") } }
        try edit(dir, "title: Ouverture\n", "title: Ouverture solennelle\n")
        let screen = try tmux.waitForScreen("the renamed item and the notice") {
            $0.contains { $0.contains("· Ouverture solennelle") } && $0.contains { $0.contains("programme.yaml relu") }
        }
        #expect(!screen.contains { $0.contains("· Ouverture ") && !$0.contains("solennelle") })
        let minutes = dir.appendingPathComponent("out/minutes.md")
        let deadline = ContinuousClock.now + .seconds(20)
        while ContinuousClock.now < deadline,
            !((try? String(contentsOf: minutes, encoding: .utf8)) ?? "").contains("Ouverture solennelle")
        {
            usleep(100_000)
        }
        #expect(try String(contentsOf: minutes, encoding: .utf8).contains("Ouverture solennelle"))
        // Saved with an error: the version before stays, the error is on the message line.
        try edit(dir, "title: Ouverture solennelle\n", "title: [Ouverture\n")
        try tmux.waitForScreen("the error") {
            $0.contains { $0.contains("programme.yaml modifié mais avec une erreur") }
        }
        #expect(try tmux.screen().contains { $0.contains("· Ouverture solennelle") })
        try tmux.press("C-c")
        try expectTerminalRestored(tmux, dir)
    }
}
