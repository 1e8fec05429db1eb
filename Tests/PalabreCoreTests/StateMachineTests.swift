import Foundation
import Testing

@testable import PalabreCore

@Suite("Session state machine")
struct StateMachineTests {
    @Test func startDayOpensTheSessionAndStartsTheNextDay() throws {
        var h = Harness()
        let events = try h.run(.startDay(date: nil), at: Fixtures.at(8, 55))
        #expect(events.map(\.payload) == [.sessionOpened, .dayStarted(date: "2023-10-17")])
        #expect(h.state.currentDay == 0)
        #expect(h.state.days[0].startedAt == Fixtures.at(8, 55))
        // start-day without a date takes the next day not yet started; on the date of a day
        // already held, only when forced, and the event says on which date it was held
        try h.run(.endDay, at: Fixtures.at(17, 0))
        #expect(throws: Refusal.self) { try h.run(.startDay(date: nil), at: Fixtures.at("2023-10-17", 17, 5)) }
        let e2 = try h.run(.startDay(date: nil, force: true), at: Fixtures.at("2023-10-17", 17, 5))
        #expect(e2.map(\.payload) == [.dayStarted(date: "2023-10-18", held: "2023-10-17")])
    }

    @Test func countdownComesFromTimestampsAndSurvivesASleep() throws {
        var h = Harness()
        try h.run(.startDay(date: nil), at: Fixtures.at(9, 0))
        try h.run(.startItem(id: nil), at: Fixtures.at(9, 0))
        #expect(h.state.currentItem == "ouverture")
        // Read at 09:05, then the laptop sleeps; the next read is ten minutes later.
        #expect(h.state.remaining("ouverture", at: Fixtures.at(9, 5)) == 25 * 60)
        #expect(h.state.remaining("ouverture", at: Fixtures.at(9, 15)) == 15 * 60)
        #expect(h.state.elapsed("ouverture", at: Fixtures.at(9, 15)) == 15 * 60)
        // Over time: negative remaining, shown as +mm:ss
        #expect(h.state.remaining("ouverture", at: Fixtures.at(9, 31, 5)) == -65)
        #expect(formatCountdown(h.state.remaining("ouverture", at: Fixtures.at(9, 31, 5))) == "+01:05")
    }

    @Test func pausesAndExtensionsAreCounted() throws {
        var h = Harness()
        try h.run(.startDay(date: nil), at: Fixtures.at(9, 0))
        try h.run(.startItem(id: nil), at: Fixtures.at(9, 0))
        try h.run(.pauseItem, at: Fixtures.at(9, 10))
        // While paused, the countdown does not move.
        #expect(h.state.remaining("ouverture", at: Fixtures.at(9, 10)) == 20 * 60)
        #expect(h.state.remaining("ouverture", at: Fixtures.at(9, 40)) == 20 * 60)
        try h.run(.resumeItem, at: Fixtures.at(9, 40))
        try h.run(.extendItem(seconds: 300), at: Fixtures.at(9, 41))
        #expect(h.state.timeBox("ouverture") == 35 * 60)
        #expect(h.state.remaining("ouverture", at: Fixtures.at(9, 50)) == 35 * 60 - 20 * 60)
        #expect(throws: Refusal.self) { try h.run(.resumeItem, at: Fixtures.at(9, 51)) }
    }

    @Test func anOvernightPauseBetweenDaysIsNotCounted() throws {
        var h = Harness()
        try h.run(.startDay(date: nil), at: Fixtures.at(9, 0))
        try h.run(.startItem(id: "debat"), at: Fixtures.at(16, 0))
        try h.run(.pauseItem, at: Fixtures.at(16, 20))
        // A running item blocks the end of the day, a paused one does not.
        try h.run(.endDay, at: Fixtures.at(17, 0))
        try h.run(.moveItem(id: "pitch-timissa", day: "2023-10-18", after: "cloture"), at: Fixtures.at(17, 1))
        try h.run(.startDay(date: "2023-10-18"), at: Fixtures.at("2023-10-18", 8, 30))
        try h.run(.resumeItem, at: Fixtures.at("2023-10-18", 8, 45))
        // 20 min on day 1, 5 min on day 2; the night is not counted.
        #expect(h.state.elapsed("debat", at: Fixtures.at("2023-10-18", 8, 50)) == 25 * 60)
        #expect(h.state.remaining("debat", at: Fixtures.at("2023-10-18", 8, 50)) == 5 * 60)
    }

    @Test func endDayIsRefusedWhileAnItemRuns() throws {
        var h = Harness()
        try h.run(.startDay(date: nil), at: Fixtures.at(9, 0))
        try h.run(.startItem(id: nil), at: Fixtures.at(9, 0))
        #expect(throws: Refusal.self) { try h.run(.endDay, at: Fixtures.at(9, 30)) }
        do { try h.run(.endDay, at: Fixtures.at(9, 30)); Issue.record("expected a refusal") } catch let r as Refusal {
            #expect(r.code == "item-running")
            #expect(r.fr.contains("Cérémonie d'ouverture"))
        }
    }

    @Test func pointsOfOrderGoFirstInArrivalOrderEvenInTheSameSecond() throws {
        var h = Harness()
        try h.run(.startDay(date: nil), at: Fixtures.at(9, 0))
        try h.run(.startItem(id: "debat"), at: Fixtures.at(9, 0))
        let t = Fixtures.at(9, 5)
        try h.run(.requestFloor(who: "rep-unicef", pointOfOrder: false), at: t)
        try h.run(.requestFloor(who: "sg-dieli", pointOfOrder: false), at: t)
        try h.run(.requestFloor(who: "maire-timissa", pointOfOrder: true), at: t)
        try h.run(.requestFloor(who: "dg-adr", pointOfOrder: true), at: t)
        #expect(h.state.queue.map(\.who) == ["maire-timissa", "dg-adr", "rep-unicef", "sg-dieli"])
        try h.run(.giveFloor(who: nil), at: Fixtures.at(9, 6))
        #expect(h.state.currentTurn?.who == "maire-timissa")
        #expect(h.state.currentTurn?.limit == 120)
        #expect(h.state.queue.map(\.who) == ["dg-adr", "rep-unicef", "sg-dieli"])
        // Giving the floor to the next ends the previous turn.
        try h.run(.giveFloor(who: nil), at: Fixtures.at(9, 8))
        #expect(h.state.turns.count == 1)
        #expect(h.state.turns[0].who == "maire-timissa")
        #expect(h.state.speakingMs(h.state.turns[0], at: Fixtures.at(10, 0)) == 120_000)
        try h.run(.reorderSpeaker(who: "sg-dieli", position: 0), at: Fixtures.at(9, 9))
        #expect(h.state.queue.map(\.who) == ["sg-dieli", "rep-unicef"])
        try h.run(.removeSpeaker(who: "rep-unicef"), at: Fixtures.at(9, 9))
        #expect(h.state.queue.map(\.who) == ["sg-dieli"])
        #expect(throws: Refusal.self) {
            try h.run(.requestFloor(who: "sg-dieli", pointOfOrder: false), at: Fixtures.at(9, 9))
        }
        #expect(throws: Refusal.self) {
            try h.run(.requestFloor(who: "inconnu", pointOfOrder: false), at: Fixtures.at(9, 9))
        }
        try h.run(.yieldFloor, at: Fixtures.at(9, 10))
        #expect(h.state.currentTurn == nil)
        #expect(h.state.turns.last?.who == "dg-adr")
    }

    @Test func speakerTimeExcludesPausesOfTheItem() throws {
        var h = Harness()
        try h.run(.startDay(date: nil), at: Fixtures.at(9, 0))
        try h.run(.startItem(id: "debat"), at: Fixtures.at(9, 0))
        try h.run(.giveFloor(who: "rep-unicef"), at: Fixtures.at(9, 1))
        try h.run(.pauseItem, at: Fixtures.at(9, 2))
        try h.run(.resumeItem, at: Fixtures.at(9, 12))
        #expect(h.state.currentSpeakerElapsed(at: Fixtures.at(9, 13)) == 120)
    }

    @Test func entriesAmendRetractAdopt() throws {
        var h = Harness()
        h.seat = "rapporteur"
        try h.run(.startDay(date: nil), at: Fixtures.at(9, 0))
        try h.run(.startItem(id: nil), at: Fixtures.at(9, 0))
        let decomposed = "De\u{0301}cision : pre\u{0302}t"
        let e = try h.run(
            .record(EntryContent(kind: .decision, text: "  \(decomposed) \u{1B}[31m ")), at: Fixtures.at(9, 3))
        let id = e[0].seq
        guard case .entryRecorded(let item, let content) = e[0].payload else { Issue.record("not an entry"); return }
        #expect(item == "ouverture")
        #expect(content.text == "Décision : prêt \u{1B}[31m")
        #expect(content.text.unicodeScalars.count == "Décision : prêt \u{1B}[31m".unicodeScalars.count)
        try h.run(.amend(entry: id, text: "Décision : prêt accordé", reason: "précision"), at: Fixtures.at(9, 4))
        #expect(h.state.entry(id)?.content.text == "Décision : prêt accordé")
        #expect(h.state.entry(id)?.amendments.first?.previous == "Décision : prêt \u{1B}[31m")
        #expect(throws: Refusal.self) { try h.run(.amend(entry: id, text: "x", reason: " "), at: Fixtures.at(9, 5)) }
        try h.run(.adopt(entry: id), at: Fixtures.at(9, 6))
        #expect(h.state.entry(id)?.adoptedAt == Fixtures.at(9, 6))
        #expect(throws: Refusal.self) { try h.run(.adopt(entry: id), at: Fixtures.at(9, 7)) }
        try h.run(.retract(entry: id, reason: "doublon"), at: Fixtures.at(9, 8))
        #expect(h.state.entry(id)?.retracted == "doublon")
        #expect(throws: Refusal.self) { try h.run(.amend(entry: id, text: "y", reason: "z"), at: Fixtures.at(9, 9)) }
    }

    @Test func commitmentsAreValidatedAndDescribed() throws {
        var h = Harness()
        try h.run(.startDay(date: nil), at: Fixtures.at(9, 0))
        let e = try h.run(
            .record(EntryContent(kind: .commitment, text: "", partner: "unicef", fiche: "TIM-01", amount: 2_500_000)),
            at: Fixtures.at(9, 1))
        guard case .entryRecorded(_, let c) = e[0].payload else { Issue.record("not an entry"); return }
        #expect(c.text == "UNICEF : 2\u{00A0}500\u{00A0}000\u{00A0}FCFA pour « Adduction d'eau sommaire » (Timissa)")
        #expect(c.status == .announced)
        #expect(c.nature == .financial)
        #expect(c.currency == "FCFA")
        #expect(throws: Refusal.self) {
            try h.run(
                .record(EntryContent(kind: .commitment, text: "", partner: "unicef", fiche: "NOPE", amount: 1)),
                at: Fixtures.at(9, 2))
        }
        #expect(throws: Refusal.self) {
            try h.run(
                .record(EntryContent(kind: .commitment, text: "", partner: "unicef", fiche: "TIM-01")),
                at: Fixtures.at(9, 2))
        }
        #expect(throws: Refusal.self) {
            try h.run(.record(EntryContent(kind: .action, text: "Préparer les fiches")), at: Fixtures.at(9, 2))
        }
    }

    @Test func replanningKeepsFixedItemsAndDerivesTheDrift() throws {
        var h = Harness()
        try h.run(.startDay(date: nil), at: Fixtures.at(9, 0))
        // Opening starts 10 minutes late and runs 40 minutes.
        try h.run(.startItem(id: "ouverture"), at: Fixtures.at(9, 10))
        try h.run(.endItem, at: Fixtures.at(9, 50))
        let t = h.state.timings(day: 0, at: Fixtures.at(9, 50))
        #expect(t.map(\.item.id) == ["ouverture", "unicef-pres", "debat", "cloture1"])
        #expect(h.state.local.hhmm(t[1].projectedStart) == "09:50")
        #expect(h.state.local.hhmm(t[2].projectedStart) == "10:10")
        // The fixed synthesis keeps 11:00 (the flow would put it at 10:40).
        #expect(h.state.local.hhmm(t[3].projectedStart) == "11:00")
        #expect(h.state.drift(day: 0, at: Fixtures.at(9, 50)) == 0)
        try h.run(.startItem(id: nil), at: Fixtures.at(9, 50))
        // 40 minutes over on the presentation: the slack before the fixed synthesis absorbs it…
        #expect(h.state.drift(day: 0, at: Fixtures.at(10, 30)) == 0)
        // …but at 11:00 the debate pushes the synthesis to 11:30: the day ends 30 minutes late.
        #expect(h.state.drift(day: 0, at: Fixtures.at(11, 0)) == 30)
        #expect(throws: Refusal.self) {
            try h.run(.moveItem(id: "cloture1", day: "2023-10-18", after: nil), at: Fixtures.at(10, 30))
        }
        try h.run(
            .insertItem(title: "Intervention imprévue", seconds: 600, kind: .other, after: nil),
            at: Fixtures.at(10, 31))
        #expect(h.state.days[0].items.map(\.id)[2].hasPrefix("extra-"))
    }

    @Test func whoIsFoundWithoutCaseOrAccents() throws {
        let s = SessionState(programme: Fixtures.programme)
        #expect(try s.resolve(who: "dieli") == "dieli")
        #expect(try s.resolve(who: "SG de dieli") == "sg-dieli")
        #expect(try s.resolve(who: "unicef") == "unicef")
        #expect(try s.resolve(who: "maire") == "maire-timissa")
        #expect(throws: Refusal.self) { try s.resolve(who: "de") }
        #expect(throws: Refusal.self) { try s.resolve(who: "zzz") }
    }

    @Test func attendanceAndWalkIns() throws {
        var h = Harness()
        try h.run(.startDay(date: nil), at: Fixtures.at(8, 30))
        try h.run(.checkIn(who: "maire-timissa", day: nil), at: Fixtures.at(8, 31))
        #expect(throws: Refusal.self) { try h.run(.checkIn(who: "maire-timissa", day: nil), at: Fixtures.at(8, 32)) }
        try h.run(
            .addParticipant(Participant(id: "", function: "Représentante ONG locale", sex: .female)),
            at: Fixtures.at(8, 33))
        let walkIn = h.state.participants.last!
        #expect(walkIn.id.hasPrefix("walkin-"))
        try h.run(.checkIn(who: walkIn.id, day: nil), at: Fixtures.at(8, 34))
        #expect(h.state.attendance["2023-10-17"] == ["maire-timissa", walkIn.id])
    }

    @Test func foldingAnyPrefixGivesTheLiveState() throws {
        var h = Harness()
        var states: [SessionState] = []
        func step(_ c: Command, _ at: Instant) throws { try h.run(c, at: at); states.append(h.state) }
        try step(.startDay(date: nil), Fixtures.at(9, 0))
        try step(.startItem(id: nil), Fixtures.at(9, 1))
        try step(.requestFloor(who: "sg-dieli", pointOfOrder: false), Fixtures.at(9, 2))
        try step(.giveFloor(who: nil), Fixtures.at(9, 3))
        try step(.record(EntryContent(kind: .note, text: "Une note")), Fixtures.at(9, 4))
        try step(.pauseItem, Fixtures.at(9, 5))
        try step(.resumeItem, Fixtures.at(9, 6))
        try step(.endItem, Fixtures.at(9, 7))
        try step(.skipItem(id: nil), Fixtures.at(9, 8))
        try step(.endDay, Fixtures.at(9, 9))
        for s in states {
            let prefix = h.events.prefix { $0.seq <= s.lastSeq }
            #expect(SessionState.fold(Fixtures.programme, prefix) == s)
        }
    }

    @Test func closedSessionRefusesEverything() throws {
        var h = Harness()
        try h.run(.startDay(date: nil), at: Fixtures.at(9, 0))
        #expect(throws: Refusal.self) { try h.run(.closeSession, at: Fixtures.at(9, 1)) }
        try h.run(.endDay, at: Fixtures.at(9, 2))
        try h.run(.closeSession, at: Fixtures.at(9, 3))
        #expect(throws: Refusal.self) {
            try h.run(.record(EntryContent(kind: .note, text: "x")), at: Fixtures.at(9, 4))
        }
    }

    @Test func anAmendmentAfterAdoptionMustBeReadAgain() throws {
        var h = Harness()
        try h.run(.startDay(date: nil), at: Fixtures.at(9, 0))
        let id = try h.run(.record(EntryContent(kind: .decision, text: "Texte lu")), at: Fixtures.at(9, 1))[0].seq
        try h.run(.adopt(entry: id), at: Fixtures.at(9, 2))
        try h.run(.amend(entry: id, text: "Texte modifié", reason: "coquille"), at: Fixtures.at(9, 3))
        #expect(h.state.entry(id)?.adoptedAt == nil)
        try h.run(.adopt(entry: id), at: Fixtures.at(9, 4))
        #expect(h.state.entry(id)?.adoptedAt == Fixtures.at(9, 4))
        // An amendment based on an old version is refused: two seats never amend over each other.
        let v = h.state.entry(id)!.version
        try h.run(.amend(entry: id, text: "Version A", reason: "a", basedOn: v), at: Fixtures.at(9, 5))
        #expect(throws: Refusal.self) {
            try h.run(.amend(entry: id, text: "Version B", reason: "b", basedOn: v), at: Fixtures.at(9, 5))
        }
        #expect(h.state.entry(id)?.content.text == "Version A")
    }

    @Test func amountsDeadlinesAndIdsAreChecked() throws {
        var h = Harness()
        try h.run(.startDay(date: nil), at: Fixtures.at(9, 0))
        func commitment(_ amount: Int64) -> Command {
            .record(EntryContent(kind: .commitment, text: "", partner: "unicef", fiche: "TIM-01", amount: amount))
        }
        #expect(throws: Refusal.self) { try h.run(commitment(0), at: Fixtures.at(9, 1)) }
        #expect(throws: Refusal.self) { try h.run(commitment(Int64.max), at: Fixtures.at(9, 1)) }
        try h.run(commitment(SessionState.largestAmount), at: Fixtures.at(9, 1))
        #expect(throws: Refusal.self) {
            try h.run(
                .record(EntryContent(kind: .action, text: "a", responsible: "r", due: "2027-02-30")),
                at: Fixtures.at(9, 2))
        }
        let e = try h.run(
            .record(EntryContent(kind: .action, text: "a", responsible: "r", due: "5/3/2027")), at: Fixtures.at(9, 2))
        guard case .entryRecorded(_, let c) = e[0].payload else { Issue.record("not an entry"); return }
        #expect(c.due == "2027-03-05")
        try h.run(
            .record(EntryContent(kind: .action, text: "b", responsible: "r", due: "fin du trimestre")),
            at: Fixtures.at(9, 2))
        for bad in ["TIM-01", "debat", "a b", "unicef"] {
            #expect(throws: Refusal.self) {
                try h.run(.addParticipant(Participant(id: bad, function: "Invité")), at: Fixtures.at(9, 3))
            }
        }
        #expect(throws: Refusal.self) {
            try h.run(
                .addParticipant(Participant(id: "x1", function: "Invité", commune: "unicef")), at: Fixtures.at(9, 3))
        }
    }

    @Test func anEndedDayDoesNotRestartAndClosingWaitsForThePausedItem() throws {
        var h = Harness()
        try h.run(.startDay(date: nil), at: Fixtures.at(9, 0))
        try h.run(.startItem(id: nil), at: Fixtures.at(9, 0))
        try h.run(.pauseItem, at: Fixtures.at(9, 10))
        try h.run(.endDay, at: Fixtures.at(17, 0))
        #expect(throws: Refusal.self) { try h.run(.startDay(date: "2023-10-17"), at: Fixtures.at(17, 1)) }
        #expect(throws: Refusal.self) { try h.run(.closeSession, at: Fixtures.at(17, 2)) }
    }

    @Test func eventsNamingWhatTheProgrammeLostAreReported() throws {
        var h = Harness()
        try h.run(.startDay(date: nil), at: Fixtures.at(9, 0))
        try h.run(.startItem(id: "ouverture"), at: Fixtures.at(9, 0))
        try h.run(.checkIn(who: "sg-dieli", day: nil), at: Fixtures.at(9, 1))
        #expect(h.state.mismatches.isEmpty)
        var edited = Fixtures.programme
        edited.days[0].items.removeAll { $0.id == "ouverture" }
        edited.participants.removeAll { $0.id == "sg-dieli" }
        let folded = SessionState.fold(edited, h.events)
        #expect(folded.mismatches.count == 2)
        #expect(folded.mismatches[0].text(.en).contains("item ouverture"))
        #expect(folded.mismatches[1].text(.en).contains("participant sg-dieli"))
        // Said in the session's language too.
        #expect(folded.mismatches[0].text(.fr).contains("cite le point « ouverture », que le programme n'a plus"))
        #expect(folded.mismatches[1].text(.fr).contains("le participant « sg-dieli »"))
    }

    @Test func theStreamedReferenceCheckOfVerifyFindsWhatTheFoldFinds() throws {
        var h = Harness()
        try h.run(.startDay(date: nil), at: Fixtures.at(9, 0))
        try h.run(.startItem(id: "ouverture"), at: Fixtures.at(9, 0))
        try h.run(.checkIn(who: "sg-dieli", day: nil), at: Fixtures.at(9, 1))
        // A walk-in and an inserted item are known from their events on, not from the programme.
        try h.run(.addParticipant(Participant(id: "invite-1", function: "Invité")), at: Fixtures.at(9, 2))
        try h.run(.checkIn(who: "invite-1", day: nil), at: Fixtures.at(9, 3))
        try h.run(.requestFloor(who: "invite-1", pointOfOrder: false), at: Fixtures.at(9, 4))
        try h.run(.endItem, at: Fixtures.at(9, 5))
        try h.run(.insertItem(title: "Point ajouté", seconds: 600, kind: .debate, after: nil), at: Fixtures.at(9, 6))
        try h.run(.startItem(id: nil), at: Fixtures.at(9, 7))
        var edited = Fixtures.programme
        edited.days[0].items.removeAll { $0.id == "ouverture" }
        edited.participants.removeAll { $0.id == "sg-dieli" }
        var check = ReferenceCheck(programme: edited)
        for e in h.events { check.check(e) }
        let folded = SessionState.fold(edited, h.events).mismatches
        #expect(folded.count == 3, "the opening started and ended, and the check-in: \(folded)")
        #expect(check.mismatches == folded)
    }

    @Test func itemsTakenOutOfOrderLeaveThePendingOnesAfterTheCurrentOne() throws {
        var h = Harness()
        try h.run(.startDay(date: nil), at: Fixtures.at(9, 0))
        try h.run(.startItem(id: "ouverture"), at: Fixtures.at(9, 0))
        try h.run(.endItem, at: Fixtures.at(9, 30))
        // The debate (30 min) is taken before the UNICEF presentation (20 min).
        try h.run(.startItem(id: "debat"), at: Fixtures.at(9, 30))
        let t = h.state.timings(day: 0, at: Fixtures.at(9, 40))
        let byId = Dictionary(uniqueKeysWithValues: t.map { ($0.item.id, $0) })
        #expect(h.state.local.hhmm(byId["unicef-pres"]!.projectedStart) == "10:00")
        #expect(h.state.local.hhmm(byId["cloture1"]!.projectedStart) == "11:00")
        // Running late: the debate 40 minutes over pushes the presentation and the fixed synthesis.
        let late = h.state.timings(day: 0, at: Fixtures.at(10, 40))
        #expect(h.state.local.hhmm(late.first { $0.item.id == "unicef-pres" }!.projectedStart) == "10:40")
        #expect(h.state.local.hhmm(late.first { $0.item.id == "cloture1" }!.projectedStart) == "11:00")
        #expect(h.state.drift(day: 0, at: Fixtures.at(10, 50)) == 10)
    }

    @Test func currenciesAreNamedOneWay() throws {
        var h = Harness()
        try h.run(.startDay(date: nil), at: Fixtures.at(9, 0))
        for (typed, stored) in [("F CFA", "FCFA"), ("xof", "FCFA"), ("€", "EUR"), ("euros", "EUR"), ("gbp", "GBP")] {
            let e = try h.run(
                .record(
                    EntryContent(
                        kind: .commitment, text: "", partner: "unicef", fiche: "TIM-01", amount: 1_000, currency: typed)
                ),
                at: Fixtures.at(9, 1))
            guard case .entryRecorded(_, let c) = e[0].payload else { Issue.record("not an entry"); return }
            #expect(c.currency == stored, "\(typed)")
        }
        #expect(throws: Refusal.self) {
            try h.run(
                .record(
                    EntryContent(
                        kind: .commitment, text: "", partner: "unicef", fiche: "TIM-01", amount: 1,
                        currency: "FCFA;x")),
                at: Fixtures.at(9, 2))
        }
    }
}
