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
}
