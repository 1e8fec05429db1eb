import Foundation
import Glibc
import PalabreUI
import Testing

/// Several seats on one session: real processes in tmux, `palabre do` and `palabre script`.
@Suite("Seats on one session", .serialized)
struct SeatsProcessTests {
    func session(_ sample: String = "segou-2023") throws -> URL {
        let dir = try makeTemporaryDirectory()
        try FileManager.default.copyItem(
            at: packageRoot.appendingPathComponent("sessions/\(sample)/programme.yaml"),
            to: dir.appendingPathComponent("programme.yaml"))
        return dir
    }

    func palabre(_ args: [String]) throws -> (status: Int32, output: String, error: String) {
        try runProcess(try builtExecutable("palabre"), args)
    }

    func journalLines(_ dir: URL) -> [String] {
        ((try? String(contentsOf: dir.appendingPathComponent("journal.jsonl"), encoding: .utf8)) ?? "")
            .split(separator: "\n").map(String.init)
    }

    /// Seqs of the journal, in order.
    func seqs(_ dir: URL) -> [Int] {
        journalLines(dir).compactMap { line in
            guard let r = line.range(of: #""seq":"#) else { return nil }
            return Int(line[r.upperBound...].prefix { $0.isNumber })
        }
    }

    static func seat(_ palabre: String, _ args: String, _ dir: URL, tag: String) -> String {
        "bash -c '\(palabre) \(args); echo EXIT=$? > \(dir.path)/\(tag).status; exec sleep 60'"
    }

    @Test("Facilitator, rapporteur and projector seats; kill -9 the facilitator, take over; nothing lost or duplicated")
    func threeSeats() throws {
        let exe = try builtExecutable("palabre")
        let dir = try session()
        defer { try? FileManager.default.removeItem(at: dir) }
        let d = dir.path

        let facilitator = try TmuxSession(
            command: Self.seat(exe, "run \(d)", dir, tag: "fac1"), width: 100, height: 30, directory: dir)
        try facilitator.waitForScreen("the facilitator seat") { $0.contains { $0.contains("[F1 Modération]") } }
        // A second facilitator is refused, naming the holder.
        let second = try palabre(["attach", d, "--seat", "facilitator"])
        #expect(second.status == 1)
        #expect(second.error.contains("déjà occupé par le processus") && second.error.contains("--take-over"))

        // The agenda is driven by `palabre do`, as a facilitator would from a script.
        #expect(try palabre(["do", d, "start-day"]).status == 0)
        #expect(try palabre(["do", d, "start-item"]).status == 0)
        try facilitator.waitForScreen("the facilitator following the journal") {
            $0.contains { $0.contains("▶ Accueil et") }
        }

        let rapporteur = try TmuxSession(
            command: Self.seat(exe, "attach \(d) --seat rapporteur", dir, tag: "rap"), width: 100, height: 30,
            directory: dir)
        let projector = try TmuxSession(
            command: Self.seat(exe, "attach \(d) --seat projector", dir, tag: "proj"), width: 120, height: 40,
            directory: dir)
        try rapporteur.waitForScreen("the rapporteur seat") { $0.contains { $0.contains("[F2 Compte rendu]") } }
        try projector.waitForScreen("the projector seat") { $0.contains { $0.contains("[F5 Projection]") } }

        // The rapporteur records a decision; the projector shows it within a second.
        let text = "Décision : l'ADR réunit les communes « avant la fin du mois »"
        try rapporteur.type("/d " + text)
        try rapporteur.press("Enter")
        let typedAt = ContinuousClock.now
        try projector.waitForScreen("the decision on the wall") {
            $0.contains { $0.contains("l'ADR réunit les communes") }
        }
        #expect(ContinuousClock.now - typedAt < .seconds(1))

        // The projector is read-only: keys that would record are refused on screen, and from the
        // command line decide refuses the projector seat.
        let write = try palabre(["do", d, "note", "essai", "--seat", "projector"])
        #expect(write.status == 1 && write.error.contains("lecture seule"))
        // The rapporteur does not drive the agenda.
        let end = try palabre(["do", d, "end-item", "--seat", "rapporteur"])
        #expect(end.status == 1 && end.error.contains("modérateur"))

        // kill -9 the facilitator; a new one takes over.
        let shell = Int32(try facilitator.display("#{pane_pid}"))!
        let pid = try #require(childPid(of: shell))
        kill(pid, SIGKILL)
        let takeover = try TmuxSession(
            command: Self.seat(exe, "attach \(d) --seat facilitator --take-over", dir, tag: "fac2"),
            width: 100, height: 30, directory: dir)
        let screen = try takeover.waitForScreen("the new facilitator") {
            $0.contains { $0.contains("[F1 Modération]") }
        }
        #expect(screen.contains { $0.contains("ne tournait plus") || $0.contains("poste de modération repris") })
        try takeover.press("t")  // end the item from the new facilitator seat
        // The wall shows the next item to come once the item has ended (waiting for the title and
        // « TEMPS » on one line, which never happens, let the journal be read before the key was
        // recorded, under load).
        try projector.waitForScreen("the projector following the new facilitator") {
            $0.contains { $0.contains("Prochain point") }
        }

        // One consistent journal: seq 1…n, the decision once, the item ended once.
        let lines = journalLines(dir)
        #expect(seqs(dir) == Array(1...lines.count))
        #expect(lines.filter { $0.contains("l'ADR réunit les communes") }.count == 1)
        #expect(lines.filter { $0.contains(#""type":"itemEnded""#) }.count == 1)
        #expect(lines.contains { $0.contains(#""seat":"rapporteur","type":"entryRecorded""#) })
        for s in [rapporteur, projector, takeover] { try s.press("C-c") }
        for tag in ["rap", "proj", "fac2"] {
            #expect(try waitForFile(dir.appendingPathComponent("\(tag).status")) == "EXIT=0\n")
        }
    }

    @Test("Three writers issuing 500 commands each at once: one journal, every accepted event once")
    func threeWriters() throws {
        let exe = try builtExecutable("palabre")
        let dir = try session("demo")
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try palabre(["do", dir.path, "start-day"]).status == 0)
        #expect(try palabre(["do", dir.path, "start-item"]).status == 0)
        let seats = ["facilitator", "rapporteur", "rapporteur"]
        var pids: [pid_t] = []
        for (n, seat) in seats.enumerated() {
            var lines: [String] = []
            for i in 1...500 {
                // The facilitator also extends the item now and then; all three record notes.
                lines.append(
                    seat == "facilitator" && i % 50 == 0 ? "extend 1" : "note \"w\(n) n°\(i) é\" --seat \(seat)")
            }
            let script = dir.appendingPathComponent("w\(n).palabre")
            try lines.joined(separator: "\n").write(to: script, atomically: true, encoding: .utf8)
            var pid: pid_t = 0
            let words: [String] = [exe, "script", dir.path, script.path, "--quiet"]
            let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            posix_spawn_file_actions_addopen(
                &actions, 1, dir.appendingPathComponent("w\(n).out").path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            posix_spawn_file_actions_addopen(
                &actions, 2, dir.appendingPathComponent("w\(n).err").path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            #expect(posix_spawn(&pid, exe, &actions, nil, argv, environ) == 0)
            pids.append(pid)
        }
        for pid in pids {
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            #expect(status == 0)
        }
        let lines = journalLines(dir)
        #expect(seqs(dir) == Array(1...lines.count))
        for n in 0..<3 {
            let expected = (1...500).filter { seats[n] != "facilitator" || $0 % 50 != 0 }.map { "w\(n) n°\($0) é" }
            let found = lines.compactMap { l -> String? in
                guard let r = l.range(of: #""text":"w\#(n) n°"#) else { return nil }
                return String(l[l.index(r.lowerBound, offsetBy: 8)...].prefix { $0 != "\"" })
            }
            #expect(found == expected)
        }
        #expect(lines.filter { $0.contains(#""type":"itemExtended""#) }.count == 10)
        #expect(lines.count == 3 + 1500)
    }
}
