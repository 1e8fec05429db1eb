import Foundation
import Testing

@testable import PalabreCore
@testable import PalabreUI

/// The replay console over the recorded Ségou meeting: screens at any moment, the timeline
/// rows, the replay keys.
@Suite("Replay console and timeline bar")
struct ReplayTimelineTests {
    static let folder = SegouMoments.root + "/sessions/segou-2023-recorded"
    static let timeline: ReplayTimeline = {
        let p = try! ProgrammeLoader.load(path: folder).programme!
        let events = try! Journal(path: folder + "/journal.jsonl", writable: false).loadAll()
        return ReplayTimeline(programme: p, events: events, checkpointInterval: 64)
    }()
    static let size = Size(width: 100, height: 30)

    func replay(speed: Int = 60, playing: Bool = false, screen: ScreenID = .facilitator) -> ReplayConsole {
        let t = Self.timeline
        return ReplayConsole(
            timeline: t, language: .fr, screen: screen,
            clock: ReplayClock(position: t.firstInstant!, speed: speed, playing: playing))
    }

    @Test(
        "The consoles at a moment are the live consoles rendered from the state folded up to it",
        arguments: [ScreenID.facilitator, .rapporteur, .projector])
    func screensMatchTheLiveConsoles(screen: ScreenID) {
        var r = replay(screen: screen)
        for k in stride(from: 0, to: Self.timeline.events.count, by: 37) {
            let t = Self.timeline.events[k].at
            r.seek(to: t)
            let lines = r.render(size: Self.size).grid.lines()
            var live = Console(screen: screen, language: .fr, readOnly: true)
            let expected = live.render(
                state: Self.timeline.state(at: t), now: t,
                size: Size(width: 100, height: 28)
            ).grid.lines()
            // All but the hint bar, replaced by the replay's.
            #expect(Array(lines.prefix(26)) == Array(expected.prefix(26)), "at seq \(Self.timeline.events[k].seq)")
        }
    }

    @Test("Seeking forward then back lands on identical screens")
    func forwardThenBack() {
        var r = replay(screen: .rapporteur)
        let events = Self.timeline.events
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<25 {
            let a = events[Int.random(in: 0..<events.count, using: &rng)].at
            let b = events[Int.random(in: 0..<events.count, using: &rng)].at
            r.seek(to: a)
            let first = r.render(size: Self.size).grid.lines()
            r.seek(to: max(a, b).adding(seconds: 60))
            _ = r.render(size: Self.size)
            r.seek(to: min(a, b))
            _ = r.render(size: Self.size)
            r.seek(to: a)
            #expect(r.render(size: Self.size).grid.lines() == first)
            #expect(r.state == Self.timeline.state(at: a))
        }
    }

    @Test("The timeline rows: days, items, position, mode, speed, time, event count")
    func timelineRows() throws {
        var r = replay(speed: 600)
        var lines = r.render(size: Self.size).grid.lines()
        let bar = lines[28], status = lines[29]
        #expect(bar.hasPrefix("●"))
        #expect(bar.filter { $0 == "│" }.count == 2, "three days: two boundaries\n\(bar)")
        #expect(bar.filter { $0 == "┬" }.count > 20)
        #expect(
            status.contains(
                "PAUSE ×600 · Jour 1 · 2023-10-17 08:10:00 · événement 1/\(Self.timeline.events.count)"),
            "\(status)")
        #expect(lines[27].contains("Espace") && lines[27].contains("lecture/pause"))

        r.perform(.nextDay)
        r.perform(.nextDay)
        lines = r.render(size: Self.size).grid.lines()
        #expect(lines[29].contains("Jour 2 · 2023-10-18"), "\(lines[29])")
        #expect(lines[0].contains("Jour 2 ·"))
        let dot = try #require(lines[28].firstIndex(of: "●"))
        let firstBoundary = try #require(lines[28].firstIndex(of: "│"))
        #expect(dot > firstBoundary)
        #expect(lines[28][..<dot].allSatisfy { "━┬│≈".contains($0) }, "\(lines[28])")

        r.perform(.playPause)
        r.tick(replayMs: 1_000)
        lines = r.render(size: Self.size).grid.lines()
        #expect(lines[29].hasPrefix(" LECTURE ×600 · Jour 2"))
        #expect(r.clock.position > Self.timeline.dayStarts[1].at)
    }

    @Test("Replay keys: speed, events, items, days, go to, search, screens, help, quit")
    func keys() throws {
        var r = replay()
        let t = Self.timeline
        r.handle(.char("+"))
        #expect(r.clock.speed == 600)
        r.handle(.char("-")); r.handle(.char("-"))
        #expect(r.clock.speed == 10)
        r.handle(.right); r.handle(.right)
        #expect(r.clock.position == t.nextEvent(after: t.nextEvent(after: t.firstInstant!)!))
        r.handle(.left)
        #expect(r.clock.position == t.nextEvent(after: t.firstInstant!))
        r.handle(.char("]"))
        #expect(r.clock.position == t.itemStarts[0])
        r.handle(.char("]")); r.handle(.char("["))
        #expect(r.clock.position == t.itemStarts[0])
        // From the first item (day 1, after its start): the next day is day 2.
        r.handle(.char("}"))
        #expect(r.clock.position == t.dayStarts[1].at)
        r.handle(.char("{"))
        #expect(r.clock.position == t.dayStarts[0].at)

        for k in [Key.char("g")] + "3 09:00".map({ Key.char($0) }) { r.handle(k) }
        #expect(r.render(size: Self.size).grid.lines()[29].contains("Aller à"))
        r.handle(.enter)
        #expect(r.clock.position == t.local.instant(date: "2023-10-19", minutes: 540))
        r.handle(.char("g")); "demain".forEach { r.handle(.char($0)) }; r.handle(.enter)
        #expect(r.console.message?.isError == true)

        r.handle(.char("/")); "segou".forEach { r.handle(.char($0)) }; r.handle(.enter)
        let match = try #require(t.search("segou", after: t.local.instant(date: "2023-10-19", minutes: 540)))
        #expect(r.clock.position == match.at)
        #expect(r.console.screen == .rapporteur)
        #expect(r.console.message?.text.contains("entrée n° \(match.seq)") == true)
        r.handle(.char("n"))
        let next = try #require(t.search("segou", after: match.at))
        #expect(r.clock.position == next.at)
        r.handle(.char("N"))
        #expect(r.clock.position == match.at)

        r.handle(.function(5))
        #expect(r.console.screen == .projector)
        // A key that would record something is refused: the replay is read-only.
        r.handle(.function(1)); r.handle(.char("B"))
        #expect(r.state == t.state(at: r.clock.position))

        r.handle(.char("?"))
        let help = r.render(size: Self.size).grid.lines().joined(separator: "\n")
        #expect(help.contains("Aide · Relecture") && help.contains("Aller à un moment"))
        r.handle(.escape)
        #expect(!r.showingHelp)
        r.handle(.char("q"))
        #expect(r.quitRequested)
    }

    @Test(
        "Small terminals: without room for the timeline, the consoles with the replay's keys and its prompt",
        arguments: [Language.fr, .en])
    func small(language: Language) {
        var r = ReplayConsole(
            timeline: Self.timeline, language: language,
            clock: ReplayClock(position: Self.timeline.firstInstant!, playing: false))
        let labels = Labels(language)
        let g = r.render(size: Size(width: 40, height: 12)).grid
        #expect(g.height == 12 && g.lines().allSatisfy { TextWidth.width(of: $0) <= 40 })
        let hints = g.lines()[11]
        #expect(hints.contains(labels[.actionReplayQuit]), "the replay's keys: \(hints)")
        #expect(!hints.contains(labels[.actionFloorGive]), "not the live keys: \(hints)")
        // The keys whose label does not fit stay, alone (space, the moves, go to, search).
        let play = Keymap.bindings(in: .replay).first { $0.action == .replay(.playPause) }!
        #expect(hints.contains(" " + play.keys[0].displayName(language) + " "), "\(hints)")
        // The go-to prompt shows and takes the cursor there too.
        _ = r.update(.input(.key(.char("g"))))
        let (withPrompt, cursor) = r.render(size: Size(width: 40, height: 12))
        #expect(withPrompt.lines()[11].contains(language == .fr ? "Aller à" : "Go to"), "\(withPrompt.lines()[11])")
        #expect(cursor?.y == 11)
        _ = r.update(.input(.key(.escape)))
        let g2 = r.render(size: Size(width: 40, height: 14)).grid
        #expect(g2.lines()[13].contains("PAUSE"))
    }

    @Test("The replay keys are listed in French and English, without clashes")
    func keyTable() {
        let keys = Keymap.bindings(in: .replay).flatMap(\.keys)
        #expect(Set(keys).count == keys.count)
        #expect(Keymap.text(Labels(.fr)).contains("Chercher dans le texte des entrées"))
        #expect(Keymap.text(Labels(.en)).contains("Search the entries' text"))
        #expect(Keymap.bindings(in: .replay).count == ReplayAction.allCases.count)
    }

    /// The recorded events spread over `dates` calendar dates, in order (follow-up over months).
    static func spread(over dates: Int) -> ReplayTimeline {
        let events = timeline.events
        let start = events[0].at.ms
        let day: Int64 = 86_400_000
        let spread = events.enumerated().map { k, e in
            Event(
                seq: e.seq, at: Instant(ms: start + Int64(k * dates / events.count) * day + Int64(k) * 1000),
                seat: e.seat,
                payload: e.payload)
        }
        return ReplayTimeline(programme: timeline.programme, events: spread, checkpointInterval: 64)
    }

    @Test(
        "A journal over more dates than the bar has columns: every date on the bar, nothing past its width",
        arguments: [(62, 120, 40), (42, 80, 24), (200, 80, 24), (3, 80, 24), (600, 200, 60)])
    func manyDates(dates: Int, width: Int, height: Int) {
        let t = Self.spread(over: dates)
        #expect(t.daySpans.count == dates)
        for position in [t.firstInstant!, t.events[t.events.count / 2].at, t.lastInstant!] {
            var r = ReplayConsole(
                timeline: t, language: .en, screen: .facilitator,
                clock: ReplayClock(position: position, speed: 60, playing: false))
            let lines = r.render(size: Size(width: width, height: height)).grid.lines()
            let bar = lines[height - 2]
            #expect(bar.count == width)
            #expect(bar.filter { $0 == "●" }.count == 1, "\(bar)")
            let segments = TimelineBar(timeline: t, clock: r.clock, language: .en).segments(width: width)
            #expect(segments.count == min(dates, (width + 1) / 2))
            #expect(segments.allSatisfy { $0.x >= 0 && $0.width >= 1 && $0.x + $0.width <= width })
            #expect(segments.first?.start == t.daySpans.first?.start && segments.last?.end == t.daySpans.last?.end)
            r.perform(.nextDay)
            _ = r.render(size: Size(width: width, height: height))
        }
    }

    @Test(
        "Random journals (1 to 500 dates, 1 to 5,000 items) on bars 20 to 300 columns wide: drawn, never past the width"
    )
    func randomSpans() {
        var random = LinearCongruential(seed: 2026)
        let template = Self.timeline.events.first { if case .itemStarted = $0.payload { true } else { false } }!
        let start = Self.timeline.events[0].at.ms
        for _ in 0..<60 {
            let dates = Int.random(in: 1...500, using: &random)
            let items = Int.random(in: 1...5_000, using: &random)
            let count = max(dates, items)
            let events = (0..<count).map { k in
                Event(
                    seq: k + 1, at: Instant(ms: start + Int64(k * dates / count) * 86_400_000 + Int64(k % 600) * 1000),
                    seat: template.seat, payload: template.payload)
            }
            let t = ReplayTimeline(programme: Self.timeline.programme, events: events)
            let width = Int.random(in: 20...300, using: &random)
            let position = events[Int.random(in: 0..<count, using: &random)].at
            let bar = TimelineBar(
                timeline: t, clock: ReplayClock(position: position, speed: 60, playing: false), language: .fr)
            var grid = Grid(width: width, height: 2)
            bar.drawBar(into: &grid, y: 0)
            let line = grid.lines()[0]
            #expect(
                TextWidth.width(of: line) == width && line.filter { $0 == "●" }.count == 1,
                "\(dates) dates, \(items) items, \(width) columns")
            let segments = bar.segments(width: width)
            #expect(segments.count == min(t.daySpans.count, (width + 1) / 2))
            #expect(segments.allSatisfy { $0.x + $0.width <= width }, "\(dates) dates, \(width) columns")
        }
    }
}

/// A seeded generator (Knuth's MMIX linear congruential constants), so the random journals are
/// the same on every run.
private struct LinearCongruential: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state ^ (state >> 29)
    }
}

extension ReplayTimelineTests {
    @Test(
        "A day held a month after its planned date: « 2 10:30 » goes to the date it was held, shown as day 2",
        arguments: [Language.fr, .en])
    func dayHeldOnAnotherDate(language: Language) throws {
        let events = Self.timeline.events
        let day2 = try #require(
            events.firstIndex { if case .dayStarted(let d, _) = $0.payload { d == "2023-10-18" } else { false } })
        let shifted = events.enumerated().map { i, e in
            var e = e
            if i >= day2 { e.at = e.at.adding(seconds: 30 * 86_400) }
            return e
        }
        let t = ReplayTimeline(programme: Self.timeline.programme, events: shifted, checkpointInterval: 64)
        #expect(t.heldOn["2023-10-18"] == "2023-11-17" && t.heldOn["2023-10-19"] == "2023-11-18")
        let moment = try #require(t.moment("2 10:30", near: nil))
        #expect(moment == t.local.instant(date: "2023-11-17", minutes: 630))
        #expect(t.dayIndex(of: moment) == 1)
        #expect(t.dayIndex(of: t.local.instant(date: "2023-10-18", minutes: 630)!) == nil, "nothing was held then")
        var r = ReplayConsole(
            timeline: t, language: language, clock: ReplayClock(position: t.firstInstant!, playing: false))
        r.seek(to: moment)
        let status = r.render(size: Self.size).grid.lines().last ?? ""
        #expect(status.contains((language == .fr ? "Jour 2" : "Day 2") + " · 2023-11-17 10:30"), "\(status)")
    }

    @Test("A backward search that wraps says it went round to the end", arguments: [Language.fr, .en])
    func backwardWrapSaysTheEnd(language: Language) throws {
        var r = ReplayConsole(
            timeline: Self.timeline, language: language,
            clock: ReplayClock(position: Self.timeline.firstInstant!, playing: false))
        let entry = try #require(
            Self.timeline.events.last {
                if case .entryRecorded(_, let c) = $0.payload { c.text.count > 15 } else { false }
            })
        guard case .entryRecorded(_, let content) = entry.payload else { return }
        _ = r.update(.input(.key(.char("/"))))
        for ch in content.text.prefix(15) { _ = r.update(.input(.key(.char(ch)))) }
        _ = r.update(.input(.key(.enter)))
        r.seek(to: Self.timeline.firstInstant!)
        r.perform(.previousMatch)
        let said = r.console.message?.text ?? ""
        #expect(said.contains(language == .fr ? "(reprise à la fin)" : "(wrapped to the end)"), "\(said)")
        // The quotes of the language: « » in French, “ ” in English, as every message.
        #expect(said.hasPrefix(language == .fr ? "« " : "“"), "\(said)")
    }

    @Test("The replay help: the screens' keys in the same column as every other key", arguments: [Language.fr, .en])
    func helpColumns(language: Language) throws {
        var r = ReplayConsole(
            timeline: Self.timeline, language: language,
            clock: ReplayClock(position: Self.timeline.firstInstant!, playing: false))
        _ = r.update(.input(.key(.char("?"))))
        let lines = r.render(size: Size(width: 120, height: 40)).grid.lines()
        let labels = Labels(language)
        func column(of text: String) throws -> Int {
            let line = try #require(lines.first { $0.contains(text) }, "\(text) in \(lines)")
            return TextWidth.width(of: String(line[..<line.range(of: text)!.lowerBound]))
        }
        let screens = try column(of: labels[.helpReplayScreens])
        #expect(screens == (try column(of: labels[.helpReplayQuit])))
        #expect(lines.contains { $0.contains("F1…F5 F11") })
    }

    @Test(
        "The minutes screen of a replay says it is read-only where a seat says to type", arguments: [Language.fr, .en])
    func rapporteurReadOnly(language: Language) {
        let r = ReplayConsole(
            timeline: Self.timeline, language: language, screen: .rapporteur,
            clock: ReplayClock(position: Self.timeline.firstInstant!, playing: false))
        let labels = Labels(language)
        let replayed = r.render(size: Self.size).grid.lines().joined(separator: "\n")
        #expect(replayed.contains(String(labels[.rapReadOnly].prefix(20))), "\(replayed)")
        #expect(!replayed.contains(String(labels[.rapPlaceholder].prefix(20))))
        var live = Console(screen: .rapporteur, language: language)
        let seat = live.render(state: r.state, now: r.clock.position, size: Self.size).grid.lines().joined(
            separator: "\n")
        #expect(seat.contains(String(labels[.rapPlaceholder].prefix(20))), "\(seat)")
    }
}
