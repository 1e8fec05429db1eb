import Foundation
import Testing

@testable import PalabreCore

extension Harness {
    /// Applies `c` as the current seat would through the journal: its role limits what it may
    /// ask, and an undo without a seq takes back this seat's last event.
    @discardableResult
    mutating func act(_ c: Command, at: Instant) throws -> [Event] {
        let payloads = try state.decide(c, at: at, role: SeatRole(rawValue: seat) ?? .facilitator, seat: seat)
        var out: [Event] = []
        for p in payloads {
            let e = Event(seq: state.lastSeq + 1, at: at, seat: seat, payload: p)
            state.evolve(e)
            events.append(e)
            out.append(e)
        }
        return out
    }

    /// Undoes `seq` (the seat's last event when nil) and returns the seq undone.
    @discardableResult
    mutating func undo(_ seq: Int? = nil, at: Instant) throws -> Int {
        let e = try act(.undo(seq: seq), at: at)
        guard case .undone(let target) = e.last?.payload else { Issue.record("no undone event"); return 0 }
        return target
    }
}

@Suite("Undo by compensating events")
struct UndoTests {
    static func at(_ h: Int, _ m: Int, _ s: Int = 0) -> Instant { Fixtures.at("2023-10-17", h, m, s) }
    static func at2(_ h: Int, _ m: Int) -> Instant { Fixtures.at("2023-10-18", h, m) }

    /// The morning of day 1 up to the UNICEF presentation under way: check-ins, the opening
    /// with a note, the presentation with two requests for the floor and UNICEF speaking.
    static func morning() throws -> Harness {
        var h = Harness()
        try h.act(.openSession, at: at(8, 45))
        try h.act(.startDay(date: nil), at: at(8, 50))
        h.seat = "rapporteur"
        try h.act(.checkIn(who: "dg-adr", day: nil), at: at(8, 52))
        try h.act(.checkIn(who: "maire-timissa", day: nil), at: at(8, 55))
        h.seat = "facilitator"
        try h.act(.startItem(id: nil), at: at(9, 2))
        h.seat = "rapporteur"
        try h.act(
            .record(EntryContent(kind: .note, text: "Mot de bienvenue du Directeur général de l'ADR.")),
            at: at(9, 10))
        h.seat = "facilitator"
        try h.act(.endItem, at: at(9, 41))
        try h.act(.startItem(id: nil), at: at(9, 45))
        try h.act(.requestFloor(who: "rep-unicef", pointOfOrder: false), at: at(9, 45))
        try h.act(.requestFloor(who: "maire-timissa", pointOfOrder: false), at: at(9, 46))
        try h.act(.requestFloor(who: "sg-dieli", pointOfOrder: false), at: at(9, 46, 30))
        try h.act(.giveFloor(who: nil), at: at(9, 47))
        return h
    }

    /// The documents of `state`, rendered at `now` in both languages.
    static func documents(_ state: SessionState, now: Instant) -> [String: Data] {
        var out: [String: Data] = [:]
        for lang in [Language.fr, .en] {
            for d in Documents.render(state, options: DocumentOptions(language: lang, now: now)) {
                out["\(lang)/\(d.name)"] = d.data
            }
        }
        return out
    }

    /// The state and documents after the undo equal those of the same journal without the undone
    /// event (and without the undo), same timestamps.
    static func expectSameAsWithout(
        _ h: Harness, _ target: Int, now: Instant? = nil, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let without = h.events.filter { e in
            if case .undone = e.payload { return false }
            return e.seq != target && h.state.undoneBy[e.seq] == nil
        }
        let expected = SessionState.fold(Fixtures.programme, without)
        var got = h.state
        got.lastSeq = expected.lastSeq; got.lastAt = expected.lastAt
        got.undoneBy = [:]; got.undoTargets = [:]
        #expect(got == expected, sourceLocation: sourceLocation)
        // The documents count the journal's events and date themselves with its last one: both
        // events stay in the journal.
        var expectedAsOf = expected
        expectedAsOf.lastSeq = h.state.lastSeq; expectedAsOf.lastAt = h.state.lastAt
        let moment = now ?? h.state.lastAt ?? at(12, 0)
        let a = documents(h.state, now: moment), b = documents(expectedAsOf, now: moment)
        #expect(a.keys.sorted() == b.keys.sorted(), sourceLocation: sourceLocation)
        for name in a.keys.sorted() where a[name] != b[name] {
            Issue.record(
                "\(name) differs:\n\(DocScript.text(a[name]))\n---\n\(DocScript.text(b[name]))",
                sourceLocation: sourceLocation)
        }
        // Folding the whole journal, undo included, gives the state built event by event.
        #expect(SessionState.fold(Fixtures.programme, h.events) == h.state, sourceLocation: sourceLocation)
    }

    static func refusal(
        _ code: String, sourceLocation: Testing.SourceLocation = #_sourceLocation, _ body: () throws -> Void
    ) {
        do { try body(); Issue.record("expected the refusal \(code)", sourceLocation: sourceLocation) } catch let r
            as Refusal
        {
            #expect(r.code == code, "\(r.en)", sourceLocation: sourceLocation)
            #expect(!r.fr.isEmpty && !r.en.isEmpty && r.fr != r.en, sourceLocation: sourceLocation)
        } catch { Issue.record("unexpected \(error)", sourceLocation: sourceLocation) }
    }

    // MARK: each undoable kind

    @Test func anItemEndedBySlipRunsAgainWithItsPausesAndSpeaker() throws {
        var h = try Self.morning()
        try h.act(.pauseItem, at: Self.at(10, 0))
        try h.act(.endItem, at: Self.at(10, 5))
        h.seat = "rapporteur"
        try h.act(.record(EntryContent(kind: .note, text: "Entre deux points.")), at: Self.at(10, 6))
        h.seat = "facilitator"
        let undone = try h.undo(at: Self.at(10, 7))
        #expect(h.events.first { $0.seq == undone }?.payload == .itemEnded(item: "unicef-pres"))
        #expect(h.state.currentItem == "unicef-pres")
        #expect(h.state.run("unicef-pres").status == .paused)
        #expect(h.state.currentTurn?.who == "rep-unicef")
        #expect(h.state.queue.map(\.who) == ["maire-timissa", "sg-dieli"])
        try h.act(.resumeItem, at: Self.at(10, 10))
        // 09:45 → 10:20 minus the pause 10:00 → 10:10: the slip cost no time.
        #expect(h.state.elapsed("unicef-pres", at: Self.at(10, 20)) == 25 * 60)
        try h.act(.endItem, at: Self.at(10, 20))
        Self.expectSameAsWithout(h, undone)
        #expect(h.state.undoneBy[undone] == h.events.last { if case .undone = $0.payload { true } else { false } }?.seq)
    }

    @Test func aSkippedItemIsPlannedAgain() throws {
        var h = try Self.morning()
        let skipped = try h.act(.skipItem(id: "debat"), at: Self.at(9, 50)).last!.seq
        let undone = try h.undo(at: Self.at(9, 51))
        #expect(undone == skipped)
        #expect(h.state.run("debat").status == .planned)
        Self.expectSameAsWithout(h, undone)
    }

    @Test func aMovedItemGoesBackToItsPlace() throws {
        var h = try Self.morning()
        try h.act(.moveItem(id: "pitch-timissa", day: "2023-10-17", after: "debat"), at: Self.at(9, 50))
        try h.act(.extendItem(seconds: 300), at: Self.at(9, 52))
        let undone = try h.undo(h.events.first { $0.payload.type == "itemMoved" }!.seq, at: Self.at(9, 53))
        #expect(h.state.days[1].items.map(\.id) == ["pitch-timissa", "cloture"])
        #expect(h.state.days[0].items.map(\.id) == ["ouverture", "unicef-pres", "debat", "cloture1"])
        Self.expectSameAsWithout(h, undone)
    }

    @Test func anInsertedItemLeavesTheAgenda() throws {
        var h = try Self.morning()
        let inserted = try h.act(
            .insertItem(title: "Pause café", seconds: 900, kind: .break, after: nil), at: Self.at(9, 55))
        guard case .itemInserted(_, _, let it) = inserted.last!.payload else { Issue.record("no insert"); return }
        #expect(h.state.item(it.id) != nil)
        let undone = try h.undo(at: Self.at(9, 56))
        #expect(h.state.item(it.id) == nil)
        try h.act(.endItem, at: Self.at(10, 15))
        Self.expectSameAsWithout(h, undone)
    }

    @Test func anEndedDayResumes() throws {
        var h = try Self.morning()
        try h.act(.endItem, at: Self.at(10, 30))
        try h.act(.endDay, at: Self.at(11, 10))
        h.seat = "rapporteur"
        try h.act(.record(EntryContent(kind: .note, text: "Après la journée.")), at: Self.at(11, 11))
        h.seat = "facilitator"
        let undone = try h.undo(at: Self.at(11, 12))
        #expect(h.state.currentDay == 0)
        #expect(h.state.days[0].endedAt == nil)
        try h.act(.startItem(id: "debat"), at: Self.at(11, 15))
        try h.act(.endItem, at: Self.at(11, 45))
        try h.act(.endDay, at: Self.at(11, 50))
        Self.expectSameAsWithout(h, undone)
    }

    @Test func theFloorGivenBySlipGoesBackToTheSpeaker() throws {
        var h = try Self.morning()
        // UNICEF speaks; the facilitator gives the floor to the SG of Diéli by mistake.
        try h.act(.giveFloor(who: "sg-dieli"), at: Self.at(9, 55))
        let undone = try h.undo(at: Self.at(9, 55, 20))
        #expect(h.state.currentTurn?.who == "rep-unicef")
        #expect(h.state.currentTurn?.interval.start == Self.at(9, 47))
        #expect(h.state.queue.map(\.who) == ["maire-timissa", "sg-dieli"])
        try h.act(.yieldFloor, at: Self.at(10, 0))
        try h.act(.giveFloor(who: nil), at: Self.at(10, 0))
        try h.act(.endItem, at: Self.at(10, 10))
        Self.expectSameAsWithout(h, undone)
    }

    @Test func aTurnEndedBySlipGoesOn() throws {
        var h = try Self.morning()
        try h.act(.yieldFloor, at: Self.at(9, 50))
        let undone = try h.undo(at: Self.at(9, 50, 10))
        #expect(h.state.currentTurn?.who == "rep-unicef")
        #expect(h.state.turns.filter { $0.item == "unicef-pres" }.isEmpty)
        try h.act(.yieldFloor, at: Self.at(9, 58))
        try h.act(.endItem, at: Self.at(10, 10))
        Self.expectSameAsWithout(h, undone)
    }

    @Test func aSpeakerRemovedBySlipIsBackInPlace() throws {
        var h = try Self.morning()
        try h.act(.removeSpeaker(who: "maire-timissa"), at: Self.at(9, 50))
        let undone = try h.undo(at: Self.at(9, 51))
        #expect(h.state.queue.map(\.who) == ["maire-timissa", "sg-dieli"])
        try h.act(.yieldFloor, at: Self.at(9, 58))
        try h.act(.giveFloor(who: nil), at: Self.at(9, 58))
        try h.act(.endItem, at: Self.at(10, 10))
        Self.expectSameAsWithout(h, undone)
    }

    @Test func aRequestForTheFloorIsWithdrawn() throws {
        var h = try Self.morning()
        try h.act(.requestFloor(who: "dg-adr", pointOfOrder: true), at: Self.at(9, 50))
        let undone = try h.undo(at: Self.at(9, 51))
        #expect(h.state.queue.map(\.who) == ["maire-timissa", "sg-dieli"])
        try h.act(.endItem, at: Self.at(10, 10))
        Self.expectSameAsWithout(h, undone)
    }

    @Test func anExtensionIsTakenBack() throws {
        var h = try Self.morning()
        try h.act(.extendItem(seconds: 600), at: Self.at(9, 50))
        try h.act(.extendItem(seconds: 300), at: Self.at(9, 51))
        let undone = try h.undo(h.events[h.events.count - 2].seq, at: Self.at(9, 52))
        #expect(h.state.timeBox("unicef-pres") == 1200 + 300)
        try h.act(.endItem, at: Self.at(10, 10))
        Self.expectSameAsWithout(h, undone)
    }

    @Test func aCheckInByTheRapporteurIsTakenBack() throws {
        var h = try Self.morning()
        h.seat = "rapporteur"
        try h.act(.checkIn(who: "sg-dieli", day: nil), at: Self.at(9, 50))
        h.seat = "facilitator"
        try h.act(.extendItem(seconds: 300), at: Self.at(9, 51))  // the facilitator's own last event
        h.seat = "rapporteur"
        let undone = try h.undo(at: Self.at(9, 52))
        #expect(
            h.events.first { $0.seq == undone }?.payload
                == .participantCheckedIn(participant: "sg-dieli", day: "2023-10-17"))
        // UNICEF's representative stays: checked in when given the floor.
        #expect(h.state.attendance["2023-10-17"] == ["dg-adr", "maire-timissa", "rep-unicef"])
        #expect(h.state.timeBox("unicef-pres") == 1500, "the other seat's extension stands")
        // Checked in again, later: the sheet shows the later time.
        try h.act(.checkIn(who: "sg-dieli", day: nil), at: Self.at(10, 5))
        Self.expectSameAsWithout(h, undone)
    }

    @Test func aWalkInIsTakenBack() throws {
        var h = try Self.morning()
        h.seat = "rapporteur"
        try h.act(.addParticipant(Participant(id: "", function: "Maire de Koula", sex: .female)), at: Self.at(9, 50))
        let id = h.state.participants.last!.id
        let undone = try h.undo(at: Self.at(9, 51))
        #expect(h.state.participant(id) == nil)
        Self.expectSameAsWithout(h, undone)
    }

    @Test func aCommitmentStatusGoesBackToThePreviousOne() throws {
        var h = try Self.morning()
        h.seat = "rapporteur"
        let c = try h.act(
            .record(
                EntryContent(
                    kind: .commitment, text: "", partner: "unicef", fiche: "TIM-01",
                    nature: .financial, amount: 25_000_000)), at: Self.at(9, 55)
        ).last!.seq
        let confirmed = try h.act(.changeCommitmentStatus(entry: c, status: .confirmed), at: Self.at(9, 56)).last!.seq
        try h.act(.changeCommitmentStatus(entry: c, status: .signed), at: Self.at(9, 57))
        // The last change undone: back to confirmed.
        let u1 = try h.undo(at: Self.at(9, 58))
        #expect(h.state.entry(c)?.content.status == .confirmed)
        Self.expectSameAsWithout(h, u1)
        // The earlier one undone too: back to announced, and the history says so.
        let u2 = try h.undo(at: Self.at(9, 59))
        #expect(u2 == confirmed)
        #expect(h.state.entry(c)?.content.status == .announced)
        #expect(h.state.entry(c)?.statusChanges.isEmpty == true)
        Self.expectSameAsWithout(h, u2)
    }

    @Test func anUndoneStatusChangeInTheMiddleKeepsTheLaterOne() throws {
        var h = try Self.morning()
        h.seat = "rapporteur"
        let c = try h.act(
            .record(
                EntryContent(
                    kind: .commitment, text: "", partner: "anict", fiche: "DIE-01",
                    nature: .financial, amount: 15_000, currency: "EUR")), at: Self.at(9, 55)
        ).last!.seq
        let first = try h.act(.changeCommitmentStatus(entry: c, status: .intention), at: Self.at(9, 56)).last!.seq
        try h.act(.changeCommitmentStatus(entry: c, status: .confirmed), at: Self.at(9, 57))
        let undone = try h.undo(first, at: Self.at(9, 58))
        #expect(h.state.entry(c)?.content.status == .confirmed)
        #expect(h.state.entry(c)?.statusChanges.map(\.previous) == [.announced])
        Self.expectSameAsWithout(h, undone)
    }

    @Test func anInterestAndASynergyAreTakenBack() throws {
        var h = try Self.morning()
        h.seat = "rapporteur"
        try h.act(.declareInterest(partner: "anict", fiche: "DIE-01"), at: Self.at(9, 55))
        try h.act(.markSynergy(fiche: "TIM-01", partners: ["unicef", "anict"], lead: "unicef"), at: Self.at(9, 56))
        try h.act(.declareInterest(partner: "unicef", fiche: "TIM-01"), at: Self.at(9, 57))
        let synergy = h.events[h.events.count - 2].seq
        let u1 = try h.undo(synergy, at: Self.at(9, 58))
        #expect(h.state.synergyFacts.count == 2)
        Self.expectSameAsWithout(h, u1)
        let u2 = try h.undo(at: Self.at(9, 59))
        #expect(h.state.synergyFacts.map(\.seq) == [h.events.first { $0.payload.type == "interestDeclared" }!.seq])
        Self.expectSameAsWithout(h, u2)
    }

    @Test func aRetractionAnAdoptionAndAWithdrawalAreTakenBack() throws {
        var h = try Self.morning()
        h.seat = "rapporteur"
        let note = try h.act(.record(EntryContent(kind: .note, text: "Une note juste.")), at: Self.at(9, 50)).last!.seq
        let pledge = try h.act(
            .record(
                EntryContent(
                    kind: .commitment, text: "Engagement", partner: "unicef", fiche: "TIM-01", nature: .financial,
                    amount: 1_000_000, currency: "FCFA", status: .announced)), at: Self.at(9, 51)
        ).last!.seq
        try h.act(.retract(entry: note, reason: "erreur"), at: Self.at(9, 52))
        let u1 = try h.undo(at: Self.at(9, 53))
        #expect(h.state.entry(note)?.retracted == nil)
        Self.expectSameAsWithout(h, u1)
        try h.act(.adopt(entry: note), at: Self.at(9, 54))
        let u2 = try h.undo(at: Self.at(9, 55))
        #expect(h.state.entry(note)?.adoptedAt == nil)
        Self.expectSameAsWithout(h, u2)
        try h.act(.withdrawCommitment(entry: pledge, reason: "doublon"), at: Self.at(9, 56))
        let u3 = try h.undo(at: Self.at(9, 57))
        Self.expectSameAsWithout(h, u3)
        // An entry recorded since is passed over: the seat's last undoable event is the withdrawal.
        try h.act(.withdrawCommitment(entry: pledge, reason: "doublon"), at: Self.at(9, 58))
        let withdrawal = h.events.last!.seq
        try h.act(.record(EntryContent(kind: .note, text: "Suite.")), at: Self.at(9, 59))
        #expect(try h.undo(at: Self.at(10, 0)) == withdrawal)
    }

    @Test func successiveUndosWalkBackTheSeatsOwnEvents() throws {
        var h = try Self.morning()
        try h.act(.extendItem(seconds: 300), at: Self.at(9, 50))
        try h.act(.removeSpeaker(who: "sg-dieli"), at: Self.at(9, 51))
        h.seat = "rapporteur"
        try h.act(.checkIn(who: "sg-dieli", day: nil), at: Self.at(9, 52))
        h.seat = "facilitator"
        let u1 = try h.undo(at: Self.at(9, 53))
        let u2 = try h.undo(at: Self.at(9, 54))
        #expect(h.events.first { $0.seq == u1 }?.payload.type == "speakerRemoved")
        #expect(h.events.first { $0.seq == u2 }?.payload.type == "itemExtended")
        #expect(h.state.attendance["2023-10-17"]?.contains("sg-dieli") == true)
        #expect(h.state.timeBox("unicef-pres") == 1200)
        #expect(h.state.queue.map(\.who) == ["maire-timissa", "sg-dieli"])
        // The next one is the floor given, which still stands.
        let u3 = try h.undo(at: Self.at(9, 55))
        #expect(h.events.first { $0.seq == u3 }?.payload.type == "floorGiven")
        #expect(h.state.currentTurn == nil)
        #expect(h.state.queue.map(\.who) == ["rep-unicef", "maire-timissa", "sg-dieli"])
        #expect(h.state.attendance["2023-10-17"]?.contains("rep-unicef") != true, "the floor's check-in goes with it")
    }

    // MARK: refusals

    @Test func anItemEndedCannotRunAgainOnceAnotherHasStarted() throws {
        var h = try Self.morning()
        let ended = try h.act(.endItem, at: Self.at(10, 0)).last!.seq
        try h.act(.startItem(id: nil), at: Self.at(10, 1))
        Self.refusal("item-since-started") { try h.undo(ended, at: Self.at(10, 2)) }
        // Without a seq the seat's last undoable event is the ended item: the start is passed over.
        Self.refusal("item-since-started") { try h.undo(at: Self.at(10, 2)) }
        #expect(h.state.undoCandidate(seat: h.seat)?.seq == ended)
    }

    @Test func anItemEndedCannotRunAgainOnceItsDayIsOver() throws {
        var h = try Self.morning()
        let ended = try h.act(.endItem, at: Self.at(10, 0)).last!.seq
        try h.act(.endDay, at: Self.at(10, 1))
        Self.refusal("day-since-ended") { try h.undo(ended, at: Self.at(10, 2)) }
    }

    @Test func aDayEndedCannotResumeOnceTheNextHasStarted() throws {
        var h = try Self.morning()
        try h.act(.endItem, at: Self.at(10, 0))
        let ended = try h.act(.endDay, at: Self.at(17, 0)).last!.seq
        try h.act(.startDay(date: nil), at: Self.at2(8, 30))
        Self.refusal("day-since-started") { try h.undo(ended, at: Self.at2(8, 31)) }
    }

    @Test func anEventIsUndoneOnceAndAnUndoIsNotUndone() throws {
        var h = try Self.morning()
        let ext = try h.act(.extendItem(seconds: 300), at: Self.at(9, 50)).last!.seq
        try h.undo(at: Self.at(9, 51))
        let undo = h.events.last!.seq
        Self.refusal("already-undone") { try h.undo(ext, at: Self.at(9, 52)) }
        Self.refusal("undo-of-undo") { try h.undo(undo, at: Self.at(9, 52)) }
        Self.refusal("unknown-event") { try h.undo(undo + 1, at: Self.at(9, 52)) }
        Self.refusal("unknown-event") { try h.undo(0, at: Self.at(9, 52)) }
    }

    @Test func entriesAreRetractedNotUndone() throws {
        var h = try Self.morning()
        h.seat = "rapporteur"
        let note = try h.act(.record(EntryContent(kind: .note, text: "Saisie par erreur.")), at: Self.at(9, 50))
            .last!.seq
        do { try h.undo(note, at: Self.at(9, 51)); Issue.record("expected a refusal") } catch let r as Refusal {
            #expect(r.code == "entry-use-retract")
            #expect(r.fr.contains("retract \(note)") && r.en.contains("retract \(note)"))
        }
        let amended = try h.act(.amend(entry: note, text: "Saisie corrigée.", reason: "faute"), at: Self.at(9, 52))
        Self.refusal("not-undoable") { try h.undo(amended.last!.seq, at: Self.at(9, 53)) }
        #expect(h.state.entry(note)?.content.text == "Saisie corrigée.")
    }

    @Test func aSeatUndoesOnlyWhatItsRoleMayRecord() throws {
        var h = try Self.morning()
        let ext = try h.act(.extendItem(seconds: 300), at: Self.at(9, 50)).last!.seq
        h.seat = "rapporteur"
        Self.refusal("not-for-seat") { try h.undo(ext, at: Self.at(9, 51)) }
        // The facilitator may undo the rapporteur's check-in.
        let checkIn = h.events.first { $0.payload.type == "participantCheckedIn" }!.seq
        h.seat = "facilitator"
        try h.undo(checkIn, at: Self.at(9, 52))
        h.seat = "observer"
        Self.refusal("read-only-seat") { try h.undo(at: Self.at(9, 53)) }
        // A seat that recorded nothing has nothing to undo.
        var fresh = Harness()
        try fresh.act(.openSession, at: Self.at(8, 0))
        fresh.seat = "rapporteur"
        Self.refusal("nothing-to-undo") { try fresh.undo(at: Self.at(8, 1)) }
    }

    @Test func theFloorCannotBeUndoneOnceItMovedOn() throws {
        var h = try Self.morning()
        let given = h.events.last!.seq
        try h.act(.yieldFloor, at: Self.at(9, 55))
        Self.refusal("floor-since-changed") { try h.undo(given, at: Self.at(9, 56)) }
        let removed = try h.act(.removeSpeaker(who: "sg-dieli"), at: Self.at(9, 57)).last!.seq
        try h.act(.requestFloor(who: "sg-dieli", pointOfOrder: false), at: Self.at(9, 58))
        Self.refusal("floor-since-changed") { try h.undo(removed, at: Self.at(9, 59)) }
    }

    @Test func aWalkInOrAnInsertedItemInUseStays() throws {
        var h = try Self.morning()
        h.seat = "rapporteur"
        let added = try h.act(
            .addParticipant(Participant(id: "maire-koula", function: "Maire de Koula", sex: .female)),
            at: Self.at(9, 50)
        ).last!.seq
        try h.act(.checkIn(who: "maire-koula", day: nil), at: Self.at(9, 51))
        Self.refusal("participant-since-used") { try h.undo(added, at: Self.at(9, 52)) }
        h.seat = "facilitator"
        let ins = try h.act(
            .insertItem(title: "Pause café", seconds: 900, kind: .break, after: "unicef-pres"), at: Self.at(9, 53))
        guard case .itemInserted(_, _, let it) = ins.last!.payload else { return }
        try h.act(.insertItem(title: "Annonces", seconds: 300, kind: .other, after: it.id), at: Self.at(9, 54))
        Self.refusal("item-since-used") { try h.undo(ins.last!.seq, at: Self.at(9, 55)) }
        try h.act(.skipItem(id: it.id), at: Self.at(9, 56))
        Self.refusal("item-since-started") { try h.undo(ins.last!.seq, at: Self.at(9, 57)) }
    }

    @Test func aSkippedItemTakenUpSinceStaysTakenUp() throws {
        var h = try Self.morning()
        try h.act(.endItem, at: Self.at(10, 0))
        let skip = try h.act(.skipItem(id: "debat"), at: Self.at(10, 1)).last!.seq
        try h.act(.startItem(id: "debat"), at: Self.at(10, 2))
        Self.refusal("item-since-started") { try h.undo(skip, at: Self.at(10, 3)) }
    }

    // MARK: journal and log

    @Test func theUndoIsAJournalLineNamingTheEventItUndoes() throws {
        let e = Event(seq: 31, at: Self.at(10, 7), seat: "facilitator", payload: .undone(seq: 28))
        let line = String(decoding: try EventCodec.encode(e), as: UTF8.self)
        #expect(
            line == #"{"seq":31,"at":"2023-10-17T10:07:00.000+00:00","seat":"facilitator","type":"undone","undoes":28}"#
        )
        #expect(try EventCodec.decode(Data(line.utf8)) == e)
    }

    @Test func theLogShowsTheUndoReadablyAndMarksTheUndoneEvent() throws {
        var h = try Self.morning()
        let ended = try h.act(.endItem, at: Self.at(10, 5)).last!.seq
        try h.undo(at: Self.at(10, 7))
        let undo = h.events.last!
        let before = SessionState.fold(Fixtures.programme, h.events.dropLast())
        #expect(
            EventDescription.detail(undo.payload, state: before) == "#\(ended) itemEnded: Présentation UNICEF "
                + "[unicef-pres]")
        let endedEvent = h.events.first { $0.seq == ended }!
        let lineBefore = SessionState.fold(Fixtures.programme, h.events.prefix { $0.seq < ended })
        #expect(
            EventDescription.line(endedEvent, state: lineBefore, undoneBy: undo.seq).hasSuffix(
                "(undone by #\(undo.seq))"))
        #expect(!SessionState.isUndoable(.entryRecorded(item: nil, entry: EntryContent(kind: .note, text: "x"))))
        #expect(SessionState.isUndoable(.itemEnded(item: "x")))
    }
}
