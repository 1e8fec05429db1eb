import Foundation
import PalabreCore

/// `palabre replay`: the live consoles, read-only, driven by a replay clock instead of the
/// system clock, with a two-row timeline under them. Pure, like ``Console``: the replay loop
/// feeds it keys and the replay time that passed, and flushes the grids it renders.
///
///     var replay = ReplayConsole(timeline: t, language: .fr, clock: ReplayClock(position: t.firstInstant!, speed: 60))
///     replay.tick(replayMs: 100)
///     let (grid, cursor) = replay.render(size: Size(width: 100, height: 30))
public struct ReplayConsole: Sendable {
    /// A line being typed under the timeline.
    public enum Prompt: Sendable, Equatable {
        case goTo(String)
        case search(String)
    }

    /// The consoles (read-only).
    public var console: Console
    /// The replay clock.
    public var clock: ReplayClock
    /// The state at the clock's position.
    public private(set) var player: ReplayPlayer
    /// The prompt open, if any.
    public private(set) var prompt: Prompt?
    /// The last text searched.
    public private(set) var lastSearch: String?
    /// Whether the replay help is open.
    public private(set) var showingHelp = false {
        didSet { helpScroll = 0 }
    }
    /// The first row of the help shown (it scrolls when longer than the terminal).
    private var helpScroll = 0
    /// Set when the user asked to quit.
    public private(set) var quitRequested = false
    /// The whole journal being read while its beginning is shown, if it is long.
    public private(set) var loading: ReplayLoading?
    /// What was asked beyond the events read so far, done once the whole journal is read.
    public enum Pending: Sendable, Equatable {
        /// Go to this moment.
        case seek(Instant)
        /// Go to the moment `text` means near `near`, worked out again once the whole journal is
        /// read (« 2 10:30 » is the date day 2 was held, which a later event may tell).
        case goTo(String, near: Instant)
        /// A move forward (next event, item or day), asked `times` times.
        case move(ReplayAction, times: Int)
        /// A search, forward or backward.
        case search(String, forward: Bool)
    }
    /// What waits for the rest of the journal, if anything: a later key replaces it.
    public private(set) var pending: Pending?
    /// The warnings of a reading finished while the replay ran (a torn last line).
    public private(set) var loadWarnings: [String] = []
    /// The error that stopped the reading of the whole journal (damage before its last line):
    /// the replay ends, and the command reports it as it would have before starting.
    public private(set) var loadFailure: (any Error)?

    /// The timeline replayed.
    public var timeline: ReplayTimeline { player.timeline }
    /// The state shown.
    public var state: SessionState { player.state }
    private var language: Language { console.labels.language }

    /// Creates a replay on `screen` in `language`, at the clock's position. With `loading`,
    /// `timeline` is the beginning of the journal and the whole of it takes its place once read
    /// (``adoptWholeJournal()``).
    public init(
        timeline: ReplayTimeline, language: Language, screen: ScreenID = .facilitator, clock: ReplayClock,
        loading: ReplayLoading? = nil, from: String? = nil
    ) {
        self.console = Console(screen: screen, language: language, readOnly: true)
        self.clock = clock
        self.player = ReplayPlayer(timeline: timeline)
        self.loading = loading
        if loading != nil { console.idleMessage = .readingRestOfJournal }
        // A start (--from) beyond what is read: the beginning until the rest is there.
        if loading != nil, let last = timeline.lastInstant, let first = timeline.firstInstant, clock.position > last {
            pending = from.map { .goTo($0, near: first) } ?? .seek(clock.position)
            self.clock.position = first
        }
        player.move(to: self.clock.position)
    }

    /// Lets `replayMs` of replay time pass; returns the events folded on the way.
    @discardableResult
    public mutating func tick(replayMs: Int64) -> ArraySlice<Event> {
        adoptWholeJournal()
        let wasPlaying = clock.playing
        clock.advance(replayMs: replayMs, timeline: timeline)
        // At the end of what is read, playing waits for the rest: still playing, still pausable.
        if loading != nil, wasPlaying { clock.playing = true }
        return player.advance(to: clock.position)
    }

    /// Takes the whole journal's timeline once its reading is over: the replay goes on where it
    /// stands, and what was asked beyond the beginning (``pending``) is done; the warnings are
    /// kept and a torn journal said on the banner; a failed reading ends the replay
    /// (``loadFailure``).
    public mutating func adoptWholeJournal() {
        guard let outcome = loading?.outcome else { return }
        loading = nil
        console.idleMessage = nil
        if let m = console.message?.text, m == console.labels[.readingRestOfJournal] || m == pending.map(waitingText) {
            console.message = nil
        }
        switch outcome {
        case .success(let whole):
            player = ReplayPlayer(timeline: whole.timeline, continuing: player)
            player.move(to: clock.position)
            loadWarnings = whole.warnings
            if !whole.warnings.isEmpty { showTornJournal() }
            let asked = pending
            pending = nil
            switch asked {
            case .seek(let t): seek(to: t)
            case .goTo(let text, let near):
                do throws(Refusal) {
                    seek(to: try timeline.instant(text, near: near))
                } catch {
                    say(error.message(language), error: true)
                }
            case .move(let action, let times): for _ in 0..<times { perform(action) }
            case .search(let text, let forward): find(text, forward: forward)
            case nil: break
            }
        case .failure(let error):
            loadFailure = error
            quitRequested = true
        }
    }

    /// Says on the banner that the journal's last line is torn and left out.
    public mutating func showTornJournal() {
        let last = timeline.events.last?.seq ?? 0
        console.banner =
            language == .fr
            ? "Journal déchiré : relecture jusqu'au dernier événement intact (n° \(last))"
            : "Torn journal: replaying up to the last intact event (#\(last))"
    }

    /// What to say when nothing lies further: the rest of a long journal may still be coming,
    /// and `action` waits for it.
    private mutating func sayNothingFurther(_ action: ReplayAction, _ nothing: UILabel) {
        let forward = [ReplayAction.nextEvent, .nextItem, .nextDay].contains(action)
        if loading != nil, forward {
            if case .move(action, let n) = pending {
                wait(.move(action, times: n + 1))
            } else {
                wait(.move(action, times: 1))
            }
        } else {
            say(console.labels[nothing])
        }
    }

    /// Moves to meeting instant `t`; beyond the events read so far of a journal still being
    /// read, stays and goes there once it is read (``pending``).
    public mutating func seek(to t: Instant) {
        if loading != nil, let last = timeline.lastInstant, t > last {
            wait(.seek(t))
            return
        }
        pending = nil
        if console.message?.isError == false { console.message = nil }
        clock.position = t
        player.move(to: t)
    }

    /// Keeps `asked` for when the whole journal is read, and says what waits.
    private mutating func wait(_ asked: Pending) {
        pending = asked
        say(waitingText(asked))
    }

    /// The message shown while `asked` waits for the rest of the journal.
    private func waitingText(_ asked: Pending) -> String {
        let what: String
        switch asked {
        case .seek: what = console.labels[.replayWhatSeek]
        case .goTo(let text, _): what = console.labels[.replayWhatGoTo].replacingOccurrences(of: "%1", with: text)
        case .move(let action, let times):
            let help = Keymap.bindings(in: .replay).first { $0.action == .replay(action) }?.help(console.labels) ?? ""
            what = help + (times > 1 ? " ×\(times)" : "")
        case .search(let text, _): what = console.labels[.replayWhatSearch].replacingOccurrences(of: "%1", with: text)
        }
        return console.labels[.replayWaiting].replacingOccurrences(of: "%@", with: TextWidth.sanitize(what))
    }

    private mutating func say(_ text: String, error: Bool = false) {
        console.message = ConsoleMessage(text: text, isError: error, at: clock.position)
    }

    /// Takes one message: a key or paste, a resize, or time passing (``ConsoleInput/tick``, after
    /// ``tick(replayMs:)``). Returns ``ConsoleEffect/quit`` when the user asked to leave; a
    /// replay records nothing.
    public mutating func update(_ input: ConsoleInput) -> [ConsoleEffect] {
        switch input {
        case .input(.key(let key)): handle(key)
        case .input(.paste(let text)):
            if let p = prompt {
                switch p {
                case .goTo(let t): prompt = .goTo(t + text)
                case .search(let t): prompt = .search(t + text)
                }
            } else {
                say(console.labels[.pasteIgnored], error: true)
            }
        case .input(.pasteStalled): say(console.labels[.pasteStalled], error: true)
        case .input(.pasteTooLong): say(console.labels[.pasteTooLong], error: true)
        case .input(.resize), .recorded, .refused, .failed: break
        case .resized, .tick: _ = console.update(input, state: state, now: clock.position)
        }
        return quitRequested ? [.quit] : []
    }

    /// Handles one key.
    public mutating func handle(_ key: Key) {
        if key == .resize { return }
        if key == .ctrl("c") { quitRequested = true; return }
        if let p = prompt { editPrompt(p, key); return }
        if showingHelp {
            if HelpPanel.closingKeys.contains(key) { showingHelp = false }
            helpScroll = helpPanel.scroll(helpScroll, after: key, size: console.size)
            return
        }
        guard let b = Keymap.replayBinding(for: key), case .replay(let action) = b.action else {
            _ = console.handle(key, state: state, now: clock.position)
            if console.quitRequested { quitRequested = true }
            return
        }
        perform(action)
    }

    /// Applies a replay action.
    public mutating func perform(_ action: ReplayAction) {
        let here = clock.position
        switch action {
        case .playPause:
            if !clock.playing, loading == nil, let last = timeline.lastInstant, here >= last,
                let first = timeline.firstInstant
            {
                seek(to: first)
            }
            clock.playing.toggle()
        case .faster: clock.changeSpeed(faster: true)
        case .slower: clock.changeSpeed(faster: false)
        case .nextEvent, .previousEvent:
            clock.playing = false
            let t = action == .nextEvent ? timeline.nextEvent(after: here) : timeline.previousEvent(before: here)
            if let t {
                seek(to: t)
            } else {
                sayNothingFurther(action, .replayNoOtherEvent)
            }
        case .nextItem, .previousItem:
            let t = action == .nextItem ? timeline.nextItemStart(after: here) : timeline.previousItemStart(before: here)
            if let t {
                seek(to: t)
            } else {
                sayNothingFurther(action, .replayNoOtherItem)
            }
        case .nextDay, .previousDay:
            let t = action == .nextDay ? timeline.nextDayStart(after: here) : timeline.previousDayStart(before: here)
            if let t { seek(to: t) } else { sayNothingFurther(action, .replayNoOtherDay) }
        case .goTo: prompt = .goTo("")
        case .search: prompt = .search("")
        case .nextMatch, .previousMatch:
            guard let s = lastSearch else {
                say(console.labels[.replayNoSearch], error: true)
                return
            }
            find(s, forward: action == .nextMatch)
        case .help: showingHelp = true
        case .quit: quitRequested = true
        }
    }

    private mutating func editPrompt(_ p: Prompt, _ key: Key) {
        var text: String
        switch p {
        case .goTo(let t), .search(let t): text = t
        }
        switch key {
        case .escape: prompt = nil; return
        case .backspace: if !text.isEmpty { text.removeLast() }
        case .char(let c): text.append(c)
        case .enter:
            prompt = nil
            switch p {
            case .goTo: goTo(text)
            case .search:
                if !text.trimmingCharacters(in: .whitespaces).isEmpty { lastSearch = text; find(text, forward: true) }
            }
            return
        default: return
        }
        switch p {
        case .goTo: prompt = .goTo(text);
        case .search: prompt = .search(text)
        }
    }

    private mutating func goTo(_ text: String) {
        do throws(Refusal) {
            let t = try timeline.instant(text, near: clock.position)
            // Beyond what is read, the text is worked out again once the rest is there: a later
            // event may tell on which date a day was held.
            if loading != nil, let last = timeline.lastInstant, t > last {
                wait(.goTo(text, near: clock.position))
                return
            }
            seek(to: t)
        } catch {
            say(error.message(language), error: true)
        }
    }

    private mutating func find(_ text: String, forward: Bool) {
        let found =
            forward
            ? timeline.search(text, after: clock.position) : timeline.searchBackward(text, before: clock.position)
        // A search that would wrap, or find nothing, in a journal still being read waits for the
        // rest: the next match may lie there.
        if loading != nil, found?.wrapped ?? true {
            wait(.search(text, forward: forward))
            return
        }
        guard let m = found else {
            say(console.labels[.replayNotFound].replacingOccurrences(of: "%1", with: text), error: true)
            return
        }
        clock.playing = false
        seek(to: m.at)
        console.screen = .rapporteur
        let when = timeline.local.hhmm(m.at)
        let wrap = !m.wrapped ? "" : console.labels[forward ? .replayWrappedToStart : .replayWrappedToEnd]
        // The searched text last: a « %2 » typed in it stays as typed.
        say(
            console.labels[.replayFound].replacingOccurrences(of: "%2", with: "\(m.seq)")
                .replacingOccurrences(of: "%3", with: when).replacingOccurrences(of: "%4", with: wrap)
                .replacingOccurrences(of: "%1", with: text))
    }

    // MARK: Rendering

    /// Rows the timeline takes under the consoles.
    public static let timelineRows = 2

    /// Draws the consoles, the replay hint bar and the timeline, or the replay help.
    public func render(size: Size) -> (grid: Grid, cursor: Position?) {
        let rows = size.height >= Console.minimumSize.height + Self.timelineRows ? Self.timelineRows : 0
        let inner = console.render(
            state: state, now: clock.position, size: Size(width: size.width, height: size.height - rows))
        // Too small for the consoles: their own message. Too small for the timeline only: the
        // replay's keys (and a prompt) on the consoles' hint row.
        guard size.width >= Console.minimumSize.width, size.height >= Console.minimumSize.height else { return inner }
        var grid = Grid(width: size.width, height: size.height)
        for i in 0..<(inner.grid.width * inner.grid.height) {
            grid.setRaw(inner.grid.cells[i], at: i)
        }
        // Help and quit first, as in the consoles' hint bar.
        let shown = Keymap.bindings(in: .replay).filter(\.inHints)
        let first: Set<Action> = [.replay(.help), .replay(.quit)]
        let ordered = shown.filter { first.contains($0.action) } + shown.filter { !first.contains($0.action) }
        let hints = ordered.map { (keys: $0.keys[0].displayName(language), label: $0.hint(console.labels)) }
        grid.drawHints(hints, y: size.height - rows - 1, keysAlone: true)
        var cursor = inner.cursor
        if rows > 0 {
            let bar = TimelineBar(timeline: timeline, clock: clock, language: language, complete: loading == nil)
            bar.drawBar(into: &grid, y: size.height - 2)
            if let p = prompt {
                cursor = drawPrompt(p, into: &grid, y: size.height - 1)
            } else {
                bar.drawStatus(into: &grid, y: size.height - 1, state: state)
            }
        } else if let p = prompt {
            cursor = drawPrompt(p, into: &grid, y: size.height - 1)
        }
        if showingHelp {
            helpPanel.draw(into: &grid, size: size, scroll: helpScroll)
            return (grid, nil)
        }
        return (grid, cursor)
    }

    private func drawPrompt(_ p: Prompt, into grid: inout Grid, y: Int) -> Position {
        let label: String, text: String
        switch p {
        case .goTo(let t):
            label = console.labels[.replayGoToPrompt]; text = t
        case .search(let t): label = console.labels[.replaySearchPrompt]; text = t
        }
        grid.fill(x: 0, y: y, width: grid.width, height: 1, role: .input)
        var x = grid.put(x: 0, y: y, text: label, role: .title)
        x = grid.put(x: x, y: y, text: TextWidth.sanitize(text), role: .input)
        return Position(x: min(x, grid.width - 1), y: y)
    }

    /// Replay's help: its keys, the screens', and that nothing is recorded.
    private var helpPanel: HelpPanel {
        let l = console.labels
        return HelpPanel(
            rows: Keymap.helpRows(
                Keymap.bindings(in: .replay), l, extra: [(keys: "F1…F5 F11", help: l[.helpReplayScreens])]),
            notes: ["", l[.replayReadOnly]], titles: [l[.replayHelpTitle]], close: l[.helpClose])
    }
}
