import PalabreCore

/// A small form of one-line fields drawn under an input line: text fields, optionally completed
/// from the programme (participants, organisations, communes, fiches), and choice fields.
///
/// Keys, as documented in the help of the screens that use it:
/// - typing edits the field with the focus (a ``LineEditor``: any Unicode, whole clusters);
/// - ↓/↑ move through the suggestions shown under a field; with no suggestion highlighted, ↑
///   goes to the previous field, and ↓ to the next one when the field shows no suggestion;
/// - Entrée accepts the highlighted suggestion and goes to the next field; on the last field it
///   sends the form; ^S sends it from any field; Échap cancels it;
/// - in a choice field, ←/→ change the choice; text typed there is refused with a notice.
///
/// Free text always stays allowed in text fields: a suggestion is only a shortcut.
struct CompletionForm: Sendable, Equatable {
    /// A value a text field can take, with what is shown and what is searched.
    struct Candidate: Sendable, Equatable {
        /// What the field yields when this candidate is accepted (an id, or a text).
        var value: String
        /// What the field shows once it is accepted.
        var display: String
        /// A short explanation shown next to it in the suggestions (full name, kind…).
        var detail: String
        /// Folded search key: display, detail and value.
        var key: String

        init(value: String, display: String, detail: String = "") {
            self.value = value; self.display = display; self.detail = detail
            key = Text.fold(display + " " + detail + " " + value)
        }
    }

    /// One field of the form.
    struct Field: Sendable, Equatable {
        /// Stable id of the field (`partner`, `amount`…).
        var id: String
        /// Label shown before the field.
        var label: String
        /// Text typed in a text field.
        var editor = LineEditor()
        /// Values offered while typing (empty: plain free text).
        var candidates: [Candidate] = []
        /// Choices of a choice field: (value, label); empty for a text field.
        var options: [(value: String, label: String)] = []
        /// Index of the choice in `options`.
        var choice = 0
        /// The suggestion accepted, while the text still reads as it.
        var picked: Candidate?
        /// Shown in the empty field (a default or a hint).
        var placeholder: String?
        /// The value the field was pre-filled with when no suggestion has it: kept as free text
        /// on Enter even if it matches several suggestions.
        var original: String?

        static func == (a: Field, b: Field) -> Bool {
            a.id == b.id && a.label == b.label && a.editor == b.editor && a.candidates == b.candidates
                && a.options.map(\.value) == b.options.map(\.value) && a.choice == b.choice && a.picked == b.picked
                && a.placeholder == b.placeholder
        }

        /// Whether this is a choice field.
        var isChoice: Bool { !options.isEmpty }

        /// Value of a choice field.
        var chosen: String? { isChoice ? options[choice].value : nil }

        /// Text of the field, trimmed.
        var text: String { editor.text.trimmingCharacters(in: .whitespaces) }

        /// The candidate the field designates: the one accepted, or the only one matching the
        /// typed text exactly (value, display or detail, without regard to case or accents),
        /// or the only one matching it at all.
        var resolved: Candidate? {
            if let p = picked { return p }
            let t = Text.fold(text)
            guard !t.isEmpty else { return nil }
            let exact = candidates.filter {
                Text.fold($0.value) == t || Text.fold($0.display) == t || Text.fold($0.detail) == t
            }
            if exact.count == 1 { return exact[0] }
            let found = matches(limit: 2)
            return found.count == 1 ? found[0] : nil
        }

        /// Candidates matching the typed text (each word found, without regard to case or
        /// accents), those starting with it first; none while the field is empty or shows the
        /// accepted suggestion.
        func matches(limit: Int = 5) -> [Candidate] {
            guard !candidates.isEmpty, picked == nil else { return [] }
            let q = Text.fold(text)
            let words = q.split(separator: " ")
            guard !words.isEmpty else { return [] }
            let all = candidates.filter { c in words.allSatisfy { c.key.contains($0) } }
            let first = all.filter { Text.fold($0.display).hasPrefix(q) || Text.fold($0.value).hasPrefix(q) }
            let rest = all.filter { c in !first.contains(c) }
            return Array((first + rest).prefix(limit))
        }
    }

    /// What a key did to the form.
    enum Outcome: Sendable, Equatable {
        /// The form took the key.
        case handled
        /// The form is to be sent.
        case submit
        /// The form is to be closed without sending.
        case cancel
        /// The key means nothing here.
        case ignored
        /// Enter on a field whose text matches several suggestions: choose one with ↓ first.
        case ambiguous
        /// Text typed into a choice field: refused (←/→ choose).
        case choiceOnly
    }

    /// Inserts pasted text into the field with the focus; false on a choice field.
    mutating func paste(_ text: String) -> Bool {
        guard fields.indices.contains(current), !fields[current].isChoice else { return false }
        fields[current].editor.insert(text)
        fields[current].picked = nil
        highlight = nil
        return true
    }

    /// The form with the fields of `content` filled in: a suggestion is taken when one has the
    /// value, otherwise the value is typed; choice fields are set to it.
    func prefilled(with content: EntryContent) -> CompletionForm {
        var f = self
        let values: [String: String?] = [
            "addressee": content.addressee, "responsible": content.responsible, "due": content.due,
            "partner": content.partner, "fiche": content.fiche, "nature": content.nature?.rawValue,
            "amount": content.amount.map(String.init), "currency": content.currency,
            "status": content.status?.rawValue, "conditions": content.conditions,
            "for": content.votesFor.map(String.init), "against": content.votesAgainst.map(String.init),
            "abstentions": content.abstentions.map(String.init), "outcome": content.outcome?.rawValue,
        ]
        for i in f.fields.indices {
            guard let v = values[f.fields[i].id] ?? nil, !v.isEmpty else { continue }
            if f.fields[i].isChoice {
                if let c = f.fields[i].options.firstIndex(where: { $0.value == v }) { f.fields[i].choice = c }
            } else if let c = f.fields[i].candidates.first(where: { $0.value == v }) {
                f.fields[i].editor.setText(c.display)
                f.fields[i].picked = c
            } else {
                f.fields[i].editor.setText(v)
                f.fields[i].original = v
            }
        }
        return f
    }

    /// Whether any field holds typed text.
    var hasText: Bool { fields.contains { !$0.isChoice && !$0.editor.isEmpty } }

    /// Title shown above the fields.
    var title: String
    /// The fields, in order.
    var fields: [Field]
    /// Index of the field with the focus.
    var current = 0
    /// Index of the highlighted suggestion under the current field.
    var highlight: Int?

    /// The field with id `id`.
    subscript(_ id: String) -> Field? { fields.first { $0.id == id } }

    /// Moves the focus to the field with id `id`.
    mutating func focus(_ id: String) {
        if let i = fields.firstIndex(where: { $0.id == id }) { current = i; highlight = nil }
    }

    /// Applies a key.
    mutating func handle(_ key: Key) -> Outcome {
        guard !fields.isEmpty else { return key == .escape ? .cancel : .ignored }
        let shown = fields[current].matches()
        switch key {
        case .escape: return .cancel
        case .ctrl("s"): return .submit
        case .enter:
            if let h = highlight, h < shown.count {
                accept(shown[h])
            } else if !fields[current].isChoice, fields[current].picked == nil, !fields[current].candidates.isEmpty,
                !fields[current].text.isEmpty
            {
                // The single remaining suggestion is taken; several leave the field refused here,
                // not at the end of the form.
                if let only = fields[current].resolved {
                    accept(only)
                } else if shown.count > 1, fields[current].text != fields[current].original {
                    return .ambiguous
                }
            }
            highlight = nil
            if current == fields.count - 1 { return .submit }
            current += 1
            return .handled
        case .down:
            if !shown.isEmpty {
                highlight = min(shown.count - 1, (highlight ?? -1) + 1)
            } else if current < fields.count - 1 {
                current += 1; highlight = nil
            }
            return .handled
        case .up:
            if let h = highlight {
                highlight = h > 0 ? h - 1 : nil
            } else if current > 0 {
                current -= 1
            }
            return .handled
        default: break
        }
        if fields[current].isChoice { return handleChoice(key) }
        let before = fields[current].editor.text
        switch fields[current].editor.handle(key) {
        case .ignored, .submitted: return .ignored
        case .moved: return .handled
        case .edited:
            if fields[current].editor.text != before {
                if let p = fields[current].picked, fields[current].editor.text != p.display {
                    fields[current].picked = nil
                }
                highlight = nil
            }
            return .handled
        }
    }

    /// Only ←/→ change a choice: text typed into a choice field (a sentence meant for the next
    /// field, digits) is refused, never read as choices.
    private mutating func handleChoice(_ key: Key) -> Outcome {
        let n = fields[current].options.count
        switch key {
        case .right: fields[current].choice = (fields[current].choice + 1) % n
        case .left: fields[current].choice = (fields[current].choice + n - 1) % n
        case .char: return .choiceOnly
        default: return .ignored
        }
        return .handled
    }

    /// Puts `candidate` in the current field.
    private mutating func accept(_ candidate: Candidate) {
        fields[current].editor.setText(candidate.display)
        fields[current].picked = candidate
    }

    // MARK: Drawing

    /// Rows the form needs to show every field and up to five suggestions, plus its title.
    var fullHeight: Int { 1 + fields.count + fields[current].matches().count }

    /// Draws the form in the rectangle; returns the cursor position of the field with the
    /// focus. When the rectangle is too short, the title goes first, then fields far from
    /// the current one.
    mutating func render(into grid: inout Grid, area: Rect, language: Language) -> Position? {
        guard area.height > 0, area.width > 4, !fields.isEmpty else { return nil }
        var rows = area.height
        let shown = fields[current].matches()
        let showTitle = rows >= 1 + 1 + shown.count + 1
        if showTitle { rows -= 1 }
        let suggestions = Array(shown.prefix(max(0, rows - 1)))
        let fieldRows = max(1, rows - suggestions.count)
        // A window of fields around the current one.
        var first = max(0, current - (fieldRows - 1) / 2)
        first = max(0, min(first, fields.count - fieldRows))
        let last = min(fields.count, first + fieldRows)
        let labelWidth = min(area.width / 3, (fields.map { TextWidth.width(of: $0.label) }.max() ?? 0) + 1)
        var y = area.y
        if showTitle {
            grid.fill(x: area.x, y: y, width: area.width, height: 1, role: .title)
            grid.put(x: area.x, y: y, text: TextWidth.truncate(" " + title, toWidth: area.width), role: .title)
            y += 1
        }
        var cursor: Position?
        let vx = area.x + 1 + labelWidth + 2
        let vw = max(1, area.x + area.width - vx)
        for i in first..<last {
            let f = fields[i]
            let isCurrent = i == current
            // « Partenaire   : » in French, “Partner:    ” in English.
            let label =
                language == .fr
                ? TextWidth.pad(f.label, toWidth: labelWidth) + ": "
                : TextWidth.pad(f.label + ":", toWidth: labelWidth + 2)
            grid.put(
                x: area.x + 1, y: y, text: label,
                role: isCurrent ? .title : .muted, maxWidth: area.width - 1)
            if f.isChoice {
                var col = vx
                // Options that do not all fit scroll so the choice stays in sight, « ‹ » before them.
                let widths = f.options.map { TextWidth.width(of: $0.label) + 2 }
                var start = 0
                while start < f.choice, widths[start...f.choice].reduce(1, +) > vw { start += 1 }
                if start > 0 { col = grid.put(x: col, y: y, text: "‹", role: .muted) }
                for (k, o) in f.options.enumerated() where k >= start {
                    let chosen = k == f.choice
                    let text = chosen ? "[" + o.label + "]" : " " + o.label + " "
                    col = grid.put(
                        x: col, y: y, text: text, role: chosen ? (isCurrent ? .selection : .normal) : .muted,
                        maxWidth: area.x + area.width - col)
                }
                if isCurrent { cursor = Position(x: min(area.x + area.width - 1, vx), y: y) }
            } else if isCurrent {
                cursor = fields[i].editor.render(into: &grid, x: vx, y: y, width: vw)
                if f.editor.isEmpty, let p = f.placeholder {
                    grid.put(
                        x: vx + 1, y: y, text: TextWidth.truncate(TextWidth.sanitize(p), toWidth: vw - 1),
                        role: .inputPlaceholder)
                }
            } else if f.editor.isEmpty, let p = f.placeholder {
                grid.put(x: vx, y: y, text: TextWidth.truncate(TextWidth.sanitize(p), toWidth: vw), role: .muted)
            } else {
                grid.put(
                    x: vx, y: y, text: TextWidth.truncate(TextWidth.sanitize(f.editor.text), toWidth: vw), role: .normal
                )
            }
            y += 1
            if isCurrent {
                for (k, c) in suggestions.enumerated() {
                    let mark = k == highlight ? "▸ " : "  "
                    let text =
                        mark + TextWidth.sanitize(c.display)
                        + (c.detail.isEmpty ? "" : " · " + TextWidth.sanitize(c.detail))
                    let role: Role = k == highlight ? .selection : .muted
                    grid.fill(x: vx, y: y, width: vw, height: 1, role: k == highlight ? .selection : .normal)
                    grid.put(x: vx, y: y, text: TextWidth.truncate(text, toWidth: vw), role: role)
                    y += 1
                }
            }
        }
        return cursor
    }
}
