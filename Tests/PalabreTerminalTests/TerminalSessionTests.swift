import Foundation
import Glibc
import PalabreUI
import Testing

@testable import PalabreTerminal

/// A pseudo-terminal pair: the session runs on the slave side, the test plays the
/// terminal on the master side.
final class PseudoTerminal {
    let master: Int32
    let slave: Int32

    init(width: Int, height: Int) throws {
        var master: Int32 = -1
        var slave: Int32 = -1
        var size = winsize(ws_row: UInt16(height), ws_col: UInt16(width), ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&master, &slave, nil, nil, &size) == 0 else {
            throw POSIXError(.init(rawValue: errno) ?? .EIO)
        }
        self.master = master
        self.slave = slave
        let flags = fcntl(master, F_GETFL)
        _ = fcntl(master, F_SETFL, flags | O_NONBLOCK)
    }

    deinit {
        close(master)
        close(slave)
    }

    /// Types bytes as if on the keyboard.
    func type(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    }

    /// Everything the session has written so far.
    func drain() -> [UInt8] {
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = read(master, &buffer, buffer.count)
            if n <= 0 { break }
            out += buffer[0..<n]
        }
        return out
    }

    /// The local modes (ICANON, ECHO…) of the slave side.
    func localModes() -> tcflag_t {
        var t = termios()
        tcgetattr(slave, &t)
        return t.c_lflag
    }
}

func sessionOptions(_ environment: [String: String] = ["TERM": "xterm-256color"]) -> TerminalSession.Options {
    var options = TerminalSession.Options()
    options.environment = environment
    options.watchSignals = false
    options.restoreOnCrash = false
    return options
}

/// ncurses is process-global: these tests run one at a time.
@Suite("Terminal session on a pseudo-terminal", .serialized)
struct TerminalSessionTests {
    @Test("Opens at the pty's size with 256 colours and draws wide text")
    func openAndDraw() throws {
        let pty = try PseudoTerminal(width: 80, height: 24)
        let before = pty.localModes()
        #expect(before & tcflag_t(ICANON) != 0)
        let session = try TerminalSession(
            inputDescriptor: pty.slave, outputDescriptor: pty.slave, options: sessionOptions())
        defer { session.shutdown() }
        #expect(session.size == Size(width: 80, height: 24))
        #expect(session.colorForm == .colors256)
        #expect(pty.localModes() & tcflag_t(ICANON) == 0)
        #expect(pty.localModes() & tcflag_t(ECHO) == 0)

        let renderer = Renderer(backend: session)
        var grid = Grid(size: session.size)
        grid.put(x: 0, y: 0, text: "Été œ中 « guillemets »", role: .title)
        grid.put(x: 0, y: 1, text: "a\u{1B}[2Jb", role: .bannerError)
        renderer.render(grid)
        let output = String(decoding: pty.drain(), as: UTF8.self)
        #expect(output.contains("Été œ中 « guillemets »"))
        #expect(output.contains("a␛[2Jb"))
        #expect(!output.contains("a\u{1B}[2Jb"))

        // Only the changed cell goes out the second time.
        grid.put(x: 0, y: 0, text: "É")
        renderer.render(grid)
        #expect(renderer.lastChangeCount == 1)
        let second = pty.drain()
        #expect(second.count < 40, "\(second.count) bytes for one cell")
    }

    @Test("Keys arrive as Key values: UTF-8, arrows, function keys, Backspace, lone Esc")
    func keys() throws {
        let pty = try PseudoTerminal(width: 80, height: 24)
        let session = try TerminalSession(
            inputDescriptor: pty.slave, outputDescriptor: pty.slave, options: sessionOptions())
        defer { session.shutdown() }
        _ = pty.drain()
        #expect(session.readInput(timeoutMilliseconds: 50).isEmpty)  // timeout

        var waiting: [InputEvent] = []
        func next() -> Key? {
            for _ in 0..<40 where waiting.isEmpty { waiting = session.readInput(timeoutMilliseconds: 50) }
            guard !waiting.isEmpty, case .key(let key) = waiting.removeFirst() else { return nil }
            return key
        }
        pty.type("é")
        #expect(next() == .char("é"))
        pty.type("中")
        #expect(next() == .char("中"))
        pty.type("\u{1B}OA")  // keypad (application) mode up arrow
        #expect(next() == .up)
        pty.type("\u{1B}OQ")
        #expect(next() == .function(2))
        pty.type("\u{7F}")
        #expect(next() == .backspace)
        pty.type("\u{17}")
        #expect(next() == .ctrl("w"))
        pty.type("\r")
        #expect(next() == .enter)
        let start = ContinuousClock.now
        pty.type("\u{1B}")
        #expect(next() == .escape)
        #expect(ContinuousClock.now - start < .milliseconds(300))  // the decoder's 220 ms, not ncurses' Esc delay
    }

    @Test("Shutdown restores the modes and can be called twice")
    func shutdown() throws {
        let pty = try PseudoTerminal(width: 40, height: 12)
        let before = pty.localModes()
        let session = try TerminalSession(
            inputDescriptor: pty.slave, outputDescriptor: pty.slave, options: sessionOptions())
        #expect(pty.localModes() != before)
        session.shutdown()
        #expect(pty.localModes() == before)
        session.shutdown()
        #expect(session.isShutDown)
        #expect(pty.localModes() == before)
        #expect(session.readInput(timeoutMilliseconds: 50).isEmpty)
    }

    @Test("NO_COLOR gives the monochrome form")
    func noColor() throws {
        let pty = try PseudoTerminal(width: 40, height: 12)
        let session = try TerminalSession(
            inputDescriptor: pty.slave, outputDescriptor: pty.slave,
            options: sessionOptions(["TERM": "xterm-256color", "NO_COLOR": "1"]))
        defer { session.shutdown() }
        #expect(session.colorForm == .mono)
    }

    @Test("Unusable terminals give a clear error and leave the terminal alone")
    func errors() throws {
        let pty = try PseudoTerminal(width: 40, height: 12)
        let before = pty.localModes()
        #expect(throws: TerminalError.unsupportedTerminal(term: "dumb")) {
            try TerminalSession(
                inputDescriptor: pty.slave, outputDescriptor: pty.slave, options: sessionOptions(["TERM": "dumb"]))
        }
        #expect(throws: TerminalError.termNotSet) {
            try TerminalSession(inputDescriptor: pty.slave, outputDescriptor: pty.slave, options: sessionOptions([:]))
        }
        var pipeEnds: [Int32] = [0, 0]
        #expect(pipe(&pipeEnds) == 0)
        defer { close(pipeEnds[0]); close(pipeEnds[1]) }
        #expect(throws: TerminalError.notATerminal) {
            try TerminalSession(inputDescriptor: pipeEnds[0], outputDescriptor: pipeEnds[1], options: sessionOptions())
        }
        #expect(pty.localModes() == before)
        #expect(pty.drain().isEmpty)
        #expect(
            TerminalError.unsupportedTerminal(term: "dumb").description
                == "palabre: this terminal (TERM=dumb) cannot show the screens; use a terminal such as xterm-256color")
    }

    /// The events of the first `readInput` call that returns some (2 s at most).
    func nextEvents(_ session: TerminalSession) -> [InputEvent] {
        for _ in 0..<40 {
            let events = session.readInput(timeoutMilliseconds: 50)
            if !events.isEmpty { return events }
        }
        return []
    }

    @Test("Escape sequences are decoded whole: keypad digits, modified keys dropped, split sequences")
    func sequences() throws {
        let pty = try PseudoTerminal(width: 80, height: 24)
        let session = try TerminalSession(
            inputDescriptor: pty.slave, outputDescriptor: pty.slave,
            options: sessionOptions(["TERM": "screen"]))
        defer { session.shutdown() }
        _ = pty.drain()
        #expect(session.readInput(timeoutMilliseconds: 20) == [])

        pty.type("\u{1B}Ot")  // application keypad 4 (TERM=screen)
        #expect(nextEvents(session) == [.key(.char("4"))])

        pty.type("\u{1B}[1;8P\u{1B}[1;2F\u{1B}[1;2F")  // modified keys no table knows
        #expect(session.readInput(timeoutMilliseconds: 400) == [])
        pty.type("x")
        #expect(nextEvents(session) == [.key(.char("x"))])

        // Split by a slow link: ESC, 30 ms, OP.
        pty.type("\u{1B}")
        #expect(session.readInput(timeoutMilliseconds: 5) == [])
        usleep(30_000)
        pty.type("OP")
        #expect(nextEvents(session) == [.key(.function(1))])

        // Normal and application cursor keys, vt220 function keys, all in one read.
        pty.type("\u{1B}[A\u{1B}OB\u{1B}[15~\u{1B}[24~")
        #expect(nextEvents(session) == [.key(.up), .key(.down), .key(.function(5)), .key(.function(12))])
    }

    @Test("A lone Esc arrives within 250 ms")
    func loneEscape() throws {
        let pty = try PseudoTerminal(width: 80, height: 24)
        let session = try TerminalSession(
            inputDescriptor: pty.slave, outputDescriptor: pty.slave, options: sessionOptions())
        defer { session.shutdown() }
        _ = pty.drain()
        let start = ContinuousClock.now
        pty.type("\u{1B}")
        #expect(session.readInput(timeoutMilliseconds: 1000) == [.key(.escape)])
        let elapsed = ContinuousClock.now - start
        #expect(elapsed >= .milliseconds(200) && elapsed < .milliseconds(250), "\(elapsed)")
    }

    @Test("A bracketed paste is one event, whatever its content")
    func paste() throws {
        let pty = try PseudoTerminal(width: 80, height: 24)
        let session = try TerminalSession(
            inputDescriptor: pty.slave, outputDescriptor: pty.slave, options: sessionOptions())
        defer { session.shutdown() }
        #expect(String(decoding: pty.drain(), as: UTF8.self).contains("\u{1B}[?2004h"))
        pty.type("a\u{1B}[200~r q\r\nÉté\t\u{1B}[31mF F\u{1B}[201~b")
        #expect(nextEvents(session) == [.key(.char("a")), .paste("r q Été F F"), .key(.char("b"))])

        pty.type("\u{1B}[200~q\u{1B}[201~\r")
        #expect(nextEvents(session) == [.paste("q"), .key(.enter)])
        #expect(session.readInput(timeoutMilliseconds: 50).isEmpty)
        session.shutdown()
        #expect(String(decoding: pty.drain(), as: UTF8.self).contains("\u{1B}[?2004l"))
    }

    @Test("A window size change gives .resize and the new size")
    func resize() throws {
        let pty = try PseudoTerminal(width: 80, height: 24)
        let session = try TerminalSession(
            inputDescriptor: pty.slave, outputDescriptor: pty.slave, options: sessionOptions())
        defer { session.shutdown() }
        #expect(session.readInput(timeoutMilliseconds: 10) == [])
        var size = winsize(ws_row: 12, ws_col: 50, ws_xpixel: 0, ws_ypixel: 0)
        #expect(ioctl(pty.master, UInt(TIOCSWINSZ), &size) == 0)
        // The pty is not this process's controlling terminal: the kernel tells nobody.
        raise(SIGWINCH)
        #expect(nextEvents(session) == [.resize])
        #expect(session.size == Size(width: 50, height: 12))
    }

    @Test("A TERM without a terminfo entry here falls back to xterm-256color with a notice")
    func unknownTerm() throws {
        let term = termWithoutTerminfo()
        let pty = try PseudoTerminal(width: 80, height: 24)
        let session = try TerminalSession(
            inputDescriptor: pty.slave, outputDescriptor: pty.slave,
            options: sessionOptions(["TERM": term]))
        defer { session.shutdown() }
        #expect(session.notice == "terminal type \(term) unknown here: using xterm-256color")
        #expect(session.term == term)
        #expect(session.colorForm == .colors256)
        pty.type("\u{1B}OA")
        #expect(nextEvents(session) == [.key(.up)])

        let known = try TerminalSession(
            inputDescriptor: pty.slave, outputDescriptor: pty.slave, options: sessionOptions())
        #expect(known.notice == nil)
        known.shutdown()
    }

    @Test("Without an alternate screen (vt100), shutdown clears the screen and homes the cursor")
    func noAlternateScreen() throws {
        let pty = try PseudoTerminal(width: 80, height: 24)
        let session = try TerminalSession(
            inputDescriptor: pty.slave, outputDescriptor: pty.slave,
            options: sessionOptions(["TERM": "vt100"]))
        let renderer = Renderer(backend: session)
        var grid = Grid(size: session.size)
        grid.put(x: 0, y: 5, text: "Ordre du jour")
        renderer.render(grid)
        _ = pty.drain()
        pty.type("\u{1B}OP\u{1B}OS")  // vt100 PF1, PF4
        #expect(nextEvents(session) == [.key(.function(1)), .key(.function(4))])
        session.shutdown()
        let output = String(decoding: pty.drain().filter { $0 != 0 }, as: UTF8.self)
        #expect(output.hasSuffix("\u{1B}[H\u{1B}[J"), "\(output.debugDescription)")

        // With an alternate screen, no clearing: the shell's screen comes back by itself.
        let xterm = try TerminalSession(
            inputDescriptor: pty.slave, outputDescriptor: pty.slave, options: sessionOptions())
        _ = pty.drain()
        xterm.shutdown()
        #expect(!String(decoding: pty.drain(), as: UTF8.self).contains("\u{1B}[H\u{1B}[J"))
    }

    @Test("Clusters are sent as ncurses can show them")
    func terminalText() throws {
        let pty = try PseudoTerminal(width: 40, height: 12)
        let session = try TerminalSession(
            inputDescriptor: pty.slave, outputDescriptor: pty.slave, options: sessionOptions())
        defer { session.shutdown() }
        #expect(!session.joinsEmojiSequences)
        func codes(_ s: String, _ width: Int) -> [[UInt32]] {
            let (text, right) = session.terminalText(for: Character(s), width: width)
            return [text.map { UInt32(bitPattern: $0) }] + (right.map { [$0.map { UInt32(bitPattern: $0) }] } ?? [])
        }
        #expect(codes("中", 2) == [[0x4E2D]])
        #expect(codes("e\u{0301}", 1) == [[0x65, 0x301]])
        #expect(codes("é", 1) == [[0xE9]])
        #expect(codes("☀\u{FE0F}", 2) == [[0x2600], [0x20]])
        // A flag, which ncurses counts one column, is shown as its two letters.
        #expect(codes("🇲🇱", 2) == [[0x4D], [0x4C]], "🇲🇱 is ML, never half a flag")
        // A terminal that draws emoji sequences apart gets the base, the width the grid gave.
        #expect(codes("👩🏾\u{200D}🌾", 2) == [[0x1F469]])
        #expect(codes("👨\u{200D}👩\u{200D}👧\u{200D}👦", 2) == [[0x1F468]])
    }

    @Test("Whole clusters go to setcchar up to CCHARW_MAX, else a placeholder of the cell's width")
    func cellText() {
        // ncurses' view of widths, as glibc gives them.
        func columns(_ c: wchar_t) -> Int {
            switch UInt32(bitPattern: c) {
            case 0x300...0x36F, 0x200D, 0xFE0F: return 0
            case 0x1F1E6...0x1F1FF, 0x2600: return 1
            case 0x1F300...0x1FAFF, 0x4E00...0x9FFF: return 2
            default: return 1
            }
        }
        func codes(_ s: String, _ width: Int, joins: Bool = true) -> [[UInt32]] {
            let (text, right) = TerminalSession.cellText(
                for: Character(s), width: width, limit: 5, joins: joins, columns: columns)
            return [text.map { UInt32(bitPattern: $0) }] + (right.map { [$0.map { UInt32(bitPattern: $0) }] } ?? [])
        }
        #expect(codes("👩🏾\u{200D}🌾", 2) == [[0x1F469, 0x1F3FE, 0x200D, 0x1F33E]], "the farmer whole, skin tone kept")
        #expect(codes("👍🏽", 2) == [[0x1F44D, 0x1F3FD]])
        #expect(codes("e\u{0301}\u{0323}", 1) == [[0x65, 0x301, 0x323]])
        // Seven code points do not fit CCHARW_MAX (5): a placeholder two columns wide.
        #expect(codes("👨\u{200D}👩\u{200D}👧\u{200D}👦", 2) == [[0xFFFD], [0x20]])
        #expect(codes("e\u{301}\u{302}\u{303}\u{304}\u{305}", 1) == [[0xFFFD]])
        #expect(codes("🇲🇱", 2) == [[0x4D], [0x4C]])
        #expect(codes("👩🏾\u{200D}🌾", 2, joins: false) == [[0x1F469]])
        #expect(codes("e\u{0301}", 1, joins: false) == [[0x65, 0x301]])
    }

    @Test("Terminals that draw emoji sequences as one picture are known from TERM and TERM_PROGRAM")
    func joiningTerminals() {
        #expect(TerminalSession.joinsEmojiSequences(environment: ["TERM": "xterm-kitty"]))
        #expect(
            TerminalSession.joinsEmojiSequences(environment: ["TERM": "xterm-256color", "TERM_PROGRAM": "WezTerm"]))
        #expect(!TerminalSession.joinsEmojiSequences(environment: ["TERM": "xterm-256color"]))
        #expect(
            !TerminalSession.joinsEmojiSequences(environment: ["TERM": "tmux-256color", "TERM_PROGRAM": "WezTerm"]))
        #expect(!TerminalSession.joinsEmojiSequences(environment: ["TERM": "screen", "TERM_PROGRAM": "iTerm.app"]))
    }
}

/// A TERM with no terminfo entry on this machine: xterm-kitty when it has none (the usual
/// case for a terminal reached over SSH), else a made-up name.
func termWithoutTerminfo() -> String {
    let dirs = ["/usr/share/terminfo", "/lib/terminfo", "/etc/terminfo", "/usr/lib/terminfo"]
    let known =
        dirs.contains { FileManager.default.fileExists(atPath: $0 + "/x/xterm-kitty") }
        || FileManager.default.fileExists(atPath: NSHomeDirectory() + "/.terminfo/x/xterm-kitty")
    return known ? "palabre-unknown-term" : "xterm-kitty"
}
