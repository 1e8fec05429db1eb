import Foundation
import Testing

@testable import PalabreCore
@testable import PalabreUI

/// The follow-up item of a meeting that follows an earlier one: F2 lists the earlier session's
/// open entries one by one and records their status; F1 shows the one under review.
@Suite("Review of earlier sessions on F1/F2")
struct PreviousReviewScreenTests {
    static let folder = SegouMoments.root + "/sessions/suivi-2024"

    /// sessions/suivi-2024 on 16 April 2024, its day begun and the follow-up item started at
    /// 09:20, with the open entries of the recorded Ségou roundtable.
    static func driver(_ screen: ScreenID, language: Language = .fr) throws -> ScreenDriver {
        let p = try #require(try ProgrammeLoader.load(path: folder).programme)
        let previous = PreviousSessions.load(for: p, folder: folder)
        #expect(previous.problems.isEmpty, "\(previous.problems)")
        var d = ScreenDriver(
            screen, state: SessionState(programme: p), now: SegouMoments.at("2024-04-16", 9, 0), language: language)
        d.console.previous = previous.sessions.flatMap(\.open)
        #expect(d.perform(.startDay(date: nil), seat: "facilitator") == nil)
        d.now = SegouMoments.at("2024-04-16", 9, 20)
        #expect(d.perform(.startItem(id: "suivi"), seat: "facilitator") == nil)
        d.now = SegouMoments.at("2024-04-16", 9, 35)
        return d
    }

    @Test func snapshots() throws {
        var d = try Self.driver(.rapporteur)
        Snapshot.check(d.lines(width: 80, height: 24), "rapporteur-review-80x24")
        d.key(.ctrl("r"))
        d.key(.down)
        d.key(.enter)
        Snapshot.check(d.lines(width: 120, height: 40), "rapporteur-review-form-120x40")
        var en = try Self.driver(.rapporteur, language: .en)
        en.key(.ctrl("r"))
        Snapshot.check(en.lines(width: 120, height: 40), "rapporteur-review-120x40-en")
        en.key(.enter)
        Snapshot.check(en.lines(width: 80, height: 24), "rapporteur-review-form-80x24-en")
        var f1 = try Self.driver(.facilitator)
        Snapshot.check(f1.lines(width: 80, height: 24), "facilitator-review-80x24")
        var f1en = try Self.driver(.facilitator, language: .en)
        Snapshot.check(f1en.lines(width: 120, height: 40), "facilitator-review-120x40-en")
    }

    @Test func theSecondEntryIsReviewedThroughTheReviewCommand() throws {
        var d = try Self.driver(.rapporteur)
        let open = d.console.previous
        #expect(open.count >= 2)
        // Outside the panel the keys type text; ^R goes in, ↓ selects the second entry.
        d.key(.ctrl("r"))
        #expect(d.console.rapporteur.focus == .review)
        #expect(!d.console.isTyping, "the panel is not a text field")
        d.key(.down)
        #expect(d.console.rapporteur.reviewKey == PreviousKey(open[1]))
        #expect(
            d.lines(width: 120, height: 40).contains {
                $0.hasPrefix("› ") && $0.contains(String(open[1].text.prefix(30)))
            })
        // F1 shows the same entry, read-only.
        #expect(d.key(.function(1)) == nil)
        let f1 = d.lines(width: 120, height: 40).joined(separator: "\n")
        #expect(f1.contains("Suivi des recommandations · 2/\(open.count)"), "\(f1)")
        d.key(.function(2))
        // Enter opens the form; the status is chosen with ←/→, the date typed.
        d.key(.enter)
        let form = try #require(d.console.rapporteur.reviewForm)
        #expect(form.target == .previous(open[1]))
        #expect(d.console.isTyping)
        d.key(.right)
        let word = form.choices[(form.choice + 1) % form.choices.count]
        d.key(.down)
        d.key(.down)
        d.type("Relancé en mars")
        let c = d.key(.enter)
        let status: ReviewedStatus =
            open[1].kind == .commitment
            ? .commitment(FollowUpStatus(rawValue: word)!) : .action(ActionStatus(rawValue: word)!)
        #expect(c == .reviewPrevious(source: open[1], status: status, note: "Relancé en mars", date: "2024-04-16"))
        #expect(d.perform() == nil)
        #expect(d.state.reviews.count == 1)
        #expect(d.state.reviews.first?.source.entry == open[1].entry)
        #expect(d.console.rapporteur.reviewForm == nil)
        // One by one: the selection moves on to the next entry not yet reviewed; the one
        // reviewed shows its new status.
        #expect(d.console.rapporteur.reviewKey == PreviousKey(open[2]))
        let lines = d.lines(width: 120, height: 40)
        #expect(lines.contains { $0.contains("✓") && $0.contains("revu en séance") }, "\(lines)")
        // Esc goes back to typing.
        d.key(.escape)
        #expect(d.console.rapporteur.focus == .input)
    }

    @Test func theKeyOutsideAFollowUpItemSaysWhen() {
        var d = ScreenDriver(.rapporteur, .debate)
        d.key(.ctrl("r"))
        #expect(d.console.rapporteur.focus == .input)
        #expect(d.console.message?.text == Labels(.fr)[.revNotActive])
    }

    @Test func aLetterInThePanelRecordsNothing() throws {
        var d = try Self.driver(.rapporteur)
        d.key(.ctrl("r"))
        #expect(d.key(.char("z")) == nil)
        #expect(d.console.message?.isError == true)
        #expect(d.console.rapporteur.editor.isEmpty, "nothing typed into the input")
    }
}
