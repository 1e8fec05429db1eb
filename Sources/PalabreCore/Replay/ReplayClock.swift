import Foundation

/// The clock of a replay: maps the time spent watching (replay time) to meeting time.
///
/// Meeting time runs `speed` times faster than replay time while playing. A silence — a gap
/// between two events that would last longer than ``idleLimitMs`` of replay time at the current
/// speed — is shortened: the replay shows the first half of that limit after the last event,
/// jumps, and shows the last half before the next event. The clock never goes past the last
/// event: it stops (pauses) there.
///
///     var clock = ReplayClock(position: timeline.firstInstant!, speed: 60)
///     clock.advance(replayMs: 1000, timeline: timeline)   // one second of replay: a minute of meeting
public struct ReplayClock: Sendable, Equatable {
    /// Meeting time shown.
    public var position: Instant
    /// Meeting seconds per replay second.
    public var speed: Int
    /// Whether time runs.
    public var playing: Bool
    /// Longest silence, in replay milliseconds at the current speed, shown in full.
    public var idleLimitMs: Int64

    /// The speeds offered by `+` and `-`.
    public static let speeds = [1, 2, 5, 10, 60, 600]

    /// Creates a clock at `position`.
    public init(position: Instant, speed: Int = 1, playing: Bool = true, idleLimitMs: Int64 = 5_000) {
        self.position = position; self.speed = max(1, speed); self.playing = playing;
        self.idleLimitMs = max(0, idleLimitMs)
    }

    /// The next speed up (or down) in ``speeds``.
    public mutating func changeSpeed(faster: Bool) {
        let s = Self.speeds
        if faster { speed = s.first { $0 > speed } ?? s.last! } else { speed = s.last { $0 < speed } ?? s.first! }
    }

    /// Half the idle limit, in meeting milliseconds at the current speed.
    private var halfLimit: Int64 { idleLimitMs * Int64(speed) / 2 }

    /// Advances by `replayMs` of replay time (nothing when paused). Stops, paused, at the last event.
    public mutating func advance(replayMs: Int64, timeline: ReplayTimeline) {
        guard playing, replayMs > 0 else { return }
        guard let last = timeline.lastInstant else { playing = false; return }
        var remaining = replayMs * Int64(speed)
        let half = halfLimit
        while remaining > 0 {
            guard let next = timeline.nextEvent(after: position) else {
                position = max(position, last)
                playing = false
                return
            }
            // Before the first event (a --from earlier than the meeting) the wait is a silence too.
            if timeline.lastEvent(atOrBefore: position) == nil, next.ms - position.ms > half {
                position = Instant(ms: next.ms - half)
                continue
            }
            let prev = timeline.lastEvent(atOrBefore: position) ?? position
            let compressible = next.ms - prev.ms > 2 * half
            if compressible, position.ms >= prev.ms + half, position.ms < next.ms - half {
                position = Instant(ms: next.ms - half)  // the silence: no replay time spent
                continue
            }
            let boundary = compressible && position.ms < prev.ms + half ? prev.ms + half : next.ms
            let step = min(remaining, boundary - position.ms)
            position = Instant(ms: position.ms + step)
            remaining -= step
        }
        if position >= last, timeline.nextEvent(after: position) == nil { position = last; playing = false }
    }

    /// The silences shortened at the current speed: meeting time skipped, from → to.
    public func compressedGaps(_ timeline: ReplayTimeline) -> [(from: Instant, to: Instant)] {
        ReplayClock.compressedGaps(timeline, speed: speed, idleLimitMs: idleLimitMs)
    }

    /// The silences shortened at `speed` with `idleLimitMs`.
    public static func compressedGaps(
        _ timeline: ReplayTimeline, speed: Int, idleLimitMs: Int64
    ) -> [(from: Instant, to: Instant)] {
        timeline.compressedGaps(halfMs: idleLimitMs * Int64(max(1, speed)) / 2)
    }
}

/// The state shown by a replay, kept up to date as the clock moves: forward moves fold the
/// events passed one by one (never skipping or repeating one); other jumps start again from the
/// timeline's nearest checkpoint.
public struct ReplayPlayer: Sendable {
    /// The timeline replayed.
    public let timeline: ReplayTimeline
    /// The state folded from the first ``applied`` events.
    public private(set) var state: SessionState
    /// How many events are folded into ``state``.
    public private(set) var applied: Int

    /// A player before any event.
    public init(timeline: ReplayTimeline) {
        self.timeline = timeline
        self.state = SessionState(programme: timeline.programme)
        self.applied = 0
    }

    /// A player on `timeline` where `other` stands: `timeline` begins with the events of
    /// `other`'s timeline (the whole journal once its beginning was shown), so the state folded
    /// from the first ``applied`` events is the same.
    public init(timeline: ReplayTimeline, continuing other: ReplayPlayer) {
        self.timeline = timeline
        self.state = other.state
        self.applied = min(other.applied, timeline.events.count)
    }

    /// Plays forward to instant `t`: folds every event passed, one by one, and returns them
    /// (a move back is a ``move(to:)``, and returns nothing).
    @discardableResult
    public mutating func advance(to t: Instant) -> ArraySlice<Event> {
        let n = timeline.count(at: t)
        guard n >= applied else { move(to: t); return [] }
        let passed = timeline.events[applied..<n]
        timeline.advance(&state, from: applied, to: n)
        applied = n
        return passed
    }

    /// Brings the state to instant `t` (every event with `at <= t`). Returns the events folded
    /// one by one on the way forward (empty after a jump back or a long jump).
    @discardableResult
    public mutating func move(to t: Instant) -> ArraySlice<Event> {
        let n = timeline.count(at: t)
        if n >= applied, n - applied <= timeline.checkpointInterval {
            let passed = timeline.events[applied..<n]
            timeline.advance(&state, from: applied, to: n)
            applied = n
            return passed
        }
        if n != applied {
            state = timeline.state(afterCount: n)
            applied = n
        }
        return []
    }
}
