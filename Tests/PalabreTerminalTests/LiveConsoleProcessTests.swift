import Foundation
import Glibc
import PalabreUI
import Testing

/// The real `palabre run` in tmux, typed at and resized like a person would.
@Suite("palabre run in tmux", .serialized)
struct LiveConsoleProcessTests {
    /// « Décision : prêt de 2 500 000 FCFA à la commune de Diéli » with French no-break spaces.
    static let decision = "«\u{00A0}Décision : prêt de 2\u{00A0}500\u{00A0}000 FCFA à la commune de Diéli\u{00A0}»"

    /// A fresh copy of the Ségou sample session.
    func segouCopy() throws -> URL {
        let dir = try makeTemporaryDirectory()
        try FileManager.default.copyItem(
            at: packageRoot.appendingPathComponent("sessions/segou-2023/programme.yaml"),
            to: dir.appendingPathComponent("programme.yaml"))
        return dir
    }

    @Test("Start the day and the first item, type a decision in French, resize to 40×12, 1×1, 120×40, Ctrl-C")
    func decisionThroughTheConsoles() throws {
        let palabre = try builtExecutable("palabre")
        let dir = try segouCopy()
        defer { try? FileManager.default.removeItem(at: dir) }
        let tmux = try TmuxSession(
            command: wrappedPalabre(palabre, "run \(dir.path)", directory: dir), width: 100, height: 30, directory: dir)

        try tmux.waitForScreen("the facilitator screen") { $0.contains { $0.contains("[F1 Modération]") } }
        #expect(try tmux.display("#{alternate_on}") == "1")
        // The programme's day 1 is in 2023, not today: B asks once more before starting it.
        try tmux.press("B")
        try tmux.waitForScreen("the question about the date") { $0.contains { $0.contains("pas aujourd") } }
        try tmux.press("B")
        try tmux.waitForScreen("the day under way") { $0.contains { $0.contains("Jour 1 ·") } }
        try tmux.press("d")
        try tmux.waitForScreen("the first item running") { $0.contains { $0.contains("▶ Accueil et") } }

        try tmux.press("F2")
        try tmux.waitForScreen("the rapporteur screen") { $0.contains { $0.contains("[F2 Compte rendu]") } }
        try tmux.press("F6")
        try tmux.waitForScreen("the decision kind") { $0.contains { $0.contains("Décision") } }
        try tmux.type(Self.decision)
        try tmux.waitForScreen("the typed text") {
            $0.contains { $0.contains("Décision : prêt de 2") && $0.contains("Diéli") }
        }
        try tmux.press("Enter")
        let journal = dir.appendingPathComponent("journal.jsonl")
        let deadline = ContinuousClock.now + .seconds(5)
        while ContinuousClock.now < deadline,
            !((try? String(contentsOf: journal, encoding: .utf8)) ?? "").contains("entryRecorded")
        {
            usleep(50_000)
        }

        try tmux.resize(width: 40, height: 12)
        var screen = try tmux.waitForScreen("the compact layout") {
            $0.count == 12 && $0.contains { $0.contains("F2") }
        }
        #expect(screen.allSatisfy { TextWidth.width(of: $0) <= 40 })
        try tmux.resize(width: 1, height: 1)
        usleep(300_000)
        #expect(try tmux.display("#{pane_dead}") == "0")
        try tmux.resize(width: 120, height: 40)
        // The whole frame, entries included (a loaded machine may show a frame in two reads).
        screen = try tmux.waitForScreen("the full layout again, with the decision") {
            $0.count == 40 && $0.contains { $0.contains("[F2 Compte rendu]") } && $0.contains { $0.contains("Diéli") }
        }
        #expect(screen.contains { $0.contains("Diéli") })

        try tmux.press("C-c")
        try expectTerminalRestored(tmux, dir)

        // The journal and the minutes hold the exact text.
        let recorded = try String(contentsOf: journal, encoding: .utf8)
        #expect(recorded.contains(#""kind":"decision","text":"\#(Self.decision)""#))
        let minutes = try String(contentsOf: dir.appendingPathComponent("out/minutes.md"), encoding: .utf8)
        #expect(minutes.contains("**Décision n°\u{00A0}1** — " + Self.decision))
    }

    @Test("A bad TERM gives a clear message and a non-zero exit, without touching the journal")
    func dumbTerminal() throws {
        let palabre = try builtExecutable("palabre")
        let dir = try segouCopy()
        defer { try? FileManager.default.removeItem(at: dir) }
        var env = ProcessInfo.processInfo.environment
        env["TERM"] = "dumb"
        let r = try runProcess(palabre, ["run", dir.path], environment: env)
        #expect(r.status == 1)
        #expect(r.error.contains("TERM=dumb") && r.error.contains("xterm-256color"))
        #expect(!r.error.contains("Fatal"))
        env["TERM"] = "no-such-terminal"
        let r2 = try runProcess(palabre, ["run", dir.path], environment: env)
        #expect(r2.status == 1 && r2.error.hasPrefix("palabre: ") && !r2.error.contains("Fatal"))
    }
}
