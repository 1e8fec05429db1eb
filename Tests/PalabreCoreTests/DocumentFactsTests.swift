import Foundation
import Testing

@testable import PalabreCore

/// The facts the documents must state as they happened, in French and in English: one test per
/// fact (dates, interest and commitments, study and works money, the agenda as it went,
/// numbering, wording).
struct DocumentFactsTests {
    /// The documents of `state`, by name, as text (CSV byte-order mark dropped, no-break spaces
    /// read as spaces).
    static func docs(_ state: SessionState, _ language: Language, now: Instant) -> [String: String] {
        var out: [String: String] = [:]
        for d in Documents.render(state, options: DocumentOptions(language: language, now: now)) {
            var s = String(decoding: d.data, as: UTF8.self)
            if s.hasPrefix("\u{FEFF}") { s.removeFirst() }
            out[d.name] = s.replacingOccurrences(of: "\u{00A0}", with: " ")
        }
        return out
    }

    // MARK: 1. Dates

    /// Day 1 planned on 17 October, held on the 18th; day 2 planned on the 18th.
    static func postponed() throws -> Harness {
        var h = Harness()
        try h.run(.startDay(date: nil), at: Fixtures.at("2023-10-18", 8, 50))
        try h.run(.checkIn(who: "dg-adr", day: nil), at: Fixtures.at("2023-10-18", 8, 52))
        try h.run(.startItem(id: nil), at: Fixtures.at("2023-10-18", 9, 0))
        try h.run(.endItem, at: Fixtures.at("2023-10-18", 9, 30))
        try h.run(.endDay, at: Fixtures.at("2023-10-18", 12, 0))
        return h
    }

    @Test func aPostponedDayIsDatedByTheDateItWasHeldAndSaysSo() throws {
        var h = try Self.postponed()
        // The dayStarted event records both dates.
        #expect(h.events.contains { $0.payload == .dayStarted(date: "2023-10-17", held: "2023-10-18") })
        #expect(h.state.heldDate(day: 0) == "2023-10-18")
        // Still ahead: the programme's date shifted by the delay of day 1, never a date already used.
        #expect(h.state.heldDate(day: 1) == "2023-10-19")
        // A second day on the same date is refused unless forced.
        let at = Fixtures.at("2023-10-18", 14, 0)
        #expect(throws: Refusal.self) { try h.state.decide(.startDay(date: nil), at: at) }
        do { _ = try h.state.decide(.startDay(date: nil), at: at) } catch { #expect(error.code == "same-date") }
        let fr = Self.docs(h.state, .fr, now: at), en = Self.docs(h.state, .en, now: at)
        let minutes = fr["minutes.md"]!
        #expect(minutes.contains("**Dates :** du 18 au 19 octobre 2023"))
        #expect(minutes.contains("### Journée 1 — mercredi 18 octobre 2023"))
        #expect(minutes.contains("### Journée 2 — prévue le jeudi 19 octobre 2023"))
        #expect(en["minutes.md"]!.contains("### Day 2 — scheduled for Thursday 19 October 2023"))
        #expect(minutes.contains("*Journée reportée du 17 au 18 octobre 2023*"))
        #expect(!minutes.contains("17 octobre"))
        #expect(en["minutes.md"]!.contains("*Day postponed from 17 to 18 October 2023*"))
        #expect(fr["attendance.csv"]!.contains("1;2023-10-18;dg-adr"))
        #expect(!fr["attendance.csv"]!.contains("2023-10-17"))
        #expect(fr["timing.csv"]!.contains("1;2023-10-18;ouverture"))
        #expect(!fr["timing.csv"]!.contains("2023-10-17"))

        try h.run(.startDay(date: nil, force: true), at: at)
        #expect(h.state.currentDay == 1)
        // Never a range that runs backwards.
        let later = Self.docs(h.state, .fr, now: at)["minutes.md"]!
        #expect(later.contains("**Dates :** le 18 octobre 2023"))
    }

    /// The Ségou programme (17, 18, 19 October): day 1 held on the 18th, day 2 on the 19th. Day 3,
    /// still ahead, is expected on the 20th, never on the 19th of day 2; every CSV row names its day.
    @Test func aDayAheadAfterPostponedDaysIsShiftedToo() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("sessions/segou-2023")
        let programme = try #require(
            try ProgrammeLoader.load(path: root.appendingPathComponent("programme.yaml").path).programme)
        #expect(programme.days.map(\.date) == ["2023-10-17", "2023-10-18", "2023-10-19"])
        var h = Harness()
        h.state = SessionState(programme: programme)
        try h.run(.startDay(date: nil), at: Fixtures.at("2023-10-18", 8, 50))
        try h.run(.startItem(id: nil), at: Fixtures.at("2023-10-18", 9, 0))
        try h.run(.endItem, at: Fixtures.at("2023-10-18", 9, 30))
        try h.run(.endDay, at: Fixtures.at("2023-10-18", 17, 0))
        #expect(h.state.heldDates() == ["2023-10-18", "2023-10-19", "2023-10-20"])
        try h.run(.startDay(date: nil), at: Fixtures.at("2023-10-19", 8, 50))
        try h.run(.startItem(id: nil), at: Fixtures.at("2023-10-19", 9, 0))
        #expect(h.state.heldDates() == ["2023-10-18", "2023-10-19", "2023-10-20"])
        #expect(h.state.heldDate(day: 2) == "2023-10-20")
        let now = Fixtures.at("2023-10-19", 10, 0)
        let fr = Self.docs(h.state, .fr, now: now), en = Self.docs(h.state, .en, now: now)
        let minutes = fr["minutes.md"]!
        #expect(minutes.contains("### Journée 2 — jeudi 19 octobre 2023"))
        #expect(minutes.contains("### Journée 3 — prévue le vendredi 20 octobre 2023"))
        #expect(!minutes.contains("Journée 3 — jeudi 19 octobre"))
        #expect(en["minutes.md"]!.contains("### Day 3 — scheduled for Friday 20 October 2023"))
        // timing.csv: each day under its own number and its own date.
        var dates: [String: Set<String>] = [:]
        for row in fr["timing.csv"]!.split(whereSeparator: \.isNewline).dropFirst() {
            let cells = row.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
            dates[cells[0], default: []].insert(cells[1])
        }
        #expect(dates == ["1": ["2023-10-18"], "2": ["2023-10-19"], "3": ["2023-10-20"]])
        #expect(fr["timing.csv"]!.hasPrefix("N° de journée;Journée;"))
        #expect(en["timing.csv"]!.hasPrefix("Day no.,Day,") || en["timing.csv"]!.hasPrefix("Day no.;Day;"))
    }

    @Test func oldJournalsWithoutTheHeldDateStillRead() throws {
        let line =
            #"{"seq":1,"at":"2023-10-18T08:50:00.000+00:00","seat":"facilitator","type":"dayStarted","date":"2023-10-17"}"#
        let e = try JSONDecoder().decode(Event.self, from: Data(line.utf8))
        #expect(e.payload == .dayStarted(date: "2023-10-17", held: nil))
        let s = SessionState.fold(Fixtures.programme, [e])
        #expect(s.heldDate(day: 0) == "2023-10-18")
        #expect(s.plannedDateIfMoved(day: 0) == "2023-10-17")
    }
}

// MARK: 2 and 3. Interest, synergy, commitment; study money and works money

extension DocumentFactsTests {
    /// TIM-01 (UNICEF suggested by the programme, study cost 20 M): UNICEF declares an interest;
    /// a synergy UNICEF + ANICT led by ANICT, ANICT committing nothing; UNICEF commits 30 M for
    /// the works, 15 M for the study and a technical contribution worth 5 M. DIE-01 (45 M sought):
    /// ANICT commits 50 M.
    static func funding() throws -> Harness {
        var p = Fixtures.programme
        p.communes[0].fiches[0].studyCost = 20_000_000
        var h = Harness()
        h.state = SessionState(programme: p)
        try h.run(.startDay(date: nil), at: Fixtures.at(8, 50))
        try h.run(.startItem(id: nil), at: Fixtures.at(9, 0))
        try h.run(.declareInterest(partner: "unicef", fiche: "TIM-01"), at: Fixtures.at(9, 5))
        try h.run(.markSynergy(fiche: "TIM-01", partners: ["unicef", "anict"], lead: "anict"), at: Fixtures.at(9, 6))
        h.seat = "rapporteur"
        for (nature, amount) in [
            (CommitmentNature.financial, 30_000_000), (.study, 15_000_000), (.technical, 5_000_000),
        ] {
            try h.run(
                .record(
                    EntryContent(
                        kind: .commitment, text: "", partner: "unicef", fiche: "TIM-01", nature: nature,
                        amount: Int64(amount), status: .confirmed)), at: Fixtures.at(9, 10))
        }
        try h.run(
            .record(
                EntryContent(
                    kind: .commitment, text: "", partner: "anict", fiche: "DIE-01", nature: .financial,
                    amount: 50_000_000, status: .intention)), at: Fixtures.at(9, 12))
        return h
    }

    @Test func interestSynergyAndCommitmentAreNamedApart() throws {
        let h = try Self.funding()
        let b = SynergyBoard(h.state)
        let tim = try #require(b.rows.first { $0.fiche.id == "TIM-01" })
        #expect(b.suggested(tim).map(\.id) == ["unicef"])  // still suggested after its interest
        #expect(tim.interested == ["unicef"])
        #expect(tim.synergy == ["unicef", "anict"])
        #expect(tim.engaged == ["unicef"])  // ANICT, lead of the synergy, committed nothing here
        let fr = Self.docs(h.state, .fr, now: Fixtures.at(9, 30)), en = Self.docs(h.state, .en, now: Fixtures.at(9, 30))
        let line = try #require(fr["synthesis.md"]!.split(separator: "\n").first { $0.hasPrefix("- **TIM-01**") })
        // UNICEF, suggested by the programme, committed: it is listed under its commitments only.
        #expect(line.contains("Partenaires pressentis (secteur et zone) : aucun"))
        #expect(line.contains("Intérêt manifesté : UNICEF"))
        #expect(line.contains("Synergie : UNICEF, ANICT (chef de file)"))
        #expect(!line.contains("Partenaires engagés"))
        let enLine = try #require(en["synthesis.md"]!.split(separator: "\n").first { $0.hasPrefix("- **TIM-01**") })
        #expect(
            enLine.contains(
                "Suggested partners (sector and zone): none; Declared interest: UNICEF; Synergy: UNICEF, ANICT (lead)"))
        // The minutes' per-commune section: ANICT is in the synergy, not among the committed partners.
        let row = try #require(fr["minutes.md"]!.split(separator: "\n").first { $0.hasPrefix("| TIM-01") })
        #expect(row.hasSuffix("| aucun | UNICEF | UNICEF, ANICT (chef de file) | UNICEF |"))
        // commitments.md names the interest and the synergy.
        #expect(
            fr["commitments.md"]!.contains(
                "Intérêt manifesté : UNICEF ; Synergie : UNICEF, ANICT (chef de file)"))
        #expect(en["commitments.md"]!.contains("Declared interest: UNICEF; Synergy: UNICEF, ANICT (lead)"))
    }

    @Test func studyMoneyDoesNotLowerTheWorksGapAndTechnicalIsNotCash() throws {
        let h = try Self.funding()
        let tim = try #require(SynergyBoard(h.state).rows.first { $0.fiche.id == "TIM-01" })
        #expect(tim.committed == ["FCFA": 30_000_000])
        #expect(tim.gap == 108_000_000 - 30_000_000)
        #expect(tim.studyCommitted == ["FCFA": 15_000_000])
        #expect(tim.studyGap == 5_000_000)
        #expect(tim.technical == ["FCFA": 5_000_000])
        let fr = Self.docs(h.state, .fr, now: Fixtures.at(9, 30)), en = Self.docs(h.state, .en, now: Fixtures.at(9, 30))
        let row = try #require(fr["synthesis.md"]!.split(separator: "\n").first { $0.hasPrefix("| 1 | TIM-01") })
        #expect(
            row.contains(
                "| 30 000 000 FCFA | 78 000 000 FCFA | coût 20 000 000 FCFA · engagé 15 000 000 FCFA · reste 5 000 000 FCFA |"
            ))
        #expect(
            fr["synthesis.md"]!.contains("Contributions techniques (valeur, hors numéraire) : 5 000 000 FCFA"))
        #expect(
            en["synthesis.md"]!.contains("cost 20,000,000 FCFA · committed 15,000,000 FCFA · remaining 5,000,000 FCFA"))
        // The matrix totals count cash only.
        #expect(fr["commitments.md"]!.contains("**Totaux par devise (sans conversion)** : 95 000 000 FCFA"))
    }

    /// The minutes' funding picture: works and studies apart, money per status, what remains counting
    /// every commitment and only the firm ones, and the studies still to fund, from the board's totals.
    @Test func theMinutesGiveTheFundingPicture() throws {
        let h = try Self.funding()
        let t = SynergyBoard(h.state).totals
        #expect(t.committedByStatus[.confirmed] == ["FCFA": 30_000_000])
        #expect(t.committedByStatus[.intention] == ["FCFA": 50_000_000])
        #expect(t.firmGap == ["FCFA": 78_000_000 + 45_000_000])
        #expect(t.studyCommittedByStatus[.confirmed] == ["FCFA": 15_000_000] && t.studyFirmGap == ["FCFA": 5_000_000])
        let fr = Self.docs(h.state, .fr, now: Fixtures.at(9, 30)), en = Self.docs(h.state, .en, now: Fixtures.at(9, 30))
        let md = fr["minutes.md"]!
        #expect(
            md.contains("### Bilan financier\n\nSeuls les engagements confirmés et les conventions signées sont fermes")
        )
        #expect(
            md.contains(
                "| FCFA | 153 000 000 FCFA | — | 50 000 000 FCFA | 30 000 000 FCFA | — | 78 000 000 FCFA (dépassement de "
                    + "5 000 000 FCFA) | 123 000 000 FCFA |"))
        #expect(
            md.contains("| FCFA | 20 000 000 FCFA | — | — | 15 000 000 FCFA | — | 5 000 000 FCFA | 5 000 000 FCFA |"))
        #expect(
            md.contains(
                "- TIM-01 Adduction d'eau sommaire (Timissa) — coût 20 000 000 FCFA · engagé 15 000 000 FCFA · reste "
                    + "5 000 000 FCFA\n- DIE-01 Marché à bétail (Diéli)\n"))
        #expect(en["minutes.md"]!.contains("Only confirmed commitments and signed agreements are firm"))
        // The résumé gives it in brief.
        #expect(
            md.contains(
                "- **Financement des travaux :** recherché 153 000 000 FCFA ; engagé 80 000 000 FCFA, dont ferme "
                    + "(confirmé ou signé) 30 000 000 FCFA ; reste 78 000 000 FCFA (123 000 000 FCFA en ne comptant que "
                    + "l'engagé ferme).\n- **Études de faisabilité :** 2 à financer ; engagé 15 000 000 FCFA, dont ferme "
                    + "(confirmé ou signé) 15 000 000 FCFA.\n"))
    }

    @Test func moreCommittedThanSoughtIsAnOverrunNotAZeroGap() throws {
        let h = try Self.funding()
        let die = try #require(SynergyBoard(h.state).rows.first { $0.fiche.id == "DIE-01" })
        #expect(die.gap == 0 && die.over == 5_000_000)
        let fr = Self.docs(h.state, .fr, now: Fixtures.at(9, 30)), en = Self.docs(h.state, .en, now: Fixtures.at(9, 30))
        #expect(fr["synthesis.md"]!.contains("| 50 000 000 FCFA | dépassement de 5 000 000 FCFA |"))
        #expect(en["synthesis.md"]!.contains("| 50,000,000 FCFA | over by 5,000,000 FCFA |"))
        #expect(fr["minutes.md"]!.contains("dépassement de 5 000 000 FCFA"))
    }
}

// MARK: 4. The agenda as it really went

extension DocumentFactsTests {
    /// Day 1: a point of order and a request left waiting at the end of the opening; an item
    /// inserted and held; the debate moved to day 2; the UNICEF presentation paused when the day ends.
    static func agenda() throws -> Harness {
        var h = try orderGiven()
        try h.run(.yieldFloor, at: Fixtures.at(9, 10))
        try h.run(.insertItem(title: "Mot du préfet", seconds: 600, kind: .other, after: nil), at: Fixtures.at(9, 11))
        try h.run(.endItem, at: Fixtures.at(9, 30))
        try h.run(.startItem(id: nil), at: Fixtures.at(9, 31))
        try h.run(.endItem, at: Fixtures.at(9, 41))
        try h.run(.moveItem(id: "debat", day: "2023-10-18", after: nil), at: Fixtures.at(9, 42))
        try h.run(.startItem(id: "unicef-pres"), at: Fixtures.at(9, 45))
        try h.run(.pauseItem, at: Fixtures.at(10, 0))
        try h.run(.endDay, at: Fixtures.at(12, 0))
        return h
    }

    @Test func anInsertedItemHasNoPlannedTime() throws {
        let h = try Self.agenda()
        let fr = Self.docs(h.state, .fr, now: Fixtures.at(12, 5)), en = Self.docs(h.state, .en, now: Fixtures.at(12, 5))
        #expect(fr["minutes.md"]!.contains("09:31 – 09:41 (10 min) · autre · hors programme"))
        #expect(fr["minutes.md"]!.contains("| Mot du préfet | hors programme | 10 min | 09:31 |"))
        #expect(en["minutes.md"]!.contains("| Mot du préfet | unscheduled | 10 min | 09:31 |"))
        #expect(fr["timing.csv"]!.contains(";Mot du préfet;hors programme;10;09:31;09:41;"))
        #expect(en["timing.csv"]!.contains(",Mot du préfet,unscheduled,10,09:31,09:41,"))
    }

    @Test func aMovedItemLeavesAMarkWhereItWasPlanned() throws {
        let h = try Self.agenda()
        let fr = Self.docs(h.state, .fr, now: Fixtures.at(12, 5)), en = Self.docs(h.state, .en, now: Fixtures.at(12, 5))
        #expect(fr["minutes.md"]!.contains("- *Débat* : reporté à la journée 2"))
        #expect(en["minutes.md"]!.contains("- *Débat*: moved to day 2"))
        #expect(fr["minutes.md"]!.contains("| Débat | — | — | — | — | — | — | reporté à la journée 2 | — |"))
    }

    @Test func anItemPausedAtTheEndOfTheDayIsClosedThere() throws {
        let h = try Self.agenda()
        let fr = Self.docs(h.state, .fr, now: Fixtures.at(12, 5)), en = Self.docs(h.state, .en, now: Fixtures.at(12, 5))
        #expect(fr["minutes.md"]!.contains("09:45 – 12:00 (15 min, clos à la fin de la journée)"))
        #expect(!fr["minutes.md"]!.contains("en pause"))
        #expect(en["minutes.md"]!.contains("09:45 – 12:00 (15 min, closed at the end of the day)"))
        #expect(fr["timing.csv"]!.contains(";09:45;12:00;15;0;clos à la fin de la journée;"))
    }

    @Test func requestsLeftWaitingAndPointsOfOrderAreStated() throws {
        let h = try Self.agenda()
        let fr = Self.docs(h.state, .fr, now: Fixtures.at(12, 5)), en = Self.docs(h.state, .en, now: Fixtures.at(12, 5))
        #expect(fr["minutes.md"]!.contains("Ont pris la parole : Maire de Timissa (motion d'ordre)"))
        #expect(fr["minutes.md"]!.contains("Demandes de parole non satisfaites : SG de Diéli"))
        #expect(en["minutes.md"]!.contains("Took the floor: Maire de Timissa (point of order)"))
        #expect(en["minutes.md"]!.contains("Requests for the floor not heard: SG de Diéli"))
    }
}

// MARK: 5. Numbering

extension DocumentFactsTests {
    @Test func entriesHaveTheSameNumberInEveryDocument() throws {
        var h = try Self.funding()
        let first = try #require(h.state.entries.first { $0.content.kind == .commitment })
        try h.run(.retract(entry: first.id, reason: "Saisi deux fois"), at: Fixtures.at(9, 20))
        try h.run(.record(EntryContent(kind: .decision, text: "La séance est ouverte.")), at: Fixtures.at(9, 21))
        try h.run(
            .record(EntryContent(kind: .action, text: "Transmettre les fiches", responsible: "ADR")),
            at: Fixtures.at(9, 22))
        let numbers = EntryNumbers(h.state)
        let study = try #require(h.state.entries.first { $0.content.nature == .study })
        #expect(numbers.number(study.id) == 1)
        #expect(numbers.number(first.id) == nil)
        for (lang, docs) in [
            (Language.fr, Self.docs(h.state, .fr, now: Fixtures.at(9, 30))),
            (.en, Self.docs(h.state, .en, now: Fixtures.at(9, 30))),
        ] {
            let minutes = docs["minutes.md"]!, matrix = docs["commitments.md"]!, csv = docs["commitments.csv"]!
            #expect(minutes.contains(lang == .fr ? "**Engagement n° 1**" : "**Commitment no. 1**"))
            #expect(minutes.contains(lang == .fr ? "**Décision n° 1**" : "**Decision no. 1**"))
            #expect(minutes.contains(lang == .fr ? "**Action n° 1**" : "**Action no. 1**"))
            #expect(minutes.contains("| 1 | UNICEF |"))
            #expect(minutes.contains("| 3 | ANICT |"))
            #expect(matrix.contains("| 1 | UNICEF |"))
            #expect(matrix.contains("| 3 | ANICT |"))
            // The CSV: the number first, the journal seq in its own column, last.
            // French documents are separated by « ; », English ones by “,”.
            let sep = lang == .fr ? ";" : ","
            let row = try #require(csv.split(separator: "\r\n").first { $0.hasPrefix("3" + sep) })
            #expect(row.hasPrefix("3\(sep)ANICT\(sep)"))
            let anict = try #require(h.state.entries.first { $0.content.partner == "anict" })
            #expect(row.hasSuffix("\(sep)\(anict.id)"))
            #expect(docs["actions.csv"]!.split(separator: "\r\n")[1].hasPrefix("1\(sep)Transmettre les fiches\(sep)"))
        }
    }
}

// MARK: 6. Wording

extension DocumentFactsTests {
    @Test(
        "A vote's counts, recorded or amended, are held to the members present when it was taken: those who left do not count"
    )
    func voteCountsHeldToThoseStillPresent() throws {
        var h = Harness()
        try h.run(.startDay(date: nil), at: Fixtures.at(8, 50))
        for who in ["dg-adr", "maire-timissa", "sg-dieli"] {
            try h.run(.checkIn(who: who, day: nil), at: Fixtures.at(8, 55))
        }
        try h.run(.startItem(id: nil), at: Fixtures.at(9, 0))
        h.seat = "rapporteur"
        func vote(_ f: Int, _ a: Int, at minute: Int) throws -> Int {
            let e = try h.run(
                .record(
                    EntryContent(
                        kind: .vote, text: "Motion \(minute)", votesFor: f, votesAgainst: a, abstentions: 0,
                        outcome: f >= a ? .adopted : .rejected)), at: Fixtures.at(9, minute))
            return try #require(e.first?.seq)
        }
        func refusal(_ c: Command, at minute: Int) -> String? {
            do { try h.run(c, at: Fixtures.at(9, minute)) } catch let r as Refusal { return r.code } catch {
                return "\(error)"
            }
            return nil
        }
        let first = try vote(2, 1, at: 5)
        // A correction to four votes with three members present is refused, as a recording is.
        #expect(
            refusal(.amend(entry: first, text: "", reason: "recompte", changes: EntryChanges(votesAgainst: 2)), at: 6)
                == "more-votes-than-present")
        #expect(
            refusal(
                .amend(entry: first, text: "", reason: "x", changes: EntryChanges(votesFor: 0, votesAgainst: 3)), at: 6)
                == "outcome-contradicts")
        // One member leaves: a new vote of three is refused; the first one, taken before, may still count three.
        h.seat = "facilitator"
        try h.run(.checkOut(who: "sg-dieli"), at: Fixtures.at(9, 10))
        h.seat = "rapporteur"
        #expect(
            refusal(
                .record(
                    EntryContent(
                        kind: .vote, text: "Motion 11", votesFor: 2, votesAgainst: 1, abstentions: 0, outcome: .adopted)
                ),
                at: 11) == "more-votes-than-present")
        #expect(
            refusal(
                .amend(entry: first, text: "", reason: "recompte", changes: EntryChanges(votesFor: 3, votesAgainst: 0)),
                at: 12) == nil)
        _ = try vote(1, 1, at: 13)
    }

    @Test("The minutes' attendance annex gives the time someone left, in both languages, and no column when nobody did")
    func attendanceAnnexGivesDepartures() throws {
        var h = Harness()
        try h.run(.startDay(date: nil), at: Fixtures.at(8, 50))
        for who in ["dg-adr", "maire-timissa"] { try h.run(.checkIn(who: who, day: nil), at: Fixtures.at(8, 55)) }
        let before = Self.docs(h.state, .fr, now: Fixtures.at(12, 0))["minutes.md"]!
        #expect(!before.contains("| Départ |"))
        try h.run(.checkOut(who: "maire-timissa"), at: Fixtures.at(12, 30))
        for (language, column) in [(Language.fr, "Départ"), (.en, "Left at")] {
            let md = Self.docs(h.state, language, now: Fixtures.at(13, 0))["minutes.md"]!
            let annex = try #require(md.range(of: language == .fr ? "### Annexe 2" : "### Annex 2"))
            let table = md[annex.upperBound...].split(separator: "\n").filter { $0.hasPrefix("|") }
            let header = try #require(table.first)
            #expect(header.contains("| \(column) |"), "\(header)")
            let mayor = try #require(table.first { $0.contains("Maire de Timissa") })
            let director = try #require(table.first { $0.contains("Directeur général") })
            #expect(mayor.contains("| 08:55 | 12:30 |"), "\(mayor)")
            #expect(director.contains("| 08:55 |") && !director.contains("12:30"), "\(director)")
            #expect(director.components(separatedBy: "|").count == mayor.components(separatedBy: "|").count)
        }
    }

    @Test("One undo takes back a walk-in whole: the arrival, or the request for the floor, with the person added")
    func undoTakesBackAWalkInWhole() throws {
        var h = Harness()
        try h.run(.startDay(date: nil), at: Fixtures.at(8, 50))
        try h.run(.startItem(id: nil), at: Fixtures.at(9, 0))
        let count = h.state.participants.count
        let arrival = try h.run(
            .walkIn(Participant(id: "walkin-presse", function: "Journaliste", sex: .female)), at: Fixtures.at(9, 5))
        #expect(arrival.count == 2 && h.state.participants.count == count + 1)
        let undone = try h.run(.undo(seq: nil), at: Fixtures.at(9, 6))
        #expect(undone.count == 2, "\(undone.map(\.payload))")
        #expect(h.state.participants.count == count && h.state.participant("walkin-presse") == nil)
        #expect(!(h.state.attendance["2023-10-17"] ?? []).contains("walkin-presse"))
        let request = try h.run(
            .requestFloorAsWalkIn(
                Participant(id: "walkin-riverain", function: "Riverain", sex: .male), pointOfOrder: false),
            at: Fixtures.at(9, 7))
        #expect(request.count == 2)
        #expect(try h.run(.undo(seq: nil), at: Fixtures.at(9, 8)).count == 2)
        #expect(h.state.participant("walkin-riverain") == nil && h.state.queue.isEmpty)
        // Named by its seq, only that event is undone.
        let again = try h.run(
            .walkIn(Participant(id: "walkin-presse", function: "Journaliste", sex: .female)), at: Fixtures.at(9, 10))
        #expect(try h.run(.undo(seq: again[1].seq), at: Fixtures.at(9, 11)).count == 1)
        #expect(h.state.participant("walkin-presse") != nil)
    }

    @Test(
        "A deadline written with its month's name is a date that can fall overdue; an impossible one is refused; free text is kept"
    )
    func deadlinesInWords() throws {
        var h = Harness()
        try h.run(.startDay(date: nil), at: Fixtures.at(8, 50))
        try h.run(.startItem(id: nil), at: Fixtures.at(9, 0))
        h.seat = "rapporteur"
        for (typed, kept) in [
            ("31 janvier 2027", "2027-01-31"), ("January 31, 2027", "2027-01-31"), ("1er mars 2027", "2027-03-01"),
            ("fin mars", "fin mars"), ("Q1 2027", "Q1 2027"),
        ] {
            let e = try h.run(
                .record(EntryContent(kind: .action, text: "Relancer", responsible: "ADR", due: typed)),
                at: Fixtures.at(9, 5))
            guard case .entryRecorded(_, let content)? = e.first?.payload else {
                Issue.record("\(typed): \(e)")
                continue
            }
            #expect(content.due == kept, "\(typed)")
        }
        do {
            try h.run(
                .record(EntryContent(kind: .action, text: "Relancer", responsible: "ADR", due: "30 février 2027")),
                at: Fixtures.at(9, 6))
            Issue.record("30 février 2027 recorded")
        } catch let r as Refusal {
            #expect(r.code == "bad-date", "\(r)")
        }
    }

    @Test("palabre log tells every field a structured amendment changes, and no empty brackets")
    func everyChangedFieldIsTold() {
        let all = EntryChanges(
            addressee: "a-1", responsible: "r-1", due: "d-1", partner: "p-1", fiche: "f-1", nature: .study,
            amount: 123_456, currency: "EUR", status: .signed, conditions: "c-1", votesFor: 7_001,
            votesAgainst: 7_002, abstentions: 7_003, outcome: .rejected)
        let text = EventDescription.describe(all)
        for child in Mirror(reflecting: all).children {
            let value = Mirror(reflecting: child.value).children.first.map { v -> String in
                (v.value as? any RawRepresentable).map { "\($0.rawValue)" } ?? "\(v.value)"
            }
            let shown = try? #require(value, "\(child.label ?? "") is set")
            #expect(shown.map { text.contains($0) } == true, "\(child.label ?? ""): \(text)")
        }
        let s = SessionState(programme: Fixtures.programme)
        let plain = EventDescription.detail(
            .entryAmended(entry: 3, text: "Texte", reason: "coquille", changes: EntryChanges()), state: s)
        #expect(!plain.contains("[]"), "\(plain)")
    }

    @Test("Who is responsible, from what palabre do was given: an id or a whole name, written as F2 writes it")
    func responsibleTextAsTheFormWritesIt() throws {
        let s = SessionState(programme: Fixtures.programme)
        #expect(s.responsibleText("dg-adr") == "Directeur général de l'ADR")
        #expect(s.responsibleText("directeur general de l'adr") == "Directeur général de l'ADR")
        #expect(s.responsibleText(" unicef ") == "UNICEF")
        #expect(s.responsibleText("Fonds des Nations unies pour l'enfance") == "UNICEF")
        #expect(s.responsibleText("timissa") == "Timissa")
        // Part of a name, or a text that names nobody, is kept as typed.
        #expect(s.responsibleText("directeur general") == "directeur general")
        #expect(s.responsibleText("Secrétariat technique") == "Secrétariat technique")
    }

    @Test("A currency's code is named in the acronyms, and followup.md groups digits as its language does")
    func currencyNamedAndDigitsGrouped() throws {
        var p = Fixtures.programme
        p.currency = "GBP"
        var h = Harness()
        h.state = SessionState(programme: p)
        try h.run(.startDay(date: nil), at: Fixtures.at(8, 50))
        try h.run(.startItem(id: nil), at: Fixtures.at(9, 0))
        h.seat = "rapporteur"
        try h.run(
            .record(
                EntryContent(
                    kind: .commitment, text: "", partner: "anict", fiche: "TIM-01", nature: .financial,
                    amount: 250_000, currency: "GBP", status: .confirmed)), at: Fixtures.at(9, 14))
        try h.run(.endItem, at: Fixtures.at(16, 0))
        try h.run(.endDay, at: Fixtures.at(16, 1))
        try h.run(.closeSession, at: Fixtures.at(17, 0))
        for language in [Language.fr, .en] {
            let docs = Self.docs(h.state, language, now: Fixtures.at(17, 30))
            let name = try #require(Currencies.name(of: "GBP", language: language))
            #expect(docs["minutes.md"]!.contains("| GBP | \(name) |"), "\(language)")
            #expect(!docs["minutes.md"]!.contains("| GBP | *"), "\(language)")
            // (no-break spaces read as spaces here, a narrow one would stay)
            let grouped = language == .fr ? "250 000" : "250,000"
            #expect(docs["followup.md"]!.contains(grouped), "\(language)")
            #expect(!docs["followup.md"]!.contains("250\u{202F}000"), "\(language)")
        }
        #expect(Currencies.name(of: "ANICT", language: .fr) == nil && Currencies.name(of: "PTF", language: .en) == nil)
    }

    @Test("A vote read and adopted in plenary is listed with the other entries adopted, in both languages")
    func anAdoptedVoteIsListed() throws {
        var h = try Self.funding()
        try h.run(.checkIn(who: "dg-adr", day: nil), at: Fixtures.at(9, 13))
        let vote = try h.run(
            .record(
                EntryContent(
                    kind: .vote, text: "Le budget est approuvé", votesFor: 1, votesAgainst: 0, abstentions: 0,
                    outcome: .adopted)), at: Fixtures.at(9, 14))
        let seq = try #require(vote.first?.seq)
        let decision = try h.run(
            .record(EntryContent(kind: .decision, text: "Rendez-vous en mars")), at: Fixtures.at(9, 15))
        try h.run(.adopt(entry: seq), at: Fixtures.at(9, 20))
        try h.run(.adopt(entry: try #require(decision.first?.seq)), at: Fixtures.at(9, 21))
        let number = try #require(EntryNumbers(h.state).number(seq))
        let fr = Self.docs(h.state, .fr, now: Fixtures.at(9, 30)), en = Self.docs(h.state, .en, now: Fixtures.at(9, 30))
        #expect(
            fr["minutes.md"]!.contains("**Lu et adopté en plénière** : décision n° \(number + 1) ; vote n° \(number)."),
            "\(fr["minutes.md"]!)")
        #expect(
            en["minutes.md"]!.contains(
                "**Read and adopted in plenary**: decision no. \(number + 1); vote no. \(number)."))
    }

    @Test("With no fiche at the idea stage, no study is said to be committed for each of them")
    func noFicheAtTheIdeaStage() throws {
        var p = Fixtures.programme
        for c in p.communes.indices {
            for f in p.communes[c].fiches.indices { p.communes[c].fiches[f].studyStatus = .appraisal }
        }
        let s = SessionState(programme: p)
        for (language, said, not) in [
            (Language.fr, "Aucune : aucune fiche n'est au stade d'idée.", "chaque fiche au stade d'idée"),
            (.en, "None: no fiche is at the idea stage.", "every fiche at the idea stage"),
        ] {
            let docs = Self.docs(s, language, now: Fixtures.at(9, 30))
            for name in ["synthesis.md", "commitments.md"] {
                let text = try #require(docs[name])
                if text.contains(said) || text.contains(not) {
                    #expect(text.contains(said) && !text.contains(not), "\(name) \(language)")
                }
            }
            #expect(docs.values.contains { $0.contains(said) }, "\(language)")
        }
        // A fiche at the idea stage without its study committed is listed, as before.
        let h = try Self.funding()
        let fr = Self.docs(h.state, .fr, now: Fixtures.at(9, 30))
        #expect(!fr.values.contains { $0.contains("aucune fiche n'est au stade d'idée") })
    }

    @Test func adoptionIsStatedOnceAndCommitmentsReadAsSentences() throws {
        var h = try Self.funding()
        let study = try #require(h.state.entries.first { $0.content.nature == .study })
        try h.run(.adopt(entry: study.id), at: Fixtures.at(9, 25))
        let fr = Self.docs(h.state, .fr, now: Fixtures.at(9, 30)), en = Self.docs(h.state, .en, now: Fixtures.at(9, 30))
        let minutes = fr["minutes.md"]!
        #expect(minutes.components(separatedBy: "dopté").count == 2)  // once: the statement
        #expect(minutes.contains("**Lu et adopté en plénière** : engagement n° 2."))
        #expect(en["minutes.md"]!.contains("**Read and adopted in plenary**: commitment no. 2."))
        #expect(!minutes.contains("(lu et adopté)"))
        #expect(
            minutes.contains(
                "L'UNICEF s'engage à financer l'étude de faisabilité de la fiche TIM-01 « Adduction d'eau sommaire » "
                    + "(Timissa) à hauteur de 15 000 000 FCFA."))
        #expect(
            minutes.contains(
                "L'ANICT envisage de financer la fiche DIE-01 « Marché à bétail » (Diéli) à hauteur de 50 000 000 FCFA."
            ))
        #expect(
            en["minutes.md"]!.contains(
                "ANICT intends to fund fiche DIE-01 “Marché à bétail” (Diéli) up to 50,000,000 FCFA."))
    }

    /// The verb of a commitment follows its status and nature: it never states more than was committed.
    @Test func commitmentVerbFollowsStatusAndNature() {
        let fr = DocLabels(.fr), en = DocLabels(.en)
        func s(
            _ L: DocLabels, _ n: CommitmentNature, _ st: CommitmentStatus, article: String? = nil,
            feminine: Bool = false
        ) -> String {
            L.commitmentSentence(
                partner: "NEF", feminine: feminine, fiche: "X", nature: n, amount: "5 FCFA",
                status: st, conditions: nil, due: nil)
        }
        #expect(s(fr, .financial, .announced) == "Le NEF annonce un financement de 5 FCFA pour X.")
        #expect(s(fr, .financial, .intention) == "Le NEF envisage de financer X à hauteur de 5 FCFA.")
        #expect(s(fr, .financial, .confirmed, feminine: true) == "La NEF s'engage à financer X à hauteur de 5 FCFA.")
        #expect(
            s(fr, .study, .signed, feminine: true)
                == "La NEF s'est engagée par convention à financer l'étude de faisabilité de X à hauteur de 5 FCFA.")
        #expect(
            s(fr, .technical, .confirmed) == "Le NEF apportera une contribution technique à X (valeur estimée 5 FCFA).")
        #expect(
            fr.commitmentSentence(
                partner: "PAM", fiche: "X", nature: nil, amount: nil, status: .intention, conditions: nil, due: nil)
                == "Le PAM envisage d'appuyer X, sans montant chiffré.")
        #expect(s(en, .financial, .announced) == "NEF announces funding of 5 FCFA for X.")
        #expect(s(en, .financial, .intention) == "NEF intends to fund X up to 5 FCFA.")
        #expect(s(en, .financial, .confirmed) == "NEF commits to fund X up to 5 FCFA.")
        #expect(
            s(en, .study, .signed) == "NEF has signed an agreement to fund the feasibility study of X up to 5 FCFA.")
        #expect(
            s(en, .technical, .confirmed) == "NEF will make a technical contribution to X (estimated value 5 FCFA).")
    }

    @Test func seatsAreNamedInFrenchAndPlacesOnce() throws {
        var p = Fixtures.programme
        p.communes[1].region = "San"
        var h = try Self.funding()
        h.state = SessionState.fold(p, h.events)
        let fr = Self.docs(h.state, .fr, now: Fixtures.at(9, 30)), en = Self.docs(h.state, .en, now: Fixtures.at(9, 30))
        #expect(fr["synthesis.md"]!.contains("## Diéli (San)\n"))
        #expect(fr["synthesis.md"]!.contains("## Timissa (Tominian, Ségou)\n"))
        #expect(fr["commitments.csv"]!.contains(";rapporteur;"))
        // A commitment recorded at the facilitator's seat.
        var g = try Self.funding()
        g.seat = "facilitator"
        try g.run(
            .record(
                EntryContent(
                    kind: .commitment, text: "", partner: "unicef", fiche: "DIE-01", nature: .technical, amount: 1)),
            at: Fixtures.at(9, 20))
        let fr2 = Self.docs(g.state, .fr, now: Fixtures.at(9, 30)),
            en2 = Self.docs(g.state, .en, now: Fixtures.at(9, 30))
        #expect(fr2["commitments.csv"]!.contains(";modération;"))
        #expect(fr2["commitments.md"]!.contains(", modération |"))
        #expect(en2["commitments.md"]!.contains(", facilitator |"))
        _ = en
    }
}

/// Scans every document of the recorded Ségou meeting and of the test meetings for words of the
/// other language: labels written by palabre, never the text people typed.
struct DocumentLanguageTests {
    /// Words of `language` from Tests/Tables/language-words.txt, the one list every language scan reads.
    static func words(_ language: Language) -> [String] {
        let path = DirectoryTests.root + "/Tests/Tables/language-words.txt"
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { line in
            line.hasPrefix(language.rawValue + ": ")
                ? String(line.dropFirst(4)).trimmingCharacters(in: .whitespaces) : nil
        }
    }
    /// English words that must not appear in a French output (whole words, any case).
    static let english = words(.en)
    /// French words that must not appear in an English output (whole words, any case).
    static let french = words(.fr)

    /// Whether `word` occurs in `text` as a whole word (letters on neither side), ignoring case.
    static func occurs(_ word: String, in text: String) -> Bool {
        let t = text.lowercased(), w = word.lowercased()
        var from = t.startIndex
        while let r = t.range(of: w, range: from..<t.endIndex) {
            let before = r.lowerBound == t.startIndex ? nil : t[t.index(before: r.lowerBound)]
            let after = r.upperBound == t.endIndex ? nil : t[r.upperBound]
            if !(before?.isLetter ?? false) && !(after?.isLetter ?? false) { return true }
            from = r.upperBound
        }
        return false
    }

    /// The text people typed or the programme gave (titles, names, entries): removed before the scan.
    static func userText(_ s: SessionState) -> [String] {
        var out: [String] = [s.programme.title, s.programme.venue, s.programme.city ?? ""]
        out += [s.programme.generalObjective ?? ""] + s.programme.specificObjectives
        out += [s.programme.context ?? "", s.programme.method ?? ""]
        out += s.programme.abbreviations.flatMap { [$0.acronym, $0.name] }
        for d in s.days {
            out.append(d.title ?? "")
            out += d.items.flatMap { [$0.title, $0.id] }
        }
        for c in s.programme.communes {
            out.append(c.name)
            for f in c.fiches { out += [f.title, f.sector] }
        }
        for o in s.programme.organisations { out += [o.name, o.acronym] }
        out += s.participants.map(\.function)
        for e in s.entries {
            let k = e.content
            out += [k.text, k.conditions ?? "", k.addressee ?? "", k.responsible ?? "", k.due ?? ""]
            out.append(e.withdrawal?.reason ?? "")
            out += e.amendments.map(\.previous)
        }
        return out.filter { !$0.isEmpty }.sorted { $0.count > $1.count }
    }

    /// The documents' labels: every document with the typed text taken out (escaped or not).
    static func labelsOnly(_ doc: String, _ s: SessionState) -> String {
        var d = doc.replacingOccurrences(of: "\\", with: "")
        for u in userText(s) {
            for line in u.split(separator: "\n") where line.count > 1 {
                d = d.replacingOccurrences(of: String(line), with: " ")
            }
        }
        return d
    }

    static func check(_ s: SessionState, now: Instant, _ what: String) {
        for (language, words) in [(Language.fr, english), (.en, french)] {
            for (name, text) in DocumentFactsTests.docs(s, language, now: now) {
                let labels = labelsOnly(text, s)
                for w in words where occurs(w, in: labels) {
                    Issue.record("\(what): \(language == .fr ? "French" : "English") \(name) has « \(w) »")
                }
                // English typography: no space before « : ; », no no-break space, no « » quotes
                // (in the Markdown documents: the CSV files carry the typed text in its own columns).
                if language == .en, name.hasSuffix(".md") {
                    let french = try! Regex(#"[\u{00A0}\u{202F}][:;!?]|\p{L} [:;](?=\s|$)|«|»"#)
                    for m in labels.matches(of: french) {
                        Issue.record("\(what): English \(name) has « \(labels[m.range]) »")
                    }
                }
            }
        }
    }

    @Test func theRecordedSegouMeetingSpeaksOneLanguagePerDocument() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("sessions/segou-2023-recorded")
        let programme = try #require(
            try ProgrammeLoader.load(path: root.appendingPathComponent("programme.yaml").path).programme)
        let journal = try Journal(path: root.appendingPathComponent("journal.jsonl").path, writable: false)
        let events = try journal.loadAll()
        let s = SessionState.fold(programme, events)
        Self.check(s, now: try #require(events.last).at, "Ségou")
    }

    @Test func theTestMeetingsSpeakOneLanguagePerDocument() throws {
        Self.check(try DocScript.run().state, now: DocScript.now, "scripted day")
        Self.check(try DocumentFactsTests.funding().state, now: Fixtures.at(9, 30), "funding")
        Self.check(try DocumentFactsTests.agenda().state, now: Fixtures.at(12, 5), "agenda")
        Self.check(try DocumentFactsTests.postponed().state, now: Fixtures.at("2023-10-18", 14, 0), "postponed")
    }
}

extension DocumentFactsTests {
    /// « amendé » and « retiré » agree with the entry's kind in French.
    @Test func marksAgreeWithTheKindOfTheEntry() {
        let fr = DocLabels(.fr), en = DocLabels(.en)
        #expect(fr.amended(.recommendation) == "amendée")
        #expect(fr.amended(.decision) == "amendée")
        #expect(fr.amended(.action) == "amendée")
        #expect(fr.amended(.commitment) == "amendé")
        #expect(fr.withdrawn(.commitment) == "retiré par le partenaire")
        #expect(en.amended(.recommendation) == "amended")
    }
}

extension DocumentFactsTests {
    /// The conditions follow « conditions : » with a small letter, or « , sous réserve de … ».
    @Test func conditionsReadInTheSentence() {
        let fr = DocLabels(.fr)
        func s(_ cond: String) -> String {
            fr.commitmentSentence(
                partner: "PAM", fiche: "X", nature: .financial, amount: nil, status: .confirmed, conditions: cond,
                due: nil)
        }
        #expect(
            s("Dossier complet")
                == "Le PAM s'engage à financer X, sans montant chiffré, conditions\u{00A0}: dossier complet.")
        #expect(
            s("ANICT d'accord")
                == "Le PAM s'engage à financer X, sans montant chiffré, conditions\u{00A0}: ANICT d'accord.")
        #expect(
            s("Sous réserve du vote") == "Le PAM s'engage à financer X, sans montant chiffré, sous réserve du vote.")
    }
}

// MARK: 5. A point of order while its author has the floor

extension DocumentFactsTests {
    /// Day 1, 09:07: the opening under way, the Maire de Timissa given the floor on a point of
    /// order, the SG de Diéli still waiting.
    static func orderGiven() throws -> Harness {
        var h = Harness()
        try h.run(.startDay(date: nil), at: Fixtures.at(8, 50))
        try h.run(.startItem(id: "ouverture"), at: Fixtures.at(9, 0))
        try h.run(.requestFloor(who: "sg-dieli", pointOfOrder: false), at: Fixtures.at(9, 5))
        try h.run(.requestFloor(who: "maire-timissa", pointOfOrder: true), at: Fixtures.at(9, 6))
        try h.run(.giveFloor(who: nil), at: Fixtures.at(9, 7))
        return h
    }

    @Test("Someone waiting may raise a point of order: it replaces their request, ahead of the others")
    func aWaitingSpeakerRaisesAPointOfOrder() throws {
        var h = Harness()
        try h.run(.startDay(date: nil), at: Fixtures.at(8, 50))
        try h.run(.startItem(id: "ouverture"), at: Fixtures.at(9, 0))
        try h.run(.requestFloor(who: "sg-dieli", pointOfOrder: false), at: Fixtures.at(9, 5))
        try h.run(.requestFloor(who: "maire-timissa", pointOfOrder: false), at: Fixtures.at(9, 6))
        try h.run(.requestFloor(who: "maire-timissa", pointOfOrder: true), at: Fixtures.at(9, 7))
        #expect(h.state.queue.map(\.who) == ["maire-timissa", "sg-dieli"])
        #expect(h.state.queue.map(\.pointOfOrder) == [true, false])
        // A second point of order, or an ordinary request from someone waiting, is refused.
        #expect(throws: Refusal.self) {
            try h.run(.requestFloor(who: "maire-timissa", pointOfOrder: true), at: Fixtures.at(9, 7))
        }
        #expect(throws: Refusal.self) {
            try h.run(.requestFloor(who: "sg-dieli", pointOfOrder: false), at: Fixtures.at(9, 7))
        }
        // Undone, the ordinary request is back in its place.
        try h.run(.undo(seq: nil), at: Fixtures.at(9, 8))
        #expect(h.state.queue.map(\.who) == ["sg-dieli", "maire-timissa"])
        #expect(h.state.queue.allSatisfy { !$0.pointOfOrder })
    }

    @Test func aPointOfOrderKeepsItsMarkWhileItsAuthorHasTheFloor() throws {
        var h = try Self.orderGiven()
        // The turn under way came from the point of order: the state carries it, from the events alone.
        #expect(h.state.currentTurn?.who == "maire-timissa")
        #expect(h.state.currentTurn?.pointOfOrder == true)
        #expect(SessionState.fold(Fixtures.programme, h.events).currentTurn?.pointOfOrder == true)
        let fr = Self.docs(h.state, .fr, now: Fixtures.at(9, 8)), en = Self.docs(h.state, .en, now: Fixtures.at(9, 8))
        #expect(fr["minutes.md"]!.contains("Ont pris la parole : Maire de Timissa (motion d'ordre)"))
        #expect(en["minutes.md"]!.contains("Took the floor: Maire de Timissa (point of order)"))
        // speaking.csv counts the turns given on a point of order, in its last column.
        let header = try #require(fr["speaking.csv"]!.split(separator: "\r\n").first)
        #expect(header.hasSuffix(";Dont sur motion d'ordre"))
        let row = try #require(fr["speaking.csv"]!.split(separator: "\r\n").first { $0.contains("maire-timissa") })
        #expect(row.hasSuffix(";1"), "\(row)")
        // The ordinary request that follows is not marked.
        try h.run(.giveFloor(who: nil), at: Fixtures.at(9, 10))
        #expect(h.state.currentTurn?.who == "sg-dieli")
        #expect(h.state.currentTurn?.pointOfOrder == false)
        #expect(h.state.turns.last?.pointOfOrder == true)
        let after = Self.docs(h.state, .fr, now: Fixtures.at(9, 11))["speaking.csv"]!
        let dieli = try #require(after.split(separator: "\r\n").first { $0.contains("sg-dieli") })
        #expect(dieli.hasSuffix(";0"), "\(dieli)")
    }
}
