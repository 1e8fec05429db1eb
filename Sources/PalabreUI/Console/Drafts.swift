import Foundation
import PalabreCore

/// What a seat has typed and not sent: saved beside the journal as it changes (``DraftFile``)
/// and given back when the seat attaches again.
///
/// Shape (JSON): `{"rapporteur":{"text":"…","kind":"decision","formKind":"action",
/// "fields":{"responsible":"…"},"choices":{},"amending":12,"amendingVersion":1},
/// "walkIn":{"fields":{"function":"…"},"choices":{"sex":1}}}`.
public struct ConsoleDraft: Codable, Equatable, Sendable {
    /// A form's typed texts by field id, and its choice fields' positions.
    public struct FormDraft: Codable, Equatable, Sendable {
        public var fields: [String: String]
        public var choices: [String: Int]
    }

    /// The rapporteur's input line, kind, open form and amendment under way.
    public struct Rapporteur: Codable, Equatable, Sendable {
        public var text: String
        public var kind: EntryKind
        public var formKind: EntryKind?
        public var form: FormDraft?
        public var amending: Int?
        public var amendingVersion: Int?
        /// Whether the form was put aside with Esc (given back when its kind is sent again)
        /// rather than open.
        public var formParked: Bool?
    }

    /// The rapporteur screen's draft.
    public var rapporteur: Rapporteur?
    /// The walk-in form of the attendance screen.
    public var walkIn: FormDraft?

    /// Whether there is nothing to keep.
    public var isEmpty: Bool { rapporteur == nil && walkIn == nil }

    /// The draft as JSON bytes.
    public func encoded() -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return (try? e.encode(self)) ?? Data()
    }

    /// A draft read back from JSON bytes; nil when unreadable.
    public static func decoded(_ data: Data) -> ConsoleDraft? {
        try? JSONDecoder().decode(ConsoleDraft.self, from: data)
    }
}

extension CompletionForm {
    /// The typed texts and choices.
    var draft: ConsoleDraft.FormDraft {
        var fields: [String: String] = [:], choices: [String: Int] = [:]
        for f in self.fields {
            if f.isChoice { choices[f.id] = f.choice } else if !f.editor.isEmpty { fields[f.id] = f.editor.text }
        }
        return ConsoleDraft.FormDraft(fields: fields, choices: choices)
    }

    /// Puts back typed texts and choices.
    mutating func restore(_ d: ConsoleDraft.FormDraft) {
        for i in fields.indices {
            if let t = d.fields[fields[i].id] { fields[i].editor.setText(t) }
            if let c = d.choices[fields[i].id], fields[i].options.indices.contains(c) { fields[i].choice = c }
        }
    }
}

extension RapporteurScreen {
    /// What is typed and not sent; nil when nothing is.
    var draft: ConsoleDraft.Rapporteur? {
        guard hasDraft else { return nil }
        let parked = form == nil && parkedForm != nil
        return ConsoleDraft.Rapporteur(
            text: editor.text, kind: kind, formKind: parked ? parkedKind : formKind,
            form: (form ?? parkedForm)?.draft, amending: amending, amendingVersion: amendingVersion,
            formParked: parked ? true : nil)
    }

    /// Puts a saved draft back.
    mutating func restore(_ d: ConsoleDraft.Rapporteur, _ ctx: ScreenContext) {
        editor = LineEditor(text: d.text)
        kind = d.kind
        if let id = d.amending, let e = ctx.state.entry(id), e.retracted == nil {
            amending = id
            amendingVersion = d.amendingVersion
            stash = LineEditor()
        }
        if amending == nil, let k = d.formKind, [.recommendation, .action, .commitment].contains(k) {
            var f = Self.makeForm(k, ctx)
            if let fd = d.form { f.restore(fd) }
            if d.formParked == true {
                (parkedForm, parkedKind) = (f, k)
                focus = .input
            } else {
                form = f
                formKind = k
                focus = .form
            }
        } else {
            focus = .input
        }
    }
}

extension AttendanceScreen {
    /// The walk-in form's texts, when it holds any.
    var draft: ConsoleDraft.FormDraft? { hasDraft ? (form ?? parkedForm)?.draft : nil }

    /// Opens the walk-in form again with its texts.
    mutating func restore(_ d: ConsoleDraft.FormDraft, _ ctx: ScreenContext) {
        var f = Self.makeForm(ctx)
        f.restore(d)
        form = f
    }
}

extension Console {
    /// What this seat has typed and not sent.
    public var draft: ConsoleDraft {
        ConsoleDraft(rapporteur: rapporteur.draft, walkIn: attendance.draft)
    }

    /// Puts back a saved amendment under way (``ConsoleDraft/Rapporteur/amending``) once the
    /// entries are folded, keeping what was typed meanwhile where an amendment keeps it: given
    /// back when the amendment is sent or given up. Says so.
    public mutating func restoreAmendment(_ r: ConsoleDraft.Rapporteur, state: SessionState, now: Instant) {
        let ctx = ScreenContext(state: state, now: now, labels: labels, readOnly: readOnly)
        let typed = rapporteur.editor
        let typedForm = (rapporteur.form, rapporteur.formKind)
        rapporteur.restore(r, ctx)
        if rapporteur.amending != nil {
            rapporteur.stash = typed
            rapporteur.stashForm = typedForm
        }
        message = ConsoleMessage(text: labels[.draftRestored], isError: false, at: now)
    }

    /// Puts a saved draft back and says so.
    public mutating func restore(_ d: ConsoleDraft, state: SessionState, now: Instant) {
        guard !d.isEmpty else { return }
        let ctx = ScreenContext(state: state, now: now, labels: labels, readOnly: readOnly)
        if let r = d.rapporteur { rapporteur.restore(r, ctx) }
        if let w = d.walkIn { attendance.restore(w, ctx) }
        message = ConsoleMessage(text: labels[.draftRestored], isError: false, at: now)
    }
}
