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
    @Option(help: "Language of the messages (fr or en; default: the programme's, else LANG).") var lang: Language?

    mutating func run() throws {
        let result: ProgrammeLoadResult
        do {
            result = try ProgrammeLoader.load(path: path)
        } catch let e as ProgrammeReadError {
            printError("palabre: " + e.message(lang ?? .environment))
            throw ExitCode(2)
        }
        // Said in `--lang`, else the programme's declared language, else the environment's.
        let language = lang ?? result.programme?.language ?? result.diagnostics.first?.language ?? .environment
        for var d in result.diagnostics {
            d.language = language
            say(d.description)
        }
        let errors = result.diagnostics.filter { $0.severity == .error }.count
        let warnings = result.diagnostics.count - errors
        if result.hasErrors {
            printError("palabre: " + CliWords.checkInvalid(errors: errors, warnings: warnings).text(language))
            throw ExitCode(1)
        }
        if let p = result.programme {
            let words = CliWords.checkOK(
                title: p.title, days: p.days.count, items: p.days.reduce(0) { $0 + $1.items.count },
                organisations: p.organisations.count, communes: p.communes.count,
                fiches: p.communes.reduce(0) { $0 + $1.fiches.count }, participants: p.participants.count,
                warnings: warnings, unit: p.unitLabel)
            say(words.text(language))
        }
    }
}

/// `--lang` and `--at`, shared by the commands that write documents.
struct DocumentMoment: ParsableArguments {
    @Option(help: "Language of the documents (fr or en; default: the programme's).") var lang: Language?
    @Option(
        parsing: .unconditional,
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
        let (session, out, lang, at) = (session, out.map(Paths.chosenFolder), moment.lang, moment.at)
        let separator = try csvSeparator.map { try DocumentOptions.separator($0) }
        try reportingErrors(language: lang) {
            let store = try SessionLocator.open(
                session, writable: false, upToDamage: true, forReading: true, language: lang)
            // No event writes a folder given to minutes again: the command does, once run again.
            do {
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
                let language = lang ?? store.programme.language
                say(CliWords.wroteDocuments(events: state.lastSeq, folder: dir).text(language))
            } catch let e as DocumentError {
                throw e.retold(rerunning: "palabre minutes")
            }
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
    @Option(help: "Language of the messages (fr or en; default: the programme's, else LANG).") var lang: Language?

    mutating func run() throws {
        let lang = lang
        try reportingErrors(language: lang) {
            let folder = try SessionLocator.folder(session, language: lang ?? .environment)
            let programme = try? SessionLocator.programme(folder, language: lang)
            let language = lang ?? programme?.language ?? .environment
            let path = SessionStore.journalPath(folder)
            var st = stat()
            guard lstat(path, &st) == 0 else {
                if errno != ENOENT {
                    throw JournalError.io(path: path, operation: "open", errno: errno)
                }
                say(CliWords.noJournal(path: path).text(language))
                return
            }
            let journal = try Journal(path: path, writable: false)
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
                let why = reason.text(language)
                if case .unknownType = reason {
                    say(CliWords.laterVersion(path: p, line: line, reason: why).text(language))
                } else {
                    say(CliWords.damaged(path: p, line: line, reason: why, folder: folder).text(language))
                }
                throw ExitCode(1)
            }
            let lt: LocalTime = programme.map { LocalTime(identifier: $0.timeZone) } ?? LocalTime(identifier: "UTC")
            let summary =
                count == 0
                ? (journal.tornBytes > 0 ? CliWords.noWholeEvent(path: path) : CliWords.emptyJournal(path: path))
                : CliWords.journalEvents(path: path, events: count, lastSeq: journal.lastSeq, days: days.count)
            say(summary.text(language))
            if let first, let last = journal.lastAt {
                say(CliWords.journalSpan(from: lt.rfc3339(first), to: lt.rfc3339(last)).text(language))
            }
            // Ids the programme no longer has are warnings: the journal itself is sound.
            for m in references?.mismatches ?? [] {
                say(CliWords.mismatch(m.text(language)).text(language))
            }
            if journal.tornBytes > 0 || journal.nulBytesSkipped > 0 {
                for w in journal.warnings(language) { say(CliWords.warning(w).text(language)) }
                say(CliWords.torn(folder: folder, tornBytes: journal.tornBytes > 0).text(language))
                throw ExitCode(1)
            }
            say(CliWords.intact.text(language))
        }
    }
}

/// `palabre log SESSION`: prints the events.
struct Log: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print a session's events, readable or as JSON lines.")

    @Argument(help: "Session folder or name under ./sessions.") var session: String
    @Flag(help: "Print the journal lines as they are.") var json = false
    @Option(help: "Language of the words around the data (fr or en; default: the programme's).") var lang: Language?

    mutating func run() throws {
        let lang = lang
        try reportingErrors(language: lang) {
            let store = try SessionLocator.open(session, writable: false, upToDamage: true, language: lang)
            let journal = try Journal(path: SessionStore.journalPath(store.folder), writable: false)
            let lt = store.state.local
            let language = lang ?? store.programme.language
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
                    say(EventDescription.line(e, state: state, undoneBy: undoneBy[e.seq], language: language))
                }
                state.evolve(e)
            }
        }
    }
}
