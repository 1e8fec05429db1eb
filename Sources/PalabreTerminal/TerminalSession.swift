import CNcursesw
import Foundation
import PalabreUI

/// Why the terminal could not be opened. `description` is the message to print before
/// exiting non-zero.
public enum TerminalError: Error, Equatable, CustomStringConvertible {
    /// TERM is missing or empty.
    case termNotSet
    /// The terminal cannot address the cursor (TERM=dumb, hardcopy terminals).
    case unsupportedTerminal(term: String)
    /// ncurses does not know this TERM (no terminfo entry): `newterm` returned NULL.
    case unknownTerminal(term: String)
    /// Standard input or output is not a terminal (redirected or piped).
    case notATerminal

    public var description: String {
        switch self {
        case .termNotSet:
            return "palabre: TERM is not set, so the screens cannot be shown; "
                + "run palabre in a terminal such as xterm-256color (or set TERM=xterm-256color)"
        case .unsupportedTerminal(let term):
            return "palabre: this terminal (TERM=\(term)) cannot show the screens; "
                + "use a terminal such as xterm-256color"
        case .unknownTerminal(let term):
            return "palabre: unknown terminal type (TERM=\(term)): no terminfo description; "
                + "use a terminal such as xterm-256color, or install its description"
        case .notATerminal:
            return "palabre: the screens need a terminal, but the standard input or output "
                + "is redirected; run palabre directly in a terminal"
        }
    }
}

/// The terminal, opened with ncursesw: a `Backend` for `Renderer`, plus key reading.
/// The only place ncurses is called. One session at a time per process.
///
///     let session = try TerminalSession()          // prints nothing on failure: throws
///     defer { session.shutdown() }
///     let renderer = Renderer(backend: session)
///     while TerminationSignals.pending() == nil {
///         renderer.render(screen(session.size))
///         if let key = session.readKey() { … }    // nil after the read timeout
///     }
public final class TerminalSession: Backend {
    public struct Options: Sendable {
        /// How long `readKey` waits for a key before returning nil, so the loop can
        /// refresh timers; negative waits forever.
        public var readTimeoutMilliseconds: Int32 = 200
        /// How long a lone Esc waits for the rest of an escape sequence.
        public var escapeDelayMilliseconds: Int32 = 25
        /// Watch SIGINT, SIGTERM and SIGHUP (see `TerminationSignals`).
        public var watchSignals = true
        /// Restore the terminal on a crash (SIGSEGV, SIGILL, SIGTRAP, SIGABRT, SIGBUS).
        public var restoreOnCrash = true
        /// Environment consulted for TERM and NO_COLOR.
        public var environment: [String: String] = ProcessInfo.processInfo.environment

        public init() {}
    }

    /// The colour form in use, from the terminal's colour count and NO_COLOR.
    public private(set) var colorForm: ColorForm
    /// Colours the terminal reports (0 without colour support).
    public let colorCount: Int
    /// Maps roles to styles. After changing it, call `Renderer.invalidate()`.
    public var theme: Theme
    /// The TERM the session was opened with.
    public let term: String

    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private let inputFile: UnsafeMutablePointer<FILE>
    private let outputFile: UnsafeMutablePointer<FILE>
    private let ownsFiles: Bool
    private var defaultColors: Bool
    private var pairs: [PairKey: Int16] = [:]
    private var nextPair: Int32 = 1
    private var cursor: Position?
    private var cursorVisible = false
    private(set) public var isShutDown = false

    private struct PairKey: Hashable {
        var foreground: Int16
        var background: Int16
    }

    /// Opens the terminal on standard input and output.
    ///
    /// Throws `TerminalError` when TERM is missing, `dumb` or unknown, or when standard
    /// input or output is not a terminal; nothing has been changed on screen then.
    public convenience init(theme: Theme = .builtInDefault, options: Options = Options()) throws {
        try self.init(input: palabre_stdin(), output: palabre_stdout(), ownsFiles: false, theme: theme, options: options)
    }

    /// Opens the terminal on the given file descriptors (a pseudo-terminal in tests). The
    /// descriptors stay open after `shutdown()`.
    public convenience init(inputDescriptor: Int32, outputDescriptor: Int32, theme: Theme = .builtInDefault,
                            options: Options = Options()) throws
    {
        guard let input = fdopen(dup(inputDescriptor), "r"), let output = fdopen(dup(outputDescriptor), "w") else {
            throw TerminalError.notATerminal
        }
        do {
            try self.init(input: input, output: output, ownsFiles: true, theme: theme, options: options)
        } catch {
            fclose(input)
            fclose(output)
            throw error
        }
    }

    private init(input: UnsafeMutablePointer<FILE>, output: UnsafeMutablePointer<FILE>, ownsFiles: Bool,
                 theme: Theme, options: Options) throws
    {
        // 1. Check TERM before touching anything.
        guard let term = options.environment["TERM"], !term.isEmpty else { throw TerminalError.termNotSet }
        if term == "dumb" { throw TerminalError.unsupportedTerminal(term: term) }
        let inputFD = fileno(input)
        let outputFD = fileno(output)
        guard isatty(inputFD) == 1, isatty(outputFD) == 1 else { throw TerminalError.notATerminal }

        // 2. A UTF-8 locale, or accents arrive garbled and wide characters misbehave.
        TerminalSession.setUpLocale()

        // 3. Save the shell's terminal modes for shutdown and for the crash handler.
        _ = palabre_save_termios(inputFD)

        // 4. newterm (unlike initscr it returns NULL on a bad TERM); the real tty size wins
        //    over exported LINES/COLUMNS.
        palabre_prepare_sigwinch()
        use_env(true)
        use_tioctl(true)
        guard let screen = term.withCString({ newterm($0, output, input) }) else {
            throw TerminalError.unknownTerminal(term: term)
        }
        set_term(screen)
        guard palabre_can_address_cursor() != 0, let window = palabre_stdscr() else {
            endwin()
            delscreen(screen)
            _ = palabre_restore_termios()
            throw TerminalError.unsupportedTerminal(term: term)
        }
        self.screen = screen
        self.window = window
        self.inputFile = input
        self.outputFile = output
        self.ownsFiles = ownsFiles
        self.term = term
        self.theme = theme

        // 5. Input modes, cursor, Esc delay, read timeout.
        // raw rather than cbreak: no XON/XOFF (^S would freeze the screen), and ^C arrives as a key.
        raw()
        noecho()
        keypad(window, true)
        // Bracketed paste: a pasted paragraph arrives between ESC[200~ and ESC[201~, so its
        // newlines can be told from Enter.
        define_key("\u{1B}[200~", Self.pasteStartCode)
        define_key("\u{1B}[201~", Self.pasteEndCode)
        fputs("\u{1B}[?2004h", output)
        fflush(output)
        curs_set(0)
        set_escdelay(options.escapeDelayMilliseconds)
        wtimeout(window, options.readTimeoutMilliseconds)

        // 6. Colours.
        if has_colors() {
            start_color()
            defaultColors = use_default_colors() == OK
            colorCount = Int(palabre_COLORS())
        } else {
            defaultColors = false
            colorCount = 0
        }
        colorForm = ColorForm.select(colors: colorCount, environment: options.environment)

        // 7. Signals and crash restore.
        if options.restoreOnCrash { palabre_install_crash_handlers(outputFD) }
        if options.watchSignals { TerminationSignals.install() }
    }

    deinit { shutdown() }

    /// `setlocale(LC_ALL, "")`, then C.UTF-8 for characters if the codeset is not UTF-8.
    static func setUpLocale() {
        setlocale(LC_ALL, "")
        if !codesetIsUTF8() {
            if setlocale(LC_CTYPE, "C.UTF-8") == nil { setlocale(LC_CTYPE, "en_US.UTF-8") }
        }
    }

    static func codesetIsUTF8() -> Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }

    /// Leaves the screen and gives the terminal back as it was: endwin, delscreen, the
    /// saved terminal modes. Safe to call more than once.
    public func shutdown() {
        guard !isShutDown else { return }
        isShutDown = true
        palabre_disarm_crash_handlers()
        set_term(screen)
        fputs("\u{1B}[?2004l", outputFile)
        fflush(outputFile)
        curs_set(1)
        endwin()
        delscreen(screen)
        _ = palabre_restore_termios()
        fflush(outputFile)
        if ownsFiles {
            fclose(inputFile)
            fclose(outputFile)
        }
    }

    /// The signal that asked the program to stop (SIGINT, SIGTERM, SIGHUP), if any.
    public func pendingSignal() -> Int32? { TerminationSignals.pending() }

    /// Changes how long `readKey` waits (milliseconds; negative: forever).
    public func setReadTimeout(milliseconds: Int32) {
        wtimeout(window, milliseconds)
    }

    // MARK: Keys

    /// The next key, or nil when the read timeout passed first (or the key is one palabre
    /// does not use). `.resize` means `size` has changed: redraw everything.
    public func readKey() -> Key? {
        guard !isShutDown else { return nil }
        while true {
            var character: wint_t = 0
            let result = wget_wch(window, &character)
            if result == ERR { return nil }
            if result == KEY_CODE_YES {
                let code = Int32(bitPattern: character)
                if code == Self.pasteStartCode { pasting = true; continue }
                if code == Self.pasteEndCode { pasting = false; continue }
                return KeyDecoding.key(forKeyCode: code)
            }
            // Inside a paste, line breaks and tabs are text: they become spaces; an escape
            // character (colour codes copied from a terminal) is dropped.
            if pasting, [9, 10, 13].contains(UInt32(character)) { return .char(" ") }
            if pasting, character == 27 { continue }
            return KeyDecoding.key(forCharacter: UInt32(character))
        }
    }

    /// Key codes given to the bracketed-paste markers (above ncurses' own codes).
    static let pasteStartCode = KEY_MAX + 1
    static let pasteEndCode = KEY_MAX + 2
    /// Whether the keys being read come from a paste.
    private var pasting = false

    // MARK: Backend

    public var size: Size {
        var rows: Int32 = 0
        var cols: Int32 = 0
        palabre_getmaxyx(window, &rows, &cols)
        return Size(width: Int(cols), height: Int(rows))
    }

    public func draw(_ changes: [CellChange]) {
        guard !isShutDown else { return }
        let current = size
        for change in changes where !change.cell.isContinuation {
            let cell = change.cell
            let width = cell.width
            guard change.x >= 0, change.y >= 0, change.x + width <= current.width, change.y < current.height else {
                continue
            }
            let (attributes, pair) = look(for: cell.role)
            let (text, padRight) = terminalText(for: cell.character, width: width)
            put(text, x: change.x, y: change.y, attributes: attributes, pair: pair)
            if padRight { put([0x20], x: change.x + 1, y: change.y, attributes: attributes, pair: pair) }
        }
    }

    public func clear() {
        guard !isShutDown else { return }
        wclear(window)
    }

    public func setCursor(_ position: Position?) {
        cursor = position
    }

    public func flush() {
        guard !isShutDown else { return }
        if let cursor {
            if !cursorVisible { curs_set(1); cursorVisible = true }
            wmove(window, Int32(cursor.y), Int32(cursor.x))
        } else if cursorVisible {
            curs_set(0)
            cursorVisible = false
        }
        wrefresh(window)
    }

    // MARK: Drawing details

    private func put(_ text: [wchar_t], x: Int, y: Int, attributes: attr_t, pair: Int16) {
        var cc = cchar_t()
        var chars = text
        chars.append(0)
        chars.withUnsafeBufferPointer { buffer in
            _ = setcchar(&cc, buffer.baseAddress, attributes, pair, nil)
        }
        _ = mvwadd_wch(window, Int32(y), Int32(x), &cc)
    }

    /// What to send for a cluster the grid gives `width` columns, as ncurses sees widths
    /// (`wcwidth`): the base character and the combining characters ncurses can store in
    /// one cell (up to CCHARW_MAX). A ZWJ sequence keeps its first emoji; a character
    /// ncurses thinks is narrow in a wide cell gets a space after it (`padRight`); one it
    /// cannot show becomes U+FFFD.
    func terminalText(for character: Character, width: Int) -> (text: [wchar_t], padRight: Bool) {
        let scalars = Array(character.unicodeScalars)
        guard let first = scalars.first else { return ([0x20], width == 2) }
        let base = wchar_t(bitPattern: first.value)
        let baseWidth = Int(wcwidth(base))
        if baseWidth == width {
            var text = [base]
            let limit = Int(palabre_CCHARW_MAX())
            for scalar in scalars.dropFirst() {
                if scalar.value == 0x200D || text.count >= limit { break }
                let w = wchar_t(bitPattern: scalar.value)
                if wcwidth(w) != 0 { break }
                text.append(w)
            }
            return (text, false)
        }
        if baseWidth == 1 && width == 2 { return ([base], true) }
        return ([0xFFFD], width == 2)
    }

    /// ncurses attributes and colour pair for a role in the current theme and form.
    private func look(for role: Role) -> (attr_t, Int16) {
        let style = theme.style(for: role, in: colorForm)
        var attributes = palabre_A_NORMAL()
        if style.attributes.contains(.bold) { attributes |= palabre_A_BOLD() }
        if style.attributes.contains(.underline) { attributes |= palabre_A_UNDERLINE() }
        if style.attributes.contains(.reverse) { attributes |= palabre_A_REVERSE() }
        if style.attributes.contains(.dim) { attributes |= palabre_A_DIM() }
        if style.attributes.contains(.italic) { attributes |= palabre_A_ITALIC() }
        guard colorForm != .mono else { return (attributes, 0) }
        return (attributes, pair(foreground: style.foreground, background: style.background))
    }

    /// The colour pair for (fg, bg), allocated on first use; pair 0 (the terminal's
    /// defaults) when both are default or pairs run out.
    private func pair(foreground: Color, background: Color) -> Int16 {
        let key = PairKey(foreground: colorNumber(foreground, isForeground: true),
                          background: colorNumber(background, isForeground: false))
        if key.foreground == -1 && key.background == -1 { return 0 }
        if let existing = pairs[key] { return existing }
        guard nextPair < min(palabre_COLOR_PAIRS(), Int32(Int16.max)) else { return 0 }
        let number = Int16(nextPair)
        guard init_pair(number, key.foreground, key.background) == OK else { return 0 }
        nextPair += 1
        pairs[key] = number
        return number
    }

    private func colorNumber(_ color: Color, isForeground: Bool) -> Int16 {
        switch color {
        case .default:
            return defaultColors ? -1 : (isForeground ? Int16(COLOR_WHITE) : Int16(COLOR_BLACK))
        case .index(let i):
            if Int(i) < colorCount { return Int16(i) }
            if i < 16 && colorCount >= 8 { return Int16(i % 8) }
            return defaultColors ? -1 : (isForeground ? Int16(COLOR_WHITE) : Int16(COLOR_BLACK))
        }
    }
}
