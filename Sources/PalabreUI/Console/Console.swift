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
    /// The open entries of the sessions the programme follows (`follows`), read when the seat
    /// started: what an agenda item of kind follow-up reviews (F2, F1).
    public var previous: [PreviousEntry] = []
    /// The reviews of this session's entries by later sessions beside it, read when the seat
    /// started: the Suivi screen (F12) shows the later ones as the entries' status.
    public var laterReviews: [LaterReview] = []
    /// The earlier entry selected on F2 in this console (nil: the first one not yet reviewed).
    public var reviewing: PreviousKey?

    /// Creates a context.
    public init(
        state: SessionState, now: Instant, labels: Labels, readOnly: Bool = false, previous: [PreviousEntry] = [],
        laterReviews: [LaterReview] = [], reviewing: PreviousKey? = nil
    ) {
        self.state = state; self.now = now; self.labels = labels; self.readOnly = readOnly
        self.previous = previous; self.laterReviews = laterReviews; self.reviewing = reviewing
    }
}

/// A rectangle of the screen, in cells.
public struct Rect: Sendable, Equatable {
    public var x: Int, y: Int, width: Int, height: Int
    /// Creates a rectangle.
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x; self.y = y; self.width = width; self.height = height
    }
    /// Whether the compact layout applies (under 80×22 for the body of an 80×24 terminal).
    public var isCompact: Bool { width < 80 || height < 21 }
    /// Whether the large layout applies (from the body of a 160×50 terminal, 200×60 and up):
    /// panels and digits grow with the screen.
    public var isLarge: Bool { width >= 160 && height >= 46 }
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
///
/// Bound actions reach a screen through its own typed `perform` (each screen has its action
/// enum, see ``Action``); ``Console`` switches over ``Action`` exhaustively to call it.
public protocol ConsoleScreen: Sendable {
    /// Which screen this is.
    static var id: ScreenID { get }
    /// Whether a text field has the focus (printable keys and pastes then go to it, never to
    /// one-letter commands).
    var isTyping: Bool { get }
    /// Whether unsent text or an open form would be lost by quitting.
    var hasDraft: Bool { get }
    /// Draws the screen into `area` of `grid`; returns where the terminal cursor goes, if shown.
    /// The console draws on a copy: what a screen changes here is not kept.
    mutating func render(into grid: inout Grid, area: Rect, context: ScreenContext) -> Position?
    /// Takes a key no binding claimed (typing, list navigation…).
    mutating func handle(key: Key, context: ScreenContext) -> KeyOutcome
    /// Takes a whole paste into the text field with the focus; false when none has it.
    mutating func paste(_ text: String) -> Bool
    /// Brings the screen's own state in line with the session (selections, caches) after each
    /// message, so that rendering has nothing to keep.
    mutating func prepare(context: ScreenContext)
    /// The command it asked for was recorded as these events.
    mutating func didRecord(_ events: [Event], context: ScreenContext)
    /// The command it asked for was refused.
    mutating func wasRefused(_ refusal: Refusal, context: ScreenContext)
    /// What to say now that its command is recorded (a question that follows it), once; nil
    /// when nothing.
    mutating func takeNotice() -> String?
}

extension ConsoleScreen {
    public var hasDraft: Bool { false }
    public mutating func paste(_ text: String) -> Bool { false }
    public mutating func prepare(context: ScreenContext) {}
    public mutating func didRecord(_ events: [Event], context: ScreenContext) {}
    public mutating func wasRefused(_ refusal: Refusal, context: ScreenContext) {}
    public mutating func takeNotice() -> String? { nil }
}

/// A message line under the screen.
public struct ConsoleMessage: Sendable, Equatable {
    public var text: String
    public var isError: Bool
    public var at: Instant
}

/// A message into the consoles: what the terminal delivered, or the outcome of an effect.
public enum ConsoleInput: Sendable, Equatable {
    /// A key, a paste or a resize, decoded (see `KeyDecoder`).
    case input(InputEvent)
    /// The terminal has this size now.
    case resized(Size)
    /// The command asked for was recorded as these events.
    case recorded([Event])
    /// The command asked for was refused.
    case refused(Refusal)
    /// Something that is not a refusal went wrong (disk full, damaged journal…).
    case failed(String)
    /// Time passed, or other seats recorded events: nothing to do but bring screens up to date.
    case tick
}

/// What the consoles ask of the loop after a message.
public enum ConsoleEffect: Sendable, Equatable {
    /// Record this command through decide and the journal; the outcome comes back as
    /// ``ConsoleInput/recorded(_:)`` or ``ConsoleInput/refused(_:)``.
    case record(Command)
    /// Leave: the user asked to quit.
    case quit
    /// Ring the terminal's bell (the facilitator's bell at one minute left and at time up).
    case bell
}

/// The live consoles: the six screens, the chrome around them (header, message line, hint bar,
/// help overlay), and key dispatch through ``Keymap``. Pure, in the manner of Bubble Tea and The
/// Composable Architecture: ``update(_:state:now:)`` takes a message and returns effects,
/// ``render(state:now:size:)`` reads and changes nothing. ``ConsoleLoop`` runs it.
public struct Console: Sendable {
    /// Screen shown.
    public var screen: ScreenID
    /// Words.
    public var labels: Labels
    /// Whether help is open.
    public var showingHelp = false {
        didSet { helpScroll = 0 }
    }
    /// First line of the help shown, when it is longer than the screen (↓/↑, PgDn/PgUp move it).
    var helpScroll = 0
    /// Last message (refusal, confirmation), shown for a while.
    public var message: ConsoleMessage?
    /// A banner at the top (e.g. « Reprise : dernier événement à 10:42 »), cleared by any key.
    public var banner: String?
    /// The message line's word when it has nothing else to say (a replay whose journal is still
    /// being read), nil for none.
    public var idleMessage: UILabel?
    /// Shown where the banner goes while programme.yaml, edited, is not taken (it has an error,
    /// is gone…): the seat runs on the version before until a version it can take is saved.
    public private(set) var programmeKept: String?
    /// When the banner was first shown (the first message after it was set).
    private var bannerShownAt: Instant?
    /// The current item and its seconds left at the last tick, to ring the bell once per crossing.
    private var bellWatch: (item: String, remaining: Int)?
    /// Set when the user asked to quit.
    public private(set) var quitRequested = false
    /// Set by a first quit key while a draft is unsent: the next one quits.
    private var quitArmed = false
    /// The event a first `u` named: a second `u` (or ^Z) undoes it, any other key keeps it.
    private(set) var undoArmed: Int?
    /// The seat's name: `u` undoes this seat's own last undoable event (any seat's when nil).
    public var seat: String?
    /// How the undo question starts, to take it off the screen once it no longer holds.
    private var undoPromptStart: String { String(labels[isTyping ? .undoConfirmTyping : .undoConfirm].prefix(7)) }
    /// Read-only seat: keys that would record anything are refused.
    public var readOnly: Bool
    /// Seconds a message stays on screen.
    public var messageSeconds = 8
    /// Size of the terminal, from ``ConsoleInput/resized(_:)``.
    public private(set) var size = Size(width: 80, height: 24)

    public var facilitator = FacilitatorScreen()
    public var rapporteur = RapporteurScreen()
    public var attendance = AttendanceScreen()
    public var balance = BalanceScreen()
    public var projector = ProjectorScreen()
    public var synergies = SynergiesScreen()
    public var followUp = FollowUpScreen()

    /// The open entries of the sessions the programme follows, read when the seat started
    /// (``ScreenContext/previous``).
    public var previous: [PreviousEntry] = []
    /// The reviews of this session's entries by later sessions (``ScreenContext/laterReviews``).
    public var laterReviews: [LaterReview] = []

    /// The screen that asked for the command being performed.
    private var pendingFrom: ScreenID?

    /// Creates the consoles on `screen` in `language`.
    public init(screen: ScreenID = .facilitator, language: Language, readOnly: Bool = false) {
        self.screen = screen
        self.labels = Labels(language)
        self.readOnly = readOnly
    }

    private func context(_ state: SessionState, _ now: Instant) -> ScreenContext {
        ScreenContext(
            state: state, now: now, labels: labels, readOnly: readOnly, previous: previous,
            laterReviews: laterReviews, reviewing: rapporteur.reviewKey)
    }

    /// Whether a text field has the focus on the screen shown.
    public var isTyping: Bool {
        switch screen {
        case .facilitator: facilitator.isTyping
        case .rapporteur: rapporteur.isTyping
        case .attendance: attendance.isTyping
        case .balance: balance.isTyping
        case .projector: projector.isTyping
        case .synergies: synergies.isTyping
        case .followUp: followUp.isTyping
        }
    }

    /// Whether any screen holds unsent text or an open form.
    public var hasDraft: Bool {
        facilitator.hasDraft || rapporteur.hasDraft || attendance.hasDraft || synergies.hasDraft || followUp.hasDraft
    }

    /// Whether the terminal is below the smallest layout.
    private var isTiny: Bool { size.width < Self.minimumSize.width || size.height < Self.minimumSize.height }

    // MARK: Update

    /// Takes one message; returns what the loop must do. The only place the consoles change.
    public mutating func update(_ input: ConsoleInput, state: SessionState, now: Instant) -> [ConsoleEffect] {
        if banner != nil && bannerShownAt == nil { bannerShownAt = now }
        var effects: [ConsoleEffect] = []
        let ctx = context(state, now)
        switch input {
        case .resized(let s):
            size = s
            if !isTiny, message?.text == labels[.tinyRefused] { message = nil }
        case .tick:
            if ringsBell(state, now) { effects.append(.bell) }
            if let m = message, now.seconds(since: m.at) > messageSeconds { message = nil }
            if screen == .projector, let since = bannerShownAt, now.seconds(since: since) > messageSeconds {
                banner = nil
            }
        case .input(.resize):
            break
        case .input(.pasteStalled):
            message = ConsoleMessage(text: labels[.pasteStalled], isError: true, at: now)
        case .input(.pasteTooLong):
            message = ConsoleMessage(text: labels[.pasteTooLong], isError: true, at: now)
        case .input(.paste(let text)):
            pasted(text, ctx)
        case .input(.key(let key)):
            let said = message, wasScreen = screen, wasTyping = isTyping
            if let c = keyPressed(key, ctx) {
                pendingFrom = screen
                effects.append(.record(c))
            }
            // What was said no longer applies once Esc is pressed, a prompt opens or closes, or
            // another screen shows (unless the key said something new).
            if said != nil, message == said, key == .escape || screen != wasScreen || isTyping != wasTyping {
                message = nil
            }
        case .recorded(let events):
            // What was said earlier (a refusal, an earlier undo) no longer applies.
            message = nil
            let from = pendingFrom ?? screen
            pendingFrom = nil
            withScreen(from) { $0.didRecord(events, context: ctx) }
            if let notice = withScreen(from, { $0.takeNotice() }) {
                message = ConsoleMessage(text: notice, isError: true, at: now)
            }
            for case .undone(let seq) in events.map(\.payload) {
                message = ConsoleMessage(
                    text: labels[.undoDone].replacingOccurrences(of: "%d", with: String(seq)),
                    isError: false, at: now)
            }
        case .refused(let refusal):
            let from = pendingFrom ?? screen
            pendingFrom = nil
            message = ConsoleMessage(
                text: labels[.refused] + labels.colon + refusal.message(labels.language), isError: true, at: now)
            withScreen(from) { $0.wasRefused(refusal, context: ctx) }
        case .failed(let text):
            pendingFrom = nil
            message = ConsoleMessage(text: text, isError: true, at: now)
        }
        withScreen { $0.prepare(context: ctx) }
        if quitRequested { effects.append(.quit) }
        return effects
    }

    /// A paste goes to the focused text field, whole; without one it is dropped with a notice,
    /// never read as commands.
    private mutating func pasted(_ text: String, _ ctx: ScreenContext) {
        quitArmed = false
        guard !showingHelp, !readOnly, isTyping, withScreen(nil, { $0.paste(text) }) else {
            message = ConsoleMessage(text: labels[.pasteIgnored], isError: true, at: ctx.now)
            return
        }
    }

    /// Handles one key; returns the command to record, if any.
    private mutating func keyPressed(_ key: Key, _ ctx: ScreenContext) -> Command? {
        if key == .resize { return nil }
        // A read-only seat types nothing, so its letters are commands (q quits).
        var binding = Keymap.binding(for: key, screen: screen, typing: (isTyping && !readOnly) || showingHelp)
        // In the rapporteur's list mode a letter is a list command or text typed there by
        // mistake, kept aside for the input line: never a global command (u would undo).
        if screen == .rapporteur, rapporteur.focus == .list, !readOnly, !showingHelp, case .char = key,
            binding?.scope == .everywhere
        {
            binding = nil
        }
        // Quitting: at once, unless a draft would be left unsent (it is kept; the second press quits).
        if let b = binding, b.action == .global(.quit) {
            if hasDraft && !quitArmed && !readOnly {
                quitArmed = true
                message = ConsoleMessage(text: labels[.draftQuit], isError: true, at: ctx.now)
            } else {
                quitRequested = true
            }
            return nil
        }
        quitArmed = false
        if binding?.action != .global(.undo), undoArmed != nil {
            undoArmed = nil
            if message?.text.hasPrefix(undoPromptStart) == true { message = nil }
        }
        // A confirmation asked on F1 holds only until another key.
        switch binding?.action {
        case .facilitator: break
        default: facilitator.disarm()
        }
        // Below the smallest layout nothing can be seen: text still goes to the field with the
        // focus, commands are refused with the notice.
        if isTiny {
            if isTyping, Self.editingKey(key), !showingHelp {
                _ = withScreen { $0.handle(key: key, context: ctx) }
            } else {
                message = ConsoleMessage(text: labels[.tinyRefused], isError: true, at: ctx.now)
            }
            return nil
        }
        banner = nil
        if showingHelp {
            if HelpPanel.closingKeys.contains(key) { showingHelp = false }
            let panel = helpPanel(followUpListed: ScreenID.followUp.isListed(ctx.state))
            helpScroll = panel.scroll(helpScroll, after: key, size: size)
            return nil
        }
        // A read-only seat (projector, observer, replay) looks and moves around, nothing more:
        // keys that would open a form or a prompt say so at once instead of failing at the end.
        if readOnly, !Self.lookingKey(key, screen: screen) {
            if let b = binding, b.scope == .everywhere, b.action != .global(.undo) {
                _ = dispatch(b.action, key: key, ctx)
            } else {
                message = ConsoleMessage(text: labels[.readonly], isError: true, at: ctx.now)
            }
            return nil
        }
        let outcome =
            binding.map { dispatch($0.action, key: key, ctx) } ?? withScreen { $0.handle(key: key, context: ctx) }
        switch outcome {
        case .none: return nil
        case .message(let text, let isError):
            message = ConsoleMessage(text: text, isError: isError, at: ctx.now)
            return nil
        case .perform(let c):
            if readOnly {
                message = ConsoleMessage(text: labels[.readonly], isError: true, at: ctx.now)
                return nil
            }
            return c
        }
    }

    /// Applies a bound action: an exhaustive switch over the one table's actions.
    private mutating func dispatch(_ action: Action, key: Key, _ ctx: ScreenContext) -> KeyOutcome {
        switch action {
        case .global(let g): return applyGlobal(g, ctx)
        case .facilitator(let a): return facilitator.perform(a, context: ctx)
        case .rapporteur(let a): return rapporteur.perform(a, key: key, context: ctx)
        case .attendance(let a): return attendance.perform(a, key: key, context: ctx)
        case .balance(let a): return balance.perform(a, context: ctx)
        case .synergies(let a): return synergies.perform(a, context: ctx)
        case .followUp(let a): return followUp.perform(a, context: ctx)
        case .replay: return .none
        }
    }

    /// Keys that edit a text field (kept even while the window is too small).
    static func editingKey(_ key: Key) -> Bool {
        switch key {
        case .char, .backspace, .delete, .left, .right, .home, .end: return true
        case .ctrl(let c): return "uwk".contains(c)
        default: return false
        }
    }

    /// Keys a read-only seat may use on `screen`: moving in lists, switching focus or scope.
    static func lookingKey(_ key: Key, screen: ScreenID) -> Bool {
        switch key {
        case .up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .escape: return true
        case .function(8), .ctrl("t"): return screen == .rapporteur
        case .char("s"), .char(" "): return screen == .balance
        case .char("p"), .char("c"), .char("r"): return screen == .followUp
        case .char("f"), .char("o"): return screen == .synergies
        default: return false
        }
    }

    /// Handles one key; returns the command to record, if any. A shorthand for
    /// ``update(_:state:now:)`` with a key, for tests and tools.
    public mutating func handle(_ key: Key, state: SessionState, now: Instant) -> Command? {
        for case .record(let c) in update(.input(.key(key)), state: state, now: now) { return c }
        return nil
    }

    /// Tells the screen that asked for it that its command was recorded.
    public mutating func didRecord(_ events: [Event], state: SessionState, now: Instant) {
        _ = update(.recorded(events), state: state, now: now)
    }

    /// Tells the screen that asked for it that its command was refused, and shows why.
    public mutating func wasRefused(_ refusal: Refusal, state: SessionState, now: Instant) {
        _ = update(.refused(refusal), state: state, now: now)
    }

    /// The system clock was stepped by `seconds` (a `clockAdjusted` event folded at `at`, the wall
    /// clock after the step): the instants this console keeps move with the session's, and the
    /// banner says so until a key is pressed (a few seconds on the projector).
    public mutating func clockAdjusted(seconds: Int, at: Instant, state: SessionState) {
        message = message.map { ConsoleMessage(text: $0.text, isError: $0.isError, at: $0.at.adding(seconds: seconds)) }
        bannerShownAt = nil
        facilitator.shiftInstants(by: seconds)
        let minutes = abs(seconds) >= 90 ? "\((abs(seconds) + 30) / 60) min" : "\(abs(seconds)) s"
        let key: UILabel = seconds > 0 ? .clockForward : .clockBack
        banner = labels[key].replacingOccurrences(of: "%1", with: minutes)
            .replacingOccurrences(of: "%2", with: state.local.hhmm(at))
    }

    /// Whether the facilitator's bell rings at this tick: it is on (`g`), the seat records, and
    /// the current item, running, has just crossed one minute left or the end of its time.
    private mutating func ringsBell(_ state: SessionState, _ now: Instant) -> Bool {
        guard let c = state.currentItem, state.run(c).status == .running else { bellWatch = nil; return false }
        let r = state.remaining(c, at: now)
        defer { bellWatch = (c, r) }
        guard facilitator.bellOn, !readOnly, let last = bellWatch, last.item == c else { return false }
        return (last.remaining > 60 && r <= 60) || (last.remaining > 0 && r <= 0)
    }

    /// Says what reading programme.yaml again did: read (a notice), or kept the version before
    /// (an error saying why and what to do).
    public mutating func showProgrammeReload(_ reload: SessionStore.ProgrammeReload, now: Instant) {
        pendingFrom = nil
        programmeKept = [.reloaded, .unchanged].contains(reload) ? nil : labels[.programmeKept]
        switch reload {
        case .unchanged:
            break
        case .reloaded:
            message = ConsoleMessage(text: labels[.programmeReloaded], isError: false, at: now)
        case .missing:
            message = ConsoleMessage(text: labels[.programmeMissing], isError: true, at: now)
        case .hasErrors(let problem):
            let text = labels[.programmeHasErrors].replacingOccurrences(of: "%@", with: TextWidth.sanitize(problem))
            message = ConsoleMessage(text: text, isError: true, at: now)
        case .timeZoneChanged(let from, let to):
            let text = labels[.programmeTimeZone].replacingOccurrences(of: "%@", with: from + " → " + to)
            message = ConsoleMessage(text: text, isError: true, at: now)
        case .dropsWhatTheJournalNames(let count):
            let text =
                count == 1
                ? labels[.programmeDropsOne]
                : labels[.programmeDropsMany].replacingOccurrences(of: "%@", with: "\(count)")
            message = ConsoleMessage(text: text, isError: true, at: now)
        case .idOfAnInsertedItem(let id, let title):
            let text = labels[.programmeInsertedId].replacingOccurrences(of: "%@", with: TextWidth.sanitize(id))
                .replacingOccurrences(of: "%2", with: TextWidth.sanitize(title))
            message = ConsoleMessage(text: text, isError: true, at: now)
        }
    }

    /// Shows a notice that is not an error on the message line.
    public mutating func showNotice(_ text: String, now: Instant) {
        pendingFrom = nil
        message = ConsoleMessage(text: text, isError: false, at: now)
    }

    /// Shows an error that is not a refusal (disk full, damaged journal…).
    public mutating func showError(_ text: String, now: Instant) {
        pendingFrom = nil
        message = ConsoleMessage(text: text, isError: true, at: now)
    }

    private mutating func applyGlobal(_ action: GlobalAction, _ ctx: ScreenContext) -> KeyOutcome {
        switch action {
        case .quit: quitRequested = true
        case .help: showingHelp = true
        case .undo:
            guard let target = ctx.state.undoCandidate(seat: seat) else {
                // A decision state has only what this seat recorded since it started: the events
                // before are not read yet, so « nothing to undo » would not be true.
                return .message(labels[ctx.state.isForDeciding ? .undoWhileReading : .undoNone], isError: true)
            }
            if undoArmed == target.seq {
                undoArmed = nil
                return .perform(.undo(seq: target.seq))
            }
            undoArmed = target.seq
            let text = labels[isTyping ? .undoConfirmTyping : .undoConfirm]
                .replacingOccurrences(of: "%@", with: labels.undoTarget(target, ctx.state))
                .replacingOccurrences(of: "%d", with: String(target.seq))
            return .message(text, isError: true)
        case .nextScreen, .previousScreen:
            message = nil
            let all = ScreenID.allCases.filter { $0.isListed(ctx.state) || $0 == screen }
            let i = all.firstIndex(of: screen)!
            screen = all[(i + (action == .nextScreen ? 1 : all.count - 1)) % all.count]
        case .screenFacilitator:
            message = nil
            screen = .facilitator
        case .screenRapporteur:
            message = nil
            screen = .rapporteur
        case .screenAttendance:
            message = nil
            screen = .attendance
        case .screenBalance:
            message = nil
            screen = .balance
        case .screenProjector:
            message = nil
            screen = .projector
        case .screenSynergies:
            message = nil
            screen = .synergies
        case .screenFollowUp:
            message = nil
            screen = .followUp
        }
        return .none
    }

    private mutating func withScreen<T>(_ id: ScreenID? = nil, _ body: (inout any ConsoleScreen) -> T) -> T {
        switch id ?? screen {
        case .facilitator:
            var s: any ConsoleScreen = facilitator; defer { facilitator = s as! FacilitatorScreen }; return body(&s)
        case .rapporteur:
            var s: any ConsoleScreen = rapporteur; defer { rapporteur = s as! RapporteurScreen }; return body(&s)
        case .attendance:
            var s: any ConsoleScreen = attendance; defer { attendance = s as! AttendanceScreen }; return body(&s)
        case .balance: var s: any ConsoleScreen = balance; defer { balance = s as! BalanceScreen }; return body(&s)
        case .projector:
            var s: any ConsoleScreen = projector; defer { projector = s as! ProjectorScreen }; return body(&s)
        case .synergies:
            var s: any ConsoleScreen = synergies; defer { synergies = s as! SynergiesScreen }; return body(&s)
        case .followUp:
            var s: any ConsoleScreen = followUp; defer { followUp = s as! FollowUpScreen }; return body(&s)
        }
    }

    /// The screen shown, as a copy to draw on.
    private func screenCopy() -> any ConsoleScreen {
        switch screen {
        case .facilitator: facilitator
        case .rapporteur: rapporteur
        case .attendance: attendance
        case .balance: balance
        case .projector: projector
        case .synergies: synergies
        case .followUp: followUp
        }
    }

    // MARK: Rendering

    /// The smallest size with a layout; below it a one-line notice is shown.
    public static let minimumSize = Size(width: 40, height: 12)

    /// Draws the whole terminal: header, the screen, the message line and the hint bar, or the
    /// help overlay; below 40×12 a one-line notice. Returns the grid and the cursor position.
    public func render(state: SessionState, now: Instant, size: Size) -> (grid: Grid, cursor: Position?) {
        var grid = Grid(width: max(0, size.width), height: max(0, size.height))
        guard size.width >= Self.minimumSize.width, size.height >= Self.minimumSize.height else {
            if size.width > 0 && size.height > 0 {
                for (i, line) in Self.tinyNotice(labels, size: size).enumerated() {
                    grid.put(x: 0, y: i, text: line, role: .bannerWarn)
                }
            }
            return (grid, nil)
        }
        // The projector is for the wall: no tabs, no key hints, no banner after a few seconds.
        let wall = screen == .projector && !showingHelp
        var message = self.message.flatMap { now.seconds(since: $0.at) > messageSeconds ? nil : $0 }
        // While a seat started on its decision state folds the journal, the message line says so
        // when it has nothing else to say (the wall fills in without a word).
        if message == nil, state.isForDeciding, !wall {
            message = ConsoleMessage(text: labels[.readingJournal], isError: false, at: now)
        }
        if message == nil, let idle = idleMessage, !wall {
            message = ConsoleMessage(text: labels[idle], isError: false, at: now)
        }
        let ctx = context(state, now)
        // A programme.yaml not taken comes first: it stays until a good version is saved.
        let parts = [programmeKept, self.banner].compactMap { $0 }
        var banner = parts.isEmpty ? nil : parts.joined(separator: " · ")
        if wall, let since = bannerShownAt, now.seconds(since: since) > messageSeconds { banner = nil }
        var shown = screenCopy()
        if wall && banner == nil {
            let area = Rect(x: 0, y: 0, width: size.width, height: size.height - (message == nil ? 0 : 1))
            let cursor = shown.render(into: &grid, area: area, context: ctx)
            if let m = message {
                grid.put(
                    x: 0, y: size.height - 1,
                    text: TextWidth.truncate(" " + TextWidth.sanitize(m.text), toWidth: size.width),
                    role: m.isError ? .bannerError : .statusDone)
            }
            return (grid, cursor)
        }
        drawHeader(&grid, state: state, now: now)
        var top = 1
        if let b = banner {
            grid.fill(x: 0, y: 1, width: size.width, height: 1, role: .bannerWarn)
            grid.put(
                x: 0, y: 1, text: TextWidth.truncate(" " + TextWidth.sanitize(b), toWidth: size.width),
                role: .bannerWarn)
            top = 2
        }
        let area = Rect(x: 0, y: top, width: size.width, height: size.height - top - 2)
        let cursor = shown.render(into: &grid, area: area, context: ctx)
        // The message line: a long message (a refusal saying what to do) takes the body's last
        // row too while it shows, so the layout does not change under it.
        let messageLines = message.map { Self.messageLines(TextWidth.sanitize($0.text), width: size.width) } ?? []
        let mh = max(1, messageLines.count)
        let my = size.height - 1 - mh
        grid.fill(x: 0, y: my, width: size.width, height: mh, role: .normal)
        if let m = message {
            for (i, line) in messageLines.enumerated() {
                grid.put(x: 0, y: my + i, text: line, role: m.isError ? .bannerError : .statusDone)
            }
        }
        // Hint bar.
        // Each hint shows the first of its keys that works now (while typing, `?` is text: F9).
        let typing = isTyping
        // Help and quit first, then the screen's own keys, then undo.
        let global = Keymap.bindings(in: .everywhere).filter(\.inHints)
        let first = global.filter { $0.action != .global(.undo) }
        let undo = readOnly ? [] : global.filter { $0.action == .global(.undo) }
        // A read-only seat shows only the screen's keys that look around (they record nothing).
        let own = usableBindings.filter(\.inHints)
        let hints = (first + own + undo)
            .compactMap { b -> (keys: String, label: String)? in
                let usable = b.keys.first { !typing || b.whileTyping || Keymap.typingSafe($0) }
                return usable.map { (keys: $0.displayName(labels.language), label: b.hint(labels)) }
            }
        grid.drawHints(hints, y: size.height - 1)
        if showingHelp {
            helpPanel(followUpListed: ScreenID.followUp.isListed(state)).draw(
                into: &grid, size: size, scroll: helpScroll)
            return (grid, nil)
        }
        return (grid, cursor)
    }

    /// `text` on one line of `width` after a space, or wrapped on two (the second cut with « … »
    /// when even two are not enough).
    static func messageLines(_ text: String, width: Int) -> [String] {
        let one = " " + text
        if TextWidth.width(of: one) <= width { return [one] }
        // French punctuation stays with its word where the line breaks (« : » never starts one):
        // those spaces are held by a private-use character while wrapping, then given back.
        let hold = "\u{E000}"
        var held = text
        for mark in [":", ";", "!", "?", "»"] { held = held.replacingOccurrences(of: " " + mark, with: hold + mark) }
        held = held.replacingOccurrences(of: "« ", with: "«" + hold)
        var lines = TextWidth.wrap(held, width: max(1, width - 1)).map { " " + $0 }
        if lines.count > 2 {
            let rest = " " + lines[1...].map { String($0.dropFirst()) }.joined(separator: " ")
            lines = [lines[0], TextWidth.truncate(rest, toWidth: width)]
        }
        return lines.map { TextWidth.truncate($0.replacingOccurrences(of: hold, with: " "), toWidth: width) }
    }

    /// The « too small » notice for `size`: the whole sentence wrapped on the rows there are, or
    /// a shorter one, so it is read whole at any size (« 40×12 » alone in the narrowest).
    static func tinyNotice(_ labels: Labels, size: Size) -> [String] {
        let here = " (\(size.width)×\(size.height))"
        let minimum = "\(minimumSize.width)×\(minimumSize.height)"
        for text in [labels[.tiny] + here, labels[.tiny], labels[.tinyShort] + " " + minimum, "↔ " + minimum] {
            let lines = TextWidth.wrap(text, width: size.width)
            if lines.count <= size.height, lines.allSatisfy({ TextWidth.width(of: $0) <= size.width }) { return lines }
        }
        return [TextWidth.truncate(minimum, toWidth: size.width)]
    }

    private func drawHeader(_ grid: inout Grid, state: SessionState, now: Instant) {
        let w = grid.width
        grid.fill(x: 0, y: 0, width: w, height: 1, role: .title)
        let clock = state.local.hhmm(now)
        var day = ""
        if let d = state.currentDay { day = "\(labels[.day]) \(d + 1) · " }
        let right = " \(day)\(clock) "
        // Every screen's name from 100 columns when they fit, else the current one's only.
        var tabs = ""
        for long in w >= 100 ? [true, false] : [false] {
            tabs = ""
            for s in ScreenID.allCases where s.isListed(state) || s == screen {
                let name = labels[UILabel.screen(s)]
                tabs +=
                    s == screen
                    ? " [F\(s.functionKey) " + "\(name)]" : (long ? " F\(s.functionKey) \(name)" : " F\(s.functionKey)")
            }
            if TextWidth.width(of: tabs) + TextWidth.width(of: right) + 1 <= w { break }
        }
        let left = TextWidth.truncate(tabs, toWidth: max(0, w - TextWidth.width(of: right) - 1))
        grid.put(x: 0, y: 0, text: left, role: .title)
        grid.put(x: w - TextWidth.width(of: right), y: 0, text: right, role: .title)
    }

    /// The screen's bindings a seat can use: in a read-only seat, those whose keys look around
    /// and do something there (Esc clears no search where nothing can be typed).
    private var usableBindings: [Binding] {
        Keymap.bindings(in: .screen(screen)).filter {
            !readOnly
                || ($0.keys.contains { Self.lookingKey($0, screen: screen) }
                    && UILabel.readOnlyHelp($0.action) != .notListed)
        }
    }

    /// The help of the screen shown; `followUpListed`: F12 (Suivi) is one of the screens (the
    /// session is closed).
    private func helpPanel(followUpListed: Bool) -> HelpPanel {
        // The keys valid everywhere on one line, and how to close in the frame, so the screen's
        // own keys fit at 80×24. A read-only seat says it records nothing, and has no undo.
        // Where a text field has the focus, ?, u and q are typed into it: only their other keys.
        var notes: [String] = []
        if readOnly { notes.append(labels[.rapReadOnly]) }
        let typing = isTyping && !readOnly
        notes.append(
            labels[.helpGlobal] + labels.colon + "F1–F5 F11" + (followUpListed ? " F12 " : " ")
                + labels[.helpScreens] + " · Tab/⇧Tab · " + (typing ? "F9 " : "?/F9 ")
                + labels[.actionHelp].lowercased()
                + (readOnly ? "" : (typing ? " · ^Z " : " · u/^Z ") + labels[.actionUndo].lowercased())
                + (typing ? " · ^C/F10 " : " · ^C/q/F10 ") + labels[.actionQuit].lowercased())
        // What ↶ and ✓ mean, when the screen has such keys.
        let guarded = usableBindings.contains { $0.guarding != .none }
        return HelpPanel(
            rows: Keymap.helpRows(usableBindings, labels, readOnly: readOnly), notes: notes,
            titles: [labels[.helpTitle], labels[.helpTitleShort]].map { $0 + " · " + labels[UILabel.screen(screen)] },
            close: labels[.helpClose],
            legend: guarded ? labels[.helpGuardShort] : nil)
    }
}
