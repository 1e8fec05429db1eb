import Foundation
import Glibc
import Testing

/// How a facilitator seat ends when it is stopped from outside (SIGQUIT) or crashes, what it says
/// first about a damaged journal, and `palabre repair` asking on a terminal: the real binary in tmux.
@Suite("Seats ended from outside; a damaged journal on a terminal", .serialized)
struct SeatEndProcessTests {
    func session() throws -> URL {
        let dir = try makeTemporaryDirectory()
        try FileManager.default.copyItem(
            at: packageRoot.appendingPathComponent("sessions/demo/programme.yaml"),
            to: dir.appendingPathComponent("programme.yaml"))
        return dir
    }

    /// `palabre run` under bash, which says how it ended and stays as the pane's shell. The
    /// variable the program sets for itself is removed from the environment first.
    static func seat(_ palabre: String, _ dir: URL) -> String {
        "env -u SWIFT_BACKTRACE bash --norc -c '\(palabre) run \(dir.path); echo \"SHELL BACK $?\"; "
            + "exec bash --norc -i'"
    }

    /// Stops `palabre run` with `signal` and checks the terminal, the seat and a second `run`.
    func stop(with signal: Int32, named name: String) throws {
        let exe = try builtExecutable("palabre")
        let dir = try session()
        defer { try? FileManager.default.removeItem(at: dir) }
        let pane = try TmuxSession(command: Self.seat(exe, dir), width: 100, height: 30, directory: dir)
        try pane.waitForScreen("the facilitator seat") { $0.contains { $0.contains("[F1 Modération]") } }
        let shell = try #require(Int32(try pane.display("#{pane_pid}")))
        let pid = try #require(childPid(of: shell))
        let sent = ContinuousClock.now
        kill(pid, signal)
        let screen = try pane.waitForScreen("the shell after \(name)") { $0.contains { $0.contains("SHELL BACK") } }
        let elapsed = ContinuousClock.now - sent
        print("palabre run ended \(elapsed) after \(name)")
        #expect(kill(pid, 0) != 0 && errno == ESRCH, "the process is gone")
        // The screen was given back: the consoles are gone, the shell's own lines are there.
        #expect(!screen.contains { $0.contains("[F1 Modération]") }, "\(screen.joined(separator: "\n"))")
        #expect(screen.contains { $0.contains("SHELL BACK") })
        // The terminal modes are back: the shell echoes what is typed.
        try pane.type("echo typed-$((6*7))")
        try pane.press("Enter")
        try pane.waitForScreen("the shell echoing") { $0.contains { $0 == "typed-42" } }
        // The seat is free: a second `run` takes it.
        let holder = dir.appendingPathComponent(".facilitator")
        var fd = open(holder.path, O_RDONLY)
        #expect(fd >= 0 && flock(fd, LOCK_EX | LOCK_NB) == 0, "nobody holds the seat lock")
        close(fd)
        fd = -1
        let second = try TmuxSession(command: Self.seat(exe, dir), width: 100, height: 30, directory: dir)
        let taken = try second.waitForScreen("a second facilitator") {
            $0.contains { $0.contains("[F1 Modération]") }
        }
        #expect(!taken.joined().contains("déjà occupé"))
    }

    @Test("A terminal gone without a hangup signal (no controlling terminal): the seat quits and frees itself")
    func terminalGoneWithoutSignal() throws {
        let exe = try builtExecutable("palabre")
        let dir = try session()
        defer { try? FileManager.default.removeItem(at: dir) }
        // setsid: palabre has the pane as its input and output but in a session of its own, so
        // closing the pane sends it no SIGHUP (as under runuser or su over SSH).
        var pane: TmuxSession? = try TmuxSession(
            command: "env -u SWIFT_BACKTRACE setsid -w \(exe) run \(dir.path)", width: 100, height: 30, directory: dir)
        try pane?.waitForScreen("the facilitator seat") { $0.contains { $0.contains("[F1 Modération]") } }
        let shell = try #require(Int32(try pane?.display("#{pane_pid}") ?? ""))
        let pid = try #require(childPid(of: shell))
        pane = nil  // the tmux server killed: the terminal is gone
        let deadline = ContinuousClock.now + .seconds(10)
        while ContinuousClock.now < deadline, kill(pid, 0) == 0 { usleep(50_000) }
        #expect(kill(pid, 0) != 0 && errno == ESRCH, "palabre quit instead of reading a dead terminal forever")
        defer { if kill(pid, 0) == 0 { kill(pid, SIGKILL) } }
        let holder = dir.appendingPathComponent(".facilitator")
        let fd = open(holder.path, O_RDONLY)
        #expect(fd >= 0 && flock(fd, LOCK_EX | LOCK_NB) == 0, "nobody holds the seat lock")
        close(fd)
        #expect(try runProcess(exe, ["verify", dir.path]).status == 0)
    }

    @Test("SIGQUIT on palabre run gives the terminal back, frees the seat, and a second run takes it")
    func sigquit() throws {
        try stop(with: SIGQUIT, named: "SIGQUIT")
    }

    @Test("A crash of palabre run gives the terminal back at once: no backtracer waiting for a key")
    func crash() throws {
        try stop(with: SIGSEGV, named: "SIGSEGV")
    }

    @Test("palabre repair asks on a terminal: n changes nothing, o sets the line aside")
    func repairAsksOnATerminal() throws {
        let exe = try builtExecutable("palabre")
        let dir = try session()
        defer { try? FileManager.default.removeItem(at: dir) }
        for args in [["start-day"], ["start-item"]] {
            #expect(try runProcess(exe, ["do", dir.path] + args).status == 0)
        }
        let path = dir.appendingPathComponent("journal.jsonl").path
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let last = Array(bytes[(bytes.dropLast().lastIndex(of: 10)! + 1)...])
        bytes += last
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let command = "bash --norc -c '\(exe) repair \(dir.path); echo \"STATUS $?\"; exec sleep 60'"
        let no = try TmuxSession(command: command, width: 120, height: 30, directory: dir)
        try no.waitForScreen("the question") { $0.contains { $0.contains("Réparer\u{00A0}? (o/n)") } }
        try no.type("n")
        try no.press("Enter")
        try no.waitForScreen("the refusal") { $0.contains { $0.contains("STATUS 1") } }
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: path))) == bytes, "nothing was changed")
        let yes = try TmuxSession(command: command, width: 120, height: 30, directory: dir)
        try yes.waitForScreen("the question") { $0.contains { $0.contains("Réparer\u{00A0}? (o/n)") } }
        try yes.type("o")
        try yes.press("Enter")
        let screen = try yes.waitForScreen("the repair") { $0.contains { $0.contains("STATUS 0") } }
        #expect(screen.contains { $0.contains("vérifié, 3 événements") }, "\(screen.joined(separator: "\n"))")
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: path))) == Array(bytes.dropLast(last.count)))
    }

    @Test("A damaged-journal notice is the first thing in the banner, whole at 80 columns")
    func damagedJournalNoticeFirst() throws {
        let exe = try builtExecutable("palabre")
        let dir = try session()
        defer { try? FileManager.default.removeItem(at: dir) }
        for args in [["start-day"], ["start-item"], ["note", "avant la coupure"]] {
            #expect(try runProcess(exe, ["do", dir.path] + args).status == 0)
        }
        // NUL bytes before the last event, as a power cut can leave them.
        let path = dir.appendingPathComponent("journal.jsonl").path
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let lastLine = bytes.dropLast().lastIndex(of: 10)! + 1
        bytes.insert(contentsOf: [UInt8](repeating: 0, count: 512), at: lastLine)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let pane = try TmuxSession(command: Self.seat(exe, dir), width: 80, height: 24, directory: dir)
        let screen = try pane.waitForScreen("the banner") { $0.contains { $0.contains("journal endommagé") } }
        let row = try #require(screen.first { $0.contains("journal endommagé") })
        #expect(row.contains("journal endommagé : octets NUL ignorés, événements gardés (palabre repair)"), "\(row)")
        #expect(row.trimmingCharacters(in: .whitespaces).hasPrefix("journal endommagé"), "before what is running")
    }
}
