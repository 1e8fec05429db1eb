import Foundation

extension Event: Codable {
    enum K: String, CodingKey {
        case seq, at, seat, type, script
        case date, item, seconds, day, after, who, pointOfOrder, limit, position, entry, text, reason,
            participant, partner, fiche, partners, lead, status, undoes, changes, held, amount, note, session,
            title, of, number, responsible, due, was, line, quarantine, from, to, items, checksIn, currency
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: K.self)
        seq = try c.decode(Int.self, forKey: .seq)
        at = try c.decode(Instant.self, forKey: .at)
        seat = try c.decode(String.self, forKey: .seat)
        script = try c.decodeIfPresent(ScriptLine.self, forKey: .script)
        let type = try c.decode(String.self, forKey: .type)
        func s(_ k: K) throws -> String { try c.decode(String.self, forKey: k) }
        switch type {
        case "sessionOpened": payload = .sessionOpened
        case "sessionClosed": payload = .sessionClosed
        case "dayStarted":
            payload = .dayStarted(date: try s(.date), held: try c.decodeIfPresent(String.self, forKey: .held))
        case "dayEnded": payload = .dayEnded(date: try s(.date))
        case "itemStarted": payload = .itemStarted(item: try s(.item))
        case "itemPaused": payload = .itemPaused(item: try s(.item))
        case "itemResumed": payload = .itemResumed(item: try s(.item))
        case "itemExtended":
            payload = .itemExtended(item: try s(.item), seconds: try c.decode(Int.self, forKey: .seconds))
        case "itemEnded": payload = .itemEnded(item: try s(.item))
        case "itemSkipped": payload = .itemSkipped(item: try s(.item))
        case "itemInserted":
            payload = .itemInserted(
                day: try s(.day), after: try c.decodeIfPresent(String.self, forKey: .after),
                item: try c.decode(AgendaItem.self, forKey: .item))
        case "itemMoved":
            payload = .itemMoved(
                item: try s(.item), day: try s(.day),
                after: try c.decodeIfPresent(String.self, forKey: .after))
        case "itemsCarriedOver":
            payload = .itemsCarriedOver(
                from: try s(.from), to: try s(.to), after: try c.decodeIfPresent(String.self, forKey: .after),
                items: try c.decode([String].self, forKey: .items))
        case "floorRequested":
            payload = .floorRequested(
                item: try s(.item), who: try s(.who),
                pointOfOrder: try c.decodeIfPresent(Bool.self, forKey: .pointOfOrder) ?? false)
        case "floorGiven":
            payload = .floorGiven(
                item: try s(.item), who: try s(.who),
                limit: try c.decodeIfPresent(Int.self, forKey: .limit),
                checksIn: try c.decodeIfPresent(Bool.self, forKey: .checksIn) ?? false)
        case "floorYielded": payload = .floorYielded(item: try s(.item), who: try s(.who))
        case "speakerRemoved": payload = .speakerRemoved(item: try s(.item), who: try s(.who))
        case "queueReordered":
            payload = .queueReordered(
                item: try s(.item), who: try s(.who),
                position: try c.decode(Int.self, forKey: .position))
        case "speakingLimitSet":
            payload = .speakingLimitSet(item: try s(.item), seconds: try c.decodeIfPresent(Int.self, forKey: .seconds))
        case "entryRecorded":
            payload = .entryRecorded(
                item: try c.decodeIfPresent(String.self, forKey: .item),
                entry: try c.decode(EntryContent.self, forKey: .entry))
        case "entryAmended":
            payload = .entryAmended(
                entry: try c.decode(Int.self, forKey: .entry), text: try s(.text),
                reason: try s(.reason),
                changes: try c.decodeIfPresent(EntryChanges.self, forKey: .changes))
        case "entryRetracted":
            payload = .entryRetracted(entry: try c.decode(Int.self, forKey: .entry), reason: try s(.reason))
        case "entryAdopted": payload = .entryAdopted(entry: try c.decode(Int.self, forKey: .entry))
        case "participantCheckedIn":
            payload = .participantCheckedIn(participant: try s(.participant), day: try s(.day))
        case "participantAdded":
            payload = .participantAdded(participant: try c.decode(Participant.self, forKey: .participant))
        case "participantLeft":
            payload = .participantLeft(participant: try s(.participant), day: try s(.day))
        case "interestDeclared": payload = .interestDeclared(partner: try s(.partner), fiche: try s(.fiche))
        case "synergyMarked":
            payload = .synergyMarked(
                fiche: try s(.fiche), partners: try c.decode([String].self, forKey: .partners),
                lead: try c.decodeIfPresent(String.self, forKey: .lead))
        case "commitmentStatusChanged":
            payload = .commitmentStatusChanged(
                entry: try c.decode(Int.self, forKey: .entry),
                status: try c.decode(CommitmentStatus.self, forKey: .status))
        case "commitmentWithdrawn":
            payload = .commitmentWithdrawn(entry: try c.decode(Int.self, forKey: .entry), reason: try s(.reason))
        case "commitmentFollowedUp":
            payload = .commitmentFollowedUp(
                entry: try c.decode(Int.self, forKey: .entry),
                status: try c.decode(FollowUpStatus.self, forKey: .status),
                amount: try c.decodeIfPresent(Int64.self, forKey: .amount), date: try s(.date),
                note: try c.decodeIfPresent(String.self, forKey: .note))
        case "actionFollowedUp":
            payload = .actionFollowedUp(
                entry: try c.decode(Int.self, forKey: .entry), status: try c.decode(ActionStatus.self, forKey: .status),
                date: try s(.date), note: try c.decodeIfPresent(String.self, forKey: .note))
        case "ficheFollowedUp":
            payload = .ficheFollowedUp(
                fiche: try s(.fiche), status: try c.decode(FicheStatus.self, forKey: .status), date: try s(.date),
                note: try c.decodeIfPresent(String.self, forKey: .note))
        case "previousReviewed":
            let kind = try c.decode(EntryKind.self, forKey: .of)
            let word = try s(.status)
            let status: ReviewedStatus
            if kind == .commitment, let st = FollowUpStatus(rawValue: word) {
                status = .commitment(st)
            } else if let st = ActionStatus(rawValue: word), kind != .commitment {
                status = .action(st)
            } else {
                throw DecodingError.dataCorruptedError(
                    forKey: .status, in: c, debugDescription: "status \(word) does not fit a \(kind.rawValue)")
            }
            let source = PreviousEntry(
                session: try s(.session), sessionTitle: try s(.title), entry: try c.decode(Int.self, forKey: .entry),
                kind: kind, number: try c.decodeIfPresent(Int.self, forKey: .number), text: try s(.text),
                who: try c.decodeIfPresent(String.self, forKey: .responsible),
                due: try c.decodeIfPresent(String.self, forKey: .due),
                lastStatus: try c.decodeIfPresent(String.self, forKey: .was),
                currency: try c.decodeIfPresent(String.self, forKey: .currency))
            payload = .previousReviewed(
                source: source, status: status, note: try c.decodeIfPresent(String.self, forKey: .note),
                amount: try c.decodeIfPresent(Int64.self, forKey: .amount),
                date: try c.decodeIfPresent(String.self, forKey: .date))
        case "undone": payload = .undone(seq: try c.decode(Int.self, forKey: .undoes))
        case "lineSetAside":
            payload = .lineSetAside(line: try c.decode(Int.self, forKey: .line), quarantine: try s(.quarantine))
        case "clockAdjusted": payload = .clockAdjusted(seconds: try c.decode(Int.self, forKey: .seconds))
        default:
            throw UnknownEventType(type: type)
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: K.self)
        try c.encode(seq, forKey: .seq)
        try c.encode(at, forKey: .at)
        try c.encode(seat, forKey: .seat)
        try c.encodeIfPresent(script, forKey: .script)
        try c.encode(payload.type, forKey: .type)
        try encodePayload(to: encoder)
    }

    func encodePayload(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: K.self)
        switch payload {
        case .sessionOpened, .sessionClosed: break
        case .dayStarted(let d, let held):
            try c.encode(d, forKey: .date); try c.encodeIfPresent(held, forKey: .held)
        case .dayEnded(let d): try c.encode(d, forKey: .date)
        case .itemStarted(let i), .itemPaused(let i), .itemResumed(let i), .itemEnded(let i), .itemSkipped(let i):
            try c.encode(i, forKey: .item)
        case .itemExtended(let i, let sec):
            try c.encode(i, forKey: .item); try c.encode(sec, forKey: .seconds)
        case .itemInserted(let day, let after, let item):
            try c.encode(day, forKey: .day); try c.encodeIfPresent(after, forKey: .after)
            try c.encode(item, forKey: .item)
        case .itemMoved(let item, let day, let after):
            try c.encode(item, forKey: .item); try c.encode(day, forKey: .day)
            try c.encodeIfPresent(after, forKey: .after)
        case .itemsCarriedOver(let from, let to, let after, let items):
            try c.encode(from, forKey: .from); try c.encode(to, forKey: .to)
            try c.encodeIfPresent(after, forKey: .after); try c.encode(items, forKey: .items)
        case .floorRequested(let item, let who, let poo):
            try c.encode(item, forKey: .item); try c.encode(who, forKey: .who)
            if poo { try c.encode(true, forKey: .pointOfOrder) }
        case .floorGiven(let item, let who, let limit, let checksIn):
            try c.encode(item, forKey: .item); try c.encode(who, forKey: .who)
            try c.encodeIfPresent(limit, forKey: .limit)
            if checksIn { try c.encode(true, forKey: .checksIn) }
        case .floorYielded(let item, let who), .speakerRemoved(let item, let who):
            try c.encode(item, forKey: .item); try c.encode(who, forKey: .who)
        case .queueReordered(let item, let who, let pos):
            try c.encode(item, forKey: .item); try c.encode(who, forKey: .who); try c.encode(pos, forKey: .position)
        case .speakingLimitSet(let item, let sec):
            try c.encode(item, forKey: .item); try c.encodeIfPresent(sec, forKey: .seconds)
        case .entryRecorded(let item, let entry):
            try c.encodeIfPresent(item, forKey: .item); try c.encode(entry, forKey: .entry)
        case .entryAmended(let e, let text, let reason, let changes):
            try c.encode(e, forKey: .entry); try c.encode(text, forKey: .text); try c.encode(reason, forKey: .reason)
            if let changes, !changes.isEmpty { try c.encode(changes, forKey: .changes) }
        case .entryRetracted(let e, let reason):
            try c.encode(e, forKey: .entry); try c.encode(reason, forKey: .reason)
        case .entryAdopted(let e): try c.encode(e, forKey: .entry)
        case .participantCheckedIn(let p, let day):
            try c.encode(p, forKey: .participant); try c.encode(day, forKey: .day)
        case .participantAdded(let p): try c.encode(p, forKey: .participant)
        case .participantLeft(let p, let day):
            try c.encode(p, forKey: .participant); try c.encode(day, forKey: .day)
        case .interestDeclared(let partner, let fiche):
            try c.encode(fiche, forKey: .fiche); try c.encode(partner, forKey: .partner)
        case .synergyMarked(let fiche, let partners, let lead):
            try c.encode(fiche, forKey: .fiche); try c.encodeIfPresent(lead, forKey: .lead)
            try c.encode(partners, forKey: .partners)
        case .commitmentStatusChanged(let e, let status):
            try c.encode(e, forKey: .entry); try c.encode(status, forKey: .status)
        case .commitmentWithdrawn(let e, let reason):
            try c.encode(e, forKey: .entry); try c.encode(reason, forKey: .reason)
        case .commitmentFollowedUp(let e, let status, let amount, let date, let note):
            try c.encode(e, forKey: .entry); try c.encode(status, forKey: .status)
            try c.encodeIfPresent(amount, forKey: .amount); try c.encode(date, forKey: .date)
            try c.encodeIfPresent(note, forKey: .note)
        case .actionFollowedUp(let e, let status, let date, let note):
            try c.encode(e, forKey: .entry); try c.encode(status, forKey: .status)
            try c.encode(date, forKey: .date); try c.encodeIfPresent(note, forKey: .note)
        case .ficheFollowedUp(let fiche, let status, let date, let note):
            try c.encode(fiche, forKey: .fiche); try c.encode(status, forKey: .status)
            try c.encode(date, forKey: .date); try c.encodeIfPresent(note, forKey: .note)
        case .previousReviewed(let source, let status, let note, let amount, let date):
            try c.encode(source.session, forKey: .session); try c.encode(source.sessionTitle, forKey: .title)
            try c.encode(source.entry, forKey: .entry); try c.encode(source.kind, forKey: .of)
            try c.encodeIfPresent(source.number, forKey: .number); try c.encode(source.text, forKey: .text)
            try c.encodeIfPresent(source.who, forKey: .responsible); try c.encodeIfPresent(source.due, forKey: .due)
            try c.encodeIfPresent(source.lastStatus, forKey: .was)
            try c.encodeIfPresent(source.currency, forKey: .currency)
            try c.encode(status.rawValue, forKey: .status); try c.encodeIfPresent(note, forKey: .note)
            try c.encodeIfPresent(amount, forKey: .amount); try c.encodeIfPresent(date, forKey: .date)
        case .undone(let seq): try c.encode(seq, forKey: .undoes)
        case .lineSetAside(let line, let file):
            try c.encode(line, forKey: .line); try c.encode(file, forKey: .quarantine)
        case .clockAdjusted(let seconds): try c.encode(seconds, forKey: .seconds)
        }
    }
}

/// Encodes and decodes journal lines.
public enum EventCodec {
    /// One journal line for `event`, without the final newline. Keys are written in a stable order,
    /// slashes are not escaped, non-ASCII text is written as UTF-8 and control characters
    /// (C0, DEL, C1) and bidi controls are JSON-escaped.
    /// `offsetSeconds` is the UTC offset written in `at` (the programme's time zone).
    public static func encode(_ event: Event, offsetSeconds: Int = 0) throws -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        // Envelope first, in a fixed order; then the payload's fields in key order.
        var out = Data(
            "{\"seq\":\(event.seq),\"at\":\"\(RFC3339.format(event.at, offsetSeconds: offsetSeconds))\",\"seat\":".utf8)
        out += try e.encode(event.seat)
        if let script = event.script { out += Data(",\"script\":".utf8) + (try e.encode(script)) }
        out += Data(",\"type\":\"\(event.payload.type)\"".utf8)
        let body = try e.encode(PayloadFields(payload: event.payload))
        if body.count > 2 { out += Data(",".utf8); out += body.dropFirst().dropLast() }
        out += Data("}".utf8)
        return escapingRawControls(out)
    }

    /// `json` with DEL, the C1 controls (U+0080–U+009F) and the bidi controls (U+202A–U+202E,
    /// U+2066–U+2069) written as `\\u` escapes like the C0 controls, so no journal line carries
    /// them raw. In UTF-8 these bytes can only be those characters, inside JSON strings; lines
    /// written before keep reading, both forms decode to the same text.
    static func escapingRawControls(_ json: Data) -> Data {
        let bytes = [UInt8](json)
        func isRaw(_ i: Int) -> Int {  // length of a raw control at `i`, 0 when none
            let b = bytes[i]
            if b == 0x7F { return 1 }
            if b == 0xC2, i + 1 < bytes.count, (0x80...0x9F).contains(bytes[i + 1]) { return 2 }
            if b == 0xE2, i + 2 < bytes.count {
                if bytes[i + 1] == 0x80, (0xAA...0xAE).contains(bytes[i + 2]) { return 3 }
                if bytes[i + 1] == 0x81, (0xA6...0xA9).contains(bytes[i + 2]) { return 3 }
            }
            return 0
        }
        guard bytes.indices.contains(where: { isRaw($0) > 0 }) else { return json }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        var i = 0
        while i < bytes.count {
            let n = isRaw(i)
            if n == 0 {
                out.append(bytes[i]); i += 1; continue
            }
            let scalar = String(decoding: bytes[i..<(i + n)], as: UTF8.self).unicodeScalars.first!.value
            let hex = String(scalar, radix: 16)
            out += Array(("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
            i += n
        }
        return Data(out)
    }

    /// The payload's fields alone, for ``encode(_:offsetSeconds:)``.
    private struct PayloadFields: Encodable {
        let payload: EventPayload
        func encode(to encoder: Encoder) throws {
            try Event(seq: 0, at: Instant(ms: 0), seat: "", payload: payload).encodePayload(to: encoder)
        }
    }

    /// Decodes one journal line. Throws ``UnknownEventType`` for a type this version does not know,
    /// `DecodingError` when it is not a valid event otherwise.
    public static func decode(_ line: Data) throws -> Event {
        try JSONDecoder().decode(Event.self, from: line)
    }
}

/// Thrown when decoding an event whose `type` this version of palabre does not know (a journal
/// written by a later version): the readers name the type instead of calling the line unreadable.
public struct UnknownEventType: Error, Sendable, Equatable {
    /// The `type` field of the line.
    public var type: String
}
