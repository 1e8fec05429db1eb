import Foundation
import ZIPFoundation

#if canImport(Glibc)
    import Glibc
#endif

/// The decision state (``SessionState/forDeciding()``) folded from the start of a journal, kept
/// beside it (`.decisions` in the session folder, owner-only, JSON) so that `palabre do` decides
/// from it and the events after it instead of folding the whole journal. Its size follows the
/// programme, not the journal (a few kilobytes for the Ségou roundtable at any journal length).
///
/// The journal stays the only source of truth. A snapshot is used only when all of these hold:
/// - its format version is this build's (``formatVersion``);
/// - it was made under the same programme: the digest of the programme as loaded
///   (``programmeDigest(_:)``) is the same;
/// - the journal is the same file (device and inode) and its first ``prefix`` bytes are those the
///   snapshot folded: either the file was not written since the snapshot was made (same size and
///   status-change time, ``Journal/FileStamp``), or their CRC-32 is the one recorded;
/// - byte ``prefix`` − 1 ends a line.
/// Anything else — an edited, repaired or shorter journal, another programme, another version,
/// a file that does not decode, a symbolic link in its place — is ignored without a word and the
/// journal folded from the start, as when there is no snapshot. It is written atomically (a
/// temporary file, then a rename), never through a link, after the events are durable.
public struct DecisionSnapshot: Codable, Sendable {
    /// The format of the file and of the decision state; raised whenever ``SessionState`` or what
    /// `evolve` makes of an event changes, so that an older snapshot is folded again.
    public static let formatVersion = 1
    /// Name of the file in the session folder.
    public static let fileName = ".decisions"

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
    /// The decision state folded from events 1 through ``seq``.
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
        let bytes = Data(text.utf8)
        return PrefixChecksum(length: bytes.count, crc: bytes.crc32(checksum: 0))
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

    /// The decision state of `journal`'s snapshot when it is valid for `programme` (see the
    /// type's summary); `journal` then reads on from the end of the snapshot's prefix. Nil
    /// otherwise, `journal` untouched (nothing must have been read from it yet). `digest`: the
    /// programme's ``programmeDigest(_:)`` when already computed.
    public static func load(
        for journal: Journal, programme: Programme, digest: PrefixChecksum? = nil
    ) -> DecisionSnapshot? {
        let path = path(journal: journal.path)
        guard let fd = try? NoFollow.open(path, .readOnly, options: [.nonBlocking]) else { return nil }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, st.st_size < 16 << 20,
            let data = try? handle.readToEnd(), let now = journal.fileStamp
        else { return nil }
        let decoder = JSONDecoder()
        decoder.userInfo[.programme] = programme
        guard let snapshot = try? decoder.decode(DecisionSnapshot.self, from: data),
            snapshot.state.lastSeq == snapshot.seq, snapshot.programme == (digest ?? programmeDigest(programme)),
            now.device == snapshot.journal.device, now.inode == snapshot.journal.inode,
            now.size >= snapshot.prefix.length
        else { return nil }
        let untouched = now == snapshot.journal && now.size == snapshot.prefix.length
        if !untouched {
            guard (try? journal.checksum(of: snapshot.prefix.length)) == snapshot.prefix else { return nil }
        }
        guard
            (try? journal.resume(after: snapshot.prefix.length, lastSeq: snapshot.seq, lastAt: snapshot.lastAt))
                == true
        else { return nil }
        return snapshot
    }

    /// A snapshot of these values (tests write wrong ones).
    init(
        version: Int, seq: Int, lastAt: Instant?, prefix: PrefixChecksum, journal: Journal.FileStamp,
        programme: PrefixChecksum, state: SessionState
    ) {
        self.version = version; self.seq = seq; self.lastAt = lastAt; self.prefix = prefix
        self.journal = journal; self.programme = programme; self.state = state
    }

    /// The snapshot of the decision state of `state` (full or for deciding), folded from everything `journal` read or
    /// wrote; `known`: the checksum of a prefix of it already computed (the snapshot it started
    /// from), continued instead of read again. Nil when the state and the journal are not at the
    /// same event, nothing was read, NUL bytes were skipped (their warning is said on every full
    /// read), or the file cannot be read. `digest`: the programme's ``programmeDigest(_:)`` when
    /// already computed.
    public init?(
        _ state: SessionState, of journal: Journal, known: PrefixChecksum? = nil, digest: PrefixChecksum? = nil
    ) {
        guard state.lastSeq == journal.lastSeq, journal.lastSeq > 0, journal.nulBytesSkipped == 0,
            let stamp = journal.fileStamp, stamp.size == journal.offset,
            let sum = try? journal.checksum(of: journal.offset, from: known)
        else { return nil }
        self.init(
            version: Self.formatVersion, seq: state.lastSeq, lastAt: journal.lastAt, prefix: sum, journal: stamp,
            programme: digest ?? Self.programmeDigest(state.programme),
            state: state.forDeciding())
    }

    /// Writes this snapshot at `path` (mode 0600): into a temporary file beside it, then renamed
    /// over it. Throws ``JournalError`` when it cannot be written (the former snapshot stays
    /// whole), and ``JournalError/link(path:)`` when a symbolic link is in its place (left as it
    /// is, never followed). Not fsynced: a snapshot lost to a power cut is only folded again.
    public func save(to path: String) throws {
        let data = try JSONEncoder().encode(self)
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

extension DecisionSnapshot {
    /// Decodes a snapshot; one of another format throws before its state is read (it may have
    /// other fields).
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        version = try c.decode(Int.self, forKey: .version)
        guard version == Self.formatVersion else {
            throw DecodingError.dataCorruptedError(
                forKey: .version, in: c, debugDescription: "snapshot format \(version)")
        }
        seq = try c.decode(Int.self, forKey: .seq)
        lastAt = try c.decodeIfPresent(Instant.self, forKey: .lastAt)
        prefix = try c.decode(PrefixChecksum.self, forKey: .prefix)
        journal = try c.decode(Journal.FileStamp.self, forKey: .journal)
        programme = try c.decode(PrefixChecksum.self, forKey: .programme)
        state = try c.decode(SessionState.self, forKey: .state)
    }
}
