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
            throw Refusal(
                "follow-up-after-close",
                fr: "Le suivi commence à la clôture de la session : pendant la réunion, changez le statut de "
                    + "l'engagement ou amendez l'entrée.",
                en: "Follow-up starts when the session is closed: during the meeting, change the commitment's "
                    + "status or amend the entry.")
        }
        if case .recordClockAdjustment(let seconds) = command {
            // Before the session is opened no instant is recorded yet: nothing to adjust.
            guard openedAt != nil, seconds != 0 else {
                throw Refusal(
                    "nothing-to-adjust", fr: "Aucun instant enregistré à corriger.",
                    en: "No recorded instant to adjust.")
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
                throw Refusal("already-open", fr: "La session est déjà ouverte.", en: "The session is already open.")
            }
            out.append(.sessionOpened)

        case .closeSession:
            if let d = currentDay {
                throw Refusal(
                    "day-under-way", fr: "La journée du \(days[d].date) est en cours : terminez-la d'abord.",
                    en: "The day \(days[d].date) is under way: end it first.")
            }
            if let c = currentItem {
                throw Refusal(
                    "item-under-way",
                    fr: "« \(title(c)) » est en pause : terminez-le avant de clore la "
                        + "session (la clôture est définitive).",
                    en: "“\(title(c))” is paused: end it before closing the session (closing is final).")
            }
            out.append(.sessionClosed)

        case .startDay(let date, let force):
            if let date, !days.contains(where: { $0.date == date }) {
                throw Refusal(
                    "unknown-day",
                    fr: "Aucune journée « \(Text.echo(date)) » au programme (journées : "
                        + "\(days.map(\.date).joined(separator: ", "))).",
                    en:
                        "No day “\(Text.echo(date))” in the programme (days: \(days.map(\.date).joined(separator: ", ")))."
                )
            }
            if let d = currentDay {
                throw Refusal(
                    "day-under-way", fr: "La journée du \(days[d].date) est déjà en cours.",
                    en: "The day \(days[d].date) is already under way.")
            }
            let d: Int
            if let date {
                guard let i = days.firstIndex(where: { $0.date == date }) else {
                    throw Refusal(
                        "unknown-day",
                        fr:
                            "Aucune journée « \(Text.echo(date)) » au programme (journées : "
                            + "\(days.map(\.date).joined(separator: ", "))).",
                        en:
                            "No day “\(Text.echo(date))” in the programme (days: \(days.map(\.date).joined(separator: ", ")))."
                    )
                }
                guard days[i].endedAt == nil else {
                    throw Refusal(
                        "day-ended", fr: "La journée du \(date) est déjà " + "terminée.",
                        en: "The day \(date) has already ended.")
                }
                d = i
            } else {
                guard let i = days.firstIndex(where: { $0.startedAt == nil }) else {
                    throw Refusal(
                        "no-day-left", fr: "Toutes les journées du programme ont déjà commencé.",
                        en: "Every day of the programme has already started.")
                }
                d = i
            }
            let today = local.date(of: now)
            if !force,
                let other = days.indices.first(where: {
                    $0 != d && heldDate(day: $0) == today && days[$0].startedAt != nil
                })
            {
                throw Refusal(
                    "same-date",
                    fr: "La journée \(other + 1) s'est déjà tenue ce \(today) : une deuxième journée le même jour "
                        + "n'est enregistrée que si vous le confirmez (start-day --force, ou B une seconde fois "
                        + "à la console).",
                    en: "Day \(other + 1) was already held on \(today): a second day on the same date is recorded "
                        + "only if you confirm it (start-day --force, or B once more at the console).")
            }
            out.append(.dayStarted(date: days[d].date, held: today == days[d].date ? nil : today))

        case .endDay:
            guard let d = currentDay else { throw Self.noDay }
            if let c = currentItem, run(c).status == .running {
                throw Refusal(
                    "item-running",
                    fr: "« \(title(c)) » est en cours : terminez-le ou mettez-le en pause " + "d'abord.",
                    en: "“\(title(c))” is running: end or pause it first.")
            }
            out.append(.dayEnded(date: days[d].date))

        case .startItem(let id):
            // The argument first: an unknown item is named as such, whatever is running.
            if let id, item(id) == nil { throw Self.unknownItem(id) }
            guard let d = currentDay else { throw Self.noDay }
            if let c = currentItem {
                throw Refusal(
                    "item-under-way",
                    fr:
                        "« \(title(c)) » est encore \(run(c).status == .paused ? "en pause" : "en cours") : "
                        + "terminez-le d'abord.",
                    en: "“\(title(c))” is still \(run(c).status == .paused ? "paused" : "running"): end it first.")
            }
            let target: AgendaItem
            if let id {
                guard let (it, day) = item(id) else { throw Self.unknownItem(id) }
                guard day == d else {
                    throw Refusal(
                        "item-other-day",
                        fr: "« \(it.title) » est prévu le \(days[day].date) : "
                            + "déplacez-le d'abord vers aujourd'hui.",
                        en: "“\(it.title)” is planned on \(days[day].date): move it to today first.")
                }
                let st = run(id).status
                guard st == .planned || st == .skipped else {
                    throw Refusal(
                        "item-done", fr: "« \(it.title) » est déjà " + "terminé.",
                        en: "“\(it.title)” has already ended.")
                }
                target = it
            } else {
                guard let it = days[d].items.first(where: { run($0.id).status == .planned }) else {
                    throw Refusal(
                        "no-item-left",
                        fr: "Plus aucun point prévu aujourd'hui : insérez-en un ou " + "terminez la journée.",
                        en: "No planned item left today: insert one or end the day.")
                }
                target = it
            }
            out.append(.itemStarted(item: target.id))

        case .pauseItem:
            let c = try current()
            guard run(c).status == .running else {
                throw Refusal(
                    "already-paused", fr: "« \(title(c)) » est déjà en " + "pause.",
                    en: "“\(title(c))” is already paused.")
            }
            out.append(.itemPaused(item: c))

        case .resumeItem:
            let c = try current()
            guard run(c).status == .paused else {
                throw Refusal(
                    "not-paused", fr: "« \(title(c)) » n'est pas en " + "pause.", en: "“\(title(c))” is not paused.")
            }
            guard currentDay != nil else { throw Self.noDay }
            out.append(.itemResumed(item: c))

        case .extendItem(let seconds):
            // A negative extension shortens the item, down to one minute planned.
            guard seconds != 0, abs(seconds) <= 24 * 3600 else {
                throw Refusal(
                    "bad-duration",
                    fr: "Prolongation invalide : donnez un nombre de minutes (négatif pour raccourcir), "
                        + "au plus 24 heures.",
                    en: "Invalid extension: give a number of minutes (negative to shorten), at most 24 hours.")
            }
            let c = try current()
            if seconds < 0, timeBox(c) + seconds < 60 {
                throw Refusal(
                    "too-short",
                    fr: "« \(title(c)) » est prévu pour \(Durations.format(seconds: timeBox(c))) : "
                        + "il ne peut pas être raccourci de \(Durations.format(seconds: -seconds)).",
                    en: "“\(title(c))” is planned for \(Durations.format(seconds: timeBox(c))): it cannot be "
                        + "shortened by \(Durations.format(seconds: -seconds)).")
            }
            out.append(.itemExtended(item: c, seconds: seconds))

        case .setRemaining(let seconds):
            let c = try current()
            guard seconds >= 60, seconds <= 24 * 3600 else {
                throw Refusal(
                    "bad-duration",
                    fr: "Temps restant invalide : donnez un nombre de minutes, d'une minute à 24 heures.",
                    en: "Invalid remaining time: give a number of minutes, from one minute to 24 hours.")
            }
            let change = seconds - remaining(c, at: now)
            guard change != 0 else {
                throw Refusal(
                    "same-remaining", fr: "Il reste déjà \(Durations.format(seconds: seconds)) à « \(title(c)) ».",
                    en: "“\(title(c))” already has \(Durations.format(seconds: seconds)) left.")
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
                    throw Refusal(
                        "no-item-left", fr: "Plus aucun point prévu à " + "sauter.", en: "No planned item left to skip."
                    )
                }
                target = it
            }
            guard run(target.id).status == .planned else {
                throw Refusal(
                    "item-not-planned", fr: "« \(target.title) » n'est plus à venir : on ne peut pas le " + "sauter.",
                    en: "“\(target.title)” is no longer ahead: it cannot be skipped.")
            }
            out.append(.itemSkipped(item: target.id))

        case .insertItem(let rawTitle, let seconds, let kind, let after):
            let t = Text.nfc(rawTitle).trimmingCharacters(in: .whitespacesAndNewlines)
            guard !t.isEmpty else {
                throw Refusal(
                    "empty-title", fr: "Donnez un titre au point à " + "insérer.", en: "Give the new item a title.")
            }
            guard seconds > 0, seconds <= 24 * 3600 else {
                throw Refusal(
                    "bad-duration", fr: "Durée invalide : donnez un nombre de minutes positif.",
                    en: "Invalid duration: give a positive number of minutes.")
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
                throw Refusal(
                    "item-fixed",
                    fr: "« \(it.title) » est un point fixe (cérémonie) : il ne peut pas être " + "déplacé.",
                    en: "“\(it.title)” is fixed (a ceremony): it cannot be moved.")
            }
            guard run(id).status == .planned else {
                throw Refusal(
                    "item-not-planned", fr: "« \(it.title) » a déjà commencé : on ne peut plus le déplacer.",
                    en: "“\(it.title)” has already started: it can no longer be moved.")
            }
            guard let to = days.firstIndex(where: { $0.date == date }) else {
                throw Refusal(
                    "unknown-day", fr: "Aucune journée le \(date) au " + "programme.",
                    en: "No day \(date) in the programme.")
            }
            guard days[to].endedAt == nil else {
                throw Refusal("day-ended", fr: "La journée du \(date) est terminée.", en: "The day \(date) has ended.")
            }
            if let after {
                guard after != id, days[to].items.contains(where: { $0.id == after }) else {
                    throw Refusal(
                        "unknown-anchor", fr: "« \(Text.echo(after)) » n'est pas un point du \(date).",
                        en: "“\(Text.echo(after))” is not an item of \(date).")
                }
            }
            out.append(.itemMoved(item: id, day: date, after: after))

        case .carryOver:
            out.append(try carryOver())

        case .requestFloor(let who, let poo):
            let c = try current()
            try requireKnown(who)
            if queue.contains(where: { $0.who == who }) {
                throw Refusal(
                    "already-queued", fr: "\(displayName(who)) est déjà dans la file.",
                    en: "\(displayName(who)) is already in the queue.")
            }
            if currentTurn?.who == who {
                throw Refusal(
                    "already-speaking", fr: "\(displayName(who)) a déjà la parole.",
                    en: "\(displayName(who)) already has the floor.")
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
                throw Refusal(
                    "item-paused", fr: "« \(title(c)) » est en pause : reprenez-le avant de donner la " + "parole.",
                    en: "“\(title(c))” is paused: resume it before giving the floor.")
            }
            let target: String
            if let who {
                try requireKnown(who)
                target = who
            } else {
                guard let head = queue.first else {
                    throw Refusal(
                        "queue-empty", fr: "La file des orateurs est " + "vide.", en: "The speakers queue is empty.")
                }
                target = head.who
            }
            if currentTurn?.who == target {
                throw Refusal(
                    "already-speaking", fr: "\(displayName(target)) a déjà la parole.",
                    en: "\(displayName(target)) already has the floor.")
            }
            // A person who speaks is present: someone not yet checked in for the day is, by the floor.
            let checksIn =
                currentDay.map { d in
                    participant(target) != nil && !(attendance[days[d].date]?.contains(target) ?? false)
                } ?? false
            out.append(.floorGiven(item: c, who: target, limit: speakingLimit(for: c), checksIn: checksIn))

        case .yieldFloor:
            guard let t = currentTurn else {
                throw Refusal("no-speaker", fr: "Personne n'a la parole.", en: "Nobody has the floor.")
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
                throw Refusal(
                    "same-position", fr: "\(displayName(who)) est déjà à cette place.",
                    en: "\(displayName(who)) is already in that place.")
            }
            out.append(.queueReordered(item: c, who: who, position: p))

        case .setSpeakingLimit(let seconds):
            let c = try current()
            if let s = seconds, s <= 0 || s > 4 * 3600 {
                throw Refusal(
                    "bad-duration", fr: "Temps de parole invalide : donnez un nombre de minutes positif.",
                    en: "Invalid speaking time: give a positive number of minutes.")
            }
            out.append(.speakingLimitSet(item: c, seconds: seconds))

        case .record(var content):
            content = try normalise(content)
            out.append(.entryRecorded(item: currentItem, entry: content))

        case .amend(let id, let raw, let rawReason, let basedOn, let rawChanges):
            let e = try liveEntry(id)
            if let basedOn, basedOn != e.version {
                let by = e.amendments.last.map { " (\(local.hhmm($0.at)))" } ?? ""
                throw Refusal(
                    "entry-changed",
                    fr: "L'entrée n° \(id) vient d'être amendée par un autre poste\(by) ; "
                        + "texte actuel : « \(e.content.text) ». Rien n'a été enregistré.",
                    en: "Entry #\(id) was just amended by another seat\(by); current text: "
                        + "“\(e.content.text)”. Nothing was recorded.")
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
            guard !reason.isEmpty else { throw Self.noReason }
            guard text != e.content.text || !changes.isEmpty else {
                if rawChanges.isEmpty {
                    throw Refusal(
                        "same-text", fr: "Le texte est identique : rien à " + "amender.",
                        en: "The text is unchanged: nothing to amend.")
                }
                throw Refusal(
                    "nothing-changed", fr: "L'entrée n° \(id) a déjà ces valeurs : rien à amender.",
                    en: "Entry #\(id) already has these values: nothing to amend.")
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
                throw Refusal(
                    "already-adopted", fr: "L'entrée n° \(id) est déjà " + "adoptée.",
                    en: "Entry #\(id) is already adopted.")
            }
            out.append(.entryAdopted(entry: id))

        case .checkIn(let who, let date):
            guard participant(who) != nil else {
                throw Refusal(
                    "unknown-participant",
                    fr: "« \(Text.echo(who)) » n'est pas un participant : ajoutez-le comme " + "nouvel arrivant.",
                    en: "“\(Text.echo(who))” is not a participant: add them as a walk-in.")
            }
            let day: String
            if let date {
                guard days.contains(where: { $0.date == date }) else {
                    throw Refusal(
                        "unknown-day", fr: "Aucune journée le \(date) au " + "programme.",
                        en: "No day \(date) in the programme.")
                }
                day = date
            } else {
                guard let d = currentDay else { throw Self.noDay }
                day = days[d].date
            }
            if attendance[day]?.contains(who) ?? false {
                throw Refusal(
                    "already-checked-in", fr: "\(displayName(who)) est déjà pointé(e) le \(day).",
                    en: "\(displayName(who)) is already checked in on \(day).")
            }
            out.append(.participantCheckedIn(participant: who, day: day))

        case .checkInPresentYesterday:
            guard let d = currentDay else { throw Self.noDay }
            let today = days[d].date
            guard let yesterday = presentYesterday() else {
                throw Refusal(
                    "no-previous-day", fr: "Aucune journée ne s'est tenue avant celle-ci : personne à reprendre.",
                    en: "No day was held before this one: nobody to carry over.")
            }
            guard !yesterday.isEmpty else {
                throw Refusal(
                    "nobody-left", fr: "Toutes les personnes présentes la veille sont déjà pointées aujourd'hui.",
                    en: "Everyone present the day before is already checked in today.")
            }
            out += yesterday.map { .participantCheckedIn(participant: $0, day: today) }

        case .addParticipant(var p):
            p.function = Text.nfc(p.function).trimmingCharacters(in: .whitespacesAndNewlines)
            p.name = p.name.map { Text.nfc($0) }
            p.contact = p.contact.map { Text.nfc($0) }
            guard !p.function.isEmpty else {
                throw Refusal(
                    "empty-function", fr: "Donnez la fonction du participant (ex. « Maire de Koula »).",
                    en: "Give the participant's function (e.g. “Mayor of Koula”).")
            }
            if p.id.isEmpty {
                var n = lastSeq + out.count + 1
                while isTaken("walkin-\(n)") { n += 1 }
                p.id = "walkin-\(n)"
            }
            guard !p.id.isEmpty, p.id.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) }) else {
                throw Refusal(
                    "bad-id", fr: "Identifiant « \(p.id) » : lettres, chiffres, - _ et . seulement.",
                    en: "Id “\(p.id)”: letters, digits, - _ and . only.")
            }
            guard !isTaken(p.id) else {
                throw Refusal(
                    "duplicate-id", fr: "L'identifiant « \(p.id) » existe " + "déjà.",
                    en: "The id “\(p.id)” already exists.")
            }
            if let o = p.organisation, programme.organisation(o) == nil, programme.commune(o) == nil {
                throw Refusal(
                    "unknown-organisation", fr: "Organisation inconnue : « " + "\(Text.echo(o)) ».",
                    en: "Unknown organisation: “\(Text.echo(o))”.")
            }
            if let c = p.commune, programme.commune(c) == nil {
                throw Refusal(
                    "unknown-commune", fr: "Commune inconnue : « \(Text.echo(c)) ».",
                    en: "Unknown commune: “\(Text.echo(c))”.")
            }
            out.append(.participantAdded(participant: p))

        case .declareInterest(let partner, let fiche):
            try requirePartner(partner)
            try requireFiche(fiche)
            let already = synergyFacts.contains { f in
                if f.fiche == fiche, case .interest(let p) = f.kind { return p == partner }
                return false
            }
            if already {
                throw Refusal(
                    "already-interested", fr: "\(displayName(partner)) a déjà déclaré son intérêt pour " + "\(fiche).",
                    en: "\(displayName(partner)) already declared an interest in \(fiche).")
            }
            out.append(.interestDeclared(partner: partner, fiche: fiche))

        case .markSynergy(let fiche, let partners, let lead):
            try requireFiche(fiche)
            var seen: [String] = []
            for p in partners where !seen.contains(p) { try requirePartner(p); seen.append(p) }
            guard seen.count >= 2 else {
                throw Refusal(
                    "no-partners",
                    fr: "Une synergie réunit au moins deux partenaires différents sur la "
                        + "fiche (sinon, déclarez un intérêt).",
                    en: "A synergy brings at least two different partners together on the fiche "
                        + "(otherwise, declare an interest).")
            }
            if let lead, !seen.contains(lead) {
                throw Refusal(
                    "lead-not-partner",
                    fr: "Le chef de file \(displayName(lead)) doit être l'un des " + "partenaires de la synergie.",
                    en: "The lead \(displayName(lead)) must be one of the synergy's partners.")
            }
            out.append(.synergyMarked(fiche: fiche, partners: seen, lead: lead))

        case .changeCommitmentStatus(let id, let status):
            let e = try liveCommitment(id)
            guard e.content.status != status else {
                throw Refusal(
                    "same-status", fr: "L'engagement n° \(id) a déjà ce " + "statut.",
                    en: "Commitment #\(id) already has this status.")
            }
            out.append(.commitmentStatusChanged(entry: id, status: status))

        case .withdrawCommitment(let id, let rawReason):
            _ = try liveCommitment(id)
            let reason = Text.nfc(rawReason).trimmingCharacters(in: .whitespacesAndNewlines)
            guard !reason.isEmpty else { throw Self.noReason }
            out.append(.commitmentWithdrawn(entry: id, reason: reason))

        case .undo(let seq):
            out.append(try undo(seq, by: undoer))

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
            throw Refusal(
                "no-current-item", fr: "Aucun point de l'ordre du jour n'est en cours : démarrez-en un.",
                en: "No agenda item is under way: start one.")
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
            throw Refusal(
                "unknown-speaker",
                fr: "« \(Text.echo(who)) » n'est ni un participant ni une organisation du programme.",
                en: "“\(Text.echo(who))” is neither a participant nor an organisation of the programme.")
        }
    }

    private func notQueued(_ who: String) -> Refusal {
        Refusal(
            "not-queued", fr: "\(displayName(who)) n'est pas dans la " + "file.",
            en: "\(displayName(who)) is not in the queue.")
    }

    func liveEntry(_ id: Int) throws(Refusal) -> Entry {
        guard let e = entry(id) else {
            throw Refusal("unknown-entry", fr: "Aucune entrée n° \(id) au compte rendu.", en: "No minute entry #\(id).")
        }
        if e.retracted != nil {
            throw Refusal(
                "entry-retracted", fr: "L'entrée n° \(id) a été " + "retirée.", en: "Entry #\(id) has been retracted.")
        }
        return e
    }

    private func requirePartner(_ id: String) throws(Refusal) {
        guard programme.organisation(id) != nil else {
            throw Refusal(
                "unknown-partner", fr: "Partenaire inconnu « \(Text.echo(id)) ».",
                en: "Unknown partner “\(Text.echo(id))”.")
        }
    }

    private func requireFiche(_ id: String) throws(Refusal) {
        guard programme.fiche(id) != nil else {
            throw Refusal(
                "unknown-fiche", fr: "Fiche de projet inconnue « " + "\(Text.echo(id)) ».",
                en: "Unknown project fiche “\(Text.echo(id))”.")
        }
    }

    /// A commitment neither retracted nor withdrawn.
    func liveCommitment(_ id: Int) throws(Refusal) -> Entry {
        let e = try liveEntry(id)
        guard e.content.kind == .commitment else {
            throw Refusal(
                "not-a-commitment", fr: "L'entrée n° \(id) n'est pas un " + "engagement.",
                en: "Entry #\(id) is not a commitment.")
        }
        if e.withdrawal != nil {
            throw Refusal(
                "commitment-withdrawn", fr: "L'engagement n° \(id) a été " + "retiré.",
                en: "Commitment #\(id) has been withdrawn.")
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
            let has = allowed.isEmpty ? "" : allowed.sorted().map { "--" + $0 }.joined(separator: ", ")
            throw Refusal(
                "field-not-for-kind",
                fr:
                    "L'entrée n° \(e.id) (\(e.content.kind.rawValue)) n'a pas de champ \(wrong.joined(separator: ", "))"
                    + (has.isEmpty ? " : seul son texte s'amende." : " ; ses champs : \(has)."),
                en:
                    "Entry #\(e.id) (\(e.content.kind.rawValue)) has no field \(wrong.joined(separator: ", "))"
                    + (has.isEmpty ? ": only its text is amended." : "; its fields: \(has).")
            )
        }
        try Self.checkCounts([c.votesFor, c.votesAgainst, c.abstentions])
        if let p = c.partner, programme.organisation(p) == nil {
            throw Refusal(
                "unknown-partner", fr: "Engagement : partenaire inconnu « " + "\(Text.echo(p)) ».",
                en: "Commitment: unknown partner “\(Text.echo(p))”.")
        }
        if let f = c.fiche, programme.fiche(f) == nil {
            throw Refusal(
                "unknown-fiche", fr: "Engagement : fiche de projet inconnue « " + "\(Text.echo(f)) ».",
                en: "Commitment: unknown project fiche “\(Text.echo(f))”.")
        }
        let after = c.applied(to: e.content)
        if let a = c.amount, a < 0 || a > Self.largestAmount {
            let cur = after.currency ?? "FCFA"
            throw Refusal(
                "bad-amount",
                fr: "Le montant doit être un entier positif d'au plus "
                    + "\(Money.format(Self.largestAmount, cur, language: .fr)).",
                en: "The amount must be a positive integer of at most "
                    + "\(Money.format(Self.largestAmount, cur, language: .en)).")
        }
        if after.kind == .commitment && after.nature == .financial && (after.amount ?? 0) == 0 {
            throw Refusal(
                "no-amount", fr: "Un engagement financier demande un montant supérieur à zéro.",
                en: "A financial commitment needs an amount above zero.")
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
                throw Refusal(
                    "no-responsible", fr: "Une action demande un " + "responsable.",
                    en: "An action needs someone responsible.")
            }
        case .commitment:
            guard let partner = c.partner, let org = programme.organisation(partner) else {
                throw Refusal(
                    "unknown-partner", fr: "Engagement : partenaire inconnu « \(c.partner ?? "") ».",
                    en: "Commitment: unknown partner “\(c.partner ?? "")”.")
            }
            guard let fid = c.fiche, let (fiche, commune) = programme.fiche(fid) else {
                throw Refusal(
                    "unknown-fiche", fr: "Engagement : fiche de projet inconnue « \(c.fiche ?? "") ».",
                    en: "Commitment: unknown project fiche “\(c.fiche ?? "")”.")
            }
            c.nature = c.nature ?? .financial
            c.status = c.status ?? .announced
            c.currency = try Self.currency(c.currency) ?? fiche.currency
            if c.nature == .financial && (c.amount ?? 0) == 0 {
                throw Refusal(
                    "no-amount", fr: "Un engagement financier demande un montant supérieur à zéro.",
                    en: "A financial commitment needs an amount above zero.")
            }
            if let a = c.amount, a < 0 || a > Self.largestAmount {
                throw Refusal(
                    "bad-amount",
                    fr:
                        "Le montant doit être un entier positif d'au plus "
                        + "\(Money.format(Self.largestAmount, c.currency ?? "FCFA", language: .fr)).",
                    en:
                        "The amount must be a positive integer of at most "
                        + "\(Money.format(Self.largestAmount, c.currency ?? "FCFA", language: .en))."
                )
            }
            if c.text.isEmpty {
                c.text = EntryContent.defaultCommitmentText(
                    partner: org, fiche: fiche, commune: commune, amount: c.amount,
                    currency: c.currency ?? "FCFA", language: programme.language)
            }
        case .vote:
            try Self.checkCounts([c.votesFor, c.votesAgainst, c.abstentions])
            guard let outcome = c.outcome else {
                throw Refusal(
                    "no-outcome", fr: "Un vote demande son résultat : adopté ou rejeté.",
                    en: "A vote needs its outcome: adopted or rejected.")
            }
            if outcome == .adopted, let f = c.votesFor, let a = c.votesAgainst, f < a {
                throw Refusal(
                    "outcome-contradicts",
                    fr: "Vote : adopté avec \(f) pour et \(a) contre ? Vérifiez les nombres ou le résultat.",
                    en: "Vote: adopted with \(f) for and \(a) against? Check the counts or the outcome.")
            }
        default: break
        }
        if c.kind != .vote { (c.votesFor, c.votesAgainst, c.abstentions, c.outcome) = (nil, nil, nil, nil) }
        guard !c.text.isEmpty else { throw Self.emptyText }
        return c
    }

    /// Refuses a negative number of votes (`bad-count`); nil counts (not given) pass.
    static func checkCounts(_ counts: [Int?]) throws(Refusal) {
        for n in counts.compactMap({ $0 }) where n < 0 {
            throw Refusal(
                "bad-count", fr: "Vote : un nombre de voix ne peut pas être négatif (\(n)).",
                en: "Vote: a number of votes cannot be negative (\(n)).")
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
    /// real one, written YYYY-MM-DD or DD/MM/YYYY (stored as YYYY-MM-DD).
    static func deadline(_ text: String?) throws(Refusal) -> String? {
        guard let t = text else { return nil }
        if let iso = try? Values.date(t) { return iso }
        // What looks like a date must be a real one; other text (« fin mars ») is kept.
        let looksLikeDate =
            (t.count == 10 && t.enumerated().allSatisfy { i, ch in [4, 7].contains(i) ? ch == "-" : ch.isNumber })
            || (t.split(separator: "/", omittingEmptySubsequences: false).count == 3
                && t.allSatisfy { $0.isNumber || $0 == "/" })
        if looksLikeDate { throw badDate(t) }
        return t
    }

    private static func badDate(_ t: String) -> Refusal {
        Refusal(
            "bad-date",
            fr: "Échéance « \(Text.echo(t)) » : date impossible ; écrivez AAAA-MM-JJ (2024-03-31), JJ/MM/AAAA, "
                + "ou un texte (« fin mars »).",
            en:
                "Deadline “\(Text.echo(t))”: not a real date; write YYYY-MM-DD (2024-03-31), DD/MM/YYYY, or words (“end of "
                + "March”).")
    }

    static let noDay = Refusal(
        "no-day", fr: "Aucune journée n'est en cours : démarrez la journée d'abord.",
        en: "No day is under way: start the day first.")
    static let emptyText = Refusal("empty-text", fr: "Le texte est vide.", en: "The text is empty.")
    static let noReason = Refusal("no-reason", fr: "Donnez une raison.", en: "Give a reason.")
    static func unknownItem(_ id: String) -> Refusal {
        Refusal(
            "unknown-item", fr: "Aucun point « \(Text.echo(id)) » à l'ordre du jour.",
            en: "No agenda item “\(Text.echo(id))”.")
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
            throw Refusal(
                "unknown-speaker", fr: "Personne ne correspond à « \(Text.echo(t)) ».",
                en: "Nobody matches “\(Text.echo(t))”.")
        }
        let names = found.prefix(6).map { "\($0) (\(displayName($0)))" }.joined(separator: ", ")
        throw Refusal(
            "ambiguous", fr: "« \(Text.echo(t)) » désigne plusieurs personnes : \(names)\(found.count > 6 ? "…" : "").",
            en: "“\(Text.echo(t))” matches several: \(names)\(found.count > 6 ? "…" : "").")
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
