import ArgumentParser
import Foundation
import PalabreCore

/// The `palabre` command: run a roundtable live and write its minutes as it happens.
@main
struct Palabre: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "palabre",
        abstract: "Run a live multi-day meeting (partners' roundtable) and write its minutes as it happens.",
        discussion: """
            A session is a folder holding programme.yaml (the programme), journal.jsonl (the record of
            the meeting, append-only) and out/ (the documents, regenerated after every event).
            SESSION is a folder path or the name of a folder under ./sessions.
            """,
        subcommands: [
            Run.self, Attach.self, Check.self, Do.self, Script.self, Minutes.self, Export.self, Verify.self,
            Repair.self, Log.self, ScreenCmd.self, Keys.self, Replay.self, DirectoryCmd.self,
        ],
        defaultSubcommand: Run.self)

    /// Turns the Swift runtime's crash backtracer off on a terminal (``CrashReports``), then runs
    /// the command line with every argument in NFC (``Text/nfc(_:)``, the one normalisation of
    /// input), so an id, a search or a note typed in decomposed form is journaled as the
    /// programme writes it. An argument naming an existing file or session (as typed, or under
    /// ./sessions) is kept byte for byte: a path must match the disk.
    static func main() {
        CrashReports.nonInteractive()
        main(CommandLine.arguments.dropFirst().map(inputArgument))
    }

    /// `argument` as the commands see it: see ``main()``.
    static func inputArgument(_ argument: String) -> String {
        let fm = FileManager.default
        if fm.fileExists(atPath: argument) || fm.fileExists(atPath: "sessions/" + argument) { return argument }
        return Text.nfc(argument)
    }
}

/// How a crash is reported.
enum CrashReports {
    /// On a terminal, the Swift runtime's backtracer holds the terminal after a crash: waiting for
    /// a key (up to 30 s) when interactive, and still 2 to 5 s while it writes a backtrace, with the
    /// facilitator seat held all that time. It reads `SWIFT_BACKTRACE` only when the process starts,
    /// so when that is unset and the program runs on a terminal it sets `enable=no` and executes
    /// itself again (once): a crash then gives the terminal back (the screen's crash handler) and
    /// ends the process at once, freeing the seat. A value set by the user is kept (set
    /// `SWIFT_BACKTRACE=enable=yes` to get backtraces).
    static func nonInteractive() {
        guard getenv("SWIFT_BACKTRACE") == nil, isatty(0) == 1, isatty(1) == 1 else { return }
        setenv("SWIFT_BACKTRACE", "enable=no", 1)
        execv("/proc/self/exe", CommandLine.unsafeArgv)
        // exec failed (no /proc): carry on with the runtime's defaults.
    }
}

/// Errors the command line reports as a message and an exit status, never a stack trace.
struct UserError: Error, CustomStringConvertible {
    var description: String
    var code: Int32 = 1
}

/// Prints `message` on standard error, with every control character but line breaks shown
/// visibly (``Text/visible(_:keeping:)``): a refusal that echoes a value never drives the terminal.
/// The space before « : ; ? ! » is a no-break space (``Text/frenchPunctuation(_:)``): French
/// messages are set as French is, and English ones never put a space there.
func printError(_ message: String) {
    let safe = Text.visible(Text.frenchPunctuation(message), keeping: "\n")
    FileHandle.standardError.write(Data((safe.hasSuffix("\n") ? safe : safe + "\n").utf8))
}

/// Prints `text` on standard output, with every control character but line breaks shown visibly
/// (``Text/visible(_:keeping:)``): every line the commands print goes through here.
func say(_ text: String, terminator: String = "\n") {
    Swift.print(Text.visible(text, keeping: "\n"), terminator: terminator)
}

/// Writes `line` to standard output at once, unbuffered: a seq is printed as soon as its event
/// is durable, so what a killed process printed is always in the journal.
func emitLine(_ line: String) {
    let bytes = Array((Text.visible(line, keeping: "\n") + "\n").utf8)
    var done = 0
    while done < bytes.count {
        let n = bytes.withUnsafeBytes { write(1, $0.baseAddress! + done, $0.count - done) }
        if n <= 0 { if errno == EINTR { continue }; return }
        done += n
    }
}

/// Runs `body`, turning user errors into a message on stderr and an exit status. Refusals and
/// journal and document errors are written in `language` (`--lang`) when given, else in the
/// language of the session whose programme was read (``SessionLocator/languageRead``), else in
/// ``Language/environment``.
func reportingErrors(language given: Language? = nil, _ body: () throws -> Void) throws {
    var language: Language { given ?? SessionLocator.languageRead ?? .environment }
    do {
        try body()
    } catch let e as UserError {
        printError("palabre: " + e.description)
        throw ExitCode(e.code)
    } catch let r as Refusal {
        printError("palabre: " + (language == .fr ? "refusé : " : "refused: ") + r.message(language))
        throw ExitCode(1)
    } catch let j as JournalError {
        printError("palabre: " + j.message(language))
        throw ExitCode(1)
    } catch let d as DocumentError {
        printError("palabre: " + d.message(language))
        throw ExitCode(1)
    }
}

/// Locates a session folder and opens it.
enum SessionLocator {
    /// The language of the programme this command read (nil before one is read): what its errors
    /// are said in when no `--lang` is given. Set once, on the main thread, by ``programme(_:language:)``.
    nonisolated(unsafe) static var languageRead: Language?

    /// The folder meant by `arg`: an existing folder, a programme.yaml inside one, or a name under
    /// ./sessions. Throws ``UserError`` in `language` (the command's `--lang`, else
    /// ``Language/environment``: the session's language is not known yet) when there is none.
    static func folder(_ arg: String, language: Language) throws -> String {
        let f = try locate(arg, language: language)
        // A folder without read or search permission is not an empty session: say so, never « no journal ».
        if access(f, R_OK | X_OK) != 0 && (errno == EACCES || errno == EPERM) { throw permissionDenied(f, language) }
        return f
    }

    /// The refusal, in `language`, for a session path palabre may not read.
    static func permissionDenied(_ path: String, _ language: Language) -> UserError {
        UserError(description: NoFollow.permissionMessage(path, language), code: 1)
    }

    private static func locate(_ arg: String, language: Language) throws -> String {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: arg, isDirectory: &isDir) {
            if isDir.boolValue { return arg }
            if (arg as NSString).lastPathComponent.hasSuffix(".yaml") {
                return Paths.folder(of: arg)
            }
        }
        let named = "sessions/" + arg
        if fm.fileExists(atPath: named, isDirectory: &isDir), isDir.boolValue { return named }
        for path in [arg, named] {
            var st = stat()
            if stat(path, &st) != 0 && errno == EACCES { throw permissionDenied(path, language) }
        }
        throw UserError(
            description: language == .fr
                ? "aucun dossier de session « \(arg) » (cherché\u{00A0}: \(arg) et \(named)). Une session est un "
                    + "dossier qui contient programme.yaml\u{00A0}; voir docs/programme-format.md."
                : "no session folder \(arg) (looked for \(arg) and \(named)). A session is a "
                    + "folder holding programme.yaml; see docs/programme-format.md.", code: 2)
    }

    /// Loads and validates the programme of `folder`; invalid programmes are refused with every
    /// diagnostic. Said in `language` (`--lang`) when given; otherwise a file that cannot be read
    /// in ``Language/environment``, and problems in the file's declared language.
    static func programme(_ folder: String, language: Language? = nil) throws -> Programme {
        let result: ProgrammeLoadResult
        do {
            result = try ProgrammeLoader.load(path: folder)
        } catch let e as ProgrammeReadError {
            throw UserError(description: e.message(language ?? .environment), code: 2)
        }
        guard let p = result.programme, !result.hasErrors else {
            let said = language ?? result.diagnostics.first?.language ?? .environment
            let lines = result.diagnostics.map { d in
                var d = d
                d.language = said
                return d.description
            }
            languageRead = language ?? said
            throw UserError(
                description: (said == .fr
                    ? "le programme a des erreurs\u{00A0}; corrigez-les (puis `palabre check \(folder)`)\u{00A0}:\n"
                    : "the programme has errors; fix them (then `palabre check \(folder)`):\n")
                    + lines.joined(separator: "\n"))
        }
        languageRead = p.language
        return p
    }

    /// Opens the session in `arg` for reading (`writable: false`) or writing. With `upToDamage`
    /// (readers), a damaged journal is read up to the damage with a warning; otherwise the damage
    /// is refused, in the session's language, with the `palabre repair` hint. `forReading`: a
    /// reader of documents, which never records, folds without keeping what undo needs.
    /// `language`: the command's `--lang`, if any, for what is said before the programme is read.
    /// `deciding`: a seat, which starts on the session's decision snapshot when it is valid
    /// (see ``SessionStore/init(folder:programme:writable:journalPath:upToDamage:forReading:deciding:)``).
    static func open(
        _ arg: String, writable: Bool, upToDamage: Bool = false, forReading: Bool = false, deciding: Bool = false,
        language: Language?
    ) throws -> SessionStore {
        let f = try folder(arg, language: language ?? .environment)
        return try open(
            folder: f, programme: try programme(f, language: language), writable: writable, upToDamage: upToDamage,
            forReading: forReading, deciding: deciding)
    }

    /// Opens the session in `f` (a folder found by ``folder(_:)``) whose programme is `p`; with
    /// `upToDamage`, a damaged journal is read up to the damage (see ``open(_:writable:upToDamage:forReading:)``).
    static func open(
        folder f: String, programme p: Programme, writable: Bool, upToDamage: Bool = false, forReading: Bool = false,
        deciding: Bool = false
    ) throws
        -> SessionStore
    {
        let store: SessionStore
        do {
            store = try SessionStore(
                folder: f, programme: p, writable: writable, upToDamage: upToDamage, forReading: forReading,
                deciding: deciding)
        } catch let e as JournalError {
            throw UserError(description: e.message(p.language))
        }
        if let d = store.damage {
            printError(
                "palabre: "
                    + CliWords.warning(d.readUpToWarning(events: store.state.lastSeq, p.language)).text(p.language))
        }
        for w in store.warnings(p.language) { printError("palabre: " + CliWords.warning(w).text(p.language)) }
        for m in store.state.mismatches {
            printError("palabre: " + CliWords.mismatch("\(f)/journal.jsonl: \(m.text(p.language))").text(p.language))
        }
        return store
    }
}
