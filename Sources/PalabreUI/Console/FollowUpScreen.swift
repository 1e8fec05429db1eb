import PalabreCore

/// The Suivi screen (F12, « Suivi »): after the close, where every commitment, action and
/// recommendation stands, overdue ones first (deadline passed, not done), then the open ones by
/// deadline, then the closed ones; filters by partner, commune or responsible; keys record the
/// follow-up updates (`palabre do … commitment-status | action-status | fiche-status`, seat suivi)
/// through a small form: the status (←/→ among those that fit), the amount of a disbursement, the
/// date of the fact and a note (the reason of an abandonment). Rows come from
/// ``FollowUpBoard``, as `followup.md` does.
public struct FollowUpScreen: ConsoleScreen {
    public static let id = ScreenID.followUp

    /// What the list shows.
    public enum Filter: Sendable, Equatable {
        case none
        case partner(String)
        case commune(String)
        case responsible(String)
    }

    /// The update being written for a row or a fiche, or the review, on F2, of an open entry
    /// of an earlier session (``UpdateForm/Target/previous(_:)``).
    public struct UpdateForm: Sendable, Equatable {
        /// What it updates.
        public enum Target: Sendable, Equatable {
            case commitment(Int)
            case action(Int)
            case fiche(String)
            /// An open entry of a session the meeting follows, reviewed during the meeting.
            case previous(PreviousEntry)
        }
        public var target: Target
        /// Status words (raw values) to choose from, and the one chosen.
        public var choices: [String]
        public var choice: Int
        /// Field with the focus: 0 status, 1 amount, 2 date, 3 note.
        public var field = 0
        /// Amount, date and note.
        public var editors: [LineEditor]

        /// The fields shown: the amount only when the status chosen takes one (disbursed).
        var fields: [Int] {
            choices[choice] == FollowUpStatus.disbursed.rawValue ? [0, 1, 2, 3] : [0, 2, 3]
        }

        /// What a key did to the form.
        enum Step: Equatable {
            case handled, cancel, submit
            /// A letter typed in the status field, which only takes ←/→.
            case choiceOnly
        }

        /// Applies `key`: ↑/↓ move between the fields, ←/→ change the status, text goes to the
        /// field with the focus; Enter goes to the next field and submits from the last, ^S submits
        /// from any, Esc cancels.
        mutating func key(_ key: Key) -> Step {
            let fields = self.fields
            let i = fields.firstIndex(of: field) ?? 0
            switch key {
            case .escape: return .cancel
            case .up: field = fields[max(0, i - 1)]
            case .down: field = fields[min(fields.count - 1, i + 1)]
            case .left where field == 0: choice = (choice + choices.count - 1) % choices.count
            case .right where field == 0: choice = (choice + 1) % choices.count
            // As in the other forms: Enter goes to the next field and records from the last one,
            // ^S records from any field.
            case .enter where i < fields.count - 1: field = fields[i + 1]
            case .enter, .ctrl("s"): return .submit
            default:
                if field == 0 {
                    if case .char = key { return .choiceOnly }
                } else {
                    _ = editors[field - 1].handle(key)
                }
            }
            return .handled
        }

        /// The command the form describes, or why it cannot be made (a bad amount or date).
        /// Amounts are read in the session's language and in `currency`.
        func command(language: Language, currency: String) -> Result<Command, Refusal> {
            let t = editors.map { $0.text.trimmingCharacters(in: .whitespaces) }
            let word = choices[choice]
            let note = t[2].isEmpty ? nil : t[2]
            do throws(Refusal) {
                let date = t[1].isEmpty ? nil : try Values.date(t[1])
                let amount =
                    word == FollowUpStatus.disbursed.rawValue && !t[0].isEmpty
                    ? try Values.amount(t[0], language: language, currency: currency) : nil
                switch target {
                case .commitment(let seq):
                    return .success(
                        .followUpCommitment(
                            entry: seq, status: try Values.followUpStatus(word), amount: amount, date: date, note: note)
                    )
                case .action(let seq):
                    return .success(
                        .followUpAction(entry: seq, status: try Values.actionStatus(word), date: date, note: note))
                case .fiche(let id):
                    return .success(
                        .followUpFiche(fiche: id, status: try Values.ficheStatus(word), date: date, note: note))
                case .previous(let e):
                    let status: ReviewedStatus =
                        e.kind == .commitment
                        ? .commitment(try Values.followUpStatus(word)) : .action(try Values.actionStatus(word))
                    return .success(.reviewPrevious(source: e, status: status, note: note, amount: amount, date: date))
                }
            } catch {
                return .failure(error)
            }
        }

        /// Draws the form in `p`: a title line (`title` — `what` is updated), the fields, the keys.
        func draw(
            into grid: inout Grid, _ p: Rect, title: UILabel = .suiviFormTitle, what: String, labels l: Labels
        ) -> Position? {
            var y = p.y
            let bottom = p.y + p.height
            grid.put(
                x: p.x, y: y, text: TextWidth.truncate(l[title] + " — " + what, toWidth: p.width),
                role: .title)
            y += 1
            let names: [UILabel] = [.suiviFieldStatus, .suiviFieldAmount, .suiviFieldDate, .suiviFieldNote]
            let labelW = names.map { TextWidth.width(of: l[$0]) }.max()! + 2
            var cursor: Position?
            // On a short panel the fields before the focused one give way.
            let room = max(1, bottom - y - 1)
            let fields = self.fields
            let first = max(0, min((fields.firstIndex(of: field) ?? 0) - room + 1, fields.count - room))
            for f in fields.dropFirst(first).prefix(room) {
                let focused = f == field
                grid.put(
                    x: p.x, y: y, text: TextWidth.pad(l[names[f]], toWidth: labelW), role: focused ? .title : .muted)
                if f == 0 {
                    let text = "◂ " + FollowUpScreen.choiceText(self, choices[choice], l) + " ▸"
                    grid.put(
                        x: p.x + labelW, y: y, text: TextWidth.truncate(text, toWidth: p.width - labelW),
                        role: focused ? .input : .normal)
                } else {
                    var ed = editors[f - 1]
                    let pos = ed.render(
                        into: &grid, x: p.x + labelW, y: y, width: max(1, p.width - labelW),
                        role: focused ? .input : .normal)
                    if focused { cursor = pos }
                }
                y += 1
            }
            if y < bottom {
                grid.put(
                    x: p.x, y: bottom - 1, text: TextWidth.truncate(l[.suiviFormKeys], toWidth: p.width), role: .muted)
            }
            return cursor
        }
    }

    /// Selected row (index in the rows shown) and the first row shown.
    public var row = 0
    /// The entry of the row the user moved the selection to, if any; until then the selection
    /// stays on the first (most urgent) row.
    var chosen: Int?
    var top = 0
    /// The filter of the list.
    public var filter = Filter.none
    /// The update form, when open.
    public var form: UpdateForm?

    /// Every row by urgency and what it was computed from (the journal and the day), and the
    /// rows the filter keeps.
    private var all: [FollowUpRow] = []
    private var allKey: (seq: Int, deciding: Bool, programme: Programme, today: String, later: [LaterReview])?
    private var rows: [FollowUpRow] = []
    private var rowsFilter: Filter?

    public init() {}

    public var isTyping: Bool { form != nil }

    /// Whether the form holds text that quitting would lose.
    public var hasDraft: Bool { form?.editors[2...].contains { !$0.isEmpty } ?? false }

    /// Takes a paste into the form's text field with the focus.
    public mutating func paste(_ text: String) -> Bool {
        guard var f = form, f.field > 0 else { return false }
        _ = f.editors[f.field - 1].insert(text)
        form = f
        return true
    }

    public mutating func prepare(context: ScreenContext) { _ = currentRows(context) }

    /// The rows for `ctx`, computed again only when the journal, the programme (read again while
    /// the seat runs), the later sessions' reviews, the day or the filter changed, or when the
    /// whole fold replaced a decision state (same seq, the entries now there).
    mutating func currentRows(_ ctx: ScreenContext) -> [FollowUpRow] {
        let today = ctx.state.factToday(at: ctx.now)
        if allKey?.seq != ctx.state.lastSeq || allKey?.deciding != ctx.state.isForDeciding
            || allKey?.programme != ctx.state.programme || allKey?.today != today || allKey?.later != ctx.laterReviews
        {
            all = FollowUpBoard(ctx.state, today: today, laterReviews: ctx.laterReviews).byUrgency
            allKey = (ctx.state.lastSeq, ctx.state.isForDeciding, ctx.state.programme, today, ctx.laterReviews)
            rowsFilter = nil
        }
        if rowsFilter != filter {
            // A row chosen with the arrows stays chosen when the list changes under it (an event
            // from another seat moves rows): Enter never acts on a row the user did not choose.
            rows = filter == .none ? all : all.filter { Self.matches($0, filter) }
            rowsFilter = filter
            row = chosen.flatMap { e in rows.firstIndex { $0.entry == e } } ?? max(0, min(row, rows.count - 1))
        }
        return rows
    }

    static func matches(_ r: FollowUpRow, _ f: Filter) -> Bool {
        switch f {
        case .none: return true
        case .partner(let p): return r.partner == p
        case .commune(let c): return r.commune == c
        case .responsible(let w): return r.responsible == w
        }
    }

    // MARK: Keys

    public mutating func perform(_ action: FollowUpAction, context ctx: ScreenContext) -> KeyOutcome {
        let l = ctx.labels
        switch action {
        case .partner, .commune, .responsible:
            _ = currentRows(ctx)
            var values: [Filter] = []
            for r in all.sorted(by: { $0.entry < $1.entry }) {
                let v: Filter? =
                    switch action {
                    case .partner: r.partner.map(Filter.partner)
                    case .commune: r.commune.map(Filter.commune)
                    default: r.responsible.map(Filter.responsible)
                    }
                if let v, !values.contains(v) { values.append(v) }
            }
            guard !values.isEmpty else { return .message(l[.suiviFilterNothing], isError: true) }
            let next = values.firstIndex(of: filter).map { $0 + 1 } ?? 0
            filter = next < values.count ? values[next] : .none
            row = 0; top = 0
            chosen = nil
            return .none
        case .update, .fiche:
            break
        }
        let shown = currentRows(ctx)
        guard shown.indices.contains(row) else { return .message(l[.suiviNothing], isError: true) }
        let r = shown[row]
        let today = ctx.state.factToday(at: ctx.now)
        var editors = [LineEditor(), LineEditor(), LineEditor()]
        editors[1].setText(today)
        if action == .fiche {
            guard let fiche = r.fiche else { return .message(l[.suiviNoFiche], isError: true) }
            let choices = FicheStatus.allCases.map(\.rawValue)
            let now = ctx.state.followUp.status(ofFiche: fiche).flatMap { choices.firstIndex(of: $0.rawValue) }
            form = UpdateForm(
                target: .fiche(fiche), choices: choices, choice: min(choices.count - 1, (now ?? -1) + 1),
                editors: editors)
            return .none
        }
        if r.kind == .commitment {
            let choices = [FollowUpStatus.confirmed, .signed, .disbursed, .abandoned].map(\.rawValue)
            let current = r.commitmentStatus?.rawValue ?? r.meetingStatus?.rawValue
            let next = current.flatMap { choices.firstIndex(of: $0) }.map { min($0 + 1, 2) } ?? 0
            if let left = r.left, left > 0 {
                editors[0].setText(Amounts.format(left, separator: ctx.state.programme.language == .fr ? " " : ","))
            }
            form = UpdateForm(target: .commitment(r.entry), choices: choices, choice: next, editors: editors)
        } else {
            let choices = ActionStatus.allCases.map(\.rawValue)
            form = UpdateForm(
                target: .action(r.entry), choices: choices, choice: r.actionStatus == .started ? 1 : 0,
                editors: editors)
        }
        return .none
    }

    public mutating func handle(key: Key, context ctx: ScreenContext) -> KeyOutcome {
        if var f = form {
            switch f.key(key) {
            case .cancel: form = nil
            case .choiceOnly: return .message(ctx.labels[.formChoiceOnly], isError: true)
            case .submit:
                switch command(f, ctx) {
                case .success(let c): return .perform(c)
                case .failure(let e): return .message(e.message(ctx.labels.language), isError: true)
                }
            case .handled: form = f
            }
            return .none
        }
        let shown = currentRows(ctx)
        let n = shown.count
        switch key {
        case .up: row = max(0, row - 1)
        case .down: row = min(max(0, n - 1), row + 1)
        case .pageUp: row = max(0, row - 10)
        case .pageDown: row = min(max(0, n - 1), row + 10)
        case .home: row = 0
        case .end: row = max(0, n - 1)
        case .escape:
            filter = .none
            row = 0; top = 0
            chosen = nil
            return .none
        default: return .none
        }
        chosen = shown.indices.contains(row) ? shown[row].entry : nil
        return .none
    }

    /// The follow-up command the form describes, or why it cannot be made (a bad amount or date).
    func command(_ f: UpdateForm, _ ctx: ScreenContext) -> Result<Command, Refusal> {
        var currency = ctx.state.programme.currency
        if case .commitment(let seq) = f.target, let c = ctx.state.entry(seq)?.content.currency { currency = c }
        return f.command(language: ctx.state.programme.language, currency: currency)
    }

    public mutating func didRecord(_ events: [Event], context: ScreenContext) { form = nil }

    // MARK: Words

    /// The status of a row, in words.
    static func status(_ r: FollowUpRow, _ l: Labels) -> String {
        if r.kind == .commitment {
            if let s = r.commitmentStatus { return l[UILabel.suiviFollowUp(s)] }
            return l[UILabel.suiviMeetingStatus(r.meetingStatus ?? .announced)]
        }
        return l[UILabel.suiviAction(r.actionStatus)]
    }

    /// The status word `raw` of the form's target, in words.
    static func choiceText(_ f: UpdateForm, _ raw: String, _ l: Labels) -> String {
        switch f.target {
        case .commitment: FollowUpStatus(rawValue: raw).map { l[UILabel.suiviFollowUp($0)] } ?? raw
        case .action: ActionStatus(rawValue: raw).map { l[UILabel.suiviAction($0)] } ?? raw
        case .fiche: FicheStatus(rawValue: raw).map { l[UILabel.suiviFiche($0)] } ?? raw
        case .previous(let e):
            e.kind == .commitment
                ? FollowUpStatus(rawValue: raw).map { l[UILabel.suiviFollowUp($0)] } ?? raw
                : ActionStatus(rawValue: raw).map { l[UILabel.suiviAction($0)] } ?? raw
        }
    }

    /// Who a row is about: the partner's acronym, or the responsible.
    static func who(_ r: FollowUpRow, _ s: SessionState) -> String {
        if let p = r.partner { return s.programme.organisation(p)?.acronym ?? p }
        return r.responsible ?? ""
    }

    static func filterText(_ f: Filter, _ s: SessionState, _ l: Labels) -> String {
        switch f {
        case .none: l[.suiviFilterNone]
        case .partner(let p): l[.suiviFilterPartner] + " " + (s.programme.organisation(p)?.acronym ?? p)
        case .commune(let c): l[.suiviFilterCommune] + " " + (s.programme.commune(c)?.name ?? c)
        case .responsible(let r): l[.suiviFilterResponsible] + " " + r
        }
    }

    // MARK: Drawing

    public mutating func render(into grid: inout Grid, area: Rect, context ctx: ScreenContext) -> Position? {
        guard area.width > 0, area.height > 0 else { return nil }
        let shown = currentRows(ctx)
        let l = ctx.labels, s = ctx.state
        let today = s.factToday(at: ctx.now)
        let overdue = shown.filter { $0.overdueDays != nil }.count

        // Title: the day, the counts, the filter.
        // Under 100 columns the date in figures, so the filter's name is read whole.
        let asOf = area.width < 100 ? today : MeetingView.longDate(today, l.language)
        var title = " " + l[.suiviAsof] + " " + asOf + " · "
        title += l.counted(shown.count, .suiviLineOne, .suiviLineMany) + " · "
        title +=
            l.counted(overdue, .suiviOverdueOne, .suiviOverdueMany) + " · " + l[.suiviFilter] + l.colon
            + Self.filterText(filter, s, l)
        grid.fill(x: area.x, y: area.y, width: area.width, height: 1, role: .normal)
        grid.put(x: area.x, y: area.y, text: TextWidth.truncate(title, toWidth: area.width), role: .title)
        if s.closedAt == nil, area.height > 1 {
            grid.put(
                x: area.x, y: area.y + 1, text: TextWidth.truncate(" " + l[.suiviNotClosed], toWidth: area.width),
                role: .bannerWarn)
        }
        let top0 = area.y + (s.closedAt == nil ? 2 : 1)

        // The panel under the list: the selected row, or the form.
        let panelH = area.isCompact ? min(4, max(0, area.height - 4)) : (area.height >= 30 ? 8 : 6)
        let listH = max(1, area.y + area.height - top0 - panelH)

        // Columns.
        let wide = area.width >= 110
        let kindW = 5, numW = 4, dueW = 11, lateW = area.isCompact ? 0 : 7
        let statusW = area.width >= 100 ? 20 : (area.isCompact ? 12 : 15)
        let whoW = area.isCompact ? 0 : (wide ? 24 : 12)
        var header = "  " + TextWidth.pad(l[.suiviColKind], toWidth: kindW)
        header += TextWidth.pad(l[.suiviColNumber], toWidth: numW) + TextWidth.pad(l[.suiviColDue], toWidth: dueW)
        if lateW > 0 { header += TextWidth.pad(l[.suiviColLate], toWidth: lateW) }
        header += TextWidth.pad(l[.suiviColStatus], toWidth: statusW)
        if whoW > 0 { header += TextWidth.pad(l[.suiviColWho], toWidth: whoW) }
        header += l[.suiviColText]
        grid.put(x: area.x, y: top0, text: TextWidth.truncate(header, toWidth: area.width), role: .muted)

        let bodyH = max(0, listH - 1)
        if row < top { top = row }
        if row >= top + bodyH { top = row - bodyH + 1 }
        top = max(0, min(top, max(0, shown.count - bodyH)))
        if shown.isEmpty, bodyH > 0 {
            grid.put(
                x: area.x + 2, y: top0 + 1, text: TextWidth.truncate(l[.suiviEmpty], toWidth: area.width - 2),
                role: .muted)
        }
        for i in 0..<bodyH {
            let k = top + i
            guard k < shown.count else { break }
            let r = shown[k]
            let y = top0 + 1 + i
            let selected = k == row
            let role: Role =
                selected ? .selection : r.overdueDays != nil ? .timerWarn : r.closed ? .muted : .normal
            if selected { grid.fill(x: area.x, y: y, width: area.width, height: 1, role: .selection) }
            var line = (selected ? "› " : "  ") + TextWidth.pad(l[UILabel.suiviKind(r.kind)], toWidth: kindW)
            line += TextWidth.pad(r.number.map(String.init) ?? "", toWidth: numW)
            line += TextWidth.pad(
                TextWidth.truncate(TextWidth.sanitize(r.due ?? "—"), toWidth: dueW - 1), toWidth: dueW)
            if lateW > 0 {
                line += TextWidth.pad(r.overdueDays.map { "+\($0)" + l[.suiviDays] } ?? "", toWidth: lateW)
            }
            line += TextWidth.pad(TextWidth.truncate(Self.status(r, l), toWidth: statusW - 1), toWidth: statusW)
            if whoW > 0 {
                line += TextWidth.pad(
                    TextWidth.truncate(TextWidth.sanitize(Self.who(r, s)), toWidth: whoW - 1), toWidth: whoW)
            }
            line += TextWidth.sanitize(r.text)
            grid.put(x: area.x, y: y, text: TextWidth.truncate(line, toWidth: area.width), role: role)
        }
        if top > 0 { grid.put(x: area.x + area.width - 1, y: top0 + 1, text: "▲", role: .muted) }
        if top + bodyH < shown.count { grid.put(x: area.x + area.width - 1, y: top0 + bodyH, text: "▼", role: .muted) }

        let py = top0 + listH
        guard panelH > 0, py < area.y + area.height else { return nil }
        grid.fill(x: area.x, y: py, width: area.width, height: 1, with: "─", role: .border)
        let panel = Rect(x: area.x + 1, y: py + 1, width: area.width - 2, height: area.y + area.height - py - 1)
        if let f = form { return drawForm(&grid, f, panel, ctx) }
        if shown.indices.contains(row) { drawDetails(&grid, shown[row], panel, ctx) }
        return nil
    }

    private func drawDetails(_ grid: inout Grid, _ r: FollowUpRow, _ p: Rect, _ ctx: ScreenContext) {
        let l = ctx.labels, s = ctx.state, lang = l.language
        var lines: [(String, Role)] = []
        var head =
            l[UILabel.suiviKind(r.kind, long: true)] + (r.number.map { " " + l[.suiviNo] + "\u{00A0}\($0)" } ?? "")
        let who = Self.who(r, s)
        if !who.isEmpty { head += " · " + who }
        if let f = r.fiche {
            head += " · " + f + (r.commune.flatMap { s.programme.commune($0)?.name }.map { " (\($0))" } ?? "")
        }
        lines.append((head, .title))
        var status = l[.suiviColStatus] + l.colon + Self.status(r, l)
        if let since = r.since { status += " " + l[.suiviSince] + " " + since }
        if let later = r.reviewedIn { status += " (" + l[.revAccordingTo] + " " + later + ")" }
        if let n = r.note { status += " — " + n }
        if let a = r.amount, let cur = r.currency {
            status +=
                " · " + Money.format(a, cur, language: lang) + " · " + l[.suiviDisbursed] + " "
                + Money.format(r.disbursed, cur, language: lang)
            if let left = r.left, !r.closed {
                status += " · " + l[.suiviLeft] + " " + Money.format(left, cur, language: lang)
            }
        }
        for w in TextWidth.wrap(TextWidth.sanitize(status), width: p.width).prefix(2) { lines.append((w, .normal)) }
        for w in TextWidth.wrap(TextWidth.sanitize(r.text), width: p.width) { lines.append((w, .muted)) }
        let keys = l.unitWord(l[ctx.readOnly ? .suiviKeysReadOnly : .suiviKeys], ctx.state.programme)
        for (i, line) in lines.prefix(max(0, p.height - 1)).enumerated() {
            grid.put(x: p.x, y: p.y + i, text: TextWidth.truncate(line.0, toWidth: p.width), role: line.1)
        }
        if p.height > 1 {
            grid.put(x: p.x, y: p.y + p.height - 1, text: TextWidth.truncate(keys, toWidth: p.width), role: .muted)
        }
    }

    private func drawForm(_ grid: inout Grid, _ f: UpdateForm, _ p: Rect, _ ctx: ScreenContext) -> Position? {
        let l = ctx.labels
        var what: String
        switch f.target {
        case .commitment(let seq), .action(let seq):
            let r = rows.first { $0.entry == seq }
            what = l[UILabel.suiviKind(r?.kind ?? .action, long: true)]
            if let n = r?.number { what += " " + l[.suiviNo] + "\u{00A0}\(n)" }
        case .fiche(let id): what = l[.suiviKindLongFiche] + " " + id
        case .previous(let e): what = PreviousReviews.title(e, l)
        }
        return f.draw(into: &grid, p, what: what, labels: l)
    }

    // MARK: Table

    /// Bindings of this screen, part of Keymap/all.
    static let bindings: [Binding] = [
        Binding(.followUp(.update), ["Enter"], guarding: .undoable),
        Binding(.followUp(.fiche), ["f"], guarding: .undoable),
        Binding(.followUp(.partner), ["p"], inHints: false),
        Binding(.followUp(.commune), ["c"], inHints: false),
        Binding(.followUp(.responsible), ["r"], inHints: false),
    ]
}
