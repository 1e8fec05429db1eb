import ArgumentParser
import Foundation
import PalabreCore

/// `palabre script SESSION FILE`: applies a file of `palabre do` lines, one command per line.
struct Script: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Apply a file of commands to a session (one `palabre do` verb line per line).",
        discussion: """
            Each line is what follows `palabre do SESSION`: a verb, its arguments and optionally
            --seat and --at, with shell-like quoting ('…', "…", backslash). Blank lines and lines
            starting with # are skipped. An unknown verb or an unterminated quote anywhere stops
            the script before anything is recorded. Each command is then checked and recorded on
            its own, exactly as with `palabre do`; the documents are written once at the end. The
            first malformed line (exit 2) or refusal (exit 1) stops the script with its line
            number; what was recorded before it stays recorded.
            FILE may be - for standard input.
            Every event records the script line that asked for it (its number and a digest of its
            text, see docs/journal.md). After a failure or a kill, --resume skips every line up to
            the last one already in the journal and goes on from the next: no line is recorded twice.
            """)

    @Argument(help: "Session folder or name under ./sessions.") var session: String
    @Argument(help: "File of commands, or - for standard input.") var file: String
    @Flag(help: "Print nothing but errors.") var quiet = false
    @Flag(help: "Go on after the last line of this script already recorded in the journal.") var resume = false

    mutating func run() throws {
        let (session, file, quiet, resume) = (session, file, quiet, resume)
        try reportingErrors {
            // The session's language is not known before its programme is read.
            let folder = try SessionLocator.folder(session, language: .environment)
            let programme = try SessionLocator.programme(folder)
            let language = programme.language
            let fr = language == .fr
            let text: String
            if file == "-" {
                text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
            } else {
                // A script named as it sits in the session folder (`rehearsal.palabre`) is found there too.
                let fm = FileManager.default
                let inSession = (folder as NSString).appendingPathComponent(file)
                let path =
                    !fm.fileExists(atPath: file) && !file.hasPrefix("/") && fm.fileExists(atPath: inSession)
                    ? inSession : file
                guard let data = fm.contents(atPath: path) else {
                    let denied = fm.fileExists(atPath: path) || errno == EACCES
                    throw UserError(
                        description: denied
                            ? NoFollow.permissionMessage(path, language)
                            : (fr
                                ? "\(path) : fichier introuvable (ni ici ni dans \(folder))."
                                : "\(path): no such file (neither here nor in \(folder))."),
                        code: 2)
                }
                text = String(decoding: data, as: UTF8.self)
            }
            try reportingErrors(language: language) {
                let lines = try ScriptLines.parse(text, file: file, language: language)
                let store = try SessionLocator.open(
                    folder: folder, programme: programme, writable: true, deciding: true)
                var count = 0
                defer {
                    // The next `palabre do` starts from what this script recorded (``DecisionSnapshot``).
                    if count > 0 { store.saveDecisionSnapshot() }
                    try? DocumentWriter.writeWholeJournal(of: store)
                }
                var todo = lines[...]
                if resume {
                    let done = try ScriptLines.lastRecorded(in: store, lines: lines, file: file, language: language)
                    todo = lines.drop { $0.number <= done }
                    if !quiet {
                        printError(
                            done == 0
                                ? (fr
                                    ? "palabre: aucune ligne de ce script dans le journal ; reprise au début."
                                    : "palabre: no line of this script in the journal; starting from the top.")
                                : (fr
                                    ? "palabre: lignes 1 à \(done) déjà enregistrées ; reprise à la suivante."
                                    : "palabre: lines 1 to \(done) already recorded; going on from the next one."))
                    }
                }
                for line in todo {
                    let mark = ScriptLine(line: line.number, text: line.text)
                    do {
                        let verb = try ScriptLines.verb(line, language: language)
                        let events = try VerbLine.apply(verb, to: store, script: mark)
                        count += events.count
                        if !quiet {
                            for e in events { emitLine("\(e.seq) \(e.payload.type)") }
                            for note in VerbLine.readings(verb, language: language) {
                                printError("palabre: \(file):\(line.number): " + note)
                            }
                        }
                    } catch {
                        throw ScriptLines.failure(error, at: line, file: file, language: language)
                    }
                }
                if !quiet {
                    printError(
                        CliWords.scriptRecorded(events: count, out: SessionStore.outPath(store.folder)).text(language))
                }
            }
        }
    }
}

/// The lines of a script, parsed before anything is recorded.
enum ScriptLines {
    /// A command line of the script: its number (from 1), its text and its parsed verb.
    struct Line {
        var number: Int
        var text: String
        var words: [String]
    }

    /// Every command line of `text` (blank lines and `#` comments skipped; BOM and CR removed),
    /// split into words, its verb known. Throws ``UserError`` naming the first line with an
    /// unterminated quote or an unknown verb: nothing of such a script is recorded. The
    /// arguments are checked by ``verb(_:file:language:)`` just before the line is applied.
    static func parse(_ text: String, file: String, language: Language) throws -> [Line] {
        let fr = language == .fr
        // Windows files: no BOM, no CR (TextFile); text in NFC like every input (Text.nfc).
        let clean = Text.nfc(TextFile.normalise(text))
        var lines: [Line] = []
        let nothing = fr ? "rien n'a été enregistré." : "nothing was recorded."
        for (n, raw) in clean.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: CharacterSet(charactersIn: " \t\r"))
            if line.isEmpty || line.hasPrefix("#") { continue }
            let words: [String]
            do {
                words = try ShellWords.split(line)
            } catch {
                let why = fr ? "guillemet non fermé" : "unterminated quote"
                throw UserError(description: "\(file):\(n + 1): \(why); \(nothing)\n  \(echo(line))", code: 2)
            }
            if let verb = words.first, VerbLine.verbs[verb] == nil {
                do {
                    _ = try VerbLine.parse(words, language: language)
                } catch let u as UserError {
                    throw UserError(
                        description: "\(file):\(n + 1): \(u.description)\n  \(echo(line))\n\(nothing)", code: 2)
                }
            }
            lines.append(Line(number: n + 1, text: line, words: words))
        }
        return lines
    }

    /// The verb of `line`, parsed by ``VerbLine`` like a `palabre do` line. Throws ``UserError``
    /// (exit 2) for a malformed line or `--help`.
    static func verb(_ line: Line, language: Language) throws -> any Verb {
        do {
            return try VerbLine.parse(line.words, language: language)
        } catch is VerbLine.Help {
            throw UserError(
                description: language == .fr
                    ? "--help n'a pas sa place dans un script." : "--help has no place in a script.",
                code: 2)
        }
    }

    /// The number of the last line of `lines` already in the journal (0: none), from the script
    /// mark of the journal's last event that has one. Throws ``UserError`` when that line of the
    /// file no longer holds the same text (another script, or an edit before it).
    static func lastRecorded(in store: SessionStore, lines: [Line], file: String, language: Language) throws -> Int {
        let journal = try Journal(path: SessionStore.journalPath(store.folder), writable: false)
        var last: ScriptLine?
        try journal.forEachEvent { if let m = $0.script { last = m } }
        guard let last else { return 0 }
        if let line = lines.first(where: { $0.number == last.line }),
            ScriptLine(line: 0, text: line.text).digest
                == last.digest
        {
            return last.line
        }
        throw UserError(
            description: language == .fr
                ? "\(file):\(last.line): cette ligne n'est pas celle que le journal a enregistrée en dernier "
                    + "(autre script, ou ligne modifiée) ; rien n'a été enregistré. Reprenez avec le script "
                    + "d'origine, ou lancez sans --resume les seules lignes qui restent."
                : "\(file):\(last.line): this line is not the one the journal recorded last (another script, or "
                    + "an edited line); nothing was recorded. Resume with the original script, or run the lines "
                    + "left without --resume.",
            code: 2)
    }

    /// `error`, met while applying `line`, as a message naming the line and saying how to go on.
    static func failure(_ error: Error, at line: Line, file: String, language: Language) -> Error {
        let fr = language == .fr
        let place = "\(file):\(line.number): "
        let after =
            fr
            ? "\n  \(echo(line.text))\nLes lignes avant \(line.number) sont enregistrées ; corrigez puis relancez "
                + "avec --resume."
            : "\n  \(echo(line.text))\nThe lines before \(line.number) are recorded; fix it, then run again with "
                + "--resume."
        switch error {
        case let r as Refusal:
            return UserError(description: place + (fr ? "refusé : " : "refused: ") + r.message(language) + after)
        case let u as UserError:
            return UserError(description: place + u.description + after, code: u.code)
        case let j as JournalError:
            return UserError(description: place + j.message(language) + after)
        default:
            return error
        }
    }

    private static func echo(_ line: String) -> String { Text.echo(String(line.prefix(200))) }
}

/// Splits a command line into words the way a POSIX shell would for quotes and backslashes
/// (no variables, no globbing).
enum ShellWords {
    /// The words of `line`; throws ``UserError`` for an unterminated quote.
    static func split(_ line: String) throws -> [String] {
        var words: [String] = []
        var cur = ""
        var inWord = false
        var quote: Character?
        var escape = false
        for ch in line {
            if escape { cur.append(ch); escape = false; inWord = true; continue }
            if let q = quote {
                if ch == q { quote = nil } else if ch == "\\" && q == "\"" { escape = true } else { cur.append(ch) }
                continue
            }
            switch ch {
            case "\\": escape = true; inWord = true
            case "'", "\"": quote = ch; inWord = true
            case " ", "\t":
                if inWord { words.append(cur); cur = ""; inWord = false }
            default: cur.append(ch); inWord = true
            }
        }
        if quote != nil { throw UserError(description: "unterminated quote", code: 2) }
        if inWord { words.append(cur) }
        return words
    }
}
