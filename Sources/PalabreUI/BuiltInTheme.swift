// The built-in default theme: an exact copy of themes/dark.theme, so palabre works without
// its themes folder. A test checks that the two stay identical.
extension Theme {
    /// The text of themes/dark.theme.
    public static let builtInDarkText = #"""
        # palabre theme: dark (default)
        # For a terminal with a dark background. Format: see README.md in this folder.
        # This file is also built into palabre; the two must stay identical.

        [256]
        normal          plain
        title           fg=117 bold
        border          fg=67
        muted           fg=245
        selection       fg=231 bg=24 bold
        input           fg=231 bg=236
        hint.key        fg=16 bg=117 bold
        hint.text       fg=250
        banner.warn     fg=16 bg=214 bold
        banner.error    fg=231 bg=160 bold
        timer.ok        fg=114 bold
        timer.warn      fg=214 bold
        timer.over      fg=196 bg=default bold
        queue.current   fg=229 bold
        status.done     fg=71
        status.running  fg=81 bold
        status.planned  fg=246
        big.digits      fg=255 bold
        entry.kind      fg=180 bold
        entry.retracted fg=242 italic
        input.placeholder fg=244 bg=236
        bar             fg=75
        bar.women       fg=213 bold

        [8]
        normal          plain
        title           fg=cyan bold
        border          fg=blue
        muted           dim
        selection       fg=white bg=blue bold
        input           underline
        hint.key        fg=black bg=cyan
        hint.text       plain
        banner.warn     fg=black bg=yellow
        banner.error    fg=white bg=red bold
        timer.ok        fg=green bold
        timer.warn      fg=yellow bold
        timer.over      fg=red bold
        queue.current   fg=yellow bold
        status.done     fg=green
        status.running  fg=cyan bold
        status.planned  dim
        big.digits      fg=white bold
        entry.kind      fg=yellow
        entry.retracted dim
        input.placeholder dim underline
        bar             fg=cyan
        bar.women       fg=magenta bold

        [mono]
        normal          plain
        title           bold
        border          plain
        muted           dim
        selection       reverse
        input           underline
        hint.key        reverse
        hint.text       plain
        banner.warn     reverse
        banner.error    reverse bold
        timer.ok        bold
        timer.warn      bold underline
        timer.over      reverse bold
        queue.current   bold underline
        status.done     plain
        status.running  bold
        status.planned  dim
        big.digits      bold
        entry.kind      bold
        entry.retracted dim
        input.placeholder dim underline
        bar             plain
        bar.women       bold
        """#
}
