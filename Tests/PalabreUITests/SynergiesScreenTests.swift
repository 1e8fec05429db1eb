import Foundation
import Testing

@testable import PalabreCore
@testable import PalabreUI

@Suite("Synergies screen")
struct SynergiesScreenTests {
    /// The commitments moment of the Ségou sample, with an interest and a synergy added.
    static func driver(language: Language = .fr) -> ScreenDriver {
        var d = ScreenDriver(.synergies, .commitments, language: language)
        d.perform(.declareInterest(partner: "pam", fiche: "TIM-01"))
        d.perform(.markSynergy(fiche: "DIE-01", partners: ["unicef", "oms"], lead: "unicef"))
        return d
    }

    @Test func snapshots() {
        var d = Self.driver()
        Snapshot.check(d.lines(width: 80, height: 24), "synergies-commitments-80x24")
        Snapshot.check(d.lines(width: 160, height: 50), "synergies-commitments-160x50")
        var en = Self.driver(language: .en)
        Snapshot.check(en.lines(width: 120, height: 40), "synergies-commitments-120x40-en")
        Snapshot.check(en.lines(width: 40, height: 12), "synergies-commitments-40x12-en")
    }

    @Test func keysAskForTheDebatesCommands() throws {
        var d = Self.driver()
        _ = d.lines()
        let board = SynergyBoard(d.state)
        let tim = try #require(board.rows.firstIndex { $0.fiche.id == "TIM-01" })
        let anict = try #require(board.column(of: "anict")), unicef = try #require(board.column(of: "unicef"))
        for _ in 0..<tim { d.key(.down) }
        #expect(d.console.synergies.row == tim)
        for _ in 0..<unicef { d.key(.right) }
        #expect(d.key(.char("i")) == .declareInterest(partner: "unicef", fiche: "TIM-01"))
        #expect(d.perform() == nil)
        // A synergy: the partners already committed on the fiche plus the selected one, led by it.
        #expect(d.key(.char("m")) == .markSynergy(fiche: "TIM-01", partners: ["anict", "unicef"], lead: "unicef"))
        // The commitment form.
        d.key(.char("e"))
        #expect(d.console.synergies.form != nil)
        #expect(d.console.synergies.isTyping)
        d.type("12 000 000")
        d.key(.down); d.key(.down)
        for _ in 0..<12 { d.key(.backspace) }
        d.type("confirmé")
        let c = d.key(.enter)
        #expect(
            c
                == .record(
                    EntryContent(
                        kind: .commitment, text: "", partner: "unicef", fiche: "TIM-01", nature: .financial,
                        amount: 12_000_000, currency: "FCFA", status: .confirmed)))
        #expect(d.perform() == nil)
        #expect(d.console.synergies.form == nil)
        let seq = d.state.lastSeq
        // Next status, then withdrawal with a reason.
        #expect(d.key(.char("c")) == .changeCommitmentStatus(entry: seq, status: .signed))
        d.perform()
        d.key(.char("w"))
        d.type("Budget réaffecté")
        #expect(d.key(.enter) == .withdrawCommitment(entry: seq, reason: "Budget réaffecté"))
        d.perform()
        #expect(d.state.entry(seq)?.withdrawal != nil)
        // ANICT's commitment on TIM-01 is still there; the form refuses a bad amount.
        for _ in 0..<(unicef - anict) { d.key(.left) }
        d.key(.char("e"))
        d.type("12,5")
        if case .none = d.key(.enter) {} else { Issue.record("a bad amount must not be recorded") }
        d.key(.escape)
        #expect(d.console.synergies.form == nil)
    }

    @Test func filtersAndSortsCycle() {
        var d = Self.driver()
        _ = d.lines()
        d.key(.char("f"))
        #expect(d.console.synergies.filter.studyNeeded)
        #expect(d.lines()[1].contains("études à financer"))
        d.key(.char("o"))
        #expect(d.console.synergies.sort == .gap)
        #expect(d.lines()[1].contains("reste à mobiliser"))
    }

    @Test func theCellStaysVisibleWhenScrollingBothWays() {
        var d = Self.driver()
        for _ in 0..<30 { d.key(.down) }
        let lines = d.lines()
        let board = SynergyBoard(d.state)
        let last = board.rows[board.rows.count - 1]
        #expect(lines.contains { $0.contains(last.fiche.id) && $0.contains(last.commune.name) })
        #expect(
            Keymap.binding(for: .function(11), screen: .facilitator, typing: false)?.action == .global(.screenSynergies)
        )
        #expect(ScreenID.synergies.functionKey == 11)
    }
}
