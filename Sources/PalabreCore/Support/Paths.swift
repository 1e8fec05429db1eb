import Foundation
import SystemPackage

/// Path arithmetic on the strings users type.
///
/// `NSString.deletingLastPathComponent` of this toolchain's Foundation stops the process on a
/// one-character last component (`--out o`, a session folder `a`): every parent of a path is
/// taken here instead, with swift-system's `FilePath`.
public enum Paths {
    /// The folder holding `path`: `a/b/c` → `a/b`, `o` → `` (empty: the current folder), `/x` → `/`.
    /// A trailing `/` does not count as a component (`a/` → ``).
    public static func parent(_ path: String) -> String {
        FilePath(path).removingLastComponent().string
    }

    /// `name` as written in a session's files (`../segou-2023`, `../directory`) seen from
    /// `folder`: an absolute name as it is, else joined to `folder` with `.` and `..` resolved.
    public static func resolve(_ name: String, from folder: String) -> String {
        name.hasPrefix("/") ? name : URL(fileURLWithPath: folder).appendingPathComponent(name).standardizedFileURL.path
    }

    /// `path` as a folder the user chose (`--out`): without a trailing `/`, which would make the
    /// system look through a link of that name before palabre could refuse it (`out/` → `out`;
    /// `/` stays).
    public static func chosenFolder(_ path: String) -> String {
        let p = FilePath(path).string
        return p.isEmpty ? path : p
    }

    /// The folder holding `path`, `.` when it is in the current folder.
    public static func folder(of path: String) -> String {
        let p = parent(path)
        return p.isEmpty ? "." : p
    }
}
