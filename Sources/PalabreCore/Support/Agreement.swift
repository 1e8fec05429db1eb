/// Number agreement of counted nouns, the one rule every screen and document uses.
///
/// French takes the singular for 0 and 1 (« 0 entrée », « 1 entrée », « 2 entrées »; Académie
/// française, « zéro » is followed by the singular in current usage), English only for 1 ("0 entries",
/// "1 entry").
public enum Agreement {
    /// Whether `n` takes the singular in `language`.
    public static func isSingular(_ n: Int, _ language: Language) -> Bool {
        language == .fr ? abs(n) <= 1 : abs(n) == 1
    }

    /// « 3 entrées », "1 entry": `n`, a space, and `one` or `many` as ``isSingular(_:_:)`` says.
    public static func counted(_ n: Int, one: String, many: String, _ language: Language) -> String {
        "\(n) " + (isSingular(n, language) ? one : many)
    }
}
