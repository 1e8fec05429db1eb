import Foundation

/// The half days (demi-journées) a participant attended on one day, as per diem lists count
/// them: the morning when they were checked in before the day's lunch break began, the
/// afternoon when they were still there after it ended (not yet left, the day not yet over).
public struct HalfDays: Sendable, Equatable {
    /// Present before the lunch break (matin).
    public var morning: Bool
    /// Present after the lunch break (après-midi).
    public var afternoon: Bool

    /// Creates the half days.
    public init(morning: Bool, afternoon: Bool) { self.morning = morning; self.afternoon = afternoon }

    /// How many half days: 0, 1 or 2.
    public var count: Int { (morning ? 1 : 0) + (afternoon ? 1 : 0) }
}

extension SessionState {
    /// The clock time that splits a day without a lunch break item: 13:00, in minutes from midnight.
    public static let middayMinutes = 13 * 60

    /// The lunch break of day `d` as two instants (start, end): the day's longest break item
    /// planned to start between 11:00 and 15:00 (the first of equal ones), at its actual times
    /// once held (its projected end while under way), else at its planned times; without such an
    /// item, 13:00 on the day's date for both.
    public func lunchBreak(day d: Int, at now: Instant) -> (start: Instant, end: Instant) {
        let breaks = timings(day: d, at: now).filter {
            $0.item.kind == .break && (11 * 60..<15 * 60).contains($0.plannedStart)
        }
        if let t = breaks.max(by: { $0.item.duration < $1.item.duration }) {
            let longest = breaks.first { $0.item.duration == t.item.duration } ?? t
            let start = longest.actualStart ?? longest.plannedStartAt
            let end = longest.actualEnd ?? (longest.actualStart != nil ? longest.projectedEnd : longest.plannedEndAt)
            return (start, max(start, end))
        }
        let midday =
            local.instant(date: heldDate(day: d), minutes: Self.middayMinutes) ?? days[d].startedAt ?? Instant(ms: 0)
        return (midday, midday)
    }

    /// The half days `who` attended on day `d` at `now`, from their check-in and departure times
    /// (nil when they were not checked in that day). The afternoon counts once their departure,
    /// the day's end or `now` (whichever comes first) is after the lunch break.
    public func halfDays(of who: String, day d: Int, at now: Instant) -> HalfDays? {
        let key = days[d].date + "|" + who
        guard let arrived = checkInTimes[key] else { return nil }
        let lunch = lunchBreak(day: d, at: now)
        let gone = [departureTimes[key], days[d].endedAt, now].compactMap { $0 }.min() ?? now
        return HalfDays(morning: arrived < lunch.start, afternoon: gone > lunch.end)
    }
}
