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
    /// Amounts committed by the partner on the fiche, per currency.
    public var committed: [String: Int64] = [:]
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
    /// Committed amounts on the fiche, per currency (withdrawn commitments left out).
    public var committed: [String: Int64]
    /// What remains to find in the fiche's currency: the amount sought minus what was committed in
    /// that currency, never below zero. Other currencies are never converted.
    public var gap: Int64
    /// Partners engaged (in a synergy or committed; a declared interest alone is not an engagement),
    /// in the board's partner order.
    public var engaged: [String]
    /// The lead named by the latest synergy on the fiche.
    public var lead: String?
    /// Interests, synergies, commitments, changes of status and withdrawals, in journal order.
    public var history: [SynergyHistoryItem]
    /// Whether a study commitment exists for the fiche.
    public var hasStudyCommitment: Bool
    /// A fiche still at the idea stage with no study commitment: its feasibility study is unfunded.
    public var studyNeeded: Bool { fiche.studyStatus == .idea && !hasStudyCommitment }
}

/// Per-currency sums of a commune, a partner or the whole session.
public struct SynergyTotals: Sendable, Equatable {
    public var sought: [String: Int64] = [:]
    public var committed: [String: Int64] = [:]
    public var gap: [String: Int64] = [:]

    /// Currencies present, the programme's first, then alphabetical.
    public func currencies(first: String) -> [String] {
        let all = Set(sought.keys).union(committed.keys).union(gap.keys)
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
                }
                var lead: String?
                var history = facts[fiche.id] ?? []
                history.sort { $0.seq < $1.seq }
                for h in history {
                    switch h.kind {
                    case .interest(let p):
                        if let i = colIndex[p] { cells[i].state = max(cells[i].state, .interest) }
                    case .synergy(let ps, let l):
                        for p in ps { if let i = colIndex[p] { cells[i].state = max(cells[i].state, .synergy) } }
                        lead = l
                    default: break
                    }
                }
                var committed: [String: Int64] = [:]
                var study = false
                for e in commitmentsByFiche[fiche.id] ?? [] where e.withdrawal == nil {
                    guard let p = e.content.partner, let i = colIndex[p] else { continue }
                    cells[i].state = .committed
                    cells[i].commitments.append(e.id)
                    if e.content.nature == .study { study = true }
                    if let a = e.content.amount {
                        let cur = e.content.currency ?? programme.currency
                        cells[i].committed[cur] = Money.add(cells[i].committed[cur] ?? 0, a)
                        committed[cur] = Money.add(committed[cur] ?? 0, a)
                    }
                }
                if let l = lead, let i = colIndex[l] { cells[i].isLead = true }
                let engaged = cells.indices.filter { cells[$0].state >= .synergy }.map { cols[$0].id }
                let gap = max(0, fiche.amountSought - (committed[fiche.currency] ?? 0))
                let row = SynergyRow(
                    fiche: fiche, commune: commune, cells: cells, committed: committed, gap: gap,
                    engaged: engaged, lead: lead, history: history, hasStudyCommitment: study)
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
                let cur = row.fiche.currency
                t.sought[cur] = Money.add(t.sought[cur] ?? 0, row.fiche.amountSought)
                t.gap[cur] = Money.add(t.gap[cur] ?? 0, row.gap)
                for (c, a) in row.committed { t.committed[c] = Money.add(t.committed[c] ?? 0, a) }
                communeTotals[commune.id] = t
                totals.sought[cur] = Money.add(totals.sought[cur] ?? 0, row.fiche.amountSought)
                totals.gap[cur] = Money.add(totals.gap[cur] ?? 0, row.gap)
                for (c, a) in row.committed { totals.committed[c] = Money.add(totals.committed[c] ?? 0, a) }
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

    /// The partners suggested for a row (sectors and zones overlap), in column order.
    public func suggested(_ row: SynergyRow) -> [Organisation] {
        row.cells.indices.filter { row.cells[$0].state == .suggested }.map { partners[$0] }
    }
}
