import Foundation
import Glibc
import Testing

/// The speakers queue at the real console in tmux: several requesters in one prompt, how long
/// each request has waited, a point of order keeping its mark while its author speaks.
@Suite("The speakers queue at the console in tmux", .serialized)
struct SpeakersQueueTmuxTests {
    /// The helpers of the re-planning tests (journal polling, a copy of the sample, day 1 started).
    let replanning = ReplanningTmuxTests()

    /// The lines of the journal holding `type`.
    func events(_ dir: URL, _ type: String) throws -> [String] {
        try String(contentsOf: dir.appendingPathComponent("journal.jsonl"), encoding: .utf8)
            .split(separator: "\n").map(String.init).filter { $0.contains(#""type":""# + type + #"""#) }
    }

    @Test("Three requesters added in one a prompt then Esc: three floorRequested events, « +N autres » when many match")
    func severalRequestersInOnePrompt() throws {
        let palabre = try builtExecutable("palabre")
        let dir = try replanning.segouCopy()
        defer { try? FileManager.default.removeItem(at: dir) }
        let tmux = try TmuxSession(
            command: wrappedPalabre(palabre, "run \(dir.path)", directory: dir), width: 100, height: 30, directory: dir)
        try replanning.startFirstItem(tmux)

        try tmux.press("a")
        // Every mayor of the sample's communes matches « maire »: five shown, the rest counted.
        try tmux.type("maire")
        let many = try tmux.waitForScreen("the count of the matches not shown") {
            $0.contains { $0.range(of: #"\+\d+ autres$"#, options: .regularExpression) != nil }
        }
        let line = try #require(many.first { $0.range(of: #"\+\d+ autres$"#, options: .regularExpression) != nil })
        let shown = many.filter { $0.contains("Maire de") }.count
        #expect(shown == 5, "five suggestions shown")
        let more = Int(line.split(separator: "+").last!.split(separator: " ").first!) ?? 0
        #expect(more >= 10, "the other mayors are counted: \(line)")
        try tmux.press("C-u")

        for (typed, id, count) in [
            ("maire de koula", "maire-koula", 1), ("maire de timissa", "maire-timissa", 2),
            ("sg de dieli", "sg-dieli", 3),
        ] {
            try tmux.type(typed)
            try tmux.press("Enter")
            try replanning.waitForEvent(dir, [#""type":"floorRequested""#, #""who":""# + id + #"""#])
            let said = count == 1 ? "(1 demande ajoutée)" : "(\(count) demandes ajoutées)"
            try tmux.waitForScreen("the prompt open again, cleared, after \(typed)") {
                $0.contains { $0.contains(said) } && $0.contains { $0.hasPrefix("›") && $0.count <= 2 }
            }
        }
        try tmux.press("Escape")
        let closed = try tmux.waitForScreen("the prompt closed and the three in the queue") {
            !$0.contains { $0.contains("demandes ajoutées") } && $0.contains { $0.contains("Maire de Koula") }
                && $0.contains { $0.contains("SG de Diéli") }
        }
        // Just added: each has waited less than a minute.
        for name in ["Maire de Koula", "Maire de Timissa", "SG de Diéli"] {
            #expect(closed.contains { $0.contains(name) && $0.hasSuffix("< 1 min") }, "\(name) waited < 1 min")
        }
        // Exactly three requests, one event each, and nothing else recorded by the prompt.
        let requested = try events(dir, "floorRequested")
        #expect(requested.count == 3, "\(requested)")
        #expect(try events(dir, "participantAdded").isEmpty)
        // Each is its own event: u (asked, then confirmed) takes back the last one only.
        try tmux.press("u")
        try tmux.waitForScreen("the undo asked") {
            $0.contains { $0.contains("u à nouveau annule la demande de parole") }
        }
        try tmux.press("u")
        let undone = try replanning.waitForEvent(dir, [#""type":"undone""#])
        let last = try JSONSerialization.jsonObject(with: Data(requested[2].utf8)) as? [String: Any]
        let lastSeq = try #require(last?["seq"] as? Int)
        #expect(undone.contains(#""undoes":\#(lastSeq)"#), "\(undone)")
        try tmux.waitForScreen("the last request taken back") {
            !$0.contains { $0.contains("SG de Diéli") } && $0.contains { $0.contains("Maire de Timissa") }
        }

        try tmux.press("C-c")
        try expectTerminalRestored(tmux, dir)
    }

    /// `YYYY-MM-DDTHH:MM:SS+00:00` for `date` (the Ségou programme is in Africa/Bamako, UTC).
    func rfc3339(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd'T'HH:mm:ss'+00:00'"
        return f.string(from: date)
    }

    @Test("Requests recorded minutes ago show how long they waited; a point of order given the floor keeps its mark")
    func waitingTimesAndAPointOfOrderSpeaking() throws {
        let palabre = try builtExecutable("palabre")
        let dir = try replanning.segouCopy()
        defer { try? FileManager.default.removeItem(at: dir) }
        // Recorded with injected instants before the console starts: 9, 7 and 4 minutes ago.
        let start = Date()
        let unicefAt = start.addingTimeInterval(-7 * 60), orderAt = start.addingTimeInterval(-4 * 60)
        try replanning.palabreDo(palabre, dir, ["start-day", "--at", rfc3339(start.addingTimeInterval(-10 * 60))])
        try replanning.palabreDo(palabre, dir, ["start-item", "--at", rfc3339(start.addingTimeInterval(-9 * 60))])
        try replanning.palabreDo(palabre, dir, ["request-floor", "rep-unicef", "--at", rfc3339(unicefAt)])
        try replanning.palabreDo(
            palabre, dir, ["request-floor", "sg-koula", "--point-of-order", "--at", rfc3339(orderAt)])

        let tmux = try TmuxSession(
            command: wrappedPalabre(palabre, "run \(dir.path)", directory: dir), width: 120, height: 40, directory: dir)
        // The minutes each has waited when the screen was read: the frame may be a second old.
        func waited(_ at: Date) -> [String] {
            let m = Int(Date().timeIntervalSince(at)) / 60
            return ["\(m) min", "\(m - 1) min"]
        }
        let screen = try tmux.waitForScreen("the queue with its waiting times") { lines in
            let order = waited(orderAt), unicef = waited(unicefAt)
            return lines.contains { l in l.contains("MO SG de Koula") && order.contains { l.hasSuffix(" " + $0) } }
                && lines.contains { l in
                    l.contains("Représentant de l'UNICEF") && unicef.contains { l.hasSuffix(" " + $0) }
                }
        }
        #expect(screen.contains { $0.contains("[F1 Modération]") })

        // Enter gives the floor to the point of order, first in the queue: F1 keeps its mark.
        try tmux.press("Enter")
        let given = try replanning.waitForEvent(dir, [#""type":"floorGiven""#])
        #expect(given.contains(#""who":"sg-koula""#))
        try tmux.waitForScreen("the point of order speaking, marked") {
            $0.contains { $0.contains("▶ MO SG de Koula") }
        }
        // F4, the speaking balance, marks it too.
        try tmux.press("F4")
        try tmux.waitForScreen("the speaking balance with the mark") {
            $0.contains { $0.contains("SG de Koula (motion d'ordre)") }
        }
        try tmux.press("C-c")
        try expectTerminalRestored(tmux, dir)
        // The minutes written while the point of order has the floor mark it.
        let minutes = try String(contentsOf: dir.appendingPathComponent("out/minutes.md"), encoding: .utf8)
        #expect(minutes.contains("SG de Koula (motion d'ordre)"))
    }
}
