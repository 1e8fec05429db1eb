import PalabreCore

/// Words of the user interface in French and English.
///
/// Every label is looked up by id in tables kept next to the code that uses them (one table per
/// screen, plus ``Labels/common``); a missing id shows the id itself, which a test forbids.
public struct Labels: Sendable {
    /// Language of this set.
    public let language: Language

    /// Creates the labels for `language`.
    public init(_ language: Language) { self.language = language }

    /// All tables: id → (French, English).
    static let tables: [[String: (fr: String, en: String)]] = [
        common, FacilitatorScreen.labels, RapporteurScreen.labels, AttendanceScreen.labels,
        BalanceScreen.labels, ProjectorScreen.labels, SynergiesScreen.labels, FollowUpScreen.labels, ReplayKeys.labels,
        undoWords,
    ]
    static let merged: [String: (fr: String, en: String)] = {
        var all: [String: (fr: String, en: String)] = [:]
        for t in tables { all.merge(t) { a, _ in a } }
        return all
    }()

    /// The label `id` in this language.
    public subscript(_ id: String) -> String {
        guard let l = Self.merged[id] else { return id }
        return language == .fr ? l.fr : l.en
    }

    /// Every label id, for completeness tests.
    public static var allIDs: [String] { Array(merged.keys) }

    /// Labels shared by every screen.
    static let common: [String: (fr: String, en: String)] = [
        "clock.forward": (
            "Horloge du système avancée de %1 à %2 : les minuteurs comptent le temps réellement écoulé",
            "System clock set forward by %1 at %2: the timers count the time that really passed"
        ),
        "clock.back": (
            "Horloge du système reculée de %1 à %2 : les minuteurs comptent le temps réellement écoulé",
            "System clock set back by %1 at %2: the timers count the time that really passed"
        ),
        "screen.facilitator": ("Modération", "Facilitator"),
        "screen.rapporteur": ("Compte rendu", "Rapporteur"),
        "screen.attendance": ("Présence", "Attendance"),
        "screen.balance": ("Temps de parole", "Speaking balance"),
        "screen.projector": ("Projection", "Projector"),
        "screen.synergies": ("Synergies", "Synergies"),
        "help.title": ("Aide — touches de l'écran", "Help — keys of this screen"),
        "help.close": ("Échap ou ? pour fermer", "Esc or ? to close"),
        "help.global": ("Partout", "Everywhere"),
        "help.screens": ("écrans", "screens"),
        "tiny": ("Fenêtre trop petite : agrandir à 40×12 au moins", "Window too small: enlarge to at least 40×12"),
        "tiny.short": ("Trop petit\u{00A0}:", "Too small:"),
        "day": ("Jour", "Day"),
        "no.day": ("Aucune journée en cours", "No day under way"),
        "no.item": ("Aucun point en cours", "No item under way"),
        "closed": ("Session close", "Session closed"),
        "recorded": ("Enregistré", "Recorded"),
        "refused": ("Refusé", "Refused"),
        "status.planned": ("prévu", "planned"),
        "status.running": ("en cours", "running"),
        "status.paused": ("en pause", "paused"),
        "status.done": ("terminé", "done"),
        "status.skipped": ("sauté", "skipped"),
        "readonly": ("lecture seule", "read-only"),
        "action.quit": ("Quitter", "Quit"),
        "action.help": ("Aide", "Help"),
        "action.next-screen": ("Écran suivant", "Next screen"),
        "action.previous-screen": ("Écran précédent", "Previous screen"),
        "help.quit": (
            "Quitter palabre (tout est déjà enregistré dans le " + "journal)",
            "Quit palabre (everything is already in the journal)"
        ),
        "help.help": ("Afficher ou fermer cette aide", "Show or close this help"),
        "help.next-screen": ("Passer à l'écran suivant", "Go to the next screen"),
        "help.previous-screen": ("Revenir à l'écran précédent", "Go back to the previous screen"),
        "help.screen": ("Aller à l'écran « %@ »", "Go to the %@ screen"),
        "form.ambiguous": (
            "Plusieurs correspondances : en choisir une avec ↓ puis " + "Entrée",
            "Several matches: choose one with ↓ then Enter"
        ),
        "form.choice.only": (
            "Champ à choix : ←/→ pour choisir, Entrée pour le champ suivant (le texte tapé est ignoré)",
            "Choice field: ←/→ to choose, Enter for the next field (typed text is ignored)"
        ),
        "action.undo": ("Annuler", "Undo"),
        "help.undo": (
            "Annuler le dernier geste de ce poste (événement " + "compensatoire)",
            "Undo this seat's last action (a compensating event)"
        ),
        "help.guard.short": ("↶ annulable (u) · ✓ confirmation", "↶ undoable (u) · ✓ confirms"),
        "help.guard.legend": (
            "↶ annulable avec u ou ^Z · ✓ demande " + "confirmation",
            "↶ undoable with u or ^Z · ✓ asks for confirmation"
        ),
        "help.replay": ("Relecture (palabre replay)", "Replay (palabre replay)"),
        "paste.ignored": (
            "Collage ignoré : aucun champ de saisie n'a le " + "focus", "Paste ignored: no text field has the focus"
        ),
        "paste.stalled": (
            "Collage sans fin reçue : les touches sont prises pour du texte — Échap puis 2 s pour le terminer",
            "Paste with no end received: keys are taken as text — Esc then 2 s to end it"
        ),
        "draft.quit": (
            "Brouillon non envoyé — Ctrl-C à nouveau pour quitter, il sera conservé",
            "Unsent draft — Ctrl-C again to quit, it will be kept"
        ),
        "draft.restored": ("Brouillon non envoyé restauré", "Unsent draft restored"),
        "tiny.refused": (
            "Fenêtre trop petite : la touche est refusée (le texte tapé est gardé)",
            "Window too small: key refused (typed text is kept)"
        ),
        "term.fallback": (
            "Type de terminal %@ inconnu ici : affichage en xterm-256color",
            "Terminal type %@ unknown here: showing as xterm-256color"
        ),
        "undo.done": (
            "Annulé : l'événement n°\u{00A0}%d ne compte plus (le journal garde les deux)",
            "Undone: event #%d no longer counts (the journal keeps both)"
        ),
    ]
}

extension Language {
    /// French day and month names for headers and documents.
    static let frenchMonths = [
        "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
        "septembre", "octobre", "novembre", "décembre",
    ]
}
