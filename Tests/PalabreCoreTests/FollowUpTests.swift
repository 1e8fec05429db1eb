import Foundation
import Testing

@testable import PalabreCore

/// The follow-up (suivi) of the recorded Ségou meeting after its close: commitments signed,
/// disbursed or abandoned, actions and fiches, the suivi seat, and the meeting's documents left
/// as they were.
@Suite("Follow-up after the close")
struct FollowUpTests {
    static let folder =
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path + "/sessions/segou-2023-recorded"
    static let closed: SessionState = {
        let p = try! ProgrammeLoader.load(path: folder).programme!
        var s = SessionState(programme: p)
        for e in try! Journal(path: folder + "/journal.jsonl", writable: false).loadAll() { s.evolve(e) }
        return s
    }()
    static let later = Instant(ms: closed.closedAt!.ms + 300 * 86_400_000)

    /// The state after `commands` by `role`, each a day apart.
    func apply(
        _ commands: [Command], role: SeatRole = .followUp, to start: SessionState = FollowUpTests.closed
    ) throws -> SessionState {
        var s = start
        for (i, c) in commands.enumerated() {
            let at = Instant(ms: Self.later.ms + Int64(i) * 86_400_000)
            for p in try s.decide(c, at: at, role: role, seat: role.rawValue) {
                s.evolve(Event(seq: s.lastSeq + 1, at: at, seat: role.rawValue, payload: p))
            }
        }
        return s
    }

    var commitment: Entry {
        Self.closed.entries.first {
            $0.content.kind == .commitment && $0.withdrawal == nil && $0.content.amount != nil
        }!
    }
    var action: Entry { Self.closed.entries.first { $0.content.kind == .action }! }

    @Test(
        "A clock behind the meeting's dates (a meeting dated ahead) still leaves the day it closed open to follow-up, and no later day"
    )
    func clockBehindTheMeeting() throws {
        let c = commitment
        let closedDay = Self.closed.local.date(of: Self.closed.lastAt!)
        // A clock a year before the meeting.
        let early = Instant(ms: Self.closed.closedAt!.ms - 365 * 86_400_000)
        #expect(Self.closed.factToday(at: early) == closedDay)
        #expect(Self.closed.factToday(at: Self.later) == Self.closed.local.date(of: Self.later))
        let ok = try Self.closed.decide(
            .followUpCommitment(entry: c.id, status: .signed, amount: nil, date: closedDay, note: nil), at: early,
            role: .followUp)
        #expect(ok.count == 1)
        // No date given: the day it closed.
        let undated = try Self.closed.decide(
            .followUpCommitment(entry: c.id, status: .signed, amount: nil, date: nil, note: nil), at: early,
            role: .followUp)
        #expect("\(undated)".contains(closedDay), "\(undated)")
        let after = Self.closed.local.date(of: Instant(ms: Self.closed.lastAt!.ms + 86_400_000))
        #expect(throws: Refusal.self) {
            _ = try Self.closed.decide(
                .followUpCommitment(entry: c.id, status: .signed, amount: nil, date: after, note: nil), at: early,
                role: .followUp)
        }
    }

    @Test("Signed, then disbursed in two parts: the status, the dates and the sum disbursed")
    func signedThenDisbursed() throws {
        let c = commitment
        let amount = try #require(c.content.amount)
        let s = try apply([
            .followUpCommitment(entry: c.id, status: .signed, amount: nil, date: "2024-01-15", note: nil),
            .followUpCommitment(entry: c.id, status: .disbursed, amount: amount / 4, date: "2024-03-01", note: nil),
            .followUpCommitment(entry: c.id, status: .disbursed, amount: nil, date: nil, note: nil),
        ])
        let records = try #require(s.followUp.commitments[c.id])
        #expect(records.map(\.status) == [.signed, .disbursed, .disbursed])
        #expect(records.map(\.date).prefix(2) == ["2024-01-15", "2024-03-01"])
        #expect(records[2].amount == amount - amount / 4, "without an amount, what is left")
        #expect(s.followUp.disbursed(c.id) == amount)
        #expect(throws: Refusal.self) {
            _ = try s.decide(
                .followUpCommitment(entry: c.id, status: .disbursed, amount: nil, date: nil, note: nil), at: Self.later,
                role: .followUp)
        }
    }

    @Test(
        "Refusals: too large a disbursement, an abandonment without reason, a bad date, after an abandonment, before the close"
    )
    func refusals() throws {
        let c = commitment
        func code(
            _ command: Command, _ state: SessionState = FollowUpTests.closed, role: SeatRole = .followUp
        ) -> String? {
            do {
                _ = try state.decide(command, at: Self.later, role: role)
                return nil
            } catch { return error.code }
        }
        #expect(
            code(
                .followUpCommitment(
                    entry: c.id, status: .disbursed, amount: c.content.amount! + 1, date: nil, note: nil))
                == "amount-too-large")
        #expect(
            code(.followUpCommitment(entry: c.id, status: .abandoned, amount: nil, date: nil, note: "  "))
                == "no-reason")
        #expect(
            code(.followUpCommitment(entry: c.id, status: .signed, amount: nil, date: "2024-02-30", note: nil))
                == "bad-date")
        #expect(code(.followUpAction(entry: c.id, status: .done, date: nil, note: nil)) == "not-an-action")
        #expect(code(.followUpFiche(fiche: "nope", status: .prepared, date: nil, note: nil)) == "unknown-fiche")
        let abandoned = try apply([
            .followUpCommitment(entry: c.id, status: .abandoned, amount: nil, date: nil, note: "budget réaffecté")
        ])
        #expect(
            code(.followUpCommitment(entry: c.id, status: .signed, amount: nil, date: nil, note: nil), abandoned)
                == "commitment-abandoned")
        // The suivi seat records nothing else; nothing else is recorded after the close.
        #expect(code(.record(EntryContent(kind: .note, text: "x"))) == "not-for-seat")
        #expect(code(.record(EntryContent(kind: .note, text: "x")), role: .rapporteur) == "session-closed")
        // Before the close, follow-up is refused.
        var open = SessionState(programme: Self.closed.programme)
        for e in Self.closed.standingEvents.prefix(while: { $0.payload != .sessionClosed }) { open.evolve(e) }
        #expect(
            code(.followUpFiche(fiche: "TIM-01", status: .prepared, date: nil, note: nil), open, role: .facilitator)
                == "follow-up-after-close")
    }

    @Test("Actions, recommendations and fiches; the suivi seat undoes its own update, never a fact of the meeting")
    func actionsFichesUndo() throws {
        let a = action
        let fiche = try #require(Self.closed.programme.communes.first?.fiches.first?.id)
        var s = try apply([
            .followUpAction(entry: a.id, status: .started, date: "2024-01-10", note: nil),
            .followUpAction(entry: a.id, status: .late, date: "2024-04-01", note: "attente des fonds"),
            .followUpFiche(fiche: fiche, status: .worksStarted, date: "2024-05-02", note: nil),
        ])
        #expect(s.followUp.status(ofAction: a.id) == .late)
        #expect(s.followUp.actions[a.id]?.last?.note == "attente des fonds")
        #expect(s.followUp.status(ofFiche: fiche) == .worksStarted)
        s = try apply([.undo(seq: nil)], to: s)
        #expect(s.followUp.status(ofFiche: fiche) == nil)
        #expect(s.followUp.status(ofAction: a.id) == .late)
        #expect(throws: Refusal.self) { _ = try s.decide(.undo(seq: 669), at: Self.later, role: .facilitator) }
    }

    @Test("The three follow-up events read back from their journal lines")
    func coding() throws {
        let payloads: [EventPayload] = [
            .commitmentFollowedUp(entry: 12, status: .disbursed, amount: 25_000_000, date: "2024-03-01", note: nil),
            .commitmentFollowedUp(entry: 13, status: .abandoned, amount: nil, date: "2024-03-02", note: "réaffecté"),
            .actionFollowedUp(entry: 14, status: .done, date: "2024-04-01", note: "« réalisé »"),
            .ficheFollowedUp(fiche: "TIM-01", status: .studyFunded, date: "2024-05-01", note: nil),
        ]
        for (i, p) in payloads.enumerated() {
            let e = Event(seq: 700 + i, at: Self.later, seat: "suivi", payload: p)
            let line = try EventCodec.encode(e)
            #expect(try EventCodec.decode(line) == e, "\(String(decoding: line, as: UTF8.self))")
        }
    }

    @Test("The meeting's documents are the same before and after follow-up events; only followup.md and .csv change")
    func meetingDocumentsUnchanged() throws {
        let c = commitment
        let after = try apply([
            .followUpCommitment(entry: c.id, status: .signed, amount: nil, date: "2024-01-15", note: nil),
            .followUpAction(entry: action.id, status: .done, date: "2024-02-01", note: nil),
        ])
        for language in [Language.fr, .en] {
            let before = Documents.render(
                Self.closed, options: DocumentOptions(language: language, now: Self.closed.lastAt!))
            let now = Documents.render(after, options: DocumentOptions(language: language, now: after.lastAt!))
            for (b, n) in zip(before, now) where !b.name.hasPrefix("followup.") {
                #expect(b.data == n.data, "\(b.name) changed by follow-up events (\(language))")
            }
            #expect(before.first { $0.name == "followup.md" }?.data != now.first { $0.name == "followup.md" }?.data)
        }
    }

    /// Six months of follow-up of the Ségou meeting: commitments confirmed, signed, disbursed
    /// (once in two parts), one abandoned; actions started, done and late; two fiches moving on.
    func sixMonths() throws -> SessionState {
        let money = Self.closed.entries.filter {
            $0.content.kind == .commitment && $0.withdrawal == nil && $0.content.amount != nil
        }
        let actions = Self.closed.entries.filter { $0.content.kind == .action }
        let recommendations = Self.closed.entries.filter { $0.content.kind == .recommendation }
        let fiches = Self.closed.programme.communes.flatMap(\.fiches).map(\.id)
        var s = Self.closed
        let local = LocalTime(identifier: s.programme.timeZone)
        /// Recorded at 17:00 on the day of the fact, or the next Monday when it was done later.
        func run(_ c: Command, _ recorded: String) throws {
            let at = local.instant(date: recorded, minutes: 17 * 60)!
            for p in try s.decide(c, at: at, role: .followUp, seat: "suivi") {
                s.evolve(Event(seq: s.lastSeq + 1, at: at, seat: "suivi", payload: p))
            }
        }
        try run(.followUpAction(entry: actions[0].id, status: .started, date: "2023-11-15", note: nil), "2023-11-15")
        try run(
            .followUpCommitment(entry: money[0].id, status: .confirmed, amount: nil, date: "2023-11-20", note: nil),
            "2023-11-20")
        try run(
            .followUpCommitment(entry: money[2].id, status: .signed, amount: nil, date: "2023-12-05", note: nil),
            "2023-12-05")
        try run(.followUpFiche(fiche: fiches[0], status: .prepared, date: "2023-12-15", note: nil), "2023-12-15")
        try run(
            .followUpCommitment(entry: money[0].id, status: .signed, amount: nil, date: "2024-01-12", note: nil),
            "2024-01-12")
        try run(
            .followUpCommitment(
                entry: money[3].id, status: .disbursed, amount: 4_000_000, date: "2024-01-25", note: nil), "2024-01-25")
        try run(.followUpAction(entry: actions[0].id, status: .done, date: "2024-01-30", note: nil), "2024-01-30")
        try run(
            .followUpCommitment(
                entry: money[7].id, status: .abandoned, amount: nil, date: "2024-02-01",
                note: "ligne budgétaire réaffectée à l'urgence"), "2024-02-05")
        try run(
            .followUpCommitment(
                entry: money[0].id, status: .disbursed, amount: 10_000_000, date: "2024-02-15", note: nil), "2024-02-15"
        )
        try run(
            .followUpAction(entry: actions[1].id, status: .late, date: "2024-02-28", note: "attente des fonds FNACT"),
            "2024-02-28")
        try run(
            .followUpAction(entry: recommendations[0].id, status: .started, date: "2024-03-01", note: nil), "2024-03-01"
        )
        try run(
            .followUpCommitment(entry: money[2].id, status: .disbursed, amount: nil, date: "2024-03-20", note: nil),
            "2024-03-20")
        try run(
            .followUpCommitment(entry: money[3].id, status: .disbursed, amount: nil, date: "2024-04-02", note: nil),
            "2024-04-02")
        try run(.followUpFiche(fiche: fiches[2], status: .worksStarted, date: "2024-04-10", note: nil), "2024-04-10")
        return s
    }

    @Test("followup.md after six months, in French and English, matches its golden files")
    func golden() throws {
        let s = try sixMonths()
        let golden = DocumentsGoldenTests()
        for (language, dir) in [(Language.fr, "followup/"), (.en, "followup/en/")] {
            let docs = Dictionary(
                uniqueKeysWithValues: Documents.render(s, options: DocumentOptions(language: language, now: s.lastAt!))
                    .map {
                        ($0.name, $0.data)
                    })
            try golden.checkGolden(dir + "followup.md", docs["followup.md"])
            try golden.checkGolden(dir + "followup.csv", docs["followup.csv"])
        }
    }

    @Test("The overdue list at two dates: late actions and commitments past their deadline, none done or disbursed")
    func overdueAtTwoDates() throws {
        let s = try sixMonths()
        func overdue(_ date: String) -> [String] {
            let at = LocalTime(identifier: s.programme.timeZone).instant(date: date, minutes: 12 * 60)!
            let md = String(
                decoding: Documents.render(s, options: DocumentOptions(language: .fr, now: at)).first {
                    $0.name == "followup.md"
                }!.data, as: UTF8.self)
            let section = md.components(separatedBy: "## En retard\n\n")[1].components(separatedBy: "\n## ")[0]
            return section.split(separator: "\n").dropFirst(2).map {
                String($0.split(separator: "|")[0...1].joined(separator: "|"))
            }
        }
        let early = overdue("2024-02-01"), late = overdue("2024-07-01")
        #expect(early.count < late.count, "more is overdue in July than in February\n\(early)\n\(late)")
        let md = String(
            decoding: Documents.render(s, options: DocumentOptions(language: .fr, now: s.lastAt!)).first {
                $0.name == "followup.md"
            }!.data, as: UTF8.self)
        #expect(md.contains("ligne budgétaire réaffectée à l'urgence"))
        #expect(!md.contains("## En retard\n\nRien n'est en retard."), "some actions are past their deadline")
    }
}
