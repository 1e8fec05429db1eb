import Foundation

/// `minutes.md`: the compte rendu, laid out like the report of a partners' roundtable.
///
/// Head (title, dates, venue, organisers, version and « situation au »), objectives,
/// participants (« N participants dont X femmes », per day and by category), the proceedings
/// day by day and item by item in current order (actual times, presenters, moderator, speakers,
/// then the entries of the item, each marked with its kind), entries outside the agenda, then the
/// recommendations, the partners' commitments with totals per currency, the synergies and funding
/// per commune, the next steps, and the
/// annexes (agenda planned and actual, attendance sheet, speaking time).
struct MinutesDocument {
    let c: DocContext
    private var o = ""

    /// The per-commune synergy section, drawn from the board the other documents use.
    private let synergies: String

    init(_ ctx: DocContext, synergies: String = "") {
        c = ctx
        self.synergies = synergies
        o.reserveCapacity(4096 + ctx.live.count * 160 + ctx.turns.count * 8)
    }

    private var L: DocLabels { c.L }
    private var state: SessionState { c.state }
    private var programme: Programme { c.state.programme }

    mutating func render() -> String {
        head()
        objectives()
        participants()
        proceedings()
        recommendations()
        commitments()
        o += synergies
        actions()
        annexes()
        while o.hasSuffix("\n\n") { o.removeLast() }
        return o
    }

    // MARK: pieces

    private mutating func line(_ s: String = "") { o += s; o += "\n" }

    private func field(_ label: String, _ value: String) -> String { "- **\(label)\(L.colon)** \(value)" }

    /// « mardi 17 octobre 2023 à 11:15 ».
    private func moment(_ i: Instant) -> String { L.longDate(c.lt.date(of: i)) + " " + L.at + " " + c.hhmm(i) }

    /// A deadline: a `YYYY-MM-DD` written as a date, free text escaped.
    private func due(_ s: String?) -> String {
        guard let s else { return "" }
        return DocLabels.civil(s) != nil ? L.date(s) : MD.inline(s)
    }

    private mutating func head() {
        line("# " + MD.inline(programme.title))
        line()
        line("**\(L[.minutesTitle])** — \(state.closedAt != nil ? L[.final] : L[.draft])")
        line()
        if let (first, last) = state.heldDateRange {
            line(field(L[.dates], L.dateRange(first, last)))
        }
        let place = [programme.venue, programme.city ?? ""].filter { !$0.isEmpty }.map(MD.inline).joined(
            separator: ", ")
        if !place.isEmpty { line(field(L[.venue], place)) }
        if !programme.organisers.isEmpty {
            let names = programme.organisers.map { id -> String in
                guard let org = c.organisations[id] else { return MD.inline(c.organisationName(id) ?? id) }
                return org.name == org.acronym || org.name.isEmpty
                    ? MD.inline(org.acronym)
                    : MD.inline(org.name) + " (" + MD.inline(org.acronym) + ")"
            }
            line(field(L[.organisers], names.joined(separator: ", ")))
        }
        line(field(L[.asOf], moment(c.now) + " (\(state.lastSeq) \(L[.journalEvents]))"))
        line()
    }

    private mutating func objectives() {
        guard programme.generalObjective != nil || !programme.specificObjectives.isEmpty else { return }
        line("## " + L[.objectives])
        line()
        if let g = programme.generalObjective {
            line("### " + L[.generalObjective])
            line()
            line(MD.block(g))
            line()
        }
        if !programme.specificObjectives.isEmpty {
            line("### " + L[.specificObjectives])
            line()
            for (i, s) in programme.specificObjectives.enumerated() {
                let marker = "\(i + 1). "
                line(marker + MD.block(s, indent: String(repeating: " ", count: marker.count)))
            }
            line()
        }
    }

    private mutating func participants() {
        line("## " + L[.participantsHeading])
        line()
        let all = c.attendees
        guard !all.isEmpty else {
            line(L[.noAttendance])
            line()
            return
        }
        line(L.participantsSummary(all.count, women: c.women(all)) + ".")
        line()
        line("### " + L[.perDay])
        line()
        o += MD.header([L[.dayCol], L[.participantsCol], L[.womenCol]], right: [1, 2])
        for (d, day) in state.days.enumerated() {
            let ids = state.attendance[day.date] ?? []
            guard !ids.isEmpty || day.startedAt != nil else { continue }
            o += MD.row([L.dayHeading(d + 1, state.heldDate(day: d)), String(ids.count), String(c.women(ids))])
        }
        line()
        line("### " + L[.byCategory])
        line()
        o += MD.header([L[.category], L[.participantsCol], L[.womenCol]], right: [1, 2])
        var counts: [OrganisationType?: (n: Int, w: Int)] = [:]
        for id in all {
            let p = c.participants[id]
            let cat = p.flatMap { c.category(of: $0) }
            var v = counts[cat] ?? (0, 0)
            v.n += 1
            if p?.sex == .female { v.w += 1 }
            counts[cat] = v
        }
        for cat in OrganisationType.allCases.map({ Optional($0) }) + [nil] {
            guard let v = counts[cat] else { continue }
            o += MD.row([MD.inline(L.category(cat)), String(v.n), String(v.w)])
        }
        line()
    }

    /// Actual times of an item: « 09:02 – 09:41 (39 min) », « en cours », « non traité »…
    private func times(_ id: String, day d: Int, plannedStart: Int) -> String {
        let r = state.run(id)
        let elapsed = L.minutes(DocContext.roundedMinutes(ms: r.elapsedMs(at: c.now)))
        switch r.status {
        case .done:
            let s = r.startedAt.map(c.hhmm) ?? "?", e = r.endedAt.map(c.hhmm) ?? "?"
            return "\(s) – \(e) (\(elapsed))"
        case .running:
            return "\(r.startedAt.map(c.hhmm) ?? "?") – \(L[.running]) (\(elapsed))"
        case .paused:
            if c.closedAtDayEnd(id, day: d) {
                let e = c.endOf(id, day: d).map(c.hhmm) ?? "?"
                return "\(r.startedAt.map(c.hhmm) ?? "?") – \(e) (\(elapsed), \(L[.closedAtDayEnd]))"
            }
            return "\(r.startedAt.map(c.hhmm) ?? "?") – \(L[.paused]) (\(elapsed))"
        case .skipped:
            return L[.notCovered]
        case .planned:
            if c.dayIsOver(d) { return L[.notCovered] }
            return state.insertedItems.contains(id)
                ? L[.unscheduled] : "\(L[.plannedAt]) \(c.hhmm(minutes: plannedStart))"
        }
    }

    private mutating func proceedings() {
        line("## " + L[.proceedings])
        line()
        for (d, day) in state.days.enumerated() {
            line("### " + L.dayHeading(d + 1, state.heldDate(day: d)))
            line()
            if let planned = state.plannedDateIfMoved(day: d) {
                line("*" + L.postponed(from: planned, to: state.heldDate(day: d)) + "*")
                line()
            }
            if let t = day.title, !t.isEmpty {
                line("*" + MD.inline(t) + "*")
                line()
            }
            for (i, item) in day.items.enumerated() {
                line("#### \(i + 1). " + MD.inline(item.title))
                line()
                var facts = [times(item.id, day: d, plannedStart: c.plannedStarts[d][i]), MD.inline(L.kind(item.kind))]
                if state.insertedItems.contains(item.id) && state.run(item.id).status != .planned {
                    facts.append(L[.unscheduled])
                }
                if !item.presenters.isEmpty {
                    facts.append(
                        L[.presenters] + L.colon + " "
                            + item.presenters.map { MD.inline(c.displayName($0)) }.joined(separator: ", "))
                }
                if let m = item.moderator { facts.append(L[.moderator] + L.colon + " " + MD.inline(c.displayName(m))) }
                if let ts = c.turnsByItem[item.id] {
                    var seen = Set<String>(), names: [String] = []
                    for ti in ts where seen.insert(c.turns[ti].who).inserted {
                        names.append(MD.inline(c.displayName(c.turns[ti].who)))
                    }
                    // A point of order is marked, each time it was one.
                    for ti in ts where c.turns[ti].pointOfOrder {
                        let n = MD.inline(c.displayName(c.turns[ti].who))
                        if let k = names.firstIndex(of: n) { names[k] += " (" + L[.pointOfOrder] + ")" }
                    }
                    facts.append(L[.speakers] + L.colon + " " + names.joined(separator: ", "))
                }
                if let waiting = state.unheard[item.id], !waiting.isEmpty {
                    facts.append(
                        L[.unheard] + L.colon + " "
                            + waiting.map {
                                MD.inline(c.displayName($0.who))
                                    + ($0.pointOfOrder ? " (" + L[.pointOfOrder] + ")" : "")
                            }.joined(separator: ", "))
                }
                line(facts.joined(separator: " · "))
                line()
                if let es = c.entriesByItem[item.id] {
                    for ei in es { entryLine(state.entries[ei], withTime: false) }
                    line()
                }
            }
            for m in c.movedAway(from: d) {
                line("- *" + MD.inline(m.item.title) + "*" + L.colon + " " + L.movedTo(day: m.toDay))
            }
            if !c.movedAway(from: d).isEmpty { line() }
        }
        if !c.outside.isEmpty {
            line("### " + L[.outsideAgenda])
            line()
            for ei in c.outside { entryLine(state.entries[ei], withTime: true) }
            line()
        }
        adoptedStatement()
    }

    /// One entry as a list item: its kind in bold, its latest text, its details and its marks.
    private mutating func entryLine(_ e: Entry, withTime: Bool) {
        let k = e.content
        var marker = L.entryKind(k.kind)
        if let n = c.numbers.number(e.id) {
            let label: DocLabel =
                switch k.kind {
                case .decision: .decisionNo
                case .action: .actionNo
                case .commitment: .commitmentNo
                default: .recommendationNo
                }
            marker = "\(L[label])\u{00A0}\(n)"
        }
        o += "- **\(marker)** — "
        let restatesFields = k.kind == .commitment && k.text == defaultCommitmentText(k)
        if !restatesFields { o += MD.block(k.text, indent: "  ") }
        var details: [String] = []
        switch k.kind {
        case .recommendation, .action:
            if let a = k.addressee { details.append(L[.addressee] + L.colon + " " + MD.inline(a)) }
            if let r = k.responsible { details.append(L[.responsible] + L.colon + " " + MD.inline(r)) }
            if k.due != nil { details.append(L[.deadline] + L.colon + " " + due(k.due)) }
        case .commitment:
            details.append(commitmentSummary(k))
        default: break
        }
        if !details.isEmpty { o += (restatesFields ? "" : " — ") + details.joined(separator: L.listSeparator) }
        var marks: [String] = []
        if !e.amendments.isEmpty { marks.append(L[.amended]) }
        if let w = e.withdrawal { marks.append(L[.withdrawnMark] + L.colon + " " + MD.inline(w.reason)) }
        if withTime { marks.append(L[.recordedAt] + " " + moment(e.at)) }
        if !marks.isEmpty { o += " *(" + marks.joined(separator: ", ") + ")*" }
        o += "\n"
    }

    /// The text `decide` gives a commitment recorded without one (in the programme's language).
    private func defaultCommitmentText(_ k: EntryContent) -> String? {
        guard let p = k.partner, let org = c.organisations[p], let f = k.fiche, let fiche = c.fiches[f] else {
            return nil
        }
        return EntryContent.defaultCommitmentText(
            partner: org, fiche: fiche.fiche, commune: fiche.commune, amount: k.amount,
            currency: k.currency ?? "FCFA", language: programme.language)
    }

    /// The commitment as a sentence (« L'ANICT s'engage à financer … à hauteur de … (confirmé) »).
    private func commitmentSummary(_ k: EntryContent) -> String {
        L.commitmentSentence(
            partner: MD.inline(k.partner.map { c.organisationName($0) ?? $0 } ?? "?"), fiche: k.fiche.map(ficheLabel),
            nature: k.nature,
            amount: k.amount.map { Money.format($0, k.currency ?? programme.currency, language: L.language) },
            status: k.status, conditions: k.conditions.map(MD.cell), due: k.due != nil ? due(k.due) : nil)
    }

    /// « la fiche TIM-01 « Adduction d'eau sommaire » (Timissa) ».
    private func ficheLabel(_ id: String) -> String {
        guard let f = c.fiches[id] else { return MD.inline(id) }
        let title = L.language == .fr ? "« " + MD.inline(f.fiche.title) + " »" : "“" + MD.inline(f.fiche.title) + "”"
        return (L.language == .fr ? "la fiche " : "fiche ") + MD.inline(f.fiche.id) + " " + title + " ("
            + MD.inline(f.commune.name) + ")"
    }

    /// « **Lu et adopté en plénière** : décision n° 1 ; recommandations n° 1 et 2. », once for
    /// what the plenary adopted; nothing when nothing was.
    private mutating func adoptedStatement() {
        var byKind: [EntryKind: [Int]] = [:]
        var others = 0
        for ei in c.live where state.entries[ei].adoptedAt != nil {
            let e = state.entries[ei]
            if let n = c.numbers.number(e.id) { byKind[e.content.kind, default: []].append(n) } else { others += 1 }
        }
        var parts = [EntryKind.decision, .recommendation, .commitment, .action].compactMap { k in
            byKind[k].map { L.adoptedList(k, $0.sorted()) }
        }
        if others > 0 { parts.append("\(others) " + L[.otherEntries]) }
        guard !parts.isEmpty else { return }
        line("**" + L[.adoptedStatement] + "**" + L.colon + " " + parts.joined(separator: L.listSeparator) + ".")
        line()
    }

    private func itemLabel(_ id: String?) -> String {
        guard let id, c.itemPlace[id] != nil else { return L[.outsideAgenda] }
        return MD.inline(c.itemTitle(id))
    }

    private mutating func recommendations() {
        line("## " + L[.recommendationsTitle])
        line()
        guard !c.recommendations.isEmpty else {
            line(L[.noRecommendations])
            line()
            return
        }
        for ei in c.recommendations {
            let e = state.entries[ei], k = e.content
            let marker = "\(c.numbers.number(e.id) ?? 0). "
            o += marker + MD.block(k.text, indent: String(repeating: " ", count: marker.count))
            var details: [String] = []
            if let a = k.addressee { details.append("*" + L[.addressee] + L.colon + "* " + MD.inline(a)) }
            if let r = k.responsible { details.append("*" + L[.responsible] + L.colon + "* " + MD.inline(r)) }
            if k.due != nil { details.append("*" + L[.deadline] + L.colon + "* " + due(k.due)) }
            details.append("*" + L[.item] + L.colon + "* " + itemLabel(e.item))
            o += " — " + details.joined(separator: L.listSeparator)
            if !e.amendments.isEmpty { o += " *(" + L[.amended] + ")*" }
            o += "\n"
        }
        line()
    }

    private mutating func commitments() {
        line("## " + L[.commitmentsTitle])
        line()
        guard !c.commitments.isEmpty else {
            line(L[.noCommitments])
            line()
            return
        }
        o += MD.header(
            [
                L[.number], L[.partner], L[.commune], L[.fiche], L[.nature], L[.amount], L[.status],
                L[.conditions], L[.deadline],
            ], right: [0, 5])
        var totals: [String: (total: Int64, n: Int, byStatus: [CommitmentStatus: Int64])] = [:]
        var technical: [String: Int64] = [:]
        for ei in c.commitments {
            let e = state.entries[ei], k = e.content
            let fiche = k.fiche.flatMap { c.fiches[$0] }
            let currency = k.currency ?? programme.currency
            var cells = [
                String(c.numbers.number(e.id) ?? 0), MD.inline(k.partner.flatMap { c.organisationName($0) } ?? ""),
                MD.inline(fiche?.commune.name ?? ""),
                fiche.map { MD.inline($0.fiche.id) + " " + MD.inline($0.fiche.title) } ?? MD.inline(k.fiche ?? ""),
                L.nature(k.nature),
                k.amount.map { Money.format($0, currency, language: L.language) } ?? L[.noAmount],
                L.commitmentStatus(k.status), MD.cell(k.conditions ?? ""), due(k.due),
            ]
            o += MD.row(cells)
            if let a = k.amount, k.nature == .technical {
                technical[currency] = Money.add(technical[currency] ?? 0, a)
            } else if let a = k.amount {
                var t = totals[currency] ?? (0, 0, [:])
                // Amounts are capped by decide; saturate anyway so no journal can crash the minutes.
                t.total = Money.add(t.total, a); t.n += 1
                t.byStatus[k.status ?? .announced] = Money.add(t.byStatus[k.status ?? .announced] ?? 0, a)
                totals[currency] = t
            }
        }
        line()
        if !technical.isEmpty {
            line("**" + L[.technicalValue] + "**" + L.colon + " " + SynergyDocuments.amounts(c, technical))
            line()
        }
        guard !totals.isEmpty else { return }
        line("**" + L[.totalsPerCurrency] + "**")
        line()
        let statuses = CommitmentStatus.allCases
        o += MD.header(
            [L[.currency], L[.total]] + statuses.map { L.commitmentStatus($0) } + [L[.withAmount]],
            right: Set(1...(statuses.count + 2)))
        let currencies = totals.keys.sorted { a, b in
            if a == programme.currency || b == programme.currency { return a == programme.currency && b != a }
            return a < b
        }
        for cur in currencies {
            let t = totals[cur]!
            o += MD.row(
                [MD.inline(cur), "**" + Money.format(t.total, cur, language: L.language) + "**"]
                    + statuses.map { s in t.byStatus[s].map { Money.format($0, cur, language: L.language) } ?? "—" }
                    + [String(t.n)])
        }
        line()
    }

    private mutating func actions() {
        line("## " + L[.actionsTitle])
        line()
        guard !c.actions.isEmpty else {
            line(L[.noActions])
            line()
            return
        }
        o += MD.header([L[.number], L[.activity], L[.responsible], L[.deadline], L[.status], L[.item]], right: [0])
        for ei in c.actions {
            let e = state.entries[ei], k = e.content
            o += MD.row([
                String(c.numbers.number(e.id) ?? 0), MD.cell(k.text), MD.cell(k.responsible ?? ""), due(k.due),
                L[.actionOpen],
                itemLabel(e.item),
            ])
        }
        line()
    }

    private mutating func annexes() {
        line("## " + L[.annexes])
        line()
        agendaAnnex()
        attendanceAnnex()
        speakingAnnex()
    }

    private mutating func agendaAnnex() {
        line("### " + L[.annexAgenda])
        line()
        for (d, day) in state.days.enumerated() {
            line("#### " + L.dayHeading(d + 1, state.heldDate(day: d)))
            line()
            let timings = state.timings(day: d, at: c.now)
            o += MD.header(
                [
                    L[.item], L[.plannedStart], L[.plannedDuration], L[.actualStart], L[.actualEnd],
                    L[.actualDuration], L[.extensionLabel], L[.status], L[.drift],
                ], right: [2, 5, 6, 8])
            for t in timings {
                let r = state.run(t.item.id)
                let started = r.startedAt != nil
                let closed = c.closedAtDayEnd(t.item.id, day: d)
                o += MD.row([
                    MD.inline(t.item.title),
                    state.insertedItems.contains(t.item.id) ? L[.unscheduled] : c.hhmm(minutes: t.plannedStart),
                    L.minutes(DocContext.roundedMinutes(seconds: t.item.duration)),
                    r.startedAt.map(c.hhmm) ?? "—",
                    c.endOf(t.item.id, day: d).map(c.hhmm) ?? "—",
                    started ? L.minutes(DocContext.roundedMinutes(ms: r.elapsedMs(at: c.now))) : "—",
                    r.extendedBy > 0 ? L.minutes(DocContext.roundedMinutes(seconds: r.extendedBy)) : "—",
                    closed
                        ? L[.closedAtDayEnd]
                        : L.itemStatus(r.status == .planned && c.dayIsOver(d) ? .skipped : r.status),
                    c.driftMinutes(t, day: d).map(L.signedMinutes) ?? "—",
                ])
            }
            for m in c.movedAway(from: d) {
                o += MD.row([MD.inline(m.item.title), "—", "—", "—", "—", "—", "—", L.movedTo(day: m.toDay), "—"])
            }
            line()
            if day.startedAt != nil {
                // an ended day: its real end against the planned end of its last item
                var drift = state.drift(day: d, at: c.now)
                if let end = day.endedAt, let last = timings.last,
                    let plannedEnd = c.lt.instant(date: state.heldDate(day: d), minutes: last.plannedEnd)
                {
                    drift = DocContext.roundedMinutes(ms: end.ms - plannedEnd.ms)
                }
                line(L[.dayDrift] + L.colon + " " + L.signedMinutes(drift) + ".")
                line()
            }
        }
    }

    private mutating func attendanceAnnex() {
        line("### " + L[.annexAttendance])
        line()
        var any = false
        for (d, day) in state.days.enumerated() {
            let ids = state.attendance[day.date] ?? []
            guard !ids.isEmpty else { continue }
            any = true
            line("#### " + L.dayHeading(d + 1, state.heldDate(day: d)))
            line()
            line(L.participantsSummary(ids.count, women: c.women(ids)) + ".")
            line()
            let withNames = ids.contains { c.participants[$0]?.name?.isEmpty == false }
            var header = [L[.number], L[.function]]
            if withNames { header.append(L[.name]) }
            header += [L[.organisation], L[.sex], L[.checkedInAt]]
            o += MD.header(header, right: [0])
            for (n, id) in ids.enumerated() {
                let p = c.participants[id]
                var row = [String(n + 1), MD.cell(p?.function ?? id)]
                if withNames { row.append(MD.cell(p?.name ?? "")) }
                row += [
                    MD.inline(p.flatMap { c.organisationName($0.organisation ?? $0.commune) } ?? ""),
                    p.map { L.sex($0.sex) } ?? "",
                    state.checkInTimes[day.date + "|" + id].map(c.hhmm) ?? "",
                ]
                o += MD.row(row)
            }
            line()
        }
        if !any {
            line(L[.noAttendance])
            line()
        }
    }

    private mutating func speakingAnnex() {
        let rows = c.speaking()
        guard !rows.isEmpty else { return }
        line("### " + L[.annexSpeaking])
        line()
        o += MD.header([L[.item], L[.csvSpeaker], L[.organisation], L[.turns], L[.duration]], right: [3, 4])
        for r in rows {
            let day = c.itemPlace[r.item].map { L[.dayShort] + "\($0.day + 1) · " } ?? ""
            o += MD.row([
                day + MD.inline(c.itemTitle(r.item)), MD.inline(c.displayName(r.who)),
                MD.inline(c.organisationOf(r.who) ?? ""), String(r.turns),
                Durations.format(seconds: Int((r.ms + 500) / 1000)),
            ])
        }
        line()
    }
}
