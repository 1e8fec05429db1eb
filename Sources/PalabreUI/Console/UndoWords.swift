import PalabreCore

extension Labels {
    /// What undoing `e` takes back, in words: « fin du point « Débat » », "floor given to X".
    func undoTarget(_ e: Event, _ s: SessionState) -> String {
        func item(_ id: String) -> String { TextWidth.sanitize(s.item(id)?.item.title ?? id) }
        func who(_ id: String) -> String { TextWidth.sanitize(s.displayName(id)) }
        let (id, value): (String, String)
        switch e.payload {
        case .itemEnded(let i): (id, value) = ("itemEnded", item(i))
        case .itemSkipped(let i): (id, value) = ("itemSkipped", item(i))
        case .itemMoved(let i, _, _): (id, value) = ("itemMoved", item(i))
        case .itemInserted(_, _, let it): (id, value) = ("itemInserted", TextWidth.sanitize(it.title))
        case .itemsCarriedOver(_, _, _, let items): (id, value) = ("itemsCarriedOver", String(items.count))
        case .dayEnded: (id, value) = ("dayEnded", "")
        case .itemExtended(let i, _): (id, value) = ("itemExtended", item(i))
        case .floorRequested(_, let w, _): (id, value) = ("floorRequested", who(w))
        case .floorGiven(_, let w, _, _): (id, value) = ("floorGiven", who(w))
        case .floorYielded(_, let w): (id, value) = ("floorYielded", who(w))
        case .speakerRemoved(_, let w): (id, value) = ("speakerRemoved", who(w))
        case .participantCheckedIn(let p, _): (id, value) = ("participantCheckedIn", who(p))
        case .participantAdded(let p): (id, value) = ("participantAdded", TextWidth.sanitize(p.function))
        case .commitmentStatusChanged(let n, _): (id, value) = ("commitmentStatusChanged", String(n))
        case .entryRetracted(let n, _): (id, value) = ("entryRetracted", String(n))
        case .entryAdopted(let n): (id, value) = ("entryAdopted", String(n))
        case .commitmentWithdrawn(let n, _): (id, value) = ("commitmentWithdrawn", String(n))
        case .interestDeclared(let p, let f): (id, value) = ("interestDeclared", who(p) + " · " + f)
        case .synergyMarked(let f, _, _): (id, value) = ("synergyMarked", f)
        default: return "n°\u{00A0}\(e.seq)"
        }
        return self["undo.what." + id].replacingOccurrences(of: "%@", with: value)
    }

    /// Words for ``undoTarget(_:_:)``: id → (French, English).
    static let undoWords: [String: (fr: String, en: String)] = [
        "undo.what.itemEnded": ("la fin du point « %@ »", "the end of item “%@”"),
        "undo.what.itemSkipped": ("le saut du point « %@ »", "skipping item “%@”"),
        "undo.what.itemMoved": ("le déplacement du point « %@ »", "moving item “%@”"),
        "undo.what.itemInserted": ("l'insertion du point « %@ »", "inserting item “%@”"),
        "undo.what.itemsCarriedOver": ("le report de %@ point(s)", "carrying over %@ item(s)"),
        "undo.what.dayEnded": ("la fin de la journée", "the end of the day"),
        "undo.what.itemExtended": ("la prolongation du point « %@ »", "the extension of item “%@”"),
        "undo.what.floorRequested": ("la demande de parole de %@", "the request for the floor of %@"),
        "undo.what.floorGiven": ("la parole donnée à %@", "the floor given to %@"),
        "undo.what.floorYielded": ("la fin de l'intervention de %@", "the end of the turn of %@"),
        "undo.what.speakerRemoved": ("le retrait de %@ de la file", "removing %@ from the queue"),
        "undo.what.participantCheckedIn": ("le pointage de %@", "the check-in of %@"),
        "undo.what.participantAdded": ("le nouvel arrivant %@", "the walk-in %@"),
        "undo.what.commitmentStatusChanged": ("le statut de l'engagement n°\u{00A0}%@", "the status of commitment #%@"),
        "undo.what.entryRetracted": ("le retrait de l'entrée n°\u{00A0}%@", "the retraction of entry #%@"),
        "undo.what.entryAdopted": ("l'adoption de l'entrée n°\u{00A0}%@", "the adoption of entry #%@"),
        "undo.what.commitmentWithdrawn": (
            "le retrait de l'engagement n°\u{00A0}%@", "the withdrawal of commitment #%@"
        ),
        "undo.what.interestDeclared": ("l'intérêt déclaré (%@)", "the declared interest (%@)"),
        "undo.what.synergyMarked": ("la synergie sur %@", "the synergy on %@"),
        "undo.confirm": (
            "u à nouveau annule %@ (n°\u{00A0}%d) ; une autre touche le garde",
            "u again undoes %@ (#%d); any other key keeps it"
        ),
        "undo.confirm.typing": (
            "^Z à nouveau annule %@ (n°\u{00A0}%d) ; une autre touche le garde",
            "^Z again undoes %@ (#%d); any other key keeps it"
        ),
        "undo.none": ("Rien à annuler pour ce poste", "Nothing to undo for this seat"),
    ]
}
