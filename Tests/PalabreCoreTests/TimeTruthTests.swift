import Foundation
import Testing

@testable import PalabreCore

/// The times the facilitator and the wall read: fixed starts, done durations, summer time in
/// two zones, steps of the system clock and an overnight pause, on a manual clock.
@Suite("Time truths")
struct TimeTruthTests {
    /// Fixtures' programme with `days` and `zone`.
    static func programme(_ days: [Day], zone: String = "Africa/Bamako") -> Programme {
        var p = Fixtures.programme
        p.days = days
        p.timeZone = zone
        return p
    }

    /// `text` (RFC 3339) as an instant.
    static func t(_ text: String) -> Instant { RFC3339.parse(text)! }

    /// Applies commands to `state` as the live loop would.
    static func run(_ state: inout SessionState, _ c: Command, at: Instant) throws {
        for p in try state.decide(c, at: at) {
            state.evolve(Event(seq: state.lastSeq + 1, at: at, seat: "facilitator", payload: p))
        }
    }

    // MARK: Fixed starts

    /// Opening at 09:00, two items, lunch at 12:00 (a planned start, not fixed), an item after it.
    static let lunchDay = Day(
        date: "2023-10-17",
        items: [
            AgendaItem(id: "a", kind: .opening, title: "Ouverture", plannedStart: 540, duration: 1800),
            AgendaItem(id: "b", kind: .other, title: "Présentation", duration: 1800),
            AgendaItem(id: "lunch", kind: .break, title: "Pause déjeuner", plannedStart: 720, duration: 5400),
            AgendaItem(id: "c", kind: .partnerPresentation, title: "Présentation de l'ANICT", duration: 1200),
            AgendaItem(id: "d", kind: .closing, title: "Clôture", plannedStart: 900, duration: 600, fixed: true),
        ])

    @Test func anItemWithAPlannedStartIsNeverProjectedBeforeItAndTimeGainedIsSlack() throws {
        var s = SessionState(programme: Self.programme([Self.lunchDay]))
        try Self.run(&s, .startDay(date: nil), at: Fixtures.at(9, 0))
        try Self.run(&s, .startItem(id: "a"), at: Fixtures.at(9, 0))
        try Self.run(&s, .endItem, at: Fixtures.at(9, 2))
        try Self.run(&s, .startItem(id: "b"), at: Fixtures.at(9, 2))
        try Self.run(&s, .endItem, at: Fixtures.at(9, 10))
        let now = Fixtures.at(9, 11)
        let t = s.timings(day: 0, at: now)
        // Lunch stays at 12:00 and the item after it at 13:30, not ~09:11 and ~10:41.
        #expect(t[2].anchored && t[3].anchored == false && t[4].anchored)
        #expect(t[2].projectedStart == Fixtures.at(12, 0))
        #expect(t[3].projectedStart == Fixtures.at(13, 30))
        #expect(t[4].projectedStart == Fixtures.at(15, 0), "the fixed closing keeps 15:00")
        // The 50 minutes gained in the morning are slack before lunch, not an advance.
        #expect(s.drift(day: 0, at: now) == 0)
        // Late before lunch: lunch and everything after it move.
        var late = s
        try Self.run(&late, .startItem(id: "lunch"), at: Fixtures.at(12, 20))
        let l = late.timings(day: 0, at: Fixtures.at(12, 21))
        #expect(l[3].projectedStart == Fixtures.at(13, 50))
        #expect(l[4].projectedStart == Fixtures.at(15, 0), "20 minutes late still fit before the fixed closing")
        #expect(late.drift(day: 0, at: Fixtures.at(12, 21)) == 0)
    }

    @Test func aMovedItemLosesItsAnchorAndAnInsertedOneHasNone() throws {
        var s = SessionState(programme: Self.programme([Self.lunchDay]))
        try Self.run(&s, .startDay(date: nil), at: Fixtures.at(9, 0))
        try Self.run(&s, .moveItem(id: "lunch", day: "2023-10-17", after: "c"), at: Fixtures.at(9, 0))
        try Self.run(
            &s, .insertItem(title: "Mot du préfet", seconds: 600, kind: .other, after: "a"), at: Fixtures.at(9, 0))
        let t = s.timings(day: 0, at: Fixtures.at(9, 1))
        #expect(
            t.map(\.item.id).filter { ["lunch", "a", "b", "c", "d"].contains($0) } == ["a", "b", "c", "lunch", "d"])
        #expect(t.first { $0.item.id == "lunch" }?.anchored == false)
        #expect(
            t.first { $0.item.id == "lunch" }?.plannedStartAt == Fixtures.at(13, 50), "it follows the item before it")
        #expect(t[1].anchored == false, "an inserted item follows the previous one")
        #expect(t[0].anchored, "the opening keeps its 09:00")
    }

    @Test("An item inserted before the first one is planned when the day was to begin, and pushes the first one")
    func anItemInsertedFirstStartsWhenTheDayWasToBegin() throws {
        var s = SessionState(programme: Self.programme([Self.lunchDay]))
        try Self.run(&s, .startDay(date: nil), at: Fixtures.at(8, 50))
        try Self.run(
            &s, .insertItem(title: "Mot du préfet", seconds: 2700, kind: .other, after: nil), at: Fixtures.at(8, 51))
        let t = s.timings(day: 0, at: Fixtures.at(8, 51))
        #expect(t[0].item.title == "Mot du préfet")
        #expect(t[0].plannedStartAt == Fixtures.at(9, 0), "not 08:30")
        #expect(t[1].item.id == "a" && t[1].projectedStart == Fixtures.at(9, 45))
        // Lunch at 12:00 leaves slack for the 45 minutes: the day is not late.
        #expect(s.drift(day: 0, at: Fixtures.at(8, 51)) == 0)
    }

    // MARK: Done items    // MARK: Done items

    @Test func aDoneItemCountsItsRealDurationWithoutItsPauses() throws {
        var s = SessionState(programme: Self.programme([Self.lunchDay]))
        try Self.run(&s, .startDay(date: nil), at: Fixtures.at(9, 0))
        try Self.run(&s, .startItem(id: "a"), at: Fixtures.at(9, 0))
        try Self.run(&s, .pauseItem, at: Fixtures.at(9, 1))
        try Self.run(&s, .resumeItem, at: Fixtures.at(9, 6))
        try Self.run(&s, .endItem, at: Fixtures.at(9, 7))
        #expect(s.elapsed("a", at: Fixtures.at(10, 0)) == 120, "2 min held, the 5 min pause out")
        #expect(s.timeBox("a") == 1800)
    }

    // MARK: Summer time

    @Test func eachTimestampIsWrittenWithTheOffsetOfItsOwnDate() throws {
        for (zone, cases) in [
            (
                "Europe/Paris",
                [
                    ("2026-03-29T00:30:00Z", "2026-03-29T01:30:00.000+01:00"),
                    ("2026-03-29T01:30:00Z", "2026-03-29T03:30:00.000+02:00"),
                    ("2026-10-24T14:55:00Z", "2026-10-24T16:55:00.000+02:00"),
                    ("2026-10-25T02:30:00Z", "2026-10-25T03:30:00.000+01:00"),
                ]
            ),
            (
                "America/St_Johns",
                [
                    ("2026-03-08T05:00:00Z", "2026-03-08T01:30:00.000-03:30"),
                    ("2026-03-08T06:00:00Z", "2026-03-08T03:30:00.000-02:30"),
                    ("2026-10-31T20:00:00Z", "2026-10-31T17:30:00.000-02:30"),
                    ("2026-11-01T12:00:00Z", "2026-11-01T08:30:00.000-03:30"),
                ]
            ),
        ] {
            let path = Fixtures.tempDir() + "/journal.jsonl"
            // One journal, opened before the change, written on both sides of it (a live seat).
            let j = try Journal(path: path, writable: true, timeZone: zone)
            for (i, c) in cases.enumerated() {
                _ = try j.append([.sessionOpened], expectedSeq: i + 1, at: Self.t(c.0), seat: "facilitator")
            }
            let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
            for (line, c) in zip(lines, cases) {
                #expect(line.contains("\"at\":\"\(c.1)\""), "\(zone): \(line)")
            }
            let back = try Journal(path: path, writable: false).loadAll()
            #expect(back.map(\.at) == cases.map { Self.t($0.0) })
        }
    }

    /// An item at 23:30 for 4 h on the night of a change, held on time: no drift, and its
    /// planned end read on the clock of that night.
    @Test(arguments: [
        ("Europe/Paris", "2026-03-28", "2026-03-28T22:30:00Z", 1440 + 4 * 60 + 30),
        ("Europe/Paris", "2026-10-24", "2026-10-24T21:30:00Z", 1440 + 2 * 60 + 30),
        ("America/St_Johns", "2026-03-07", "2026-03-08T03:00:00Z", 1440 + 4 * 60 + 30),
        ("America/St_Johns", "2026-10-31", "2026-11-01T02:00:00Z", 1440 + 2 * 60 + 30),
    ])
    func anItemAcrossAChangeOfSummerTimeIsOnTime(
        _ zone: String, _ date: String, _ startUTC: String, _ endMinutes: Int
    )
        throws
    {
        let night = Day(
            date: date,
            items: [
                AgendaItem(
                    id: "veillee", kind: .debate, title: "Veillée", plannedStart: 23 * 60 + 30, duration: 4 * 3600)
            ])
        var s = SessionState(programme: Self.programme([night], zone: zone))
        let start = Self.t(startUTC)
        #expect(s.local.instant(date: date, minutes: 23 * 60 + 30) == start)
        try Self.run(&s, .startDay(date: nil), at: start)
        try Self.run(&s, .startItem(id: nil), at: start)
        let t = s.timings(day: 0, at: start.adding(seconds: 3600))
        #expect(t[0].plannedStartAt == start)
        #expect(t[0].plannedEndAt == start.adding(seconds: 4 * 3600))
        #expect(t[0].plannedEnd == endMinutes, "the planned end is the clock time of that night")
        #expect(s.drift(day: 0, at: start.adding(seconds: 3600)) == 0)
        try Self.run(&s, .endItem, at: start.adding(seconds: 4 * 3600))
        #expect(s.drift(day: 0, at: start.adding(seconds: 4 * 3600)) == 0)
    }

    @Test func plannedClockTimesOnAChangeDayUseThatDaysOffset() {
        let paris = LocalTime(identifier: "Europe/Paris")
        #expect(paris.instant(date: "2026-03-29", minutes: 9 * 60) == Self.t("2026-03-29T07:00:00Z"))
        #expect(paris.instant(date: "2026-03-28", minutes: 9 * 60) == Self.t("2026-03-28T08:00:00Z"))
        #expect(paris.instant(date: "2026-10-25", minutes: 9 * 60) == Self.t("2026-10-25T08:00:00Z"))
        let stJohns = LocalTime(identifier: "America/St_Johns")
        #expect(stJohns.instant(date: "2026-03-08", minutes: 9 * 60) == Self.t("2026-03-08T11:30:00Z"))
        #expect(stJohns.instant(date: "2026-11-01", minutes: 9 * 60) == Self.t("2026-11-01T12:30:00Z"))
        #expect(stJohns.hhmm(Self.t("2026-11-01T12:30:00Z")) == "09:00")
    }

    // MARK: Clock steps

    @Test func theSteadyClockFollowsTheMonotonicClockAndSeesASteps() {
        let wall = ManualClock(Fixtures.at(9, 0))
        let mono = ManualMonotonicClock(1_000)
        let clock = SteadyClock(wall: wall, monotonic: mono)
        wall.advance(seconds: 10); mono.advance(seconds: 10)
        #expect(clock.now() == Fixtures.at(9, 0, 10))
        #expect(clock.disagreement() == nil)
        // A step forward of an hour: now moves by the second that passed, not by the hour.
        wall.advance(seconds: 3601); mono.advance(seconds: 1)
        #expect(clock.now() == Fixtures.at(9, 0, 11))
        #expect(clock.disagreement() == 3600)
        clock.resync()
        #expect(clock.now() == wall.now())
        #expect(clock.disagreement() == nil)
        // A step back of ten minutes.
        wall.advance(seconds: -599); mono.advance(seconds: 1)
        #expect(clock.disagreement() == -600)
        clock.resync()
        // A laptop suspended for two hours: the boot-time clock counts the sleep as the wall
        // clock does, so nothing disagrees and the timers follow real time.
        wall.advance(seconds: 7200); mono.advance(seconds: 7200)
        #expect(clock.disagreement() == nil)
        #expect(clock.now() == wall.now())
        // A small slew is no step.
        wall.advance(seconds: 3); mono.advance(seconds: 1)
        #expect(clock.disagreement() == nil)
    }

    @Test(arguments: [3600, -600])
    func aClockStepMovesNoTimerAndNoRecordedDuration(_ step: Int) throws {
        let storage = MemoryEventLog.Storage()
        let store = try SessionStore(programme: Fixtures.programme, log: MemoryEventLog(storage))
        let wall = ManualClock(Fixtures.at(9, 0))
        let mono = ManualMonotonicClock()
        let clock = SteadyClock(wall: wall, monotonic: mono)
        func pass(_ seconds: Int) { wall.advance(seconds: seconds); mono.advance(seconds: seconds) }
        try store.perform(.startDay(date: nil), seat: "facilitator", at: clock.now())
        try store.perform(.startItem(id: "ouverture"), seat: "facilitator", at: clock.now())
        pass(60)
        try store.perform(.requestFloor(who: "dg-adr", pointOfOrder: false), seat: "facilitator", at: clock.now())
        try store.perform(.giveFloor(who: nil), seat: "facilitator", at: clock.now())
        pass(60)
        // The system clock is stepped; a second later the seat sees it and records it.
        wall.advance(seconds: step)
        pass(1)
        let seen = try #require(clock.disagreement())
        #expect(seen == step)
        let recorded = try store.perform(.recordClockAdjustment(seconds: seen), seat: "facilitator", at: wall.now())
        #expect(recorded.map(\.payload) == [.clockAdjusted(seconds: step)])
        #expect(recorded[0].at == wall.now(), "stamped with the wall clock")
        clock.resync()
        pass(9)
        // 2 min 10 s into the item, 1 min 10 s into the turn, whatever the wall clock did.
        #expect(store.state.elapsed("ouverture", at: clock.now()) == 130)
        #expect(store.state.remaining("ouverture", at: clock.now()) == 1800 - 130)
        #expect(store.state.currentSpeakerElapsed(at: clock.now()) == 70)
        try store.perform(.yieldFloor, seat: "facilitator", at: clock.now())
        #expect(store.state.turns.last.map { store.state.speakingMs($0, at: clock.now()) } == 70_000)
        #expect(store.state.clockAdjustments.map(\.seconds) == [step])
        // speaking.csv records the 70 seconds, not the step.
        let state = store.state, now = clock.now()
        let row = try #require(Self.csvRow(state, "speaking.csv", containing: "dg-adr", at: now), "no row")
        #expect(row.contains("70"), "\(row)")
        // A fresh fold of the same events (another seat, a restart, replay) agrees.
        let again = SessionState.fold(Fixtures.programme, storage.all)
        #expect(again.elapsed("ouverture", at: clock.now()) == 130)
        #expect(again.turns.last.map { again.speakingMs($0, at: clock.now()) } == 70_000)
    }

    @Test func theJournalTakesTimeBackOnlyAfterAClockSetBack() throws {
        let path = Fixtures.tempDir() + "/journal.jsonl"
        let j = try Journal(path: path, writable: true, timeZone: "Africa/Bamako")
        _ = try j.append([.sessionOpened], expectedSeq: 1, at: Fixtures.at(9, 0), seat: "facilitator")
        let adj = try j.append(
            [.clockAdjusted(seconds: -600)], expectedSeq: 2, at: Fixtures.at(8, 50, 5), seat: "facilitator")
        #expect(adj[0].at == Fixtures.at(8, 50, 5), "the step back is written as seen")
        // An ordinary event is never stamped before the last one.
        let next = try j.append([.sessionClosed], expectedSeq: 3, at: Fixtures.at(8, 50), seat: "facilitator")
        #expect(next[0].at == Fixtures.at(8, 50, 5))
        let back = try Journal(path: path, writable: false).loadAll()
        #expect(back.count == 3)
        // Without the adjustment, the same jump back is damage.
        let bad = Fixtures.tempDir() + "/journal.jsonl"
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        let forged = [String(lines[0]), lines[2].replacingOccurrences(of: "\"seq\":3", with: "\"seq\":2")]
        try (forged.joined(separator: "\n") + "\n").write(toFile: bad, atomically: true, encoding: .utf8)
        #expect(throws: JournalError.self) { try Journal(path: bad, writable: false).loadAll() }
    }

    @Test func aClockAdjustmentIsRefusedBeforeTheSessionOpensAndIsNotUndoable() throws {
        var s = SessionState(programme: Fixtures.programme)
        #expect(throws: Refusal.self) { try s.decide(.recordClockAdjustment(seconds: 60), at: Fixtures.at(9, 0)) }
        try Self.run(&s, .startDay(date: nil), at: Fixtures.at(9, 0))
        try Self.run(&s, .recordClockAdjustment(seconds: 60), at: Fixtures.at(9, 2))
        #expect(throws: Refusal.self) { try s.decide(.undo(seq: s.lastSeq), at: Fixtures.at(9, 3)) }
        #expect(SeatRole.rapporteur.allows(.recordClockAdjustment(seconds: 60)))
        #expect(!SeatRole.projector.allows(.recordClockAdjustment(seconds: 60)))
        // An undo after it folds the moved instants once, not twice.
        try Self.run(&s, .startItem(id: nil), at: Fixtures.at(9, 3))
        try Self.run(&s, .endItem, at: Fixtures.at(9, 4))
        try Self.run(&s, .undo(seq: nil), at: Fixtures.at(9, 5))
        #expect(s.days[0].startedAt == Fixtures.at(9, 1))
        #expect(s.elapsed("ouverture", at: Fixtures.at(9, 5)) == 120)
    }

    // MARK: Overnight pause

    @Test func anOvernightPauseIsNeitherElapsedTimeNorDrift() throws {
        var s = SessionState(programme: Fixtures.programme)
        try Self.run(&s, .startDay(date: nil), at: Fixtures.at(9, 0))
        try Self.run(&s, .startItem(id: "ouverture"), at: Fixtures.at(9, 0))
        try Self.run(&s, .endItem, at: Fixtures.at(9, 30))
        try Self.run(&s, .startItem(id: "unicef-pres"), at: Fixtures.at(9, 30))
        try Self.run(&s, .endItem, at: Fixtures.at(9, 50))
        try Self.run(&s, .startItem(id: "debat"), at: Fixtures.at(9, 50))
        try Self.run(&s, .pauseItem, at: Fixtures.at(10, 10))
        try Self.run(&s, .endDay, at: Fixtures.at(10, 11))
        try Self.run(&s, .startDay(date: "2023-10-18"), at: Fixtures.at("2023-10-18", 8, 30))
        try Self.run(&s, .resumeItem, at: Fixtures.at("2023-10-18", 8, 45))
        try Self.run(&s, .extendItem(seconds: 1800), at: Fixtures.at("2023-10-18", 8, 46))
        let morning = Fixtures.at("2023-10-18", 8, 46)
        // Day 2's forecast starts after the resumed item: 20 + 1 of 60 min held, 39 left.
        let d2 = s.timings(day: 1, at: morning)
        #expect(d2[0].projectedStart == Fixtures.at("2023-10-18", 9, 25))
        #expect(s.drift(day: 1, at: morning) == 25)
        try Self.run(&s, .endItem, at: Fixtures.at("2023-10-18", 8, 55))
        let later = Fixtures.at("2023-10-18", 9, 0)
        #expect(s.elapsed("debat", at: later) == 30 * 60)
        // On day 1 the debate ends 1 min after its planned 10:20, not the next morning.
        let d1 = s.timings(day: 0, at: later)
        #expect(d1[2].projectedEnd == Fixtures.at(10, 21))
        #expect(s.drift(day: 0, at: later) == 0, "the fixed 11:00 synthesis still ends the day at 11:15")
        #expect(s.timings(day: 1, at: later)[0].projectedStart == Fixtures.at("2023-10-18", 9, 0))
        // timing.csv: the debate's « écart à la fin » is +1 min, not the night.
        let done = s
        let row = try #require(Self.csvRow(done, "timing.csv", containing: "debat", at: later), "no row")
        #expect(row.last == "1", "\(row)")
    }

    /// The fields of the first row of document `name` holding the field `field`.
    static func csvRow(_ s: SessionState, _ name: String, containing field: String, at now: Instant) -> [String]? {
        let docs = Documents.render(s, options: DocumentOptions(language: .en, now: now))
        guard let data = docs.first(where: { $0.name.hasSuffix(name) })?.data else { return nil }
        return String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline)
            .map { $0.split(omittingEmptySubsequences: false) { $0 == "," || $0 == ";" }.map(String.init) }
            .first { $0.contains(field) }
    }
}
