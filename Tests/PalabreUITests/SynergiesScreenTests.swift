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

    @Test("F11 at 80×24, 120×40 and 200×60 in both languages: amount columns in the blank space, rounded amounts")
    func snapshotsAtEverySize() throws {
        for language in [Language.fr, .en] {
            var d = Self.driver(language: language)
            let suffix = language == .en ? "-en" : ""
            for (w, h) in [(80, 24), (120, 40), (200, 60)] {
                Snapshot.check(d.lines(width: w, height: h), "synergies-amounts-\(w)x\(h)" + suffix)
            }
            // At 120 columns the four partners leave room for the gap, the amount sought and the cost.
            let lines = d.lines(width: 120, height: 40)
            let sought = language == .fr ? "43,7M" : "43.7M", gap = language == .fr ? "18,7M" : "18.7M"
            let die = try #require(lines.first { $0.hasPrefix(" Diéli") })
            #expect(
                die.contains(sought) && die.contains(gap) && die.contains("48" + (language == .fr ? "," : ".") + "5M"))
            #expect(lines[2].contains(language == .fr ? "Coût Besoin  Reste" : "Cost Sought    Gap"))
        }
    }

    @Test func theAmountColumnsTakeOnlyTheBlankSpace() {
        // 79 cells of table, 19 of commune and fiche: four partners leave room for four columns.
        let four = SynergiesScreen.ficheColumns(tableW: 79, frame: 19, partnersW: 28).map(\.kind)
        #expect(four == [.cost, .sought, .gap, .mode])
        // Ten partners fill the table: none.
        #expect(SynergiesScreen.ficheColumns(tableW: 79, frame: 19, partnersW: 70).isEmpty)
        // Room for one: the gap first.
        #expect(SynergiesScreen.ficheColumns(tableW: 79, frame: 19, partnersW: 52).map(\.kind) == [.gap])
        // A wide table shows them all, at full width.
        let all = SynergiesScreen.ficheColumns(tableW: 120, frame: 22, partnersW: 200)
        #expect(all.map(\.kind) == SynergiesScreen.FicheColumn.allCases)
        #expect(all.first { $0.kind == .gap }?.width == 11)
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
        // Enter goes on to the next field, as in the other forms: nothing is recorded yet.
        #expect(d.key(.enter) == nil)
        #expect(d.console.synergies.form?.field == 4)
        let c = d.key(.ctrl("s"))
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
        if case .none = d.key(.ctrl("s")) {} else { Issue.record("a bad amount must not be recorded") }
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
