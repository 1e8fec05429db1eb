import PalabreCore

/// The Attendance screen (F3, « Présence »): the attendance sheet of the day under way.
///
/// A search line has the focus: typing filters the participants (programme and walk-ins)
/// without regard to case or accents; ↑/↓ select; Entrée checks the selected participant in.
/// F6 (or ^N) opens the walk-in form (function, organisation, category, sex, name); the walk-in
/// is recorded and checked in for the day under way in one step, and selected. F8 (or ^X)
/// records that the selected person leaves. The counts on top read « N participants dont X
/// femmes », then by category.
public struct AttendanceScreen: ConsoleScreen {
    public static let id = ScreenID.attendance

    /// The search line.
    var search = LineEditor()
    /// Whether the selection was chosen with ↑/↓ (or is a walk-in just added) rather than being
    /// the first name listed.
    var chosen = false
    /// Participant selected (id).
    var selected: String?
    /// The walk-in form, when open.
    var form: CompletionForm?
    /// A form closed with Échap, given back when the form is opened again.
    var parkedForm: CompletionForm?
    /// The walk-in just added, until checked in.
    var added: String?
    /// First row of the list shown (scrolling).
    var top = 0
    /// The command asked for and not yet answered.
    var sent: Command?

    public init() {}

    /// The search line or the form always has the focus.
    public var isTyping: Bool { true }

    // MARK: The list

    /// Participants matching `query` (every word found in the function, name, organisation
    /// acronym or name, commune or id, without regard to case or accents), in programme order,
    /// walk-ins last.
    static func filter(_ s: SessionState, _ query: String) -> [Participant] {
        let words = Text.fold(query).split(separator: " ")
        guard !words.isEmpty else { return s.participants }
        return s.participants.filter { p in
            let key = Text.fold(searchText(p, s))
            return words.allSatisfy { key.contains($0) }
        }
    }

    private static func searchText(_ p: Participant, _ s: SessionState) -> String {
        var parts = [p.function, p.id, p.name ?? ""]
        if let o = s.organisationId(of: p.id) {
            if let org = s.programme.organisation(o) { parts += [org.acronym, org.name] }
            if let c = s.programme.commune(o) { parts.append(c.name) }
        }
        if let c = p.commune.flatMap(s.programme.commune) { parts.append(c.name) }
        return parts.joined(separator: " ")
    }

    /// The count line: « 12 participants dont 2 femmes ».
    static func countText(present: Int, women: Int, labels l: Labels) -> String {
        l.counted(present, .attParticipantOne, .attParticipantMany) + " " + l[.attOfWhom] + " "
            + l.counted(women, .attWomanOne, .attWomanMany)
    }

    // MARK: Keys

    /// Applies an action of this screen. Enter, ↑/↓, Esc and ^S belong to the part with the
    /// focus (the search line and its list, or the walk-in form), which takes `key` as it is.
    public mutating func perform(_ action: AttendanceAction, key: Key, context: ScreenContext) -> KeyOutcome {
        switch action {
        case .walkIn:
            if form == nil { form = parkedForm ?? Self.makeForm(context); parkedForm = nil }
            return .none
        case .yesterday:
            guard form == nil else { return .none }
            sent = .checkInPresentYesterday
            return .perform(.checkInPresentYesterday)
        case .checkOut:
            guard form == nil else { return .none }
            return checkOut(context)
        case .checkIn, .up, .down, .clear, .sendForm:
            return process(key, context)
        }
    }

    /// The departure of the selected person (chosen as for a check-in), or why there is none to record.
    mutating func checkOut(_ ctx: ScreenContext) -> KeyOutcome {
        let s = ctx.state, l = ctx.labels
        let list = Self.filter(s, search.text)
        if search.isEmpty, !chosen { return .message(l[.attChooseFirst], isError: true) }
        guard let p = list.first(where: { $0.id == selected }) ?? (list.count == 1 ? list[0] : nil) else {
            return .message(l[list.isEmpty ? .attNobody : .attSelect], isError: true)
        }
        selected = p.id
        let name = TextWidth.sanitize(p.function) + l.colon
        guard let d = s.currentDay else { return .message(l[.noDay], isError: true) }
        let key = s.days[d].date + "|" + p.id
        guard s.checkInTimes[key] != nil else { return .message(name + l[.attNotCheckedIn], isError: true) }
        if let at = s.departureTimes[key] {
            return .message(name + l[.attAlreadyLeft] + " " + s.local.hhmm(at), isError: true)
        }
        sent = .checkOut(who: p.id)
        return .perform(.checkOut(who: p.id))
    }

    /// Whether unsent text or an open form would be lost by quitting.
    public var hasDraft: Bool { (form ?? parkedForm)?.hasText ?? false }

    /// Takes a paste into the walk-in form's field, or the search line.
    public mutating func paste(_ text: String) -> Bool {
        if var f = form {
            guard f.paste(text) else { return false }
            form = f
            return true
        }
        _ = search.insert(text)
        return true
    }

    public mutating func handle(key: Key, context: ScreenContext) -> KeyOutcome {
        process(key, context)
    }

    mutating func process(_ key: Key, _ ctx: ScreenContext) -> KeyOutcome {
        if var f = form {
            let outcome = f.handle(key)
            form = f
            switch outcome {
            case .handled, .ignored: return .none
            case .ambiguous: return .message(ctx.labels[.formAmbiguous], isError: true)
            case .choiceOnly: return .message(ctx.labels[.formChoiceOnly], isError: true)
            case .cancel:
                parkedForm = f
                form = nil
                return .none
            case .submit:
                switch participant(f, ctx) {
                case .success(let p): sent = .walkIn(p); return .perform(.walkIn(p))
                case .failure(let problem):
                    form?.focus(problem.field)
                    return .message(problem.message, isError: true)
                }
            }
        }
        let list = Self.filter(ctx.state, search.text)
        let i = list.firstIndex { $0.id == selected }
        switch key {
        case .enter:
            // With nothing searched, Enter checks in only someone chosen with ↑/↓ (or just added):
            // never the first name of the list by a stray Enter.
            if search.isEmpty, !chosen { return .message(ctx.labels[.attChooseFirst], isError: true) }
            guard let p = i.map({ list[$0] }) ?? (list.count == 1 ? list[0] : nil) else {
                return .message(ctx.labels[list.isEmpty ? .attNobody : .attSelect], isError: true)
            }
            selected = p.id
            if let d = AttendanceFigures.day(ctx.state), ctx.state.currentDay == d,
                let at = ctx.state.checkInTimes[ctx.state.days[d].date + "|" + p.id]
            {
                return .message(
                    TextWidth.sanitize(p.function) + ctx.labels.colon + ctx.labels[.attAlready] + " "
                        + ctx.state.local.hhmm(at),
                    isError: true)
            }
            sent = .checkIn(who: p.id, day: nil)
            return .perform(.checkIn(who: p.id, day: nil))
        case .up: select(list, (i ?? list.count) - 1)
        case .down: select(list, (i ?? -1) + 1)
        case .pageUp: select(list, (i ?? 0) - 10)
        case .pageDown: select(list, (i ?? 0) + 10)
        case .escape:
            search.clear()
            added = nil
        default:
            if search.handle(key) == .edited {
                let now = Self.filter(ctx.state, search.text)
                if !now.contains(where: { $0.id == selected }) { selected = now.first?.id }
                top = 0
            }
        }
        return .none
    }

    private mutating func select(_ list: [Participant], _ index: Int) {
        guard !list.isEmpty else { return }
        chosen = true
        selected = list[max(0, min(list.count - 1, index))].id
    }

    // MARK: Walk-in form

    static func makeForm(_ ctx: ScreenContext) -> CompletionForm {
        let l = ctx.labels, p = ctx.state.programme
        var orgs = p.organisations.map { CompletionForm.Candidate(value: $0.id, display: $0.acronym, detail: $0.name) }
        orgs += p.communes.map {
            CompletionForm.Candidate(
                value: $0.id,
                display: p.unitLabel != nil ? $0.name : l[.candCommune].replacingOccurrences(of: "%@", with: $0.name),
                detail: $0.cercle.isEmpty ? "" : l[.candCercle] + " " + $0.cercle)
        }
        var sex = CompletionForm.Field(id: "sex", label: l[.attFieldSex])
        sex.options = [
            (Sex.female.rawValue, l[.attSexLongF]), (Sex.male.rawValue, l[.attSexLongM]),
            (Sex.unspecified.rawValue, l[.attSexLongUnspecified]),
        ]
        sex.choice = 2
        var category = CompletionForm.Field(id: "category", label: l[.attFieldCategory])
        category.options =
            [("", l[.attCategoryFromOrganisation])]
            + OrganisationType.allCases.map { ($0.rawValue, Category.name($0.rawValue, l, p)) }
        return CompletionForm(
            title: l[.attWalkinTitle] + " — " + l[.formKeys],
            fields: [
                CompletionForm.Field(id: "function", label: l[.attFieldFunction], placeholder: l[.attPhFunction]),
                CompletionForm.Field(
                    id: "organisation", label: l[.attFieldOrganisation], candidates: orgs,
                    placeholder: l[.attPhOrganisation]),
                category, sex,
                CompletionForm.Field(id: "name", label: l[.attFieldName], placeholder: l[.phOptional]),
            ])
    }

    /// The walk-in a filled form stands for, or the field to fix.
    func participant(_ f: CompletionForm, _ ctx: ScreenContext) -> Result<Participant, RapporteurScreen.Problem> {
        let l = ctx.labels, p = ctx.state.programme
        guard let function = f["function"]?.text, !function.isEmpty else {
            return .failure(.init(field: "function", message: l[.attErrFunction]))
        }
        var organisation: String?, commune: String?
        if let field = f["organisation"], !field.text.isEmpty {
            guard let c = field.resolved else {
                return .failure(.init(field: "organisation", message: l[.attErrOrganisation]))
            }
            organisation = c.value
            if p.commune(c.value) != nil { commune = c.value }
        }
        let sex = f["sex"]?.chosen.flatMap(Sex.init(rawValue:)) ?? .unspecified
        let name = f["name"]?.text
        let category = f["category"]?.chosen.flatMap(OrganisationType.init(rawValue:))
        return .success(
            Participant(
                id: "", function: function, organisation: organisation, commune: commune, sex: sex,
                name: name?.isEmpty == false ? name : nil, category: category))
    }

    public mutating func didRecord(_ events: [Event], context: ScreenContext) {
        guard sent != nil else { return }
        sent = nil
        for e in events {
            switch e.payload {
            case .participantAdded(let p):
                form = nil; parkedForm = nil
                search.clear()
                selected = p.id
                chosen = true
                added = p.id
            case .participantCheckedIn(let p, _):
                chosen = false
                if added == p { added = nil }
                selected = p
                search.clear()
            default: break
            }
        }
    }

    public mutating func wasRefused(_ refusal: Refusal, context: ScreenContext) {
        sent = nil
    }

    /// Keeps the selection on someone the search shows.
    public mutating func prepare(context: ScreenContext) {
        let list = Self.filter(context.state, search.text)
        if !list.contains(where: { $0.id == selected }) { selected = list.first?.id }
    }

    // MARK: Drawing

    public mutating func render(into grid: inout Grid, area: Rect, context ctx: ScreenContext) -> Position? {
        let s = ctx.state, l = ctx.labels
        let compact = area.isCompact
        let fig = AttendanceFigures(s)
        let list = Self.filter(s, search.text)
        if !list.contains(where: { $0.id == selected }) { selected = list.first?.id }
        var y = area.y
        // Counts.
        let count = Self.countText(present: fig.present, women: fig.women, labels: l)
        var head = " "
        if let d = AttendanceFigures.day(s) {
            head +=
                (compact
                    ? ""
                    : l[.day] + " \(d + 1)" + (area.width >= 100 ? " · " + Self.longDate(s.heldDate(day: d), l) : "")
                        + l.colon) + count
            if s.currentDay != d { head += " (" + l[.attDayEnded] + ")" }
        } else {
            head += l[.noDay]
        }
        grid.fill(x: area.x, y: y, width: area.width, height: 1, role: .normal)
        let session =
            " " + l[.attSession] + l.colon + l.counted(fig.sessionPresent, .attPersonOne, .attPersonMany) + " "
            + l[.attOfWhom]
            + " "
            + l.counted(fig.sessionWomen, .attWomanOne, .attWomanMany) + " "
        let showSession = !compact && TextWidth.width(of: head) + TextWidth.width(of: session) + 2 <= area.width
        grid.put(x: area.x, y: y, text: TextWidth.truncate(head, toWidth: area.width), role: .title)
        if showSession {
            grid.put(x: area.x + area.width - TextWidth.width(of: session), y: y, text: session, role: .muted)
        }
        y += 1
        if !compact {
            var col = area.x + 1
            // Full names when they all fit, else short ones.
            let womenMark = "\u{00A0}" + l[.attSexF]
            let programme = ctx.state.programme
            let full = fig.byCategory.map {
                Category.name($0.key, l, programme) + " \($0.present)"
                    + ($0.women > 0 ? " (\($0.women)" + womenMark + ")" : "")
            }
            let short = TextWidth.width(of: full.joined(separator: " · ")) + 2 > area.width
            for (k, c) in fig.byCategory.enumerated() {
                let name = Category.name(c.key, l, programme, short: short) + " "
                let num = "\(c.present)" + (c.women > 0 ? " (\(c.women)" + womenMark + ")" : "")
                let need = TextWidth.width(of: name + num) + (k > 0 ? 3 : 0)
                if col + need > area.x + area.width { break }
                if k > 0 { col = grid.put(x: col, y: y, text: " · ", role: .muted) }
                col = grid.put(x: col, y: y, text: name, role: .muted)
                col = grid.put(x: col, y: y, text: num, role: c.women > 0 ? .barWomen : .normal)
            }
            y += 1
        }
        // Search line; a read-only seat, which cannot search, says so instead.
        let n = " \(list.count)/\(s.participants.count) "
        var cursor: Position?
        if ctx.readOnly {
            grid.put(
                x: area.x, y: y,
                text: TextWidth.truncate(
                    " " + l[.rapReadOnly], toWidth: max(0, area.width - TextWidth.width(of: n) - 1)),
                role: .muted)
        } else {
            let label = " " + l[.attSearch] + l.colon
            let lx = grid.put(x: area.x, y: y, text: label, role: .title)
            let sw = max(1, area.x + area.width - lx - TextWidth.width(of: n) - 1)
            cursor = search.render(into: &grid, x: lx, y: y, width: sw)
            if search.isEmpty {
                grid.put(
                    x: lx + 1, y: y,
                    text: TextWidth.truncate(
                        l.unitWord(l[compact ? .attPhSearchShort : .attPhSearch], ctx.state.programme), toWidth: sw - 1),
                    role: .inputPlaceholder)
            }
        }
        grid.put(x: area.x + area.width - TextWidth.width(of: n), y: y, text: n, role: .muted)
        y += 1
        // Bottom: form or notice.
        let bottomEnd = area.y + area.height
        var below = 0
        if let f = form {
            below = min(f.fullHeight, bottomEnd - y - (compact ? 0 : 2))
        } else if added != nil {
            below = 1
        }
        below = max(0, below)
        // Columns.
        let wide = area.width >= 100
        // Wide enough for « ✓ 09:05 → 12:30 » on a wide screen, « dép. 12:30 » otherwise.
        let markW = wide ? 16 : 11, sexW = 4, orgW = compact ? 0 : (wide ? 16 : 13), catW = wide ? 20 : 0
        let funcW = max(4, area.width - 1 - markW - orgW - sexW - catW - 1)
        if !compact {
            var col = area.x + 1
            col = grid.put(x: col, y: y, text: TextWidth.pad(l[.attColPresent], toWidth: markW), role: .muted)
            col = grid.put(x: col, y: y, text: TextWidth.pad(l[.attColFunction], toWidth: funcW), role: .muted)
            col = grid.put(x: col, y: y, text: TextWidth.pad(l[.attColOrganisation], toWidth: orgW), role: .muted)
            if wide {
                col = grid.put(x: col, y: y, text: TextWidth.pad(l[.attColCategory], toWidth: catW), role: .muted)
            }
            grid.put(x: col, y: y, text: TextWidth.pad(l[.attColSex], toWidth: sexW), role: .muted)
            y += 1
        }
        let rows = max(0, bottomEnd - below - y)
        let date = AttendanceFigures.day(s).map { s.days[$0].date }
        let yesterday = Set(s.presentYesterday() ?? [])
        if list.isEmpty, rows > 0 {
            grid.put(
                x: area.x + 1, y: y, text: TextWidth.truncate(l[.attNobody], toWidth: area.width - 2), role: .muted)
        }
        let sel = list.firstIndex { $0.id == selected } ?? 0
        if sel < top { top = sel }
        if rows > 0 && sel >= top + rows { top = sel - rows + 1 }
        top = max(0, min(top, max(0, list.count - rows)))
        for (k, p) in list.dropFirst(top).prefix(rows).enumerated() {
            let ry = y + k
            let isSel = p.id == selected
            if isSel { grid.fill(x: area.x, y: ry, width: area.width, height: 1, role: .selection) }
            var col = area.x + 1
            if let date, let at = s.checkInTimes[date + "|" + p.id] {
                let mark: String
                if let left = s.departureTimes[date + "|" + p.id] {
                    mark =
                        wide
                        ? "✓ " + s.local.hhmm(at) + " → " + s.local.hhmm(left)
                        : l[.attLeftMark] + " " + s.local.hhmm(left)
                } else {
                    mark = "✓ " + s.local.hhmm(at)
                }
                col = grid.put(
                    x: col, y: ry, text: TextWidth.pad(mark, toWidth: markW),
                    role: isSel ? .selection : (s.departureTimes[date + "|" + p.id] != nil ? .muted : .statusDone))
            } else if yesterday.contains(p.id) {
                // Present the day before, not yet today: F7 checks them all in, Entrée one by one.
                col = grid.put(
                    x: col, y: ry, text: TextWidth.pad("· " + l[.attYesterday], toWidth: markW),
                    role: isSel ? .selection : .muted)
            } else {
                col = grid.put(
                    x: col, y: ry, text: TextWidth.pad("·", toWidth: markW), role: isSel ? .selection : .muted)
            }
            let fn =
                TextWidth.sanitize(p.function) + (p.name.map { " — " + TextWidth.sanitize($0) } ?? "")
                + (p.id == added ? " (" + l[.attNew] + ")" : "")
            col = grid.put(
                x: col, y: ry, text: TextWidth.pad(fn, toWidth: funcW - 1) + " ", role: isSel ? .selection : .normal)
            if orgW > 0 {
                let org =
                    s.organisationId(of: p.id).map {
                        s.programme.organisation($0)?.acronym ?? s.programme.commune($0)?.name ?? $0
                    } ?? "—"
                col = grid.put(
                    x: col, y: ry, text: TextWidth.pad(TextWidth.sanitize(org), toWidth: orgW - 1) + " ",
                    role: isSel ? .selection : .muted)
            }
            if wide {
                col = grid.put(
                    x: col, y: ry,
                    text: TextWidth.pad(Category.name(Category.of(p.id, in: s), l, s.programme), toWidth: catW - 1)
                        + " ",
                    role: isSel ? .selection : .muted)
            }
            grid.put(
                x: col, y: ry, text: l[UILabel.sexShort(p.sex)],
                role: isSel ? .selection : (p.sex == .female ? .barWomen : .normal))
        }
        let belowRect = Rect(x: area.x, y: bottomEnd - below, width: area.width, height: below)
        if var f = form {
            if below > 0 { cursor = f.render(into: &grid, area: belowRect, language: l.language) }
            form = f
        } else if let a = added, below > 0, let p = s.participant(a) {
            grid.put(
                x: area.x + 1, y: belowRect.y,
                text: TextWidth.truncate(
                    l[.attAdded] + l.colon + TextWidth.sanitize(p.function) + " — "
                        + l[.attAddedEnter], toWidth: area.width - 2), role: .bannerWarn)
        }
        return cursor
    }

    /// « 17 octobre 2023 », "17 October 2023".
    static func longDate(_ date: String, _ l: Labels) -> String {
        let parts = date.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, let month = UILabel.month(parts[1]) else { return date }
        return "\(parts[2]) " + l[month] + " \(parts[0])"
    }

    // MARK: Table

    /// Bindings of this screen, part of Keymap/all.
    static let bindings: [Binding] = [
        Binding(.attendance(.checkIn), ["Enter"], whileTyping: true, guarding: .undoable),
        Binding(.attendance(.walkIn), ["F6", "Ctrl-N"], whileTyping: true),
        Binding(.attendance(.yesterday), ["F7", "Ctrl-Y"], whileTyping: true, inHints: false, guarding: .undoable),
        Binding(.attendance(.checkOut), ["F8", "Ctrl-X"], whileTyping: true, guarding: .undoable),
        Binding(.attendance(.up), ["Up"], whileTyping: true, inHints: false),
        Binding(.attendance(.down), ["Down"], whileTyping: true, inHints: false),
        Binding(.attendance(.clear), ["Esc"], whileTyping: true),
        Binding(.attendance(.sendForm), ["Ctrl-S"], whileTyping: true, inHints: false, guarding: .undoable),
    ]

}
