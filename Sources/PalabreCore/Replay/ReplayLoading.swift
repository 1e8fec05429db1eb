import Foundation

/// The whole of a long journal read and laid out on another thread while a replay shows its
/// beginning (``Journal/firstEvents(within:)``): the replay's first frame does not wait for a
/// million events to be decoded and folded.
///
///     let loading = ReplayLoading { (ReplayTimeline(programme: p, events: try journal.loadAll()), []) }
///     // … later, on the replay's thread:
///     if let outcome = loading.outcome { … }
public final class ReplayLoading: @unchecked Sendable {
    /// What a finished reading gives: the timeline of the whole journal and the reading's
    /// warnings (a torn last line), or the error that stopped it (``JournalError``).
    public typealias Outcome = Result<(timeline: ReplayTimeline, warnings: [String]), any Error>

    /// A journal longer than this, in bytes, is replayed from its beginning while the rest is
    /// read (about 12,000 events of the Ségou meeting).
    public static let backgroundAbove = 2 << 20
    /// Bytes read for the beginning shown at once (about 3,000 events).
    public static let beginningBytes = 1 << 19

    private let lock = NSLock()
    private var result: Outcome?
    private let group = DispatchGroup()

    /// Starts `work` on a global queue at once.
    public init(_ work: @escaping @Sendable () throws -> (timeline: ReplayTimeline, warnings: [String])) {
        group.enter()
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            let r: Outcome = Result { try work() }
            lock.withLock { result = r }
            group.leave()
        }
    }

    /// The outcome once the reading is over; nil while it goes on.
    public var outcome: Outcome? { lock.withLock { result } }

    /// Waits for the reading to end and gives its outcome.
    public func wait() -> Outcome {
        group.wait()
        return lock.withLock { result! }
    }
}
