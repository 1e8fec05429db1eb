import Foundation
import Glibc
import PalabreUI
import Testing

/// Runs a program and returns its exit status, standard output and standard error.
///
/// posix_spawn and waitpid rather than Foundation's Process: Process notices the child's
/// exit through a descriptor the child inherits, and the tmux server, forked by the tmux
/// client, keeps it open, so `waitUntilExit` never returns.
@discardableResult
func runProcess(
    _ path: String, _ arguments: [String], environment: [String: String]? = nil
) throws
    -> (status: Int32, output: String, error: String)
{
    let base = FileManager.default.temporaryDirectory.appendingPathComponent("palabre-run-\(UUID().uuidString)").path
    let outPath = base + ".out"
    let errPath = base + ".err"
    defer {
        unlink(outPath)
        unlink(errPath)
    }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

    let env = environment ?? ProcessInfo.processInfo.environment
    let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
    let envp: [UnsafeMutablePointer<CChar>?] = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
        argv.forEach { free($0) }
        envp.forEach { free($0) }
    }
    // Test threads block most signals and that mask is inherited: give the child (and so
    // tmux and the programs in its panes) an empty mask and default dispositions.
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var noSignals = sigset_t()
    sigemptyset(&noSignals)
    var allSignals = sigset_t()
    sigfillset(&allSignals)
    sigdelset(&allSignals, SIGKILL)
    sigdelset(&allSignals, SIGSTOP)
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    posix_spawnattr_setsigdefault(&attributes, &allSignals)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
    guard spawned == 0 else { throw TmuxError("cannot run \(path): error \(spawned)") }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    let output = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
    let error = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
    return (exitStatus, output, error)
}

/// The built `palabre-termdemo`: next to the test bundle, else in the package's .build/debug.
func termdemoPath() throws -> String { try builtExecutable("palabre-termdemo") }

/// A built executable of the package: next to the test bundle, else in .build/debug.
func builtExecutable(_ name: String) throws -> String {
    var candidates: [String] = []
    if let exe = Bundle.main.executablePath {
        candidates.append(URL(fileURLWithPath: exe).deletingLastPathComponent().appendingPathComponent(name).path)
    }
    candidates.append(packageRoot.appendingPathComponent(".build/debug/" + name).path)
    guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
        throw TmuxError("\(name) is not built (looked in \(candidates)); run `swift build` first")
    }
    return found
}

/// A command for a tmux pane: `palabre ARGS`, then its exit status in DIR/status and the
/// terminal modes in DIR/stty.txt, the pane staying open.
func wrappedPalabre(_ palabre: String, _ args: String, directory: URL) -> String {
    let d = directory.path
    return "bash -c '\(palabre) \(args); echo EXIT=$? > \(d)/status; stty -a > \(d)/stty.txt; exec sleep 60'"
}

/// After a wrapped command ended (see `wrappedPalabre`): exit status 0, canonical mode and echo
/// back on, alternate screen off.
func expectTerminalRestored(_ tmux: TmuxSession, _ dir: URL) throws {
    // A machine busy with other tests may take seconds to end the process: the wait is long, the
    // checks on what it left are the same.
    let status = try waitForFile(dir.appendingPathComponent("status"), timeout: .seconds(20))
    #expect(status == "EXIT=0\n")
    let stty = try waitForFile(dir.appendingPathComponent("stty.txt"))
    let flags = sttyFlags(stty)
    #expect(flags.contains("icanon") && !flags.contains("-icanon"), "\(stty)")
    #expect(flags.contains("echo") && !flags.contains("-echo"), "\(stty)")
    #expect(try tmux.display("#{alternate_on}") == "0")
}

/// The package's root folder.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

struct TmuxError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A private tmux server (its own `-L` socket) running one command in one window.
final class TmuxSession {
    let socket = "palabre-test-\(getpid())-\(UUID().uuidString.prefix(8))"
    let directory: URL
    let environment: [String: String]

    /// Starts `command` (run by bash) in a detached window of `width` × `height`.
    init(command: String, width: Int, height: Int, directory: URL) throws {
        self.directory = directory
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C.UTF-8"
        env["LC_ALL"] = "C.UTF-8"
        env.removeValue(forKey: "TMUX")
        env.removeValue(forKey: "NO_COLOR")
        environment = env
        // No `window-size manual` in the configuration: tmux 3.3a then crashes on
        // `resize-window -x 1 -y 1`; resize-window sets it for the window anyway.
        let config = directory.appendingPathComponent("tmux.conf")
        try "set -g status off\nset -g default-terminal tmux-256color\n".write(
            to: config, atomically: true, encoding: .utf8)
        try tmux(["-f", config.path, "new-session", "-d", "-x", "\(width)", "-y", "\(height)", "-s", "demo", command])
        socketPath = try? display("#{socket_path}")
    }

    /// The server's socket file, removed at the end (kill-server leaves it behind).
    private var socketPath: String?

    deinit {
        _ = try? runProcess("/usr/bin/tmux", ["-L", socket, "kill-server"], environment: environment)
        if let socketPath, socketPath.contains("palabre-test-") { unlink(socketPath) }
    }

    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        let result = try runProcess("/usr/bin/tmux", ["-L", socket] + arguments, environment: environment)
        guard result.status == 0 else {
            throw TmuxError("tmux \(arguments.joined(separator: " ")) failed (\(result.status)): \(result.error)")
        }
        return result.output
    }

    /// The visible screen, one string per row (tmux trims trailing spaces).
    func screen() throws -> [String] {
        var lines = try tmux(["capture-pane", "-p", "-t", "demo"]).components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    func display(_ format: String) throws -> String {
        try tmux(["display-message", "-p", "-t", "demo", format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func type(_ text: String) throws { try tmux(["send-keys", "-t", "demo", "-l", text]) }
    func press(_ key: String) throws { try tmux(["send-keys", "-t", "demo", key]) }
    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", "demo", "-x", "\(width)", "-y", "\(height)"])
    }

    /// Polls the screen until `condition` holds (5 s at most); returns the last screen.
    @discardableResult
    func waitForScreen(_ what: String, _ condition: ([String]) -> Bool) throws -> [String] {
        let deadline = ContinuousClock.now + .seconds(5)
        var last: [String] = []
        while ContinuousClock.now < deadline {
            last = try screen()
            if condition(last) { return last }
            usleep(50_000)
        }
        throw TmuxError("timed out waiting for \(what); screen was:\n" + last.joined(separator: "\n"))
    }
}

/// Waits until a file exists and is non-empty (5 s at most by default).
func waitForFile(_ url: URL, timeout: Duration = .seconds(5)) throws -> String {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if let text = try? String(contentsOf: url, encoding: .utf8), !text.isEmpty { return text }
        usleep(50_000)
    }
    throw TmuxError("timed out waiting for \(url.path)")
}

/// The pid of the child of `parent` (the demo under the wrapping shell).
func childPid(of parent: Int32) -> Int32? {
    let path = "/proc/\(parent)/task/\(parent)/children"
    for _ in 0..<50 {
        if let text = try? String(contentsOfFile: path, encoding: .utf8),
            let first = text.split(separator: " ").first, let pid = Int32(first)
        {
            return pid
        }
        usleep(50_000)
    }
    return nil
}

/// Temporary folder for one test.
func makeTemporaryDirectory() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("palabre-termdemo-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
}

/// Tokens of `stty -a` output.
func sttyFlags(_ text: String) -> Set<String> {
    Set(text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init))
}

@Suite("palabre-termdemo in tmux", .serialized)
struct TermdemoProcessTests {
    static let typed = "Été œ中 « guillemets »"

    /// The wrapped command: the demo, then its status, then `stty -a` in the same pane.
    /// bash rather than sh: dash dies of the Ctrl-C meant for its child, bash waits for the
    /// child and carries on when the child exits normally.
    static func command(demo: String, directory: URL, prefix: String = "") -> String {
        let d = directory.path
        return "bash -c '\(prefix)\(demo) \(d)/out.txt; echo EXIT=$? > \(d)/status; stty -a > \(d)/stty.txt; exec "
            + "sleep 60'"
    }

    func expectRestored(_ tmux: TmuxSession, _ dir: URL) throws { try expectTerminalRestored(tmux, dir) }

    @Test("Type, submit, resize down to 1×1 and back, Ctrl-C: exit 0, text saved, terminal restored")
    func fullScenario() throws {
        let demo = try termdemoPath()
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let tmux = try TmuxSession(
            command: Self.command(demo: demo, directory: dir), width: 100, height: 30, directory: dir)

        var screen = try tmux.waitForScreen("the demo") { $0.contains { $0.contains("Texte :") } }
        #expect(screen.count == 30)
        #expect(screen[0].contains("palabre — démo du terminal"))
        #expect(screen[0].hasSuffix("100×30"))
        #expect(screen.contains { $0.contains("██") })  // the big clock
        #expect(try tmux.display("#{alternate_on}") == "1")

        try tmux.type(Self.typed)
        try tmux.waitForScreen("the typed text") { $0.contains { $0.contains("Texte : " + Self.typed) } }
        try tmux.press("Enter")
        // Both rows of one refresh: a capture can fall between the two.
        screen = try tmux.waitForScreen("the saved line and its message") { screen in
            screen.contains { $0.contains("Dernière ligne : « \(Self.typed) »") }
                && screen.contains { $0.contains("(1 ligne)") }
        }
        let saved = try String(contentsOf: dir.appendingPathComponent("out.txt"), encoding: .utf8)
        #expect(saved == Self.typed + "\n")
        #expect(saved.utf8.elementsEqual((Self.typed.precomposedStringWithCanonicalMapping + "\n").utf8))

        try tmux.resize(width: 40, height: 12)
        screen = try tmux.waitForScreen("the 40×12 layout") { $0.first?.hasSuffix("40×12") == true }
        #expect(screen.count == 12)
        #expect(screen.allSatisfy { TextWidth.width(of: $0) <= 40 })
        #expect(screen.contains { $0.contains("Texte :") })
        #expect(!screen.contains { $0.contains("Fenêtre trop petite") })

        try tmux.resize(width: 1, height: 1)
        #expect(try tmux.display("#{window_width}x#{window_height}") == "1x1")
        usleep(300_000)
        screen = try tmux.screen()
        #expect(screen.count == 1)
        #expect(try tmux.display("#{pane_dead}") == "0")

        try tmux.resize(width: 39, height: 12)
        screen = try tmux.waitForScreen("the too-small notice") { $0.contains { $0.contains("Fenêtre trop petite") } }
        #expect(screen.contains("Fenêtre trop petite : agrandir à 40×12…"))

        try tmux.resize(width: 120, height: 40)
        screen = try tmux.waitForScreen("the 120×40 layout") { $0.first?.hasSuffix("120×40") == true }
        #expect(screen.count == 40)
        #expect(screen.contains { $0.contains("Dernière ligne : « \(Self.typed) »") })
        #expect(screen.contains { $0.contains("██") })

        try tmux.press("C-c")
        try expectRestored(tmux, dir)
    }

    @Test("Under LANG=C, typed accents and wide characters still arrive whole")
    func cLocale() throws {
        let demo = try termdemoPath()
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let tmux = try TmuxSession(
            command: Self.command(demo: demo, directory: dir, prefix: "LC_ALL=C LANG=C "),
            width: 80, height: 24, directory: dir)
        var screen = try tmux.waitForScreen("the demo") { $0.contains { $0.contains("Texte :") } }
        #expect(screen[0].contains("palabre — démo du terminal"))
        try tmux.type("Été œ中")
        try tmux.press("BSpace")  // removes 中 whole
        try tmux.type("à")
        screen = try tmux.waitForScreen("the typed text") { $0.contains { $0.contains("Texte : Été œà") } }
        try tmux.press("Enter")
        try tmux.waitForScreen("the saved line") { $0.contains { $0.contains("Dernière ligne : « Été œà »") } }
        try tmux.press("C-c")
        try expectRestored(tmux, dir)
        let saved = try String(contentsOf: dir.appendingPathComponent("out.txt"), encoding: .utf8)
        #expect(saved == "Été œà\n")
    }

    enum Quit: String, CaseIterable, Sendable { case q, sigterm, sighup }

    @Test("Quits with status 0 and a restored terminal", arguments: Quit.allCases)
    func quitting(_ quit: Quit) throws {
        let demo = try termdemoPath()
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let tmux = try TmuxSession(
            command: Self.command(demo: demo, directory: dir), width: 80, height: 24, directory: dir)
        try tmux.waitForScreen("the demo") { $0.contains { $0.contains("Texte :") } }
        switch quit {
        case .q:
            try tmux.type("aq")  // q inside a line is just a letter
            try tmux.waitForScreen("the letters") { $0.contains { $0.contains("Texte : aq") } }
            try tmux.press("C-u")
            try tmux.waitForScreen("the empty line") { $0.contains { $0.hasSuffix("Texte :") } }
            try tmux.type("q")
        case .sigterm, .sighup:
            let shell = try #require(Int32(try tmux.display("#{pane_pid}")))
            let pid = try #require(childPid(of: shell))
            kill(pid, quit == .sigterm ? SIGTERM : SIGHUP)
        }
        try expectRestored(tmux, dir)
        #expect((try? String(contentsOf: dir.appendingPathComponent("out.txt"), encoding: .utf8)) == "")
    }

    @Test("A crash still gives the terminal back", arguments: ["enable=no", "enable=yes,interactive=no"])
    func crash(_ backtrace: String) throws {
        let demo = try termdemoPath()
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let prefix = "PALABRE_TERMDEMO_CRASH=1 SWIFT_BACKTRACE=\(backtrace) "
        let tmux = try TmuxSession(
            command: Self.command(demo: demo, directory: dir, prefix: prefix),
            width: 80, height: 24, directory: dir)
        try tmux.waitForScreen("the demo") { $0.contains { $0.contains("Texte :") } }
        try tmux.press("F12")
        let status = try waitForFile(dir.appendingPathComponent("status"), timeout: .seconds(20))
        let code = Int(status.dropFirst("EXIT=".count).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        #expect(code == 128 + Int(SIGILL) || code == 128 + Int(SIGTRAP), "\(status)")
        let flags = sttyFlags(try waitForFile(dir.appendingPathComponent("stty.txt")))
        #expect(flags.contains("icanon") && !flags.contains("-icanon"))
        #expect(flags.contains("echo") && !flags.contains("-echo"))
        #expect(try tmux.display("#{alternate_on}") == "0")
    }

    @Test("A paste goes to the text line whole; unknown and modified keys do nothing")
    func pasteAndNoise() throws {
        let demo = try termdemoPath()
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let tmux = try TmuxSession(
            command: Self.command(demo: demo, directory: dir), width: 80, height: 24, directory: dir)
        try tmux.waitForScreen("the demo") { $0.contains { $0.contains("Texte :") } }
        // q on an empty line quits, but not when pasted; the line break becomes a space.
        try tmux.tmux(["set-buffer", "q\nÉté"])
        try tmux.tmux(["paste-buffer", "-p", "-t", "demo"])
        try tmux.waitForScreen("the pasted text") { $0.contains { $0.contains("Texte : q Été") } }
        try tmux.press("C-u")
        try tmux.waitForScreen("the empty line") { $0.contains { $0.hasSuffix("Texte :") } }
        // Keypad 4 (application mode), Shift-End, Ctrl-Alt-Shift-F1, Alt-q: only the 4 shows.
        try tmux.tmux(["send-keys", "-t", "demo", "-H", "1b", "4f", "74"])
        try tmux.tmux(["send-keys", "-t", "demo", "-H", "1b", "5b", "31", "3b", "32", "46"])
        try tmux.tmux(["send-keys", "-t", "demo", "-H", "1b", "5b", "31", "3b", "38", "50"])
        try tmux.tmux(["send-keys", "-t", "demo", "-H", "1b", "71"])
        try tmux.type("x")
        let screen = try tmux.waitForScreen("the typed x") { $0.contains { $0.contains("Texte : 4x") } }
        #expect(screen.contains { $0.hasSuffix("Texte : 4x") })
        try tmux.press("C-u")
        try tmux.type("q")
        try expectRestored(tmux, dir)
        #expect((try? String(contentsOf: dir.appendingPathComponent("out.txt"), encoding: .utf8)) == "")
    }

    @Test("TERM=dumb gives a clear message and a non-zero status")
    func dumbTerminal() throws {
        let demo = try termdemoPath()
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var env = ProcessInfo.processInfo.environment
        env["TERM"] = "dumb"
        let result = try runProcess(demo, [dir.appendingPathComponent("out.txt").path], environment: env)
        #expect(result.status != 0)
        #expect(
            result.error == "palabre: this terminal (TERM=dumb) cannot show the screens; use a terminal such as "
                + "xterm-256color\n")
        #expect(result.output.isEmpty)

        // The same on a real terminal, inside tmux.
        let tmux = try TmuxSession(
            command: Self.command(demo: demo, directory: dir, prefix: "TERM=dumb "),
            width: 100, height: 10, directory: dir)
        let status = try waitForFile(dir.appendingPathComponent("status"))
        #expect(status == "EXIT=1\n")
        let screen = try tmux.screen()
        #expect(screen.contains { $0.contains("palabre: this terminal (TERM=dumb) cannot show the screens") })

        env.removeValue(forKey: "TERM")
        let unset = try runProcess(demo, [dir.appendingPathComponent("out.txt").path], environment: env)
        #expect(unset.status != 0)
        #expect(unset.error.hasPrefix("palabre: TERM is not set"))
    }
}
