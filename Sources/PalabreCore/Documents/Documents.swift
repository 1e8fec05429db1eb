import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How the documents are rendered.
public struct DocumentOptions: Sendable {
    /// Language of every label (normally the programme's).
    public var language: Language
    /// CSV separator chosen on the command line (`--csv-separator`); nil: the programme's
    /// `csv_separator`, else the one of ``language`` (``defaultSeparator(_:)``).
    public var csvSeparator: Character?
    /// The instant the documents describe: « situation au », and the running item and speaker.
    public var now: Instant
    /// Reviews of this session's entries recorded by later sessions that follow it
    /// (``PreviousSessions/laterReviews(of:)``), listed by `followup.md`.
    public var laterReviews: [LaterReview] = []

    /// Creates options, e.g. `DocumentOptions(language: state.programme.language, now: clock.now())`.
    public init(language: Language, csvSeparator: Character? = nil, now: Instant) {
        self.language = language; self.csvSeparator = csvSeparator; self.now = now
    }

    /// The CSV separator a spreadsheet set up for `language` expects: `;` in French (the comma is
    /// the French decimal mark), `,` in English. Every number the CSV documents write is a whole
    /// number (amounts in whole units, minutes, seconds), so no decimal mark is ever written.
    public static func defaultSeparator(_ language: Language) -> Character { language == .fr ? ";" : "," }

    /// A separator as typed on the command line or in the programme: one character (`;`, `,`,
    /// tab written `\t` or `tab`). Throws ``Refusal`` `bad-separator`.
    public static func separator(_ text: String) throws(Refusal) -> Character {
        let t = ["\\t", "tab", "tabulation"].contains(text.lowercased()) ? "\t" : text
        guard t.count == 1, let c = t.first, c != "\"", !c.isNewline, !c.isLetter, !c.isNumber else {
            throw Refusal(.badCsvSeparator(typed: text))
        }
        return c
    }
}

/// Why the documents could not be written, in words fit for the person at the laptop.
///
/// The journal is never touched by ``Documents/write(_:to:options:)``: a failure here loses no
/// fact, and the documents are written again after the next event.
public struct DocumentError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file or folder that could not be written.
    public var path: String
    /// What was being done: `mkdir`, `open`, `write`, `fsync`, `rename`.
    public var operation: String
    /// The system error number.
    public var errno: Int32
    /// Message in French: what happened and what to do.
    public var fr: String
    /// Message in English.
    public var en: String

    /// Builds the message for a failed `operation` on `path` with `errno`.
    public init(path: String, operation: String, errno code: Int32) {
        self.path = path; self.operation = operation; self.errno = code
        let sys = String(cString: strerror(code))
        let kept = Self.afterNextEvent
        switch code {
        case ELOOP where operation == "owner":
            fr =
                "« \(path) » existe, n'est pas vide et ne vous appartient pas (ou n'est pas un dossier ordinaire) : "
                + "palabre n'y écrit pas. Choisissez un dossier vide ou à vous."
            en =
                "“\(path)” exists, is not empty and is not yours (or not a plain folder): palabre does not write "
                + "there. Choose an empty folder or one of your own."
        case ELOOP where operation == "chosen":
            fr = NoFollow.chosenLinkMessage(path, .fr) + kept.0
            en = NoFollow.chosenLinkMessage(path, .en) + kept.1
        case ELOOP:
            fr = NoFollow.linkMessage(path, .fr) + kept.0
            en = NoFollow.linkMessage(path, .en) + kept.1
        case ENOSPC, EDQUOT:
            fr =
                "Impossible d'écrire « \(path) » : le disque est plein (\(sys)). Libérez de la place (supprimez de "
                + "vieux fichiers) ou choisissez un autre dossier de sortie." + kept.0
            en =
                "Cannot write “\(path)”: the disk is full (\(sys)). Free some space (delete old files) or choose "
                + "another output folder." + kept.1
        case EACCES, EPERM, EROFS:
            fr =
                "Impossible d'écrire « \(path) » : accès refusé (\(sys)). Vérifiez que le dossier vous appartient "
                + "et n'est pas en lecture seule, ou choisissez un autre dossier de sortie." + kept.0
            en =
                "Cannot write “\(path)”: permission denied (\(sys)). Check that the folder is yours and not "
                + "read-only, or choose another output folder." + kept.1
        case ENOTDIR, ENOENT, EEXIST:
            fr =
                "Impossible d'écrire « \(path) » : le chemin n'est pas un dossier utilisable (\(sys)). Vérifiez le "
                + "chemin du dossier de sortie (un fichier porte peut-être ce nom)." + kept.0
            en =
                "Cannot write “\(path)”: the path is not a usable folder (\(sys)). Check the output folder path (a "
                + "file may have that name)." + kept.1
        default:
            fr =
                "Impossible d'écrire « \(path) » (\(operation) : \(sys)). Vérifiez le disque et le dossier de "
                + "sortie, puis réessayez." + kept.0
            en =
                "Cannot write “\(path)” (\(operation): \(sys)). Check the disk and the output folder, then try "
                + "again." + kept.1
        }
    }

    /// The message in `language`.
    public func message(_ language: Language) -> String { language == .fr ? fr : en }
    public var description: String { en }

    /// What a writer of the session's documents after each event adds: they will be written again.
    private static let afterNextEvent = (
        " Le journal est intact : les documents seront régénérés après le prochain événement.",
        " The journal is intact: the documents will be written again after the next event."
    )

    /// The same error told to someone who ran `command` (`palabre minutes`, perhaps with `--out`):
    /// no event will write those documents again, the command will.
    public func retold(rerunning command: String) -> DocumentError {
        var e = self
        if e.fr.hasSuffix(Self.afterNextEvent.0) {
            e.fr =
                String(e.fr.dropLast(Self.afterNextEvent.0.count))
                + " Le journal est intact : relancez « \(command) » une fois le problème réglé."
        }
        if e.en.hasSuffix(Self.afterNextEvent.1) {
            e.en =
                String(e.en.dropLast(Self.afterNextEvent.1.count))
                + " The journal is intact: run “\(command)” again once the problem is solved."
        }
        return e
    }
}

/// The documents of a session, regenerated from its state after every event.
///
/// | file | content |
/// |---|---|
/// | `minutes.md` | the minutes (compte rendu): head, participants, proceedings, commitments, next steps, annexes |
/// | `recommendations.md` | the recommendations, numbered, with addressee, responsible, deadline and item |
/// | `commitments.csv` | one row per commitment not retracted |
/// | `actions.csv` | the action plan |
/// | `attendance.csv` | one row per participant and day checked in |
/// | `timing.csv` | planned and actual times of every agenda item |
/// | `speaking.csv` | speaking time per item and speaker |
/// | `synthesis.md` | the synthesis of priority actions per commune: fiches, amounts, suggested partners, commitments |
/// | `commitments.md` | the commitments matrix, withdrawn commitments in a separate list |
/// | `synergies.csv` | one row per fiche × partner linked (suggested, interest, synergy, committed) |
///
/// CSV files are UTF-8 with a byte-order mark, `;`-separated, with CRLF line ends.
public enum Documents {
    /// Names of the files ``render(_:options:)`` returns, in that order.
    public static let fileNames = [
        "minutes.md", "recommendations.md", "commitments.csv", "actions.csv",
        "attendance.csv", "timing.csv", "speaking.csv", "synthesis.md", "commitments.md",
        "synergies.csv", "followup.md", "followup.csv",
    ]

    /// All documents as (file name, bytes), deterministic for a given state and options. With a
    /// `cache` (one per writer, see ``DocumentCache``), what the last rendering made and the state
    /// did not change is used again: the bytes are the same.
    ///
    /// ```swift
    /// for doc in Documents.render(store.state, options: DocumentOptions(language: .fr, now: clock.now())) { … }
    /// ```
    public static func render(
        _ state: SessionState, options: DocumentOptions, cache: DocumentCache? = nil
    ) -> [(name: String, data: Data)] {
        let ctx = DocContext(state, options)
        let board = SynergyBoard(state)
        var minutes = MinutesDocument(ctx, board: board, cache: cache)
        return [("minutes.md", Data(minutes.render().utf8))]
            + render(state, options: options, context: ctx, board: board)
    }

    /// Every document but the minutes, in the order of ``fileNames``.
    private static func render(
        _ state: SessionState, options: DocumentOptions, context ctx: DocContext, board: SynergyBoard
    ) -> [(name: String, data: Data)] {
        [
            ("recommendations.md", Data(RecommendationsDocument(ctx).render().utf8)),
            ("commitments.csv", CSVDocuments.commitments(ctx)),
            ("actions.csv", CSVDocuments.actions(ctx)),
            ("attendance.csv", CSVDocuments.attendance(ctx)),
            ("timing.csv", CSVDocuments.timing(ctx)),
            ("speaking.csv", CSVDocuments.speaking(ctx)),
            ("synthesis.md", Data(SynergyDocuments.synthesis(ctx, board).utf8)),
            ("commitments.md", Data(SynergyDocuments.matrix(ctx, board).utf8)),
            ("synergies.csv", SynergyDocuments.csv(ctx, board)),
            ("followup.md", Data(FollowUpDocuments(ctx).markdown().utf8)),
            ("followup.csv", FollowUpDocuments(ctx).csv()),
        ]
    }

    /// Writes the documents into `dir` (created with mode 0700 when missing) as one set: a kill at
    /// any moment leaves either the old ten documents or the new ten, never a mix.
    ///
    /// Under an exclusive `flock` on the folder holding `dir` (every writer of documents takes it),
    /// the documents are written and fsync'ed into a new hidden folder beside `dir`
    /// (`.out.new-PID-N`), the other files of `dir` (DOCX exports, a user's own files) are linked
    /// or moved into it, and the two folders are swapped in one `renameat2(RENAME_EXCHANGE)`; the
    /// old set is then removed. Hidden folders and temporary files left by a killed writer are
    /// removed at the next write. Where the folder beside `dir` cannot be written (a `--out` in a
    /// folder that is not the user's) or `dir` belongs to another user, the documents are written
    /// in place (``writeEach(_:to:keepMode:)``); where the file system cannot exchange two names in
    /// one step, the folders are swapped in two renames, the old set put back if the second fails.
    ///
    /// ```swift
    /// try Documents.write(store.state, to: SessionStore.outPath(folder), options: options)
    /// ```
    /// Throws ``DocumentError`` (disk full, permission denied, path not a folder…); the documents
    /// in `dir` are then left as they were and no temporary file or folder is left behind.
    ///
    /// A folder the user chose (`chosen`, `--out`) is written into in place, never replaced: its
    /// inode, mode, group and the other files in it stay as they were. Its documents are all made
    /// before any is renamed into place (``writeEach(_:to:keepMode:)``). A `cache` is passed on
    /// to ``render(_:options:cache:)``.
    public static func write(
        _ state: SessionState, to dir: String, options: DocumentOptions, chosen: Bool = false,
        cache: DocumentCache? = nil
    ) throws {
        let docs = renderForWriting(state, options: options, cache: cache)
        if chosen {
            try ensureDirectory(dir)
            try writeEach(docs, to: dir, keepMode: true)
        } else {
            try DocumentSet.write(docs, to: dir)
        }
    }

    /// What a document written to disk is: its bytes, or a renderer that writes them into the
    /// file (its first argument) as they are made, with a scratch file beside it (the second).
    enum Content {
        case data(Data)
        case streamed((DocumentFile, DocumentFile) -> Void)
    }

    /// The documents of ``render(_:options:cache:)`` as they are written: the same bytes, the
    /// minutes rendered into their file as they are made when no `cache` keeps their lines (a
    /// document of tens of megabytes is then never held in memory whole).
    static func renderForWriting(
        _ state: SessionState, options: DocumentOptions, cache: DocumentCache?
    ) -> [(name: String, content: Content)] {
        guard cache == nil else {
            return render(state, options: options, cache: cache).map { ($0.name, .data($0.data)) }
        }
        let ctx = DocContext(state, options)
        let board = SynergyBoard(state)
        let minutes = MinutesDocument(ctx, board: board)
        return [
            (
                "minutes.md",
                .streamed { out, scratch in
                    var minutes = minutes
                    minutes.render(into: out, scratch: scratch)
                }
            )
        ] + render(state, options: options, context: ctx, board: board).map { ($0.name, .data($0.data)) }
    }

    /// Writes `docs` into `dir` in place, then fsyncs the folder: a folder the user chose, and the
    /// fallback of ``DocumentSet``. Every document is first written whole and fsync'ed into a
    /// temporary file beside its name; only then are they renamed over the documents, one after
    /// the other. A failure or a kill while they are made (seconds for a long journal) leaves the
    /// documents as they were; only a kill among the renames themselves (microseconds) can leave
    /// some new and some old. The temporary files of a killed writer are removed at the next write.
    /// `keepMode` leaves the folder's mode as it is (a folder the user chose). Throws
    /// ``DocumentError``.
    static func writeEach(_ docs: [(name: String, content: Content)], to dir: String, keepMode: Bool = false) throws {
        let dfd = try openDirectory(dir)
        defer { NoFollow.close(dfd) }
        // Owner only, even for a folder made by other means (never through a link).
        if !keepMode { _ = fchmod(dfd, 0o700) }
        DocumentSet.removeOrphanTemporaries(in: dfd, dir: dir)
        var staged: [(tmp: String, name: String)] = []
        do {
            for doc in docs { staged.append((try stage(doc.content, named: doc.name, in: dfd, dir: dir), doc.name)) }
        } catch {
            for s in staged { unlinkat(dfd, s.tmp, 0) }
            throw error
        }
        for (i, s) in staged.enumerated() {
            do { try commit(s.tmp, as: s.name, in: dfd, dir: dir) } catch {
                for rest in staged[(i + 1)...] { unlinkat(dfd, rest.tmp, 0) }
                throw error
            }
        }
        if fsync(dfd) != 0 && errno != EINVAL { throw DocumentError(path: dir, operation: "fsync", errno: errno) }
    }

    /// Refuses a folder chosen with `--out` that exists, is not empty, and is not a plain folder
    /// owned by the user (a link, a file, someone else's folder). A missing folder is fine.
    /// Throws ``DocumentError``.
    public static func checkChosenFolder(_ dir: String) throws {
        var st = stat()
        guard lstat(dir, &st) == 0 else {
            if errno == ENOENT { return }
            throw DocumentError(path: dir, operation: "stat", errno: errno)
        }
        if (st.st_mode & S_IFMT) == S_IFLNK { throw DocumentError(path: dir, operation: "chosen", errno: ELOOP) }
        guard (st.st_mode & S_IFMT) == S_IFDIR else {
            throw DocumentError(path: dir, operation: "mkdir", errno: ENOTDIR)
        }
        if st.st_uid != geteuid() {
            let entries = try? FileManager.default.contentsOfDirectory(atPath: dir)
            if entries.map({ !$0.isEmpty }) ?? true {
                throw DocumentError(path: dir, operation: "owner", errno: ELOOP)
            }
        }
    }

    // MARK: file system

    /// Creates `dir` (and missing parents) with mode 0700; refuses a `dir` that is a link or not a
    /// folder. Throws ``DocumentError``.
    public static func ensureDirectory(_ dir: String) throws {
        var st = stat()
        if lstat(dir, &st) == 0 {
            if (st.st_mode & S_IFMT) == S_IFLNK { throw DocumentError(path: dir, operation: "open", errno: ELOOP) }
            guard (st.st_mode & S_IFMT) == S_IFDIR else {
                throw DocumentError(path: dir, operation: "mkdir", errno: ENOTDIR)
            }
            return
        }
        let parent = Paths.parent(dir)
        if !parent.isEmpty && parent != dir && stat(parent, &st) != 0 { try ensureDirectory(parent) }
        if mkdir(dir, 0o700) != 0 && errno != EEXIST {
            throw DocumentError(path: dir, operation: "mkdir", errno: errno)
        }
    }

    /// Opens the folder `dir` itself, never through a link. Throws ``DocumentError``.
    static func openDirectory(_ dir: String) throws -> Int32 {
        do {
            return try NoFollow.open(dir, .readOnly, options: [.directory])
        } catch .link(let p) {
            throw DocumentError(path: p, operation: "open", errno: ELOOP)
        } catch .system(let p, let e) {
            throw DocumentError(path: p, operation: "open", errno: e)
        }
    }

    /// Fsyncs the folder `dir` (opened without following a link), so that renames survive a power cut.
    static func fsyncDirectory(_ dir: String) throws {
        let fd = try openDirectory(dir)
        defer { NoFollow.close(fd) }
        if fsync(fd) != 0 && errno != EINVAL { throw DocumentError(path: dir, operation: "fsync", errno: errno) }
    }

    /// Writes `data` to `path` atomically, in a folder opened without following links.
    static func writeAtomically(_ data: Data, to path: String) throws {
        let dir = Paths.parent(path)
        let dfd = try openDirectory(dir.isEmpty ? "." : dir)
        defer { NoFollow.close(dfd) }
        try writeAtomically(data, named: (path as NSString).lastPathComponent, in: dfd, dir: dir)
    }

    /// Writes `data` as `name` in the folder `dfd` (`dir` names it in messages): a temporary file
    /// created beside it (never a link: `O_EXCL`), written, fsync'ed, renamed over `name`.
    static func writeAtomically(_ data: Data, named name: String, in dfd: Int32, dir: String) throws {
        try writeAtomically(.data(data), named: name, in: dfd, dir: dir)
    }

    /// Writes `content` as `name` in the folder `dfd` (`dir` names it in messages), as
    /// ``writeAtomically(_:named:in:dir:)-(Data,_,_,_)`` does; a streamed document's scratch file
    /// is made beside it and unlinked at once (nothing is left of it after a kill).
    static func writeAtomically(_ content: Content, named name: String, in dfd: Int32, dir: String) throws {
        let tmp = try stage(content, named: name, in: dfd, dir: dir)
        try commit(tmp, as: name, in: dfd, dir: dir)
    }

    /// Writes `content` into a new temporary file beside `name` in the folder `dfd` (`dir` names it
    /// in messages), fsync'ed and closed, and returns the temporary file's name for
    /// ``commit(_:as:in:dir:)``; it has the mode (and, for root, the owner) of the file it will
    /// replace, 0600 when there is none. Throws ``DocumentError``; nothing is left behind then.
    static func stage(_ content: Content, named name: String, in dfd: Int32, dir: String) throws -> String {
        let path = (dir as NSString).appendingPathComponent(name)
        let tmp = ".\(name).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = openat(dfd, tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw DocumentError(path: path, operation: "open", errno: errno) }
        // A document replaced in place keeps what was given to the one it replaces: its mode, and
        // its owner and group when root writes it (a folder shared with another account).
        var old = stat()
        if fstatat(dfd, name, &old, AT_SYMLINK_NOFOLLOW) == 0, (old.st_mode & S_IFMT) == S_IFREG {
            _ = fchmod(fd, old.st_mode & 0o7777)
            if geteuid() == 0 { _ = fchown(fd, old.st_uid, old.st_gid) }
        }
        func fail(_ op: String, _ code: Int32) -> DocumentError {
            close(fd); unlinkat(dfd, tmp, 0)
            return DocumentError(path: path, operation: op, errno: code)
        }
        let out = DocumentFile(fd: fd, path: path)
        switch content {
        case .data(let data):
            data.withUnsafeBytes { out.write(raw: $0) }
        case .streamed(let render):
            let scratchName = ".\(name).body.tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
            let sfd = openat(dfd, scratchName, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            guard sfd >= 0 else { throw fail("open", errno) }
            unlinkat(dfd, scratchName, 0)
            defer { close(sfd) }
            render(out, DocumentFile(fd: sfd, path: path))
        }
        out.flush()
        if let f = out.failure { throw fail(f.operation, f.errno) }
        if fsync(fd) != 0 { throw fail("fsync", errno) }
        if close(fd) != 0 {
            let e = errno; unlinkat(dfd, tmp, 0); throw DocumentError(path: path, operation: "close", errno: e)
        }
        return tmp
    }

    /// Renames the temporary file `tmp` made by ``stage(_:named:in:dir:)`` over `name`. Throws
    /// ``DocumentError``; the temporary file is removed then.
    static func commit(_ tmp: String, as name: String, in dfd: Int32, dir: String) throws {
        // rename replaces a link named `name` itself, never the file it points to.
        if renameat(dfd, tmp, dfd, name) != 0 {
            let e = errno; unlinkat(dfd, tmp, 0)
            throw DocumentError(path: (dir as NSString).appendingPathComponent(name), operation: "rename", errno: e)
        }
    }
}
