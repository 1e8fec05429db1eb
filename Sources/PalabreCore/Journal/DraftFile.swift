import Foundation

/// A seat's unsent draft, kept beside the journal so that a quit, a crash or a dropped SSH link
/// does not lose it: `.draft-<seat>.json` in the session folder, readable by its owner only,
/// written atomically (temporary file, fsync, rename). The content is the console's to define;
/// this type only keeps bytes.
public struct DraftFile: Sendable {
    /// Path of the file.
    public let path: String

    /// The draft file of `seat` in the session `folder`.
    public init(folder: String, seat: String) {
        path = (folder as NSString).appendingPathComponent(".draft-\(seat).json")
    }

    /// The saved draft, or nil when there is none (or it cannot be read).
    public func load() -> Data? {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return nil }
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
