import Foundation

/// Where one commitment, action or recommendation stands after the meeting, as of a day: the
/// row of the Suivi screen and of `followup.md` / `followup.csv`.
public struct FollowUpRow: Sendable, Equatable {
    /// The entry (seq of its `entryRecorded` event).
    public var entry: Int
    /// Commitment, action or recommendation.
    public var kind: EntryKind
    /// Its number in the minutes (engagement n° 3), if numbered.
    public var number: Int?
    /// Its text.
    public var text: String
    /// The partner (organisation id) of a commitment.
    public var partner: String?
    /// The fiche of a commitment.
    public var fiche: String?
    /// The commune (id) of that fiche.
    public var commune: String?
    /// Who is responsible (actions and recommendations).
    public var responsible: String?
    /// Deadline as written (`YYYY-MM-DD` or free text).
    public var due: String?
    /// The status during the meeting (commitments).
    public var meetingStatus: CommitmentStatus?
    /// The last follow-up status of a commitment.
    public var commitmentStatus: FollowUpStatus?
    /// The last follow-up status of an action or recommendation.
    public var actionStatus: ActionStatus?
    /// Date of the last status (`YYYY-MM-DD`): of the follow-up update, or when the commitment was recorded.
    public var since: String?
    /// Note of the last follow-up update (the reason of an abandonment).
    public var note: String?
    /// Amount and currency of a commitment.
    public var amount: Int64?
    public var currency: String?
    /// Money disbursed so far.
    public var disbursed: Int64
    /// Whether nothing is left to do: done or dropped; disbursed in full or abandoned.
    public var closed: Bool
    /// Days past the deadline when it is a date before the day of the board and the row is not closed.
    public var overdueDays: Int?
    /// The later session (its folder name) whose review gave the status, date and note, when
    /// that review is dated after the session's own last update (see ``FollowUpBoard``).
    public var reviewedIn: String? = nil

    /// Money left to disburse, for a commitment with an amount.
    public var left: Int64? { amount.map { $0 - disbursed } }
}

/// The follow-up of a session as of a day (`today`, `YYYY-MM-DD`): a row per commitment (not
/// retracted nor withdrawn), then per recommendation and action (not retracted), in journal
/// order. An entry is overdue when its deadline is a date before `today` and it is neither done
/// nor dropped (nor disbursed in full nor abandoned).
///
/// Reviews of an entry by later sessions that follow this one (``LaterReview``) speak too: the
/// latest of them by date of the fact (the last recorded among the same date) gives the row its
/// status, date and note when the session has no follow-up update of that entry or when the
/// review's date is after the update's; on the same day the session's own update wins (it is
/// the record of the fact, the review an account of it). A review's amount is the total
/// disbursed as said in that meeting: the row's disbursed money is the larger of the session's
/// own sum and the largest such total, never their sum (both may tell the same money).
public struct FollowUpBoard: Sendable {
    /// Every row, commitments first.
    public let rows: [FollowUpRow]
    /// The day the board describes.
    public let today: String

    /// The board of `state` as of `today`, with the reviews of its entries by later sessions.
    public init(_ state: SessionState, today: String, laterReviews: [LaterReview] = []) {
        self.today = today
        var later: [Int: [LaterReview]] = [:]
        for r in laterReviews { later[r.review.source.entry, default: []].append(r) }
        let numbers = EntryNumbers(state)
        var communes: [String: String] = [:]
        for c in state.programme.communes { for f in c.fiches { communes[f.id] = c.id } }
        var commitments: [FollowUpRow] = [], actions: [FollowUpRow] = []
        for e in state.entries where e.retracted == nil {
            switch e.content.kind {
            case .commitment where e.withdrawal == nil:
                commitments.append(
                    Self.commitmentRow(e, state, numbers, today: today, communes: communes, later: later[e.id] ?? []))
            case .action, .recommendation:
                actions.append(
                    Self.actionRow(e, state, numbers, today: today, communes: communes, later: later[e.id] ?? []))
            default: break
            }
        }
        rows = commitments + actions
    }

    /// The review among `later` (reviews of one entry) that speaks over the session's own last
    /// update dated `own` (`YYYY-MM-DD`, nil without one): the latest by date, the last recorded
    /// among the same date, when it is dated after `own`.
    public static func winningReview(_ later: [LaterReview], over own: String?) -> LaterReview? {
        var best: LaterReview?
        for r in later where best.map({ r.review.date >= $0.review.date }) ?? true { best = r }
        guard let best, own.map({ best.review.date > $0 }) ?? true else { return nil }
        return best
    }

    /// The row of commitment `e`; `communes` maps fiche ids to commune ids (default: looked up in
    /// the programme); `later`, the reviews of `e` by later sessions.
    public static func commitmentRow(
        _ e: Entry, _ state: SessionState, _ numbers: EntryNumbers, today: String, communes: [String: String]? = nil,
        later: [LaterReview] = []
    ) -> FollowUpRow {
        let f = state.followUp.commitments[e.id]?.last
        let review = winningReview(later, over: f?.date)
        var status = f?.status
        if let review, case .commitment(let s) = review.review.status { status = s }
        let said = later.compactMap(\.review.amount).max() ?? 0
        let disbursed = max(state.followUp.disbursed(e.id), said)
        let fullyPaid = status == .disbursed && e.content.amount.map { $0 - disbursed <= 0 } ?? false
        let closed = e.withdrawal != nil || status == .abandoned || fullyPaid
        let commune = e.content.fiche.flatMap { communes?[$0] ?? state.programme.fiche($0)?.commune.id }
        return FollowUpRow(
            entry: e.id, kind: .commitment, number: numbers.number(e.id), text: e.content.text,
            partner: e.content.partner, fiche: e.content.fiche, commune: commune, responsible: nil,
            due: e.content.due, meetingStatus: e.content.status, commitmentStatus: status, actionStatus: nil,
            since: review?.review.date ?? f?.date ?? state.local.date(of: e.at),
            note: review.map(\.review.note) ?? f?.note ?? e.withdrawal?.reason,
            amount: e.content.amount, currency: e.content.currency ?? state.programme.currency, disbursed: disbursed,
            closed: closed, overdueDays: closed ? nil : daysLate(e.content.due, today: today),
            reviewedIn: review?.session)
    }

    /// The row of action or recommendation `e`; `communes` and `later` as for
    /// ``commitmentRow(_:_:_:today:communes:later:)``.
    public static func actionRow(
        _ e: Entry, _ state: SessionState, _ numbers: EntryNumbers, today: String, communes: [String: String]? = nil,
        later: [LaterReview] = []
    ) -> FollowUpRow {
        let f = state.followUp.actions[e.id]?.last
        let review = winningReview(later, over: f?.date)
        var status = f?.status
        if let review, case .action(let s) = review.review.status { status = s }
        let closed = status == .done || status == .dropped
        return FollowUpRow(
            entry: e.id, kind: e.content.kind, number: numbers.number(e.id), text: e.content.text, partner: nil,
            fiche: e.content.fiche,
            commune: e.content.fiche.flatMap { communes?[$0] ?? state.programme.fiche($0)?.commune.id },
            responsible: e.content.responsible, due: e.content.due, meetingStatus: nil, commitmentStatus: nil,
            actionStatus: status, since: review?.review.date ?? f?.date, note: review.map(\.review.note) ?? f?.note,
            amount: nil, currency: nil, disbursed: 0, closed: closed,
            overdueDays: closed ? nil : daysLate(e.content.due, today: today), reviewedIn: review?.session)
    }

    /// Days from `due` to `today` when `due` is a calendar date before it; nil otherwise (no
    /// deadline, a deadline in words, or not past).
    public static func daysLate(_ due: String?, today: String) -> Int? {
        guard let due, let d = CalendarDate.components(due), let t = CalendarDate.components(today) else { return nil }
        let days = RFC3339.days(fromCivil: t.year, t.month, t.day) - RFC3339.days(fromCivil: d.year, d.month, d.day)
        return days > 0 ? days : nil
    }

    /// The rows in the order of the Suivi screen: overdue first (the latest first), then the open
    /// ones by deadline (dated ones first, earliest first), then the closed ones; journal order
    /// otherwise.
    public var byUrgency: [FollowUpRow] {
        func rank(_ r: FollowUpRow) -> (Int, Int, String, Int) {
            if let d = r.overdueDays { return (0, -d, "", r.entry) }
            if r.closed { return (3, 0, "", r.entry) }
            if let due = r.due, CalendarDate.isValid(due) { return (1, 0, due, r.entry) }
            return (2, 0, "", r.entry)
        }
        return rows.map { (rank($0), $0) }.sorted { $0.0 < $1.0 }.map(\.1)
    }
}
