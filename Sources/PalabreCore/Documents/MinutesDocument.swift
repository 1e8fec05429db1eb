import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// `minutes.md`: the compte rendu a Regional Council receives, in the session's language.
///
/// In order: the cover (title, organisers, venue, dates as held, « Rapport provisoire », or
/// « Rapport final (session close le …) » once the session is closed), the table of contents (sommaire, links to the sections), the summary
/// (résumé: participants, decisions, commitments per partner and currency, recommendations,
/// follow-up), the acronyms the document uses (sigles et abréviations), the introduction
/// (context, objectives, method, participants), the bureau de séance, the proceedings day by day
/// and item by item (actual times, the programme's presenters as « Présentateurs prévus », moderator, who
/// took the floor as « Ont pris la parole », the entries of each item),
/// the decisions, the recommendations, the commitments and synergies (as sentences and as a
/// matrix), the synthesis of priority actions per commune, the next steps, the perspectives and
/// the organiser's commitments, the conclusion and closing, the signature block, and the annexes
/// (agenda planned and actual, attendance list per day with a signature column, speaking time).
///
/// The report is final once the session is closed and the plenary adopted entries (« lu et
/// adopté ») on the last day held, that is when the report was read before closing; it is
/// provisional until then. Sections the programme gives nothing for (context, method, bureau)
/// are left out; sections the journal has nothing for say so in one line, or are left out when
/// they are optional (perspectives).
struct MinutesDocument {
    let c: DocContext
    private var o = ""

    /// The synergy board the other documents use.
    private let board: SynergyBoard

    /// Entry lines kept from the last rendering (nil: everything is rendered).
    private let cache: DocumentCache?
    /// Whether the acronyms are looked up among the words that begin with a capital only
    /// (every acronym the programme defines does): then the entry lines' words are kept.
    private let capitalisedOnly: Bool
    /// Where the entries' lines stand in the body (UTF-8 offsets): the acronyms are looked up in
    /// the rest of the text and among the words the cache keeps with the lines.
    private var entryRanges: [Range<Int>] = []

    init(_ ctx: DocContext, board: SynergyBoard, cache: DocumentCache? = nil) {
        c = ctx
        self.board = board
        self.cache = cache
        capitalisedOnly = Self.allCapitalised(Self.definedAcronyms(programme: ctx.state.programme, labels: ctx.L))
    }

    private var L: DocLabels { c.L }
    private var state: SessionState { c.state }
    private var programme: Programme { c.state.programme }

    mutating func render() -> String {
        cache?.begin(programme: programme, language: L.language)
        defer { cache?.end() }
        o.reserveCapacity(4096 + c.live.count * 160 + c.turns.count * 8)
        body()
        let body = o
        o = ""
        let (cover, summaryText) = coverAndSummary()
        if let cache, capitalisedOnly {
            // The entry lines' words are known: the rest of the text is read for the others.
            // Offsets in UTF-8 bytes; entry lines begin and end with ASCII characters.
            var words = Self.wordSet(cover + summaryText, startingWith: Self.capitalised)
            let utf8 = body.utf8
            var from = 0
            for r in entryRanges + [utf8.count..<utf8.count] {
                let a = utf8.index(utf8.startIndex, offsetBy: from)
                let b = utf8.index(utf8.startIndex, offsetBy: r.lowerBound)
                Self.forEachWord(Substring(utf8[a..<b]), startingWith: Self.capitalised) { words.insert($0) }
                from = r.upperBound
            }
            acronyms(in: cover + summaryText + body, words: cache.wordsOfLines().union(words))
        } else {
            acronyms(in: cover + summaryText + body)
        }
        let acronymsText = o
        let contentsHeading = "## " + L[.contents] + "\n\n"
        let rest = summaryText + acronymsText + body
        var doc = cover + contentsHeading + Self.contents(of: cover + contentsHeading + rest) + "\n" + rest
        while doc.hasSuffix("\n\n") { doc.removeLast() }
        return doc
    }

    /// Writes the same bytes as ``render()`` into `out` as they are rendered, without holding the
    /// body in memory (tens of megabytes at a million events): the body goes to `scratch` a chunk
    /// of about `chunkBytes` at a time, with the headings, words and acronyms the front matter
    /// needs of it; the front matter (cover, contents, summary, acronyms) is then written into
    /// `out`, and the body copied after it. The first failure to write is kept by the files
    /// (``DocumentFile/failure``).
    mutating func render(into out: DocumentFile, scratch: DocumentFile, chunkBytes: Int = 1 << 20) {
        let defined = Self.definedAcronyms(programme: programme, labels: L)
        let phrases: [String] = defined.map(\.acronym).filter { Self.words($0) != [$0] }
        let onlyCapitalised = capitalisedOnly
        let keep: (Unicode.Scalar) -> Bool = { !onlyCapitalised || Self.capitalised($0) }
        /// Renders `part` into the scratch file after what is there; returns what was kept of it
        /// and where its bytes stand in the file.
        func spooled(endsDocument: Bool, _ part: (inout MinutesDocument) -> Void) -> (Spool, Range<Int>) {
            let from = scratch.bytesWritten
            let s = Spool(
                file: scratch, chunkBytes: chunkBytes, phrases: phrases, keep: keep, endsDocument: endsDocument)
            spool = s
            o = ""
            o.reserveCapacity(min(chunkBytes, 1 << 16) * 2)
            part(&self)
            s.absorb(o, last: true)
            o = ""
            spool = nil
            return (s, from..<scratch.bytesWritten)
        }
        // The body, then the résumé (its list of decisions is megabytes long at a million events),
        // go to the scratch file; the cover and the acronyms are short.
        let (body, bodyBytes) = spooled(endsDocument: true) { $0.body() }
        head()
        let cover = o
        let (summary, summaryBytes) = spooled(endsDocument: false) { $0.summary() }
        var words = Self.wordSet(cover, startingWith: keep).union(body.words)
        words.formUnion(summary.words)
        let found = Self.acronymsUsed(words: words, defined: defined, programme: programme, language: L.language) {
            body.foundPhrases.contains($0) || summary.foundPhrases.contains($0) || Self.contains(cover, word: $0)
        }
        acronymsSection(found)
        let acronymsText = o
        o = ""
        let contentsHeading = "## " + L[.contents] + "\n\n"
        // Each piece ends a line: their lines are read one piece after the other.
        let markup =
            Self.markupLines(of: cover) + Self.markupLines(of: contentsHeading) + summary.markup.map { Substring($0) }
            + Self.markupLines(of: acronymsText) + body.markup.map { Substring($0) }
        out.write(cover)
        out.write(contentsHeading)
        out.write(Self.contents(markup: markup))
        out.write("\n")
        out.append(contentsOf: scratch, bytes: summaryBytes)
        out.write(acronymsText)
        out.append(contentsOf: scratch, bytes: bodyBytes)
    }

    /// The cover and the résumé, rendered after the body (`o` is left empty).
    private mutating func coverAndSummary() -> (cover: String, summary: String) {
        o = ""
        head()
        let cover = o
        o = ""
        summary()
        defer { o = "" }
        return (cover, o)
    }

    /// The body of the compte rendu, in `o` (or written out by ``spool``): everything after the
    /// front matter.
    private mutating func body() {
        // The body first: the front matter lists its sections and the acronyms it uses.
        introduction()
        bureau()
        previousFollowUp()
        proceedings()
        decisions()
        recommendations()
        engagements()
        o += SynergyDocuments.minutesSection(c, board)
        actions()
        perspectives()
        conclusion()
        signatures()
        annexes()
    }

    // MARK: pieces

    private mutating func line(_ s: String = "") {
        o += s
        o += "\n"
        spill()
    }

    /// Hands the body rendered so far to ``spool`` once it holds a chunk's worth of whole lines.
    private mutating func spill() {
        if let spool, o.utf8.count >= spool.chunkBytes, o.utf8.last == 10 {
            spool.absorb(o, last: false)
            o.removeAll(keepingCapacity: true)
        }
    }

    /// The body written out while it is rendered (``render(into:scratch:chunkBytes:)``), with
    /// what the front matter needs of it; nil while the body is kept in `o`.
    private var spool: Spool?

    /// Chunks of the body, each ending a line, written to a file as they come; the lines the
    /// contents list, the words the acronyms are looked up among, and the acronyms of several
    /// words found are kept.
    private final class Spool {
        let file: DocumentFile
        let chunkBytes: Int
        /// Acronyms of several words (« DRS Ségou »), looked for in each chunk (a chunk ends a
        /// line, and no acronym holds one).
        let phrases: [String]
        /// Which words are kept, by their first scalar.
        let keep: (Unicode.Scalar) -> Bool
        /// The body's lines that begin with `#` or a backquote, in order.
        var markup: [String] = []
        /// The body's words that begin as `keep` asks.
        var words = Set<String>()
        /// The acronyms of ``phrases`` the body holds as whole words.
        var foundPhrases = Set<String>()
        /// Newlines at the end of what came so far, held back: the document ends with one.
        private var newlines = 0

        /// Whether the chunks end the document: their last newlines are then written as one.
        let endsDocument: Bool

        init(
            file: DocumentFile, chunkBytes: Int, phrases: [String], keep: @escaping (Unicode.Scalar) -> Bool,
            endsDocument: Bool
        ) {
            self.file = file
            self.chunkBytes = max(1, chunkBytes)
            self.phrases = phrases
            self.keep = keep
            self.endsDocument = endsDocument
        }

        /// Reads and writes `chunk`; when the chunks end the document, the `last` one's newlines
        /// at the end are written as one.
        func absorb(_ chunk: String, last: Bool) {
            for line in MinutesDocument.markupLines(of: chunk) { markup.append(String(line)) }
            MinutesDocument.forEachWord(Substring(chunk), startingWith: keep) { words.insert($0) }
            for p in phrases where !foundPhrases.contains(p) && MinutesDocument.contains(chunk, word: p) {
                foundPhrases.insert(p)
            }
            guard endsDocument else { return file.write(chunk) }
            let utf8 = chunk.utf8
            let trailing = utf8.reversed().prefix { $0 == 10 }.count
            if trailing < utf8.count {
                if newlines > 0 { file.write(String(repeating: "\n", count: newlines)) }
                file.write(Substring(utf8.dropLast(trailing)))
                newlines = trailing
            } else {
                newlines += trailing
            }
            if last && newlines > 0 { file.write("\n") }
        }
    }

    private func field(_ label: String, _ value: String) -> String { "- **\(label)\(L.colon)** \(value)" }

    /// « mardi 17 octobre 2023 à 11:15 ».
    private func moment(_ i: Instant) -> String { L.longDate(c.lt.date(of: i)) + " " + L.at + " " + c.hhmm(i) }

    /// A deadline: a `YYYY-MM-DD` written as a date, free text escaped.
    private func due(_ s: String?) -> String {
        guard let s else { return "" }
        return DocLabels.civil(s) != nil ? L.date(s) : MD.inline(s)
    }

    /// Final once the session is closed: the journal holds no approval of the compte rendu
    /// itself, only the entries the plenary adopted, so nothing more is claimed.
    var isFinal: Bool { state.closedAt != nil }

    /// The dates of the days held so far (started), and how many: nil before the first day.
    private var heldSoFar: (first: String, last: String, count: Int)? {
        let held = state.days.indices.filter { state.days[$0].startedAt != nil }
        guard let a = held.first, let b = held.last else { return nil }
        return (state.heldDate(day: a), state.heldDate(day: b), held.count)
    }

    private mutating func head() {
        line("# " + MD.inline(programme.title))
        line()
        let status = state.closedAt.map { L.finalReport(closedOn: L.date(c.lt.date(of: $0))) } ?? L[.draft]
        line("**\(L[.minutesTitle])** — " + status)
        line()
        if !programme.organisers.isEmpty {
            let names = programme.organisers.map { id -> String in
                guard let org = c.organisations[id] else { return MD.inline(c.organisationName(id) ?? id) }
                return org.name == org.acronym || org.name.isEmpty
                    ? MD.inline(org.acronym)
                    : MD.inline(org.name) + " (" + MD.inline(org.acronym) + ")"
            }
            line(field(L[.organisers], names.joined(separator: ", ")))
        }
        let place = [programme.venue, programme.city ?? ""].filter { !$0.isEmpty }.map(MD.inline).joined(
            separator: ", ")
        if !place.isEmpty { line(field(L[.venue], place)) }
        if let (first, last) = state.heldDateRange {
            line(field(L[.dates], L.dateRange(first, last)))
        }
        line(field(L[.asOf], moment(c.now)))
        line()
    }

    /// GitHub's and pandoc's (`gfm_auto_identifiers`) identifier of a heading: lower case,
    /// letters, digits, `_` and `-` kept, spaces as `-`, everything else dropped.
    static func slug(_ heading: String) -> String {
        var out = ""
        var escaped = false
        for ch in heading {
            if ch == "\\" && !escaped { escaped = true; continue }
            escaped = false
            if ch.isLetter || ch.isNumber || ch == "_" || ch == "-" {
                out += ch.lowercased()
            } else if ch.isWhitespace {
                out += "-"
            }
        }
        return out
    }

    /// The lines of `doc` that begin with `#` or a backquote (headings and code fences), found by
    /// their first byte without splitting the whole document.
    static func markupLines(of doc: String) -> [Substring] {
        let utf8 = doc.utf8
        var starts: [Range<Int>] = []
        var doc = doc
        doc.withUTF8 { b in
            var i = 0
            while i < b.count {
                var end = i
                while end < b.count && b[end] != 10 { end += 1 }
                if b[i] == UInt8(ascii: "#") || b[i] == UInt8(ascii: "`") { starts.append(i..<end) }
                i = end + 1
            }
        }
        return starts.map { r in
            Substring(
                utf8[
                    utf8.index(
                        utf8.startIndex, offsetBy: r.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: r.upperBound)])
        }
    }

    /// The table of contents of `doc`: a link to each `##` section (and to each annex), with
    /// the identifiers pandoc and GitHub give them (duplicates numbered `-1`, `-2`…). The
    /// section « Sommaire » itself is not listed.
    static func contents(of doc: String) -> String { contents(markup: markupLines(of: doc)) }

    /// The table of contents of a document whose lines beginning with `#` or a backquote are
    /// `markup`, in order (see ``contents(of:)``).
    static func contents(markup: [Substring]) -> String {
        var used: [String: Int] = [:]
        var out = ""
        var inAnnexes = false, seenContents = false
        var fence = false
        for raw in markup {
            if raw.hasPrefix("```") { fence.toggle() }
            guard !fence, raw.hasPrefix("#") else { continue }
            let level = raw.prefix { $0 == "#" }.count
            guard level <= 6, raw.dropFirst(level).first == " " else { continue }
            let text = String(raw.dropFirst(level + 1))
            var id = slug(text)
            if let n = used[id] {
                used[id] = n + 1
                id += "-\(n)"
                used[id, default: 0] += 1
            } else {
                used[id] = 1
            }
            if level == 2 {
                if !seenContents { seenContents = true; continue }
                out += "- [" + text + "](#" + id + ")\n"
                inAnnexes = false
                if text == DocLabels(.fr)[.annexes] || text == DocLabels(.en)[.annexes] { inAnnexes = true }
            } else if level == 3 && inAnnexes {
                out += "    - [" + text + "](#" + id + ")\n"
            }
        }
        return out
    }

    /// The résumé: the figures a reader wants first.
    private mutating func summary() {
        line("## " + L[.summary])
        line()
        if let (first, last, n) = heldSoFar {
            line(L.heldOn(L.dateRange(first, last), days: n))
            line()
        }
        let all = c.attendees
        line(
            field(
                L[.summaryParticipants],
                all.isEmpty ? L[.noAttendance] : L.participantsSummary(all.count, women: c.women(all)) + "."))
        let decisions = c.live.filter { [.decision, .vote].contains(state.entries[$0].content.kind) }
        line(
            field(
                L[.summaryDecisions],
                decisions.isEmpty ? L[.noDecisions] : L.counted(decisions.count, .decision) + L.colon))
        for ei in decisions {
            let e = state.entries[ei]
            let marker = "\(c.numbers.number(e.id) ?? 0). "
            o += "    " + marker + MD.block(e.content.text, indent: String(repeating: " ", count: 4 + marker.count))
            if e.content.kind == .vote { o += " — " + L.voteResult(e.content) }
            o += "\n"
            spill()
        }
        if c.recommendations.isEmpty {
            line(field(L[.summaryRecommendations], L[.noRecommendations]))
        } else {
            var order: [String] = [], counts: [String: Int] = [:]
            for ei in c.recommendations {
                let a = state.entries[ei].content.addressee ?? "—"
                if counts[a] == nil { order.append(a) }
                counts[a, default: 0] += 1
            }
            line(
                field(
                    L[.summaryRecommendations],
                    L.counted(c.recommendations.count, .recommendation) + ", "
                        + L.addressedTo(order.map { MD.inline($0) + " (\(counts[$0]!))" }) + "."))
        }
        let persp = c.live.filter { state.entries[$0].content.kind == .perspective }.count
        let org = c.live.filter { state.entries[$0].content.kind == .organiserCommitment }.count
        var next = [L.counted(c.actions.count, .action)]
        if persp > 0 { next.append(L.counted(persp, .perspective)) }
        if org > 0 { next.append(L.counted(org, .organiserCommitment)) }
        line(field(L[.summaryNextSteps], next.joined(separator: ", ") + "."))
        moneyInBrief()
        line()
        commitmentsPerPartner()
    }

    /// The funding picture in two lines, from the board's totals (the detail is in « Bilan financier »).
    private mutating func moneyInBrief() {
        guard !board.rows.isEmpty else { return }
        let t = board.totals, sep = L.listSeparator
        func a(_ d: [String: Int64]) -> String { SynergyDocuments.amounts(c, d) }
        line(
            field(
                L[.summaryWorksMoney],
                L[.soughtWord] + " " + a(t.sought) + sep + L[.studyCommittedWord] + " " + a(t.committed) + ", "
                    + L[.firmWord] + " " + a(SynergyTotals.firm(t.committedByStatus)) + sep + L[.studyGapWord] + " "
                    + a(t.gap) + " (" + a(t.firmGap) + " " + L[.firmOnlyGap] + ")."))
        var studies = "\(board.unfundedStudies.count) " + L[.studiesToFundWord]
        if !t.studyCommitted.isEmpty {
            studies +=
                sep + L[.studyCommittedWord] + " " + a(t.studyCommitted) + ", " + L[.firmWord] + " "
                + a(SynergyTotals.firm(t.studyCommittedByStatus))
        }
        line(field(L[.summaryStudiesMoney], studies + "."))
    }

    /// Commitments per partner: how many, the money per currency, the technical contributions.
    private mutating func commitmentsPerPartner() {
        line("**" + L[.commitmentsTitle] + "** — " + L[.summaryCommitmentsScope])
        line()
        guard !c.commitments.isEmpty else {
            line(L[.summaryCommitmentsNone])
            line()
            return
        }
        var partners: [String] = []
        var count: [String: Int] = [:], money: [String: [String: Int64]] = [:], technical: [String: Int] = [:]
        var currencies = Set<String>()
        for ei in c.commitments {
            let k = state.entries[ei].content
            let p = k.partner ?? "?"
            if count[p] == nil { partners.append(p) }
            count[p, default: 0] += 1
            if k.nature == .technical {
                technical[p, default: 0] += 1
            } else if let a = k.amount {
                let cur = k.currency ?? programme.currency
                currencies.insert(cur)
                money[p, default: [:]][cur] = Money.add(money[p]?[cur] ?? 0, a)
            }
        }
        let curs = currencies.sorted { a, b in
            a == programme.currency ? b != a : (b == programme.currency ? false : a < b)
        }
        o += MD.header(
            [L[.partner], L[.commitmentsMade]] + curs.map { MD.inline($0) } + [L[.technicalCount]],
            right: Set(1...(curs.count + 2)))
        var totals: [String: Int64] = [:]
        for p in partners {
            o += MD.row(
                [MD.inline(c.organisations[p]?.acronym ?? p), String(count[p] ?? 0)]
                    + curs.map { cur in money[p]?[cur].map { Money.format($0, cur, language: L.language) } ?? "—" }
                    + [technical[p].map(String.init) ?? "—"])
            for (cur, a) in money[p] ?? [:] { totals[cur] = Money.add(totals[cur] ?? 0, a) }
        }
        o += MD.row(
            ["**" + L[.total] + "**", "**\(c.commitments.count)**"]
                + curs.map { cur in "**" + Money.format(totals[cur] ?? 0, cur, language: L.language) + "**" }
                + ["**\(technical.values.reduce(0, +))**"])
        line()
    }

    /// Sigles et abréviations: every acronym the document uses, and only those.
    private mutating func acronyms(in text: String, words: Set<String>? = nil) {
        acronymsSection(Self.acronymsUsed(in: text, programme: programme, labels: L, words: words))
    }

    /// The section « Sigles et abréviations » listing `found` (nothing when it is empty).
    private mutating func acronymsSection(_ found: [(acronym: String, name: String?)]) {
        guard !found.isEmpty else { return }
        line("## " + L[.acronymsTitle])
        line()
        o += MD.header([L[.acronymCol], L[.meaningCol]], right: [])
        for a in found { o += MD.row([MD.inline(a.acronym), a.name.map(MD.inline) ?? "*" + L[.toBeSpecified] + "*"]) }
        line()
    }

    /// The acronyms `text` uses with what they stand for (nil: defined nowhere), sorted: the
    /// organisations' acronyms, the programme's abbreviations and those the documents print
    /// themselves (PTF, PPP, FCFA) when they occur as whole words, then every other word of two
    /// capitals or more (fiche ids and roman numerals aside).
    ///
    /// `words`, when given, are the words of `text` that begin with a capital (found by the
    /// caller, partly from lines kept since the last rendering); the programme's acronyms must
    /// then all begin with capitals.
    static func acronymsUsed(
        in text: String, programme: Programme, labels L: DocLabels, words knownWords: Set<String>? = nil
    ) -> [(acronym: String, name: String?)] {
        let defined = definedAcronyms(programme: programme, labels: L)
        // The words of the text, found once: an acronym that is one word occurs as a whole word
        // when it is among them; one of several words (« DRS Ségou ») is searched for only when
        // each of its words is.
        // Only words that can matter are kept: those that do not begin with a small ASCII letter or
        // a digit (every acronym begins with a capital) — unless some defined acronym has a word
        // that does.
        let textWords =
            knownWords ?? wordSet(text, startingWith: allCapitalised(defined) ? capitalised : { _ in true })
        return acronymsUsed(words: textWords, defined: defined, programme: programme, language: L.language) {
            contains(text, word: $0)
        }
    }

    /// The acronyms of a text whose words (those that may begin an acronym) are `textWords`, with
    /// what they stand for (see ``acronymsUsed(in:programme:labels:words:)``); `phraseOccurs`
    /// says whether an acronym of several words, each among `textWords`, occurs as whole words.
    static func acronymsUsed(
        words textWords: Set<String>, defined: [(acronym: String, name: String)], programme: Programme,
        language: Language, phraseOccurs: (String) -> Bool
    ) -> [(acronym: String, name: String?)] {
        var out: [(acronym: String, name: String?)] = []
        var covered = Set<String>()
        func occurs(_ acronym: String) -> Bool {
            let parts = words(acronym)
            guard parts.allSatisfy(textWords.contains) else { return false }
            return parts == [acronym] || phraseOccurs(acronym)
        }
        for d in defined where occurs(d.acronym) {
            out.append((d.acronym, d.name))
            for t in words(d.acronym) { covered.insert(t) }
        }
        var ficheWords = Set<String>()
        for commune in programme.communes {
            for f in commune.fiches { for t in words(f.id) { ficheWords.insert(t) } }
        }
        var unknown = Set<String>()
        for t in textWords where isAcronym(t) && !covered.contains(t) && !ficheWords.contains(t) {
            unknown.insert(t)
        }
        // A currency's ISO 4217 code (GBP, EUR, XOF) is named as the system's locale data names it.
        out += unknown.map { ($0, Currencies.name(of: $0, language: language)) }
        return out.sorted { Text.fold($0.acronym) < Text.fold($1.acronym) }
    }

    /// The acronyms the documents define: the organisations', the programme's abbreviations and
    /// those the documents print themselves (PTF, PPP, FCFA), each once, with what it stands for.
    static func definedAcronyms(programme: Programme, labels L: DocLabels) -> [(acronym: String, name: String)] {
        var defined: [(acronym: String, name: String)] = []
        var seen = Set<String>()
        func define(_ a: String, _ n: String) {
            guard !a.isEmpty, !n.isEmpty, a != n, seen.insert(a).inserted else { return }
            defined.append((a, n))
        }
        for org in programme.organisations { define(org.acronym, org.name) }
        for ab in programme.abbreviations { define(ab.acronym, ab.name) }
        define("PTF", L[.acronymPTF])
        define("PPP", L[.acronymPPP])
        define("FCFA", L[.acronymFCFA])
        return defined
    }

    /// Whether a word beginning with `u` may be an acronym: it does not begin with a small ASCII
    /// letter or a digit.
    static func capitalised(_ u: Unicode.Scalar) -> Bool {
        !(u.value >= 97 && u.value <= 122 || u.value >= 48 && u.value <= 57)
    }

    /// Whether every word of every acronym in `defined` begins with a capital: then only such
    /// words of a text need be read to find them.
    static func allCapitalised(_ defined: [(acronym: String, name: String)]) -> Bool {
        defined.allSatisfy { d in words(d.acronym).allSatisfy { $0.unicodeScalars.first.map(capitalised) ?? true } }
    }

    /// Runs of letters and digits (ASCII characters tested by their code, the others by their
    /// Unicode properties: a minutes document is mostly ASCII and several megabytes long).
    ///
    /// A word is a run of characters whose first scalar is a letter or a digit, as
    /// `Character.isLetter || .isNumber` reads them; the scan goes scalar by scalar (a scalar that
    /// extends its character — a combining accent, a joiner, a variation selector — belongs to
    /// the character before it), which spares the grapheme breaking of every character.
    /// `keep` chooses by its first scalar which words are returned (all of them by default).
    static func words(_ s: String, startingWith keep: (Unicode.Scalar) -> Bool = { _ in true }) -> [String] {
        words(Substring(s), startingWith: keep)
    }

    /// The words of a part of a text (see ``words(_:startingWith:)-swift.type.method``).
    static func words(_ s: Substring, startingWith keep: (Unicode.Scalar) -> Bool = { _ in true }) -> [String] {
        var out: [String] = []
        forEachWord(s, startingWith: keep) { out.append($0) }
        return out
    }

    /// The distinct words of `s` that `keep` chooses (see ``words(_:startingWith:)-swift.type.method``),
    /// gathered without listing every occurrence first.
    static func wordSet(_ s: String, startingWith keep: (Unicode.Scalar) -> Bool) -> Set<String> {
        var out = Set<String>()
        forEachWord(Substring(s), startingWith: keep) { out.insert($0) }
        return out
    }

    /// Calls `body` with each word of `s` that `keep` chooses, in order (see
    /// ``words(_:startingWith:)-swift.type.method``).
    static func forEachWord(
        _ s: Substring, startingWith keep: (Unicode.Scalar) -> Bool, _ body: (String) -> Void
    ) {
        let scalars = s.unicodeScalars
        var start: String.Index?
        var kept = false
        var i = scalars.startIndex
        while i < scalars.endIndex {
            let u = scalars[i]
            let word: Bool
            if u.isASCII {
                let a = u.value
                word = a >= 48 && a <= 57 || a >= 65 && a <= 90 || a >= 97 && a <= 122
            } else if u.properties.isGraphemeExtend || u.value == 0x200D || u.properties.generalCategory == .spacingMark
            {
                word = start != nil
            } else {
                word = u.properties.isAlphabetic || u.properties.numericType != nil
            }
            if word {
                if start == nil {
                    start = i
                    kept = keep(u)
                }
            } else if let b = start {
                if kept { body(String(scalars[b..<i])) }
                start = nil
            }
            i = scalars.index(after: i)
        }
        if let b = start, kept { body(String(scalars[b..<scalars.endIndex])) }
    }

    /// Two letters or more, all capitals, and not a roman numeral.
    static func isAcronym(_ w: String) -> Bool {
        w.count >= 2 && w.allSatisfy { $0.isLetter && $0.isUppercase } && !w.allSatisfy { "IVXLCDM".contains($0) }
    }

    /// Whether `word` occurs in `text` with no letter or digit just before or after it.
    static func contains(_ text: String, word: String) -> Bool {
        var from = text.startIndex
        while let r = find(word, in: text, from: from) {
            let before = r.lowerBound == text.startIndex ? nil : text[text.index(before: r.lowerBound)]
            let after = r.upperBound == text.endIndex ? nil : text[r.upperBound]
            let edge = { (ch: Character?) in ch.map { !($0.isLetter || $0.isNumber) } ?? true }
            if edge(before) && edge(after) { return true }
            from = r.upperBound
        }
        return false
    }

    /// The first occurrence of the bytes of `word` in `text` at or after `from` (`memchr` and
    /// `memcmp`: a minutes document is several megabytes long).
    static func find(_ word: String, in text: String, from: String.Index) -> Range<String.Index>? {
        var text = text, word = word
        let start = text.utf8.distance(from: text.startIndex, to: from)
        let found: Int? = text.withUTF8 { t in
            word.withUTF8 { w in
                guard let base = t.baseAddress, let wb = w.baseAddress, !w.isEmpty else { return nil }
                var i = start
                while i + w.count <= t.count {
                    guard let q = memchr(base + i, Int32(wb[0]), t.count - w.count + 1 - i) else { return nil }
                    let k = base.distance(to: q.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + k, wb, w.count) == 0 { return k }
                    i = k + 1
                }
                return nil
            }
        }
        guard let found else { return nil }
        let lower = text.utf8.index(text.startIndex, offsetBy: found)
        return lower..<text.utf8.index(lower, offsetBy: word.utf8.count)
    }

    /// Context, objectives and method from the programme, then the participants.
    private mutating func introduction() {
        line("## " + L[.introduction])
        line()
        if let ctx = programme.context {
            line("### " + L[.contextHeading])
            line()
            line(MD.block(ctx))
            line()
        }
        objectives()
        if let m = programme.method {
            line("### " + L[.methodHeading])
            line()
            line(MD.block(m))
            line()
        }
        participants()
    }

    private mutating func objectives() {
        guard programme.generalObjective != nil || !programme.specificObjectives.isEmpty else { return }
        line("### " + L[.objectives])
        line()
        if let g = programme.generalObjective {
            line("#### " + L[.generalObjective])
            line()
            line(MD.block(g))
            line()
        }
        if !programme.specificObjectives.isEmpty {
            line("#### " + L[.specificObjectives])
            line()
            for (i, s) in programme.specificObjectives.enumerated() {
                let marker = "\(i + 1). "
                line(marker + MD.block(s, indent: String(repeating: " ", count: marker.count)))
            }
            line()
        }
    }

    /// Function, name and organisation of a participant of the bureau.
    private func person(_ id: String) -> (function: String, name: String, organisation: String) {
        let p = c.participants[id] ?? programme.participant(id)
        return (
            MD.inline(p?.function ?? id), MD.inline(p?.name ?? ""),
            MD.inline(p.flatMap { c.organisationName($0.organisation ?? $0.commune) } ?? "")
        )
    }

    /// The bureau de séance from the programme; left out when the programme has none.
    private mutating func bureau() {
        let b = programme.bureau
        guard !b.isEmpty else { return }
        line("## " + L[.bureauTitle])
        line()
        var rows: [(String, String)] = []
        if let p = b.president { rows.append((L[.presidentRole], p)) }
        for m in b.moderators { rows.append((L[.moderatorRole], m)) }
        for r in b.rapporteurs { rows.append((L[.rapporteurRole], r)) }
        let named = rows.contains { !person($0.1).name.isEmpty }
        o += MD.header([L[.roleCol], L[.function]] + (named ? [L[.name]] : []) + [L[.organisation]], right: [])
        for (role, id) in rows {
            let p = person(id)
            o += MD.row([role, p.function] + (named ? [p.name] : []) + [p.organisation])
        }
        line()
    }

    private mutating func participants() {
        line("### " + L[.participantsHeading])
        line()
        let all = c.attendees
        guard !all.isEmpty else {
            line(L[.noAttendance])
            line()
            return
        }
        line(L.participantsSummary(all.count, women: c.women(all)) + ".")
        line()
        line("#### " + L[.perDay])
        line()
        o += MD.header([L[.dayCol], L[.participantsCol], L[.womenCol]], right: [1, 2])
        for (d, day) in state.days.enumerated() {
            let ids = state.attendance[day.date] ?? []
            guard !ids.isEmpty || day.startedAt != nil else { continue }
            o += MD.row([L.dayHeading(d + 1, state.heldDate(day: d)), String(ids.count), String(c.women(ids))])
        }
        line()
        line("#### " + L[.byCategory])
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
            line("### " + L.dayHeading(d + 1, state.heldDate(day: d), ahead: day.startedAt == nil))
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
                    for ei in es { entryLine(ei, withTime: false) }
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
            for ei in c.outside { entryLine(ei, withTime: true) }
            line()
        }
    }

    /// One entry as a list item: its kind in bold, its latest text, its details and its marks.
    private mutating func entryLine(_ ei: Int, withTime: Bool) {
        kept(ei, withTime ? .proceedingsOutsideAgenda : .proceedings, withTime: withTime) { m, e in
            m.renderEntryLine(e, withTime: withTime)
        }
    }

    /// Appends what `render` appends for the entry at index `ei` of the state's entries in
    /// `section`, or the same text kept by the cache from the last rendering (see
    /// ``DocumentCache``); `withTime`: the line shows when the entry was recorded.
    private mutating func kept(
        _ ei: Int, _ section: DocumentCache.Section, withTime: Bool = false,
        _ render: (inout MinutesDocument, Entry) -> Void
    ) {
        guard let cache else {
            render(&self, c.state.entries[ei])
            return spill()
        }
        // The key is read field by field: copying every entry would cost more than the lookup.
        let entries = c.state.entries
        let key = DocumentCache.LineKey(
            section: section, id: entries[ei].id, version: entries[ei].version,
            statusChange: entries[ei].statusChanges.last?.seq ?? 0, amended: !entries[ei].amendments.isEmpty,
            withdrawal: entries[ei].withdrawal?.seq ?? 0, at: withTime ? entries[ei].at : nil,
            number: c.numbers.number(entries[ei].id), onAgenda: entries[ei].item.map { c.itemPlace[$0] != nil } ?? false
        )
        let start = o.utf8.count
        if let line = cache.line(key) {
            o += line.text
        } else {
            render(&self, entries[ei])
            let text = String(Substring(o.utf8[o.utf8.index(o.utf8.startIndex, offsetBy: start)...]))
            let words = capitalisedOnly ? Self.words(text, startingWith: Self.capitalised) : []
            cache.keep(DocumentCache.Line(text: text, words: words), for: key)
        }
        entryRanges.append(start..<o.utf8.count)
    }

    /// Renders one entry line (see ``entryLine(_:withTime:)``).
    private mutating func renderEntryLine(_ e: Entry, withTime: Bool) {
        let k = e.content
        var marker = L.entryKind(k.kind)
        if let n = c.numbers.number(e.id) {
            let label: DocLabel =
                switch k.kind {
                case .decision: .decisionNo
                case .vote: .voteNo
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
            details.append(restatesFields ? commitmentSummary(k) : commitmentFigures(k))
        case .vote:
            details.append(L.voteResult(k))
        default: break
        }
        if !details.isEmpty { o += (restatesFields ? "" : " — ") + details.joined(separator: L.listSeparator) }
        var marks: [String] = []
        if !e.amendments.isEmpty { marks.append(L.amended(k.kind)) }
        if let w = e.withdrawal { marks.append(L.withdrawn(k.kind) + L.colon + " " + MD.inline(w.reason)) }
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

    /// The commitment as a sentence whose verb follows its status and nature (« L'ANICT envisage
    /// de financer … à hauteur de … »).
    private func commitmentSummary(_ k: EntryContent) -> String {
        L.commitmentSentence(
            partner: MD.inline(k.partner.map { c.organisationName($0) ?? $0 } ?? "?"),
            feminine: k.partner.flatMap { c.organisations[$0]?.feminine } ?? false, fiche: k.fiche.map(ficheLabel),
            nature: k.nature,
            amount: k.amount.map { Money.format($0, k.currency ?? programme.currency, language: L.language) },
            status: k.status, conditions: k.conditions.map(MD.cell), due: k.due != nil ? due(k.due) : nil)
    }

    /// The figures of a commitment the rapporteur wrote in their own words (amount, status,
    /// conditions, deadline), to follow that text.
    private func commitmentFigures(_ k: EntryContent) -> String {
        L.commitmentFigures(
            fiche: [
                k.partner.map { MD.inline(c.organisationName($0) ?? $0) },
                k.fiche.map { id in
                    c.fiches[id].map { MD.inline($0.fiche.id) + " (" + MD.inline($0.commune.name) + ")" }
                        ?? MD.inline(id)
                },
            ].compactMap { $0 }.joined(separator: ", "),
            nature: k.nature,
            amount: k.amount.map { Money.format($0, k.currency ?? programme.currency, language: L.language) },
            status: k.status, conditions: k.conditions.map(MD.cell), due: k.due != nil ? due(k.due) : nil)
    }

    /// A commitment in the list of commitments made: the generated sentence when the entry's text
    /// is the default one, else the rapporteur's text followed by the figures.
    private func commitmentLine(_ k: EntryContent, indent: Int) -> String {
        guard k.text != defaultCommitmentText(k) else { return commitmentSummary(k) }
        return MD.block(k.text, indent: String(repeating: " ", count: indent)) + " — " + commitmentFigures(k)
    }

    /// « la fiche TIM-01 « Adduction d'eau sommaire » (Timissa) ».
    private func ficheLabel(_ id: String) -> String {
        guard let f = c.fiches[id] else { return MD.inline(id) }
        let title = L.language == .fr ? "« " + MD.inline(f.fiche.title) + " »" : "“" + MD.inline(f.fiche.title) + "”"
        return (L.language == .fr ? "la fiche " : "fiche ") + MD.inline(f.fiche.id) + " " + title + " ("
            + MD.inline(f.commune.name) + ")"
    }

    /// « **Lu et adopté en plénière** : décision n° 1 ; recommandations n° 1 et 2. », once for
    /// what the plenary adopted; « Aucune entrée n'a été lue et adoptée en plénière. » when nothing was.
    private mutating func adoptedStatement() {
        var byKind: [EntryKind: [Int]] = [:]
        var others = 0
        // Perspectives and the organiser's commitments by their rank in their own list.
        var rank: [Int: Int] = [:], next: [EntryKind: Int] = [:]
        for ei in c.live where [.perspective, .organiserCommitment].contains(state.entries[ei].content.kind) {
            next[state.entries[ei].content.kind, default: 0] += 1
            rank[ei] = next[state.entries[ei].content.kind]
        }
        for ei in c.live where state.entries[ei].adoptedAt != nil {
            let e = state.entries[ei]
            if let n = c.numbers.number(e.id) ?? rank[ei] {
                byKind[e.content.kind, default: []].append(n)
            } else {
                others += 1
            }
        }
        // Every kind that has a number or a rank (a vote has the decisions' sequence).
        let kinds: [EntryKind] = [
            .decision, .vote, .recommendation, .commitment, .action, .perspective, .organiserCommitment,
        ]
        var parts = kinds.compactMap { k in
            byKind[k].map { L.adoptedList(k, $0.sorted()) }
        }
        if others > 0 { parts.append("\(others) " + L[.otherEntries]) }
        guard !parts.isEmpty else {
            line(L[.noneAdopted])
            line()
            return
        }
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
            kept(ei, .recommendations) { m, e in
                let k = e.content
                let item = m.itemLabel(e.item)
                let marker = "\(m.c.numbers.number(e.id) ?? 0). "
                m.o += marker + MD.block(k.text, indent: String(repeating: " ", count: marker.count))
                var details: [String] = []
                if let a = k.addressee { details.append("*" + m.L[.addressee] + m.L.colon + "* " + MD.inline(a)) }
                if let r = k.responsible {
                    details.append("*" + m.L[.responsible] + m.L.colon + "* " + MD.inline(r))
                }
                if k.due != nil { details.append("*" + m.L[.deadline] + m.L.colon + "* " + m.due(k.due)) }
                details.append("*" + m.L[.item] + m.L.colon + "* " + item)
                m.o += " — " + details.joined(separator: m.L.listSeparator)
                if !e.amendments.isEmpty { m.o += " *(" + m.L.amended(e.content.kind) + ")*" }
                m.o += "\n"
            }
        }
        line()
    }

    /// The decisions, numbered, each with its agenda item.
    /// « Suivi des recommandations de la rencontre précédente »: each open entry of an earlier
    /// session reviewed in this meeting, grouped by session, with the status said and the note
    /// (the last review of an entry counts). Absent when nothing was reviewed.
    private mutating func previousFollowUp() {
        guard !state.reviews.isEmpty else { return }
        line("## " + L[.previousFollowUpTitle])
        line()
        var latest: [String: PreviousReview] = [:]
        var order: [String] = []
        for r in state.reviews {
            let key = "\(r.source.session)#\(r.source.entry)"
            if latest[key] == nil { order.append(key) }
            latest[key] = r
        }
        var session: String?
        for key in order {
            let r = latest[key]!
            if r.source.session != session {
                session = r.source.session
                line("### " + MD.inline(r.source.sessionTitle))
                line()
            }
            let kind = L.entryKind(r.source.kind)
            var s = "- **" + MD.inline(kind) + (r.source.number.map { " " + L.numbered($0) } ?? "") + "** — "
            s += MD.inline(r.source.text)
            if let who = r.source.who {
                s += " *(" + MD.inline(who) + (r.source.due.map { ", " + due($0) } ?? "") + ")*"
            }
            s += " — **" + MD.inline(L.reviewed(r.status)) + "**"
            if let a = r.amount {
                s += " " + Money.format(a, r.source.currency ?? state.programme.currency, language: L.language)
            }
            // The date of the fact, when it is not the day the meeting said it.
            if r.date != state.local.date(of: r.at) { s += " (" + L.longDate(r.date) + ")" }
            if let n = r.note { s += L.colon + " " + MD.inline(n) }
            line(s)
        }
        line()
    }

    private mutating func decisions() {
        line("## " + L[.decisionsTitle])
        line()
        let ds = c.live.filter { [.decision, .vote].contains(state.entries[$0].content.kind) }
        guard !ds.isEmpty else {
            line(L[.noDecisions])
            line()
            return
        }
        for ei in ds {
            kept(ei, .decisions) { m, e in
                let item = m.itemLabel(e.item)
                let marker = "\(m.c.numbers.number(e.id) ?? 0). "
                m.o += marker + MD.block(e.content.text, indent: String(repeating: " ", count: marker.count))
                if e.content.kind == .vote { m.o += " — " + m.L.voteResult(e.content) }
                m.o += " — *" + m.L[.item] + m.L.colon + "* " + item
                if !e.amendments.isEmpty { m.o += " *(" + m.L.amended(e.content.kind) + ")*" }
                m.o += "\n"
            }
        }
        line()
    }

    /// The commitments as sentences and as a matrix, then the declared interests and synergies.
    private mutating func engagements() {
        line("## " + L[.engagementsTitle])
        line()
        o += SynergyDocuments.moneyPicture(c, board)
        line("### " + L[.commitmentSentences])
        line()
        guard !c.commitments.isEmpty else {
            line(L[.noCommitments])
            line()
            interestsAndSynergies()
            return
        }
        for ei in c.commitments {
            kept(ei, .commitments) { m, e in
                let marker = "\(m.c.numbers.number(e.id) ?? 0). "
                m.o += marker + m.commitmentLine(e.content, indent: marker.count)
                if !e.amendments.isEmpty { m.o += " *(" + m.L.amended(e.content.kind) + ")*" }
                m.o += "\n"
            }
        }
        line()
        line("### " + L[.matrixTitle])
        line()
        commitmentsMatrix()
        interestsAndSynergies()
    }

    private mutating func interestsAndSynergies() {
        line("### " + L[.interestsTitle])
        line()
        o += SynergyDocuments.interests(c, board)
        line()
    }

    /// The commitments matrix of the minutes, narrow enough for a portrait page: the fiche with its
    /// commune, the amount with its nature, the status with its deadline (the separate
    /// commitments document keeps a column for each, in landscape).
    private mutating func commitmentsMatrix() {
        line(L[.matrixShortNote])
        line()
        o += MD.header(
            [
                L[.number], L[.partner], L[.fiche] + ", " + L[.commune].lowercased(),
                L[.amount] + " (" + L[.nature].lowercased() + ")", L[.status] + ", " + L[.deadline].lowercased(),
                L[.conditions],
            ], right: [0, 3])
        // Per currency, works and studies apart (the study money does not fund the works), as in
        // the « Bilan financier ».
        struct Key: Hashable { var currency: String, study: Bool }
        var totals: [Key: (total: Int64, n: Int, byStatus: [CommitmentStatus: Int64])] = [:]
        var technical: [String: Int64] = [:]
        for ei in c.commitments {
            let e = state.entries[ei], k = e.content
            let fiche = k.fiche.flatMap { c.fiches[$0] }
            let currency = k.currency ?? programme.currency
            let ficheCell =
                fiche.map {
                    MD.inline($0.fiche.id) + " " + MD.inline($0.fiche.title) + "<br>" + MD.inline($0.commune.name)
                } ?? MD.inline(k.fiche ?? "")
            let deadline = due(k.due)
            let cells = [
                String(c.numbers.number(e.id) ?? 0), MD.inline(k.partner.flatMap { c.organisationName($0) } ?? ""),
                ficheCell,
                (k.amount.map { Money.format($0, currency, language: L.language) } ?? L[.noAmount]) + "<br>"
                    + L.nature(k.nature),
                L.commitmentStatus(k.status) + (deadline.isEmpty ? "" : "<br>" + deadline),
                MD.cell(k.conditions ?? ""),
            ]
            o += MD.row(cells)
            if let a = k.amount, k.nature == .technical {
                technical[currency] = Money.add(technical[currency] ?? 0, a)
            } else if let a = k.amount {
                let key = Key(currency: currency, study: k.nature == .study)
                var t = totals[key] ?? (0, 0, [:])
                // Amounts are capped by decide; saturate anyway so no journal can crash the minutes.
                t.total = Money.add(t.total, a); t.n += 1
                t.byStatus[k.status ?? .announced] = Money.add(t.byStatus[k.status ?? .announced] ?? 0, a)
                totals[key] = t
            }
        }
        line()
        if !technical.isEmpty {
            line("**" + L[.technicalValue] + "**" + L.colon + " " + SynergyDocuments.amounts(c, technical))
            line()
        }
        guard !totals.isEmpty else { return }
        line("**" + L[.totalsWorksStudies] + "**")
        line()
        let statuses = CommitmentStatus.allCases
        o += MD.header(
            [L[.currency], L[.purposeCol], L[.total]] + statuses.map { L.commitmentStatus($0) } + [L[.withAmount]],
            right: Set(2...(statuses.count + 3)))
        let keys = totals.keys.sorted { a, b in
            if a.currency != b.currency {
                if a.currency == programme.currency || b.currency == programme.currency {
                    return a.currency == programme.currency
                }
                return a.currency < b.currency
            }
            return !a.study && b.study
        }
        for key in keys {
            let t = totals[key]!, cur = key.currency
            o += MD.row(
                [
                    MD.inline(cur), L[key.study ? .moneyStudies : .moneyWorks],
                    "**" + Money.format(t.total, cur, language: L.language) + "**",
                ]
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
            kept(ei, .actions) { m, e in
                let k = e.content
                let item = m.itemLabel(e.item)
                m.o += MD.row([
                    String(m.c.numbers.number(e.id) ?? 0), MD.cell(k.text), MD.cell(k.responsible ?? ""), m.due(k.due),
                    m.L[.actionOpen], item,
                ])
            }
        }
        line()
    }

    /// Perspectives and the organiser's commitments; left out when there is neither.
    private mutating func perspectives() {
        let ps = c.live.filter { state.entries[$0].content.kind == .perspective }
        let os = c.live.filter { state.entries[$0].content.kind == .organiserCommitment }
        guard !ps.isEmpty || !os.isEmpty else { return }
        line("## " + L[.perspectivesTitle])
        line()
        for (heading, list) in [(L[.perspectivesHeading], ps), (L[.organiserCommitmentsHeading], os)]
        where !list.isEmpty {
            line("### " + heading)
            line()
            for (n, ei) in list.enumerated() {
                let e = state.entries[ei]
                let marker = "\(n + 1). "
                o += marker + MD.block(e.content.text, indent: String(repeating: " ", count: marker.count))
                if !e.amendments.isEmpty { o += " *(" + L.amended(e.content.kind) + ")*" }
                o += "\n"
            }
            line()
        }
    }

    /// When and how the meeting ended, what the plenary adopted, and whether the report is final.
    private mutating func conclusion() {
        line("## " + L[.conclusionTitle])
        line()
        if let (first, last, n) = heldSoFar {
            line(L.heldOn(L.dateRange(first, last), days: n))
            line()
        }
        line(state.closedAt.map { L.closedOn(moment($0)) } ?? L[.notClosedYet])
        line()
        adoptedStatement()
        line(isFinal ? L[.reportIsFinal] : L[.reportIsProvisional])
        line()
    }

    /// « Fait à Ségou, le … », then a place to sign for each rapporteur and the president.
    private mutating func signatures() {
        line("## " + L[.signaturesTitle])
        line()
        let date = state.closedAt.map { c.lt.date(of: $0) } ?? heldSoFar?.last ?? c.lt.date(of: c.now)
        line(L.doneAt(programme.city.map(MD.inline), L.date(date)))
        line()
        let b = programme.bureau
        var rows: [(String, String?)] = b.rapporteurs.map { (L[.rapporteurRole], $0) }
        if rows.isEmpty { rows.append((L[.rapporteurRole], nil)) }
        rows.append((L[.presidentRole], b.president))
        o += MD.header([L[.roleCol], L[.function], L[.name], L[.signature]], right: [])
        for (role, id) in rows {
            let p = id.map(person)
            o += MD.row([role, p?.function ?? "", p?.name ?? "", "<br><br><br>"])
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
            line("#### " + L.dayHeading(d + 1, state.heldDate(day: d), ahead: day.startedAt == nil))
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
                    c.plannedStartCell(t),
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
                // one figure for the day, the drift the facilitator's console shows (projected end of
                // the day against its planned end, fixed items counted as they are)
                let drift = state.drift(day: d, at: c.now)
                line(L[.dayDrift] + L.colon + " " + L.signedMinutes(drift) + ".")
                line()
            }
        }
    }

    private mutating func attendanceAnnex() {
        line("### " + L[.annexAttendance])
        line()
        // A contact column when the programme gives contacts.
        let withContacts = programme.participants.contains { $0.contact?.isEmpty == false }
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
            // A departure column when someone left before the end that day.
            let withDepartures = ids.contains { state.departureTimes[day.date + "|" + $0] != nil }
            var header = [L[.number], L[.function]]
            if withNames { header.append(L[.name]) }
            header += [L[.organisation], L[.sex], L[.checkedInAt]]
            if withDepartures { header.append(L[.leftAt]) }
            if withContacts { header.append(L[.contact]) }
            header.append(L[.signature])
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
                if withDepartures { row.append(state.departureTimes[day.date + "|" + id].map(c.hhmm) ?? "") }
                if withContacts { row.append(MD.cell(p?.contact ?? "")) }
                row.append("")
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
                (r.open ? "≤ " : "") + Durations.format(seconds: Int((r.ms + 500) / 1000)),
            ])
        }
        line()
        if rows.contains(where: \.open) {
            line(L[.speakingUpperBoundNote])
            line()
        }
    }
}
