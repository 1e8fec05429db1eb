import Foundation

/// What a seat — a process attached to a session — may do. Enforced in `decide`, not only by
/// hiding keys.
///
/// - facilitator: everything (agenda, floor, entries, attendance);
/// - rapporteur: minute entries (record, amend, retract, adopt), the synergy debates (interests,
///   synergies, commitment status and withdrawal) and attendance, not the agenda
///   nor the floor; an undo only of what it may record;
/// - projector and observer: nothing (read only).
public enum SeatRole: String, Sendable, Equatable, CaseIterable, Codable {
    case facilitator, rapporteur, projector, observer
    /// After the close: the follow-up of commitments, actions and fiches (suivi), nothing else.
    case followUp = "suivi"

    /// Whether this role may ask for `command`.
    public func allows(_ command: Command) -> Bool {
        switch self {
        case .facilitator: return true
        case .projector, .observer: return false
        case .followUp:
            switch command {
            case .followUpCommitment, .followUpAction, .followUpFiche, .undo: return true
            default: return false
            }
        case .rapporteur:
            switch command {
            case .record, .amend, .retract, .adopt, .checkIn, .checkInPresentYesterday, .addParticipant,
                .walkIn, .checkOut,
                .declareInterest, .markSynergy, .changeCommitmentStatus, .withdrawCommitment,
                .followUpCommitment, .followUpAction, .followUpFiche, .reviewPrevious:
                return true
            // What it undoes is checked against the role when deciding (``SessionState/decide(_:at:role:seat:)``).
            case .undo: return true
            // A fact about the machine's clock, which any seat that records may see first.
            case .recordClockAdjustment: return true
            default: return false
            }
        }
    }

    /// The refusal for a command this role may not ask for.
    func refusal(for command: Command) -> Refusal {
        switch self {
        case .projector, .observer:
            return Refusal(.readOnlySeat(seat: rawValue))
        case .followUp:
            return Refusal(.notForFollowUpSeat)
        default:
            return Refusal(.notForRapporteurSeat)
        }
    }
}

extension SessionState {
    /// ``decide(_:at:)`` for a seat: refused when `role` may not ask for `command`. An undo
    /// takes back only what `role` could have recorded, and without a seq the last standing
    /// event of `seat` (the events' `seat` field; `role`'s name when nil).
    public func decide(
        _ command: Command, at now: Instant, role: SeatRole, seat: String? = nil
    ) throws(Refusal) -> [EventPayload] {
        guard role.allows(command) else { throw role.refusal(for: command) }
        return try decide(command, at: now, undoer: UndoSeat(role: role, seat: seat ?? role.rawValue))
    }
}
