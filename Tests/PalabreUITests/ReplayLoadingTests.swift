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

    @Test(
        "Playing stops at the end of the beginning, says it is reading, and plays on with the whole journal",
        arguments: [Language.fr, .en])
    func playsOnOnceRead(language: Language) {
        let gate = DispatchSemaphore(value: 0)
        let whole = ReplayTimeline(programme: Self.programme, events: Self.events, checkpointInterval: 64)
        let loading = Self.loading(gate: gate) { (whole, []) }
        var r = replay(language, loading: loading)
        var steps = 0
        while r.clock.playing, steps < 100_000 {
            r.tick(replayMs: 500)
            steps += 1
        }
        #expect(!r.clock.playing && r.state.lastSeq == 100, "stopped at the end of the beginning")
        let reading = Labels(language)[.readingRestOfJournal]
        let screen = r.render(size: Self.size).grid.lines().joined(separator: "\n")
        #expect(screen.contains(String(reading.prefix(30))), "\(screen)")
        // The next day is not there yet: the replay says it is coming, not that there is none.
        r.perform(.nextDay)
        #expect(r.console.message?.text == reading)
        gate.signal()
        _ = loading.wait()
        r.tick(replayMs: 0)
        #expect(r.timeline.events.count == Self.events.count)
        #expect(r.clock.playing, "playing on where it stopped")
        #expect(r.state == whole.state(at: r.clock.position))
        r.tick(replayMs: 2_000)
        #expect(r.state.lastSeq > 100)
        #expect(r.state == whole.state(at: r.clock.position))
        let after = r.render(size: Self.size).grid.lines().joined(separator: "\n")
        #expect(!after.contains(String(reading.prefix(30))), "\(after)")
        let nextDay = whole.nextDayStart(after: r.clock.position)
        #expect(nextDay != nil)
        r.perform(.nextDay)
        #expect(r.clock.position == nextDay, "the next day is there now")
    }

    @Test("A jump past the beginning lands where asked once the whole journal is read")
    func jumpPastTheBeginning() {
        let gate = DispatchSemaphore(value: 0)
        let whole = ReplayTimeline(programme: Self.programme, events: Self.events)
        let loading = Self.loading(gate: gate) { (whole, []) }
        var r = replay(.fr, loading: loading, playing: false)
        let day3 = whole.dayStarts[2].at
        r.seek(to: day3)
        #expect(r.state.lastSeq == 100, "only the beginning is there")
        gate.signal()
        _ = loading.wait()
        r.tick(replayMs: 0)
        #expect(!r.clock.playing && r.clock.position == day3)
        #expect(r.state == whole.state(at: day3) && r.state.currentDay == 2)
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
