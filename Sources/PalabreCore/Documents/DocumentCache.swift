import Foundation

/// Pieces of the documents kept from one rendering to the next by one writer of a session's
/// documents (``DocumentScheduler``), so that an event renders again only what it changed.
///
/// Kept: each line the minutes give an entry — in the proceedings (`- **Décision n° 3** — …`),
/// in the lists of decisions, recommendations and commitments, in the table of actions — with
/// its words that may be acronyms, under a key holding everything the line shows: the entry (its
/// content changes only by an amendment or a change of status, each an event whose seq is in the
/// key; its agenda item is the one it was recorded under, whose title the programme or the
/// insertion fixed), its marks, its number, its time when shown. A line is
/// used again only when its key is the same; lines not used by a rendering are dropped after it,
/// so the cache never holds more than one minutes document's lines. Everything is dropped when
/// the programme or the language changes. A rendering with a cache gives the same bytes as one
/// without (a test folds journals event by event and compares).
public final class DocumentCache: @unchecked Sendable {
    /// Which list of the minutes a line belongs to.
    enum Section: UInt8 {
        case proceedings, proceedingsOutsideAgenda, decisions, recommendations, commitments, actions
    }

    /// What an entry's line shows.
    struct LineKey: Hashable {
        let section: Section
        /// The entry's seq, that of its latest amendment and of its latest change of status.
        let id: Int
        let version: Int
        let statusChange: Int
        let amended: Bool
        /// The seq of the commitment's withdrawal, 0 when none.
        let withdrawal: Int
        let at: Instant?
        let number: Int?
        /// Whether the entry's agenda item is on the agenda (an inserted item taken back is not).
        let onAgenda: Bool
    }

    /// A rendered line and its words that begin with a capital (see
    /// ``MinutesDocument/acronymsUsed(in:programme:labels:words:)``).
    struct Line {
        let text: String
        let words: [String]
    }

    // One rendering at a time: the lock is held from ``begin(programme:language:)`` to ``end()``.
    private let lock = NSLock()
    private var programme: Programme?
    private var language: Language?
    /// The lines, each with the number of the last rendering that used it.
    private var kept: [LineKey: (line: Line, rendering: Int)] = [:]
    private var rendering = 0
    /// How many lines the last rendering left, and how many of them this one used again.
    private var previousCount = 0
    private var reused = 0
    /// The words of the lines the last rendering left (nil: not known), and those of the lines
    /// this one rendered.
    private var previousWords: Set<String>?
    private var newWords: [String] = []
    /// The words ``wordsOfLines()`` gave during this rendering (nil once a line is used or
    /// added after), and how many lines this rendering added.
    private var wordsNow: Set<String>?
    private var added = 0

    /// An empty cache.
    public init() {}

    /// Starts a rendering of `programme`'s documents in `language`: takes the lock and drops
    /// everything if either changed since the last rendering.
    func begin(programme: Programme, language: Language) {
        lock.lock()
        rendering += 1
        previousCount = kept.count
        reused = 0
        added = 0
        newWords = []
        wordsNow = nil
        if self.programme != programme || self.language != language {
            kept = [:]
            previousCount = 0
            previousWords = nil
            self.programme = programme
            self.language = language
        }
    }

    /// The line kept under `key`, if any (it is then kept for the next rendering too).
    func line(_ key: LineKey) -> Line? {
        guard let i = kept.index(forKey: key) else { return nil }
        if kept.values[i].rendering != rendering {
            kept.values[i].rendering = rendering
            reused += 1
            wordsNow = nil
        }
        return kept.values[i].line
    }

    /// Keeps `line` under `key`.
    func keep(_ line: Line, for key: LineKey) {
        kept[key] = (line, rendering)
        newWords += line.words
        added += 1
        wordsNow = nil
    }

    /// The words of every line used by this rendering so far: those of the last rendering plus
    /// the new lines' when every line of the last rendering was used again (an event adds a line),
    /// else gathered again from the lines.
    func wordsOfLines() -> Set<String> {
        var words: Set<String> = []
        if let known = previousWords, reused == previousCount {
            words = known
            words.formUnion(newWords)
        } else {
            for (_, l) in kept where l.rendering == rendering { words.formUnion(l.line.words) }
        }
        wordsNow = words
        newWords = []
        return words
    }

    /// Ends the rendering: what it did not use is dropped, and the lock is released.
    func end() {
        if reused != previousCount { kept = kept.filter { $0.value.rendering == rendering } }
        // The words are known when they were gathered after the last line was used, or when
        // the lines are those of the last rendering.
        if let w = wordsNow {
            previousWords = w
        } else if reused != previousCount || added > 0 {
            previousWords = nil
        }
        wordsNow = nil
        lock.unlock()
    }

    /// How many lines are kept (for tests and benchmarks).
    var lines: Int {
        lock.lock()
        defer { lock.unlock() }
        return kept.count
    }
}
