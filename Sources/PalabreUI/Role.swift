/// A semantic style role. Views name roles, never colours; a `Theme` maps each role to
/// colours and attributes. Roles are dotted names; a role missing from a theme falls back
/// to its parent (`timer.over` → `timer`) and finally to `normal`.
///
///     grid.put(x: 0, y: 0, text: "+01:05", role: .timerOver)
public struct Role: RawRepresentable, Hashable, Sendable, Comparable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public var description: String { rawValue }

    public static func < (a: Role, b: Role) -> Bool { a.rawValue < b.rawValue }

    /// The role one level up (`timer.over` → `timer`), `normal` for a top-level role, nil
    /// for `normal` itself.
    public var parent: Role? {
        if self == .normal { return nil }
        if let dot = rawValue.lastIndex(of: ".") { return Role(String(rawValue[..<dot])) }
        return .normal
    }

    /// Whether `name` is a well-formed role name: lowercase words of letters, digits and
    /// hyphens, joined by dots (`timer.over`, `queue.current`).
    public static func isValidName(_ name: String) -> Bool {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        return !parts.isEmpty
            && parts.allSatisfy { part in
                guard let first = part.first, first.isASCII, first.isLetter, first.isLowercase else {
                    return false
                }
                return part.allSatisfy { c in
                    c.isASCII && (c.isLowercase || c.isNumber || c == "-")
                }
            }
    }

    public static let normal: Role = "normal"
    public static let title: Role = "title"
    public static let border: Role = "border"
    public static let muted: Role = "muted"
    public static let selection: Role = "selection"
    public static let hintKey: Role = "hint.key"
    public static let hintText: Role = "hint.text"
    public static let bannerWarn: Role = "banner.warn"
    public static let bannerError: Role = "banner.error"
    public static let timerOK: Role = "timer.ok"
    public static let timerWarn: Role = "timer.warn"
    public static let timerOver: Role = "timer.over"
    public static let queueCurrent: Role = "queue.current"
    public static let statusDone: Role = "status.done"
    public static let statusRunning: Role = "status.running"
    public static let statusPlanned: Role = "status.planned"
    public static let bigDigits: Role = "big.digits"
    public static let input: Role = "input"
    /// Hint text shown in an empty input field.
    public static let inputPlaceholder: Role = "input.placeholder"
    /// Kind of a minute entry (« Décision », « Engagement »…) in lists and next to the input.
    public static let entryKind: Role = "entry.kind"
    /// A retracted minute entry, kept in view but set apart.
    public static let entryRetracted: Role = "entry.retracted"
    /// Bars of charts (speaking time).
    public static let bar: Role = "bar"
    /// Bars and figures about women (speaking time and attendance).
    public static let barWomen: Role = "bar.women"

    /// The roles palabre's screens use; a theme naming another role gets a warning.
    public static let known: [Role] = [
        .normal, .title, .border, .muted, .selection, .input, .hintKey, .hintText,
        .bannerWarn, .bannerError, .timerOK, .timerWarn, .timerOver, .queueCurrent,
        .statusDone, .statusRunning, .statusPlanned, .bigDigits,
        .inputPlaceholder, .entryKind, .entryRetracted, .bar, .barWomen,
    ]
}
