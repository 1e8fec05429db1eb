import Foundation
import PalabreCore

/// The screens of the live consoles, in F-key order.
public enum ScreenID: String, CaseIterable, Sendable, Codable {
    case facilitator, rapporteur, attendance, balance, projector, synergies

    /// F-key number of the screen: F1…F5, then F11 for the synergies (F6–F8 act inside screens,
    /// F9 is help and F10 quits).
    public var functionKey: Int { self == .synergies ? 11 : (Self.allCases.firstIndex(of: self) ?? 0) + 1 }
}

/// One row of the key-binding table: an action id, its keys, where it applies, and its words.
///
/// The table (``Keymap/all``) is the only list of keys: it drives dispatch, the hint bar, the
/// help overlay and `palabre keys`.
public struct Binding: Sendable {
    /// Action id, e.g. `item.start`, `floor.give`. Labels `action.<id>` (hint) and `help.<id>`.
    public let action: String
    /// Keys, by ``Key/parse(_:)`` name.
    public let keys: [Key]
    /// Screen where it applies; nil for every screen.
    public let screen: ScreenID?
    /// Whether it works while a text field has the focus (only function, control and navigation
    /// keys should).
    public let whileTyping: Bool
    /// Whether it is shown in the hint bar.
    public let inHints: Bool

    /// Creates a binding; key names are parsed with ``Key/parse(_:)``.
    public init(_ action: String, _ keyNames: [String], screen: ScreenID?, whileTyping: Bool = false, inHints: Bool = true) {
        self.action = action
        self.keys = keyNames.map { guard let k = Key.parse($0) else { preconditionFailure("bad key name \($0)") }; return k }
        self.screen = screen
        self.whileTyping = whileTyping
        self.inHints = inHints
    }

    /// Keys as shown to people: `F1`, `^C/q`.
    public var keysDisplay: String { keys.map(\.displayName).joined(separator: "/") }
    /// Hint-bar label in `labels`' language.
    public func hint(_ labels: Labels) -> String {
        action.hasPrefix("screen.") ? labels[action] : labels["action." + action]
    }
    /// Help sentence in `labels`' language.
    public func help(_ labels: Labels) -> String {
        action.hasPrefix("screen.") ? labels["help.screen"] + " « " + labels[action] + " »" : labels["help." + action]
    }
}

/// The key-binding table of the consoles.
public enum Keymap {
    /// Bindings valid on every screen.
    static let global: [Binding] = [
        Binding("screen.facilitator", ["F1"], screen: nil, whileTyping: true, inHints: false),
        Binding("screen.rapporteur", ["F2"], screen: nil, whileTyping: true, inHints: false),
        Binding("screen.attendance", ["F3"], screen: nil, whileTyping: true, inHints: false),
        Binding("screen.balance", ["F4"], screen: nil, whileTyping: true, inHints: false),
        Binding("screen.projector", ["F5"], screen: nil, whileTyping: true, inHints: false),
        Binding("screen.synergies", ["F11"], screen: nil, whileTyping: true, inHints: false),
        Binding("next-screen", ["Tab"], screen: nil, whileTyping: true, inHints: false),
        Binding("previous-screen", ["Shift-Tab"], screen: nil, whileTyping: true, inHints: false),
        Binding("help", ["?", "F9"], screen: nil, whileTyping: false, inHints: true),
        Binding("quit", ["Ctrl-C", "q", "F10"], screen: nil, whileTyping: false, inHints: true),
    ]

    /// The whole table: global bindings first, then each screen's.
    public static let all: [Binding] = global + FacilitatorScreen.bindings + RapporteurScreen.bindings
        + AttendanceScreen.bindings + BalanceScreen.bindings + ProjectorScreen.bindings + SynergiesScreen.bindings

    /// The binding for `key` on `screen`; while typing, only bindings marked `whileTyping`.
    /// Screen bindings win over global ones. `Ctrl-C` always quits.
    public static func binding(for key: Key, screen: ScreenID, typing: Bool) -> Binding? {
        if key == .ctrl("c") { return global.first { $0.action == "quit" } }
        let candidates = all.filter { $0.keys.contains(key) && ($0.screen == screen || $0.screen == nil) }
        let usable = candidates.filter { !typing || $0.whileTyping || typingSafe(key) }
        return usable.first { $0.screen == screen } ?? usable.first
    }

    /// Keys that can never be typed text, so they act even while typing: function keys,
    /// Tab, Escape and control keys.
    static func typingSafe(_ key: Key) -> Bool {
        switch key {
        case .function, .tab, .backTab, .escape: return true
        default: return false
        }
    }

    /// Bindings shown in help for `screen`: the screen's own, then the global ones.
    public static func bindings(for screen: ScreenID) -> [Binding] {
        all.filter { $0.screen == screen } + global
    }

    /// The table as JSON for `palabre keys --json`: `[{"action","keys":[…],"screen","hint","help"}]`.
    public static func json(_ labels: Labels) -> String {
        struct Row: Encodable { let action: String; let keys: [String]; let screen: String; let hint: String; let help: String }
        let rows = all.map { Row(action: $0.action, keys: $0.keys.map(\.displayName), screen: $0.screen?.rawValue ?? "all",
                                 hint: $0.hint(labels), help: $0.help(labels)) }
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes, .sortedKeys]
        return String(decoding: (try? e.encode(rows)) ?? Data(), as: UTF8.self)
    }

    /// The table as text for `palabre keys`: one section per screen.
    public static func text(_ labels: Labels) -> String {
        var out: [String] = []
        var sections: [(String, [Binding])] = [(labels["help.global"], global)]
        for s in ScreenID.allCases {
            let title = labels["screen." + s.rawValue] + " (F\(s.functionKey))"
            sections.append((title, all.filter { $0.screen == s }))
        }
        for (title, rows) in sections {
            out.append(title)
            let col = (rows.map { TextWidth.width(of: $0.keysDisplay) }.max() ?? 0) + 2
            for b in rows { out.append("  " + TextWidth.pad(b.keysDisplay, toWidth: col) + b.help(labels)) }
            out.append("")
        }
        return out.joined(separator: "\n")
    }
}
