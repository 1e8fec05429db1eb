import Foundation
import Glibc
import PalabreUI
import Testing

/// The real `palabre` in tmux fed what a terminal, a clumsy hand or a paste can send: nothing
/// but a deliberate key may record an event, and nothing typed may be lost.
@Suite("Input safety of the live consoles in tmux", .serialized)
struct InputSafetyProcessTests {
    /// A temporary folder for tmux and the wrapper's files, and a copy of the Ségou sample
    /// session inside it, brought to `verbs` with `palabre do`.
    func makeSession(_ verbs: [[String]]) throws -> (root: URL, session: URL) {
        let root = try makeTemporaryDirectory()
        let session = root.appendingPathComponent("segou")
        try FileManager.default.createDirectory(at: session, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: packageRoot.appendingPathComponent("sessions/segou-2023/programme.yaml"),
            to: session.appendingPathComponent("programme.yaml"))
        for verb in verbs {
            let result = try palabreDo(session, verb)
            #expect(result.status == 0, "palabre do \(verb.joined(separator: " ")): \(result.error)")
        }
        return (root, session)
    }

    @discardableResult
    func palabreDo(_ session: URL, _ verb: [String]) throws -> (status: Int32, output: String, error: String) {
        try runProcess(try builtExecutable("palabre"), ["do", session.path] + verb)
    }

    func journalLines(_ session: URL) -> [String] {
        ((try? String(contentsOf: session.appendingPathComponent("journal.jsonl"), encoding: .utf8)) ?? "")
            .split(separator: "\n").map(String.init)
    }

    /// The seq of one journal line.
    func seq(of line: String) -> Int? {
        guard let r = line.range(of: #""seq":"#) else { return nil }
        return Int(line[r.upperBound...].prefix { $0.isNumber })
    }

    /// Polls the journal until `condition` holds (5 s at most); returns its lines.
    @discardableResult
    func waitForJournal(_ session: URL, _ what: String, _ condition: ([String]) -> Bool) throws -> [String] {
        let deadline = ContinuousClock.now + .seconds(5)
        var lines: [String] = []
        while ContinuousClock.now < deadline {
            lines = journalLines(session)
            if condition(lines) { return lines }
            usleep(50_000)
        }
        throw TmuxError("timed out waiting for \(what); journal was:\n" + lines.joined(separator: "\n"))
    }

    /// Sends raw bytes to the pane (`send-keys -H`).
    func send(_ tmux: TmuxSession, _ bytes: [UInt8]) throws {
        try tmux.tmux(["send-keys", "-t", "demo", "-H"] + bytes.map { String(format: "%02x", $0) })
    }

    static let pasteStart: [UInt8] = Array("\u{1B}[200~".utf8)
    static let pasteEnd: [UInt8] = Array("\u{1B}[201~".utf8)

    /// `bytes` wrapped in a bracketed paste.
    static func pasted(_ bytes: [UInt8]) -> [UInt8] { pasteStart + bytes + pasteEnd }

    /// `count` bytes from a seeded generator, never holding the paste end marker.
    static func noise(count: Int, seed: UInt64) -> [UInt8] {
        var generator = SplitMix64(seed: seed)
        var bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
        var i = 0
        while i + pasteEnd.count <= bytes.count {
            if Array(bytes[i..<(i + pasteEnd.count)]) == pasteEnd { bytes[i + pasteEnd.count - 1] = 0x41 }
            i += 1
        }
        return bytes
    }

    /// The rapporteur's input line (`Note ▸ …`), or nil.
    static func inputLine(_ screen: [String]) -> String? {
        screen.first { $0.hasPrefix(" Note ▸") }
    }

    /// Text in the input line, hint excluded.
    static func inputText(_ screen: [String]) -> String? {
        guard let line = inputLine(screen) else { return nil }
        return String(line.dropFirst(" Note ▸ ".count))
    }

    /// Waits until the wrapped process ended; a clear failure rather than a bare timeout.
    func expectExitedRestored(_ tmux: TmuxSession, _ root: URL, after what: String) throws {
        let ended = (try? waitForFile(root.appendingPathComponent("status"), timeout: .seconds(3))) != nil
        #expect(
            ended, "palabre did not exit after \(what); screen:\n\((try? tmux.screen().joined(separator: "\n")) ?? "")")
        if ended { try expectTerminalRestored(tmux, root) }
    }

    // MARK: 1

    @Test(
        "Keypad, modified and split sequences and pastes record nothing on the facilitator screen",
        arguments: ["screen", "xterm-256color"])
    func noiseRecordsNothing(term: String) throws {
        let exe = try builtExecutable("palabre")
        let (root, session) = try makeSession([
            ["start-day"], ["start-item"], ["request-floor", "gouverneur"], ["give-floor"],
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let tmux = try TmuxSession(
            command: wrappedPalabre("env TERM=\(term) \(exe)", "run \(session.path)", directory: root),
            width: 100, height: 30, directory: root)
        try tmux.waitForScreen("the facilitator screen with a speaker") {
            $0.contains { $0.contains("[F1 Modération]") }
                && $0.contains { $0.contains("▶ Représentant du Gouverneur") }
        }
        let before = journalLines(session)
        #expect(before.count == 5)

        // Application keypad 0…9 and keypad Enter (the queue is empty: refused, nothing recorded).
        for final in Array(UInt8(ascii: "p")...UInt8(ascii: "y")) + [UInt8(ascii: "M")] {
            try send(tmux, [0x1B, UInt8(ascii: "O"), final])
        }
        try send(tmux, Array("\u{1B}[1;8P".utf8))  // Ctrl-Alt-Shift-F1
        try send(tmux, Array("\u{1B}[1;2F".utf8))  // Shift-End, twice
        try send(tmux, Array("\u{1B}[1;2F".utf8))
        try send(tmux, Array("\u{1B}[1;2B".utf8))  // Shift-Down
        try send(tmux, [0x1B])  // F1 split in two: reassembled, not Esc then O then P
        usleep(30_000)
        try send(tmux, Array("OP".utf8))
        try send(tmux, Self.pasted(Array("r".utf8)))
        try tmux.waitForScreen("the ignored paste notice") { $0.contains { $0.contains("Collage ignoré") } }
        try send(tmux, Self.pasted(Array("t".utf8)))
        try send(tmux, Self.pasted(Array("F F".utf8)))
        try send(tmux, Self.pasted(Self.noise(count: 500, seed: 2023)))
        usleep(1_000_000)

        let after = journalLines(session)
        #expect(after == before, "events recorded from noise: \(after.dropFirst(before.count))")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("status").path), "palabre exited")
        let screen = try tmux.screen()
        #expect(screen.contains { $0.contains("[F1 Modération]") })
        #expect(screen.contains { $0.contains("▶ Accueil et") })

        try tmux.type("q")
        let quit = (try? waitForFile(root.appendingPathComponent("status"), timeout: .seconds(3))) != nil
        #expect(quit, "q after a paste of 500 random bytes did not quit: the console still waits for the paste end")
        if !quit {
            // A second end marker brings the keys back: the one after the noise was lost.
            try send(tmux, Self.pasteEnd)
            try tmux.type("q")
        }
        try expectTerminalRestored(tmux, root)
        #expect(journalLines(session) == before)
    }

    // MARK: 2

    @Test(
        "List mode on F2: a word typed there after ↑ neither adopts nor retracts; back to the input line, accents kept")
    func listModeLocks() throws {
        let exe = try builtExecutable("palabre")
        let (root, session) = try makeSession([["start-day"], ["start-item"]])
        defer { try? FileManager.default.removeItem(at: root) }
        let tmux = try TmuxSession(
            command: wrappedPalabre(exe, "attach \(session.path) --seat rapporteur", directory: root),
            width: 100, height: 30, directory: root)
        try tmux.waitForScreen("the rapporteur screen") { $0.contains { $0.contains("[F2 Compte rendu]") } }
        try tmux.type("Première note")
        try tmux.press("Enter")
        let recorded = try waitForJournal(session, "the first entry") { $0.last?.contains("Première note") == true }
        try tmux.waitForScreen("the entry in the list") { $0.contains { $0.contains("Note       Première note") } }

        try tmux.press("Up")
        try tmux.waitForScreen("list mode") { $0.contains { $0.contains("Mode liste") } }
        try tmux.type("vexant")
        try tmux.press("Enter")
        let screen = try tmux.waitForScreen("list mode locked") {
            $0.contains { $0.contains("Échap pour reprendre « vexant » dans la saisie") }
        }
        #expect(screen.contains { $0.contains("Mode liste") })
        usleep(300_000)
        let lines = journalLines(session)
        #expect(lines == recorded)
        #expect(!lines.contains { $0.contains(#""type":"entryAdopted""#) })
        #expect(!lines.contains { $0.contains(#""type":"entryRetracted""#) })

        try tmux.press("Escape")
        try tmux.waitForScreen("the typed word back on the input line") { Self.inputText($0) == "vexant" }
        try tmux.press("C-u")
        try tmux.waitForScreen("the input line again") { Self.inputLine($0)?.contains("Tapez le compte rendu") == true }
        let text = "« Décision : été »"
        try tmux.type(text)
        try tmux.waitForScreen("the typed text") { Self.inputText($0) == text }
        try tmux.press("Enter")
        let sent = try waitForJournal(session, "the accented entry") { $0.count == recorded.count + 1 }
        #expect(sent.last?.contains(#""entry":{"kind":"note","text":"\#(text)"}"#) == true, "\(sent.last ?? "")")
        #expect(!sent.contains { $0.contains(#""type":"entryAdopted""#) || $0.contains(#""type":"entryRetracted""#) })

        try tmux.press("C-c")
        try expectExitedRestored(tmux, root, after: "Ctrl-C with an empty input line")
    }

    // MARK: 3

    @Test("u undoes the ended item and ^Z the extension: compensating events, the item running again")
    func undoFromTheKeys() throws {
        let exe = try builtExecutable("palabre")
        let (root, session) = try makeSession([["start-day"], ["start-item"]])
        defer { try? FileManager.default.removeItem(at: root) }
        let tmux = try TmuxSession(
            command: wrappedPalabre(exe, "run \(session.path)", directory: root),
            width: 100, height: 30, directory: root)
        try tmux.waitForScreen("the item running") { $0.contains { $0.contains("▶ Accueil et") } }
        let start = journalLines(session).count

        try tmux.press("t")
        var lines = try waitForJournal(session, "the item ended") { $0.count == start + 1 }
        #expect(lines.last?.contains(#""type":"itemEnded","item":"d1-accueil""#) == true)
        let ended = try #require(lines.last.flatMap(seq(of:)))
        try tmux.waitForScreen("the ended item") { !$0.contains { $0.contains("▶ Accueil et") } }

        try tmux.press("u")
        try tmux.waitForScreen("the undo asking") {
            $0.contains { $0.contains("u à nouveau annule la fin du point « Accueil") }
        }
        #expect(journalLines(session).count == start + 1, "the first u only asks")
        try tmux.press("u")
        lines = try waitForJournal(session, "the undo") { $0.count == start + 2 }
        #expect(
            lines.last?.contains(#""seat":"facilitator","type":"undone","undoes":\#(ended)"#) == true,
            "\(lines.last ?? "")")
        try tmux.waitForScreen("the item running again") {
            $0.contains { $0.contains("Annulé : l'événement n°\u{00A0}\(ended)") }
                && $0.contains { $0.contains("▶ Accueil et") }
        }
        #expect(try timingRow(session, "d1-accueil")?[10] == "en cours")

        try tmux.press("p")
        lines = try waitForJournal(session, "the extension") { $0.count == start + 3 }
        #expect(lines.last?.contains(#""type":"itemExtended","item":"d1-accueil","seconds":60"#) == true)
        let extended = try #require(lines.last.flatMap(seq(of:)))
        #expect(try timingRow(session, "d1-accueil")?[9] == "1")
        try tmux.press("C-z")
        try tmux.waitForScreen("the undo asking") { $0.contains { $0.contains("à nouveau annule la prolongation") } }
        try tmux.press("C-z")
        lines = try waitForJournal(session, "the second undo") { $0.count == start + 4 }
        #expect(lines.last?.contains(#""type":"undone","undoes":\#(extended)"#) == true, "\(lines.last ?? "")")
        try tmux.waitForScreen("the extension undone") {
            $0.contains { $0.contains("Annulé : l'événement n°\u{00A0}\(extended)") }
        }
        let row = try timingRow(session, "d1-accueil")
        #expect(row?[9] == "0" && row?[10] == "en cours", "\(row ?? [])")

        // The item runs: it can be ended again, from the command line.
        let end = try palabreDo(session, ["end-item"])
        #expect(end.status == 0, "\(end.error)")
        #expect(end.output.contains("itemEnded"))
        try tmux.waitForScreen("the item ended from the command line") { !$0.contains { $0.contains("▶ Accueil et") } }

        try tmux.type("q")
        try expectExitedRestored(tmux, root, after: "q")
    }

    /// The row of `item` in out/timing.csv after `palabre minutes`, split on `;`.
    func timingRow(_ session: URL, _ item: String) throws -> [String]? {
        let minutes = try runProcess(try builtExecutable("palabre"), ["minutes", session.path])
        #expect(minutes.status == 0, "\(minutes.error)")
        let csv = try String(contentsOf: session.appendingPathComponent("out/timing.csv"), encoding: .utf8)
        // Without the day number in front: the columns as counted below.
        return csv.split(whereSeparator: \.isNewline).map {
            $0.split(separator: ";", omittingEmptySubsequences: false).dropFirst().map(String.init)
        }
        .first { $0.count > 10 && $0[1] == item }
    }

    // MARK: 4

    @Test("An unsent draft: Ctrl-C asks once, the draft is kept (0600), restored on attach, then sent")
    func draftSurvives() throws {
        let exe = try builtExecutable("palabre")
        let (root, session) = try makeSession([["start-day"], ["start-item"]])
        defer { try? FileManager.default.removeItem(at: root) }
        let draftFile = session.appendingPathComponent(".draft-rapporteur.json")
        let text = "Brouillon non envoyé é"
        let start = journalLines(session)
        do {
            let tmux = try TmuxSession(
                command: wrappedPalabre(exe, "attach \(session.path) --seat rapporteur", directory: root),
                width: 100, height: 30, directory: root)
            try tmux.waitForScreen("the rapporteur screen") { $0.contains { $0.contains("[F2 Compte rendu]") } }
            try tmux.type(text)
            try tmux.waitForScreen("the typed draft") { Self.inputText($0) == text }
            try tmux.press("C-c")
            try tmux.waitForScreen("the warning") {
                $0.contains { $0.contains("Brouillon non envoyé — Ctrl-C à nouveau pour quitter, il sera conservé") }
            }
            usleep(200_000)
            #expect(
                !FileManager.default.fileExists(atPath: root.appendingPathComponent("status").path),
                "exited on the first Ctrl-C")
            try tmux.press("C-c")
            try expectExitedRestored(tmux, root, after: "the second Ctrl-C")
        }
        #expect(journalLines(session) == start)
        let attributes = try FileManager.default.attributesOfItem(atPath: draftFile.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let saved = try String(contentsOf: draftFile, encoding: .utf8)
        #expect(saved.contains(text), "\(saved)")

        // Attached again: the draft is back in the input line, then sent.
        for name in ["status", "stty.txt"] {
            try? FileManager.default.removeItem(at: root.appendingPathComponent(name))
        }
        let tmux = try TmuxSession(
            command: wrappedPalabre(exe, "attach \(session.path) --seat rapporteur", directory: root),
            width: 100, height: 30, directory: root)
        let screen = try tmux.waitForScreen("the restored draft") {
            Self.inputText($0) == text && $0.contains { $0.contains("Brouillon non envoyé restauré") }
        }
        #expect(Self.inputText(screen) == text)
        try tmux.press("Enter")
        let lines = try waitForJournal(session, "the draft sent") { $0.count == start.count + 1 }
        #expect(
            lines.last?.contains(
                #""seat":"rapporteur","type":"entryRecorded","entry":{"kind":"note","text":"\#(text)"}"#) == true,
            "\(lines.last ?? "")")
        let deadline = ContinuousClock.now + .seconds(3)
        while ContinuousClock.now < deadline, FileManager.default.fileExists(atPath: draftFile.path) { usleep(50_000) }
        #expect(!FileManager.default.fileExists(atPath: draftFile.path), "the draft file stayed after sending")

        try tmux.press("C-c")
        try expectExitedRestored(tmux, root, after: "Ctrl-C once the draft was sent")
    }

    // MARK: 5

    @Test("Keys typed while the window is 20×5 are kept in the input line; a command letter is text there")
    func keysKeptWhenTiny() throws {
        let exe = try builtExecutable("palabre")
        let (root, session) = try makeSession([["start-day"], ["start-item"]])
        defer { try? FileManager.default.removeItem(at: root) }
        let tmux = try TmuxSession(
            command: wrappedPalabre(exe, "attach \(session.path) --seat rapporteur", directory: root),
            width: 100, height: 30, directory: root)
        try tmux.waitForScreen("the rapporteur screen") { $0.contains { $0.contains("[F2 Compte rendu]") } }
        let start = journalLines(session)

        try tmux.resize(width: 20, height: 5)
        try tmux.waitForScreen("the tiny window") {
            $0.count == 5
                && $0.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ").contains("trop petite")
        }
        try tmux.type("abc")
        try tmux.press("t")
        usleep(200_000)
        try tmux.resize(width: 100, height: 30)
        let screen = try tmux.waitForScreen("the kept keys") { $0.count == 30 && Self.inputText($0) == "abct" }
        #expect(screen.contains { $0.contains("[F2 Compte rendu]") })
        #expect(journalLines(session) == start)

        // The text is an unsent draft: Ctrl-C asks first.
        try tmux.press("C-c")
        try tmux.waitForScreen("the draft warning") { $0.contains { $0.contains("Ctrl-C à nouveau pour quitter") } }
        try tmux.press("C-c")
        try expectExitedRestored(tmux, root, after: "two Ctrl-C")
        #expect(journalLines(session) == start)
    }
}

/// A small seeded generator (SplitMix64), so the noise is the same on every run.
private struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
