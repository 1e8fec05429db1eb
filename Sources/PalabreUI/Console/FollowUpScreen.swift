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

    /// The update being written for a row or a fiche.
    public struct UpdateForm: Sendable, Equatable {
        /// What it updates.
        public enum Target: Sendable, Equatable {
            case commitment(Int)
            case action(Int)
            case fiche(String)
        }
        public var target: Target
        /// Status words (raw values) to choose from, and the one chosen.
        public var choices: [String]
        public var choice: Int
        /// Field with the focus: 0 status, 1 amount, 2 date, 3 note.
        public var field = 0
        /// Amount, date and note.
        public var editors: [LineEditor]

        /// The fields shown: the amount only for a commitment.
        var fields: [Int] {
            if case .commitment = target { return [0, 1, 2, 3] }
            return [0, 2, 3]
        }
    }

    /// Selected row (index in the rows shown) and the first row shown.
    public var row = 0
    var top = 0
    /// The filter of the list.
    public var filter = Filter.none
    /// The update form, when open.
    public var form: UpdateForm?

    /// Every row by urgency and what it was computed from (the journal and the day), and the
    /// rows the filter keeps.
    private var all: [FollowUpRow] = []
    private var allKey: (seq: Int, today: String)?
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

    /// The rows for `ctx`, computed again only when the journal, the day or the filter changed.
    mutating func currentRows(_ ctx: ScreenContext) -> [FollowUpRow] {
        let today = ctx.state.local.date(of: ctx.now)
        if allKey?.seq != ctx.state.lastSeq || allKey?.today != today {
            all = FollowUpBoard(ctx.state, today: today).byUrgency
            allKey = (ctx.state.lastSeq, today)
            rowsFilter = nil
        }
        if rowsFilter != filter {
            rows = filter == .none ? all : all.filter { Self.matches($0, filter) }
            rowsFilter = filter
            row = max(0, min(row, rows.count - 1))
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
            guard !values.isEmpty else { return .message(l["suivi.filter.nothing"], isError: true) }
            let next = values.firstIndex(of: filter).map { $0 + 1 } ?? 0
            filter = next < values.count ? values[next] : .none
            row = 0; top = 0
            return .none
        case .update, .fiche:
            break
        }
        let shown = currentRows(ctx)
        guard shown.indices.contains(row) else { return .message(l["suivi.nothing"], isError: true) }
        let r = shown[row]
        let today = ctx.state.local.date(of: ctx.now)
        var editors = [LineEditor(), LineEditor(), LineEditor()]
        editors[1].setText(today)
        if action == .fiche {
            guard let fiche = r.fiche else { return .message(l["suivi.no.fiche"], isError: true) }
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
            let fields = f.fields
            let i = fields.firstIndex(of: f.field) ?? 0
            switch key {
            case .escape: form = nil; return .none
            case .up: f.field = fields[max(0, i - 1)]
            case .down: f.field = fields[min(fields.count - 1, i + 1)]
            case .left where f.field == 0: f.choice = (f.choice + f.choices.count - 1) % f.choices.count
            case .right where f.field == 0: f.choice = (f.choice + 1) % f.choices.count
            case .enter, .ctrl("s"):
                switch command(f, ctx) {
                case .success(let c): return .perform(c)
                case .failure(let e): return .message(e.message(ctx.labels.language), isError: true)
                }
            default:
                if f.field == 0 {
                    if case .char = key { return .message(ctx.labels["form.choice.only"], isError: true) }
                } else {
                    _ = f.editors[f.field - 1].handle(key)
                }
            }
            form = f
            return .none
        }
        let n = currentRows(ctx).count
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
        default: break
        }
        return .none
    }

    /// The follow-up command the form describes, or why it cannot be made (a bad amount or date).
    func command(_ f: UpdateForm, _ ctx: ScreenContext) -> Result<Command, Refusal> {
        let t = f.editors.map { $0.text.trimmingCharacters(in: .whitespaces) }
        let word = f.choices[f.choice]
        let note = t[2].isEmpty ? nil : t[2]
        do throws(Refusal) {
            let date = t[1].isEmpty ? nil : try Values.date(t[1])
            switch f.target {
            case .commitment(let seq):
                let status = try Values.followUpStatus(word)
                var amount: Int64?
                if status == .disbursed, !t[0].isEmpty {
                    let currency = ctx.state.entry(seq)?.content.currency ?? ctx.state.programme.currency
                    amount = try Values.amount(t[0], language: ctx.state.programme.language, currency: currency)
                }
                return .success(
                    .followUpCommitment(entry: seq, status: status, amount: amount, date: date, note: note))
            case .action(let seq):
                return .success(
                    .followUpAction(entry: seq, status: try Values.actionStatus(word), date: date, note: note))
            case .fiche(let id):
                return .success(
                    .followUpFiche(fiche: id, status: try Values.ficheStatus(word), date: date, note: note))
            }
        } catch {
            return .failure(error)
        }
    }

    public mutating func didRecord(_ events: [Event], context: ScreenContext) { form = nil }

    // MARK: Words

    /// The status of a row, in words.
    static func status(_ r: FollowUpRow, _ l: Labels) -> String {
        if r.kind == .commitment {
            if let s = r.commitmentStatus { return l["suivi.fs." + s.rawValue] }
            return l["suivi.fs." + (r.meetingStatus ?? .announced).rawValue]
        }
        return r.actionStatus.map { l["suivi.as." + $0.rawValue] } ?? l["suivi.as.open"]
    }

    /// The status word `raw` of the form's target, in words.
    static func choiceText(_ f: UpdateForm, _ raw: String, _ l: Labels) -> String {
        switch f.target {
        case .commitment: l["suivi.fs." + raw]
        case .action: l["suivi.as." + raw]
        case .fiche: l["suivi.fiche." + raw]
        }
    }

    /// Who a row is about: the partner's acronym, or the responsible.
    static func who(_ r: FollowUpRow, _ s: SessionState) -> String {
        if let p = r.partner { return s.programme.organisation(p)?.acronym ?? p }
        return r.responsible ?? ""
    }

    static func filterText(_ f: Filter, _ s: SessionState, _ l: Labels) -> String {
        switch f {
        case .none: l["suivi.filter.none"]
        case .partner(let p): l["suivi.filter.partner"] + " " + (s.programme.organisation(p)?.acronym ?? p)
        case .commune(let c): l["suivi.filter.commune"] + " " + (s.programme.commune(c)?.name ?? c)
        case .responsible(let r): l["suivi.filter.responsible"] + " " + r
        }
    }

    // MARK: Drawing

    public mutating func render(into grid: inout Grid, area: Rect, context ctx: ScreenContext) -> Position? {
        guard area.width > 0, area.height > 0 else { return nil }
        let shown = currentRows(ctx)
        let l = ctx.labels, s = ctx.state
        let today = s.local.date(of: ctx.now)
        let overdue = shown.filter { $0.overdueDays != nil }.count

        // Title: the day, the counts, the filter.
        var title = " " + l["suivi.asof"] + " " + MeetingView.longDate(today, l.language) + " · "
        title += l.counted(shown.count, "suivi.line") + " · "
        title +=
            l.counted(overdue, "suivi.overdue") + " · " + l["suivi.filter"] + l.colon + Self.filterText(filter, s, l)
        grid.fill(x: area.x, y: area.y, width: area.width, height: 1, role: .normal)
        grid.put(x: area.x, y: area.y, text: TextWidth.truncate(title, toWidth: area.width), role: .title)
        if s.closedAt == nil, area.height > 1 {
            grid.put(
                x: area.x, y: area.y + 1, text: TextWidth.truncate(" " + l["suivi.not.closed"], toWidth: area.width),
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
        var header = "  " + TextWidth.pad(l["suivi.col.kind"], toWidth: kindW)
        header += TextWidth.pad(l["suivi.col.number"], toWidth: numW) + TextWidth.pad(l["suivi.col.due"], toWidth: dueW)
        if lateW > 0 { header += TextWidth.pad(l["suivi.col.late"], toWidth: lateW) }
        header += TextWidth.pad(l["suivi.col.status"], toWidth: statusW)
        if whoW > 0 { header += TextWidth.pad(l["suivi.col.who"], toWidth: whoW) }
        header += l["suivi.col.text"]
        grid.put(x: area.x, y: top0, text: TextWidth.truncate(header, toWidth: area.width), role: .muted)

        let bodyH = max(0, listH - 1)
        if row < top { top = row }
        if row >= top + bodyH { top = row - bodyH + 1 }
        top = max(0, min(top, max(0, shown.count - bodyH)))
        if shown.isEmpty, bodyH > 0 {
            grid.put(
                x: area.x + 2, y: top0 + 1, text: TextWidth.truncate(l["suivi.empty"], toWidth: area.width - 2),
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
            var line = (selected ? "› " : "  ") + TextWidth.pad(l["suivi.kind." + r.kind.rawValue], toWidth: kindW)
            line += TextWidth.pad(r.number.map(String.init) ?? "", toWidth: numW)
            line += TextWidth.pad(
                TextWidth.truncate(TextWidth.sanitize(r.due ?? "—"), toWidth: dueW - 1), toWidth: dueW)
            if lateW > 0 {
                line += TextWidth.pad(r.overdueDays.map { "+\($0)" + l["suivi.days"] } ?? "", toWidth: lateW)
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
            l["suivi.kind.long." + r.kind.rawValue] + (r.number.map { " " + l["suivi.no"] + "\u{00A0}\($0)" } ?? "")
        let who = Self.who(r, s)
        if !who.isEmpty { head += " · " + who }
        if let f = r.fiche {
            head += " · " + f + (r.commune.flatMap { s.programme.commune($0)?.name }.map { " (\($0))" } ?? "")
        }
        lines.append((head, .title))
        var status = l["suivi.col.status"] + l.colon + Self.status(r, l)
        if let since = r.since { status += " " + l["suivi.since"] + " " + since }
        if let n = r.note { status += " — " + n }
        if let a = r.amount, let cur = r.currency {
            status +=
                " · " + Money.format(a, cur, language: lang) + " · " + l["suivi.disbursed"] + " "
                + Money.format(r.disbursed, cur, language: lang)
            if let left = r.left, !r.closed {
                status += " · " + l["suivi.left"] + " " + Money.format(left, cur, language: lang)
            }
        }
        for w in TextWidth.wrap(TextWidth.sanitize(status), width: p.width).prefix(2) { lines.append((w, .normal)) }
        for w in TextWidth.wrap(TextWidth.sanitize(r.text), width: p.width) { lines.append((w, .muted)) }
        let keys = l["suivi.keys"]
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
            what = l["suivi.kind.long." + (r?.kind ?? .action).rawValue]
            if let n = r?.number { what += " " + l["suivi.no"] + "\u{00A0}\(n)" }
        case .fiche(let id): what = l["suivi.kind.long.fiche"] + " " + id
        }
        var y = p.y
        let bottom = p.y + p.height
        grid.put(
            x: p.x, y: y, text: TextWidth.truncate(l["suivi.form.title"] + " — " + what, toWidth: p.width), role: .title
        )
        y += 1
        let names = ["suivi.field.status", "suivi.field.amount", "suivi.field.date", "suivi.field.note"]
        let labelW = names.map { TextWidth.width(of: l[$0]) }.max()! + 2
        var cursor: Position?
        // On a short panel the fields before the focused one give way.
        let room = max(1, bottom - y - 1)
        let fields = f.fields
        let first = max(0, min((fields.firstIndex(of: f.field) ?? 0) - room + 1, fields.count - room))
        for field in fields.dropFirst(first).prefix(room) {
            let focused = field == f.field
            grid.put(
                x: p.x, y: y, text: TextWidth.pad(l[names[field]], toWidth: labelW), role: focused ? .title : .muted)
            if field == 0 {
                let text = "◂ " + Self.choiceText(f, f.choices[f.choice], l) + " ▸"
                grid.put(
                    x: p.x + labelW, y: y, text: TextWidth.truncate(text, toWidth: p.width - labelW),
                    role: focused ? .input : .normal)
            } else {
                var ed = f.editors[field - 1]
                let pos = ed.render(
                    into: &grid, x: p.x + labelW, y: y, width: max(1, p.width - labelW),
                    role: focused ? .input : .normal)
                if focused { cursor = pos }
            }
            y += 1
        }
        if y < bottom {
            grid.put(
                x: p.x, y: bottom - 1, text: TextWidth.truncate(l["suivi.form.keys"], toWidth: p.width), role: .muted)
        }
        return cursor
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

    /// Labels of this screen: id → (French, English).
    static let labels: [String: (fr: String, en: String)] = [
        "screen.followup": ("Suivi", "Follow-up"),
        "action.suivi.update": ("Mettre à jour", "Update"),
        "help.suivi.update": (
            "Enregistrer où en est la ligne\u{00A0}: statut (convention signée, décaissé avec montant et date, abandonné "
                + "avec motif\u{00A0}; action commencée, réalisée, en retard, abandonnée), date, note",
            "Record where the row stands: status (agreement signed, disbursed with amount and date, abandoned with "
                + "a reason; action started, done, late, dropped), date, note"
        ),
        "action.suivi.fiche": ("Fiche", "Fiche"),
        "help.suivi.fiche": (
            "Enregistrer le statut de la fiche de la ligne (élaborée, étude financée, travaux commencés, réalisée)",
            "Record the status of the row's fiche (prepared, study funded, works started, done)"
        ),
        "action.suivi.partner": ("Partenaire", "Partner"),
        "help.suivi.partner": (
            "Filtrer par partenaire (suivant\u{00A0}; Échap\u{00A0}: tout afficher)",
            "Filter by partner (next; Esc: show all)"
        ),
        "action.suivi.commune": ("Commune", "Commune"),
        "help.suivi.commune": (
            "Filtrer par commune (suivante\u{00A0}; Échap\u{00A0}: tout afficher)",
            "Filter by commune (next; Esc: show all)"
        ),
        "action.suivi.responsible": ("Responsable", "Responsible"),
        "help.suivi.responsible": (
            "Filtrer par responsable (suivant\u{00A0}; Échap\u{00A0}: tout afficher)",
            "Filter by responsible (next; Esc: show all)"
        ),
        "suivi.asof": ("Suivi au", "Follow-up as of"),
        "suivi.line.one": ("ligne", "row"),
        "suivi.line.many": ("lignes", "rows"),
        "suivi.overdue.one": ("en retard", "overdue"),
        "suivi.overdue.many": ("en retard", "overdue"),
        "suivi.filter": ("filtre", "filter"),
        "suivi.filter.none": ("aucun", "none"),
        "suivi.filter.partner": ("partenaire", "partner"),
        "suivi.filter.commune": ("commune", "commune"),
        "suivi.filter.responsible": ("responsable", "responsible"),
        "suivi.filter.nothing": ("Rien à filtrer ainsi.", "Nothing to filter that way."),
        "suivi.not.closed": (
            "La réunion n'est pas close\u{00A0}: le suivi s'enregistre après la clôture.",
            "The meeting is not closed: follow-up is recorded after the close."
        ),
        "suivi.empty": ("Aucun engagement, aucune action.", "No commitments, no actions."),
        "suivi.nothing": ("Aucune ligne sélectionnée.", "No row selected."),
        "suivi.no.fiche": ("Cette ligne ne porte sur aucune fiche.", "This row is about no fiche."),
        "suivi.col.kind": ("Type", "Kind"),
        "suivi.col.number": ("N°", "No."),
        "suivi.col.due": ("Échéance", "Deadline"),
        "suivi.col.late": ("Retard", "Late"),
        "suivi.col.status": ("Statut", "Status"),
        "suivi.col.who": ("Qui", "Who"),
        "suivi.col.text": ("Texte", "Text"),
        "suivi.days": ("j", "d"),
        "suivi.no": ("n°", "no."),
        "suivi.since": ("depuis le", "since"),
        "suivi.disbursed": ("décaissé", "disbursed"),
        "suivi.left": ("reste", "left"),
        "suivi.kind.commitment": ("Eng.", "Com."),
        "suivi.kind.action": ("Act.", "Act."),
        "suivi.kind.recommendation": ("Rec.", "Rec."),
        "suivi.kind.long.commitment": ("Engagement", "Commitment"),
        "suivi.kind.long.action": ("Action", "Action"),
        "suivi.kind.long.recommendation": ("Recommandation", "Recommendation"),
        "suivi.kind.long.fiche": ("Fiche", "Fiche"),
        "suivi.fs.announced": ("annoncé", "announced"),
        "suivi.fs.intention": ("intention", "intention"),
        "suivi.fs.confirmed": ("confirmé", "confirmed"),
        "suivi.fs.signed": ("convention signée", "agreement signed"),
        "suivi.fs.disbursed": ("décaissé", "disbursed"),
        "suivi.fs.abandoned": ("abandonné", "abandoned"),
        "suivi.as.open": ("à faire", "to do"),
        "suivi.as.started": ("commencée", "started"),
        "suivi.as.done": ("réalisée", "done"),
        "suivi.as.late": ("en retard", "late"),
        "suivi.as.dropped": ("abandonnée", "dropped"),
        "suivi.fiche.prepared": ("fiche élaborée", "fiche prepared"),
        "suivi.fiche.study-funded": ("étude financée", "study funded"),
        "suivi.fiche.works-started": ("travaux commencés", "works started"),
        "suivi.fiche.done": ("réalisée", "done"),
        "suivi.keys": (
            "Entrée\u{00A0}: mettre à jour · f\u{00A0}: fiche · p/c/r\u{00A0}: filtre partenaire, commune, responsable",
            "Enter: update · f: fiche · p/c/r: filter by partner, commune, responsible"
        ),
        "suivi.form.title": ("Mise à jour", "Update"),
        "suivi.form.keys": (
            "←/→\u{00A0}: statut · ↑↓\u{00A0}: champ · Entrée\u{00A0}: enregistrer · Échap\u{00A0}: annuler",
            "←/→: status · ↑↓: field · Enter: record · Esc: cancel"
        ),
        "suivi.field.status": ("Statut", "Status"),
        "suivi.field.amount": ("Montant décaissé", "Amount disbursed"),
        "suivi.field.date": ("Date (AAAA-MM-JJ)", "Date (YYYY-MM-DD)"),
        "suivi.field.note": ("Note ou motif", "Note or reason"),
    ]
}
