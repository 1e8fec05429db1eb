import Foundation

/// The documents of the synergy debates, all drawn from one ``SynergyBoard``:
/// `synthesis.md` (priority actions per commune), `commitments.md` (the commitments matrix,
/// withdrawn ones apart), `synergies.csv` (fiche × partner), and the per-commune section of
/// `minutes.md`.
enum SynergyDocuments {
    /// Why no feasibility study is left to fund: every fiche at the idea stage has its study
    /// committed, or no fiche is at that stage (then saying the first would state a fact that
    /// is not there).
    static func noStudyToFund(_ b: SynergyBoard) -> DocLabel {
        b.rows.contains { $0.fiche.studyStatus == .idea } ? .noUnfundedStudies : .noFicheAtIdeaStage
    }

    /// « 30 000 000 FCFA + 8 000 EUR », the programme's currency first; « — » when empty.
    static func amounts(_ c: DocContext, _ a: [String: Int64]) -> String {
        let first = c.state.programme.currency
        let keys = a.keys.sorted { x, y in x == first ? y != first : (y == first ? false : x < y) }
        let parts = keys.map { Money.format(a[$0]!, $0, language: c.L.language) }
        return parts.isEmpty ? "—" : parts.joined(separator: " + ")
    }

    /// « 17 octobre 2023 à 10:28 », “17 October 2023 at 10:28”, like the dates of the minutes.
    static func stamp(_ c: DocContext, _ i: Instant) -> String {
        c.L.date(c.lt.date(of: i)) + " " + c.L.at + " " + c.hhmm(i)
    }

    /// A deadline: « 30 juin 2024 » for a `YYYY-MM-DD`, free text as typed.
    static func due(_ c: DocContext, _ s: String?) -> String {
        guard let s else { return "" }
        return DocLabels.civil(s) != nil ? c.L.date(s) : MD.inline(s)
    }

    static func head(_ c: DocContext, _ title: String) -> String {
        let L = c.L
        var o = "# " + MD.inline(c.state.programme.title) + "\n\n"
        o +=
            "**" + title + "** — " + L[.asOf] + " " + L.longDate(c.lt.date(of: c.now)) + " " + L.at + " "
            + c.hhmm(c.now) + "\n\n"
        return o
    }

    static func partnerName(_ c: DocContext, _ id: String) -> String { MD.inline(c.organisations[id]?.acronym ?? id) }

    /// The partners of `ids`, the lead marked.
    static func partnerList(_ c: DocContext, _ ids: [String], lead: String?, feminine: Bool = false) -> String {
        guard !ids.isEmpty else { return feminine && c.L.language == .fr ? "aucune" : c.L[.noneYet] }
        return ids.map { partnerName(c, $0) + ($0 == lead ? " (" + c.L[.leadWord] + ")" : "") }
            .joined(separator: ", ")
    }

    /// What remains for the works, or « dépassement de N » when more was committed than sought.
    static func gapCell(_ c: DocContext, _ r: SynergyRow) -> String {
        let cur = r.fiche.currency
        return r.over > 0
            ? c.L.overBy(Money.format(r.over, cur, language: c.L.language))
            : Money.format(r.gap, cur, language: c.L.language)
    }

    /// The feasibility study apart from the works: « coût 15 000 000 FCFA · engagé … · reste … »;
    /// « — » when the programme states no study cost and nothing was committed for it.
    static func studyCell(_ c: DocContext, _ r: SynergyRow) -> String {
        let L = c.L, cur = r.fiche.currency
        guard r.fiche.studyCost != nil || !r.studyCommitted.isEmpty else {
            switch r.fiche.studyStatus {
            case .feasibilityStudy: return L[.studyDone]
            case .appraisal: return L[.studyDoneAppraised]
            case .idea: return r.studyNeeded ? L[.studyToFund] : "—"
            }
        }
        var parts = [
            L[.studyCostWord] + " "
                + (r.fiche.studyCost.map { Money.format($0, cur, language: L.language) } ?? L[.notStated])
        ]
        parts.append(L[.studyCommittedWord] + " " + amounts(c, r.studyCommitted))
        if r.studyOver > 0 {
            parts.append(L.overBy(Money.format(r.studyOver, cur, language: L.language)))
        } else if let g = r.studyGap {
            parts.append(L[.studyGapWord] + " " + Money.format(g, cur, language: L.language))
        }
        return parts.joined(separator: " · ")
    }

    /// « Partenaires pressentis : … ; Intérêt manifesté : … ; Synergie : … (chef de file) ;
    /// Engagements : … », each under its own name, without overlap.
    static func partnersLine(_ c: DocContext, _ b: SynergyBoard, _ r: SynergyRow) -> String {
        let L = c.L, sep = L.listSeparator
        var o = L[.suggestedPartners] + L.colon + " " + partnerList(c, suggestedOnly(b, r), lead: nil)
        o += sep + L[.interestDeclared] + L.colon + " " + partnerList(c, r.interested, lead: nil)
        o += sep + L[.synergyLabel] + L.colon + " " + partnerList(c, r.synergy, lead: r.lead, feminine: true)
        let made = r.cells.flatMap(\.commitments).sorted().compactMap { c.state.entry($0) }
        o +=
            sep + L[.commitmentsMade] + L.colon + " "
            + (made.isEmpty ? L[.noneYet] : made.map { commitmentLine(c, $0) }.joined(separator: ", "))
        if !r.technical.isEmpty { o += sep + L[.technicalValue] + L.colon + " " + amounts(c, r.technical) }
        return o
    }

    /// The partners the programme suggests for the row (sectors and zones), those who committed on
    /// the fiche left out: a committed partner is listed under its commitment only.
    static func suggestedOnly(_ b: SynergyBoard, _ r: SynergyRow) -> [String] {
        b.suggested(r).map(\.id).filter { !r.engaged.contains($0) }
    }

    static func commitmentLine(_ c: DocContext, _ e: Entry) -> String {
        let k = e.content
        let cur = k.currency ?? c.state.programme.currency
        return partnerName(c, k.partner ?? "") + " "
            + (k.amount.map { Money.format($0, cur, language: c.L.language) } ?? c.L[.noAmount])
            + " (" + c.L.nature(k.nature) + ", " + c.L.commitmentStatus(k.status) + ")"
    }

    static func totalsTable(_ c: DocContext, _ t: SynergyTotals) -> String {
        let L = c.L
        var o = MD.header([L[.currency], L[.soughtCol], L[.committedCol], L[.gapCol]], right: [1, 2, 3])
        let curs = t.currencies(first: c.state.programme.currency)
        func f(_ d: [String: Int64], _ cur: String) -> String {
            d[cur].map { Money.format($0, cur, language: L.language) } ?? "—"
        }
        for cur in curs {
            var gap = f(t.gap, cur)
            if let over = t.over[cur] { gap += " (" + L.overBy(Money.format(over, cur, language: L.language)) + ")" }
            o += MD.row([MD.inline(cur), f(t.sought, cur), f(t.committed, cur), gap])
        }
        o += "\n"
        if !t.studySought.isEmpty || !t.studyCommitted.isEmpty {
            o += "**" + L[.studyNeed] + "**" + L.colon + " "
            o +=
                curs.compactMap { cur -> String? in
                    guard t.studySought[cur] != nil || t.studyCommitted[cur] != nil else { return nil }
                    return L[.studyCostWord] + " "
                        + (t.studySought[cur].map { Money.format($0, cur, language: L.language) } ?? L[.notStated])
                        + " · " + L[.studyCommittedWord] + " " + f(t.studyCommitted, cur)
                        + (t.studyGap[cur].map {
                            " · " + L[.studyGapWord] + " " + Money.format($0, cur, language: L.language)
                        } ?? "")
                }.joined(separator: L.listSeparator) + "\n\n"
        }
        if !t.technical.isEmpty {
            o += "**" + L[.technicalValue] + "**" + L.colon + " " + amounts(c, t.technical) + "\n\n"
        }
        return o
    }

    /// Rows of the board grouped by commune, in the board's order.
    static func byCommune(_ b: SynergyBoard) -> [(commune: Commune, rows: [SynergyRow])] {
        var out: [(commune: Commune, rows: [SynergyRow])] = []
        for r in b.rows {
            if out.last?.commune.id == r.commune.id {
                out[out.count - 1].rows.append(r)
            } else {
                out.append((r.commune, [r]))
            }
        }
        return out
    }

    // MARK: synthesis.md

    static func synthesis(_ c: DocContext, _ b: SynergyBoard) -> String {
        let L = c.L
        var o = head(c, L[.synthesisTitle])
        let groups = byCommune(b)
        guard !groups.isEmpty else { return o + L[.noFiches] + "\n" }
        for g in groups {
            o += "## " + communePlace(g.commune) + "\n\n"
            o += MD.header(
                [
                    L[.priorityCol], L[.fiche], L[.sector], L[.modeCol], L[.studyCol], L[.totalCost],
                    L[.contributionCol], L[.soughtCol], L[.committedCol], L[.gapCol], L[.studyNeed],
                ], right: [0, 5, 6, 7, 8, 9])
            for r in g.rows {
                let f = r.fiche
                o += MD.row([
                    String(f.priority), MD.inline(f.id) + " " + MD.inline(f.title), MD.inline(f.sector), L.mode(f.mode),
                    L.study(f.studyStatus), Money.format(f.totalCost, f.currency, language: L.language),
                    Money.format(f.contribution, f.currency, language: L.language),
                    Money.format(f.amountSought, f.currency, language: L.language), amounts(c, r.committed),
                    gapCell(c, r), studyCell(c, r),
                ])
            }
            o += "\n"
            for r in g.rows {
                o += "- **" + MD.inline(r.fiche.id) + "** — " + partnersLine(c, b, r) + "\n"
            }
            o += "\n**" + L[.communeTotals] + "**\n\n"
            o += totalsTable(c, b.communeTotals[g.commune.id] ?? SynergyTotals())
        }
        o += "## " + L[.sessionTotals] + "\n\n" + totalsTable(c, b.totals)
        o += "## " + L[.unfundedStudies] + "\n\n"
        if b.unfundedStudies.isEmpty { o += L[Self.noStudyToFund(b)] + "\n" }
        for id in b.unfundedStudies {
            guard let f = c.fiches[id] else { continue }
            o += "- " + MD.inline(id) + " " + MD.inline(f.fiche.title) + " (" + MD.inline(f.commune.name) + ")\n"
        }
        return o
    }

    /// One line per fiche with a declared interest or a synergy (« Aucun … » when there is none).
    static func interests(_ c: DocContext, _ b: SynergyBoard) -> String {
        let L = c.L
        var o = ""
        let linked = b.rows.filter { !$0.interested.isEmpty || !$0.synergy.isEmpty }
        if linked.isEmpty { o += L[.noInterests] + "\n" }
        for r in linked {
            o +=
                "- " + MD.inline(r.fiche.id) + " " + MD.inline(r.fiche.title) + " (" + MD.inline(r.commune.name)
                + ") — "
                + L[.interestDeclared] + L.colon + " " + partnerList(c, r.interested, lead: nil) + L.listSeparator
                + L[.synergyLabel] + L.colon + " " + partnerList(c, r.synergy, lead: r.lead, feminine: true) + "\n"
        }
        return o
    }

    /// « Diéli (San) » when the cercle and the region have the same name, « (San, Ségou) » otherwise.
    static func communePlace(_ commune: Commune) -> String {
        // A ward or a budget line has no cercle: its name alone.
        if commune.cercle.isEmpty && commune.region.isEmpty { return MD.inline(commune.name) }
        let places =
            Text.fold(commune.cercle) == Text.fold(commune.region) || commune.region.isEmpty
            ? MD.inline(commune.cercle) : MD.inline(commune.cercle) + ", " + MD.inline(commune.region)
        return MD.inline(commune.name) + " (" + places + ")"
    }

    // MARK: commitments.md

    static func matrix(_ c: DocContext, _ b: SynergyBoard) -> String {
        let L = c.L, state = c.state
        var o = head(c, L[.matrixTitle])
        if c.commitments.isEmpty {
            o += L[.noCommitments] + "\n\n"
        } else {
            o += MD.header(
                [
                    L[.number], L[.partner], L[.commune], L[.fiche], L[.nature], L[.amount], L[.currency], L[.status],
                    L[.conditions], L[.deadline], L[.recordedBy],
                ], right: [0, 5])
            var totals: [String: Int64] = [:], technical: [String: Int64] = [:]
            for ei in c.commitments {
                let e = state.entries[ei], k = e.content
                let fiche = k.fiche.flatMap { c.fiches[$0] }
                let cur = k.currency ?? state.programme.currency
                o += MD.row([
                    String(c.numbers.number(e.id) ?? 0), partnerName(c, k.partner ?? ""),
                    MD.inline(fiche?.commune.name ?? ""),
                    MD.inline(k.fiche ?? "") + (fiche.map { " " + MD.inline($0.fiche.title) } ?? ""),
                    L.nature(k.nature),
                    // « non chiffré » alone: no currency without an amount.
                    k.amount.map { Money.group($0, language: L.language) } ?? L[.noAmount],
                    k.amount == nil ? "" : MD.inline(cur),
                    L.commitmentStatus(k.status), MD.cell(k.conditions ?? ""), due(c, k.due),
                    stamp(c, e.at) + ", " + MD.inline(L.seat(e.seat)),
                ])
                if let a = k.amount {
                    if k.nature == .technical {
                        technical[cur] = Money.add(technical[cur] ?? 0, a)
                    } else {
                        totals[cur] = Money.add(totals[cur] ?? 0, a)
                    }
                }
            }
            o += "\n**" + L[.totalsPerCurrency] + "**" + L.colon + " " + amounts(c, totals) + "\n\n"
            if !technical.isEmpty {
                o += "**" + L[.technicalValue] + "**" + L.colon + " " + amounts(c, technical) + "\n\n"
            }
        }
        o += "## " + L[.interestsTitle] + "\n\n"
        o += interests(c, b)
        o += "\n## " + L[.withdrawnTitle] + "\n\n"
        if c.withdrawnCommitments.isEmpty { return o + L[.noWithdrawn] + "\n" }
        o += MD.header(
            [
                L[.csvEntry], L[.partner], L[.commune], L[.fiche], L[.amount], L[.currency], L[.status], L[.reason],
                L[.withdrawnOn], L[.recordedBy],
            ], right: [0, 4])
        for ei in c.withdrawnCommitments {
            let e = state.entries[ei], k = e.content
            let fiche = k.fiche.flatMap { c.fiches[$0] }
            o += MD.row([
                String(e.id), partnerName(c, k.partner ?? ""), MD.inline(fiche?.commune.name ?? ""),
                MD.inline(k.fiche ?? ""),
                k.amount.map { Money.group($0, language: L.language) } ?? L[.noAmount],
                k.amount == nil ? "" : MD.inline(k.currency ?? state.programme.currency), L.commitmentStatus(k.status),
                MD.cell(e.withdrawal?.reason ?? ""),
                e.withdrawal.map { stamp(c, $0.at) + ", " + MD.inline(L.seat($0.seat)) } ?? "",
                stamp(c, e.at) + ", " + MD.inline(L.seat(e.seat)),
            ])
        }
        return o
    }

    // MARK: synergies.csv

    static func csv(_ c: DocContext, _ b: SynergyBoard) -> Data {
        let L = c.L
        var w = CSVWriter(separator: c.csvSeparator)
        w.header([
            L[.csvFicheId], L[.commune], L[.csvPartnerAcronym], L[.csvState], L[.csvLeadFlag], L[.amount], L[.currency],
        ])
        let first = c.state.programme.currency
        for r in b.rows {
            for (i, cell) in r.cells.enumerated() where cell.state != .none {
                let base: [CSVCell] = [
                    .text(r.fiche.id), .text(r.commune.name), .text(b.partners[i].acronym),
                    .text(L.cellState(cell.state)), cell.isLead ? .text(L[.yes]) : .empty,
                ]
                let curs = cell.committed.keys.sorted { x, y in x == first ? y != first : (y == first ? false : x < y) }
                if curs.isEmpty { w.row(base + [.empty, .empty]) }
                for cur in curs { w.row(base + [.number(cell.committed[cur]!), .text(cur)]) }
            }
        }
        return w.data
    }

    // MARK: minutes.md: the funding picture

    /// The whole roundtable's money, from the board's totals: for the works, then apart for the
    /// feasibility studies, per currency: sought, committed per status, what remains counting every
    /// commitment and counting only the firm ones (confirmed or signed); then the studies to fund.
    static func moneyPicture(_ c: DocContext, _ b: SynergyBoard) -> String {
        let L = c.L, t = b.totals
        let statuses = CommitmentStatus.allCases
        func f(_ a: Int64?, _ cur: String) -> String { a.map { Money.format($0, cur, language: L.language) } ?? "—" }
        var o = "### " + L[.moneyTitle] + "\n\n" + L[.moneyFirmNote] + "\n\n"
        guard !b.rows.isEmpty else { return o + L[.noFiches] + "\n\n" }
        let curs = t.currencies(first: c.state.programme.currency)
        let right = Set(1...(statuses.count + 3))
        o += "**" + L[.moneyWorks] + "**\n\n"
        o += MD.header(
            [L[.currency], L[.soughtCol]] + statuses.map { L.commitmentStatus($0) } + [L[.gapAllCol], L[.gapFirmCol]],
            right: right)
        for cur in curs where t.sought[cur] != nil || t.committed[cur] != nil {
            var gap = f(t.gap[cur], cur)
            if let over = t.over[cur] { gap += " (" + L.overBy(Money.format(over, cur, language: L.language)) + ")" }
            o += MD.row(
                [MD.inline(cur), f(t.sought[cur], cur)] + statuses.map { f(t.committedByStatus[$0]?[cur], cur) }
                    + [gap, f(t.firmGap[cur], cur)])
        }
        o += "\n**" + L[.moneyStudies] + "**\n\n"
        let studyCurs = curs.filter { t.studySought[$0] != nil || t.studyCommitted[$0] != nil }
        if t.studySought.isEmpty { o += L[.studyCostsNotStated] + "\n\n" }
        if !studyCurs.isEmpty {
            o += MD.header(
                [L[.currency], L[.moneyStudyCostCol]] + statuses.map { L.commitmentStatus($0) }
                    + [L[.gapAllCol], L[.gapFirmCol]], right: right)
            for cur in studyCurs {
                o += MD.row(
                    [
                        MD.inline(cur),
                        t.studySought[cur].map { Money.format($0, cur, language: L.language) } ?? L[.notStated],
                    ]
                        + statuses.map { f(t.studyCommittedByStatus[$0]?[cur], cur) }
                        + [t.studyGap[cur], t.studyFirmGap[cur]].map {
                            $0.map { Money.format($0, cur, language: L.language) } ?? L[.notStated]
                        })
            }
            o += "\n"
        }
        o += "**" + L[.unfundedStudies] + "**\n\n"
        if b.unfundedStudies.isEmpty { o += L[Self.noStudyToFund(b)] + "\n" }
        for r in b.rows where r.studyNeeded {
            o += "- " + MD.inline(r.fiche.id) + " " + MD.inline(r.fiche.title) + " (" + MD.inline(r.commune.name) + ")"
            if r.fiche.studyCost != nil || !r.studyCommitted.isEmpty { o += " — " + studyCell(c, r) }
            o += "\n"
        }
        return o + "\n"
    }

    // MARK: minutes.md section

    static func minutesSection(_ c: DocContext, _ b: SynergyBoard) -> String {
        let L = c.L
        var o = "## " + L[.synthesisTitle] + "\n\n"
        let groups = byCommune(b)
        guard !groups.isEmpty else { return o + L[.noFiches] + "\n\n" }
        for g in groups {
            o += "### " + communePlace(g.commune) + "\n\n"
            o += MD.header(
                [
                    L[.fiche], L[.soughtCol], L[.committedCol], L[.gapCol], L[.studyNeed], L[.suggestedPartners],
                    L[.interestDeclared], L[.synergyLabel], L[.engagedPartners],
                ], right: [1, 2, 3])
            for r in g.rows {
                o += MD.row([
                    MD.inline(r.fiche.id) + " " + MD.inline(r.fiche.title),
                    Money.format(r.fiche.amountSought, r.fiche.currency, language: L.language), amounts(c, r.committed),
                    gapCell(c, r), studyCell(c, r), partnerList(c, suggestedOnly(b, r), lead: nil),
                    partnerList(c, r.interested, lead: nil), partnerList(c, r.synergy, lead: r.lead, feminine: true),
                    partnerList(c, r.engaged, lead: nil),
                ])
            }
            o += "\n"
        }
        return o
    }
}
