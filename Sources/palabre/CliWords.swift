import Foundation
import PalabreCore
import PalabreTerminal

/// The messages of the command line, in French and English, one exhaustive switch.
///
/// A command speaks its session's language (`--lang` first, then the programme's), or
/// ``Language/environment`` before a session is known.
enum CliWords {
    /// `palabre check`: the programme is valid; counts of what it holds (`unit`: the programme's own name
    /// for what roundtables call communes, counted as « 3 × Budget line »).
    case checkOK(
        title: String, days: Int, items: Int, organisations: Int, communes: Int, fiches: Int, participants: Int,
        warnings: Int, unit: String? = nil)
    /// `palabre check`: the programme is not valid.
    case checkInvalid(errors: Int, warnings: Int)
    /// `palabre minutes`: where the documents went.
    case wroteDocuments(events: Int, folder: String)
    /// `palabre verify`: no journal yet.
    case noJournal(path: String)
    /// `palabre verify`: an empty journal.
    case emptyJournal(path: String)
    /// `palabre verify`: a journal of nothing but torn bytes.
    case noWholeEvent(path: String)
    /// `palabre verify`: the journal's events and days.
    case journalEvents(path: String, events: Int, lastSeq: Int, days: Int)
    /// `palabre verify`: first and last instants.
    case journalSpan(from: String, to: String)
    /// `palabre verify`: an id the programme lost.
    case mismatch(String)
    /// `palabre verify`: a journal warning.
    case warning(String)
    /// A replay quit before it read a long journal to its end, whose end could not be checked
    /// on its own.
    case endNotChecked(session: String)
    /// `palabre verify`: sound.
    case intact
    /// `palabre verify`: damaged at a line.
    case damaged(path: String, line: Int, reason: String, folder: String)
    /// `verify`: a line of an event type a later version of palabre wrote (update palabre).
    case laterVersion(path: String, line: Int, reason: String)
    /// `palabre verify`: torn tail or stray bytes.
    case torn(folder: String, tornBytes: Bool)
    /// `palabre repair`: one problem at `line` (`length` bytes from byte `offset`), why and the change.
    case repairProblem(path: String, line: Int, offset: Int, length: Int, reason: String, change: String)
    /// `palabre directory import`: what the import did to the directory's files.
    case directoryImported(added: Int, updated: Int, unchanged: Int)
    /// `palabre directory add-from`: organisations added and updated.
    case directoryAdded(added: Int, updated: Int)
    /// `palabre directory add-from` with no terminal to answer on.
    case directoryNeedsAnswers(proposals: Int)
    /// Writing into the directory stopped on an error.
    case writingStopped(String)
    /// `palabre script`: events recorded and where the documents are.
    case scriptRecorded(events: Int, out: String)
    /// An option given `value` below its `minimum` (`--speed 0`).
    case belowMinimum(option: String, value: String, minimum: Int)
    /// `palabre replay`: a journal without any event.
    case nothingToReplay(session: String)
    /// `palabre screen --size`: not WIDTHxHEIGHT.
    case screenSize(String)
    /// `palabre run` without a session: no session under ./sessions.
    case noSessionToPick
    /// `palabre run` without a session: the list's title.
    case pickerTitle
    /// `palabre run` without a session and without a terminal: how to run one.
    case pickerHowToRun
    /// `palabre run` without a session: the question.
    case pickerPrompt
    /// `palabre run` without a session: an answer that is neither a number nor a name of the list.
    case notInTheList(String)
    /// The screens cannot be shown: why.
    case terminal(TerminalError)

    /// The message in `l`.
    func text(_ l: Language) -> String {
        let fr = l == .fr
        let colon = fr ? "\u{00A0}: " : ": "
        func n(_ count: Int, _ frOne: String, _ frMany: String, _ enOne: String, _ enMany: String) -> String {
            fr
                ? Agreement.counted(count, one: frOne, many: frMany, l)
                : Agreement.counted(count, one: enOne, many: enMany, l)
        }
        switch self {
        case .checkOK(
            let title, let days, let items, let orgs, let communes, let fiches, let people, let warnings, let unit):
            let parts = [
                n(days, "journée", "journées", "day", "days"),
                n(items, "point de l'ordre du jour", "points de l'ordre du jour", "agenda item", "agenda items"),
                n(orgs, "organisation", "organisations", "organisation", "organisations"),
                unit.map { "\(communes) × \($0)" } ?? n(communes, "commune", "communes", "commune", "communes"),
                unit == nil
                    ? n(fiches, "fiche", "fiches", "fiche", "fiches")
                    : n(fiches, "projet", "projets", "project", "projects"),
                n(people, "participant", "participants", "participant", "participants"),
            ]
            let warned =
                warnings > 0 ? ", " + n(warnings, "avertissement", "avertissements", "warning", "warnings") : ""
            return "ok" + colon + title + " — " + parts.joined(separator: ", ") + warned + "."
        case .checkInvalid(let errors, let warnings):
            return n(errors, "erreur", "erreurs", "error", "errors") + ", "
                + n(warnings, "avertissement", "avertissements", "warning", "warnings")
                + (fr ? "\u{00A0}: le programme n'est pas valide." : ": the programme is not valid.")
        case .wroteDocuments(let events, let folder):
            let count = n(events, "événement", "événements", "event", "events")
            return fr ? "documents de \(count) écrits dans \(folder)" : "wrote the documents of \(count) to \(folder)"
        case .noJournal(let path):
            return path + colon
                + (fr
                    ? "pas encore de journal (la rencontre n'a pas commencé)."
                    : "no journal yet (the meeting has not started).")
        case .emptyJournal(let path):
            return path + colon + (fr ? "vide (rien d'enregistré encore)." : "empty (nothing recorded yet).")
        case .noWholeEvent(let path):
            return path + colon + (fr ? "aucun événement entier." : "no whole event.")
        case .journalEvents(let path, let events, let lastSeq, let days):
            let started = n(days, "journée commencée", "journées commencées", "day started", "days started")
            return path + colon + n(events, "événement", "événements", "event", "events")
                + (fr ? ", seq 1…\(lastSeq) sans trou, " : ", seq 1…\(lastSeq) without gaps, ") + started + "."
        case .journalSpan(let from, let to):
            return fr ? "du \(from) au \(to)." : "from \(from) to \(to)."
        case .mismatch(let m):
            return fr
                ? "avertissement\u{00A0}: \(m)\u{00A0}; le rétablir dans programme.yaml, sinon les documents l'omettront."
                : "warning: \(m); restore it in programme.yaml, or the documents will miss it."
        case .warning(let w):
            return (fr ? "avertissement\u{00A0}: " : "warning: ") + w
        case .endNotChecked(let session):
            return fr
                ? "la relecture s'est arrêtée avant la fin du journal, et sa fin n'a pas pu être lue seule : "
                    + "palabre verify \(session) le lit en entier."
                : "the replay stopped before the end of the journal, and its end could not be read on its own: "
                    + "palabre verify \(session) reads it whole."
        case .intact:
            return fr ? "intact." : "intact."  // the same word in both languages
        case .damaged(let p, let line, let reason, let folder):
            let before =
                line == 1
                ? (fr ? "c'est la première ligne" : "it is the first line")
                : line == 2
                    ? (fr ? "la ligne d'avant est intacte" : "the line before it is intact")
                    : fr
                        ? "les \(line - 1) lignes d'avant sont intactes" : "the \(line - 1) lines before it are intact"
            return fr
                ? "\(p):\(line)\u{00A0}: ENDOMMAGÉ — \(reason). \(before.prefix(1).uppercased() + before.dropFirst())\u{00A0}; "
                    + "rien ne peut être ajouté avant la réparation\u{00A0}: lancer `palabre repair \(folder)`."
                : "\(p):\(line): DAMAGED — \(reason). \(before.prefix(1).uppercased() + before.dropFirst()); nothing can be "
                    + "appended until it is repaired: run `palabre repair \(folder)`."
        case .laterVersion(let p, let line, let reason):
            return fr
                ? "\(p):\(line)\u{00A0}: ILLISIBLE PAR CETTE VERSION — \(reason). Mettez palabre à jour pour lire ce "
                    + "journal\u{00A0}; `palabre repair` mettrait cet événement de côté."
                : "\(p):\(line): NOT READABLE BY THIS VERSION — \(reason). Update palabre to read this journal; "
                    + "`palabre repair` would set this event aside."
        case .repairProblem(let path, let line, let offset, let length, let reason, let change):
            let bytes = n(length, "octet", "octets", "byte", "bytes")
            return "\(path):\(line) (" + (fr ? "octet \(offset), " : "byte \(offset), ") + bytes + ")" + colon
                + reason + " → " + change
        case .directoryImported(let added, let updated, let unchanged):
            return fr
                ? "\(added) \(Agreement.isSingular(added, l) ? "ajoutée" : "ajoutées"), "
                    + "\(updated) mise\(Agreement.isSingular(updated, l) ? "" : "s") à jour, "
                    + "\(unchanged) \(Agreement.isSingular(unchanged, l) ? "inchangée" : "inchangées")"
                : "\(added) added, \(updated) updated, \(unchanged) unchanged"
        case .directoryAdded(let added, let updated):
            return fr
                ? n(added, "organisation ajoutée", "organisations ajoutées", "", "") + ", \(updated) mise"
                    + (Agreement.isSingular(updated, l) ? "" : "s") + " à jour"
                : n(added, "", "", "organisation added", "organisations added") + ", \(updated) updated"
        case .directoryNeedsAnswers(let proposals):
            return fr
                ? n(proposals, "ajout proposé", "ajouts proposés", "", "")
                    + "\u{00A0}: répondez depuis un terminal, ou --yes pour tout accepter, --dry-run pour les voir"
                : n(proposals, "", "", "proposal", "proposals")
                    + ": answer from a terminal, or --yes to accept all, --dry-run to see them"
        case .writingStopped(let why):
            return (fr ? "écriture interrompue" : "writing stopped") + colon + why
        case .belowMinimum(let option, let value, let minimum):
            return fr
                ? "\(option) \(value)\u{00A0}: au moins \(minimum)." : "\(option) \(value): must be \(minimum) or more."
        case .nothingToReplay(let session):
            return fr
                ? "\(session)\u{00A0}: le journal est vide\u{00A0}; rien à relire."
                : "\(session): the journal is empty; nothing to replay."
        case .screenSize(let size):
            return fr
                ? "--size \(size)\u{00A0}: attendu LARGEURxHAUTEUR, par exemple 80x24."
                : "--size \(size): expected WIDTHxHEIGHT, e.g. 80x24."
        case .noSessionToPick:
            return fr
                ? "aucune session dans ./sessions (une session est un dossier qui contient programme.yaml). "
                    + "Indiquez un dossier\u{00A0}: palabre run CHEMIN"
                : "no session under ./sessions (a session is a folder holding programme.yaml). Give a folder: "
                    + "palabre run PATH"
        case .pickerTitle:
            return fr ? "Sessions\u{00A0}:" : "Sessions:"
        case .pickerHowToRun:
            return fr ? "Lancez\u{00A0}: palabre run sessions/NOM" : "Run: palabre run sessions/NAME"
        case .pickerPrompt:
            return fr ? "Numéro ou nom (Entrée pour annuler)\u{00A0}: " : "Number or name (Enter to cancel): "
        case .terminal(.termNotSet):
            return fr
                ? "TERM n'est pas défini, les écrans ne peuvent pas s'afficher\u{00A0}; lancez palabre dans un "
                    + "terminal tel que xterm-256color (ou définissez TERM=xterm-256color)"
                : "TERM is not set, so the screens cannot be shown; run palabre in a terminal such as "
                    + "xterm-256color (or set TERM=xterm-256color)"
        case .terminal(.unsupportedTerminal(let term)):
            return fr
                ? "ce terminal (TERM=\(term)) ne peut pas afficher les écrans\u{00A0}; utilisez un terminal tel que "
                    + "xterm-256color"
                : "this terminal (TERM=\(term)) cannot show the screens; use a terminal such as xterm-256color"
        case .terminal(.unknownTerminal(let term)):
            return fr
                ? "type de terminal inconnu (TERM=\(term))\u{00A0}: aucune description terminfo\u{00A0}; utilisez un "
                    + "terminal tel que xterm-256color, ou installez sa description"
                : "unknown terminal type (TERM=\(term)): no terminfo description; use a terminal such as "
                    + "xterm-256color, or install its description"
        case .terminal(.notATerminal):
            return fr
                ? "les écrans ont besoin d'un terminal, mais l'entrée ou la sortie standard est redirigée\u{00A0}; "
                    + "lancez palabre directement dans un terminal"
                : "the screens need a terminal, but the standard input or output is redirected; run palabre "
                    + "directly in a terminal"
        case .notInTheList(let line):
            return fr ? "« \(line) »\u{00A0}: pas dans la liste." : "\(line): not in the list."
        case .scriptRecorded(let events, let out):
            return "palabre: "
                + n(events, "événement enregistré", "événements enregistrés", "event recorded", "events recorded")
                + (fr ? "\u{00A0}; documents dans " : "; documents in ") + out
        case .torn(let folder, let tornBytes):
            if tornBytes {
                return fr
                    ? "DÉCHIRÉ — les octets déchirés seront mis en quarantaine à côté du journal à la prochaine "
                        + "ouverture en écriture, ou tout de suite avec `palabre repair \(folder)`."
                    : "TORN — the torn bytes will be moved to a quarantine file beside the journal the next time "
                        + "the session is opened for writing, or now with `palabre repair \(folder)`."
            }
            return fr
                ? "ENDOMMAGÉ — tous les événements sont lisibles, mais il reste des octets qui n'en sont pas\u{00A0}: "
                    + "lancer `palabre repair \(folder)`."
                : "DAMAGED — every event is readable, but bytes that are not events remain: run "
                    + "`palabre repair \(folder)`."
        }
    }
}
