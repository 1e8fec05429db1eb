import Foundation
import Testing

@testable import PalabreCore
@testable import PalabreUI

/// Drives a console the way the live loop does: keys in, commands through decide and evolve,
/// the screen told of the result.
struct ScreenDriver {
    var console: Console
    var state: SessionState
    var now: Instant
    /// The last command the console asked for, cleared by ``key(_:)``.
    var command: Command?

    init(_ screen: ScreenID, _ moment: SegouMoments.Moment, language: Language = .fr) {
        (state, now) = SegouMoments.state(moment)
        console = Console(screen: screen, language: language)
    }

    init(_ screen: ScreenID, state: SessionState, now: Instant, language: Language = .fr) {
        self.state = state; self.now = now
        console = Console(screen: screen, language: language)
    }

    /// Presses `key`; returns the command asked for (not yet performed).
    @discardableResult
    mutating func key(_ key: Key) -> Command? {
        command = console.handle(key, state: state, now: now)
        return command
    }

    /// Types `text` cluster by cluster.
    mutating func type(_ text: String) {
        for c in text { key(.char(c)) }
    }

    /// Performs `command` (the last one asked for by default) through decide and evolve, and
    /// tells the console; returns the refusal, if any.
    @discardableResult
    mutating func perform(_ command: Command? = nil, seat: String = "rapporteur") -> Refusal? {
        guard let c = command ?? self.command else {
            Issue.record("no command to perform")
            return nil
        }
        do {
            var events: [Event] = []
            for p in try state.decide(c, at: now) {
                let e = Event(seq: state.lastSeq + 1, at: now, seat: seat, payload: p)
                state.evolve(e)
                events.append(e)
            }
            console.didRecord(events, state: state, now: now)
            return nil
        } catch {
            console.wasRefused(error, state: state, now: now)
            return error
        }
    }

    /// The whole terminal as text.
    mutating func lines(width: Int = 80, height: Int = 24) -> [String] {
        console.render(state: state, now: now, size: Size(width: width, height: height)).grid.lines()
    }

    /// The terminal cursor position after rendering.
    mutating func cursor(width: Int = 80, height: Int = 24) -> Position? {
        console.render(state: state, now: now, size: Size(width: width, height: height)).cursor
    }
}
