import Foundation
import Glibc
import PalabreCore
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

/// The real `palabre replay` on a journal long enough to be read while its beginning is shown.
@Suite("palabre replay of a long journal in tmux", .serialized)
struct LongReplayProcessTests {
    /// A session holding the recorded Ségou meeting followed by 15,000 notes, one a second from
    /// 18:00 on its last day (more than ``ReplayLoading/backgroundAbove`` bytes); with `damagedAt`,
    /// that line of the journal replaced by a cut one; `tornTail` written after the last line.
    /// Returns the folder and the last seq.
    static func longSession(damagedAt: Int? = nil, tornTail: String = "") throws -> (dir: URL, lastSeq: Int) {
        let dir = try makeTemporaryDirectory()
        let recorded = packageRoot.appendingPathComponent("sessions/segou-2023-recorded")
        try FileManager.default.copyItem(
            at: recorded.appendingPathComponent("programme.yaml"), to: dir.appendingPathComponent("programme.yaml"))
        var bytes = try Data(contentsOf: recorded.appendingPathComponent("journal.jsonl"))
        let events = try Journal(path: recorded.appendingPathComponent("journal.jsonl").path, writable: false).loadAll()
        var seq = events.last!.seq
        let evening = LocalTime(identifier: "Africa/Bamako").instant(date: "2023-10-19", minutes: 18 * 60)!
        for k in 0..<15_000 {
            seq += 1
            let text = "Note n° \(k + 1) : les partenaires reviennent sur la mutualisation des forages à Tominian."
            let e = Event(
                seq: seq, at: evening.adding(seconds: k), seat: "rapporteur",
                payload: .entryRecorded(item: nil, entry: EntryContent(kind: .note, text: text)))
            bytes += try EventCodec.encode(e)
            bytes.append(10)
        }
        #expect(bytes.count > ReplayLoading.backgroundAbove)
        if let line = damagedAt {
            var lines = bytes.split(separator: 10, omittingEmptySubsequences: false)
            lines[line - 1] = Data("{\"seq\":\(line),\"at\":".utf8)[...]
            bytes = Data(lines.joined(separator: [10]))
        }
        bytes += Data(tornTail.utf8)
        try bytes.write(to: dir.appendingPathComponent("journal.jsonl"))
        return (dir, seq)
    }

    @Test(
        "The beginning at once, then the whole journal: a jump to its evening lands there, in French and English",
        arguments: ["fr", "en"])
    func jumpIntoTheRest(language: String) throws {
        let palabre = try builtExecutable("palabre")
        let (dir, last) = try Self.longSession()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fr = language == "fr"
        let tmux = try TmuxSession(
            command: wrappedPalabre(palabre, "replay \(dir.path) --paused --lang \(language)", directory: dir),
            width: 100, height: 30, directory: dir)
        // Whether the reading is over before the first look or not, it ends with the whole count.
        try tmux.waitForScreen("the whole journal counted") {
            $0.contains { $0.contains("PAUSE ×1") && $0.contains("/\(last)") }
        }
        try tmux.type("g")
        try tmux.waitForScreen("the go-to prompt") { $0.contains { $0.contains(fr ? "Aller à" : "Go to") } }
        try tmux.type("3 20:00")
        try tmux.press("Enter")
        // 20:00 is 7,200 notes after 18:00.
        let seq = last - 15_000 + 7_201
        let screen = try tmux.waitForScreen("the evening of day 3") {
            $0.contains { $0.contains((fr ? "Jour 3" : "Day 3") + " · 2023-10-19 20:00:00") }
        }
        #expect(
            screen.contains { $0.contains((fr ? "événement " : "event ") + "\(seq)/\(last)") },
            "\(screen.joined(separator: "\n"))")
        try tmux.press("q")
        try expectTerminalRestored(tmux, dir)
    }

    @Test(
        "Quit at the first frame, before or after the reading is over, a torn last line is still said",
        arguments: ["fr", "en"])
    func tornTailSaidWhenQuitEarly(language: String) throws {
        let palabre = try builtExecutable("palabre")
        let (dir, last) = try Self.longSession(tornTail: #"{"seq":99999,"at":"2023-10-19T22:00:00.000+00:00","se"#)
        defer { try? FileManager.default.removeItem(at: dir) }
        let err = dir.appendingPathComponent("err.txt")
        let tmux = try TmuxSession(
            command: wrappedPalabre(
                palabre, "replay \(dir.path) --paused --lang \(language) 2> \(err.path)", directory: dir),
            width: 100, height: 30, directory: dir)
        try tmux.waitForScreen("the first frame") { $0.contains { $0.contains("PAUSE ×1") } }
        try tmux.press("q")
        try expectTerminalRestored(tmux, dir)
        let said = try String(contentsOf: err, encoding: .utf8)
        let torn =
            language == "fr"
            ? ":\(last + 1)\u{00A0}: la dernière ligne est déchirée" : ":\(last + 1): the last line is torn"
        #expect(said.contains(torn), "\(said)")
        // Said once, whichever way it was found.
        #expect(said.components(separatedBy: torn).count == 2, "\(said)")
    }

    @Test("Damage within the beginning of a long journal is refused at once, as in a short one")
    func damageInTheBeginning() throws {
        let palabre = try builtExecutable("palabre")
        let (dir, _) = try Self.longSession(damagedAt: 100)
        defer { try? FileManager.default.removeItem(at: dir) }
        let refused = try runProcess(palabre, ["replay", dir.path])
        #expect(refused.status == 1)
        #expect(refused.error.contains("journal.jsonl:100\u{00A0}: le journal est endommagé"), "\(refused.error)")
    }

    @Test("Damage found late in a long journal ends the replay with the line and the way forward")
    func damageFoundLate() throws {
        let palabre = try builtExecutable("palabre")
        let (dir, _) = try Self.longSession(damagedAt: 14_000)
        defer { try? FileManager.default.removeItem(at: dir) }
        let tmux = try TmuxSession(
            command: wrappedPalabre(palabre, "replay \(dir.path) --paused", directory: dir),
            width: 100, height: 30, directory: dir)
        #expect(try waitForFile(dir.appendingPathComponent("status"), timeout: .seconds(30)) == "EXIT=1\n")
        let screen = try tmux.waitForScreen("the error") {
            $0.joined().contains("journal.jsonl:14000\u{00A0}: le journal est endommagé")
        }
        #expect(screen.joined().contains("palabre repair"), "\(screen.joined(separator: "\n"))")
        #expect(try tmux.display("#{alternate_on}") == "0")
    }
}
