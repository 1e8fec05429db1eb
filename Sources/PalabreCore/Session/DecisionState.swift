import Foundation

// The decision state: what `decide` reads, without what only the screens, the documents and undo
// read (the entries, the speaking turns, the standing events). Its size follows the programme,
// not the journal, which is what lets `palabre do` start from a snapshot of it
// (``DecisionSnapshot``) instead of folding every event ever recorded.

extension SessionState {
    /// Whether this state is a decision state (``forDeciding()``): it has no entries, turns or
    /// standing events, so only commands with ``Command/isDecidedWithoutRecords`` may be decided
    /// on it, and only events with ``EventPayload/isFoldedWithoutRecords`` folded into it.
    public var isForDeciding: Bool { recordsLeftOut }

    /// This state without its records: the entries (and their indexes), the finished speaking
    /// turns and the standing events. Everything else — days, runs, the queue and the turn under
    /// way, participants, attendance, synergy facts, follow-up, reviews, undos, clock steps,
    /// mismatches — is kept as is.
    public func forDeciding() -> SessionState {
        var s = self
        s.entries = []
        s.entryIndicesByItem = [:]
        s.entryIndicesOutsideAgenda = []
        s.turns = []
        s.standingEvents = []
        s.recordsLeftOut = true
        return s
    }
}

extension SessionState {
    /// Whether what the state names is there: the day under way is one of its days, the item
    /// under way, the runs and the turn under way name items of its agenda. A state folded from
    /// events always is; one read from a file edited by hand may not be (``DecisionSnapshot``
    /// then reads the journal instead).
    public var isCoherent: Bool {
        if let d = currentDay, !days.indices.contains(d) { return false }
        if let c = currentItem, item(c) == nil { return false }
        if let t = currentTurn, item(t.item) == nil { return false }
        return runs.keys.allSatisfy { item($0) != nil }
    }
}

extension Command {
    /// Whether `decide` gives the same events (or the same refusal) on a decision state as on the
    /// full state: every command but those that name an entry (amend, retract, adopt, a
    /// commitment's status or withdrawal, follow-up), an undo (which reads the standing events),
    /// a review of an earlier session and a clock step (whose event folds the standing events again).
    /// A test decides every kind on both states at every cut of recorded journals.
    public var isDecidedWithoutRecords: Bool {
        switch self {
        case .amend, .retract, .adopt, .changeCommitmentStatus, .withdrawCommitment, .followUpCommitment,
            .followUpAction, .followUpFiche, .reviewPrevious, .undo, .recordClockAdjustment:
            return false
        case .openSession, .closeSession, .startDay, .endDay, .startItem, .pauseItem, .resumeItem, .extendItem,
            .setRemaining, .endItem, .skipItem, .insertItem, .moveItem, .carryOver, .requestFloor,
            .requestFloorAsWalkIn, .giveFloor, .yieldFloor, .removeSpeaker, .reorderSpeaker, .setSpeakingLimit,
            .record, .checkIn, .checkInPresentYesterday, .addParticipant, .walkIn, .checkOut, .declareInterest,
            .markSynergy:
            return true
        }
    }
}

extension EventPayload {
    /// Whether folding this event into a decision state gives the decision state of the full
    /// fold: every event but an undo and a clock step, which fold the standing events again.
    /// (An amendment or a status of an entry changes only the entries, which a decision state
    /// does not have.)
    public var isFoldedWithoutRecords: Bool {
        switch self {
        case .undone, .clockAdjusted: return false
        default: return true
        }
    }
}
