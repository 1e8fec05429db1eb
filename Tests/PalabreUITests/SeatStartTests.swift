import Foundation
import Testing

@testable import PalabreCore
@testable import PalabreUI

/// A seat started on the session's decision snapshot: its first frame comes from the decision
/// state, says that the journal is being read, and the entries, the documents and an amendment's
/// draft come once the whole journal is folded in the background. The live loop of `palabre run`
/// on a memory terminal, on real session folders made of the recorded Ségou roundtable.
@Suite("A seat started on its decision snapshot")
struct SeatStartTests {
    static let recorded = SegouMoments.root + "/sessions/segou-2023-recorded"

    /// A session folder holding the first `lines` events of the recorded roundtable, its programme
    /// and its decision snapshot.
    static func session(lines: Int) throws -> String {
        let dir = temporaryFolder()
        try FileManager.default.copyItem(atPath: recorded + "/programme.yaml", toPath: dir + "/programme.yaml")
        let all = try String(contentsOfFile: recorded + "/journal.jsonl", encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: true)
        try (all.prefix(lines).joined(separator: "\n") + "\n").write(
            toFile: dir + "/journal.jsonl", atomically: false, encoding: .utf8)
        let writer = try SessionStore(folder: dir, programme: programme, deciding: true)
        try #require(writer.saveDecisionSnapshot())
        return dir
    }

    static let programme: Programme = {
        try! ProgrammeLoader.load(path: recorded).programme!
    }()

    /// The loop of a seat on `dir`, opened as `palabre run` opens it.
    static func seat(
        _ dir: String, screen: ScreenID, language: Language = .fr, drafts: DraftFile? = nil,
        documents: DocumentScheduler? = nil
    ) throws -> (ConsoleLoop, MemoryTerminal, SessionStore) {
        let store = try SessionStore(folder: dir, programme: programme, deciding: true)
        try #require(store.state.isForDeciding, "the seat starts on the snapshot")
        let terminal = MemoryTerminal(width: 120, height: 40)
        let clock = ManualClock(store.state.lastAt!.adding(seconds: 20))
        let loop = ConsoleLoop(
            terminal: terminal, clock: clock,
            program: .live(
                Console(screen: screen, language: language),
                ConsoleLoop.Live(store: store, seat: "rapporteur", documents: documents, drafts: drafts)))
        return (loop, terminal, store)
    }

    /// Steps `loop` until `store` holds the whole fold (30 s at most).
    static func awaitWholeFold(_ loop: ConsoleLoop, _ store: SessionStore) throws {
        let deadline = Date().addingTimeInterval(30)
        while store.state.isForDeciding && Date() < deadline {
            loop.step(maxWaitMilliseconds: 0)
            usleep(2_000)
        }
        try #require(!store.state.isForDeciding, "the whole fold was not taken within 30 s")
        loop.step(maxWaitMilliseconds: 0)
    }

    /// The text of the last entry recorded among the first `lines` events.
    static func lastEntry(_ store: SessionStore) -> (seq: Int, text: String)? {
        store.state.entries.last.map { ($0.id, $0.content.text) }
    }

    @Test(arguments: [Language.fr, .en])
    func theFirstFrameSaysTheJournalIsReadThenTheEntriesAndDocumentsCome(language: Language) throws {
        let dir = try Self.session(lines: 420)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let out = dir + "/out"
        let documents = DocumentScheduler(dir: out, folder: dir, docx: false)
        let (loop, term, store) = try Self.seat(dir, screen: .rapporteur, language: language, documents: documents)
        let reading = Labels(language)[.readingJournal]
        loop.step(maxWaitMilliseconds: 0)
        let first = term.screen.grid.lines().joined(separator: "\n")
        #expect(first.contains(String(reading.prefix(30))), "\(first)")
        documents.finish()
        #expect(!FileManager.default.fileExists(atPath: out + "/minutes.md"), "no document from a decision state")
        try Self.awaitWholeFold(loop, store)
        let later = term.screen.grid.lines().joined(separator: "\n")
        #expect(!later.contains(String(reading.prefix(30))))
        let whole = try SessionStore(folder: dir, programme: Self.programme, writable: false).state
        #expect(store.state == whole)
        documents.finish()
        let minutes = try String(contentsOfFile: out + "/minutes.md", encoding: .utf8)
        let entry = try #require(Self.lastEntry(store))
        #expect(minutes.contains(String(entry.text.prefix(40))))
    }

    /// The rapporteur's saved draft in `dir`: `text` amending the last entry.
    static func amendmentDraft(
        _ dir: String, text: String
    ) throws -> (
        DraftFile, ConsoleDraft, (seq: Int, text: String)
    ) {
        let whole = try SessionStore(folder: dir, programme: Self.programme, writable: false)
        let entry = try #require(Self.lastEntry(whole))
        let file = DraftFile(folder: dir, seat: "rapporteur")
        let draft = ConsoleDraft(
            rapporteur: ConsoleDraft.Rapporteur(
                text: text, kind: .note, formKind: nil, form: nil, amending: entry.seq,
                amendingVersion: whole.state.entry(entry.seq)?.version, formParked: nil),
            walkIn: nil)
        try file.save(draft.encoded())
        return (file, draft, entry)
    }

    @Test func anAmendmentsDraftWaitsForTheEntriesAndIsNotOverwrittenMeanwhile() throws {
        let dir = try Self.session(lines: 420)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (file, draft, entry) = try Self.amendmentDraft(dir, text: "Texte corrigé « été »")
        let (loop, _, store) = try Self.seat(dir, screen: .rapporteur, drafts: file)
        loop.step(maxWaitMilliseconds: 0)
        #expect(loop.console?.rapporteur.amending == nil, "the entry is not folded yet")
        #expect(file.load().flatMap(ConsoleDraft.decoded) == draft, "the draft file is kept as it was")
        try Self.awaitWholeFold(loop, store)
        #expect(loop.console?.rapporteur.amending == entry.seq)
        #expect(loop.console?.rapporteur.editor.text == "Texte corrigé « été »")
    }

    @Test func whatIsTypedDuringTheReadingIsKeptBehindTheAmendmentPutBack() throws {
        let dir = try Self.session(lines: 420)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (file, _, entry) = try Self.amendmentDraft(dir, text: "Texte corrigé")
        let (loop, term, store) = try Self.seat(dir, screen: .rapporteur, drafts: file)
        // Typed with the first frame: the whole fold begins then, and what it makes is taken at
        // the next step at the earliest, so the keys land during the reading whatever the load.
        term.pending = "Le maire".map { .key(.char($0)) }
        loop.step(maxWaitMilliseconds: 0)
        #expect(store.state.isForDeciding, "still reading when the keys were handled")
        try Self.awaitWholeFold(loop, store)
        #expect(loop.console?.rapporteur.amending == entry.seq)
        #expect(loop.console?.rapporteur.editor.text == "Texte corrigé")
        #expect(loop.console?.rapporteur.stash?.text == "Le maire", "what was typed comes back after the amendment")
        let saved = try #require(file.load().flatMap(ConsoleDraft.decoded))
        #expect(saved.rapporteur?.amending == entry.seq, "the draft file keeps the amendment")
    }

    @Test(arguments: [ScreenID.followUp, .synergies])
    func boardsShowTheWholeFoldOnceItComes(screen: ScreenID) throws {
        let dir = try Self.session(lines: Int.max)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (loop, term, store) = try Self.seat(dir, screen: screen)
        loop.step(maxWaitMilliseconds: 0)
        try Self.awaitWholeFold(loop, store)
        var fresh = Console(screen: screen, language: .fr)
        fresh.seat = "rapporteur"
        let expected = fresh.render(state: store.state, now: loop.clock.now(), size: Size(width: 120, height: 40))
            .grid.lines()
        #expect(term.screen.grid.lines() == expected)
        #expect(!expected.joined().contains("Aucun engagement"), "the recorded meeting has a follow-up")
    }

    @Test(arguments: [Language.fr, .en])
    func undoDuringTheReadingSaysToWaitRatherThanNothingToUndo(language: Language) throws {
        let journal = try Journal(path: Self.recorded + "/journal.jsonl", writable: false)
        let s = SessionState.fold(Self.programme, Array(try journal.loadAll().prefix(420)))
        var console = Console(screen: .facilitator, language: language)
        console.seat = "facilitator"
        let now = (s.lastAt ?? Instant(ms: 0)).adding(seconds: 30)
        _ = console.update(.input(.key(.ctrl("z"))), state: s.forDeciding(), now: now)
        #expect(console.message?.text == Labels(language)[.undoWhileReading])
        var full = Console(screen: .facilitator, language: language)
        full.seat = "facilitator"
        _ = full.update(.input(.key(.ctrl("z"))), state: s, now: now)
        #expect(full.message?.text != Labels(language)[.undoWhileReading])
    }

    /// A command that needs the records — here the review of an earlier session's entry, which a
    /// rapporteur can ask for before the journal is read — says that it waits for the whole fold,
    /// then is recorded: the seat does not stand still without a word.
    @Test(arguments: [Language.fr, .en])
    func aCommandNeedingTheRecordsSaysItWaitsThenIsRecorded(language: Language) throws {
        let suivi = SegouMoments.root + "/sessions/suivi-2024"
        let p = try #require(try ProgrammeLoader.load(path: suivi).programme)
        let open = PreviousSessions.load(for: p, folder: suivi).sessions.flatMap(\.open)
        try #require(!open.isEmpty)
        let dir = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.copyItem(atPath: suivi + "/programme.yaml", toPath: dir + "/programme.yaml")
        let writer = try SessionStore(folder: dir, programme: p)
        try writer.perform(.startDay(date: nil), seat: "facilitator", at: SegouMoments.at("2024-04-16", 9, 0))
        try writer.perform(.startItem(id: "suivi"), seat: "facilitator", at: SegouMoments.at("2024-04-16", 9, 20))
        try #require(try SessionStore(folder: dir, programme: p, deciding: true).saveDecisionSnapshot())
        let store = try SessionStore(folder: dir, programme: p, deciding: true)
        try #require(store.state.isForDeciding)
        let term = MemoryTerminal(width: 120, height: 40)
        var console = Console(screen: .rapporteur, language: language)
        console.previous = open
        let loop = ConsoleLoop(
            terminal: term, clock: ManualClock(SegouMoments.at("2024-04-16", 9, 35)),
            program: .live(console, ConsoleLoop.Live(store: store, seat: "rapporteur", documents: nil, drafts: nil)))
        term.keepsFrames = true
        // The first step starts the whole fold; the review, asked in the same step, waits for it.
        term.queue(.key(.ctrl("r")), .key(.enter), .key(.ctrl("s")))
        loop.step(maxWaitMilliseconds: 0)
        let waiting = Labels(language)[.commandAwaitsJournal]
        #expect(
            term.frames.contains { $0.contains(String(waiting.prefix(40))) },
            "the wait is said: \(term.frames.last ?? "")")
        let last = try #require(try Journal(path: dir + "/journal.jsonl", writable: false).loadAll().last)
        guard case .previousReviewed = last.payload else {
            Issue.record("the review was not recorded: \(last.payload)")
            return
        }
        #expect(!store.state.isForDeciding && store.state.reviews.count == 1)
    }

    @Test func quittingBeforeTheWholeFoldStillWritesEveryEventsDocuments() throws {
        let dir = try Self.session(lines: 420)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let out = dir + "/out"
        let (loop, term, store) = try Self.seat(
            dir, screen: .rapporteur, documents: DocumentScheduler(dir: out, folder: dir, docx: false))
        term.pending = "Note avant la fin de la lecture".map { .key(.char($0)) } + [.key(.enter)]
        loop.step(maxWaitMilliseconds: 0)
        // Quit at once: the loop ends before it takes the background fold.
        term.signal = SIGTERM
        loop.run()
        #expect(!store.state.isForDeciding)
        let minutes = try String(contentsOfFile: out + "/minutes.md", encoding: .utf8)
        #expect(minutes.contains("Note avant la fin de la lecture"))
        let entry = try #require(
            try SessionStore(folder: dir, programme: Self.programme, writable: false).state.entries.dropLast().last)
        #expect(minutes.contains(String(entry.content.text.prefix(40))))
    }

    /// Every screen draws the decision state of moments across the meeting, at the smallest size,
    /// 80×24 and 120×40, in both languages, and takes keys on it, without a crash; every screen
    /// but the wall says the journal is being read.
    @Test func everyScreenDrawsAndTakesKeysOnADecisionState() throws {
        let journal = try Journal(path: Self.recorded + "/journal.jsonl", writable: false)
        let events = try journal.loadAll()
        var s = SessionState(programme: Self.programme)
        let keys: [InputEvent] = [
            .key(.down), .key(.up), .key(.tab), .key(.enter), .key(.char("a")), .key(.escape), .key(.pageDown),
        ]
        for (k, e) in events.enumerated() {
            s.evolve(e)
            guard k % 90 == 45 || k == events.count - 1 else { continue }
            let deciding = s.forDeciding()
            let now = (s.lastAt ?? Instant(ms: 0)).adding(seconds: 30)
            for screen in ScreenID.allCases {
                for language in [Language.fr, .en] {
                    var console = Console(screen: screen, language: language)
                    for size in [
                        Size(width: 40, height: 12), Size(width: 80, height: 24), Size(width: 120, height: 40),
                    ] {
                        let text = console.render(state: deciding, now: now, size: size).grid.lines()
                            .joined(separator: "\n")
                        if screen != .projector, size.width >= 80 {
                            #expect(
                                text.contains(String(Labels(language)[.readingJournal].prefix(20))),
                                "\(screen) \(language) at event \(k)")
                        }
                    }
                    for key in keys { _ = console.update(.input(key), state: deciding, now: now) }
                    _ = console.render(state: deciding, now: now, size: Size(width: 80, height: 24))
                }
            }
        }
    }
}
