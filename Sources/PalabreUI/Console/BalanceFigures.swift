import Foundation
import PalabreCore

/// Participant categories, in the order screens list them: the organisation types, then
/// « autres » for people attached to no organisation of the programme.
enum Category {
    /// Keys: ``OrganisationType`` raw values, then `other`.
    static let keys: [String] = OrganisationType.allCases.map(\.rawValue) + ["other"]

    /// The category of a participant or organisation id: the one chosen for a participant
    /// (``Programme/category(of:)``), an organisation's type, `commune` for a commune, `other`
    /// otherwise.
    static func of(_ who: String, in s: SessionState) -> String {
        if let p = s.participant(who) { return s.programme.category(of: p)?.rawValue ?? "other" }
        guard let o = s.organisationId(of: who) else { return "other" }
        if let org = s.programme.organisation(o) { return org.type.rawValue }
        return s.programme.commune(o) != nil ? OrganisationType.commune.rawValue : "other"
    }

    /// The name of category `key`: the programme's (`categories:`), else for the communes the
    /// programme's `unit` (a ward, a budget line), else the labels' (`cat.` or, with `short`,
    /// `cat.short.`).
    static func name(_ key: String, _ l: Labels, _ p: Programme, short: Bool = false) -> String {
        if let named = p.categoryNames[key] { return named }
        if key == OrganisationType.commune.rawValue, let unit = p.unitLabel { return unit }
        return l[UILabel.category(key: key, short: short)]
    }
}

/// Attendance figures of one day and of the whole session, from the check-ins.
struct AttendanceFigures: Equatable {
    /// Date counted (`YYYY-MM-DD`), nil before any day started.
    var date: String?
    /// Participants checked in that day, and how many of them are women.
    var present: Int
    var women: Int
    /// Per category, in ``Category/keys`` order: (key, present, women); categories with
    /// nobody registered in them are left out.
    var byCategory: [(key: String, present: Int, women: Int)]
    /// Different participants checked in on any day, and the women among them.
    var sessionPresent: Int
    var sessionWomen: Int

    static func == (a: Self, b: Self) -> Bool {
        a.date == b.date && a.present == b.present && a.women == b.women && a.sessionPresent == b.sessionPresent
            && a.sessionWomen == b.sessionWomen
            && a.byCategory.map { "\($0.key)|\($0.present)|\($0.women)" }
                == b.byCategory.map { "\($0.key)|\($0.present)|\($0.women)" }
    }

    /// The day attendance is taken for: the day under way, else the last one started.
    static func day(_ s: SessionState) -> Int? {
        s.currentDay ?? s.days.indices.last { s.days[$0].startedAt != nil }
    }

    /// Figures of `date` (the day under way or last started when nil).
    init(_ s: SessionState, date: String? = nil) {
        let d = date ?? Self.day(s).map { s.days[$0].date }
        self.date = d
        let ids = d.flatMap { s.attendance[$0] } ?? []
        func isWoman(_ id: String) -> Bool { s.participant(id)?.sex == .female }
        present = ids.count
        women = ids.filter(isWoman).count
        let registered = Set(s.participants.map { Category.of($0.id, in: s) })
        byCategory = Category.keys.filter { registered.contains($0) }.map { key in
            let inCat = ids.filter { Category.of($0, in: s) == key }
            return (key, inCat.count, inCat.filter(isWoman).count)
        }
        let all = Set(s.attendance.values.joined())
        sessionPresent = all.count
        sessionWomen = all.filter(isWoman).count
    }
}

/// Speaking time and turns by category, organisation and sex, for one day or the session.
/// The turn under way counts up to `now`; pauses of an item are not speaking time.
struct SpeakingBalance: Equatable {
    /// One row: a key, its time in milliseconds and its number of turns.
    struct Row: Equatable {
        var key: String
        var ms: Int64
        var turns: Int
    }

    /// Day index counted, nil for the whole session.
    var day: Int?
    /// Total speaking time and turns in scope.
    var totalMs: Int64 = 0
    var turns = 0
    /// By category, in ``Category/keys`` order: those with a turn or with someone present (a
    /// category present that has not spoken shows 0:00, so the shares of presence add up).
    var byCategory: [Row] = []
    /// By organisation (organisation or commune id; a speaker attached to none counts under
    /// their own id), most time first.
    var byOrganisation: [Row] = []
    /// By sex: `F`, `M`, `unspecified` (a speaker recorded as an organisation has no sex).
    var bySex: [Row] = []
    /// Women among the people present in scope (the day's check-ins, or everyone checked in
    /// on any day for the session), and the number present.
    var womenPresent = 0
    var present = 0
    /// People present in scope by category, by sex and by organisation (same keys as the rows).
    var presentByCategory: [String: Int] = [:]
    var presentBySex: [String: Int] = [:]
    var presentByOrganisation: [String: Int] = [:]

    /// Speaking time and turns added up by category, organisation and sex.
    struct Tally: Equatable {
        var totalMs: Int64 = 0
        var turns = 0
        var byCategory: [String: Row] = [:], byOrganisation: [String: Row] = [:], bySex: [String: Row] = [:]

        /// Counts `t` (its speaking time at `now`) under its speaker's category, organisation and sex.
        mutating func add(_ t: SpeakingTurn, in s: SessionState, at now: Instant) {
            func add(_ table: inout [String: Row], _ key: String, _ ms: Int64) {
                var r = table[key] ?? Row(key: key, ms: 0, turns: 0)
                r.ms += ms; r.turns += 1
                table[key] = r
            }
            let ms = s.speakingMs(t, at: now)
            totalMs += ms; turns += 1
            add(&byCategory, Category.of(t.who, in: s), ms)
            add(&byOrganisation, s.organisationId(of: t.who) ?? t.who, ms)
            add(&bySex, s.participant(t.who)?.sex.rawValue ?? Sex.unspecified.rawValue, ms)
        }

        /// The finished turns of `day` (nil: the whole session): one pass over every turn, which
        /// ``SpeakingTallyCache`` keeps between frames.
        init(finishedIn s: SessionState, day: Int?) {
            for t in s.turns where day == nil || s.item(t.item)?.day == day { add(t, in: s, at: t.interval.start) }
        }
    }

    /// Figures for `day` (nil: the whole session) at `now`; `finished`: the tally of the finished
    /// turns of that day, when known (``Tally/init(finishedIn:day:)``), else counted here.
    init(_ s: SessionState, day: Int?, now: Instant, finished: Tally? = nil) {
        self.day = day
        var tally = finished ?? Tally(finishedIn: s, day: day)
        if let t = s.currentTurn, day == nil || s.item(t.item)?.day == day { tally.add(t, in: s, at: now) }
        totalMs = tally.totalMs
        turns = tally.turns
        let cat = tally.byCategory
        byOrganisation = tally.byOrganisation.values.sorted { $0.ms != $1.ms ? $0.ms > $1.ms : $0.key < $1.key }
        bySex = Sex.allCases.compactMap { tally.bySex[$0.rawValue] }
        let ids: Set<String>
        if let d = day {
            ids = s.days.indices.contains(d) ? Set(s.attendance[s.days[d].date] ?? []) : []
        } else {
            ids = Set(s.attendance.values.joined())
        }
        present = ids.count
        womenPresent = ids.filter { s.participant($0)?.sex == .female }.count
        for id in ids {
            presentByCategory[Category.of(id, in: s), default: 0] += 1
            presentBySex[s.participant(id)?.sex.rawValue ?? Sex.unspecified.rawValue, default: 0] += 1
            presentByOrganisation[s.organisationId(of: id) ?? id, default: 0] += 1
        }
        byCategory = Category.keys.compactMap {
            cat[$0] ?? (presentByCategory[$0] != nil ? Row(key: $0, ms: 0, turns: 0) : nil)
        }
    }

    /// Milliseconds of women's speech.
    var womenMs: Int64 { bySex.first { $0.key == Sex.female.rawValue }?.ms ?? 0 }

    /// Women's share of speaking time, in whole percent (nil without any speech).
    var womenTimePercent: Int? { Self.percent(womenMs, totalMs) }

    /// Women's share of the people present, in whole percent (nil when nobody is present).
    var womenPresentPercent: Int? { Self.percent(Int64(womenPresent), Int64(present)) }

    /// `part` of `whole` in whole percent, rounded half up; nil when `whole` is 0.
    static func percent(_ part: Int64, _ whole: Int64) -> Int? {
        whole > 0 ? Int((part * 200 + whole) / (2 * whole)) : nil
    }
}

/// A horizontal bar of `fraction` (0…1) of `width` cells, drawn with eighth blocks.
func barText(_ fraction: Double, width: Int) -> String {
    guard width > 0 else { return "" }
    let eighths = Int((max(0, min(1, fraction)) * Double(width * 8)).rounded())
    let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
    var s = String(repeating: "█", count: eighths / 8) + partial[eighths % 8]
    if s.isEmpty && fraction > 0 { s = "▏" }
    return s
}

/// The finished turns' tally of the last frame of F4, shared by the copies of the screen the
/// console draws with (a screen's own changes while drawing are not kept): counted again only
/// when an event was recorded, the programme changed or another day is counted, not at every
/// frame (hundreds of thousands of turns in a long session).
final class SpeakingTallyCache: @unchecked Sendable {
    /// What a tally was counted from.
    struct Key: Equatable {
        var lastSeq: Int
        var turns: Int
        var day: Int?
        var programme: Programme
    }
    private let lock = NSLock()
    private var kept: (key: Key, tally: SpeakingBalance.Tally)?

    /// The tally of the finished turns of `day` (nil: the whole session) in `s`.
    func tally(_ s: SessionState, day: Int?) -> SpeakingBalance.Tally {
        let key = Key(lastSeq: s.lastSeq, turns: s.turns.count, day: day, programme: s.programme)
        lock.lock()
        defer { lock.unlock() }
        if let kept, kept.key == key { return kept.tally }
        let tally = SpeakingBalance.Tally(finishedIn: s, day: day)
        kept = (key, tally)
        return tally
    }
}
