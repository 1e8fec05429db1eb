import Foundation

// The folded state as Codable, for snapshots (``SessionSnapshot``). Every field of
// ``SessionState`` but the programme is kept: a snapshot is decoded against the programme of
// the session, which the snapshot names by its hash. A field added to the state must be added
// to ``SessionState/CodingKeys`` and to `init(from:)`, and ``SessionSnapshot/formatVersion``
// raised; the round-trip tests fail until it is.

extension CodingUserInfoKey {
    /// The programme a ``SessionState`` is decoded against (a ``Programme``).
    public static let programme = CodingUserInfoKey(rawValue: "palabre.programme")!
}

extension SessionState: Codable {
    enum CodingKeys: String, CodingKey {
        case lastSeq, lastAt, openedAt, closedAt, days, currentDay, currentItem, runs, queue, insertedItems
        case movedFrom, movedItems, unheard, currentTurn, turns, entries, entryIndex, entryIndicesByItem
        case entryIndicesOutsideAgenda, participants, attendance, checkInTimes, mismatches, synergyFacts
        case followUp, reviews, standingEvents, undoneBy, undoTargets, clockAdjustments
    }

    /// Decodes a state against the programme in the decoder's `userInfo[.programme]`. Throws
    /// `DecodingError` when it is missing or a field is.
    public init(from decoder: Decoder) throws {
        guard let programme = decoder.userInfo[.programme] as? Programme else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "no programme to decode against"))
        }
        self.init(programme: programme)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        lastSeq = try c.decode(Int.self, forKey: .lastSeq)
        lastAt = try c.decodeIfPresent(Instant.self, forKey: .lastAt)
        openedAt = try c.decodeIfPresent(Instant.self, forKey: .openedAt)
        closedAt = try c.decodeIfPresent(Instant.self, forKey: .closedAt)
        days = try c.decode([DayAgenda].self, forKey: .days)
        currentDay = try c.decodeIfPresent(Int.self, forKey: .currentDay)
        currentItem = try c.decodeIfPresent(String.self, forKey: .currentItem)
        runs = try c.decode([String: ItemRun].self, forKey: .runs)
        queue = try c.decode([FloorRequest].self, forKey: .queue)
        insertedItems = try c.decode(Set<String>.self, forKey: .insertedItems)
        movedFrom = try c.decode([String: String].self, forKey: .movedFrom)
        movedItems = try c.decode(Set<String>.self, forKey: .movedItems)
        unheard = try c.decode([String: [FloorRequest]].self, forKey: .unheard)
        currentTurn = try c.decodeIfPresent(SpeakingTurn.self, forKey: .currentTurn)
        turns = try c.decode([SpeakingTurn].self, forKey: .turns)
        entries = try c.decode([Entry].self, forKey: .entries)
        entryIndex = try c.decode([Int: Int].self, forKey: .entryIndex)
        entryIndicesByItem = try c.decode([String: [Int]].self, forKey: .entryIndicesByItem)
        entryIndicesOutsideAgenda = try c.decode([Int].self, forKey: .entryIndicesOutsideAgenda)
        participants = try c.decode([Participant].self, forKey: .participants)
        attendance = try c.decode([String: [String]].self, forKey: .attendance)
        checkInTimes = try c.decode([String: Instant].self, forKey: .checkInTimes)
        mismatches = try c.decode([String].self, forKey: .mismatches)
        synergyFacts = try c.decode([SynergyFact].self, forKey: .synergyFacts)
        followUp = try c.decode(FollowUp.self, forKey: .followUp)
        reviews = try c.decode([PreviousReview].self, forKey: .reviews)
        standingEvents = try c.decode([Event].self, forKey: .standingEvents)
        undoneBy = try c.decode([Int: Int].self, forKey: .undoneBy)
        undoTargets = try c.decode([Int: Int].self, forKey: .undoTargets)
        clockAdjustments = try c.decode([ClockAdjustment].self, forKey: .clockAdjustments)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(lastSeq, forKey: .lastSeq)
        try c.encodeIfPresent(lastAt, forKey: .lastAt)
        try c.encodeIfPresent(openedAt, forKey: .openedAt)
        try c.encodeIfPresent(closedAt, forKey: .closedAt)
        try c.encode(days, forKey: .days)
        try c.encodeIfPresent(currentDay, forKey: .currentDay)
        try c.encodeIfPresent(currentItem, forKey: .currentItem)
        try c.encode(runs, forKey: .runs)
        try c.encode(queue, forKey: .queue)
        try c.encode(insertedItems, forKey: .insertedItems)
        try c.encode(movedFrom, forKey: .movedFrom)
        try c.encode(movedItems, forKey: .movedItems)
        try c.encode(unheard, forKey: .unheard)
        try c.encodeIfPresent(currentTurn, forKey: .currentTurn)
        try c.encode(turns, forKey: .turns)
        try c.encode(entries, forKey: .entries)
        try c.encode(entryIndex, forKey: .entryIndex)
        try c.encode(entryIndicesByItem, forKey: .entryIndicesByItem)
        try c.encode(entryIndicesOutsideAgenda, forKey: .entryIndicesOutsideAgenda)
        try c.encode(participants, forKey: .participants)
        try c.encode(attendance, forKey: .attendance)
        try c.encode(checkInTimes, forKey: .checkInTimes)
        try c.encode(mismatches, forKey: .mismatches)
        try c.encode(synergyFacts, forKey: .synergyFacts)
        try c.encode(followUp, forKey: .followUp)
        try c.encode(reviews, forKey: .reviews)
        try c.encode(standingEvents, forKey: .standingEvents)
        try c.encode(undoneBy, forKey: .undoneBy)
        try c.encode(undoTargets, forKey: .undoTargets)
        try c.encode(clockAdjustments, forKey: .clockAdjustments)
    }
}

extension ItemRun: Codable {
    enum CodingKeys: String, CodingKey {
        case status, startedAt, endedAt, pauses, extendedBy, limitOverridden, limit
    }

    /// Decodes a run; the per-speaker limit override keeps its three cases (none, cleared, set).
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        status = try c.decode(ItemStatus.self, forKey: .status)
        startedAt = try c.decodeIfPresent(Instant.self, forKey: .startedAt)
        endedAt = try c.decodeIfPresent(Instant.self, forKey: .endedAt)
        pauses = try c.decode([Interval].self, forKey: .pauses)
        extendedBy = try c.decode(Int.self, forKey: .extendedBy)
        speakingLimitOverride =
            try c.decode(Bool.self, forKey: .limitOverridden)
            ? .some(try c.decodeIfPresent(Int.self, forKey: .limit)) : nil
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(status, forKey: .status)
        try c.encodeIfPresent(startedAt, forKey: .startedAt)
        try c.encodeIfPresent(endedAt, forKey: .endedAt)
        try c.encode(pauses, forKey: .pauses)
        try c.encode(extendedBy, forKey: .extendedBy)
        try c.encode(speakingLimitOverride != nil, forKey: .limitOverridden)
        try c.encodeIfPresent(speakingLimitOverride ?? nil, forKey: .limit)
    }
}

extension Entry: Codable {
    enum CodingKeys: String, CodingKey {
        case id, item, day, at, seat, content, amendments, retracted, adoptedAt, statusChanges, withdrawal
    }

    /// One amendment of ``Entry/amendments`` (a tuple there).
    struct Amendment: Codable {
        var previous: String
        var reason: String
        var seq: Int
        var at: Instant
        var content: EntryContent
    }

    /// Decodes an entry with its history of amendments.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decode(Int.self, forKey: .id), item: try c.decodeIfPresent(String.self, forKey: .item),
            day: try c.decodeIfPresent(String.self, forKey: .day), at: try c.decode(Instant.self, forKey: .at),
            seat: try c.decode(String.self, forKey: .seat), content: try c.decode(EntryContent.self, forKey: .content))
        amendments = try c.decode([Amendment].self, forKey: .amendments).map {
            ($0.previous, $0.reason, $0.seq, $0.at, $0.content)
        }
        retracted = try c.decodeIfPresent(String.self, forKey: .retracted)
        adoptedAt = try c.decodeIfPresent(Instant.self, forKey: .adoptedAt)
        statusChanges = try c.decode([CommitmentStatusChange].self, forKey: .statusChanges)
        withdrawal = try c.decodeIfPresent(CommitmentWithdrawal.self, forKey: .withdrawal)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encodeIfPresent(item, forKey: .item)
        try c.encodeIfPresent(day, forKey: .day)
        try c.encode(at, forKey: .at)
        try c.encode(seat, forKey: .seat)
        try c.encode(content, forKey: .content)
        try c.encode(
            amendments.map {
                Amendment(previous: $0.previous, reason: $0.reason, seq: $0.seq, at: $0.at, content: $0.content)
            },
            forKey: .amendments)
        try c.encodeIfPresent(retracted, forKey: .retracted)
        try c.encodeIfPresent(adoptedAt, forKey: .adoptedAt)
        try c.encode(statusChanges, forKey: .statusChanges)
        try c.encodeIfPresent(withdrawal, forKey: .withdrawal)
    }
}
