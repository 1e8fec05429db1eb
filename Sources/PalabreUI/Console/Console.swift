import Foundation
import PalabreCore

/// What a screen needs to draw or handle a key: the session state, the time, the words.
public struct ScreenContext: Sendable {
    /// State folded from the journal.
    public let state: SessionState
    /// The current instant (system clock live, replay clock in replay).
    public let now: Instant
    /// Words in the session's language.
    public let labels: Labels
    /// Whether this seat may only look (projector, replay).
    public let readOnly: Bool

    /// Creates a context.
    public init(state: SessionState, now: Instant, labels: Labels, readOnly: Bool = false) {
        self.state = state; self.now = now; self.labels = labels; self.readOnly = readOnly
    }
}

/// A rectangle of the screen, in cells.
public struct Rect: Sendable, Equatable {
    public var x: Int, y: Int, width: Int, height: Int
    /// Creates a rectangle.
    public init(x: Int, y: Int, width: Int, height: Int) { self.x = x; self.y = y; self.width = width; self.height = height }
    /// Whether the compact layout applies (under 80×22 for the body of an 80×24 terminal).
    public var isCompact: Bool { width < 80 || height < 21 }
}

/// What handling a key asks of the live loop.
public enum KeyOutcome: Sendable, Equatable {
    /// Nothing to record (the screen changed its own state, or ignored the key).
    case none
    /// Record this command through decide and the journal; the screen is told the result with
    /// ``ConsoleScreen/didRecord(_:context:)`` or ``ConsoleScreen/wasRefused(_:context:)``.
    case perform(Command)
    /// Show a message (e.g. a search with no match).
    case message(String, isError: Bool)
}

/// One screen of the live consoles: its own UI state, how it draws, how it takes keys.
public protocol ConsoleScreen: Sendable {
    /// Which screen this is.
    static var id: ScreenID { get }
    /// Whether a text field has the focus (printable keys then go to it, not to bindings).
    var isTyping: Bool { get }
    /// Draws the screen into `area` of `grid`; returns where the terminal cursor goes, if shown.
    mutating func render(into grid: inout Grid, area: Rect, context: ScreenContext) -> Position?
    /// Applies a bound action of this screen.
    mutating func perform(action: String, context: ScreenContext) -> KeyOutcome
    /// Takes a key no binding claimed (typing, list navigation…).
    mutating func handle(key: Key, context: ScreenContext) -> KeyOutcome
    /// The command it asked for was recorded as these events.
    mutating func didRecord(_ events: [Event], context: ScreenContext)
    /// The command it asked for was refused.
    mutating func wasRefused(_ refusal: Refusal, context: ScreenContext)
}

extension ConsoleScreen {
    public mutating func didRecord(_ events: [Event], context: ScreenContext) {}
    public mutating func wasRefused(_ refusal: Refusal, context: ScreenContext) {}
}

/// A message line under the screen.
public struct ConsoleMessage: Sendable, Equatable {
    public var text: String
    public var isError: Bool
    public var at: Instant
}

/// The live consoles: the six screens, the chrome around them (header, message line, hint bar,
/// help overlay), and key dispatch through ``Keymap``. Pure: the live loop feeds it keys and
/// states, performs the commands it returns, and flushes the grids it renders.
public struct Console: Sendable {
    /// Screen shown.
    public var screen: ScreenID
    /// Words.
    public var labels: Labels
    /// Whether help is open.
    public var showingHelp = false
    /// Last message (refusal, confirmation), shown for a while.
    public var message: ConsoleMessage?
    /// A banner at the top (e.g. « Reprise : dernier événement à 10:42 »), cleared by any key.
    public var banner: String?
    /// When the banner was first drawn.
    private var bannerShownAt: Instant?
    /// Set when the user asked to quit.
    public private(set) var quitRequested = false
    /// Read-only seat: keys that would record anything are refused.
    public var readOnly: Bool
    /// Seconds a message stays on screen.
    public var messageSeconds = 8

    public var facilitator = FacilitatorScreen()
    public var rapporteur = RapporteurScreen()
    public var attendance = AttendanceScreen()
    public var balance = BalanceScreen()
    public var projector = ProjectorScreen()
    public var synergies = SynergiesScreen()

    /// The screen that asked for the command being performed.
    private var pendingFrom: ScreenID?

    /// Creates the consoles on `screen` in `language`.
    public init(screen: ScreenID = .facilitator, language: Language, readOnly: Bool = false) {
        self.screen = screen
        self.labels = Labels(language)
        self.readOnly = readOnly
    }

    private func context(_ state: SessionState, _ now: Instant) -> ScreenContext {
        ScreenContext(state: state, now: now, labels: labels, readOnly: readOnly)
    }

    private var isTyping: Bool {
        switch screen {
        case .facilitator: facilitator.isTyping
        case .rapporteur: rapporteur.isTyping
        case .attendance: attendance.isTyping
        case .balance: balance.isTyping
        case .projector: projector.isTyping
        case .synergies: synergies.isTyping
        }
    }

    /// Size of the last frame drawn (keys act only on what can be seen).
    private var lastSize = Size(width: 80, height: 24)

    /// Handles one key; returns the command to record, if any.
    public mutating func handle(_ key: Key, state: SessionState, now: Instant) -> Command? {
        if key == .resize { return nil }
        // Below the smallest layout nothing can be seen: only quitting works.
        if lastSize.width < Self.minimumSize.width || lastSize.height < Self.minimumSize.height {
            if let b = Keymap.binding(for: key, screen: screen, typing: true), b.action == "quit" { quitRequested = true }
            return nil
        }
        banner = nil
        let ctx = context(state, now)
        if showingHelp {
            if [.escape, .char("?"), .function(9), .enter, .char("q")].contains(key) { showingHelp = false }
            if key == .ctrl("c") { quitRequested = true }
            return nil
        }
        // A read-only seat (projector, observer, replay) looks and moves around, nothing more:
        // keys that would open a form or a prompt say so at once instead of failing at the end.
        if readOnly, !Self.lookingKey(key, screen: screen) {
            if let b = Keymap.binding(for: key, screen: screen, typing: false), b.screen == nil {
                applyGlobal(b.action)
            } else {
                message = ConsoleMessage(text: labels["readonly"], isError: true, at: now)
            }
            return nil
        }
        let outcome: KeyOutcome
        if let b = Keymap.binding(for: key, screen: screen, typing: isTyping) {
            if b.screen == nil {
                applyGlobal(b.action)
                return nil
            }
            outcome = withScreen { $0.perform(action: b.action, context: ctx) }
        } else {
            outcome = withScreen { $0.handle(key: key, context: ctx) }
        }
        switch outcome {
        case .none: return nil
        case .message(let text, let isError):
            message = ConsoleMessage(text: text, isError: isError, at: now)
            return nil
        case .perform(let c):
            if readOnly {
                message = ConsoleMessage(text: labels["readonly"], isError: true, at: now)
                return nil
            }
            pendingFrom = screen
            return c
        }
    }

    /// Keys a read-only seat may use on `screen`: moving in lists, switching focus or scope.
    static func lookingKey(_ key: Key, screen: ScreenID) -> Bool {
        switch key {
        case .up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .escape: return true
        case .function(8): return screen == .rapporteur
        case .char("s"), .char(" "): return screen == .balance
        default: return false
        }
    }

    /// Tells the screen that asked for it that its command was recorded.
    public mutating func didRecord(_ events: [Event], state: SessionState, now: Instant) {
        let ctx = context(state, now)
        // A refusal shown earlier no longer applies once something was recorded.
        if message?.isError == true { message = nil }
        let from = pendingFrom ?? screen
        pendingFrom = nil
        withScreen(from) { $0.didRecord(events, context: ctx) }
    }

    /// Tells the screen that asked for it that its command was refused, and shows why.
    public mutating func wasRefused(_ refusal: Refusal, state: SessionState, now: Instant) {
        let ctx = context(state, now)
        let from = pendingFrom ?? screen
        pendingFrom = nil
        message = ConsoleMessage(text: labels["refused"] + " : " + refusal.message(labels.language), isError: true, at: now)
        withScreen(from) { $0.wasRefused(refusal, context: ctx) }
    }

    /// Shows an error that is not a refusal (disk full, damaged journal…).
    public mutating func showError(_ text: String, now: Instant) {
        pendingFrom = nil
        message = ConsoleMessage(text: text, isError: true, at: now)
    }

    private mutating func applyGlobal(_ action: String) {
        switch action {
        case "quit": quitRequested = true
        case "help": showingHelp = true
        case "next-screen", "previous-screen":
            let all = ScreenID.allCases
            let i = all.firstIndex(of: screen)!
            screen = all[(i + (action == "next-screen" ? 1 : all.count - 1)) % all.count]
        default:
            if action.hasPrefix("screen."), let s = ScreenID(rawValue: String(action.dropFirst(7))) { screen = s }
        }
    }

    private mutating func withScreen<T>(_ id: ScreenID? = nil, _ body: (inout any ConsoleScreen) -> T) -> T {
        switch id ?? screen {
        case .facilitator: var s: any ConsoleScreen = facilitator; defer { facilitator = s as! FacilitatorScreen }; return body(&s)
        case .rapporteur: var s: any ConsoleScreen = rapporteur; defer { rapporteur = s as! RapporteurScreen }; return body(&s)
        case .attendance: var s: any ConsoleScreen = attendance; defer { attendance = s as! AttendanceScreen }; return body(&s)
        case .balance: var s: any ConsoleScreen = balance; defer { balance = s as! BalanceScreen }; return body(&s)
        case .projector: var s: any ConsoleScreen = projector; defer { projector = s as! ProjectorScreen }; return body(&s)
        case .synergies: var s: any ConsoleScreen = synergies; defer { synergies = s as! SynergiesScreen }; return body(&s)
        }
    }

    // MARK: Rendering

    /// The smallest size with a layout; below it a one-line notice is shown.
    public static let minimumSize = Size(width: 40, height: 12)

    /// Draws the whole terminal: header, the screen, the message line and the hint bar, or the
    /// help overlay; below 40×12 a one-line notice. Returns the grid and the cursor position.
    public mutating func render(state: SessionState, now: Instant, size: Size) -> (grid: Grid, cursor: Position?) {
        var grid = Grid(width: max(0, size.width), height: max(0, size.height))
        lastSize = size
        guard size.width >= Self.minimumSize.width, size.height >= Self.minimumSize.height else {
            if size.width > 0 && size.height > 0 {
                let notice = TextWidth.truncate(labels["tiny"] + " (\(size.width)×\(size.height))", toWidth: size.width)
                grid.put(x: 0, y: 0, text: notice, role: .bannerWarn)
            }
            return (grid, nil)
        }
        if let m = message, now.seconds(since: m.at) > messageSeconds { message = nil }
        let ctx = context(state, now)
        // The projector is for the wall: no tabs, no key hints, no banner after a few seconds.
        let wall = screen == .projector && !showingHelp
        if wall, let since = bannerShownAt, now.seconds(since: since) > messageSeconds { banner = nil }
        if banner != nil && bannerShownAt == nil { bannerShownAt = now }
        if wall && banner == nil {
            let area = Rect(x: 0, y: 0, width: size.width, height: size.height - (message == nil ? 0 : 1))
            let cursor = withScreen { $0.render(into: &grid, area: area, context: ctx) }
            if let m = message {
                grid.put(x: 0, y: size.height - 1, text: TextWidth.truncate(" " + TextWidth.sanitize(m.text), toWidth: size.width),
                         role: m.isError ? .bannerError : .statusDone)
            }
            return (grid, cursor)
        }
        drawHeader(&grid, state: state, now: now)
        var top = 1
        if let b = banner {
            grid.fill(x: 0, y: 1, width: size.width, height: 1, role: .bannerWarn)
            grid.put(x: 0, y: 1, text: TextWidth.truncate(" " + TextWidth.sanitize(b), toWidth: size.width), role: .bannerWarn)
            top = 2
        }
        let area = Rect(x: 0, y: top, width: size.width, height: size.height - top - 2)
        let cursor = withScreen { $0.render(into: &grid, area: area, context: ctx) }
        // Message line.
        let my = size.height - 2
        grid.fill(x: 0, y: my, width: size.width, height: 1, role: .normal)
        if let m = message {
            grid.put(x: 0, y: my, text: TextWidth.truncate(" " + TextWidth.sanitize(m.text), toWidth: size.width),
                     role: m.isError ? .bannerError : .statusDone)
        }
        // Hint bar.
        // Each hint shows the first of its keys that works now (while typing, `?` is text: F9).
        let typing = isTyping
        let hints = Keymap.all.filter { $0.inHints && ($0.screen == screen || $0.screen == nil) }
            .compactMap { b -> (keys: String, label: String)? in
                let usable = b.keys.first { !typing || b.whileTyping || Keymap.typingSafe($0) || $0 == .ctrl("c") }
                return usable.map { (keys: $0.displayName, label: b.hint(labels)) }
            }
        grid.drawHints(hints, y: size.height - 1)
        if showingHelp {
            drawHelp(&grid, size: size)
            return (grid, nil)
        }
        return (grid, cursor)
    }

    private func drawHeader(_ grid: inout Grid, state: SessionState, now: Instant) {
        let w = grid.width
        grid.fill(x: 0, y: 0, width: w, height: 1, role: .title)
        var tabs = ""
        for s in ScreenID.allCases {
            let name = labels["screen." + s.rawValue]
            tabs += s == screen ? " [F\(s.functionKey) \(name)]" : (w >= 100 ? " F\(s.functionKey) \(name)" : " F\(s.functionKey)")
        }
        let clock = state.local.hhmm(now)
        var day = ""
        if let d = state.currentDay { day = "\(labels["day"]) \(d + 1) · " }
        let right = " \(day)\(clock) "
        let left = TextWidth.truncate(tabs, toWidth: max(0, w - TextWidth.width(of: right) - 1))
        grid.put(x: 0, y: 0, text: left, role: .title)
        grid.put(x: w - TextWidth.width(of: right), y: 0, text: right, role: .title)
    }

    private func drawHelp(_ grid: inout Grid, size: Size) {
        let rows = Keymap.all.filter { $0.screen == screen }
        let col = (rows.map { TextWidth.width(of: $0.keysDisplay) }.max() ?? 0) + 2
        var lines = rows.map { TextWidth.pad($0.keysDisplay, toWidth: col) + $0.help(labels) }
        // The keys valid everywhere on one line, and how to close in the frame, so the screen's
        // own keys fit at 80×24.
        lines.append(labels["help.global"] + " : F1–F5 F11 " + labels["help.screens"] + " · Tab/⇧Tab · ?/F9 "
                     + labels["action.help"].lowercased() + " · ^C/q/F10 " + labels["action.quit"].lowercased())
        let w = min(size.width - 2, max(40, (lines.map { TextWidth.width(of: $0) }.max() ?? 0) + 4))
        let h = min(size.height - 1, lines.count + 2)
        let x = (size.width - w) / 2, y = max(1, (size.height - h) / 2)
        grid.fill(x: x, y: y, width: w, height: h, role: .normal)
        grid.box(x: x, y: y, width: w, height: h, role: .border)
        grid.put(x: x + 2, y: y, text: " " + labels["help.title"] + " · " + labels["screen." + screen.rawValue] + " ", role: .title,
                 maxWidth: w - 4)
        let close = " " + labels["help.close"] + " "
        if TextWidth.width(of: close) + 4 < w {
            grid.put(x: x + w - 2 - TextWidth.width(of: close), y: y + h - 1, text: close, role: .muted)
        }
        for (i, l) in lines.prefix(h - 2).enumerated() {
            grid.put(x: x + 2, y: y + 1 + i, text: TextWidth.truncate(l, toWidth: w - 4), role: .normal)
        }
    }
}
