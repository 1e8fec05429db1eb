import Foundation

/// What a carry-over would do: the items of day `from` (index in ``SessionState/days``) not yet
/// treated, going to day `to`, after `after` (first of that day when nil).
public struct CarryOverPlan: Sendable, Equatable {
    /// Index of the day the items were planned on.
    public var from: Int
    /// Index of the day they go to.
    public var to: Int
    /// The item of day `to` they follow (nil: they open the day).
    public var after: String?
    /// Ids of the items carried, in their order.
    public var items: [String]
}

extension SessionState {
    /// The items of day `d` not yet treated, that a carry-over takes: still planned (neither
    /// started, held, nor skipped) and not fixed (a ceremony keeps its day).
    public func untreatedItems(day d: Int) -> [AgendaItem] {
        days[d].items.filter { run($0.id).status == .planned && !$0.fixed }
    }

    /// The carry-over of the day under way, or else of the last ended day, to the next day not
    /// ended; nil when there is no such day. The items go after the next day's last item
    /// already started, or when none has started after the fixed items that open it (a
    /// ceremony stays first).
    public func carryOverPlan() -> CarryOverPlan? {
        guard let from = currentDay ?? days.lastIndex(where: { $0.endedAt != nil }),
            let to = days.indices.first(where: { $0 > from && days[$0].endedAt == nil })
        else { return nil }
        let items = days[to].items
        let after =
            items.last { run($0.id).status != .planned }?.id ?? items.prefix { $0.fixed }.last?.id
        return CarryOverPlan(from: from, to: to, after: after, items: untreatedItems(day: from).map(\.id))
    }

    /// The fact that carries the untreated items over (``Command/carryOver``), or why not.
    func carryOver() throws(Refusal) -> EventPayload {
        guard let from = currentDay ?? days.lastIndex(where: { $0.endedAt != nil }) else { throw Self.noDay }
        guard let plan = carryOverPlan() else {
            throw Refusal(.noNextDay(date: days[from].date))
        }
        guard !plan.items.isEmpty else {
            throw Refusal(.nothingToCarry(date: days[from].date))
        }
        return .itemsCarriedOver(
            from: days[plan.from].date, to: days[plan.to].date, after: plan.after, items: plan.items)
    }

    /// Who was present on the previous day held (the last started before the day under way) and
    /// is not yet checked in today, in the order they were checked in then; nil without a day
    /// under way or a day held before it.
    public func presentYesterday() -> [String]? {
        guard let d = currentDay, let e = days[..<d].lastIndex(where: { $0.startedAt != nil }) else { return nil }
        let today = Set(attendance[days[d].date] ?? [])
        return (attendance[days[e].date] ?? []).filter { !today.contains($0) }
    }
}
