import Foundation
import Testing

@testable import PalabreCore

/// The replay timeline and clock over the recorded Ségou meeting
/// (`sessions/segou-2023-recorded`, produced by `sessions/segou-2023/meeting.palabre`).
@Suite("Replay timeline and clock")
struct ReplayTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let folder = root + "/sessions/segou-2023-recorded"
    static let programme: Programme = try! ProgrammeLoader.load(path: folder).programme!
    static let events: [Event] = try! Journal(path: folder + "/journal.jsonl", writable: false).loadAll()

    /// A small checkpoint interval so that most jumps start from a checkpoint and fold a remainder.
    func timeline(_ interval: Int = 50) -> ReplayTimeline {
        ReplayTimeline(programme: Self.programme, events: Self.events, checkpointInterval: interval)
    }

    @Test("The recorded meeting is there: three days, hundreds of events, some sharing an instant")
    func fixture() {
        #expect(Self.events.count > 600)
        #expect(Self.events.map(\.seq) == Array(1...Self.events.count))
        let t = timeline()
        #expect(t.dayStarts.map(\.date) == ["2023-10-17", "2023-10-18", "2023-10-19"])
        #expect(
            Set(Self.events.map(\.at)).count < Self.events.count,
            "no two events share an instant: the test below would prove less")
    }

    @Test(
        "The state at the instant of event k is the state after every event at or before that instant",
        arguments: [1, 7, 50, 2_000])
    func stateAtEveryInstant(interval: Int) {
        let t = timeline(interval)
        var folded = SessionState(programme: Self.programme)
        for (k, e) in Self.events.enumerated() {
            folded.evolve(e)
            // Compare only where event k is the last one at its instant.
            if k + 1 < Self.events.count, Self.events[k + 1].at == e.at { continue }
            let s = t.state(at: e.at)
            var full = folded
            full.standingEvents = []
            #expect(s == full, "at seq \(e.seq)")
            if s != full { return }
            // Just before the instant: none of the events at it.
            #expect(t.count(at: Instant(ms: e.at.ms - 1)) == Self.events.firstIndex { $0.at == e.at }!)
        }
        #expect(t.state(at: Instant(ms: 0)) == SessionState(programme: Self.programme))
        folded.standingEvents = []
        #expect(t.state(at: Instant(ms: Int64.max / 2)) == folded)
    }

    @Test("Events, agenda items and days: next and previous")
    func moving() throws {
        let t = timeline()
        let first = try #require(t.firstInstant)
        // Walking forward event instant by event instant visits every distinct instant once.
        var seen: [Instant] = [first]
        while let n = t.nextEvent(after: seen.last!) { seen.append(n) }
        var distinct: [Instant] = []
        for e in Self.events where distinct.last != e.at { distinct.append(e.at) }
        #expect(seen == distinct)
        var back: [Instant] = [seen.last!]
        while let p = t.previousEvent(before: back.last!) { back.append(p) }
        #expect(back == seen.reversed())

        let day1 = try #require(t.nextDayStart(after: first))
        #expect(t.local.date(of: day1) == "2023-10-17")
        let day2 = try #require(t.nextDayStart(after: day1))
        #expect(t.local.date(of: day2) == "2023-10-18")
        #expect(t.state(at: day2).currentDay == 1)
        let day3 = try #require(t.nextDayStart(after: day2))
        #expect(t.previousDayStart(before: day3) == day2)
        #expect(t.nextDayStart(after: day3) == nil)

        let item = try #require(t.nextItemStart(after: day2))
        let s = t.state(at: item)
        let running = try #require(s.currentItem)
        #expect(s.run(running).startedAt == item)
        #expect(t.previousItemStart(before: item).map { $0 < item } == true)
    }

    @Test("Search of the entries' text ignores case and accents, goes on with the next match and wraps")
    func search() throws {
        let t = timeline()
        let first = try #require(t.search("SEGOU", after: nil))
        guard case .entryRecorded(_, let c) = Self.events[first.seq - 1].payload else {
            Issue.record("not an entry"); return
        }
        #expect(
            Text.fold(c.text).contains("segou")
                || [c.addressee, c.responsible, c.conditions].contains {
                    $0.map { Text.fold($0).contains("segou") } ?? false
                })
        let second = try #require(t.search("ségou", after: first.at))
        #expect(second.at > first.at || second.wrapped)
        #expect(t.search("texte que personne n'a dit", after: nil) == nil)
        let back = try #require(t.searchBackward("ségou", before: second.at))
        #expect(back.at < second.at)
        // After the last match, the search wraps to the first.
        let last = try #require(t.searchBackward("ségou", before: Instant(ms: Int64.max / 2)))
        let wrapped = try #require(t.search("ségou", after: last.at))
        #expect(wrapped.wrapped && wrapped.seq == first.seq)
    }

    @Test("Moments: hh:mm on the day shown, D hh:mm on day D, a date, RFC 3339")
    func moments() throws {
        let t = timeline()
        let day2 = t.dayStarts[1].at
        #expect(t.moment("2 10:30", near: nil) == t.local.instant(date: "2023-10-18", minutes: 630))
        #expect(t.moment("10:30", near: day2) == t.local.instant(date: "2023-10-18", minutes: 630))
        #expect(t.moment("2023-10-19 09:05", near: nil) == t.local.instant(date: "2023-10-19", minutes: 545))
        #expect(t.moment("2023-10-17T09:00:00+00:00", near: nil) == t.local.instant(date: "2023-10-17", minutes: 540))
        #expect(t.moment("4 10:30", near: nil) == nil)
        #expect(t.moment("25:00", near: nil) == nil)
        #expect(t.moment("demain", near: nil) == nil)
    }

    @Test(
        "Whatever the speeds, playing folds every event exactly once, in order", arguments: [Int64(0), 5_000, 60_000])
    func speedsNeverSkipOrRepeat(idleLimitMs: Int64) {
        let t = timeline()
        var clock = ReplayClock(position: t.firstInstant!, speed: 1, playing: true, idleLimitMs: idleLimitMs)
        var player = ReplayPlayer(timeline: t)
        var applied = player.move(to: clock.position).map(\.seq)
        let speeds = [1, 600, 2, 60, 5, 10, 600, 1, 60]
        var step = 0
        var lastPosition = clock.position
        while clock.playing, step < 200_000 {
            clock.speed = speeds[(step / 40) % speeds.count]
            clock.advance(replayMs: Int64(37 + step % 300), timeline: t)
            #expect(clock.position >= lastPosition)
            lastPosition = clock.position
            applied += player.advance(to: clock.position).map(\.seq)
            step += 1
        }
        #expect(!clock.playing && clock.position == t.lastInstant)
        #expect(applied == Array(1...Self.events.count))
        #expect(player.state == t.state(at: t.lastInstant!))
    }

    @Test("Silences longer than the idle limit are shortened to it; shorter ones play in full")
    func silenceCompression() throws {
        let t = timeline()
        let gaps = ReplayClock.compressedGaps(t, speed: 1, idleLimitMs: 5_000)
        #expect(!gaps.isEmpty)
        // Every shortened gap lies between two consecutive event instants more than 5 s apart.
        for g in gaps {
            let before = try #require(t.lastEvent(atOrBefore: g.from))
            let after = try #require(t.nextEvent(after: g.from))
            #expect(g.from.ms - before.ms == 2_500 && after.ms - g.to.ms == 2_500)
        }
        // Overnight: from the last event of day 1, 5 s of replay at ×1 reach day 2's first event.
        let day2 = t.dayStarts[1].at
        let eve = try #require(t.previousEvent(before: day2))
        var clock = ReplayClock(position: eve, speed: 1, idleLimitMs: 5_000)
        clock.advance(replayMs: 2_000, timeline: t)
        #expect(clock.position.ms == eve.ms + 2_000)
        clock.advance(replayMs: 3_000, timeline: t)
        #expect(clock.position == t.nextEvent(after: eve))
        // Starting long before the meeting (--from the day before), the wait is shortened too.
        var early = ReplayClock(position: t.firstInstant!.adding(seconds: -86_400), speed: 1, idleLimitMs: 5_000)
        early.advance(replayMs: 2_500, timeline: t)
        #expect(early.position == t.firstInstant!)
        // With a limit of a day, nothing is shortened at ×600 inside a day.
        #expect(ReplayClock.compressedGaps(t, speed: 600, idleLimitMs: 86_400_000).isEmpty)
        // Speeds step through the list.
        var c = ReplayClock(position: eve, speed: 1)
        for expected in [2, 5, 10, 60, 600, 600] { c.changeSpeed(faster: true); #expect(c.speed == expected) }
        for expected in [60, 10, 5, 2, 1, 1] { c.changeSpeed(faster: false); #expect(c.speed == expected) }
    }

    @Test("A paused clock stays; a jump back then forth gives the same state")
    func pauseAndJumps() throws {
        let t = timeline()
        var clock = ReplayClock(position: t.firstInstant!, speed: 60, playing: false)
        clock.advance(replayMs: 10_000, timeline: t)
        #expect(clock.position == t.firstInstant!)
        var player = ReplayPlayer(timeline: t)
        let mid = Self.events[Self.events.count / 2].at
        player.move(to: mid)
        let there = player.state
        player.move(to: t.firstInstant!)
        #expect(player.state == t.state(at: t.firstInstant!))
        player.move(to: mid)
        #expect(player.state == there)
    }

    /// The full fold of `events[..<n]`, without the standing events a replay does not keep.
    static func fullFold(_ events: some Sequence<Event>, _ programme: Programme) -> SessionState {
        var s = SessionState(programme: programme)
        for e in events { s.evolve(e) }
        s.standingEvents = []
        return s
    }

    @Test(
        "Undos of every kind: the state after every prefix, reached by a jump or by playing, is the full fold's",
        arguments: [1, 2, 3, 5, 8, 1_000])
    func undosAtEveryPrefix(interval: Int) throws {
        let events = try ReadingFoldTests.journal()
        let t = ReplayTimeline(programme: Fixtures.programme, events: events, checkpointInterval: interval)
        var played = SessionState(programme: Fixtures.programme)
        for n in 0...events.count {
            let full = Self.fullFold(events.prefix(n), Fixtures.programme)
            #expect(t.state(afterCount: n) == full, "jump to \(n) events, a checkpoint every \(interval)")
            var s = t.state(afterCount: max(0, n - 3))
            t.advance(&s, from: max(0, n - 3), to: n)
            #expect(s == full, "three events played up to \(n), a checkpoint every \(interval)")
            if n > 0 {
                t.advance(&played, from: n - 1, to: n)
                #expect(played == full, "one event at a time up to \(n)")
            }
        }
        #expect(t.state(afterCount: events.count).standingEvents.isEmpty, "a replay keeps no undo history")
    }

    @Test("A journal with a clock step is replayed from full folds: the step moves the events before it")
    func clockStepReplayedInFull() throws {
        var events = try ReadingFoldTests.journalWithClockStep()
        let last = events.last!
        events.append(
            Event(
                seq: last.seq + 1, at: last.at.adding(seconds: 1), seat: "rapporteur",
                payload: .undone(seq: last.seq)))
        let t = ReplayTimeline(programme: Fixtures.programme, events: events, checkpointInterval: 4)
        for n in 0...events.count {
            var full = SessionState(programme: Fixtures.programme)
            for e in events.prefix(n) { full.evolve(e) }
            #expect(t.state(afterCount: n) == full, "\(n) events")
        }
    }
}
