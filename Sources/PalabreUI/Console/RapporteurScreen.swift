import PalabreCore

/// The Rapporteur screen (F2, « Compte rendu »): the minutes typed live.
///
/// An input line at the bottom takes any text (a ``LineEditor``); the entry kind is shown next
/// to it, chosen with F6/F7 or with a prefix typed at the start of the line (`/d `, `/r `…,
/// stripped on send; text typed without a prefix is sent exactly as typed). Enter sends a
/// note, decision, question or answer at once; a recommendation, an action or a commitment
/// first opens a small form under the input (``CompletionForm``). Above the input, the entries
/// of the current item (or of the last one): ↑ moves into that list, where `m` amends, `x`
/// retracts and `v` adopts the selected entry.
///
/// During an agenda item of kind follow-up, a panel above the entries lists the open entries of
/// the sessions the programme follows (``PreviousReviews``): ^R goes into it, ↑/↓ choose one,
/// Enter opens its status form (status, total disbursed, date, note) and records the review
/// (the `review` verb's command); ^R or Esc goes back to typing.
///
/// Nothing typed is lost by a refusal or by switching screens: inputs are cleared only in
/// ``didRecord(_:context:)``.
public struct RapporteurScreen: ConsoleScreen {
    public static let id = ScreenID.rapporteur

    /// Where the keys go.
    enum Focus: Sendable, Equatable {
        /// The input line (the default).
        case input
        /// The list of entries.
        case list
        /// The form of a recommendation, action or commitment.
        case form
        /// A one-line prompt for a reason (amendment, retraction).
        case prompt
        /// The panel of the earlier sessions' open entries (a follow-up item), and its form.
        case review
    }

    /// What the prompt asks for.
    enum Prompt: Sendable, Equatable {
        case amendReason(entry: Int)
        case retractReason(entry: Int)
    }

    /// Prefixes typed at the start of the line, each followed by a space: `/d Texte`.
    static let prefixes: [(letter: Character, kind: EntryKind)] = [
        ("d", .decision), ("r", .recommendation), ("e", .commitment), ("a", .action),
        ("q", .question), ("p", .answer), ("n", .note), ("v", .perspective), ("o", .organiserCommitment),
    ]

    /// The input line.
    var editor = LineEditor()
    /// Kind chosen with F6/F7; back to note after each entry sent. A prefix overrides it.
    var kind: EntryKind = .note
    /// Where the keys go.
    var focus: Focus = .input
    /// Entry selected in the list (its seq).
    var selected: Int?
    /// Open form and the kind it is for.
    var form: CompletionForm?
    var formKind: EntryKind?
    /// A form closed with Esc, given back if the same kind is sent again.
    var parkedForm: CompletionForm?
    var parkedKind: EntryKind?
    /// Open prompt and its input.
    var prompt: Prompt?
    var promptEditor = LineEditor()
    /// Whether the list shows every entry of the session instead of the current item's.
    var showAll = false
    /// Entry being amended: its text is in the input.
    var amending: Int?
    /// Version of that entry when its text was taken: another seat's amendment meanwhile makes
    /// this one refused instead of overwriting it.
    var amendingVersion: Int?
    /// The draft put aside while amending, given back afterwards.
    var stash: LineEditor?
    /// The form put aside while amending, given back afterwards.
    var stashForm: (CompletionForm?, EntryKind?)?
    /// The field corrections of the amendment being sent.
    var amendChanges = EntryChanges()
    /// The command asked for and not yet answered: only its own result clears inputs.
    var sent: Command?
    /// A list command (amend, retract, adopt) waiting for Enter, and the entry it names.
    struct Armed: Sendable, Equatable {
        var action: RapporteurAction
        var entry: Int
        /// The key that armed it (its letter goes back to the input if typing goes on).
        var key: Key
    }
    /// Text typed into the list by mistake, given back to the input line when the list is left.
    var stray = ""
    var armed: Armed?
    /// Set by a key that is not a list command: commands wait for a move or Esc.
    var locked = false
    /// The earlier entry selected in the follow-up panel (nil: the first one not yet reviewed).
    public internal(set) var reviewKey: PreviousKey?
    /// The status form of that entry, when open.
    var reviewForm: FollowUpScreen.UpdateForm?

    public init() {}

    public var isTyping: Bool { focus == .review ? reviewForm != nil : focus != .list }

    // MARK: Prefixes

    /// The kind and text meant by `line`: a leading `/x ` prefix (x one of n d q p r a e v o,
    /// either case) gives the kind and is stripped; otherwise `kind` and the text unchanged.
    static func split(_ line: String, kind: EntryKind) -> (kind: EntryKind, text: String) {
        let c = Array(line.prefix(3))
        if c.count == 3, c[0] == "/", c[2] == " ", let letter = c[1].lowercased().first,
            let p = prefixes.first(where: { $0.letter == letter })
        {
            return (p.kind, String(line.dropFirst(3)))
        }
        return (kind, line)
    }

    /// The kind and text the input would send now.
    var effective: (kind: EntryKind, text: String) { Self.split(editor.text, kind: kind) }

    // MARK: Keys

    /// Applies an action of this screen. Keys that belong to the part with the focus (the input
    /// line, the list, a form, a prompt) go to it as they are: `key` is the key pressed.
    public mutating func perform(_ action: RapporteurAction, key: Key, context: ScreenContext) -> KeyOutcome {
        switch action {
        case .all:
            showAll.toggle()
            selected = nil
            armed = nil
            return .none
        case .kindNext, .kindPrevious:
            if focus == .input || focus == .list, amending == nil {
                let all = EntryKind.allCases
                let i = all.firstIndex(of: kind) ?? 0
                kind = all[(i + (action == .kindNext ? 1 : all.count - 1)) % all.count]
            }
            return .none
        case .amend, .retract, .adopt:
            return arm(action, key: key, context)
        case .send, .sendForm, .cancel, .up, .down:
            return process(key, context)
        case .review:
            if focus == .review {
                if reviewForm == nil { focus = .input }
                return .none
            }
            guard PreviousReviews.isActive(context) else {
                return .message(context.labels[.revNotActive], isError: true)
            }
            guard focus == .input || focus == .list, amending == nil else { return .none }
            leaveList()
            focus = .review
            return .none
        }
    }

    /// Keys in the follow-up panel: ↑/↓ (Home, End, PgUp, PgDn) choose an earlier entry, Enter
    /// opens its status form, Esc goes back to typing; in the form, the form's keys.
    private mutating func reviewKey(_ key: Key, _ ctx: ScreenContext) -> KeyOutcome {
        let l = ctx.labels
        guard PreviousReviews.isActive(ctx), let cur = PreviousReviews.currentIndex(ctx) else {
            reviewForm = nil
            focus = .input
            return .none
        }
        if var f = reviewForm {
            switch f.key(key) {
            case .cancel: reviewForm = nil
            case .choiceOnly: return .message(l[.formChoiceOnly], isError: true)
            case .submit:
                switch f.command(language: ctx.state.programme.language, currency: ctx.state.programme.currency) {
                case .success(let c): return send(c)
                case .failure(let e): return .message(e.message(l.language), isError: true)
                }
            case .handled: reviewForm = f
            }
            return .none
        }
        let n = ctx.previous.count
        var i = cur
        switch key {
        case .up: i = max(0, cur - 1)
        case .down: i = min(n - 1, cur + 1)
        case .home: i = 0
        case .end: i = n - 1
        case .pageUp: i = max(0, cur - 5)
        case .pageDown: i = min(n - 1, cur + 5)
        case .enter:
            reviewForm = PreviousReviews.form(ctx.previous[cur], ctx)
            reviewKey = PreviousKey(ctx.previous[cur])
            return .none
        case .escape:
            focus = .input
            return .none
        default:
            return .message(l[.revListOnly], isError: true)
        }
        reviewKey = PreviousKey(ctx.previous[i])
        return .none
    }

    /// Keeps the focus and the selection on something that exists.
    public mutating func prepare(context: ScreenContext) {
        if focus == .form && form == nil { focus = .input }
        if focus == .review && !PreviousReviews.isActive(context) { focus = .input; reviewForm = nil }
        if focus == .list {
            let entries = Self.scope(context.state, all: showAll).entries
            if !entries.contains(id: selected) {
                selected = entries.last?.id
                armed = nil
                if selected == nil { leaveList() }
            }
        }
    }

    /// Whether unsent text or an open form would be lost by quitting.
    public var hasDraft: Bool {
        !editor.isEmpty || form != nil || amending != nil || (prompt != nil && !promptEditor.isEmpty)
            || parkedForm?.hasText == true || reviewForm?.editors[2].isEmpty == false
    }

    /// Takes a paste into the text field with the focus; false in list mode (nothing to type into).
    public mutating func paste(_ text: String) -> Bool {
        switch focus {
        case .input: editor.insert(text)
        case .prompt: promptEditor.insert(text)
        case .form:
            guard var f = form else { return false }
            guard f.paste(text) else { return false }
            form = f
        case .list: return false
        case .review:
            guard var f = reviewForm, f.field > 0 else { return false }
            _ = f.editors[f.field - 1].insert(text)
            reviewForm = f
        }
        return true
    }

    public mutating func handle(key: Key, context: ScreenContext) -> KeyOutcome {
        process(key, context)
    }

    /// Every key of the screen, bound or not, goes through here.
    mutating func process(_ key: Key, _ ctx: ScreenContext) -> KeyOutcome {
        switch focus {
        case .input: return inputKey(key, ctx)
        case .list: return listKey(key, ctx)
        case .form: return formKey(key, ctx)
        case .prompt: return promptKey(key, ctx)
        case .review: return reviewKey(key, ctx)
        }
    }

    private mutating func inputKey(_ key: Key, _ ctx: ScreenContext) -> KeyOutcome {
        let l = ctx.labels
        switch key {
        case .enter, .ctrl("s"):
            if let id = amending {
                let text = editor.text
                if text.trimmingCharacters(in: .whitespaces).isEmpty { return .message(l[.rapEmpty], isError: true) }
                // A recommendation, an action or a commitment: its fields next, pre-filled.
                if form != nil {
                    focus = .form
                    return .none
                }
                if text == ctx.state.entry(id)?.content.text { return .message(l[.rapSame], isError: true) }
                amendChanges = EntryChanges()
                prompt = .amendReason(entry: id)
                promptEditor.clear()
                focus = .prompt
                return .none
            }
            let (k, text) = effective
            let blank = text.trimmingCharacters(in: .whitespaces).isEmpty
            switch k {
            case .note, .decision, .question, .answer, .perspective, .organiserCommitment:
                if blank { return .message(l[.rapEmpty], isError: true) }
                return send(.record(EntryContent(kind: k, text: text)))
            case .recommendation, .action, .commitment, .vote:
                if blank && k != .commitment { return .message(l[.rapEmpty], isError: true) }
                if parkedKind == k, let f = parkedForm { form = f } else { form = Self.makeForm(k, ctx) }
                formKind = k
                parkedForm = nil; parkedKind = nil
                focus = .form
                return .none
            }
        case .escape:
            if amending != nil { endAmending() }
            return .none
        case .up:
            guard amending == nil else { return .none }
            let list = Self.scope(ctx.state, all: showAll).entries
            guard let last = list.last else { return .none }
            selected = last.id
            focus = .list
            armed = nil
            locked = false
            return .none
        case .down:
            return .none
        default:
            editor.handle(key)
            return .none
        }
    }

    /// Keys in list mode. Moving around works; Esc leaves (or drops an armed command); Enter
    /// confirms an armed command; any other key does nothing and says so, and until the next
    /// move the commands stay locked, so text typed into the list by mistake records nothing.
    private mutating func listKey(_ key: Key, _ ctx: ScreenContext) -> KeyOutcome {
        let list = Self.scope(ctx.state, all: showAll).entries
        guard !list.isEmpty else { leaveList(); return .none }
        let i = list.index(ofID: selected) ?? list.count - 1
        let moved: Bool
        switch key {
        case .up: selected = list[max(0, i - 1)].id; moved = true
        case .down:
            if i + 1 < list.count { selected = list[i + 1].id; moved = true } else { leaveList(); return .none }
        case .home: selected = list.first?.id; moved = true
        case .end: selected = list.last?.id; moved = true
        case .pageUp: selected = list[max(0, i - 5)].id; moved = true
        case .pageDown: selected = list[min(list.count - 1, i + 5)].id; moved = true
        case .escape:
            if armed != nil { armed = nil } else { leaveList() }
            return .none
        case .enter:
            guard let a = armed else {
                return stray.isEmpty ? .message(ctx.labels[.rapListMode], isError: true) : strayText(key, ctx)
            }
            armed = nil
            return confirm(a, ctx)
        default:
            // Text typed into the list by mistake: kept aside (with the letter that armed a
            // command, if one did) and given back to the input line by Esc.
            if let a = armed, case .char(let c) = a.key { stray.append(c) }
            armed = nil
            locked = true
            return strayText(key, ctx)
        }
        if moved { armed = nil; locked = false }
        return .none
    }

    private mutating func leaveList() {
        focus = .input
        armed = nil
        locked = false
        if !stray.isEmpty {
            _ = editor.insert(stray)
            stray = ""
        }
    }

    /// A key that is not a list command: nothing is recorded; typed text is kept for the input.
    private mutating func strayText(_ key: Key, _ ctx: ScreenContext) -> KeyOutcome {
        if case .char(let c) = key { stray.append(c) }
        guard !stray.isEmpty else { return .message(ctx.labels[.rapListNotCommand], isError: true) }
        let shown = TextWidth.truncate(TextWidth.sanitize(stray), toWidth: 30)
        return .message(ctx.labels[.rapListStray].replacingOccurrences(of: "%@", with: shown), isError: true)
    }

    /// `m`, `x` or `v` in list mode: names the entry and what Enter will do.
    private mutating func arm(_ action: RapporteurAction, key: Key, _ ctx: ScreenContext) -> KeyOutcome {
        guard focus == .list else { return .none }
        let l = ctx.labels
        if locked { return strayText(key, ctx) }
        let list = Self.scope(ctx.state, all: showAll).entries
        guard let e = list.index(ofID: selected).map({ list[$0] }) ?? list.last else { return .none }
        selected = e.id
        if e.retracted != nil { return .message(l[.rapAlreadyRetracted], isError: true) }
        if action == .adopt, e.adoptedAt != nil { return .message(l[.rapAlreadyAdopted], isError: true) }
        armed = Armed(action: action, entry: e.id, key: key)
        return .none
    }

    /// Enter on an armed command.
    private mutating func confirm(_ a: Armed, _ ctx: ScreenContext) -> KeyOutcome {
        guard let e = ctx.state.entry(a.entry) else { return .none }
        let l = ctx.labels
        if e.retracted != nil { return .message(l[.rapAlreadyRetracted], isError: true) }
        switch a.action {
        case .amend:
            stash = editor
            stashForm = (form, formKind)
            editor = LineEditor(text: e.content.text)
            amending = e.id
            amendingVersion = e.version
            (form, formKind) = (nil, nil)
            if [.recommendation, .action, .commitment, .vote].contains(e.content.kind) {
                form = Self.makeForm(e.content.kind, ctx).prefilled(with: e.content)
                formKind = e.content.kind
            }
            focus = .input
            return .none
        case .retract:
            prompt = .retractReason(entry: e.id)
            promptEditor.clear()
            focus = .prompt
            return .none
        default:
            if e.adoptedAt != nil { return .message(l[.rapAlreadyAdopted], isError: true) }
            return send(.adopt(entry: e.id))
        }
    }

    private mutating func promptKey(_ key: Key, _ ctx: ScreenContext) -> KeyOutcome {
        guard let p = prompt else { focus = .input; return .none }
        switch key {
        case .enter, .ctrl("s"):
            let reason = promptEditor.text
            if reason.trimmingCharacters(in: .whitespaces).isEmpty {
                return .message(ctx.labels[.rapNoReason], isError: true)
            }
            switch p {
            case .amendReason(let id):
                return send(
                    .amend(
                        entry: id, text: editor.text, reason: reason, basedOn: amendingVersion, changes: amendChanges))
            case .retractReason(let id): return send(.retract(entry: id, reason: reason))
            }
        case .escape:
            prompt = nil
            if case .retractReason = p { focus = .list } else { focus = .input }
            return .none
        case .up, .down:
            return .none
        default:
            promptEditor.handle(key)
            return .none
        }
    }

    private mutating func formKey(_ key: Key, _ ctx: ScreenContext) -> KeyOutcome {
        guard var f = form, let k = formKind else { focus = .input; return .none }
        let outcome = f.handle(key)
        form = f
        switch outcome {
        case .handled, .ignored: return .none
        case .ambiguous: return .message(ctx.labels[.formAmbiguous], isError: true)
        case .choiceOnly: return .message(ctx.labels[.formChoiceOnly], isError: true)
        case .cancel:
            if amending != nil {
                // Back to the text of the amendment; the fields stay as typed.
                focus = .input
                return .none
            }
            parkedForm = f; parkedKind = k
            form = nil; formKind = nil
            focus = .input
            return .none
        case .submit:
            switch content(k, f, ctx) {
            case .success(var c):
                guard let id = amending, let old = ctx.state.entry(id)?.content else { return send(.record(c)) }
                c.text = editor.text
                let changes = Self.changes(from: old, to: c)
                if c.text == old.text && changes.isEmpty { return .message(ctx.labels[.rapSame], isError: true) }
                amendChanges = changes
                prompt = .amendReason(entry: id)
                promptEditor.clear()
                focus = .prompt
                return .none
            case .failure(let problem):
                form?.focus(problem.field)
                return .message(problem.message, isError: true)
            }
        }
    }

    private mutating func send(_ c: Command) -> KeyOutcome {
        sent = c
        return .perform(c)
    }

    private mutating func endAmending() {
        editor = stash ?? LineEditor()
        stash = nil
        if amending != nil { (form, formKind) = stashForm ?? (nil, nil) }
        stashForm = nil
        amendChanges = EntryChanges()
        amending = nil
        prompt = nil
        focus = .input
    }

    // MARK: Results

    public mutating func didRecord(_ events: [Event], context: ScreenContext) {
        guard sent != nil else { return }
        sent = nil
        for e in events {
            switch e.payload {
            case .entryRecorded:
                editor.clear()
                form = nil; formKind = nil; parkedForm = nil; parkedKind = nil
                kind = .note
                focus = .input
            case .entryAmended:
                endAmending()
            case .entryRetracted:
                prompt = nil
                focus = .list
            case .previousReviewed(let source, _, _, _, _):
                // One by one: on to the next entry not yet reviewed in this meeting.
                reviewForm = nil
                let after = context.previous.drop { PreviousKey($0) != PreviousKey(source) }.dropFirst()
                let next = after.first { PreviousReviews.review($0, context.state) == nil }
                reviewKey = next.map(PreviousKey.init) ?? reviewKey
            default: break
            }
        }
    }

    /// A refusal keeps everything as it is: the console shows why, the text stays.
    public mutating func wasRefused(_ refusal: Refusal, context: ScreenContext) {
        sent = nil
    }

    // MARK: Forms

    /// A field that is wrong, and why.
    struct Problem: Error, Equatable {
        var field: String
        var message: String
    }

    /// The fiche field's hint, with the programme's first fiche as the example (« DIE-01, Diéli »).
    static func fichePlaceholder(_ l: Labels, _ p: Programme) -> String {
        let example = p.communes.lazy.compactMap { c in c.fiches.first.map { $0.id + ", " + c.name } }.first ?? "…"
        return l.unitWord(l[.phFiche], p).replacingOccurrences(of: "%@", with: example)
    }

    /// The form of a recommendation, an action or a commitment.
    static func makeForm(_ k: EntryKind, _ ctx: ScreenContext) -> CompletionForm {
        let l = ctx.labels
        let people = whoCandidates(ctx)
        func text(
            _ id: String, _ label: UILabel, _ candidates: [CompletionForm.Candidate] = [], placeholder: String? = nil
        ) -> CompletionForm.Field {
            CompletionForm.Field(id: id, label: l[label], candidates: candidates, placeholder: placeholder)
        }
        let due = text("due", .fieldDue, placeholder: l[.phDue])
        let title = l[UILabel.entryKind(k)] + " — " + l[.formKeys]
        switch k {
        case .recommendation:
            return CompletionForm(
                title: title,
                fields: [
                    text("addressee", .fieldAddressee, people, placeholder: l[.phOptional]),
                    text("responsible", .fieldResponsible, people, placeholder: l[.phOptional]), due,
                ])
        case .action:
            return CompletionForm(
                title: title,
                fields: [text("responsible", .fieldResponsible, people, placeholder: l[.phRequired]), due])
        case .vote:
            var outcome = text("outcome", .fieldOutcome)
            outcome.options = VoteOutcome.allCases.map { ($0.rawValue, l[UILabel.outcome($0)]) }
            return CompletionForm(
                title: title,
                fields: [
                    text("for", .fieldFor, placeholder: l[.phCount]),
                    text("against", .fieldAgainst, placeholder: l[.phCount]),
                    text("abstentions", .fieldAbstentions, placeholder: l[.phCount]), outcome,
                ])
        default:
            let p = ctx.state.programme
            let partners = (p.partners + p.organisations.filter { $0.type != .partner }).map {
                CompletionForm.Candidate(value: $0.id, display: $0.acronym, detail: $0.name)
            }
            var fiches: [CompletionForm.Candidate] = []
            for c in p.communes {
                for f in c.fiches { fiches.append(.init(value: f.id, display: f.id, detail: c.name + " · " + f.title)) }
            }
            var nature = text("nature", .fieldNature)
            nature.options = CommitmentNature.allCases.map { ($0.rawValue, l[UILabel.nature($0)]) }
            var status = text("status", .fieldStatus)
            status.options = CommitmentStatus.allCases.map { ($0.rawValue, l[UILabel.commitmentStatus($0)]) }
            return CompletionForm(
                title: title,
                fields: [
                    text("partner", .fieldPartner, partners, placeholder: l[.phPartner]),
                    text("fiche", .fieldFiche, fiches, placeholder: Self.fichePlaceholder(l, ctx.state.programme)),
                    nature, text("amount", .fieldAmount, placeholder: l[.phAmount]),
                    text("currency", .fieldCurrency, placeholder: l[.phCurrency]),
                    status, text("conditions", .fieldConditions, placeholder: l[.phOptional]), due,
                ])
        }
    }

    /// Candidates for « à l'endroit de » and « responsable »: participants by function,
    /// organisations by acronym, communes as « Commune de … ». They yield the text shown.
    static func whoCandidates(_ ctx: ScreenContext) -> [CompletionForm.Candidate] {
        let s = ctx.state, l = ctx.labels
        var out: [CompletionForm.Candidate] = []
        for o in s.programme.organisations { out.append(.init(value: o.acronym, display: o.acronym, detail: o.name)) }
        for c in s.programme.communes {
            let name =
                s.programme.unitLabel != nil ? c.name : l[.candCommune].replacingOccurrences(of: "%@", with: c.name)
            out.append(
                .init(value: name, display: name, detail: c.cercle.isEmpty ? "" : l[.candCercle] + " " + c.cercle))
        }
        for p in s.participants {
            let org = s.organisationId(of: p.id).flatMap {
                s.programme.organisation($0)?.acronym ?? s.programme.commune($0)?.name
            }
            out.append(.init(value: p.function, display: p.function, detail: org ?? ""))
        }
        return out
    }

    /// The entry a filled form stands for, or the field to fix.
    func content(_ k: EntryKind, _ f: CompletionForm, _ ctx: ScreenContext) -> Result<EntryContent, Problem> {
        let l = ctx.labels
        let text = effective.text
        func value(_ id: String) -> String? {
            guard let field = f[id] else { return nil }
            let v = field.picked?.value ?? field.text
            return v.isEmpty ? nil : v
        }
        switch k {
        case .recommendation:
            return .success(
                EntryContent(
                    kind: k, text: text, addressee: value("addressee"), responsible: value("responsible"),
                    due: value("due")))
        case .action:
            guard let r = value("responsible") else {
                return .failure(Problem(field: "responsible", message: l[.errResponsible]))
            }
            return .success(EntryContent(kind: k, text: text, responsible: r, due: value("due")))
        case .vote:
            var counts: [Int?] = []
            for id in ["for", "against", "abstentions"] {
                guard let typed = value(id) else { counts.append(nil); continue }
                do throws(Refusal) {
                    counts.append(try Values.voteCount(typed))
                } catch {
                    return .failure(Problem(field: id, message: error.message(l.language)))
                }
            }
            let outcome = f["outcome"]?.chosen.flatMap(VoteOutcome.init(rawValue:)) ?? .adopted
            return .success(
                EntryContent(
                    kind: k, text: text, votesFor: counts[0], votesAgainst: counts[1], abstentions: counts[2],
                    outcome: outcome))
        default:
            guard let partner = f["partner"]?.resolved else {
                return .failure(Problem(field: "partner", message: l[.errPartner]))
            }
            guard let ficheId = f["fiche"]?.resolved?.value, let (fiche, _) = ctx.state.programme.fiche(ficheId) else {
                return .failure(Problem(field: "fiche", message: l[.errFiche]))
            }
            let nature = f["nature"]?.chosen.flatMap(CommitmentNature.init(rawValue:)) ?? .financial
            var amount: Int64?
            if let typed = value("amount") {
                do throws(Refusal) {
                    amount = try Values.amount(
                        typed, language: ctx.state.programme.language, currency: value("currency") ?? fiche.currency)
                } catch {
                    return .failure(Problem(field: "amount", message: error.message(l.language)))
                }
            } else if nature == .financial {
                return .failure(Problem(field: "amount", message: l[.errNoAmount]))
            }
            let status = f["status"]?.chosen.flatMap(CommitmentStatus.init(rawValue:)) ?? .announced
            return .success(
                EntryContent(
                    kind: k, text: text, due: value("due"), partner: partner.value, fiche: fiche.id,
                    nature: nature, amount: amount, currency: value("currency") ?? fiche.currency,
                    status: status, conditions: value("conditions")))
        }
    }

    /// The fields of `new` that differ from `old` (an emptied field is left as it was: an
    /// amendment sets fields, it does not clear them).
    static func changes(from old: EntryContent, to new: EntryContent) -> EntryChanges {
        var c = EntryChanges()
        if new.addressee != old.addressee, new.addressee != nil { c.addressee = new.addressee }
        if new.responsible != old.responsible, new.responsible != nil { c.responsible = new.responsible }
        if new.due != old.due, new.due != nil { c.due = new.due }
        if new.partner != old.partner, new.partner != nil { c.partner = new.partner }
        if new.fiche != old.fiche, new.fiche != nil { c.fiche = new.fiche }
        if new.nature != old.nature, new.nature != nil { c.nature = new.nature }
        if new.amount != old.amount, new.amount != nil { c.amount = new.amount }
        if new.currency != old.currency, new.currency != nil { c.currency = new.currency }
        if new.status != old.status, new.status != nil { c.status = new.status }
        if new.conditions != old.conditions, new.conditions != nil { c.conditions = new.conditions }
        if new.votesFor != old.votesFor, new.votesFor != nil { c.votesFor = new.votesFor }
        if new.votesAgainst != old.votesAgainst, new.votesAgainst != nil { c.votesAgainst = new.votesAgainst }
        if new.abstentions != old.abstentions, new.abstentions != nil { c.abstentions = new.abstentions }
        if new.outcome != old.outcome, new.outcome != nil { c.outcome = new.outcome }
        return c
    }

    // MARK: What is listed

    /// The entries shown: those of the item under way; with none, those of the item that ended
    /// last, with the entries recorded outside the agenda since it started; before any item,
    /// those recorded outside the agenda. Title: the item's, or nil outside the agenda.
    static func scope(_ s: SessionState, all: Bool = false) -> (item: String?, running: Bool, entries: EntryList) {
        // The whole record, for reading back and adopting at the closing.
        if all { return (nil, false, EntryList(all: s)) }
        if let c = s.currentItem { return (c, true, EntryList(s, s.entryIndicesByItem[c] ?? [])) }
        let last = s.runs.filter { $0.value.startedAt != nil }.max { a, b in
            let ta = a.value.endedAt ?? a.value.startedAt!, tb = b.value.endedAt ?? b.value.startedAt!
            return ta != tb ? ta < tb : a.key < b.key
        }
        guard let (id, run) = last else { return (nil, false, EntryList(s, s.entryIndicesOutsideAgenda)) }
        let since = run.startedAt!
        // The item's own list shared as it is, unless entries outside the agenda come after it.
        let own = s.entryIndicesByItem[id] ?? [], outside = s.entryIndicesOutsideAgenda(since: since)
        return (id, false, EntryList(s, outside.isEmpty ? own : (own + outside).sorted()))
    }

    // MARK: Drawing

    public mutating func render(into grid: inout Grid, area: Rect, context ctx: ScreenContext) -> Position? {
        let l = ctx.labels
        let compact = area.isCompact
        let scope = Self.scope(ctx.state, all: showAll)
        if focus == .form && form == nil { focus = .input }
        if focus == .list && !scope.entries.contains(id: selected) {
            selected = scope.entries.last?.id
            if selected == nil { focus = .input }
        }
        var y = area.y
        drawStatus(&grid, x: area.x, y: y, width: area.width, ctx: ctx, scope: scope)
        y += 1
        if !compact {
            drawFloor(&grid, x: area.x, y: y, width: area.width, ctx: ctx)
            y += 1
        }
        let bottomEnd = area.y + area.height
        // Rows under the input.
        var below = 0
        if let f = form, focus == .form {
            below = f.fullHeight
        } else if focus == .review, let f = reviewForm {
            below = f.fields.count + 2
        } else if prompt != nil {
            below = 1
        } else if !compact {
            below = 1
        }
        let headerRows = compact ? 0 : 1
        let minList = compact ? 0 : 1
        below = max(0, min(below, bottomEnd - y - headerRows - minList - 1))
        let inputY = bottomEnd - below - 1
        // A follow-up item: the earlier sessions' open entries above this item's entries.
        if PreviousReviews.isActive(ctx) {
            let room = max(0, inputY - y - headerRows - minList)
            let want = ctx.previous.count + 2
            let h = compact ? room : min(room, max(4, min(want, (inputY - y) * 3 / 5)))
            PreviousReviews.drawList(
                &grid, Rect(x: area.x, y: y, width: area.width, height: h), ctx, focused: focus == .review)
            y += h
        }
        if !compact {
            let count = l.counted(scope.entries.count, .rapEntryOne, .rapEntryMany)
            let name =
                showAll ? l[.rapAll] : scope.item.map { ctx.state.item($0)?.item.title ?? $0 } ?? l[.rapOutside]
            let head =
                (scope.running || scope.item == nil ? "" : l[.rapLastItem] + l.colon) + TextWidth.sanitize(name)
                + " · " + count
            grid.put(
                x: area.x, y: y, text: "── " + TextWidth.truncate(head, toWidth: max(1, area.width - 8)) + " ",
                role: .border)
            let used = TextWidth.width(of: "── " + TextWidth.truncate(head, toWidth: max(1, area.width - 8)) + " ")
            grid.fill(x: area.x + used, y: y, width: area.width - used, height: 1, with: "─", role: .border)
            y += 1
        }
        drawEntries(
            &grid, area: Rect(x: area.x, y: y, width: area.width, height: max(0, inputY - y)), entries: scope.entries,
            compact: compact, ctx: ctx)
        var cursor = drawInput(&grid, x: area.x, y: inputY, width: area.width, ctx: ctx)
        let belowRect = Rect(x: area.x, y: inputY + 1, width: area.width, height: below)
        if focus == .form, var f = form {
            if formKind == .commitment, let i = f.fields.firstIndex(where: { $0.id == "currency" }),
                let fiche = f["fiche"]?.resolved.flatMap({ ctx.state.programme.fiche($0.value) })
            {
                f.fields[i].placeholder = fiche.fiche.currency + " (" + l[.phCurrencyOf] + " " + fiche.fiche.id + ")"
            }
            let c = f.render(into: &grid, area: belowRect, language: l.language)
            form = f
            cursor = c
        } else if focus == .review, let f = reviewForm, below > 0, case .previous(let e) = f.target {
            cursor = f.draw(
                into: &grid, Rect(x: area.x + 1, y: belowRect.y, width: area.width - 2, height: below),
                title: .revFormTitle, what: PreviousReviews.title(e, l), labels: l)
        } else if let p = prompt, below > 0 {
            let label: String
            switch p {
            case .amendReason(let id): label = l[.rapReasonAmend] + " " + l[.rapNumber] + "\(id)" + l.colon
            case .retractReason(let id): label = l[.rapReasonRetract] + " " + l[.rapNumber] + "\(id)" + l.colon
            }
            let end = grid.put(
                x: area.x + 1, y: belowRect.y, text: TextWidth.truncate(label, toWidth: area.width / 2), role: .title)
            let c = promptEditor.render(
                into: &grid, x: end, y: belowRect.y, width: max(1, area.x + area.width - end - 1))
            if focus == .prompt { cursor = c }
        } else if below > 0, !ctx.readOnly {
            // The prefixes choose the kind of an entry to record: not where nothing is recorded.
            drawPrefixes(&grid, x: area.x + 1, y: belowRect.y, width: area.width - 2, labels: l)
        }
        return focus == .list ? nil : cursor
    }

    private func drawStatus(
        _ grid: inout Grid, x: Int, y: Int, width: Int, ctx: ScreenContext,
        scope: (item: String?, running: Bool, entries: EntryList)
    ) {
        let s = ctx.state, l = ctx.labels
        grid.fill(x: x, y: y, width: width, height: 1, role: .normal)
        guard let id = s.currentItem, let item = s.item(id)?.item else {
            var text = " " + l[.noItem]
            if let next = s.nextPlannedItem { text += " · " + l[.rapNext] + l.colon + TextWidth.sanitize(next.title) }
            grid.put(x: x, y: y, text: TextWidth.truncate(text, toWidth: width), role: .statusPlanned)
            return
        }
        let run = s.run(id)
        let remaining = s.remaining(id, at: ctx.now)
        let timer =
            remaining >= 0
            ? l[.rapLeft] + " " + formatCountdown(remaining) : l[.rapOver] + " " + formatCountdown(remaining)
        let timerRole: Role = remaining < 0 ? .timerOver : remaining <= 120 ? .timerWarn : .timerOK
        let status = l[UILabel.itemStatus(run.status)]
        let clock = formatCountdown(s.elapsed(id, at: ctx.now)) + " / " + formatCountdown(s.timeBox(id))
        let right = width >= 60 ? "\(status) · \(clock) · \(timer) " : "\(status) · \(timer) "
        let rw = TextWidth.width(of: right)
        let left = " " + (run.status == .paused ? "‖ " : "▶ ") + TextWidth.sanitize(item.title)
        grid.put(x: x, y: y, text: TextWidth.truncate(left, toWidth: max(1, width - rw - 1)), role: .title)
        var col = x + width - rw
        col = grid.put(
            x: col, y: y, text: status + " · ", role: run.status == .paused ? .statusPlanned : .statusRunning)
        if width >= 60 { col = grid.put(x: col, y: y, text: clock + " · ", role: .muted) }
        grid.put(x: col, y: y, text: timer, role: timerRole)
    }

    private func drawFloor(_ grid: inout Grid, x: Int, y: Int, width: Int, ctx: ScreenContext) {
        let s = ctx.state, l = ctx.labels
        var text: String
        var role = Role.muted
        if let t = s.currentTurn {
            let org = s.organisationId(of: t.who).flatMap { s.programme.organisation($0)?.acronym }
            let who = s.displayName(t.who)
            // The organisation, unless the function already names it (« Représentante du PAM »).
            let name = who + (org.flatMap { Text.fold(who).contains(Text.fold($0)) ? nil : " (\($0))" } ?? "")
            text =
                " " + l[.rapFloor] + l.colon + TextWidth.sanitize(name)
                + (t.pointOfOrder ? " (" + l[.meetingPooLong] + ")" : "") + " · "
                + speakingClock(Int(s.speakingMs(t, at: ctx.now) / 1000))
            role = .queueCurrent
        } else {
            text = s.currentItem == nil ? "" : " " + l[.rapNobody]
        }
        if !s.queue.isEmpty { text += " · " + l.counted(s.queue.count, .rapWaitingOne, .rapWaitingMany) }
        grid.put(x: x, y: y, text: TextWidth.truncate(text, toWidth: width), role: role)
    }

    /// Lines of one entry: its text wrapped (up to `maxLines`), marks, and a detail line for
    /// recommendations, actions and commitments.
    private func entryLines(_ e: Entry, width: Int, maxLines: Int, ctx: ScreenContext) -> [(text: String, role: Role)] {
        let l = ctx.labels
        var marks: [String] = []
        if let r = e.retracted { marks.append(l[.rapRetracted] + l.colon + TextWidth.sanitize(r)) }
        if !e.amendments.isEmpty { marks.append(l[.rapAmended]) }
        if e.adoptedAt != nil { marks.append(l[.rapAdopted]) }
        let markText = marks.isEmpty ? "" : " [" + marks.joined(separator: " · ") + "]"
        let text = TextWidth.sanitize(e.content.text)
        var lines = TextWidth.wrap(text + markText, width: max(1, width))
        if lines.count > maxLines {
            // The text is cut, never its marks: an amended or adopted entry says so however long.
            lines = Array(TextWidth.wrap(text, width: max(1, width)).prefix(maxLines))
            let tail = " …" + markText
            let room = width - TextWidth.width(of: tail)
            lines[maxLines - 1] =
                room >= 1
                ? TextWidth.truncate(lines[maxLines - 1], toWidth: room, ellipsis: "") + tail
                : TextWidth.truncate(lines[maxLines - 1] + tail, toWidth: width)
        }
        let role: Role = e.retracted != nil ? .entryRetracted : .normal
        var out = lines.map { (text: $0, role: role) }
        if maxLines > 1, let d = detail(e.content, ctx) {
            out.append(
                (
                    TextWidth.truncate("→ " + TextWidth.sanitize(d), toWidth: width),
                    e.retracted != nil ? .entryRetracted : .muted
                ))
        }
        return out
    }

    /// The fields of a structured entry in one line.
    private func detail(_ c: EntryContent, _ ctx: ScreenContext) -> String? {
        let l = ctx.labels, p = ctx.state.programme
        var parts: [String] = []
        switch c.kind {
        case .recommendation, .action:
            if let a = c.addressee { parts.append(l[.fieldAddressee] + " " + a) }
            if let r = c.responsible { parts.append(l[.fieldResponsible] + l.colon + r) }
            if let d = c.due { parts.append(l[.fieldDue] + l.colon + d) }
        case .commitment:
            if let id = c.partner { parts.append(p.organisation(id)?.acronym ?? id) }
            if let id = c.fiche { parts.append(id + (p.fiche(id).map { " (" + $0.commune.name + ")" } ?? "")) }
            if let a = c.amount { parts.append(Money.format(a, c.currency ?? p.currency, language: l.language)) }
            if let n = c.nature { parts.append(l[UILabel.nature(n)]) }
            if let s = c.status { parts.append(l[UILabel.commitmentStatus(s)]) }
            if let cond = c.conditions { parts.append(l[.fieldConditions] + l.colon + cond) }
            if let d = c.due { parts.append(l[.fieldDue] + l.colon + d) }
        case .vote:
            if let n = c.votesFor { parts.append(l[.fieldFor] + l.colon + "\(n)") }
            if let n = c.votesAgainst { parts.append(l[.fieldAgainst] + l.colon + "\(n)") }
            if let n = c.abstentions { parts.append(l[.fieldAbstentions] + l.colon + "\(n)") }
            if let o = c.outcome { parts.append(l[UILabel.outcome(o)]) }
        default: return nil
        }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }

    private func drawEntries(_ grid: inout Grid, area: Rect, entries: EntryList, compact: Bool, ctx: ScreenContext) {
        guard area.height > 0 else { return }
        let l = ctx.labels
        if entries.isEmpty {
            grid.put(
                x: area.x + 1, y: area.y + area.height - 1,
                text: TextWidth.truncate(
                    l[ctx.readOnly ? .rapNoEntriesReadOnly : .rapNoEntries], toWidth: area.width - 2),
                role: .muted)
            return
        }
        let numWidth = max(3, String(entries.highestID ?? 0).count)
        let tiny = area.width < 60
        func kindLabel(_ k: EntryKind) -> UILabel { tiny ? UILabel.entryKindTiny(k) : UILabel.entryKindShort(k) }
        let kindWidth = EntryKind.allCases.map { TextWidth.width(of: l[kindLabel($0)]) }.max() ?? 10
        let textX = 1 + numWidth + 1 + kindWidth + 1
        let textWidth = max(1, area.width - textX - 1)
        let mark = highlighted
        let selIndex = entries.index(ofID: mark)
        // Blocks of lines, from the last entry up, until the area is full; the selected entry is
        // kept in view by ending the window on it when it lies above.
        let end = entries.count - 1
        var blocks: [(Entry, [(text: String, role: Role)])] = []
        var rows = 0
        var i = end
        func lines(_ e: Entry) -> [(text: String, role: Role)] {
            entryLines(e, width: textWidth, maxLines: compact ? 1 : (e.id == mark ? 8 : 3), ctx: ctx)
        }
        // The entries that fit, going up from `last`.
        func fill(upFrom last: Int) {
            blocks = []; rows = 0; i = last
            while i >= 0 {
                let b = lines(entries[i])
                if rows + b.count > area.height && !blocks.isEmpty { break }
                blocks.insert((entries[i], b), at: 0)
                rows += b.count
                i -= 1
            }
        }
        fill(upFrom: end)
        if let s = selIndex, !blocks.contains(where: { $0.0.id == entries[s].id }) {
            fill(upFrom: s)
            // Near the top of the list (Home), the entries after it fill the rest of the room.
            var j = s + 1
            while j <= end {
                let b = lines(entries[j])
                if rows + b.count > area.height { break }
                blocks.append((entries[j], b))
                rows += b.count
                j += 1
            }
        }
        var y = area.y + max(0, area.height - rows)
        // When the first block is taller than the room, drop its first lines.
        var skip = max(0, rows - area.height)
        for (e, block) in blocks {
            let isSel = e.id == mark
            for (k, line) in block.enumerated() {
                if skip > 0 { skip -= 1; continue }
                if isSel { grid.fill(x: area.x, y: y, width: area.width, height: 1, role: .selection) }
                if k == 0 {
                    let num = TextWidth.pad(String(e.id), toWidth: numWidth, alignment: .right)
                    grid.put(x: area.x + 1, y: y, text: num, role: isSel ? .selection : .muted)
                    grid.put(
                        x: area.x + 1 + numWidth + 1, y: y,
                        text: TextWidth.pad(l[kindLabel(e.content.kind)], toWidth: kindWidth),
                        role: isSel ? .selection : (e.retracted != nil ? .entryRetracted : .entryKind))
                }
                grid.put(
                    x: area.x + textX, y: y, text: line.text, role: isSel ? .selection : line.role, maxWidth: textWidth)
                y += 1
            }
        }
    }

    /// The entry set apart in the list: the one selected while the list has the focus, the one
    /// being amended, or the one a retraction reason is asked for.
    var highlighted: Int? {
        if focus == .list { return selected }
        if case .retractReason(let id) = prompt { return id }
        return amending
    }

    private mutating func drawInput(_ grid: inout Grid, x: Int, y: Int, width: Int, ctx: ScreenContext) -> Position? {
        let l = ctx.labels
        let label: String
        if ctx.readOnly {
            // No kind to record with: the line says only that nothing is recorded.
            label = " "
        } else if let id = amending {
            label = " " + l[.rapAmending] + "\(id) ▸ "
        } else {
            label = " " + l[UILabel.entryKind(effective.kind)] + " ▸ "
        }
        grid.fill(x: x, y: y, width: width, height: 1, role: .normal)
        let lw = min(TextWidth.width(of: label), width / 2)
        grid.put(x: x, y: y, text: TextWidth.truncate(label, toWidth: lw), role: .entryKind)
        let ex = x + lw
        let ew = max(1, x + width - ex - 1)
        if focus == .list {
            // List mode, said on the input line: what the keys do now, or what Enter will do.
            let text: String
            if let a = armed {
                text =
                    l[Self.confirmLabel(a.action)] + " " + l[.rapNumber]
                    + "\(a.entry)" + (l.language == .fr ? "\u{00A0}? " : "? ")
                    + l[.rapConfirmKeys]
            } else {
                text = l[ctx.readOnly ? .rapListLineReadOnly : .rapListLine]
            }
            grid.fill(x: x, y: y, width: width, height: 1, role: armed == nil ? .hintText : .bannerWarn)
            grid.put(
                x: x, y: y, text: TextWidth.truncate(" " + text, toWidth: width),
                role: armed == nil ? .hintText : .bannerWarn)
            return nil
        }
        guard focus == .input else {
            // Not being edited: the start of the text, not where the cursor was.
            grid.put(x: ex, y: y, text: TextWidth.truncate(TextWidth.sanitize(editor.text), toWidth: ew), role: .muted)
            return nil
        }
        let c = editor.render(into: &grid, x: ex, y: y, width: ew, role: .input)
        if editor.isEmpty {
            // A read-only console (an observer, a replay) takes no text: it says so.
            grid.put(
                x: ex + 1, y: y,
                text: TextWidth.truncate(l[ctx.readOnly ? .rapReadOnly : .rapPlaceholder], toWidth: ew - 1),
                role: .inputPlaceholder)
        }
        return c
    }

    /// The question asked before amending, retracting or adopting an entry.
    static func confirmLabel(_ a: RapporteurAction) -> UILabel {
        switch a {
        case .retract: .rapConfirmRetract
        case .adopt: .rapConfirmAdopt
        default: .rapConfirmAmend
        }
    }

    private func drawPrefixes(_ grid: inout Grid, x: Int, y: Int, width: Int, labels l: Labels) {
        let full = Self.prefixes.map { ("/" + String($0.letter), l[UILabel.entryKind($0.kind)].lowercased()) }
        let short = Self.prefixes.map { ("/" + String($0.letter), l[UILabel.entryKindShort($0.kind)].lowercased()) }
        func span(_ items: [(String, String)], _ sep: Int) -> Int {
            items.reduce(0) { $0 + TextWidth.width(of: $1.0) + 1 + TextWidth.width(of: $1.1) } + sep * (items.count - 1)
        }
        var items = full, sep = 3
        if span(full, 3) > width { items = short; sep = 2 }
        if span(items, sep) > width { sep = 1 }
        var col = x
        for (i, item) in items.enumerated() {
            let need = TextWidth.width(of: item.0) + 1 + TextWidth.width(of: item.1) + (i > 0 ? sep : 0)
            if col + need > x + width { break }
            if i > 0 {
                col = grid.put(x: col, y: y, text: sep == 3 ? " · " : String(repeating: " ", count: sep), role: .muted)
            }
            col = grid.put(x: col, y: y, text: item.0, role: .entryKind)
            col = grid.put(x: col, y: y, text: " " + item.1, role: .muted)
        }
    }

    // MARK: Table

    /// Bindings of this screen, part of Keymap/all.
    static let bindings: [Binding] = [
        Binding(.rapporteur(.send), ["Enter"], whileTyping: true),
        Binding(.rapporteur(.kindNext), ["F6", "Ctrl-O"], whileTyping: true),
        Binding(.rapporteur(.kindPrevious), ["F7", "Ctrl-K"], whileTyping: true, inHints: false),
        Binding(.rapporteur(.up), ["Up"], whileTyping: true),
        Binding(.rapporteur(.down), ["Down"], whileTyping: true, inHints: false),
        Binding(.rapporteur(.amend), ["m"], guarding: .confirms),
        Binding(.rapporteur(.retract), ["x", "Delete"], guarding: .confirms),
        Binding(.rapporteur(.adopt), ["v"], guarding: .confirms),
        Binding(.rapporteur(.sendForm), ["Ctrl-S"], whileTyping: true, inHints: false),
        Binding(.rapporteur(.cancel), ["Esc"], whileTyping: true, inHints: false),
        Binding(.rapporteur(.all), ["F8", "Ctrl-T"], whileTyping: true),
        Binding(.rapporteur(.review), ["Ctrl-R"], whileTyping: true, inHints: false),
    ]

}

/// Entries of the state by index, read on demand: the screen draws a few of thousands without
/// copying them all at every frame. The positions are in the order of the state's entries, so
/// the ids rise: the last entry has the highest, and an id is found by halving
/// (``index(ofID:)``), never by reading every entry at each frame (hundreds of thousands in a
/// long session).
struct EntryList: RandomAccessCollection {
    private let state: SessionState
    /// Positions in `state.entries`, rising; nil: all of them.
    private let positions: [Int]?
    init(_ state: SessionState, _ positions: [Int]) { self.state = state; self.positions = positions }
    /// Every entry of `state`.
    init(all state: SessionState) { self.state = state; self.positions = nil }
    var startIndex: Int { 0 }
    var endIndex: Int { positions?.count ?? state.entries.count }
    subscript(i: Int) -> Entry { state.entries[positions?[i] ?? i] }
    /// The id of the entry at `i`.
    private func id(at i: Int) -> Int { state.entries[positions?[i] ?? i].id }

    /// The index of the entry whose id is `id`, if listed.
    func index(ofID id: Int?) -> Int? {
        guard let id else { return nil }
        var low = 0, high = count
        while low < high {
            let mid = (low + high) / 2
            if self.id(at: mid) < id { low = mid + 1 } else { high = mid }
        }
        return low < count && self.id(at: low) == id ? low : nil
    }

    /// Whether the entry whose id is `id` is listed.
    func contains(id: Int?) -> Bool { index(ofID: id) != nil }

    /// The highest id listed (the last entry's).
    var highestID: Int? { isEmpty ? nil : id(at: count - 1) }
}
