import Foundation

/// One-line readable descriptions of events, for `palabre log` and histories on screen.
public enum EventDescription {
    /// `#12 2023-10-17 09:02:13 facilitator  itemStarted  Cérémonie d'ouverture`, with names
    /// resolved against `state` (the state just before the event).
    ///
    /// `undoneBy`: the seq of the event that undid this one, if any; the line then ends with
    /// « (undone by #N) ». The words around the data are in `language` (event types and ids stay
    /// as the journal has them).
    public static func line(_ e: Event, state: SessionState, undoneBy: Int? = nil, language: Language = .en) -> String {
        let lt = state.local
        let stamp = String(lt.rfc3339(e.at).prefix(19)).replacingOccurrences(of: "T", with: " ")
        let fr = language == .fr
        let mark = undoneBy.map { fr ? " (annulé par n°\u{00A0}\($0))" : " (undone by #\($0))" } ?? ""
        return Text.visible(
            "#\(e.seq) \(stamp) \(e.seat.padding(toLength: max(e.seat.count, 11), withPad: " ", startingAt: 0)) "
                + "\(e.payload.type.padding(toLength: max(20, e.payload.type.count), withPad: " ", startingAt: 0)) "
                + "\(detail(e.payload, state: state, language: language))\(mark)"
        )
    }

    /// The fields an amendment changes: `amount 30000000, status confirmed`.
    static func describe(_ c: EntryChanges) -> String {
        var parts: [String] = []
        if let v = c.partner { parts.append("partner \(v)") }
        if let v = c.fiche { parts.append("fiche \(v)") }
        if let v = c.nature { parts.append("nature \(v.rawValue)") }
        if let v = c.amount { parts.append("amount \(v)") }
        if let v = c.currency { parts.append("currency \(v)") }
        if let v = c.status { parts.append("status \(v.rawValue)") }
        if let v = c.conditions { parts.append("conditions \(v)") }
        if let v = c.addressee { parts.append("addressee \(v)") }
        if let v = c.responsible { parts.append("responsible \(v)") }
        if let v = c.due { parts.append("due \(v)") }
        if let v = c.votesFor { parts.append("for \(v)") }
        if let v = c.votesAgainst { parts.append("against \(v)") }
        if let v = c.abstentions { parts.append("abstentions \(v)") }
        if let v = c.outcome { parts.append("outcome \(v.rawValue)") }
        return parts.joined(separator: ", ")
    }

    /// The data of a payload in words, the few words around it in `language`.
    public static func detail(_ p: EventPayload, state s: SessionState, language: Language = .en) -> String {
        let fr = language == .fr
        let after = fr ? " après " : " after "
        func t(_ id: String) -> String { s.item(id).map { "\($0.item.title) [\(id)]" } ?? id }
        func n(_ id: String) -> String { "\(s.displayName(id)) [\(id)]" }
        switch p {
        case .sessionOpened: return s.programme.title
        case .sessionClosed: return ""
        case .dayStarted(let d, let held):
            return d + (held.map { (fr ? " (tenue le " : " (held on ") + "\($0))" } ?? "")
        case .dayEnded(let d): return d
        case .itemStarted(let i), .itemPaused(let i), .itemResumed(let i), .itemEnded(let i), .itemSkipped(let i):
            return t(i)
        case .itemExtended(let i, let sec): return "\(t(i)) \(sec < 0 ? "-" : "+")\(abs(sec) / 60) min"
        case .itemInserted(let day, let anchor, let item):
            return "\(item.title) [\(item.id)], \(item.duration / 60) min, \(day)\(anchor.map { after + $0 } ?? "")"
        case .itemMoved(let i, let day, let anchor): return "\(t(i)) → \(day)\(anchor.map { after + $0 } ?? "")"
        case .itemsCarriedOver(let from, let to, let anchor, let items):
            return "\(from) → \(to)\(anchor.map { after + $0 } ?? ""): \(items.map(t).joined(separator: ", "))"
        case .floorRequested(_, let w, let poo):
            return n(w) + (poo ? (fr ? " (motion d'ordre)" : " (point of order)") : "")
        case .floorGiven(_, let w, let limit, let checksIn):
            return n(w) + (limit.map { " (\(formatCountdown($0)))" } ?? "")
                + (checksIn ? (fr ? ", présence pointée" : ", checked in") : "")
        case .floorYielded(_, let w), .speakerRemoved(_, let w): return n(w)
        case .queueReordered(_, let w, let pos): return "\(n(w)) → " + (fr ? "rang" : "place") + " \(pos + 1)"
        case .speakingLimitSet(let i, let sec):
            return "\(t(i)): \(sec.map { formatCountdown($0) } ?? (fr ? "aucune" : "none"))"
        case .entryRecorded(let item, let c):
            let kind = DocLabels(language).entryKind(c.kind).lowercased()
            return kind + (fr ? "\u{00A0}: " : ": ") + "\(c.text)\(item.map { " — \($0)" } ?? "")"
        case .entryAmended(let e, let text, let reason, let changes):
            let fields = changes.map(describe) ?? ""
            return "#\(e) → \(text)\(fields.isEmpty ? "" : " [\(fields)]") (\(reason))"
        case .entryRetracted(let e, let reason): return "#\(e) (\(reason))"
        case .entryAdopted(let e): return "#\(e)"
        case .participantCheckedIn(let p, let day), .participantLeft(let p, let day): return "\(n(p)) \(day)"
        case .participantAdded(let p): return "\(p.function) [\(p.id)]"
        case .interestDeclared(let partner, let fiche): return "\(n(partner)) → \(fiche)"
        case .synergyMarked(let fiche, let partners, let lead):
            let names = partners.map { s.displayName($0) }.joined(separator: ", ")
            return "\(fiche): \(names)"
                + (lead.map { (fr ? " (chef de file " : " (lead ") + "\(s.displayName($0)))" } ?? "")
        case .commitmentStatusChanged(let e, let status): return "#\(e) → \(status.rawValue)"
        case .commitmentWithdrawn(let e, let reason): return "#\(e) (\(reason))"
        case .commitmentFollowedUp(let e, let status, let amount, let date, let note):
            return "#\(e) → \(status.rawValue) \(date)" + (amount.map { " \(Amounts.format($0))" } ?? "")
                + (note.map { " (\($0))" } ?? "")
        case .actionFollowedUp(let e, let status, let date, let note):
            return "#\(e) → \(status.rawValue) \(date)" + (note.map { " (\($0))" } ?? "")
        case .previousReviewed(let source, let status, let note, let amount, let date):
            return "\(source.session) #\(source.entry) → \(status.rawValue)" + (date.map { " \($0)" } ?? "")
                + (amount.map { " \(Amounts.format($0))" } ?? "") + (note.map { " (\($0))" } ?? "")
        case .ficheFollowedUp(let f, let status, let date, let note):
            return "\(f) → \(status.rawValue) \(date)" + (note.map { " (\($0))" } ?? "")
        case .clockAdjusted(let seconds): return "\(seconds >= 0 ? "+" : "")\(seconds) s"
        case .undone(let seq):
            guard let target = s.standingEvent(seq) else { return "#\(seq)" }
            return "#\(seq) \(target.payload.type): \(detail(target.payload, state: s, language: language))"
        case .lineSetAside(let line, let file): return (fr ? "ligne " : "line ") + "\(line) → \(file)"
        }
    }
}
