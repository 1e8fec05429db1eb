import Foundation
import PalabreCore

/// The terminal as the loop sees it: somewhere to draw (``Backend``) and decoded input.
/// `TerminalSession` (ncurses) in production, ``MemoryTerminal`` in tests and benchmarks.
public protocol ConsoleTerminal: Backend {
    /// Every input event available within `timeoutMilliseconds` (all those already waiting,
    /// so a paste comes whole); empty when none came in time.
    func readInput(timeoutMilliseconds: Int32) -> [InputEvent]
    /// The signal that asked the program to stop (SIGINT, SIGTERM, SIGHUP), if any.
    func pendingSignal() -> Int32?
    /// Rings the terminal's bell (or flashes the screen where it has none).
    func ring()
}

/// The loop of every console: `palabre run`, `attach` and `replay`, the tests and the
/// benchmarks run this same code.
///
/// With a ``SteadyClock`` (as `palabre run` and `attach` use), a step of the system clock is
/// seen when its wall and monotonic clocks disagree: a seat that records writes a
/// `clockAdjusted` event, every seat folding one anchors its clock on the wall clock again and
/// shows it in the banner. The wait for input is a duration, never a wall-clock deadline.
///
/// One step: fold what other seats recorded → send ``ConsoleInput/tick`` → draw a frame →
/// wait for input (until the next second, for the countdowns) → for each input, `update` the
/// consoles and carry out the effects they return (record a command through decide and the
/// journal, whose outcome comes back as a message; quit) → write documents in the background
/// and save the seat's draft when it changed.
///
///     let loop = ConsoleLoop(terminal: term, clock: SystemClock(),
///                            program: .live(console, ConsoleLoop.Live(store: store, seat: "rapporteur")))
///     try loop.run()
public final class ConsoleLoop {
    /// What the live program needs around the consoles.
    public struct Live {
        /// The session: the journal (or a memory log) and the state folded from it.
        public let store: SessionStore
        /// The seat's name, written in each event.
        public let seat: String
        /// Where documents are written after each event; nil for read-only seats and tests.
        public let documents: DocumentScheduler?
        /// Where the seat's draft is kept; nil to keep none.
        public let drafts: DraftFile?
        /// What later sessions say of this one's entries, looked at once the session is closed
        /// (the Suivi screen and the documents follow it); nil to look at none.
        public let laterReviews: LaterReviewsWatch?

        /// Creates the live environment.
        public init(
            store: SessionStore, seat: String, documents: DocumentScheduler? = nil, drafts: DraftFile? = nil,
            laterReviews: LaterReviewsWatch? = nil
        ) {
            self.store = store; self.seat = seat; self.documents = documents; self.drafts = drafts
            self.laterReviews = laterReviews
        }
    }

    /// What the loop runs.
    public enum Program {
        /// The live consoles on a session.
        case live(Console, Live)
        /// A replay (read-only, its own clock).
        case replay(ReplayConsole)
    }

    /// The terminal.
    public let terminal: any ConsoleTerminal
    /// Where "now" comes from (wall clock; replay time is derived from its steps).
    public let clock: Clock
    /// The program and its state.
    public private(set) var program: Program
    /// Set once the program asked to quit or a signal came.
    public private(set) var finished = false
    private let renderer: Renderer
    private var lastSize: Size?
    /// What the last frame of a live seat was made from, beyond the time within its second.
    private struct FrameKey: Equatable {
        var seq: Int, entries: Int, turns: Int, deciding: Bool, second: Int64, size: Size, revision: Int
    }
    private var drawnKey: FrameKey?
    /// Counts the messages other than the tick: a key, a paste, a resize, a recording's outcome.
    private var revision = 0
    private var lastDraft: ConsoleDraft?
    private var lastTick: Instant?

    /// Creates a loop; nothing is drawn until ``step()`` or ``run()``.
    public init(terminal: any ConsoleTerminal, clock: Clock, program: Program) {
        self.terminal = terminal
        self.clock = clock
        self.program = program
        self.renderer = Renderer(backend: terminal)
        if case .live(var console, let live) = program {
            if console.seat == nil { console.seat = live.seat }
            if let data = live.drafts?.load(), let d = ConsoleDraft.decoded(data) {
                // An amendment under way names an entry, which a decision state does not have yet:
                // it waits for the whole fold; the rest of the draft is put back at once.
                if live.store.state.isForDeciding, let r = d.rapporteur, r.amending != nil {
                    deferredDraft = r
                    let rest = ConsoleDraft(rapporteur: nil, walkIn: d.walkIn)
                    if !rest.isEmpty { console.restore(rest, state: live.store.state, now: clock.now()) }
                } else {
                    console.restore(d, state: live.store.state, now: clock.now())
                    lastDraft = d
                }
            }
            self.program = .live(console, live)
            awaitingRecords = live.store.state.isForDeciding
            live.documents?.schedule(live.store.state)
        }
    }

    /// Whether the seat opened on a decision state (``SessionStore/foldInFullInBackground()``)
    /// and has not yet had the whole fold: the documents and an amendment's draft wait for it.
    private var awaitingRecords = false
    /// A saved amendment under way, which needs the entries, put back once they are folded; the
    /// draft file is not written meanwhile.
    private var deferredDraft: ConsoleDraft.Rapporteur?

    /// Once the whole journal is folded after a start on the decision state: writes the documents
    /// and puts back a deferred amendment (what was typed meanwhile is kept, given back after it).
    private func followWholeFold() {
        guard awaitingRecords, case .live(var c, let live) = program, !live.store.state.isForDeciding else { return }
        awaitingRecords = false
        revision &+= 1
        live.documents?.schedule(live.store.state)
        if let r = deferredDraft {
            deferredDraft = nil
            c.restoreAmendment(r, state: live.store.state, now: clock.now())
            program = .live(c, live)
        }
    }

    /// The live consoles (nil in a replay).
    public var console: Console? {
        switch program {
        case .live(let c, _): c
        case .replay(let r): r.console
        }
    }

    /// The replay (nil for the live consoles).
    public var replay: ReplayConsole? { if case .replay(let r) = program { return r }; return nil }

    /// Runs steps until the program quits or a signal comes; then waits for the documents.
    public func run() {
        while !finished { step() }
        guard case .live(var c, let live) = program else { return }
        if live.documents != nil {
            // A long journal takes seconds to fold and write: the screen says why it is still up.
            c.showNotice(c.labels[.quitWritingDocuments], now: clock.now())
            program = .live(c, live)
            draw()
        }
        // Quit before the whole fold came: the documents still hold every event.
        if awaitingRecords, live.documents != nil, (try? live.store.foldInFull()) != nil { followWholeFold() }
        live.documents?.finish()
    }

    /// One turn of the loop; `maxWaitMilliseconds` caps the wait for input (tests pass 0).
    public func step(maxWaitMilliseconds: Int32 = 1_000) {
        if terminal.pendingSignal() != nil { finished = true; return }
        let now = clock.now()
        refresh(now)
        checkClock()
        send(.tick)
        let size = terminal.size
        if size != lastSize {
            if lastSize != nil { renderer.invalidate() }
            lastSize = size
            send(.resized(size))
        }
        // A live seat draws when something may have changed: a message, an event folded, the
        // size, or the second shown; not the second time within a second when nothing did (an
        // idle seat then makes one frame a second while still reading other seats' events twice).
        drawIfChanged()
        // The whole fold of a seat started on its decision state begins once its first frame is up.
        if case .live(_, let live) = program { live.store.foldInFullInBackground() }
        let wait = min(maxWaitMilliseconds, readTimeout(clock.now()))
        let inputs = terminal.readInput(timeoutMilliseconds: wait)
        for input in inputs where !finished {
            if input == .resize { renderer.invalidate() }
            send(.input(input))
        }
        followWholeFold()
        saveDraft()
    }

    /// Draws the frame unless a live seat's frame would be made from the same as the last one
    /// (``FrameKey``).
    private func drawIfChanged() {
        guard case .live(_, let live) = program else { return draw() }
        let s = live.store.state, now = clock.now()
        let key = FrameKey(
            seq: s.lastSeq, entries: s.entries.count, turns: s.turns.count, deciding: s.isForDeciding,
            second: now.ms >= 0 ? now.ms / 1000 : (now.ms - 999) / 1000, size: terminal.size, revision: revision)
        guard key != drawnKey else { return }
        drawnKey = key
        draw()
    }

    /// Draws the frame of the present state.
    public func draw() {
        let now = clock.now()
        let size = terminal.size
        let frame: (grid: Grid, cursor: Position?)
        switch program {
        case .live(let c, let live): frame = c.render(state: live.store.state, now: now, size: size)
        case .replay(let r): frame = r.render(size: size)
        }
        renderer.render(frame.grid, cursor: frame.cursor)
    }

    /// Sends one message to the program and carries out its effects, feeding their outcome back.
    public func send(_ input: ConsoleInput) {
        if input != .tick { revision &+= 1 }
        var queue = [input]
        while !queue.isEmpty {
            let message = queue.removeFirst()
            let effects: [ConsoleEffect]
            switch program {
            case .live(var c, let live):
                effects = c.update(message, state: live.store.state, now: clock.now())
                program = .live(c, live)
            case .replay(var r):
                if message == .tick { advanceReplay(&r) }
                effects = r.update(message)
                program = .replay(r)
            }
            for effect in effects {
                switch effect {
                case .quit: finished = true
                case .bell: terminal.ring()
                case .record(let command): queue.append(record(command))
                }
            }
        }
    }

    private func advanceReplay(_ r: inout ReplayConsole) {
        let now = clock.now()
        defer { lastTick = now }
        guard let last = lastTick else { return }
        r.tick(replayMs: max(0, now.ms - last.ms))
    }

    private func record(_ command: Command) -> ConsoleInput {
        guard case .live(let console, let live) = program else { return .failed("read-only") }
        // A command that needs the records (an undo, an amendment…) waits for the whole fold under
        // way: the screen says so before it waits, instead of standing still without a word.
        if live.store.isFoldingInBackground, !command.isDecidedWithoutRecords {
            var c = console
            c.showNotice(c.labels[.commandAwaitsJournal], now: clock.now())
            program = .live(c, live)
            draw()
        }
        let now = clock.now()
        do {
            let events = try live.store.perform(command, seat: live.seat, at: now)
            live.documents?.schedule(live.store.state)
            followClock(events)
            return .recorded(events)
        } catch let r as Refusal {
            return .refused(r)
        } catch let j as JournalError {
            return .failed(j.message(console.labels.language))
        } catch {
            return .failed("\(error)")
        }
    }

    /// Folds what other seats recorded, and shows a document error once.
    private func refresh(_ now: Instant) {
        guard case .live(var c, let live) = program else { return }
        // Each thing that changes what is shown counts for the next frame (``drawIfChanged()``).
        if let e = live.documents?.takeError() { c.showError(e, now: now); revision &+= 1 }
        if let reload = live.store.reloadProgrammeIfChanged(language: c.labels.language) {
            revision &+= 1
            c.showProgrammeReload(reload, now: now)
            if reload == .reloaded { live.documents?.schedule(live.store.state) }
        }
        if live.store.state.closedAt != nil, let reviews = live.laterReviews?.look(), reviews != c.laterReviews {
            revision &+= 1
            c.laterReviews = reviews
            live.documents?.schedule(live.store.state)
        }
        var new: [Event] = []
        do {
            if try live.store.reopenIfReplaced() {
                revision &+= 1
                c.showNotice(c.labels[.journalReopened], now: now)
                live.documents?.schedule(live.store.state)
            }
            new = try live.store.refresh()
            if !new.isEmpty { live.documents?.schedule(live.store.state) }
        } catch let j as JournalError {
            c.showError(j.message(c.labels.language), now: now)
            revision &+= 1
        } catch {
            c.showError("\(error)", now: now)
            revision &+= 1
        }
        program = .live(c, live)
        followClock(new)
        followWholeFold()
    }

    /// Records a step of the system clock when the steady clock sees one (a seat that may record,
    /// on an open session); a seat that may not waits for another seat's event. Before the
    /// session is opened or once it is closed there is nothing to correct: the clock anchors
    /// again at once.
    private func checkClock() {
        guard case .live(_, let live) = program, let steady = clock as? SteadyClock,
            let step = steady.disagreement()
        else { return }
        guard live.store.state.openedAt != nil, live.store.state.closedAt == nil else { steady.resync(); return }
        let command = Command.recordClockAdjustment(seconds: step)
        guard live.store.journal?.writable ?? true, (SeatRole(rawValue: live.seat) ?? .facilitator).allows(command)
        else { return }
        do {
            let events = try live.store.perform(command, seat: live.seat, at: steady.wall.now())
            live.documents?.schedule(live.store.state)
            followClock(events)
        } catch is Refusal {
            steady.resync()
        } catch {
            guard case .live(var c, let live) = program else { return }
            c.showError("\(error)", now: clock.now())
            revision &+= 1
            program = .live(c, live)
        }
    }

    /// Follows the `clockAdjusted` events among `events` (this seat's or another's): the steady
    /// clock anchors on the wall clock again and the consoles move their instants and say so.
    private func followClock(_ events: [Event]) {
        let steps = events.compactMap { e -> (Int, Instant)? in
            if case .clockAdjusted(let seconds) = e.payload { return (seconds, e.at) }
            return nil
        }
        guard !steps.isEmpty, case .live(var c, let live) = program else { return }
        (clock as? SteadyClock)?.resync()
        for (seconds, at) in steps { c.clockAdjusted(seconds: seconds, at: at, state: live.store.state) }
        program = .live(c, live)
    }

    /// How long to wait for input: until the next second boundary (countdowns tick on time),
    /// sooner while a replay plays.
    private func readTimeout(_ now: Instant) -> Int32 {
        switch program {
        case .live: return Int32(max(20, min(500, 1000 - (now.ms % 1000) + 5)))
        case .replay(let r): return r.clock.playing ? 100 : 500
        }
    }

    /// Saves the seat's draft when it changed.
    private func saveDraft() {
        guard deferredDraft == nil, case .live(let c, let live) = program, let file = live.drafts else { return }
        let d = c.draft
        guard d != (lastDraft ?? ConsoleDraft()) else { return }
        do {
            try file.save(d.isEmpty ? nil : d.encoded())
            lastDraft = d
        } catch {
            var c = c
            c.showError("\(error)", now: clock.now())
            revision &+= 1
            program = .live(c, live)
        }
    }
}

/// A terminal in memory for tests and benchmarks: a ``MemoryBackend`` screen and a queue of
/// input events handed out by ``readInput(timeoutMilliseconds:)`` as they are queued.
public final class MemoryTerminal: ConsoleTerminal {
    /// The screen.
    public let screen: MemoryBackend
    /// Inputs waiting to be read, in order.
    public var pending: [InputEvent] = []
    /// A signal to report (nil: none).
    public var signal: Int32?
    /// How many times the bell rang.
    public private(set) var rings = 0
    /// The text of every frame flushed, in order, when ``keepsFrames`` is set (what a wait
    /// between two reads of the screen showed).
    public private(set) var frames: [String] = []
    /// Whether ``frames`` are kept.
    public var keepsFrames = false

    /// A terminal of `width` × `height` cells.
    public init(width: Int, height: Int) { screen = MemoryBackend(width: width, height: height) }

    /// Queues keys (and pastes, resizes) for the next read.
    public func queue(_ inputs: InputEvent...) { pending += inputs }

    /// Changes the size; a `.resize` input is queued as a terminal would send it.
    public func resize(width: Int, height: Int) {
        screen.resize(width: width, height: height)
        pending.append(.resize)
    }

    public func readInput(timeoutMilliseconds: Int32) -> [InputEvent] {
        defer { pending = [] }
        return pending
    }

    public func pendingSignal() -> Int32? { signal }
    public func ring() { rings += 1 }
    public var size: Size { screen.size }
    public func draw(_ changes: [CellChange]) { screen.draw(changes) }
    public func clear() { screen.clear() }
    public func setCursor(_ position: Position?) { screen.setCursor(position) }
    public func flush() {
        screen.flush()
        if keepsFrames { frames.append(screen.grid.lines().joined(separator: "\n")) }
    }
}
