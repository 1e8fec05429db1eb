import Foundation

// A decision state (``SessionState/forDeciding()``) as Codable, for ``DecisionSnapshot``. Every
// field a decision state has is kept but the programme: a snapshot is decoded against the
// session's programme, which the snapshot names by its digest. A field added to the state must be
// added here and ``DecisionSnapshot/formatVersion`` raised; the round-trip test fails until it is.

extension CodingUserInfoKey {
    /// The programme a ``SessionState`` is decoded against (a ``Programme``).
    public static let programme = CodingUserInfoKey(rawValue: "palabre.programme")!
}

extension SessionState: Codable {
    enum CodingKeys: String, CodingKey {
        case lastSeq, lastAt, openedAt, closedAt, days, currentDay, currentItem, runs, queue, insertedItems
        case movedFrom, movedItems, unheard, currentTurn, participants, attendance, checkInTimes, departureTimes
        case mismatches, synergyFacts, followUp, reviews, undoneBy, undoTargets, clockAdjustments
    }

    /// Decodes a decision state against the programme in the decoder's `userInfo[.programme]`.
    /// Throws `DecodingError` when it is missing or a field is.
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
        participants = try c.decode([Participant].self, forKey: .participants)
        attendance = try c.decode([String: [String]].self, forKey: .attendance)
        checkInTimes = try c.decode([String: Instant].self, forKey: .checkInTimes)
        departureTimes = try c.decode([String: Instant].self, forKey: .departureTimes)
        mismatches = try c.decode([ReferenceMismatch].self, forKey: .mismatches)
        synergyFacts = try c.decode([SynergyFact].self, forKey: .synergyFacts)
        followUp = try c.decode(FollowUp.self, forKey: .followUp)
        reviews = try c.decode([PreviousReview].self, forKey: .reviews)
        undoneBy = try c.decode([Int: Int].self, forKey: .undoneBy)
        undoTargets = try c.decode([Int: Int].self, forKey: .undoTargets)
        clockAdjustments = try c.decode([ClockAdjustment].self, forKey: .clockAdjustments)
        recordsLeftOut = true
    }

    /// Encodes the decision state of this state (its records are never written).
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
        try c.encode(participants, forKey: .participants)
        try c.encode(attendance, forKey: .attendance)
        try c.encode(checkInTimes, forKey: .checkInTimes)
        try c.encode(departureTimes, forKey: .departureTimes)
        try c.encode(mismatches, forKey: .mismatches)
        try c.encode(synergyFacts, forKey: .synergyFacts)
        try c.encode(followUp, forKey: .followUp)
        try c.encode(reviews, forKey: .reviews)
        try c.encode(undoneBy, forKey: .undoneBy)
        try c.encode(undoTargets, forKey: .undoTargets)
        try c.encode(clockAdjustments, forKey: .clockAdjustments)
    }
}

extension ItemRun: Codable {
    enum CodingKeys: String, CodingKey {
        case status, startedAt, endedAt, pauses, extendedBy, limitOverridden, limit
    }

    /// Decodes a run; the speaking-limit override keeps its three cases (none, cleared, set).
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

    /// Encodes a run (see ``init(from:)``).
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
