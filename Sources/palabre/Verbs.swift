import ArgumentParser
import Foundation
import PalabreCore

/// A verb of `palabre do`: parses its own arguments and builds a ``Command``.
protocol Verb: ParsableArguments {
    /// The command this verb asks for, resolving names against `state`.
    func command(_ state: SessionState) throws -> Command
}

/// Words joined into one text (so `note Été œ` and `note "Été œ"` are the same).
private func joined(_ words: [String]) -> String { words.joined(separator: " ") }

private func minutes(_ text: String, what: String) throws -> Int {
    guard let s = Durations.parse(text), s > 0 else {
        throw UserError(description: "\(what) \(text): not a duration; write minutes (5), or 1h30, 20m.", code: 2)
    }
    return s
}

/// A commitment's nature: the English value or its French word (financier, technique, étude).
private func natureArg(_ text: String) throws -> CommitmentNature {
    guard let n = CommitmentNature(rawValue: text) ?? Synonyms.nature[Text.fold(text)] else {
        throw UserError(description: "--nature \(text): expected financial, technical or study.", code: 2)
    }
    return n
}

/// A commitment's status: the English value or its French words (annoncé, confirmé, signé…);
/// `what` prefixes the message (the option's name).
private func statusArg(_ text: String, what: String) throws -> CommitmentStatus {
    guard let st = CommitmentStatus(rawValue: text) ?? Synonyms.status[Text.fold(text)] else {
        throw UserError(description: "\(what)\(text): expected announced, intention, confirmed or signed.", code: 2)
    }
    return st
}

/// An amount, exact integer (the one amount parser, ``Money/parse(_:)``).
private func amountArg(_ text: String) throws -> Int64 {
    guard let a = Money.parse(text) else {
        throw UserError(
            description: "--amount \(text): expected a whole positive number (2500000 or '2 500 " + "000').", code: 2)
    }
    return a
}

private func seqArg(_ s: String) throws -> Int {
    guard let n = Int(s.trimmingCharacters(in: CharacterSet(charactersIn: "#"))), n > 0 else {
        throw UserError(description: "\(s): not an entry number (the seq printed when it was recorded).", code: 2)
    }
    return n
}

struct OpenVerb: Verb { func command(_ s: SessionState) throws -> Command { .openSession } }
struct CloseVerb: Verb { func command(_ s: SessionState) throws -> Command { .closeSession } }
struct EndDayVerb: Verb { func command(_ s: SessionState) throws -> Command { .endDay } }
struct PauseVerb: Verb { func command(_ s: SessionState) throws -> Command { .pauseItem } }
struct ResumeVerb: Verb { func command(_ s: SessionState) throws -> Command { .resumeItem } }
struct EndItemVerb: Verb { func command(_ s: SessionState) throws -> Command { .endItem } }
struct YieldVerb: Verb { func command(_ s: SessionState) throws -> Command { .yieldFloor } }

struct StartDayVerb: Verb {
    @Argument(help: "Day to start (YYYY-MM-DD); default: the programme's next day not yet started.") var date: String?
    @Flag(help: "Start it even though another day was already held on today's date.") var force = false
    func command(_ s: SessionState) throws -> Command { .startDay(date: date, force: force) }
}

struct StartItemVerb: Verb {
    @Argument(help: "Item id; default: the next planned item of the day.") var item: String?
    func command(_ s: SessionState) throws -> Command { .startItem(id: item) }
}

struct SkipItemVerb: Verb {
    @Argument(help: "Item id; default: the next planned item.") var item: String?
    func command(_ s: SessionState) throws -> Command { .skipItem(id: item) }
}

struct ExtendVerb: Verb {
    @Argument(help: "Minutes to add (5, 1h, 90s…).") var minutes: String
    func command(_ s: SessionState) throws -> Command { .extendItem(seconds: try PalabreCLI.minutesArg(minutes)) }
}

enum PalabreCLI {
    static func minutesArg(_ s: String) throws -> Int { try minutes(s, what: "duration") }
}

struct InsertItemVerb: Verb {
    @Argument(help: "Title of the unplanned item.") var title: [String]
    @Option(help: "Duration in minutes (or 1h30, 20m).") var minutes: String
    @Option(
        help:
            ArgumentHelp(
                "Kind: \(ItemKind.allCases.map(\.rawValue).joined(separator: ", ")) (French words also: pause, débat, "
                    + "synthèse…).")
    ) var kind: String = "other"
    @Option(help: "Insert after this item (default: after the current one).") var after: String?
    func command(_ s: SessionState) throws -> Command {
        guard let k = ItemKind(rawValue: kind) ?? Synonyms.itemKind[Text.fold(kind)] else {
            throw UserError(
                description:
                    "--kind \(kind): expected one of \(ItemKind.allCases.map(\.rawValue).joined(separator: ", ")).",
                code: 2)
        }
        return .insertItem(title: joined(title), seconds: try PalabreCLI.minutesArg(minutes), kind: k, after: after)
    }
}

struct MoveItemVerb: Verb {
    @Argument(help: "Item id.") var item: String
    @Option(help: "Day to move it to (YYYY-MM-DD).") var day: String
    @Option(help: "Place it after this item (default: first of the day).") var after: String?
    func command(_ s: SessionState) throws -> Command { .moveItem(id: item, day: day, after: after) }
}

struct RequestFloorVerb: Verb {
    @Argument(help: "Who asks for the floor.") var who: [String]
    @Flag(name: .customLong("point-of-order"), help: "A point of order (motion d'ordre): ahead of ordinary requests.")
    var pointOfOrder = false
    func command(_ s: SessionState) throws -> Command {
        .requestFloor(who: try s.resolve(who: joined(who)), pointOfOrder: pointOfOrder)
    }
}

struct GiveFloorVerb: Verb {
    @Argument(help: "Who gets the floor; default: the head of the queue.") var who: [String] = []
    func command(_ s: SessionState) throws -> Command {
        .giveFloor(who: who.isEmpty ? nil : try s.resolve(who: joined(who)))
    }
}

struct RemoveSpeakerVerb: Verb {
    @Argument(help: "Who to take out of the queue.") var who: [String]
    func command(_ s: SessionState) throws -> Command { .removeSpeaker(who: try s.resolve(who: joined(who))) }
}

struct ReorderSpeakerVerb: Verb {
    @Argument(help: "Who to move in the queue.") var who: String
    @Argument(help: "New place, 1 for the head of the queue.") var position: Int
    func command(_ s: SessionState) throws -> Command {
        .reorderSpeaker(who: try s.resolve(who: who), position: position - 1)
    }
}

struct SpeakingLimitVerb: Verb {
    @Argument(help: "Minutes per speaker, or `none`.") var minutes: String
    func command(_ s: SessionState) throws -> Command {
        if ["none", "aucun", "aucune", "sans", "0"].contains(Text.fold(minutes)) {
            return .setSpeakingLimit(seconds: nil)
        }
        return .setSpeakingLimit(seconds: try PalabreCLI.minutesArg(minutes))
    }
}

/// note, decision, question, answer, perspective, organiser-commitment: text entries.
struct EntryVerb: Verb {
    @Argument(parsing: .captureForPassthrough, help: "Text of the entry (it may start with a dash).") var text: [String]
    var kind: EntryKind = .note
    enum CodingKeys: CodingKey { case text }
    func command(_ s: SessionState) throws -> Command { .record(EntryContent(kind: kind, text: joined(text))) }
}

struct RecommendationVerb: Verb {
    @Argument(help: "Text of the recommendation.") var text: [String]
    @Option(help: "Addressee (à l'endroit de).") var to: String?
    @Option(help: "Responsible for following it up.") var responsible: String?
    @Option(help: "Deadline (YYYY-MM-DD or text).") var due: String?
    func command(_ s: SessionState) throws -> Command {
        .record(
            EntryContent(kind: .recommendation, text: joined(text), addressee: to, responsible: responsible, due: due))
    }
}

struct ActionVerb: Verb {
    @Argument(help: "The activity.") var text: [String]
    @Option(help: "Who is responsible.") var responsible: String
    @Option(help: "Deadline (YYYY-MM-DD or text).") var due: String?
    func command(_ s: SessionState) throws -> Command {
        .record(EntryContent(kind: .action, text: joined(text), responsible: responsible, due: due))
    }
}

struct CommitmentVerb: Verb {
    @Argument(help: "Optional description (generated when omitted).") var text: [String] = []
    @Option(help: "Partner (organisation id, acronym or name).") var partner: String
    @Option(help: "Project fiche id.") var fiche: String
    @Option(help: "Amount, exact integer (2500000 or '2 500 000').") var amount: String?
    @Option(help: "Currency (default: the fiche's).") var currency: String?
    @Option(help: "financial, technical or study.") var nature: String = "financial"
    @Option(help: "announced, intention, confirmed or signed.") var status: String = "announced"
    @Option(help: "Conditions attached.") var conditions: String?
    @Option(help: "Deadline.") var due: String?
    func command(_ s: SessionState) throws -> Command {
        let n = try natureArg(nature), st = try statusArg(status, what: "--status ")
        let amt = try amount.map(amountArg)
        return .record(
            EntryContent(
                kind: .commitment, text: joined(text), due: due, partner: try s.resolve(who: partner),
                fiche: ficheId(fiche, s), nature: n, amount: amt, currency: currency, status: st,
                conditions: conditions))
    }
}

struct AmendVerb: Verb {
    @Argument(help: "Seq of the entry.") var seq: String
    @Argument(help: "New text (default: unchanged when a field is corrected).") var text: [String] = []
    @Option(help: "Why it is amended.") var reason: String
    @Option(help: "Commitment: partner (organisation id, acronym or name).") var partner: String?
    @Option(help: "Commitment: project fiche id.") var fiche: String?
    @Option(help: "Commitment: amount, exact integer (2500000 or '2 500 000').") var amount: String?
    @Option(help: "Commitment: currency.") var currency: String?
    @Option(help: "Commitment: financial, technical or study.") var nature: String?
    @Option(help: "Commitment: announced, intention, confirmed or signed.") var status: String?
    @Option(help: "Commitment: conditions attached.") var conditions: String?
    @Option(help: "Action, recommendation: who is responsible.") var responsible: String?
    @Option(name: [.customLong("addressee"), .customLong("to")], help: "Recommendation: addressee (à l'endroit de).")
    var addressee: String?
    @Option(help: "Deadline (YYYY-MM-DD or text).") var due: String?
    func command(_ s: SessionState) throws -> Command {
        let changes = EntryChanges(
            addressee: addressee, responsible: responsible, due: due,
            partner: try partner.map { try s.resolve(who: $0) }, fiche: fiche.map { ficheId($0, s) },
            nature: try nature.map(natureArg), amount: try amount.map(amountArg), currency: currency,
            status: try status.map { try statusArg($0, what: "--status ") }, conditions: conditions)
        if text.isEmpty && changes.isEmpty {
            throw UserError(
                description: "amend: give the new text, or a field to correct (--amount, --status, " + "--due…).",
                code: 2)
        }
        return .amend(entry: try seqArg(seq), text: joined(text), reason: reason, changes: changes)
    }
}

struct RetractVerb: Verb {
    @Argument(help: "Seq of the entry.") var seq: String
    @Option(help: "Why it is retracted.") var reason: String
    func command(_ s: SessionState) throws -> Command { .retract(entry: try seqArg(seq), reason: reason) }
}

struct AdoptVerb: Verb {
    @Argument(help: "Seq of the entry read and adopted.") var seq: String
    func command(_ s: SessionState) throws -> Command { .adopt(entry: try seqArg(seq)) }
}

struct CheckInVerb: Verb {
    @Argument(help: "Participant (id or text).") var who: [String]
    @Option(help: "Day (default: the day under way).") var day: String?
    func command(_ s: SessionState) throws -> Command { .checkIn(who: try s.resolve(who: joined(who)), day: day) }
}

struct WalkInVerb: Verb {
    @Argument(help: "Function (« Maire de Koula »).") var function: [String]
    @Option(help: "Organisation or commune id.") var organisation: String?
    @Option(help: "Commune id.") var commune: String?
    @Option(help: "F, M or unspecified.") var sex: String = "unspecified"
    @Option(help: "Personal name (optional).") var name: String?
    @Option(help: "Id (default: generated).") var id: String?
    func command(_ s: SessionState) throws -> Command {
        let sx: Sex
        switch Text.fold(sex) {
        case "f", "femme", "female", "woman", "w": sx = .female
        case "m", "h", "homme", "male", "man": sx = .male
        case "unspecified", "non precise", "inconnu", "?", "": sx = .unspecified
        default:
            throw UserError(description: "--sex \(sex): expected F (femme), M (homme) or unspecified.", code: 2)
        }
        return .addParticipant(
            Participant(
                id: id ?? "", function: joined(function), organisation: organisation,
                commune: commune, sex: sx, name: name))
    }
}

/// A fiche id typed in any case (`tim-01` finds `TIM-01`).
private func ficheId(_ text: String, _ s: SessionState) -> String {
    s.programme.communes.flatMap(\.fiches).first { $0.id.lowercased() == text.lowercased() }?.id ?? text
}

struct InterestVerb: Verb {
    @Argument(help: "Partner (organisation id, acronym or name).") var partner: String
    @Argument(help: "Project fiche id.") var fiche: String
    func command(_ s: SessionState) throws -> Command {
        .declareInterest(partner: try s.resolve(who: partner), fiche: ficheId(fiche, s))
    }
}

struct SynergyVerb: Verb {
    @Argument(help: "Project fiche id.") var fiche: String
    @Option(help: "Partners acting together, separated by commas (UNICEF,OMS).") var partners: String
    @Option(help: "The lead partner (chef de file), one of --partners.") var lead: String?
    func command(_ s: SessionState) throws -> Command {
        let ps = try partners.split(separator: ",").map { try s.resolve(who: String($0)) }
        return .markSynergy(fiche: ficheId(fiche, s), partners: ps, lead: try lead.map { try s.resolve(who: $0) })
    }
}

struct CommitmentStatusVerb: Verb {
    @Argument(help: "Seq of the commitment.") var seq: String
    @Argument(help: "announced, intention, confirmed or signed (annoncé, confirmé, signé…).") var status: [String]
    func command(_ s: SessionState) throws -> Command {
        return .changeCommitmentStatus(entry: try seqArg(seq), status: try statusArg(joined(status), what: ""))
    }
}

struct WithdrawVerb: Verb {
    @Argument(help: "Seq of the commitment.") var seq: String
    @Option(help: "Why it is withdrawn.") var reason: String
    func command(_ s: SessionState) throws -> Command { .withdrawCommitment(entry: try seqArg(seq), reason: reason) }
}

struct UndoVerb: Verb {
    @Argument(help: "Seq of the event to undo; default: this seat's last event still standing.") var seq: String?
    func command(_ s: SessionState) throws -> Command {
        guard let seq else { return .undo(seq: nil) }
        guard let n = Int(seq.trimmingCharacters(in: CharacterSet(charactersIn: "#"))), n > 0 else {
            throw UserError(description: "\(seq): not an event number (the seq printed when it was recorded).", code: 2)
        }
        return .undo(seq: n)
    }
}

/// Maps a verb name and its arguments to a ``Command``.
enum VerbParser {
    static let verbs: [String: any Verb.Type] = [
        "open": OpenVerb.self, "close": CloseVerb.self, "start-day": StartDayVerb.self, "end-day": EndDayVerb.self,
        "start-item": StartItemVerb.self, "pause": PauseVerb.self, "resume": ResumeVerb.self, "extend": ExtendVerb.self,
        "end-item": EndItemVerb.self, "skip-item": SkipItemVerb.self, "insert-item": InsertItemVerb.self,
        "move-item": MoveItemVerb.self, "request-floor": RequestFloorVerb.self, "give-floor": GiveFloorVerb.self,
        "yield": YieldVerb.self, "remove-speaker": RemoveSpeakerVerb.self, "reorder-speaker": ReorderSpeakerVerb.self,
        "speaking-limit": SpeakingLimitVerb.self, "note": EntryVerb.self, "decision": EntryVerb.self,
        "question": EntryVerb.self, "answer": EntryVerb.self, "recommendation": RecommendationVerb.self,
        "action": ActionVerb.self, "commitment": CommitmentVerb.self, "amend": AmendVerb.self,
        "retract": RetractVerb.self, "adopt": AdoptVerb.self, "check-in": CheckInVerb.self, "walk-in": WalkInVerb.self,
        "interest": InterestVerb.self, "synergy": SynergyVerb.self, "commitment-status": CommitmentStatusVerb.self,
        "withdraw": WithdrawVerb.self, "undo": UndoVerb.self, "perspective": EntryVerb.self,
        "organiser-commitment": EntryVerb.self,
    ]

    /// Applies one verb line to `store` for `seat` (a ``SeatRole`` name), at `at` (`--at`, or
    /// the system clock): under the journal's lock, folds what other seats wrote, builds the
    /// command, decides and records. The one path of `palabre do` and `palabre script`.
    /// Throws ``UserError`` (bad seat, verb or arguments), ``Refusal`` or ``JournalError``.
    static func apply(
        _ verb: String, _ args: [String], seat: String, at: String?, to store: SessionStore
    ) throws -> [Event] {
        guard SeatRole(rawValue: seat) != nil else {
            throw UserError(
                description:
                    "--seat \(seat): expected one of \(SeatRole.allCases.map(\.rawValue).joined(separator: ", ")).",
                code: 2)
        }
        return try store.log.withLock {
            try store.refresh()
            let cmd = try command(verb, args, state: store.state)
            let now = try ClockOverride.instant(at, state: store.state, command: cmd)
            return try store.perform(cmd, seat: seat, at: now)
        }
    }

    /// Prints the help of `verb`.
    static func printHelp(_ verb: String) throws {
        guard let type = verbs[verb] else {
            throw UserError(
                description: "unknown verb \(verb); known verbs: \(verbs.keys.sorted().joined(separator: ", ")).",
                code: 2)
        }
        let name = type.usageString().split(separator: " ").first.map(String.init) ?? ""
        say(type.helpMessage(columns: 100).replacingOccurrences(of: name, with: "palabre do SESSION \(verb)"))
    }

    /// The command for `verb` with `args`. Throws ``UserError`` for an unknown verb or bad arguments
    /// (with the verb's usage), ``Refusal`` when a name does not resolve.
    static func command(_ verb: String, _ args: [String], state: SessionState) throws -> Command {
        guard let type = verbs[verb] else {
            throw UserError(
                description: "unknown verb \(verb); known verbs: \(verbs.keys.sorted().joined(separator: ", ")).",
                code: 2)
        }
        let parsed: any Verb
        do {
            parsed = try type.parse(args)
        } catch {
            throw UserError(
                description: "\(verb): " + type.message(for: error) + "\nUsage: " + type.usageString(for: verb), code: 2
            )
        }
        if var e = parsed as? EntryVerb {
            e.kind = EntryKind(rawValue: verb) ?? .note
            return try e.command(state)
        }
        return try parsed.command(state)
    }
}

extension ParsableArguments {
    static func usageString(for verb: String) -> String {
        "palabre do SESSION \(verb) " + usageString().split(separator: " ").dropFirst().joined(separator: " ")
    }
}

/// French words accepted on the command line for the English values.
enum Synonyms {
    static let itemKind: [String: ItemKind] = [
        "ouverture": .opening, "ceremonie d'ouverture": .opening, "communication": .framingTalk,
        "presentation ptf": .partnerPresentation, "presentation": .partnerPresentation, "pitch": .communePitch,
        "debat": .debate, "echanges": .debate, "travaux de groupe": .groupWork, "restitution": .reportBack,
        "synthese": .synthesis, "pause": .break, "cloture": .closing, "autre": .other,
    ]
    static let nature: [String: CommitmentNature] = [
        "financier": .financial, "financiere": .financial,
        "technique": .technical, "etude": .study,
    ]
    static let status: [String: CommitmentStatus] = [
        "annonce": .announced, "intention": .intention, "confirme": .confirmed,
        "signe": .signed, "convention signee": .signed,
        "annoncee": .announced, "confirmee": .confirmed,
        "signee": .signed, "convention": .signed,
    ]
}
