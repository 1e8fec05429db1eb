import Foundation
import ZIPFoundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why the journal could not be read or written, in words fit for a user.
public enum JournalError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A line other than the last is not a valid event (or breaks the seq order). `line` is 1-based.
    case damaged(path: String, line: Int, reason: JournalDamage)
    /// The file system refused an operation (`operation`: open, read, write, fsync, lock…).
    case io(path: String, operation: String, errno: Int32)
    /// The disk is full: nothing was recorded.
    case diskFull(path: String)
    /// Another writer appended since this one last read: fold the newer events and decide again.
    case conflict(expected: Int, found: Int)
    /// The journal was opened read-only.
    case readOnly(path: String)
    /// The journal (or a file beside it) is a symbolic link: palabre does not follow it.
    case link(path: String)
    /// `palabre repair` replaced the journal file since this writer opened it: open it again.
    case replaced(path: String)
    /// The journal's name holds something else than a plain file (a named pipe, a folder, a
    /// device): it is neither read nor written.
    case notAFile(path: String)

    /// The message in `language` (every case is said in French and in English).
    public func message(_ language: Language) -> String {
        switch self {
        case .link(let p): return NoFollow.linkMessage(p, language)
        case .io(let p, _, let e) where e == EACCES || e == EPERM: return NoFollow.permissionMessage(p, language)
        case .damaged(let p, let l, .unknownType(let t)):
            let r = JournalDamage.unknownType(t)
            return language == .fr
                ? "\(p):\(l)\u{00A0}: \(r.text(.fr)). Rien n'a été modifié. Mettez palabre à jour pour lire ce journal "
                    + "(`palabre repair` mettrait cet événement de côté)."
                : "\(p):\(l): \(r.text(.en)). Nothing was changed. Update palabre to read this journal (`palabre repair` "
                    + "would set this event aside)."
        case .damaged(let p, let l, let r) where r.isGap:
            return language == .fr
                ? "\(p):\(l)\u{00A0}: il manque des événements avant cette ligne (\(r.text(.fr))). Rien n'a été modifié. "
                    + "`palabre repair` ne renumérote rien\u{00A0}: reprenez le journal d'une copie (sauvegarde, autre poste)."
                : "\(p):\(l): events are missing before this line (\(r)). Nothing was changed. `palabre repair` "
                    + "renumbers nothing: take the journal back from a copy (a backup, another laptop)."
        case .damaged(let p, let l, let r) where language == .fr:
            return
                "\(p):\(l)\u{00A0}: le journal est endommagé à cette ligne (\(r.text(.fr))). Rien n'a été modifié\u{00A0}; "
                + (l > 1 ? "les lignes avant la ligne \(l) sont intactes" : "c'est sa première ligne")
                + ". Lancez `palabre repair \(Self.folder(p))`\u{00A0}: il montre le "
                + "problème, propose le plus petit changement qui le répare (chaque octet mis de côté est gardé) et "
                + "vérifie le journal."
        case .notAFile(let p) where language == .fr:
            return "\(p) n'est pas un fichier ordinaire (un tube nommé, un dossier ou un périphérique) : palabre tient "
                + "son journal dans un fichier. Mettez cet élément de côté et recommencez."
        case .replaced(let p) where language == .fr:
            return "\(p) a été réparé par `palabre repair` entre-temps\u{00A0}: rien n'a été enregistré. Relancez la "
                + "commande (ou quittez et rouvrez l'écran)."
        case .io(let p, let op, let e) where language == .fr:
            return "\(p)\u{00A0}: opération « \(op) » impossible (\(String(cString: strerror(e)))). Vérifiez que le "
                + "dossier existe et vous appartient, puis recommencez."
        case .diskFull(let p) where language == .fr:
            return "\(p)\u{00A0}: le disque est plein\u{00A0}; la dernière action n'a PAS été enregistrée. Libérez de "
                + "la place (supprimez d'anciens fichiers) et recommencez."
        case .conflict(let e, let f) where language == .fr:
            return "un autre poste a enregistré des événements entre-temps (seq \(e) attendu, le journal en est à "
                + "\(f))\u{00A0}; recommencez."
        case .readOnly(let p) where language == .fr:
            return "\(p)\u{00A0}: ouvert en lecture seule."
        default: return description
        }
    }

    /// The warning of a reader that used the `events` events before this damage, in `language`
    /// (`palabre log` and `minutes` read up to the damage instead of refusing everything).
    public func readUpToWarning(events: Int, _ language: Language) -> String {
        guard case .damaged(let p, let l, let r) = self else { return message(language) }
        let folder = Self.folder(p)
        if case .unknownType = r {
            return language == .fr
                ? "\(p):\(l)\u{00A0}: \(r.text(.fr))\u{00A0}; seuls les \(events) événements avant elle sont lus. Mettez "
                    + "palabre à jour pour lire la suite."
                : "\(p):\(l): \(r.text(.en)); only the \(events) events before it are read. Update palabre to read the rest."
        }
        if r.isGap {
            return language == .fr
                ? "\(p):\(l)\u{00A0}: il manque des événements avant cette ligne (\(r.text(.fr)))\u{00A0}; seuls les \(events) "
                    + "événements avant elle sont lus. Reprenez le journal d'une copie\u{00A0}: `palabre repair` ne renumérote rien."
                : "\(p):\(l): events are missing before this line (\(r)); only the \(events) events before it are "
                    + "read. Take the journal back from a copy: `palabre repair` renumbers nothing."
        }
        return language == .fr
            ? "\(p):\(l)\u{00A0}: le journal est endommagé à cette ligne (\(r.text(.fr)))\u{00A0}; seuls les \(events) événements avant elle "
                + "sont lus. Lancez `palabre repair \(folder)` pour la réparer (chaque octet mis de côté est gardé)."
            : "\(p):\(l): the journal is damaged here (\(r)); only the \(events) events before it are read. Run "
                + "`palabre repair \(folder)` to mend it (every byte set aside is kept)."
    }

    /// The session folder of a journal path, for the `palabre repair` hint.
    static func folder(_ journalPath: String) -> String {
        let d = Paths.parent(journalPath)
        return d.isEmpty ? "." : d
    }

    public var description: String {
        switch self {
        case .damaged(_, _, .unknownType): return message(.en)
        case .damaged(let p, let l, let r):
            return "\(p):\(l): the journal is damaged here (\(r)). Nothing was changed; "
                + (l > 1 ? "the lines before \(l) are intact" : "it is its first line")
                + ". Run `palabre repair \(Self.folder(p))`: it shows what is wrong, offers the smallest "
                + "change that mends it (every byte set aside is kept) and checks the journal."
        case .replaced(let p):
            return "\(p) was repaired by `palabre repair` meanwhile: nothing was recorded. Run the command again "
                + "(or quit and reopen the screen)."
        case .io(let p, _, let e) where e == EACCES || e == EPERM:
            return NoFollow.permissionMessage(p, .en)
        case .io(let p, let op, let e):
            return "\(p): cannot \(op) (\(String(cString: strerror(e)))). Check that the folder exists and is yours, "
                + "then try again."
        case .diskFull(let p):
            return "\(p): the disk is full; the last action was NOT recorded. Free some space (delete old files) and "
                + "do it again."
        case .conflict(let e, let f):
            return "another seat recorded events meanwhile (expected seq \(e), the journal is at \(f)); try again."
        case .readOnly(let p):
            return "\(p): opened read-only."
        case .notAFile(let p):
            return "\(p) is not a plain file (a named pipe, a folder or a device): palabre keeps its journal in a "
                + "file. Move it aside and try again."
        case .link(let p):
            return NoFollow.linkMessage(p, .en)
        }
    }
}

/// The append-only journal of a session: `journal.jsonl`, one JSON event a line.
///
/// - An event counts as recorded once its whole line is written and fsync'ed.
/// - Appends hold an exclusive `flock` on the file; the writer states the seq it expects next
///   and gets ``JournalError/conflict(expected:found:)`` when another process was faster.
/// - Loading tolerates a torn last line (power cut): a writable journal moves the damaged bytes
///   to a quarantine file beside it (`journal.jsonl.torn-<time>`), never deleting them, and
///   truncates the journal to its intact prefix. Damage anywhere else is refused with its line.
/// - The file is created readable and writable by its owner only (mode 0600).
public final class Journal {
    /// Path of `journal.jsonl`.
    public let path: String
    /// Whether appends are allowed.
    public let writable: Bool
    /// The time zone of the timestamps: each `at` is written with the offset of its own instant
    /// in this zone (tz database), so a journal crossing a change of summer time stays right.
    public let timeZone: LocalTime
    private let fd: Int32
    /// Bytes of the file already read and folded.
    public private(set) var offset: Int = 0
    /// Seq of the last event read or written (0 when empty).
    public private(set) var lastSeq: Int = 0
    /// Timestamp of the last event read or written.
    public private(set) var lastAt: Instant?
    /// What loading met and mended or skipped (torn tail quarantined…), for the user.
    public private(set) var notices: [JournalWarning] = []
    /// ``notices`` in English (logs, tests); ``warnings(_:)`` gives them in a session's language.
    public var warnings: [String] { warnings(.en) }
    /// ``notices`` in `language`.
    public func warnings(_ language: Language) -> [String] { notices.map { $0.message(language) } }
    /// Bytes of a torn tail left in place (read-only journals), 0 when none.
    public private(set) var tornBytes: Int = 0
    /// NUL bytes skipped before whole events while reading (left in the file for `palabre repair`).
    public private(set) var nulBytesSkipped: Int = 0
    private var holdingLock = false
    /// The CRC-32 of the bytes read and written (``offset`` of them), when kept
    /// (``keepChecksum(from:)``): what a ``DecisionSnapshot`` certifies of what was folded.
    public fileprivate(set) var readChecksum: PrefixChecksum?

    /// Opens (and for a writable journal, creates) the journal at `path`; a read-only journal
    /// that does not exist yet reads as empty. `timeZone` (an IANA name, UTC when unknown) gives
    /// the offset written in each timestamp.
    /// Throws ``JournalError/io(path:operation:errno:)`` when it cannot be opened.
    public init(path: String, writable: Bool, timeZone: String = "UTC") throws {
        self.path = path
        self.writable = writable
        self.timeZone = LocalTime(identifier: timeZone)
        var f: Int32
        do {
            // Never through a link: events would be appended to (and the mode set on) another file.
            // Non-blocking, so that a named pipe in its place is refused below instead of waiting forever.
            f =
                writable
                ? try NoFollow.open(
                    path, .readWrite, options: [.create, .append, .nonBlocking], permissions: [.ownerReadWrite])
                : try NoFollow.open(path, .readOnly, options: [.nonBlocking])
        } catch .link(let p) {
            throw JournalError.link(path: p)
        } catch .system(_, let e) {
            // A journal not yet created reads as empty.
            guard !writable && e == ENOENT else { throw JournalError.io(path: path, operation: "open", errno: e) }
            f = open("/dev/null", O_RDONLY | O_CLOEXEC)
            fd = f
            return
        }
        var st = stat()
        guard fstat(f, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else {
            close(f)
            throw JournalError.notAFile(path: path)
        }
        _ = fcntl(f, F_SETFL, fcntl(f, F_GETFL) & ~O_NONBLOCK)
        // Personal data: owner only, even for a journal created by other means (on the descriptor, never a path).
        // Only when it differs: a change of mode moves the file's status-change time, which tells a
        // ``DecisionSnapshot`` that the journal was not written since.
        if writable, st.st_mode & 0o7777 != 0o600 { _ = fchmod(f, 0o600) }
        fd = f
    }

    deinit { close(fd) }

    /// Reads every event from the start; for a writable journal, quarantines a torn tail.
    /// Throws ``JournalError/damaged(path:line:reason:)`` for damage before the last line.
    public func loadAll() throws -> [Event] {
        var events: [Event] = []
        try forEachEvent { events.append($0) }
        return events
    }

    /// Whether the bytes of `needle` occur anywhere in the journal, read 1 MiB at a time
    /// without decoding an event: a journal of a million events is searched in a fraction of the
    /// time folding it takes. An event's type is written `"type":"sessionClosed"` and no quote
    /// stands unescaped inside a JSON string, so the absence of `"sessionClosed"` tells that the
    /// session was never closed. Throws ``JournalError`` when the file cannot be read.
    public func contains(bytes needle: [UInt8]) throws -> Bool {
        guard !needle.isEmpty else { return true }
        let found = Needle(needle)
        var carried: [UInt8] = []  // the end of the last chunk: a needle across two chunks
        var start = 0
        while true {
            let chunk = try readBytes(from: start, count: 1 << 20)
            if chunk.isEmpty { return false }
            start += chunk.count
            let window = carried + chunk
            if found.occurs(in: window) { return true }
            carried = Array(window.suffix(needle.count - 1))
        }
    }

    /// The events of every line holding `"type":"T"` for a `T` of `types`, in file order, found
    /// by a search of the bytes (1 MiB at a time, only the lines of a chunk that holds one are
    /// decoded); a line that does not decode is passed over (reading the journal reports it).
    /// Throws ``JournalError`` when the file cannot be read.
    public func lines(withTypes types: [String]) throws -> [Event] {
        let needles = types.map { Needle(Array("\"type\":\"\($0)\"".utf8)) }
        let decoder = JSONDecoder()
        var out: [Event] = []
        var carried: [UInt8] = []  // an incomplete last line, read again with the next chunk
        var start = 0
        while true {
            let chunk = try readBytes(from: start, count: 1 << 20)
            start += chunk.count
            var window = carried + chunk
            if !chunk.isEmpty {
                guard let lastNL = window.lastIndex(of: 10) else {
                    carried = window
                    continue
                }
                carried = Array(window[(lastNL + 1)...])
                window.removeSubrange((lastNL + 1)...)
            }
            if needles.contains(where: { $0.occurs(in: window) }) {
                for line in window.split(separator: 10)
                where needles.contains(where: { n in line.withUnsafeBytes { n.occurs(in: $0) } }) {
                    if let e = try? decoder.decode(Event.self, from: Data(line)) { out.append(e) }
                }
            }
            if chunk.isEmpty { return out }
        }
    }

    /// Whether `needle` (not empty) occurs in `bytes`: `memchr` for the needle's least common
    /// byte in JSON text (an uppercase letter, else one of `ykwzjqx`, else any letter or digit;
    /// its first byte, a quote, would stop the search at every quote), `memcmp` for the whole.
    static func find(_ needle: [UInt8], in bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { find(needle, in: $0) }
    }

    /// ``find(_:in:)-([UInt8],[UInt8])`` in bytes already in memory (a chunk of the journal).
    static func find(_ needle: [UInt8], in b: UnsafeRawBufferPointer) -> Bool { Needle(needle).occurs(in: b) }

    /// Bytes to find, with the one `memchr` looks for first: the least common byte in JSON text
    /// (an uppercase letter, else one of `ykwzjqx`, else any letter or digit; its first byte, a
    /// quote, would stop the search at every quote). Chosen once for a search of many texts (a
    /// replay's `/` through every entry).
    struct Needle {
        /// The bytes; empty ones occur everywhere.
        let bytes: [UInt8]
        private let anchor: Int

        init(_ bytes: [UInt8]) {
            func rank(_ b: UInt8) -> Int {
                switch b {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): 0
                case UInt8(ascii: "y"), UInt8(ascii: "k"), UInt8(ascii: "w"), UInt8(ascii: "z"), UInt8(ascii: "j"),
                    UInt8(ascii: "q"), UInt8(ascii: "x"):
                    1
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): 2
                default: 3
                }
            }
            self.bytes = bytes
            anchor = bytes.indices.min { rank(bytes[$0]) < rank(bytes[$1]) } ?? 0
        }

        /// Whether the bytes occur in `b`.
        func occurs(in b: UnsafeRawBufferPointer) -> Bool {
            guard !bytes.isEmpty else { return true }
            let after = bytes.count - anchor  // bytes from the anchor to the needle's end
            let first = Int32(bytes[anchor])
            return bytes.withUnsafeBytes { nb in
                guard let base = b.baseAddress, b.count >= bytes.count else { return false }
                var at = anchor
                while b.count - at >= after, let hit = memchr(base + at, first, b.count - at - after + 1) {
                    let i = base.distance(to: UnsafeRawPointer(hit))
                    if memcmp(base + i - anchor, nb.baseAddress!, bytes.count) == 0 { return true }
                    at = i + 1
                }
                return false
            }
        }

        /// Whether the bytes occur in `b`.
        func occurs(in b: [UInt8]) -> Bool { b.withUnsafeBytes { occurs(in: $0) } }
    }

    /// Reads every event from the start in order, handing each to `body` without keeping them
    /// all in memory; for a writable journal, quarantines a torn tail.
    public func forEachEvent(_ body: (Event) throws -> Void) throws {
        if writable {
            try withLock { try scan(repairTail: true, finalRead: true, body) }
        } else {
            try scan(repairTail: false, finalRead: true, body)
        }
    }

    /// The events of the whole lines among the journal's first `bytes` bytes, in order, up to
    /// the first line that does not decode or does not follow the one before (seq and time): the
    /// beginning of a long journal, shown while the rest is read. `whole` tells whether every
    /// line read was an event (false: damage within the beginning, which reading the journal
    /// with ``forEachEvent(_:)`` reports). The journal's reading position stays where it was.
    /// Throws ``JournalError`` when the file cannot be read.
    public func firstEvents(within bytes: Int) throws -> (events: [Event], whole: Bool) {
        let buffer = try readBytes(from: 0, count: max(0, bytes))
        guard let lastNL = buffer.lastIndex(of: 10) else { return ([], buffer.isEmpty) }
        let decoder = JSONDecoder()
        if let all = Self.decodeLines(buffer, lastNL: lastNL, decoder), Self.inOrder(all, after: 0, nil) {
            return (all, true)
        }
        var out: [Event] = []
        for line in buffer[...lastNL].split(separator: 10, omittingEmptySubsequences: false).dropLast() {
            guard let e = try? decoder.decode(Event.self, from: Data(line)),
                Self.inOrder([e], after: out.last?.seq ?? 0, out.last?.at)
            else { return (out, false) }
            out.append(e)
        }
        return (out, true)
    }

    /// Whether another file now bears this journal's name (`palabre repair` renamed a mended
    /// journal over it since it was opened): what is read from this one is no longer the record.
    public var isReplaced: Bool {
        var st = stat(), now = stat()
        guard fstat(fd, &st) == 0 else { return false }
        return lstat(path, &now) != 0 || now.st_ino != st.st_ino || now.st_dev != st.st_dev
    }

    /// Reads the events appended since the last read (by this or another process).
    /// A line still being written by another process is left for the next call.
    public func readNew() throws -> [Event] {
        var events: [Event] = []
        try scan(repairTail: false, finalRead: false) { events.append($0) }
        return events
    }

    /// Bytes read at a time: memory stays bounded whatever the size of the journal.
    static let chunkSize = 1 << 18

    private func readBytes(from start: Int, count: Int) throws -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: count)
        var got = 0
        while got < count {
            let n = buffer.withUnsafeMutableBytes {
                pread(fd, $0.baseAddress! + got, $0.count - got, off_t(start + got))
            }
            if n < 0 {
                if errno == EINTR { continue }; throw JournalError.io(path: path, operation: "read", errno: errno)
            }
            if n == 0 { break }
            got += n
        }
        if got < count { buffer.removeLast(count - got) }
        return buffer
    }

    private func scan(repairTail: Bool, finalRead: Bool, _ body: (Event) throws -> Void) throws {
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw JournalError.io(path: path, operation: "read", errno: errno) }
        let size = Int(st.st_size)
        let decoder = JSONDecoder()
        while offset < size {
            // Several chunks at once, one per core, while every one of them is whole and in order.
            if size - offset > 2 * Self.chunkSize, try decodeAhead(size: size, body) { continue }
            var length = min(Self.chunkSize, size - offset)
            var buffer = try readBytes(from: offset, count: length)
            // A line longer than a chunk: read on until its end (or the end of the file).
            while buffer.lastIndex(of: 10) == nil && offset + length < size {
                length = min(length * 2, size - offset)
                buffer = try readBytes(from: offset, count: length)
            }
            guard let lastNL = buffer.lastIndex(of: 10) else {
                // A whole event that only lacks its final newline (the power went between the two)
                // is kept, and its newline written when the journal is open for writing.
                if finalRead || repairTail, let e = try? decoder.decode(Event.self, from: Data(buffer)),
                    e.seq == lastSeq + 1, lastAt.map({ e.at >= e.payload.earliestStamp(after: $0) }) ?? true
                {
                    if writable {
                        try withLock {
                            guard pwrite(fd, [UInt8(10)], 1, off_t(size)) == 1, fsync(fd) == 0 else {
                                throw JournalError.io(path: path, operation: "write", errno: errno)
                            }
                        }
                    }
                    try body(e)
                    notices.append(.lineBreakMissing(path: path, seq: e.seq, completed: writable))
                    lastSeq = e.seq; lastAt = e.at
                    consumed(buffer[...] + (writable ? [10] : []))
                    return
                }
                try tail(from: offset, size: size, damagedLine: nil, repairTail: repairTail, finalRead: finalRead)
                return
            }
            // Fast path: every complete line of the chunk decoded in one pass as a JSON array.
            if let all = Self.decodeLines(buffer, lastNL: lastNL, decoder),
                try take(all, bytes: buffer[...lastNL], body)
            {
                continue
            }
            // Line by line, to find the damaged line.
            var start = 0
            while start <= lastNL {
                let nl = buffer[start...].firstIndex(of: 10)!
                let line = lastSeq + 1
                let slice = buffer[start..<nl]
                let e: Event
                do {
                    e = try decoder.decode(Event.self, from: Data(slice))
                } catch {
                    // NUL bytes before a whole event (zeros a power cut left, then a later append):
                    // the event is kept, the zeros skipped and reported for `palabre repair`.
                    if let (nul, event) = Self.afterNul(slice, decoder), event.seq == lastSeq + 1,
                        lastAt.map({ event.at >= $0 }) ?? true
                    {
                        try body(event)
                        notices.append(.nulBytes(path: path, line: line, offset: offset, count: nul, seq: event.seq))
                        nulBytesSkipped += nul
                        lastSeq = event.seq; lastAt = event.at
                        consumed(buffer[start...nl])
                        start = nl + 1
                        continue
                    }
                    try tail(
                        from: offset, size: size, damagedLine: (line, Self.damage(slice, error)),
                        repairTail: repairTail, finalRead: finalRead)
                    return
                }
                guard e.seq == lastSeq + 1 else {
                    throw JournalError.damaged(
                        path: path, line: line,
                        reason: try seqDamage(e.seq, at: line, from: offset + nl + 1 - start, size: size))
                }
                if let last = lastAt, e.at < e.payload.earliestStamp(after: last) {
                    throw JournalError.damaged(path: path, line: line, reason: .timeGoesBackwards)
                }
                try body(e)
                lastSeq = e.seq; lastAt = e.at
                consumed(buffer[start...nl])
                start = nl + 1
            }
        }
    }

    /// What is wrong with a line that did not decode (`error`: what the decoder threw).
    static func damage(_ line: ArraySlice<UInt8>, _ error: any Error) -> JournalDamage {
        if line.isEmpty { return .emptyLine }
        if line.first == 0 { return .nulLine }
        if let u = error as? UnknownEventType { return .unknownType(u.type) }
        return .notAnEvent
    }

    /// The damage of event `found` on line `line` where ``lastSeq`` + 1 was expected: a seq
    /// already used, lines out of order (the expected seq is on one of the next 4 MiB of lines,
    /// from byte `next` of the `size` read), or events missing.
    private func seqDamage(_ found: Int, at line: Int, from next: Int, size: Int) throws -> JournalDamage {
        let expected = lastSeq + 1
        guard found > expected else { return .seqRepeated(found: found, expected: expected) }
        let ahead = try readBytes(from: next, count: min(4 << 20, max(0, size - next)))
        let decoder = JSONDecoder()
        for (k, l) in ahead.split(separator: 10, omittingEmptySubsequences: false).enumerated() {
            if let e = try? decoder.decode(Event.self, from: Data(l)), e.seq == expected {
                return .outOfOrder(found: found, expected: expected, line: line + 1 + k)
            }
        }
        return .seqGap(found: found, expected: expected)
    }

    /// The events of the lines of `buffer` up to its last line break (at `lastNL`), decoded in
    /// one pass as a JSON array; nil unless every line is one event (a blank line, which a
    /// lenient decoder would skip, is damage).
    static func decodeLines(_ buffer: [UInt8], lastNL: Int, _ decoder: JSONDecoder) -> [Event]? {
        guard lastNL > 0 else { return nil }
        let (array, lines) = jsonArray(buffer, lastNL: lastNL)
        guard let all = try? decoder.decode([Event].self, from: Data(array)), all.count == lines else { return nil }
        return all
    }

    /// Hands `events` to `body` when they follow the events read so far (seq and time), and
    /// moves the reading on past `bytes`, their lines; false, and nothing handed, when they do not.
    private func take(_ events: [Event], bytes: ArraySlice<UInt8>, _ body: (Event) throws -> Void) throws -> Bool {
        guard Self.inOrder(events, after: lastSeq, lastAt) else { return false }
        for e in events { try body(e) }
        lastSeq = events.last?.seq ?? lastSeq
        lastAt = events.last?.at ?? lastAt
        consumed(bytes)
        return true
    }

    /// The lines of `buffer` up to its last line break (at `lastNL`) as one JSON array, `[` +
    /// the lines joined by commas + `]`, and how many lines they are.
    static func jsonArray(_ buffer: [UInt8], lastNL: Int) -> (array: [UInt8], lines: Int) {
        var array = [UInt8](repeating: 0, count: lastNL + 2)
        var lines = 1
        array.withUnsafeMutableBufferPointer { a in
            buffer.withUnsafeBufferPointer { b in
                a[0] = 91
                for i in 0..<lastNL {
                    let c = b[i]
                    if c == 10 {
                        a[i + 1] = 44
                        lines += 1
                    } else {
                        a[i + 1] = c
                    }
                }
                a[lastNL + 1] = 93
            }
        }
        return (array, lines)
    }

    /// Reads the next chunks of whole lines from `offset`, one per core, decodes them at the same
    /// time, and hands to `body` the events of each chunk that decoded whole and in order, in
    /// order; stops at the first chunk that did not (the line-by-line path then finds why).
    /// Returns whether any chunk was taken. The events, and every check on them, are those of the
    /// one-chunk path: only the decoding runs on several cores.
    private func decodeAhead(size: Int, _ body: (Event) throws -> Void) throws -> Bool {
        let cores = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
        guard cores > 1 else { return false }
        var buffers: [(bytes: [UInt8], lastNL: Int)] = [], ends: [Int] = []
        var at = offset
        while buffers.count < cores && size - at > Self.chunkSize {
            let buffer = try readBytes(from: at, count: Self.chunkSize)
            guard let lastNL = buffer.lastIndex(of: 10), lastNL > 0 else { break }
            buffers.append((buffer, lastNL))
            at += lastNL + 1
            ends.append(at)
        }
        guard buffers.count > 1 else { return false }
        // One slot per chunk, each written by its own iteration only (no shared array is mutated).
        struct Slots: @unchecked Sendable { let base: UnsafeMutablePointer<[Event]?> }
        let slots = Slots(base: .allocate(capacity: buffers.count))
        slots.base.initialize(repeating: nil, count: buffers.count)
        defer {
            slots.base.deinitialize(count: buffers.count)
            slots.base.deallocate()
        }
        let inputs = buffers
        DispatchQueue.concurrentPerform(iterations: inputs.count) { k in
            slots.base[k] = Journal.decodeLines(inputs[k].bytes, lastNL: inputs[k].lastNL, JSONDecoder())
        }
        var taken = false
        for k in inputs.indices {
            guard let all = slots.base[k], try take(all, bytes: inputs[k].bytes[...inputs[k].lastNL], body) else {
                break
            }
            taken = true
        }
        return taken
    }

    /// Handles what follows the last good event from `start`: a torn tail (kept, reported or
    /// quarantined) or, when a complete line follows a damaged one, damage in the middle.
    private func tail(
        from start: Int, size: Int, damagedLine: (line: Int, reason: JournalDamage)?,
        repairTail: Bool, finalRead: Bool
    ) throws {
        let rest = try readBytes(from: start, count: size - start)
        // A complete line (it has its line break) that is not an event — an unknown type, text
        // that is not JSON — is damage for `palabre repair` to show, never a torn tail to set
        // aside silently; only zeros and spaces (what a power cut leaves) count as torn.
        if let d = damagedLine, let firstNL = rest.firstIndex(of: 10),
            !rest[..<firstNL].allSatisfy({ $0 == 0 || $0 == 32 })
        {
            throw JournalError.damaged(path: path, line: d.line, reason: d.reason)
        }
        if let d = damagedLine, let firstNL = rest.firstIndex(of: 10) {
            let after = rest[(firstNL + 1)...]
            let lines = after.split(separator: 10, omittingEmptySubsequences: true)
            let completeAfter = after.last == 10 ? lines.count : max(0, lines.count - 1)
            if lines.prefix(completeAfter).contains(where: { !$0.allSatisfy { $0 == 0 || $0 == 32 } }) {
                throw JournalError.damaged(path: path, line: d.line, reason: d.reason)
            }
        }
        guard finalRead || repairTail, !rest.isEmpty else { return }
        let tornLine = lastSeq + 1
        if repairTail {
            let q = try quarantine(rest)
            guard ftruncate(fd, off_t(offset)) == 0, fsync(fd) == 0 else {
                throw JournalError.io(path: path, operation: "truncate", errno: errno)
            }
            notices.append(.tornTail(path: path, line: tornLine, bytes: rest.count, kept: lastSeq, quarantine: q))
            tornBytes = 0
        } else {
            tornBytes = rest.count
            notices.append(.tornTail(path: path, line: tornLine, bytes: rest.count, kept: lastSeq, quarantine: nil))
        }
    }

    /// The event that follows a run of NUL bytes at the start of `line`, and the length of the run;
    /// nil when the line does not start with NUL or no whole event follows.
    static func afterNul(_ line: ArraySlice<UInt8>, _ decoder: JSONDecoder) -> (Int, Event)? {
        let nul = line.prefix { $0 == 0 }.count
        guard nul > 0, nul < line.count,
            let e = try? decoder.decode(Event.self, from: Data(line.dropFirst(nul)))
        else { return nil }
        return (nul, e)
    }

    /// Whether `events` continue seq `seq` without gaps and never go back in time from `at`.
    static func inOrder(_ events: [Event], after seq: Int, _ at: Instant?) -> Bool {
        var expected = seq + 1
        var last = at
        for e in events {
            guard e.seq == expected, last.map({ e.at >= e.payload.earliestStamp(after: $0) }) ?? true else {
                return false
            }
            expected += 1
            last = e.at
        }
        return true
    }

    private func quarantine(_ bytes: [UInt8]) throws -> String {
        let stamp = Int(Date().timeIntervalSince1970 * 1000)
        let q = "\(path).torn-\(stamp)"
        // Created owner-only, never through a link; a quarantine that failed leaves nothing behind.
        try JournalRepair.writeNew(q, bytes)
        return q
    }

    /// Runs `body` on every byte of the file, holding the journal's exclusive lock.
    /// Throws ``JournalError/io(path:operation:errno:)`` when it cannot be read.
    public func withContents<T>(_ body: ([UInt8]) throws -> T) throws -> T {
        try withLock {
            var st = stat()
            guard fstat(fd, &st) == 0 else { throw JournalError.io(path: path, operation: "read", errno: errno) }
            return try body(try readBytes(from: 0, count: Int(st.st_size)))
        }
    }

    /// Runs `body` holding the journal's exclusive lock (blocking until it is free).
    public func withLock<T>(_ body: () throws -> T) throws -> T {
        if holdingLock { return try body() }
        while flock(fd, LOCK_EX) != 0 {
            if errno != EINTR { throw JournalError.io(path: path, operation: "lock", errno: errno) }
        }
        holdingLock = true
        defer { holdingLock = false; flock(fd, LOCK_UN) }
        return try body()
    }

    /// Appends `payloads` as events `expectedSeq`, `expectedSeq + 1`… stamped `at` by `seat`,
    /// writes them in one `write` and fsyncs. Returns the events once durable. `script` marks
    /// each of them with the script line that asked for it (nil: none).
    ///
    /// Throws ``JournalError/conflict(expected:found:)`` when the journal holds events this
    /// reader has not folded, ``JournalError/diskFull(path:)`` (nothing is left half-written),
    /// or ``JournalError/io(path:operation:errno:)``.
    public func append(
        _ payloads: [EventPayload], expectedSeq: Int, at: Instant, seat: String, script: ScriptLine?
    ) throws -> [Event] {
        guard writable else { throw JournalError.readOnly(path: path) }
        return try withLock {
            var st = stat()
            guard fstat(fd, &st) == 0 else { throw JournalError.io(path: path, operation: "stat", errno: errno) }
            // A repair renames a new file over the journal: never append to the old one.
            if isReplaced { throw JournalError.replaced(path: path) }
            if Int(st.st_size) != offset || expectedSeq != lastSeq + 1 {
                throw JournalError.conflict(expected: expectedSeq, found: lastSeq + (Int(st.st_size) != offset ? 1 : 0))
            }
            let stamp = max(at, lastAt.map { payloads.first?.earliestStamp(after: $0) ?? $0 } ?? at)
            var bytes: [UInt8] = []
            var events: [Event] = []
            for (i, p) in payloads.enumerated() {
                let e = Event(seq: expectedSeq + i, at: stamp, seat: seat, payload: p, script: script)
                bytes += try EventCodec.encode(e, offsetSeconds: timeZone.offset(at: e.at))
                bytes.append(10)
                events.append(e)
            }
            do {
                try writeAll(fd, bytes, path: path)
                guard fsync(fd) == 0 else { throw JournalError.io(path: path, operation: "fsync", errno: errno) }
            } catch {
                // Leave no partial line behind: the events were not recorded.
                _ = ftruncate(fd, off_t(offset))
                _ = fsync(fd)
                throw error
            }
            consumed(bytes[...])
            lastSeq = events.last?.seq ?? lastSeq
            lastAt = events.last?.at ?? lastAt
            return events
        }
    }

    private func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws {
        try writeFully(fd, bytes, path: path)
    }
}

extension Journal {
    /// What tells that a journal file did not change: its device and inode, its size in bytes and
    /// its status-change time (`st_ctim`, in nanoseconds), which every write and every change of
    /// mode moves on and no user command sets back.
    public struct FileStamp: Sendable, Equatable, Codable {
        /// `st_dev`.
        public var device: Int
        /// `st_ino`.
        public var inode: Int
        /// `st_size`, bytes.
        public var size: Int
        /// `st_ctim`, nanoseconds since 1970.
        public var changed: Int
    }

    /// The stamp of the open file (one `fstat`); nil for a journal not yet created.
    public var fileStamp: FileStamp? {
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Self.stamp(st)
    }

    static func stamp(_ st: stat) -> FileStamp {
        FileStamp(
            device: Int(st.st_dev), inode: Int(st.st_ino), size: Int(st.st_size),
            changed: Int(st.st_ctim.tv_sec) * 1_000_000_000 + Int(st.st_ctim.tv_nsec))
    }

    /// Moves ``offset`` past `bytes`, the file's bytes there as read or written, feeding them to
    /// ``readChecksum`` when it is kept.
    fileprivate func consumed(_ bytes: ArraySlice<UInt8>) {
        offset += bytes.count
        if let sum = readChecksum {
            readChecksum = PrefixChecksum(length: sum.length + bytes.count, crc: Data(bytes).crc32(checksum: sum.crc))
        }
    }

    /// Starts keeping ``readChecksum``, the CRC-32 of the bytes read and written from now on
    /// after `known`, the checksum of the first ``offset`` bytes. Nothing when `known` does not
    /// cover exactly those bytes.
    public func keepChecksum(from known: PrefixChecksum) {
        guard known.length == offset else { return }
        readChecksum = known
    }

    /// CRC-32 (zlib's) of the file's first `length` bytes, read 1 MiB at a time. Nil when the
    /// file is shorter. Throws ``JournalError/io(path:operation:errno:)`` when it cannot be read.
    public func checksum(of length: Int) throws -> PrefixChecksum? {
        var sum = PrefixChecksum(length: 0, crc: 0)
        while sum.length < length {
            let chunk = try readBytes(from: sum.length, count: min(1 << 20, length - sum.length))
            guard !chunk.isEmpty else { return nil }
            sum = PrefixChecksum(length: sum.length + chunk.count, crc: Data(chunk).crc32(checksum: sum.crc))
        }
        return sum
    }

    /// The event on the line that ends at byte `length` − 1 (a line break), read backwards from
    /// there (1 MiB at most); nil when there is none or it does not decode.
    public func lastEvent(before length: Int) -> Event? {
        guard length > 1 else { return nil }
        let from = max(0, length - (1 << 20))
        guard let bytes = try? readBytes(from: from, count: length - from), bytes.last == 10 else { return nil }
        let body = bytes.dropLast()
        guard let start = body.lastIndex(of: 10).map({ $0 + 1 }) ?? (from == 0 ? body.startIndex : nil) else {
            return nil
        }
        return try? JSONDecoder().decode(Event.self, from: Data(body[start...]))
    }

    /// Reads the end of a journal nothing was read from yet, as ``forEachEvent(_:)`` reads it
    /// there, without the events before: from its last whole event, found within its last MiB, to
    /// its end. A torn tail after it is reported as a whole reading reports it (``warnings(_:)``,
    /// ``tornBytes``; a writable journal's is not set aside). For a reader that stopped before the
    /// end of a long journal (a replay quit early): the end is checked in milliseconds. Returns
    /// false, having read nothing, when no whole event ends within the last MiB or something was
    /// read already. Throws ``JournalError`` (damage after that event, an unreadable file).
    public func checkEnd() throws -> Bool {
        var st = stat()
        guard offset == 0, lastSeq == 0, fstat(fd, &st) == 0 else { return false }
        let size = Int(st.st_size)
        let from = max(0, size - (1 << 20))
        let bytes = try readBytes(from: from, count: size - from)
        // The line break that ends the last whole line, and the event on that line.
        guard let nl = bytes.lastIndex(of: 10), let last = lastEvent(before: from + nl + 1),
            try resume(after: from + nl + 1, lastSeq: last.seq, lastAt: last.at)
        else { return false }
        try scan(repairTail: false, finalRead: true) { _ in }
        return true
    }

    /// Starts reading after the first `length` bytes, whose events (the last one `lastSeq`,
    /// stamped `lastAt`) were folded elsewhere — by a ``DecisionSnapshot`` the caller checked
    /// against this file. False, and nothing changed, when something was read already or byte
    /// `length - 1` is not a line break. Throws ``JournalError/io(path:operation:errno:)``.
    public func resume(after length: Int, lastSeq: Int, lastAt: Instant?) throws -> Bool {
        guard offset == 0, self.lastSeq == 0, length > 0, lastSeq > 0,
            try readBytes(from: length - 1, count: 1) == [10]
        else { return false }
        offset = length
        self.lastSeq = lastSeq
        self.lastAt = lastAt
        return true
    }
}

/// The CRC-32 of a journal's first `length` bytes (``Journal/checksum(of:)``), or of any
/// bytes.
public struct PrefixChecksum: Sendable, Equatable, Codable {
    /// Bytes summed.
    public var length: Int
    /// zlib's CRC-32 of them.
    public var crc: UInt32

    /// A checksum of `length` bytes whose CRC-32 is `crc`.
    public init(length: Int, crc: UInt32) {
        self.length = length
        self.crc = crc
    }

    /// The length and CRC-32 of `bytes`.
    public init(of bytes: Data) {
        self.init(length: bytes.count, crc: bytes.crc32(checksum: 0))
    }
}

/// Writes all of `bytes` to `fd`, retrying after interruptions.
/// Throws ``JournalError/diskFull(path:)`` or ``JournalError/io(path:operation:errno:)``.
func writeFully<Bytes: ContiguousBytes>(_ fd: Int32, _ bytes: Bytes, path: String) throws {
    try bytes.withUnsafeBytes { buffer in
        var done = 0
        while done < buffer.count {
            let n = write(fd, buffer.baseAddress! + done, buffer.count - done)
            if n < 0 {
                if errno == EINTR { continue }
                if errno == ENOSPC || errno == EDQUOT { throw JournalError.diskFull(path: path) }
                throw JournalError.io(path: path, operation: "write", errno: errno)
            }
            done += n
        }
    }
}

/// What reading a journal met and mended or skipped, said in the session's language.
public enum JournalWarning: Sendable, Equatable {
    /// The last event at `seq` lacked its final line break; `completed` when it was written.
    case lineBreakMissing(path: String, seq: Int, completed: Bool)
    /// `count` NUL bytes at `line` (byte `offset`) skipped before the event `seq`, which is kept.
    case nulBytes(path: String, line: Int, offset: Int, count: Int, seq: Int)
    /// A torn last line of `bytes` bytes after the `kept` intact events; moved to `quarantine`
    /// when the journal was opened for writing, left in place (nil) otherwise.
    case tornTail(path: String, line: Int, bytes: Int, kept: Int, quarantine: String?)

    /// The warning in `language`.
    public func message(_ language: Language) -> String {
        let fr = language == .fr
        func bytes(_ n: Int) -> String {
            fr
                ? Agreement.counted(n, one: "octet", many: "octets", language)
                : Agreement.counted(n, one: "byte", many: "bytes", language)
        }
        switch self {
        case .lineBreakMissing(let path, let seq, let completed):
            return fr
                ? "\(path):\(seq)\u{00A0}: le dernier événement n'avait pas son saut de ligne final (sans doute une "
                    + "coupure de courant)\u{00A0}; " + (completed ? "il a été complété et gardé." : "il est gardé.")
                : "\(path):\(seq): the last event lacked its final line break (probably a power cut); "
                    + (completed ? "it was completed and kept." : "it is kept.")
        case .nulBytes(let path, let line, let offset, let count, let seq):
            let folder = JournalError.folder(path)
            let one = Agreement.isSingular(count, language)
            return fr
                ? "\(path):\(line) (octet \(offset))\u{00A0}: \(count) "
                    + (one ? "octet NUL ignoré" : "octets NUL ignorés")
                    + " avant l'événement \(seq) (sans doute une coupure de courant)\u{00A0}; l'événement est gardé. "
                    + "`palabre repair \(folder)` " + (one ? "le met" : "les met") + " de côté."
                : "\(path):\(line) (byte \(offset)): \(count) NUL byte\(one ? "" : "s") before event \(seq) "
                    + "(probably a power cut) " + (one ? "was" : "were") + " skipped; the event is kept. "
                    + "`palabre repair \(folder)` sets " + (one ? "it" : "them") + " aside."
        case .tornTail(let path, let line, let n, let kept, let quarantine?):
            return fr
                ? "\(path):\(line)\u{00A0}: la dernière ligne était déchirée (\(bytes(n)), sans doute une coupure de "
                    + "courant)\u{00A0}; déplacée dans \(quarantine)\u{00A0}; événements intacts gardés\u{00A0}: \(kept)."
                : "\(path):\(line): the last line was torn (\(bytes(n)), probably a power cut); moved to "
                    + "\(quarantine); intact events kept: \(kept)."
        case .tornTail(let path, let line, let n, let kept, nil):
            return fr
                ? "\(path):\(line)\u{00A0}: la dernière ligne est déchirée (\(bytes(n)), sans doute une coupure de "
                    + "courant)\u{00A0}; les événements intacts qui la précèdent sont utilisés\u{00A0}: \(kept)."
                : "\(path):\(line): the last line is torn (\(bytes(n)), probably a power cut); the intact events "
                    + "before it are used: \(kept)."
        }
    }
}
