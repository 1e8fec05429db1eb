/// An agenda item placed on the clock of its day, as planned in the programme.
public struct ScheduledItem: Sendable, Equatable {
    /// The item.
    public var item: AgendaItem
    /// Planned start, in seconds after midnight local time.
    public var start: Int
    /// Planned end (start + duration), in seconds after midnight; may pass 24:00.
    public var end: Int
}

extension Day {
    /// The planned timetable of the day: an item with a planned start begins then, an item
    /// without one follows the previous item. A first item without a start (which the loader
    /// rejects) is placed at midnight.
    public var schedule: [ScheduledItem] {
        var result: [ScheduledItem] = []
        var clock = 0
        for item in items {
            let start = item.plannedStart.map { $0 * 60 } ?? clock
            let end = start + item.duration
            result.append(ScheduledItem(item: item, start: start, end: end))
            clock = end
        }
        return result
    }
}
