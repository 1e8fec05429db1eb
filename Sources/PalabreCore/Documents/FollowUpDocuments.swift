import Foundation

/// Every word of the follow-up documents, in French and English: one exhaustive table.
enum FollowUpLabel: CaseIterable {
    case title, asOf, lastUpdate, noUpdateYet, notClosed, overdueTitle, noneOverdue, commitmentsTitle, noCommitments
    case actionsTitle, noActions, fichesTitle, noFiches, moneyTitle, noMoney, historyTitle, noHistory
    case number, kind, partner, fiche, commune, amount, currency, status, statusDate, disbursed, left, text
    case responsible, deadline, note, committed, share, daysLate, recordedBy, entry
    case kindCommitment, kindAction, kindRecommendation
    case fsAnnounced, fsIntention, fsConfirmed, fsSigned, fsDisbursed, fsAbandoned, fsWithdrawn
    case asOpen, asStarted, asDone, asLate, asDropped
    case ficheNone, ficheIdea, fichePrepared, ficheStudyFunded, ficheWorksStarted, ficheDone
    case overdue, laterTitle, reviewedIn
    case unitFichesTitle, unitNoFiches, unitFiche

    var pair: (fr: String, en: String) {
        switch self {
        case .title: ("Suivi des engagements et des actions", "Follow-up of commitments and actions")
        case .asOf: ("Situation au", "As of")
        case .lastUpdate: ("dernière mise à jour", "last update")
        case .noUpdateYet: ("aucune mise à jour du suivi depuis la clôture", "no follow-up update since the close")
        case .notClosed:
            (
                "La réunion n'est pas close : le suivi commence à la clôture.",
                "The meeting is not closed: follow-up starts at the close."
            )
        case .overdueTitle: ("En retard", "Overdue")
        case .noneOverdue: ("Rien n'est en retard.", "Nothing is overdue.")
        case .commitmentsTitle: ("Engagements", "Commitments")
        case .noCommitments: ("Aucun engagement.", "No commitments.")
        case .actionsTitle: ("Actions et recommandations", "Actions and recommendations")
        case .noActions: ("Aucune action ni recommandation.", "No actions or recommendations.")
        case .fichesTitle: ("Fiches de projet", "Project fiches")
        case .unitFichesTitle: ("Projets", "Projects")
        case .unitNoFiches: ("Aucun projet.", "No projects.")
        case .unitFiche: ("Projet", "Project")
        case .noFiches: ("Aucune fiche.", "No fiches.")
        case .moneyTitle: ("Décaissé par partenaire et par devise", "Disbursed per partner and currency")
        case .noMoney: ("Aucun engagement chiffré.", "No commitment with an amount.")
        case .historyTitle: ("Historique du suivi", "Follow-up history")
        case .noHistory: ("Aucune mise à jour.", "No updates.")
        case .number: ("N°", "No.")
        case .kind: ("Type", "Kind")
        case .partner: ("Partenaire", "Partner")
        case .fiche: ("Fiche", "Fiche")
        case .commune: ("Commune", "Commune")
        case .amount: ("Montant", "Amount")
        case .currency: ("Devise", "Currency")
        case .status: ("Statut", "Status")
        case .statusDate: ("Depuis le", "Since")
        case .disbursed: ("Décaissé", "Disbursed")
        case .left: ("Reste", "Left")
        case .text: ("Texte", "Text")
        case .responsible: ("Responsable", "Responsible")
        case .deadline: ("Échéance", "Deadline")
        case .note: ("Note", "Note")
        case .committed: ("Engagé", "Committed")
        case .share: ("Part décaissée", "Share disbursed")
        case .daysLate: ("Jours de retard", "Days late")
        case .recordedBy: ("poste", "seat")
        case .entry: ("Événement", "Event")
        case .kindCommitment: ("engagement", "commitment")
        case .kindAction: ("action", "action")
        case .kindRecommendation: ("recommandation", "recommendation")
        case .fsAnnounced: ("annoncé", "announced")
        case .fsIntention: ("intention", "intention")
        case .fsConfirmed: ("confirmé", "confirmed")
        case .fsSigned: ("convention signée", "agreement signed")
        case .fsDisbursed: ("décaissé", "disbursed")
        case .fsAbandoned: ("abandonné", "abandoned")
        case .fsWithdrawn: ("retiré", "withdrawn")
        case .asOpen: ("à faire", "to do")
        case .asStarted: ("commencée", "started")
        case .asDone: ("réalisée", "done")
        case .asLate: ("en retard", "late")
        case .asDropped: ("abandonnée", "dropped")
        case .ficheNone: ("—", "—")
        case .ficheIdea: ("présentée à la rencontre", "presented at the meeting")
        case .fichePrepared: ("fiche élaborée", "fiche prepared")
        case .ficheStudyFunded: ("étude financée", "study funded")
        case .ficheWorksStarted: ("travaux commencés", "works started")
        case .ficheDone: ("réalisée", "done")
        case .overdue: ("en retard", "overdue")
        case .laterTitle: ("Suivi dans les rencontres suivantes", "Follow-up in later meetings")
        case .reviewedIn: ("selon", "according to")
        }
    }
}

/// `followup.md` and `followup.csv`: where every commitment, action, recommendation and fiche
/// stands after the meeting, what is overdue, what was disbursed against what was committed,
/// and the dated history of the updates. Described as at the documents' moment (the last
/// event, or `--at`); an action or a commitment is overdue when its deadline (`YYYY-MM-DD`) is
/// before that day and it is neither done nor dropped (nor disbursed nor abandoned).
struct FollowUpDocuments {
    let c: DocContext
    let language: Language
    let today: String
    var state: SessionState { c.state }

    init(_ c: DocContext) {
        self.c = c
        language = c.options.language
        today = c.lt.date(of: c.options.now)
    }

    subscript(_ l: FollowUpLabel) -> String {
        if l == .commune { return c.L[.commune] }
        // A programme naming its units otherwise (`unit:`) brings projects, not fiches.
        if c.L.unit != nil {
            switch l {
            case .fichesTitle: return self[.unitFichesTitle]
            case .noFiches: return self[.unitNoFiches]
            case .fiche: return self[.unitFiche]
            default: break
            }
        }
        return language == .fr ? l.pair.fr : l.pair.en
    }

    /// One row of the follow-up: a commitment, an action or a recommendation.
    struct Row {
        var entry: Entry
        var kind: String
        var status: String
        var since: String?
        var note: String?
        var overdueDays: Int?
        var closed: Bool
        /// Where it stands, with what later sessions said of it.
        var board: FollowUpRow
    }

    /// The reviews of entry `id` by later sessions.
    func later(_ id: Int) -> [LaterReview] { c.options.laterReviews.filter { $0.review.source.entry == id } }

    /// « selon suivi-2024 » after a status a later session's review gave.
    func reviewed(_ r: FollowUpRow) -> String { r.reviewedIn.map { " — \(self[.reviewedIn]) \($0)" } ?? "" }

    func commitmentRow(_ e: Entry) -> Row {
        let r = FollowUpBoard.commitmentRow(e, state, c.numbers, today: today, later: later(e.id))
        let status =
            e.withdrawal != nil
            ? self[.fsWithdrawn] : (r.commitmentStatus.map(label) ?? label(r.meetingStatus)) + reviewed(r)
        return Row(
            entry: e, kind: self[.kindCommitment], status: status, since: r.since, note: r.note,
            overdueDays: r.overdueDays, closed: r.closed, board: r)
    }

    func actionRow(_ e: Entry) -> Row {
        let r = FollowUpBoard.actionRow(e, state, c.numbers, today: today, later: later(e.id))
        let kind = e.content.kind == .recommendation ? self[.kindRecommendation] : self[.kindAction]
        return Row(
            entry: e, kind: kind, status: (r.actionStatus.map(label) ?? self[.asOpen]) + reviewed(r), since: r.since,
            note: r.note, overdueDays: r.overdueDays, closed: r.closed, board: r)
    }

    func label(_ s: FollowUpStatus) -> String {
        switch s {
        case .intention: self[.fsIntention]
        case .confirmed: self[.fsConfirmed]
        case .signed: self[.fsSigned]
        case .disbursed: self[.fsDisbursed]
        case .abandoned: self[.fsAbandoned]
        }
    }
    func label(_ s: CommitmentStatus?) -> String {
        switch s {
        case .announced?, nil: self[.fsAnnounced]
        case .intention?: self[.fsIntention]
        case .confirmed?: self[.fsConfirmed]
        case .signed?: self[.fsSigned]
        }
    }
    func label(_ s: ActionStatus) -> String {
        switch s {
        case .started: self[.asStarted]
        case .done: self[.asDone]
        case .late: self[.asLate]
        case .dropped: self[.asDropped]
        }
    }
    func label(_ s: FicheStatus?) -> String {
        switch s {
        case nil: self[.ficheIdea]
        case .prepared?: self[.fichePrepared]
        case .studyFunded?: self[.ficheStudyFunded]
        case .worksStarted?: self[.ficheWorksStarted]
        case .done?: self[.ficheDone]
        }
    }

    var commitmentRows: [Row] { c.commitments.map { commitmentRow(state.entries[$0]) } }
    var actionRows: [Row] {
        (c.recommendations + c.actions).sorted().map { actionRow(state.entries[$0]) }
    }

    func partnerName(_ id: String?) -> String {
        guard let id else { return "" }
        return c.organisations[id]?.acronym ?? id
    }
    /// `n` grouped as the documents' language writes amounts (``Money/group(_:language:)``).
    func money(_ n: Int64) -> String { Money.group(n, language: c.L.language) }
    func number(_ e: Entry) -> String { c.numbers.number(e.id).map(String.init) ?? String(e.id) }

    // MARK: - followup.md

    func markdown() -> String {
        var out = "# \(MD.inline(self[.title]))\n\n"
        out += "\(MD.inline(state.programme.title))\n\n"
        let last = state.followUp.lastAt.map { " (\(self[.lastUpdate]) : \(c.L.longDate(c.lt.date(of: $0))))" } ?? ""
        out += "**\(self[.asOf])** \(MD.inline(c.L.longDate(today)))\(fixColon(last))\n\n"
        if state.closedAt == nil {
            out += MD.inline(self[.notClosed]) + "\n\n"
        } else if state.followUp.isEmpty {
            out += MD.inline(self[.noUpdateYet].prefix(1).uppercased() + self[.noUpdateYet].dropFirst()) + ".\n\n"
        }

        let rows = commitmentRows + actionRows
        out += "## \(self[.overdueTitle])\n\n"
        let overdue = rows.filter { $0.overdueDays != nil }.sorted { ($0.overdueDays ?? 0) > ($1.overdueDays ?? 0) }
        if overdue.isEmpty {
            out += self[.noneOverdue] + "\n\n"
        } else {
            out += MD.header(
                [
                    self[.number], self[.kind], self[.text], self[.responsible], self[.deadline], self[.daysLate],
                    self[.status],
                ],
                right: [5])
            for r in overdue {
                let who =
                    r.entry.content.kind == .commitment
                    ? partnerName(r.entry.content.partner) : (r.entry.content.responsible ?? "")
                out += MD.row([
                    number(r.entry), r.kind, MD.cell(r.entry.content.text), MD.cell(who),
                    MD.cell(r.entry.content.due ?? ""),
                    String(r.overdueDays ?? 0), r.status,
                ])
            }
            out += "\n"
        }

        out += "## \(self[.commitmentsTitle])\n\n"
        let commitments = commitmentRows
        if commitments.isEmpty {
            out += self[.noCommitments] + "\n\n"
        } else {
            out += MD.header(
                [
                    self[.number], self[.partner], self[.fiche], self[.amount], self[.currency], self[.status],
                    self[.statusDate], self[.disbursed], self[.left], self[.deadline],
                ], right: [3, 7, 8])
            for r in commitments {
                let k = r.entry.content
                out += MD.row([
                    number(r.entry), MD.cell(partnerName(k.partner)), MD.cell(k.fiche ?? ""), k.amount.map(money) ?? "",
                    MD.cell(k.currency ?? state.programme.currency),
                    MD.cell(r.status + (r.note.map { " (\($0))" } ?? "")),
                    r.since ?? "", k.amount == nil ? "" : money(r.board.disbursed),
                    r.entry.withdrawal != nil || r.board.commitmentStatus == .abandoned
                        ? "—" : r.board.left.map(money) ?? "",
                    MD.cell(k.due ?? ""),
                ])
            }
            out += "\n"
        }

        out += "## \(self[.moneyTitle])\n\n"
        let money = moneyRows
        if money.isEmpty {
            out += self[.noMoney] + "\n\n"
        } else {
            out += MD.header(
                [self[.partner], self[.currency], self[.committed], self[.disbursed], self[.share]], right: [2, 3, 4])
            for m in money {
                out += MD.row([
                    MD.cell(partnerName(m.partner)), MD.cell(m.currency), self.money(m.committed),
                    self.money(m.disbursed),
                    m.committed > 0 ? "\(m.disbursed * 100 / m.committed)\u{00A0}%" : "—",
                ])
            }
            out += "\n"
        }

        out += "## \(self[.actionsTitle])\n\n"
        let actions = actionRows
        if actions.isEmpty {
            out += self[.noActions] + "\n\n"
        } else {
            out += MD.header(
                [
                    self[.number], self[.kind], self[.text], self[.responsible], self[.deadline], self[.status],
                    self[.statusDate],
                ])
            for r in actions {
                let k = r.entry.content
                out += MD.row([
                    number(r.entry), r.kind, MD.cell(k.text), MD.cell(k.responsible ?? ""), MD.cell(k.due ?? ""),
                    MD.cell(r.status + (r.note.map { " (\($0))" } ?? "")), r.since ?? "",
                ])
            }
            out += "\n"
        }

        out += "## \(self[.fichesTitle])\n\n"
        let fiches = state.programme.communes.flatMap { commune in commune.fiches.map { (commune, $0) } }
        if fiches.isEmpty {
            out += self[.noFiches] + "\n\n"
        } else {
            out += MD.header([self[.fiche], self[.commune], self[.text], self[.status], self[.statusDate]])
            for (commune, fiche) in fiches {
                let f = state.followUp.fiches[fiche.id]?.last
                out += MD.row([
                    MD.cell(fiche.id), MD.cell(commune.name), MD.cell(fiche.title), label(f?.status), f?.date ?? "",
                ])
            }
            out += "\n"
        }

        out += laterReviews()
        out += "## \(self[.historyTitle])\n\n"
        let history = self.history
        if history.isEmpty {
            out += self[.noHistory] + "\n"
        } else {
            for h in history {
                out +=
                    "- \(h.date) — \(MD.inline(h.what)) (\(self[.entry].lowercased()) \(h.seq), \(self[.recordedBy]) \(MD.inline(h.seat)))\n"
            }
        }
        return out
    }

    /// The reviews recorded by later sessions that follow this one, per session: the entry, the
    /// status said there and its note; empty (no section) when there are none.
    func laterReviews() -> String {
        let reviews = c.options.laterReviews
        guard !reviews.isEmpty else { return "" }
        var out = "## \(self[.laterTitle])\n\n"
        var session: String?
        for later in reviews {
            if later.session != session {
                if session != nil { out += "\n" }
                session = later.session
                out += "### \(MD.inline(later.title))\n\n"
            }
            let r = later.review, s = r.source
            let kind =
                switch s.kind {
                case .commitment: self[.kindCommitment]
                case .recommendation: self[.kindRecommendation]
                default: self[.kindAction]
                }
            let status =
                switch r.status {
                case .commitment(let st): label(st)
                case .action(let st): label(st)
                }
            let currency = s.currency ?? state.entry(s.entry)?.content.currency ?? state.programme.currency
            let amount = r.amount.map { " " + money($0) + " " + currency } ?? ""
            var line = "- \(r.date) — \(kind)" + (s.number.map { " n°\u{00A0}\($0)" } ?? "") + " : "
            line += MD.inline(s.text) + " — **" + status + "**" + amount + (r.note.map { " : " + MD.inline($0) } ?? "")
            out += fixColon(line) + "\n"
        }
        return out + "\n"
    }

    /// Committed (financial commitments with an amount, not withdrawn; an abandoned one for what
    /// was disbursed before it was abandoned) and disbursed, per partner and currency, in
    /// partner order of first commitment: money paid out is never dropped from the table.
    var moneyRows: [(partner: String?, currency: String, committed: Int64, disbursed: Int64)] {
        var out: [(partner: String?, currency: String, committed: Int64, disbursed: Int64)] = []
        for r in commitmentRows {
            let k = r.entry.content
            guard var amount = k.amount, r.entry.withdrawal == nil else { continue }
            let disbursed = r.board.disbursed
            if r.board.commitmentStatus == .abandoned {
                guard disbursed > 0 else { continue }
                amount = disbursed
            }
            let currency = k.currency ?? state.programme.currency
            if let i = out.firstIndex(where: { $0.partner == k.partner && $0.currency == currency }) {
                out[i].committed += amount
                out[i].disbursed += disbursed
            } else {
                out.append((k.partner, currency, amount, disbursed))
            }
        }
        return out
    }

    /// Every follow-up update, in the order of the dates of the facts (then of recording).
    var history: [(date: String, seq: Int, seat: String, what: String)] {
        var out: [(date: String, seq: Int, seat: String, what: String)] = []
        for (id, records) in state.followUp.commitments {
            guard let e = state.entry(id) else { continue }
            for r in records {
                var what = "\(self[.kindCommitment]) n°\u{00A0}\(number(e)) (\(partnerName(e.content.partner))"
                what += (e.content.fiche.map { ", \($0)" } ?? "") + ") : " + label(r.status)
                if let a = r.amount { what += " \(money(a)) \(e.content.currency ?? state.programme.currency)" }
                if let n = r.note { what += " — \(n)" }
                out.append((r.date, r.seq, c.L.seat(r.seat), fixColon(what)))
            }
        }
        for (id, records) in state.followUp.actions {
            guard let e = state.entry(id) else { continue }
            let kind = e.content.kind == .recommendation ? self[.kindRecommendation] : self[.kindAction]
            for r in records {
                let what = "\(kind) n°\u{00A0}\(number(e)) : " + label(r.status) + (r.note.map { " — \($0)" } ?? "")
                out.append((r.date, r.seq, c.L.seat(r.seat), fixColon(what)))
            }
        }
        for (fiche, records) in state.followUp.fiches {
            for r in records {
                let what =
                    "\(self[.fiche].lowercased()) \(fiche) : " + label(r.status) + (r.note.map { " — \($0)" } ?? "")
                out.append((r.date, r.seq, c.L.seat(r.seat), fixColon(what)))
            }
        }
        return out.sorted { ($0.date, $0.seq) < ($1.date, $1.seq) }
    }

    /// « : » with a non-breaking space in French, “: ” in English.
    func fixColon(_ s: String) -> String {
        language == .fr
            ? s.replacingOccurrences(of: " : ", with: "\u{00A0}: ")
            : s.replacingOccurrences(of: " : ", with: ": ").replacingOccurrences(of: "n°\u{00A0}", with: "#")
    }

    // MARK: - followup.csv

    func csv() -> Data {
        var w = CSVWriter(separator: c.csvSeparator)
        w.header([
            self[.kind], self[.number], self[.partner], self[.fiche], self[.text], self[.responsible], self[.deadline],
            self[.amount], self[.currency], self[.status], self[.statusDate], self[.disbursed], self[.daysLate],
            self[.note],
        ])
        for r in commitmentRows + actionRows {
            let k = r.entry.content
            let isCommitment = k.kind == .commitment
            w.row([
                .text(r.kind), .num(c.numbers.number(r.entry.id)), .opt(isCommitment ? partnerName(k.partner) : nil),
                .opt(k.fiche), .text(k.text), .opt(k.responsible), .opt(k.due), k.amount.map { .number($0) } ?? .empty,
                isCommitment ? .text(k.currency ?? state.programme.currency) : .empty, .text(r.status), .opt(r.since),
                isCommitment && k.amount != nil ? .number(r.board.disbursed) : .empty,
                .num(r.overdueDays), .opt(r.note),
            ])
        }
        return w.data
    }
}
