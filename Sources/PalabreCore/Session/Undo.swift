import Foundation

/// Who asks for an undo: `role` limits what may be taken back; an undo without a seq takes back
/// the last standing event of `seat` (of any seat when nil).
struct UndoSeat: Sendable {
    var role: SeatRole
    var seat: String?
}

extension SessionState {
    /// Whether an event of this kind may be taken back by ``Command/undo(seq:)`` (when the
    /// state still allows it): an item ended, skipped, moved or inserted, a day ended, an
    /// extension, a request for the floor, the floor given, a turn ended, a speaker removed, a
    /// check-in, a departure, a walk-in, a commitment's status change, an entry's retraction or adoption, a
    /// commitment's withdrawal, an interest, a synergy.
    ///
    /// Entries themselves are not undone: they are amended or retracted, and the minutes keep
    /// the history.
    public static func isUndoable(_ payload: EventPayload) -> Bool {
        (try? commandRecording(payload, seq: 0)) != nil
    }

    /// What an undo without a seq would take back for `seat` (any seat when nil): the seat's
    /// most recent standing event of an undoable kind. Entries, starts and pauses in between
    /// are passed over.
    public func undoCandidate(seat: String?) -> Event? {
        standingEvents.last { (seat == nil || $0.seat == seat) && Self.isUndoable($0.payload) }
    }

    /// The `undone` fact for `seq` (the seat's last undoable event when nil), or the refusal
    /// saying why it cannot be taken back.
    /// The seq of the participant added by the same command as event `seq` — the event just
    /// before it, by the same seat at the same instant, adding the person it names (a walk-in
    /// checked in, or asking for the floor) — if any.
    func addedWith(_ seq: Int) -> Int? {
        guard let e = standingEvent(seq), let before = standingEvent(seq - 1), before.seat == e.seat,
            before.at == e.at, case .participantAdded(let p) = before.payload
        else { return nil }
        switch e.payload {
        case .participantCheckedIn(let who, _), .floorRequested(_, let who, _): return who == p.id ? before.seq : nil
        default: return nil
        }
    }

    func undo(_ seq: Int?, by who: UndoSeat) throws(Refusal) -> EventPayload {
        let target: Event
        if let seq {
            guard seq >= 1, seq <= lastSeq else {
                throw Refusal(.unknownEvent(seq: seq, last: lastSeq))
            }
            if let by = undoneBy[seq] {
                throw Refusal(.alreadyUndone(seq: seq, by: by))
            }
            guard let e = standingEvent(seq) else {
                throw Refusal(.undoOfUndo(seq: seq))
            }
            target = e
        } else {
            guard let e = undoCandidate(seat: who.seat) else {
                let seat = who.seat ?? ""
                throw Refusal(.nothingToUndo(seat: seat))
            }
            target = e
        }
        let command = try Self.commandRecording(target.payload, seq: target.seq)
        guard who.role.allows(command) else { throw who.role.refusal(for: command) }
        try checkStillApplies(target)
        return .undone(seq: target.seq)
    }

    /// The command that records an undoable `payload` (to check a seat's role against), or the
    /// refusal for a kind that is not undone.
    static func commandRecording(_ payload: EventPayload, seq: Int) throws(Refusal) -> Command {
        switch payload {
        case .itemEnded: return .endItem
        case .itemSkipped(let i): return .skipItem(id: i)
        case .itemMoved(let i, let day, let after): return .moveItem(id: i, day: day, after: after)
        case .itemsCarriedOver: return .carryOver
        case .itemInserted(_, let after, let item):
            return .insertItem(title: item.title, seconds: item.duration, kind: item.kind, after: after)
        case .dayEnded: return .endDay
        case .itemExtended(_, let sec): return .extendItem(seconds: sec)
        case .floorRequested(_, let w, let poo): return .requestFloor(who: w, pointOfOrder: poo)
        case .floorGiven(_, let w, _, _): return .giveFloor(who: w)
        case .floorYielded: return .yieldFloor
        case .speakerRemoved(_, let w): return .removeSpeaker(who: w)
        case .participantCheckedIn(let p, let day): return .checkIn(who: p, day: day)
        case .participantAdded(let p): return .addParticipant(p)
        case .participantLeft(let p, _): return .checkOut(who: p)
        case .commitmentStatusChanged(let e, let st): return .changeCommitmentStatus(entry: e, status: st)
        case .interestDeclared(let p, let f): return .declareInterest(partner: p, fiche: f)
        case .synergyMarked(let f, let ps, let lead): return .markSynergy(fiche: f, partners: ps, lead: lead)
        case .entryRetracted(let e, let reason): return .retract(entry: e, reason: reason)
        case .entryAdopted(let e): return .adopt(entry: e)
        case .commitmentWithdrawn(let e, let reason): return .withdrawCommitment(entry: e, reason: reason)
        case .commitmentFollowedUp(let e, let st, let amount, let date, let note):
            return .followUpCommitment(entry: e, status: st, amount: amount, date: date, note: note)
        case .actionFollowedUp(let e, let st, let date, let note):
            return .followUpAction(entry: e, status: st, date: date, note: note)
        case .ficheFollowedUp(let f, let st, let date, let note):
            return .followUpFiche(fiche: f, status: st, date: date, note: note)
        case .previousReviewed(let source, let status, let note, let amount, let date):
            return .reviewPrevious(source: source, status: status, note: note, amount: amount, date: date)
        case .entryRecorded:
            throw Refusal(.entryUseRetract(seq: seq))
        case .entryAmended(let e, _, _, _):
            throw Refusal(.entryFactNotUndoable(seq: seq, type: payload.type, entry: e))
        case .sessionOpened, .sessionClosed, .dayStarted, .itemStarted, .itemPaused, .itemResumed,
            .queueReordered, .speakingLimitSet, .undone, .lineSetAside, .clockAdjusted:
            throw Refusal(.notUndoable(seq: seq, type: payload.type))
        }
    }

    /// Refuses an undo of `target` that the events recorded since have made meaningless (the
    /// state without `target` would not be one the meeting could be in).
    private func checkStillApplies(_ target: Event) throws(Refusal) {
        guard let i = standingIndex(target.seq) else { return }
        let later = standingEvents[(i + 1)...]
        func name(_ id: String) -> String { item(id)?.item.title ?? id }
        let n = target.seq
        switch target.payload {
        case .itemEnded(let id):
            if let e = later.first(where: { if case .itemStarted = $0.payload { true } else { false } }),
                case .itemStarted(let other) = e.payload
            {
                throw Refusal(.otherItemStartedSince(item: name(id), other: name(other), since: e.seq))
            }
            if let e = later.first(where: {
                switch $0.payload {
                case .dayEnded, .dayStarted: true;
                default: false
                }
            }) {
                throw Refusal(.daySinceEnded(item: name(id), since: e.seq, type: e.payload.type))
            }
        case .itemSkipped(let id):
            if run(id).status != .skipped {
                throw Refusal(.itemTakenUpSince(item: name(id)))
            }
        case .itemMoved(let id, _, _):
            if run(id).status != .planned {
                throw Refusal(.itemMovedSince(item: name(id)))
            }
        case .itemsCarriedOver(let from, _, _, let items):
            if let id = items.first(where: { run($0).status != .planned }) {
                throw Refusal(.itemCarriedSince(item: name(id), date: from))
            }
        case .itemInserted(_, _, let it):
            if run(it.id).status != .planned {
                throw Refusal(.itemInsertedSince(item: it.title))
            }
            if let e = later.first(where: { Self.mentions($0.payload, item: it.id) }) {
                throw Refusal(.itemUsedSince(item: it.title, since: e.seq))
            }
        case .dayEnded(let date):
            if let e = later.first(where: { if case .dayStarted = $0.payload { true } else { false } }),
                case .dayStarted(let other, _) = e.payload
            {
                throw Refusal(.daySinceStarted(date: date, other: other, since: e.seq))
            }
        case .floorGiven(_, let who, _, _), .floorYielded(_, let who), .speakerRemoved(_, let who),
            .floorRequested(_, let who, _):
            // The turn or the request must still be as the undone event left it.
            let turnEvent: Bool = {
                switch target.payload {
                case .floorGiven, .floorYielded: true;
                default: false
                }
            }()
            if let e = later.first(where: { e in
                switch e.payload {
                case .itemStarted, .itemEnded, .itemSkipped: return true
                case .floorGiven, .floorYielded: return turnEvent || Self.floorWho(e.payload) == who
                default: return Self.floorWho(e.payload) == who
                }
            }) {
                throw Refusal(.floorSinceChanged(since: e.seq, type: e.payload.type, seq: n))
            }
        case .participantCheckedIn(let p, let day):
            if let e = later.first(where: { e in
                if case .participantLeft(let q, let d) = e.payload { return q == p && d == day }
                return false
            }) {
                throw Refusal(.leftSince(name: displayName(p), seq: e.seq))
            }
        case .participantAdded(let p):
            if let e = later.first(where: { e in
                if case .participantCheckedIn(let q, _) = e.payload { return q == p.id }
                return Self.floorWho(e.payload) == p.id
            }) {
                throw Refusal(.participantSinceUsed(function: p.function, since: e.seq, type: e.payload.type))
            }
        default:
            break
        }
    }

    /// Who a floor event names.
    private static func floorWho(_ p: EventPayload) -> String? {
        switch p {
        case .floorRequested(_, let w, _), .floorGiven(_, let w, _, _), .floorYielded(_, let w),
            .speakerRemoved(_, let w),
            .queueReordered(_, let w, _):
            return w
        default: return nil
        }
    }

    /// Whether an agenda event names `item`, or places another item after it.
    private static func mentions(_ p: EventPayload, item id: String) -> Bool {
        switch p {
        case .itemMoved(let i, _, let after): return i == id || after == id
        case .itemsCarriedOver(_, _, let after, let items): return items.contains(id) || after == id
        case .itemInserted(_, let after, _): return after == id
        case .itemStarted(let i), .itemPaused(let i), .itemResumed(let i), .itemEnded(let i), .itemSkipped(let i),
            .itemExtended(let i, _), .speakingLimitSet(let i, _):
            return i == id
        default: return false
        }
    }
}
