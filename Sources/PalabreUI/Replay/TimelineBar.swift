import Foundation
import PalabreCore

/// The timeline of a replay, drawn on two rows under the consoles.
///
/// Bar row: each day of the journal takes a share of the width in proportion to its length
/// (first to last event of that day), days separated by `│`; `┬` marks agenda item starts,
/// `≈` silences the replay shortens at the current speed, `━` the part already replayed, `●`
/// where the replay stands. Status row: play state and speed, the day, the meeting's date and
/// wall-clock time, the event count.
///
///     Bar:    ━━┬━━━━━┬━●─┬──────│──┬────≈──┬───│─┬────┬──
///     Status: LECTURE ×60 · Jour 1 · 2023-10-17 10:42:13 · événement 312/705 · ≈ silences abrégés
public struct TimelineBar: Sendable {
    /// One day on the bar: its span of meeting time and its columns.
    public struct Segment: Sendable, Equatable {
        public var date: String
        public var start: Instant
        public var end: Instant
        public var x: Int
        public var width: Int
    }

    let timeline: ReplayTimeline
    let clock: ReplayClock
    let language: Language
    /// False while `timeline` is only the beginning of a journal still being read: its last
    /// event is not the end.
    let complete: Bool

    /// A bar for `timeline` at `clock`; `complete` false while the rest of the journal is read.
    public init(timeline: ReplayTimeline, clock: ReplayClock, language: Language, complete: Bool = true) {
        self.timeline = timeline; self.clock = clock; self.language = language; self.complete = complete
    }

    /// The days laid out over `width` columns (one column between days for `│`).
    ///
    /// When the journal spans more dates than the bar can show one column and a boundary each
    /// (`2 × dates − 1 > width`, e.g. months of follow-up), consecutive dates share a segment:
    /// at most `(width + 1) / 2` segments, each named by its first date, every date in exactly
    /// one. Segments never reach past `width`.
    public func segments(width: Int) -> [Segment] {
        guard width > 0 else { return [] }
        let spans = Self.grouped(timeline.daySpans, into: max(1, (width + 1) / 2))
        guard !spans.isEmpty else { return [] }
        let usable = width - (spans.count - 1)
        let total = max(1, spans.reduce(Int64(0)) { $0 + max(1, $1.end.ms - $1.start.ms) })
        var out: [Segment] = []
        var x = 0
        for (i, s) in spans.enumerated() {
            let remaining = usable - (x - i)
            let share =
                i == spans.count - 1
                ? remaining
                : max(1, Int((Double(max(1, s.end.ms - s.start.ms)) / Double(total) * Double(usable)).rounded()))
            let w = max(1, min(share, remaining - (spans.count - 1 - i)))
            out.append(Segment(date: s.date, start: s.start, end: s.end, x: x, width: w))
            x += w + 1
        }
        return out
    }

    /// `spans` in at most `limit` runs of consecutive dates, as even as can be; each run spans
    /// from its first date's start to its last date's end and is named by its first date.
    static func grouped(
        _ spans: [(date: String, start: Instant, end: Instant)], into limit: Int
    ) -> [(date: String, start: Instant, end: Instant)] {
        guard spans.count > limit else { return spans }
        var out: [(date: String, start: Instant, end: Instant)] = []
        for g in 0..<limit {
            let from = g * spans.count / limit, to = (g + 1) * spans.count / limit
            guard from < to else { continue }
            out.append((date: spans[from].date, start: spans[from].start, end: spans[to - 1].end))
        }
        return out
    }

    /// The column of instant `t` on a bar of `width` columns (times between days sit at the end
    /// of the day before).
    public func column(of t: Instant, segments: [Segment]) -> Int? {
        guard let first = segments.first else { return nil }
        if t <= first.start { return first.x }
        var pick = first
        for s in segments where s.start <= t { pick = s }
        let span = max(1, pick.end.ms - pick.start.ms)
        let f = Double(min(max(0, t.ms - pick.start.ms), span)) / Double(span)
        return pick.x + max(0, min(pick.width - 1, Int(f * Double(pick.width - 1) + 0.5)))
    }

    /// Draws the bar on row `y`.
    public func drawBar(into grid: inout Grid, y: Int) {
        let w = grid.width
        grid.fill(x: 0, y: y, width: w, height: 1, role: .normal)
        let segs = segments(width: w)
        guard !segs.isEmpty, let here = column(of: clock.position, segments: segs) else { return }
        // One mark per column, the strongest wins: position > day boundary > item start > silence.
        var marks = [(Character, Role)?](repeating: nil, count: w)
        for s in segs where s.x < w {
            for x in s.x..<min(w, s.x + s.width) { marks[x] = x < here ? ("━", .statusRunning) : ("─", .muted) }
        }
        // Where the shortened silences fall: computed once per width and speed (a long journal
        // has a silence between most of its events).
        let half = clock.idleLimitMs * Int64(max(1, clock.speed)) / 2
        let gapColumns = timeline.memo("gap columns \(w) \(half)") { () -> [Int] in
            var columns: [Int] = []
            for g in clock.compressedGaps(timeline) {
                // Only silences inside one day show on the bar (a night is already the day boundary).
                guard let x = column(of: Instant(ms: (g.from.ms + g.to.ms) / 2), segments: segs), x != columns.last,
                    segs.contains(where: { $0.start <= g.from && g.to <= $0.end })
                else { continue }
                columns.append(x)
            }
            return columns
        }
        for x in gapColumns { marks[x] = ("≈", .muted) }
        for t in timeline.itemStarts {
            if let x = column(of: t, segments: segs) { marks[x] = ("┬", .border) }
        }
        for s in segs.dropFirst() where s.x > 0 { marks[s.x - 1] = ("│", .title) }
        for (x, m) in marks.enumerated() {
            if let (c, role) = m { grid.put(x: x, y: y, character: c, role: role) }
        }
        grid.put(x: here, y: y, text: "●", role: .queueCurrent)
    }

    /// Draws the status row on row `y`.
    public func drawStatus(into grid: inout Grid, y: Int, state: SessionState) {
        let l = Labels(language)
        let w = grid.width
        grid.fill(x: 0, y: y, width: w, height: 1, role: .title)
        let atEnd = complete && !clock.playing && timeline.lastInstant.map { clock.position >= $0 } == true
        let mode = l[clock.playing ? .replayPlaying : atEnd ? .replayAtEnd : .replayPaused]
        let t = clock.position
        let lt = timeline.local
        let seconds = ((t.ms + Int64(lt.offset(at: t)) * 1000).floorDivided(by: 1000)) % 60
        var parts = ["\(mode) ×\(clock.speed)"]
        // The day under way, else the day held on this date.
        if let d = state.currentDay ?? timeline.dayIndex(of: t) { parts.append(l[.replayDay] + " \(d + 1)") }
        parts.append("\(lt.date(of: t)) \(lt.hhmm(t)):\(seconds < 10 ? "0" : "")\(seconds)")
        // While the rest is read, the count so far is not the total.
        parts.append(
            l[.replayEvent] + " \(state.lastSeq)/\(timeline.events.last?.seq ?? 0)"
                + (complete ? "" : "…"))
        if !clock.compressedGaps(timeline).isEmpty { parts.append(l[.replayGapsShortened]) }
        grid.put(x: 0, y: y, text: TextWidth.truncate(" " + parts.joined(separator: " · "), toWidth: w), role: .title)
    }
}

extension Int64 {
    fileprivate func floorDivided(by d: Int64) -> Int64 {
        let q = self / d
        return (self % d != 0 && (self < 0) != (d < 0)) ? q - 1 : q
    }
}
