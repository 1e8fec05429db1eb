import Foundation

/// The CSV documents, all written through ``CSVWriter``.
enum CSVDocuments {
    /// `commitments.csv`: one row per commitment not retracted, with its latest text. The amount
    /// is digits only (no grouping) so a spreadsheet can add it up; add up per currency only.
    static func commitments(_ c: DocContext) -> Data {
        let L = c.L
        var w = CSVWriter(separator: c.csvSeparator)
        w.header([
            L[.number], L[.csvPartnerAcronym], L[.csvPartnerName], L[.commune], L[.csvFicheId], L[.csvFicheTitle],
            L[.nature], L[.amount], L[.currency], L[.status], L[.conditions], L[.deadline], L[.csvText],
            L[.csvRecordedAt], L[.csvSeat], L[.csvEntry],
        ])
        for ei in c.commitments {
            let e = c.state.entries[ei], k = e.content
            let org = k.partner.flatMap { c.organisations[$0] }
            let fiche = k.fiche.flatMap { c.fiches[$0] }
            w.row([
                .num(c.numbers.number(e.id)), .text(org?.acronym ?? k.partner ?? ""), .opt(org?.name),
                .opt(fiche?.commune.name), .opt(k.fiche),
                .opt(fiche?.fiche.title), .text(L.nature(k.nature)), k.amount.map { .number($0) } ?? .empty,
                .text(k.currency ?? c.state.programme.currency), .text(L.commitmentStatus(k.status)),
                .opt(k.conditions), .opt(k.due), .text(k.text), .text(c.rfc3339(e.at)), .text(L.seat(e.seat)),
                .number(Int64(e.id)),
            ])
        }
        return w.data
    }

    /// `actions.csv`: the action plan. Every action is « à faire » (no status event exists yet).
    static func actions(_ c: DocContext) -> Data {
        let L = c.L
        var w = CSVWriter(separator: c.csvSeparator)
        w.header([
            L[.number], L[.activity], L[.responsible], L[.deadline], L[.status], L[.item], L[.csvRecordedAt],
            L[.csvEntry],
        ])
        for ei in c.actions {
            let e = c.state.entries[ei], k = e.content
            let item = e.item.flatMap { c.itemPlace[$0] != nil ? c.itemTitle($0) : nil } ?? L[.outsideAgenda]
            w.row([
                .num(c.numbers.number(e.id)), .text(k.text), .opt(k.responsible), .opt(k.due), .text(L[.actionOpen]),
                .text(item),
                .text(c.rfc3339(e.at)), .number(Int64(e.id)),
            ])
        }
        return w.data
    }

    /// `attendance.csv`: one row per participant and day, in order of arrival; the day by its
    /// number in the programme and its date (two days held on the same date stay apart); the
    /// arrival and departure times, and for per diem lists the half days attended (1 or 0 for the
    /// morning and the afternoon, and their sum; ``SessionState/halfDays(of:day:at:)``).
    static func attendance(_ c: DocContext) -> Data {
        let L = c.L
        var w = CSVWriter(separator: c.csvSeparator)
        w.header([
            L[.csvDayNumber], L[.csvDay], L[.csvParticipantId], L[.function], L[.organisation], L[.commune], L[.sex],
            L[.csvCheckedIn], L[.csvLeftAt], L[.csvMorning], L[.csvAfternoon], L[.csvHalfDays],
        ])
        var days = c.state.days.map(\.date)
        days += c.state.attendance.keys.filter { !days.contains($0) }.sorted()
        for day in days {
            let number = c.state.days.firstIndex { $0.date == day }
            for id in c.state.attendance[day] ?? [] {
                let p = c.participants[id]
                let half = number.flatMap { c.state.halfDays(of: id, day: $0, at: c.now) }
                w.row([
                    .num(number.map { $0 + 1 }), .text(c.state.heldDate(ofProgrammeDate: day)), .text(id),
                    .opt(p?.function),
                    .opt(c.organisationName(p?.organisation)),
                    .opt(c.organisationName(p?.commune)), .text(p.map { L.sex($0.sex) } ?? ""),
                    .opt(c.state.checkInTimes[day + "|" + id].map(c.hhmm)),
                    .opt(c.state.departureTimes[day + "|" + id].map(c.hhmm)),
                    half.map { .num($0.morning ? 1 : 0) } ?? .empty, half.map { .num($0.afternoon ? 1 : 0) } ?? .empty,
                    half.map { .num($0.count) } ?? .empty,
                ])
            }
        }
        return w.data
    }

    /// `timing.csv`: planned and actual times of every agenda item, day by day in current order
    /// (the day by its number and its date).
    /// Durations are whole minutes (rounded), the actual one without pauses; the drift is the
    /// actual (or projected, for a running item) end minus the planned end.
    static func timing(_ c: DocContext) -> Data {
        let L = c.L, state = c.state
        var w = CSVWriter(separator: c.csvSeparator)
        w.header([
            L[.csvDayNumber], L[.csvDay], L[.csvItemId], L[.csvKind], L[.csvTitle], L[.csvPlannedStart],
            L[.csvPlannedMinutes],
            L[.csvActualStart], L[.csvActualEnd], L[.csvActualMinutes], L[.csvExtensionMinutes], L[.status],
            L[.csvDriftMinutes],
        ])
        for d in state.days.indices {
            for t in state.timings(day: d, at: c.now) {
                let r = state.run(t.item.id)
                let status = r.status == .planned && c.dayIsOver(d) ? ItemStatus.skipped : r.status
                w.row([
                    .num(d + 1), .text(state.heldDate(day: d)), .text(t.item.id), .text(L.kind(t.item.kind)),
                    .text(t.item.title),
                    .text(c.plannedStartCell(t)),
                    .num(DocContext.roundedMinutes(seconds: t.item.duration)),
                    .opt(r.startedAt.map(c.hhmm)), .opt(c.endOf(t.item.id, day: d).map(c.hhmm)),
                    r.startedAt != nil ? .num(DocContext.roundedMinutes(ms: r.elapsedMs(at: c.now))) : .empty,
                    .num(DocContext.roundedMinutes(seconds: r.extendedBy)),
                    .text(c.closedAtDayEnd(t.item.id, day: d) ? L[.closedAtDayEnd] : L.itemStatus(status)),
                    .num(c.driftMinutes(t, day: d)),
                ])
            }
        }
        return w.data
    }

    /// `speaking.csv`: speaking time per item and speaker (pauses of the item excluded; the turn
    /// under way counts up to `now`). The last column says whether the seconds are an upper bound:
    /// a turn without an end in the journal is counted up to the end of its item. The column after
    /// it counts the turns given on a point of order (the minutes list speakers, not turns one by
    /// one: this is where each point of order is counted).
    static func speaking(_ c: DocContext) -> Data {
        let L = c.L
        var w = CSVWriter(separator: c.csvSeparator)
        w.header([
            L[.csvItemId], L[.item], L[.csvSpeakerId], L[.csvSpeaker], L[.organisation], L[.csvTurns], L[.csvSeconds],
            L[.csvSecondsAtMost], L[.csvTurnsPointOfOrder],
        ])
        for r in c.speaking() {
            w.row([
                .text(r.item), .text(c.itemTitle(r.item)), .text(r.who), .text(c.displayName(r.who)),
                .opt(c.organisationOf(r.who)), .num(r.turns), .number((r.ms + 500) / 1000),
                r.open ? .text(L[.yes]) : .empty, .num(r.orders),
            ])
        }
        return w.data
    }
}
