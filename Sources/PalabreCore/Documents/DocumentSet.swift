import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The documents of a folder replaced as one set: written into a new folder beside it, then the
/// two folders swapped in one step, so a reader (or a kill) never finds old and new mixed.
/// See ``Documents/write(_:to:options:)``.
enum DocumentSet {
    /// `renameat2(2)`, found at run time (the Glibc module does not import it).
    private typealias RenameAt2 =
        @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    private static let renameat2: RenameAt2? = {
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
    }()

    /// `RENAME_EXCHANGE` of `<stdio.h>`: swap the two names atomically.
    private static let renameExchange: UInt32 = 1 << 1

    /// Writes `docs` into `dir` as one set (see ``Documents/write(_:to:options:)``).
    /// Throws ``DocumentError``.
    static func write(_ docs: [(name: String, content: Documents.Content)], to dir: String) throws {
        try Documents.ensureDirectory(dir)
        let name = (dir as NSString).lastPathComponent
        guard !name.isEmpty, name != ".", name != "..", name != "/" else {
            return try Documents.writeEach(docs, to: dir)
        }
        // Someone else's folder is never swapped away from them (nor could its old set be removed):
        // it is written in place, its mode kept, or refused with the system's reason.
        var st = stat()
        if lstat(dir, &st) == 0, st.st_uid != geteuid() {
            return try Documents.writeEach(docs, to: dir, keepMode: true)
        }
        try withLock(dir) { pfd, parent in
            removeOrphanSets(pfd, parent: parent, name: name, dir: dir)
            let staging = ".\(name).new-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
            guard mkdirat(pfd, staging, 0o700) == 0 else {
                // A folder beside `dir` we may not write (a --out elsewhere): one file at a time.
                if [EACCES, EPERM, EROFS].contains(errno) { return try Documents.writeEach(docs, to: dir) }
                throw DocumentError(
                    path: (parent as NSString).appendingPathComponent(staging), operation: "mkdir", errno: errno)
            }
            let stagingPath = (parent as NSString).appendingPathComponent(staging)
            defer {
                // After the swap the hidden folder holds the old set; before it, the unfinished new one.
                restoreOthers(from: stagingPath, to: dir)
                try? FileManager.default.removeItem(atPath: stagingPath)
            }
            let sfd = openat(pfd, staging, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard sfd >= 0 else { throw DocumentError(path: stagingPath, operation: "open", errno: errno) }
            defer { close(sfd) }
            for doc in docs {
                try Documents.writeAtomically(doc.content, named: doc.name, in: sfd, dir: dir)
            }
            try carryOthers(from: dir, into: sfd, skipping: Set(docs.map(\.name)))
            if fsync(sfd) != 0 && errno != EINVAL { throw DocumentError(path: dir, operation: "fsync", errno: errno) }
            try swap(pfd, staging, name, dir: dir)
            if fsync(pfd) != 0 && errno != EINVAL {
                throw DocumentError(path: parent, operation: "fsync", errno: errno)
            }
        }
    }

    /// Runs `body` holding the exclusive lock of the documents in `dir`: an `flock` on the folder
    /// that holds it, taken by every writer of documents and by the export's last step.
    /// `body` gets the descriptor and path of that folder. Throws ``DocumentError``.
    static func withLock<T>(_ dir: String, _ body: (Int32, String) throws -> T) throws -> T {
        let p = Paths.parent(dir)
        let parent = p.isEmpty ? "." : p
        let pfd = open(parent, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard pfd >= 0 else { throw DocumentError(path: parent, operation: "open", errno: errno) }
        defer { close(pfd) }
        while flock(pfd, LOCK_EX) != 0 {
            if errno != EINTR { throw DocumentError(path: parent, operation: "lock", errno: errno) }
        }
        defer { flock(pfd, LOCK_UN) }
        return try body(pfd, parent)
    }

    /// Swaps the folders `staging` and `name` of `pfd`: `name` then holds the new set, `staging` the old.
    private static func swap(_ pfd: Int32, _ staging: String, _ name: String, dir: String) throws {
        if let exchange = renameat2, exchange(pfd, staging, pfd, name, renameExchange) == 0 { return }
        // No atomic exchange on this file system: two renames, the old set put back on failure.
        let old = ".\(name).old-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        guard renameat(pfd, name, pfd, old) == 0 else {
            throw DocumentError(path: dir, operation: "rename", errno: errno)
        }
        guard renameat(pfd, staging, pfd, name) == 0 else {
            let e = errno
            _ = renameat(pfd, old, pfd, name)
            throw DocumentError(path: dir, operation: "rename", errno: e)
        }
        _ = renameat(pfd, old, pfd, staging)
    }

    /// Links (or, for folders and files that cannot be linked, moves) every entry of `dir` other
    /// than the documents and temporary files into the folder `sfd`: DOCX exports and a user's own
    /// files stay in the documents folder across the swap.
    private static func carryOthers(from dir: String, into sfd: Int32, skipping names: Set<String>) throws {
        let dfd = try Documents.openDirectory(dir)
        defer { NoFollow.close(dfd) }
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [] {
            if names.contains(entry) || isOrphanTemporary(entry) { continue }
            var st = stat()
            guard fstatat(dfd, entry, &st, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
            let isDir = (st.st_mode & S_IFMT) == S_IFDIR
            if !isDir && linkat(dfd, entry, sfd, entry, 0) == 0 { continue }
            if renameat(dfd, entry, sfd, entry) != 0 {
                throw DocumentError(
                    path: (dir as NSString).appendingPathComponent(entry), operation: "rename", errno: errno)
            }
        }
    }

    /// Moves back into `dir` the entries of the hidden folder `from` that are not documents and
    /// that `dir` lacks (what a writer killed before its swap had moved), so that nothing but
    /// documents is ever removed with an old set.
    private static func restoreOthers(from: String, to dir: String) {
        let names = Set(Documents.fileNames)
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: from)) ?? [] {
            if names.contains(entry) || isOrphanTemporary(entry) { continue }
            let target = (dir as NSString).appendingPathComponent(entry)
            var st = stat()
            if lstat(target, &st) == 0 { continue }
            _ = rename((from as NSString).appendingPathComponent(entry), target)
        }
    }

    /// Removes the hidden folders a killed writer left beside `dir` (the lock is held: no writer is
    /// using them), after moving back what is not a document.
    private static func removeOrphanSets(_ pfd: Int32, parent: String, name: String, dir: String) {
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? [] {
            guard entry.hasPrefix(".\(name).new-") || entry.hasPrefix(".\(name).old-") else { continue }
            let path = (parent as NSString).appendingPathComponent(entry)
            restoreOthers(from: path, to: dir)
            try? FileManager.default.removeItem(atPath: path)
        }
    }

    /// Whether `entry` is a temporary file of ``Documents/writeAtomically(_:named:in:dir:)``
    /// (`.minutes.md.tmp-PID-N`) or of a decision snapshot (`.decisions.tmp-PID`) whose writer is
    /// no longer running. Only names of exactly that shape: a hidden file of the user's own
    /// (`.notes.tmp-sauvegarde`) is never taken for one.
    static func isOrphanTemporary(_ entry: String) -> Bool {
        guard entry.hasPrefix("."), let tail = entry.components(separatedBy: ".tmp-").dropFirst().last else {
            return false
        }
        let parts = tail.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) }),
            parts.allSatisfy({ $0.allSatisfy(\.isNumber) }), let pid = Int32(parts[0]), pid > 0
        else { return false }
        return kill(pid, 0) != 0 && errno == ESRCH
    }

    /// Removes from the folder `dfd` (`dir`) the temporary files of writers no longer running.
    static func removeOrphanTemporaries(in dfd: Int32, dir: String) {
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [] where isOrphanTemporary(entry) {
            _ = unlinkat(dfd, entry, 0)
        }
    }
}
