import PalabreCore

extension Labels {
    /// What undoing `e` takes back, in words: « fin du point « Débat » », "floor given to X".
    func undoTarget(_ e: Event, _ s: SessionState) -> String {
        func item(_ id: String) -> String { TextWidth.sanitize(s.item(id)?.item.title ?? id) }
        func who(_ id: String) -> String { TextWidth.sanitize(s.displayName(id)) }
        let (id, value): (UILabel, String)
        switch e.payload {
        case .itemEnded(let i): (id, value) = (.undoWhatItemEnded, item(i))
        case .itemSkipped(let i): (id, value) = (.undoWhatItemSkipped, item(i))
        case .itemMoved(let i, _, _): (id, value) = (.undoWhatItemMoved, item(i))
        case .itemInserted(_, _, let it): (id, value) = (.undoWhatItemInserted, TextWidth.sanitize(it.title))
        case .itemsCarriedOver(_, _, _, let items):
            (id, value) = (items.count == 1 ? .undoWhatItemCarriedOver : .undoWhatItemsCarriedOver, String(items.count))
        case .dayEnded: (id, value) = (.undoWhatDayEnded, "")
        case .itemExtended(let i, _): (id, value) = (.undoWhatItemExtended, item(i))
        case .floorRequested(_, let w, _): (id, value) = (.undoWhatFloorRequested, who(w))
        case .floorGiven(_, let w, _, _): (id, value) = (.undoWhatFloorGiven, who(w))
        case .floorYielded(_, let w): (id, value) = (.undoWhatFloorYielded, who(w))
        case .speakerRemoved(_, let w): (id, value) = (.undoWhatSpeakerRemoved, who(w))
        case .participantCheckedIn(let p, _): (id, value) = (.undoWhatParticipantCheckedIn, who(p))
        case .participantAdded(let p): (id, value) = (.undoWhatParticipantAdded, TextWidth.sanitize(p.function))
        case .participantLeft(let p, _): (id, value) = (.undoWhatParticipantLeft, who(p))
        case .commitmentStatusChanged(let n, _): (id, value) = (.undoWhatCommitmentStatusChanged, String(n))
        case .entryRetracted(let n, _): (id, value) = (.undoWhatEntryRetracted, String(n))
        case .entryAdopted(let n): (id, value) = (.undoWhatEntryAdopted, String(n))
        case .commitmentWithdrawn(let n, _): (id, value) = (.undoWhatCommitmentWithdrawn, String(n))
        case .interestDeclared(let p, let f): (id, value) = (.undoWhatInterestDeclared, who(p) + " · " + f)
        case .synergyMarked(let f, _, _): (id, value) = (.undoWhatSynergyMarked, f)
        case .commitmentFollowedUp(let n, _, _, _, _), .actionFollowedUp(let n, _, _, _):
            (id, value) = (.undoWhatFollowUp, String(n))
        case .ficheFollowedUp(let f, _, _, _): (id, value) = (.undoWhatFicheFollowUp, f)
        case .previousReviewed(let source, _, _, _, _):
            (id, value) = (.undoWhatReview, "\(source.entry) (" + TextWidth.sanitize(source.session) + ")")
        // The prompt gives the event's number after it: the words alone here.
        default: (id, value) = (.undoWhatEvent, "")
        }
        return self[id].replacingOccurrences(of: "%@", with: value)
    }
}
