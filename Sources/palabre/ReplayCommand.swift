import ArgumentParser
import Foundation
import PalabreCore
import PalabreTerminal
import PalabreUI

/// `palabre replay SESSION|JOURNAL`: the consoles replaying a recorded meeting, read-only.
struct Replay: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Replay a recorded session in the consoles, read-only, with a timeline.",
        discussion: """
            The replay clock starts at the first event (or --from) and runs at --speed; silences longer than
            --idle-limit seconds of replay are shortened. Space plays or pauses, + and - change the speed,
            → and ← step through events, ] and [ jump between agenda items, } and { between days,
            g goes to a moment (« 2 10:30 »), / searches the entries, F1–F5 switch screens, ? lists the keys,
            q quits. A torn last line is left out with a warning; a journal damaged before its last line is refused.
            """)

    @Argument(help: "Session folder, name under ./sessions, or a journal.jsonl (its folder holds programme.yaml).")
    var session: String
    @Option(
        help: ArgumentHelp("Meeting seconds per replay second: 1, 2, 5, 10, 60 or 600 (any whole number " + "from 1)."))
    var speed: Int = 1
    @Option(
        help:
            "Start at this moment: HH:MM (first day), 'D HH:MM' (day D), 'YYYY-MM-DD HH:MM', RFC 3339 or +1:30 from the start."
    )
    var from: String?
    @Option(
        name: .customLong("idle-limit"), help: ArgumentHelp("Longest silence shown in full, in seconds of " + "replay.")
    )
    var idleLimit: Double = 5
    @Option(help: "Screen to open first.") var view: ScreenID = .facilitator
    @Option(help: "Theme name (dark, light, projector, mono) or path to a .theme file.") var theme: String?
    @Option(help: "Language of the screens (fr or en; default: the programme's).") var lang: Language?
    @Flag(help: "Start paused.") var paused = false

    mutating func run() throws {
        let (session, speed, from, idleLimit, view, theme, lang, paused) = (
            session, speed, from, idleLimit, view, theme, lang, paused
        )
        try reportingErrors(language: lang) {
            let said = lang ?? .environment
            guard speed >= 1 else {
                throw UserError(
                    description: CliWords.belowMinimum(option: "--speed", value: "\(speed)", minimum: 1).text(said),
                    code: 2)
            }
            guard idleLimit >= 0 else {
                throw UserError(
                    description: CliWords.belowMinimum(option: "--idle-limit", value: "\(idleLimit)", minimum: 0)
                        .text(said), code: 2)
            }
            let (timeline, warnings, loading, journalPath) = try ReplaySource.load(session, language: lang)
            guard let first = timeline.firstInstant else {
                throw UserError(
                    description: CliWords.nothingToReplay(session: session).text(lang ?? timeline.programme.language))
            }
            var start = first
            if let from {
                do throws(Refusal) {
                    start = try timeline.instant(from, near: first)
                } catch {
                    throw UserError(
                        description: "--from: " + error.message(lang ?? timeline.programme.language), code: 2)
                }
            }
            let clock = ReplayClock(
                position: start, speed: speed, playing: !paused, idleLimitMs: Int64(idleLimit * 1000))
            var replay = ReplayConsole(
                timeline: timeline, language: lang ?? timeline.programme.language, screen: view, clock: clock,
                loading: loading, from: from)
            if !warnings.isEmpty { replay.showTornJournal() }
            let chosenTheme = try ThemeChoice.load(theme)
            try ReplayLoop.run(&replay, theme: chosenTheme)
            let spoken = lang ?? timeline.programme.language
            // What the reading of a long journal found while the replay ran; quit before it was
            // over, the journal's end is read on its own, so a torn tail is still said.
            replay.adoptWholeJournal()
            var found = replay.loadWarnings
            if replay.loading != nil {
                let journal = try Journal(path: journalPath, writable: false)
                do {
                    if try journal.checkEnd() {
                        found = journal.warnings(spoken)
                    } else {
                        printError("palabre: " + CliWords.endNotChecked(session: session).text(spoken))
                    }
                } catch let e as JournalError {
                    found = [e.message(spoken)]
                }
            }
            for w in found { printError("palabre: " + CliWords.warning(w).text(spoken)) }
            if let failure = replay.loadFailure { throw failure }
        }
    }
}

/// Reading what to replay.
enum ReplaySource {
    /// The timeline of `arg` (a session or a journal file), the loading warnings (torn tail) and
    /// the journal's path.
    /// A journal longer than ``ReplayLoading/backgroundAbove`` bytes gives the timeline of its
    /// beginning and the reading of the whole, under way. Throws ``JournalError`` when the
    /// journal is damaged before its last line (found later, by the reading, in a long one).
    /// `language`: the command's `--lang`, for what is said before the programme is read.
    static func load(
        _ arg: String, language lang: Language?
    ) throws -> (ReplayTimeline, [String], ReplayLoading?, journalPath: String) {
        var isDir: ObjCBool = false
        var folder: String
        var journalPath: String
        if FileManager.default.fileExists(atPath: arg, isDirectory: &isDir), !isDir.boolValue, arg.hasSuffix(".jsonl") {
            folder = Paths.folder(of: arg)
            journalPath = arg
        } else {
            folder = try SessionLocator.folder(arg, language: lang ?? .environment)
            journalPath = SessionStore.journalPath(folder)
        }
        let programme = try SessionLocator.programme(folder, language: lang)
        let said = lang ?? programme.language
        guard FileManager.default.fileExists(atPath: journalPath) else {
            throw UserError(description: CliWords.noJournal(path: journalPath).text(lang ?? programme.language))
        }
        let journal = try Journal(path: journalPath, writable: false)
        if (journal.fileStamp?.size ?? 0) > ReplayLoading.backgroundAbove {
            // Damage within the beginning is refused at once, as in a short journal.
            let (beginning, whole) = try journal.firstEvents(within: ReplayLoading.beginningBytes)
            if whole, !beginning.isEmpty {
                let path = journalPath
                let loading = ReplayLoading {
                    let whole = try Journal(path: path, writable: false)
                    let events = try whole.loadAll()
                    return (ReplayTimeline(programme: programme, events: events), whole.warnings(said))
                }
                return (ReplayTimeline(programme: programme, events: beginning), [], loading, journalPath)
            }
        }
        let events = try journal.loadAll()
        let warnings = journal.warnings(said)
        for w in warnings { printError("palabre: " + CliWords.warning(w).text(said)) }
        return (ReplayTimeline(programme: programme, events: events), warnings, nil, journalPath)
    }
}

/// The loop of `palabre replay`: the terminal opened, then the library's ``ConsoleLoop``.
enum ReplayLoop {
    static func run(_ replay: inout ReplayConsole, theme: Theme) throws {
        let terminal = try openTerminal(theme: theme, language: replay.console.labels.language)
        defer { terminal.shutdown() }
        if let term = terminal.replacedTerm {
            let n = replay.console.labels[.termFallback].replacingOccurrences(of: "%@", with: term)
            replay.console.banner = [n, replay.console.banner].compactMap { $0 }.joined(separator: " · ")
        }
        let loop = ConsoleLoop(terminal: terminal, clock: SystemClock(), program: .replay(replay))
        loop.run()
        if let r = loop.replay { replay = r }
    }
}
