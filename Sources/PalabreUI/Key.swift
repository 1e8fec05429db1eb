import PalabreCore

/// A key press, independent of the terminal library. Key-binding tables are written with
/// `Key.parse` names (see ``Keymap``), and the same table feeds dispatch, the hint bar and help.
///
///     Key.parse("F2")        // .function(2)
///     Key.parse("Ctrl-C")    // .ctrl("c")
///     Key.ctrl("c").displayName   // "^C"
public enum Key: Hashable, Sendable, CustomStringConvertible {
    /// A printable character (a whole grapheme cluster).
    case char(Character)
    /// F1…F63.
    case function(Int)
    case up, down, left, right
    case home, end, pageUp, pageDown
    case enter, tab, backTab, backspace, delete, insert, escape
    /// Control plus a letter (stored lowercase, `a`…`z`) or one of `@ [ \ ] ^ _`.
    case ctrl(Character)
    /// The terminal was resized.
    case resize

    public var description: String { displayName }

    // MARK: Names

    private static let named: [(Key, fr: String, en: String, aliases: [String])] = [
        (.up, "↑", "↑", ["up"]),
        (.down, "↓", "↓", ["down"]),
        (.left, "←", "←", ["left"]),
        (.right, "→", "→", ["right"]),
        (.home, "Début", "Home", ["home", "début", "debut"]),
        (.end, "Fin", "End", ["end", "fin"]),
        (.pageUp, "PgPréc", "PgUp", ["pageup", "pgup", "pgpréc", "pgprec", "prior"]),
        (.pageDown, "PgSuiv", "PgDn", ["pagedown", "pgdn", "pgdown", "pgsuiv", "next"]),
        (.enter, "Entrée", "Enter", ["enter", "return", "ret", "entrée", "entree", "⏎"]),
        (.tab, "Tab", "Tab", ["tab", "⇥"]),
        (.backTab, "⇧Tab", "⇧Tab", ["backtab", "shift-tab", "s-tab", "⇧tab"]),
        (.backspace, "⌫", "⌫", ["backspace", "bs", "⌫"]),
        (.delete, "Suppr", "Del", ["delete", "del", "suppr"]),
        (.insert, "Inser", "Ins", ["insert", "ins", "inser"]),
        (.escape, "Échap", "Esc", ["escape", "esc", "échap", "echap"]),
        (.resize, "Redim", "Resize", ["resize", "redim"]),
        (.char(" "), "Espace", "Space", ["space", "spc", "espace"]),
    ]

    /// A short name for hint bars and help, in French: `F2`, `^C`, `↑`, `Entrée`, `Échap`, `?`.
    /// `Key.parse(key.displayName) == key` for every key.
    public var displayName: String { displayName(.fr) }

    /// A short name for hint bars and help in `language`: `Entrée`/`Enter`, `Échap`/`Esc`.
    /// `Key.parse(key.displayName(language)) == key` for every key and language.
    public func displayName(_ language: Language) -> String {
        if let entry = Key.named.first(where: { $0.0 == self }) { return language == .fr ? entry.fr : entry.en }
        switch self {
        case .char(let c): return TextWidth.sanitize(c)
        case .function(let n): return "F\(n)"
        case .ctrl(let c): return "^" + String(c).uppercased()
        default: return "?"
        }
    }

    /// Reads a key name: a single character (`?`, `é`, `q`), `F1`…`F63`, `Ctrl-C` /
    /// `C-c` / `^C`, `Up` or `↑`, `Enter`, `Esc`, `Tab`, `Shift-Tab`, `Backspace`, `Delete`,
    /// `Insert`, `Home`, `End`, `PgUp`, `PgDn`, `Space`, or the French display names
    /// (`Entrée`, `Échap`, `Suppr`…). Case-insensitive for names; nil when unknown.
    public static func parse(_ name: String) -> Key? {
        if name.count == 1, let c = name.first {
            if let entry = named.first(where: { $0.fr == name || $0.en == name }) { return entry.0 }
            if c.unicodeScalars.count == 1, let control = fromControlCode(c.unicodeScalars.first!.value) {
                return control
            }
            return .char(c)
        }
        let lower = name.lowercased()
        if let entry = named.first(where: {
            $0.fr.lowercased() == lower || $0.en.lowercased() == lower || $0.aliases.contains(lower)
        }) {
            return entry.0
        }
        if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1...63).contains(n) {
            return .function(n)
        }
        for prefix in ["ctrl-", "ctrl+", "control-", "c-", "^"] where lower.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            guard rest.count == 1, let c = rest.first else { return nil }
            return ctrlKey(c)
        }
        return nil
    }

    /// `.ctrl` for a letter or `@ [ \ ] ^ _`, normalised to lowercase; nil otherwise.
    public static func ctrlKey(_ c: Character) -> Key? {
        let lower = Character(String(c).lowercased())
        if let ascii = lower.asciiValue, (ascii >= 0x61 && ascii <= 0x7A) || "@[\\]^_".contains(lower) {
            return .ctrl(lower)
        }
        return nil
    }

    /// The key for a control code as a terminal sends it: Tab (9), Enter (10, 13),
    /// Escape (27), Backspace (8, 127), otherwise `.ctrl` (1 → ^A, 0 → ^@, 28 → ^\).
    /// Nil for codes that are not C0 controls or DEL.
    public static func fromControlCode(_ code: UInt32) -> Key? {
        switch code {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 0: return .ctrl("@")
        case 1...26: return .ctrl(Character(Unicode.Scalar(code + 0x60)!))
        case 28...31: return .ctrl(Character(Unicode.Scalar(code + 0x40)!))
        default: return nil
        }
    }
}

extension Grid {
    /// Draws a hint bar on row `y`: each entry as its keys in `hint.key` then its label in
    /// `hint.text`, separated by two spaces. The rest of the row is cleared in `hint.text`.
    ///
    /// Entries that do not fit are left out; with `keysAlone` (the replay's bar, whose keys are
    /// all moves: a French bar at 40 columns holds only help and quit), they keep their keys
    /// alone, as many as fit after the others, and `?` lists what they do.
    public mutating func drawHints(
        _ hints: [(keys: String, label: String)], y: Int, x: Int = 0, width: Int? = nil, keysAlone: Bool = false
    ) {
        let end = min(self.width, x + (width ?? self.width - x))
        fill(x: x, y: y, width: end - x, height: 1, role: .hintText)
        var col = x
        var shown = 0
        for (index, hint) in hints.enumerated() {
            let keys = " " + hint.keys + " "
            let label = " " + hint.label
            let needed = TextWidth.width(of: keys) + TextWidth.width(of: label) + (index > 0 ? 2 : 0)
            if col + needed > end { break }
            if index > 0 { col += 2 }
            col = put(x: col, y: y, text: keys, role: .hintKey)
            col = put(x: col, y: y, text: label, role: .hintText)
            shown += 1
        }
        for hint in hints.dropFirst(shown) where keysAlone {
            let keys = " " + hint.keys + " "
            let needed = TextWidth.width(of: keys) + 1
            if col + needed > end { break }
            col += 1
            col = put(x: col, y: y, text: keys, role: .hintKey)
        }
    }
}
