import Foundation
import Testing

@testable import PalabreCore

/// Facts that cannot be: a vote adopted against its count, a
/// follow-up dated before what it follows, a disbursement of nothing, an IATI end on a fiche
/// taken up again; and the répertoire's cells and searches as Excel and French typing give them.
@Suite("Facts that cannot be")
struct FactChecksTests {
    @Test("A vote adopted with more against than for is refused; a rejection with more for stays possible")
    func impossibleVotes() throws {
        var h = try DocScript.run()
        h.seat = "rapporteur"
        let at = Fixtures.at("2023-10-18", 9, 0)
        func code(_ content: EntryContent) -> String? {
            do {
                try h.run(.record(content), at: at)
                return nil
            } catch let r as Refusal { return r.code } catch { return "\(error)" }
        }
        #expect(
            code(EntryContent(kind: .vote, text: "B", votesFor: 1, votesAgainst: 2, outcome: .adopted))
                == "outcome-contradicts")
        // A rejection with more for than against can be right (a qualified majority was needed).
        #expect(code(EntryContent(kind: .vote, text: "C", votesFor: 2, votesAgainst: 1, outcome: .rejected)) == nil)
    }

    @Test(
        "Follow-up dated before the entry it follows, or a fiche before the meeting, and a disbursement of 0, are refused"
    )
    func followUpBeforeTheFact() throws {
        let s = FollowUpTests.closed
        let c = s.entries.first { $0.content.kind == .commitment && $0.content.amount != nil && $0.withdrawal == nil }!
        func code(_ command: Command) -> String? {
            do {
                _ = try s.decide(command, at: FollowUpTests.later, role: .followUp)
                return nil
            } catch { return error.code }
        }
        #expect(
            code(.followUpCommitment(entry: c.id, status: .disbursed, amount: 1, date: "2023-01-01", note: nil))
                == "date-before-fact")
        #expect(
            code(.followUpFiche(fiche: "TIM-01", status: .done, date: "2020-01-01", note: nil)) == "date-before-fact")
        #expect(
            code(.followUpCommitment(entry: c.id, status: .disbursed, amount: 0, date: nil, note: nil)) == "bad-amount")
        #expect(
            code(.followUpCommitment(entry: c.id, status: .signed, amount: nil, date: "2024-01-12", note: nil)) == nil)
    }

    @Test(
        "Follow-up in the order of the facts; nothing disbursed without an amount; no abandonment once all is paid")
    func followUpInOrder() throws {
        var s = FollowUpTests.closed
        let c = s.entries.first { $0.content.kind == .commitment && $0.content.amount != nil && $0.withdrawal == nil }!
        let technical = s.entries.first { $0.content.kind == .commitment && $0.content.amount == nil }
        func code(_ command: Command) -> String? {
            do {
                _ = try s.decide(command, at: FollowUpTests.later, role: .followUp)
                return nil
            } catch { return error.code }
        }
        func record(_ command: Command) throws {
            for p in try s.decide(command, at: FollowUpTests.later, role: .followUp) {
                s.evolve(Event(seq: s.lastSeq + 1, at: FollowUpTests.later, seat: "suivi", payload: p))
            }
        }
        try record(.followUpCommitment(entry: c.id, status: .signed, amount: nil, date: "2024-05-01", note: nil))
        #expect(
            code(.followUpCommitment(entry: c.id, status: .disbursed, amount: 1, date: "2024-04-01", note: nil))
                == "date-before-last-update")
        if let t = technical {
            #expect(
                code(.followUpCommitment(entry: t.id, status: .disbursed, amount: 1000, date: nil, note: nil))
                    == "no-amount")
        }
        try record(.followUpCommitment(entry: c.id, status: .disbursed, amount: nil, date: "2024-06-01", note: nil))
        #expect(
            code(.followUpCommitment(entry: c.id, status: .abandoned, amount: nil, date: nil, note: "x")) == "no-amount"
        )
    }

    @Test("Money disbursed before a commitment is abandoned stays in the table per partner")
    func abandonedAfterPartOfTheMoney() throws {
        var s = FollowUpTests.closed
        let c = s.entries.first {
            $0.content.kind == .commitment && ($0.content.amount ?? 0) > 10 && $0.withdrawal == nil
        }!
        for command in [
            Command.followUpCommitment(entry: c.id, status: .disbursed, amount: 7, date: "2024-03-01", note: nil),
            .followUpCommitment(entry: c.id, status: .abandoned, amount: nil, date: "2024-03-07", note: "budget coupé"),
        ] {
            for p in try s.decide(command, at: FollowUpTests.later, role: .followUp) {
                s.evolve(Event(seq: s.lastSeq + 1, at: FollowUpTests.later, seat: "suivi", payload: p))
            }
        }
        let docs = FollowUpDocuments(DocContext(s, DocumentOptions(language: .fr, now: FollowUpTests.later)))
        let row = try #require(docs.moneyRows.first { $0.partner == c.content.partner })
        #expect(row.disbursed >= 7, "the 7 disbursed before the abandonment are counted")
        #expect(row.committed >= row.disbursed)
    }

    @Test("A fiche done then taken up again has an actual start and no actual end in the IATI file")
    func iatiEndOnlyWhileDone() throws {
        var s = IatiExportTests.followed
        let local = LocalTime(identifier: s.programme.timeZone)
        for (status, date) in [(FicheStatus.done, "2024-05-12"), (.worksStarted, "2024-06-01")] {
            let at = local.instant(date: date, minutes: 17 * 60)!
            for p in try s.decide(
                .followUpFiche(fiche: "TIM-01", status: status, date: date, note: nil), at: at, role: .followUp)
            {
                s.evolve(Event(seq: s.lastSeq + 1, at: at, seat: "suivi", payload: p))
            }
        }
        let xml = String(decoding: try IatiExport(s, now: s.lastAt!).render(), as: UTF8.self)
        let activity = xml.components(separatedBy: "<iati-activity").first { $0.contains("-TIM-01</iati-identifier>") }!
        #expect(activity.contains(#"<activity-date type="2" iso-date="2024-06-01"/>"#), "\(activity.prefix(2000))")
        #expect(!activity.contains(#"<activity-date type="4""#))
    }

    @Test(
        "A line break inside an Excel cell is one line break, back and forth; a no-break space separates search words")
    func directoryCellsAndSearch() throws {
        let d = try DirectoryLoader.load(folder: DirectoryTests.sample).directory
        let csv = "id;acronym;name;type;contact_function\r\ngret;GRET;Gret;ngo;\"Comptable\r\nadjoint\"\r\n"
        let imported = DirectoryCSV.read(csv, file: "t.csv", directory: d)
        #expect(imported.diagnostics.isEmpty, "\(imported.diagnostics.map(\.description))")
        let gret = try #require(imported.organisations.first?.organisation)
        #expect(gret.contacts.first?.function == "Comptable\nadjoint")
        let exported = DirectoryCSV.export([gret], language: .fr)
        #expect(exported.contains("\"Comptable\nadjoint\""), "\(exported)")
        let again = DirectoryCSV.read(exported, file: "t.csv", directory: d)
        #expect(again.organisations.first?.organisation == gret)
        #expect(d.search("Ségou\u{00A0}eau").map(\.id) == d.search("Ségou eau").map(\.id))
        #expect(!d.search("Ségou\u{202F}eau").isEmpty)
    }
}
