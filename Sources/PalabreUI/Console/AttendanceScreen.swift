import PalabreCore

/// The Attendance screen (F3).
public struct AttendanceScreen: ConsoleScreen {
    public static let id = ScreenID.attendance
    /// Labels of this screen: id → (French, English).
    static let labels: [String: (fr: String, en: String)] = [:]
    /// Bindings of this screen, part of Keymap/all.
    static let bindings: [Binding] = []

    public init() {}
    public var isTyping: Bool { false }

    public mutating func render(into grid: inout Grid, area: Rect, context: ScreenContext) -> Position? {
        grid.put(x: area.x + 1, y: area.y + 1, text: context.labels["screen.attendance"], role: .title)
        return nil
    }

    public mutating func perform(action: String, context: ScreenContext) -> KeyOutcome { .none }
    public mutating func handle(key: Key, context: ScreenContext) -> KeyOutcome { .none }
}
