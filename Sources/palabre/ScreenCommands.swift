import ArgumentParser
import Foundation
import PalabreCore
import PalabreUI

extension ScreenID: ExpressibleByArgument {}

/// `palabre screen SESSION --view V --size WxH`: prints a screen as plain text, without a terminal.
struct ScreenCmd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "screen",
        abstract: "Print a screen of a session as plain text (no terminal needed).",
        discussion: "Uses the same drawing code as the live consoles (`palabre run`). --at shows the screen as it "
            + "stood at that moment.")

    @Argument(help: "Session folder or name under ./sessions.") var session: String
    @Option(help: ArgumentHelp("facilitator, rapporteur, attendance, balance, projector, synergies or " + "followup."))
    var view: ScreenID =
        .facilitator
    @Option(help: "Size as WIDTHxHEIGHT.") var size: String = "80x24"
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Moment to show: HH:MM on the session's day, 'D HH:MM' (day D), 'YYYY-MM-DD HH:MM' or RFC 3339 (default: the last "
                + "event, or now)."))
    var at: String?
    @Option(help: "Theme name or path (checked; plain text has no colours).") var theme: String?
    @Option(help: "Language of the labels (fr or en; default: the programme's).") var lang: Language?

    mutating func run() throws {
        let (session, view, size, at, theme, lang) = (session, view, size, at, theme, lang)
        try reportingErrors(language: lang) {
            let parts = size.lowercased().split(separator: "x").compactMap { Int($0) }
            guard parts.count == 2, parts[0] > 0, parts[1] > 0, parts[0] <= 1000, parts[1] <= 1000 else {
                throw UserError(description: CliWords.screenSize(size).text(lang ?? .environment), code: 2)
            }
            if let theme { _ = try ThemeChoice.load(theme) }
            let store = try SessionLocator.open(session, writable: false, language: lang)
            var state = store.state
            var now = state.lastAt ?? SystemClock().now()
            if let at {
                let moment = try ClockOverride.moment(at, state: state)
                let journal = try Journal(path: SessionStore.journalPath(store.folder), writable: false)
                state = SessionState.fold(store.programme, try journal.loadAll().prefix { $0.at <= moment })
                now = moment
            }
            let console = Console(screen: view, language: lang ?? store.programme.language, readOnly: true)
            let (grid, _) = console.render(state: state, now: now, size: Size(width: parts[0], height: parts[1]))
            say(grid.lines().joined(separator: "\n"))
        }
    }
}

/// `palabre keys`: prints the key-binding table.
struct Keys: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print every key binding of the live consoles.")
    @Flag(
        help: ArgumentHelp(
            "As JSON: [{action, keys, screen, hint, help, guard}], one table for the consoles and " + "replay."))
    var json = false
    @Option(help: "Language of the texts (fr or en; default: the session's, else LANG).") var lang: Language?
    @Option(help: "Session folder or name under ./sessions, whose language the texts take.") var session: String?

    mutating func run() throws {
        let (lang, session, json) = (lang, session, json)
        try reportingErrors(language: lang) {
            let own = try session.map {
                try SessionLocator.programme(SessionLocator.folder($0, language: lang ?? .environment), language: lang)
                    .language
            }
            let labels = Labels(lang ?? own ?? .environment)
            say(json ? Keymap.json(labels) : Keymap.text(labels))
        }
    }
}

/// Theme selection shared by `run` and `screen`.
enum ThemeChoice {
    /// Loads `nameOrPath`; a bad file is reported as file:line on stderr and the default is used.
    static func load(_ nameOrPath: String?) throws -> Theme { loadReporting(nameOrPath).theme }

    /// Loads `nameOrPath` and returns the problems too (in `language`), so the live consoles can
    /// show them once the screen is up (stderr is hidden behind it).
    static func loadReporting(
        _ nameOrPath: String?, language: Language = .environment
    ) -> (theme: Theme, problems: [String]) {
        guard let nameOrPath else { return (Theme.builtInDefault, []) }
        let loaded = ThemeLoader.standard().load(nameOrPath, language: language)
        for d in loaded.diagnostics { printError("palabre: " + d.description) }
        return (loaded.theme, loaded.diagnostics.map(\.description))
    }
}
