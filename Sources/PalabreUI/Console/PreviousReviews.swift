import PalabreCore

/// An open entry of an earlier session: the session as the programme's `follows` names it and
/// the entry's seq in its journal.
public struct PreviousKey: Sendable, Hashable {
    /// The earlier session (`../segou-2023`).
    public var session: String
    /// The entry's seq in that session's journal.
    public var entry: Int
    /// The key of `e`.
    public init(_ e: PreviousEntry) { session = e.session; entry = e.entry }
}

/// The review of the sessions a meeting follows, during an agenda item of kind follow-up
/// (« suivi des recommandations »): their open entries one by one, the rapporteur's panel on F2
/// and the entry under review on F1. Entries reviewed in this meeting show their new status.
enum PreviousReviews {
    /// Whether the item under way is of kind follow-up and there is something to review.
    static func isActive(_ ctx: ScreenContext) -> Bool {
        guard !ctx.previous.isEmpty, let c = ctx.state.currentItem else { return false }
        return ctx.state.item(c)?.item.kind == .followUp
    }

    /// The last review of `e` recorded in this meeting, if any.
    static func review(_ e: PreviousEntry, _ s: SessionState) -> PreviousReview? {
        s.reviews.last { $0.source.session == e.session && $0.source.entry == e.entry }
    }

    /// The index in `ctx.previous` of the entry under review: the one selected on F2 in this
    /// console, else the first one not yet reviewed in this meeting, else the last one.
    static func currentIndex(_ ctx: ScreenContext) -> Int? {
        guard !ctx.previous.isEmpty else { return nil }
        if let k = ctx.reviewing, let i = ctx.previous.firstIndex(where: { PreviousKey($0) == k }) { return i }
        return ctx.previous.firstIndex { review($0, ctx.state) == nil } ?? ctx.previous.count - 1
    }

    /// « Recommandation n° 5 » / « Recommendation #5 ».
    static func title(_ e: PreviousEntry, _ l: Labels) -> String {
        l[UILabel.suiviKind(e.kind, long: true)] + (e.number.map { " " + l[.suiviNo] + "\u{00A0}\($0)" } ?? "")
    }

    /// A status word of the journal (`signed`, `announced`, `done`…) in words.
    static func statusWords(_ raw: String?, kind: EntryKind, _ l: Labels) -> String {
        if kind == .commitment {
            if let s = raw.flatMap(FollowUpStatus.init(rawValue:)) { return l[UILabel.suiviFollowUp(s)] }
            return l[UILabel.suiviMeetingStatus(raw.flatMap(CommitmentStatus.init(rawValue:)) ?? .announced)]
        }
        return l[UILabel.suiviAction(raw.flatMap(ActionStatus.init(rawValue:)))]
    }

    /// Where `e` stands: its new status when reviewed in this meeting (marked so), else its
    /// status in the earlier session's follow-up. The flag says whether it was reviewed here.
    static func status(_ e: PreviousEntry, _ ctx: ScreenContext) -> (text: String, reviewed: Bool) {
        let l = ctx.labels
        guard let r = review(e, ctx.state) else { return (statusWords(e.lastStatus, kind: e.kind, l), false) }
        var text = "✓ " + statusWords(r.status.rawValue, kind: e.kind, l)
        if let a = r.amount {
            text += " " + Money.format(a, e.currency ?? ctx.state.programme.currency, language: l.language)
        }
        return (text + " (" + l[.revReviewedHere] + ")", true)
    }

    /// The status form of `e`: the statuses of its kind, the next one after where it stands
    /// chosen; the date of today.
    static func form(_ e: PreviousEntry, _ ctx: ScreenContext) -> FollowUpScreen.UpdateForm {
        var editors = [LineEditor(), LineEditor(), LineEditor()]
        editors[1].setText(ctx.state.factToday(at: ctx.now))
        let now = review(e, ctx.state)?.status.rawValue ?? e.lastStatus
        if e.kind == .commitment {
            let choices = FollowUpStatus.allCases.map(\.rawValue)
            let next = now.flatMap { choices.firstIndex(of: $0) }.map { min($0 + 1, 3) } ?? 0
            return .init(target: .previous(e), choices: choices, choice: next, editors: editors)
        }
        let choices = ActionStatus.allCases.map(\.rawValue)
        return .init(target: .previous(e), choices: choices, choice: now == "started" ? 1 : 0, editors: editors)
    }

    /// One line of the list: kind and number, status, who, text.
    static func line(_ e: PreviousEntry, _ ctx: ScreenContext, width: Int) -> String {
        let l = ctx.labels
        var text = TextWidth.pad(l[UILabel.suiviKind(e.kind)], toWidth: 5)
        text += TextWidth.pad(e.number.map(String.init) ?? "", toWidth: 4)
        let st = status(e, ctx).text
        text += TextWidth.pad(TextWidth.truncate(st, toWidth: width >= 100 ? 34 : 22), toWidth: width >= 100 ? 36 : 24)
        if width >= 100, let w = e.who { text += TextWidth.pad(TextWidth.truncate(w, toWidth: 15), toWidth: 17) }
        return text + TextWidth.sanitize(e.text)
    }

    /// The header of the panel: « Suivi des recommandations · 2/7 · ../segou-2023 ».
    static func header(_ ctx: ScreenContext, current: Int) -> String {
        let l = ctx.labels
        let done = ctx.previous.filter { review($0, ctx.state) != nil }.count
        let e = ctx.previous[current]
        return l[.revTitle] + " · \(current + 1)/\(ctx.previous.count) · "
            + l.counted(done, .revReviewedOne, .revReviewedMany) + " · " + TextWidth.sanitize(e.sessionTitle)
    }

    /// F1's box: the entry under review (read-only), with a rule on top, in `r`.
    static func drawCurrent(_ grid: inout Grid, _ r: Rect, _ ctx: ScreenContext) {
        guard r.height > 0, let i = currentIndex(ctx) else { return }
        let e = ctx.previous[i], l = ctx.labels
        grid.fill(x: r.x, y: r.y, width: r.width, height: r.height, role: .normal)
        grid.fill(x: r.x, y: r.y, width: r.width, height: 1, with: "─", role: .border)
        grid.put(
            x: r.x + 1, y: r.y, text: " " + TextWidth.truncate(header(ctx, current: i), toWidth: r.width - 4) + " ",
            role: .title)
        var info = title(e, l)
        if let w = e.who { info += " · " + TextWidth.sanitize(w) }
        if let d = e.due { info += " · " + l[.suiviColDue] + " " + TextWidth.sanitize(d) }
        let st = status(e, ctx)
        var rows: [(String, Role)] = [(info + " · " + st.text, st.reviewed ? .statusRunning : .muted)]
        for w in TextWidth.wrap(TextWidth.sanitize(e.text), width: max(1, r.width - 2)) { rows.append((w, .normal)) }
        for (k, row) in rows.prefix(r.height - 1).enumerated() {
            grid.put(x: r.x + 1, y: r.y + 1 + k, text: TextWidth.truncate(row.0, toWidth: r.width - 2), role: row.1)
        }
    }

    /// F2's panel in `r`: the header, the entries (the selected one set apart when `focused`),
    /// and the keys on the last row when focused.
    static func drawList(_ grid: inout Grid, _ r: Rect, _ ctx: ScreenContext, focused: Bool) {
        guard r.height > 0, let cur = currentIndex(ctx) else { return }
        let l = ctx.labels
        grid.fill(x: r.x, y: r.y, width: r.width, height: 1, with: "─", role: .border)
        grid.put(
            x: r.x, y: r.y, text: "── " + TextWidth.truncate(header(ctx, current: cur), toWidth: r.width - 8) + " ",
            role: .border)
        let keysRow = r.height >= 4 ? 1 : 0
        let rows = max(0, r.height - 1 - keysRow)
        let n = ctx.previous.count
        let top = max(0, min(cur - rows / 2, n - rows))
        for k in 0..<rows where top + k < n {
            let i = top + k, y = r.y + 1 + k
            let e = ctx.previous[i]
            let selected = i == cur
            let reviewed = review(e, ctx.state) != nil
            let role: Role = selected && focused ? .selection : reviewed ? .statusRunning : .normal
            if selected && focused { grid.fill(x: r.x, y: y, width: r.width, height: 1, role: .selection) }
            let text = (selected ? "› " : "  ") + line(e, ctx, width: r.width)
            grid.put(x: r.x, y: y, text: TextWidth.truncate(text, toWidth: r.width), role: role)
        }
        if keysRow > 0 {
            grid.put(
                x: r.x + 1, y: r.y + r.height - 1,
                text: TextWidth.truncate(l[focused ? .revKeys : .revEnterKeys], toWidth: r.width - 2), role: .hintText)
        }
    }
}
