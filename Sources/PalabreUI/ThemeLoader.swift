import Foundation
import PalabreCore

/// Finds and loads theme files by name or path.
///
///     let loader = ThemeLoader.standard()
///     let loaded = loader.load("projector")
///     for d in loaded.diagnostics { print(d) }   // file:line: …
///     let theme = loaded.theme                    // the built-in default on any error
public struct ThemeLoader: Sendable {
    /// Folders searched, in order, for `NAME.theme`.
    public var searchDirectories: [String]

    public init(searchDirectories: [String]) {
        self.searchDirectories = searchDirectories
    }

    /// The usual search path: `$PALABRE_THEMES` (a folder), the user's
    /// `$XDG_CONFIG_HOME/palabre/themes` (or `~/.config/palabre/themes`), `./themes`, then
    /// next to the executable: `../share/palabre/themes`, `../../themes`, `../../../themes`
    /// (the last two find the source tree's themes from `.build/debug`).
    public static func standard(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        currentDirectory: String = FileManager.default.currentDirectoryPath,
        executablePath: String? = Bundle.main.executablePath
    ) -> ThemeLoader {
        var dirs: [String] = []
        if let explicit = environment["PALABRE_THEMES"], !explicit.isEmpty { dirs.append(explicit) }
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty {
            dirs.append(xdg + "/palabre/themes")
        } else if let home = environment["HOME"], !home.isEmpty {
            dirs.append(home + "/.config/palabre/themes")
        }
        dirs.append(currentDirectory + "/themes")
        if let exe = executablePath {
            let dir = URL(fileURLWithPath: exe).deletingLastPathComponent()
            for relative in ["../share/palabre/themes", "../../themes", "../../../themes"] {
                dirs.append(dir.appendingPathComponent(relative).standardizedFileURL.path)
            }
        }
        var seen = Set<String>()
        return ThemeLoader(searchDirectories: dirs.filter { seen.insert($0).inserted })
    }

    /// Whether `nameOrPath` names a file rather than a theme: it contains a `/` or ends
    /// with `.theme`.
    public static func isPath(_ nameOrPath: String) -> Bool {
        nameOrPath.contains("/") || nameOrPath.hasSuffix(".theme")
    }

    /// The file for a theme name (the first `NAME.theme` in the search folders) or the path
    /// itself when it exists; nil when nothing is found.
    public func locate(_ nameOrPath: String) -> String? {
        let fm = FileManager.default
        if ThemeLoader.isPath(nameOrPath) {
            return fm.fileExists(atPath: nameOrPath) ? nameOrPath : nil
        }
        for dir in searchDirectories {
            let candidate = dir + "/" + nameOrPath + ".theme"
            if fm.fileExists(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// What `load` returns.
    public struct Loaded: Sendable {
        /// The theme to use: the one asked for, or the built-in default when it could not
        /// be found or has errors.
        public var theme: Theme
        /// Problems to show the user (errors mean the default theme is used).
        public var diagnostics: [ThemeDiagnostic]
        /// The file read, if any.
        public var path: String?
    }

    /// Loads a theme by name or path, falling back to the built-in default (dark) when the
    /// file is missing, unreadable or has errors. Asking for `dark` when no dark.theme is
    /// found quietly gives the built-in copy.
    public func load(_ nameOrPath: String, language: Language = .environment) -> Loaded {
        let fallback = Theme.builtInDefault
        guard let path = locate(nameOrPath) else {
            if nameOrPath == fallback.name { return Loaded(theme: fallback, diagnostics: [], path: nil) }
            let searched = ThemeLoader.isPath(nameOrPath) ? [] : searchDirectories
            let d = ThemeDiagnostic(
                file: nameOrPath, line: 0, problem: .notFound(searched: searched, fallback: fallback.name),
                language: language)
            return Loaded(theme: fallback, diagnostics: [d], path: nil)
        }
        // A BOM and Windows line endings are accepted (TextFile.decode).
        guard let text = TextFile.read(atPath: path)?.text else {
            let d = ThemeDiagnostic(file: path, line: 0, problem: .notUTF8(fallback: fallback.name), language: language)
            return Loaded(theme: fallback, diagnostics: [d], path: path)
        }
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let result = Theme.parse(text, name: name, file: path, language: language)
        if result.hasErrors {
            var diagnostics = result.diagnostics
            diagnostics.append(
                ThemeDiagnostic(file: path, line: 0, problem: .hasErrors(fallback: fallback.name), language: language))
            return Loaded(theme: fallback, diagnostics: diagnostics, path: path)
        }
        return Loaded(theme: result.theme, diagnostics: result.diagnostics, path: path)
    }
}
