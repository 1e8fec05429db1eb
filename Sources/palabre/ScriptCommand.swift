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
            starting with # are skipped. Each command is recorded on its own, exactly as with
            `palabre do`; the documents are written once at the end. The first refusal stops the
            script with its line number (exit 1); what was recorded before it stays recorded.
            FILE may be - for standard input.
            """)

    @Argument(help: "Session folder or name under ./sessions.") var session: String
    @Argument(help: "File of commands, or - for standard input.") var file: String
    @Flag(help: "Print nothing but errors.") var quiet = false

    mutating func run() throws {
        let (session, file, quiet) = (session, file, quiet)
        try reportingErrors {
            let text: String
            if file == "-" {
                text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
            } else {
                guard let data = FileManager.default.contents(atPath: file) else {
                    throw UserError(description: "\(file): cannot read this file.", code: 2)
                }
                text = String(decoding: data, as: UTF8.self)
            }
            // Windows files: no BOM, no CR (TextFile); text in NFC like every input (Text.nfc).
            // Every line is read before anything is recorded, so a syntax error never leaves half
            // a script recorded.
            let clean = Text.nfc(TextFile.normalise(text))
            var commands: [(line: Int, text: String, words: [String])] = []
            for (n, raw) in clean.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let line = raw.trimmingCharacters(in: CharacterSet(charactersIn: " \t\r"))
                if line.isEmpty || line.hasPrefix("#") { continue }
                do {
                    commands.append((n + 1, line, try ShellWords.split(line)))
                } catch let u as UserError {
                    throw UserError(
                        description: "\(file):\(n + 1): \(u.description); nothing was recorded.\n  "
                            + "\(Text.echo(line))",
                        code: 2)
                }
                if let verb = commands.last?.words.first, VerbParser.verbs[verb] == nil {
                    throw UserError(
                        description: "\(file):\(n + 1): unknown verb \(Text.echo(verb)); nothing was recorded.\n  "
                            + "\(Text.echo(line))",
                        code: 2)
                }
            }
            let store = try SessionLocator.open(session, writable: true)
            var count = 0
            defer {
                try? DocumentWriter.write(store.state, to: SessionStore.outPath(store.folder))
            }
            for (n1, line, parsed) in commands {
                let n = n1 - 1
                do {
                    var words = parsed
                    var seat = "facilitator", at: String?
                    words = extractOption("--seat", from: words) { seat = $0 }
                    words = extractOption("--at", from: words) { at = $0 }
                    guard let verb = words.first else { continue }
                    let events = try VerbParser.apply(verb, Array(words.dropFirst()), seat: seat, at: at, to: store)
                    count += events.count
                    if !quiet { for e in events { emitLine("\(e.seq) \(e.payload.type)") } }
                } catch let r as Refusal {
                    throw UserError(
                        description: "\(file):\(n + 1): \(r.message(store.programme.language))\n  \(Text.echo(line))")
                } catch let u as UserError {
                    throw UserError(description: "\(file):\(n + 1): \(u.description)", code: u.code)
                }
            }
            if !quiet {
                printError("palabre: \(count) events recorded; documents in " + "\(SessionStore.outPath(store.folder))")
            }
        }
    }
}

/// Removes `--name VALUE` and `--name=VALUE` from `words`, handing the value to `set`.
func extractOption(_ name: String, from words: [String], _ set: (String) -> Void) -> [String] {
    var out: [String] = []
    var i = 0
    while i < words.count {
        if words[i] == name, i + 1 < words.count { set(words[i + 1]); i += 2; continue }
        if words[i].hasPrefix(name + "=") { set(String(words[i].dropFirst(name.count + 1))); i += 1; continue }
        out.append(words[i]); i += 1
    }
    return out
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
