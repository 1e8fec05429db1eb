/// A terminal colour: the terminal's own default, or a palette index 0–255 (0–7 are the
/// eight standard colours, 8–15 their bright versions).
public enum Color: Hashable, Sendable, CustomStringConvertible {
    case `default`
    case index(UInt8)

    /// The eight standard colour names, in palette order.
    public static let names = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    public static let black = Color.index(0)
    public static let red = Color.index(1)
    public static let green = Color.index(2)
    public static let yellow = Color.index(3)
    public static let blue = Color.index(4)
    public static let magenta = Color.index(5)
    public static let cyan = Color.index(6)
    public static let white = Color.index(7)

    /// Parses `default`, a colour name (`red`, `bright-red`) or a number 0–255; nil
    /// otherwise.
    public init?(name: String) {
        let lower = name.lowercased()
        if lower == "default" {
            self = .default
        } else if let i = Color.names.firstIndex(of: lower) {
            self = .index(UInt8(i))
        } else if lower.hasPrefix("bright-"), let i = Color.names.firstIndex(of: String(lower.dropFirst(7))) {
            self = .index(UInt8(8 + i))
        } else if let n = Int(lower), (0...255).contains(n) {
            self = .index(UInt8(n))
        } else {
            return nil
        }
    }

    public var description: String {
        switch self {
        case .default: return "default"
        case .index(let i) where i < 8: return Color.names[Int(i)]
        case .index(let i): return String(i)
        }
    }
}

/// Text attributes a theme may give a role.
public struct Attributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = Attributes(rawValue: 1 << 0)
    public static let underline = Attributes(rawValue: 1 << 1)
    public static let reverse = Attributes(rawValue: 1 << 2)
    public static let dim = Attributes(rawValue: 1 << 3)
    public static let italic = Attributes(rawValue: 1 << 4)

    /// Attribute keywords of theme files, in the order they are written back.
    public static let keywords: [(String, Attributes)] = [
        ("bold", .bold), ("underline", .underline), ("reverse", .reverse), ("dim", .dim), ("italic", .italic),
    ]
}

/// How a role looks: foreground, background and attributes.
public struct Style: Hashable, Sendable, CustomStringConvertible {
    public var foreground: Color
    public var background: Color
    public var attributes: Attributes

    public init(foreground: Color = .default, background: Color = .default, attributes: Attributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    /// The terminal's default colours, no attributes.
    public static let plain = Style()

    /// The style as theme-file tokens, e.g. `fg=196 bold`, or `plain`.
    public var description: String {
        var tokens: [String] = []
        if foreground != .default { tokens.append("fg=\(foreground)") }
        if background != .default { tokens.append("bg=\(background)") }
        for (word, attribute) in Attributes.keywords where attributes.contains(attribute) { tokens.append(word) }
        return tokens.isEmpty ? "plain" : tokens.joined(separator: " ")
    }
}

/// The three colour capabilities a theme provides a form for.
public enum ColorForm: String, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    /// 256-colour terminals (`fg=0…255`).
    case colors256 = "256"
    /// 8-colour terminals (`fg=0…7` or the eight names).
    case colors8 = "8"
    /// No colour: attributes only.
    case mono

    public var description: String { rawValue }

    /// The form for a terminal with `colors` colours, honouring `NO_COLOR`: any non-empty
    /// value selects monochrome (see no-color.org).
    ///
    ///     ColorForm.select(colors: 256, environment: ["NO_COLOR": "1"])   // .mono
    public static func select(colors: Int, environment: [String: String]) -> ColorForm {
        if let value = environment["NO_COLOR"], !value.isEmpty { return .mono }
        if colors >= 256 { return .colors256 }
        if colors >= 8 { return .colors8 }
        return .mono
    }

    /// The form used when a theme has no section for this one.
    var fallback: ColorForm? {
        switch self {
        case .colors256: return .colors8
        case .colors8: return .mono
        case .mono: return nil
        }
    }
}
