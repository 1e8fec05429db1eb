import Foundation

extension SessionState {
    /// Validates `command` against the state at `now` and returns the facts to record, in order,
    /// or throws a ``Refusal`` whose message says what is wrong and what to do.
    ///
    /// Pure: it reads the state and returns events; the journal records them and
    /// ``evolve(_:)`` applies them. Text is normalised to NFC here.
    ///
    /// An ``Command/undo(seq:)`` is decided as for the facilitator, and without a seq takes back
    /// the last standing event of any seat; ``decide(_:at:role:seat:)`` limits both to a seat.
    public func decide(_ command: Command, at now: Instant) throws(Refusal) -> [EventPayload] {
        try decide(command, at: now, undoer: UndoSeat(role: .facilitator, seat: nil))
    }

    func decide(_ command: Command, at now: Instant, undoer: UndoSeat) throws(Refusal) -> [EventPayload] {
        if closedAt != nil { return try decideAfterClose(command, at: now, undoer: undoer) }
        if command.isFollowUp {
            throw Refusal(.followUpBeforeClose)
        }
        if case .recordClockAdjustment(let seconds) = command {
            // Before the session is opened no instant is recorded yet: nothing to adjust.
            guard openedAt != nil, seconds != 0 else {
                throw Refusal(.nothingToAdjust)
            }
            return [.clockAdjusted(seconds: seconds)]
        }
        var out: [EventPayload] = []
        let needsOpen: Bool = {
            if case .openSession = command { return false }; return openedAt == nil
        }()
        if needsOpen { out.append(.sessionOpened) }

        switch command {
        case .openSession:
            if openedAt != nil {
                throw Refusal(.alreadyOpen)
            }
            out.append(.sessionOpened)

        case .closeSession:
            if let d = currentDay {
                throw Refusal(.dayUnderWayAtClose(date: days[d].date))
            }
            if let c = currentItem {
                throw Refusal(.itemPausedAtClose(item: title(c)))
            }
            out.append(.sessionClosed)

        case .startDay(let date, let force):
            if let date, !days.contains(where: { $0.date == date }) {
                throw Refusal(.unknownDay(typed: date, days: days.map(\.date)))
            }
            if let d = currentDay {
                throw Refusal(.dayAlreadyUnderWay(date: days[d].date))
            }
            let d: Int
            if let date {
                guard let i = days.firstIndex(where: { $0.date == date }) else {
                    throw Refusal(.unknownDay(typed: date, days: days.map(\.date)))
                }
                guard days[i].endedAt == nil else {
                    throw Refusal(.dayEnded(date: date, already: true))
                }
                d = i
            } else {
                guard let i = days.firstIndex(where: { $0.startedAt == nil }) else {
                    throw Refusal(.noDayLeft)
                }
                d = i
            }
            let today = local.date(of: now)
            if !force,
                let other = days.indices.first(where: {
                    $0 != d && heldDate(day: $0) == today && days[$0].startedAt != nil
                })
            {
                throw Refusal(.sameDate(number: other + 1, date: today))
            }
            out.append(.dayStarted(date: days[d].date, held: today == days[d].date ? nil : today))

        case .endDay:
            guard let d = currentDay else { throw Self.noDay }
            if let c = currentItem, run(c).status == .running {
                throw Refusal(.itemRunning(item: title(c)))
            }
            out.append(.dayEnded(date: days[d].date))

        case .startItem(let id):
            // The argument first: an unknown item is named as such, whatever is running.
            if let id, item(id) == nil { throw Self.unknownItem(id) }
            guard let d = currentDay else { throw Self.noDay }
            if let c = currentItem {
                throw Refusal(.itemStillUnderWay(item: title(c), paused: run(c).status == .paused))
            }
            let target: AgendaItem
            if let id {
                guard let (it, day) = item(id) else { throw Self.unknownItem(id) }
                guard day == d else {
                    throw Refusal(.itemOnOtherDay(item: it.title, date: days[day].date))
                }
                let st = run(id).status
                guard st == .planned || st == .skipped else {
                    throw Refusal(.itemEnded(item: it.title))
                }
                target = it
            } else {
                guard let it = days[d].items.first(where: { run($0.id).status == .planned }) else {
                    throw Refusal(.noItemLeft(toSkip: false))
                }
                target = it
            }
            out.append(.itemStarted(item: target.id))

        case .pauseItem:
            let c = try current()
            guard run(c).status == .running else {
                throw Refusal(.alreadyPaused(item: title(c)))
            }
            out.append(.itemPaused(item: c))

        case .resumeItem:
            let c = try current()
            guard run(c).status == .paused else {
                throw Refusal(.notPaused(item: title(c)))
            }
            guard currentDay != nil else { throw Self.noDay }
            out.append(.itemResumed(item: c))

        case .extendItem(let seconds):
            // A negative extension shortens the item, down to one minute planned.
            guard seconds != 0, abs(seconds) <= 24 * 3600 else {
                throw Refusal(.badExtension)
            }
            let c = try current()
            if seconds < 0, timeBox(c) + seconds < 60 {
                throw Refusal(.tooShort(item: title(c), planned: timeBox(c), by: -seconds))
            }
            out.append(.itemExtended(item: c, seconds: seconds))

        case .setRemaining(let seconds):
            let c = try current()
            guard seconds >= 60, seconds <= 24 * 3600 else {
                throw Refusal(.badRemainingTime)
            }
            let change = seconds - remaining(c, at: now)
            guard change != 0 else {
                throw Refusal(.sameRemaining(item: title(c), seconds: seconds))
            }
            out.append(.itemExtended(item: c, seconds: change))

        case .endItem:
            let c = try current()
            out.append(.itemEnded(item: c))

        case .skipItem(let id):
            if let id, item(id) == nil { throw Self.unknownItem(id) }
            let d = try dayOrNext()
            let target: AgendaItem
            if let id {
                guard let (it, _) = item(id) else { throw Self.unknownItem(id) }
                target = it
            } else {
                guard let it = days[d].items.first(where: { run($0.id).status == .planned }) else {
                    throw Refusal(.noItemLeft(toSkip: true))
                }
                target = it
            }
            guard run(target.id).status == .planned else {
                throw Refusal(.notSkippable(item: target.title))
            }
            out.append(.itemSkipped(item: target.id))

        case .insertItem(let rawTitle, let seconds, let kind, let after):
            let t = Text.nfc(rawTitle).trimmingCharacters(in: .whitespacesAndNewlines)
            guard !t.isEmpty else {
                throw Refusal(.emptyTitle)
            }
            guard seconds > 0, seconds <= 24 * 3600 else {
                throw Refusal(.badItemDuration)
            }
            let d: Int
            var anchor: String?
            if let after {
                guard let (_, day) = item(after) else { throw Self.unknownItem(after) }
                d = day; anchor = after
            } else {
                d = try dayOrNext()
                anchor =
                    currentItem.flatMap { c in days[d].items.contains { $0.id == c } ? c : nil }
                    ?? days[d].items.last { [.done, .skipped].contains(run($0.id).status) }?.id
            }
            let id = "extra-\(lastSeq + out.count + 1)"
            let item = AgendaItem(id: id, kind: kind, title: t, plannedStart: nil, duration: seconds)
            out.append(.itemInserted(day: days[d].date, after: anchor, item: item))

        case .moveItem(let id, let date, let after):
            guard let (it, _) = item(id) else { throw Self.unknownItem(id) }
            guard !it.fixed else {
                throw Refusal(.itemFixed(item: it.title))
            }
            guard run(id).status == .planned else {
                throw Refusal(.itemStartedNotMovable(item: it.title))
            }
            guard let to = days.firstIndex(where: { $0.date == date }) else {
                throw Refusal(.noDayOn(date: date))
            }
            guard days[to].endedAt == nil else {
                throw Refusal(.dayEnded(date: date, already: false))
            }
            if let after {
                guard after != id, days[to].items.contains(where: { $0.id == after }) else {
                    throw Refusal(.unknownAnchor(typed: after, date: date))
                }
            }
            out.append(.itemMoved(item: id, day: date, after: after))

        case .carryOver:
            out.append(try carryOver())

        case .requestFloor(let who, let poo):
            let c = try current()
            try requireKnown(who)
            // Someone waiting with an ordinary request may still raise a point of order: it takes
            // the place of their request, ahead of the ordinary ones.
            if let queued = queue.first(where: { $0.who == who }), queued.pointOfOrder || !poo {
                throw Refusal(.alreadyQueued(name: displayName(who)))
            }
            if currentTurn?.who == who {
                throw Refusal(.alreadySpeaking(name: displayName(who)))
            }
            out.append(.floorRequested(item: c, who: who, pointOfOrder: poo))

        case .requestFloorAsWalkIn(let p, let poo):
            let c = try current()
            let added = try decide(.addParticipant(p), at: now, undoer: undoer)
            guard case .participantAdded(let walkIn)? = added.last else { break }
            out += added
            out.append(.floorRequested(item: c, who: walkIn.id, pointOfOrder: poo))

        case .giveFloor(let who):
            let c = try current()
            guard run(c).status == .running else {
                throw Refusal(.itemPausedNoFloor(item: title(c)))
            }
            let target: String
            if let who {
                try requireKnown(who)
                target = who
            } else {
                guard let head = queue.first else {
                    throw Refusal(.queueEmpty)
                }
                target = head.who
            }
            if currentTurn?.who == target {
                throw Refusal(.alreadySpeaking(name: displayName(target)))
            }
            // A person who speaks is present: someone not yet checked in for the day is, by the floor.
            let checksIn =
                currentDay.map { d in
                    participant(target) != nil && !(attendance[days[d].date]?.contains(target) ?? false)
                } ?? false
            out.append(.floorGiven(item: c, who: target, limit: speakingLimit(for: c), checksIn: checksIn))

        case .yieldFloor:
            guard let t = currentTurn else {
                throw Refusal(.noSpeaker)
            }
            out.append(.floorYielded(item: t.item, who: t.who))

        case .removeSpeaker(let who):
            let c = try current()
            guard queue.contains(where: { $0.who == who }) else { throw notQueued(who) }
            out.append(.speakerRemoved(item: c, who: who))

        case .reorderSpeaker(let who, let position):
            let c = try current()
            guard let i = queue.firstIndex(where: { $0.who == who }) else { throw notQueued(who) }
            let p = max(0, min(position, queue.count - 1))
            guard p != i else {
                throw Refusal(.samePosition(name: displayName(who)))
            }
            out.append(.queueReordered(item: c, who: who, position: p))

        case .setSpeakingLimit(let seconds):
            let c = try current()
            if let s = seconds, s <= 0 || s > 4 * 3600 {
                throw Refusal(.badSpeakingTime)
            }
            out.append(.speakingLimitSet(item: c, seconds: seconds))

        case .record(var content):
            content = try normalise(content)
            out.append(.entryRecorded(item: currentItem, entry: content))

        case .amend(let id, let raw, let rawReason, let basedOn, let rawChanges):
            let e = try liveEntry(id)
            if let basedOn, basedOn != e.version {
                throw Refusal(
                    .entryChanged(entry: id, at: e.amendments.last.map { local.hhmm($0.at) }, text: e.content.text))
            }
            var text = Text.nfc(raw).trimmingCharacters(in: .whitespacesAndNewlines)
            let reason = Text.nfc(rawReason).trimmingCharacters(in: .whitespacesAndNewlines)
            let changes = try amendedFields(rawChanges, of: e)
            if text.isEmpty && !rawChanges.isEmpty {
                text = e.content.text
                // A commitment's generated text follows its corrected fields.
                if !changes.isEmpty, let old = generatedText(e.content), old == text,
                    let new = generatedText(changes.applied(to: e.content))
                {
                    text = new
                }
            }
            guard !text.isEmpty else { throw Self.emptyText }
            try Self.checkLength(text)
            guard !reason.isEmpty else { throw Self.noReason }
            guard text != e.content.text || !changes.isEmpty else {
                if rawChanges.isEmpty {
                    throw Refusal(.sameText)
                }
                throw Refusal(.nothingChanged(entry: id))
            }
            out.append(.entryAmended(entry: id, text: text, reason: reason, changes: changes.isEmpty ? nil : changes))

        case .retract(let id, let rawReason):
            _ = try liveEntry(id)
            let reason = Text.nfc(rawReason).trimmingCharacters(in: .whitespacesAndNewlines)
            guard !reason.isEmpty else { throw Self.noReason }
            out.append(.entryRetracted(entry: id, reason: reason))

        case .adopt(let id):
            let e = try liveEntry(id)
            guard e.adoptedAt == nil else {
                throw Refusal(.alreadyAdopted(entry: id))
            }
            out.append(.entryAdopted(entry: id))

        case .checkIn(let who, let date):
            guard participant(who) != nil else {
                throw Refusal(.unknownParticipant(typed: who))
            }
            let day: String
            if let date {
                guard days.contains(where: { $0.date == date }) else {
                    throw Refusal(.noDayOn(date: date))
                }
                day = date
            } else {
                guard let d = currentDay else { throw Self.noDay }
                day = days[d].date
            }
            if attendance[day]?.contains(who) ?? false {
                throw Refusal(.alreadyCheckedIn(name: displayName(who), date: day))
            }
            out.append(.participantCheckedIn(participant: who, day: day))

        case .checkInPresentYesterday:
            guard let d = currentDay else { throw Self.noDay }
            let today = days[d].date
            guard let yesterday = presentYesterday() else {
                throw Refusal(.noPreviousDay)
            }
            guard !yesterday.isEmpty else {
                throw Refusal(.nobodyLeft)
            }
            out += yesterday.map { .participantCheckedIn(participant: $0, day: today) }

        case .addParticipant(var p):
            p.function = Text.nfc(p.function).trimmingCharacters(in: .whitespacesAndNewlines)
            p.name = p.name.map { Text.nfc($0) }
            p.contact = p.contact.map { Text.nfc($0) }
            guard !p.function.isEmpty else {
                throw Refusal(.emptyFunction)
            }
            if p.id.isEmpty {
                var n = lastSeq + out.count + 1
                while isTaken("walkin-\(n)") { n += 1 }
                p.id = "walkin-\(n)"
            }
            guard !p.id.isEmpty, p.id.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) }) else {
                throw Refusal(.badId(id: p.id))
            }
            guard !isTaken(p.id) else {
                throw Refusal(.duplicateId(id: p.id))
            }
            if let o = p.organisation, programme.organisation(o) == nil, programme.commune(o) == nil {
                throw Refusal(.unknownOrganisation(typed: o))
            }
            if let c = p.commune, programme.commune(c) == nil {
                throw Refusal(.unknownCommune(typed: c))
            }
            out.append(.participantAdded(participant: p))

        case .walkIn(let p):
            let added = try decide(.addParticipant(p), at: now, undoer: undoer)
            out += added
            guard case .participantAdded(let walkIn)? = added.last, let d = currentDay else { break }
            out.append(.participantCheckedIn(participant: walkIn.id, day: days[d].date))

        case .checkOut(let who):
            guard participant(who) != nil else {
                throw Refusal(.unknownParticipant(typed: who))
            }
            guard let d = currentDay else { throw Self.noDay }
            let day = days[d].date
            guard attendance[day]?.contains(who) ?? false else {
                throw Refusal(.departureNotCheckedIn(name: displayName(who), day: day))
            }
            if let at = departureTimes[day + "|" + who] {
                throw Refusal(.alreadyLeft(name: displayName(who), time: local.hhmm(at)))
            }
            out.append(.participantLeft(participant: who, day: day))

        case .declareInterest(let partner, let fiche):
            try requirePartner(partner)
            try requireFiche(fiche)
            let already = synergyFacts.contains { f in
                if f.fiche == fiche, case .interest(let p) = f.kind { return p == partner }
                return false
            }
            if already {
                throw Refusal(.alreadyInterested(partner: displayName(partner), fiche: fiche))
            }
            out.append(.interestDeclared(partner: partner, fiche: fiche))

        case .markSynergy(let fiche, let partners, let lead):
            try requireFiche(fiche)
            var seen: [String] = []
            for p in partners where !seen.contains(p) { try requirePartner(p); seen.append(p) }
            guard seen.count >= 2 else {
                throw Refusal(.noPartners)
            }
            if let lead, !seen.contains(lead) {
                throw Refusal(.leadNotPartner(lead: displayName(lead)))
            }
            out.append(.synergyMarked(fiche: fiche, partners: seen, lead: lead))

        case .changeCommitmentStatus(let id, let status):
            let e = try liveCommitment(id)
            guard e.content.status != status else {
                throw Refusal(.sameCommitmentStatus(entry: id))
            }
            out.append(.commitmentStatusChanged(entry: id, status: status))

        case .withdrawCommitment(let id, let rawReason):
            _ = try liveCommitment(id)
            let reason = Text.nfc(rawReason).trimmingCharacters(in: .whitespacesAndNewlines)
            guard !reason.isEmpty else { throw Self.noReason }
            out.append(.commitmentWithdrawn(entry: id, reason: reason))

        case .undo(let seq):
            let first = try undo(seq, by: undoer)
            out.append(first)
            // A plain undo takes back all one command recorded: a walk-in's arrival (or request
            // for the floor) with the person it added, not the arrival alone.
            if seq == nil, case .undone(let target) = first, let added = addedWith(target) {
                var after = self
                after.evolve(Event(seq: lastSeq + 1, at: now, seat: undoer.seat ?? "", payload: first))
                if let second = try? after.undo(added, by: undoer) { out.append(second) }
            }

        case .followUpCommitment, .followUpAction, .followUpFiche:
            break  // refused above: only after the close

        case .reviewPrevious(let source, let status, let note, let amount, let date):
            out.append(try decideReview(source, status, note, amount: amount, date: date, at: now))
        case .recordClockAdjustment:
            break  // decided above
        }
        return out
    }

    // MARK: helpers

    private func title(_ id: String) -> String { item(id)?.item.title ?? id }

    /// Whether `id` already names a participant, organisation, commune, fiche or agenda item.
    private func isTaken(_ id: String) -> Bool {
        participant(id) != nil || programme.organisation(id) != nil || programme.commune(id) != nil
            || programme.fiche(id) != nil || item(id) != nil
    }

    private func current() throws(Refusal) -> String {
        guard let c = currentItem else {
            throw Refusal(.noCurrentItem)
        }
        return c
    }

    private func dayOrNext() throws(Refusal) -> Int {
        if let d = currentDay { return d }
        guard let d = days.firstIndex(where: { $0.endedAt == nil }) else { throw Self.noDay }
        return d
    }

    private func requireKnown(_ who: String) throws(Refusal) {
        guard participant(who) != nil || programme.organisation(who) != nil || programme.commune(who) != nil else {
            throw Refusal(.unknownSpeaker(typed: who))
        }
    }

    private func notQueued(_ who: String) -> Refusal {
        Refusal(.notQueued(name: displayName(who)))
    }

    func liveEntry(_ id: Int) throws(Refusal) -> Entry {
        guard let e = entry(id) else {
            throw Refusal(.unknownEntry(entry: id))
        }
        if e.retracted != nil {
            throw Refusal(.entryRetracted(entry: id))
        }
        return e
    }

    private func requirePartner(_ id: String) throws(Refusal) {
        guard programme.organisation(id) != nil else {
            throw Refusal(.unknownPartner(typed: id, inCommitment: false))
        }
    }

    private func requireFiche(_ id: String) throws(Refusal) {
        guard programme.fiche(id) != nil else {
            throw Refusal(.unknownFiche(typed: id, inCommitment: false))
        }
    }

    /// A commitment neither retracted nor withdrawn.
    func liveCommitment(_ id: Int) throws(Refusal) -> Entry {
        let e = try liveEntry(id)
        guard e.content.kind == .commitment else {
            throw Refusal(.notACommitment(entry: id))
        }
        if e.withdrawal != nil {
            throw Refusal(.commitmentWithdrawn(entry: id))
        }
        return e
    }

    /// The text a commitment recorded without one was given, for `c`'s fields (nil for other kinds).
    private func generatedText(_ c: EntryContent) -> String? {
        guard c.kind == .commitment, let p = c.partner, let org = programme.organisation(p),
            let f = c.fiche, let (fiche, commune) = programme.fiche(f)
        else { return nil }
        return EntryContent.defaultCommitmentText(
            partner: org, fiche: fiche, commune: commune, amount: c.amount,
            currency: c.currency ?? fiche.currency, language: programme.language)
    }

    /// The fields an amendment of `e` really changes, normalised and checked as when recording:
    /// only the fields of its kind, a known partner and fiche, a real date, a currency by its
    /// usual name, an amount in range (and above zero for a financial commitment).
    private func amendedFields(_ raw: EntryChanges, of e: Entry) throws(Refusal) -> EntryChanges {
        guard !raw.isEmpty else { return raw }
        func clean(_ s: String?) -> String? {
            guard let s else { return nil }
            let t = Text.nfc(s).trimmingCharacters(in: .whitespacesAndNewlines)
            return t.isEmpty ? nil : t
        }
        var c = EntryChanges(
            addressee: clean(raw.addressee), responsible: clean(raw.responsible),
            due: try Self.deadline(clean(raw.due)), partner: clean(raw.partner), fiche: clean(raw.fiche),
            nature: raw.nature, amount: raw.amount, currency: try Self.currency(clean(raw.currency)),
            status: raw.status, conditions: clean(raw.conditions), votesFor: raw.votesFor,
            votesAgainst: raw.votesAgainst, abstentions: raw.abstentions, outcome: raw.outcome)
        let given: [(name: String, set: Bool)] = [
            ("partner", c.partner != nil), ("fiche", c.fiche != nil), ("nature", c.nature != nil),
            ("amount", c.amount != nil), ("currency", c.currency != nil), ("status", c.status != nil),
            ("conditions", c.conditions != nil), ("addressee", c.addressee != nil),
            ("responsible", c.responsible != nil), ("due", c.due != nil), ("for", c.votesFor != nil),
            ("against", c.votesAgainst != nil), ("abstentions", c.abstentions != nil), ("outcome", c.outcome != nil),
        ]
        let allowed: Set<String>
        switch e.content.kind {
        case .commitment: allowed = ["partner", "fiche", "nature", "amount", "currency", "status", "conditions", "due"]
        case .action: allowed = ["responsible", "due"]
        case .recommendation: allowed = ["addressee", "responsible", "due"]
        case .vote: allowed = ["for", "against", "abstentions", "outcome"]
        default: allowed = []
        }
        let wrong = given.filter { $0.set && !allowed.contains($0.name) }.map { "--" + $0.name }
        if !wrong.isEmpty {
            throw Refusal(
                .fieldNotForKind(
                    entry: e.id, kind: e.content.kind.rawValue, fields: wrong, has: allowed.sorted().map { "--" + $0 }))
        }
        try Self.checkCounts([c.votesFor, c.votesAgainst, c.abstentions])
        if let p = c.partner, programme.organisation(p) == nil {
            throw Refusal(.unknownPartner(typed: p, inCommitment: true))
        }
        if let f = c.fiche, programme.fiche(f) == nil {
            throw Refusal(.unknownFiche(typed: f, inCommitment: true))
        }
        let after = c.applied(to: e.content)
        if let a = c.amount, a < 0 || a > Self.largestAmount {
            let cur = after.currency ?? "FCFA"
            throw Refusal(.amountOutOfRange(currency: cur))
        }
        if after.kind == .commitment && after.nature == .financial && (after.amount ?? 0) == 0 {
            throw Refusal(.noAmount)
        }
        // A corrected count is held to the same rules as one recorded: the members present when
        // the vote was taken, and an outcome the counts allow.
        if after.kind == .vote {
            if after.outcome == .adopted, let f = after.votesFor, let a = after.votesAgainst, f < a {
                throw Refusal(.outcomeContradicts(votesFor: f, against: a))
            }
            try checkVotesAgainstAttendance(after, date: e.day, at: e.at)
        }
        // Only what changes.
        let k = e.content
        if c.addressee == k.addressee { c.addressee = nil }
        if c.responsible == k.responsible { c.responsible = nil }
        if c.due == k.due { c.due = nil }
        if c.partner == k.partner { c.partner = nil }
        if c.fiche == k.fiche { c.fiche = nil }
        if c.nature == k.nature { c.nature = nil }
        if c.amount == k.amount { c.amount = nil }
        if c.currency == k.currency { c.currency = nil }
        if c.status == k.status { c.status = nil }
        if c.conditions == k.conditions { c.conditions = nil }
        return c
    }

    private func normalise(_ c0: EntryContent) throws(Refusal) -> EntryContent {
        var c = c0
        func clean(_ s: String?) -> String? {
            guard let s else { return nil }
            let t = Text.nfc(s).trimmingCharacters(in: .whitespacesAndNewlines)
            return t.isEmpty ? nil : t
        }
        c.text = Text.nfc(c.text).trimmingCharacters(in: .whitespacesAndNewlines)
        c.addressee = clean(c.addressee); c.responsible = clean(c.responsible); c.due = try Self.deadline(clean(c.due))
        c.conditions = clean(c.conditions); c.partner = clean(c.partner); c.fiche = clean(c.fiche)
        c.currency = clean(c.currency)
        switch c.kind {
        case .action:
            guard c.responsible != nil else {
                throw Refusal(.noResponsible)
            }
        case .commitment:
            guard let partner = c.partner, let org = programme.organisation(partner) else {
                throw Refusal(.unknownPartner(typed: c.partner ?? "", inCommitment: true))
            }
            guard let fid = c.fiche, let (fiche, commune) = programme.fiche(fid) else {
                throw Refusal(.unknownFiche(typed: c.fiche ?? "", inCommitment: true))
            }
            c.nature = c.nature ?? .financial
            c.status = c.status ?? .announced
            c.currency = try Self.currency(c.currency) ?? fiche.currency
            if c.nature == .financial && (c.amount ?? 0) == 0 {
                throw Refusal(.noAmount)
            }
            if let a = c.amount, a < 0 || a > Self.largestAmount {
                throw Refusal(.amountOutOfRange(currency: c.currency ?? "FCFA"))
            }
            if c.text.isEmpty {
                c.text = EntryContent.defaultCommitmentText(
                    partner: org, fiche: fiche, commune: commune, amount: c.amount,
                    currency: c.currency ?? "FCFA", language: programme.language)
            }
        case .vote:
            try Self.checkCounts([c.votesFor, c.votesAgainst, c.abstentions])
            guard let outcome = c.outcome else {
                throw Refusal(.noOutcome)
            }
            if outcome == .adopted, let f = c.votesFor, let a = c.votesAgainst, f < a {
                throw Refusal(.outcomeContradicts(votesFor: f, against: a))
            }
            try checkVotesAgainstAttendance(c)
        default: break
        }
        if c.kind != .vote { (c.votesFor, c.votesAgainst, c.abstentions, c.outcome) = (nil, nil, nil, nil) }
        guard !c.text.isEmpty else { throw Self.emptyText }
        try Self.checkLength(c.text)
        return c
    }

    /// Refuses an entry's text longer than ``EntryContent/maxTextBytes``.
    static func checkLength(_ text: String) throws(Refusal) {
        let bytes = text.utf8.count
        guard bytes <= EntryContent.maxTextBytes else { throw Refusal(.textTooLong(bytes: bytes)) }
    }

    /// Refuses a vote whose counts (for + against + abstentions) exceed the participants listed
    /// in the programme who are present (`more-votes-than-present`): checked in on `date` (the
    /// day under way when nil) and not recorded as having left — before `at`, the moment of the
    /// vote an amendment corrects (any departure when nil). Only when the programme lists
    /// participants and attendance is recorded that day: a council's voters need not all be on
    /// the list, so without a check-in nothing is checked. Walk-ins do not count: they are not
    /// members the programme lists.
    func checkVotesAgainstAttendance(_ c: EntryContent, date day: String? = nil, at: Instant? = nil) throws(Refusal) {
        guard let date = day ?? currentDay.map({ days[$0].date }), !programme.participants.isEmpty else { return }
        let checkedIn = Set(attendance[date] ?? [])
        guard !checkedIn.isEmpty else { return }
        func left(_ id: String) -> Bool {
            guard let t = departureTimes[date + "|" + id] else { return false }
            return at.map { t <= $0 } ?? true
        }
        let present = programme.participants.filter { checkedIn.contains($0.id) && !left($0.id) }.count
        let cast = (c.votesFor ?? 0) + (c.votesAgainst ?? 0) + (c.abstentions ?? 0)
        if cast > present { throw Refusal(.moreVotesThanPresent(votes: cast, present: present, date: date)) }
    }

    /// Refuses a negative number of votes (`bad-count`); nil counts (not given) pass.
    static func checkCounts(_ counts: [Int?]) throws(Refusal) {
        for n in counts.compactMap({ $0 }) where n < 0 {
            throw Refusal(.negativeVoteCount(count: n))
        }
    }

    /// A currency as typed, under its usual name (``Values/currency(_:)``); nil stays nil.
    static func currency(_ typed: String?) throws(Refusal) -> String? {
        guard let typed else { return nil }
        return try Values.currency(typed)
    }

    /// The largest amount a commitment may carry (999 999 999 999 999 in its currency): beyond
    /// it, a typing error is far more likely than a real pledge, and totals stay exact.
    public static let largestAmount: Int64 = 999_999_999_999_999

    /// A deadline as typed: free text (« fin du premier trimestre ») is kept; a date must be a
    /// real one, written YYYY-MM-DD, DD/MM/YYYY or with its month's name (« 31 janvier 2027 »),
    /// stored as YYYY-MM-DD (it can then fall overdue).
    static func deadline(_ text: String?) throws(Refusal) -> String? {
        guard let t = text else { return nil }
        if let iso = try? Values.date(t) { return iso }
        // What looks like a date must be a real one; other text (« fin mars ») is kept.
        let looksLikeDate =
            (t.count == 10 && t.enumerated().allSatisfy { i, ch in [4, 7].contains(i) ? ch == "-" : ch.isNumber })
            || (t.split(separator: "/", omittingEmptySubsequences: false).count == 3
                && t.allSatisfy { $0.isNumber || $0 == "/" })
            || Values.spelledDate(t) != nil
        if looksLikeDate { throw badDate(t) }
        return t
    }

    private static func badDate(_ t: String) -> Refusal {
        Refusal(.badDeadline(typed: t))
    }

    static let noDay = Refusal(.noDayUnderWay)
    static let emptyText = Refusal(.emptyText)
    static let noReason = Refusal(.noReason)
    static func unknownItem(_ id: String) -> Refusal {
        Refusal(.unknownItem(typed: id))
    }
}

extension SessionState {
    /// Finds who is meant by `text`: an exact participant, organisation or commune id, or a text
    /// found without regard to case or accents in exactly one participant's function or name, or an
    /// organisation's acronym or name, or a commune's name ("segou" finds "Ségou").
    ///
    /// Throws a ``Refusal`` listing the candidates when several match, or when none does.
    public func resolve(who text: String) throws(Refusal) -> String {
        let t = text.trimmingCharacters(in: .whitespaces)
        if participant(t) != nil || programme.organisation(t) != nil || programme.commune(t) != nil { return t }
        let key = Text.fold(t)
        var exact: [String] = []
        var partial: [String] = []
        let words = key.split(whereSeparator: { $0 == " " || $0 == "-" })
        func consider(_ id: String, _ names: [String?]) {
            let folded = names.compactMap { $0.map(Text.fold) } + [Text.fold(id)]
            if folded.contains(key) {
                exact.append(id)
            } else if folded.contains(where: { name in words.allSatisfy { name.contains($0) } }) {
                partial.append(id)
            }
        }
        for p in participants { consider(p.id, [p.function, p.name]) }
        for o in programme.organisations { consider(o.id, [o.acronym, o.name]) }
        for c in programme.communes { consider(c.id, [c.name]) }
        let found = exact.isEmpty ? partial : exact
        if found.count == 1 { return found[0] }
        if found.isEmpty || key.isEmpty {
            throw Refusal(.nobodyMatches(typed: t))
        }
        let names = found.prefix(6).map { "\($0) (\(displayName($0)))" }.joined(separator: ", ")
        throw Refusal(.ambiguous(typed: t, names: names, more: found.count > 6))
    }
}

extension SessionState {
    /// What an entry keeps of who is responsible or addressed, from what was typed (`palabre do
    /// … --responsible`, `--to`): a participant, organisation or commune given by its id, or by
    /// its whole function, name or acronym (without regard to case or accents), is written as the
    /// F2 form writes the one chosen — a participant's function, an organisation's acronym, a
    /// commune's name; any other text is kept as typed (« Secrétariat technique »): part of a
    /// name could be a person's or a free text's.
    public func responsibleText(_ typed: String) -> String {
        let t = typed.trimmingCharacters(in: .whitespaces)
        func value(_ id: String) -> String? {
            participant(id)?.function ?? programme.organisation(id)?.acronym ?? programme.commune(id)?.name
        }
        if let v = value(t) { return v }
        let key = Text.fold(t)
        var found = Set<String>()
        for p in participants where [p.function, p.name].contains(where: { $0.map(Text.fold) == key }) {
            found.insert(p.function)
        }
        for o in programme.organisations where Text.fold(o.acronym) == key || Text.fold(o.name) == key {
            found.insert(o.acronym)
        }
        for c in programme.communes where Text.fold(c.name) == key { found.insert(c.name) }
        return found.count == 1 ? found.first! : t
    }
}

extension EntryContent {
    /// The text a commitment recorded without one is given: « UNICEF : 2 500 000 FCFA pour
    /// « Adduction d'eau » (Timissa) ». The minutes leave it out when it only restates the fields.
    static func defaultCommitmentText(
        partner org: Organisation, fiche: ProjectFiche, commune: Commune,
        amount: Int64?, currency: String, language lang: Language
    ) -> String {
        let amount = amount.map { " " + Money.format($0, currency, language: lang) } ?? ""
        return lang == .fr
            ? "\(org.acronym) :\(amount) pour « \(fiche.title) » (\(commune.name))"
            : "\(org.acronym):\(amount) for “\(fiche.title)” (\(commune.name))"
    }
}
