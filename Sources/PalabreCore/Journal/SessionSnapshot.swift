import Crypto
import Foundation
import SystemPackage

#if canImport(Glibc)
    import Glibc
#endif

/// A copy of the state folded from the start of a journal, kept beside it (`.snapshot` in the
/// journal's folder, owner-only, a binary property list) so that opening a session folds only
/// the events after it.
///
/// The journal stays the only source of truth: a snapshot is used only when its format version
/// is this build's, it was made for the same programme (SHA-256 of the programme as loaded) and
/// the journal's first ``prefixLength`` bytes still hash (SHA-256) to ``prefixDigest``. Anything
/// else — an edited, repaired or shorter journal, another programme, another version, a file
/// that does not decode, a symbolic link in its place — is ignored without a word, and the state
/// is folded from the whole journal. It is written atomically (a temporary file, then a rename)
/// and never through a link.
public struct SessionSnapshot: Codable, Sendable {
    /// The format of the file and of the folded state; raised whenever ``SessionState`` or what
    /// `evolve` makes of an event changes, so that an older snapshot is folded again.
    public static let formatVersion = 1
    /// A snapshot is written once this many events were folded since the last one.
    public static let interval = 1_000

    /// ``formatVersion`` of the build that wrote it.
    public var version: Int
    /// Seq of the last event folded (the prefix's last event).
    public var seq: Int
    /// Bytes of the journal folded: the prefix ends with the line of event ``seq``.
    public var prefixLength: Int
    /// SHA-256 of those bytes.
    public var prefixDigest: [UInt8]
    /// Timestamp of event ``seq`` as the journal gives it.
    public var lastAt: Instant?
    /// SHA-256 of the programme (``programmeDigest(_:)``).
    public var programmeDigest: [UInt8]
    /// The state folded from events 1 through ``seq``.
    public var state: SessionState

    /// The snapshot file of the journal at `journalPath`: `.snapshot` in the same folder.
    public static func path(journal journalPath: String) -> String {
        let folder = Paths.parent(journalPath)
        return (folder.isEmpty ? "." : folder) + "/.snapshot"
    }

    /// SHA-256 of `programme`: of a canonical text of every value in it (collections without an
    /// order sorted), so that any change to the loaded programme changes it.
    public static func programmeDigest(_ programme: Programme) -> [UInt8] {
        var text = ""
        canonical(programme, into: &text)
        return Array(SHA256.hash(data: Array(text.utf8)))
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

    /// The state of `journal`'s snapshot when it is valid for `programme` (see the type's
    /// summary); the journal then reads on from the end of the prefix. Nil otherwise, the
    /// journal untouched (it must not have been read yet).
    public static func load(for journal: Journal, programme: Programme, digest: [UInt8]? = nil) -> SessionState? {
        let path = path(journal: journal.path)
        guard let fd = try? NoFollow.open(path, .readOnly, options: [.nonBlocking]) else { return nil }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, let data = try? handle.readToEnd() else {
            return nil
        }
        let decoder = PropertyListDecoder()
        decoder.userInfo[.programme] = programme
        guard let snapshot = try? decoder.decode(SessionSnapshot.self, from: data),
            snapshot.version == formatVersion, snapshot.state.lastSeq == snapshot.seq,
            snapshot.programmeDigest == (digest ?? programmeDigest(programme)),
            (try? journal.resume(
                after: snapshot.prefixLength, digest: snapshot.prefixDigest, lastSeq: snapshot.seq,
                lastAt: snapshot.lastAt)) == true
        else { return nil }
        return snapshot.state
    }

    /// A snapshot of these values (tests write wrong ones).
    init(
        version: Int, seq: Int, prefixLength: Int, prefixDigest: [UInt8], lastAt: Instant?,
        programmeDigest: [UInt8], state: SessionState
    ) {
        self.version = version; self.seq = seq; self.prefixLength = prefixLength; self.prefixDigest = prefixDigest
        self.lastAt = lastAt; self.programmeDigest = programmeDigest; self.state = state
    }

    /// The snapshot of `state`, folded from everything `journal` read so far; nil when the state
    /// and the journal are not at the same event, nothing was read, or NUL bytes were skipped
    /// (their warning is said on every full read).
    public init?(_ state: SessionState, of journal: Journal, programmeDigest digest: [UInt8]? = nil) {
        guard state.lastSeq == journal.lastSeq, journal.lastSeq > 0, journal.nulBytesSkipped == 0 else { return nil }
        self.init(
            version: Self.formatVersion, seq: state.lastSeq, prefixLength: journal.offset,
            prefixDigest: journal.prefixDigest, lastAt: journal.lastAt,
            programmeDigest: digest ?? Self.programmeDigest(state.programme), state: state)
    }

    /// Writes this snapshot at `path` (mode 0600): into a temporary file beside it, then renamed
    /// over it. Throws ``JournalError`` when it cannot be written (the former snapshot stays
    /// whole), and ``JournalError/link(path:)`` when a symbolic link is in its place (left as it
    /// is, never followed).
    public func save(to path: String) throws {
        let encoder = PropertyListEncoder()
        encoder.outputFormat = .binary
        let data = try encoder.encode(self)
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
        // Created owner-only, exclusively, never through a link; removed when it fails.
        try JournalRepair.writeNew(tmp, [UInt8](data))
        guard rename(tmp, path) == 0 else {
            let e = errno
            _ = unlink(tmp)
            throw JournalError.io(path: path, operation: "rename", errno: e)
        }
    }
}

extension SessionSnapshot {
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        version = try c.decode(Int.self, forKey: .version)
        // The rest is read only for this format: another one may have other fields.
        guard version == Self.formatVersion else {
            throw DecodingError.dataCorruptedError(
                forKey: .version, in: c, debugDescription: "snapshot format \(version)")
        }
        seq = try c.decode(Int.self, forKey: .seq)
        prefixLength = try c.decode(Int.self, forKey: .prefixLength)
        prefixDigest = try c.decode([UInt8].self, forKey: .prefixDigest)
        lastAt = try c.decodeIfPresent(Instant.self, forKey: .lastAt)
        programmeDigest = try c.decode([UInt8].self, forKey: .programmeDigest)
        state = try c.decode(SessionState.self, forKey: .state)
    }
}
