/// Why a line of the journal is damage: one case per kind, said in French and in English by
/// ``text(_:)``. Carried by ``JournalError/damaged(path:line:reason:)`` (reading) and by
/// ``JournalRepair/Blocker`` (what `palabre repair` cannot mend).
public enum JournalDamage: Sendable, Equatable, CustomStringConvertible {
    /// Not an event palabre can read (not JSON, or a JSON event missing a field).
    case notAnEvent
    /// A JSON event of a type this version of palabre does not know: written by a later version?
    case unknownType(String)
    /// An empty line.
    case emptyLine
    /// NUL bytes where lines were (what a power cut can leave), alone on their line or before an
    /// event that does not follow.
    case nulLine
    /// The event's time is before the previous event's.
    case timeGoesBackwards
    /// A seq higher than the one expected, and no later line holds the expected one: events are
    /// missing, which no repair can mend without inventing them.
    case seqGap(found: Int, expected: Int)
    /// A seq higher than the one expected while the expected seq is on a later line (`line`,
    /// 1-based): lines out of order, which `palabre repair` puts back in order.
    case outOfOrder(found: Int, expected: Int, line: Int)
    /// A seq already used by an earlier line.
    case seqRepeated(found: Int, expected: Int)

    /// Whether events are missing before the line (nothing but a copy of the journal mends it).
    public var isGap: Bool { if case .seqGap = self { true } else { false } }

    /// The damage in `language`.
    public func text(_ language: Language) -> String {
        let fr = language == .fr
        switch self {
        case .notAnEvent: return fr ? "pas un événement lisible" : "not a readable event"
        case .unknownType(let t):
            let shown = Text.visible(String(t.prefix(60)))
            return fr
                ? "type d'événement inconnu « \(shown) » (écrit par une version plus récente de palabre\u{00A0}?)"
                : "unknown event type \"\(shown)\" (written by a later version of palabre?)"
        case .emptyLine: return fr ? "ligne vide" : "empty line"
        case .nulLine:
            return fr
                ? "des octets NUL à la place de lignes (coupure de courant\u{00A0}?)"
                : "NUL bytes in place of lines (a power cut?)"
        case .timeGoesBackwards: return fr ? "l'heure recule" : "time goes backwards"
        case .seqGap(let f, let e):
            return fr ? "n° \(f) là où le n° \(e) était attendu" : "seq \(f) where \(e) was expected"
        case .outOfOrder(let f, let e, let l):
            return fr
                ? "n° \(f) là où le n° \(e) était attendu\u{00A0}; le n° \(e) est plus loin, ligne \(l)\u{00A0}: des lignes sont "
                    + "dans le désordre"
                : "seq \(f) where \(e) was expected; seq \(e) comes later, at line \(l): lines are out of order"
        case .seqRepeated(let f, let e):
            return fr ? "n° \(f) déjà utilisé (le n° \(e) était attendu)" : "seq \(f) already used (\(e) was expected)"
        }
    }

    public var description: String { text(.en) }
}
