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
    private var checkpoints: [SessionState]
    /// Whether the states are folded without standing events (the journal holds no clock step).
    private let lean: Bool
    /// Indices of the `undone` events that take an event back.
    private let validUndos: Set<Int>
    /// Each undo that takes back an event of the journal, in order: its index and the event's.
    private let takeBacks: [(undo: Int, target: Int)]
    /// For each event taken back, the index of the undo that takes it back.
    private let undoneAtIndex: [Int: Int]
    /// Instants of `itemStarted` events.
    public let itemStarts: [Instant]
    /// Instants of `dayStarted` events, with the date started.
    public let dayStarts: [(at: Instant, date: String)]
    /// For each day of the programme that was started, the local date it was first started on
    /// (a day held on another date than planned: `palabre run --held`, or a long follow-up).
    public let heldOn: [String: String]
    /// The programme with each day on the date it was held: `2 10:30` is 10:30 on the day day 2
    /// was held.
    private let asHeld: Programme
    /// The session's local time (for `hh:mm` and day boundaries).
    public let local: LocalTime
    /// The local dates holding events, each with its first and last event's instants.
    public let daySpans: [(date: String, start: Instant, end: Instant)]
    private let cacheLock = NSLock()
    private var memos: [String: any Sendable] = [:]

    /// The value `make` gives, made once per `key` for this timeline (which never changes): what
    /// a frame would otherwise compute again from every event, such as where the shortened
    /// silences fall on a bar of some width. At most 32 kept.
    public func memo<T: Sendable>(_ key: String, _ make: () -> T) -> T {
        cacheLock.lock()
        if let v = memos[key] as? T {
            cacheLock.unlock()
            return v
        }
        cacheLock.unlock()
        let v = make()
        cacheLock.lock()
        if memos.count >= 32 { memos.removeAll() }
        memos[key] = v
        cacheLock.unlock()
        return v
    }

    /// Lays out `events` (a journal read in full) for `programme`.
    ///
    /// `checkpointInterval` defaults to 2,000 events or a tenth of the journal, whichever is
    /// larger: a jump folds at most that many events (a few milliseconds per thousand), and the
    /// checkpoints hold at most about ten copies of the state.
    ///
    /// The states keep no ``SessionState/standingEvents`` (a replay records nothing, so nothing
    /// is undone afterwards): an event taken back by an `undone` event is passed over from that
    /// undo on, as ``ReadingFold`` does, which gives the state a full fold reaches. A journal
    /// holding a clock step, whose fold moves every event before it, is folded in full.
    public init(programme: Programme, events: [Event], checkpointInterval: Int? = nil) {
        self.programme = programme
        // Changed in place, and only where a clock set back left an instant behind: no copy of a
        // million events otherwise.
        var laidOut = events
        var last = Instant(ms: Int64.min)
        for i in laidOut.indices {
            if laidOut[i].at < last { laidOut[i].at = last } else { last = laidOut[i].at }
        }
        self.events = laidOut
        self.checkpointInterval = max(1, checkpointInterval ?? max(2_000, events.count / 10))
        let local = LocalTime(identifier: programme.timeZone)
        self.local = local
        var items: [Instant] = []
        var days: [(Instant, String)] = []
        var spans: [(date: String, start: Instant, end: Instant)] = []
        var dayEnd = Instant(ms: Int64.min)
        var undos: [(index: Int, target: Int)] = []
        var clockStep = false
        for (i, e) in laidOut.enumerated() {
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
            case .undone(let target): undos.append((i, target))
            case .clockAdjusted: clockStep = true
            default: break
            }
        }
        itemStarts = items
        dayStarts = days
        daySpans = spans
        var held: [String: String] = [:]
        for (at, date) in days where held[date] == nil { held[date] = local.date(of: at) }
        heldOn = held
        var asHeld = programme
        for i in asHeld.days.indices { asHeld.days[i].date = held[asHeld.days[i].date] ?? asHeld.days[i].date }
        self.asHeld = asHeld
        lean = !clockStep
        // An undo counts as a full fold counts it (``ReadingFold``): when it names an earlier
        // event that still stands — neither an undo nor already taken back.
        let undoSeqs = Set(undos.map { laidOut[$0.index].seq })
        var takenBack: Set<Int> = []
        var valid: Set<Int> = []
        var crossing: [(undo: Int, target: Int)] = []
        var undoneAt: [Int: Int] = [:]
        for (u, target) in undos {
            let seq = laidOut[u].seq
            guard target >= 1, target < seq, !undoSeqs.contains(target), !takenBack.contains(target) else { continue }
            takenBack.insert(target)
            valid.insert(u)
            if let t = Self.index(ofSeq: target, in: laidOut, before: u) {
                crossing.append((u, t))
                undoneAt[t] = u
            }
        }
        validUndos = valid
        takeBacks = crossing
        undoneAtIndex = undoneAt
        checkpoints = []
        buildCheckpoints()
    }

    /// The index of the event with seq `seq` among `events[..<end]` (in seq order), if any.
    private static func index(ofSeq seq: Int, in events: [Event], before end: Int) -> Int? {
        var lo = 0, hi = end
        while lo < hi {
            let mid = (lo + hi) / 2
            if events[mid].seq < seq { lo = mid + 1 } else { hi = mid }
        }
        return lo < end && events[lo].seq == seq ? lo : nil
    }

    /// Folds the checkpoints: each from the one before, or from an earlier one when an undo
    /// between them takes back an event folded before.
    private func buildCheckpoints() {
        var s = SessionState(programme: programme)
        checkpoints = [s]
        var k = checkpointInterval
        while k <= events.count {
            if reachesBack(from: k - checkpointInterval, to: k) {
                s = state(afterCount: k)
            } else {
                foldRange(&s, from: k - checkpointInterval, to: k)
            }
            checkpoints.append(s)
            k += checkpointInterval
        }
    }

    /// Whether an undo among `events[from..<to]` takes back an event before `from` (which a
    /// state after `from` events has folded): the state after `to` events is then folded again
    /// from an earlier checkpoint. Never in a journal folded in full.
    private func reachesBack(from: Int, to: Int) -> Bool {
        guard lean, from < to else { return false }
        var lo = 0, hi = takeBacks.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if takeBacks[mid].undo < from { lo = mid + 1 } else { hi = mid }
        }
        while lo < takeBacks.count, takeBacks[lo].undo < to {
            if takeBacks[lo].target < from { return true }
            lo += 1
        }
        return false
    }

    /// Folds `events[from..<to]` into `s`, the state after `from` events (nothing an undo among
    /// them takes back was folded before `from`).
    private func foldRange(_ s: inout SessionState, from: Int, to: Int) {
        guard lean else {
            for i in from..<to { s.evolve(events[i]) }
            return
        }
        for i in from..<to {
            let e = events[i]
            if case .undone(let target) = e.payload {
                s.undoTargets[e.seq] = target
                if validUndos.contains(i) { s.undoneBy[target] = e.seq }
            } else if let u = undoneAtIndex[i], u < to {
                // Taken back within the range: never folded.
            } else {
                s.evolve(e)
                s.standingEvents.removeAll(keepingCapacity: true)
                continue
            }
            s.lastSeq = e.seq
            s.lastAt = e.at
        }
    }

    /// The silences a replay clock shortens when half its idle limit is `halfMs` meeting
    /// milliseconds (see ``ReplayClock``): meeting time skipped, from → to. Kept (``memo(_:_:)``).
    public func compressedGaps(halfMs: Int64) -> [(from: Instant, to: Instant)] {
        memo("gaps \(halfMs)") { () -> [(from: Instant, to: Instant)] in
            var out: [(from: Instant, to: Instant)] = []
            var prev: Instant?
            for e in events {
                if let p = prev, e.at.ms - p.ms > 2 * halfMs {
                    out.append((Instant(ms: p.ms + halfMs), Instant(ms: e.at.ms - halfMs)))
                }
                prev = e.at
            }
            return out
        }
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
        var k = min(n / checkpointInterval, checkpoints.count - 1)
        while k > 0, reachesBack(from: k * checkpointInterval, to: n) { k -= 1 }
        var s = checkpoints[k]
        foldRange(&s, from: k * checkpointInterval, to: n)
        return s
    }

    /// Brings `s`, the state after the first `from` events, to the state after the first `to`
    /// (`to >= from`): the events between are folded one by one, or, when an undo among them
    /// takes back an event folded before, the state is folded again from a checkpoint.
    public func advance(_ s: inout SessionState, from: Int, to: Int) {
        let to = min(to, events.count)
        guard to > from else { return }
        if reachesBack(from: from, to: to) { s = state(afterCount: to) } else { foldRange(&s, from: from, to: to) }
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
        guard let hit = Self.matcher(text) else { return nil }
        let start = t.map { count(at: $0) } ?? 0
        if let i = events[start...].firstIndex(where: hit) { return (events[i].at, events[i].seq, false) }
        if let i = events[..<start].firstIndex(where: hit) { return (events[i].at, events[i].seq, true) }
        return nil
    }

    /// The instant of the last match strictly before `t`, wrapping to the end (see ``search(_:after:)``).
    public func searchBackward(_ text: String, before t: Instant) -> (at: Instant, seq: Int, wrapped: Bool)? {
        guard let hit = Self.matcher(text) else { return nil }
        let end = count(at: Instant(ms: t.ms - 1))
        if let i = events[..<end].lastIndex(where: hit) { return (events[i].at, events[i].seq, false) }
        if let i = events[end...].lastIndex(where: hit) { return (events[i].at, events[i].seq, true) }
        return nil
    }

    /// Whether an event records or amends an entry matching `text` (``search(_:after:)``); nil
    /// for a text of spaces only. The folded texts are compared as UTF-8 bytes (``Journal``'s
    /// byte search), folded into one buffer reused from entry to entry.
    private static func matcher(_ text: String) -> ((Event) -> Bool)? {
        let needle = Journal.Needle(Array(Text.fold(text).trimmingCharacters(in: .whitespaces).utf8))
        guard !needle.bytes.isEmpty else { return nil }
        var folded: [UInt8] = []
        func holds(_ s: String?) -> Bool {
            guard let s else { return false }
            Text.foldUTF8(s, into: &folded)
            return needle.occurs(in: folded)
        }
        return { e in
            switch e.payload {
            case .entryRecorded(_, let c):
                return holds(c.text) || holds(c.addressee) || holds(c.responsible) || holds(c.conditions)
            case .entryAmended(_, let newText, _, _):
                return holds(newText)
            default:
                return false
            }
        }
    }

    // MARK: Moments

    /// The instant meant by `text` (``Values/instant(_:programme:defaultDate:position:)``):
    /// `hh:mm` on the day of `near`, `D hh:mm` on day D of the programme, `YYYY-MM-DD hh:mm`,
    /// RFC 3339, or `+1:30` / `-10m` from `near`. Throws the parser's ``Refusal``.
    public func instant(_ text: String, near: Instant?) throws(Refusal) -> Instant {
        try Values.instant(text, programme: asHeld, defaultDate: near.map { local.date(of: $0) }, position: near)
    }

    /// ``instant(_:near:)``, nil when unreadable.
    public func moment(_ text: String, near: Instant?) -> Instant? { try? instant(text, near: near) }

    /// The 0-based index, in the programme, of the day `t` falls on (by the local date each day
    /// was held on, else planned for), if any.
    public func dayIndex(of t: Instant) -> Int? {
        let d = local.date(of: t)
        return asHeld.days.firstIndex { $0.date == d }
    }
}
