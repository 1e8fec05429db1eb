import Foundation

/// What a person asks the session to do. `decide` turns a command into facts or a ``Refusal``.
public enum Command: Sendable, Equatable {
    case openSession
    case closeSession
    /// Start a day; `nil` starts the programme's next day not yet started, whatever today's date is.
    /// Starting a day on the date another day was held is refused unless `force` is set.
    case startDay(date: String?, force: Bool = false)
    case endDay
    /// Start an item; `nil` starts the next planned item of the day.
    case startItem(id: String?)
    case pauseItem
    case resumeItem
    /// Add `seconds` to the current item's time-box.
    case extendItem(seconds: Int)
    /// Set the current item's remaining time to `seconds` (its time-box grows or shrinks by the
    /// difference, recorded as an extension).
    case setRemaining(seconds: Int)
    case endItem
    /// Skip an item; `nil` skips the next planned item.
    case skipItem(id: String?)
    /// Insert an unplanned item after the current one (or after `after`).
    case insertItem(title: String, seconds: Int, kind: ItemKind, after: String?)
    /// Move an item to `day`, after `after` (first of the day when nil).
    case moveItem(id: String, day: String, after: String?)
    /// Carry the items not yet treated (planned, not fixed) of the day under way, or of the last
    /// ended day, to the next day not ended, after that day's items already held or fixed at its
    /// start. Their trace stays on the day they were planned (``SessionState/movedFrom``).
    case carryOver
    case requestFloor(who: String, pointOfOrder: Bool)
    /// A speaker not on the list asks for the floor: added as a walk-in, then put in the queue
    /// (two facts, one command).
    case requestFloorAsWalkIn(Participant, pointOfOrder: Bool)
    /// Give the floor to `who`, or to the head of the queue when nil.
    case giveFloor(who: String?)
    case yieldFloor
    case removeSpeaker(who: String)
    case reorderSpeaker(who: String, position: Int)
    /// Per-speaker time limit for the current item, seconds (nil removes it).
    case setSpeakingLimit(seconds: Int?)
    case record(EntryContent)
    /// Amend an entry. `basedOn` is the version the author saw (``Entry/version``); when the
    /// entry changed since, the amendment is refused so two seats never amend over each other.
    /// `changes` corrects structured fields (amount, partner, deadline…); with changes, an empty
    /// `text` keeps the current text.
    case amend(entry: Int, text: String, reason: String, basedOn: Int? = nil, changes: EntryChanges = EntryChanges())
    case retract(entry: Int, reason: String)
    case adopt(entry: Int)
    /// Check a participant in for `day` (the day under way when nil).
    case checkIn(who: String, day: String?)
    /// Check in, for the day under way, everyone present on the previous day held and not yet
    /// checked in today: one check-in each, so an absent one is taken back alone (undo SEQ).
    case checkInPresentYesterday
    /// Add a walk-in participant.
    case addParticipant(Participant)
    /// Add a walk-in participant and, when a day is under way, check them in for it (two facts,
    /// one command: someone registered at the door is in the room).
    case walkIn(Participant)
    /// Record that `who`, checked in for the day under way, leaves the meeting now (the event's
    /// time is the departure time; per diem lists count the half days from it).
    case checkOut(who: String)
    /// A partner declares its interest in a fiche.
    case declareInterest(partner: String, fiche: String)
    /// Partners who will act together on a fiche, with their lead (chef de file) if named.
    case markSynergy(fiche: String, partners: [String], lead: String?)
    /// A commitment (entry seq) moves to `status`.
    case changeCommitmentStatus(entry: Int, status: CommitmentStatus)
    /// A commitment (entry seq) is withdrawn; it stays in the history and leaves the totals.
    case withdrawCommitment(entry: Int, reason: String)
    /// After the close (suivi): commitment `entry` moves to `status` on `date` (`YYYY-MM-DD`;
    /// today when nil); a disbursement of `amount` (what is left when nil); a reason (`note`)
    /// for an abandonment.
    case followUpCommitment(entry: Int, status: FollowUpStatus, amount: Int64?, date: String?, note: String?)
    /// After the close (suivi): action or recommendation `entry` moves to `status` on `date`.
    case followUpAction(entry: Int, status: ActionStatus, date: String?, note: String?)
    /// After the close (suivi): fiche `fiche` moves to `status` on `date`.
    case followUpFiche(fiche: String, status: FicheStatus, date: String?, note: String?)
    /// During a meeting that `follows` earlier sessions: how an open entry of one of them stands,
    /// as of `date` (`YYYY-MM-DD`; the meeting's day when nil); for a commitment said disbursed,
    /// `amount` is the total disbursed to that date, in the commitment's currency.
    case reviewPrevious(
        source: PreviousEntry, status: ReviewedStatus, note: String?, amount: Int64? = nil, date: String? = nil)
    /// Take back a slip by a compensating event: the event `seq`, or, when nil, the seat's own
    /// last event still standing. The journal keeps both; the state is that of the journal
    /// without the undone event. Entries are corrected by ``amend(entry:text:reason:basedOn:)``
    /// and ``retract(entry:reason:)`` instead.
    case undo(seq: Int?)
    /// Record that the system clock was stepped by `seconds` (the wall clock against the
    /// monotonic clock; positive: forward). A live seat sends it when its two clocks disagree.
    case recordClockAdjustment(seconds: Int)
}

/// Why a command was refused: a typed ``RefusalReason`` whose words, in French or English, are
/// produced by ``message(_:)`` in the session's language.
public struct Refusal: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was refused and with which values.
    public var reason: RefusalReason

    /// Creates a refusal for `reason`.
    public init(_ reason: RefusalReason) { self.reason = reason }

    /// A stable code for tests and scripts (`no-current-item`, `unknown-item`…).
    public var code: String { reason.code }
    /// Message in French.
    public var fr: String { reason.text(.fr) }
    /// Message in English.
    public var en: String { reason.text(.en) }

    /// The message in `language`.
    public func message(_ language: Language) -> String { reason.text(language) }
    public var description: String { en }
}
