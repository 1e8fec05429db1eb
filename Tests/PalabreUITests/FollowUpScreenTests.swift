import Foundation
import Testing

@testable import PalabreCore
@testable import PalabreUI

@Suite("Follow-up screen")
struct FollowUpScreenTests {
    /// The recorded Ségou meeting, closed, as folded from its journal.
    static let closed: SessionState = {
        let folder = SegouMoments.root + "/sessions/segou-2023-recorded"
        let p = try! ProgrammeLoader.load(path: folder).programme!
        var s = SessionState(programme: p)
        for e in try! Journal(path: folder + "/journal.jsonl", writable: false).loadAll() { s.evolve(e) }
        return s
    }()

    /// Six months later (2 May 2024, 10:00 in Ségou), with a disbursement and an action done.
    static func driver(language: Language = .fr) -> ScreenDriver {
        var d = ScreenDriver(
            .followUp, state: closed, now: SegouMoments.at("2024-05-02", 10, 0), language: language)
        d.perform(
            .followUpCommitment(entry: 548, status: .disbursed, amount: nil, date: "2024-02-10", note: nil),
            seat: "suivi")
        d.perform(.followUpAction(entry: 601, status: .done, date: "2024-01-20", note: nil), seat: "suivi")
        return d
    }

    /// Moves the selection to the row of entry `seq`.
    static func select(_ seq: Int, _ d: inout ScreenDriver) throws {
        d.key(.home)
        let rows = FollowUpBoard(d.state, today: "2024-05-02").byUrgency
        let i = try #require(rows.firstIndex { $0.entry == seq })
        for _ in 0..<i { d.key(.down) }
        #expect(d.console.followUp.row == i)
    }

    @Test func snapshots() throws {
        #expect(Self.closed.closedAt != nil, "the recorded Ségou meeting is closed")
        var d = Self.driver()
        Snapshot.check(d.lines(width: 80, height: 24), "followup-segou-80x24")
        Snapshot.check(d.lines(width: 40, height: 12), "followup-segou-40x12")
        var en = Self.driver(language: .en)
        Snapshot.check(en.lines(width: 120, height: 40), "followup-segou-120x40-en")
        try Self.select(552, &d)
        d.key(.enter)
        d.key(.right)
        Snapshot.check(d.lines(width: 80, height: 24), "followup-segou-form-80x24")
    }

    @Test("An event from another seat that moves the rows leaves the selection on its entry")
    func selectionFollowsItsEntry() throws {
        var d = Self.driver()
        _ = d.lines(width: 120, height: 40)
        let rows = FollowUpBoard(d.state, today: "2024-05-02").byUrgency
        let target = rows[6].entry
        try Self.select(target, &d)
        // Another seat takes back the action marked done: it comes back among the overdue rows.
        d.perform(.undo(seq: d.state.lastSeq), seat: "suivi")
        _ = d.lines(width: 120, height: 40)
        let after = FollowUpBoard(d.state, today: "2024-05-02").byUrgency
        #expect(after.firstIndex { $0.entry == target } != rows.firstIndex { $0.entry == target }, "the row moved")
        #expect(after[d.console.followUp.row].entry == target)
    }

    @Test func overdueRowsComeFirstThenByDeadline() {
        var d = Self.driver()
        let lines = d.lines(width: 120, height: 40)
        let rows = FollowUpBoard(d.state, today: "2024-05-02").byUrgency
        let firstOpen = rows.firstIndex { $0.overdueDays == nil } ?? rows.count
        #expect(firstOpen > 0, "some rows are overdue on 2 May 2024")
        #expect(rows[..<firstOpen].allSatisfy { $0.overdueDays != nil })
        #expect(rows[firstOpen...].allSatisfy { $0.overdueDays == nil })
        let late = rows[..<firstOpen].map { $0.overdueDays! }
        #expect(late == late.sorted(by: >), "the most overdue first")
        #expect(rows.last?.closed == true, "closed rows last")
        // Entry 548, disbursed in full, is closed; 601, done, too.
        #expect(rows.first { $0.entry == 548 }?.closed == true)
        #expect(rows.first { $0.entry == 601 }?.closed == true)
        #expect(lines[1].contains("en retard"))
        #expect(lines[3].hasPrefix("› Act. 1"), "the most overdue row selected first: \(lines[3])")
    }

    @Test func keysRecordTheUpdatesOfTheSuiviSeat() throws {
        var d = Self.driver()
        _ = d.lines()
        // A disbursement of part of commitment 552 (ANICT, MDK-01, 7 500 000 FCFA), dated.
        try Self.select(552, &d)
        #expect(d.key(.enter) == nil)
        #expect(d.console.followUp.form != nil)
        #expect(d.console.isTyping)
        // confirmé → signed is offered first; → moves to disbursed.
        d.key(.right)
        d.key(.down)
        for _ in 0..<12 { d.key(.backspace) }
        d.type("2 000 000")
        d.key(.down)
        for _ in 0..<10 { d.key(.backspace) }
        d.type("2024-04-15")
        let c = d.key(.ctrl("s"))
        #expect(
            c == .followUpCommitment(entry: 552, status: .disbursed, amount: 2_000_000, date: "2024-04-15", note: nil))
        #expect(d.perform(seat: "suivi") == nil)
        #expect(d.console.followUp.form == nil)
        #expect(d.state.followUp.disbursed(552) == 2_000_000)
        // Abandoned with a reason: without one, the refusal says so and the form stays.
        try Self.select(578, &d)
        d.key(.enter)
        d.key(.left)
        #expect(d.console.followUp.form?.choices[d.console.followUp.form!.choice] == "abandoned")
        // Enter goes on to the next field, as in the other forms: nothing is recorded yet.
        #expect(d.key(.enter) == nil)
        #expect(d.console.followUp.form.map { $0.field == $0.fields[1] } == true)
        let noReason = d.key(.ctrl("s"))
        #expect(d.perform(noReason, seat: "suivi")?.code == "no-reason")
        #expect(d.console.followUp.form != nil)
        d.key(.down); d.key(.down); d.key(.down)
        d.type("Budget réaffecté")
        #expect(
            d.key(.ctrl("s"))
                == .followUpCommitment(
                    entry: 578, status: .abandoned, amount: nil, date: "2024-05-02", note: "Budget réaffecté"))
        #expect(d.perform(seat: "suivi") == nil)
        // An action late, then the fiche of a commitment.
        let action = try #require(d.state.entries.first { $0.content.kind == .action && $0.id != 601 }?.id)
        try Self.select(action, &d)
        d.key(.enter)
        d.key(.right); d.key(.right)
        #expect(d.key(.ctrl("s")) == .followUpAction(entry: action, status: .late, date: "2024-05-02", note: nil))
        #expect(d.perform(seat: "suivi") == nil)
        #expect(d.state.followUp.status(ofAction: action) == .late)
        try Self.select(552, &d)
        d.key(.char("f"))
        #expect(d.key(.ctrl("s")) == .followUpFiche(fiche: "MDK-01", status: .prepared, date: "2024-05-02", note: nil))
        // A typed letter in the status field is not text.
        d.key(.char("x"))
        #expect(d.console.message?.isError == true)
        d.key(.escape)
        #expect(d.console.followUp.form == nil)
    }

    @Test func filtersByPartnerCommuneAndResponsible() {
        var d = Self.driver()
        _ = d.lines()
        d.key(.char("p"))
        guard case .partner(let p) = d.console.followUp.filter else {
            Issue.record("p filters by partner")
            return
        }
        let partnerRows = FollowUpBoard(d.state, today: "2024-05-02").rows.filter { $0.partner == p }
        // The partner's acronym is read whole at 80 columns.
        let acronym = d.state.programme.organisation(p)?.acronym ?? p
        #expect(d.lines()[1].contains("filtre : partenaire " + acronym), "\(d.lines()[1])")
        #expect(d.lines()[1].contains("\(partnerRows.count) ligne"))
        d.key(.char("c"))
        guard case .commune = d.console.followUp.filter else {
            Issue.record("c filters by commune")
            return
        }
        d.key(.char("r"))
        guard case .responsible(let who) = d.console.followUp.filter else {
            Issue.record("r filters by responsible")
            return
        }
        let theirs = FollowUpBoard(d.state, today: "2024-05-02").rows.filter { $0.responsible == who }
        #expect(!theirs.isEmpty)
        #expect(d.lines()[1].contains("\(theirs.count) ligne"))
        d.key(.escape)
        #expect(d.console.followUp.filter == .none)
    }

    @Test func theTabAndKeysOfTheScreen() {
        #expect(
            Keymap.binding(for: .function(12), screen: .facilitator, typing: true)?.action == .global(.screenFollowUp))
        #expect(ScreenID.followUp.functionKey == 12)
        #expect(Keymap.text(Labels(.fr)).contains("Suivi (F12)"))
        // During the meeting the header has no Suivi tab; once closed it has.
        var live = ScreenDriver(.facilitator, .debate)
        #expect(!live.lines()[0].contains("F12"))
        var d = Self.driver()
        d.key(.function(1))
        #expect(d.lines()[0].contains("F12"))
        d.key(.function(12))
        #expect(d.console.screen == .followUp)
    }

    @Test func aLaterSessionsReviewShowsAsTheRowsStatus() throws {
        var d = Self.driver()
        let source = try #require(
            PreviousSessions.openEntries(d.state, session: "../segou-2023-recorded").first { $0.entry == 552 })
        let review = PreviousReview(
            seq: 12, at: d.now, seat: "rapporteur", item: "suivi", source: source, status: .commitment(.signed),
            note: nil, date: "2024-04-16")
        d.console.laterReviews = [LaterReview(session: "suivi-2024", title: "Cadre d'échanges", review: review)]
        try Self.select(552, &d)
        let lines = d.lines(width: 120, height: 40)
        #expect(lines.contains { $0.hasPrefix("› Eng.") && $0.contains("convention signée") }, "\(lines)")
        #expect(lines.contains { $0.contains("depuis le 2024-04-16 (selon suivi-2024)") }, "\(lines)")
    }

    @Test func theUndoQuestionNamesTheUpdateOnceAndTheEventOnce() throws {
        var d = Self.driver()
        d.console.seat = "suivi"
        d.key(.char("u"))
        let text = try #require(d.console.message?.text)
        let seq = d.state.lastSeq
        #expect(text.hasPrefix("u à nouveau annule le suivi de l'entrée n°\u{00A0}601 (n°\u{00A0}\(seq))"), "\(text)")
        #expect(text.components(separatedBy: "n°\u{00A0}\(seq)").count == 2, "the event's number once: \(text)")
        #expect(Labels(.fr).undoTarget(d.state.standingEvents.last!, d.state) == "le suivi de l'entrée n°\u{00A0}601")
        // Any other event is named by its number alone, after « l'événement ».
        let opened = try #require(d.state.standingEvents.first)
        #expect(Labels(.en).undoTarget(opened, d.state) == "the event")
    }

    @Test func theAmountFieldShowsOnlyForADisbursement() throws {
        var d = Self.driver()
        _ = d.lines()
        try Self.select(552, &d)
        d.key(.enter)
        var form = try #require(d.console.followUp.form)
        #expect(form.choices[form.choice] == "signed")
        #expect(form.fields == [0, 2, 3], "no amount for an agreement signed")
        #expect(!d.lines().contains { $0.contains("Montant décaissé") })
        d.key(.down)
        #expect(d.console.followUp.form?.field == 2, "down from the status goes to the date")
        d.key(.up)
        d.key(.right)
        form = try #require(d.console.followUp.form)
        #expect(form.choices[form.choice] == "disbursed" && form.fields == [0, 1, 2, 3])
        #expect(d.lines().contains { $0.contains("Montant décaissé") })
        d.key(.escape)
        // An action never takes an amount.
        try Self.select(601, &d)
        d.key(.enter)
        #expect(d.console.followUp.form?.fields == [0, 2, 3])
    }
}
