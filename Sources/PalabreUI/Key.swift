/// A key press, independent of the terminal library. Key-binding tables are written with
/// `Key.parse` names, and the same table feeds dispatch, the hint bar and help.
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

    private static let named: [(Key, display: String, aliases: [String])] = [
        (.up, "↑", ["up"]),
        (.down, "↓", ["down"]),
        (.left, "←", ["left"]),
        (.right, "→", ["right"]),
        (.home, "Début", ["home", "début", "debut"]),
        (.end, "Fin", ["end", "fin"]),
        (.pageUp, "PgPréc", ["pageup", "pgup", "pgpréc", "pgprec", "prior"]),
        (.pageDown, "PgSuiv", ["pagedown", "pgdn", "pgdown", "pgsuiv", "next"]),
        (.enter, "Entrée", ["enter", "return", "ret", "entrée", "entree", "⏎"]),
        (.tab, "Tab", ["tab", "⇥"]),
        (.backTab, "⇧Tab", ["backtab", "shift-tab", "s-tab", "⇧tab"]),
        (.backspace, "⌫", ["backspace", "bs", "⌫"]),
        (.delete, "Suppr", ["delete", "del", "suppr"]),
        (.insert, "Inser", ["insert", "ins", "inser"]),
        (.escape, "Échap", ["escape", "esc", "échap", "echap"]),
        (.resize, "Redim", ["resize", "redim"]),
        (.char(" "), "Espace", ["space", "spc", "espace"]),
    ]

    /// A short name for hint bars and help: `F2`, `^C`, `↑`, `Entrée`, `Échap`, `?`.
    /// `Key.parse(key.displayName) == key` for every key.
    public var displayName: String {
        if let entry = Key.named.first(where: { $0.0 == self }) { return entry.display }
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
            if let entry = named.first(where: { $0.display == name }) { return entry.0 }
            if c.unicodeScalars.count == 1, let control = fromControlCode(c.unicodeScalars.first!.value) {
                return control
            }
            return .char(c)
        }
        let lower = name.lowercased()
        if let entry = named.first(where: { $0.display.lowercased() == lower || $0.aliases.contains(lower) }) {
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

/// One entry of a key-binding table: the keys, the action they trigger, and the words for
/// the hint bar and the help screen.
///
///     let bindings: [KeyBinding<Action>] = [
///         KeyBinding(["Enter"], .submit, hint: "Enregistrer"),
///         KeyBinding(["Ctrl-C", "F10"], .quit, hint: "Quitter", help: "Quitter palabre"),
///     ]
public struct KeyBinding<Action: Sendable>: Sendable {
    public var keys: [Key]
    public var action: Action
    /// Short label for the hint bar; nil keeps the binding out of it.
    public var hint: String?
    /// Sentence for the help screen.
    public var help: String

    /// Keys are given by name (see `Key.parse`); an unknown name is a programming error.
    public init(_ keyNames: [String], _ action: Action, hint: String?, help: String? = nil) {
        self.keys = keyNames.map { name in
            guard let key = Key.parse(name) else { preconditionFailure("unknown key name '\(name)'") }
            return key
        }
        self.action = action
        self.hint = hint
        self.help = help ?? hint ?? ""
    }

    /// The keys as shown to people: `^C/F10`.
    public var keysDisplay: String { keys.map(\.displayName).joined(separator: "/") }
}

/// A key-binding table: the one place keys are listed.
public struct KeyMap<Action: Sendable>: Sendable {
    public var bindings: [KeyBinding<Action>]

    public init(_ bindings: [KeyBinding<Action>]) { self.bindings = bindings }

    /// The action bound to `key`, the first binding winning.
    public func action(for key: Key) -> Action? {
        bindings.first { $0.keys.contains(key) }?.action
    }

    /// Hint-bar entries (keys shown, label), in table order.
    public var hints: [(keys: String, label: String)] {
        bindings.compactMap { b in b.hint.map { (b.keysDisplay, $0) } }
    }

    /// Help lines: keys padded to a column, then the help sentence.
    public func helpLines() -> [String] {
        let column = (bindings.map { TextWidth.width(of: $0.keysDisplay) }.max() ?? 0) + 2
        return bindings.map { TextWidth.pad($0.keysDisplay, toWidth: column) + $0.help }
    }
}

extension Grid {
    /// Draws a hint bar on row `y`: each entry as its keys in `hint.key` then its label in
    /// `hint.text`, separated by two spaces; entries that do not fit are left out. The rest
    /// of the row is cleared in `hint.text`.
    public mutating func drawHints(_ hints: [(keys: String, label: String)], y: Int, x: Int = 0, width: Int? = nil) {
        let end = min(self.width, x + (width ?? self.width - x))
        fill(x: x, y: y, width: end - x, height: 1, role: .hintText)
        var col = x
        for (index, hint) in hints.enumerated() {
            let keys = " " + hint.keys + " "
            let label = " " + hint.label
            let needed = TextWidth.width(of: keys) + TextWidth.width(of: label) + (index > 0 ? 2 : 0)
            if col + needed > end { break }
            if index > 0 { col += 2 }
            col = put(x: col, y: y, text: keys, role: .hintKey)
            col = put(x: col, y: y, text: label, role: .hintText)
        }
    }
}
