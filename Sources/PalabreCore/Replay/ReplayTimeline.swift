import Foundation

/// The events of a journal laid out in time, for replay: the state at any instant, and the
/// instants worth jumping to (events, agenda items, days, search matches).
///
/// `state(at: t)` is exactly the state folded from the events with `at <= t` (several events
/// may share one instant: all of them are in). Jumps start from the nearest checkpoint, a copy
/// of the state taken every ``checkpointInterval`` events, so a jump anywhere folds at most that
/// many events.
///
///     let timeline = ReplayTimeline(programme: p, events: try journal.loadAll())
///     let s = timeline.state(at: timeline.firstInstant!.adding(seconds: 3600))
public final class ReplayTimeline: @unchecked Sendable {
    /// The programme the journal belongs to.
    public let programme: Programme
    /// Every event, in seq order (times never go backwards: after a clock set back, the events
    /// stamped before the last one are laid out at its time).
    public let events: [Event]
    /// Events folded between two checkpoints.
    public let checkpointInterval: Int
    /// `checkpoints[i]`: the state after the first `i * checkpointInterval` events.
    private let checkpoints: [SessionState]
    /// Instants of `itemStarted` events.
    public let itemStarts: [Instant]
    /// Instants of `dayStarted` events, with the date started.
    public let dayStarts: [(at: Instant, date: String)]
    /// The session's local time (for `hh:mm` and day boundaries).
    public let local: LocalTime
    /// The local dates holding events, each with its first and last event's instants.
    public let daySpans: [(date: String, start: Instant, end: Instant)]
    private let cacheLock = NSLock()
    private var gapCache: (halfMs: Int64, gaps: [(from: Instant, to: Instant)])?

    /// Lays out `events` (a journal read in full) for `programme`.
    ///
    /// `checkpointInterval` defaults to 2,000 events or a tenth of the journal, whichever is
    /// larger: a jump folds at most that many events (a few milliseconds per thousand), and the
    /// checkpoints hold at most about ten copies of the state.
    public init(programme: Programme, events: [Event], checkpointInterval: Int? = nil) {
        self.programme = programme
        var last = Instant(ms: Int64.min)
        self.events = events.map { e in
            var e = e
            e.at = max(e.at, last)
            last = e.at
            return e
        }
        self.checkpointInterval = max(1, checkpointInterval ?? max(2_000, events.count / 10))
        let local = LocalTime(identifier: programme.timeZone)
        self.local = local
        var cps: [SessionState] = []
        var s = SessionState(programme: programme)
        var items: [Instant] = []
        var days: [(Instant, String)] = []
        var spans: [(date: String, start: Instant, end: Instant)] = []
        var dayEnd = Instant(ms: Int64.min)
        for (i, e) in self.events.enumerated() {
            if i % self.checkpointInterval == 0 { cps.append(s) }
            s.evolve(e)
            if e.at < dayEnd, !spans.isEmpty {
                spans[spans.count - 1].end = e.at
            } else {
                let d = local.date(of: e.at)
                spans.append((d, e.at, e.at))
                dayEnd = local.instant(date: d, minutes: 24 * 60) ?? Instant(ms: Int64.max)
            }
            switch e.payload {
            case .itemStarted: items.append(e.at)
            case .dayStarted(let d, _): days.append((e.at, d))
            default: break
            }
        }
        if events.count % self.checkpointInterval == 0 { cps.append(s) }
        checkpoints = cps
        itemStarts = items
        dayStarts = days
        daySpans = spans
    }

    /// The silences a replay clock shortens when half its idle limit is `halfMs` meeting
    /// milliseconds (see ``ReplayClock``): meeting time skipped, from → to. Kept for the last
    /// `halfMs` asked.
    public func compressedGaps(halfMs: Int64) -> [(from: Instant, to: Instant)] {
        cacheLock.lock(); defer { cacheLock.unlock() }
        if let c = gapCache, c.halfMs == halfMs { return c.gaps }
        var out: [(from: Instant, to: Instant)] = []
        var prev: Instant?
        for e in events {
            if let p = prev, e.at.ms - p.ms > 2 * halfMs {
                out.append((Instant(ms: p.ms + halfMs), Instant(ms: e.at.ms - halfMs)))
            }
            prev = e.at
        }
        gapCache = (halfMs, out)
        return out
    }

    /// Instant of the first event (nil for an empty journal).
    public var firstInstant: Instant? { events.first?.at }
    /// Instant of the last event.
    public var lastInstant: Instant? { events.last?.at }

    // MARK: States

    /// How many events have `at <= t`.
    public func count(at t: Instant) -> Int {
        var lo = 0, hi = events.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if events[mid].at <= t { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The state after the first `n` events.
    public func state(afterCount n: Int) -> SessionState {
        let n = max(0, min(n, events.count))
        let k = n / checkpointInterval
        var s = checkpoints[min(k, checkpoints.count - 1)]
        var i = min(k, checkpoints.count - 1) * checkpointInterval
        while i < n { s.evolve(events[i]); i += 1 }
        return s
    }

    /// The state folded from every event with `at <= t`.
    public func state(at t: Instant) -> SessionState { state(afterCount: count(at: t)) }

    // MARK: Moving

    /// The instant of the first event strictly after `t`.
    public func nextEvent(after t: Instant) -> Instant? {
        let n = count(at: t)
        return n < events.count ? events[n].at : nil
    }

    /// The instant of the last event strictly before `t`.
    public func previousEvent(before t: Instant) -> Instant? {
        let n = count(at: Instant(ms: t.ms - 1))
        return n > 0 ? events[n - 1].at : nil
    }

    /// The instant of the last event at or before `t`.
    public func lastEvent(atOrBefore t: Instant) -> Instant? {
        let n = count(at: t)
        return n > 0 ? events[n - 1].at : nil
    }

    /// The start of the next agenda item strictly after `t`.
    public func nextItemStart(after t: Instant) -> Instant? { itemStarts.first { $0 > t } }
    /// The start of the last agenda item strictly before `t`.
    public func previousItemStart(before t: Instant) -> Instant? { itemStarts.last { $0 < t } }
    /// The start of the next day strictly after `t`.
    public func nextDayStart(after t: Instant) -> Instant? { dayStarts.first { $0.at > t }?.at }
    /// The start of the last day strictly before `t`.
    public func previousDayStart(before t: Instant) -> Instant? { dayStarts.last { $0.at < t }?.at }

    /// The instant of the first event after `t` (or, wrapping, from the start) recording or
    /// amending an entry whose text contains `text`, without regard to case or accents.
    /// Also matched: the addressee, the responsible and the conditions of the entry.
    /// `wrapped` tells whether the search went round to the start. Nil when nothing matches.
    public func search(_ text: String, after t: Instant?) -> (at: Instant, seq: Int, wrapped: Bool)? {
        let needle = Text.fold(text).trimmingCharacters(in: .whitespaces)
        guard !needle.isEmpty else { return nil }
        func hit(_ e: Event) -> Bool {
            switch e.payload {
            case .entryRecorded(_, let c):
                return [c.text, c.addressee, c.responsible, c.conditions].contains {
                    $0.map { Text.fold($0).contains(needle) } ?? false
                }
            case .entryAmended(_, let newText, _, _):
                return Text.fold(newText).contains(needle)
            default:
                return false
            }
        }
        let start = t.map { count(at: $0) } ?? 0
        if let i = events[start...].firstIndex(where: hit) { return (events[i].at, events[i].seq, false) }
        if let i = events[..<start].firstIndex(where: hit) { return (events[i].at, events[i].seq, true) }
        return nil
    }

    /// The instant of the last match strictly before `t`, wrapping to the end (see ``search(_:after:)``).
    public func searchBackward(_ text: String, before t: Instant) -> (at: Instant, seq: Int, wrapped: Bool)? {
        let needle = Text.fold(text).trimmingCharacters(in: .whitespaces)
        guard !needle.isEmpty else { return nil }
        let end = count(at: Instant(ms: t.ms - 1))
        func hit(_ e: Event) -> Bool {
            switch e.payload {
            case .entryRecorded(_, let c):
                return [c.text, c.addressee, c.responsible, c.conditions].contains {
                    $0.map { Text.fold($0).contains(needle) } ?? false
                }
            case .entryAmended(_, let newText, _, _): return Text.fold(newText).contains(needle)
            default: return false
            }
        }
        if let i = events[..<end].lastIndex(where: hit) { return (events[i].at, events[i].seq, false) }
        if let i = events[end...].lastIndex(where: hit) { return (events[i].at, events[i].seq, true) }
        return nil
    }

    // MARK: Moments

    /// The instant meant by `text` (``Values/instant(_:programme:defaultDate:position:)``):
    /// `hh:mm` on the day of `near`, `D hh:mm` on day D of the programme, `YYYY-MM-DD hh:mm`,
    /// RFC 3339, or `+1:30` / `-10m` from `near`. Throws the parser's ``Refusal``.
    public func instant(_ text: String, near: Instant?) throws(Refusal) -> Instant {
        try Values.instant(
            text, programme: programme, defaultDate: near.map { local.date(of: $0) }, position: near)
    }

    /// ``instant(_:near:)``, nil when unreadable.
    public func moment(_ text: String, near: Instant?) -> Instant? { try? instant(text, near: near) }

    /// The 0-based index, in the programme, of the day `t` falls on (by local date), if any.
    public func dayIndex(of t: Instant) -> Int? {
        let d = local.date(of: t)
        return programme.days.firstIndex { $0.date == d }
    }
}
