/// A problem found in a programme file, located at the node that causes it.
///
/// Printed the way compilers print theirs, so editors can jump to it:
/// `programme.yaml:12:7: days[0].items[2].duration: invalid duration "1h9x": expected …`;
/// warnings read `programme.yaml:30:9: warning: days[1].items[4].start: …`. When the problem
/// concerns the whole document (a YAML syntax error, an empty file) ``field`` is empty and the
/// `field: ` part is left out.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    /// How serious the problem is: errors prevent using the programme, warnings do not.
    public enum Severity: String, Sendable {
        case error, warning
    }

    /// The file name or path, as given to the loader.
    public var file: String
    /// Line, starting at 1.
    public var line: Int
    /// Column, starting at 1, counted in Unicode scalars.
    public var column: Int
    /// Dotted path of the offending field, e.g. `days[0].items[2].duration` (indices from 0).
    public var field: String
    /// What is wrong and what is expected, typed; worded by ``message`` in ``language``.
    public var problem: ProgrammeProblem
    /// The language of ``message``: the programme's `language:` when it can be read, else the
    /// environment's (``Language/environment``).
    public var language: Language
    /// Error or warning.
    public var severity: Severity
    /// The description of the file's format its hints name (docs/programme-format.md, or
    /// docs/directory.md for the répertoire's files).
    public var describedIn: FormatDocument = .programme

    /// What is wrong and what is expected, in ``language``. Invisible characters (zero-width
    /// spaces, no-break spaces, joiners…) are written as `\\u{200B}` escapes
    /// (``Text/escapingInvisible(_:)``), so `ti\\u{200B}tle` never reads as `title`.
    /// In French, the space before « : ; ? ! » is a no-break space (``Text/frenchPunctuation(_:)``).
    public var message: String {
        let text = Text.escapingInvisible(problem.text(language, describedIn: describedIn))
        return language == .fr ? Text.frenchPunctuation(text) : text
    }

    /// Creates a diagnostic for `problem`, worded in `language`. Invisible characters in
    /// `field` are written as escapes.
    public init(
        file: String, line: Int, column: Int, field: String, problem: ProgrammeProblem,
        severity: Severity = .error, language: Language = .environment
    ) {
        self.file = file; self.line = line; self.column = column
        self.field = Text.escapingInvisible(field)
        self.problem = problem
        self.severity = severity
        self.language = language
    }

    /// Creates a diagnostic whose message is given as English text (the répertoire's checks).
    public init(
        file: String, line: Int, column: Int, field: String, message: String,
        severity: Severity = .error
    ) {
        self.init(file: file, line: line, column: column, field: field, problem: .other(message), severity: severity)
    }

    /// `file:line:column: field: message`, with `warning: ` after the location for warnings.
    public var description: String {
        var text = "\(file):\(line):\(column): "
        if severity == .warning { text += language == .fr ? "avertissement\u{00A0}: " : "warning: " }
        if !field.isEmpty { text += "\(field): " }
        return text + message
    }
}

/// What ``ProgrammeLoader`` found in a programme file.
public struct ProgrammeLoadResult: Sendable {
    /// The programme, when the file has no errors (warnings allowed); `nil` otherwise.
    public var programme: Programme?
    /// Every error and warning, in file order (line, then column).
    public var diagnostics: [Diagnostic]

    /// Whether at least one diagnostic is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    /// The errors only.
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    /// The warnings only.
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }

    /// Creates a result.
    public init(programme: Programme?, diagnostics: [Diagnostic]) {
        self.programme = programme
        self.diagnostics = diagnostics
    }
}
