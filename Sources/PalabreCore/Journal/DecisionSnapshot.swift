import Foundation
import ZIPFoundation

#if canImport(Glibc)
    import Glibc
#endif

/// The decision state (``SessionState/forDeciding()``) folded from the start of a journal, kept
/// beside it (`.decisions` in the session folder, owner-only) so that `palabre do` decides from it
/// and the events after it instead of folding the whole journal. Its size follows the programme,
/// not the journal (16 KiB for the Ségou roundtable at any journal length).
///
/// The file is two lines: a header (JSON: this type without its state, with the length and
/// CRC-32 of the second line) and the state (JSON). The journal stays the only source of truth: a
/// snapshot is used only when all of these hold:
/// - its format version is this build's (``formatVersion``) and its state line has the length
///   and CRC-32 its header gives (a hand-edited or cut snapshot is not read);
/// - it was made under the same programme: the digest of the programme as loaded
///   (``programmeDigest(_:)``) is the same;
/// - the journal is the same file (device and inode) and its first ``prefix`` bytes are those the
///   state was folded from: either the file was not written since the snapshot was made (same
///   size and status-change time, on a file system that keeps nanoseconds), or their CRC-32 is
///   the one recorded;
/// - the last line of that prefix is the event ``seq``, stamped ``lastAt``.
/// Anything else — an edited, repaired or shorter journal, another programme, another version,
/// a file that does not decode, a symbolic link in its place — is ignored without a word and the
/// journal folded from the start, as when there is no snapshot. It is written atomically (a
/// temporary file, then a rename), never through a link, after the events are durable, and only
/// when the journal's bytes it stands for are the bytes the state was folded from (the CRC-32 of
/// the bytes read and written, ``Journal/readChecksum``, checked against the file).
public struct DecisionSnapshot: Sendable {
    /// The format of the file and of the decision state; raised whenever ``SessionState`` or what
    /// `evolve` makes of an event changes, so that an older snapshot is folded again.
    public static let formatVersion = 2
    /// Name of the file in the session folder.
    public static let fileName = ".decisions"

    /// What the state was folded from (the file's first line).
    public var header: Header
    /// The decision state folded from events 1 through the header's `seq`.
    public var state: SessionState

    /// The snapshot file of the session whose journal is at `journalPath`.
    public static func path(journal journalPath: String) -> String {
        let folder = Paths.parent(journalPath)
        return (folder.isEmpty ? "." : folder) + "/" + fileName
    }

    /// A digest of `programme` as loaded: the length and CRC-32 of a text of every value in it
    /// (dictionaries and sets sorted), so that any change of the programme changes it.
    public static func programmeDigest(_ programme: Programme) -> PrefixChecksum {
        var text = ""
        canonical(programme, into: &text)
        return PrefixChecksum(of: Data(text.utf8))
    }

    /// A text of `value` that does not depend on the order of its dictionaries and sets.
    static func canonical(_ value: Any, into out: inout String) {
        let m = Mirror(reflecting: value)
        switch m.displayStyle {
        case .dictionary?, .set?:
            let parts = m.children.map { c -> String in
                var s = ""
                canonical(c.value, into: &s)
                return s
            }
            out += "{" + parts.sorted().joined(separator: ",") + "}"
        case nil:
            out += String(reflecting: value)
        default:
            guard !m.children.isEmpty else {
                out += String(reflecting: value)
                return
            }
            out += "("
            for c in m.children {
                out += (c.label ?? "") + ":"
                canonical(c.value, into: &out)
                out += ","
            }
            out += ")"
        }
    }

    /// The header line of the file: what the state was folded from, and the state line's length
    /// and CRC-32.
    public struct Header: Codable, Sendable {
        /// ``formatVersion`` of the build that wrote it.
        public var version: Int
        /// Seq of the last event folded.
        public var seq: Int
        /// Timestamp of event ``seq``.
        public var lastAt: Instant?
        /// The journal's bytes folded (they end with the line of event ``seq``) and their CRC-32.
        public var prefix: PrefixChecksum
        /// The journal file when the snapshot was made (its size then is ``prefix``'s length when
        /// nothing was appended since).
        public var journal: Journal.FileStamp
        /// ``programmeDigest(_:)`` of the programme the state was folded under.
        public var programme: PrefixChecksum
        /// Length and CRC-32 of the state line (set when the file is written).
        public var state: PrefixChecksum
    }

    /// Whether the journal may be trusted unread when its stamp is `stamp`: a status-change time
    /// with nanoseconds (a file system that keeps only seconds would not tell an edit made in
    /// the same second).
    static func isFine(_ stamp: Journal.FileStamp) -> Bool { stamp.changed % 1_000_000_000 != 0 }

    /// The decision state of `journal`'s snapshot when it is valid for `programme` (see the
    /// type's summary); `journal` then reads on from the end of the snapshot's prefix, keeping the
    /// checksum of what it reads (``Journal/keepChecksum(from:)``). Nil otherwise, `journal`
    /// untouched (nothing must have been read from it yet). `digest`: the programme's
    /// ``programmeDigest(_:)`` when already computed.
    public static func load(
        for journal: Journal, programme: Programme, digest: PrefixChecksum? = nil
    ) -> DecisionSnapshot? {
        let path = path(journal: journal.path)
        guard let fd = try? NoFollow.open(path, .readOnly, options: [.nonBlocking]) else { return nil }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, st.st_size < 16 << 20,
            let data = try? handle.readToEnd(), let now = journal.fileStamp,
            let newline = data.firstIndex(of: 10)
        else { return nil }
        let stateBytes = data[(newline + 1)...]
        let decoder = JSONDecoder()
        decoder.userInfo[.programme] = programme
        guard let header = try? decoder.decode(Header.self, from: data[..<newline]),
            header.version == formatVersion,
            header.state == PrefixChecksum(of: Data(stateBytes)),
            header.programme == (digest ?? programmeDigest(programme)),
            now.device == header.journal.device, now.inode == header.journal.inode, now.size >= header.prefix.length,
            let state = try? decoder.decode(SessionState.self, from: stateBytes), state.lastSeq == header.seq,
            state.isCoherent
        else { return nil }
        let untouched = now == header.journal && now.size == header.prefix.length && isFine(now)
        if !untouched {
            guard (try? journal.checksum(of: header.prefix.length)) == header.prefix else { return nil }
        }
        guard
            journal.lastEvent(before: header.prefix.length).map({ $0.seq == header.seq && $0.at == header.lastAt })
                == true,
            (try? journal.resume(after: header.prefix.length, lastSeq: header.seq, lastAt: header.lastAt)) == true
        else { return nil }
        journal.keepChecksum(from: header.prefix)
        return DecisionSnapshot(header: header, state: state)
    }

    /// A snapshot of `state` folded from what `header` says.
    init(header: Header, state: SessionState) {
        self.header = header
        self.state = state
    }

    /// The snapshot of the decision state of `state` (full or for deciding), folded from the
    /// bytes `journal` read and wrote, which it kept the checksum of (``Journal/readChecksum``).
    /// Nil when the state and the journal are not at the same event, no checksum was kept,
    /// NUL bytes were skipped (their warning is said on every full read), or the file no longer
    /// holds those bytes (read again and compared). `digest`: the programme's
    /// ``programmeDigest(_:)`` when already computed.
    public init?(_ state: SessionState, of journal: Journal, digest: PrefixChecksum? = nil) {
        guard state.lastSeq == journal.lastSeq, journal.lastSeq > 0, journal.nulBytesSkipped == 0,
            let folded = journal.readChecksum, folded.length == journal.offset, let before = journal.fileStamp,
            before.size == journal.offset
        else { return nil }
        // Always read again: an edit in place while the state was folded — even one landing between
        // this process's own check and its append — would otherwise be trusted.
        guard (try? journal.checksum(of: journal.offset)) == folded, journal.fileStamp == before else {
            return nil
        }
        let header = Header(
            version: Self.formatVersion, seq: state.lastSeq, lastAt: journal.lastAt, prefix: folded, journal: before,
            programme: digest ?? Self.programmeDigest(state.programme), state: PrefixChecksum(length: 0, crc: 0))
        self.init(header: header, state: state.forDeciding())
    }

    /// Writes this snapshot at `path` (mode 0600): into a temporary file beside it, then renamed
    /// over it. Throws ``JournalError`` when it cannot be written (the former snapshot stays
    /// whole), and ``JournalError/link(path:)`` when a symbolic link is in its place (left as it
    /// is, never followed). Not fsynced: a snapshot lost to a power cut is only folded again.
    public func save(to path: String) throws {
        let encoder = JSONEncoder()
        let stateBytes = try encoder.encode(state)
        var header = header
        header.state = PrefixChecksum(of: stateBytes)
        let data = try encoder.encode(header) + [10] + stateBytes
        if NoFollow.isLink(path) { throw JournalError.link(path: path) }
        // What a killed writer left (its process is gone), then this one's own.
        let folder = Paths.parent(path).isEmpty ? "." : Paths.parent(path)
        let name = (path as NSString).lastPathComponent + ".tmp-"
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        where entry.hasPrefix(name) && DocumentSet.isOrphanTemporary(entry) {
            _ = unlink(folder + "/" + entry)
        }
        let tmp = path + ".tmp-\(getpid())"
        _ = unlink(tmp)
        try JournalRepair.writeNew(tmp, [UInt8](data), durable: false)
        guard rename(tmp, path) == 0 else {
            let e = errno
            _ = unlink(tmp)
            throw JournalError.io(path: path, operation: "rename", errno: e)
        }
    }
}
