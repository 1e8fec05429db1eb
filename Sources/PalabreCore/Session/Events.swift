import Foundation

/// A fact recorded in the journal: one JSON object per line of `journal.jsonl`.
///
/// Shape of a line: `{"seq":12,"at":"2023-10-17T09:02:13.120+00:00","seat":"facilitator",
/// "type":"itemStarted","item":"d1-ouverture"}` — the envelope (`seq`, `at`, `seat`, `type`)
/// followed by the fields of the payload. `seq` counts 1, 2, 3… without gaps.
public struct Event: Sendable, Equatable {
    /// Position in the journal, from 1, without gaps.
    public var seq: Int
    /// When the fact happened.
    public var at: Instant
    /// Who recorded it: `facilitator`, `rapporteur`, `script`…
    public var seat: String
    /// What happened.
    public var payload: EventPayload
    /// The line of a `palabre script` file that asked for it (nil otherwise): how
    /// `palabre script --resume` knows which lines are already recorded.
    public var script: ScriptLine?

    /// Creates an event.
    public init(seq: Int, at: Instant, seat: String, payload: EventPayload, script: ScriptLine? = nil) {
        self.seq = seq; self.at = at; self.seat = seat; self.payload = payload; self.script = script
    }
}

/// A line of a `palabre script` file, recorded with each event it produced (journal key
/// `script`: `{"line":12,"digest":"…"}`).
///
/// `digest` is the 64-bit FNV-1a hash of the line's text (trimmed), in 16 hexadecimal digits:
/// it tells whether the file still holds the same command at that line. It identifies, it does
/// not protect (it is not a cryptographic hash).
public struct ScriptLine: Sendable, Equatable, Codable {
    /// Line number in the script file, from 1.
    public var line: Int
    /// FNV-1a 64 of the line's trimmed text, 16 lowercase hexadecimal digits.
    public var digest: String

    /// The mark of `text` read at `line`.
    public init(line: Int, text: String) {
        self.line = line
        self.digest = Self.digest(text)
    }

    /// The mark as stored (`digest` taken as is).
    public init(line: Int, digest: String) { self.line = line; self.digest = digest }

    /// FNV-1a 64 of the UTF-8 of `text` trimmed of spaces and tabs, 16 lowercase hex digits.
    public static func digest(_ text: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in text.trimmingCharacters(in: CharacterSet(charactersIn: " \t\r")).utf8 {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01b3
        }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// Kind of a minute entry.
///
/// `perspective` (« perspective ») and `organiserCommitment` (« engagement de l'organisateur »)
/// are text entries the minutes gather in their own section, after the next steps: what the
/// meeting opens for later, and what the organisers themselves undertake.
public enum EntryKind: String, Sendable, Equatable, CaseIterable, Codable {
    case note, decision, question, answer, recommendation, action
    /// A perspective: what the meeting opens for later (répertoire, cadre d'échanges…).
    case perspective
    /// A commitment of the organisers themselves (not a partner's commitment to a fiche).
    case organiserCommitment = "organiser-commitment"
    /// The result of a vote (délibération): votes for, against, abstentions, adopted or rejected.
    case vote
    // Last, so that F7 from a note still goes back to a commitment.
    case commitment
}

/// Nature of a commitment.
public enum CommitmentNature: String, Sendable, Equatable, CaseIterable, Codable {
    case financial, technical, study
}

/// Status of a commitment, from the weakest to the strongest.
public enum CommitmentStatus: String, Sendable, Equatable, CaseIterable, Codable {
    /// Annoncé.
    case announced
    /// Intention.
    case intention
    /// Confirmé.
    case confirmed
    /// Convention signée.
    case signed

    /// The statuses whose money is firm: confirmed and signed. Announced money and intentions are not.
    public static let firm: [CommitmentStatus] = [.confirmed, .signed]
}

/// The outcome of a vote: the motion is adopted or rejected.
public enum VoteOutcome: String, Sendable, Equatable, CaseIterable, Codable {
    case adopted, rejected
}

/// The content of a minute entry (note, decision, recommendation, action, commitment…).
///
/// Fields other than `kind` and `text` are used by some kinds only: `addressee`,
/// `responsible` and `due` by recommendations and actions; `partner`, `fiche`, `nature`,
/// `amount` (exact integer), `currency`, `status`, `conditions` and `due` by commitments;
/// `votesFor`, `votesAgainst`, `abstentions` and `outcome` by votes.
public struct EntryContent: Sendable, Equatable, Codable {
    /// The longest text an entry is recorded with, in UTF-8 bytes (64 KiB): longer, `decide`
    /// refuses it, and a longer paste is dropped whole.
    public static let maxTextBytes = 64 << 10

    public var kind: EntryKind
    /// The text as recorded (kept as ``StoredText``: a long journal's texts without a heap
    /// object each).
    public var text: String {
        get { stored.string }
        set { stored = StoredText(newValue) }
    }
    private var stored: StoredText
    /// Recommendation: « à l'endroit de » (to whom it is addressed).
    public var addressee: String? {
        get { fields?.addressee }
        set { change { $0.addressee = newValue } }
    }
    /// Who is responsible (recommendation, action).
    public var responsible: String? {
        get { fields?.responsible }
        set { change { $0.responsible = newValue } }
    }
    /// Deadline, free text or `YYYY-MM-DD`.
    public var due: String? {
        get { fields?.due }
        set { change { $0.due = newValue } }
    }
    /// Commitment: organisation id of the partner.
    public var partner: String? {
        get { fields?.partner }
        set { change { $0.partner = newValue } }
    }
    /// Commitment: fiche id.
    public var fiche: String? {
        get { fields?.fiche }
        set { change { $0.fiche = newValue } }
    }
    /// Commitment: nature.
    public var nature: CommitmentNature? {
        get { fields?.nature }
        set { change { $0.nature = newValue } }
    }
    /// Commitment: exact integer amount in `currency`.
    public var amount: Int64? {
        get { fields?.amount }
        set { change { $0.amount = newValue } }
    }
    /// Commitment: currency (FCFA by default).
    public var currency: String? {
        get { fields?.currency }
        set { change { $0.currency = newValue } }
    }
    /// Commitment: status.
    public var status: CommitmentStatus? {
        get { fields?.status }
        set { change { $0.status = newValue } }
    }
    /// Commitment: conditions attached.
    public var conditions: String? {
        get { fields?.conditions }
        set { change { $0.conditions = newValue } }
    }
    /// Vote: number of votes for (nil when not counted, e.g. a show of hands).
    public var votesFor: Int? {
        get { fields?.votesFor }
        set { change { $0.votesFor = newValue } }
    }
    /// Vote: number of votes against.
    public var votesAgainst: Int? {
        get { fields?.votesAgainst }
        set { change { $0.votesAgainst = newValue } }
    }
    /// Vote: number of abstentions.
    public var abstentions: Int? {
        get { fields?.abstentions }
        set { change { $0.abstentions = newValue } }
    }
    /// Vote: adopted or rejected.
    public var outcome: VoteOutcome? {
        get { fields?.outcome }
        set { change { $0.outcome = newValue } }
    }

    /// The structured fields, set by recommendations, actions, commitments and votes.
    struct Fields: Sendable, Equatable {
        var addressee: String?
        var responsible: String?
        var due: String?
        var partner: String?
        var fiche: String?
        var nature: CommitmentNature?
        var amount: Int64?
        var currency: String?
        var status: CommitmentStatus?
        var conditions: String?
        var votesFor: Int?
        var votesAgainst: Int?
        var abstentions: Int?
        var outcome: VoteOutcome?

        static let none = Fields()
    }

    /// The structured fields on the heap, nothing while none is set: one reference in an entry
    /// that has none of them (notes, most decisions: the most of a long journal), instead of some
    /// 180 bytes. Never a box of nils: equality compares this.
    private var boxed = HeapBox(Fields.none, empty: .none)

    /// The structured fields, nil when none is set.
    private var fields: Fields? { boxed.value }

    private mutating func change(_ body: (inout Fields) -> Void) { boxed.change(empty: .none, body) }

    /// Creates an entry content.
    public init(
        kind: EntryKind, text: String, addressee: String? = nil, responsible: String? = nil,
        due: String? = nil, partner: String? = nil, fiche: String? = nil,
        nature: CommitmentNature? = nil, amount: Int64? = nil, currency: String? = nil,
        status: CommitmentStatus? = nil, conditions: String? = nil, votesFor: Int? = nil,
        votesAgainst: Int? = nil, abstentions: Int? = nil, outcome: VoteOutcome? = nil
    ) {
        self.kind = kind
        self.stored = StoredText(text)
        let f = Fields(
            addressee: addressee, responsible: responsible, due: due, partner: partner, fiche: fiche, nature: nature,
            amount: amount, currency: currency, status: status, conditions: conditions, votesFor: votesFor,
            votesAgainst: votesAgainst, abstentions: abstentions, outcome: outcome)
        boxed = HeapBox(f, empty: .none)
    }

    enum CodingKeys: String, CodingKey {
        case kind, text, addressee, responsible, due, partner, fiche, nature, amount, currency, status, conditions
        case votesFor, votesAgainst, abstentions, outcome
    }

    /// Reads the JSON object of an entry: `kind` and `text`, and each structured field when
    /// present (as the synthesized decoding did).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            kind: c.decode(EntryKind.self, forKey: .kind), text: c.decode(String.self, forKey: .text),
            addressee: c.decodeIfPresent(String.self, forKey: .addressee),
            responsible: c.decodeIfPresent(String.self, forKey: .responsible),
            due: c.decodeIfPresent(String.self, forKey: .due),
            partner: c.decodeIfPresent(String.self, forKey: .partner),
            fiche: c.decodeIfPresent(String.self, forKey: .fiche),
            nature: c.decodeIfPresent(CommitmentNature.self, forKey: .nature),
            amount: c.decodeIfPresent(Int64.self, forKey: .amount),
            currency: c.decodeIfPresent(String.self, forKey: .currency),
            status: c.decodeIfPresent(CommitmentStatus.self, forKey: .status),
            conditions: c.decodeIfPresent(String.self, forKey: .conditions),
            votesFor: c.decodeIfPresent(Int.self, forKey: .votesFor),
            votesAgainst: c.decodeIfPresent(Int.self, forKey: .votesAgainst),
            abstentions: c.decodeIfPresent(Int.self, forKey: .abstentions),
            outcome: c.decodeIfPresent(VoteOutcome.self, forKey: .outcome))
    }

    /// Writes `kind`, `text` and the structured fields that are set (no `null`).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(text, forKey: .text)
        guard let f = fields else { return }
        try c.encodeIfPresent(f.addressee, forKey: .addressee)
        try c.encodeIfPresent(f.responsible, forKey: .responsible)
        try c.encodeIfPresent(f.due, forKey: .due)
        try c.encodeIfPresent(f.partner, forKey: .partner)
        try c.encodeIfPresent(f.fiche, forKey: .fiche)
        try c.encodeIfPresent(f.nature, forKey: .nature)
        try c.encodeIfPresent(f.amount, forKey: .amount)
        try c.encodeIfPresent(f.currency, forKey: .currency)
        try c.encodeIfPresent(f.status, forKey: .status)
        try c.encodeIfPresent(f.conditions, forKey: .conditions)
        try c.encodeIfPresent(f.votesFor, forKey: .votesFor)
        try c.encodeIfPresent(f.votesAgainst, forKey: .votesAgainst)
        try c.encodeIfPresent(f.abstentions, forKey: .abstentions)
        try c.encodeIfPresent(f.outcome, forKey: .outcome)
    }
}

/// New values for the structured fields of an entry, given by an amendment: a nil field stays
/// as it is. Commitments take `partner`, `fiche`, `nature`, `amount`, `currency`, `status`,
/// `conditions` and `due`; actions `responsible` and `due`; recommendations `addressee`,
/// `responsible` and `due`; votes `votesFor`, `votesAgainst`, `abstentions` and `outcome`.
public struct EntryChanges: Sendable, Equatable, Codable {
    /// Recommendation: « à l'endroit de ».
    public var addressee: String?
    /// Action, recommendation: who is responsible.
    public var responsible: String?
    /// Deadline, free text or `YYYY-MM-DD`.
    public var due: String?
    /// Commitment: organisation id of the partner.
    public var partner: String?
    /// Commitment: fiche id.
    public var fiche: String?
    /// Commitment: nature.
    public var nature: CommitmentNature?
    /// Commitment: exact integer amount.
    public var amount: Int64?
    /// Commitment: currency.
    public var currency: String?
    /// Commitment: status.
    public var status: CommitmentStatus?
    /// Commitment: conditions attached.
    public var conditions: String?
    /// Vote: votes for.
    public var votesFor: Int?
    /// Vote: votes against.
    public var votesAgainst: Int?
    /// Vote: abstentions.
    public var abstentions: Int?
    /// Vote: adopted or rejected.
    public var outcome: VoteOutcome?

    /// Creates a set of changes; every field left nil stays as it is.
    public init(
        addressee: String? = nil, responsible: String? = nil, due: String? = nil, partner: String? = nil,
        fiche: String? = nil, nature: CommitmentNature? = nil, amount: Int64? = nil, currency: String? = nil,
        status: CommitmentStatus? = nil, conditions: String? = nil, votesFor: Int? = nil, votesAgainst: Int? = nil,
        abstentions: Int? = nil, outcome: VoteOutcome? = nil
    ) {
        self.addressee = addressee; self.responsible = responsible; self.due = due; self.partner = partner
        self.fiche = fiche; self.nature = nature; self.amount = amount; self.currency = currency
        self.status = status; self.conditions = conditions
        self.votesFor = votesFor; self.votesAgainst = votesAgainst; self.abstentions = abstentions
        self.outcome = outcome
    }

    /// Whether no field is given.
    public var isEmpty: Bool { self == EntryChanges() }

    /// `content` with these changes applied.
    public func applied(to content: EntryContent) -> EntryContent {
        var c = content
        if let v = addressee { c.addressee = v }
        if let v = responsible { c.responsible = v }
        if let v = due { c.due = v }
        if let v = partner { c.partner = v }
        if let v = fiche { c.fiche = v }
        if let v = nature { c.nature = v }
        if let v = amount { c.amount = v }
        if let v = currency { c.currency = v }
        if let v = status { c.status = v }
        if let v = conditions { c.conditions = v }
        if let v = votesFor { c.votesFor = v }
        if let v = votesAgainst { c.votesAgainst = v }
        if let v = abstentions { c.abstentions = v }
        if let v = outcome { c.outcome = v }
        return c
    }
}

/// What happened, with its data. The `type` names are those written in the journal.
public enum EventPayload: Sendable, Equatable {
    case sessionOpened
    case sessionClosed
    /// Day `date` of the programme started. `held` is the date it was really started on when
    /// that is not the programme's date (a postponed meeting, a rehearsal); absent otherwise and
    /// in older journals.
    case dayStarted(date: String, held: String? = nil)
    case dayEnded(date: String)
    case itemStarted(item: String)
    case itemPaused(item: String)
    case itemResumed(item: String)
    /// Time added to an item's time-box, in seconds.
    case itemExtended(item: String, seconds: Int)
    case itemEnded(item: String)
    case itemSkipped(item: String)
    /// An unplanned item inserted into `day` after `after` (at the start of the day when nil).
    indirect case itemInserted(day: String, after: String?, item: AgendaItem)
    /// An item moved to `day` after `after` (first of the day when nil).
    case itemMoved(item: String, day: String, after: String?)
    /// The items not treated on day `from` carried to day `to`, in this order, after `after`
    /// (first of the day when nil); each is then as if moved by ``itemMoved(item:day:after:)``.
    case itemsCarriedOver(from: String, to: String, after: String?, items: [String])
    /// Someone asked for the floor (`who`: participant or organisation id).
    case floorRequested(item: String, who: String, pointOfOrder: Bool)
    /// `who` got the floor; `limit` is their speaking-time limit in seconds. `checksIn`: they were
    /// not checked in for the day and are by this event (a person who speaks is present; absent,
    /// false, in older journals).
    case floorGiven(item: String, who: String, limit: Int?, checksIn: Bool = false)
    /// The current speaker finished.
    case floorYielded(item: String, who: String)
    /// A request was withdrawn from the queue.
    case speakerRemoved(item: String, who: String)
    /// A request moved to `position` (0-based) in the queue.
    case queueReordered(item: String, who: String, position: Int)
    /// Per-speaker time limit for the rest of the item, seconds (nil: none).
    case speakingLimitSet(item: String, seconds: Int?)
    /// A minute entry; it is identified afterwards by the seq of this event.
    indirect case entryRecorded(item: String?, entry: EntryContent)
    /// An entry's new text (the same when only fields change) and, since structured
    /// corrections, the new values of its fields (`changes`, absent from older journals).
    indirect case entryAmended(entry: Int, text: String, reason: String, changes: EntryChanges? = nil)
    case entryRetracted(entry: Int, reason: String)
    /// « Lu et adopté ».
    case entryAdopted(entry: Int)
    case participantCheckedIn(participant: String, day: String)
    /// A walk-in participant, not in the programme.
    indirect case participantAdded(participant: Participant)
    /// `participant`, checked in on `day`, left the meeting at the event's time.
    case participantLeft(participant: String, day: String)
    /// A partner said it is interested in a project fiche (debates on synergies).
    case interestDeclared(partner: String, fiche: String)
    /// Partners that will act together on one fiche; `lead` is the chef de file, if named.
    case synergyMarked(fiche: String, partners: [String], lead: String?)
    /// A commitment (entry seq) moved to another status.
    case commitmentStatusChanged(entry: Int, status: CommitmentStatus)
    /// A commitment (entry seq) withdrawn by its partner: kept in the history, out of the totals.
    case commitmentWithdrawn(entry: Int, reason: String)
    /// After the close: a commitment's follow-up status on `date` (`YYYY-MM-DD`), with the
    /// amount of a disbursement and the reason of an abandonment (`note`).
    indirect case commitmentFollowedUp(entry: Int, status: FollowUpStatus, amount: Int64?, date: String, note: String?)
    /// After the close: an action's or a recommendation's follow-up status on `date`.
    indirect case actionFollowedUp(entry: Int, status: ActionStatus, date: String, note: String?)
    /// After the close: a fiche's follow-up status on `date`.
    indirect case ficheFollowedUp(fiche: String, status: FicheStatus, date: String, note: String?)
    /// An open entry of an earlier session (copied whole, so the minutes need nothing else)
    /// reviewed in this meeting, with its status and a note; the date of the fact (`YYYY-MM-DD`,
    /// nil in journals written before it was recorded: the day of the event) and, for a
    /// commitment said disbursed, the total disbursed to that date.
    indirect case previousReviewed(
        source: PreviousEntry, status: ReviewedStatus, note: String?, amount: Int64? = nil, date: String? = nil)
    /// The event `seq` is undone (a compensating event, JSON field `undoes`): the state is that
    /// of the journal without it.
    case undone(seq: Int)
    /// Written by `palabre repair` in place of a damaged line that held seq `seq`: line `line`
    /// of the journal was set aside, whole, in the quarantine file `quarantine` (a file name
    /// beside the journal), so no acknowledged seq is renumbered. Changes nothing in the state.
    case lineSetAside(line: Int, quarantine: String)
    /// The system clock was stepped: the wall clock moved `seconds` more than the time measured
    /// on the monotonic clock since the seat's previous reading (positive: set forward, negative:
    /// set back). Every instant recorded before it is read `seconds` later, so timers and
    /// recorded durations count only the time that really passed, and the events after it may
    /// be stamped up to `-seconds` earlier than the ones before.
    case clockAdjusted(seconds: Int)

    /// The `type` written in the journal.
    public var type: String {
        switch self {
        case .sessionOpened: "sessionOpened"
        case .sessionClosed: "sessionClosed"
        case .dayStarted: "dayStarted"
        case .dayEnded: "dayEnded"
        case .itemStarted: "itemStarted"
        case .itemPaused: "itemPaused"
        case .itemResumed: "itemResumed"
        case .itemExtended: "itemExtended"
        case .itemEnded: "itemEnded"
        case .itemSkipped: "itemSkipped"
        case .itemInserted: "itemInserted"
        case .itemMoved: "itemMoved"
        case .itemsCarriedOver: "itemsCarriedOver"
        case .floorRequested: "floorRequested"
        case .floorGiven: "floorGiven"
        case .floorYielded: "floorYielded"
        case .speakerRemoved: "speakerRemoved"
        case .queueReordered: "queueReordered"
        case .speakingLimitSet: "speakingLimitSet"
        case .entryRecorded: "entryRecorded"
        case .entryAmended: "entryAmended"
        case .entryRetracted: "entryRetracted"
        case .entryAdopted: "entryAdopted"
        case .participantCheckedIn: "participantCheckedIn"
        case .participantAdded: "participantAdded"
        case .participantLeft: "participantLeft"
        case .interestDeclared: "interestDeclared"
        case .synergyMarked: "synergyMarked"
        case .commitmentStatusChanged: "commitmentStatusChanged"
        case .commitmentWithdrawn: "commitmentWithdrawn"
        case .commitmentFollowedUp: "commitmentFollowedUp"
        case .actionFollowedUp: "actionFollowedUp"
        case .ficheFollowedUp: "ficheFollowedUp"
        case .previousReviewed: "previousReviewed"
        case .undone: "undone"
        case .lineSetAside: "lineSetAside"
        case .clockAdjusted: "clockAdjusted"
        }
    }
}

extension EventPayload {
    /// The earliest stamp an event of this kind may have after an event stamped `last`: `last`
    /// itself (time never goes back in the journal), or for a clock set back, `last` moved
    /// back by the step.
    public func earliestStamp(after last: Instant) -> Instant {
        if case .clockAdjusted(let seconds) = self, seconds < 0 { return last.adding(seconds: seconds) }
        return last
    }
}
