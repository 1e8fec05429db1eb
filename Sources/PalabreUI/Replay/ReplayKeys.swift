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
    /// Labels `action.replay.*` (hint bar) and `help.replay.*` (help), part of ``Labels``.
    static let labels: [String: (fr: String, en: String)] = [
        "action.replay.play-pause": ("lecture/pause", "play/pause"),
        "help.replay.play-pause": ("Lire ou mettre en pause", "Play or pause"),
        "action.replay.faster": ("vitesse", "speed"),
        "help.replay.faster": ("Plus vite (×1 ×2 ×5 ×10 ×60 ×600)", "Faster (×1 ×2 ×5 ×10 ×60 ×600)"),
        "action.replay.slower": ("moins vite", "slower"),
        "help.replay.slower": ("Moins vite", "Slower"),
        "action.replay.next-event": ("événement", "event"),
        "help.replay.next-event": ("Événement suivant (met en pause)", "Next event (pauses)"),
        "action.replay.previous-event": ("événement précédent", "previous event"),
        "help.replay.previous-event": ("Événement précédent (met en pause)", "Previous event (pauses)"),
        "action.replay.next-item": ("point", "item"),
        "help.replay.next-item": ("Début du point suivant de l'ordre du jour", "Start of the next agenda item"),
        "action.replay.previous-item": ("point précédent", "previous item"),
        "help.replay.previous-item": ("Début du point précédent", "Start of the previous agenda item"),
        "action.replay.next-day": ("jour", "day"),
        "help.replay.next-day": ("Début du jour suivant", "Start of the next day"),
        "action.replay.previous-day": ("jour précédent", "previous day"),
        "help.replay.previous-day": ("Début du jour précédent", "Start of the previous day"),
        "action.replay.go-to": ("aller à", "go to"),
        "help.replay.go-to": (
            "Aller à un moment : « 2 10:30 » (jour 2), « 10:30 » (ce jour) ou « 2023-10-18 " + "10:30 »",
            "Go to a moment: \"2 10:30\" (day 2), \"10:30\" (this day) or \"2023-10-18 10:30\""
        ),
        "action.replay.search": ("chercher", "search"),
        "help.replay.search": (
            "Chercher dans le texte des entrées (sans tenir compte des majuscules ni des " + "accents)",
            "Search the entries' text (ignoring case and accents)"
        ),
        "action.replay.next-match": ("suivant", "next match"),
        "help.replay.next-match": ("Occurrence suivante de la recherche", "Next match of the search"),
        "action.replay.previous-match": ("précédent", "previous match"),
        "help.replay.previous-match": ("Occurrence précédente de la recherche", "Previous match of the search"),
        "action.replay.help": ("aide", "help"),
        "help.replay.help": ("Afficher ou fermer cette aide", "Show or close this help"),
        "action.replay.quit": ("quitter", "quit"),
        "help.replay.quit": ("Quitter la relecture", "Quit the replay"),
        "help.replay.screens": ("Changer d'écran, comme dans les consoles", "Switch screens, as in the consoles"),
    ]
}
