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
              start-item [ITEM] | pause | resume | extend MINUTES | end-item | skip-item [ITEM]
              insert-item TITLE --minutes N [--kind K] [--after ITEM] | move-item ITEM --day DATE [--after ITEM]
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
              check-in WHO [--day DATE] | walk-in FUNCTION [--organisation ORG] [--sex F|M] [--name NAME]
              undo [SEQ]   (takes back an event: the seat's last one by default; entries are retracted instead)
            WHO is a participant or organisation id, or a text found in exactly one of them without regard
            to case or accents ("segou" finds "Ségou"). Run `palabre do SESSION VERB --help` for a verb's options.
            Prints one line per recorded event: `SEQ TYPE`. A refusal is printed on stderr (exit 1).
            """)

    @Argument(help: "Session folder or name under ./sessions.") var session: String
    @Argument(help: "The verb (see below).") var verb: String
    @Option(help: "Seat recording the event (facilitator, rapporteur, …).") var seat: String = "facilitator"
    @Option(
        help: ArgumentHelp(
            "Clock override for scripted sessions: RFC 3339, 'YYYY-MM-DD HH:MM' or 'HH:MM' on the session's "
                + "day. It may never go backwards."))
    var at: String?
    @Argument(parsing: .captureForPassthrough, help: "The verb's arguments.") var rest: [String] = []

    mutating func run() throws {
        // --seat and --at may also come after the verb.
        var args: [String] = []
        var i = 0
        while i < rest.count {
            let a = rest[i]
            if a == "--seat" || a == "--at", i + 1 < rest.count {
                if a == "--seat" { seat = rest[i + 1] } else { at = rest[i + 1] }
                i += 2; continue
            }
            if a.hasPrefix("--seat=") { seat = String(a.dropFirst(7)); i += 1; continue }
            if a.hasPrefix("--at=") { at = String(a.dropFirst(5)); i += 1; continue }
            args.append(a); i += 1
        }
        let rest = args
        let (seat, at, session, verb) = (seat, at, session, verb)
        if rest.contains("--help") || rest.contains("-h") {
            try reportingErrors { try VerbParser.printHelp(verb) }
            return
        }
        try reportingErrors {
            let store = try SessionLocator.open(session, writable: true)
            try reportingErrors(language: store.programme.language) {
                let events = try VerbParser.apply(verb, rest, seat: seat, at: at, to: store)
                for e in events { emitLine("\(e.seq) \(e.payload.type)") }
                // Recorded is recorded: a document that cannot be written is a warning, not a failure
                // (a script retrying on failure would record twice).
                do {
                    try DocumentWriter.write(store.state, to: SessionStore.outPath(store.folder))
                } catch let d as DocumentError {
                    printError("palabre: warning: recorded, but " + d.message(store.programme.language))
                }
            }
        }
    }
}

/// Regenerates the documents of a session from its state.
enum DocumentWriter {
    /// Writes every document of `state` into `dir` (default: the session's out/).
    static func write(_ state: SessionState, to dir: String, language: Language? = nil, now: Instant? = nil) throws {
        let options = DocumentOptions(
            language: language ?? state.programme.language,
            now: now ?? state.lastAt ?? SystemClock().now())
        try Documents.write(state, to: dir, options: options)
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
        if i > limit {
            throw UserError(
                description: "--at \(text) is after the programme's last day and more than two days "
                    + "ahead: probably a typing error.", code: 2)
        }
        if let last = state.lastAt, i < last {
            throw UserError(
                description: "--at \(text) is before the last recorded event "
                    + "(\(state.local.rfc3339(last))); the clock may never go backwards.")
        }
        return i
    }

    /// A moment to look at (`--at` of `screen` and `minutes`): HH:MM is taken on the day under way
    /// at the end of the journal, else on the first day of the programme.
    static func moment(_ text: String, state: SessionState) throws -> Instant {
        try parse(text, state: state, command: nil)
    }

    private static func parse(_ text: String, state: SessionState, command: Command?) throws -> Instant {
        let lt = state.local
        var result: Instant?
        if let i = RFC3339.parse(text) {
            result = i
        } else {
            let parts = text.split(separator: " ").map(String.init)
            var date: String?
            var time: String
            if parts.count == 2 { date = parts[0]; time = parts[1] } else { time = text }
            if date == nil {
                if let command, case .startDay(let d, _) = command {
                    date = d ?? state.days.first { $0.startedAt == nil }?.date
                }
                date =
                    date ?? state.currentDay.map { state.days[$0].date } ?? state.lastAt.map { lt.date(of: $0) }
                    ?? state.days.first?.date
            }
            if let m = ClockTime.parse(time), let d = date { result = lt.instant(date: d, minutes: m) }
            if result == nil, time.split(separator: ":").count == 3, let d = date {
                let hms = time.split(separator: ":").compactMap { Int($0) }
                if hms.count == 3 {
                    result = lt.instant(date: d, minutes: hms[0] * 60 + hms[1])?.adding(seconds: hms[2])
                }
            }
        }
        guard let i = result else {
            throw UserError(
                description: "--at \(text): not a time; use HH:MM, 'YYYY-MM-DD HH:MM' or RFC 3339 "
                    + "(2023-10-17T09:00:00+00:00).", code: 2)
        }
        return i
    }
}
