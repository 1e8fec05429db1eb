import Foundation
import Testing

@testable import PalabreCore

@Suite("Synergy debates")
struct SynergyTests {
    /// Day started, UNICEF interested in TIM-01, a synergy UNICEF + ANICT led by UNICEF, two commitments.
    static func debated() throws -> Harness {
        var h = Harness()
        h.seat = "rapporteur"
        try h.run(.openSession, at: Fixtures.at(9, 0))
        try h.run(.declareInterest(partner: "unicef", fiche: "TIM-01"), at: Fixtures.at(9, 1))
        try h.run(.markSynergy(fiche: "TIM-01", partners: ["unicef", "anict"], lead: "unicef"), at: Fixtures.at(9, 2))
        try h.run(
            .record(EntryContent(kind: .commitment, text: "", partner: "unicef", fiche: "TIM-01", amount: 30_000_000)),
            at: Fixtures.at(9, 3))
        try h.run(
            .record(
                EntryContent(
                    kind: .commitment, text: "", partner: "anict", fiche: "TIM-01", amount: 8_000_000,
                    currency: "EUR")), at: Fixtures.at(9, 4))
        return h
    }

    @Test func eventsRoundTripThroughTheJournalCoding() throws {
        let payloads: [EventPayload] = [
            .interestDeclared(partner: "unicef", fiche: "TIM-01"),
            .synergyMarked(fiche: "TIM-01", partners: ["unicef", "anict"], lead: "unicef"),
            .synergyMarked(fiche: "TIM-01", partners: ["anict"], lead: nil),
            .commitmentStatusChanged(entry: 4, status: .signed),
            .commitmentWithdrawn(entry: 4, reason: "Budget réaffecté"),
        ]
        for p in payloads {
            let e = Event(seq: 7, at: Fixtures.at(9, 0), seat: "rapporteur", payload: p)
            let line = try EventCodec.encode(e)
            #expect(try EventCodec.decode(line) == e)
        }
        let line = String(
            decoding: try EventCodec.encode(
                Event(
                    seq: 2, at: Fixtures.at(9, 0), seat: "rapporteur",
                    payload: payloads[1])), as: UTF8.self)
        #expect(
            line
                == #"{"seq":2,"at":"2023-10-17T09:00:00.000+00:00","seat":"rapporteur","type":"synergyMarked","#
                + #""fiche":"TIM-01","lead":"unicef","partners":["unicef","anict"]}"#
        )
    }

    @Test func theRapporteurMayRecordTheDebatesButNotTheProjector() throws {
        let s = try Self.debated().state
        #expect(SeatRole.rapporteur.allows(.declareInterest(partner: "unicef", fiche: "DIE-01")))
        #expect(throws: Refusal.self) {
            try s.decide(.declareInterest(partner: "unicef", fiche: "DIE-01"), at: Fixtures.at(10, 0), role: .projector)
        }
    }

    @Test func decideRefusesWhatDoesNotFit() throws {
        let s = try Self.debated().state
        func code(_ c: Command) -> String? {
            do { _ = try s.decide(c, at: Fixtures.at(10, 0)); return nil } catch { return error.code }
        }
        #expect(code(.declareInterest(partner: "unicef", fiche: "TIM-01")) == "already-interested")
        #expect(code(.declareInterest(partner: "nobody", fiche: "TIM-01")) == "unknown-partner")
        #expect(code(.declareInterest(partner: "unicef", fiche: "XXX")) == "unknown-fiche")
        #expect(code(.markSynergy(fiche: "TIM-01", partners: [], lead: nil)) == "no-partners")
        #expect(code(.markSynergy(fiche: "TIM-01", partners: ["anict"], lead: nil)) == "no-partners")
        #expect(code(.markSynergy(fiche: "TIM-01", partners: ["anict", "anict"], lead: nil)) == "no-partners")
        #expect(code(.markSynergy(fiche: "TIM-01", partners: ["anict", "adr"], lead: "unicef")) == "lead-not-partner")
        #expect(code(.changeCommitmentStatus(entry: 5, status: .announced)) == "same-status")
        #expect(code(.changeCommitmentStatus(entry: 1, status: .signed)) == "unknown-entry")
        #expect(code(.withdrawCommitment(entry: 5, reason: " ")) == "no-reason")
    }

    @Test func statusChangesAndWithdrawalsStayInTheHistoryAndLeaveTheTotals() throws {
        var h = try Self.debated()
        try h.run(.changeCommitmentStatus(entry: 4, status: .signed), at: Fixtures.at(9, 10))
        #expect(h.state.entry(4)?.content.status == .signed)
        #expect(h.state.entry(4)?.statusChanges.first?.previous == .announced)
        try h.run(.withdrawCommitment(entry: 5, reason: "Hors mandat"), at: Fixtures.at(9, 11))
        #expect(h.state.entry(5)?.withdrawal?.reason == "Hors mandat")
        #expect(throws: Refusal.self) {
            try h.run(.withdrawCommitment(entry: 5, reason: "encore"), at: Fixtures.at(9, 12))
        }
        let board = SynergyBoard(h.state)
        let tim = try #require(board.rows.first { $0.fiche.id == "TIM-01" })
        #expect(tim.committed == ["FCFA": 30_000_000])
        #expect(tim.gap == 78_000_000)
        #expect(tim.history.map(\.seq) == [2, 3, 4, 5, 6, 7])
        let anict = try #require(board.column(of: "anict"))
        #expect(tim.cells[anict].state == .synergy)
    }

    @Test func theBoardComputesCellsGapsAndTotalsPerCurrency() throws {
        let h = try Self.debated()
        let board = SynergyBoard(h.state)
        #expect(board.partners.map(\.id) == ["unicef", "anict"])
        let tim = try #require(board.rows.first { $0.fiche.id == "TIM-01" })
        let u = board.column(of: "unicef")!, a = board.column(of: "anict")!
        #expect(tim.cells[u].state == .committed && tim.cells[u].isLead)
        #expect(tim.cells[a].state == .committed && !tim.cells[a].isLead)
        #expect(tim.committed == ["FCFA": 30_000_000, "EUR": 8_000_000])
        // EUR is never converted: the gap in FCFA only drops by the FCFA commitment.
        #expect(tim.gap == 78_000_000)
        #expect(tim.lead == "unicef")
        #expect(tim.engaged == ["unicef", "anict"])
        // Diéli's market: ANICT covers « marché » in Ségou (the region): suggested.
        let die = try #require(board.rows.first { $0.fiche.id == "DIE-01" })
        #expect(die.cells[a].state == .suggested)
        #expect(die.cells[u].state == .none)
        #expect(board.totals.sought == ["FCFA": 153_000_000])
        #expect(board.totals.committed == ["FCFA": 30_000_000, "EUR": 8_000_000])
        #expect(board.totals.gap == ["FCFA": 123_000_000])
        #expect(board.communeTotals["timissa"]?.gap == ["FCFA": 78_000_000])
        #expect(board.partnerTotals["anict"] == ["EUR": 8_000_000])
        #expect(board.unfundedStudies == ["TIM-01", "DIE-01"])
    }

    @Test func filtersAndSorts() throws {
        let s = try Self.debated().state
        #expect(SynergyBoard(s, filter: SynergyFilter(cercle: "san")).rows.map(\.fiche.id) == ["DIE-01"])
        #expect(SynergyBoard(s, filter: SynergyFilter(sector: "Eau")).rows.map(\.fiche.id) == ["TIM-01"])
        #expect(SynergyBoard(s, filter: SynergyFilter(mode: .ppp)).rows.map(\.fiche.id) == ["TIM-01"])
        #expect(SynergyBoard(s, filter: SynergyFilter(studyNeeded: true)).rows.count == 2)
        #expect(SynergyBoard(s, filter: SynergyFilter(commune: "Diéli")).totals.sought == ["FCFA": 45_000_000])
        #expect(SynergyBoard(s, sort: .gap).rows.count == 2)
    }

    @Test func amountsSaturateInsteadOfOverflowing() throws {
        var s = try Self.debated().state
        for i in 0..<3 {
            s.evolve(
                Event(
                    seq: s.lastSeq + 1, at: Fixtures.at(10, i), seat: "rapporteur",
                    payload: .entryRecorded(
                        item: nil,
                        entry: EntryContent(
                            kind: .commitment, text: "x", partner: "unicef",
                            fiche: "DIE-01", amount: Int64.max / 2, currency: "FCFA"))))
        }
        let die = try #require(SynergyBoard(s).rows.first { $0.fiche.id == "DIE-01" })
        #expect(die.committed["FCFA"] == Int64.max)
        #expect(die.gap == 0)
    }
}
