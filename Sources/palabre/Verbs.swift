import ArgumentParser
import Foundation
import PalabreCore

/// `--seat` and `--at`, shared by every verb of `palabre do` and of a `palabre script` line.
struct SeatAndClock: ParsableArguments {
    @Option(
        help:
            "Seat recording the event: facilitator (default), rapporteur, suivi (after the close), projector or observer."
    )
    var seat: SeatRole = .facilitator
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Clock override for scripted sessions: HH:MM on the session's day, 'D HH:MM' (day number), "
                + "'YYYY-MM-DD HH:MM', RFC 3339, or +5m / +1:30 after the last event. It may never go backwards."))
    var at: String?
}

/// A verb of `palabre do`: a nested command of ``VerbLine`` that checks its own arguments in
/// `validate()` (before the session is even read) and builds a ``Command`` against the state.
protocol Verb: ParsableCommand {
    /// `--seat` and `--at`.
    var clock: SeatAndClock { get }
    /// The command this verb asks for, resolving names against `state`. Throws ``Refusal`` when
    /// a name (item, person, partner) is unknown.
    func command(_ state: SessionState) throws -> Command
}

/// The language refusals of the verbs are written in while a line is parsed: the session's.
enum VerbLanguage {
    @TaskLocal static var current: Language = .en
}

/// A value refused in `validate()`, in the session's language.
private func invalid(_ r: Refusal) -> ValidationError { ValidationError(r.message(VerbLanguage.current)) }

/// Runs a value parser in `validate()`: its refusal becomes the verb's validation error.
func check<T>(_ body: () throws(Refusal) -> T) throws {
    do { _ = try body() } catch { throw invalid(error) }
}

/// Words joined into one text (so `note Été œ` and `note "Été œ"` are the same).
private func joined(_ words: [String]) -> String { words.joined(separator: " ") }

/// Refuses an option the verb does not know among the words of a status (which keeps the
/// words it does not recognise, so that « en retard » is one status): `--bogus x` is an unknown
/// option, never part of the status.
private func refuseUnknownOption(_ words: [String]) throws {
    guard let w = words.first(where: { $0.hasPrefix("-") && $0.count > 1 && !$0.dropFirst().allSatisfy(\.isNumber) })
    else { return }
    let lang = VerbLanguage.current
    throw ValidationError(lang == .fr ? "option inconnue « \(w) »." : "unknown option \"\(w)\".")
}

/// The root of the verbs: `palabre do SESSION VERB …` and each line of `palabre script` are
/// parsed by it, so both accept the same verbs, options and values and refuse them alike.
struct VerbLine: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "palabre do SESSION",
        abstract: "One command for a session.",
        subcommands: [
            OpenVerb.self, CloseVerb.self, StartDayVerb.self, EndDayVerb.self, StartItemVerb.self, PauseVerb.self,
            ResumeVerb.self, ExtendVerb.self, SetRemainingVerb.self, EndItemVerb.self, SkipItemVerb.self,
            InsertItemVerb.self, MoveItemVerb.self, CarryOverVerb.self, RequestFloorVerb.self, GiveFloorVerb.self,
            YieldVerb.self, RemoveSpeakerVerb.self,
            ReorderSpeakerVerb.self, SpeakingLimitVerb.self, NoteVerb.self, DecisionVerb.self, QuestionVerb.self,
            AnswerVerb.self, PerspectiveVerb.self, OrganiserCommitmentVerb.self, VoteVerb.self, RecommendationVerb.self,
            ActionVerb.self, CommitmentVerb.self, AmendVerb.self, RetractVerb.self, AdoptVerb.self,
            CheckInVerb.self, CheckInYesterdayVerb.self, WalkInVerb.self, CheckOutVerb.self, InterestVerb.self,
            SynergyVerb.self,
            CommitmentStatusVerb.self,
            WithdrawVerb.self, ActionStatusVerb.self, FicheStatusVerb.self, ReviewVerb.self, UndoVerb.self,
        ])

    /// The verbs by name.
    static let verbs: [String: any Verb.Type] = {
        var table: [String: any Verb.Type] = [:]
        for case let type as any Verb.Type in configuration.subcommands {
            table[type._commandName] = type
        }
        return table
    }()

    /// How the ambiguous amounts of `verb` were read (``Values/amountReading(_:language:)``),
    /// to print once it is recorded.
    static func readings(_ verb: any Verb, language: Language) -> [String] {
        let amount = (verb as? CommitmentVerb)?.amount ?? (verb as? AmendVerb)?.amount
        return amount.flatMap { Values.amountReading($0, language: language) }.map { [$0] } ?? []
    }

    /// The help of a verb, asked with `--help`.
    struct Help: Error { var text: String }

    /// Parses one verb line (`note "Le texte" --seat rapporteur`). Throws ``Help`` for `--help`,
    /// ``UserError`` (exit 2) for an unknown verb, option, a missing or malformed argument —
    /// in `language`, with the verb's usage.
    static func parse(_ words: [String], language: Language) throws -> any Verb {
        let fr = language == .fr
        guard let name = words.first else {
            throw UserError(
                description: fr ? "donnez un verbe (palabre do --help les liste)." : "give a verb (palabre do --help).",
                code: 2)
        }
        guard let type = verbs[name] else {
            let echo = Text.echo(String(name.prefix(60)))
            if name.hasPrefix("-") {
                throw UserError(
                    description: fr
                        ? "le verbe vient d'abord, puis ses options : palabre do SESSION VERBE [--seat S] [--at H] …"
                        : "the verb comes first, then its options: palabre do SESSION VERB [--seat S] [--at T] …",
                    code: 2)
            }
            let known = verbs.keys.sorted().joined(separator: ", ")
            throw UserError(
                description: fr
                    ? "verbe inconnu « \(echo) » ; verbes : \(known)."
                    : "unknown verb \"\(echo)\"; known verbs: \(known).",
                code: 2)
        }
        do {
            // The verb's own type parses the rest: the same checks as through the root, without
            // building the whole tree of verbs for every line of a long script.
            let parsed = try VerbLanguage.$current.withValue(language) { try type.parse(Array(words.dropFirst())) }
            guard let verb = parsed as? any Verb else { throw Help(text: helpMessage(for: type, columns: 100)) }
            return verb
        } catch let h as Help {
            throw h
        } catch {
            if exitCode(for: error) == .success { throw Help(text: helpMessage(for: type, columns: 100)) }
            let raw = type.message(for: error)
            var message = ParserMessages.translate(raw, verb: name, language: language)
            // A dash word the verb does not know leaves its argument « missing »: name the word instead.
            if raw.hasPrefix("Missing expected argument"),
                let stray = ParserMessages.unknownDashWord(
                    Array(words.dropFirst()), usage: helpMessage(for: type, columns: 10_000))
            {
                message = ParserMessages.translate("Unknown option '\(stray)'", verb: name, language: language)
            }
            throw UserError(
                description: "\(name): \(message)\n" + (fr ? "Usage : " : "Usage: ") + usageString(for: type), code: 2)
        }
    }

    /// The folder of the session whose state the verbs are building commands for (set by
    /// ``apply(_:to:script:)``): where a `review` finds the earlier sessions.
    @TaskLocal static var folder: String = "."

    /// The review of entry `seq` of the earlier session `source`, read from disk: refused when
    /// the programme does not follow it, when it cannot be read or has no such open entry. The
    /// amount (a commitment's total disbursed) is read in the commitment's currency.
    static func review(
        source: String, seq: Int, status: String, note: String?, amount: String? = nil, date: String? = nil,
        state s: SessionState
    ) throws
        -> Command
    {
        var p = s.programme
        p.follows = p.follows.filter { $0 == source }
        guard !p.follows.isEmpty else {
            throw Refusal(.notFollowed(session: source, known: ""))
        }
        let loaded = PreviousSessions.load(for: p, folder: folder)
        guard let previous = loaded.sessions.first else {
            throw Refusal(.previousUnreadable(session: source, problems: loaded.problems.joined()))
        }
        guard let entry = previous.open.first(where: { $0.entry == seq }) else {
            throw Refusal(.notOpen(session: source, seq: seq))
        }
        let st: ReviewedStatus =
            entry.kind == .commitment
            ? .commitment(try Values.followUpStatus(status)) : .action(try Values.actionStatus(status))
        let currency = previous.state.entry(seq)?.content.currency ?? previous.state.programme.currency
        return .reviewPrevious(
            source: entry, status: st, note: note,
            amount: try amount.map { a throws(Refusal) in
                try Values.amount(a, language: s.programme.language, currency: currency)
            }, date: try date.map(Values.date))
    }

    /// Applies one parsed verb to `store`: under the journal's lock, folds what other seats
    /// wrote, builds the command, decides and records (marking the events with `script`).
    /// The one path of `palabre do` and `palabre script`. Throws ``UserError`` (bad `--at`),
    /// ``Refusal`` or ``JournalError``.
    static func apply(_ verb: any Verb, to store: SessionStore, script: ScriptLine? = nil) throws -> [Event] {
        try store.log.withLock {
            try store.refresh()
            var cmd: Command
            do {
                cmd = try VerbLine.$folder.withValue(store.folder) { try verb.command(store.state) }
            } catch  where store.state.isForDeciding {
                // A verb naming an entry finds it in the whole journal only.
                try store.foldInFull()
                cmd = try VerbLine.$folder.withValue(store.folder) { try verb.command(store.state) }
            }
            if store.state.isForDeciding, !cmd.isDecidedWithoutRecords {
                try store.foldInFull()
                cmd = try VerbLine.$folder.withValue(store.folder) { try verb.command(store.state) }
            }
            let now = try ClockOverride.instant(verb.clock.at, state: store.state, command: cmd)
            return try store.perform(cmd, seat: verb.clock.seat.rawValue, at: now, script: script)
        }
    }
}

/// The parser's own messages (unknown option, missing argument…) in the session's language,
/// with the way to write a text that starts with a dash.
enum ParserMessages {
    /// `message` from swift-argument-parser, in `language`, with a hint for unknown options.
    static func translate(_ message: String, verb: String, language: Language) -> String {
        let fr = language == .fr
        let dash =
            fr
            ? " Un texte qui commence par un tiret se met après -- : palabre do SESSION \(verb) -- -texte."
            : " A text starting with a dash goes after --: palabre do SESSION \(verb) -- -text."
        if let v = quoted(message, after: "Unknown option ") {
            if v.count > 1, v.dropFirst().allSatisfy({ $0.isNumber || $0 == "," || $0 == "." }) {
                return fr
                    ? "« \(v) » : un nombre négatif n'a pas de sens ici."
                    : "“\(v)”: a negative number means nothing here."
            }
            return (fr ? "option inconnue « \(v) »." : "unknown option \"\(v)\".") + dash
        }
        if var v = quoted(message, after: "Missing expected argument ") {
            if v.hasSuffix(" ...") { v = String(v.dropLast(4)) }
            return fr ? "argument manquant : \(v)." : "missing argument: \(v)."
        }
        if let v = quoted(message, after: "Missing value for ") {
            return fr ? "valeur manquante pour \(v)." : "missing value for \(v)."
        }
        if let v = quoted(message, after: "Unexpected argument ") {
            return fr ? "argument en trop « \(v) »." : "unexpected argument \"\(v)\"."
        }
        if message.contains("unexpected arguments: ") {
            let list = message.components(separatedBy: "unexpected arguments: ").last ?? ""
            return fr ? "arguments en trop : \(list)." : "unexpected arguments: \(list)."
        }
        if message.hasPrefix("The value '"), let range = message.range(of: "' is invalid for '") {
            let value = message[message.index(message.startIndex, offsetBy: 11)..<range.lowerBound]
            let rest = message[range.upperBound...]
            let option = rest.prefix { $0 != "'" }
            let choices = rest.range(of: "Please provide one of ").map { String(rest[$0.upperBound...]) } ?? ""
            if fr {
                return "valeur « \(value) » invalide pour \(option)"
                    + (choices.isEmpty
                        ? "." : " ; valeurs possibles : \(choices.replacingOccurrences(of: " or ", with: " ou "))")
            }
            return "invalid value \"\(value)\" for \(option)" + (choices.isEmpty ? "." : "; one of \(choices)")
        }
        return message
    }

    /// The first word of `words` (before `--`) that starts with a dash but is no option of the
    /// verb whose help is `usage`, nor a value following an option; nil when there is none.
    static func unknownDashWord(_ words: [String], usage: String) -> String? {
        let known = Set(
            usage.split(whereSeparator: { " []".contains($0) }).filter { $0.hasPrefix("-") }.map(String.init)
                + ["-h", "--help"])
        var previousTakesValue = false
        for w in words {
            if w == "--" { return nil }
            if previousTakesValue { previousTakesValue = false; continue }
            guard w.hasPrefix("-"), w.count > 1 else { continue }
            let name = String(w.split(separator: "=", maxSplits: 1)[0])
            if !known.contains(name) { return name }
            previousTakesValue = !w.contains("=") && usage.contains("\(name) <")
        }
        return nil
    }

    /// The text between the first pair of single quotes after `prefix`, when `message` starts with it.
    private static func quoted(_ message: String, after prefix: String) -> String? {
        guard message.hasPrefix(prefix) else { return nil }
        let rest = message.dropFirst(prefix.count)
        guard rest.first == "'", let end = rest.dropFirst().firstIndex(of: "'") else { return nil }
        return String(rest[rest.index(after: rest.startIndex)..<end])
    }
}

// MARK: - The verbs

struct OpenVerb: Verb {
    static let configuration = CommandConfiguration(commandName: "open", abstract: "Open the session.")
    @OptionGroup var clock: SeatAndClock
    func command(_ s: SessionState) throws -> Command { .openSession }
}

struct CloseVerb: Verb {
    static let configuration = CommandConfiguration(commandName: "close", abstract: "Close the session (final).")
    @OptionGroup var clock: SeatAndClock
    func command(_ s: SessionState) throws -> Command { .closeSession }
}

struct EndDayVerb: Verb {
    static let configuration = CommandConfiguration(commandName: "end-day", abstract: "End the day under way.")
    @OptionGroup var clock: SeatAndClock
    func command(_ s: SessionState) throws -> Command { .endDay }
}

struct PauseVerb: Verb {
    static let configuration = CommandConfiguration(commandName: "pause", abstract: "Pause the current item.")
    @OptionGroup var clock: SeatAndClock
    func command(_ s: SessionState) throws -> Command { .pauseItem }
}

struct ResumeVerb: Verb {
    static let configuration = CommandConfiguration(commandName: "resume", abstract: "Resume the paused item.")
    @OptionGroup var clock: SeatAndClock
    func command(_ s: SessionState) throws -> Command { .resumeItem }
}

struct EndItemVerb: Verb {
    static let configuration = CommandConfiguration(commandName: "end-item", abstract: "End the current item.")
    @OptionGroup var clock: SeatAndClock
    func command(_ s: SessionState) throws -> Command { .endItem }
}

struct YieldVerb: Verb {
    static let configuration = CommandConfiguration(commandName: "yield", abstract: "The speaker yields the floor.")
    @OptionGroup var clock: SeatAndClock
    func command(_ s: SessionState) throws -> Command { .yieldFloor }
}

struct StartDayVerb: Verb {
    static let configuration = CommandConfiguration(commandName: "start-day", abstract: "Start a day.")
    @OptionGroup var clock: SeatAndClock
    @Argument(help: "Day to start (YYYY-MM-DD); default: the programme's next day not yet started.") var date: String?
    @Flag(help: "Start it even though another day was already held on today's date.") var force = false
    func validate() throws { if let date { try check { () throws(Refusal) in try Values.date(date) } } }
    func command(_ s: SessionState) throws -> Command {
        .startDay(date: try date.map(Values.date), force: force)
    }
}

struct StartItemVerb: Verb {
    static let configuration = CommandConfiguration(commandName: "start-item", abstract: "Start an agenda item.")
    @OptionGroup var clock: SeatAndClock
    @Argument(help: "Item id; default: the next planned item of the day.") var item: String?
    func command(_ s: SessionState) throws -> Command { .startItem(id: item) }
}

struct SkipItemVerb: Verb {
    static let configuration = CommandConfiguration(commandName: "skip-item", abstract: "Skip a planned item.")
    @OptionGroup var clock: SeatAndClock
    @Argument(help: "Item id; default: the next planned item.") var item: String?
    func command(_ s: SessionState) throws -> Command { .skipItem(id: item) }
}

struct ExtendVerb: Verb {
    static let configuration = CommandConfiguration(
        commandName: "extend", abstract: "Extend the current item (a negative duration shortens it).")
    @OptionGroup var clock: SeatAndClock
    // Unrecognized inputs are kept so that `-5` is a value, not an option.
    @Argument(parsing: .allUnrecognized, help: "Minutes to add (5, 1,5, 1h, 90s; -5 shortens).") var minutes: [String]
    /// The words after the verb, a `--` before them dropped (`extend -- -5` is `extend -5`).
    var words: [String] { minutes.first == "--" ? Array(minutes.dropFirst()) : minutes }
    func validate() throws {
        let lang = VerbLanguage.current
        let minutes = words
        guard let first = minutes.first else {
            throw ValidationError(lang == .fr ? "argument manquant : <minutes>." : "missing argument: <minutes>.")
        }
        if minutes.count > 1 || (first.hasPrefix("--") && first.count > 2) {
            let extra = minutes.count > 1 ? minutes[1] : first
            throw ValidationError(
                extra.hasPrefix("-")
                    ? (lang == .fr ? "option inconnue « \(extra) »." : "unknown option \"\(extra)\".")
                    : (lang == .fr ? "argument en trop « \(extra) »." : "unexpected argument \"\(extra)\"."))
        }
        try check { () throws(Refusal) in try Values.duration(first, signed: true) }
    }
    func command(_ s: SessionState) throws -> Command {
        .extendItem(seconds: try Values.duration(words.first ?? "", signed: true))
    }
}

struct SetRemainingVerb: Verb {
    static let configuration = CommandConfiguration(
        commandName: "set-remaining", abstract: "Set the time left on the current item (10, 1h, 90s).")
    @OptionGroup var clock: SeatAndClock
    @Argument(help: "Time left, in minutes (or 1h, 90s).") var minutes: String
    func validate() throws { try check { () throws(Refusal) in try Values.duration(minutes) } }
    func command(_ s: SessionState) throws -> Command { .setRemaining(seconds: try Values.duration(minutes)) }
}

struct InsertItemVerb: Verb {
    static let configuration = CommandConfiguration(commandName: "insert-item", abstract: "Insert an unplanned item.")
    @OptionGroup var clock: SeatAndClock
    @Argument(help: "Title of the unplanned item.") var title: [String]
    @Option(parsing: .unconditional, help: "Duration in minutes (or 1h30, 20m).") var minutes: String
    @Option(
        help: ArgumentHelp(
            "Kind: \(ItemKind.allCases.map(\.rawValue).joined(separator: ", ")) (French words also: pause, débat, "
                + "synthèse…)."))
    var kind: String = "other"
    @Option(help: "Insert after this item (default: after the current one).") var after: String?
    func validate() throws {
        try check { () throws(Refusal) in try Values.duration(minutes) }
        try check { () throws(Refusal) in try Values.itemKind(kind) }
    }
    func command(_ s: SessionState) throws -> Command {
        .insertItem(
            title: joined(title), seconds: try Values.duration(minutes), kind: try Values.itemKind(kind), after: after)
    }
}

struct MoveItemVerb: Verb {
    static let configuration = CommandConfiguration(
        commandName: "move-item", abstract: "Move a planned item (within its day with --after alone).")
    @OptionGroup var clock: SeatAndClock
    @Argument(help: "Item id.") var item: String
    @Option(help: "Day to move it to (YYYY-MM-DD or DD/MM/YYYY); default: the day of --after, else its own day.")
    var day: String?
    @Option(help: "Place it after this item (default: first of the day).") var after: String?
    func validate() throws {
        if let day { try check { () throws(Refusal) in try Values.date(day) } }
        if day == nil && after == nil {
            let fr = VerbLanguage.current == .fr
            throw ValidationError(
                fr
                    ? "dites où : --after POINT (même journée) ou --day AAAA-MM-JJ."
                    : "say where: --after ITEM (same day) or --day YYYY-MM-DD.")
        }
    }
    func command(_ s: SessionState) throws -> Command {
        let anchorDay = after.flatMap { s.item($0) }.map { s.days[$0.day].date }
        let ownDay = s.item(item).map { s.days[$0.day].date }
        let date = try day.map(Values.date) ?? anchorDay ?? ownDay ?? ""
        return .moveItem(id: item, day: date, after: after)
    }
}

struct CarryOverVerb: Verb {
    static let configuration = CommandConfiguration(
        commandName: "carry-over",
        abstract: "Carry the items not treated on the day (under way, or last ended) to the next day.")
    @OptionGroup var clock: SeatAndClock
    func command(_ s: SessionState) throws -> Command { .carryOver }
}

struct RequestFloorVerb: Verb {
    static let configuration = CommandConfiguration(commandName: "request-floor", abstract: "Ask for the floor.")
    @OptionGroup var clock: SeatAndClock
    @Argument(help: "Who asks for the floor.") var who: [String]
    @Flag(name: .customLong("point-of-order"), help: "A point of order (motion d'ordre): ahead of ordinary requests.")
    var pointOfOrder = false
    func command(_ s: SessionState) throws -> Command {
        .requestFloor(who: try s.resolve(who: joined(who)), pointOfOrder: pointOfOrder)
    }
}

struct GiveFloorVerb: Verb {
    static let configuration = CommandConfiguration(commandName: "give-floor", abstract: "Give the floor.")
    @OptionGroup var clock: SeatAndClock
    @Argument(help: "Who gets the floor; default: the head of the queue.") var who: [String] = []
    func command(_ s: SessionState) throws -> Command {
        .giveFloor(who: who.isEmpty ? nil : try s.resolve(who: joined(who)))
    }
}

struct RemoveSpeakerVerb: Verb {
    static let configuration = CommandConfiguration(
        commandName: "remove-speaker", abstract: "Take someone out of the queue.")
    @OptionGroup var clock: SeatAndClock
    @Argument(help: "Who to take out of the queue.") var who: [String]
    func command(_ s: SessionState) throws -> Command { .removeSpeaker(who: try s.resolve(who: joined(who))) }
}

struct ReorderSpeakerVerb: Verb {
    static let configuration = CommandConfiguration(
        commandName: "reorder-speaker", abstract: "Move someone in the queue.")
    @OptionGroup var clock: SeatAndClock
    @Argument(help: "Who to move in the queue.") var who: String
    @Argument(parsing: .allUnrecognized, help: "New place, 1 for the head of the queue.") var position: [String]
    func validate() throws {
        guard let p = position.first else {
            let fr = VerbLanguage.current == .fr
            throw ValidationError(fr ? "argument manquant : <position>." : "missing argument: <position>.")
        }
        if position.count > 1 {
            let fr = VerbLanguage.current == .fr
            throw ValidationError(
                fr ? "argument en trop « \(position[1]) »." : "unexpected argument \"\(position[1])\".")
        }
        try check { () throws(Refusal) in try Values.position(p) }
    }
    func command(_ s: SessionState) throws -> Command {
        .reorderSpeaker(who: try s.resolve(who: who), position: try Values.position(position.first ?? "") - 1)
    }
}

struct SpeakingLimitVerb: Verb {
    static let configuration = CommandConfiguration(
        commandName: "speaking-limit", abstract: "Set the speaking time per speaker for the current item.")
    @OptionGroup var clock: SeatAndClock
    @Argument(help: "Minutes per speaker, or `none`.") var minutes: String
    func validate() throws { try check { () throws(Refusal) in try Values.speakingLimit(minutes) } }
    func command(_ s: SessionState) throws -> Command { .setSpeakingLimit(seconds: try Values.speakingLimit(minutes)) }
}

/// note, decision, question, answer, perspective, organiser-commitment: text entries. A text
/// that starts with a dash goes after `--` (`note -- -5 % de frais`): an unknown option is
/// refused rather than silently taken into the text.
protocol EntryVerb: Verb {
    /// The kind of entry the verb records.
    static var kind: EntryKind { get }
    /// The words of the text.
    var text: [String] { get }
}

extension EntryVerb {
    func command(_ s: SessionState) throws -> Command { .record(EntryContent(kind: Self.kind, text: joined(text))) }
}

struct NoteVerb: EntryVerb {
    static let configuration = CommandConfiguration(commandName: "note", abstract: "Record a note.")
    static let kind = EntryKind.note
    @OptionGroup var clock: SeatAndClock
    @Argument(help: "Text of the note (after -- when it starts with a dash).") var text: [String]
}

struct DecisionVerb: EntryVerb {
    static let configuration = CommandConfiguration(commandName: "decision", abstract: "Record a decision.")
    static let kind = EntryKind.decision
    @OptionGroup var clock: SeatAndClock
    @Argument(help: "Text of the decision (after -- when it starts with a dash).") var text: [String]
}

struct QuestionVerb: EntryVerb {
    static let configuration = CommandConfiguration(commandName: "question", abstract: "Record a question.")
    static let kind = EntryKind.question
    @OptionGroup var clock: SeatAndClock
    @Argument(help: "Text of the question (after -- when it starts with a dash).") var text: [String]
}

struct AnswerVerb: EntryVerb {
    static let configuration = CommandConfiguration(commandName: "answer", abstract: "Record an answer.")
    static let kind = EntryKind.answer
    @OptionGroup var clock: SeatAndClock
    @Argument(help: "Text of the answer (after -- when it starts with a dash).") var text: [String]
}

struct PerspectiveVerb: EntryVerb {
    static let configuration = CommandConfiguration(
        commandName: "perspective", abstract: "Record a perspective (the minutes' « Perspectives »).")
    static let kind = EntryKind.perspective
    @OptionGroup var clock: SeatAndClock
    @Argument(help: "Text of the perspective (after -- when it starts with a dash).") var text: [String]
}

struct OrganiserCommitmentVerb: EntryVerb {
    static let configuration = CommandConfiguration(
        commandName: "organiser-commitment", abstract: "Record a commitment of the organisers.")
    static let kind = EntryKind.organiserCommitment
    @OptionGroup var clock: SeatAndClock
    @Argument(help: "Text of the commitment (after -- when it starts with a dash).") var text: [String]
}

/// `vote "Budget 2027" --for 9 --against 2 --abstentions 1 --outcome adopted`: the result of a
/// vote (délibération); counts are optional (a show of hands), the outcome is required.
struct VoteVerb: Verb {
    static let configuration = CommandConfiguration(
        commandName: "vote", abstract: "Record the result of a vote: for, against, abstentions, adopted or rejected.")
    @OptionGroup var clock: SeatAndClock
    @Argument(help: "What was put to the vote (after -- when it starts with a dash).") var text: [String]
    @Option(name: .customLong("for"), help: "Number of votes for.") var votesFor: String?
    @Option(name: .customLong("against"), help: "Number of votes against.") var votesAgainst: String?
    @Option(help: "Number of abstentions.") var abstentions: String?
    @Option(help: "adopted or rejected (adopté, rejeté).") var outcome: String
    func validate() throws {
        for n in [votesFor, votesAgainst, abstentions].compactMap({ $0 }) {
            try check { () throws(Refusal) in try Values.voteCount(n) }
        }
        try check { () throws(Refusal) in try Values.voteOutcome(outcome) }
    }
    func command(_ s: SessionState) throws -> Command {
        .record(
            EntryContent(
                kind: .vote, text: joined(text), votesFor: try votesFor.map(Values.voteCount),
                votesAgainst: try votesAgainst.map(Values.voteCount),
                abstentions: try abstentions.map(Values.voteCount),
                outcome: try Values.voteOutcome(outcome)))
    }
}

struct RecommendationVerb: Verb {
    static let configuration = CommandConfiguration(
        commandName: "recommendation", abstract: "Record a recommendation.")
    @OptionGroup var clock: SeatAndClock
    @Argument(help: "Text of the recommendation.") var text: [String]
    @Option(help: "Addressee (à l'endroit de).") var to: String?
    @Option(help: "Responsible for following it up.") var responsible: String?
    @Option(help: "Deadline (YYYY-MM-DD or text).") var due: String?
    func command(_ s: SessionState) throws -> Command {
        .record(
            EntryContent(
                kind: .recommendation, text: joined(text), addressee: to.map { s.responsibleText($0) },
                responsible: responsible.map { s.responsibleText($0) }, due: due))
    }
}

struct ActionVerb: Verb {
    static let configuration = CommandConfiguration(commandName: "action", abstract: "Record an action.")
    @OptionGroup var clock: SeatAndClock
    @Argument(help: "The activity.") var text: [String]
    @Option(help: "Who is responsible.") var responsible: String
    @Option(help: "Deadline (YYYY-MM-DD or text).") var due: String?
    func command(_ s: SessionState) throws -> Command {
        .record(
            EntryContent(kind: .action, text: joined(text), responsible: s.responsibleText(responsible), due: due))
    }
}

struct CommitmentVerb: Verb {
    static let configuration = CommandConfiguration(
        commandName: "commitment", abstract: "Record a partner's commitment to a project fiche.")
    @OptionGroup var clock: SeatAndClock
    @Argument(help: "Optional description (generated when omitted).") var text: [String] = []
    @Option(help: "Partner (organisation id, acronym or name).") var partner: String
    @Option(help: "Project fiche id.") var fiche: String
    @Option(
        parsing: .unconditional,
        help: "Amount, exact: 2500000, '2 500 000', 1,250,000 (English session), '2,5 millions', 2.5M.") var amount:
        String?
    @Option(help: "Currency (default: the fiche's).") var currency: String?
    @Option(help: "financial, technical or study.") var nature: String = "financial"
    @Option(help: "announced, intention, confirmed or signed.") var status: String = "announced"
    @Option(help: "Conditions attached.") var conditions: String?
    @Option(help: "Deadline.") var due: String?
    func validate() throws {
        try check { () throws(Refusal) in try Values.nature(nature) }
        try check { () throws(Refusal) in try Values.status(status) }
        if let amount {
            try check { () throws(Refusal) in
                try Values.amount(amount, language: VerbLanguage.current, currency: currency)
            }
        }
        if let currency { try check { () throws(Refusal) in try Values.currency(currency) } }
    }
    func command(_ s: SessionState) throws -> Command {
        let partner = try s.resolve(who: partner)
        let fiche = knownFiche(fiche, s)
        return .record(
            EntryContent(
                kind: .commitment, text: joined(text), due: due, partner: partner, fiche: fiche,
                nature: try Values.nature(nature),
                amount: try amount.map { try Values.amount($0, language: s.programme.language, currency: currency) },
                currency: currency,
                status: try Values.status(status), conditions: conditions))
    }
}

struct AmendVerb: Verb {
    static let configuration = CommandConfiguration(commandName: "amend", abstract: "Amend an entry.")
    @OptionGroup var clock: SeatAndClock
    @Argument(help: "Seq of the entry.") var seq: String
    @Argument(help: "New text (default: unchanged when a field is corrected).") var text: [String] = []
    @Option(help: "Why it is amended.") var reason: String
    @Option(help: "Commitment: partner (organisation id, acronym or name).") var partner: String?
    @Option(help: "Commitment: project fiche id.") var fiche: String?
    @Option(parsing: .unconditional, help: "Commitment: amount, exact (2500000, '2 500 000').") var amount: String?
    @Option(help: "Commitment: currency.") var currency: String?
    @Option(help: "Commitment: financial, technical or study.") var nature: String?
    @Option(help: "Commitment: announced, intention, confirmed or signed.") var status: String?
    @Option(help: "Commitment: conditions attached.") var conditions: String?
    @Option(help: "Action, recommendation: who is responsible.") var responsible: String?
    @Option(name: [.customLong("addressee"), .customLong("to")], help: "Recommendation: addressee (à l'endroit de).")
    var addressee: String?
    @Option(help: "Deadline (YYYY-MM-DD or text).") var due: String?
    @Option(name: .customLong("for"), help: "Vote: number of votes for.") var votesFor: String?
    @Option(name: .customLong("against"), help: "Vote: number of votes against.") var votesAgainst: String?
    @Option(help: "Vote: number of abstentions.") var abstentions: String?
    @Option(help: "Vote: adopted or rejected.") var outcome: String?
    func validate() throws {
        try check { () throws(Refusal) in try Values.entryNumber(seq) }
        for n in [votesFor, votesAgainst, abstentions].compactMap({ $0 }) {
            try check { () throws(Refusal) in try Values.voteCount(n) }
        }
        if let outcome { try check { () throws(Refusal) in try Values.voteOutcome(outcome) } }
        if let nature { try check { () throws(Refusal) in try Values.nature(nature) } }
        if let status { try check { () throws(Refusal) in try Values.status(status) } }
        if let amount {
            try check { () throws(Refusal) in
                try Values.amount(amount, language: VerbLanguage.current, currency: currency)
            }
        }
        if let currency { try check { () throws(Refusal) in try Values.currency(currency) } }
        if text.isEmpty
            && [
                partner, fiche, amount, currency, nature, status, conditions, responsible, addressee, due, votesFor,
                votesAgainst, abstentions, outcome,
            ]
            .allSatisfy({ $0 == nil })
        {
            throw ValidationError(
                VerbLanguage.current == .fr
                    ? "donnez le nouveau texte, ou un champ à corriger (--amount, --status, --due…)."
                    : "give the new text, or a field to correct (--amount, --status, --due…).")
        }
    }
    func command(_ s: SessionState) throws -> Command {
        let changes = EntryChanges(
            addressee: addressee.map { s.responsibleText($0) },
            responsible: responsible.map { s.responsibleText($0) }, due: due,
            partner: try partner.map { try s.resolve(who: $0) }, fiche: try fiche.map { knownFiche($0, s) },
            nature: try nature.map(Values.nature),
            amount: try amount.map { try Values.amount($0, language: s.programme.language, currency: currency) },
            currency: currency,
            status: try status.map(Values.status), conditions: conditions,
            votesFor: try votesFor.map(Values.voteCount), votesAgainst: try votesAgainst.map(Values.voteCount),
            abstentions: try abstentions.map(Values.voteCount), outcome: try outcome.map(Values.voteOutcome))
        return .amend(entry: try Values.entryNumber(seq), text: joined(text), reason: reason, changes: changes)
    }
}

struct RetractVerb: Verb {
    static let configuration = CommandConfiguration(commandName: "retract", abstract: "Retract an entry.")
    @OptionGroup var clock: SeatAndClock
    @Argument(help: "Seq of the entry.") var seq: String
    @Option(help: "Why it is retracted.") var reason: String
    func validate() throws { try check { () throws(Refusal) in try Values.entryNumber(seq) } }
    func command(_ s: SessionState) throws -> Command { .retract(entry: try Values.entryNumber(seq), reason: reason) }
}

struct AdoptVerb: Verb {
    static let configuration = CommandConfiguration(
        commandName: "adopt", abstract: "Mark an entry as read and adopted.")
    @OptionGroup var clock: SeatAndClock
    @Argument(help: "Seq of the entry read and adopted.") var seq: String
    func validate() throws { try check { () throws(Refusal) in try Values.entryNumber(seq) } }
    func command(_ s: SessionState) throws -> Command { .adopt(entry: try Values.entryNumber(seq)) }
}

struct CheckInVerb: Verb {
    static let configuration = CommandConfiguration(commandName: "check-in", abstract: "Check a participant in.")
    @OptionGroup var clock: SeatAndClock
    @Argument(help: "Participant (id or text).") var who: [String]
    @Option(help: "Day (default: the day under way).") var day: String?
    func command(_ s: SessionState) throws -> Command { .checkIn(who: try s.resolve(who: joined(who)), day: day) }
}

struct CheckInYesterdayVerb: Verb {
    static let configuration = CommandConfiguration(
        commandName: "check-in-yesterday",
        abstract: "Check in everyone present the day before (undo SEQ takes an absent one back).")
    @OptionGroup var clock: SeatAndClock
    func command(_ s: SessionState) throws -> Command { .checkInPresentYesterday }
}

struct WalkInVerb: Verb {
    static let configuration = CommandConfiguration(
        commandName: "walk-in",
        abstract: "Add a participant who was not on the list, checked in for the day under way.")
    @OptionGroup var clock: SeatAndClock
    @Argument(help: "Function (« Maire de Koula »).") var function: [String]
    @Option(help: "Organisation or commune id.") var organisation: String?
    @Option(help: "Commune id.") var commune: String?
    @Option(help: "F, M or unspecified.") var sex: String = "unspecified"
    @Option(
        help:
            "Category: partner, commune, state-service, civil society (ngo), private, organiser or other (default: the organisation's)."
    )
    var category: String?
    @Option(help: "Personal name (optional).") var name: String?
    @Option(help: "Id (default: generated).") var id: String?
    @Flag(help: "Add them without checking them in (registered before they arrive).") var noCheckIn = false
    func validate() throws {
        try check { () throws(Refusal) in try Values.sex(sex) }
        if let category { try check { () throws(Refusal) in try Values.category(category) } }
    }
    func command(_ s: SessionState) throws -> Command {
        let p = Participant(
            id: id ?? "", function: joined(function), organisation: organisation,
            commune: commune, sex: try Values.sex(sex), name: name, category: try category.flatMap(Values.category))
        return noCheckIn ? .addParticipant(p) : .walkIn(p)
    }
}

struct CheckOutVerb: Verb {
    static let configuration = CommandConfiguration(
        commandName: "check-out",
        abstract: "Record that a participant leaves now (--at: when); attendance.csv counts the half days from it.")
    @OptionGroup var clock: SeatAndClock
    @Argument(help: "Participant (id or text).") var who: [String]
    func command(_ s: SessionState) throws -> Command { .checkOut(who: try s.resolve(who: joined(who))) }
}

/// A fiche id typed in any case (`tim-01` finds `TIM-01`); decide refuses an unknown one.
private func knownFiche(_ text: String, _ s: SessionState) -> String {
    s.programme.communes.flatMap(\.fiches).first { $0.id.lowercased() == text.lowercased() }?.id ?? text
}

struct InterestVerb: Verb {
    static let configuration = CommandConfiguration(
        commandName: "interest", abstract: "Record a partner's interest in a fiche.")
    @OptionGroup var clock: SeatAndClock
    @Argument(help: "Partner (organisation id, acronym or name).") var partner: String
    @Argument(help: "Project fiche id.") var fiche: String
    func command(_ s: SessionState) throws -> Command {
        .declareInterest(partner: try s.resolve(who: partner), fiche: knownFiche(fiche, s))
    }
}

struct SynergyVerb: Verb {
    static let configuration = CommandConfiguration(
        commandName: "synergy", abstract: "Mark partners acting together on a fiche.")
    @OptionGroup var clock: SeatAndClock
    @Argument(help: "Project fiche id.") var fiche: String
    @Option(help: "Partners acting together, separated by commas (UNICEF,OMS).") var partners: String
    @Option(help: "The lead partner (chef de file), one of --partners.") var lead: String?
    func command(_ s: SessionState) throws -> Command {
        let f = knownFiche(fiche, s)
        let ps = try partners.split(separator: ",").map { try s.resolve(who: String($0)) }
        return .markSynergy(fiche: f, partners: ps, lead: try lead.map { try s.resolve(who: $0) })
    }
}

struct CommitmentStatusVerb: Verb {
    static let configuration = CommandConfiguration(
        commandName: "commitment-status",
        abstract: "Change a commitment's status; after the close, its follow-up (--seat suivi).",
        discussion: """
            During the meeting: announced, intention, confirmed or signed. After the close (follow-up):
            intention, confirmed, signed, disbursed (--amount, default: what is left) or abandoned
            (--reason), on --date (YYYY-MM-DD, default: today).
            """)
    @OptionGroup var clock: SeatAndClock
    @Argument(help: "Seq of the commitment.") var seq: String
    @Argument(
        parsing: .allUnrecognized,
        help: "announced, intention, confirmed, signed; after the close also disbursed, abandoned.")
    var status: [String]
    @Option(parsing: .unconditional, help: "Follow-up: the amount disbursed.") var amount: String?
    @Option(parsing: .unconditional, help: "Follow-up: the date of the fact, YYYY-MM-DD (default: today).")
    var date: String?
    @Option(help: "Follow-up: why the commitment is abandoned.") var reason: String?
    func validate() throws {
        try refuseUnknownOption(status)
        try check { () throws(Refusal) in try Values.entryNumber(seq) }
        if (try? Values.status(joined(status))) == nil {
            try check { () throws(Refusal) in try Values.followUpStatus(joined(status)) }
        }
        if let date { try check { () throws(Refusal) in try Values.date(date) } }
        if let amount { try check { () throws(Refusal) in try Values.amount(amount, language: VerbLanguage.current) } }
    }
    func command(_ s: SessionState) throws -> Command {
        let entry = try Values.entryNumber(seq)
        let meeting = try? Values.status(joined(status))
        if s.closedAt == nil, let meeting, amount == nil, date == nil, reason == nil {
            return .changeCommitmentStatus(entry: entry, status: meeting)
        }
        let currency = s.entry(entry)?.content.currency ?? s.programme.currency
        return .followUpCommitment(
            entry: entry, status: try Values.followUpStatus(joined(status)),
            amount: try amount.map { a throws(Refusal) in
                try Values.amount(a, language: s.programme.language, currency: currency)
            }, date: try date.map(Values.date), note: reason)
    }
}

struct ActionStatusVerb: Verb {
    static let configuration = CommandConfiguration(
        commandName: "action-status",
        abstract: "After the close: an action's or a recommendation's follow-up (--seat suivi).")
    @OptionGroup var clock: SeatAndClock
    @Argument(help: "Seq of the action or recommendation.") var seq: String
    @Argument(
        parsing: .allUnrecognized, help: "started, done, late or dropped (commencée, réalisée, en retard, abandonnée).")
    var status: [String]
    @Option(parsing: .unconditional, help: "The date of the fact, YYYY-MM-DD (default: today).") var date: String?
    @Option(help: "A note (why it is late…).") var note: String?
    func validate() throws {
        try refuseUnknownOption(status)
        try check { () throws(Refusal) in try Values.entryNumber(seq) }
        try check { () throws(Refusal) in try Values.actionStatus(joined(status)) }
        if let date { try check { () throws(Refusal) in try Values.date(date) } }
    }
    func command(_ s: SessionState) throws -> Command {
        .followUpAction(
            entry: try Values.entryNumber(seq), status: try Values.actionStatus(joined(status)),
            date: try date.map(Values.date), note: note)
    }
}

struct FicheStatusVerb: Verb {
    static let configuration = CommandConfiguration(
        commandName: "fiche-status", abstract: "After the close: a project fiche's follow-up (--seat suivi).")
    @OptionGroup var clock: SeatAndClock
    @Argument(help: "Project fiche id.") var fiche: String
    @Argument(parsing: .allUnrecognized, help: "prepared, study-funded, works-started or done.") var status: [String]
    @Option(parsing: .unconditional, help: "The date of the fact, YYYY-MM-DD (default: today).") var date: String?
    @Option(help: "A note.") var note: String?
    func validate() throws {
        try refuseUnknownOption(status)
        try check { () throws(Refusal) in try Values.ficheStatus(joined(status)) }
        if let date { try check { () throws(Refusal) in try Values.date(date) } }
    }
    func command(_ s: SessionState) throws -> Command {
        .followUpFiche(
            fiche: knownFiche(fiche, s), status: try Values.ficheStatus(joined(status)),
            date: try date.map(Values.date),
            note: note)
    }
}

struct ReviewVerb: Verb {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Say how an open entry of an earlier session (programme key follows) stands now.",
        discussion: """
            SOURCE is the earlier session as the programme's follows names it (../segou-2023), SEQ
            the entry's seq in its journal (palabre log SOURCE). A commitment takes intention,
            confirmed, signed, disbursed or abandoned; an action or recommendation started, done,
            late or dropped. --date is the date of the fact (default: the meeting's day); --amount,
            for a commitment said disbursed, the total disbursed to that date. The earlier
            session's follow-up shows the review when its date is later than its own last update.
            """)
    @OptionGroup var clock: SeatAndClock
    @Argument(help: "The earlier session, as in follows.") var source: String
    @Argument(help: "Seq of the entry in the earlier session.") var seq: String
    @Argument(parsing: .allUnrecognized, help: "Its status now.") var status: [String]
    @Option(help: "A note for the minutes.") var note: String?
    @Option(parsing: .unconditional, help: "A commitment said disbursed: the total disbursed to --date.")
    var amount: String?
    @Option(parsing: .unconditional, help: "The date of the fact, YYYY-MM-DD (default: the meeting's day).")
    var date: String?
    func validate() throws {
        try refuseUnknownOption(status)
        try check { () throws(Refusal) in try Values.entryNumber(seq) }
        if let date { try check { () throws(Refusal) in try Values.date(date) } }
        if let amount { try check { () throws(Refusal) in try Values.amount(amount, language: VerbLanguage.current) } }
    }
    func command(_ s: SessionState) throws -> Command {
        try VerbLine.review(
            source: source, seq: Values.entryNumber(seq), status: joined(status), note: note, amount: amount,
            date: date, state: s)
    }
}

struct WithdrawVerb: Verb {
    static let configuration = CommandConfiguration(commandName: "withdraw", abstract: "Withdraw a commitment.")
    @OptionGroup var clock: SeatAndClock
    @Argument(help: "Seq of the commitment.") var seq: String
    @Option(help: "Why it is withdrawn.") var reason: String
    func validate() throws { try check { () throws(Refusal) in try Values.entryNumber(seq) } }
    func command(_ s: SessionState) throws -> Command {
        .withdrawCommitment(entry: try Values.entryNumber(seq), reason: reason)
    }
}

struct UndoVerb: Verb {
    static let configuration = CommandConfiguration(
        commandName: "undo", abstract: "Take back an event (entries are retracted instead).")
    @OptionGroup var clock: SeatAndClock
    @Argument(help: "Seq of the event to undo; default: this seat's last event still standing.") var seq: String?
    func validate() throws { if let seq { try check { () throws(Refusal) in try Values.entryNumber(seq) } } }
    func command(_ s: SessionState) throws -> Command { .undo(seq: try seq.map(Values.entryNumber)) }
}
