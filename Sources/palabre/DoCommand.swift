import ArgumentParser
import Foundation
import PalabreCore

/// `palabre do SESSION VERB …`: applies one command through decide and the journal.
struct Do: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "do",
        abstract: "Apply one command to a session and print the seq of each event recorded.",
        discussion: """
            Verbs:
              open | close | start-day [DATE] | end-day
              start-item [ITEM] | pause | resume | extend MINUTES (-5 shortens) | set-remaining MINUTES
              end-item | skip-item [ITEM] | insert-item TITLE --minutes N [--kind K] [--after ITEM]
              move-item ITEM --after ITEM (same day) | move-item ITEM --day DATE [--after ITEM] | carry-over
              request-floor WHO [--point-of-order] | give-floor [WHO] | yield | remove-speaker WHO
              reorder-speaker WHO POSITION | speaking-limit MINUTES|none
              note TEXT | decision TEXT | question TEXT | answer TEXT
              perspective TEXT | organiser-commitment TEXT   (the minutes' « Perspectives » section)
              recommendation TEXT [--to WHO] [--responsible WHO] [--due DATE]
              action TEXT --responsible WHO [--due DATE]
              commitment --partner ORG --fiche ID --amount N [--currency FCFA] [--nature financial|technical|study]
                         [--status announced|intention|confirmed|signed] [--conditions TEXT] [--due DATE] [TEXT]
              interest PARTNER FICHE | synergy FICHE --partners A,B [--lead A]
              commitment-status SEQ STATUS | withdraw SEQ --reason TEXT
              amend SEQ [TEXT] --reason TEXT [--amount N] [--currency C] [--status S] [--partner ORG] [--fiche ID]
                    [--nature N] [--conditions TEXT] [--responsible WHO] [--addressee WHO] [--due DATE]
              retract SEQ --reason TEXT | adopt SEQ
              check-in WHO [--day DATE] | check-in-yesterday   (everyone present the day before)
              walk-in FUNCTION [--organisation ORG] [--sex F|M] [--name NAME] [--category C] [--no-check-in]
              check-out WHO   (a departure: the time, and the half days in attendance.csv)
            After the close, with --seat suivi:
              commitment-status SEQ signed|disbursed|abandoned [--amount N] [--date D] [--reason TEXT]
              action-status SEQ started|done|late|dropped [--date D] [--note TEXT]
              fiche-status FICHE prepared|study-funded|works-started|done [--date D]
            In a meeting that follows earlier sessions:
              review SESSION SEQ STATUS [--note TEXT] [--amount N] [--date D]
              undo [SEQ]   (takes back an event: the seat's last one by default; entries are retracted instead)
            WHO is a participant or organisation id, or a text found in exactly one of them without regard
            to case or accents ("segou" finds "Ségou"). Run `palabre do SESSION VERB --help` for a verb's options.
            --no-documents records without writing out/ (scripts that run `palabre minutes` once at the end).
            --seat and --at come after the verb. A text that starts with a dash goes after `--`
            (note -- -5 % de frais): an unknown option is refused, never taken into the text.
            extend takes a negative duration to shorten the current item (extend -5).
            Prints one line per recorded event: `SEQ TYPE`. A malformed line is refused before the
            session is touched (exit 2), a refusal of the meeting's rules exits 1; both on stderr,
            in the session's language.
            """)

    @Argument(help: "Session folder or name under ./sessions.") var session: String
    @Argument(
        parsing: .captureForPassthrough,
        help: "The verb, its arguments and options (--seat SEAT, --at TIME): `palabre do SESSION VERB --help`.")
    var line: [String] = []

    mutating func run() throws {
        let (session, written) = (session, line)
        let (line, documents) = Self.documentsOption(written)
        if line == ["--help"] || line == ["-h"] {
            say(Self.helpMessage(columns: 100))
            return
        }
        // `palabre do SESSION note --help` needs no session.
        if line.count > 1, line.contains("--help") || line.contains("-h"), VerbLine.verbs[line[0]] != nil {
            do {
                _ = try VerbLine.parse(line, language: .en)
            } catch let h as VerbLine.Help {
                say(h.text)
                return
            } catch {}
        }
        try reportingErrors {
            // The session's language is not known before its programme is read.
            let folder = try SessionLocator.folder(session, language: .environment)
            let programme = try SessionLocator.programme(folder)
            let language = programme.language
            try reportingErrors(language: language) {
                // The line is checked before the session is opened: a malformed one changes nothing.
                let verb: any Verb
                do {
                    verb = try VerbLine.parse(line, language: language)
                } catch let h as VerbLine.Help {
                    say(h.text)
                    return
                }
                // Decided from the session's decision snapshot and the events after it when it is
                // valid (``DecisionSnapshot``): the journal is folded in full only when needed.
                let store = try SessionLocator.open(
                    folder: folder, programme: programme, writable: true, deciding: true)
                let events = try VerbLine.apply(verb, to: store)
                for e in events { emitLine("\(e.seq) \(e.payload.type)") }
                for note in VerbLine.readings(verb, language: language) { printError("palabre: " + note) }
                // The seqs are out (and durable) before the snapshot or any document is written.
                store.saveDecisionSnapshot()
                guard documents else { return }
                // Recorded is recorded: a document that cannot be written is a warning, not a failure
                // (a script retrying on failure would record twice).
                do {
                    try DocumentWriter.writeWholeJournal(of: store)
                } catch {
                    // The journal read again for the documents (damaged since, unreadable) is no
                    // reason to say that nothing was recorded either.
                    let language = store.programme.language
                    let why =
                        (error as? DocumentError)?.message(language) ?? (error as? JournalError)?.message(language)
                        ?? "\(error)"
                    printError(
                        "palabre: "
                            + (language == .fr ? "avertissement\u{00A0}: enregistré, mais " : "warning: recorded, but ")
                            + why)
                }
            }
        }
    }
}

extension Do {
    /// `line` without `--no-documents` (taken anywhere before `--`, where a text begins), and
    /// whether the documents are to be written (false when the flag was given).
    static func documentsOption(_ line: [String]) -> (line: [String], documents: Bool) {
        let end = line.firstIndex(of: "--") ?? line.count
        let kept = line[..<end].filter { $0 != "--no-documents" }
        return (kept + line[end...], kept.count == end)
    }
}

/// Regenerates the documents of a session from its state.
enum DocumentWriter {
    /// Writes the documents of `store`'s session into its out/ from the whole journal as it is
    /// now (read again, never the decision state), and again (three times at most) while other
    /// processes appended meanwhile: of several `palabre do` at once, the documents written last
    /// hold every event. Throws ``JournalError`` or ``DocumentError``.
    static func writeWholeJournal(of store: SessionStore) throws {
        for _ in 0..<3 {
            let reading = try SessionStore(
                folder: store.folder, programme: store.programme, writable: false, forReading: true)
            try write(reading.state, to: SessionStore.outPath(store.folder), folder: store.folder)
            var st = stat()
            let path = SessionStore.journalPath(store.folder)
            guard stat(path, &st) == 0, let read = reading.journal?.offset, Int(st.st_size) > read else { return }
        }
    }

    /// Writes every document of `state` into `dir` (default: the session's out/).
    /// `chosen`: a folder given with `--out`, written into and never replaced; with the session's
    /// `folder`, once closed, `followup.md` lists the reviews of later sessions beside it.
    static func write(
        _ state: SessionState, to dir: String, language: Language? = nil, now: Instant? = nil,
        csvSeparator: Character? = nil, chosen: Bool = false, folder: String? = nil
    ) throws {
        var options = DocumentOptions(
            language: language ?? state.programme.language, csvSeparator: csvSeparator,
            now: now ?? state.lastAt ?? SystemClock().now())
        if let folder, state.closedAt != nil { options.laterReviews = PreviousSessions.laterReviews(of: folder) }
        try Documents.write(state, to: dir, options: options, chosen: chosen)
    }
}

/// Resolves `--at`.
enum ClockOverride {
    /// The instant of `text` (nil: the system clock); refused when it goes before the last event.
    static func instant(_ text: String?, state: SessionState, command: Command) throws -> Instant {
        guard let text else { return max(SystemClock().now(), state.lastAt ?? Instant(ms: 0)) }
        let i = try parse(text, state: state, command: command)
        // A clock override far in the future would freeze every timer after it.
        let lastDay =
            state.days.last.flatMap { state.local.instant(date: $0.date, minutes: 24 * 60) } ?? SystemClock().now()
        let limit = max(SystemClock().now(), lastDay).adding(seconds: 2 * 86_400)
        let fr = state.programme.language == .fr
        if i > limit {
            throw UserError(
                description: fr
                    ? "--at \(echo(text)) : après la dernière journée du programme et plus de deux jours en avance ; "
                        + "sans doute une faute de frappe."
                    : "--at \(echo(text)) is after the programme's last day and more than two days ahead: probably "
                        + "a typing error.",
                code: 2)
        }
        if let last = state.lastAt, i < last {
            throw UserError(
                description: fr
                    ? "--at \(echo(text)) est avant le dernier événement enregistré (\(state.local.rfc3339(last))) ; "
                        + "l'horloge ne recule jamais."
                    : "--at \(echo(text)) is before the last recorded event (\(state.local.rfc3339(last))); the clock "
                        + "may never go backwards.")
        }
        return i
    }

    /// A moment to look at (`--at` of `screen` and `minutes`): HH:MM is taken on the day under way
    /// at the end of the journal, else on the first day of the programme.
    static func moment(_ text: String, state: SessionState) throws -> Instant {
        try parse(text, state: state, command: nil)
    }

    private static func echo(_ text: String) -> String { Text.echo(String(text.prefix(60))) }

    private static func parse(_ text: String, state: SessionState, command: Command?) throws -> Instant {
        var date: String?
        if let command, case .startDay(let d, _) = command {
            date = d ?? state.days.first { $0.startedAt == nil }?.date
        }
        // A time alone is on the date the day under way is held (a day held on another date
        // than the programme's plans is stamped on the date it is held, not seven weeks ahead).
        date =
            date ?? state.currentDay.map { state.heldDate(day: $0) } ?? state.lastAt.map { state.local.date(of: $0) }
            ?? state.days.first?.date
        do throws(Refusal) {
            return try Values.instant(text, programme: state.programme, defaultDate: date, position: state.lastAt)
        } catch {
            throw UserError(description: "--at: " + error.message(state.programme.language), code: 2)
        }
    }
}
