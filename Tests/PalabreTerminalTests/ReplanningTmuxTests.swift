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

    /// A fresh copy of the Ségou sample programme, without a journal.
    func segouCopy() throws -> URL {
        let dir = try makeTemporaryDirectory()
        try FileManager.default.copyItem(
            at: packageRoot.appendingPathComponent("sessions/segou-2023/programme.yaml"),
            to: dir.appendingPathComponent("programme.yaml"))
        return dir
    }

    /// Starts day 1 (B twice: its date is not today's) and its first item at the console.
    func startFirstItem(_ tmux: TmuxSession) throws {
        try tmux.waitForScreen("the facilitator screen") { $0.contains { $0.contains("[F1 Modération]") } }
        try tmux.press("B")
        try tmux.waitForScreen("the question about the date") { $0.contains { $0.contains("pas aujourd") } }
        try tmux.press("B")
        try tmux.waitForScreen("the day under way") { $0.contains { $0.contains("Jour 1 ·") } }
        try tmux.press("d")
        try tmux.waitForScreen("the first item running") { $0.contains { $0.contains("▶ Accueil et") } }
    }

    @Test("- shortens, ) moves an item later in its day, F refuses while an item runs, then carries the rest over")
    func carryOverAtTheEndOfTheDay() throws {
        let palabre = try builtExecutable("palabre")
        let dir = try segouCopy()
        defer { try? FileManager.default.removeItem(at: dir) }
        let tmux = try TmuxSession(
            command: wrappedPalabre(palabre, "run \(dir.path)", directory: dir), width: 120, height: 40, directory: dir)

        try startFirstItem(tmux)

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

    @Test("A speaker not on the list is added from the a prompt in one step, then checked in by the floor")
    func walkInSpeakerFromThePrompt() throws {
        let palabre = try builtExecutable("palabre")
        let dir = try segouCopy()
        defer { try? FileManager.default.removeItem(at: dir) }
        let tmux = try TmuxSession(
            command: wrappedPalabre(palabre, "run \(dir.path)", directory: dir), width: 100, height: 30, directory: dir)
        try startFirstItem(tmux)

        try tmux.press("a")
        try tmux.type("Cheffe de quartier de Koula")
        try tmux.waitForScreen("no match, with the way to add them") {
            $0.contains { $0.contains("Entrée : l'ajouter comme nouvel arrivant") }
        }
        try tmux.press("Enter")
        try tmux.waitForScreen("the walk-in's details asked in the same prompt") {
            $0.contains { $0.contains("Nouvel arrivant « Cheffe de quartier de Koula »") }
        }
        try tmux.type("koula F")
        try tmux.press("Enter")
        let added = try waitForEvent(dir, [#""type":"participantAdded""#, "Cheffe de quartier de Koula"])
        #expect(added.contains(#""organisation":"koula""#))
        #expect(added.contains(#""sex":"F""#))
        let requested = try waitForEvent(dir, [#""type":"floorRequested""#])
        #expect(requested.contains(#""who":"walkin-"#))
        // The prompt is open again for the next requester; Esc closes it. Still on F1: Enter gives
        // her the floor, and she is checked in by it.
        try tmux.waitForScreen("the prompt open again after the walk-in") {
            $0.contains { $0.contains("Orateur — quelques lettres (1 demande ajoutée)") }
        }
        try tmux.press("Escape")
        try tmux.waitForScreen("the queue with the walk-in") {
            $0.contains { $0.contains("[F1 Modération]") } && $0.contains { $0.contains("Cheffe de quartier") }
                && !$0.contains { $0.contains("demande ajoutée") }
        }
        try tmux.press("Enter")
        let given = try waitForEvent(dir, [#""type":"floorGiven""#])
        #expect(given.contains(#""who":"walkin-"#))
        #expect(given.contains(#""checksIn":true"#))

        try tmux.press("C-c")
        try expectTerminalRestored(tmux, dir)
    }

    /// Runs `palabre do DIR ARGS…` to prepare a session; fails the test when it is refused.
    func palabreDo(_ palabre: String, _ dir: URL, _ args: [String]) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: palabre)
        p.arguments = ["do", dir.path] + args
        p.standardOutput = FileHandle.nullDevice
        let err = Pipe()
        p.standardError = err
        try p.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "palabre do \(args.joined(separator: " ")): \(message)")
    }

    @Test("F3 on day 2 marks yesterday's people « hier » and F7 checks them all in")
    func yesterdaysPeopleCheckedIn() throws {
        let palabre = try builtExecutable("palabre")
        let dir = try segouCopy()
        defer { try? FileManager.default.removeItem(at: dir) }
        try palabreDo(palabre, dir, ["start-day", "--at", "2023-10-17 08:30"])
        try palabreDo(palabre, dir, ["check-in", "gouverneur", "--at", "2023-10-17 08:40"])
        try palabreDo(palabre, dir, ["check-in", "pcr-segou", "--at", "2023-10-17 08:41"])
        try palabreDo(palabre, dir, ["end-day", "--at", "2023-10-17 18:00"])
        try palabreDo(palabre, dir, ["start-day", "--at", "2023-10-18 08:30"])

        let tmux = try TmuxSession(
            command: wrappedPalabre(palabre, "run \(dir.path)", directory: dir), width: 120, height: 40, directory: dir)
        try tmux.waitForScreen("the facilitator screen") { $0.contains { $0.contains("[F1 Modération]") } }
        try tmux.press("F3")
        try tmux.waitForScreen("yesterday's people marked") {
            $0.contains { $0.contains("[F3 Présence]") } && $0.filter { $0.contains("· hier") }.count == 2
        }
        try tmux.press("F7")
        try waitForEvent(dir, [#""type":"participantCheckedIn""#, #""participant":"gouverneur""#, "2023-10-18"])
        try waitForEvent(dir, [#""type":"participantCheckedIn""#, #""participant":"pcr-segou""#, "2023-10-18"])
        try tmux.waitForScreen("both checked in, no mark left") {
            !$0.contains { $0.contains("· hier") } && $0.filter { $0.contains("✓ ") }.count >= 2
        }
        try tmux.press("C-c")
        try expectTerminalRestored(tmux, dir)
    }
}
