import Foundation
import Yams

/// The programme file, or the répertoire des intervenants it names, could not be read at all
/// (missing, unreadable, a folder without `programme.yaml`). Problems inside a readable file are
/// ``Diagnostic``s instead. Said in French or English by ``message(_:)``.
public struct ProgrammeReadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Why the path could not be read.
    public enum Reason: Sendable, Equatable {
        /// Permission denied on the path (a file or a folder).
        case permissionDenied
        /// Nothing at the path: neither a programme.yaml file nor a session folder.
        case notFound
        /// A folder without `programme.yaml`.
        case folderWithoutProgramme
        /// The file exists but its bytes cannot be read.
        case unreadable
        /// The répertoire des intervenants named does not exist.
        case directoryNotFound
        /// The répertoire des intervenants named is a file.
        case directoryIsAFile
        /// The répertoire des intervenants cannot be listed.
        case directoryPermissionDenied
    }

    /// The path that could not be read.
    public var path: String
    /// Why.
    public var reason: Reason

    /// Creates a read error.
    public init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    /// The message for the user in `language`, naming the path and what to do.
    public func message(_ language: Language) -> String {
        let fr = language == .fr
        let file = ProgrammeLoader.fileName
        switch reason {
        case .permissionDenied:
            return NoFollow.permissionMessage(path, language)
        case .notFound:
            return fr
                ? "« \(path) » introuvable\u{00A0}: attendu un fichier \(file) ou un dossier de session qui en contient un."
                : "cannot find \(path): expected a \(file) file or a session folder containing one"
        case .folderWithoutProgramme:
            return fr
                ? "le dossier « \(path) » n'a pas de \(file)\u{00A0}: attendu un dossier de session qui en contient un."
                : "the folder \(path) has no \(file): expected a session folder containing one"
        case .unreadable:
            return fr
                ? "impossible de lire « \(path) »\u{00A0}: vérifiez que le fichier est lisible."
                : "cannot read \(path): check that the file is readable"
        case .directoryNotFound:
            return fr
                ? "répertoire des intervenants « \(path) » introuvable\u{00A0}: attendu un dossier de fichiers YAML "
                    + "(docs/directory.md)."
                : "cannot find the répertoire des intervenants \(path): expected a folder of YAML files "
                    + "(docs/directory.md)"
        case .directoryIsAFile:
            return fr
                ? "« \(path) » est un fichier\u{00A0}: attendu le dossier du répertoire des intervenants."
                : "\(path) is a file: expected the folder of the répertoire des intervenants"
        case .directoryPermissionDenied:
            return fr
                ? "permission refusée\u{00A0}: le dossier « \(path) » ne peut pas être lu."
                : "permission denied: \(path): the folder cannot be read"
        }
    }

    /// ``message(_:)`` in English.
    public var description: String { message(.en) }
}

/// Reads and validates `programme.yaml` files (format: `docs/programme-format.md`).
///
/// The loader walks the YAML node tree itself rather than decoding it, so that every problem is
/// reported with the line and column of the node that causes it, and so that values keep the
/// text the organiser typed (`09:00` stays a time, `NO` stays text). All problems are reported
/// at once: unknown keys (with the nearest known key), missing fields, wrong types, duplicate
/// ids, unknown references, bad dates, times, durations and amounts, unknown enumerated values,
/// days out of order; overlapping items and amounts that do not add up are warnings.
public enum ProgrammeLoader {
    /// The file name looked for when ``load(path:)`` is given a session folder.
    public static let fileName = "programme.yaml"

    /// Parses and validates YAML text; `file` is used in diagnostics and, when `directory` is not
    /// given and `findDirectory` is set, to find the répertoire des intervenants the programme
    /// names entries of (its `directory:` key, else `directory/` beside the session folder).
    /// A BOM and `\r\n` or `\r` line endings are read as by ``TextFile/decode(_:)``.
    public static func parse(
        _ text: String, file: String, directory: Directory? = nil, findDirectory: Bool = false
    ) -> ProgrammeLoadResult {
        let text = text.utf8.contains(0x0D) || text.hasPrefix("\u{FEFF}") ? TextFile.normalise(text) : text
        let language = declaredLanguage(text) ?? .environment
        if let problem = nestingProblem(text) {
            let d = Diagnostic(
                file: file, line: problem.line, column: problem.column, field: "", problem: .nestedTooDeeply,
                language: language)
            return ProgrammeLoadResult(programme: nil, diagnostics: [d])
        }

        // Before composing: Yams shares an aliased node between its uses, but walking (or
        // hashing, for a key) the shared tree costs its expanded size.
        if let problem = AliasBudget.check(text) {
            let d = Diagnostic(
                file: file, line: problem.line, column: problem.column, field: "", problem: problem.problem,
                language: language)
            return ProgrammeLoadResult(programme: nil, diagnostics: [d])
        }

        var yaml = text
        var renamed: [String: (key: String, first: SourceLocation)] = [:]
        // Yams refuses a mapping with a repeated key. Rename each repeated key and parse again,
        // so that the repetition is reported with its path and every other problem still is.
        for attempt in 0..<100 {
            do {
                let root = try Yams.compose(yaml: yaml)
                var found = (directory: directory, diagnostics: [Diagnostic]())
                if directory == nil, findDirectory { found = Self.directory(for: root, programme: file) }
                if findDirectory { found.diagnostics += Self.followsProblems(root, programme: file) }
                let reader = ProgrammeReader(file: file, duplicateKeys: renamed, directory: found.directory)
                let programme = reader.read(root: root)
                let diagnostics = (found.diagnostics + reader.diagnostics).map { d in
                    var d = d
                    d.language = language
                    return d
                }
                let valid = !diagnostics.contains { $0.severity == .error }
                return ProgrammeLoadResult(programme: valid ? programme : nil, diagnostics: diagnostics)
            } catch let YamlError.duplicatedKeysInMapping(duplicates, context) {
                let first = SourceLocation(line: context.mark.line, column: context.mark.column)
                let placeholder = "palabre-repeated-key-\(attempt)"
                if let key = duplicates.sorted().first,
                    let patched = renameRepetition(of: key, firstAt: first, to: placeholder, in: yaml)
                {
                    yaml = patched
                    renamed[placeholder] = (key, first)
                    continue
                }
                let d = Diagnostic(
                    file: file, line: first.line, column: first.column, field: "",
                    problem: .repeatedKeys(keys: duplicates.sorted()), language: language)
                return ProgrammeLoadResult(programme: nil, diagnostics: [d])
            } catch {
                var d = yamlDiagnostic(error, text: yaml, file: file)
                d.language = language
                return ProgrammeLoadResult(programme: nil, diagnostics: [d])
            }
        }
        let d = Diagnostic(file: file, line: 1, column: 1, field: "", problem: .tooManyRepeatedKeys, language: language)
        return ProgrammeLoadResult(programme: nil, diagnostics: [d])
    }

    /// Reads `path` (a programme.yaml file or a session folder containing one). Throws
    /// ``ProgrammeReadError`` (with a user-facing message) when the file cannot be read.
    public static func load(path: String) throws -> ProgrammeLoadResult {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        /// Permission denied is not « not found »: said with the path, as the other commands do.
        func refusedAccess(_ p: String) -> ProgrammeReadError? {
            var st = stat()
            guard stat(p, &st) != 0 ? (errno == EACCES || errno == EPERM) : access(p, R_OK) != 0 else { return nil }
            return ProgrammeReadError(path: p, reason: .permissionDenied)
        }
        if let e = refusedAccess(path) { throw e }
        guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ProgrammeReadError(path: path, reason: .notFound)
        }
        var file = path
        if isDirectory.boolValue {
            file = (path as NSString).appendingPathComponent(fileName)
            var inner: ObjCBool = false
            if let e = refusedAccess(file) { throw e }
            guard fm.fileExists(atPath: file, isDirectory: &inner), !inner.boolValue else {
                throw ProgrammeReadError(path: path, reason: .folderWithoutProgramme)
            }
        }
        guard let data = fm.contents(atPath: file) else {
            throw ProgrammeReadError(path: file, reason: .unreadable)
        }
        guard let text = TextFile.decode(data) else {
            let at = TextFile.firstInvalidByte(in: data)
            // The `language:` line is ASCII: read it past the bytes that are not UTF-8.
            let language = declaredLanguage(String(decoding: data, as: UTF8.self)) ?? .environment
            let d = Diagnostic(
                file: file, line: at.line, column: at.column, field: "", problem: .notUTF8, language: language)
            return ProgrammeLoadResult(programme: nil, diagnostics: [d])
        }
        return parse(text, file: file, findDirectory: true)
    }

    /// Each folder of `follows:` that is not a session folder (no programme.yaml there), as an
    /// error at its line and column.
    static func followsProblems(_ root: Node?, programme file: String) -> [Diagnostic] {
        guard case .sequence(let list)? = root?["follows"] else { return [] }
        let session = URL(fileURLWithPath: file).standardizedFileURL.deletingLastPathComponent()
        var out: [Diagnostic] = []
        for (i, node) in list.enumerated() {
            guard let name = node.string.map(normalise), !name.isEmpty else { continue }
            let path = Paths.resolve(name, from: session.path)
            var isDirectory: ObjCBool = false
            let programme = (path as NSString).appendingPathComponent(fileName)
            if !FileManager.default.fileExists(atPath: programme, isDirectory: &isDirectory) || isDirectory.boolValue {
                let at = node.location
                out.append(
                    Diagnostic(
                        file: file, line: at.line, column: at.column, field: "follows[\(i)]",
                        problem: .noEarlierSession(name: name, path: path, file: fileName)))
            }
        }
        return out
    }

    /// The répertoire des intervenants of the programme whose root is `root`, read from its
    /// `directory:` key or beside the session folder, with its problems as warnings (an entry in
    /// error is missing from it; a reference to it is then an error). A `directory:` naming a
    /// folder that cannot be read is an error.
    static func directory(
        for root: Node?, programme file: String
    ) -> (
        directory: Directory?, diagnostics: [Diagnostic]
    ) {
        let declaredNode = root?["directory"]
        let declared = declaredNode?.string.map(normalise).flatMap { $0.isEmpty ? nil : $0 }
        guard let folder = DirectoryLoader.folder(forProgramme: file, declared: declared) else { return (nil, []) }
        do {
            let result = try DirectoryLoader.load(folder: folder)
            let warnings = result.diagnostics.map { d in
                var w = d
                w.severity = .warning
                if d.severity == .error { w.problem = .leftOutOfDirectory(d.problem) }
                return w
            }
            return (result.directory, warnings)
        } catch let e as ProgrammeReadError {
            let at = declaredNode?.mark.map { SourceLocation(line: $0.line, column: $0.column) } ?? .start
            let severity: Diagnostic.Severity = declared == nil ? .warning : .error
            return (
                nil,
                [
                    Diagnostic(
                        file: file, line: at.line, column: at.column, field: "directory",
                        problem: .directoryUnreadable(e), severity: severity)
                ]
            )
        } catch {
            return (nil, [])
        }
    }

    // MARK: - YAML errors

    /// Turns a Yams error into a diagnostic at its line and column.
    static func yamlDiagnostic(_ error: any Error, text: String, file: String) -> Diagnostic {
        var location = SourceLocation.start
        var detail = YAMLProblem(problem: "")
        if let yamlError = error as? YamlError {
            switch yamlError {
            case let .scanner(context, problem, mark, _),
                let .parser(context, problem, mark, _),
                let .composer(context, problem, mark, _):
                location = SourceLocation(line: max(1, mark.line), column: max(1, mark.column))
                detail = YAMLProblem(
                    problem: problem, context: context?.text, contextLine: context?.mark.line,
                    contextColumn: context?.mark.column)
            case let .reader(problem, offset, _, yaml):
                if let offset { location = self.location(ofCharacterOffset: offset, in: yaml) }
                detail = YAMLProblem(problem: problem)
            default:
                detail = YAMLProblem(problem: "\(yamlError)")
            }
        } else {
            detail = YAMLProblem(problem: "\(error)")
        }
        let tabs = line(location.line, of: text)?.contains("\t") == true
        detail.openQuoteLine = openQuote(in: text, before: location.line)
        return Diagnostic(
            file: file, line: location.line, column: location.column, field: "",
            problem: .invalidYAML(detail: detail, tabs: tabs))
    }

    /// The first line before `errorLine` where a double quote opens and does not close on the same
    /// line (a `"` not escaped, outside a comment and a single-quoted text), when it lies at least
    /// two lines above the error: libyaml reads such a text on to the next quote and reports what
    /// it then finds, often far below the quote that was forgotten.
    static func openQuote(in text: String, before errorLine: Int) -> Int? {
        var number = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            guard number < errorLine - 1 else { return nil }
            var open = false, single = false, escaped = false
            for ch in line {
                if escaped { escaped = false; continue }
                if open, ch == "\\" { escaped = true; continue }
                if ch == "\"", !single {
                    open.toggle()
                } else if ch == "'", !open {
                    single.toggle()
                } else if ch == "#", !open, !single {
                    break
                }
            }
            if open { return number }
        }
        return nil
    }

    /// The language a programme's text declares at its top level (`language: fr`, `language: en`,
    /// or a word ``Aliases/language`` knows), read line by line so that it is found even in a
    /// file YAML cannot parse; nil when there is none.
    static func declaredLanguage(_ text: String) -> Language? {
        // `language: fr`, `language : fr`, `"language": fr` or `'language': fr` at the top level.
        let keys = ["language", "\"language\"", "'language'"]
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            guard let key = keys.first(where: { line.hasPrefix($0) }) else { continue }
            let rest = line.dropFirst(key.count).drop { $0 == " " || $0 == "\t" }
            guard rest.first == ":" else { continue }
            var value = rest.dropFirst()
            if let hash = value.firstIndex(of: "#") { value = value[..<hash] }
            let word = value.trimmingCharacters(in: .whitespaces).trimmingCharacters(
                in: CharacterSet(charactersIn: "\"'"))
            return Aliases.language[fold(word)]
        }
        return nil
    }

    private static func line(_ number: Int, of text: String) -> Substring? {
        var current = 1
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == number { return line }
            current += 1
        }
        return nil
    }

    private static func location(ofCharacterOffset offset: Int, in text: String) -> SourceLocation {
        var line = 1, column = 1
        for (index, ch) in text.enumerated() {
            if index >= offset { break }
            if ch == "\n" || ch == "\r\n" { line += 1; column = 1 } else { column += ch.unicodeScalars.count }
        }
        return SourceLocation(line: line, column: column)
    }

    // MARK: - Guards

    /// Yams builds the tree recursively: refuse absurdly deep documents (junk or hostile input)
    /// before they can exhaust the stack. Real programmes nest a handful of levels.
    static func nestingProblem(_ text: String) -> SourceLocation? {
        var flowDepth = 0
        var line = 1, column = 1, indentation = 0, atLineStart = true
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                line += 1; column = 1; indentation = 0; atLineStart = true
                continue
            }
            if atLineStart {
                if scalar == " " || scalar == "-" || scalar == "?" || scalar == ":" || scalar == "\t" {
                    indentation += 1
                    if indentation > 2000 { return SourceLocation(line: line, column: column) }
                } else {
                    atLineStart = false
                }
            }
            switch scalar {
            case "[", "{":
                flowDepth += 1
                if flowDepth > 500 { return SourceLocation(line: line, column: column) }
            case "]", "}":
                flowDepth = max(0, flowDepth - 1)
            default:
                break
            }
            column += 1
        }
        return nil
    }

    // MARK: - Repeated keys

    /// Finds the repetition of `key` after its first occurrence (same column, later line, at the
    /// start of a block mapping entry) and renames it `placeholder`; nil when not found.
    private static func renameRepetition(
        of key: String, firstAt first: SourceLocation, to placeholder: String,
        in text: String
    ) -> String? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard first.line >= 1, first.line <= lines.count else { return nil }
        let tokens = [key, "\"\(key)\"", "'\(key)'"]
        for index in first.line..<lines.count {
            let scalars = Array(lines[index].unicodeScalars)
            let start = first.column - 1
            guard start >= 0, start < scalars.count else { continue }
            // Only spaces and sequence dashes may precede a block mapping key.
            guard scalars[..<start].allSatisfy({ $0 == " " || $0 == "-" }) else { continue }
            let rest = String(String.UnicodeScalarView(scalars[start...]))
            for token in tokens where rest.hasPrefix(token) {
                let after = rest.dropFirst(token.count).drop { $0 == " " }
                guard after.first == ":" else { continue }
                let prefix = String(String.UnicodeScalarView(scalars[..<start]))
                lines[index] = prefix + placeholder + rest.dropFirst(token.count)
                return lines.joined(separator: "\n")
            }
        }
        return nil
    }
}
