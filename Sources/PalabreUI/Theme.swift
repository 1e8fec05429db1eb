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
    public enum Severity: Hashable, Sendable { case error, warning }

    public var file: String
    /// 1-based line number; 0 when the problem concerns the whole file.
    public var line: Int
    public var message: String
    public var severity: Severity

    public init(file: String, line: Int, message: String, severity: Severity = .error) {
        self.file = file
        self.line = line
        self.message = message
        self.severity = severity
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
    private static let expectedTokens =
        "expected fg=COLOUR, bg=COLOUR, bold, underline, reverse, dim, italic, or plain alone"
    private static let expectedSections = "expected [256], [8], [mono] or several, e.g. [256, 8, mono]"

    /// Parses theme-file text. Every problem is reported as `file:line: what is wrong and
    /// what is expected`; lines in error are skipped, the rest is kept.
    ///
    ///     let result = Theme.parse(text, name: "projector", file: "themes/projector.theme")
    ///     let theme = result.hasErrors ? Theme.builtInDefault : result.theme
    public static func parse(_ text: String, name: String, file: String) -> ThemeParseResult {
        var forms: [ColorForm: [Role: Style]] = [:]
        var definedAt: [ColorForm: [Role: Int]] = [:]
        var diagnostics: [ThemeDiagnostic] = []
        var current: [ColorForm] = []
        var sawSection = false

        func report(_ line: Int, _ message: String, _ severity: ThemeDiagnostic.Severity = .error) {
            diagnostics.append(
                ThemeDiagnostic(file: file, line: line, message: Text.escapingInvisible(message), severity: severity))
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
                    report(number, "section header '\(content)' lacks its closing ']'; \(expectedSections)")
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
                    let shown = bad.isEmpty ? content : bad.map { "'\($0)'" }.joined(separator: ", ")
                    report(number, "unknown section \(shown); \(expectedSections)")
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
                report(
                    number,
                    "role '\(roleName)' comes before any section; start with a section header: " + "\(expectedSections)"
                )
                continue
            }
            guard !current.isEmpty else { continue }  // inside a bad section: already reported
            guard Role.isValidName(roleName) else {
                report(number, "'\(roleName)' is not a role name; expected lowercase dotted words such as timer.over")
                continue
            }
            let role = Role(roleName)
            let values = Array(tokens.dropFirst())
            guard !values.isEmpty else {
                report(number, "role '\(roleName)' has no style; \(expectedTokens)")
                continue
            }
            guard let style = parseStyle(values, forms: current, line: number, report: report) else { continue }
            if !Role.known.contains(role) {
                report(
                    number,
                    "unknown role '\(roleName)'; palabre's roles are "
                        + Role.known.map(\.rawValue).joined(separator: ", "), .warning)
            }
            for form in current {
                if let earlier = definedAt[form]?[role] {
                    report(
                        number,
                        "role '\(roleName)' is already defined for [\(form)] at line \(earlier); keep one "
                            + "line per role and section")
                    continue
                }
                forms[form, default: [:]][role] = style
                definedAt[form, default: [:]][role] = number
            }
        }
        if !sawSection {
            report(0, "no section found; \(expectedSections), each followed by lines 'ROLE STYLE…'")
        }
        return ThemeParseResult(theme: Theme(name: name, forms: forms), diagnostics: diagnostics)
    }

    private static func parseStyle(
        _ values: [String], forms: [ColorForm], line: Int,
        report: (Int, String, ThemeDiagnostic.Severity) -> Void
    ) -> Style? {
        var style = Style()
        var ok = true
        var sawForeground = false
        var sawBackground = false
        if values.contains("plain") {
            if values.count > 1 {
                report(
                    line,
                    "'plain' must stand alone (it means default colours, no attributes); remove it or the "
                        + "other tokens", .error)
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
                report(line, "unknown token '\(token)'; \(expectedTokens)", .error)
                ok = false
                continue
            }
            let key = parts[0]
            if key == "fg" ? sawForeground : sawBackground {
                report(line, "\(key)= is given twice; give one \(key)= per line", .error)
                ok = false
                continue
            }
            if key == "fg" { sawForeground = true } else { sawBackground = true }
            if forms.contains(.mono) {
                report(
                    line,
                    "colours are not allowed in [mono] ('\(token)'); use bold, underline, reverse, dim or " + "italic",
                    .error)
                ok = false
                continue
            }
            guard let color = Color(name: parts[1]) else {
                report(
                    line,
                    "'\(parts[1])' is not a colour; expected default, a number 0–255, a name (black, red, "
                        + "green, yellow, blue, magenta, cyan, white) or bright-NAME", .error)
                ok = false
                continue
            }
            if forms.contains(.colors8), case .index(let i) = color, i >= 8 {
                report(
                    line,
                    "colour \(parts[1]) needs 256 colours; in [8] use 0–7, default or black, red, green, "
                        + "yellow, blue, magenta, cyan, white", .error)
                ok = false
                continue
            }
            if key == "fg" { style.foreground = color } else { style.background = color }
        }
        return ok ? style : nil
    }
}
