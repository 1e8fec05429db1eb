import ArgumentParser
import Foundation
import PalabreCore

/// `palabre check PATH`: validates a programme and reports every problem at once.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate a programme (programme.yaml or its session folder).",
        discussion: "Prints every problem as file:line:column: field: message. Exit 0 when valid, 1 when invalid, 2 "
            + "when unreadable.")

    @Argument(help: "programme.yaml, or a session folder holding one.") var path: String

    mutating func run() throws {
        let result: ProgrammeLoadResult
        do {
            result = try ProgrammeLoader.load(path: path)
        } catch let e as ProgrammeReadError {
            printError("palabre: " + e.description)
            throw ExitCode(2)
        }
        for d in result.diagnostics { say(d.description) }
        let errors = result.diagnostics.filter { $0.severity == .error }.count
        let warnings = result.diagnostics.count - errors
        if result.hasErrors {
            printError("palabre: \(errors) error(s), \(warnings) warning(s): the programme is not valid.")
            throw ExitCode(1)
        }
        if let p = result.programme {
            let items = p.days.reduce(0) { $0 + $1.items.count }
            say(
                "ok: \(p.title) — \(p.days.count) day(s), \(items) agenda items, \(p.organisations.count) "
                    + "organisations, \(p.communes.count) communes, \(p.communes.reduce(0) { $0 + $1.fiches.count }) "
                    + "fiches, \(p.participants.count) participants\(warnings > 0 ? ", \(warnings) warning(s)" : "")."
            )
        }
    }
}

/// `--lang` and `--at`, shared by the commands that write documents.
struct DocumentMoment: ParsableArguments {
    @Option(help: "Language of the documents (fr or en; default: the programme's).") var lang: Language?
    @Option(
        help: ArgumentHelp(
            "The documents as they stood at this moment: HH:MM (on the day under way at the end of the "
                + "journal), 'D HH:MM' (day D), 'YYYY-MM-DD HH:MM', RFC 3339, or -30m before the last event "
                + "(docs/values.md)."))
    var at: String?
}

/// `palabre minutes SESSION`: regenerates out/ from the journal.
struct Minutes: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Regenerate the documents (out/) of a session from its journal.")

    @Argument(help: "Session folder or name under ./sessions.") var session: String
    @Option(help: "Write the documents into this folder instead of SESSION/out.") var out: String?
    @OptionGroup var moment: DocumentMoment
    @Option(
        help: ArgumentHelp(
            "Separator of the CSV files: one character (';', ',', tab); default: the programme's csv_separator, "
                + "else ';' for French documents and ',' for English ones."))
    var csvSeparator: String?

    mutating func validate() throws {
        if let csvSeparator { try check { () throws(Refusal) in try DocumentOptions.separator(csvSeparator) } }
    }

    mutating func run() throws {
        let (session, out, lang, at) = (session, out, moment.lang, moment.at)
        let separator = try csvSeparator.map { try DocumentOptions.separator($0) }
        try reportingErrors {
            let store = try SessionLocator.open(session, writable: false, upToDamage: true)
            if let out { try Documents.checkChosenFolder(out) }
            let dir = out ?? SessionStore.outPath(store.folder)
            var state = store.state
            var now: Instant?
            if let at {
                let moment = try ClockOverride.moment(at, state: state)
                let journal = try Journal(path: SessionStore.journalPath(store.folder), writable: false)
                var s = SessionState(programme: store.programme)
                try Self.readingUpToDamage { try journal.forEachEvent { if $0.at <= moment { s.evolve($0) } } }
                state = s
                now = moment
            }
            try DocumentWriter.write(
                state, to: dir, language: lang, now: now, csvSeparator: separator, chosen: out != nil,
                folder: store.folder)
            say("wrote the documents of \(state.lastSeq) events to \(dir)")
        }
    }

    /// Runs `body`, a read of the journal, stopping quietly at damage (already reported when the
    /// session was opened): the events before it are used.
    static func readingUpToDamage(_ body: () throws -> Void) throws {
        do { try body() } catch let e as JournalError {
            guard case .damaged = e else { throw e }
        }
    }
}

extension Language: ExpressibleByArgument {}

/// `palabre verify SESSION`: reports on the journal's integrity.
struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a session's journal: events, torn tail, damage, gaps.",
        discussion: "Exit 0 when intact (ids the programme no longer has are warnings), 1 when damaged or torn "
            + "(then `palabre repair SESSION` shows what is wrong and mends it). Changes nothing.")

    @Argument(help: "Session folder or name under ./sessions.") var session: String

    mutating func run() throws {
        try reportingErrors {
            let folder = try SessionLocator.folder(session)
            let path = SessionStore.journalPath(folder)
            var st = stat()
            guard lstat(path, &st) == 0 else {
                if errno != ENOENT {
                    throw JournalError.io(path: path, operation: "open", errno: errno)
                }
                say("\(path): no journal yet (the meeting has not started).")
                return
            }
            let journal = try Journal(path: path, writable: false)
            let programme = try? SessionLocator.programme(folder)
            // Streamed: nothing kept per event but the ids it may add (memory flat with the journal).
            var references = programme.map { ReferenceCheck(programme: $0) }
            var count = 0
            var days = Set<String>()
            var first: Instant?
            do {
                try journal.forEachEvent { e in
                    count += 1
                    if first == nil { first = e.at }
                    if case .dayStarted(let d, _) = e.payload { days.insert(d) }
                    references?.check(e)
                }
            } catch let JournalError.damaged(p, line, reason) {
                say(
                    "\(p):\(line): DAMAGED — \(reason). The \(line - 1) lines before it are intact; nothing can be "
                        + "appended until it is repaired: run `palabre repair \(folder)`.")
                throw ExitCode(1)
            }
            let lt: LocalTime = programme.map { LocalTime(identifier: $0.timeZone) } ?? LocalTime(identifier: "UTC")
            say(
                count == 0
                    ? (journal.tornBytes > 0 ? "\(path): no whole event." : "\(path): empty (nothing recorded yet).")
                    : "\(path): \(count) events, seq 1…\(journal.lastSeq) without gaps, \(days.count) day(s) "
                        + "started.")
            if let first, let last = journal.lastAt {
                say("from \(lt.rfc3339(first)) to \(lt.rfc3339(last)).")
            }
            // Ids the programme no longer has are warnings: the journal itself is sound.
            for m in references?.mismatches ?? [] {
                say("warning: \(m); restore it in programme.yaml, or the documents will " + "miss it.")
            }
            if journal.tornBytes > 0 || journal.nulBytesSkipped > 0 {
                for w in journal.warnings { say("warning: " + w) }
                say(
                    journal.tornBytes > 0
                        ? "TORN — the torn bytes will be moved to a quarantine file beside the journal the next time "
                            + "the session is opened for writing, or now with `palabre repair \(folder)`."
                        : "DAMAGED — every event is readable, but bytes that are not events remain: run "
                            + "`palabre repair \(folder)`.")
                throw ExitCode(1)
            }
            say("intact.")
        }
    }
}

/// `palabre log SESSION`: prints the events.
struct Log: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print a session's events, readable or as JSON lines.")

    @Argument(help: "Session folder or name under ./sessions.") var session: String
    @Flag(help: "Print the journal lines as they are.") var json = false

    mutating func run() throws {
        try reportingErrors {
            let store = try SessionLocator.open(session, writable: false, upToDamage: true)
            let journal = try Journal(path: SessionStore.journalPath(store.folder), writable: false)
            let lt = store.state.local
            var state = SessionState(programme: store.programme)
            var events: [Event] = []
            // Up to the damage, if any: the warning was printed when the session was opened.
            try Minutes.readingUpToDamage { try journal.forEachEvent { events.append($0) } }
            // An undone event is marked with the seq of the undo that took it back.
            var undoneBy: [Int: Int] = [:]
            for e in events { if case .undone(let target) = e.payload { undoneBy[target] = e.seq } }
            for e in events {
                if json {
                    say(String(decoding: try EventCodec.encode(e, offsetSeconds: lt.offset(at: e.at)), as: UTF8.self))
                } else {
                    say(EventDescription.line(e, state: state, undoneBy: undoneBy[e.seq]))
                }
                state.evolve(e)
            }
        }
    }
}
