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
    /// check-in, a walk-in, a commitment's status change, an entry's retraction or adoption, a
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
    func undo(_ seq: Int?, by who: UndoSeat) throws(Refusal) -> EventPayload {
        let target: Event
        if let seq {
            guard seq >= 1, seq <= lastSeq else {
                throw Refusal(
                    "unknown-event", fr: "Aucun événement n° \(seq) au journal (le dernier est le n° " + "\(lastSeq)).",
                    en: "No event #\(seq) in the journal (the last is #\(lastSeq)).")
            }
            if let by = undoneBy[seq] {
                throw Refusal(
                    "already-undone", fr: "L'événement n° \(seq) a déjà été annulé (par le n° \(by)).",
                    en: "Event #\(seq) has already been undone (by #\(by)).")
            }
            guard let e = standingEvent(seq) else {
                throw Refusal(
                    "undo-of-undo",
                    fr: "Le n° \(seq) est lui-même une annulation : elle ne s'annule pas ; "
                        + "enregistrez de nouveau le fait.",
                    en: "#\(seq) is itself an undo: it cannot be undone; record the fact again.")
            }
            target = e
        } else {
            guard let e = undoCandidate(seat: who.seat) else {
                let seat = who.seat ?? ""
                throw Refusal(
                    "nothing-to-undo", fr: "Rien à annuler\(seat.isEmpty ? "" : " pour le poste « \(seat) »").",
                    en: "Nothing to undo\(seat.isEmpty ? "" : " for the \(seat) seat").")
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
            throw Refusal(
                "entry-use-retract",
                fr: "Le n° \(seq) enregistre une entrée du compte rendu : elle ne "
                    + "s'annule pas, elle se retire (retract \(seq) --reason …) ou s'amende, et le compte rendu en "
                    + "garde "
                    + "la trace.",
                en: "#\(seq) records a minute entry: it is not undone but retracted (retract \(seq) "
                    + "--reason …) or amended, and the minutes keep the trace.")
        case .entryAmended(let e, _, _, _):
            throw Refusal(
                "not-undoable",
                fr: "Le n° \(seq) (\(payload.type)) porte sur l'entrée n° \(e) : "
                    + "corrigez-la par un nouvel amendement ou un retrait, pas par une annulation.",
                en: "#\(seq) (\(payload.type)) concerns entry #\(e): correct it by a new amendment or a "
                    + "retraction, not by an undo.")
        case .sessionOpened, .sessionClosed, .dayStarted, .itemStarted, .itemPaused, .itemResumed,
            .queueReordered, .speakingLimitSet, .undone, .lineSetAside, .clockAdjusted:
            throw Refusal(
                "not-undoable",
                fr: "Le n° \(seq) (\(payload.type)) ne s'annule pas. S'annulent : fin ou saut d'un point, "
                    + "point inséré ou déplacé, fin de journée, prolongation, demande de parole, parole donnée ou "
                    + "rendue, orateur retiré, pointage, nouvel arrivant, statut, retrait ou adoption d'une entrée, "
                    + "engagement retiré, intérêt, synergie.",
                en: "#\(seq) (\(payload.type)) cannot be undone. Undoable: an item ended, skipped, "
                    + "inserted or moved, a day ended, an extension, a request for the floor, the floor "
                    + "given or yielded, a speaker removed, a check-in, a walk-in, a commitment status, "
                    + "an entry retracted or adopted, a commitment withdrawn, an interest, a synergy.")
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
                throw Refusal(
                    "item-since-started",
                    fr: "« \(name(id)) » ne peut pas reprendre : « \(name(other)) » "
                        + "a commencé depuis (n° \(e.seq)).",
                    en: "“\(name(id))” cannot run again: “\(name(other))” has started since (#\(e.seq)).")
            }
            if let e = later.first(where: {
                switch $0.payload {
                case .dayEnded, .dayStarted: true;
                default: false
                }
            }) {
                throw Refusal(
                    "day-since-ended",
                    fr: "« \(name(id)) » ne peut pas reprendre : la journée a changé "
                        + "depuis (n° \(e.seq), \(e.payload.type)).",
                    en: "“\(name(id))” cannot run again: the day has changed since (#\(e.seq), " + "\(e.payload.type))."
                )
            }
        case .itemSkipped(let id):
            if run(id).status != .skipped {
                throw Refusal(
                    "item-since-started", fr: "« \(name(id)) » a été repris depuis : il n'est plus sauté.",
                    en: "“\(name(id))” has been taken up since: it is no longer skipped.")
            }
        case .itemMoved(let id, _, _):
            if run(id).status != .planned {
                throw Refusal(
                    "item-since-started",
                    fr: "« \(name(id)) » a commencé ou a été sauté depuis : il ne " + "peut plus revenir à sa place.",
                    en: "“\(name(id))” has started or been skipped since: it can no longer go back to its " + "place.")
            }
        case .itemsCarriedOver(let from, _, _, let items):
            if let id = items.first(where: { run($0).status != .planned }) {
                throw Refusal(
                    "item-since-started",
                    fr: "« \(name(id)) » a commencé ou a été sauté depuis : les points reportés ne peuvent plus "
                        + "revenir au \(from).",
                    en: "“\(name(id))” has started or been skipped since: the carried items can no longer go back "
                        + "to \(from).")
            }
        case .itemInserted(_, _, let it):
            if run(it.id).status != .planned {
                throw Refusal(
                    "item-since-started",
                    fr: "« \(it.title) » a commencé ou a été sauté depuis : il ne "
                        + "peut plus être retiré de l'ordre du jour.",
                    en: "“\(it.title)” has started or been skipped since: it can no longer be taken off "
                        + "the agenda.")
            }
            if let e = later.first(where: { Self.mentions($0.payload, item: it.id) }) {
                throw Refusal(
                    "item-since-used",
                    fr: "« \(it.title) » a servi depuis à placer ou déplacer un point "
                        + "(n° \(e.seq)) : il ne peut plus être retiré.",
                    en: "“\(it.title)” has since been used to place or move an item (#\(e.seq)): it can no "
                        + "longer be taken off.")
            }
        case .dayEnded(let date):
            if let e = later.first(where: { if case .dayStarted = $0.payload { true } else { false } }),
                case .dayStarted(let other, _) = e.payload
            {
                throw Refusal(
                    "day-since-started",
                    fr: "La journée du \(date) ne peut pas reprendre : celle du "
                        + "\(other) a commencé depuis (n° \(e.seq)).",
                    en: "The day \(date) cannot resume: the day \(other) has started since (#\(e.seq)).")
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
                throw Refusal(
                    "floor-since-changed",
                    fr: "La parole a évolué depuis (n° \(e.seq), \(e.payload.type)) "
                        + ": le n° \(n) ne s'annule plus ; agissez directement sur la file ou la parole.",
                    en: "The floor has moved on since (#\(e.seq), \(e.payload.type)): #\(n) can no longer "
                        + "be undone; act on the queue or the floor directly.")
            }
        case .participantAdded(let p):
            if let e = later.first(where: { e in
                if case .participantCheckedIn(let q, _) = e.payload { return q == p.id }
                return Self.floorWho(e.payload) == p.id
            }) {
                throw Refusal(
                    "participant-since-used",
                    fr: "\(p.function) figure depuis au journal (n° \(e.seq), "
                        + "\(e.payload.type)) : le nouvel arrivant ne peut plus être annulé.",
                    en: "\(p.function) appears in the journal since (#\(e.seq), \(e.payload.type)): the "
                        + "walk-in can no longer be undone.")
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
