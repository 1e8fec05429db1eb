import Foundation
import Testing

@testable import PalabreCore

/// Walk-ins with their category, checked in on registration; departures and the half days
/// (matin, après-midi) that per diem lists count.
@Suite("Walk-ins, departures and half days")
struct AttendanceDepartureTests {
    static func at(_ h: Int, _ m: Int) -> Instant { Fixtures.at("2023-10-17", h, m) }

    /// The test programme with a lunch break from 12:30 to 14:00 on day 1, after a coffee break
    /// at 10:30 (which is not the lunch break), and the synthesis at 15:00.
    static var withLunch: Programme {
        var p = Fixtures.programme
        p.days[0].items.insert(
            AgendaItem(id: "pause-cafe", kind: .break, title: "Pause café", plannedStart: 630, duration: 900), at: 1)
        p.days[0].items.insert(
            AgendaItem(id: "dejeuner", kind: .break, title: "Pause déjeuner", plannedStart: 750, duration: 5400),
            at: 4)
        p.days[0].items[5].plannedStart = 900
        return p
    }

    static func started(_ programme: Programme = Fixtures.programme) throws -> Harness {
        var h = Harness()
        h.state = SessionState(programme: programme)
        try h.act(.openSession, at: at(8, 45))
        try h.act(.startDay(date: nil), at: at(8, 50))
        return h
    }

    @Test func aWalkInIsAddedAndCheckedInWithItsCategory() throws {
        var h = try Self.started()
        h.seat = "rapporteur"
        let events = try h.act(
            .walkIn(Participant(id: "", function: "Présidente de la CAFO de Tominian", sex: .female, category: .ngo)),
            at: Self.at(9, 5))
        #expect(events.count == 2, "added, then checked in")
        guard case .participantAdded(let p) = events[0].payload else {
            Issue.record("first fact: \(events[0].payload)")
            return
        }
        #expect(events[1].payload == .participantCheckedIn(participant: p.id, day: "2023-10-17"))
        #expect(h.state.attendance["2023-10-17"] == [p.id])
        #expect(h.state.programme.category(of: p) == .ngo)
        // u takes back the walk-in whole: the check-in and the person added with it.
        try h.undo(at: Self.at(9, 6))
        #expect(h.state.attendance["2023-10-17"] ?? [] == [])
        #expect(h.state.participant(p.id) == nil)
    }

    @Test func aChosenCategoryWinsOverTheOrganisationsTypeAndOldJournalsReadWithout() throws {
        let prog = Fixtures.programme
        let firm = Participant(id: "x", function: "Gérant", organisation: "timissa", category: .private)
        #expect(prog.category(of: firm) == .private)
        #expect(prog.category(of: Participant(id: "y", function: "Maire", organisation: "timissa")) == .commune)
        #expect(prog.category(of: Participant(id: "z", function: "Invité")) == nil)
        // A participant written before categories existed reads with none, and is written back the same.
        let old = #"{"function":"Invité","id":"walkin-9","sex":"M"}"#
        let decoded = try JSONDecoder().decode(Participant.self, from: Data(old.utf8))
        #expect(decoded.category == nil)
        let enc = JSONEncoder()
        enc.outputFormatting = .sortedKeys
        #expect(String(decoding: try enc.encode(decoded), as: UTF8.self) == old)
    }

    @Test func aWalkInBeforeTheDayIsOnlyAdded() throws {
        var h = Harness()
        try h.act(.openSession, at: Self.at(8, 0))
        let events = try h.act(.walkIn(Participant(id: "", function: "Invité")), at: Self.at(8, 1))
        #expect(events.map(\.payload.type) == ["participantAdded"])
    }

    @Test func theCategoryParserReadsBothLanguages() throws {
        let table: [(String, OrganisationType?)] = [
            ("ptf", .partner), ("Partner", .partner), ("Société civile", .ngo), ("civil society", .ngo), ("OSC", .ngo),
            ("ong", .ngo), ("privé", .private), ("Secteur privé", .private), ("private", .private),
            ("service technique", .stateService), ("organisateur", .organiser), ("commune", .commune),
            ("autres", nil), ("other", nil),
        ]
        for (text, expected) in table {
            #expect(try Values.category(text) == expected, "\(text)")
        }
        #expect(throws: Refusal.self) { try Values.category("presse écrite") }
        do {
            _ = try Values.category("presse")
        } catch {
            #expect(error.code == "bad-category")
            #expect(error.fr.contains("société civile"))
            #expect(error.en.contains("civil society"))
        }
    }

    @Test func aDepartureIsRecordedOnceForSomeoneCheckedInAndUndone() throws {
        var h = try Self.started()
        h.seat = "rapporteur"
        #expect(throws: Refusal.self) { try h.act(.checkOut(who: "sg-dieli"), at: Self.at(9, 0)) }
        try h.act(.checkIn(who: "sg-dieli", day: nil), at: Self.at(9, 0))
        let left = try h.act(.checkOut(who: "sg-dieli"), at: Self.at(11, 40))
        #expect(left.map(\.payload) == [.participantLeft(participant: "sg-dieli", day: "2023-10-17")])
        #expect(h.state.departureTimes["2023-10-17|sg-dieli"] == Self.at(11, 40))
        do {
            try h.act(.checkOut(who: "sg-dieli"), at: Self.at(11, 45))
            Issue.record("a second departure was recorded")
        } catch let r as Refusal {
            #expect(r.code == "already-left")
            #expect(r.fr.contains("11:40"))
        }
        // The check-in cannot be undone under its departure; the departure can.
        let checkIn = h.events.first { $0.payload.type == "participantCheckedIn" }!.seq
        do {
            try h.undo(checkIn, at: Self.at(11, 46))
            Issue.record("the check-in under a departure was undone")
        } catch let r as Refusal {
            #expect(r.code == "left-since")
        }
        let undone = try h.undo(at: Self.at(11, 47))
        #expect(h.events.first { $0.seq == undone }?.payload.type == "participantLeft")
        #expect(h.state.departureTimes["2023-10-17|sg-dieli"] == nil)
        #expect(h.state.attendance["2023-10-17"] == ["sg-dieli"])
    }

    @Test func theDepartureEventRoundTripsThroughTheJournalCoding() throws {
        let e = Event(
            seq: 7, at: Self.at(12, 10), seat: "rapporteur",
            payload: .participantLeft(participant: "sg-dieli", day: "2023-10-17"))
        let data = try JSONEncoder().encode(e)
        let back = try JSONDecoder().decode(Event.self, from: data)
        #expect(back == e)
        #expect(String(decoding: data, as: UTF8.self).contains(#""type":"participantLeft""#))
    }

    @Test func halfDaysFollowTheLunchBreakItsActualTimesAndTheDeparture() throws {
        var h = try Self.started(Self.withLunch)
        let lunch = h.state.lunchBreak(day: 0, at: Self.at(9, 0))
        #expect(lunch.start == Self.at(12, 30), "the lunch break, not the coffee break")
        #expect(lunch.end == Self.at(14, 0))
        h.seat = "rapporteur"
        try h.act(.checkIn(who: "dg-adr", day: nil), at: Self.at(8, 55))
        try h.act(.checkIn(who: "sg-dieli", day: nil), at: Self.at(9, 0))
        try h.act(.checkIn(who: "rep-unicef", day: nil), at: Self.at(9, 10))
        try h.act(.checkOut(who: "sg-dieli"), at: Self.at(11, 50))
        // At 11:55 nobody has yet been there after the break.
        #expect(
            h.state.halfDays(of: "dg-adr", day: 0, at: Self.at(11, 55)) == HalfDays(morning: true, afternoon: false))
        // The lunch break held from 12:40 to 14:20: its actual times split the day.
        h.seat = "facilitator"
        try h.act(.startItem(id: "dejeuner"), at: Self.at(12, 40))
        try h.act(.checkOut(who: "rep-unicef"), at: Self.at(14, 10))
        try h.act(.endItem, at: Self.at(14, 20))
        h.seat = "rapporteur"
        try h.act(.checkIn(who: "maire-timissa", day: nil), at: Self.at(14, 30))
        let now = Self.at(16, 0)
        #expect(h.state.lunchBreak(day: 0, at: now).start == Self.at(12, 40))
        #expect(h.state.halfDays(of: "dg-adr", day: 0, at: now) == HalfDays(morning: true, afternoon: true))
        #expect(h.state.halfDays(of: "sg-dieli", day: 0, at: now) == HalfDays(morning: true, afternoon: false))
        #expect(
            h.state.halfDays(of: "rep-unicef", day: 0, at: now) == HalfDays(morning: true, afternoon: false),
            "left during the lunch break")
        #expect(h.state.halfDays(of: "maire-timissa", day: 0, at: now) == HalfDays(morning: false, afternoon: true))
        #expect(h.state.halfDays(of: "maire-timissa", day: 0, at: now)?.count == 1)
        #expect(h.state.halfDays(of: "nobody", day: 0, at: now) == nil)
    }

    @Test func withoutABreakItemOneOClockSplitsTheDay() throws {
        var h = try Self.started()
        #expect(h.state.lunchBreak(day: 0, at: Self.at(9, 0)).start == Self.at(13, 0))
        h.seat = "rapporteur"
        try h.act(.checkIn(who: "dg-adr", day: nil), at: Self.at(12, 59))
        try h.act(.checkIn(who: "sg-dieli", day: nil), at: Self.at(13, 0))
        try h.act(.checkOut(who: "dg-adr"), at: Self.at(13, 1))
        let now = Self.at(17, 0)
        #expect(h.state.halfDays(of: "dg-adr", day: 0, at: now) == HalfDays(morning: true, afternoon: true))
        #expect(h.state.halfDays(of: "sg-dieli", day: 0, at: now) == HalfDays(morning: false, afternoon: true))
        // A day ended at noon has no afternoon, whatever the time now.
        var k = try Self.started()
        k.seat = "rapporteur"
        try k.act(.checkIn(who: "dg-adr", day: nil), at: Self.at(9, 0))
        k.seat = "facilitator"
        try k.act(.endDay, at: Self.at(12, 0))
        #expect(k.state.halfDays(of: "dg-adr", day: 0, at: now) == HalfDays(morning: true, afternoon: false))
    }

    @Test func aSeatOnlyRecordsDeparturesItsRoleAllows() throws {
        var h = try Self.started()
        h.seat = "rapporteur"
        try h.act(.checkIn(who: "dg-adr", day: nil), at: Self.at(9, 0))
        #expect(SeatRole.rapporteur.allows(.checkOut(who: "dg-adr")))
        #expect(SeatRole.rapporteur.allows(.walkIn(Participant(id: "", function: "x"))))
        #expect(!SeatRole.projector.allows(.checkOut(who: "dg-adr")))
    }
}
