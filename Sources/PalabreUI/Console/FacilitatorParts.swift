import PalabreCore

/// What the Facilitator and Projector screens both read from the state: which day to show,
/// timer roles, speaker names, times and durations as words. Pure helpers, no UI state.
enum MeetingView {
    /// The day the screens show: the day under way, else the next day not started, else the
    /// last day (all days ended); nil for a programme without days.
    static func shownDay(_ s: SessionState) -> Int? {
        if let d = s.currentDay { return d }
        if let d = s.days.firstIndex(where: { $0.startedAt == nil }) { return d }
        return s.days.isEmpty ? nil : s.days.count - 1
    }

    /// Whether every day of the programme has been started and ended.
    static func allDaysEnded(_ s: SessionState) -> Bool {
        !s.days.isEmpty && s.currentDay == nil && s.days.allSatisfy { $0.startedAt != nil && $0.endedAt != nil }
    }

    // MARK: Timer roles

    /// Seconds left at which the item countdown turns to `timer.warn`.
    static let itemWarnSeconds = 120
    /// Seconds left at which a speaker's countdown turns to `timer.warn`.
    static let speakerWarnSeconds = 30

    /// `timer.ok`, then `timer.warn` once `remaining` is at most `warnAt`, then `timer.over` below zero.
    static func timerRole(remaining: Int, warnAt: Int) -> Role {
        remaining < 0 ? .timerOver : remaining <= warnAt ? .timerWarn : .timerOK
    }

    /// The current item's countdown text and role at `now`.
    static func itemCountdown(_ s: SessionState, _ id: String, at now: Instant) -> (text: String, role: Role) {
        let r = s.remaining(id, at: now)
        return (formatCountdown(r), timerRole(remaining: r, warnAt: itemWarnSeconds))
    }

    /// The item's countdown for large digits: whole minutes left (rounded up) while more than
    /// the warning time remains, then mm:ss, then +mm:ss over time. Large digits thus change
    /// once a minute for most of an item, which keeps a projector and an SSH link quiet; the
    /// seconds show when they matter.
    static func bigCountdown(
        _ s: SessionState, _ id: String, at now: Instant
    ) -> (text: String, role: Role, minutes: Bool) {
        let r = s.remaining(id, at: now)
        let role = timerRole(remaining: r, warnAt: itemWarnSeconds)
        if r > itemWarnSeconds { return (String((r + 59) / 60), role, true) }
        return (formatCountdown(r), role, false)
    }

    /// The widest text ``bigCountdown(_:_:at:)`` shows for an item of this size, to size digits once.
    static func bigCountdownTemplate(_ s: SessionState, _ id: String) -> String {
        s.timeBox(id) >= 100 * 60 ? "+0:00:00" : "+00:00"
    }

    /// The current speaker's countdown (or elapsed time without a limit) and role at `now`.
    static func speakerCountdown(_ s: SessionState, at now: Instant) -> (text: String, role: Role)? {
        guard let t = s.currentTurn else { return nil }
        let spoken = s.currentSpeakerElapsed(at: now)
        guard let limit = t.limit else { return (formatCountdown(spoken), .timerOK) }
        let r = limit - spoken
        return (formatCountdown(r), timerRole(remaining: r, warnAt: speakerWarnSeconds))
    }

    // MARK: Names

    /// Display name of a speaker and, when it says more, their organisation's.
    static func speaker(_ s: SessionState, _ who: String) -> (name: String, organisation: String?) {
        let name = TextWidth.sanitize(s.displayName(who))
        guard let org = s.organisationId(of: who), org != who else { return (name, nil) }
        let orgName = TextWidth.sanitize(s.displayName(org))
        return (name, orgName == name ? nil : orgName)
    }

    /// « ▶ MO Maire de Koula »: the current speaker's line, with the point-of-order mark while
    /// the turn came from one.
    static func speakingSegments(_ t: SpeakingTurn, name: String, _ labels: Labels) -> [(text: String, role: Role)] {
        guard t.pointOfOrder else { return [("▶ " + name, .queueCurrent)] }
        return [("▶ ", .queueCurrent), (labels[.meetingPooShort], .bannerWarn), (" " + name, .queueCurrent)]
    }

    /// « Maire de Koula (Koula) »: a name and its organisation in one string.
    static func speakerText(_ s: SessionState, _ who: String) -> String {
        let p = speaker(s, who)
        return p.organisation.map { "\(p.name) (\($0))" } ?? p.name
    }

    /// Ids of participants, organisations and communes whose names contain every word of
    /// `text`, compared without case or accents (as ``SessionState/resolve(who:)`` does); exact
    /// matches first.
    static func candidates(_ s: SessionState, _ text: String, limit: Int = 50) -> [String] {
        let key = Text.fold(text.trimmingCharacters(in: .whitespaces))
        let words = key.split(whereSeparator: { $0 == " " || $0 == "-" })
        guard !words.isEmpty else { return [] }
        var exact: [String] = [], partial: [String] = []
        func consider(_ id: String, _ names: [String?]) {
            let folded = names.compactMap { $0.map(Text.fold) } + [Text.fold(id)]
            if folded.contains(key) {
                exact.append(id)
            } else if folded.contains(where: { n in words.allSatisfy { n.contains($0) } }) {
                partial.append(id)
            }
        }
        for p in s.participants { consider(p.id, [p.function, p.name]) }
        for o in s.programme.organisations { consider(o.id, [o.acronym, o.name]) }
        for c in s.programme.communes { consider(c.id, [c.name]) }
        return Array((exact + partial).prefix(limit))
    }

    // MARK: Times and durations

    /// `HH:MM` of minutes after midnight.
    static func hhmm(minutes m: Int) -> String {
        let m = ((m % 1440) + 1440) % 1440
        return pad2(m / 60) + ":" + pad2(m % 60)
    }

    static func pad2(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }

    /// A duration as the agenda shows it: `45m`, `1h30`, `2h`, `30s`.
    static func duration(_ seconds: Int) -> String {
        if seconds < 60 { return "\(max(0, seconds))s" }
        // Rounded to the nearest minute, as timing.csv and the minutes count a done item.
        let m = (seconds + 30) / 60
        if m < 60 { return "\(m)m" }
        return m % 60 == 0 ? "\(m / 60)h" : "\(m / 60)h\(pad2(m % 60))"
    }

    /// « 12 min », « 1 h 30 » (the same in both languages).
    static func minutesText(_ seconds: Int) -> String {
        let m = seconds / 60
        if m < 60 { return seconds % 60 == 0 ? "\(m) min" : "\(m) min \(pad2(seconds % 60))" }
        return m % 60 == 0 ? "\(m / 60) h" : "\(m / 60) h \(pad2(m % 60))"
    }

    /// How long a request has waited at `now`, from the instant of its `floorRequested` event:
    /// « < 1 min » under a minute, then whole minutes (« 3 min », « 1 h 05 »).
    static func waited(_ req: FloorRequest, at now: Instant, _ labels: Labels) -> String {
        let seconds = Int(max(0, now.ms - req.at.ms) / 1000)
        return seconds < 60 ? labels[.facWaitUnderMinute] : minutesText(seconds / 60 * 60)
    }

    /// Reads a number of minutes typed by a person (``Values/duration(_:signed:)``): `5`, `1,5`
    /// or `1.5` (90 s), `5m`, `1h30`, `2h`. Returns seconds, nil when it is not a positive duration.
    static func parseMinutes(_ raw: String) -> Int? {
        guard let seconds = try? Values.duration(raw), seconds > 0 else { return nil }
        return seconds
    }

    // MARK: Words

    /// « mardi 17 octobre 2023 » / « Tuesday 17 October 2023 » for `YYYY-MM-DD`.
    static func longDate(_ date: String, _ language: Language) -> String {
        let p = date.split(separator: "-").compactMap { Int($0) }
        guard p.count == 3, (1...12).contains(p[1]) else { return date }
        let weekday = ((RFC3339.days(fromCivil: p[0], p[1], p[2]) + 4) % 7 + 7) % 7  // 0 = Sunday
        if language == .fr {
            let days = ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"]
            return "\(days[weekday]) \(p[2] == 1 ? "1er" : String(p[2])) \(Language.frenchMonths[p[1] - 1]) \(p[0])"
        }
        let days = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
        let months = [
            "January", "February", "March", "April", "May", "June", "July", "August", "September",
            "October", "November", "December",
        ]
        return "\(days[weekday]) \(p[2]) \(months[p[1] - 1]) \(p[0])"
    }

    /// « Jour 2 · mercredi 18 octobre 2023 · Journée des communes ».
    static func dayHeading(_ s: SessionState, _ d: Int, _ labels: Labels) -> String {
        var h = labels[.day] + " \(d + 1) · " + longDate(s.heldDate(day: d), labels.language)
        if let t = s.days[d].title, !t.isEmpty { h += " · " + TextWidth.sanitize(t) }
        return h
    }

    /// Label of an item kind.
    static func kind(_ k: ItemKind, _ labels: Labels) -> String { labels[UILabel.itemKind(k)] }

    /// The status symbol and its role in the agenda: ✓ done, ▶ running, ‖ paused, × skipped, · planned.
    static func status(_ st: ItemStatus) -> (symbol: String, role: Role) {
        switch st {
        case .done: ("✓", .statusDone)
        case .running: ("▶", .statusRunning)
        case .paused: ("‖", .timerWarn)
        case .skipped: ("×", .muted)
        case .planned: ("·", .statusPlanned)
        }
    }

    /// « Retard : +12 min », « Avance : −5 min » or « À l'heure », with the role to draw it in.
    static func drift(_ minutes: Int, _ labels: Labels) -> (text: String, role: Role) {
        if minutes > 0 {
            return (labels[.meetingDriftLate] + "+\(minutes) min", minutes > 15 ? .timerOver : .timerWarn)
        }
        if minutes < 0 { return (labels[.meetingDriftEarly] + "−\(-minutes) min", .timerOK) }
        return (labels[.meetingDriftOnTime], .timerOK)
    }

}

extension Grid {
    /// Writes `text` centred in the `width` columns from `x`.
    mutating func putCentered(x: Int, y: Int, width: Int, text: String, role: Role) {
        let t = TextWidth.truncate(text, toWidth: width)
        put(x: x + max(0, (width - TextWidth.width(of: t)) / 2), y: y, text: t, role: role, maxWidth: width)
    }
}

/// One row of a compact layout: segments from the left, an optional segment flush right, and a
/// priority (rows of lower priority are left out first when the area is short).
struct LayoutRow {
    var left: [(text: String, role: Role)]
    var right: (text: String, role: Role)?
    var priority: Int
    var centered = false

    init(
        _ left: [(text: String, role: Role)], right: (text: String, role: Role)? = nil, priority: Int,
        centered: Bool = false
    ) {
        self.left = left; self.right = right; self.priority = priority; self.centered = centered
    }
    init(_ text: String, _ role: Role, priority: Int, centered: Bool = false) {
        self.init([(text, role)], priority: priority, centered: centered)
    }
    static func blank(priority: Int) -> LayoutRow { LayoutRow("", .normal, priority: priority) }

    /// Keeps the rows that fit `height`, leaving out the lowest priorities first (the latest
    /// among equals), in their order.
    static func fit(_ rows: [LayoutRow], height: Int) -> [LayoutRow] {
        var keep = rows.indices.map { _ in true }
        var count = rows.count
        let order = rows.indices.sorted {
            rows[$0].priority != rows[$1].priority ? rows[$0].priority < rows[$1].priority : $0 > $1
        }
        for i in order where count > height { keep[i] = false; count -= 1 }
        // No blank row at the top or bottom of what remains.
        var kept = rows.indices.filter { keep[$0] }.map { rows[$0] }
        while let f = kept.first, f.isBlank { kept.removeFirst() }
        while let l = kept.last, l.isBlank { kept.removeLast() }
        return kept
    }

    var isBlank: Bool { right == nil && left.allSatisfy { $0.text.isEmpty } }

    /// Draws the row at (x, y) over `width` columns; the right segment wins over the left text.
    func draw(into grid: inout Grid, x: Int, y: Int, width: Int) {
        let rightText = right.map { TextWidth.truncate($0.text, toWidth: width) } ?? ""
        let rightW = TextWidth.width(of: rightText)
        let room = max(0, width - (rightW > 0 ? rightW + 1 : 0))
        let total = left.reduce(0) { $0 + TextWidth.width(of: $1.text) }
        var col = x + (centered ? max(0, (room - total) / 2) : 0)
        for (i, seg) in left.enumerated() {
            let limit = x + room - col
            guard limit > 0 else { break }
            // A separator is not drawn when what follows it would not show.
            if seg.text.trimmingCharacters(in: .whitespaces) == "·", TextWidth.width(of: seg.text) + 4 > limit,
                i + 1 < left.count
            {
                break
            }
            col = grid.put(
                x: col, y: y, text: TextWidth.truncate(seg.text, toWidth: limit), role: seg.role, maxWidth: limit)
        }
        if let r = right, rightW > 0 { grid.put(x: x + width - rightW, y: y, text: rightText, role: r.role) }
    }
}
