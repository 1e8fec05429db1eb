import Foundation
import Testing

@testable import PalabreCore
@testable import PalabreUI

/// The live loop as `palabre run` runs it, on a memory terminal, a manual clock and a memory
/// event log: what is typed, what is recorded, what is drawn.
@Suite("Console loop")
struct ConsoleLoopTests {
    /// A loop on the Ségou programme with a day and an item started, and the log behind it.
    static func loop(
        seat: SeatRole = .facilitator, screen: ScreenID = .facilitator, drafts: DraftFile? = nil,
        width: Int = 100, height: Int = 30
    ) throws -> (ConsoleLoop, MemoryTerminal, MemoryEventLog.Storage, ManualClock) {
        let clock = ManualClock(SegouMoments.at("2023-10-17", 9, 0))
        let storage = MemoryEventLog.Storage()
        let setup = try SessionStore(programme: SegouMoments.programme, log: MemoryEventLog(storage))
        try setup.perform(.startDay(date: nil), seat: "facilitator", at: clock.now())
        try setup.perform(.startItem(id: nil), seat: "facilitator", at: clock.now())
        let store = try SessionStore(programme: SegouMoments.programme, log: MemoryEventLog(storage))
        let terminal = MemoryTerminal(width: width, height: height)
        let console = Console(screen: screen, language: .fr, readOnly: seat == .projector || seat == .observer)
        let loop = ConsoleLoop(
            terminal: terminal, clock: clock,
            program: .live(console, ConsoleLoop.Live(store: store, seat: seat.rawValue, drafts: drafts)))
        return (loop, terminal, storage, clock)
    }

    static func keys(_ text: String) -> [InputEvent] { text.map { .key(.char($0)) } }

    @Test(
        "An idle live seat makes one frame a second: a second step within the second draws nothing; a key, another seat's event or the next second draws"
    )
    func idleSeatDrawsOnceASecond() throws {
        let (loop, term, storage, clock) = try Self.loop()
        term.keepsFrames = true
        clock.set(Instant(ms: clock.now().ms + 100))
        loop.step(maxWaitMilliseconds: 0)
        let first = term.frames.count
        #expect(first == 1)
        // Half a second later, nothing happened: no frame made.
        clock.set(Instant(ms: clock.now().ms + 500))
        loop.step(maxWaitMilliseconds: 0)
        #expect(term.frames.count == first)
        // A key is drawn by the next step, at once (a step reads the keys after its frame).
        term.queue(.key(.char("?")))
        loop.step(maxWaitMilliseconds: 0)
        loop.step(maxWaitMilliseconds: 0)
        #expect(term.frames.count == first + 1)
        #expect(term.frames.last?.contains("Aide") == true)
        term.queue(.key(.escape))
        loop.step(maxWaitMilliseconds: 0)
        loop.step(maxWaitMilliseconds: 0)
        let afterKeys = term.frames.count
        #expect(afterKeys == first + 2)
        // Another seat's event, read within the same second, draws.
        let other = try SessionStore(programme: SegouMoments.programme, log: MemoryEventLog(storage))
        try other.perform(
            .record(EntryContent(kind: .note, text: "Vue par l'autre poste")), seat: "rapporteur", at: clock.now())
        loop.step(maxWaitMilliseconds: 0)
        #expect(term.frames.count == afterKeys + 1)
        loop.step(maxWaitMilliseconds: 0)
        #expect(term.frames.count == afterKeys + 1)
        // The next second draws (a countdown shows seconds).
        clock.advance(seconds: 1)
        loop.step(maxWaitMilliseconds: 0)
        #expect(term.frames.count == afterKeys + 2)
    }

    @Test("A key goes through decide and the log, and the frame shows it once recorded")
    func keyToJournalToFrame() throws {
        let (loop, term, storage, clock) = try Self.loop()
        loop.step(maxWaitMilliseconds: 0)
        #expect(term.screen.grid.lines().joined().contains("Modération"))
        let before = storage.all.count
        term.queue(.key(.char("t")))
        clock.advance(seconds: 5)
        loop.step(maxWaitMilliseconds: 0)
        #expect(storage.all.count == before + 1)
        guard case .itemEnded = storage.all.last?.payload else { Issue.record("no itemEnded"); return }
        // u names what it would take back; a second u takes it back with a compensating event.
        term.queue(.key(.char("u")))
        loop.step(maxWaitMilliseconds: 0)
        #expect(storage.all.count == before + 1)
        #expect(loop.console?.message?.text.hasPrefix("u à nouveau annule la fin du point « Accueil") == true)
        term.queue(.key(.char("u")))
        loop.step(maxWaitMilliseconds: 0)
        #expect(storage.all.last?.payload == .undone(seq: before + 1))
        loop.step(maxWaitMilliseconds: 0)
        #expect(loop.console?.message?.text.hasPrefix("Annulé") == true)
        let store = try SessionStore(programme: SegouMoments.programme, log: MemoryEventLog(storage))
        #expect(store.state.currentItem != nil)
    }

    @Test("The facilitator's bell is off by default; g turns it on: once at 1 min left, once at time up")
    func bellAtOneMinuteAndTimeUp() throws {
        let (loop, term, _, clock) = try Self.loop()
        let box = SegouMoments.programme.days[0].items[0].duration
        loop.step(maxWaitMilliseconds: 0)
        clock.advance(seconds: box - 61); loop.step(maxWaitMilliseconds: 0)
        clock.advance(seconds: 2); loop.step(maxWaitMilliseconds: 0)
        #expect(term.rings == 0, "off by default")
        term.queue(.key(.char("g")))
        loop.step(maxWaitMilliseconds: 0)
        #expect(loop.console?.message?.text.hasPrefix("Sonnerie activée") == true)
        clock.advance(seconds: 30); loop.step(maxWaitMilliseconds: 0)
        #expect(term.rings == 0, "the minute was crossed before it was on")
        clock.advance(seconds: 30); loop.step(maxWaitMilliseconds: 0)
        #expect(term.rings == 1, "time up")
        clock.advance(seconds: 5); loop.step(maxWaitMilliseconds: 0)
        #expect(term.rings == 1, "once")
        // The next item: one ring at 1 min left.
        term.queue(.key(.char("t")))
        loop.step(maxWaitMilliseconds: 0)
        term.queue(.key(.char("d")))
        loop.step(maxWaitMilliseconds: 0)
        let next = SegouMoments.programme.days[0].items[1].duration
        clock.advance(seconds: next - 62); loop.step(maxWaitMilliseconds: 0)
        clock.advance(seconds: 3); loop.step(maxWaitMilliseconds: 0)
        #expect(term.rings == 2)
        term.queue(.key(.char("g")))
        loop.step(maxWaitMilliseconds: 0)
        clock.advance(seconds: 60); loop.step(maxWaitMilliseconds: 0)
        #expect(term.rings == 2, "g turned it off")
    }

    @Test("Pastes and undecodable input record nothing on a screen without a text field")
    func pastesRecordNothing() throws {
        let (loop, term, storage, _) = try Self.loop()
        loop.step(maxWaitMilliseconds: 0)
        let before = storage.all.count
        var decoder = KeyDecoder()
        var events: [InputEvent] = []
        // Keypad in application mode, modified keys, a split sequence, pastes of commands.
        let bytes: [[UInt32]] = [
            [27, 79, 116], [27, 91, 49, 59, 56, 80], [27, 91, 49, 59, 50, 70], [27, 91, 49, 59, 50, 70],
            [27, 91, 49, 59, 50, 66],
        ]
        var ms: Int64 = 0
        for seq in bytes {
            for b in seq { events += decoder.feed(b, atMilliseconds: ms) }
            ms += 500
            events += decoder.expire(atMilliseconds: ms)
        }
        events += [.paste("r"), .paste("t"), .paste("F F")]
        term.pending = events
        loop.step(maxWaitMilliseconds: 0)
        #expect(storage.all.count == before)
        #expect(loop.console?.message?.text == "Collage ignoré : aucun champ de saisie n'a le focus")
        #expect(!loop.finished)
    }

    @Test("A prompt takes a paste whole; the command it then sends is recorded")
    func pasteIntoAPrompt() throws {
        let (loop, term, storage, _) = try Self.loop()
        term.queue(.key(.char("i")), .paste("Point imprévu : été"), .key(.enter), .paste("15"), .key(.enter))
        loop.step(maxWaitMilliseconds: 0)
        guard case .itemInserted(_, _, let item) = storage.all.last?.payload else {
            Issue.record("nothing inserted: \(String(describing: storage.all.last?.payload))"); return
        }
        #expect(item.title == "Point imprévu : été" && item.duration == 900)
    }

    @Test("Quitting with an unsent draft asks once and keeps it; without one it quits at once")
    func quittingKeepsTheDraft() throws {
        let dir = temporaryFolder()
        let file = DraftFile(folder: dir, seat: "rapporteur")
        let (loop, term, storage, _) = try Self.loop(seat: .rapporteur, screen: .rapporteur, drafts: file)
        let before = storage.all.count
        term.pending = Self.keys("Brouillon « é »")
        loop.step(maxWaitMilliseconds: 0)
        term.queue(.key(.ctrl("c")))
        loop.step(maxWaitMilliseconds: 0)
        #expect(!loop.finished)
        #expect(loop.console?.message?.text == "Brouillon non envoyé — Ctrl-C à nouveau pour quitter, il sera conservé")
        term.queue(.key(.ctrl("c")))
        loop.step(maxWaitMilliseconds: 0)
        #expect(loop.finished)
        #expect(storage.all.count == before)
        var st = stat()
        #expect(stat(file.path, &st) == 0 && st.st_mode & 0o777 == 0o600)
        // The seat attaches again: the draft is back, and sending it clears the file.
        let (again, term2, storage2, _) = try Self.loop(seat: .rapporteur, screen: .rapporteur, drafts: file)
        again.step(maxWaitMilliseconds: 0)
        #expect(again.console?.rapporteur.editor.text == "Brouillon « é »")
        #expect(term2.screen.grid.lines().contains { $0.contains("Brouillon non envoyé restauré") })
        term2.queue(.key(.enter))
        again.step(maxWaitMilliseconds: 0)
        #expect(
            storage2.all.last.map { if case .entryRecorded(_, let c) = $0.payload { c.text } else { "" } }
                == "Brouillon « é »")
        #expect(file.load() == nil)
        // Nothing unsent: Ctrl-C quits at once.
        term2.queue(.key(.ctrl("c")))
        again.step(maxWaitMilliseconds: 0)
        #expect(again.finished)
    }

    @Test("A form put aside with Esc is part of the draft: kept on quit and given back on attach")
    func parkedFormKept() throws {
        let dir = temporaryFolder()
        let file = DraftFile(folder: dir, seat: "rapporteur")
        let (loop, term, _, _) = try Self.loop(seat: .rapporteur, screen: .rapporteur, drafts: file)
        term.pending = Self.keys("/e Puits") + [.key(.enter)] + Self.keys("unicef") + [.key(.escape)]
        loop.step(maxWaitMilliseconds: 0)
        #expect(loop.console?.rapporteur.form == nil && loop.console?.rapporteur.parkedForm != nil)
        term.queue(.key(.ctrl("c")))
        loop.step(maxWaitMilliseconds: 0)
        #expect(!loop.finished, "a form put aside is unsent work: quitting asks")
        term.queue(.key(.ctrl("c")))
        loop.step(maxWaitMilliseconds: 0)
        let (again, term2, _, _) = try Self.loop(seat: .rapporteur, screen: .rapporteur, drafts: file)
        again.step(maxWaitMilliseconds: 0)
        term2.queue(.key(.enter))
        again.step(maxWaitMilliseconds: 0)
        #expect(again.console?.rapporteur.form?["partner"]?.text.lowercased() == "unicef")
    }

    @Test("Keys typed while the window is too small are kept: text in the draft, commands refused")
    func tinyWindowKeepsKeys() throws {
        let (loop, term, storage, _) = try Self.loop(seat: .rapporteur, screen: .rapporteur, width: 20, height: 5)
        let before = storage.all.count
        loop.step(maxWaitMilliseconds: 0)
        term.pending = Self.keys("abc") + [.key(.backspace), .key(.char("t")), .key(.function(1)), .key(.enter)]
        loop.step(maxWaitMilliseconds: 0)
        #expect(loop.console?.rapporteur.editor.text == "abt")
        #expect(loop.console?.screen == .rapporteur)
        #expect(storage.all.count == before)
        #expect(loop.console?.message?.text.hasPrefix("Fenêtre trop petite") == true)
        term.resize(width: 100, height: 30)
        loop.step(maxWaitMilliseconds: 0)
        #expect(term.screen.grid.lines().contains { $0.contains("abt") })
    }

    @Test("A read-only seat records nothing, undo included")
    func readOnlySeat() throws {
        let (loop, term, storage, _) = try Self.loop(seat: .projector, screen: .facilitator)
        let before = storage.all.count
        term.pending = Self.keys("tudpB") + [.key(.ctrl("z")), .key(.enter)]
        loop.step(maxWaitMilliseconds: 0)
        #expect(storage.all.count == before)
    }

    @Test("Events other seats record are folded and drawn at the next step")
    func otherSeats() throws {
        let (loop, term, storage, clock) = try Self.loop(screen: .rapporteur)
        loop.step(maxWaitMilliseconds: 0)
        let other = try SessionStore(programme: SegouMoments.programme, log: MemoryEventLog(storage))
        try other.perform(
            .record(EntryContent(kind: .decision, text: "Décision d'un autre poste")), seat: "rapporteur",
            at: clock.now())
        loop.step(maxWaitMilliseconds: 0)
        #expect(term.screen.grid.lines().contains { $0.contains("Décision d'un autre poste") })
    }

    @Test("The replay runs in the same loop and records nothing")
    func replayInTheLoop() throws {
        let (_, _, storage, _) = try Self.loop()
        let timeline = ReplayTimeline(programme: SegouMoments.programme, events: storage.all)
        let replay = ReplayConsole(
            timeline: timeline, language: .en,
            clock: ReplayClock(position: timeline.firstInstant!, speed: 1))
        let clock = ManualClock(SegouMoments.at("2023-10-17", 9, 0))
        let term = MemoryTerminal(width: 100, height: 30)
        let loop = ConsoleLoop(terminal: term, clock: clock, program: .replay(replay))
        loop.step(maxWaitMilliseconds: 0)
        #expect(term.screen.grid.lines().contains { $0.contains("play/pause") })
        term.queue(.paste("q"))
        loop.step(maxWaitMilliseconds: 0)
        #expect(!loop.finished, "a paste is not a key")
        term.queue(.key(.char("q")))
        loop.step(maxWaitMilliseconds: 0)
        #expect(loop.finished)
    }
}

/// Steps of the system clock seen by live seats, with the wall and monotonic clocks injected
/// apart.
@Suite("Console loop and clock steps")
struct ClockStepLoopTests {
    /// A seat's loop on `storage` with its own steady clock on the shared `wall` and `mono`.
    static func seat(
        _ role: SeatRole, _ storage: MemoryEventLog.Storage, wall: ManualClock, mono: ManualMonotonicClock
    ) throws -> (ConsoleLoop, MemoryTerminal) {
        let store = try SessionStore(programme: SegouMoments.programme, log: MemoryEventLog(storage))
        let terminal = MemoryTerminal(width: 100, height: 30)
        let readOnly = role == .projector || role == .observer
        let console = Console(screen: .facilitator, language: .fr, readOnly: readOnly)
        let clock = SteadyClock(wall: wall, monotonic: mono)
        let loop = ConsoleLoop(
            terminal: terminal, clock: clock,
            program: .live(console, ConsoleLoop.Live(store: store, seat: role.rawValue)))
        return (loop, terminal)
    }

    @Test(
        "A clock step is recorded once, shown in every seat's banner, and moves no countdown", arguments: [-600, 3600])
    func aStepIsRecordedOnceAndShown(_ step: Int) throws {
        let wall = ManualClock(SegouMoments.at("2023-10-17", 9, 0))
        let mono = ManualMonotonicClock(5_000)
        let storage = MemoryEventLog.Storage()
        let setup = try SessionStore(programme: SegouMoments.programme, log: MemoryEventLog(storage))
        try setup.perform(.startDay(date: nil), seat: "facilitator", at: wall.now())
        try setup.perform(.startItem(id: nil), seat: "facilitator", at: wall.now())
        let (facilitator, fTerm) = try Self.seat(.facilitator, storage, wall: wall, mono: mono)
        let (rapporteur, rTerm) = try Self.seat(.rapporteur, storage, wall: wall, mono: mono)
        let (projector, _) = try Self.seat(.projector, storage, wall: wall, mono: mono)
        func pass(_ seconds: Int) { wall.advance(seconds: seconds); mono.advance(seconds: seconds) }
        pass(120)
        for l in [facilitator, rapporteur, projector] { l.step(maxWaitMilliseconds: 0) }
        let before = storage.all.count
        wall.advance(seconds: step)
        pass(1)
        // The projector may not record: it waits for a seat that may.
        projector.step(maxWaitMilliseconds: 0)
        #expect(storage.all.count == before)
        facilitator.step(maxWaitMilliseconds: 0)
        rapporteur.step(maxWaitMilliseconds: 0)
        projector.step(maxWaitMilliseconds: 0)
        #expect(storage.all.count == before + 1, "one event for one step, whatever the number of seats")
        #expect(storage.all.last?.payload == .clockAdjusted(seconds: step))
        let word = step < 0 ? "reculée de 10 min" : "avancée de 60 min"
        for term in [fTerm, rTerm] {
            #expect(term.screen.grid.lines()[1].contains("Horloge du système " + word))
        }
        pass(30)
        for l in [facilitator, rapporteur, projector] { l.step(maxWaitMilliseconds: 0) }
        // Every seat reads 2 min 31 s into the item: the step moved no timer.
        let item = try #require(setup.state.currentItem)
        for l in [facilitator, rapporteur, projector] {
            guard case .live(_, let live) = l.program else { Issue.record("not live"); continue }
            #expect(live.store.state.elapsed(item, at: l.clock.now()) == 151)
            #expect(l.clock.now() == wall.now(), "each seat goes on with the wall clock")
        }
        #expect(storage.all.count == before + 1)
        // A key clears the banner (seen on the next frame).
        fTerm.queue(.key(.right))
        facilitator.step(maxWaitMilliseconds: 0)
        facilitator.step(maxWaitMilliseconds: 0)
        #expect(!fTerm.screen.grid.lines()[1].contains("Horloge du système"))
    }
}

/// One conformance suite for every event log: the journal file and the memory log keep the
/// same rules.
@Suite("Event log conformance")
struct EventLogConformanceTests {
    enum Kind: String, CaseIterable { case file, memory }

    /// Two logs (two writers) on one store of events.
    static func pair(_ kind: Kind) throws -> (any EventLog, any EventLog) {
        switch kind {
        case .file:
            let path = temporaryFolder() + "/journal.jsonl"
            return (try Journal(path: path, writable: true), try Journal(path: path, writable: true))
        case .memory:
            let s = MemoryEventLog.Storage()
            return (MemoryEventLog(s), MemoryEventLog(s))
        }
    }

    static let t0 = SegouMoments.at("2023-10-17", 9, 0)

    @Test("Appends come back in order, seq without gaps, as appended", arguments: Kind.allCases)
    func appendAndRead(_ kind: Kind) throws {
        let (a, b) = try Self.pair(kind)
        let e1 = try a.append(
            [.sessionOpened, .dayStarted(date: "2023-10-17")], expectedSeq: 1, at: Self.t0, seat: "facilitator")
        #expect(e1.map(\.seq) == [1, 2])
        let e2 = try a.append(
            [.itemStarted(item: "d1-accueil")], expectedSeq: 3, at: Self.t0.adding(seconds: 60), seat: "rapporteur")
        var mine: [Event] = []
        try a.forEachEvent { mine.append($0) }
        #expect(mine.isEmpty, "a writer has read what it wrote")
        var all: [Event] = []
        try b.forEachEvent { all.append($0) }
        #expect(all == e1 + e2)
        #expect(a.lastSeq == 3 && b.lastSeq == 3)
    }

    @Test("A writer behind the log is refused with a conflict, then catches up", arguments: Kind.allCases)
    func conflict(_ kind: Kind) throws {
        let (a, b) = try Self.pair(kind)
        try a.forEachEvent { _ in }
        try b.forEachEvent { _ in }
        _ = try a.append([.sessionOpened], expectedSeq: 1, at: Self.t0, seat: "facilitator")
        #expect(throws: JournalError.self) {
            try b.append([.sessionOpened], expectedSeq: 1, at: Self.t0, seat: "rapporteur")
        }
        let seen = try b.readNew()
        #expect(seen.map(\.seq) == [1])
        let next = try b.append([.dayStarted(date: "2023-10-17")], expectedSeq: 2, at: Self.t0, seat: "rapporteur")
        #expect(next.map(\.seq) == [2])
        #expect(try a.readNew().map(\.seq) == [2])
    }

    @Test("A wrong expected seq is refused; timestamps never go back", arguments: Kind.allCases)
    func seqAndTime(_ kind: Kind) throws {
        let (a, _) = try Self.pair(kind)
        try a.forEachEvent { _ in }
        #expect(throws: JournalError.self) {
            try a.append([.sessionOpened], expectedSeq: 2, at: Self.t0, seat: "facilitator")
        }
        _ = try a.append([.sessionOpened], expectedSeq: 1, at: Self.t0, seat: "facilitator")
        let late = try a.append(
            [.dayStarted(date: "2023-10-17")], expectedSeq: 2, at: Self.t0.adding(seconds: -30), seat: "facilitator")
        #expect(late[0].at == Self.t0)
    }

    @Test("A session store folds the same state from either log", arguments: Kind.allCases)
    func storeOnEither(_ kind: Kind) throws {
        let (a, b) = try Self.pair(kind)
        let store = try SessionStore(programme: SegouMoments.programme, log: a)
        try store.perform(.startDay(date: nil), seat: "facilitator", at: Self.t0)
        try store.perform(.startItem(id: nil), seat: "facilitator", at: Self.t0.adding(seconds: 10))
        let other = try SessionStore(programme: SegouMoments.programme, log: b)
        #expect(other.state.lastSeq == store.state.lastSeq)
        #expect(other.state.currentItem == store.state.currentItem)
    }
}

/// A new empty folder under the system's temporary folder.
func temporaryFolder() -> String {
    let path = NSTemporaryDirectory() + "palabre-ui-" + UUID().uuidString
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

@Suite("Draft slots")
struct DraftSlotTests {
    @Test("Two consoles of one seat keep two drafts; a slot is free again once its console is gone")
    func slots() throws {
        let dir = temporaryFolder()
        func claim() -> DraftFile? { DraftFile.claim(folder: dir, seat: "rapporteur") }
        do {
            let first = claim(), second = claim()
            #expect(first?.path.hasSuffix(".draft-rapporteur.json") == true)
            #expect(second?.path.hasSuffix(".draft-rapporteur-2.json") == true)
            try first?.save(Data("un".utf8))
            try second?.save(Data("deux".utf8))
        }
        do {
            // Both consoles are gone: the next one is given the first slot's draft.
            let again = claim()
            #expect(again?.load() == Data("un".utf8))
            try again?.save(nil)
        }
        // The first draft was sent: the next console is given the orphan of the second slot.
        let next = claim()
        #expect(next?.load() == Data("deux".utf8))
    }
}
