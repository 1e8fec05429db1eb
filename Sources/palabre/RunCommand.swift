import ArgumentParser
import Foundation
import PalabreCore
import PalabreTerminal
import PalabreUI

/// `palabre run SESSION`: the live consoles on the meeting-room laptop.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open the live consoles on a session (facilitator, rapporteur, attendance, speaking balance, "
            + "projector).",
        discussion: """
            Resumes where the journal left off. F1–F5 or Tab switch screens, ? shows the keys, Ctrl-C quits:
            everything is already recorded in the journal. Without SESSION, lists the sessions under ./sessions.
            On a closed session, opens the follow-up (F12 « Suivi ») as the suivi seat.
            """)

    @Argument(help: "Session folder or name under ./sessions.") var session: String?
    @Option(help: "Theme name (dark, light, projector, mono) or path to a .theme file.") var theme: String?
    @Option(help: "Language of the screens (fr or en; default: the programme's).") var lang: Language?
    @Option(help: "Screen to open first (default: facilitator; followup on a closed session).") var view: ScreenID?
    @Flag(
        name: .customLong("take-over"),
        help: ArgumentHelp("Take the facilitator seat from another process holding it (when " + "that laptop is gone).")
    )
    var takeOver = false

    mutating func run() throws {
        let picked = try session ?? SessionPicker.pick(language: lang ?? .environment)
        guard let session = picked else { return }
        // After the close only the follow-up is recorded: the suivi seat, on its screen. A journal
        // that never names the close is not folded twice (the seat folds it again to start).
        let closed: Bool
        let f = try? SessionLocator.folder(session, language: .environment)
        if let f, let p = try? ProgrammeLoader.load(path: f).programme,
            let s = SessionStore.decisionState(folder: f, programme: p)
        {
            // The decision snapshot tells, without reading the whole journal.
            closed = s.closedAt != nil
        } else if let f,
            let journal = try? Journal(path: SessionStore.journalPath(f), writable: false),
            (try? journal.contains(bytes: Array(#""sessionClosed""#.utf8))) == false
        {
            closed = false
        } else {
            closed = (try? SessionLocator.open(session, writable: false, language: lang))?.state.closedAt != nil
        }
        try Seat.start(
            session: session, role: closed ? .followUp : .facilitator, theme: theme, lang: lang,
            view: view ?? (closed ? .followUp : .facilitator), takeOver: takeOver)
    }
}

/// `palabre attach SESSION --seat ROLE`: another seat on the same session.
struct Attach: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Attach a seat to a session from another terminal, a tmux pane or over SSH.",
        discussion: "Seats: facilitator (everything; one at a time; `palabre run` is the facilitator seat), "
            + "rapporteur (minutes and attendance), projector (read-only, the projection screen), observer "
            + "(read-only), suivi (after the close: the follow-up of commitments, actions and fiches). Every seat appends through the journal's lock and shows the other seats' events within "
            + "half a second. Over SSH: ssh -t HOST palabre attach SESSION --seat rapporteur")

    @Argument(help: "Session folder or name under ./sessions.") var session: String
    @Option(help: "facilitator, rapporteur, projector, observer or suivi.") var seat: SeatRole
    @Option(help: "Theme name (dark, light, projector, mono) or path to a .theme file.") var theme: String?
    @Option(help: "Language of the screens (fr or en; default: the programme's).") var lang: Language?
    @Option(help: "Screen to open first (default: the seat's own).") var view: ScreenID?
    @Flag(name: .customLong("take-over"), help: "With --seat facilitator: take the seat from the process holding it.")
    var takeOver = false

    mutating func run() throws {
        let own: [SeatRole: ScreenID] = [
            .facilitator: .facilitator, .rapporteur: .rapporteur, .projector: .projector, .observer: .facilitator,
            .followUp: .followUp,
        ]
        try Seat.start(
            session: session, role: seat, theme: theme, lang: lang, view: view ?? own[seat]!, takeOver: takeOver)
    }
}

extension SeatRole: ExpressibleByArgument {}

/// Starting a seat: the facilitator lock, the store, the live loop.
enum Seat {
    static func start(
        session: String, role: SeatRole, theme: String?, lang: Language?, view: ScreenID, takeOver: Bool
    ) throws {
        try reportingErrors(language: lang) {
            let folder = try SessionLocator.folder(session, language: lang ?? .environment)
            var lock: SeatLock?
            if role == .facilitator {
                do {
                    lock = try SeatLock(folder: folder, takeOver: takeOver)
                } catch let e as SeatLockError {
                    let language = lang ?? (try? SessionLocator.programme(folder))?.language ?? .environment
                    throw UserError(description: e.message(language))
                }
            }
            defer { lock?.release() }
            let readOnly = role == .projector || role == .observer
            // The first frame comes from the decision snapshot when there is a valid one; the
            // whole journal is folded once it is up.
            let store = try SessionLocator.open(session, writable: !readOnly, deciding: true, language: lang)
            let language = lang ?? store.programme.language
            let chosen = ThemeChoice.loadReporting(theme, language: language)
            let notice = ([lock?.notice?.message(language)] + chosen.problems.prefix(2).map { Optional($0) }).compactMap
            { $0 }
            try LiveLoop.run(
                store: store, theme: chosen.theme, language: language, screen: view, role: role,
                notice: notice.isEmpty ? nil : notice.joined(separator: " · "))
            // Once the terminal is given back: the next start of a seat, and the next `palabre do`,
            // fold only what comes after.
            if !readOnly { store.saveDecisionSnapshot() }
        }
    }
}

/// Lists the sessions under ./sessions and reads a choice.
enum SessionPicker {
    /// The chosen session folder, or nil after printing the list when input is not a terminal.
    /// Said in `language` (`--lang`, else the environment's: no session is read yet).
    static func pick(language: Language) throws -> String? {
        let fm = FileManager.default
        let names = ((try? fm.contentsOfDirectory(atPath: "sessions")) ?? []).sorted()
            .filter { fm.fileExists(atPath: "sessions/\($0)/programme.yaml") }
        guard !names.isEmpty else {
            throw UserError(description: CliWords.noSessionToPick.text(language), code: 2)
        }
        say(CliWords.pickerTitle.text(language))
        for (i, n) in names.enumerated() {
            let title = (try? ProgrammeLoader.load(path: "sessions/\(n)"))?.programme?.title ?? ""
            say("  \(i + 1). \(n)\(title.isEmpty ? "" : " — " + TextWidth.sanitize(title))")
        }
        guard isatty(0) == 1 else {
            say(CliWords.pickerHowToRun.text(language))
            return nil
        }
        say(CliWords.pickerPrompt.text(language), terminator: "")
        guard let line = readLine()?.trimmingCharacters(in: .whitespaces), !line.isEmpty else { return nil }
        if let n = Int(line), (1...names.count).contains(n) { return "sessions/" + names[n - 1] }
        if names.contains(line) { return "sessions/" + line }
        throw UserError(description: CliWords.notInTheList(line).text(language), code: 2)
    }
}

/// Opens the terminal, or says in one line, in `language`, why it cannot be (exit 1).
func openTerminal(theme: Theme, language: Language) throws -> TerminalSession {
    do {
        return try TerminalSession(theme: theme)
    } catch let e as TerminalError {
        throw UserError(description: CliWords.terminal(e).text(language), code: 1)
    }
}

/// A seat's live consoles: the terminal opened, then the library's ``ConsoleLoop``.
enum LiveLoop {
    /// Opens the terminal and runs the consoles of `role` on `store` until the seat quits.
    static func run(
        store: SessionStore, theme: Theme, language: Language, screen: ScreenID, role: SeatRole,
        notice: String? = nil
    ) throws {
        let terminal = try openTerminal(theme: theme, language: language)
        defer { terminal.shutdown() }
        let readOnly = role == .projector || role == .observer
        var console = Console(screen: screen, language: language, readOnly: readOnly)
        // What the meeting reviews of the sessions it follows, and what later ones said of it.
        let previous = PreviousSessions.load(for: store.programme, folder: store.folder)
        console.previous = previous.sessions.flatMap(\.open)
        let fallback = terminal.replacedTerm.map {
            Labels(language)[.termFallback].replacingOccurrences(of: "%@", with: $0)
        }
        // A damaged-journal notice comes first, so that it shows even on an 80-column line.
        let banner =
            [
                journalNotice(store, language: language), fallback, notice,
                resumeBanner(store.state, language: language),
            ].compactMap { $0 } + previous.problems.prefix(1).map(TextWidth.sanitize)
        console.banner = banner.isEmpty ? nil : banner.joined(separator: " · ")
        let live = ConsoleLoop.Live(
            store: store, seat: role.rawValue,
            documents: readOnly
                ? nil : DocumentScheduler(dir: SessionStore.outPath(store.folder), folder: store.folder),
            drafts: readOnly ? nil : DraftFile.claim(folder: store.folder, seat: role.rawValue),
            laterReviews: LaterReviewsWatch(folder: store.folder))
        ConsoleLoop(
            terminal: terminal, clock: SteadyClock(wall: SystemClock(), monotonic: SystemMonotonicClock()),
            program: .live(console, live)
        ).run()
    }

    /// What loading the journal mended or skipped (a torn tail quarantined, NUL bytes skipped), nil
    /// when nothing: « journal réparé : … ».
    static func journalNotice(_ store: SessionStore, language: Language) -> String? {
        guard !store.warnings.isEmpty else { return nil }
        let fr = language == .fr
        if (store.journal?.nulBytesSkipped ?? 0) > 0 {
            return fr
                ? "journal endommagé : octets NUL ignorés, événements gardés (palabre repair)"
                : "damaged journal: NUL bytes skipped, events kept (palabre repair)"
        }
        return fr ? "journal réparé : fin déchirée mise en quarantaine" : "journal repaired: torn tail quarantined"
    }

    /// « Reprise : dernier événement enregistré le 17/10 à 10:42 — en cours : Débat (en pause) ».
    static func resumeBanner(_ s: SessionState, language: Language) -> String? {
        var parts: [String] = []
        if let last = s.lastAt {
            let lt = s.local
            let fr = language == .fr
            var text =
                (fr ? "Reprise : dernier événement enregistré le " : "Resumed: last event recorded on ")
                + lt.date(of: last) + (fr ? " à " : " at ") + lt.hhmm(last)
            if let c = s.currentItem, let it = s.item(c) {
                let status = s.run(c).status == .paused ? (fr ? "en pause" : "paused") : (fr ? "en cours" : "running")
                text += (fr ? " — en cours : " : " — under way: ") + it.item.title + " (\(status))"
            }
            parts.append(text)
        }
        if !s.mismatches.isEmpty {
            parts.append(
                language == .fr
                    ? "attention\u{00A0}: programme.yaml ne connaît plus "
                        + Agreement.counted(s.mismatches.count, one: "élément cité", many: "éléments cités", .fr)
                        + " par le journal (palabre verify)"
                    : "warning: programme.yaml no longer has "
                        + Agreement.counted(s.mismatches.count, one: "thing", many: "things", .en)
                        + " the journal names (palabre verify)")
        }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }
}
