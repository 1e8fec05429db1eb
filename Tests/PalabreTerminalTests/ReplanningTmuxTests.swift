import Foundation
import Glibc
import Testing

/// Re-planning at the real console in tmux: shorten, reorder within the day, end the day with
/// items left and carry them over.
@Suite("Re-planning at the console in tmux", .serialized)
struct ReplanningTmuxTests {
    /// Polls the session's journal until it holds a line containing every one of `parts` (10 s
    /// at most, the machine may be loaded); returns that line.
    @discardableResult
    func waitForEvent(_ dir: URL, _ parts: [String]) throws -> String {
        let journal = dir.appendingPathComponent("journal.jsonl")
        let deadline = ContinuousClock.now + .seconds(10)
        var text = ""
        while ContinuousClock.now < deadline {
            text = (try? String(contentsOf: journal, encoding: .utf8)) ?? ""
            if let line = text.split(separator: "\n").first(where: { l in parts.allSatisfy { l.contains($0) } }) {
                return String(line)
            }
            usleep(50_000)
        }
        throw TmuxError("timed out waiting for \(parts) in the journal:\n" + text)
    }

    @Test("- shortens, ) moves an item later in its day, F refuses while an item runs, then carries the rest over")
    func carryOverAtTheEndOfTheDay() throws {
        let palabre = try builtExecutable("palabre")
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.copyItem(
            at: packageRoot.appendingPathComponent("sessions/segou-2023/programme.yaml"),
            to: dir.appendingPathComponent("programme.yaml"))
        let tmux = try TmuxSession(
            command: wrappedPalabre(palabre, "run \(dir.path)", directory: dir), width: 120, height: 40, directory: dir)

        try tmux.waitForScreen("the facilitator screen") { $0.contains { $0.contains("[F1 Modération]") } }
        try tmux.press("B")
        try tmux.waitForScreen("the question about the date") { $0.contains { $0.contains("et non aujourd") } }
        try tmux.press("B")
        try tmux.waitForScreen("the day under way") { $0.contains { $0.contains("Jour 1 ·") } }
        try tmux.press("d")
        try tmux.waitForScreen("the first item running") { $0.contains { $0.contains("▶ Accueil et") } }

        // `-` takes a minute off the item under way.
        try tmux.press("-")
        try waitForEvent(dir, [#""type":"itemExtended""#, #""seconds":-60"#])

        // Two rows down (past the fixed opening), `)` moves the adoption of the agenda one place later.
        try tmux.press("Down")
        try tmux.press("Down")
        try tmux.press(")")
        try waitForEvent(
            dir,
            [#""type":"itemMoved""#, #""item":"d1-ordre-du-jour""#, #""day":"2023-10-17""#, #""after":"d1-com-adr""#])

        // The first F says the item runs, before counting anything; nothing is recorded.
        try tmux.press("F")
        try tmux.waitForScreen("the refusal for the running item") { $0.contains { $0.contains("est en cours") } }
        try tmux.press("Space")
        try waitForEvent(dir, [#""type":"itemPaused""#])
        try tmux.press("F")
        try tmux.waitForScreen("the confirmation with the untreated items") {
            $0.contains { $0.contains("Terminer la journée") && $0.contains("points non traités") }
        }
        try tmux.press("F")
        try waitForEvent(dir, [#""type":"dayEnded""#])
        try tmux.waitForScreen("the carry-over question") {
            $0.contains { $0.contains("Reporter les") && $0.contains("à la journée 2") }
        }
        try tmux.press("F")
        let carried = try waitForEvent(dir, [#""type":"itemsCarriedOver""#, #""from":"2023-10-17""#])
        #expect(carried.contains(#""to":"2023-10-18""#))
        #expect(carried.contains("d1-ordre-du-jour"), "the item moved within the day is carried with the rest")
        #expect(!carried.contains("d1-ouverture"), "the fixed opening keeps its day")
        #expect(!carried.contains("d1-accueil"), "the item held (paused) is not carried")

        try tmux.press("C-c")
        try expectTerminalRestored(tmux, dir)
        // The minutes keep the trace on day 1.
        let minutes = try String(contentsOf: dir.appendingPathComponent("out/minutes.md"), encoding: .utf8)
        #expect(minutes.contains("reporté à la journée 2"))
    }
}
