import Foundation
import SystemPackage

#if canImport(Glibc)
    import Glibc
#endif

/// Opening the files of a session without following symbolic links.
///
/// A session folder may come from someone else (a copy, an archive, a shared drive): a
/// `journal.jsonl`, `.facilitator` or `out` that is a link to another file would make palabre
/// write, lock, truncate or chmod that file. Every file palabre opens for writing or locking in a
/// session goes through here: opened with `O_NOFOLLOW`, and a link is refused by name.
public enum NoFollow {
    /// Why a file could not be opened.
    public enum Failure: Error, Sendable, Equatable {
        /// The path is a symbolic link: it was not followed.
        case link(path: String)
        /// The system refused (`errno`: EACCES for permission denied, ENOENT…).
        case system(path: String, errno: Int32)
    }

    /// Opens `path` without following a link in its last component; returns the raw descriptor
    /// (the caller closes it). Throws ``Failure/link(path:)`` when `path` is a symbolic link.
    public static func open(
        _ path: String, _ mode: FileDescriptor.AccessMode, options: FileDescriptor.OpenOptions = [],
        permissions: FilePermissions? = nil
    ) throws(Failure) -> Int32 {
        do {
            let fd = try FileDescriptor.open(
                FilePath(path), mode, options: options.union([.noFollow, .closeOnExec]), permissions: permissions,
                retryOnInterrupt: true)
            return fd.rawValue
        } catch {
            let error = error as? Errno ?? .ioError
            // O_NOFOLLOW on a link fails with ELOOP (EMLINK on some BSDs).
            if (error == .tooManySymbolicLinkLevels || error == .tooManyLinks) && isLink(path) {
                throw .link(path: path)
            }
            throw .system(path: path, errno: error.rawValue)
        }
    }

    /// Whether `path` itself is a symbolic link (not followed).
    public static func isLink(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFLNK
    }

    /// Closes a descriptor opened by ``open(_:_:options:permissions:)``.
    public static func close(_ fd: Int32) {
        try? FileDescriptor(rawValue: fd).close()
    }

    /// The message for a refused link, in `language`.
    public static func linkMessage(_ path: String, _ language: Language) -> String {
        language == .fr
            ? "« \(path) » est un lien symbolique\u{00A0}: palabre ne le suit pas (il pourrait faire écrire hors de la "
                + "session). Remplacez-le par un fichier ou un dossier ordinaire, puis réessayez."
            : "“\(path)” is a symbolic link: palabre does not follow it (it could make it write outside the "
                + "session). Replace it with a plain file or folder, then try again."
    }

    /// The message for a folder chosen with `--out` that is a symbolic link, in `language`.
    public static func chosenLinkMessage(_ path: String, _ language: Language) -> String {
        language == .fr
            ? "« \(path) » est un lien symbolique\u{00A0}: palabre n'écrit pas à travers un lien. Donnez le dossier "
                + "vers lequel il pointe, puis réessayez."
            : "“\(path)” is a symbolic link: palabre does not write through a link. Give the folder it points to, "
                + "then try again."
    }

    /// The message for permission denied on `path`, in `language`.
    public static func permissionMessage(_ path: String, _ language: Language) -> String {
        language == .fr
            ? "« \(path) »\u{00A0}: permission refusée (permission denied). Vérifiez que le dossier de session et ses "
                + "fichiers vous sont accessibles (ls -l), puis réessayez."
            : "“\(path)”: permission denied. Check that the session folder and its files are yours to read "
                + "(ls -l), then try again."
    }
}
