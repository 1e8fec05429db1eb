import Foundation
import PalabreCore

/// The screens of the live consoles, in F-key order.
public enum ScreenID: String, CaseIterable, Sendable, Codable {
    case facilitator, rapporteur, attendance, balance, projector, synergies
    /// The follow-up after the close (« Suivi »).
    case followUp = "followup"

    /// F-key number of the screen: F1…F5, then F11 for the synergies and F12 for the follow-up
    /// (F6–F8 act inside screens, F9 is help and F10 quits).
    public var functionKey: Int {
        switch self {
        case .synergies: 11
        case .followUp: 12
        default: (Self.allCases.firstIndex(of: self) ?? 0) + 1
        }
    }

    /// Whether the screen has a tab in the header and a place in the Tab cycle of a session in
    /// `state`: the follow-up only once the meeting is closed.
    func isListed(_ state: SessionState) -> Bool { self != .followUp || state.closedAt != nil }

    /// The screen's own action.
    var screenAction: GlobalAction {
        switch self {
        case .facilitator: .screenFacilitator
        case .rapporteur: .screenRapporteur
        case .attendance: .screenAttendance
        case .balance: .screenBalance
        case .projector: .screenProjector
        case .synergies: .screenSynergies
        case .followUp: .screenFollowUp
        }
    }
}

/// Actions valid on every screen of the consoles.
public enum GlobalAction: String, CaseIterable, Sendable {
    case screenFacilitator = "screen.facilitator", screenRapporteur = "screen.rapporteur"
    case screenAttendance = "screen.attendance", screenBalance = "screen.balance"
    case screenProjector = "screen.projector", screenSynergies = "screen.synergies"
    case screenFollowUp = "screen.followup"
    case nextScreen = "next-screen", previousScreen = "previous-screen"
    case help, quit
    /// Undo the seat's last undoable event (a compensating event, see `palabre do undo`).
    case undo
}

/// Actions of the facilitator screen (F1).
public enum FacilitatorAction: String, CaseIterable, Sendable {
    case pause = "item.pause", start = "item.start", end = "item.end"
    case request = "floor.request", give = "floor.give", yield = "floor.yield"
    case extend1 = "item.extend1", extend5 = "item.extend5"
    case pointOfOrder = "floor.order", remove = "floor.remove", moveUp = "floor.up", moveDown = "floor.down"
    case limit = "floor.limit", skip = "item.skip", insert = "item.insert", move = "item.move"
    case startDay = "day.start", endDay = "day.end"
    case focusAgenda = "focus.agenda", focusQueue = "focus.queue"
    /// The bell at one minute left and when the time is up, on or off (off at start).
    case bell = "item.bell"
    /// Shorten the current item by one minute.
    case shorten = "item.shorten"
    /// Set the time left on the current item (a prompt in minutes).
    case remaining = "item.remaining"
    /// Move the selected item one place earlier, or later, within its day.
    case earlier = "item.earlier", later = "item.later"
}

/// Actions of the rapporteur screen (F2).
public enum RapporteurAction: String, CaseIterable, Sendable {
    case send = "rapporteur.send", kindNext = "rapporteur.kind-next", kindPrevious = "rapporteur.kind-previous"
    /// Enter the list of entries (list mode), or move up in it.
    case up = "rapporteur.up"
    case down = "rapporteur.down"
    case amend = "rapporteur.amend", retract = "rapporteur.retract", adopt = "rapporteur.adopt"
    case sendForm = "rapporteur.send-form", cancel = "rapporteur.cancel"
    case all = "rapporteur.all"
    /// During a follow-up item: the list of the earlier sessions' open entries, and back.
    case review = "rapporteur.review"
}

/// Actions of the attendance screen (F3).
public enum AttendanceAction: String, CaseIterable, Sendable {
    case checkIn = "attendance.check-in", walkIn = "attendance.walk-in"
    case up = "attendance.up", down = "attendance.down"
    case clear = "attendance.clear", sendForm = "attendance.send-form"
    /// Check in everyone present the day before (marked « hier » in the list).
    case yesterday = "attendance.yesterday"
    /// Record that the selected person leaves (departure time, half days of the per diem lists).
    case checkOut = "attendance.check-out"
}

/// Actions of the speaking-balance screen (F4).
public enum BalanceAction: String, CaseIterable, Sendable {
    case scope = "balance.scope"
}

/// Actions of the synergies screen (F11).
public enum SynergiesAction: String, CaseIterable, Sendable {
    case interest = "syn.interest", synergy = "syn.synergy", commit = "syn.commit"
    case status = "syn.status", withdraw = "syn.withdraw", filter = "syn.filter", sort = "syn.sort"
}

/// Actions of the follow-up screen (F12).
public enum FollowUpAction: String, CaseIterable, Sendable {
    case update = "suivi.update", fiche = "suivi.fiche"
    case partner = "suivi.partner", commune = "suivi.commune", responsible = "suivi.responsible"
}

/// Every action a key can trigger, in the consoles and in a replay. Dispatch switches over it
/// exhaustively, so a screen cannot act on something the table does not list.
public enum Action: Hashable, Sendable {
    case global(GlobalAction)
    case facilitator(FacilitatorAction)
    case rapporteur(RapporteurAction)
    case attendance(AttendanceAction)
    case balance(BalanceAction)
    case synergies(SynergiesAction)
    case followUp(FollowUpAction)
    case replay(ReplayAction)

    /// Every action, for completeness checks.
    public static var allCases: [Action] {
        GlobalAction.allCases.map(Action.global) + FacilitatorAction.allCases.map(Action.facilitator)
            + RapporteurAction.allCases.map(Action.rapporteur) + AttendanceAction.allCases.map(Action.attendance)
            + BalanceAction.allCases.map(Action.balance) + SynergiesAction.allCases.map(Action.synergies)
            + FollowUpAction.allCases.map(Action.followUp) + ReplayAction.allCases.map(Action.replay)
    }

    /// Stable id, also the key of its words: `item.start`, `replay.play-pause`.
    public var id: String {
        switch self {
        case .global(let a): a.rawValue
        case .facilitator(let a): a.rawValue
        case .rapporteur(let a): a.rawValue
        case .attendance(let a): a.rawValue
        case .balance(let a): a.rawValue
        case .synergies(let a): a.rawValue
        case .followUp(let a): a.rawValue
        case .replay(let a): "replay." + a.rawValue
        }
    }

    /// Where the action applies.
    public var scope: KeyScope {
        switch self {
        case .global: .everywhere
        case .facilitator: .screen(.facilitator)
        case .rapporteur: .screen(.rapporteur)
        case .attendance: .screen(.attendance)
        case .balance: .screen(.balance)
        case .synergies: .screen(.synergies)
        case .followUp: .screen(.followUp)
        case .replay: .replay
        }
    }
}

/// Where a binding applies.
public enum KeyScope: Hashable, Sendable {
    /// Every screen of the consoles (and of a replay).
    case everywhere
    /// One screen.
    case screen(ScreenID)
    /// `palabre replay` only.
    case replay

    /// Name in `palabre keys --json`: `all`, `facilitator`…, `replay`.
    public var name: String {
        switch self {
        case .everywhere: "all"
        case .screen(let s): s.rawValue
        case .replay: "replay"
        }
    }
}

/// How a key that records something far-reaching is guarded, shown in the help.
public enum KeyGuard: Sendable, Equatable {
    /// Nothing to guard: it moves, opens a form, or records something small.
    case none
    /// Asks for confirmation in place (a second press, or Enter).
    case confirms
    /// Records at once; `u` (or ^Z) takes it back.
    case undoable
    /// Asks for confirmation, and can be taken back too.
    case confirmsAndUndoable

    /// Name in `palabre keys --json`.
    public var name: String {
        switch self {
        case .none: "none"
        case .confirms: "confirms"
        case .undoable: "undoable"
        case .confirmsAndUndoable: "confirms, undoable"
        }
    }
}

/// One row of the key-binding table: the action, its keys, and how it behaves while typing.
///
/// The table (``Keymap/all``) is the only list of keys: it drives dispatch, the hint bar, the
/// help overlay and `palabre keys`, for the consoles and for replay.
public struct Binding: Sendable {
    /// What the keys do.
    public let action: Action
    /// Keys, by ``Key/parse(_:)`` name.
    public let keys: [Key]
    /// Whether it works while a text field has the focus. Only keys that can never be text
    /// (function, control, navigation, Enter, Esc) may be; a test checks it.
    public let whileTyping: Bool
    /// Whether it is shown in the hint bar.
    public let inHints: Bool
    /// Confirmation or undo, for keys that record something far-reaching.
    public let guarding: KeyGuard

    /// Creates a binding; key names are parsed with ``Key/parse(_:)``.
    public init(
        _ action: Action, _ keyNames: [String], whileTyping: Bool = false, inHints: Bool = true,
        guarding: KeyGuard = .none
    ) {
        self.action = action
        self.keys = keyNames.map {
            guard let k = Key.parse($0) else { preconditionFailure("bad key name " + "\($0)") }; return k
        }
        self.whileTyping = whileTyping
        self.inHints = inHints
        self.guarding = guarding
    }

    /// Where it applies.
    public var scope: KeyScope { action.scope }
    /// The screen it belongs to; nil for global and replay bindings.
    public var screen: ScreenID? { if case .screen(let s) = scope { return s }; return nil }

    /// Keys as shown to people: `F1`, `^C/q`.
    public func keysDisplay(_ language: Language) -> String {
        keys.map { $0.displayName(language) }.joined(separator: "/")
    }
    /// Hint-bar label in `labels`' language.
    public func hint(_ labels: Labels) -> String {
        labels[UILabel.hint(action)]
    }
    /// Help sentence in `labels`' language, marked ↶ when undoable and ✓ when it asks for
    /// confirmation (the help's legend line says so). `readOnly`: as a read-only seat's help says
    /// it, without the forms, amendments and searches such a seat cannot open
    /// (``UILabel/readOnlyHelp(_:)``).
    public func help(_ labels: Labels, readOnly: Bool = false) -> String {
        var sentence = UILabel.help(action)
        if readOnly, case .instead(let l) = UILabel.readOnlyHelp(action) { sentence = l }
        let base =
            sentence.map { labels[$0] }
            ?? labels[.helpScreen].replacingOccurrences(of: "%@", with: labels[UILabel.hint(action)])
        switch guarding {
        case .none: return base
        case .confirms: return base + " ✓"
        case .undoable: return base + " ↶"
        case .confirmsAndUndoable: return base + " ✓↶"
        }
    }
}

/// The key-binding table of the consoles and of replay.
public enum Keymap {
    /// Bindings valid on every screen.
    static let global: [Binding] = [
        Binding(.global(.screenFacilitator), ["F1"], whileTyping: true, inHints: false),
        Binding(.global(.screenRapporteur), ["F2"], whileTyping: true, inHints: false),
        Binding(.global(.screenAttendance), ["F3"], whileTyping: true, inHints: false),
        Binding(.global(.screenBalance), ["F4"], whileTyping: true, inHints: false),
        Binding(.global(.screenProjector), ["F5"], whileTyping: true, inHints: false),
        Binding(.global(.screenSynergies), ["F11"], whileTyping: true, inHints: false),
        Binding(.global(.screenFollowUp), ["F12"], whileTyping: true, inHints: false),
        Binding(.global(.nextScreen), ["Tab"], whileTyping: true, inHints: false),
        Binding(.global(.previousScreen), ["Shift-Tab"], whileTyping: true, inHints: false),
        Binding(.global(.help), ["?", "F9"], inHints: true),
        Binding(.global(.undo), ["u", "Ctrl-Z"], inHints: true),
        Binding(.global(.quit), ["Ctrl-C", "q", "F10"], inHints: true),
    ]

    /// Bindings of `palabre replay`, on top of the global ones.
    static let replay: [Binding] = [
        Binding(.replay(.playPause), ["Space"]),
        Binding(.replay(.faster), ["+", "="]),
        Binding(.replay(.slower), ["-"], inHints: false),
        Binding(.replay(.nextEvent), ["Right"]),
        Binding(.replay(.previousEvent), ["Left"], inHints: false),
        Binding(.replay(.nextItem), ["]"]),
        Binding(.replay(.previousItem), ["["], inHints: false),
        Binding(.replay(.nextDay), ["}"]),
        Binding(.replay(.previousDay), ["{"], inHints: false),
        Binding(.replay(.goTo), ["g"]),
        Binding(.replay(.search), ["/"]),
        Binding(.replay(.nextMatch), ["n"], inHints: false),
        Binding(.replay(.previousMatch), ["N"], inHints: false),
        Binding(.replay(.help), ["?", "F9"]),
        Binding(.replay(.quit), ["Ctrl-C", "q", "F10"]),
    ]

    /// The whole table: global bindings first, then each screen's, then replay's.
    public static let all: [Binding] =
        global + FacilitatorScreen.bindings + RapporteurScreen.bindings
        + AttendanceScreen.bindings + BalanceScreen.bindings + ProjectorScreen.bindings + SynergiesScreen.bindings
        + FollowUpScreen.bindings + replay

    /// The binding for `key` on `screen`; while typing, only bindings marked `whileTyping`
    /// (and `Ctrl-C`, which always quits). Screen bindings win over global ones.
    public static func binding(for key: Key, screen: ScreenID, typing: Bool) -> Binding? {
        let candidates = all.filter { $0.keys.contains(key) && ($0.screen == screen || $0.scope == .everywhere) }
        let usable = candidates.filter { !typing || $0.whileTyping || typingSafe(key) }
        return usable.first { $0.screen == screen } ?? usable.first
    }

    /// The replay binding for `key`, if any.
    public static func replayBinding(for key: Key) -> Binding? {
        replay.first { $0.keys.contains(key) }
    }

    /// Keys that can never be typed text, so they act even while typing: function keys,
    /// Tab, Escape and control keys.
    static func typingSafe(_ key: Key) -> Bool {
        switch key {
        case .function, .tab, .backTab, .escape, .ctrl: return true
        default: return false
        }
    }

    /// Bindings of `scope`.
    public static func bindings(in scope: KeyScope) -> [Binding] { all.filter { $0.scope == scope } }

    /// Bindings shown in help for `screen`: the screen's own, then the global ones.
    public static func bindings(for screen: ScreenID) -> [Binding] {
        bindings(in: .screen(screen)) + global
    }

    /// The table as JSON for `palabre keys --json`:
    /// `[{"action","keys":[…],"screen","hint","help","guard"}]`, one row per binding.
    public static func json(_ labels: Labels) -> String {
        struct Row: Encodable {
            let action: String, keys: [String], screen: String, hint: String, help: String, guardedBy: String
            enum CodingKeys: String, CodingKey { case action, keys, screen, hint, help, guardedBy = "guard" }
        }
        let rows = all.map { b in
            Row(
                action: b.action.id, keys: b.keys.map { $0.displayName(labels.language) }, screen: b.scope.name,
                hint: b.hint(labels), help: b.help(labels),
                guardedBy: b.guarding.name)
        }
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes, .sortedKeys]
        return String(decoding: (try? e.encode(rows)) ?? Data(), as: UTF8.self)
    }

    /// Help lines for `bindings`: keys padded to a column, then the help sentence.
    /// Consecutive bindings with the same sentence share one line (`←/→`).
    public static func helpLines(
        _ bindings: [Binding], _ labels: Labels, extra: [(keys: String, help: String)] = [],
        readOnly: Bool = false
    ) -> [String] {
        let rows = helpRows(bindings, labels, extra: extra, readOnly: readOnly)
        let col = (rows.map { TextWidth.width(of: $0.keys) }.max() ?? 0) + 2
        return rows.map { TextWidth.pad($0.keys, toWidth: col) + $0.help }
    }

    /// The rows of ``helpLines(_:_:extra:readOnly:)`` before they are laid out: keys as shown,
    /// and the sentence.
    static func helpRows(
        _ bindings: [Binding], _ labels: Labels, extra: [(keys: String, help: String)] = [],
        readOnly: Bool = false
    ) -> [(keys: String, help: String)] {
        var rows: [(keys: String, help: String)] = []
        for b in bindings {
            if readOnly, case .notListed = UILabel.readOnlyHelp(b.action) { continue }
            let keys = b.keysDisplay(labels.language), help = b.help(labels, readOnly: readOnly)
            if let last = rows.last, last.help == help {
                rows[rows.count - 1].keys += "/" + keys
            } else {
                rows.append((keys, help))
            }
        }
        return rows + extra
    }

    /// The table as text for `palabre keys`: one section per screen, then replay.
    public static func text(_ labels: Labels) -> String {
        var sections: [(String, [Binding])] = [(labels[.helpGlobal], global)]
        for s in ScreenID.allCases {
            sections.append((labels[UILabel.screen(s)] + " (F\(s.functionKey))", bindings(in: .screen(s))))
        }
        sections.append((labels[.helpReplay], replay))
        var out: [String] = []
        for (title, rows) in sections where !rows.isEmpty {
            out.append(title)
            out += helpLines(rows, labels).map { "  " + $0 }
            out.append("")
        }
        out.append(labels[.helpGuardLegend])
        return out.joined(separator: "\n")
    }
}
