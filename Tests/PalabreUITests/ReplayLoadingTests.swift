import Foundation
import Testing

@testable import PalabreCore
@testable import PalabreUI

/// A long journal replayed from its beginning while the whole of it is read on another thread:
/// the replay stops at the end of the beginning and plays on once the rest is there, says that
/// it is reading, takes the torn-journal warning, and ends on damage found late.
@Suite("Replay of a long journal while it is read")
struct ReplayLoadingTests {
    static let folder = SegouMoments.root + "/sessions/segou-2023-recorded"
    static let programme = try! ProgrammeLoader.load(path: folder).programme!
    static let events = try! Journal(path: folder + "/journal.jsonl", writable: false).loadAll()
    static let size = Size(width: 100, height: 30)

    /// A reading held until `gate` is signalled, then giving `outcome`.
    static func loading(
        gate: DispatchSemaphore, _ outcome: @escaping @Sendable () throws -> (ReplayTimeline, [String])
    ) -> ReplayLoading {
        ReplayLoading {
            gate.wait()
            let (t, w) = try outcome()
            return (t, w)
        }
    }

    func replay(_ language: Language, loading: ReplayLoading, playing: Bool = true) -> ReplayConsole {
        let beginning = ReplayTimeline(programme: Self.programme, events: Array(Self.events.prefix(100)))
        return ReplayConsole(
            timeline: beginning, language: language,
            clock: ReplayClock(position: beginning.firstInstant!, speed: 600, playing: playing), loading: loading)
    }

    /// Ticks `r` until it has folded the `count` events read so far (100,000 ticks at most).
    static func playToTheEndOfTheBeginning(_ r: inout ReplayConsole, count: Int = 100) {
        var steps = 0
        while r.state.lastSeq < count, steps < 100_000 {
            r.tick(replayMs: 500)
            steps += 1
        }
        r.tick(replayMs: 500)
    }

    @Test(
        "Playing waits at the end of the beginning, still playing, says it is reading, and plays on with the whole journal",
        arguments: [Language.fr, .en])
    func playsOnOnceRead(language: Language) {
        let gate = DispatchSemaphore(value: 0)
        let whole = ReplayTimeline(programme: Self.programme, events: Self.events, checkpointInterval: 64)
        let loading = Self.loading(gate: gate) { (whole, []) }
        var r = replay(language, loading: loading)
        Self.playToTheEndOfTheBeginning(&r)
        #expect(r.clock.playing && r.state.lastSeq == 100, "waiting at the end of the beginning, still playing")
        let reading = Labels(language)[.readingRestOfJournal]
        let screen = r.render(size: Self.size).grid.lines().joined(separator: "\n")
        #expect(screen.contains(String(reading.prefix(30))), "\(screen)")
        #expect(screen.contains(language == .fr ? "LECTURE ×600" : "PLAYING ×600"), "\(screen)")
        #expect(screen.contains("100/100…"), "the count so far is not the total: \(screen)")
        gate.signal()
        _ = loading.wait()
        r.tick(replayMs: 0)
        #expect(r.timeline.events.count == Self.events.count)
        #expect(r.clock.playing, "playing on where it waited")
        #expect(r.state == whole.state(at: r.clock.position))
        r.tick(replayMs: 2_000)
        #expect(r.state.lastSeq > 100)
        #expect(r.state == whole.state(at: r.clock.position))
        let after = r.render(size: Self.size).grid.lines().joined(separator: "\n")
        #expect(!after.contains(String(reading.prefix(30))), "\(after)")
    }

    @Test("Paused while it waits at the end of the beginning: still paused once the rest is read")
    func pausedWhileWaiting() {
        let gate = DispatchSemaphore(value: 0)
        let whole = ReplayTimeline(programme: Self.programme, events: Self.events)
        let loading = Self.loading(gate: gate) { (whole, []) }
        var r = replay(.fr, loading: loading)
        Self.playToTheEndOfTheBeginning(&r)
        r.perform(.playPause)
        #expect(!r.clock.playing)
        let here = r.clock.position
        gate.signal()
        _ = loading.wait()
        r.tick(replayMs: 5_000)
        #expect(!r.clock.playing && r.clock.position == here, "paused where it was")
        #expect(r.state == whole.state(at: here))
    }

    @Test(
        "Moves beyond the beginning wait for the rest and are done once it is read: next event, item, day",
        arguments: [ReplayAction.nextEvent, .nextItem, .nextDay])
    func movesWaitForTheRest(action: ReplayAction) {
        let gate = DispatchSemaphore(value: 0)
        let whole = ReplayTimeline(programme: Self.programme, events: Self.events)
        let loading = Self.loading(gate: gate) { (whole, []) }
        var r = replay(.fr, loading: loading, playing: false)
        let last = r.timeline.lastInstant!
        r.seek(to: last)
        let expected: Instant? =
            switch action {
            case .nextEvent: whole.nextEvent(after: last)
            case .nextItem: whole.nextItemStart(after: last)
            default: whole.nextDayStart(after: last)
            }
        #expect(expected != nil)
        r.perform(action)
        #expect(r.clock.position == last && r.pending == .move(action, times: 1), "nothing moved yet")
        let said = r.console.message?.text ?? ""
        #expect(said.hasPrefix("lecture du journal… en attente : "), "the key is taken and said: \(said)")
        gate.signal()
        _ = loading.wait()
        r.tick(replayMs: 0)
        #expect(r.clock.position == expected && r.pending == nil)
        #expect(r.state == whole.state(at: r.clock.position))
        #expect(r.console.message?.text != said, "the message went with the wait")
    }

    @Test("The same move asked twice while it waits is done twice; a move back with nothing before says so at once")
    func movesCountAndBackwardAtOnce() {
        let gate = DispatchSemaphore(value: 0)
        let whole = ReplayTimeline(programme: Self.programme, events: Self.events)
        let loading = Self.loading(gate: gate) { (whole, []) }
        var r = replay(.en, loading: loading, playing: false)
        r.perform(.previousDay)
        #expect(r.console.message?.text == "No other day." && r.pending == nil)
        r.seek(to: r.timeline.lastInstant!)
        r.perform(.nextDay)
        r.perform(.nextDay)
        #expect(r.pending == .move(.nextDay, times: 2))
        #expect(r.console.message?.text.hasSuffix("×2") == true, "\(r.console.message?.text ?? "")")
        gate.signal()
        _ = loading.wait()
        r.tick(replayMs: 0)
        #expect(r.clock.position == whole.dayStarts[2].at, "day 3: two days on")
    }

    @Test("« g 2 10:30 » asked while reading: the date day 2 was held, which only the rest of the journal tells")
    func goToADayHeldLater() throws {
        let day2 = try #require(
            Self.events.firstIndex { if case .dayStarted(let d, _) = $0.payload { d == "2023-10-18" } else { false } })
        try #require(day2 > 100)
        let shifted = Self.events.enumerated().map { i, e in
            var e = e
            if i >= day2 { e.at = e.at.adding(seconds: 30 * 86_400) }
            return e
        }
        let gate = DispatchSemaphore(value: 0)
        let whole = ReplayTimeline(programme: Self.programme, events: shifted)
        let loading = Self.loading(gate: gate) { (whole, []) }
        var r = replay(.fr, loading: loading, playing: false)
        _ = r.update(.input(.key(.char("g"))))
        for ch in "2 10:30" { _ = r.update(.input(.key(.char(ch)))) }
        _ = r.update(.input(.key(.enter)))
        #expect(r.pending == .goTo("2 10:30", near: r.clock.position))
        gate.signal()
        _ = loading.wait()
        r.tick(replayMs: 0)
        #expect(r.clock.position == whole.local.instant(date: "2023-11-17", minutes: 630))
        // --from as well.
        let gate2 = DispatchSemaphore(value: 0)
        let loading2 = Self.loading(gate: gate2) { (whole, []) }
        let beginning = ReplayTimeline(programme: Self.programme, events: Array(shifted.prefix(100)))
        var from = ReplayConsole(
            timeline: beginning, language: .fr,
            clock: ReplayClock(
                position: try beginning.instant("2 10:30", near: beginning.firstInstant), playing: false),
            loading: loading2, from: "2 10:30")
        gate2.signal()
        _ = loading2.wait()
        from.tick(replayMs: 0)
        #expect(from.clock.position == whole.local.instant(date: "2023-11-17", minutes: 630))
    }

    @Test("A jump past the beginning stays where it is until the rest is read, then lands where asked")
    func jumpPastTheBeginning() {
        let gate = DispatchSemaphore(value: 0)
        let whole = ReplayTimeline(programme: Self.programme, events: Self.events)
        let loading = Self.loading(gate: gate) { (whole, []) }
        var r = replay(.fr, loading: loading, playing: false)
        let here = r.clock.position
        let day3 = whole.dayStarts[2].at
        r.seek(to: day3)
        #expect(r.clock.position == here && r.state.lastSeq <= 100, "no state of day 1 shown at day 3's clock")
        #expect(r.pending == .seek(day3))
        // Another move within what is read replaces the wait.
        r.seek(to: r.timeline.events[10].at)
        #expect(r.pending == nil)
        r.seek(to: day3)
        gate.signal()
        _ = loading.wait()
        r.tick(replayMs: 0)
        #expect(!r.clock.playing && r.clock.position == day3)
        #expect(r.state == whole.state(at: day3) && r.state.currentDay == 2)
    }

    @Test("A start beyond the beginning (--from) shows the beginning, then the moment asked")
    func startBeyondTheBeginning() {
        let gate = DispatchSemaphore(value: 0)
        let whole = ReplayTimeline(programme: Self.programme, events: Self.events)
        let loading = Self.loading(gate: gate) { (whole, []) }
        let beginning = ReplayTimeline(programme: Self.programme, events: Array(Self.events.prefix(100)))
        let day2 = whole.dayStarts[1].at
        var r = ReplayConsole(
            timeline: beginning, language: .en, clock: ReplayClock(position: day2, playing: false), loading: loading)
        #expect(r.clock.position == beginning.firstInstant && r.pending == .seek(day2))
        gate.signal()
        _ = loading.wait()
        r.tick(replayMs: 0)
        #expect(r.clock.position == day2 && r.state == whole.state(at: day2))
    }

    @Test("A search with no match among the events read waits for the rest, then finds the next match")
    func searchWaitsForTheRest() throws {
        let gate = DispatchSemaphore(value: 0)
        let whole = ReplayTimeline(programme: Self.programme, events: Self.events)
        let loading = Self.loading(gate: gate) { (whole, []) }
        var r = replay(.fr, loading: loading, playing: false)
        // The first words of an entry recorded after the first 100 events, found nowhere before.
        let entries = Self.events.compactMap { e -> (Int, String)? in
            if case .entryRecorded(_, let c) = e.payload { return (e.seq, c.text) }
            return nil
        }
        let later = try #require(
            entries.first { seq, text in
                seq > 100 && text.count > 20 && !entries.contains { $0.0 <= 100 && $0.1.contains(text.prefix(20)) }
            })
        let words = String(later.1.prefix(20))
        _ = r.update(.input(.key(.char("/"))))
        for ch in words { _ = r.update(.input(.key(.char(ch)))) }
        _ = r.update(.input(.key(.enter)))
        #expect(r.pending == .search(words, forward: true))
        gate.signal()
        _ = loading.wait()
        r.tick(replayMs: 0)
        let expected = try #require(whole.search(words, after: Self.events[99].at))
        #expect(r.clock.position == expected.at)
        #expect(r.console.message?.text.contains("entrée n° \(expected.seq)") == true)
    }

    @Test(
        "A torn last line found by the reading: the banner says so and the warning is kept",
        arguments: [Language.fr, .en])
    func tornJournal(language: Language) {
        let gate = DispatchSemaphore(value: 0)
        let whole = ReplayTimeline(programme: Self.programme, events: Self.events)
        let loading = Self.loading(gate: gate) { (whole, ["torn"]) }
        var r = replay(language, loading: loading)
        #expect(r.console.banner == nil)
        gate.signal()
        _ = loading.wait()
        r.tick(replayMs: 0)
        #expect(r.loadWarnings == ["torn"])
        let word = language == .fr ? "Journal déchiré" : "Torn journal"
        #expect(r.console.banner?.contains(word) == true)
        #expect(r.console.banner?.contains("\(Self.events.last!.seq)") == true)
    }

    @Test("Damage found by the reading ends the replay with the journal's error")
    func damageEndsTheReplay() {
        let gate = DispatchSemaphore(value: 0)
        let loading = Self.loading(gate: gate) {
            throw JournalError.damaged(path: "journal.jsonl", line: 5_000, reason: .notAnEvent)
        }
        var r = replay(.fr, loading: loading)
        #expect(r.update(.tick).isEmpty)
        gate.signal()
        _ = loading.wait()
        r.tick(replayMs: 0)
        #expect(r.update(.tick) == [.quit])
        #expect(r.loadFailure as? JournalError == .damaged(path: "journal.jsonl", line: 5_000, reason: .notAnEvent))
    }
}
