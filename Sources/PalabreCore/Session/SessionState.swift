import Foundation

/// Where an agenda item stands.
public enum ItemStatus: String, Sendable, Equatable, Codable {
    case planned, running, paused, done, skipped
}

/// A closed or open interval of time; `end` is nil while it lasts.
public struct Interval: Sendable, Equatable, Codable {
    public var start: Instant
    public var end: Instant?
    /// Seconds this interval covers up to `now` (ms precision, rounded down).
    public func durationMs(until now: Instant) -> Int64 { max(0, (end ?? now).ms - start.ms) }
}

/// What happened to one agenda item so far.
public struct ItemRun: Sendable, Equatable {
    /// Status.
    public var status: ItemStatus = .planned
    /// When it started (first start).
    public var startedAt: Instant?
    /// When it ended (or was skipped).
    public var endedAt: Instant?
    /// Pauses, in order; the last may be open.
    public var pauses: [Interval] = []
    /// Extensions granted, seconds in total.
    public var extendedBy: Int = 0
    /// Per-speaker limit set during the item (overrides the programme's), seconds; `.some(nil)` clears it.
    public var speakingLimitOverride: Int?? = nil

    /// Milliseconds the item has been running at `now`: time since start minus pauses.
    public func elapsedMs(at now: Instant) -> Int64 {
        guard let s = startedAt else { return 0 }
        let end = endedAt ?? now
        let paused = pauses.reduce(Int64(0)) { $0 + max(0, min($1.end ?? end, end).ms - $1.start.ms) }
        return max(0, end.ms - s.ms - paused)
    }
}

/// A request for the floor waiting in the speakers queue.
public struct FloorRequest: Sendable, Equatable, Codable {
    /// Participant or organisation id.
    public var who: String
    /// A point of order goes ahead of ordinary requests.
    public var pointOfOrder: Bool
    /// Seq of the event that recorded the request (order among equals).
    public var seq: Int
    /// When it was requested.
    public var at: Instant
}

/// One turn of speech.
///
/// Kept in 56 bytes (a long meeting holds hundreds of thousands): the end and the limit are
/// stored without an optional's extra byte, a sentinel standing for nil. Its JSON is that of its
/// public fields (`item`, `who`, `interval`, `limit`, `pointOfOrder`, `endedWithItem`).
public struct SpeakingTurn: Sendable, Equatable, Codable {
    /// Agenda item id.
    public var item: String
    /// Participant or organisation id.
    public var who: String
    /// Start and end of the turn.
    public var interval: Interval {
        get { Interval(start: start, end: endMs == Self.none ? nil : Instant(ms: endMs)) }
        set {
            start = newValue.start
            endMs = newValue.end?.ms ?? Self.none
        }
    }
    /// Limit in seconds, if any.
    public var limit: Int? {
        get { limitSeconds == Int32.min ? nil : Int(limitSeconds) }
        set { limitSeconds = newValue.map { Int32(clamping: $0) } ?? Int32.min }
    }
    // Stored in this order: 16 + 16 + 8 + 8 + 4 + 1 + 1 bytes.
    private var start: Instant
    /// The end in milliseconds, ``none`` while the turn lasts.
    private var endMs: Int64
    /// The limit in seconds, `Int32.min` when there is none.
    private var limitSeconds: Int32
    /// Whether the speaker came through a point of order.
    public var pointOfOrder: Bool
    /// Whether the turn was closed by the end of its item (or its skipping) rather than by the
    /// floor given to someone else or yielded: the journal does not say when the speaker stopped,
    /// so its end is the item's, an upper bound.
    public var endedWithItem: Bool = false

    private static let none = Int64.min

    /// A turn of `who` on `item` over `interval`.
    public init(
        item: String, who: String, interval: Interval, limit: Int?, pointOfOrder: Bool, endedWithItem: Bool = false
    ) {
        self.item = item
        self.who = who
        self.pointOfOrder = pointOfOrder
        self.endedWithItem = endedWithItem
        start = interval.start
        endMs = interval.end?.ms ?? Self.none
        limitSeconds = limit.map { Int32(clamping: $0) } ?? Int32.min
    }

    enum CodingKeys: String, CodingKey {
        case item, who, interval, limit, pointOfOrder, endedWithItem
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            item: c.decode(String.self, forKey: .item), who: c.decode(String.self, forKey: .who),
            interval: c.decode(Interval.self, forKey: .interval), limit: c.decodeIfPresent(Int.self, forKey: .limit),
            pointOfOrder: c.decode(Bool.self, forKey: .pointOfOrder),
            endedWithItem: c.decodeIfPresent(Bool.self, forKey: .endedWithItem) ?? false)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(item, forKey: .item)
        try c.encode(who, forKey: .who)
        try c.encode(interval, forKey: .interval)
        try c.encodeIfPresent(limit, forKey: .limit)
        try c.encode(pointOfOrder, forKey: .pointOfOrder)
        try c.encode(endedWithItem, forKey: .endedWithItem)
    }
}

/// A minute entry as it stands: content (latest text), history of amendments, retraction, adoption.
public struct Entry: Sendable, Equatable, Identifiable {
    /// Seq of the `entryRecorded` event.
    public var id: Int
    /// Agenda item it belongs to (nil: outside the agenda).
    public var item: String?
    /// Day (`YYYY-MM-DD`) it was recorded on.
    public var day: String?
    /// When it was recorded.
    public var at: Instant
    /// Seat that recorded it.
    public var seat: String
    /// Latest content.
    public var content: EntryContent
    /// Previous texts with the reason of each amendment, oldest first; `content` is the whole
    /// previous version (fields included), so the history keeps every version.
    public var amendments: [(previous: String, reason: String, seq: Int, at: Instant, content: EntryContent)] {
        get { later?.amendments ?? [] }
        set { change { $0.amendments = newValue } }
    }
    /// Retraction reason, when retracted (the entry is kept but leaves the documents).
    public var retracted: String? {
        get { later?.retracted }
        set { change { $0.retracted = newValue } }
    }
    /// When it was read and adopted.
    public var adoptedAt: Instant? {
        get { later?.adoptedAt }
        set { change { $0.adoptedAt = newValue } }
    }
    /// Commitment: changes of status after it was recorded, oldest first.
    public var statusChanges: [CommitmentStatusChange] {
        get { later?.statusChanges ?? [] }
        set { change { $0.statusChanges = newValue } }
    }
    /// Commitment: its withdrawal, if the partner took it back (kept in the history, out of the totals).
    public var withdrawal: CommitmentWithdrawal? {
        get { later?.withdrawal }
        set { change { $0.withdrawal = newValue } }
    }

    /// What happened to the entry after it was recorded.
    struct Later: Sendable, Equatable {
        var amendments: [(previous: String, reason: String, seq: Int, at: Instant, content: EntryContent)] = []
        var retracted: String?
        var adoptedAt: Instant?
        var statusChanges: [CommitmentStatusChange] = []
        var withdrawal: CommitmentWithdrawal?

        static func == (a: Later, b: Later) -> Bool {
            a.retracted == b.retracted && a.adoptedAt == b.adoptedAt && a.statusChanges == b.statusChanges
                && a.withdrawal == b.withdrawal && a.amendments.count == b.amendments.count
                && zip(a.amendments, b.amendments).allSatisfy {
                    $0.previous == $1.previous && $0.reason == $1.reason && $0.seq == $1.seq && $0.at == $1.at
                        && $0.content == $1.content
                }
        }
    }

    /// What happened later, on the heap and only when something did: one reference in an entry
    /// nothing happened to (most of a long journal's), instead of some 90 bytes.
    private var boxed = HeapBox(Later(), empty: Later())

    private var later: Later? { boxed.value }

    private mutating func change(_ body: (inout Later) -> Void) { boxed.change(empty: Later(), body) }

    /// An entry as it is recorded, nothing done to it yet.
    public init(id: Int, item: String?, day: String?, at: Instant, seat: String, content: EntryContent) {
        self.id = id
        self.item = item
        self.day = day
        self.at = at
        self.seat = seat
        self.content = content
    }

    /// Version of the text: the seq of the last amendment, or the entry's own seq.
    public var version: Int { amendments.last?.seq ?? id }

    public static func == (a: Entry, b: Entry) -> Bool {
        a.id == b.id && a.item == b.item && a.day == b.day && a.at == b.at && a.seat == b.seat
            && a.content == b.content && a.boxed == b.boxed
    }
}

/// A commitment's move from one status to another.
public struct CommitmentStatusChange: Sendable, Equatable {
    public var seq: Int
    public var at: Instant
    public var seat: String
    public var previous: CommitmentStatus?
    public var status: CommitmentStatus
}

/// A commitment withdrawn by its partner.
public struct CommitmentWithdrawal: Sendable, Equatable {
    public var seq: Int
    public var at: Instant
    public var seat: String
    public var reason: String
}

/// A fact of the synergy debates on one fiche: a partner's interest, or partners marked as
/// acting together (with their lead).
public struct SynergyFact: Sendable, Equatable, Codable {
    public enum Kind: Sendable, Equatable, Codable {
        case interest(partner: String)
        case synergy(partners: [String], lead: String?)
    }
    public var seq: Int
    public var at: Instant
    public var seat: String
    public var fiche: String
    public var kind: Kind
}

/// The agenda of one day as it stands (items may be inserted, moved or skipped).
public struct DayAgenda: Sendable, Equatable, Codable {
    /// `YYYY-MM-DD`.
    public var date: String
    /// Title from the programme.
    public var title: String?
    /// Items in current order.
    public var items: [AgendaItem]
    /// When the day was started and ended.
    public var startedAt: Instant?
    public var endedAt: Instant?
}

/// A step of the system clock, as recorded by a live seat.
public struct ClockAdjustment: Sendable, Equatable, Codable {
    /// Seq of the `clockAdjusted` event.
    public var seq: Int
    /// When it was seen, on the wall clock after the step.
    public var at: Instant
    /// How far the wall clock moved beyond the elapsed time, seconds (positive: forward).
    public var seconds: Int
}

/// The whole state of a session, folded from its journal by ``SessionState/evolve(_:)``.
///
/// Nothing else is state: screens and documents are projections of this value.
public struct SessionState: Sendable, Equatable {
    /// The programme the session runs.
    public let programme: Programme
    /// Seq of the last event folded (0 before any).
    public var lastSeq: Int = 0
    /// Timestamp of the last event folded.
    public var lastAt: Instant?
    /// When the session was opened and closed.
    public var openedAt: Instant?
    public var closedAt: Instant?
    /// Days with their current agenda.
    public var days: [DayAgenda]
    /// Index in ``days`` of the day under way (started, not ended), if any.
    public var currentDay: Int?
    /// Id of the item running or paused, if any.
    public var currentItem: String?
    /// What happened to each item, by id.
    public var runs: [String: ItemRun] = [:]
    /// The speakers queue of the current item, in speaking order.
    public var queue: [FloorRequest] = []
    /// Ids of the items inserted during the meeting (not in the programme: no planned time).
    public var insertedItems: Set<String> = []
    /// For each item moved to another day, the date of the day it was planned on.
    public var movedFrom: [String: String] = [:]
    /// Ids of the items moved during the meeting, to another day or within their day (inserted
    /// ones apart): their published start no longer says when they were planned.
    public var movedItems: Set<String> = []
    /// Requests for the floor still waiting when their item ended or was skipped, by item id.
    public var unheard: [String: [FloorRequest]] = [:]
    /// The turn under way, if any.
    public var currentTurn: SpeakingTurn?
    /// Every finished turn, in order.
    public var turns: ChunkedArray<SpeakingTurn> = []
    /// Minute entries by id (seq), in order of recording.
    public var entries: ChunkedArray<Entry> = []

    /// Indices in ``entries`` of the entries of each agenda item, in order of recording.
    public var entryIndicesByItem: [String: [Int]] = [:]
    /// Indices in ``entries`` of the entries recorded outside any agenda item.
    public var entryIndicesOutsideAgenda: [Int] = []
    /// Participants: the programme's plus walk-ins.
    public var participants: [Participant]
    /// Participant ids checked in, per day, in order of arrival.
    public var attendance: [String: [String]] = [:]
    /// When each participant was checked in, keyed by "day|participant".
    public var checkInTimes: [String: Instant] = [:]
    /// When each participant left, keyed by "day|participant" like ``checkInTimes``: only those
    /// who were checked in that day and whose departure was recorded.
    public var departureTimes: [String: Instant] = [:]
    /// Events naming what the programme no longer has (the first 20): programme.yaml was edited
    /// during the meeting. Screens and documents then miss what those events say.
    public var mismatches: [ReferenceMismatch] = []
    /// Interests declared and synergies marked, in order of recording.
    public var synergyFacts: [SynergyFact] = []
    /// What happened after the close: commitments, actions and fiches followed up.
    public var followUp = FollowUp()
    /// Open entries of earlier sessions reviewed in this meeting, in order.
    public var reviews: [PreviousReview] = []
    /// The events folded that still stand — neither undone nor an undo —, in seq order: what an
    /// undo folds again without the event it takes back.
    public internal(set) var standingEvents: [Event] = []
    /// For each undone event, the seq of the `undone` event that took it back.
    public internal(set) var undoneBy: [Int: Int] = [:]
    /// For each `undone` event, the seq of the event it took back.
    public internal(set) var undoTargets: [Int: Int] = [:]
    /// Steps of the system clock recorded (`clockAdjusted`), in order.
    public internal(set) var clockAdjustments: [ClockAdjustment] = []
    /// Set by ``forDeciding()``: the entries, turns and standing events were left out.
    var recordsLeftOut = false

    /// The state before any event.
    public init(programme: Programme) {
        self.programme = programme
        self.participants = programme.participants
        self.days = programme.days.map { DayAgenda(date: $0.date, title: $0.title, items: $0.items) }
    }

    /// The item with this id and the index of its day, if any.
    public func item(_ id: String) -> (item: AgendaItem, day: Int)? {
        for (d, day) in days.enumerated() { if let i = day.items.first(where: { $0.id == id }) { return (i, d) } }
        return nil
    }

    /// The run of an item (planned when nothing happened yet).
    public func run(_ id: String) -> ItemRun { runs[id] ?? ItemRun() }

    /// The entries of agenda item `item` (nil: outside the agenda), in order of recording,
    /// without scanning every entry.
    public func entries(of item: String?) -> [Entry] {
        (item.map { entryIndicesByItem[$0] ?? [] } ?? entryIndicesOutsideAgenda).map { entries[$0] }
    }

    /// Indices in ``entries`` of the entries recorded outside the agenda at or after `since`
    /// (entries are in time order, so this is a binary search).
    public func entryIndicesOutsideAgenda(since: Instant) -> ArraySlice<Int> {
        let list = entryIndicesOutsideAgenda
        var lo = 0, hi = list.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if entries[list[mid]].at < since { lo = mid + 1 } else { hi = mid }
        }
        return list[lo...]
    }

    /// The entry recorded by event `seq`.
    public func entry(_ seq: Int) -> Entry? { entryIndex(of: seq).map { entries[$0] } }

    /// The index in ``entries`` of the entry recorded by event `id`: a binary search, the entries
    /// being in seq order (no index to keep beside them, whose copies a replay's checkpoints
    /// would each pay for).
    public func entryIndex(of id: Int) -> Int? {
        var lo = 0, hi = entries.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if entries[mid].id < id { lo = mid + 1 } else { hi = mid }
        }
        return lo < entries.count && entries[lo].id == id ? lo : nil
    }

    /// `id`, sharing the storage of the item under way when it names it: the entries and turns
    /// of a long item hold one string, not one each.
    private func shared(_ id: String) -> String {
        if let c = currentItem, c == id { return c }
        return id
    }

    /// The participant with this id (programme or walk-in).
    public func participant(_ id: String) -> Participant? { participants.first { $0.id == id } }

    /// Display name of a speaker or presenter id: the participant's function (with the
    /// organisation acronym), the organisation's acronym, the commune's name; the id itself otherwise.
    public func displayName(_ id: String) -> String {
        if let p = participant(id) { return p.function }
        if let o = programme.organisation(id) { return o.acronym }
        if let c = programme.commune(id) { return c.name }
        return id
    }

    /// The organisation id (organisation or commune) a speaker belongs to.
    public func organisationId(of who: String) -> String? {
        if let p = participant(who) { return p.organisation ?? p.commune }
        if programme.organisation(who) != nil || programme.commune(who) != nil { return who }
        return nil
    }

    /// The speaking-time limit in force for `item`, seconds.
    public func speakingLimit(for itemId: String) -> Int? {
        if let o = run(itemId).speakingLimitOverride { return o }
        return item(itemId)?.item.speakingLimit
    }
}

extension SessionState {
    /// Folds one event into the state. Pure and total: an event that does not fit the state
    /// (which `decide` never produces) changes nothing it cannot apply.
    public mutating func evolve(_ e: Event) {
        if case .undone(let target) = e.payload { compensate(target, by: e); return }
        if case .clockAdjusted(let seconds) = e.payload { adjustClock(seconds, by: e); return }
        standingEvents.append(e)
        lastSeq = e.seq
        lastAt = e.at
        let now = e.at
        checkReferences(e)
        switch e.payload {
        case .sessionOpened:
            openedAt = openedAt ?? now
        case .sessionClosed:
            closedAt = now
        case .dayStarted(let date, _):
            if let d = days.firstIndex(where: { $0.date == date }) {
                days[d].startedAt = days[d].startedAt ?? now
                days[d].endedAt = nil
                currentDay = d
            }
        case .dayEnded(let date):
            if let d = days.firstIndex(where: { $0.date == date }) {
                days[d].endedAt = now
                if currentDay == d { currentDay = nil }
            }
        case .itemStarted(let id):
            var r = run(id)
            r.status = .running
            r.startedAt = r.startedAt ?? now
            r.endedAt = nil  // a skipped item taken up later is no longer ended
            runs[id] = r
            currentItem = id
            queue = []
            currentTurn = nil
        case .itemPaused(let id):
            var r = run(id)
            r.status = .paused
            r.pauses.append(Interval(start: now, end: nil))
            runs[id] = r
        case .itemResumed(let id):
            var r = run(id)
            r.status = .running
            if let last = r.pauses.indices.last, r.pauses[last].end == nil { r.pauses[last].end = now }
            runs[id] = r
            currentItem = id
        case .itemExtended(let id, let seconds):
            runs[id, default: ItemRun()].extendedBy += seconds
        case .itemEnded(let id):
            var r = run(id)
            if let last = r.pauses.indices.last, r.pauses[last].end == nil { r.pauses[last].end = now }
            r.status = .done
            r.endedAt = now
            runs[id] = r
            endTurn(at: now, withItem: true)
            if currentItem == id {
                if !queue.isEmpty { unheard[id, default: []] += queue }
                currentItem = nil; queue = []
            }
        case .itemSkipped(let id):
            var r = run(id)
            r.status = .skipped
            r.endedAt = now
            runs[id] = r
            if currentItem == id {
                if !queue.isEmpty { unheard[id, default: []] += queue }
                currentItem = nil; queue = []; endTurn(at: now, withItem: true)
            }
        case .itemInserted(let day, let after, let item):
            guard let d = days.firstIndex(where: { $0.date == day }) else { break }
            let pos = after.flatMap { a in days[d].items.firstIndex { $0.id == a }.map { $0 + 1 } } ?? 0
            days[d].items.insert(item, at: min(pos, days[d].items.count))
            insertedItems.insert(item.id)
        case .itemMoved(let id, let day, let after):
            move(id, to: day, after: after)
        case .itemsCarriedOver(_, let to, let after, let items):
            var anchor = after
            for id in items where self.item(id) != nil {
                move(id, to: to, after: anchor)
                anchor = id
            }
        case .floorRequested(_, let who, let poo):
            let req = FloorRequest(who: who, pointOfOrder: poo, seq: e.seq, at: now)
            if poo {
                // A point of order replaces its author's ordinary request, if any.
                queue.removeAll { $0.who == who && !$0.pointOfOrder }
                let pos = queue.firstIndex { !$0.pointOfOrder } ?? queue.count
                queue.insert(req, at: pos)
            } else {
                queue.append(req)
            }
        case .floorGiven(let item, let who, let limit, let checksIn):
            if checksIn, let d = currentDay, !(attendance[days[d].date]?.contains(who) ?? false) {
                attendance[days[d].date, default: []].append(who)
                checkInTimes[days[d].date + "|" + who] = now
            }
            endTurn(at: now)
            let poo = queue.first { $0.who == who }?.pointOfOrder ?? false
            queue.removeAll { $0.who == who }
            currentTurn = SpeakingTurn(
                item: shared(item), who: who, interval: Interval(start: now, end: nil),
                limit: limit, pointOfOrder: poo)
        case .floorYielded:
            endTurn(at: now)
        case .speakerRemoved(_, let who):
            queue.removeAll { $0.who == who }
        case .queueReordered(_, let who, let position):
            if let i = queue.firstIndex(where: { $0.who == who }) {
                let r = queue.remove(at: i)
                queue.insert(r, at: max(0, min(position, queue.count)))
            }
        case .speakingLimitSet(let item, let seconds):
            runs[item, default: ItemRun()].speakingLimitOverride = .some(seconds)
            if var t = currentTurn, t.item == item { t.limit = seconds; currentTurn = t }
        case .entryRecorded(let item, let content):
            let day = currentDay.map { days[$0].date } ?? item.flatMap { self.item($0).map { days[$0.day].date } }
            let item = item.map(shared)
            if let item {
                entryIndicesByItem[item, default: []].append(entries.count)
            } else {
                entryIndicesOutsideAgenda.append(entries.count)
            }
            entries.append(Entry(id: e.seq, item: item, day: day, at: now, seat: e.seat, content: content))
        case .entryAmended(let id, let text, let reason, let changes):
            if let i = entryIndex(of: id) {
                let previous = entries[i].content
                entries[i].amendments.append((previous.text, reason, e.seq, now, previous))
                entries[i].content = (changes ?? EntryChanges()).applied(to: previous)
                entries[i].content.text = text
                // The plenary adopted the previous text, not this one: it must be read again.
                entries[i].adoptedAt = nil
            }
        case .entryRetracted(let id, let reason):
            if let i = entryIndex(of: id) { entries[i].retracted = reason }
        case .entryAdopted(let id):
            if let i = entryIndex(of: id) { entries[i].adoptedAt = now }
        case .participantCheckedIn(let p, let day):
            if !(attendance[day]?.contains(p) ?? false) {
                attendance[day, default: []].append(p)
                checkInTimes[day + "|" + p] = now
            }
        case .participantAdded(let p):
            if participant(p.id) == nil { participants.append(p) }
        case .participantLeft(let p, let day):
            if attendance[day]?.contains(p) ?? false { departureTimes[day + "|" + p] = now }
        case .interestDeclared(let partner, let fiche):
            synergyFacts.append(
                SynergyFact(seq: e.seq, at: now, seat: e.seat, fiche: fiche, kind: .interest(partner: partner)))
        case .synergyMarked(let fiche, let partners, let lead):
            synergyFacts.append(
                SynergyFact(
                    seq: e.seq, at: now, seat: e.seat, fiche: fiche,
                    kind: .synergy(partners: partners, lead: lead)))
        case .commitmentStatusChanged(let id, let status):
            if let i = entryIndex(of: id) {
                entries[i].statusChanges.append(
                    CommitmentStatusChange(
                        seq: e.seq, at: now, seat: e.seat,
                        previous: entries[i].content.status, status: status))
                entries[i].content.status = status
            }
        case .commitmentWithdrawn(let id, let reason):
            if let i = entryIndex(of: id) {
                entries[i].withdrawal = CommitmentWithdrawal(seq: e.seq, at: now, seat: e.seat, reason: reason)
            }
        case .commitmentFollowedUp, .actionFollowedUp, .ficheFollowedUp:
            evolveFollowUp(e)
        case .previousReviewed(let source, let status, let note, let amount, let date):
            reviews.append(
                PreviousReview(
                    seq: e.seq, at: now, seat: e.seat, item: currentItem, source: source, status: status, note: note,
                    amount: amount, date: date ?? local.date(of: now)))
        case .undone, .clockAdjusted:
            break  // handled above
        case .lineSetAside:
            break  // a placeholder for a damaged line: no fact
        }
    }

    /// The standing event with seq `seq`, if any (binary search: ``standingEvents`` is in seq order).
    public func standingEvent(_ seq: Int) -> Event? { standingIndex(seq).map { standingEvents[$0] } }

    func standingIndex(_ seq: Int) -> Int? {
        var lo = 0, hi = standingEvents.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if standingEvents[mid].seq < seq { lo = mid + 1 } else { hi = mid }
        }
        return lo < standingEvents.count && standingEvents[lo].seq == seq ? lo : nil
    }

    /// Folds `undo`, which takes back event `target`: the state becomes the fold of the standing
    /// events without it. Only an undo folds again (linear in the journal); every other event
    /// is applied in place. An undo naming no standing event changes nothing but ``lastSeq``.
    private mutating func compensate(_ target: Int, by undo: Event) {
        defer { lastSeq = undo.seq; lastAt = undo.at; undoTargets[undo.seq] = target }
        guard let i = standingIndex(target) else { return }
        var s = foldedAgain(programme, standingEvents.enumerated().lazy.filter { $0.offset != i }.map(\.element))
        s.undoneBy[target] = undo.seq
        self = s
    }

    /// The fold of `events` (standing events, changed or not) from the initial state of
    /// `programme`, keeping what this state knows of undos and clock steps, which are not
    /// standing events: the one way an undo, a clock step and a programme read again fold anew.
    private func foldedAgain(_ programme: Programme, _ events: some Sequence<Event>) -> SessionState {
        var s = SessionState(programme: programme)
        for e in events { s.evolve(e) }
        s.undoneBy = undoneBy
        s.undoTargets = undoTargets
        s.clockAdjustments = clockAdjustments
        return s
    }

    /// Folds a step of the system clock: the state becomes the fold of the standing events with
    /// every instant read `seconds` later, on the clock as it now is. Linear in the journal, and
    /// only when the clock was stepped. The event itself is not a standing event: it is never
    /// undone, and a later fold again (an undo) finds the instants already moved.
    private mutating func adjustClock(_ seconds: Int, by e: Event) {
        var s = foldedAgain(
            programme,
            standingEvents.lazy.map { old in
                var moved = old
                moved.at = old.at.adding(seconds: seconds)
                return moved
            })
        s.clockAdjustments.append(ClockAdjustment(seq: e.seq, at: e.at, seconds: seconds))
        s.lastSeq = e.seq
        s.lastAt = e.at
        self = s
    }

    /// Notes, in ``mismatches``, an event naming an item, day, participant, organisation or
    /// fiche the programme no longer has (programme.yaml edited during the meeting).
    private mutating func checkReferences(_ e: Event) {
        guard mismatches.count < ReferenceCheck.limit else { return }
        let missing = ReferenceCheck.missing(
            e.payload, programme: programme, hasDay: { d in days.contains { $0.date == d } },
            hasItem: { item($0) != nil }, hasParticipant: { participant($0) != nil })
        if !missing.isEmpty { mismatches.append(ReferenceCheck.mismatch(e, missing)) }
    }

    /// Moves item `id` to day `date`, after `after` (first of the day when nil or not there),
    /// remembering the day it was planned on.
    private mutating func move(_ id: String, to date: String, after: String?) {
        guard let (item, from) = self.item(id), let to = days.firstIndex(where: { $0.date == date }) else { return }
        days[from].items.removeAll { $0.id == id }
        let original = movedFrom[id] ?? days[from].date
        movedFrom[id] = original == date || insertedItems.contains(id) ? nil : original
        if !insertedItems.contains(id) { movedItems.insert(id) }
        let pos = after.flatMap { a in days[to].items.firstIndex { $0.id == a }.map { $0 + 1 } } ?? 0
        days[to].items.insert(item, at: min(pos, days[to].items.count))
    }

    private mutating func endTurn(at now: Instant, withItem: Bool = false) {
        guard var t = currentTurn else { return }
        t.interval.end = now
        t.endedWithItem = withItem
        turns.append(t)
        currentTurn = nil
    }

    /// The state the same events give under programme `p` (programme.yaml edited during the
    /// meeting): the standing events folded again from the start, what was undone and the clock's
    /// steps kept. Linear in the journal, as an undo is.
    public func refolded(with p: Programme) -> SessionState {
        var s = foldedAgain(p, standingEvents)
        s.lastSeq = lastSeq
        s.lastAt = lastAt
        return s
    }

    /// The state after folding `events` in order from the initial state of `programme`.
    public static func fold(_ programme: Programme, _ events: some Sequence<Event>) -> SessionState {
        var s = SessionState(programme: programme)
        for e in events { s.evolve(e) }
        return s
    }
}
