import PalabreCore

extension FacilitatorScreen {
    /// Bindings of this screen, part of ``Keymap/all``.
    ///
    /// Letters without Shift, so they sit under the same finger on AZERTY and QWERTY (digits
    /// need Shift on AZERTY: none is used). Most are the initial of the French word and of the
    /// English one where possible (`s` sauter / skip, `i` insérer / insert, `m` move, `o`
    /// motion d'ordre / point of order, `l` limite / limit); `d` démarrer, `t` terminer, `p`
    /// prolonger, `a` ajouter, `r` rendre la parole; `<` and `>` (one key on AZERTY) move a
    /// request. Starting and ending a day are capitals (`B`, `F`) so they cannot be hit by
    /// accident. ↑/↓ move in the list that has the focus (list navigation, see `handle(key:)`).
    /// In the order of the hint bar: the keys of every turn of speech first (give, end the
    /// turn, add a requester), then those of every item, so 80 columns keep the most used.
    static let bindings: [Binding] = [
        Binding(.facilitator(.give), ["Enter"], guarding: .undoable),
        Binding(.facilitator(.yield), ["r"], guarding: .undoable),
        Binding(.facilitator(.request), ["a"]),
        Binding(.facilitator(.start), ["d"]),
        Binding(.facilitator(.end), ["t"], guarding: .undoable),
        Binding(.facilitator(.pause), ["Space"]),
        Binding(.facilitator(.extend1), ["p", "+"], guarding: .undoable),
        Binding(.facilitator(.extend5), ["P"], inHints: false, guarding: .undoable),
        // `-` shortens as `+` extends; `=` sets the time left; `(` and `)` move the selected item
        // within its day (all four without Shift on AZERTY).
        Binding(.facilitator(.shorten), ["-"], inHints: false, guarding: .undoable),
        Binding(.facilitator(.remaining), ["="], inHints: false, guarding: .undoable),
        Binding(.facilitator(.earlier), ["("], inHints: false, guarding: .undoable),
        Binding(.facilitator(.later), [")"], inHints: false, guarding: .undoable),
        Binding(.facilitator(.pointOfOrder), ["o"], inHints: false),
        Binding(.facilitator(.remove), ["x", "Delete"], inHints: false, guarding: .undoable),
        Binding(.facilitator(.moveUp), ["<"], inHints: false),
        Binding(.facilitator(.moveDown), [">"], inHints: false),
        Binding(.facilitator(.limit), ["l"], inHints: false),
        Binding(.facilitator(.skip), ["s"], inHints: false, guarding: .undoable),
        Binding(.facilitator(.insert), ["i", "Insert"], inHints: false, guarding: .undoable),
        Binding(.facilitator(.move), ["m"], inHints: false, guarding: .undoable),
        Binding(.facilitator(.startDay), ["B"], inHints: false),
        Binding(.facilitator(.endDay), ["F"], inHints: false, guarding: .confirmsAndUndoable),
        Binding(.facilitator(.focusAgenda), ["Left"], inHints: false),
        Binding(.facilitator(.focusQueue), ["Right"], inHints: false),
        // `g` for gong, the same in both languages.
        Binding(.facilitator(.bell), ["g"], inHints: false),
    ]

    /// Labels of this screen (and of the parts it shares with the Projector): id → (French, English).
    static let labels: [String: (fr: String, en: String)] = MeetingView.labels.merging(own) { a, _ in a }

    private static let own: [String: (fr: String, en: String)] = [
        // Hint bar and help. Help sentences stay within 64 columns so the help box of an 80-column
        // terminal shows them whole.
        "action.item.bell": ("Sonnerie", "Bell"),
        "help.item.bell": (
            "Sonnerie à 1 min de la fin et à la fin du temps (oui/non)",
            "Bell at 1 min left and when time is up (on/off)"
        ),
        "fac.bell.on": (
            "Sonnerie activée : à 1 min de la fin et à la fin du temps (g pour l'arrêter)",
            "Bell on: at 1 min left and when time is up (g to stop it)"
        ),
        "fac.bell.off": ("Sonnerie désactivée", "Bell off"),
        "action.item.pause": ("Pause", "Pause"),
        "help.item.pause": (
            "Mettre en pause le point en cours, ou le " + "reprendre", "Pause the current item, or resume it"
        ),
        "action.item.start": ("Démarrer", "Start"),
        "help.item.start": (
            "Démarrer le point sélectionné, sinon le prochain " + "prévu",
            "Start the selected item, else the next planned one"
        ),
        "action.item.end": ("Terminer", "End"),
        "help.item.end": ("Terminer le point en cours", "End the current item"),
        "action.floor.request": ("Orateur", "Speaker"),
        "help.floor.request": (
            "Inscrire un orateur : quelques lettres, ↑/↓, " + "Entrée", "Add a speaker: type a few letters, ↑/↓, Enter"
        ),
        "action.floor.give": ("Parole", "Floor"),
        "help.floor.give": (
            "Donner la parole (tête de file, ou demande sélectionnée)",
            "Give the floor (head of the queue, or the selected request)"
        ),
        "action.floor.yield": ("Fin parole", "Yield"),
        "help.floor.yield": (
            "Fin de l'intervention : l'orateur rend la " + "parole", "End of the turn: the speaker yields the floor"
        ),
        "action.item.extend1": ("+1 min", "+1 min"),
        "help.item.extend1": ("Prolonger le point en cours d'une minute", "Extend the current item by one minute"),
        "action.item.extend5": ("+5 min", "+5 min"),
        // Re-planning: shorten, time left, order within the day, carry-over at the end of the day.
        "action.item.shorten": ("−1 min", "−1 min"),
        "help.item.shorten": ("Raccourcir le point en cours d'une minute", "Shorten the current item by one minute"),
        "action.item.remaining": ("Temps restant", "Time left"),
        "help.item.remaining": ("Fixer le temps restant du point en cours", "Set the time left on the current item"),
        "action.item.earlier": ("Plus tôt", "Earlier"),
        "help.item.earlier": (
            "Avancer le point sélectionné d'un rang dans sa journée",
            "Move the selected item one place earlier in its day"
        ),
        "action.item.later": ("Plus tard", "Later"),
        "help.item.later": (
            "Reculer le point sélectionné d'un rang dans sa journée",
            "Move the selected item one place later in its day"
        ),
        "fac.prompt.remaining": ("Temps restant, en minutes", "Time left, in minutes"),
        // A speaker not on the list, added from the `a` prompt.
        "fac.prompt.walkin.new": ("Nouvel arrivant", "Walk-in"),
        "fac.prompt.walkin": (
            "organisation et sexe, facultatifs (ex. : anict F)", "organisation and sex, optional (e.g. anict F)"
        ),
        "fac.order.first": (
            "Ce point est déjà le premier à venir de la journée", "This item is already the first ahead"
        ),
        "fac.order.last": ("Ce point est déjà le dernier de la journée", "This item is already the last of the day"),
        "fac.carry.ask": (
            "Reporter les %d points non traités à la journée %day ? Appuyer encore sur F pour les reporter ; une autre "
                + "touche les laisse",
            "Carry the %d untreated items over to day %day? Press F again to carry them; any other key leaves them"
        ),
        "help.item.extend5": ("Prolonger le point en cours de cinq minutes", "Extend the current item by five minutes"),
        "action.floor.order": ("Motion d'ordre", "Point of order"),
        "help.floor.order": (
            "Inscrire une motion d'ordre (MO), en tête des " + "demandes",
            "Add a point of order (PoO), ahead of ordinary requests"
        ),
        "action.floor.remove": ("Retirer", "Remove"),
        "help.floor.remove": (
            "Retirer de la file la demande " + "sélectionnée", "Remove the selected request from the queue"
        ),
        "action.floor.up": ("Avancer", "Move up"),
        "help.floor.up": ("Avancer d'une place la demande sélectionnée", "Move the selected request one place up"),
        "action.floor.down": ("Reculer", "Move down"),
        "help.floor.down": ("Reculer d'une place la demande sélectionnée", "Move the selected request one place down"),
        "action.floor.limit": ("Limite", "Limit"),
        "help.floor.limit": (
            "Temps de parole par orateur, en minutes (vide : sans limite)",
            "Speaking time per speaker, in minutes (empty: no limit)"
        ),
        "action.item.skip": ("Sauter", "Skip"),
        "help.item.skip": (
            "Sauter le point à venir sélectionné (↑/↓ " + "d'abord)", "Skip the selected item ahead (↑/↓ first)"
        ),
        "action.item.insert": ("Insérer", "Insert"),
        "help.item.insert": (
            "Insérer un point imprévu après le point en " + "cours", "Insert an unplanned item after the current one"
        ),
        "action.item.move": ("Déplacer", "Move"),
        "help.item.move": (
            "Déplacer le point sélectionné vers une autre " + "journée", "Move the selected item to another day"
        ),
        "action.day.start": ("Début journée", "Start day"),
        "help.day.start": (
            "Commencer la journée suivante (majuscule, contre les " + "erreurs)",
            "Start the next day (a capital, against slips)"
        ),
        "action.day.end": ("Fin journée", "End day"),
        "help.day.end": ("Terminer la journée en cours (F deux fois)", "End the day under way (F twice)"),
        "action.focus.agenda": ("Ordre du jour", "Agenda"),
        // One sentence for ← and →: the help shows them on one line.
        "help.focus.agenda": (
            "Focus sur l'ordre du jour ou la file ; ↑/↓ y choisissent",
            "Focus the agenda or the queue; ↑/↓ choose in it"
        ),
        "action.focus.queue": ("File", "Queue"),
        "help.focus.queue": (
            "Focus sur l'ordre du jour ou la file ; ↑/↓ y choisissent",
            "Focus the agenda or the queue; ↑/↓ choose in it"
        ),
        // Screen words.
        "fac.agenda": ("Ordre du jour", "Agenda"),
        "fac.col.planned": ("Prévu", "Plan"),
        "fac.col.start": ("Début", "Start"),
        "fac.col.duration": ("Durée", "Time"),
        "fac.col.item": ("Point", "Item"),
        "fac.current": ("Point en cours", "Current item"),
        "fac.paused": ("EN PAUSE", "PAUSED"),
        "fac.elapsed": ("Écoulé", "Elapsed"),
        "fac.minutes.left": ("min restantes", "min left"),
        "fac.box": ("prévu", "planned"),
        "fac.extended": ("prolongé de", "extended by"),
        "fac.end.planned": ("Fin prévue", "Planned end"),
        "fac.end.expected": ("estimée", "expected"),
        "fac.end.short": ("fin", "end"),
        "fac.queue": ("Orateurs", "Speakers"),
        "fac.limit": ("limite", "limit"),
        "fac.no.limit": ("sans limite", "no limit"),
        "fac.queue.none": ("File vide : a pour inscrire un orateur", "Queue empty: a to add a speaker"),
        "fac.queue.more": ("autres", "more"),
        "fac.next": ("Prochain", "Next"),
        "fac.start.with": ("d pour le démarrer", "d to start it"),
        "fac.press.b": ("Appuyer sur B pour commencer la journée du", "Press B to start the day of"),
        "fac.first.item": ("Premier point", "First item"),
        "fac.close.hint": (
            "La session peut être close : palabre do <session> " + "close",
            "The session can be closed: palabre do <session> close"
        ),
        "fac.closed.note": ("Plus rien ne peut être enregistré.", "Nothing more can be recorded."),
        "fac.day.over": (
            "Plus aucun point prévu : F pour terminer la " + "journée", "No planned item left: F to end the day"
        ),
        "fac.need.item": (
            "Aucun point en cours : démarrez un point " + "d'abord (d)", "No item under way: start an item first (d)"
        ),
        "fac.end.item.queue": (
            "%d demande(s) de parole attendent encore : appuyer encore sur t pour terminer le " + "point",
            "%d request(s) for the floor still wait: press t again to end the item"
        ),
        "fac.skip.choose": (
            "Placez le curseur (↑/↓) sur le point à venir à sauter, " + "puis s",
            "Put the cursor (↑/↓) on the item ahead to skip, then s"
        ),
        "fac.end.day.confirm": (
            "Terminer la journée ? Appuyer encore sur F pour " + "confirmer", "End the day? Press F again to confirm"
        ),
        "fac.end.day.untreated": ("points non traités", "untreated items"),
        "fac.start.day.other.date": (
            "La journée %d est prévue le %planned et non aujourd'hui, %today : appuyer encore sur B pour la commencer "
                + "(le report sera consigné)",
            "Day %d is planned on %planned, not today, %today: press B again to start it (the postponement will be recorded)"
        ),
        "fac.end.day.left": ("points encore à venir", "items still ahead"),
        "fac.queue.empty": ("La file des orateurs est vide", "The speakers queue is empty"),
        "fac.queue.focus": (
            "La file a le focus : choisir la demande avec ↑/↓ puis appuyer de nouveau",
            "The queue has the focus: choose the request with ↑/↓ and press again"
        ),
        "fac.insert.no-title": ("Donnez un titre au point à insérer", "Give the new item a title"),
        "fac.bad.day": ("Journée non comprise : numéro ou date", "Day not understood: number or date"),
        "fac.prompt.insert-title": ("Point à insérer — titre", "Item to insert — title"),
        "fac.prompt.insert-minutes": ("Durée en minutes de", "Minutes for"),
        "fac.prompt.move": (
            "Vers la journée (1, 2… ou AAAA-MM-JJ), comme prochain " + "point",
            "To day (1, 2… or YYYY-MM-DD), as the next item"
        ),
        "fac.prompt.requester": ("Orateur — quelques lettres", "Speaker — a few letters"),
        "fac.prompt.order": ("Motion d'ordre — quelques lettres", "Point of order — a few letters"),
        "fac.prompt.limit": (
            "Temps de parole par orateur, en minutes (vide : sans " + "limite)",
            "Speaking time per speaker, minutes (empty: no limit)"
        ),
        "fac.prompt.keys": ("Entrée valider · Échap annuler", "Enter confirm · Esc cancel"),
        "fac.prompt.choose": ("↑/↓ choisir", "↑/↓ choose"),
        "fac.no.match": (
            "Aucune correspondance — Entrée : l'ajouter comme nouvel arrivant", "No match — Enter: add as a walk-in"
        ),
        "fac.commune": ("commune", "commune"),
        "fac.selected": ("Sélection", "Selected"),
        "fac.moderator": ("Modération", "Moderator"),
        "fac.turns": ("Déjà intervenus", "Already spoke"),
        "fac.days": ("Journées du programme", "Days of the programme"),
    ]
}
