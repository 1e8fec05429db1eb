import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What `palabre repair` finds wrong in a journal and the smallest change that mends it.
///
/// Every line is read in order. A line that is a whole event continuing the seq is kept; the
/// others are set aside, whole or in part, their bytes kept in a quarantine file beside the
/// journal. No acknowledged seq is renumbered: a damaged line that held a seq (read from the line
/// itself, or deduced from the next good line) is replaced by a ``EventPayload/lineSetAside(line:quarantine:)``
/// event with that seq, so undo targets, amended entries and seqs printed by `palabre do` keep
/// their meaning. Damage that cannot be mended without inventing or renumbering events (a seq gap,
/// time going backwards) is reported and nothing is changed.
public struct JournalRepair: Sendable {
    /// One thing wrong with the journal.
    public struct Problem: Sendable, Equatable {
        /// Why the bytes are set aside.
        public enum Kind: Sendable, Equatable {
            /// The line repeats the line before it byte for byte (a write done twice).
            case duplicate(of: Int)
            /// A whole event whose seq was already used by an earlier line.
            case seqAlreadyUsed(seq: Int, by: Int)
            /// NUL bytes before a whole event: the bytes are set aside, the event kept.
            case nulBytes(beforeSeq: Int)
            /// A line of NUL bytes only.
            case nulLine
            /// The start of a line cut by NUL bytes (a power cut zeroed its end and its line
            /// break), then a whole event: the cut line and the zeros are set aside, the event kept.
            case cutByZeros(beforeSeq: Int)
            /// A whole event found after a later seq (lines out of order): moved back to its place,
            /// nothing set aside. `before` is the line it is put back before.
            case outOfOrder(seq: Int, before: Int)
            /// A whole event found before its place, the lines after it going on from the seq
            /// expected there: moved down to its place, after line `after`, nothing set aside.
            case movedUp(seq: Int, after: Int)
            /// An empty line.
            case emptyLine
            /// A JSON event of a type this version of palabre does not know.
            case unknownType(String)
            /// Not a JSON event.
            case notAnEvent
            /// The last line stops before its end (a power cut during the write).
            case tornTail
        }
        /// 1-based line number in the damaged journal.
        public var line: Int
        /// Byte offset of the bytes set aside in the damaged journal.
        public var offset: Int
        /// Number of bytes set aside.
        public var length: Int
        /// Why.
        public var kind: Kind
        /// The seq kept by a ``EventPayload/lineSetAside(line:quarantine:)`` event written in place
        /// of the line, nil when the line held no seq of its own.
        public var placeholderSeq: Int?
        /// How many seqs, from ``placeholderSeq``, the line held (several for a run of NUL bytes
        /// where lines were), each kept by a placeholder.
        public var placeholderCount: Int = 1
    }

    /// Damage that cannot be mended without renumbering or inventing events.
    public struct Blocker: Sendable, Equatable {
        /// 1-based line number.
        public var line: Int
        /// Byte offset of the line.
        public var offset: Int
        /// Why (``message(_:)`` says it in French or English).
        public var damage: JournalDamage
    }

    /// The journal's bytes as read.
    public let original: [UInt8]
    /// The problems found, in file order.
    public private(set) var problems: [Problem] = []
    /// The first damage that cannot be mended, when any (then ``problems`` are only those before it).
    public private(set) var blocker: Blocker?
    /// The journal as it would be after the repair.
    public private(set) var repaired: [UInt8] = []
    /// Every byte set aside, in file order: the content of the quarantine file.
    public private(set) var removed: [UInt8] = []
    /// File name (beside the journal) of the quarantine file the repair writes.
    public let quarantineName: String

    /// Whether there is nothing to repair.
    public var isIntact: Bool { problems.isEmpty && blocker == nil }

    /// Analyses `bytes`, the content of a journal; the placeholders name `quarantineName` and are
    /// stamped with `offsetSeconds` east of UTC.
    public init(bytes: [UInt8], quarantineName: String, offsetSeconds: Int = 0) {
        original = bytes
        self.quarantineName = quarantineName
        analyse(offsetSeconds: offsetSeconds)
    }

    /// The quarantine file name for a repair at `date`: `journal.jsonl.repair-20231017T090213Z`.
    public static func quarantineName(at date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return "journal.jsonl.repair-" + f.string(from: date)
    }

    private struct Line {
        var number: Int
        var offset: Int
        var bytes: ArraySlice<UInt8>
        var complete: Bool
    }

    private static func lines(_ b: [UInt8]) -> [Line] {
        var out: [Line] = []
        var start = 0
        var n = 1
        while start < b.count {
            if let nl = b[start...].firstIndex(of: 10) {
                out.append(Line(number: n, offset: start, bytes: b[start..<nl], complete: true))
                start = nl + 1
            } else {
                out.append(Line(number: n, offset: start, bytes: b[start...], complete: false))
                start = b.count
            }
            n += 1
        }
        return out
    }

    /// The event after the last NUL byte of `line` and the length of what comes before it (NUL
    /// bytes, and the start of a line they cut): where a power cut zeroed the end of a line and
    /// its line break, the next event runs on in the same line. Nil without a NUL or an event.
    static func afterZeros(_ line: ArraySlice<UInt8>, _ decoder: JSONDecoder) -> (Int, Event)? {
        if let r = Journal.afterNul(line, decoder) { return r }
        guard let last = line.lastIndex(of: 0), last + 1 < line.endIndex,
            let e = try? decoder.decode(Event.self, from: Data(line[(last + 1)...]))
        else { return nil }
        return (last + 1 - line.startIndex, e)
    }

    /// The `seq` and `type` of a JSON object line, when it is one.
    private static func envelope(_ bytes: ArraySlice<UInt8>) -> (seq: Int?, type: String?)? {
        guard let o = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else { return nil }
        return ((o["seq"] as? NSNumber)?.intValue, o["type"] as? String)
    }

    private mutating func analyse(offsetSeconds: Int) {
        let decoder = JSONDecoder()
        func decode(_ b: ArraySlice<UInt8>) -> Event? { try? decoder.decode(Event.self, from: Data(b)) }
        let all = Self.lines(original)
        var expected = 1
        var lastAt: Instant?
        var lastKept: Line?
        var seqLine: [Int: Int] = [:]
        func keep(_ e: Event, _ bytes: ArraySlice<UInt8>, _ l: Line) {
            repaired += bytes
            repaired.append(10)
            seqLine[e.seq] = l.number
            expected = e.seq + 1
            lastAt = e.at
            lastKept = l
        }
        func setAside(_ l: Line, _ kind: Problem.Kind, placeholder: Int? = nil) {
            let length = l.bytes.count + (l.complete ? 1 : 0)
            removed += original[l.offset..<(l.offset + length)]
            problems.append(
                Problem(line: l.number, offset: l.offset, length: length, kind: kind, placeholderSeq: placeholder))
        }
        func inOrder(_ e: Event) -> Bool { e.seq == expected && (lastAt.map { e.at >= $0 } ?? true) }
        var moved = Set<Int>()  // lines already put back in order, earlier
        // The whole event on a line after `i`, not yet moved, that holds seq `expected`.
        func later(_ i: Int) -> (Int, Event)? {
            for j in (i + 1)..<all.count where all[j].complete && !moved.contains(j) {
                if let e = decode(all[j].bytes), e.seq == expected { return (j, e) }
            }
            return nil
        }
        // Seqs a line of NUL bytes held: those up to the next whole event's, when the line is
        // long enough for them (an event line is at least 40 bytes); none otherwise.
        func heldByZeros(_ i: Int, _ l: Line) -> Int {
            let next = all[(i + 1)...].lazy.filter(\.complete).compactMap { n -> Int? in
                decode(n.bytes)?.seq ?? Self.afterZeros(n.bytes, decoder)?.1.seq
            }.first
            guard let next, next > expected, (next - expected) * 40 <= l.bytes.count + 1 else { return 0 }
            return next - expected
        }
        func placeholder(for l: Line) {
            let nextAt = all[(l.number)...].lazy.compactMap { decode($0.bytes)?.at }.first
            let at = lastAt ?? nextAt ?? Instant(Date())
            let p = Event(
                seq: expected, at: at, seat: "repair",
                payload: .lineSetAside(line: l.number, quarantine: quarantineName))
            let bytes = (try? EventCodec.encode(p, offsetSeconds: offsetSeconds)) ?? Data()
            repaired += bytes
            repaired.append(10)
            seqLine[expected] = l.number
            expected += 1
            lastAt = at
        }
        // Events found before their place, kept until the seq before theirs is in.
        var held: [Int: (event: Event, line: Line, problem: Int)] = [:]
        func release() {
            while let h = held[expected], inOrder(h.event) {
                held[expected] = nil
                problems[h.problem].kind = .movedUp(seq: h.event.seq, after: lastKept?.number ?? 0)
                keep(h.event, h.line.bytes, h.line)
            }
        }
        for (i, l) in all.enumerated() where !moved.contains(i) {
            release()
            guard l.complete else {
                setAside(l, .tornTail)
                continue
            }
            if let e = decode(l.bytes), inOrder(e) {
                keep(e, l.bytes, l)
                continue
            }
            if let prev = lastKept, prev.bytes.elementsEqual(l.bytes) {
                setAside(l, .duplicate(of: prev.number))
                continue
            }
            // NUL bytes before a whole event: where lines were (a power cut zeroes whole blocks,
            // line breaks included), each seq they held keeps a placeholder, the event is kept.
            if let (nul, e) = Self.afterZeros(l.bytes, decoder), e.seq >= expected, lastAt.map({ e.at >= $0 }) ?? true,
                e.seq == expected || (e.seq - expected) * 40 <= nul + 1
            {
                let held = e.seq - expected
                removed += original[l.offset..<(l.offset + nul)]
                let zerosOnly = l.bytes.prefix(nul).allSatisfy { $0 == 0 }
                problems.append(
                    Problem(
                        line: l.number, offset: l.offset, length: nul,
                        kind: zerosOnly ? .nulBytes(beforeSeq: e.seq) : .cutByZeros(beforeSeq: e.seq),
                        placeholderSeq: held > 0 ? expected : nil, placeholderCount: max(1, held)))
                for _ in 0..<held { placeholder(for: l) }
                keep(e, l.bytes.dropFirst(nul), l)
                continue
            }
            // Too few NUL bytes before a later event to have held the seqs in between: missing.
            if let (_, e) = Self.afterZeros(l.bytes, decoder), e.seq > expected {
                blocker = Blocker(line: l.number, offset: l.offset, damage: .seqGap(found: e.seq, expected: expected))
                return
            }
            if l.bytes.isEmpty {
                setAside(l, .emptyLine)
                continue
            }
            if l.bytes.allSatisfy({ $0 == 0 }) {
                // Zeros where lines were (a power cut): each seq they held keeps a placeholder.
                let held = heldByZeros(i, l)
                setAside(l, .nulLine, placeholder: held > 0 ? expected : nil)
                problems[problems.count - 1].placeholderCount = max(1, held)
                for _ in 0..<held { placeholder(for: l) }
                continue
            }
            if let e = decode(l.bytes) {
                if e.seq < expected {
                    setAside(l, .seqAlreadyUsed(seq: e.seq, by: seqLine[e.seq] ?? 0))
                    continue
                }
                // Moved up: the next two lines go on from the seq expected here, so this one is
                // the line out of place; it is kept for its place (one move, not one per line).
                let next = all[(i + 1)...].lazy.filter { $0.complete && !moved.contains($0.number - 1) }.prefix(2)
                    .compactMap { decode($0.bytes)?.seq }
                if e.seq > expected, Array(next) == [expected, expected + 1], held[e.seq] == nil {
                    held[e.seq] = (e, l, problems.count)
                    problems.append(
                        Problem(
                            line: l.number, offset: l.offset, length: l.bytes.count + 1,
                            kind: .movedUp(seq: e.seq, after: 0)))
                    continue
                }
                // Lines out of order: the events a later line holds are put back before this one.
                while e.seq > expected, let (j, m) = later(i), inOrder(m) {
                    moved.insert(j)
                    problems.append(
                        Problem(
                            line: all[j].number, offset: all[j].offset, length: all[j].bytes.count + 1,
                            kind: .outOfOrder(seq: m.seq, before: l.number)))
                    keep(m, all[j].bytes, all[j])
                }
                if inOrder(e) {
                    keep(e, l.bytes, l)
                    continue
                }
                blocker = Blocker(
                    line: l.number, offset: l.offset,
                    damage: e.seq > expected ? .seqGap(found: e.seq, expected: expected) : .timeGoesBackwards)
                return
            }
            // A damaged line: did it hold a seq? Its own `seq` says so, or the next whole event does.
            let env = Self.envelope(l.bytes)
            var held = env?.seq
            if held == nil {
                let next = all[(i + 1)...].lazy.filter(\.complete).compactMap { n -> Int? in
                    decode(n.bytes)?.seq ?? Self.afterZeros(n.bytes, decoder)?.1.seq
                }.first
                if next == expected + 1 { held = expected }
            }
            // A type this version knows, with a field missing or wrong, is not an unknown type.
            let kind: Problem.Kind = {
                do {
                    _ = try decoder.decode(Event.self, from: Data(l.bytes))
                } catch let u as UnknownEventType {
                    return .unknownType(u.type)
                } catch {}
                return .notAnEvent
            }()
            if let h = held, h < expected {
                setAside(l, kind)
                continue
            }
            if let h = held, h > expected {
                blocker = Blocker(line: l.number, offset: l.offset, damage: .seqGap(found: h, expected: expected))
                return
            }
            guard held == expected else {
                setAside(l, kind)
                continue
            }
            // It held `expected`: a placeholder keeps that seq for the events after it.
            setAside(l, kind, placeholder: expected)
            placeholder(for: l)
        }
        release()
        // An event kept for a place never reached: not moved, shown as the damage it meets.
        for i in held.values.map(\.problem).sorted(by: >) { problems.remove(at: i) }
        if let h = held.values.min(by: { $0.event.seq < $1.event.seq }) {
            blocker = Blocker(
                line: h.line.number, offset: h.line.offset, damage: .seqGap(found: h.event.seq, expected: expected))
        }
    }

    /// Why `problem` is one, in `language`.
    public static func reason(_ problem: Problem, _ language: Language) -> String {
        let fr = language == .fr
        switch problem.kind {
        case .duplicate(let of):
            return fr ? "la ligne \(of) répétée à l'identique" : "line \(of) repeated byte for byte"
        case .seqAlreadyUsed(let seq, let by):
            return fr ? "n° \(seq) déjà utilisé à la ligne \(by)" : "seq \(seq) already used by line \(by)"
        case .nulBytes(let seq):
            return fr
                ? "\(problem.length) octet(s) NUL avant l'événement n° \(seq) (coupure de courant\u{00A0}?)"
                : "\(problem.length) NUL byte(s) before event \(seq) (a power cut?)"
        case .nulLine: return fr ? "une ligne faite d'octets NUL" : "a line of NUL bytes"
        case .cutByZeros(let seq):
            return fr
                ? "un début de ligne coupé par des octets NUL (\(problem.length) octet(s)) avant l'événement n° \(seq) "
                    + "(coupure de courant\u{00A0}?)"
                : "the start of a line cut by NUL bytes (\(problem.length) byte(s)) before event \(seq) (a power cut?)"
        case .movedUp(let seq, _):
            return fr
                ? "l'événement n° \(seq) est avant sa place, les lignes suivantes reprennent plus bas\u{00A0}: lignes dans "
                    + "le désordre"
                : "event \(seq) stands before its place, the lines after it go on from a lower seq: lines out of order"
        case .outOfOrder(let seq, let before):
            return fr
                ? "l'événement n° \(seq) est après le n° \(seq + 1) (ligne \(before))\u{00A0}: lignes dans le désordre"
                : "event \(seq) comes after event \(seq + 1) (line \(before)): lines out of order"
        case .emptyLine: return fr ? "une ligne vide" : "an empty line"
        case .unknownType(let t):
            let shown = Text.visible(String(t.prefix(60)))
            return fr ? "type d'événement inconnu « \(shown) »" : "unknown event type \"\(shown)\""
        case .notAnEvent: return fr ? "pas un événement lisible" : "not a readable event"
        case .tornTail:
            return fr
                ? "dernière ligne coupée (\(problem.length) octet(s), coupure de courant\u{00A0}?)"
                : "the last line is torn (\(problem.length) byte(s), a power cut?)"
        }
    }

    /// « les n° 4 à 6 restent occupés » / « le n° 4 reste occupé »: the seqs from `first` a
    /// problem's placeholders keep, in `language`.
    static func taken(_ first: Int, _ count: Int, _ language: Language) -> String {
        let last = first + count - 1
        if language == .fr {
            return count > 1
                ? "les n° \(first) à \(last) restent occupés (événements lineSetAside)"
                : "le n° \(first) reste occupé (événement lineSetAside)"
        }
        return count > 1
            ? "seqs \(first) to \(last) stay taken (lineSetAside events)"
            : "seq \(first) stays taken (a lineSetAside event)"
    }

    /// The change proposed for `problem`, in `language`.
    public static func change(_ problem: Problem, _ language: Language) -> String {
        let fr = language == .fr
        if case .cutByZeros(let seq) = problem.kind {
            let kept = problem.placeholderSeq.map {
                (fr ? "\u{00A0}; " : "; ") + taken($0, problem.placeholderCount, language)
            }
            return (fr ? "mettre ces octets de côté" : "set these bytes aside") + (kept ?? "")
                + (fr ? ", l'événement n° \(seq) est gardé" : ", event \(seq) is kept")
        }
        if case .nulBytes(let seq) = problem.kind, let first = problem.placeholderSeq {
            return fr
                ? "mettre de côté les octets NUL\u{00A0}; " + taken(first, problem.placeholderCount, language)
                    + ", l'événement n° \(seq) est gardé"
                : "set the NUL bytes aside; " + taken(first, problem.placeholderCount, language)
                    + ", event \(seq) is kept"
        }
        if case .nulBytes(let seq) = problem.kind {
            return fr
                ? "mettre de côté les octets NUL\u{00A0}; l'événement n° \(seq) est gardé"
                : "set the NUL bytes aside; event \(seq) is kept"
        }
        if case .movedUp(let seq, let after) = problem.kind {
            return fr
                ? "remettre l'événement n° \(seq) à sa place, après la ligne \(after)\u{00A0}; rien n'est mis de côté"
                : "put event \(seq) back in its place, after line \(after); nothing is set aside"
        }
        if case .outOfOrder(let seq, let before) = problem.kind {
            return fr
                ? "remettre l'événement n° \(seq) à sa place, avant la ligne \(before)\u{00A0}; rien n'est mis de côté"
                : "put event \(seq) back in its place, before line \(before); nothing is set aside"
        }
        if let seq = problem.placeholderSeq, problem.placeholderCount > 1 {
            let last = seq + problem.placeholderCount - 1
            return fr
                ? "mettre la ligne de côté\u{00A0}; les n° \(seq) à \(last) restent occupés (événements lineSetAside), rien "
                    + "n'est renuméroté"
                : "set the line aside; seqs \(seq) to \(last) stay taken (lineSetAside events), nothing is renumbered"
        }
        if let seq = problem.placeholderSeq {
            return fr
                ? "mettre la ligne de côté\u{00A0}; le n° \(seq) reste occupé (événement lineSetAside), rien n'est renuméroté"
                : "set the line aside; seq \(seq) stays taken (a lineSetAside event), nothing is renumbered"
        }
        return fr ? "mettre la ligne de côté" : "set the line aside"
    }

    /// The blocker in `language`.
    public static func message(_ b: Blocker, _ language: Language) -> String {
        guard b.damage.isGap else { return b.damage.text(language) }
        return b.damage.text(language)
            + (language == .fr ? "\u{00A0}: des événements manquent" : ": events are missing")
    }

    /// Applies the repair to the journal at `path`: under the journal's lock, checks that the file
    /// still holds ``original``, writes ``removed`` to the quarantine file beside it (created
    /// owner-only, never through a link, removed again if it cannot be written whole; none when
    /// nothing is set aside, as for lines only put back in order), writes ``repaired`` to a new
    /// file and renames it over the journal. Returns the quarantine path, nil when none was written.
    ///
    /// Throws ``JournalError`` (`conflict` when the journal changed since it was analysed,
    /// `link`, `io`, `diskFull`); on any error the journal is left as it was.
    @discardableResult
    public func apply(to path: String) throws -> String? {
        let folder = JournalError.folder(path)
        let journal = try Journal(path: path, writable: false)
        return try journal.withContents { current in
            guard current == original else {
                throw JournalError.conflict(expected: 0, found: 0)
            }
            Self.removeOrphans(in: folder)
            let q = (folder as NSString).appendingPathComponent(quarantineName)
            if !removed.isEmpty { try Self.writeNew(q, removed) }
            let tmp = (folder as NSString).appendingPathComponent(".journal.jsonl.repair-\(getpid())")
            do {
                try Self.writeNew(tmp, repaired)
                guard rename(tmp, path) == 0 else {
                    throw JournalError.io(path: path, operation: "rename", errno: errno)
                }
            } catch {
                unlink(tmp)
                throw error
            }
            let dfd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            if dfd >= 0 { _ = fsync(dfd); close(dfd) }
            return removed.isEmpty ? nil : q
        }
    }

    /// Removes the new journals a repair killed before its rename left in `folder`
    /// (`.journal.jsonl.repair-PID` whose process is gone): the journal itself was never touched.
    static func removeOrphans(in folder: String) {
        let prefix = ".journal.jsonl.repair-"
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where entry.hasPrefix(prefix)
        {
            guard let pid = Int32(entry.dropFirst(prefix.count)), kill(pid, 0) != 0, errno == ESRCH else { continue }
            unlink((folder as NSString).appendingPathComponent(entry))
        }
    }

    /// Creates `path` (owner only, never through a link, never over an existing file), writes
    /// `bytes` and (when `durable`) fsyncs; removes it again when that fails.
    static func writeNew(_ path: String, _ bytes: [UInt8], durable: Bool = true) throws {
        let fd: Int32
        do {
            fd = try NoFollow.open(
                path, .writeOnly, options: [.create, .exclusiveCreate], permissions: [.ownerReadWrite])
        } catch .link(let p) {
            throw JournalError.link(path: p)
        } catch .system(let p, let e) {
            throw JournalError.io(path: p, operation: "create", errno: e)
        }
        defer { NoFollow.close(fd) }
        do {
            try writeFully(fd, bytes, path: path)
            guard !durable || fsync(fd) == 0 else {
                throw JournalError.io(path: path, operation: "fsync", errno: errno)
            }
        } catch {
            unlink(path)
            throw error
        }
    }
}
