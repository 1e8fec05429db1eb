import Foundation

/// Where a commitment stands after the meeting (suivi): annoncé → intention → confirmé →
/// convention signée → décaissé, or abandoned. Each status maps to an IATI transaction type
/// (``iatiTransactionType``).
public enum FollowUpStatus: String, Sendable, Equatable, CaseIterable, Codable {
    /// Intention (the partner intends to fund).
    case intention
    /// Confirmé (confirmed, not yet signed).
    case confirmed
    /// Convention signée (a signed agreement: a binding commitment).
    case signed
    /// Décaissé (money disbursed; several disbursements add up).
    case disbursed
    /// Abandonné (the partner or the commune gave it up; a reason is required).
    case abandoned

    /// The IATI 2.03 TransactionType code of a transaction for this status (codelist
    /// TransactionType: 12 Outgoing Pledge, 2 Outgoing Commitment, 3 Disbursement); nil for
    /// abandoned (no transaction).
    public var iatiTransactionType: Int? {
        switch self {
        case .intention, .confirmed: return 12
        case .signed: return 2
        case .disbursed: return 3
        case .abandoned: return nil
        }
    }
}

/// Where an action or a recommendation stands after the meeting.
public enum ActionStatus: String, Sendable, Equatable, CaseIterable, Codable {
    /// Commencée.
    case started
    /// Réalisée.
    case done
    /// En retard (said so by the follow-up; an action past its deadline and not done is also
    /// shown late without it).
    case late
    /// Abandonnée.
    case dropped
}

/// Where a project fiche stands after the meeting.
public enum FicheStatus: String, Sendable, Equatable, CaseIterable, Codable {
    /// Fiche de projet élaborée (prepared in full).
    case prepared
    /// Étude financée.
    case studyFunded = "study-funded"
    /// Travaux commencés.
    case worksStarted = "works-started"
    /// Réalisé (works finished).
    case done

    /// The IATI 2.03 ActivityStatus code: 1 Pipeline/identification, 2 Implementation,
    /// 3 Finalisation.
    public var iatiActivityStatus: Int {
        switch self {
        case .prepared, .studyFunded: return 1
        case .worksStarted: return 2
        case .done: return 3
        }
    }
}

/// One follow-up update: the event that recorded it, the status, the date of the fact
/// (`YYYY-MM-DD`, which may be earlier than the event), an amount (disbursements) and a note
/// (the reason of an abandonment).
public struct FollowUpRecord<Status: Sendable & Equatable & Codable>: Sendable, Equatable, Codable {
    public var seq: Int
    public var at: Instant
    public var seat: String
    public var status: Status
    public var date: String
    /// Amount disbursed, in the commitment's currency (exact integer).
    public var amount: Int64?
    public var note: String?
}

/// What happened after the meeting, kept apart from the meeting's own facts: the minutes and
/// the other documents of the meeting read the state as at the close and do not change.
public struct FollowUp: Sendable, Equatable, Codable {
    /// Updates of each commitment (entry seq), in order.
    public var commitments: [Int: [FollowUpRecord<FollowUpStatus>]] = [:]
    /// Updates of each action or recommendation (entry seq), in order.
    public var actions: [Int: [FollowUpRecord<ActionStatus>]] = [:]
    /// Updates of each fiche (fiche id), in order.
    public var fiches: [String: [FollowUpRecord<FicheStatus>]] = [:]
    /// When the last update was recorded.
    public var lastAt: Instant?

    /// The follow-up status of commitment `entry`, if any.
    public func status(ofCommitment entry: Int) -> FollowUpStatus? { commitments[entry]?.last?.status }
    /// The money disbursed on commitment `entry` so far.
    public func disbursed(_ entry: Int) -> Int64 {
        (commitments[entry] ?? []).filter { $0.status == .disbursed }.reduce(0) { $0 + ($1.amount ?? 0) }
    }
    /// The follow-up status of action or recommendation `entry`, if any.
    public func status(ofAction entry: Int) -> ActionStatus? { actions[entry]?.last?.status }
    /// The follow-up status of fiche `fiche`, if any.
    public func status(ofFiche fiche: String) -> FicheStatus? { fiches[fiche]?.last?.status }
    /// Whether nothing was followed up.
    public var isEmpty: Bool { commitments.isEmpty && actions.isEmpty && fiches.isEmpty }
}

extension EventPayload {
    /// Whether this is a follow-up update (recorded after the close).
    public var isFollowUp: Bool {
        switch self {
        case .commitmentFollowedUp, .actionFollowedUp, .ficheFollowedUp: return true
        default: return false
        }
    }
}

extension Command {
    /// Whether this command records a follow-up update.
    public var isFollowUp: Bool {
        switch self {
        case .followUpCommitment, .followUpAction, .followUpFiche: return true
        default: return false
        }
    }
}

extension SessionState {
    /// Decides a command on a closed session: follow-up updates, and the undo of one.
    func decideAfterClose(_ command: Command, at now: Instant, undoer: UndoSeat) throws(Refusal) -> [EventPayload] {
        switch command {
        case .followUpCommitment, .followUpAction, .followUpFiche:
            return [try decideFollowUp(command, at: now)]
        case .undo(let seq):
            let target = seq.flatMap { standingEvent($0) } ?? undoCandidate(seat: undoer.seat)
            guard let target, target.payload.isFollowUp else {
                throw Refusal(.closedUndoFollowUpOnly)
            }
            return [try undo(target.seq, by: undoer)]
        default:
            throw Refusal(.sessionClosed)
        }
    }

    /// The latest date a fact (a follow-up update, a review) may bear at `now`: today, or the day
    /// of the session's last event when that is later (a clock behind the meeting's dates, or a
    /// meeting dated ahead, as a sample may be): one day at least is always open, the day it ended.
    public func factToday(at now: Instant) -> String {
        let today = local.date(of: now)
        guard let last = lastAt.map({ local.date(of: $0) }) else { return today }
        return max(today, last)
    }

    /// Checks the date of a fact (a follow-up update, a review): a calendar date (`YYYY-MM-DD`)
    /// not after `today`.
    static func checkFactDate(_ d: String, today: String) throws(Refusal) {
        guard CalendarDate.isValid(d) else {
            throw Refusal(.badFollowUpDate(typed: d, today: today))
        }
        // ISO dates compare as text.
        guard d <= today else {
            throw Refusal(.futureDate(date: d, today: today))
        }
    }

    /// The follow-up update `command` asks for, checked: the entry or fiche exists and is of the
    /// right kind, the date is a calendar date, an abandonment has a reason, a disbursement an
    /// amount no larger than what is left to disburse.
    func decideFollowUp(_ command: Command, at now: Instant) throws(Refusal) -> EventPayload {
        let today = factToday(at: now)
        let local = LocalTime(identifier: programme.timeZone)
        /// The date of the fact: a calendar date, not in the future, not before `notBefore` (the
        /// day the entry was recorded, or the meeting's first day for a fiche).
        /// Updates are recorded in the order of the facts: not before `lastUpdate`, the date of
        /// the last update of the same entry or fiche (so the state is that of the latest fact).
        func checkedDate(_ d: String?, notBefore: String?, lastUpdate: String? = nil) throws(Refusal) -> String {
            guard let d else {
                if let lastUpdate, today < lastUpdate {
                    throw Refusal(.dateBeforeLastUpdate(date: today, last: lastUpdate))
                }
                return today
            }
            if let notBefore, CalendarDate.isValid(d), d < notBefore {
                throw Refusal(.dateBeforeFact(date: d, notBefore: notBefore))
            }
            try Self.checkFactDate(d, today: today)
            if let lastUpdate, d < lastUpdate { throw Refusal(.dateBeforeLastUpdate(date: d, last: lastUpdate)) }
            return d
        }
        func cleaned(_ s: String?) -> String? {
            let t = s.map { Text.nfc($0).trimmingCharacters(in: .whitespacesAndNewlines) }
            return t?.isEmpty == false ? t : nil
        }
        switch command {
        case .followUpCommitment(let id, let status, let amount, let date, let note):
            let e = try liveCommitment(id)
            let current = followUp.status(ofCommitment: id)
            if current == .abandoned {
                throw Refusal(.commitmentAbandoned(entry: id))
            }
            if status == current, status != .disbursed {
                throw Refusal(.sameCommitmentStatus(entry: id))
            }
            let reason = cleaned(note)
            if status == .abandoned, reason == nil {
                throw Refusal(.noAbandonReason)
            }
            var money: Int64?
            // An abandonment after every franc was disbursed says nothing true.
            if status == .abandoned, let committed = e.content.amount, committed > 0,
                followUp.disbursed(id) >= committed
            {
                throw Refusal(.fullyDisbursed(entry: id))
            }
            if status == .disbursed {
                // A commitment without an amount (technical support) has nothing to disburse.
                guard let committed = e.content.amount else { throw Refusal(.noCommittedAmount(entry: id)) }
                let left: Int64? = committed - followUp.disbursed(id)
                if let amount, amount <= 0 {
                    throw Refusal(.nonPositiveDisbursement(amount: amount))
                }
                guard let value = amount ?? left, value > 0 else { throw Refusal(.fullyDisbursed(entry: id)) }
                if let left, value > left {
                    let cur = e.content.currency ?? programme.currency
                    throw Refusal(.disbursementTooLarge(amount: value, left: left, currency: cur, entry: id))
                }
                money = value
            }
            return .commitmentFollowedUp(
                entry: id, status: status, amount: money,
                date: try checkedDate(
                    date, notBefore: local.date(of: e.at), lastUpdate: followUp.commitments[id]?.last?.date),
                note: reason)

        case .followUpAction(let id, let status, let date, let note):
            let e = try liveEntry(id)
            guard e.content.kind == .action || e.content.kind == .recommendation else {
                throw Refusal(.notAnAction(entry: id))
            }
            if followUp.status(ofAction: id) == status {
                throw Refusal(.sameEntryStatus(entry: id))
            }
            return .actionFollowedUp(
                entry: id, status: status,
                date: try checkedDate(
                    date, notBefore: local.date(of: e.at), lastUpdate: followUp.actions[id]?.last?.date),
                note: cleaned(note))

        case .followUpFiche(let fiche, let status, let date, let note):
            guard programme.fiche(fiche) != nil else {
                throw Refusal(.unknownFollowUpFiche(typed: fiche))
            }
            if followUp.status(ofFiche: fiche) == status {
                throw Refusal(.sameFicheStatus(fiche: fiche))
            }
            return .ficheFollowedUp(
                fiche: fiche, status: status,
                date: try checkedDate(
                    date, notBefore: programme.days.first?.date, lastUpdate: followUp.fiches[fiche]?.last?.date),
                note: cleaned(note))

        default:
            throw Refusal(.notFollowUp)
        }
    }

    /// Applies a follow-up event.
    mutating func evolveFollowUp(_ e: Event) {
        switch e.payload {
        case .commitmentFollowedUp(let id, let status, let amount, let date, let note):
            followUp.commitments[id, default: []].append(
                FollowUpRecord(
                    seq: e.seq, at: e.at, seat: e.seat, status: status, date: date, amount: amount, note: note))
        case .actionFollowedUp(let id, let status, let date, let note):
            followUp.actions[id, default: []].append(
                FollowUpRecord(seq: e.seq, at: e.at, seat: e.seat, status: status, date: date, amount: nil, note: note))
        case .ficheFollowedUp(let fiche, let status, let date, let note):
            followUp.fiches[fiche, default: []].append(
                FollowUpRecord(seq: e.seq, at: e.at, seat: e.seat, status: status, date: date, amount: nil, note: note))
        default:
            return
        }
        followUp.lastAt = e.at
    }
}
