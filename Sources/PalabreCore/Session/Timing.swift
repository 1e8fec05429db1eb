import Foundation

/// Planned, actual and projected times of one agenda item, as minutes and instants.
public struct ItemTiming: Sendable, Equatable {
    /// The item.
    public var item: AgendaItem
    /// Its status.
    public var status: ItemStatus
    /// Planned start, local clock minutes counted from midnight of the day's date (may pass 1440
    /// for an item after midnight).
    public var plannedStart: Int
    /// Planned end, local clock minutes counted from midnight of the day's date: the clock time
    /// of ``plannedEndAt`` (a change of offset during the item shows in it).
    public var plannedEnd: Int
    /// Planned start as an instant: the clock time of the programme on the day's date in the
    /// programme's time zone, or the planned end of the previous item.
    public var plannedStartAt: Instant
    /// Planned end as an instant: ``plannedStartAt`` plus the planned duration, in elapsed time.
    public var plannedEndAt: Instant
    /// Whether the item keeps its planned start when the day is re-planned: it has a planned
    /// `start` in the programme (still on its day, not moved) or is `fixed`. It is never
    /// projected before ``plannedStartAt``.
    public var anchored: Bool
    /// Actual start, if started.
    public var actualStart: Instant?
    /// Actual end, if ended.
    public var actualEnd: Instant?
    /// Projected start: the actual start once started, else where the schedule now puts it.
    public var projectedStart: Instant
    /// Projected end. For an item held across the end of its day (paused overnight, resumed the
    /// next day), the time paused after its day ended is taken out: the night is neither its
    /// elapsed time nor its day's drift.
    public var projectedEnd: Instant
}

/// The planned place of an item on the clock of its day.
public struct PlannedTime: Sendable, Equatable {
    /// Planned start.
    public var start: Instant
    /// Planned end: the start plus the planned duration.
    public var end: Instant
    /// Whether the start is a clock time that holds when the day is re-planned (``ItemTiming/anchored``).
    public var anchored: Bool
}

/// Timers and schedule of a session, computed from event timestamps only.
///
/// Elapsed time of an item is the time since its start minus its pauses, so a sleeping laptop
/// or an overnight pause between two days is counted right.
extension SessionState {
    /// Local time helpers for the programme's time zone.
    public var local: LocalTime { LocalTime(identifier: programme.timeZone) }

    /// Time-box of an item in seconds: planned duration plus extensions.
    public func timeBox(_ id: String) -> Int {
        (item(id)?.item.duration ?? 0) + run(id).extendedBy
    }

    /// Seconds elapsed on item `id` at `now` (pauses excluded).
    public func elapsed(_ id: String, at now: Instant) -> Int { Int(run(id).elapsedMs(at: now) / 1000) }

    /// Seconds left on item `id` at `now`; negative when over time.
    public func remaining(_ id: String, at now: Instant) -> Int {
        let ms = Int64(timeBox(id)) * 1000 - run(id).elapsedMs(at: now)
        return Int(ms >= 0 ? (ms + 999) / 1000 : -((-ms) / 1000))
    }

    /// Milliseconds of speech in `turn` at `now`, excluding the pauses of its item.
    public func speakingMs(_ turn: SpeakingTurn, at now: Instant) -> Int64 {
        let end = turn.interval.end ?? now
        var ms = end.ms - turn.interval.start.ms
        for p in run(turn.item).pauses {
            let s = max(p.start.ms, turn.interval.start.ms), e = min((p.end ?? end).ms, end.ms)
            if e > s { ms -= e - s }
        }
        return max(0, ms)
    }

    /// Seconds the current speaker has spoken at `now` (0 without a speaker).
    public func currentSpeakerElapsed(at now: Instant) -> Int {
        currentTurn.map { Int(speakingMs($0, at: now) / 1000) } ?? 0
    }

    /// Planned starts of a day's items, local clock minutes from midnight of the day's date
    /// (``plannedTimes(day:)`` read on the clock).
    public func plannedStarts(day d: Int) -> [Int] {
        let date = clockDate(day: d)
        return plannedTimes(day: d).map { local.minutes(of: $0.start, fromMidnightOf: date) }
    }

    /// Planned starts and ends of a day's items as instants. An item still on the day the
    /// programme put it keeps its published start (its `start`, or the end of the item before it
    /// in the programme); an item inserted or moved (to another day or within its day) follows
    /// the previous one. Clock times are
    /// read on the day's date in the programme's time zone with the offset of that date and time
    /// (tz database), and an item lasts its duration in elapsed time: an item planned at 23:30
    /// for 4 h on the night summer time begins ends at 04:30 summer time, not 03:30.
    public func plannedTimes(day d: Int) -> [PlannedTime] {
        let lt = local
        let date = clockDate(day: d)
        let midnight = lt.instant(date: date, minutes: 0) ?? Instant(ms: 0)
        var published: [String: (start: Instant, explicit: Bool)] = [:]
        if d < programme.days.count && programme.days[d].date == days[d].date {
            var clock: Instant?
            for it in programme.days[d].items {
                let start = it.plannedStart.flatMap { lt.instant(date: date, minutes: $0) } ?? clock ?? midnight
                if published[it.id] == nil { published[it.id] = (start, it.plannedStart != nil) }
                clock = start.adding(seconds: it.duration)
            }
        }
        var out: [PlannedTime] = []
        // An item inserted or moved before the first one is planned when the day was to begin.
        let dayStart =
            programme.days.indices.contains(d) ? programme.days[d].items.first.flatMap { published[$0.id]?.start } : nil
        var cursor = dayStart ?? lt.instant(date: date, minutes: 8 * 60 + 30) ?? midnight
        for it in days[d].items {
            // Moved or inserted during the meeting: it follows the item before it.
            let replaced = movedItems.contains(it.id) || insertedItems.contains(it.id)
            let kept = replaced ? nil : published[it.id]
            let own = replaced ? nil : it.plannedStart.flatMap { lt.instant(date: date, minutes: $0) }
            let start = kept?.start ?? own ?? cursor
            let end = start.adding(seconds: it.duration)
            out.append(PlannedTime(start: start, end: end, anchored: kept.map { $0.explicit || it.fixed } ?? false))
            cursor = end
        }
        return out
    }

    /// The date of day `d`, the one rule for every screen and document: once started, the date
    /// it was really held on (a postponed meeting, a rehearsal); while it is ahead, the
    /// programme's date shifted by the delay of the last day held before it (programme 17, 18,
    /// 19 October, day 1 held on the 18th: day 2 is expected on the 19th, day 3 on the 20th),
    /// never a date a held day or an earlier day ahead already has. Clock times of the day refer
    /// to this date.
    public func heldDate(day d: Int) -> String {
        if let s = days[d].startedAt { return local.date(of: s) }
        return heldDates()[d]
    }

    /// ``heldDate(day:)`` of every day, in programme order.
    public func heldDates() -> [String] {
        func dayCount(_ date: String) -> Int? {
            let p = date.split(separator: "-").compactMap { Int($0) }
            return p.count == 3 ? RFC3339.days(fromCivil: p[0], p[1], p[2]) : nil
        }
        func text(_ n: Int) -> String {
            let (y, m, d) = RFC3339.civil(fromDays: n)
            return RFC3339.pad(y, 4) + "-" + RFC3339.pad(m, 2) + "-" + RFC3339.pad(d, 2)
        }
        var used = Set(days.compactMap { $0.startedAt.map { local.date(of: $0) } })
        var out: [String] = []
        var delay = 0
        for day in days {
            if let s = day.startedAt {
                let held = local.date(of: s)
                out.append(held)
                if let a = dayCount(day.date), let b = dayCount(held) { delay = max(0, b - a) }
                continue
            }
            guard var n = dayCount(day.date) else {
                out.append(day.date)
                continue
            }
            n += delay
            while used.contains(text(n)) { n += 1 }
            used.insert(text(n))
            out.append(text(n))
        }
        return out
    }

    /// The calendar date the clock times of day `d` refer to: ``heldDate(day:)``.
    public func clockDate(day d: Int) -> String { heldDate(day: d) }

    /// The programme's date of day `d` when the day was held on another date (« reporté du 17 au
    /// 18 octobre »); nil when it was held as planned or is still ahead.
    public func plannedDateIfMoved(day d: Int) -> String? {
        days[d].startedAt != nil && heldDate(day: d) != days[d].date ? days[d].date : nil
    }

    /// The first and last dates of the meeting by ``heldDate(day:)``, in calendar order (a day held
    /// early or late never gives a range that runs backwards); nil without days.
    public var heldDateRange: (first: String, last: String)? {
        let dates = heldDates()
        guard let first = dates.min(), let last = dates.max() else { return nil }
        return (first, last)
    }

    /// The date `held` of the day whose programme date is `date` (attendance and timing rows keyed
    /// by the programme's date); `date` itself when no such day exists.
    public func heldDate(ofProgrammeDate date: String) -> String {
        days.firstIndex { $0.date == date }.map { heldDate(day: $0) } ?? date
    }

    /// Planned, actual and projected times of every item of day `d` at `now`.
    ///
    /// Re-planning rule: items not yet started follow one another from the projected end of the
    /// previous one (never earlier than `now` on the day under way); an anchored item (a planned
    /// `start` or `fixed`) never starts before its planned time, and the items after it follow
    /// it: time gained before it is slack, not advance. On the day under way, an item of an
    /// earlier day still running or paused (resumed the next morning) comes first.
    public func timings(day d: Int, at now: Instant) -> [ItemTiming] {
        let planned = plannedTimes(day: d)
        let lt = local
        let date = clockDate(day: d)
        let isToday = currentDay == d
        // Whatever is still ahead happens after what has been done or is under way, even when
        // items were taken out of order: the flow starts from the latest end among them.
        func heldEnd(_ id: String) -> Instant? {
            let r = run(id)
            switch r.status {
            case .done: return r.endedAt?.adding(seconds: -overnightSeconds(id, day: d, at: now))
            case .running, .paused:
                return now.adding(seconds: max(0, remaining(id, at: now)) - overnightSeconds(id, day: d, at: now))
            default: return nil
            }
        }
        var cursor: Instant? = days[d].items.compactMap { heldEnd($0.id) }.max()
        if isToday, let carried = currentItem, let c = item(carried), c.day != d {
            let end = now.adding(seconds: max(0, remaining(carried, at: now)))
            cursor = max(cursor ?? end, end)
        }
        var out: [ItemTiming] = []
        for (i, it) in days[d].items.enumerated() {
            let r = run(it.id)
            let p = planned[i]
            let plannedAt = p.start
            var t = ItemTiming(
                item: it, status: r.status, plannedStart: lt.minutes(of: p.start, fromMidnightOf: date),
                plannedEnd: lt.minutes(of: p.end, fromMidnightOf: date), plannedStartAt: p.start,
                plannedEndAt: p.end, anchored: p.anchored, actualStart: r.startedAt,
                actualEnd: r.endedAt, projectedStart: plannedAt, projectedEnd: plannedAt)
            switch r.status {
            case .done:
                t.projectedStart = r.startedAt ?? plannedAt
                t.projectedEnd = heldEnd(it.id) ?? t.projectedStart
            case .skipped:
                t.projectedStart = r.endedAt ?? plannedAt
                t.projectedEnd = t.projectedStart
            case .running, .paused:
                t.projectedStart = r.startedAt ?? now
                t.projectedEnd = heldEnd(it.id) ?? now
            case .planned:
                var start = cursor ?? plannedAt
                if isToday && start < now { start = now }
                if p.anchored && start < plannedAt { start = plannedAt }
                if cursor == nil && !isToday { start = plannedAt }
                t.projectedStart = start
                t.projectedEnd = start.adding(seconds: timeBox(it.id))
                cursor = t.projectedEnd
            }
            out.append(t)
        }
        return out
    }

    /// Seconds item `id` of day `d` was paused after its day ended (overnight, until resumed on a
    /// later day), at `now`: counted neither in its elapsed time nor in its day's drift.
    public func overnightSeconds(_ id: String, day d: Int, at now: Instant) -> Int {
        guard let dayEnd = days[d].endedAt else { return 0 }
        let ms = run(id).pauses.reduce(Int64(0)) { sum, p in
            let s = max(p.start.ms, dayEnd.ms), e = (p.end ?? now).ms
            return sum + max(0, e - s)
        }
        return Int(ms / 1000)
    }

    /// Drift of day `d` at `now` in minutes, rounded to the nearest as the documents round every
    /// figure: projected end of the day minus planned end (positive: late). The consoles and the
    /// minutes both show this one figure.
    public func drift(day d: Int, at now: Instant) -> Int {
        let t = timings(day: d, at: now)
        guard let last = lastPublished(t), let end = t.map(\.projectedEnd).max() else { return 0 }
        return Int((end.ms - last.plannedEndAt.ms + 30_000).floorDiv(60_000))
    }

    /// Whether item `id` keeps the start the programme published: neither inserted during the
    /// meeting nor moved (to another day or within its day). The planned time of the others only
    /// follows the item before them: screens and documents show none for them.
    public func hasPublishedStart(_ id: String) -> Bool {
        !insertedItems.contains(id) && !movedItems.contains(id)
    }

    /// Of a day's `timings`, the last item keeping its published start, whose planned end is the
    /// day's published end (the last item when none keeps it): an item inserted at the end of
    /// the day makes the day late, it does not move its announced end.
    public func lastPublished(_ timings: [ItemTiming]) -> ItemTiming? {
        timings.last { hasPublishedStart($0.item.id) } ?? timings.last
    }

    /// The next planned item of the day under way (or of the next day not yet ended), if any.
    public var nextPlannedItem: AgendaItem? {
        let d = currentDay ?? days.firstIndex { $0.endedAt == nil } ?? 0
        guard d < days.count else { return nil }
        return days[d].items.first { run($0.id).status == .planned }
    }
}
