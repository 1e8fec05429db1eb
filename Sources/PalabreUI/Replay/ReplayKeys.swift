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

/// One row of the replay key table: keys, action, and its words in French and English.
public struct ReplayBinding: Sendable {
    /// The action.
    public let action: ReplayAction
    /// Keys, by ``Key/parse(_:)`` name.
    public let keys: [Key]
    /// Whether it is shown in the hint bar.
    public let inHints: Bool
    let hintFr: String, hintEn: String
    let helpFr: String, helpEn: String

    init(_ action: ReplayAction, _ keyNames: [String], inHints: Bool = false,
         hint: (String, String), help: (String, String)) {
        self.action = action
        self.keys = keyNames.map { guard let k = Key.parse($0) else { preconditionFailure("bad key name \($0)") }; return k }
        self.inHints = inHints
        (hintFr, hintEn) = hint
        (helpFr, helpEn) = help
    }

    /// Keys as shown to people: `+/=`.
    public var keysDisplay: String { keys.map(\.displayName).joined(separator: "/") }
    /// Hint-bar label.
    public func hint(_ language: Language) -> String { language == .fr ? hintFr : hintEn }
    /// Help sentence.
    public func help(_ language: Language) -> String { language == .fr ? helpFr : helpEn }
}

/// The keys of `palabre replay`, on top of the consoles' own (F1–F5 and Tab switch screens;
/// keys that would record anything are refused: a replay is read-only). This table drives
/// dispatch, the replay hint bar, the replay help overlay and the replay section of `palabre keys`.
public enum ReplayKeys {
    /// The table.
    public static let all: [ReplayBinding] = [
        ReplayBinding(.playPause, ["Space"], inHints: true, hint: ("lecture/pause", "play/pause"),
                      help: ("Lire ou mettre en pause", "Play or pause")),
        ReplayBinding(.faster, ["+", "="], inHints: true, hint: ("vitesse", "speed"),
                      help: ("Plus vite (×1 ×2 ×5 ×10 ×60 ×600)", "Faster (×1 ×2 ×5 ×10 ×60 ×600)")),
        ReplayBinding(.slower, ["-"], hint: ("moins vite", "slower"),
                      help: ("Moins vite", "Slower")),
        ReplayBinding(.nextEvent, ["Right"], inHints: true, hint: ("événement", "event"),
                      help: ("Événement suivant (met en pause)", "Next event (pauses)")),
        ReplayBinding(.previousEvent, ["Left"], hint: ("événement précédent", "previous event"),
                      help: ("Événement précédent (met en pause)", "Previous event (pauses)")),
        ReplayBinding(.nextItem, ["]"], inHints: true, hint: ("point", "item"),
                      help: ("Début du point suivant de l'ordre du jour", "Start of the next agenda item")),
        ReplayBinding(.previousItem, ["["], hint: ("point précédent", "previous item"),
                      help: ("Début du point précédent", "Start of the previous agenda item")),
        ReplayBinding(.nextDay, ["}"], inHints: true, hint: ("jour", "day"),
                      help: ("Début du jour suivant", "Start of the next day")),
        ReplayBinding(.previousDay, ["{"], hint: ("jour précédent", "previous day"),
                      help: ("Début du jour précédent", "Start of the previous day")),
        ReplayBinding(.goTo, ["g"], inHints: true, hint: ("aller à", "go to"),
                      help: ("Aller à un moment : « 2 10:30 » (jour 2), « 10:30 » (ce jour) ou « 2023-10-18 10:30 »",
                             "Go to a moment: \"2 10:30\" (day 2), \"10:30\" (this day) or \"2023-10-18 10:30\"")),
        ReplayBinding(.search, ["/"], inHints: true, hint: ("chercher", "search"),
                      help: ("Chercher dans le texte des entrées (sans tenir compte des majuscules ni des accents)",
                             "Search the entries' text (ignoring case and accents)")),
        ReplayBinding(.nextMatch, ["n"], hint: ("suivant", "next match"),
                      help: ("Occurrence suivante de la recherche", "Next match of the search")),
        ReplayBinding(.previousMatch, ["N"], hint: ("précédent", "previous match"),
                      help: ("Occurrence précédente de la recherche", "Previous match of the search")),
        ReplayBinding(.help, ["?", "F9"], inHints: true, hint: ("aide", "help"),
                      help: ("Afficher ou fermer cette aide", "Show or close this help")),
        ReplayBinding(.quit, ["Ctrl-C", "q", "F10"], inHints: true, hint: ("quitter", "quit"),
                      help: ("Quitter la relecture", "Quit the replay")),
    ]

    /// The binding of `key`, if any.
    public static func binding(for key: Key) -> ReplayBinding? { all.first { $0.keys.contains(key) } }

    /// Help lines: the replay keys, then the screens'.
    public static func helpLines(_ language: Language) -> [String] {
        var rows = all.map { ($0.keysDisplay, $0.help(language)) }
        rows.append(("F1…F5", language == .fr ? "Changer d'écran, comme dans les consoles" : "Switch screens, as in the consoles"))
        let col = (rows.map { TextWidth.width(of: $0.0) }.max() ?? 0) + 2
        return rows.map { TextWidth.pad($0.0, toWidth: col) + $0.1 }
    }

    /// The table as text for `palabre keys`.
    public static func text(_ language: Language) -> String {
        let title = language == .fr ? "Relecture (palabre replay)" : "Replay (palabre replay)"
        return ([title] + helpLines(language).map { "  " + $0 }).joined(separator: "\n") + "\n"
    }

    /// Rows for `palabre keys --json`: `{"action","keys","screen":"replay","hint","help"}`.
    public static func jsonRows(_ language: Language) -> [[String: Any]] {
        all.map { ["action": "replay." + $0.action.rawValue, "keys": $0.keys.map(\.displayName), "screen": "replay",
                   "hint": $0.hint(language), "help": $0.help(language)] }
    }
}
