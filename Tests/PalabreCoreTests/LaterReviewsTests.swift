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
}
