import Foundation
import PalabreCore

/// What a replay key does.
public enum ReplayAction: String, Sendable, CaseIterable {
    case playPause = "play-pause"
    case faster, slower
    case nextEvent = "next-event", previousEvent = "previous-event"
    case nextItem = "next-item", previousItem = "previous-item"
    case nextDay = "next-day", previousDay = "previous-day"
    case goTo = "go-to"
    case search
    case nextMatch = "next-match", previousMatch = "previous-match"
    case help, quit
}

/// Words of the replay keys (their keys are in ``Keymap``): id → (French, English).
enum ReplayKeys {
}
