import Foundation
import Testing

@testable import PalabreCore

/// A meeting that follows an earlier one: sessions/suivi-2024 reviews the open recommendations,
/// actions and commitments of the recorded Ségou roundtable, and its minutes say how each stands.
@Suite("The next meeting starts where the last one ended")
struct PreviousSessionTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let folder = root + "/sessions/suivi-2024"

    func load() throws -> (Programme, [PreviousSessions.Loaded]) {
        let r = try ProgrammeLoader.load(path: Self.folder)
        #expect(r.diagnostics.isEmpty, "\(r.diagnostics.map(\.description))")
        let p = try #require(r.programme)
        let previous = PreviousSessions.load(for: p, folder: Self.folder)
        #expect(previous.problems.isEmpty, "\(previous.problems)")
        return (p, previous.sessions)
    }

    @Test("The programme follows the recorded roundtable: its open entries, recommendations first")
    func openEntries() throws {
        let (p, previous) = try load()
        #expect(p.follows == ["../segou-2023-recorded"])
        #expect(p.days[0].items[1].kind == .followUp)
        let ségou = try #require(previous.first)
        #expect(ségou.state.closedAt != nil)
        let kinds = ségou.open.map(\.kind)
        #expect(kinds.first == .recommendation && kinds.contains(.action) && kinds.last == .commitment)
        #expect(ségou.open.allSatisfy { $0.session == "../segou-2023-recorded" && !$0.text.isEmpty })
        #expect(ségou.open.filter { $0.kind == .recommendation }.map(\.number) == Array(1...9).map(Optional.some))
    }

    @Test("A folder in follows without a session is an error at its line and column")
    func missingFolder() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("palabre-follows-\(UUID().uuidString)")
            .path
        try FileManager.default.createDirectory(atPath: dir + "/s", withIntermediateDirectories: true)
        let text = try String(contentsOfFile: Self.folder + "/programme.yaml", encoding: .utf8)
            .replacingOccurrences(
                of: "organisations: [adr-segou, nef, anict, pam, unicef, oms, drs-segou, drh-segou]\n", with: ""
            )
            .replacingOccurrences(of: "organisers: [adr-segou]\n", with: "")
            .replacingOccurrences(of: "organisation: adr-segou, ", with: "").replacingOccurrences(
                of: "organisation: nef, ", with: ""
            )
            .replacingOccurrences(of: "organisation: anict, ", with: "")
            .replacingOccurrences(of: "[../segou-2023-recorded]", with: "[../segou-2023-recorded, ../nowhere]")
        try text.write(toFile: dir + "/s/programme.yaml", atomically: true, encoding: .utf8)
        let r = try ProgrammeLoader.load(path: dir + "/s")
        let messages = r.diagnostics.map(\.description)
        #expect(r.programme == nil)
        #expect(messages.contains { $0.contains("follows[0]: aucune session à ../segou-2023-recorded") }, "\(messages)")
        #expect(messages.contains { $0.contains("follows[1]: aucune session à ../nowhere") }, "\(messages)")
    }

    /// The meeting: the day and the follow-up item started, then `reviews` recorded by the rapporteur.
    func meeting(_ reviews: [(PreviousEntry, ReviewedStatus, String?)]) throws -> SessionState {
        let (p, _) = try load()
        var s = SessionState(programme: p)
        let lt = LocalTime(identifier: p.timeZone)
        var t = lt.instant(date: "2024-04-16", minutes: 9 * 60)!
        func run(_ c: Command, _ role: SeatRole = .facilitator) throws {
            t = Instant(ms: t.ms + 60_000)
            for pl in try s.decide(c, at: t, role: role) {
                s.evolve(Event(seq: s.lastSeq + 1, at: t, seat: role.rawValue, payload: pl))
            }
        }
        try run(.startDay(date: nil))
        try run(.startItem(id: "ouverture"))
        try run(.endItem)
        try run(.startItem(id: "suivi"))
        for (source, status, note) in reviews {
            try run(.reviewPrevious(source: source, status: status, note: note), .rapporteur)
        }
        return s
    }

    @Test("A review cannot disburse more than was committed, date a fact before the entry, or abandon without a note")
    func reviewsCheckedAgainstTheEarlierJournal() throws {
        let (_, previous) = try load()
        let open = previous[0].open
        let money = try #require(open.first { $0.kind == .commitment && $0.committed != nil })
        let action = try #require(open.first { $0.kind == .action })
        let s = try meeting([])
        func code(_ c: Command) -> String? {
            do {
                _ = try s.decide(c, at: Instant(ms: s.lastAt!.ms + 60_000), role: .rapporteur)
                return nil
            } catch { return error.code }
        }
        let beyond = money.committed! + 1
        #expect(
            code(.reviewPrevious(source: money, status: .commitment(.disbursed), note: nil, amount: beyond))
                == "too-much-disbursed")
        #expect(
            code(.reviewPrevious(source: money, status: .commitment(.disbursed), note: nil, amount: money.committed!))
                == nil)
        #expect(
            code(.reviewPrevious(source: action, status: .action(.done), note: nil, date: "2023-10-01"))
                == "date-before-fact")
        #expect(code(.reviewPrevious(source: money, status: .commitment(.abandoned), note: nil)) == "no-reason")
    }

    @Test(
        "Reviews recorded in this meeting name the earlier session and entry; the minutes have their section (golden)")
    func reviewsAndMinutes() throws {
        let (_, previous) = try load()
        let open = previous[0].open
        let rec = open.first { $0.kind == .recommendation }!
        let action = open.first { $0.kind == .action }!
        let commitment = open.first { $0.kind == .commitment }!
        let s = try meeting([
            (rec, .action(.started), "trois communes sur dix-sept l'ont fait"),
            (action, .action(.done), nil),
            (commitment, .commitment(.signed), "convention signée le 12 janvier"),
            (rec, .action(.late), nil),
        ])
        #expect(s.reviews.count == 4)
        #expect(s.reviews[0].item == "suivi" && s.reviews[0].source.entry == rec.entry)
        let event = Event(seq: 99, at: s.lastAt!, seat: "rapporteur", payload: s.standingEvents.last!.payload)
        let line = try EventCodec.encode(event)
        #expect(try EventCodec.decode(line) == event)
        #expect(String(decoding: line, as: UTF8.self).contains(#""session":"../segou-2023-recorded""#))

        let golden = DocumentsGoldenTests()
        for (language, name) in [(Language.fr, "previous/minutes.md"), (.en, "previous/en/minutes.md")] {
            let minutes = Documents.render(s, options: DocumentOptions(language: language, now: s.lastAt!)).first {
                $0.name == "minutes.md"
            }!.data
            try golden.checkGolden(name, minutes)
            let text = String(decoding: minutes, as: UTF8.self)
            let title =
                language == .fr
                ? "## Suivi des recommandations de la rencontre précédente"
                : "## Follow-up of the previous meeting's recommendations"
            #expect(text.contains(title))
        }
    }

    @Test(
        "Refused: a session the programme does not follow, a status that does not fit the entry, the same status twice")
    func refusals() throws {
        let (_, previous) = try load()
        let first = previous[0].open[0]
        do {
            _ = try meeting([(first, .action(.started), nil), (first, .action(.started), "encore")])
            Issue.record("the same status was recorded twice")
        } catch let r as Refusal {
            #expect(r.code == "same-status")
        }
        var other = previous[0].open[0]
        other.session = "../ailleurs"
        let commitment = previous[0].open.first { $0.kind == .commitment }!
        for (source, status, code) in [
            (other, ReviewedStatus.action(.done), "not-followed"),
            (commitment, .action(.done), "status-for-kind"),
            (previous[0].open[0], .commitment(.signed), "status-for-kind"),
        ] {
            #expect(throws: Refusal.self) { _ = try meeting([(source, status, nil)]) }
            do { _ = try meeting([(source, status, nil)]) } catch let r as Refusal { #expect(r.code == code) }
        }
    }
}
