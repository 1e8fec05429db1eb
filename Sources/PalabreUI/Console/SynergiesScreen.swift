import PalabreCore

/// The Synergies screen (F11, « Synergies »): the board of project fiches × partners for the
/// debates on synergies and the commitments matrix.
///
/// Rows are the fiches grouped by commune (commune and fiche always visible on the left, cost,
/// amount sought and gap on wider screens), columns the partners' acronyms. A cell shows where a
/// partner stands on a fiche: `·` suggested by the programme (its sectors and zones), `○`
/// interest, `◎` synergy, `●` committed (with the amount), `★` the lead. Arrows move from cell to
/// cell and scroll both ways; the panel (beside the board from 120 columns, under it otherwise)
/// shows the selected fiche: sought against committed per currency, the gap, the partners
/// engaged and the lead, and its history. Keys declare an interest, mark a synergy (the partners
/// engaged plus the selected one, led by the selected one), record a commitment (a small form),
/// move a commitment to its next status, withdraw it, and cycle filters and sorts. Everything is
/// computed by ``SynergyBoard``.
public struct SynergiesScreen: ConsoleScreen {
    public static let id = ScreenID.synergies

    /// Selected row (index in the board's rows) and partner column.
    public var row = 0
    public var col = 0
    /// First row and first partner column shown.
    var top = 0
    var left = 0
    /// Filter and sort of the board.
    public var filter = SynergyFilter()
    public var sort = SynergySort.programme
    /// Position in the cycle of filters (``filters(_:)``).
    var filterIndex = 0

    /// The commitment form, when open.
    public var form: CommitmentForm?
    /// The reason typed for a withdrawal, when asked.
    public var withdrawReason: LineEditor?

    /// The board of the last render, and what it was computed from.
    private var board: SynergyBoard?
    private var boardKey: (seq: Int, deciding: Bool, programme: Programme, filter: SynergyFilter, sort: SynergySort)?

    public init() {}

    public var isTyping: Bool { form != nil || withdrawReason != nil }

    /// Builds the board again when the journal, the filter or the sort changed, outside rendering.
    public mutating func prepare(context: ScreenContext) { _ = currentBoard(context) }

    /// Whether the commitment form or the withdrawal reason holds text that quitting would lose.
    public var hasDraft: Bool {
        (form?.editors.contains { !$0.isEmpty } ?? false) || !(withdrawReason?.isEmpty ?? true)
    }

    /// Takes a paste into the field with the focus; false when no field is open.
    public mutating func paste(_ text: String) -> Bool {
        if var f = form, f.editors.indices.contains(f.field) {
            _ = f.editors[f.field].insert(text)
            form = f
            return true
        }
        if var r = withdrawReason {
            _ = r.insert(text)
            withdrawReason = r
            return true
        }
        return false
    }

    /// A small form for a commitment on the selected fiche by the selected partner.
    public struct CommitmentForm: Sendable {
        public var partner: String
        public var fiche: String
        public var field = 1
        public var editors: [LineEditor]
        static let fields = ["nature", "amount", "currency", "status", "conditions", "due"]
        /// Words of ``fields``, in the same order.
        static let fieldLabels: [UILabel] = [
            .synFieldNature, .synFieldAmount, .synFieldCurrency, .synFieldStatus, .synFieldConditions, .synFieldDue,
        ]
    }

    // MARK: Board

    /// The board for `ctx`, computed again only when the journal, the programme (read again
    /// while the seat runs), the filter or the sort changed, or when the whole fold replaced a
    /// decision state (same seq, the commitments now there).
    mutating func currentBoard(_ ctx: ScreenContext) -> SynergyBoard {
        if let b = board, let k = boardKey, k.seq == ctx.state.lastSeq, k.deciding == ctx.state.isForDeciding,
            k.programme == ctx.state.programme, k.filter == filter, k.sort == sort
        {
            return b
        }
        let b = SynergyBoard(ctx.state, filter: filter, sort: sort)
        board = b
        boardKey = (ctx.state.lastSeq, ctx.state.isForDeciding, ctx.state.programme, filter, sort)
        clamp(b)
        return b
    }

    private mutating func clamp(_ b: SynergyBoard) {
        row = max(0, min(row, b.rows.count - 1))
        col = max(0, min(col, b.partners.count - 1))
    }

    /// The filters `f` cycles through: none, study needed, PPP, classique, each cercle, then
    /// each sector.
    static func filters(_ p: Programme) -> [SynergyFilter] {
        var cercles: [String] = [], sectors: [String] = []
        for c in p.communes where !c.cercle.isEmpty && !cercles.contains(c.cercle) { cercles.append(c.cercle) }
        for f in p.communes.flatMap(\.fiches) where !sectors.contains(f.sector) { sectors.append(f.sector) }
        return [
            SynergyFilter(), SynergyFilter(studyNeeded: true), SynergyFilter(mode: .ppp),
            SynergyFilter(mode: .classique),
        ]
            + cercles.map { SynergyFilter(cercle: $0) } + sectors.map { SynergyFilter(sector: $0) }
    }

    static func filterText(_ f: SynergyFilter, _ l: Labels) -> String {
        if f.studyNeeded { return l[.synFilterStudy] }
        if let m = f.mode { return m == .ppp ? "PPP" : l[.synModeClassique] }
        if let c = f.cercle { return l[.synCercle] + " " + c }
        if let s = f.sector { return l[.synSector] + " " + s }
        if let c = f.commune { return c }
        return l[.synFilterNone]
    }

    // MARK: Keys

    public mutating func perform(_ action: SynergiesAction, context ctx: ScreenContext) -> KeyOutcome {
        let b = currentBoard(ctx)
        let l = ctx.labels
        switch action {
        case .filter:
            let all = Self.filters(ctx.state.programme)
            filterIndex = (filterIndex + 1) % all.count
            filter = all[filterIndex]
            row = 0; top = 0
            return .none
        case .sort:
            let all = SynergySort.allCases
            sort = all[((all.firstIndex(of: sort) ?? 0) + 1) % all.count]
            return .none
        case .interest, .synergy, .commit, .status, .withdraw: break
        }
        guard b.rows.indices.contains(row), b.partners.indices.contains(col) else {
            return .message(l[.synNothing], isError: true)
        }
        let r = b.rows[row], p = b.partners[col], cell = r.cells[col]
        switch action {
        case .interest:
            return .perform(.declareInterest(partner: p.id, fiche: r.fiche.id))
        case .synergy:
            // The partners already in a synergy or committed on the fiche, plus the selected one, led by it.
            var partners = r.cells.indices.filter { r.cells[$0].state >= .synergy }.map { b.partners[$0].id }
            if !partners.contains(p.id) { partners.append(p.id) }
            return .perform(.markSynergy(fiche: r.fiche.id, partners: partners, lead: p.id))
        case .commit:
            var editors = CommitmentForm.fields.map { _ in LineEditor() }
            editors[0].setText(l[.synNatureFinancial])
            editors[2].setText(r.fiche.currency)
            editors[3].setText(l[.synStatusAnnounced])
            form = CommitmentForm(partner: p.id, fiche: r.fiche.id, editors: editors)
            return .none
        case .status:
            guard let seq = cell.commitments.last, let e = ctx.state.entry(seq) else {
                return .message(l[.synNoCommitment], isError: true)
            }
            let all = CommitmentStatus.allCases
            let i = all.firstIndex(of: e.content.status ?? .announced) ?? 0
            guard i + 1 < all.count else { return .message(l[.synStatusTop], isError: true) }
            return .perform(.changeCommitmentStatus(entry: seq, status: all[i + 1]))
        case .withdraw:
            guard cell.commitments.last != nil else { return .message(l[.synNoCommitment], isError: true) }
            withdrawReason = LineEditor()
            return .none
        case .filter, .sort:
            return .none
        }
    }

    public mutating func handle(key: Key, context ctx: ScreenContext) -> KeyOutcome {
        let l = ctx.labels
        if var f = form {
            switch key {
            case .escape: form = nil; return .none
            case .up: f.field = max(0, f.field - 1)
            case .down: f.field = min(CommitmentForm.fields.count - 1, f.field + 1)
            // As in the other forms: Enter goes to the next field and records from the last one,
            // ^S records from any field; a half-filled commitment is never recorded by habit.
            case .enter where f.field < CommitmentForm.fields.count - 1: f.field += 1
            case .enter, .ctrl("s"):
                switch commitment(f, l, session: ctx.state.programme.language) {
                case .success(let c): return .perform(.record(c))
                case .failure(let m): return .message(m.text, isError: true)
                }
            default: _ = f.editors[f.field].handle(key)
            }
            form = f
            return .none
        }
        if var e = withdrawReason {
            switch key {
            case .escape: withdrawReason = nil; return .none
            case .enter:
                let b = currentBoard(ctx)
                guard b.rows.indices.contains(row), b.partners.indices.contains(col),
                    let seq = b.rows[row].cells[col].commitments.last
                else { withdrawReason = nil; return .none }
                return .perform(.withdrawCommitment(entry: seq, reason: e.text))
            default: _ = e.handle(key)
            }
            withdrawReason = e
            return .none
        }
        let b = currentBoard(ctx)
        switch key {
        case .up: row = max(0, row - 1)
        case .down: row = min(max(0, b.rows.count - 1), row + 1)
        case .left: col = max(0, col - 1)
        case .right: col = min(max(0, b.partners.count - 1), col + 1)
        case .pageUp: row = max(0, row - 10)
        case .pageDown: row = min(max(0, b.rows.count - 1), row + 10)
        case .home: col = 0; row = 0
        case .end: row = max(0, b.rows.count - 1)
        default: break
        }
        return .none
    }

    struct FormError: Error { let text: String }

    /// The commitment the form describes, or what is wrong with it; amounts are read the way the
    /// session's language (`session`) writes them.
    func commitment(_ f: CommitmentForm, _ l: Labels, session: Language) -> Result<EntryContent, FormError> {
        let t = f.editors.map { $0.text.trimmingCharacters(in: .whitespaces) }
        let nature: CommitmentNature, status: CommitmentStatus
        var amount: Int64?
        do throws(Refusal) {
            nature = try Values.nature(t[0])
            status = try Values.status(t[3])
            if !t[1].isEmpty {
                amount = try Values.amount(t[1], language: session, currency: t[2].isEmpty ? nil : t[2])
            }
        } catch {
            return .failure(FormError(text: error.message(l.language)))
        }
        return .success(
            EntryContent(
                kind: .commitment, text: "", due: t[5].isEmpty ? nil : t[5], partner: f.partner,
                fiche: f.fiche, nature: nature, amount: amount, currency: t[2].isEmpty ? nil : t[2],
                status: status, conditions: t[4].isEmpty ? nil : t[4]))
    }

    public mutating func didRecord(_ events: [Event], context: ScreenContext) {
        form = nil
        withdrawReason = nil
    }

    // MARK: Drawing

    /// Glyph and role of a cell.
    static func glyph(_ c: SynergyCell) -> (String, Role) {
        switch c.state {
        case .none: return ("", .muted)
        case .suggested: return ("·", .muted)
        case .interest: return (c.isLead ? "★" : "○", .statusPlanned)
        case .synergy: return (c.isLead ? "★" : "◎", .statusRunning)
        case .committed: return ((c.isLead ? "★" : "●"), .statusDone)
        }
    }

    /// A column of the fiche's own figures, left of the partners.
    enum FicheColumn: CaseIterable {
        case sector, cost, sought, gap, mode, study

        /// Whether it holds an amount (right-aligned).
        var isAmount: Bool { self == .cost || self == .sought || self == .gap }
        /// Its header.
        var header: UILabel {
            switch self {
            case .sector: .synColSector
            case .cost: .synColCost
            case .sought: .synColSought
            case .gap: .synColGap
            case .mode: .synColMode
            case .study: .synColStudy
            }
        }
        /// Its width in cells: amounts take at most five cells (``Amounts/compact(_:language:)``).
        func width(wide: Bool) -> Int {
            switch self {
            case .sector: 12
            case .cost, .sought, .gap: wide ? 11 : 7
            case .mode: 5
            case .study: 6
            }
        }
    }

    /// The fiche columns shown, in screen order: all of them on a table of 110 cells or more;
    /// otherwise those that fit in the blank space the partners' columns leave (`tableW` minus
    /// `frame`, the commune and fiche columns, minus `partnersW`), the gap first, then the amount
    /// sought, the cost, the sector, the mode and the study.
    static func ficheColumns(tableW: Int, frame: Int, partnersW: Int) -> [(kind: FicheColumn, width: Int)] {
        if tableW >= 110 { return FicheColumn.allCases.map { ($0, $0.width(wide: true)) } }
        var blank = tableW - frame - partnersW - 1
        var chosen: Set<FicheColumn> = []
        for c in [FicheColumn.gap, .sought, .cost, .sector, .mode, .study] where c.width(wide: false) <= blank {
            chosen.insert(c)
            blank -= c.width(wide: false)
        }
        return FicheColumn.allCases.filter(chosen.contains).map { ($0, $0.width(wide: false)) }
    }

    /// « 25M », « 2,5M », « 1Md », « 800k »: an amount in at most five cells, rounded
    /// (``Amounts/compact(_:language:)``).
    static func short(_ a: Int64, _ l: Labels) -> String { Amounts.compact(a, language: l.language) }

    public mutating func render(into grid: inout Grid, area: Rect, context ctx: ScreenContext) -> Position? {
        let b = currentBoard(ctx)
        let l = ctx.labels, lang = l.language
        let side = area.width >= 120
        let panelW = side ? min(48, area.width / 3) : area.width
        let panelH = side ? area.height : min(area.height / 2, form != nil ? 9 : 7)
        let tableW = side ? area.width - panelW - 1 : area.width
        let tableH = side ? area.height : area.height - panelH
        let compact = area.isCompact

        // Title row: counts, filter, sort, the board's totals in the programme's currency.
        let cur = b.currency
        let totals =
            " " + l[.synSought] + " " + Money.format(b.totals.sought[cur] ?? 0, cur, language: lang)
            + " · " + l[.synGap] + " " + Money.format(b.totals.gap[cur] ?? 0, cur, language: lang) + " "
        let title =
            " " + l.counted(b.rows.count, .synFicheOne, .synFicheMany) + " · " + l[.synFilter] + l.colon
            + Self.filterText(filter, l)
            + " · " + l[.synSort] + l.colon + l[UILabel.sort(sort)]
        grid.fill(x: area.x, y: area.y, width: area.width, height: 1, role: .normal)
        let tw = TextWidth.width(of: totals)
        if compact || tw + TextWidth.width(of: title) + 1 > area.width {
            grid.put(x: area.x, y: area.y, text: TextWidth.truncate(title, toWidth: area.width), role: .title)
        } else {
            grid.put(x: area.x, y: area.y, text: TextWidth.truncate(title, toWidth: area.width - tw - 1), role: .title)
            grid.put(x: area.x + area.width - tw, y: area.y, text: totals, role: .normal)
        }

        // Frozen columns, then partners.
        let communeW = tableW >= 120 ? 14 : (compact ? 8 : 11)
        let ficheW = 8
        let cellW = 7
        let columns = Self.ficheColumns(
            tableW: tableW, frame: communeW + ficheW, partnersW: b.partners.count * cellW)
        let frozenW = communeW + ficheW + columns.reduce(0) { $0 + $1.width }
        let visibleCols = max(1, (tableW - frozenW) / cellW)
        if col < left { left = col }
        if col >= left + visibleCols { left = col - visibleCols + 1 }
        left = max(0, min(left, max(0, b.partners.count - visibleCols)))
        let bodyH = max(1, tableH - 2)
        if row < top { top = row }
        if row >= top + bodyH { top = row - bodyH + 1 }
        top = max(0, min(top, max(0, b.rows.count - bodyH)))

        // Header row.
        var y = area.y + 1
        var x = area.x
        x = grid.put(
            x: x, y: y,
            text: TextWidth.pad(
                TextWidth.truncate(
                    " " + (ctx.state.programme.unitLabel ?? l[.synColCommune]), toWidth: communeW - 1),
                toWidth: communeW), role: .muted)
        x = grid.put(x: x, y: y, text: TextWidth.pad(l[.synColFiche], toWidth: ficheW), role: .muted)
        for c in columns {
            let header = c.kind == .sought && c.width < 11 ? UILabel.synColSoughtShort : c.kind.header
            let name = TextWidth.truncate(l[header], toWidth: c.width - 1)
            x = grid.put(
                x: x, y: y,
                text: c.kind.isAmount
                    ? TextWidth.pad(name, toWidth: c.width - 1, alignment: .right) + " "
                    : TextWidth.pad(name, toWidth: c.width), role: .muted)
        }
        if left > 0 { grid.put(x: x - 1, y: y, text: "‹", role: .muted) }
        for (i, p) in b.partners.enumerated().dropFirst(left).prefix(visibleCols) {
            let role: Role = i == col ? .selection : .title
            grid.put(
                x: x + (i - left) * cellW, y: y,
                text: TextWidth.pad(
                    TextWidth.truncate(TextWidth.sanitize(p.acronym), toWidth: cellW - 1), toWidth: cellW - 1),
                role: role)
        }
        if left + visibleCols < b.partners.count {
            grid.put(x: area.x + tableW - 1, y: y, text: "›", role: .muted)
        }
        y += 1
        if b.rows.isEmpty {
            grid.put(
                x: area.x + 1, y: y,
                text: TextWidth.truncate(
                    l[b.partners.isEmpty && filter.isEmpty ? .synEmpty : .synNoneFilter], toWidth: tableW - 2),
                role: .muted)
        }
        // Body.
        for (i, r) in b.rows.enumerated().dropFirst(top).prefix(bodyH) {
            let selected = i == row
            let firstOfCommune = i == top || b.rows[i - 1].commune.id != r.commune.id
            var x = area.x
            let communeText = firstOfCommune ? " " + TextWidth.sanitize(r.commune.name) : ""
            x = grid.put(
                x: x, y: y,
                text: TextWidth.pad(TextWidth.truncate(communeText, toWidth: communeW - 1), toWidth: communeW),
                role: firstOfCommune ? .title : .normal)
            let fr: Role = selected ? .selection : .normal
            x = grid.put(
                x: x, y: y,
                text: TextWidth.pad(
                    TextWidth.truncate(TextWidth.sanitize(r.fiche.id), toWidth: ficheW - 1), toWidth: ficheW), role: fr)
            for c in columns {
                let w = c.width
                switch c.kind {
                case .sector:
                    x = grid.put(
                        x: x, y: y,
                        text: TextWidth.pad(
                            TextWidth.truncate(TextWidth.sanitize(r.fiche.sector), toWidth: w - 1), toWidth: w),
                        role: .muted)
                case .cost, .sought, .gap:
                    let a = c.kind == .cost ? r.fiche.totalCost : c.kind == .sought ? r.fiche.amountSought : r.gap
                    let role: Role = c.kind == .cost ? .muted : (c.kind == .gap && r.gap == 0 ? .statusDone : .normal)
                    x = grid.put(
                        x: x, y: y, text: TextWidth.pad(Self.short(a, l), toWidth: w - 1, alignment: .right) + " ",
                        role: role)
                case .mode:
                    x = grid.put(
                        x: x, y: y, text: TextWidth.pad(r.fiche.mode == .ppp ? "PPP" : l[.synModeShort], toWidth: w),
                        role: .muted)
                case .study:
                    x = grid.put(
                        x: x, y: y, text: TextWidth.pad(l[UILabel.study(r.fiche.studyStatus)], toWidth: w),
                        role: r.studyNeeded ? .timerWarn : .muted)
                }
            }
            for (j, cell) in r.cells.enumerated().dropFirst(left).prefix(visibleCols) {
                let (g, role) = Self.glyph(cell)
                var text = g
                if cell.state == .committed,
                    let a = cell.committed[r.fiche.currency]
                        ?? cell.committed.keys.sorted().first.map({ cell.committed[$0]! })
                {
                    text += Self.short(a, l)
                }
                let cx = x + (j - left) * cellW
                let isSel = selected && j == col
                if isSel { grid.fill(x: cx, y: y, width: cellW - 1, height: 1, role: .selection) }
                grid.put(
                    x: cx, y: y, text: TextWidth.truncate(text, toWidth: cellW - 1), role: isSel ? .selection : role)
            }
            y += 1
        }

        // Panel.
        let px = side ? area.x + tableW + 1 : area.x
        let py = side ? area.y + 1 : area.y + tableH
        let ph = side ? area.height - 1 : panelH
        if side {
            for yy in area.y + 1..<area.y + area.height {
                grid.put(x: area.x + tableW, y: yy, text: "│", role: .border)
            }
        } else if ph > 0 {
            grid.put(x: area.x, y: py, text: String(repeating: "─", count: max(0, area.width)), role: .border)
        }
        return drawPanel(
            &grid, b, x: px + 1, y: side ? py : py + 1, width: panelW - 2, height: side ? ph : ph - 1, ctx: ctx)
    }

    private func drawPanel(
        _ grid: inout Grid, _ b: SynergyBoard, x: Int, y: Int, width: Int, height: Int,
        ctx: ScreenContext
    ) -> Position? {
        guard width > 10, height > 0 else { return nil }
        let l = ctx.labels, lang = l.language, s = ctx.state
        var lines: [(String, Role)] = []
        var cursor: Position?
        guard b.rows.indices.contains(row) else { return nil }
        let r = b.rows[row]
        let partner = b.partners.indices.contains(col) ? b.partners[col] : nil
        if let f = form {
            lines.append(
                (
                    l[.synFormTitle] + " " + (s.programme.organisation(f.partner)?.acronym ?? f.partner) + " → "
                        + f.fiche, .title
                ))
            let labelW = CommitmentForm.fieldLabels.map { TextWidth.width(of: l[$0]) }.max()! + 2
            for (i, name) in CommitmentForm.fields.enumerated() where lines.count < height - 1 {
                let yy = y + lines.count
                grid.put(
                    x: x, y: yy, text: TextWidth.pad(l[CommitmentForm.fieldLabels[i]], toWidth: labelW),
                    role: i == f.field ? .title : .muted)
                var ed = f.editors[i]
                let pos = ed.render(
                    into: &grid, x: x + labelW, y: yy, width: max(1, width - labelW),
                    role: i == f.field ? .input : .normal)
                if i == f.field { cursor = pos }
                lines.append(("", .normal))
            }
            if lines.count < height {
                grid.put(
                    x: x, y: y + lines.count, text: TextWidth.truncate(l[.synFormKeys], toWidth: width), role: .muted
                )
            }
            grid.put(x: x, y: y, text: TextWidth.truncate(lines[0].0, toWidth: width), role: .title)
            return cursor
        }
        if var e = withdrawReason {
            grid.put(x: x, y: y, text: TextWidth.truncate(l[.synWithdrawPrompt], toWidth: width), role: .title)
            if height > 1 { cursor = e.render(into: &grid, x: x, y: y + 1, width: width, role: .input) }
            if height > 2 {
                grid.put(x: x, y: y + 2, text: TextWidth.truncate(l[.synWithdrawKeys], toWidth: width), role: .muted)
            }
            return cursor
        }
        let f = r.fiche
        lines.append(
            (
                f.id + " " + TextWidth.sanitize(f.title) + " — " + TextWidth.sanitize(r.commune.name)
                    + (r.commune.cercle.isEmpty ? "" : ", " + TextWidth.sanitize(r.commune.cercle)), .title
            ))
        let sought = l[.synSought] + " " + Money.format(f.amountSought, f.currency, language: lang)
        let committed = r.committed.keys.sorted { a, c in a == f.currency ? c != a : (c == f.currency ? false : a < c) }
            .map { Money.format(r.committed[$0]!, $0, language: lang) }
        let engagedMoney = l[.synCommitted] + " " + (committed.isEmpty ? "0" : committed.joined(separator: " + "))
        let gap =
            r.over > 0
            ? l[.synOver] + " " + Money.format(r.over, f.currency, language: lang)
            : l[.synGap] + " " + Money.format(r.gap, f.currency, language: lang)
        var money = [sought, engagedMoney, gap]
        if f.studyCost != nil || !r.studyCommitted.isEmpty {
            let studyIn = r.studyCommitted[f.currency] ?? 0
            money.append(
                l[.synStudy] + " " + (f.studyCost.map { Money.format($0, f.currency, language: lang) } ?? "?") + " / "
                    + Money.format(studyIn, f.currency, language: lang))
        }
        if TextWidth.width(of: money.joined(separator: " · ")) <= width {
            lines.append((money.joined(separator: " · "), .normal))
        } else {
            for m in money { lines.append((m, .normal)) }
        }
        func names(_ ids: [String], lead: String? = nil) -> String {
            ids.isEmpty
                ? "—"
                : ids.map {
                    (s.programme.organisation($0)?.acronym ?? $0) + ($0 == lead ? " (" + l[.synLead] + ")" : "")
                }.joined(separator: ", ")
        }
        lines.append((l[.synSuggested] + l.colon + names(b.suggested(r).map(\.id)), .normal))
        lines.append((l[.synInterest] + l.colon + names(r.interested), .normal))
        lines.append((l[.synSynergy] + l.colon + names(r.synergy, lead: r.lead), .normal))
        lines.append((l[.synEngaged] + l.colon + names(r.engaged), .normal))
        if let p = partner {
            let cell = r.cells[col]
            var t = p.acronym + l.colon + l[UILabel.cellState(cell.state)]
            for seq in cell.commitments {
                if let e = s.entry(seq) {
                    t +=
                        " · #\(seq) "
                        + (e.content.amount.map { Money.format($0, e.content.currency ?? f.currency, language: lang) }
                            ?? "")
                        + " " + l[UILabel.synStatus(e.content.status ?? .announced)]
                }
            }
            lines.append((t, .queueCurrent))
        }
        // History, latest last, as much as fits above the legend.
        let room = max(0, height - lines.count - (TextWidth.width(of: l[.synLegend]) > width ? 2 : 1))
        for h in r.history.suffix(room) {
            lines.append((s.local.hhmm(h.at) + " " + Self.describe(h, s, l), .muted))
        }
        for (i, line) in lines.prefix(height).enumerated() {
            grid.put(x: x, y: y + i, text: TextWidth.truncate(TextWidth.sanitize(line.0), toWidth: width), role: line.1)
        }
        // The legend on one line, or on two when the panel is narrow (and tall enough).
        let legend = l[.synLegend]
        if TextWidth.width(of: legend) > width && lines.count + 2 <= height, let cut = legend.range(of: "  ● ") {
            grid.put(
                x: x, y: y + height - 2, text: TextWidth.truncate(String(legend[..<cut.lowerBound]), toWidth: width),
                role: .muted)
            grid.put(
                x: x, y: y + height - 1,
                text: TextWidth.truncate("● " + String(legend[cut.upperBound...]), toWidth: width), role: .muted)
        } else if lines.count < height {
            grid.put(x: x, y: y + height - 1, text: TextWidth.truncate(legend, toWidth: width), role: .muted)
        }
        return nil
    }

    static func describe(_ h: SynergyHistoryItem, _ s: SessionState, _ l: Labels) -> String {
        func n(_ id: String) -> String { s.programme.organisation(id)?.acronym ?? id }
        switch h.kind {
        case .interest(let p): return n(p) + " " + l[.synHInterest]
        case .synergy(let ps, let lead):
            return l[.synHSynergy] + " " + ps.map(n).joined(separator: ", ") + (lead.map { " ★ " + n($0) } ?? "")
        case .commitment(let e, let p, let a, let cur, let st):
            return "#\(e) " + n(p) + " " + (a.map { Money.format($0, cur, language: l.language) } ?? "") + " "
                + l[UILabel.synStatus(st ?? .announced)]
        case .statusChanged(let e, _, let st): return "#\(e) → " + l[UILabel.synStatus(st)]
        case .withdrawn(let e, let p, let reason):
            return "#\(e) " + n(p) + " " + l[.synHWithdrawn] + " (" + reason + ")"
        }
    }

    // MARK: Table

    /// Bindings of this screen, part of Keymap/all.
    static let bindings: [Binding] = [
        Binding(.synergies(.interest), ["i"], guarding: .undoable),
        Binding(.synergies(.synergy), ["m"], guarding: .undoable),
        Binding(.synergies(.commit), ["e"]),
        Binding(.synergies(.status), ["c"], guarding: .undoable),
        Binding(.synergies(.withdraw), ["w"], guarding: .confirms),
        Binding(.synergies(.filter), ["f"]),
        Binding(.synergies(.sort), ["o"]),
    ]

}
