import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A moment in time, as milliseconds since 1970-01-01T00:00:00Z.
///
/// Every timestamp in the journal and every timer is computed from instants, never by counting
/// ticks, so a sleeping laptop or a restart cannot freeze or skew a countdown.
public struct Instant: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Milliseconds since the Unix epoch.
    public var ms: Int64

    /// Creates an instant from milliseconds since the Unix epoch.
    public init(ms: Int64) { self.ms = ms }
    /// Creates an instant from a Foundation date (rounded down to the millisecond).
    public init(_ date: Date) { self.ms = Int64((date.timeIntervalSince1970 * 1000).rounded(.down)) }

    /// The same instant as a Foundation date.
    public var date: Date { Date(timeIntervalSince1970: Double(ms) / 1000) }
    /// Whole seconds from `other` to `self` (negative when `self` is earlier), rounded down.
    public func seconds(since other: Instant) -> Int { Int((ms - other.ms).floorDiv(1000)) }
    /// This instant moved by `seconds`.
    public func adding(seconds: Int) -> Instant { Instant(ms: ms + Int64(seconds) * 1000) }

    public static func < (a: Instant, b: Instant) -> Bool { a.ms < b.ms }
    public var description: String { RFC3339.format(self, offsetSeconds: 0) }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        guard let i = RFC3339.parse(s) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "not an RFC 3339 timestamp: \(s)")
        }
        self = i
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(RFC3339.format(self, offsetSeconds: 0))
    }
}

extension Int64 {
    /// Division rounding toward negative infinity.
    func floorDiv(_ d: Int64) -> Int64 {
        let q = self / d
        return (self % d != 0 && (self < 0) != (d < 0)) ? q - 1 : q
    }
}

/// RFC 3339 timestamps with milliseconds and a numeric offset (`2023-10-17T09:02:13.120+00:00`),
/// the format of `at` in the journal. Parsing accepts `Z`, `±hh:mm`, and 0–9 fraction digits.
public enum RFC3339 {
    /// Formats `instant` in local time at `offsetSeconds` east of UTC.
    public static func format(_ instant: Instant, offsetSeconds: Int) -> String {
        let localMs = instant.ms + Int64(offsetSeconds) * 1000
        let days = localMs.floorDiv(86_400_000)
        let msOfDay = Int(localMs - days * 86_400_000)
        let (y, m, d) = civil(fromDays: Int(days))
        let h = msOfDay / 3_600_000, mi = (msOfDay / 60_000) % 60, s = (msOfDay / 1000) % 60, ms = msOfDay % 1000
        let sign = offsetSeconds < 0 ? "-" : "+"
        let off = abs(offsetSeconds)
        let date = "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
        let time = "\(pad(h, 2)):\(pad(mi, 2)):\(pad(s, 2)).\(pad(ms, 3))"
        return date + "T" + time + "\(sign)\(pad(off / 3600, 2)):\(pad((off / 60) % 60, 2))"
    }

    /// Parses an RFC 3339 timestamp; nil when it is not one.
    public static func parse(_ s: String) -> Instant? {
        var u = Array(s.utf8)
        guard u.count >= 20 else { return nil }
        if u[10] == UInt8(ascii: "t") || u[10] == UInt8(ascii: " ") { u[10] = UInt8(ascii: "T") }
        func num(_ a: Int, _ n: Int) -> Int? {
            guard a + n <= u.count else { return nil }
            var v = 0
            for i in a..<(a + n) {
                let c = u[i]; guard c >= 48 && c <= 57 else { return nil }
                v = v * 10 + Int(c - 48)
            }
            return v
        }
        guard let y = num(0, 4), u[4] == 45, let mo = num(5, 2), u[7] == 45, let d = num(8, 2), u[10] == 84,
            let h = num(11, 2), u[13] == 58, let mi = num(14, 2), u[16] == 58, let sec = num(17, 2),
            (1...12).contains(mo), (1...31).contains(d), h < 24, mi < 60, sec < 61
        else { return nil }
        var i = 19
        var ms = 0
        if i < u.count && u[i] == 46 {
            i += 1
            var digits = 0
            while i < u.count && u[i] >= 48 && u[i] <= 57 {
                if digits < 3 { ms = ms * 10 + Int(u[i] - 48) }
                digits += 1; i += 1
            }
            guard digits > 0 else { return nil }
            if digits < 3 { for _ in digits..<3 { ms *= 10 } }
        }
        guard i < u.count else { return nil }
        var offset = 0
        if u[i] == 90 || u[i] == 122 {
            i += 1
        } else {
            guard u[i] == 43 || u[i] == 45, let oh = num(i + 1, 2), u.count > i + 3, u[i + 3] == 58,
                let om = num(i + 4, 2)
            else { return nil }
            guard oh <= 14, om < 60 else { return nil }
            offset = (oh * 3600 + om * 60) * (u[i] == 45 ? -1 : 1)
            i += 6
        }
        guard i == u.count else { return nil }
        let days = Int64(days(fromCivil: y, mo, d))
        let local = days * 86_400_000 + Int64(h * 3_600_000 + mi * 60_000 + sec * 1000 + ms)
        return Instant(ms: local - Int64(offset) * 1000)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
    public static func days(fromCivil y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Proleptic Gregorian date of a day count since 1970-01-01.
    public static func civil(fromDays z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp + (mp < 10 ? 3 : -9)
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    static func pad(_ v: Int, _ n: Int) -> String {
        let s = String(v)
        return s.count >= n ? s : String(repeating: "0", count: n - s.count) + s
    }
}

/// Local wall-clock helpers for one time zone (the programme's).
public struct LocalTime: Sendable {
    /// The time zone.
    public let timeZone: TimeZone
    /// Creates helpers for `identifier` (IANA name); UTC when unknown.
    public init(identifier: String) { timeZone = TimeZone(identifier: identifier) ?? TimeZone(identifier: "UTC")! }

    /// Offset east of UTC in seconds at `instant`.
    public func offset(at instant: Instant) -> Int { timeZone.secondsFromGMT(for: instant.date) }
    /// `YYYY-MM-DD` of `instant` in this zone.
    public func date(of instant: Instant) -> String {
        String(RFC3339.format(instant, offsetSeconds: offset(at: instant)).prefix(10))
    }
    /// Minutes after local midnight of `instant`.
    public func minutesOfDay(_ instant: Instant) -> Int {
        let local = instant.ms + Int64(offset(at: instant)) * 1000
        return Int((local - local.floorDiv(86_400_000) * 86_400_000) / 60_000)
    }
    /// Local clock minutes of `instant` counted from midnight of `date` (`YYYY-MM-DD`): its
    /// minutes of the day, plus 1440 for each day after `date` (minus before); the minutes of the
    /// day for a bad date.
    public func minutes(of instant: Instant, fromMidnightOf date: String) -> Int {
        let local = instant.ms + Int64(offset(at: instant)) * 1000
        let p = date.split(separator: "-").compactMap { Int($0) }
        guard p.count == 3 else { return minutesOfDay(instant) }
        let midnight = Int64(RFC3339.days(fromCivil: p[0], p[1], p[2])) * 86_400_000
        return Int((local - midnight).floorDiv(60_000))
    }
    /// `HH:MM` of `instant` in this zone.
    public func hhmm(_ instant: Instant) -> String {
        let m = minutesOfDay(instant)
        return RFC3339.pad(m / 60, 2) + ":" + RFC3339.pad(m % 60, 2)
    }
    /// The instant of `minutes` after local midnight on `date` (`YYYY-MM-DD`); nil for a bad date.
    public func instant(date: String, minutes: Int) -> Instant? {
        let p = date.split(separator: "-").compactMap { Int($0) }
        guard p.count == 3 else { return nil }
        let localMs = Int64(RFC3339.days(fromCivil: p[0], p[1], p[2])) * 86_400_000 + Int64(minutes) * 60_000
        var guess = Instant(ms: localMs)
        guess = Instant(ms: localMs - Int64(offset(at: guess)) * 1000)
        return Instant(ms: localMs - Int64(offset(at: guess)) * 1000)
    }
    /// RFC 3339 text of `instant` with this zone's offset.
    public func rfc3339(_ instant: Instant) -> String { RFC3339.format(instant, offsetSeconds: offset(at: instant)) }
}

/// Where "now" comes from: injected so tests, scripted sessions and replay control time.
public protocol Clock: Sendable {
    /// The current instant.
    func now() -> Instant
}

/// The system's real-time clock.
public struct SystemClock: Clock {
    /// Creates the system clock.
    public init() {}
    public func now() -> Instant { Instant(Date()) }
}

/// A clock that moves only when told to: for tests and scripted sessions.
public final class ManualClock: Clock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Instant
    /// Creates a clock showing `start`.
    public init(_ start: Instant) { current = start }
    public func now() -> Instant { lock.lock(); defer { lock.unlock() }; return current }
    /// Moves the clock forward (or anywhere) by `seconds`.
    public func advance(seconds: Int) { lock.lock(); current = current.adding(seconds: seconds); lock.unlock() }
    /// Sets the clock to `instant`.
    public func set(_ instant: Instant) { lock.lock(); current = instant; lock.unlock() }
}

/// A clock that never steps, for measuring elapsed time inside one process: the wall clock
/// (``Clock``) may be set back or forward at any moment, this one only counts time passing.
public protocol MonotonicClock: Sendable {
    /// Milliseconds since an arbitrary origin fixed for the life of the process.
    func milliseconds() -> Int64
}

/// The system's monotonic clock, counting the time the machine was suspended too
/// (`CLOCK_BOOTTIME` on Linux, `CLOCK_MONOTONIC` on Darwin, which counts sleep): a laptop closed
/// for an hour and opened again has both clocks moved by an hour, so its timers follow real
/// time and no clock adjustment is seen.
public struct SystemMonotonicClock: MonotonicClock {
    /// Creates the system monotonic clock.
    public init() {}
    public func milliseconds() -> Int64 {
        var t = timespec()
        #if os(Linux)
            clock_gettime(CLOCK_BOOTTIME, &t)
        #else
            clock_gettime(CLOCK_MONOTONIC, &t)
        #endif
        return Int64(t.tv_sec) * 1000 + Int64(t.tv_nsec) / 1_000_000
    }
}

/// A monotonic clock that moves only when told to: for tests, beside a ``ManualClock`` for the
/// wall clock, so a step of one without the other can be played.
public final class ManualMonotonicClock: MonotonicClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Int64
    /// Creates a clock showing `milliseconds`.
    public init(_ milliseconds: Int64 = 0) { current = milliseconds }
    public func milliseconds() -> Int64 { lock.lock(); defer { lock.unlock() }; return current }
    /// Moves the clock forward by `seconds` (never back).
    public func advance(seconds: Int) { lock.lock(); current += Int64(max(0, seconds)) * 1000; lock.unlock() }
}

/// "Now" for a live seat: the wall clock read once, then carried forward by the monotonic clock,
/// so a step of the system clock moves no timer and no recorded duration. ``disagreement()``
/// says when the wall clock has moved away from it by more than ``tolerance`` seconds (a step
/// back or forward); once a `clockAdjusted` event is recorded (by this seat or another) it
/// ``resync()``s on the wall clock, so events keep being stamped with the wall clock.
///
///     let clock = SteadyClock(wall: SystemClock(), monotonic: SystemMonotonicClock())
///     if let step = clock.disagreement() { record(.recordClockAdjustment(seconds: step)) }
public final class SteadyClock: Clock, @unchecked Sendable {
    /// The wall clock (stamps, clock times).
    public let wall: Clock
    /// The monotonic clock (elapsed time).
    public let monotonic: MonotonicClock
    /// Seconds of disagreement below which the two clocks are said to agree (NTP slews, the
    /// rounding of two readings).
    public let tolerance: Int
    private let lock = NSLock()
    private var anchorWall: Instant
    private var anchorMono: Int64

    /// Anchors on the wall clock's present reading.
    public init(wall: Clock, monotonic: MonotonicClock, tolerance: Int = 5) {
        self.wall = wall; self.monotonic = monotonic; self.tolerance = tolerance
        anchorWall = wall.now(); anchorMono = monotonic.milliseconds()
    }

    /// The anchor's wall time plus the monotonic time elapsed since.
    public func now() -> Instant {
        lock.lock(); defer { lock.unlock() }
        return Instant(ms: anchorWall.ms + monotonic.milliseconds() - anchorMono)
    }

    /// Seconds the wall clock is ahead of ``now()`` (negative: behind) when more than
    /// ``tolerance`` apart, else nil.
    public func disagreement() -> Int? {
        let w = wall.now(), n = now()
        let ms = w.ms - n.ms
        guard abs(ms) > Int64(tolerance) * 1000 else { return nil }
        return Int(ms >= 0 ? (ms + 500) / 1000 : -((-ms + 500) / 1000))
    }

    /// Anchors again on the wall clock's present reading: the journal now says how it moved.
    public func resync() {
        let w = wall.now(), m = monotonic.milliseconds()
        lock.lock(); anchorWall = w; anchorMono = m; lock.unlock()
    }
}

/// Formats a number of seconds as `mm:ss`, or `h:mm:ss` from one hour; negative values get a `+`
/// prefix (overtime), e.g. -65 → `+01:05`.
public func formatCountdown(_ seconds: Int) -> String {
    let over = seconds < 0
    let s = abs(seconds)
    let body =
        s >= 3600
        ? "\(s / 3600):\(RFC3339.pad((s / 60) % 60, 2)):\(RFC3339.pad(s % 60, 2))"
        : "\(RFC3339.pad(s / 60, 2)):\(RFC3339.pad(s % 60, 2))"
    return over ? "+" + body : body
}
