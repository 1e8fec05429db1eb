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
    private var previous: [LineKey: Line] = [:]
    private var current: [LineKey: Line] = [:]
    /// The words of the lines of `previous` (nil: not known), how many of those lines this
    /// rendering used again, and the words of the lines it rendered.
    private var previousWords: Set<String>?
    private var reused = 0
    private var newWords: [String] = []

    /// An empty cache.
    public init() {}

    /// Starts a rendering of `programme`'s documents in `language`: takes the lock and drops
    /// everything if either changed since the last rendering.
    func begin(programme: Programme, language: Language) {
        lock.lock()
        reused = 0
        newWords = []
        if self.programme != programme || self.language != language {
            previous = [:]
            current = [:]
            previousWords = nil
            self.programme = programme
            self.language = language
        }
    }

    /// The line kept under `key`, if any (it is then kept for the next rendering too).
    func line(_ key: LineKey) -> Line? {
        if let l = current[key] { return l }
        guard let l = previous[key] else { return nil }
        current[key] = l
        reused += 1
        return l
    }

    /// Keeps `line` under `key`.
    func keep(_ line: Line, for key: LineKey) {
        current[key] = line
        newWords += line.words
    }

    /// The words of every line used by this rendering so far: those of the last rendering plus
    /// the new lines' when every line of the last rendering was used again (an event adds a line),
    /// else gathered again from the lines.
    func wordsOfLines() -> Set<String> {
        var words: Set<String>
        if var known = previousWords, reused == previous.count {
            known.formUnion(newWords)
            words = known
        } else {
            words = []
            for l in current.values { words.formUnion(l.words) }
        }
        previousWords = words
        reused = previous.count
        newWords = []
        return words
    }

    /// Ends the rendering: what it did not use is dropped, and the lock is released.
    func end() {
        // The words stay known only when they were gathered after the last line was used.
        if reused != previous.count || !newWords.isEmpty { previousWords = nil }
        previous = current
        current = [:]
        current.reserveCapacity(previous.count)
        lock.unlock()
    }

    /// How many lines are kept (for tests and benchmarks).
    var lines: Int {
        lock.lock()
        defer { lock.unlock() }
        return previous.count + current.count
    }
}
