import PalabreCore

/// Words of the user interface in French and English.
///
/// Every label is a case of ``UILabel`` (one exhaustive table, checked by the compiler); families
/// that follow a value (kinds, statuses, actions, categories) are typed functions of ``UILabel``,
/// so no id is looked up at run time and none can show raw on screen.
public struct Labels: Sendable {
    /// Language of this set.
    public let language: Language

    /// Creates the labels for `language`.
    public init(_ language: Language) { self.language = language }

    /// The label `label` in this language.
    public subscript(_ label: UILabel) -> String {
        let l = label.pair
        return language == .fr ? l.fr : l.en
    }
}

extension Language {
    /// French day and month names for headers and documents.
    static let frenchMonths = [
        "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
        "septembre", "octobre", "novembre", "décembre",
    ]
}
