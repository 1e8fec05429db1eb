import Foundation
import PalabreCore

/// Maps roles to styles, with one table per colour form (256 colours, 8 colours,
/// monochrome). Built from a theme file (see themes/README.md) or the built-in default.
///
///     let theme = Theme.builtInDefault
///     theme.style(for: .timerOver, in: .colors256)   // fg=196 bold
public struct Theme: Hashable, Sendable {
    /// The theme's name, usually its file name without `.theme`.
    public var name: String
    /// The styles of each form the theme defines.
    public var forms: [ColorForm: [Role: Style]]

    public init(name: String, forms: [ColorForm: [Role: Style]]) {
        self.name = name
        self.forms = forms
    }

    /// The style of `role` in `form`. A form the theme lacks falls back to the next
    /// poorer one (256 → 8 → mono); a role the form lacks falls back to its parent role
    /// (`timer.over` → `timer` → `normal`), and finally to `Style.plain`.
    public func style(for role: Role, in form: ColorForm) -> Style {
        var candidate: ColorForm? = form
        while let f = candidate, forms[f] == nil { candidate = f.fallback }
        guard let f = candidate, let table = forms[f] else { return .plain }
        var r: Role? = role
        while let current = r {
            if let style = table[current] { return style }
            r = current.parent
        }
        return .plain
    }

    /// The default theme (dark), built in so palabre runs without its themes folder.
    public static let builtInDefault: Theme = {
        let result = Theme.parse(builtInDarkText, name: "dark", file: "<built-in dark>")
        precondition(!result.hasErrors, "the built-in theme must parse: \(result.diagnostics)")
        return result.theme
    }()

    /// The theme as theme-file text, forms in the order 256, 8, mono and roles sorted.
    public func fileText() -> String {
        var out = "# palabre theme: \(name)\n"
        for form in ColorForm.allCases {
            guard let table = forms[form] else { continue }
            out += "\n[\(form)]\n"
            for role in table.keys.sorted() {
                let padded = role.rawValue.padding(
                    toLength: max(16, role.rawValue.count + 1), withPad: " ", startingAt: 0)
                out += padded + table[role]!.description + "\n"
            }
        }
        return out
    }
}

/// A problem found in a theme file, located as `file:line`.
public struct ThemeDiagnostic: Hashable, Sendable, CustomStringConvertible {
    /// Errors make the caller use the built-in theme; warnings do not.
    public enum Severity: Hashable, Sendable { case error, warning }

    /// The theme file (or the name asked for when no file was found).
    public var file: String
    /// 1-based line number; 0 when the problem concerns the whole file.
    public var line: Int
    /// What is wrong, typed.
    public var problem: ThemeProblem
    /// The language of ``message`` (the environment's unless given).
    public var language: Language
    /// Error or warning.
    public var severity: Severity

    /// What is wrong and what is expected, in ``language``, invisible characters escaped.
    public var message: String { Text.escapingInvisible(problem.text(language)) }

    /// Creates a diagnostic for `problem`, worded in `language`.
    public init(
        file: String, line: Int, problem: ThemeProblem, severity: Severity = .error,
        language: Language = .environment
    ) {
        self.file = file
        self.line = line
        self.problem = problem
        self.severity = severity
        self.language = language
    }

    /// `file:line: message`, with `warning: ` before the message for warnings.
    public var description: String {
        let location = line > 0 ? "\(file):\(line)" : file
        return "\(location): " + (severity == .warning ? "warning: " : "") + message
    }
}

/// What `Theme.parse` returns: the theme read (partial when there were errors) and the
/// problems found.
public struct ThemeParseResult: Sendable {
    public var theme: Theme
    public var diagnostics: [ThemeDiagnostic]
    /// True when a diagnostic is an error: the caller should use the default theme.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

extension Theme {
    /// Parses theme-file text. Every problem is reported as `file:line: what is wrong and
    /// what is expected`; lines in error are skipped, the rest is kept.
    ///
    ///     let result = Theme.parse(text, name: "projector", file: "themes/projector.theme")
    ///     let theme = result.hasErrors ? Theme.builtInDefault : result.theme
    public static func parse(
        _ text: String, name: String, file: String, language: Language = .environment
    ) -> ThemeParseResult {
        var forms: [ColorForm: [Role: Style]] = [:]
        var definedAt: [ColorForm: [Role: Int]] = [:]
        var diagnostics: [ThemeDiagnostic] = []
        var current: [ColorForm] = []
        var sawSection = false

        func report(_ line: Int, _ problem: ThemeProblem, _ severity: ThemeDiagnostic.Severity = .error) {
            diagnostics.append(
                ThemeDiagnostic(file: file, line: line, problem: problem, severity: severity, language: language))
        }

        // "\r\n" is one Character in Swift: split the text made of "\n" line endings only.
        let lines = TextFile.normalise(text).split(separator: "\n", omittingEmptySubsequences: false)
        for (index, raw) in lines.enumerated() {
            let number = index + 1
            var line = Substring(raw)
            if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
            let content = line.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\r")))
            if content.isEmpty { continue }

            if content.hasPrefix("[") {
                guard content.hasSuffix("]") else {
                    report(number, .unclosedSection(header: content))
                    current = []
                    continue
                }
                let names = content.dropFirst().dropLast().split(separator: ",").map {
                    $0.trimmingCharacters(in: .whitespaces).lowercased()
                }
                var parsed: [ColorForm] = []
                var bad: [String] = []
                for n in names { if let f = ColorForm(rawValue: n) { parsed.append(f) } else { bad.append(n) } }
                if names.isEmpty || !bad.isEmpty {
                    report(number, .unknownSection(names: bad, header: content))
                    current = []
                } else {
                    current = parsed
                    for f in parsed where forms[f] == nil { forms[f] = [:] }
                }
                sawSection = true
                continue
            }

            let tokens = content.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            let roleName = tokens[0]
            guard sawSection else {
                report(number, .roleBeforeSection(role: roleName))
                continue
            }
            guard !current.isEmpty else { continue }  // inside a bad section: already reported
            guard Role.isValidName(roleName) else {
                report(number, .badRoleName(role: roleName))
                continue
            }
            let role = Role(roleName)
            let values = Array(tokens.dropFirst())
            guard !values.isEmpty else {
                report(number, .noStyle(role: roleName))
                continue
            }
            guard let style = parseStyle(values, forms: current, line: number, report: report) else { continue }
            if !Role.known.contains(role) {
                report(number, .unknownRole(role: roleName, known: Role.known.map(\.rawValue)), .warning)
            }
            for form in current {
                if let earlier = definedAt[form]?[role] {
                    report(number, .roleDefinedTwice(role: roleName, section: "\(form)", line: earlier))
                    continue
                }
                forms[form, default: [:]][role] = style
                definedAt[form, default: [:]][role] = number
            }
        }
        if !sawSection {
            report(0, .noSection)
        }
        return ThemeParseResult(theme: Theme(name: name, forms: forms), diagnostics: diagnostics)
    }

    private static func parseStyle(
        _ values: [String], forms: [ColorForm], line: Int,
        report: (Int, ThemeProblem, ThemeDiagnostic.Severity) -> Void
    ) -> Style? {
        var style = Style()
        var ok = true
        var sawForeground = false
        var sawBackground = false
        if values.contains("plain") {
            if values.count > 1 {
                report(line, .plainNotAlone, .error)
                return nil
            }
            return style
        }
        for token in values {
            let lower = token.lowercased()
            if let keyword = Attributes.keywords.first(where: { $0.0 == lower }) {
                style.attributes.insert(keyword.1)
                continue
            }
            let parts = lower.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, parts[0] == "fg" || parts[0] == "bg" else {
                report(line, .unknownToken(token: token), .error)
                ok = false
                continue
            }
            let key = parts[0]
            if key == "fg" ? sawForeground : sawBackground {
                report(line, .colourTwice(key: key), .error)
                ok = false
                continue
            }
            if key == "fg" { sawForeground = true } else { sawBackground = true }
            if forms.contains(.mono) {
                report(line, .colourInMono(token: token), .error)
                ok = false
                continue
            }
            guard let color = Color(name: parts[1]) else {
                report(line, .notAColour(name: parts[1]), .error)
                ok = false
                continue
            }
            if forms.contains(.colors8), case .index(let i) = color, i >= 8 {
                report(line, .needs256(name: parts[1]), .error)
                ok = false
                continue
            }
            if key == "fg" { style.foreground = color } else { style.background = color }
        }
        return ok ? style : nil
    }
}
