import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Who holds the facilitator seat of a session: written in `.facilitator` beside the journal.
public struct SeatHolder: Codable, Sendable, Equatable {
    /// Host name of the machine running the seat.
    public var host: String
    /// Process id on that host.
    public var pid: Int32
    /// When the seat was taken.
    public var since: Instant
    /// Terminal device, when known (`/dev/pts/3`).
    public var tty: String?
}

/// Why the facilitator seat could not be taken.
public enum SeatLockError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Another live process holds it.
    case held(SeatHolder)
    /// The lock file could not be opened.
    case io(path: String, errno: Int32)
    /// The lock file is a symbolic link: palabre does not follow it.
    case link(path: String)

    /// The message in `language`.
    public func message(_ language: Language) -> String {
        guard language == .fr else { return description }
        switch self {
        case .held(let h):
            return
                "le poste de modération est déjà occupé par le processus \(h.pid) sur "
                + "\(h.host)\(h.tty.map { " (\($0))" } ?? "") depuis \(RFC3339.format(h.since, offsetSeconds: 0)). "
                + "Rejoignez la session sur un autre poste (--seat rapporteur, projector ou observer) ou, si "
                + "cet ordinateur est hors service, reprenez le poste avec --take-over."
        case .link(let p):
            return NoFollow.linkMessage(p, .fr)
        case .io(let p, let e) where e == EACCES || e == EPERM:
            return NoFollow.permissionMessage(p, .fr)
        case .io(let p, let e):
            return "\(p) : impossible d'ouvrir le verrou du poste (\(String(cString: strerror(e))))."
        }
    }

    public var description: String {
        switch self {
        case .held(let h):
            return
                "the facilitator seat is already taken by process \(h.pid) on "
                + "\(h.host)\(h.tty.map { " (\($0))" } ?? "") since \(RFC3339.format(h.since, offsetSeconds: 0)). "
                + "Attach as another seat (--seat rapporteur, projector or observer), or, if that laptop is "
                + "gone, take the seat over with --take-over."
        case .link(let p):
            return NoFollow.linkMessage(p, .en)
        case .io(let p, let e) where e == EACCES || e == EPERM:
            return NoFollow.permissionMessage(p, .en)
        case .io(let p, let e):
            return "\(p): cannot open the seat lock (\(String(cString: strerror(e))))."
        }
    }
}

/// The exclusive facilitator seat of a session: an `flock` on `.facilitator` held for the life
/// of the process, so a process that dies (crash, power cut, `kill -9`) frees it at once.
public final class SeatLock {
    /// Path of the lock file.
    public let path: String
    private let fd: Int32
    /// What happened when the seat was taken, for the user: a take-over, or a previous holder
    /// that was no longer running.
    public private(set) var notice: Notice?

    /// What happened when the seat was taken.
    public enum Notice: Sendable, Equatable {
        case tookOver(SeatHolder)
        case previousGone(SeatHolder)

        /// The notice in `language`.
        public func message(_ language: Language) -> String {
            switch (self, language) {
            case (.tookOver(let h), .fr): return "poste de modération repris au processus \(h.pid) sur \(h.host)"
            case (.tookOver(let h), .en): return "facilitator seat taken over from process \(h.pid) on \(h.host)"
            case (.previousGone(let h), .fr):
                return "le modérateur précédent (processus \(h.pid) sur \(h.host)) ne " + "tournait plus : poste repris"
            case (.previousGone(let h), .en):
                return "the previous facilitator (process \(h.pid) on \(h.host)) is no " + "longer running; seat taken"
            }
        }
    }

    /// Takes the facilitator seat of `folder`.
    ///
    /// A live holder makes it throw ``SeatLockError/held(_:)``, unless `takeOver` is set: the
    /// holder is then asked to leave (SIGHUP; it ends its seat cleanly) and, if still there
    /// after `patience` seconds, stopped (SIGTERM), and the seat is taken.
    public init(folder: String, takeOver: Bool = false, patience: Double = 3) throws {
        path = (folder as NSString).appendingPathComponent(".facilitator")
        // Never through a link: the holder would be written into (and on exit truncate) another file.
        do {
            fd = try NoFollow.open(path, .readWrite, options: [.create], permissions: [.ownerReadWrite])
        } catch .link(let p) {
            throw SeatLockError.link(path: p)
        } catch .system(let p, let e) {
            throw SeatLockError.io(path: p, errno: e)
        }
        let previous = Self.readHolder(fd)
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard takeOver, let holder = previous else {
                close(fd)
                throw SeatLockError.held(previous ?? SeatHolder(host: "?", pid: 0, since: Instant(ms: 0)))
            }
            if holder.host == Self.hostName(), holder.pid > 0 {
                kill(holder.pid, SIGHUP)
                // A duration on the monotonic clock: a step of the wall clock never shortens or
                // stretches the wait.
                let monotonic = SystemMonotonicClock()
                let deadline = monotonic.milliseconds() + Int64(patience * 1000)
                while flock(fd, LOCK_EX | LOCK_NB) != 0 {
                    if monotonic.milliseconds() > deadline { kill(holder.pid, SIGTERM); _ = flock(fd, LOCK_EX); break }
                    usleep(50_000)
                }
            } else {
                _ = flock(fd, LOCK_EX)
            }
            notice = .tookOver(holder)
        } else if let p = previous, p.pid != 0 {
            notice = .previousGone(p)
        }
        var tty: String?
        if let name = ttyname(0) { tty = String(cString: name) }
        let me = SeatHolder(host: Self.hostName(), pid: getpid(), since: Instant(Date()), tty: tty)
        if let data = try? JSONEncoder().encode(me) {
            _ = ftruncate(fd, 0)
            _ = data.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
            _ = fsync(fd)
        }
    }

    deinit { release() }

    private var released = false
    /// Frees the seat (also done when the process ends, whatever the cause).
    public func release() {
        guard !released else { return }
        released = true
        _ = ftruncate(fd, 0)
        flock(fd, LOCK_UN)
        close(fd)
    }

    /// The holder recorded in the lock file, if any.
    public static func holder(folder: String) -> SeatHolder? {
        let p = (folder as NSString).appendingPathComponent(".facilitator")
        guard let f = try? NoFollow.open(p, .readOnly) else { return nil }
        defer { NoFollow.close(f) }
        return readHolder(f)
    }

    private static func readHolder(_ fd: Int32) -> SeatHolder? {
        var buf = [UInt8](repeating: 0, count: 4096)
        let n = pread(fd, &buf, buf.count, 0)
        guard n > 0 else { return nil }
        return try? JSONDecoder().decode(SeatHolder.self, from: Data(buf[0..<n]))
    }

    static func hostName() -> String {
        var buf = [CChar](repeating: 0, count: 256)
        gethostname(&buf, buf.count)
        return String(decoding: buf.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
