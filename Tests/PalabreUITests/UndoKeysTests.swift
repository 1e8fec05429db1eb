import Foundation
import Testing

@testable import PalabreCore
@testable import PalabreUI

/// Every undoable slip made with the keys is taken back with one key (u, or ^Z where a text
/// field has the focus): the state is then that of the journal without the slip.
@Suite("Undo from the keys")
struct UndoKeysTests {
    struct Slip: CustomStringConvertible, Sendable {
        var name: String
        var screen: ScreenID
        var setup: [Command]
        var keys: [InputEvent]
        var undoKey: Key = .char("u")
        /// Events the keys record; the last one is the slip.
        var recorded = 1
        /// What to set up on the board's first fiche first.
        var board: BoardSetup? = nil
        var description: String { name }
    }

    static func k(_ s: String) -> [InputEvent] { s.map { .key(.char($0)) } }

    enum BoardSetup: Sendable { case synergy, commitment }

    /// Commands putting two partners in a synergy, or a commitment, on the board's first cell.
    static func commands(_ setup: BoardSetup, _ state: SessionState) -> [Command] {
        let board = SynergyBoard(state)
        let fiche = board.rows[0].fiche.id, first = board.partners[0].id, second = board.partners[1].id
        switch setup {
        case .synergy: return [.markSynergy(fiche: fiche, partners: [second, board.partners[2].id], lead: nil)]
        case .commitment:
            return [
                .record(
                    EntryContent(
                        kind: .commitment, text: "Engagement", partner: first, fiche: fiche, nature: .financial,
                        amount: 1_000_000, currency: "FCFA", status: .announced))
            ]
        }
    }

    static let slips: [Slip] = [
        Slip(name: "item ended", screen: .facilitator, setup: [], keys: k("t")),
        Slip(name: "extension", screen: .facilitator, setup: [], keys: k("p")),
        Slip(
            name: "item skipped", screen: .facilitator, setup: [], keys: [.key(.down), .key(.down), .key(.char("s"))]),
        Slip(
            name: "item moved", screen: .facilitator, setup: [],
            keys: [.key(.down), .key(.down)] + k("m2") + [.key(.enter)]),
        Slip(
            name: "item inserted", screen: .facilitator, setup: [],
            keys: k("iImprévu") + [.key(.enter)] + k("10") + [.key(.enter)]),
        Slip(
            name: "floor given", screen: .facilitator, setup: [.requestFloor(who: "rep-unicef", pointOfOrder: false)],
            keys: [.key(.enter)]),
        Slip(
            name: "turn ended", screen: .facilitator,
            setup: [.requestFloor(who: "rep-unicef", pointOfOrder: false), .giveFloor(who: nil)], keys: k("r")),
        Slip(
            name: "speaker removed", screen: .facilitator,
            setup: [.requestFloor(who: "rep-unicef", pointOfOrder: false)], keys: [.key(.right), .key(.char("x"))]),
        Slip(name: "day ended", screen: .facilitator, setup: [.endItem], keys: k("FF")),
        Slip(name: "check-in", screen: .attendance, setup: [], keys: k("unicef") + [.key(.enter)], undoKey: .ctrl("z")),
        Slip(name: "interest", screen: .synergies, setup: [], keys: k("i")),
        // On the board's first cell (first fiche, first partner), set up from the board itself.
        Slip(name: "synergy", screen: .synergies, setup: [], keys: k("m"), board: .synergy),
        Slip(name: "commitment status", screen: .synergies, setup: [], keys: k("c"), board: .commitment),
    ]

    @Test("One key takes the slip back", arguments: slips)
    func undoTheSlip(_ slip: Slip) throws {
        let (loop, term, storage, clock) = try ConsoleLoopTests.loop(screen: slip.screen)
        let s = try SessionStore(programme: SegouMoments.programme, log: MemoryEventLog(storage))
        for c in slip.setup + (slip.board.map { Self.commands($0, s.state) } ?? []) {
            try s.perform(c, seat: "facilitator", at: clock.now())
        }
        loop.step(maxWaitMilliseconds: 0)
        let before = storage.all.count
        clock.advance(seconds: 30)
        term.pending = slip.keys
        loop.step(maxWaitMilliseconds: 0)
        try #require(
            storage.all.count == before + slip.recorded, "the slip was recorded: \(loop.console?.message?.text ?? "")")
        let slipSeq = storage.all.last!.seq
        clock.advance(seconds: 5)
        term.queue(.key(slip.undoKey))
        loop.step(maxWaitMilliseconds: 0)
        #expect(storage.all.last?.seq == slipSeq, "the first press only asks")
        term.queue(.key(slip.undoKey))
        loop.step(maxWaitMilliseconds: 0)
        #expect(storage.all.last?.payload == .undone(seq: slipSeq), "\(loop.console?.message?.text ?? "")")
        // The state is that of the journal without the slip and its undo.
        let all = storage.all
        let without = Array(all.dropLast(2))
        let expected = SessionState.fold(SegouMoments.programme, without)
        var got = SessionState.fold(SegouMoments.programme, all)
        got.lastSeq = expected.lastSeq; got.lastAt = expected.lastAt
        got.undoneBy = [:]; got.undoTargets = [:]
        #expect(got == expected)
    }
}

@Suite("Confirmations hold only until another key")
struct ConfirmationTests {
    @Test("F, another key, F: the day does not end; F F ends it")
    func endOfDay() throws {
        let (loop, term, storage, _) = try ConsoleLoopTests.loop()
        let s = try SessionStore(programme: SegouMoments.programme, log: MemoryEventLog(storage))
        try s.perform(.endItem, seat: "facilitator", at: SegouMoments.at("2023-10-17", 9, 0))
        loop.step(maxWaitMilliseconds: 0)
        let before = storage.all.count
        term.pending = [.key(.char("F")), .key(.right), .key(.char("F"))]
        loop.step(maxWaitMilliseconds: 0)
        #expect(storage.all.count == before, "\(String(describing: storage.all.last?.payload))")
        term.pending = [.key(.escape), .key(.char("F")), .key(.function(2)), .key(.function(1)), .key(.char("F"))]
        loop.step(maxWaitMilliseconds: 0)
        #expect(storage.all.count == before)
        term.pending = [.key(.escape), .key(.char("F")), .key(.char("F"))]
        loop.step(maxWaitMilliseconds: 0)
        guard case .dayEnded = storage.all.last?.payload else { Issue.record("the day did not end"); return }
    }

    @Test("While typing, the undo question names ^Z; a typed letter keeps the event and takes the question away")
    func undoWhileTyping() throws {
        let (loop, term, storage, _) = try ConsoleLoopTests.loop(screen: .rapporteur)
        term.queue(.key(.function(1)), .key(.char("p")), .key(.function(2)))
        loop.step(maxWaitMilliseconds: 0)
        let before = storage.all.count
        term.queue(.key(.ctrl("z")))
        loop.step(maxWaitMilliseconds: 0)
        #expect(loop.console?.message?.text.hasPrefix("^Z à nouveau annule") == true)
        #expect(loop.console?.message?.text.contains("u à nouveau") == false)
        term.queue(.key(.char("u")))
        loop.step(maxWaitMilliseconds: 0)
        #expect(loop.console?.message == nil)
        #expect(loop.console?.rapporteur.editor.text == "u")
        term.queue(.key(.ctrl("z")))
        loop.step(maxWaitMilliseconds: 0)
        #expect(storage.all.count == before, "the question was asked again, nothing undone")
    }
}
