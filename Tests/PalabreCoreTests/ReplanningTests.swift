import Foundation
import Testing

@testable import PalabreCore

/// Day 1 of the fixture at `h`:`m`:`s`.
private func at(_ h: Int, _ m: Int, _ s: Int = 0) -> Instant { Fixtures.at("2023-10-17", h, m, s) }
/// Day 2 of the fixture at `h`:`m`.
private func at2(_ h: Int, _ m: Int) -> Instant { Fixtures.at("2023-10-18", h, m) }

/// The refusal `c` meets in `h` at `time`; nil (and an issue) when it is recorded instead.
private func refusal(_ h: inout Harness, _ c: Command, at time: Instant) -> Refusal? {
    do {
        try h.act(c, at: time)
        Issue.record("expected a refusal of \(c)")
        return nil
    } catch let r as Refusal { return r } catch {
        Issue.record("unexpected error \(error)")
        return nil
    }
}

@Suite("Re-planning: reorder within a day, carry over, shorten, set the time left")
struct ReplanningTests {

    /// Day 1 opened and its ceremony held, the rest of the day still planned.
    static func afterOpening() throws -> Harness {
        var h = Harness()
        try h.act(.startDay(date: nil), at: at(8, 50))
        try h.act(.startItem(id: nil), at: at(9, 0))
        try h.act(.endItem, at: at(9, 30))
        return h
    }

    @Test func anItemMovesAfterAnotherOfItsDay() throws {
        var h = try Self.afterOpening()
        try h.act(.moveItem(id: "unicef-pres", day: "2023-10-17", after: "debat"), at: at(9, 31))
        #expect(h.state.days[0].items.map(\.id) == ["ouverture", "debat", "unicef-pres", "cloture1"])
        // Within its day an item keeps no trace of another day, and the next one starts first.
        #expect(h.state.movedFrom["unicef-pres"] == nil)
        try h.act(.startItem(id: nil), at: at(9, 32))
        #expect(h.state.currentItem == "debat")
    }

    @Test func carryOverTakesTheUntreatedItemsToTheNextDayAndKeepsTheirTrace() throws {
        var h = try Self.afterOpening()
        try h.act(.startItem(id: nil), at: at(9, 31))
        try h.act(.endItem, at: at(10, 0))
        // Left: the debate, and the fixed synthesis, which keeps its day.
        let plan = try #require(h.state.carryOverPlan())
        #expect(plan.items == ["debat"], "a fixed item is not carried")
        #expect(plan.from == 0 && plan.to == 1)
        try h.act(.endDay, at: at(17, 0))
        let e = try h.act(.carryOver, at: at(17, 0, 5))
        let expected = EventPayload.itemsCarriedOver(from: "2023-10-17", to: "2023-10-18", after: nil, items: ["debat"])
        #expect(e.map(\.payload) == [expected])
        #expect(h.state.days[1].items.map(\.id) == ["debat", "pitch-timissa", "cloture"])
        #expect(h.state.days[0].items.map(\.id) == ["ouverture", "unicef-pres", "cloture1"])
        #expect(h.state.movedFrom["debat"] == "2023-10-17", "the trace stays on the day it was planned")
        // Nothing left to carry: refused, with the reason.
        let nothing = refusal(&h, .carryOver, at: at(17, 1))
        #expect(nothing?.code == "nothing-to-carry")
        #expect(nothing?.fr.contains("rien à reporter") == true)
    }

    @Test func aCarryOverIsUndoneInOneStepAndReplaysTheSame() throws {
        var h = try Self.afterOpening()
        try h.act(.endDay, at: at(17, 0))
        let before = h.state.days
        let carried = try h.act(.carryOver, at: at(17, 1))
        #expect(h.state.days[1].items.count == 4)
        // The journal line reads back as written.
        let line = try JSONEncoder().encode(carried[0])
        #expect(try JSONDecoder().decode(Event.self, from: line) == carried[0])
        #expect(SessionState.fold(Fixtures.programme, h.events) == h.state)
        try h.undo(at: at(17, 2))
        #expect(h.state.days == before)
        #expect(h.state.movedFrom.isEmpty)
    }

    @Test func carryOverOnTheLastDayIsRefused() throws {
        var h = try Self.afterOpening()
        try h.act(.endDay, at: at(17, 0))
        try h.act(.carryOver, at: at(17, 1))
        try h.act(.startDay(date: nil), at: at2(8, 30))
        try h.act(.endDay, at: at2(17, 0))
        let last = refusal(&h, .carryOver, at: at2(17, 1))
        #expect(last?.code == "no-next-day")
        #expect(last?.en.contains("last") == true)
    }

    @Test func theTimeLeftIsSetOrShortened() throws {
        var h = try Self.afterOpening()
        try h.act(.startItem(id: "debat"), at: at(9, 31))
        // 30 min planned, 10 min gone: 20 left; set to 5, then lengthen to 12.
        try h.act(.setRemaining(seconds: 300), at: at(9, 41))
        #expect(h.state.remaining("debat", at: at(9, 41)) == 300)
        #expect(h.state.timeBox("debat") == 15 * 60)
        try h.act(.setRemaining(seconds: 720), at: at(9, 42))
        #expect(h.state.remaining("debat", at: at(9, 42)) == 720)
        // extend -5 shortens.
        try h.act(.extendItem(seconds: -300), at: at(9, 42))
        #expect(h.state.remaining("debat", at: at(9, 42)) == 420)
        #expect(refusal(&h, .setRemaining(seconds: 420), at: at(9, 42))?.code == "same-remaining")
        #expect(refusal(&h, .setRemaining(seconds: 0), at: at(9, 42))?.code == "bad-duration")
    }

    @Test func someoneGivenTheFloorIsCheckedIn() throws {
        var h = try Self.afterOpening()
        try h.act(.startItem(id: nil), at: at(9, 31))
        let e = try h.act(.giveFloor(who: "rep-unicef"), at: at(9, 32))
        let expected: [EventPayload] = [.floorGiven(item: "unicef-pres", who: "rep-unicef", limit: 180, checksIn: true)]
        #expect(e.map(\.payload) == expected)
        #expect(h.state.attendance["2023-10-17"]?.contains("rep-unicef") == true)
        #expect(h.state.checkInTimes["2023-10-17|rep-unicef"] == at(9, 32))
        let line = try JSONEncoder().encode(e[0])
        #expect(String(decoding: line, as: UTF8.self).contains(#""checksIn":true"#))
        #expect(try JSONDecoder().decode(Event.self, from: line) == e[0])
        // Already present: the floor alone; an organisation speaks without a check-in.
        try h.act(.yieldFloor, at: at(9, 34))
        let again = try h.act(.giveFloor(who: "rep-unicef"), at: at(9, 35))
        #expect(again.map(\.payload) == [.floorGiven(item: "unicef-pres", who: "rep-unicef", limit: 180)])
        let org = try h.act(.giveFloor(who: "anict"), at: at(9, 36))
        #expect(org.map(\.payload) == [.floorGiven(item: "unicef-pres", who: "anict", limit: 180)])
        // Undoing the floor given takes the check-in it made back with it.
        var u = try Self.afterOpening()
        try u.act(.startItem(id: nil), at: at(9, 31))
        try u.act(.giveFloor(who: "rep-unicef"), at: at(9, 32))
        try u.undo(at: at(9, 33))
        #expect(u.state.attendance["2023-10-17"]?.contains("rep-unicef") != true)
        #expect(u.state.checkInTimes["2023-10-17|rep-unicef"] == nil)
    }

    @Test func aSpeakerNotOnTheListIsAddedAndQueuedInOneCommand() throws {
        var h = try Self.afterOpening()
        try h.act(.startItem(id: nil), at: at(9, 31))
        let walkIn = Participant(id: "", function: "Cheffe de quartier", organisation: "dieli", sex: .female)
        let e = try h.act(.requestFloorAsWalkIn(walkIn, pointOfOrder: true), at: at(9, 32))
        #expect(e.map(\.payload.type) == ["participantAdded", "floorRequested"])
        let id = try #require(h.state.participants.last?.id)
        #expect(id.hasPrefix("walkin-"))
        #expect(h.state.queue.map(\.who) == [id])
        #expect(h.state.queue.first?.pointOfOrder == true)
        // Without an item under way nothing is added.
        try h.act(.endItem, at: at(9, 40))
        #expect(
            refusal(&h, .requestFloorAsWalkIn(walkIn, pointOfOrder: false), at: at(9, 41))?.code == "no-current-item")
        #expect(h.state.participants.filter { $0.function == "Cheffe de quartier" }.count == 1)
    }

    @Test func yesterdaysPeopleAreCheckedInOneEventEach() throws {
        var h = Harness()
        try h.act(.startDay(date: nil), at: at(8, 50))
        #expect(refusal(&h, .checkInPresentYesterday, at: at(8, 51))?.code == "no-previous-day")
        for who in ["dg-adr", "maire-timissa", "sg-dieli"] { try h.act(.checkIn(who: who, day: nil), at: at(8, 52)) }
        try h.act(.endDay, at: at(17, 0))
        try h.act(.startDay(date: nil), at: at2(8, 30))
        try h.act(.checkIn(who: "maire-timissa", day: nil), at: at2(8, 31))
        #expect(h.state.presentYesterday() == ["dg-adr", "sg-dieli"])
        let e = try h.act(.checkInPresentYesterday, at: at2(8, 32))
        #expect(
            e.map(\.payload) == [
                .participantCheckedIn(participant: "dg-adr", day: "2023-10-18"),
                .participantCheckedIn(participant: "sg-dieli", day: "2023-10-18"),
            ])
        // The absent one is taken back alone.
        try h.undo(e[0].seq, at: at2(8, 40))
        #expect(h.state.attendance["2023-10-18"] == ["maire-timissa", "sg-dieli"])
        #expect(h.state.presentYesterday() == ["dg-adr"])
        // Everyone there: nothing more to do.
        try h.act(.checkIn(who: "dg-adr", day: nil), at: at2(8, 41))
        #expect(refusal(&h, .checkInPresentYesterday, at: at2(8, 42))?.code == "nobody-left")
    }
}
