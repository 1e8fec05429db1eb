import Foundation

/// What every document needs from a state, indexed once per rendering so that no document scans
/// the entries, turns or participants again for each agenda item (the state may hold many
/// thousands of entries).
struct DocContext {
    let state: SessionState
    let options: DocumentOptions
    let L: DocLabels
    let lt: LocalTime
    let now: Instant

    /// Lookups by id.
    let participants: [String: Participant]
    let organisations: [String: Organisation]
    let communes: [String: Commune]
    let fiches: [String: (fiche: ProjectFiche, commune: Commune)]
    /// Day index and position in the day of every agenda item, in current order.
    let itemPlace: [String: (day: Int, pos: Int)]
    /// Planned starts (local minutes) of each day's items, in current order.
    let plannedStarts: [[Int]]

    /// Indices in `state.entries` of entries not retracted, in order of recording.
    let live: [Int]
    /// Live entries of each agenda item, in order of recording.
    let entriesByItem: [String: [Int]]
    /// Live entries outside any known agenda item.
    let outside: [Int]
    /// Live recommendations, actions and commitments, in order of recording.
    let recommendations: [Int]
    let actions: [Int]
    let commitments: [Int]
    /// Commitments withdrawn by their partners (kept in the history, out of the totals).
    let withdrawnCommitments: [Int]
    /// Number of each decision, recommendation, action and commitment (1, 2, 3… per kind) by entry id.
    let numbers: EntryNumbers

    /// Finished turns plus the turn under way, and their indices by item.
    let turns: ChunkedArray<SpeakingTurn>
    let turnsByItem: [String: [Int]]

    /// The CSV separator: the command line's, else the programme's `csv_separator`, else the
    /// documents' language's (``DocumentOptions/defaultSeparator(_:)``).
    var csvSeparator: Character {
        options.csvSeparator ?? state.programme.csvSeparator ?? DocumentOptions.defaultSeparator(options.language)
    }

    init(_ state: SessionState, _ options: DocumentOptions) {
        self.state = state
        self.options = options
        L = DocLabels(
            options.language, unit: state.programme.unitLabel, categoryNames: state.programme.categoryNames)
        lt = state.local
        // A closed meeting is described as at its close: follow-up recorded since changes
        // only the follow-up documents.
        now = state.closedAt.map { min(options.now, $0) } ?? options.now

        var ps: [String: Participant] = [:]
        for p in state.participants where ps[p.id] == nil { ps[p.id] = p }
        participants = ps
        var os: [String: Organisation] = [:]
        for o in state.programme.organisations where os[o.id] == nil { os[o.id] = o }
        organisations = os
        var cs: [String: Commune] = [:]
        var fs: [String: (fiche: ProjectFiche, commune: Commune)] = [:]
        for c in state.programme.communes {
            if cs[c.id] == nil { cs[c.id] = c }
            for f in c.fiches where fs[f.id] == nil { fs[f.id] = (f, c) }
        }
        communes = cs
        fiches = fs

        var place: [String: (day: Int, pos: Int)] = [:]
        var starts: [[Int]] = []
        for (d, day) in state.days.enumerated() {
            for (i, it) in day.items.enumerated() where place[it.id] == nil { place[it.id] = (d, i) }
            starts.append(state.plannedStarts(day: d))
        }
        itemPlace = place
        plannedStarts = starts

        var live: [Int] = [], byItem: [String: [Int]] = [:], outside: [Int] = []
        var recs: [Int] = [], acts: [Int] = [], coms: [Int] = [], withdrawn: [Int] = []
        live.reserveCapacity(state.entries.count)
        for (i, e) in state.entries.enumerated() where e.retracted == nil {
            live.append(i)
            if let item = e.item, place[item] != nil { byItem[item, default: []].append(i) } else { outside.append(i) }
            switch e.content.kind {
            case .recommendation: recs.append(i)
            case .action: acts.append(i)
            case .commitment: if e.withdrawal == nil { coms.append(i) } else { withdrawn.append(i) }
            default: break
            }
        }
        self.live = live
        entriesByItem = byItem
        self.outside = outside
        recommendations = recs
        actions = acts
        commitments = coms
        withdrawnCommitments = withdrawn
        numbers = EntryNumbers(state)

        var turns = state.turns
        if let t = state.currentTurn { turns.append(t) }
        var tb: [String: [Int]] = [:]
        for (i, t) in turns.enumerated() { tb[t.item, default: []].append(i) }
        self.turns = turns
        turnsByItem = tb
    }

    // MARK: names

    /// Display name of a participant, organisation or commune id (function, acronym, name).
    func displayName(_ id: String) -> String {
        if let p = participants[id] { return p.function }
        if let o = organisations[id] { return o.acronym }
        if let c = communes[id] { return c.name }
        return id
    }

    /// Short name of an organisation or commune id (acronym or name).
    func organisationName(_ id: String?) -> String? {
        guard let id else { return nil }
        if let o = organisations[id] { return o.acronym }
        if let c = communes[id] { return c.name }
        return id
    }

    /// Organisation a speaker belongs to (acronym or commune name).
    func organisationOf(_ who: String) -> String? {
        if let p = participants[who] { return organisationName(p.organisation ?? p.commune) }
        if organisations[who] != nil || communes[who] != nil { return organisationName(who) }
        return nil
    }

    /// Category of a participant: the one chosen for them, else the type of the organisation they
    /// represent (``Programme/category(of:)``).
    func category(of p: Participant) -> OrganisationType? { state.programme.category(of: p) }

    /// Title of an agenda item id.
    func itemTitle(_ id: String) -> String {
        guard let p = itemPlace[id] else { return id }
        return state.days[p.day].items[p.pos].title
    }

    // MARK: times

    /// `HH:MM` in the programme's time zone.
    func hhmm(_ i: Instant) -> String { lt.hhmm(i) }
    /// `HH:MM` of local minutes after midnight.
    func hhmm(minutes m: Int) -> String {
        RFC3339.pad(((m / 60) % 24 + 24) % 24, 2) + ":" + RFC3339.pad((m % 60 + 60) % 60, 2)
    }
    /// RFC 3339 with the programme's offset.
    func rfc3339(_ i: Instant) -> String { lt.rfc3339(i) }
    /// Whole minutes, rounded to the nearest, of a number of milliseconds.
    static func roundedMinutes(ms: Int64) -> Int { Int((ms + 30_000).floorDiv(60_000)) }
    /// Whole minutes, rounded to the nearest, of a number of seconds.
    static func roundedMinutes(seconds: Int) -> Int { roundedMinutes(ms: Int64(seconds) * 1000) }

    /// Whether item `id` of day `d` was left paused when its day ended: the documents close it at
    /// the day's end (the state keeps it paused, so it can still be taken up on a later day).
    func closedAtDayEnd(_ id: String, day d: Int) -> Bool {
        state.run(id).status == .paused && dayIsOver(d)
    }

    /// When item `id` of day `d` ended for the documents: its end, or its day's end when it was
    /// left paused then.
    func endOf(_ id: String, day d: Int) -> Instant? {
        let r = state.run(id)
        if r.status == .done { return r.endedAt }
        return closedAtDayEnd(id, day: d) ? (state.days[d].endedAt ?? r.pauses.last?.start) : nil
    }

    /// The items moved away from day `d` (planned on its date), with the number of the day they
    /// went to, in the order of their new place.
    func movedAway(from d: Int) -> [(item: AgendaItem, toDay: Int)] {
        let date = state.days[d].date
        var out: [(item: AgendaItem, toDay: Int)] = []
        for (e, day) in state.days.enumerated() where e != d {
            for it in day.items where state.movedFrom[it.id] == date { out.append((it, e + 1)) }
        }
        return out
    }

    /// Drift of day `d` in minutes, the one figure of the annex: the latest end (actual, or
    /// projected for an item under way) among its items held, minus the planned end of its last
    /// item with a planned time. When that item ended last, it is its own drift, the table's last
    /// row. Nil when nothing was held on the day or no item has a planned time.
    func dayDriftMinutes(day d: Int) -> Int? {
        let timings = state.timings(day: d, at: now)
        let held = timings.filter { [.done, .running, .paused].contains($0.status) }
        guard let end = held.map(\.projectedEnd).max(),
            let last = timings.last(where: { state.hasPublishedStart($0.item.id) })
        else { return nil }
        return Self.roundedMinutes(ms: end.ms - last.plannedEndAt.ms)
    }

    /// Whether a day is over for the minutes (ended, or the session closed).
    func dayIsOver(_ d: Int) -> Bool { state.days[d].endedAt != nil || state.closedAt != nil }

    /// The planned start of an item for the documents: « hors programme » for an item inserted
    /// during the meeting, « déplacé » for one moved (its published start no longer holds), else
    /// the time.
    func plannedStartCell(_ t: ItemTiming) -> String {
        if state.insertedItems.contains(t.item.id) { return L[.unscheduled] }
        if state.movedItems.contains(t.item.id) { return L[.movedItem] }
        return hhmm(minutes: t.plannedStart)
    }

    /// Drift at the end of an item in minutes (actual or projected end minus planned end);
    /// nil for an item skipped or not started, and for one inserted or moved (no planned time).
    func driftMinutes(_ t: ItemTiming, day d: Int) -> Int? {
        guard state.hasPublishedStart(t.item.id), [.done, .running, .paused].contains(t.status) else { return nil }
        return Self.roundedMinutes(ms: t.projectedEnd.ms - t.plannedEndAt.ms)
    }

    // MARK: attendance

    /// Distinct participant ids checked in on any day, in order of first arrival (day order).
    var attendees: [String] {
        var seen = Set<String>(), out: [String] = []
        for day in state.days {
            for p in state.attendance[day.date] ?? [] where seen.insert(p).inserted { out.append(p) }
        }
        // days not in the programme (none through decide, but be total)
        for key in state.attendance.keys.sorted() where !state.days.contains(where: { $0.date == key }) {
            for p in state.attendance[key] ?? [] where seen.insert(p).inserted { out.append(p) }
        }
        return out
    }

    /// Number of women among `ids`.
    func women(_ ids: [String]) -> Int { ids.reduce(0) { $0 + (participants[$1]?.sex == .female ? 1 : 0) } }

    // MARK: speaking

    /// Speaking time per item and speaker: turns and milliseconds, items in agenda order and
    /// speakers in order of first turn. `open` when one of the turns has no end in the journal
    /// (closed by the end of its item): its time runs to the item's end, so `ms` is an upper bound.
    /// `orders`: how many of the turns were given on a point of order (the turn under way included).
    func speaking() -> [(item: String, who: String, turns: Int, ms: Int64, open: Bool, orders: Int)] {
        var out: [(item: String, who: String, turns: Int, ms: Int64, open: Bool, orders: Int)] = []
        let items = turnsByItem.keys.sorted { a, b in
            switch (itemPlace[a], itemPlace[b]) {
            case let (x?, y?): return x.day != y.day ? x.day < y.day : x.pos < y.pos
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return a < b
            }
        }
        for item in items {
            var index: [String: Int] = [:]
            for ti in turnsByItem[item] ?? [] {
                let t = turns[ti]
                let ms = state.speakingMs(t, at: now)
                if let k = index[t.who] {
                    out[k].turns += 1; out[k].ms += ms
                    if t.endedWithItem { out[k].open = true }
                    if t.pointOfOrder { out[k].orders += 1 }
                } else {
                    index[t.who] = out.count
                    out.append((item, t.who, 1, ms, t.endedWithItem, t.pointOfOrder ? 1 : 0))
                }
            }
        }
        return out
    }
}
