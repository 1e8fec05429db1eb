import PalabreCore

/// The Projector screen (F5, « Projection »): read-only, for the wall. The current item's title,
/// a countdown as large as the screen allows, the speaker and their own countdown, the next
/// three speakers and the next agenda items with their projected start. Before the day or
/// between items: the meeting, the day, and the next item with the time it should start.
///
/// Everything is centred. The layout tries the richest arrangement with the largest digits
/// first and gives up detail (headings, the speaker's block digits, spacing) before size. The
/// time of day sits in the top right corner; in the last minute a band « 1 MIN » and, once the
/// time is up, « TEMPS ÉCOULÉ » cross the whole width above the countdown; the speakers queue
/// lists as many requests as the rows left allow.
public struct ProjectorScreen: ConsoleScreen {
    public static let id = ScreenID.projector
    /// Bindings of this screen, part of Keymap/all: none, it only shows.
    static let bindings: [Binding] = []

    public init() {}
    public var isTyping: Bool { false }

    public mutating func handle(key: Key, context: ScreenContext) -> KeyOutcome { .none }

    // MARK: Pieces

    /// One block of the layout, drawn centred.
    enum Piece {
        case row(LayoutRow)
        case digits(text: String, template: String, role: Role, size: ProjectorDigits.Size)
        /// Label, name and organisation on the left, the speaker's countdown in small digits on the right.
        case speaker(name: String, organisation: String?, countdown: (text: String, role: Role), label: String)
        /// A cue across the whole width, `rows` high, its text on the middle row.
        case band(text: String, role: Role, rows: Int)
        case gap

        var height: Int {
            switch self {
            case .row, .gap: 1
            case .band(_, _, let rows): rows
            case .digits(_, _, _, let size): size.height
            case .speaker: 3
            }
        }
    }

    public mutating func render(into grid: inout Grid, area: Rect, context: ScreenContext) -> Position? {
        guard area.width > 0, area.height > 0 else { return nil }
        let w = area.width - 2
        var pieces: [Piece] = []
        if area.isCompact {
            pieces = compact(context, width: w, height: area.height)
        } else {
            let sizes: [ProjectorDigits.Size] = [.scaled(4), .scaled(3), .scaled(2), .large, .small, .plain]
            var chosen: [Piece]?
            // The largest digits first; at each size the rich arrangement, then the lean one.
            outer: for size in sizes {
                for rich in [true, false] where !(rich && (size == .small || size == .plain)) {
                    let p = full(context, width: w, height: area.height, size: size, rich: rich)
                    if fits(p, width: w, height: area.height) { chosen = p; break outer }
                }
            }
            pieces = chosen ?? compact(context, width: w, height: area.height)
        }
        draw(pieces, into: &grid, area: area)
        drawClock(into: &grid, area: area, context: context)
        return nil
    }

    /// The time of day in the top right corner, where the layout left it blank.
    private func drawClock(into grid: inout Grid, area: Rect, context: ScreenContext) {
        let text = context.state.local.hhmm(context.now)
        let w = TextWidth.width(of: text)
        let x = area.x + area.width - w - 1
        guard x > area.x, (x - 1..<x + w).allSatisfy({ grid[x: $0, y: area.y].character == " " }) else { return }
        grid.put(x: x, y: area.y, text: text, role: .muted)
    }

    private func fits(_ pieces: [Piece], width: Int, height: Int) -> Bool {
        guard pieces.reduce(0, { $0 + $1.height }) <= height else { return false }
        for p in pieces {
            if case .digits(_, let template, _, let size) = p, ProjectorDigits.width(of: template, size: size) > width {
                return false
            }
        }
        return true
    }

    private func draw(_ pieces: [Piece], into grid: inout Grid, area: Rect) {
        let total = pieces.reduce(0) { $0 + $1.height }
        var y = area.y + max(0, (area.height - total) / 2)
        let x = area.x + 1, w = area.width - 2
        for p in pieces {
            guard y < area.y + area.height else { return }
            switch p {
            case .gap: break
            case .band(let text, let role, let rows):
                grid.fill(x: area.x, y: y, width: area.width, height: rows, role: role)
                let t = TextWidth.truncate(text, toWidth: area.width)
                grid.put(x: area.x + (area.width - TextWidth.width(of: t)) / 2, y: y + rows / 2, text: t, role: role)
            case .row(let row):
                row.draw(into: &grid, x: x, y: y, width: w)
            case .digits(let text, _, let role, let size):
                let dw = ProjectorDigits.width(of: text, size: size)
                ProjectorDigits.draw(text, size: size, into: &grid, x: x + max(0, (w - dw) / 2), y: y, role: role)
            case .speaker(let name, let org, let cd, let label):
                let dw = BigDigits.width(of: cd.text, font: .small)
                let textW = min(
                    max(TextWidth.width(of: name), TextWidth.width(of: org ?? ""), TextWidth.width(of: label)),
                    max(0, w - dw - 4))
                let left = x + max(0, (w - textW - 4 - dw) / 2)
                grid.put(x: left, y: y, text: TextWidth.truncate(label, toWidth: textW), role: .normal)
                grid.put(x: left, y: y + 1, text: TextWidth.truncate(name, toWidth: textW), role: .queueCurrent)
                if let org { grid.put(x: left, y: y + 2, text: TextWidth.truncate(org, toWidth: textW), role: .title) }
                BigDigits.draw(cd.text, font: .small, into: &grid, x: left + textW + 4, y: y, role: cd.role)
            }
            y += p.height
        }
    }

    // MARK: Layouts

    /// Rows of a title wrapped to `width`, at most `max` rows, centred.
    private func titleRows(_ text: String, _ role: Role, width: Int, max n: Int) -> [Piece] {
        var lines = TextWidth.wrap(text, width: width)
        if lines.count > n {
            lines = Array(lines.prefix(n)); lines[n - 1] = TextWidth.truncate(lines[n - 1] + " …", toWidth: width)
        }
        return lines.map { .row(LayoutRow($0, role, priority: 9, centered: true)) }
    }

    /// The items after the current one (or from the next one) with their projected start.
    private func upcoming(_ s: SessionState, _ now: Instant) -> [(time: String, title: String)] {
        guard let d = MeetingView.shownDay(s) else { return [] }
        let isToday = s.currentDay == d
        return s.timings(day: d, at: now).filter { $0.status == .planned }.map {
            (
                (isToday ? s.local.hhmm($0.projectedStart) : MeetingView.hhmm(minutes: $0.plannedStart)),
                TextWidth.sanitize($0.item.title)
            )
        }
    }

    private func status(_ s: SessionState, _ c: String, _ now: Instant, _ L: Labels) -> (String, Role) {
        if s.run(c).status == .paused { return (L[.projPaused], .timerWarn) }
        let r = s.remaining(c, at: now)
        if r <= 0 { return (L[.projOver], .timerOver) }
        if r <= 60 { return (L[.projLastMinute], .timerWarn) }
        return (r > MeetingView.itemWarnSeconds ? L[.projMinutesLeft] : L[.projRemaining], .normal)
    }

    /// The cue of the last minute and of the time up, for a band across the wall: its letters
    /// spaced out (« T E M P S   É C O U L É »); nil otherwise (and while paused).
    private func cue(_ s: SessionState, _ c: String, _ now: Instant, _ L: Labels) -> (text: String, role: Role)? {
        guard s.run(c).status != .paused else { return nil }
        let r = s.remaining(c, at: now)
        guard r <= 60 else { return nil }
        let text = L[r <= 0 ? .projOver : .projLastMinute]
        let spaced = text.split(separator: " ").map { $0.map(String.init).joined(separator: " ") }
            .joined(separator: "   ")
        return (spaced, r <= 0 ? .bannerError : .bannerWarn)
    }

    /// The rows for the agenda items to come: a heading and up to `count` items, or without heading.
    private func agendaPieces(
        _ items: [(time: String, title: String)], count: Int, heading: Bool, width: Int, _ L: Labels
    ) -> [Piece] {
        guard !items.isEmpty, count > 0 else { return [] }
        var out: [Piece] = []
        let prefix = heading ? "" : L[.projAgendaShort]
        if heading { out.append(.row(LayoutRow(L[.projAgenda], .title, priority: 5, centered: true))) }
        let pad = String(repeating: " ", count: TextWidth.width(of: prefix))
        let titleW = width - TextWidth.width(of: prefix) - 7
        let rows = items.prefix(count).enumerated().map { i, it in
            LayoutRow(
                [
                    ((i == 0 ? prefix : pad) + it.time + "  ", .normal),
                    (TextWidth.truncate(it.title, toWidth: titleW), .normal),
                ],
                priority: 5)
        }
        return out + Self.aligned(rows, width: width).map { .row($0) }
    }

    /// `rows` padded to the width of the widest (at most `width`) and centred, so they line up as one block.
    static func aligned(_ rows: [LayoutRow], width: Int) -> [LayoutRow] {
        let widths = rows.map { $0.left.reduce(0) { $0 + TextWidth.width(of: $1.text) } }
        let block = min(width, widths.max() ?? 0)
        return zip(rows, widths).map { row, w in
            var r = row
            r.centered = true
            if w < block, !r.left.isEmpty { r.left[r.left.count - 1].text += String(repeating: " ", count: block - w) }
            return r
        }
    }

    private func queueLine(_ s: SessionState, _ L: Labels) -> LayoutRow? {
        guard !s.queue.isEmpty else { return nil }
        var segs: [(text: String, role: Role)] = [(L[.projQueueShort], .normal)]
        for (i, req) in s.queue.prefix(3).enumerated() {
            if i > 0 { segs.append((" · ", .normal)) }
            segs.append(("\(i + 1). ", .normal))
            if req.pointOfOrder { segs.append((L[.meetingPooShort], .bannerWarn)); segs.append((" ", .normal)) }
            segs.append((MeetingView.speakerText(s, req.who), .normal))
        }
        return LayoutRow(segs, priority: 6, centered: true)
    }

    /// The layout with a current item, or the waiting one, at one digit size.
    private func full(
        _ context: ScreenContext, width w: Int, height h: Int, size: ProjectorDigits.Size, rich: Bool
    ) -> [Piece] {
        let s = context.state, L = context.labels, now = context.now
        guard s.closedAt == nil, s.currentDay != nil, let c = s.currentItem, let (item, _) = s.item(c) else {
            return waiting(context, width: w, height: h, size: size, rich: rich)
        }
        var p: [Piece] = []
        p += titleRows(TextWidth.sanitize(item.title), .title, width: w, max: rich ? 2 : 1)
        p.append(.gap)
        let st = status(s, c, now, L)
        if let cue = cue(s, c, now, L) {
            p.append(.band(text: cue.text, role: cue.role, rows: rich ? 3 : 1))
        } else {
            p.append(.row(LayoutRow(st.0, st.1, priority: 9, centered: true)))
        }
        let cd = MeetingView.bigCountdown(s, c, at: now)
        p.append(.digits(text: cd.text, template: MeetingView.bigCountdownTemplate(s, c), role: cd.role, size: size))
        if let t = s.currentTurn, let scd = MeetingView.speakerCountdown(s, at: now) {
            let who = MeetingView.speaker(s, t.who)
            p.append(.gap)
            if rich && w >= BigDigits.width(of: scd.text, font: .small) + 24 {
                p.append(
                    .speaker(
                        name: who.name, organisation: who.organisation, countdown: scd,
                        label: L[.projSpeaking] + (t.pointOfOrder ? " · " + L[.meetingPooLong] : "")))
            } else {
                p.append(
                    .row(
                        LayoutRow(
                            MeetingView.speakingSegments(t, name: MeetingView.speakerText(s, t.who), L)
                                + [("   " + scd.text, scd.role)], priority: 8, centered: true)))
            }
        }
        // The latest decision, recommendation, action or commitment of the item, for the room to
        // check its wording (notes and questions stay off the wall).
        var latest: [Piece] = []
        // Among the item's own entries (by index): a frame's cost does not grow with the journal.
        if let e = (s.entryIndicesByItem[c] ?? []).reversed().lazy.map({ s.entries[$0] }).first(where: {
            $0.retracted == nil && ![.note, .question, .answer].contains($0.content.kind)
        }) {
            let label = L[UILabel.latestEntry(e.content.kind)]
            let text = TextWidth.truncate(label + L.colon + TextWidth.sanitize(e.content.text), toWidth: max(1, w - 2))
            latest = [.gap, .row(LayoutRow(text, .normal, priority: 5, centered: true))]
        }
        let items = upcoming(s, now)
        // Rows the two first items to come take, with their gap and heading.
        let agendaMin = items.isEmpty ? 0 : 1 + (rich ? 1 : 0) + min(2, items.count)
        if !s.queue.isEmpty {
            p.append(.gap)
            if rich {
                p.append(.row(LayoutRow(L[.projQueue], .title, priority: 6, centered: true)))
                // As many requests as the rows left allow (three at least: else smaller digits).
                let left = h - p.reduce(0) { $0 + $1.height } - latest.count - agendaMin
                let all = s.queue.count <= left
                let shown = all ? s.queue.count : min(s.queue.count, max(3, left - 1))  // a row for « + N autres »
                var rows = s.queue.prefix(shown).enumerated().map { i, req in
                    var segs: [(text: String, role: Role)] = [("\(i + 1). ", .normal)]
                    if req.pointOfOrder {
                        segs.append((L[.meetingPooLong], .bannerWarn)); segs.append((" · ", .normal))
                    }
                    segs.append((MeetingView.speakerText(s, req.who), .normal))
                    return LayoutRow(segs, priority: 6)
                }
                // How long each request has waited (changes once a minute), in one column after the names.
                let waited = s.queue.prefix(shown).map { "  " + MeetingView.waited($0, at: now, L) }
                let names = min(
                    rows.map { $0.left.reduce(0) { $0 + TextWidth.width(of: $1.text) } }.max() ?? 0,
                    w - (waited.map { TextWidth.width(of: $0) }.max() ?? 0))
                for i in rows.indices {
                    let last = rows[i].left.count - 1
                    let before = rows[i].left.dropLast().reduce(0) { $0 + TextWidth.width(of: $1.text) }
                    let room = max(0, names - before)
                    rows[i].left[last].text = TextWidth.pad(
                        TextWidth.truncate(rows[i].left[last].text, toWidth: room), toWidth: room)
                    rows[i].left.append((waited[i], .muted))
                }
                if shown < s.queue.count, left > shown {
                    let more = L[.projQueueMore].replacingOccurrences(of: "%d", with: "\(s.queue.count - shown)")
                    rows.append(LayoutRow(more, .muted, priority: 6))
                }
                p += Self.aligned(rows, width: w).map { .row($0) }
            } else if let line = queueLine(s, L) {
                p.append(.row(line))
            }
        }
        p += latest
        if !items.isEmpty {
            p.append(.gap)
            // Two items at least; up to four when the rows are there.
            let used = p.reduce(0) { $0 + $1.height } + (rich ? 1 : 0)
            let count = max(2, min(4, h - used))
            p += agendaPieces(items, count: count, heading: rich, width: w, L)
        }
        return p
    }

    /// Before the day, between items, between days, after the last day.
    private func waiting(
        _ context: ScreenContext, width w: Int, height h: Int, size: ProjectorDigits.Size, rich: Bool
    ) -> [Piece] {
        let s = context.state, L = context.labels, now = context.now
        // The next item's start in block digits, no larger than twice the large font: it is a
        // time of day, not a countdown.
        var size = size
        if case .scaled(let n) = size, n > 2 { size = .scaled(2) }
        var p: [Piece] = titleRows(TextWidth.sanitize(s.programme.title), .title, width: w, max: rich ? 3 : 2)
        p.append(.gap)
        if s.closedAt != nil || MeetingView.allDaysEnded(s) {
            p.append(
                .row(
                    LayoutRow(
                        s.closedAt != nil ? L[.closed] : L[.meetingAllDaysEnded], .normal, priority: 9,
                        centered: true)))
            p.append(.row(LayoutRow(L[.projThanks], .normal, priority: 9, centered: true)))
            return p
        }
        guard let d = MeetingView.shownDay(s) else { return p }
        p.append(.row(LayoutRow(MeetingView.dayHeading(s, d, L), .statusRunning, priority: 9, centered: true)))
        var items = upcoming(s, now)
        guard !items.isEmpty else {
            p.append(.gap)
            p.append(.row(LayoutRow(L[.noItem], .normal, priority: 9, centered: true)))
            return p
        }
        let next = items.removeFirst()
        p.append(.gap)
        switch size {
        case .plain:
            p.append(.row(LayoutRow(L[.projNextAt] + " " + next.time, .normal, priority: 9, centered: true)))
        default:
            p.append(.row(LayoutRow(L[.projNextAt], .normal, priority: 9, centered: true)))
            p.append(.digits(text: next.time, template: next.time, role: .bigDigits, size: size))
        }
        p += titleRows(next.title, .queueCurrent, width: w, max: 2)
        if !items.isEmpty {
            p.append(.gap)
            p += agendaPieces(items, count: rich ? 3 : 2, heading: rich, width: w, L)
        }
        return p
    }

    /// The compact layout: rows by priority, the countdown in small digits when there is room.
    private func compact(_ context: ScreenContext, width w: Int, height h: Int) -> [Piece] {
        let s = context.state, L = context.labels, now = context.now
        guard s.closedAt == nil, s.currentDay != nil, let c = s.currentItem, let (item, _) = s.item(c) else {
            for size in [ProjectorDigits.Size.large, .small, .plain] {
                let p = waiting(context, width: w, height: h, size: size, rich: false)
                if fits(p, width: w, height: h) { return p }
            }
            let p = waiting(context, width: w, height: h, size: .plain, rich: false)
            return LayoutRow.fit(
                p.compactMap {
                    if case .row(let r) = $0 { return r }; return nil
                }, height: h
            ).map { .row($0) }
        }
        let cd = MeetingView.bigCountdown(s, c, at: now)
        let st = status(s, c, now, L)
        var rows: [LayoutRow] = [LayoutRow(TextWidth.sanitize(item.title), .title, priority: 9, centered: true)]
        let template = MeetingView.bigCountdownTemplate(s, c)
        var size: ProjectorDigits.Size = .plain
        for candidate in [ProjectorDigits.Size.large, .small]
        where ProjectorDigits.width(of: template, size: candidate) <= w && h >= candidate.height + 5 {
            size = candidate; break
        }
        let statusRow = LayoutRow(st.0, st.1, priority: 4, centered: true)
        if size == .plain {
            rows.append(
                LayoutRow(
                    [(cd.minutes ? cd.text + " min" : cd.text, cd.role), (st.1 == .normal ? "" : "  " + st.0, st.1)],
                    priority: 9, centered: true))
        } else {
            rows.append(statusRow)
        }
        rows.append(.blank(priority: 1))
        if let t = s.currentTurn, let scd = MeetingView.speakerCountdown(s, at: now) {
            rows.append(
                LayoutRow(
                    MeetingView.speakingSegments(t, name: MeetingView.speakerText(s, t.who), L)
                        + [("  " + scd.text, scd.role)], priority: 8, centered: true))
        }
        if let q = queueLine(s, L) { rows.append(q) }
        let items = upcoming(s, now)
        if !items.isEmpty {
            rows.append(.blank(priority: 1))
            for case .row(let r) in agendaPieces(items, count: 2, heading: false, width: w, L) { rows.append(r) }
            if rows.count > 1 { rows[rows.count - 1].priority = 3 }
        }
        let kept = LayoutRow.fit(rows, height: h - (size == .plain ? 0 : size.height))
        // The digits go under the status row, or under the title when the status row was left out.
        let statusKept = kept.contains { $0.priority == 4 && $0.left.first?.text == st.0 }
        var p: [Piece] = []
        var placed = size == .plain
        for (i, r) in kept.enumerated() {
            p.append(.row(r))
            if !placed && (statusKept ? (r.priority == 4 && r.left.first?.text == st.0) : i == 0) {
                p.append(.digits(text: cd.text, template: template, role: cd.role, size: size))
                placed = true
            }
        }
        return p
    }
}
