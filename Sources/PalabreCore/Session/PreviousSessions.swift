import Foundation

/// How an open entry of an earlier session stands, as reviewed in this meeting: a commitment's
/// follow-up status or an action's (or recommendation's).
public enum ReviewedStatus: Sendable, Equatable, Codable {
    case commitment(FollowUpStatus)
    case action(ActionStatus)

    /// The status word written in the journal (`signed`, `done`…).
    public var rawValue: String {
        switch self {
        case .commitment(let s): return s.rawValue
        case .action(let s): return s.rawValue
        }
    }
}

/// An open recommendation, action or commitment of an earlier session, as a meeting that
/// `follows` it reviews it: enough to record and to print it without the earlier session.
public struct PreviousEntry: Sendable, Equatable, Codable {
    /// The earlier session, as the programme's `follows` names it (`../segou-2023`).
    public var session: String
    /// Its title.
    public var sessionTitle: String
    /// The entry's seq in the earlier journal.
    public var entry: Int
    /// Recommendation, action or commitment.
    public var kind: EntryKind
    /// Its number in the earlier minutes (recommendation n° 5).
    public var number: Int?
    /// Its text.
    public var text: String
    /// Who is responsible (actions, recommendations) or which partner (commitments), as shown.
    public var who: String?
    /// Its deadline as written.
    public var due: String?
    /// Where it stood in the earlier session's follow-up (its last status word), if anywhere.
    public var lastStatus: String?
    /// A commitment's currency (nil in journals written before it was recorded).
    public var currency: String? = nil
    /// A commitment's amount, and the day the entry was recorded (`YYYY-MM-DD`): read from the
    /// earlier journal to check a review, never recorded in the review's event (nil there).
    public var committed: Int64? = nil
    public var recordedOn: String? = nil
}

/// A review, recorded in this meeting, of an open entry of an earlier session.
public struct PreviousReview: Sendable, Equatable, Codable {
    public var seq: Int
    public var at: Instant
    public var seat: String
    public var item: String?
    public var source: PreviousEntry
    public var status: ReviewedStatus
    public var note: String?
    /// For a commitment said disbursed: the total disbursed to `date`, in its currency.
    public var amount: Int64? = nil
    /// The date of the fact (`YYYY-MM-DD`): given with the review, or the day it was recorded.
    public var date: String = ""
}

/// The earlier sessions a programme follows, read from disk (their programme and journal), and
/// their open entries: recommendations and actions neither done nor dropped, commitments
/// neither withdrawn, abandoned nor fully disbursed, none retracted.
public enum PreviousSessions {
    /// One earlier session that could be read.
    public struct Loaded: Sendable {
        public var name: String
        public var folder: String
        public var state: SessionState
        public var open: [PreviousEntry]
    }

    /// The sessions `programme.follows` names, relative to `folder`; those that cannot be read
    /// are reported in `problems` (« ../segou-2023: no programme.yaml »), never thrown.
    public static func load(
        for programme: Programme, folder: String
    ) -> (
        sessions: [Loaded], problems: [String]
    ) {
        var out: [Loaded] = []
        var problems: [String] = []
        for name in programme.follows {
            let path = Paths.resolve(name, from: folder)
            do {
                let result = try ProgrammeLoader.load(path: path)
                guard let p = result.programme else {
                    problems.append("\(name): its programme.yaml has errors (palabre check \(path))")
                    continue
                }
                var state = SessionState(programme: p)
                let journal = SessionStore.journalPath(path)
                if FileManager.default.fileExists(atPath: journal) {
                    for e in try Journal(path: journal, writable: false).loadAll() { state.evolve(e) }
                }
                out.append(Loaded(name: name, folder: path, state: state, open: openEntries(state, session: name)))
            } catch {
                problems.append("\(name): \(error)")
            }
        }
        return (out, problems)
    }

    /// The open entries of `state`, in the order of its minutes (recommendations, actions,
    /// commitments).
    public static func openEntries(_ state: SessionState, session: String) -> [PreviousEntry] {
        let numbers = EntryNumbers(state)
        var out: [PreviousEntry] = []
        for kind in [EntryKind.recommendation, .action, .commitment] {
            for e in state.entries where e.content.kind == kind && e.retracted == nil {
                var last: String?
                if kind == .commitment {
                    let f = state.followUp.status(ofCommitment: e.id)
                    let fullyPaid = e.content.amount.map { state.followUp.disbursed(e.id) >= $0 } ?? false
                    if e.withdrawal != nil || f == .abandoned || (f == .disbursed && fullyPaid) { continue }
                    last = f?.rawValue ?? e.content.status?.rawValue
                } else {
                    let f = state.followUp.status(ofAction: e.id)
                    if f == .done || f == .dropped { continue }
                    last = f?.rawValue
                }
                let who =
                    kind == .commitment
                    ? e.content.partner.map { state.programme.organisation($0)?.acronym ?? $0 } : e.content.responsible
                out.append(
                    PreviousEntry(
                        session: session, sessionTitle: state.programme.title, entry: e.id, kind: kind,
                        number: numbers.number(e.id), text: e.content.text, who: who, due: e.content.due,
                        lastStatus: last,
                        currency: kind == .commitment ? e.content.currency ?? state.programme.currency : nil,
                        committed: kind == .commitment ? e.content.amount : nil,
                        recordedOn: state.local.date(of: e.at)))
            }
        }
        return out
    }
}

extension SessionState {
    /// Checks a review of an earlier session's entry: the session is one the programme follows,
    /// the status fits the entry's kind (a commitment's status for a commitment, an action's
    /// for an action or recommendation), the text is there.
    /// A date (`YYYY-MM-DD`) is a calendar date not after the day of `now`; an amount only for a
    /// commitment said disbursed, and positive.
    func decideReview(
        _ source: PreviousEntry, _ status: ReviewedStatus, _ note: String?, amount: Int64? = nil,
        date: String? = nil, at now: Instant
    ) throws(Refusal)
        -> EventPayload
    {
        guard programme.follows.contains(source.session) else {
            let known = programme.follows.joined(separator: ", ")
            throw Refusal(.notFollowed(session: source.session, known: known))
        }
        switch (source.kind, status) {
        case (.commitment, .commitment), (.action, .action), (.recommendation, .action): break
        default:
            throw Refusal(.statusForKind)
        }
        if let last = reviews.last(where: { $0.source.session == source.session && $0.source.entry == source.entry }),
            last.status == status, status != .commitment(.disbursed) || last.amount == amount
        {
            throw Refusal(.sameReviewStatus(session: source.session))
        }
        if let amount {
            guard status == .commitment(.disbursed) else {
                throw Refusal(.amountOnlyWhenDisbursed)
            }
            guard amount > 0 else {
                throw Refusal(.nonPositiveDisbursement(amount: amount))
            }
        }
        // Read from the earlier journal: no more disbursed than committed, nothing disbursed on a
        // commitment without an amount, no fact before the entry was recorded.
        if let recorded = source.recordedOn {
            if status == .commitment(.disbursed), let amount {
                guard let committed = source.committed else { throw Refusal(.noCommittedAmount(entry: source.entry)) }
                if amount > committed {
                    throw Refusal(
                        .reviewBeyondCommitted(amount: amount, committed: committed, currency: source.currency ?? ""))
                }
            }
            if let date, CalendarDate.isValid(date), date < recorded {
                throw Refusal(.dateBeforeFact(date: date, notBefore: recorded))
            }
        }
        if let date { try Self.checkFactDate(date, today: factToday(at: now)) }
        var s = source
        s.text = Text.nfc(s.text)
        s.committed = nil
        s.recordedOn = nil
        let n = note.map { Text.nfc($0).trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap {
            $0.isEmpty ? nil : $0
        }
        if status == .commitment(.abandoned), n == nil { throw Refusal(.noAbandonReason) }
        return .previousReviewed(source: s, status: status, note: n, amount: amount, date: date)
    }
}

/// A review of one of this session's entries, recorded by a later session that follows it.
public struct LaterReview: Sendable, Equatable {
    /// The later session's folder name (`suivi-2024`).
    public var session: String
    /// Its title.
    public var title: String
    /// The review, as its journal holds it.
    public var review: PreviousReview
}

extension PreviousSessions {
    /// The reviews of the session in `folder` recorded by the sessions beside it (the other
    /// folders of its parent with a `programme.yaml`) whose programme `follows` it, in folder
    /// then journal order. Sessions that cannot be read are passed over: this is what the
    /// follow-up documents show, never a reason to fail.
    public static func laterReviews(of folder: String) -> [LaterReview] {
        let fm = FileManager.default
        func canonical(_ path: String) -> String {
            URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        }
        let me = canonical(folder)
        let parent = URL(fileURLWithPath: me).deletingLastPathComponent()
        guard let names = try? fm.contentsOfDirectory(atPath: parent.path) else { return [] }
        var out: [LaterReview] = []
        for name in names.sorted() {
            let other = parent.appendingPathComponent(name).path
            let yaml = (other as NSString).appendingPathComponent("programme.yaml")
            // Cheap first: a programme that never says `follows` is not read.
            guard other != me, let text = try? String(contentsOfFile: yaml, encoding: .utf8), text.contains("follows")
            else { continue }
            guard let p = (try? ProgrammeLoader.load(path: other))?.programme else { continue }
            func isMe(_ name: String) -> Bool {
                canonical(name.hasPrefix("/") ? name : (other as NSString).appendingPathComponent(name)) == me
            }
            guard p.follows.contains(where: isMe) else { continue }
            var state = SessionState(programme: p)
            let journal = SessionStore.journalPath(other)
            guard fm.fileExists(atPath: journal),
                (try? Journal(path: journal, writable: false).forEachEvent { state.evolve($0) }) != nil
            else { continue }
            for r in state.reviews where isMe(r.source.session) {
                out.append(LaterReview(session: name, title: p.title, review: r))
            }
        }
        return out
    }
}

/// Follows, while a seat is open on a session, the reviews later sessions record of its entries
/// (``PreviousSessions/laterReviews(of:)``), off the seat's loop: a look lists the sibling session
/// folders and `stat`s their programme and journal on a queue of its own, and reads the reviews
/// again only when one of those files changed (or a session appeared or went). A folder of many
/// sessions never holds up a key.
public final class LaterReviewsWatch: @unchecked Sendable {
    /// The session folder watched.
    public let folder: String
    private let interval: UInt64
    private let queue = DispatchQueue(label: "palabre.later-reviews")
    private let lock = NSLock()
    private var signature: [Journal.FileStamp?]?  // on `queue` only
    private var busy = false
    private var lastStart: UInt64?
    private var found: [LaterReview]?

    /// Watches the session in `folder`, looking at most once every `seconds`; the first
    /// ``look()`` starts reading the reviews.
    public init(folder: String, every seconds: Double = 2) {
        self.folder = folder
        interval = UInt64(max(0, seconds) * 1e9)
    }

    /// What a finished look found when the reviews may have changed since they were last
    /// returned (at the first look, always); nil otherwise. Starts a look in the background when
    /// none is under way and the last one began at least the interval ago. Never waits.
    public func look() -> [LaterReview]? {
        lock.lock()
        defer { lock.unlock() }
        let result = found
        found = nil
        let now = DispatchTime.now().uptimeNanoseconds
        if !busy, lastStart.map({ now - $0 >= interval }) ?? true {
            busy = true
            lastStart = now
            queue.async { [self] in
                let now = Self.signature(of: folder)
                let reviews = now != signature ? PreviousSessions.laterReviews(of: folder) : nil
                signature = now
                lock.lock()
                if let reviews { found = reviews }
                busy = false
                lock.unlock()
            }
        }
        return result
    }

    /// Waits until the look under way, if any, is done.
    func settle() { queue.sync {} }

    /// The stamp (``SessionStore/stamp(_:)``) of every sibling folder's programme.yaml and
    /// journal.jsonl, in name order (empty for a missing file).
    private static func signature(of folder: String) -> [Journal.FileStamp?] {
        let parent = URL(fileURLWithPath: folder).standardizedFileURL.deletingLastPathComponent().path
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []).sorted()
        return names.flatMap { name in
            [ProgrammeLoader.fileName, "journal.jsonl"].map { SessionStore.stamp(parent + "/" + name + "/" + $0) }
        }
    }
}
