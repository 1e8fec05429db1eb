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

    /// The message to print before exiting non-zero.
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

/// The terminal, opened with ncursesw: a `Backend` for `Renderer`, plus input reading.
/// The only place ncurses is called. One session at a time per process.
///
/// ncurses' own key translation (`keypad`) is off: what the terminal sends is decoded by
/// `KeyDecoder`, which reads whole escape sequences or drops them whole, so line noise and
/// unknown keys never turn into commands.
///
///     let session = try TerminalSession()          // prints nothing on failure: throws
///     defer { session.shutdown() }
///     if let notice = session.notice { show(notice) }
///     let renderer = Renderer(backend: session)
///     while TerminationSignals.pending() == nil {
///         renderer.render(screen(session.size))
///         for event in session.readInput(timeoutMilliseconds: 200) { … }   // [] on timeout
///     }
public final class TerminalSession: Backend {
    /// How the session is opened.
    public struct Options: Sendable {
        /// Watch SIGINT, SIGTERM and SIGHUP (see `TerminationSignals`).
        public var watchSignals = true
        /// Restore the terminal on a crash (SIGSEGV, SIGILL, SIGTRAP, SIGABRT, SIGBUS).
        public var restoreOnCrash = true
        /// Environment consulted for TERM and NO_COLOR.
        public var environment: [String: String] = ProcessInfo.processInfo.environment

        /// The defaults: 200 ms reads, signals watched, terminal restored on a crash.
        public init() {}
    }

    /// The colour form in use, from the terminal's colour count and NO_COLOR.
    public private(set) var colorForm: ColorForm
    /// Colours the terminal reports (0 without colour support).
    public let colorCount: Int
    /// Maps roles to styles. After changing it, call `Renderer.invalidate()`.
    public var theme: Theme
    /// The TERM the session was opened with (from the environment, even when
    /// `fallbackTerm` was used instead).
    public let term: String
    /// Something the user should be told about the terminal, in English (for instance that
    /// an unknown TERM was replaced by `fallbackTerm`); nil when all is well.
    public private(set) var notice: String?
    /// The TERM that had no terminfo entry here and was replaced by `fallbackTerm`, if any
    /// (for a notice in the session's language).
    public private(set) var replacedTerm: String?
    /// The terminal description used when TERM has no terminfo entry on this machine (a
    /// TERM set by a terminal on another machine, over SSH: xterm-kitty, alacritty).
    public static let fallbackTerm = "xterm-256color"
    /// Whether the terminal draws an emoji sequence (a skin tone 👩🏾, a joined 👩🏾‍🌾) as one
    /// picture two columns wide, as the grid counts it. Terminals that do not (tmux 3.3, xterm,
    /// VTE, the Linux console) draw each part — 👩🏾 takes 4 columns in tmux 3.3a — which would
    /// shift every later column: there a cell gets its base and combining marks only (👩).
    /// Known from TERM and TERM_PROGRAM (kitty, Ghostty, WezTerm, iTerm2); under tmux or
    /// screen, never, since they redraw the screen themselves.
    public let joinsEmojiSequences: Bool

    /// ``joinsEmojiSequences`` for an environment (TERM, TERM_PROGRAM).
    public static func joinsEmojiSequences(environment: [String: String]) -> Bool {
        let term = environment["TERM"] ?? ""
        if term.hasPrefix("tmux") || term.hasPrefix("screen") { return false }
        if term == "xterm-kitty" || term == "xterm-ghostty" || term == "wezterm" { return true }
        return ["WezTerm", "iTerm.app", "ghostty"].contains(environment["TERM_PROGRAM"] ?? "")
    }

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
    /// Whether the terminal has an alternate screen (terminfo smcup); without one the
    /// screen is cleared at shutdown.
    private let hasAlternateScreen: Bool
    /// Turns what the terminal sends into events.
    private var decoder = KeyDecoder()
    /// Whether `shutdown()` has run.
    private(set) public var isShutDown = false

    private struct PairKey: Hashable {
        var foreground: Int16
        var background: Int16
    }

    /// Opens the terminal on standard input and output.
    ///
    /// Throws `TerminalError` when TERM is missing or `dumb`, or when standard input or
    /// output is not a terminal; nothing has been changed on screen then. A TERM without a
    /// terminfo entry here is replaced by `fallbackTerm`, and `notice` says so.
    public convenience init(theme: Theme = .builtInDefault, options: Options = Options()) throws {
        try self.init(
            input: palabre_stdin(), output: palabre_stdout(), ownsFiles: false, theme: theme, options: options)
    }

    /// Opens the terminal on the given file descriptors (a pseudo-terminal in tests). The
    /// descriptors stay open after `shutdown()`.
    public convenience init(
        inputDescriptor: Int32, outputDescriptor: Int32, theme: Theme = .builtInDefault,
        options: Options = Options()
    ) throws {
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

    private init(
        input: UnsafeMutablePointer<FILE>, output: UnsafeMutablePointer<FILE>, ownsFiles: Bool,
        theme: Theme, options: Options
    ) throws {
        // 1. Check TERM before touching anything.
        guard let term = options.environment["TERM"], !term.isEmpty else { throw TerminalError.termNotSet }
        joinsEmojiSequences = Self.joinsEmojiSequences(environment: options.environment)
        if term == "dumb" { throw TerminalError.unsupportedTerminal(term: term) }
        let inputFD = fileno(input)
        let outputFD = fileno(output)
        guard isatty(inputFD) == 1, isatty(outputFD) == 1 else { throw TerminalError.notATerminal }

        // 2. A UTF-8 locale, or accents arrive garbled and wide characters misbehave.
        TerminalSession.setUpLocale()

        // 3. Save the shell's terminal modes for shutdown and for the crash handler, then watch
        //    the signals before any mode changes: a SIGTERM while the terminal is being set up
        //    is seen by the first read, and the terminal given back, never left raw.
        _ = palabre_save_termios(inputFD)
        if options.restoreOnCrash { palabre_install_crash_handlers(outputFD) }
        if options.watchSignals { TerminationSignals.install() }

        // 4. newterm (unlike initscr it returns NULL on a bad TERM); the real tty size wins
        //    over exported LINES/COLUMNS.
        palabre_prepare_sigwinch()
        use_env(true)
        use_tioctl(true)
        var notice: String?
        var opened = term.withCString { newterm($0, output, input) }
        if opened == nil {
            opened = Self.fallbackTerm.withCString { newterm($0, output, input) }
            if opened != nil {
                notice = "terminal type \(term) unknown here: using \(Self.fallbackTerm)"
            }
        }
        guard let screen = opened else {
            _ = palabre_restore_termios()
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
        self.notice = notice
        self.replacedTerm = notice == nil ? nil : term
        self.theme = theme
        self.hasAlternateScreen = palabre_has_alternate_screen() != 0

        // 5. Input modes and cursor.
        // raw rather than cbreak: no XON/XOFF (^S would freeze the screen), and ^C arrives as a key.
        raw()
        noecho()
        // nonl: a carriage return arrives as itself, so a pasted CR LF is one line break.
        nonl()
        // keypad off: escape sequences reach KeyDecoder untouched, in whichever keypad mode
        // the terminal is (normal `ESC [ A` or application `ESC O A`).
        keypad(window, false)
        // Bracketed paste: a pasted paragraph arrives between ESC[200~ and ESC[201~, so its
        // newlines can be told from Enter.
        fputs("\u{1B}[?2004h", output)
        fflush(output)
        curs_set(0)

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
    /// saved terminal modes. On a terminal without an alternate screen (vt100, linux) the
    /// screen is cleared and the cursor left at the top left, so the shell prompt comes
    /// back on a clean screen. Safe to call more than once.
    public func shutdown() {
        guard !isShutDown else { return }
        isShutDown = true
        palabre_disarm_crash_handlers()
        set_term(screen)
        fputs("\u{1B}[?2004l", outputFile)
        fflush(outputFile)
        curs_set(1)
        endwin()
        // endwin leaves the cursor on the last line, under the last screen drawn.
        if !hasAlternateScreen { _ = palabre_put_clear_screen(outputFile) }
        delscreen(screen)
        _ = palabre_restore_termios()
        fflush(outputFile)
        if ownsFiles {
            fclose(inputFile)
            fclose(outputFile)
        }
    }

    /// The signal that asked the program to stop (SIGINT, SIGTERM, SIGHUP), if any.
    public func pendingSignal() -> Int32? { TerminationSignals.pending() ?? (hungUp ? SIGHUP : nil) }

    /// Set once the terminal is gone (the SSH link or the terminal window closed without a
    /// SIGHUP reaching this process, as under `runuser` or `su`): reading it would fail at once,
    /// forever. ``pendingSignal()`` then reports SIGHUP and the seat quits as on a hangup.
    public private(set) var hungUp = false

    /// Whether the input descriptor reports a hangup or an error (`poll`, without waiting).
    private func inputIsGone() -> Bool {
        var p = pollfd(fd: fileno(inputFile), events: Int16(POLLIN), revents: 0)
        guard poll(&p, 1, 0) >= 0 else { return errno != EINTR }
        return p.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
    }

    // MARK: Input

    /// Waits up to `timeoutMilliseconds` (negative: forever) for input and returns every
    /// event decodable from what has arrived: keys, whole pastes, `.resize` (then `size`
    /// has changed: redraw everything). `[]` when the time passed with nothing complete.
    ///
    /// Once something has arrived it only takes what is already waiting (a whole paste
    /// written at once comes in one call) and returns. An escape sequence split by a slow
    /// link is completed by the next calls; a lone Esc comes out as `.escape` after
    /// `KeyDecoder.sequenceTimeoutMilliseconds`, in this call if the timeout allows.
    ///
    ///     for event in session.readInput(timeoutMilliseconds: 200) {
    ///         switch event {
    ///         case .key(let key): …
    ///         case .paste(let text): editor.insert(text)
    ///         case .resize: renderer.invalidate()
    ///         }
    ///     }
    public func readInput(timeoutMilliseconds: Int32) -> [InputEvent] {
        guard !isShutDown, !hungUp else { return [] }
        var events: [InputEvent] = []
        let start = Self.monotonicMilliseconds()
        let end: Int64? = timeoutMilliseconds < 0 ? nil : start + Int64(timeoutMilliseconds)
        // Once something has arrived, take only what is already waiting, for this long at most.
        let drainLimit: Int64 = 10
        var drainEnd: Int64?
        var firstRead = true
        while true {
            let now = Self.monotonicMilliseconds()
            events += decoder.expire(atMilliseconds: now)
            if !events.isEmpty, drainEnd == nil { drainEnd = now + drainLimit }
            let wait: Int64
            if let drainEnd {
                if now >= drainEnd { break }
                wait = 0
            } else {
                if !firstRead, let end, now >= end { break }
                // Until the caller's timeout or the decoder's deadline, whichever is sooner.
                let limit = [end, decoder.deadline].compactMap { $0 }.min()
                wait = limit.map { max(0, $0 - now) } ?? -1
            }
            firstRead = false
            wtimeout(window, Int32(clamping: wait))
            // Bytes, not wide characters: the decoder assembles UTF-8 itself, so an invalid byte
            // is dropped instead of holding back the keys after it.
            let result = wgetch(window)
            if result == ERR {
                if inputIsGone() {
                    hungUp = true
                    break
                }
                if drainEnd != nil { break }
                continue
            }
            if result == KEY_RESIZE {
                events.append(.resize)
                continue
            }
            guard (0...255).contains(result) else { continue }
            events += decoder.feedByte(UInt8(result), atMilliseconds: Self.monotonicMilliseconds())
        }
        return events
    }

    /// Milliseconds on the monotonic clock (not affected by changes of the wall clock).
    static func monotonicMilliseconds() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Int64(time.tv_sec) * 1000 + Int64(time.tv_nsec) / 1_000_000
    }

    // MARK: Backend

    /// The terminal's size in cells, as ncurses last saw it.
    public var size: Size {
        var rows: Int32 = 0
        var cols: Int32 = 0
        palabre_getmaxyx(window, &rows, &cols)
        return Size(width: Int(cols), height: Int(rows))
    }

    /// Puts changed cells in ncurses' screen (shown at the next `flush`); cells outside
    /// the screen are skipped.
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
            let (text, right) = terminalText(for: cell.character, width: width)
            put(text, x: change.x, y: change.y, attributes: attributes, pair: pair)
            if let right { put(right, x: change.x + 1, y: change.y, attributes: attributes, pair: pair) }
        }
    }

    /// Clears the whole screen at the next `flush`.
    public func clear() {
        guard !isShutDown else { return }
        wclear(window)
    }

    /// Where the cursor shows after the next `flush`; nil hides it.
    public func setCursor(_ position: Position?) {
        cursor = position
    }

    /// Sends what changed to the terminal and places the cursor.
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

    /// Puts one cell: `text` is a whole grapheme cluster (``terminalText(for:width:)``).
    /// `setcchar` keeps only the non-spacing code points after the first; the rest of the
    /// cluster (a skin tone, the emoji after a joiner) is stored in the cell's `chars` itself,
    /// which ncurses writes out in full.
    private func put(_ text: [wchar_t], x: Int, y: Int, attributes: attr_t, pair: Int16) {
        var cc = cchar_t()
        var chars = text
        chars.append(0)
        chars.withUnsafeBufferPointer { buffer in
            _ = setcchar(&cc, buffer.baseAddress, attributes, pair, nil)
        }
        withUnsafeMutableBytes(of: &cc.chars) { raw in
            let cells = raw.bindMemory(to: wchar_t.self)
            for (index, code) in text.enumerated() where index < cells.count { cells[index] = code }
        }
        _ = mvwadd_wch(window, Int32(y), Int32(x), &cc)
    }

    /// What to send for a cluster the grid gives `width` columns: the text of the cell, and
    /// of the next cell when a wide cluster is drawn as two narrow ones (`right`).
    ///
    /// ncurses measures a cell by its first code point (`wcwidth`). When that agrees with
    /// `width`, the whole cluster goes into the cell — base, combining marks, skin tones,
    /// joiners and the emoji they join — as long as it fits CCHARW_MAX code points (on a
    /// terminal that draws emoji sequences apart, the base and its combining marks, see
    /// ``joinsEmojiSequences``). Otherwise a
    /// placeholder of the right width, so the columns after it stay where the grid put them:
    /// a flag (two regional indicators, which ncurses counts as one column) becomes its two
    /// letters (🇲🇱 → `ML`); an emoji ncurses thinks is narrow (☀ + U+FE0F) is sent as its
    /// base and a space; a cluster longer than CCHARW_MAX or one ncurses cannot show becomes
    /// U+FFFD (and a space in a wide cell).
    func terminalText(for character: Character, width: Int) -> (text: [wchar_t], right: [wchar_t]?) {
        Self.cellText(
            for: character, width: width, limit: Int(palabre_CCHARW_MAX()), joins: joinsEmojiSequences
        ) { Int(wcwidth($0)) }
    }

    /// ``terminalText(for:width:)`` with ncurses' limit and width function given: `limit` code
    /// points per cell, `columns` the columns ncurses gives a code point, `joins` whether the
    /// terminal joins emoji sequences (``joinsEmojiSequences``).
    static func cellText(
        for character: Character, width: Int, limit: Int, joins: Bool, columns: (wchar_t) -> Int
    ) -> (text: [wchar_t], right: [wchar_t]?) {
        let space: [wchar_t] = [0x20]
        var scalars = character.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
        if !joins, let end = scalars.dropFirst().firstIndex(where: { $0 == 0x200D || columns($0) != 0 }) {
            // The base and its combining marks: what such a terminal draws in the base's width.
            scalars.removeSubrange(end...)
        }
        guard let base = scalars.first else { return (space, width == 2 ? space : nil) }
        let baseWidth = columns(base)
        let placeholder: [wchar_t] = [0xFFFD]
        if baseWidth == width {
            return scalars.count <= limit ? (scalars, nil) : (placeholder, width == 2 ? space : nil)
        }
        if baseWidth == 1 && width == 2 {
            let indicators = character.unicodeScalars.filter { (0x1F1E6...0x1F1FF).contains($0.value) }
            if indicators.count == 2 {
                let letters = indicators.map { wchar_t(bitPattern: $0.value - 0x1F1E6 + 0x41) }
                return ([letters[0]], [letters[1]])
            }
            return ([base], space)
        }
        return (placeholder, width == 2 ? space : nil)
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
        let key = PairKey(
            foreground: colorNumber(foreground, isForeground: true),
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

extension TerminalSession: ConsoleTerminal {
    /// Rings the terminal's bell with ncurses' `beep()` (a flash where the terminal has no bell).
    public func ring() { _ = beep() }
}
