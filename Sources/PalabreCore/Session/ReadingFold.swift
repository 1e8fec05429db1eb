/// The fold of a reader that never records (`palabre minutes`, `export`, `screen`): the same
/// state as ``SessionState/fold(_:_:)`` but without ``SessionState/standingEvents``, which only
/// an undo recorded afterwards would fold again, and whose memory grows with every event (about
/// 110 bytes an event, 360 for an entry).
///
/// The journal's `undone` events are read first (``Journal/lines(withTypes:)``, a search of the
/// bytes): the events they take back are passed over as they come, which leaves the state a
/// full fold reaches by folding again without them.
public struct ReadingFold {
    /// The state folded so far.
    public private(set) var state: SessionState
    private var takenBack: Set<Int> = []

    /// Starts from the initial state of `programme`, given the journal's `undone` events in seq
    /// order. An undo counts as a full fold counts it: only when it names an earlier event that
    /// still stands — neither an undo, nor a clock step, nor already taken back.
    public init(programme: Programme, undos: [Event]) {
        state = SessionState(programme: programme)
        let undoSeqs = Set(undos.map(\.seq))
        for u in undos {
            guard case .undone(let target) = u.payload else { continue }
            state.undoTargets[u.seq] = target
            if target >= 1, target < u.seq, !undoSeqs.contains(target), !takenBack.contains(target) {
                takenBack.insert(target)
                state.undoneBy[target] = u.seq
            }
        }
    }

    /// Folds the next event of the journal. Throws nothing; a clock step is not folded here
    /// (``canFold(_:)``).
    public mutating func add(_ e: Event) {
        let skipped: Bool
        switch e.payload {
        case .undone: skipped = true
        default: skipped = takenBack.contains(e.seq)
        }
        if skipped {
            state.lastSeq = e.seq
            state.lastAt = e.at
            return
        }
        state.evolve(e)
        state.standingEvents.removeAll(keepingCapacity: true)
    }

    /// Whether a journal whose `undone` and `clockAdjusted` events are `marks` can be folded
    /// this way: not when it holds a clock step, whose fold moves every event before it.
    public static func canFold(_ marks: [Event]) -> Bool {
        !marks.contains { if case .clockAdjusted = $0.payload { true } else { false } }
    }
}
