import Foundation
import Glibc
import Testing

/// The real `palabre run` on a closed session, in tmux: the Suivi screen and a disbursement
/// recorded with keys.
@Suite("Suivi screen in tmux", .serialized)
struct FollowUpTmuxTests {
    /// `text` with the narrow no-break spaces followup.md groups digits with.
    static func money(_ text: String) -> String {
        text.replacingOccurrences(of: #"(\d) (\d)"#, with: "$1\u{00A0}$2", options: .regularExpression)
    }

    /// The count of overdue rows in the title of the Suivi screen.
    static func overdue(_ screen: [String]) -> Int? {
        for line in screen {
            guard let r = line.range(of: #"\d+ en retard"#, options: .regularExpression) else { continue }
            return Int(line[r].prefix { $0.isNumber })
        }
        return nil
    }

    @Test(
        "palabre run on the closed Ségou meeting opens Suivi; a disbursement recorded with keys reaches the journal and followup.md"
    )
    func disbursementWithKeys() throws {
        let palabre = try builtExecutable("palabre")
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let recorded = packageRoot.appendingPathComponent("sessions/segou-2023-recorded")
        for name in ["programme.yaml", "journal.jsonl"] {
            try FileManager.default.copyItem(
                at: recorded.appendingPathComponent(name), to: dir.appendingPathComponent(name))
        }
        let tmux = try TmuxSession(
            command: wrappedPalabre(palabre, "run \(dir.path)", directory: dir), width: 100, height: 30, directory: dir)

        var screen = try tmux.waitForScreen("the Suivi screen") { $0.contains { $0.contains("[F12 Suivi]") } }
        #expect(screen.contains { $0.contains("en retard") })
        // Down to commitment n° 4 (NEF, TOM-02, 9 500 000 FCFA, agreement signed).
        for _ in 0..<40 where !screen.contains(where: { $0.hasPrefix("› Eng. 4 ") }) {
            try tmux.press("Down")
            usleep(60_000)
            screen = try tmux.screen()
        }
        screen = try tmux.waitForScreen("commitment n° 4 selected") { $0.contains { $0.hasPrefix("› Eng. 4 ") } }
        try tmux.press("Enter")
        // A signed agreement: the form offers the disbursement of what is left, dated today.
        try tmux.waitForScreen("the update form") {
            $0.contains { $0.contains("◂ décaissé ▸") } && $0.contains { $0.contains("9 500 000") }
        }
        let overdue = try #require(Self.overdue(screen))
        // ^S records from any field (Enter would go on to the next one).
        try tmux.press("C-s")
        let journal = dir.appendingPathComponent("journal.jsonl")
        let followup = dir.appendingPathComponent("out/followup.md")
        let deadline = ContinuousClock.now + .seconds(10)
        func written() -> Bool {
            let md = (try? String(contentsOf: followup, encoding: .utf8)) ?? ""
            return md.contains(Self.money("| NEF | FCFA | 21 500 000 | 9 500 000 |"))
        }
        while ContinuousClock.now < deadline, !written() { usleep(100_000) }
        // Disbursed in full, the commitment is no longer overdue.
        try tmux.waitForScreen("one overdue row less") { Self.overdue($0) == overdue - 1 }
        try tmux.press("C-c")
        try expectTerminalRestored(tmux, dir)

        let last = try #require(try String(contentsOf: journal, encoding: .utf8).split(separator: "\n").last)
        #expect(last.contains(#""seat":"suivi""#), "the keys record as the suivi seat")
        #expect(last.contains(#""type":"commitmentFollowedUp","amount":9500000"#))
        #expect(last.contains(#""entry":548,"status":"disbursed""#))
        let md = try String(contentsOf: followup, encoding: .utf8)
        #expect(md.contains(Self.money("| NEF | FCFA | 21 500 000 | 9 500 000 | 44\u{00A0}% |")))
        #expect(md.contains(Self.money("| 4 | NEF | TOM-02 | 9 500 000 | FCFA | décaissé |")))
    }
}
