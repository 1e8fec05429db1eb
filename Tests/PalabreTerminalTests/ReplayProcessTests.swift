import Foundation
import Glibc
import PalabreUI
import Testing

/// The real `palabre replay` in tmux, on the recorded Ségou meeting.
@Suite("palabre replay in tmux", .serialized)
struct ReplayProcessTests {
    @Test("Replay at ×600, pause, jump to day 2, see « Jour 2 », quit: exit 0, terminal restored")
    func replayToDayTwo() throws {
        let palabre = try builtExecutable("palabre")
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let session = packageRoot.appendingPathComponent("sessions/segou-2023-recorded").path
        let tmux = try TmuxSession(
            command: wrappedPalabre(palabre, "replay \(session) --speed 600", directory: dir),
            width: 100, height: 30, directory: dir)

        try tmux.waitForScreen("the replay playing") { $0.contains { $0.contains("LECTURE ×600 · Jour 1") } }
        #expect(try tmux.display("#{alternate_on}") == "1")
        try tmux.press("Space")
        try tmux.waitForScreen("the replay paused") { $0.contains { $0.contains("PAUSE ×600") } }
        try tmux.type("g")
        try tmux.waitForScreen("the go-to prompt") { $0.contains { $0.contains("Aller à") } }
        try tmux.type("2 08:10")
        try tmux.press("Enter")
        let screen = try tmux.waitForScreen("day 2") {
            $0.contains { $0.contains("PAUSE ×600 · Jour 2 · 2023-10-18 08:10:00") }
        }
        #expect(screen[0].contains("Jour 2 ·"), "\(screen[0])")
        #expect(screen.contains { $0.contains("Jour 2 · mercredi 18 octobre 2023") })

        // The next day key, then the previous one, land on day 3 and back on day 2.
        try tmux.press("}")
        try tmux.waitForScreen("day 3") { $0.contains { $0.contains("Jour 3 · 2023-10-19") } }
        try tmux.press("{")
        try tmux.waitForScreen("day 2 again") { $0.contains { $0.contains("Jour 2 · 2023-10-18 08:10") } }

        try tmux.press("q")
        try expectTerminalRestored(tmux, dir)
    }

    @Test("A journal damaged in the middle is refused with its line; a torn tail replays with a warning")
    func damagedJournals() throws {
        let palabre = try builtExecutable("palabre")
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let recorded = packageRoot.appendingPathComponent("sessions/segou-2023-recorded")
        try FileManager.default.copyItem(
            at: recorded.appendingPathComponent("programme.yaml"), to: dir.appendingPathComponent("programme.yaml"))
        var lines = try String(contentsOf: recorded.appendingPathComponent("journal.jsonl"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[9] = "{\"seq\":10,\"at\":"
        try lines.joined(separator: "\n").write(
            to: dir.appendingPathComponent("journal.jsonl"), atomically: true, encoding: .utf8)
        let refused = try runProcess(palabre, ["replay", dir.path])
        #expect(refused.status == 1)
        // In the session's language, with the way forward.
        #expect(refused.error.contains("journal.jsonl:10\u{00A0}: le journal est endommagé"), "\(refused.error)")
        #expect(refused.error.contains("palabre repair \(dir.path)"), "\(refused.error)")

        // Torn: the last line cut in the middle.
        let intact = try String(contentsOf: recorded.appendingPathComponent("journal.jsonl"), encoding: .utf8)
        let torn = String(intact.dropLast(30))
        try torn.write(to: dir.appendingPathComponent("journal.jsonl"), atomically: true, encoding: .utf8)
        let count = intact.split(separator: "\n").count
        let tmux = try TmuxSession(
            command: wrappedPalabre(
                palabre, "replay \(dir.path)/journal.jsonl --from \"3 16:00\"", directory: dir),
            width: 100, height: 30, directory: dir)
        try tmux.waitForScreen("the warning banner") {
            $0.contains { $0.contains("Journal déchiré") && $0.contains("\(count - 1)") }
        }
        try tmux.press("C-c")
        #expect(try waitForFile(dir.appendingPathComponent("status")) == "EXIT=0\n")
        // Read-only: the torn bytes are still there.
        #expect(try String(contentsOf: dir.appendingPathComponent("journal.jsonl"), encoding: .utf8) == torn)
    }
}
