/// The ids of the programme an event names that the programme no longer has (programme.yaml
/// edited during the meeting), found while streaming a journal without folding it: what
/// `palabre verify` reports, in memory that does not grow with the journal (a set of the items
/// inserted and participants added on the way).
///
/// It finds what ``SessionState/mismatches`` finds, except around undo: an item inserted then
/// undone still counts as known, and an undone event naming something missing is still reported.
public struct ReferenceCheck {
    /// How many mismatches are kept (the first ones): the rest would say the same.
    public static let limit = 20
    /// The programme the events are checked against.
    public let programme: Programme
    /// One line per event naming something the programme no longer has, at most ``limit``.
    public private(set) var mismatches: [ReferenceMismatch] = []
    private let days: Set<String>
    private var items: Set<String>
    private var participants: Set<String>

    /// A check against `programme`, before the first event.
    public init(programme: Programme) {
        self.programme = programme
        days = Set(programme.days.map(\.date))
        items = Set(programme.days.flatMap { $0.items.map(\.id) })
        participants = Set(programme.participants.map(\.id))
    }

    /// Checks `e`, the next event of the journal.
    public mutating func check(_ e: Event) {
        switch e.payload {
        case .itemInserted(let day, _, let item) where days.contains(day): items.insert(item.id)
        case .participantAdded(let p): participants.insert(p.id)
        default: break
        }
        guard mismatches.count < Self.limit else { return }
        let missing = Self.missing(
            e.payload, programme: programme, hasDay: days.contains, hasItem: items.contains,
            hasParticipant: participants.contains)
        if !missing.isEmpty { mismatches.append(Self.mismatch(e, missing)) }
    }

    /// The line of a mismatch: event `e` names `missing`.
    static func mismatch(_ e: Event, _ missing: [ReferenceMismatch.Missing]) -> ReferenceMismatch {
        ReferenceMismatch(seq: e.seq, type: e.payload.type, missing: missing)
    }

    /// What `payload` names that is missing, given what is known so far.
    static func missing(
        _ payload: EventPayload, programme: Programme, hasDay: (String) -> Bool, hasItem: (String) -> Bool,
        hasParticipant: (String) -> Bool
    ) -> [ReferenceMismatch.Missing] {
        var missing: [ReferenceMismatch.Missing] = []
        func item(_ id: String) { if !hasItem(id) { missing.append(.item(id)) } }
        func who(_ id: String) {
            if !hasParticipant(id) && programme.organisation(id) == nil && programme.commune(id) == nil {
                missing.append(.speaker(id))
            }
        }
        func fiche(_ f: String) { if programme.fiche(f) == nil { missing.append(.fiche(f)) } }
        func organisation(_ p: String) {
            if programme.organisation(p) == nil { missing.append(.organisation(p)) }
        }
        switch payload {
        case .dayStarted(let d, _), .dayEnded(let d):
            if !hasDay(d) { missing.append(.day(d)) }
        case .itemStarted(let i), .itemPaused(let i), .itemResumed(let i), .itemEnded(let i), .itemSkipped(let i),
            .itemExtended(let i, _), .itemMoved(let i, _, _):
            item(i)
        case .itemsCarriedOver(_, let to, _, let items):
            if !hasDay(to) { missing.append(.day(to)) }
            items.forEach(item)
        case .floorRequested(_, let w, _), .floorGiven(_, let w, _, _), .floorYielded(_, let w),
            .speakerRemoved(_, let w):
            who(w)
        case .participantCheckedIn(let p, _), .participantLeft(let p, _):
            if !hasParticipant(p) { missing.append(.participant(p)) }
        case .entryRecorded(let i, let c):
            if let i { item(i) }
            if let f = c.fiche { fiche(f) }
            if let p = c.partner { organisation(p) }
        case .interestDeclared(let p, let f):
            fiche(f)
            organisation(p)
        case .synergyMarked(let f, let ps, _):
            fiche(f)
            for p in ps { organisation(p) }
        default: break
        }
        return missing
    }
}

/// An event that names what the programme no longer has (programme.yaml edited during the
/// meeting): screens and documents miss what it says. Said in French or English by ``text(_:)``.
public struct ReferenceMismatch: Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
    /// One thing named that the programme lacks, by its id.
    public enum Missing: Sendable, Equatable, Hashable, Codable {
        case item(String), day(String), participant(String), fiche(String), organisation(String)
        /// A speaker: neither a participant, nor an organisation, nor a commune.
        case speaker(String)

        func text(_ language: Language) -> String {
            let fr = language == .fr
            switch self {
            case .item(let id): return fr ? "le point « \(Text.echo(id)) »" : "item \(Text.echo(id))"
            case .day(let d): return fr ? "la journée du \(Text.echo(d))" : "day \(Text.echo(d))"
            case .participant(let p): return fr ? "le participant « \(Text.echo(p)) »" : "participant \(Text.echo(p))"
            case .fiche(let f): return fr ? "la fiche « \(Text.echo(f)) »" : "fiche \(Text.echo(f))"
            case .organisation(let o): return fr ? "l'organisation « \(Text.echo(o)) »" : "organisation \(Text.echo(o))"
            case .speaker(let w):
                return fr
                    ? "l'intervenant ou l'organisation « \(Text.echo(w)) »"
                    : "participant or organisation \(Text.echo(w))"
            }
        }
    }

    /// The event's seq.
    public var seq: Int
    /// The event's type (`itemStarted`).
    public var type: String
    /// What it names that the programme lacks.
    public var missing: [Missing]

    /// « l'événement n° 5 (itemStarted) cite le point « demo-anict », que le programme n'a plus ».
    public func text(_ language: Language) -> String {
        let names = missing.map { $0.text(language) }.joined(separator: ", ")
        return language == .fr
            ? "l'événement n° \(seq) (\(type)) cite \(names), que le programme n'a plus"
            : "event \(seq) (\(type)) names \(names), which the programme no longer has"
    }

    public var description: String { text(.en) }
}
