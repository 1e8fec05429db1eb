import Foundation

/// Where a partner stands on one project fiche, from the weakest to the strongest.
public enum SynergyCellState: Int, Sendable, Equatable, Comparable, CaseIterable {
    /// Nothing links them.
    case none
    /// The partner's sectors and zones overlap the fiche's sector and its commune (from the
    /// programme, before anyone said anything).
    case suggested
    /// The partner declared an interest.
    case interest
    /// The partner was marked in a synergy on the fiche.
    case synergy
    /// The partner made a commitment on the fiche (neither retracted nor withdrawn).
    case committed

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// One partner × fiche cell of the board.
public struct SynergyCell: Sendable, Equatable {
    public var state: SynergyCellState = .none
    /// Whether the partner is the lead (chef de file) of the fiche's latest synergy.
    public var isLead = false
    /// Whether the programme suggests the partner for the fiche (its sectors and zones), whatever
    /// happened since: a suggested partner stays suggested after declaring an interest.
    public var suggested = false
    /// Whether the partner declared an interest in the fiche.
    public var interest = false
    /// Whether the partner was marked in a synergy on the fiche.
    public var inSynergy = false
    /// Cash committed by the partner on the fiche (works and study), per currency.
    public var committed: [String: Int64] = [:]
    /// Value of the partner's technical contributions on the fiche, per currency (not cash).
    public var technical: [String: Int64] = [:]
    /// Seqs of the partner's live commitments on the fiche.
    public var commitments: [Int] = []
}

/// A fact of the fiche's history, for the board's side panel and the documents.
public struct SynergyHistoryItem: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case interest(partner: String)
        case synergy(partners: [String], lead: String?)
        case commitment(entry: Int, partner: String, amount: Int64?, currency: String, status: CommitmentStatus?)
        case statusChanged(entry: Int, partner: String, status: CommitmentStatus)
        case withdrawn(entry: Int, partner: String, reason: String)
    }
    public var seq: Int
    public var at: Instant
    public var seat: String
    public var kind: Kind
}

/// One fiche's row of the board.
public struct SynergyRow: Sendable, Equatable {
    public var fiche: ProjectFiche
    public var commune: Commune
    /// Cells in the order of ``SynergyBoard/partners``.
    public var cells: [SynergyCell]
    /// Cash committed for the works (financial commitments), per currency (withdrawn commitments
    /// left out). Study money and technical contributions are apart.
    public var committed: [String: Int64]
    /// What remains to find for the works in the fiche's currency: the amount sought minus the
    /// works money committed in that currency, never below zero. Other currencies are never converted.
    public var gap: Int64
    /// Works money committed beyond the amount sought, in the fiche's currency (0: none).
    public var over: Int64
    /// Works money committed per status (a commitment of no stated status counts as announced),
    /// per currency: only confirmed and signed commitments are firm.
    public var committedByStatus: [CommitmentStatus: [String: Int64]] = [:]
    /// What remains to find for the works once only firm money (confirmed or signed) is counted, in
    /// the fiche's currency, never below zero.
    public var firmGap: Int64 = 0
    /// Cash committed for the feasibility study, per currency.
    public var studyCommitted: [String: Int64]
    /// What remains to find for the study (its cost minus the study money, never below zero);
    /// nil when the programme does not state the study's cost.
    public var studyGap: Int64?
    /// Study money beyond the study's cost (0: none, or cost not stated).
    public var studyOver: Int64
    /// Study money committed per status, per currency.
    public var studyCommittedByStatus: [CommitmentStatus: [String: Int64]] = [:]
    /// What remains for the study once only firm money is counted; nil when its cost is not stated.
    public var studyFirmGap: Int64?
    /// Value of technical contributions, per currency: shown, never counted as cash.
    public var technical: [String: Int64]
    /// Partners the programme suggests (sectors and zones), in the board's partner order.
    public var suggestedPartners: [String]
    /// Partners who declared an interest, in the board's partner order.
    public var interested: [String]
    /// Partners marked in a synergy, in the board's partner order (the lead is ``lead``).
    public var synergy: [String]
    /// Partners with a live commitment (an amount or a technical contribution), in the board's
    /// partner order: the only ones « engagés ». A synergy or an interest alone is not an engagement.
    public var engaged: [String]
    /// The lead named by the latest synergy on the fiche.
    public var lead: String?
    /// Interests, synergies, commitments, changes of status and withdrawals, in journal order.
    public var history: [SynergyHistoryItem]
    /// Whether a study commitment exists for the fiche.
    public var hasStudyCommitment: Bool
    /// A fiche still at the idea stage whose feasibility study is not funded: no study
    /// commitment, or less than the study's cost when the programme states it.
    public var studyNeeded: Bool {
        fiche.studyStatus == .idea && (studyGap.map { $0 > 0 } ?? !hasStudyCommitment)
    }
}

/// Per-currency sums of a commune, a partner or the whole session.
public struct SynergyTotals: Sendable, Equatable {
    public var sought: [String: Int64] = [:]
    public var committed: [String: Int64] = [:]
    public var gap: [String: Int64] = [:]
    /// Works money committed beyond what was sought, per currency (summed over the fiches).
    public var over: [String: Int64] = [:]
    /// Study costs stated, study money committed and what remains for the studies, per currency.
    public var studySought: [String: Int64] = [:]
    public var studyCommitted: [String: Int64] = [:]
    public var studyGap: [String: Int64] = [:]
    /// Works and study money per status of the commitments, per currency.
    public var committedByStatus: [CommitmentStatus: [String: Int64]] = [:]
    public var studyCommittedByStatus: [CommitmentStatus: [String: Int64]] = [:]
    /// What remains for the works and for the studies counting only firm money (confirmed or signed).
    public var firmGap: [String: Int64] = [:]
    public var studyFirmGap: [String: Int64] = [:]
    /// Value of technical contributions, per currency (not cash).
    public var technical: [String: Int64] = [:]

    /// Adds one fiche's row: works and study apart, technical contributions apart from cash.
    mutating func add(_ row: SynergyRow) {
        let cur = row.fiche.currency
        sought[cur] = Money.add(sought[cur] ?? 0, row.fiche.amountSought)
        gap[cur] = Money.add(gap[cur] ?? 0, row.gap)
        if row.over > 0 { over[cur] = Money.add(over[cur] ?? 0, row.over) }
        for (c, a) in row.committed { committed[c] = Money.add(committed[c] ?? 0, a) }
        if let s = row.fiche.studyCost { studySought[cur] = Money.add(studySought[cur] ?? 0, s) }
        if let g = row.studyGap { studyGap[cur] = Money.add(studyGap[cur] ?? 0, g) }
        for (c, a) in row.studyCommitted { studyCommitted[c] = Money.add(studyCommitted[c] ?? 0, a) }
        for (c, a) in row.technical { technical[c] = Money.add(technical[c] ?? 0, a) }
        firmGap[cur] = Money.add(firmGap[cur] ?? 0, row.firmGap)
        if let g = row.studyFirmGap { studyFirmGap[cur] = Money.add(studyFirmGap[cur] ?? 0, g) }
        Self.merge(row.committedByStatus, into: &committedByStatus)
        Self.merge(row.studyCommittedByStatus, into: &studyCommittedByStatus)
    }

    /// Adds per-status, per-currency amounts.
    static func merge(_ d: [CommitmentStatus: [String: Int64]], into t: inout [CommitmentStatus: [String: Int64]]) {
        for (s, byCur) in d {
            for (c, a) in byCur { t[s, default: [:]][c] = Money.add(t[s]?[c] ?? 0, a) }
        }
    }

    /// Money committed with a firm status (confirmed or signed), per currency.
    public static func firm(_ d: [CommitmentStatus: [String: Int64]]) -> [String: Int64] {
        var out: [String: Int64] = [:]
        for s in CommitmentStatus.firm { for (c, a) in d[s] ?? [:] { out[c] = Money.add(out[c] ?? 0, a) } }
        return out
    }

    /// Currencies present, the programme's first, then alphabetical.
    public func currencies(first: String) -> [String] {
        let all = Set(sought.keys).union(committed.keys).union(gap.keys).union(studySought.keys)
            .union(studyCommitted.keys).union(technical.keys)
        return all.sorted { a, b in a == first ? b != first : (b == first ? false : a < b) }
    }
}

/// Which rows the board shows.
public struct SynergyFilter: Sendable, Equatable {
    public var sector: String?
    public var cercle: String?
    public var commune: String?
    public var mode: DeliveryMode?
    /// Only fiches whose feasibility study is unfunded.
    public var studyNeeded = false

    public init(
        sector: String? = nil, cercle: String? = nil, commune: String? = nil, mode: DeliveryMode? = nil,
        studyNeeded: Bool = false
    ) {
        self.sector = sector; self.cercle = cercle; self.commune = commune; self.mode = mode;
        self.studyNeeded = studyNeeded
    }

    public var isEmpty: Bool { self == SynergyFilter() }

    func accepts(_ r: SynergyRow) -> Bool {
        if let s = sector, Text.fold(r.fiche.sector) != Text.fold(s) { return false }
        if let c = cercle, Text.fold(r.commune.cercle) != Text.fold(c) { return false }
        if let c = commune, r.commune.id != c, Text.fold(r.commune.name) != Text.fold(c) { return false }
        if let m = mode, r.fiche.mode != m { return false }
        if studyNeeded && !r.studyNeeded { return false }
        return true
    }
}

/// In which order the board lists fiches within each commune.
public enum SynergySort: String, Sendable, Equatable, CaseIterable {
    /// The programme's order (communes as listed, fiches by their order in the commune).
    case programme
    /// The largest remaining gap first.
    case gap
    /// Priority rank (1 first).
    case priority
}

/// The synergy board: project fiches × partners, computed from the state alone.
///
/// A pure projection: the same state always gives the same board. Amounts are exact integers
/// summed per currency with saturating additions, never converted.
public struct SynergyBoard: Sendable, Equatable {
    /// Columns: the programme's partners, then any other organisation that declared an interest,
    /// took part in a synergy or made a commitment.
    public var partners: [Organisation]
    /// Rows that pass the filter, grouped by commune in the programme's order, sorted within each.
    public var rows: [SynergyRow]
    /// Totals per commune id (over the rows shown).
    public var communeTotals: [String: SynergyTotals]
    /// Amounts committed per partner id, per currency (over the rows shown).
    public var partnerTotals: [String: [String: Int64]]
    /// The whole board's totals (over the rows shown).
    public var totals: SynergyTotals
    /// Fiches at the idea stage with no study commitment (over the rows shown).
    public var unfundedStudies: [String]
    /// The programme's default currency.
    public var currency: String

    /// Builds the board of `state`.
    public init(_ state: SessionState, filter: SynergyFilter = SynergyFilter(), sort: SynergySort = .programme) {
        let programme = state.programme
        currency = programme.currency
        // Columns.
        var cols = programme.partners
        var colIndex: [String: Int] = [:]
        for (i, o) in cols.enumerated() where colIndex[o.id] == nil { colIndex[o.id] = i }
        func column(_ id: String) -> Int? {
            if let i = colIndex[id] { return i }
            guard let o = programme.organisation(id) else { return nil }
            cols.append(o); colIndex[id] = cols.count - 1
            return cols.count - 1
        }
        // Facts per fiche, in journal order.
        var facts: [String: [SynergyHistoryItem]] = [:]
        for f in state.synergyFacts {
            switch f.kind {
            case .interest(let p):
                _ = column(p)
                facts[f.fiche, default: []].append(
                    SynergyHistoryItem(seq: f.seq, at: f.at, seat: f.seat, kind: .interest(partner: p)))
            case .synergy(let ps, let lead):
                for p in ps { _ = column(p) }
                facts[f.fiche, default: []].append(
                    SynergyHistoryItem(
                        seq: f.seq, at: f.at, seat: f.seat,
                        kind: .synergy(partners: ps, lead: lead)))
            }
        }
        var commitmentsByFiche: [String: [Entry]] = [:]
        for e in state.entries where e.content.kind == .commitment && e.retracted == nil {
            guard let fid = e.content.fiche, let p = e.content.partner else { continue }
            _ = column(p)
            commitmentsByFiche[fid, default: []].append(e)
            var h = facts[fid, default: []]
            // The status it was recorded with: the first change's previous status, or the current one.
            let first = e.statusChanges.first?.previous ?? e.content.status
            h.append(
                SynergyHistoryItem(
                    seq: e.id, at: e.at, seat: e.seat,
                    kind: .commitment(
                        entry: e.id, partner: p, amount: e.content.amount,
                        currency: e.content.currency ?? programme.currency, status: first)))
            for c in e.statusChanges {
                h.append(
                    SynergyHistoryItem(
                        seq: c.seq, at: c.at, seat: c.seat,
                        kind: .statusChanged(entry: e.id, partner: p, status: c.status)))
            }
            if let w = e.withdrawal {
                h.append(
                    SynergyHistoryItem(
                        seq: w.seq, at: w.at, seat: w.seat, kind: .withdrawn(entry: e.id, partner: p, reason: w.reason))
                )
            }
            facts[fid] = h
        }
        partners = cols
        let n = cols.count

        // What each partner covers, folded once.
        let sectorSets: [Set<String>] = cols.map { o in
            Set((o.sectors + o.programmes.flatMap(\.sectors)).map(Text.fold))
        }
        let zoneSets: [Set<String>] = cols.map { o in
            Set((o.zones + o.programmes.flatMap(\.zones)).map(Text.fold))
        }

        var rows: [SynergyRow] = []
        var communeTotals: [String: SynergyTotals] = [:]
        var partnerTotals: [String: [String: Int64]] = [:]
        var totals = SynergyTotals()
        var unfunded: [String] = []
        for commune in programme.communes {
            let places: Set<String> = [Text.fold(commune.name), Text.fold(commune.cercle), Text.fold(commune.region)]
            var block: [SynergyRow] = []
            for fiche in commune.fiches {
                var cells = [SynergyCell](repeating: SynergyCell(), count: n)
                let sector = Text.fold(fiche.sector)
                for i in 0..<n
                where sectorSets[i].contains(sector) && (zoneSets[i].isEmpty || !zoneSets[i].isDisjoint(with: places)) {
                    cells[i].state = .suggested
                    cells[i].suggested = true
                }
                var lead: String?
                var history = facts[fiche.id] ?? []
                history.sort { $0.seq < $1.seq }
                for h in history {
                    switch h.kind {
                    case .interest(let p):
                        if let i = colIndex[p] {
                            cells[i].state = max(cells[i].state, .interest)
                            cells[i].interest = true
                        }
                    case .synergy(let ps, let l):
                        for p in ps {
                            if let i = colIndex[p] {
                                cells[i].state = max(cells[i].state, .synergy)
                                cells[i].inSynergy = true
                            }
                        }
                        lead = l
                    default: break
                    }
                }
                var committed: [String: Int64] = [:], studyMoney: [String: Int64] = [:]
                var technical: [String: Int64] = [:]
                var byStatus: [CommitmentStatus: [String: Int64]] = [:], studyByStatus = byStatus
                var study = false
                for e in commitmentsByFiche[fiche.id] ?? [] where e.withdrawal == nil {
                    guard let p = e.content.partner, let i = colIndex[p] else { continue }
                    cells[i].state = .committed
                    cells[i].commitments.append(e.id)
                    if e.content.nature == .study { study = true }
                    if let a = e.content.amount {
                        let cur = e.content.currency ?? programme.currency
                        let status = e.content.status ?? .announced
                        switch e.content.nature {
                        case .technical?:
                            cells[i].technical[cur] = Money.add(cells[i].technical[cur] ?? 0, a)
                            technical[cur] = Money.add(technical[cur] ?? 0, a)
                        case .study?:
                            cells[i].committed[cur] = Money.add(cells[i].committed[cur] ?? 0, a)
                            studyMoney[cur] = Money.add(studyMoney[cur] ?? 0, a)
                            studyByStatus[status, default: [:]][cur] = Money.add(studyByStatus[status]?[cur] ?? 0, a)
                        case .financial?, nil:
                            cells[i].committed[cur] = Money.add(cells[i].committed[cur] ?? 0, a)
                            committed[cur] = Money.add(committed[cur] ?? 0, a)
                            byStatus[status, default: [:]][cur] = Money.add(byStatus[status]?[cur] ?? 0, a)
                        }
                    }
                }
                if let l = lead, let i = colIndex[l] { cells[i].isLead = true }
                func ids(_ keep: (SynergyCell) -> Bool) -> [String] {
                    cells.indices.filter { keep(cells[$0]) }.map { cols[$0].id }
                }
                let works = committed[fiche.currency] ?? 0
                let studyIn = studyMoney[fiche.currency] ?? 0
                var row = SynergyRow(
                    fiche: fiche, commune: commune, cells: cells, committed: committed,
                    gap: max(0, fiche.amountSought - works), over: max(0, works - fiche.amountSought),
                    studyCommitted: studyMoney, studyGap: fiche.studyCost.map { max(0, $0 - studyIn) },
                    studyOver: fiche.studyCost.map { max(0, studyIn - $0) } ?? 0, technical: technical,
                    suggestedPartners: ids { $0.suggested }, interested: ids { $0.interest },
                    synergy: ids { $0.inSynergy }, engaged: ids { !$0.commitments.isEmpty },
                    lead: lead, history: history, hasStudyCommitment: study)
                row.committedByStatus = byStatus
                row.studyCommittedByStatus = studyByStatus
                let firmWorks = SynergyTotals.firm(byStatus)[fiche.currency] ?? 0
                row.firmGap = max(0, fiche.amountSought - firmWorks)
                let firmStudy = SynergyTotals.firm(studyByStatus)[fiche.currency] ?? 0
                row.studyFirmGap = fiche.studyCost.map { max(0, $0 - firmStudy) }
                guard filter.accepts(row) else { continue }
                block.append(row)
            }
            switch sort {
            case .programme: break
            case .gap: block = Self.stable(block) { $0.gap > $1.gap }
            case .priority: block = Self.stable(block) { $0.fiche.priority < $1.fiche.priority }
            }
            for row in block {
                var t = communeTotals[commune.id] ?? SynergyTotals()
                t.add(row)
                communeTotals[commune.id] = t
                totals.add(row)
                for (i, cell) in row.cells.enumerated() where !cell.committed.isEmpty {
                    var p = partnerTotals[cols[i].id] ?? [:]
                    for (c, a) in cell.committed { p[c] = Money.add(p[c] ?? 0, a) }
                    partnerTotals[cols[i].id] = p
                }
                if row.studyNeeded { unfunded.append(row.fiche.id) }
            }
            rows += block
        }
        self.rows = rows
        self.communeTotals = communeTotals
        self.partnerTotals = partnerTotals
        self.totals = totals
        unfundedStudies = unfunded
    }

    /// A stable sort (equal rows keep the programme's order).
    private static func stable(_ rows: [SynergyRow], by less: (SynergyRow, SynergyRow) -> Bool) -> [SynergyRow] {
        rows.enumerated().sorted { a, b in
            if less(a.element, b.element) { return true }
            if less(b.element, a.element) { return false }
            return a.offset < b.offset
        }.map(\.element)
    }

    /// Index of the partner column `id`.
    public func column(of id: String) -> Int? { partners.firstIndex { $0.id == id } }

    /// The partners suggested for a row (sectors and zones overlap), in column order, whether or
    /// not they have declared an interest since.
    public func suggested(_ row: SynergyRow) -> [Organisation] {
        row.cells.indices.filter { row.cells[$0].suggested }.map { partners[$0] }
    }
}
