import Foundation

/// The numbers of decisions (votes included), recommendations, actions and commitments: 1, 2, 3… per kind, in
/// order of recording, counting the entries that stand (not retracted; commitments not
/// withdrawn). Every document numbers entries through this one function, so an entry has the
/// same number everywhere; the journal seq stays the entry's identity.
public struct EntryNumbers: Sendable, Equatable {
    /// Number of each numbered entry, by the seq of its `entryRecorded` event.
    public private(set) var bySeq: [Int: Int] = [:]

    /// Numbers the entries of `state`.
    public init(_ state: SessionState) {
        var next: [EntryKind: Int] = [:]
        for e in state.entries where e.retracted == nil {
            let k = e.content.kind
            guard Self.numbered.contains(k), !(k == .commitment && e.withdrawal != nil) else { continue }
            // A vote is a decision of the assembly: one sequence for both.
            let counter: EntryKind = k == .vote ? .decision : k
            next[counter, default: 0] += 1
            bySeq[e.id] = next[counter]
        }
    }

    /// The kinds that are numbered (votes in the decisions' sequence).
    public static let numbered: Set<EntryKind> = [.decision, .vote, .recommendation, .action, .commitment]

    /// The number of the entry recorded by event `seq`, nil when it is not numbered.
    public func number(_ seq: Int) -> Int? { bySeq[seq] }
}
