import Foundation
import Testing

@testable import PalabreCore

/// The source's follow-up shows what later sessions that follow it said of its entries, when
/// both are on the machine.
@Suite("Reviews by later sessions")
struct LaterReviewsTests {
    static let sessions =
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path + "/sessions"

    /// A folder holding a copy of the recorded Ségou meeting, of the session that follows it and
    /// of the directory, plus a session that follows nothing.
    static func pair() throws -> String {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("later-\(UUID().uuidString)").path
        for name in ["segou-2023-recorded", "suivi-2024", "demo"] {
            try fm.createDirectory(atPath: root + "/" + name, withIntermediateDirectories: true)
            try fm.copyItem(atPath: "\(sessions)/\(name)/programme.yaml", toPath: "\(root)/\(name)/programme.yaml")
        }
        try fm.copyItem(
            atPath: sessions + "/segou-2023-recorded/journal.jsonl", toPath: root + "/segou-2023-recorded/journal.jsonl"
        )
        try fm.copyItem(atPath: sessions + "/directory", toPath: root + "/directory")
        return root
    }

    @Test func aReviewInTheNextMeetingIsListedInTheSourcesFollowUp() throws {
        let root = try Self.pair()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let source = root + "/segou-2023-recorded"
        #expect(PreviousSessions.laterReviews(of: source).isEmpty, "nothing reviewed yet")

        let next = root + "/suivi-2024"
        let p = try #require(try ProgrammeLoader.load(path: next).programme)
        let loaded = PreviousSessions.load(for: p, folder: next)
        #expect(loaded.problems.isEmpty)
        let entry = try #require(loaded.sessions.first?.open.first { $0.kind == .recommendation })
        let store = try SessionStore(folder: next, programme: p)
        let at = try #require(LocalTime(identifier: p.timeZone).instant(date: "2024-04-16", minutes: 9 * 60 + 40))
        try store.perform(
            .reviewPrevious(source: entry, status: .action(.done), note: "Cadre créé en janvier"), seat: "rapporteur",
            at: at)

        let reviews = PreviousSessions.laterReviews(of: source)
        #expect(reviews.count == 1)
        #expect(reviews.first?.session == "suivi-2024")
        #expect(reviews.first?.review.source.entry == entry.entry)
        #expect(reviews.first?.review.status == .action(.done))
        // The session reviewed is not listed as reviewing itself; one that follows nothing is passed over.
        #expect(PreviousSessions.laterReviews(of: next).isEmpty)
        #expect(PreviousSessions.laterReviews(of: root + "/demo").isEmpty)

        let sp = try #require(try ProgrammeLoader.load(path: source).programme)
        let closed = try SessionStore(folder: source, programme: sp, writable: false).state
        var options = DocumentOptions(language: .fr, now: closed.lastAt!)
        let without = try #require(Documents.render(closed, options: options).first { $0.name == "followup.md" })
        #expect(!String(decoding: without.data, as: UTF8.self).contains("Suivi dans les rencontres suivantes"))
        options.laterReviews = reviews
        let md = String(
            decoding: try #require(Documents.render(closed, options: options).first { $0.name == "followup.md" }).data,
            as: UTF8.self)
        #expect(md.contains("## Suivi dans les rencontres suivantes\n\n### " + p.title + "\n\n"))
        let number = try #require(entry.number)
        #expect(
            md.contains(
                "- 2024-04-16 — recommandation n°\u{00A0}\(number)\u{00A0}: " + entry.text
                    + " — **réalisée**\u{00A0}: Cadre créé en janvier\n"))
        options.language = .en
        let en = String(
            decoding: try #require(Documents.render(closed, options: options).first { $0.name == "followup.md" }).data,
            as: UTF8.self)
        #expect(en.contains("## Follow-up in later meetings"))
        #expect(en.contains("— **done**: Cadre créé en janvier"))
    }

    /// A review of `entry` said in « suivi-2024 » on `date`.
    static func later(
        _ state: SessionState, _ entry: Int, _ status: ReviewedStatus, date: String, amount: Int64? = nil, seq: Int = 9
    ) throws -> LaterReview {
        let source = try #require(
            PreviousSessions.openEntries(state, session: "../segou-2023-recorded").first { $0.entry == entry })
        let review = PreviousReview(
            seq: seq, at: state.lastAt!, seat: "rapporteur", item: "suivi", source: source, status: status,
            note: "dit en séance",
            amount: amount, date: date)
        return LaterReview(session: "suivi-2024", title: "Cadre d'échanges", review: review)
    }

    @Test func theLaterDateSpeaksAndOnTheSameDayTheSessionsOwnUpdate() throws {
        let folder = Self.sessions + "/segou-2023-recorded"
        let p = try #require(try ProgrammeLoader.load(path: folder).programme)
        var state = try SessionStore(folder: folder, programme: p, writable: false).state
        let numbers = EntryNumbers(state)
        let c = try #require(
            state.entries.first {
                $0.content.kind == .commitment && ($0.content.amount ?? 0) > 6_000_000 && $0.withdrawal == nil
                    && $0.retracted == nil
            })
        let amount = try #require(c.content.amount)
        // Without an update of its own, a review speaks.
        let said = try Self.later(state, c.id, .commitment(.disbursed), date: "2024-04-10", amount: 5_000_000)
        var row = FollowUpBoard.commitmentRow(c, state, numbers, today: "2024-05-01", later: [said])
        #expect(row.commitmentStatus == .disbursed && row.since == "2024-04-10" && row.reviewedIn == "suivi-2024")
        #expect(row.disbursed == 5_000_000 && row.left == amount - 5_000_000 && !row.closed)
        #expect(row.note == "dit en séance")
        // The session's own update the same day wins; the money said is still counted.
        let at = try #require(LocalTime(identifier: p.timeZone).instant(date: "2024-04-10", minutes: 600))
        for payload in try state.decide(
            .followUpCommitment(entry: c.id, status: .signed, amount: nil, date: "2024-04-10", note: nil), at: at)
        {
            state.evolve(Event(seq: state.lastSeq + 1, at: at, seat: "suivi", payload: payload))
        }
        row = FollowUpBoard.commitmentRow(c, state, numbers, today: "2024-05-01", later: [said])
        #expect(row.commitmentStatus == .signed && row.since == "2024-04-10" && row.reviewedIn == nil)
        #expect(row.disbursed == 5_000_000, "the larger of the two accounts, never their sum")
        // A review dated later speaks again; of two reviews the later date, whatever their order.
        let later = try Self.later(state, c.id, .commitment(.disbursed), date: "2024-04-12", amount: amount, seq: 8)
        row = FollowUpBoard.commitmentRow(c, state, numbers, today: "2024-05-01", later: [later, said])
        #expect(row.commitmentStatus == .disbursed && row.since == "2024-04-12" && row.closed)
        #expect(FollowUpBoard.winningReview([later, said], over: nil) == later)
        #expect(FollowUpBoard.winningReview([later, said], over: "2024-04-12") == nil)
        // An action or a recommendation likewise.
        let a = try #require(state.entries.first { $0.content.kind == .recommendation && $0.retracted == nil })
        let done = try Self.later(state, a.id, .action(.done), date: "2024-04-16")
        let board = FollowUpBoard(state, today: "2024-05-01", laterReviews: [done])
        let arow = try #require(board.rows.first { $0.entry == a.id })
        #expect(arow.actionStatus == .done && arow.closed && arow.overdueDays == nil && arow.reviewedIn == "suivi-2024")
    }
}
