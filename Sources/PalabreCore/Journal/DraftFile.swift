import Foundation

/// A seat's unsent draft, kept beside the journal so that a quit, a crash or a dropped SSH link
/// does not lose it: `.draft-<seat>.json` in the session folder, readable by its owner only,
/// written atomically (temporary file, fsync, rename). The content is the console's to define;
/// this type only keeps bytes.
///
/// Two consoles of one seat (two rapporteurs) each keep their own: ``claim(folder:seat:)``
/// takes the first slot no running process holds (`.draft-rapporteur.json`, then
/// `.draft-rapporteur-2.json`…), locked for the life of the process.
public final class DraftFile: @unchecked Sendable {
    /// Path of the file.
    public let path: String
    /// The lock on the slot, held until this object goes away.
    private let lockFD: Int32?

    /// The draft file of `seat` in the session `folder` (the first slot, not locked).
    public init(folder: String, seat: String) {
        path = Self.path(folder, seat, slot: 1)
        lockFD = nil
    }

    private init(path: String, lockFD: Int32) {
        self.path = path
        self.lockFD = lockFD
    }

    deinit { if let lockFD { close(lockFD) } }

    private static func path(_ folder: String, _ seat: String, slot: Int) -> String {
        (folder as NSString).appendingPathComponent(".draft-\(seat)\(slot == 1 ? "" : "-\(slot)").json")
    }

    /// A draft slot of `seat` that no other running console holds, locked until the returned
    /// object goes away: the first one holding a draft left by a console that is gone, else the
    /// first free one; nil when none can be locked (drafts are then not kept).
    public static func claim(folder: String, seat: String) -> DraftFile? {
        let slots = 1...16
        let paths = slots.map { path(folder, seat, slot: $0) }
        let withDraft = paths.filter { FileManager.default.fileExists(atPath: $0) }
        for path in withDraft + paths {
            let fd = open(path + ".lock", O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
            guard fd >= 0 else { return nil }
            if flock(fd, LOCK_EX | LOCK_NB) == 0 { return DraftFile(path: path, lockFD: fd) }
            close(fd)
        }
        return nil
    }

    /// The saved draft, or nil when there is none (or it cannot be read).
    public func load() -> Data? {
        guard let fd = try? NoFollow.open(path, .readOnly) else { return nil }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        return try? handle.readToEnd()
    }

    /// Saves `data` (nil removes the file). Throws ``JournalError/io(path:operation:errno:)`` or
    /// ``JournalError/diskFull(path:)``; the previous draft stays whole on failure.
    public func save(_ data: Data?) throws {
        guard let data else {
            if unlink(path) != 0 && errno != ENOENT {
                throw JournalError.io(path: path, operation: "unlink", errno: errno)
            }
            return
        }
        let tmp = path + ".tmp"
        _ = unlink(tmp)
        let fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw JournalError.io(path: tmp, operation: "create", errno: errno) }
        var ok = false
        defer { close(fd); if !ok { _ = unlink(tmp) } }
        try writeFully(fd, data, path: tmp)
        guard fsync(fd) == 0 else { throw JournalError.io(path: tmp, operation: "fsync", errno: errno) }
        guard rename(tmp, path) == 0 else { throw JournalError.io(path: path, operation: "rename", errno: errno) }
        ok = true
    }
}
