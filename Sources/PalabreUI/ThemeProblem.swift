import PalabreCore

/// A problem of a theme file: one case per reason with what it names; ``text(_:)`` gives the
/// message in French or English from one switch, so the compiler checks both languages.
public enum ThemeProblem: Hashable, Sendable {
    /// A section header without its closing `]`.
    case unclosedSection(header: String)
    /// Unknown section names (`names`: as typed, or the whole header when empty).
    case unknownSection(names: [String], header: String)
    /// A role line before any section header.
    case roleBeforeSection(role: String)
    /// A role name that is not lowercase dotted words.
    case badRoleName(role: String)
    /// A role line without style.
    case noStyle(role: String)
    /// A role palabre does not know (a warning); `known` lists palabre's roles.
    case unknownRole(role: String, known: [String])
    /// A role defined twice for `section`, first at `line`.
    case roleDefinedTwice(role: String, section: String, line: Int)
    /// No section in the file.
    case noSection
    /// `plain` with other tokens.
    case plainNotAlone
    /// A token that is not a style.
    case unknownToken(token: String)
    /// `fg=` or `bg=` given twice (`key`: `fg` or `bg`).
    case colourTwice(key: String)
    /// A colour in `[mono]`.
    case colourInMono(token: String)
    /// Something that is not a colour.
    case notAColour(name: String)
    /// A colour above 7 in `[8]`.
    case needs256(name: String)
    /// The theme was not found (`searched`: the folders looked in, empty for a path);
    /// `fallback` is the built-in theme used instead.
    case notFound(searched: [String], fallback: String)
    /// The file is not UTF-8 text.
    case notUTF8(fallback: String)
    /// The file has errors: the built-in `fallback` theme is used.
    case hasErrors(fallback: String)

    /// The message in `language`.
    public func text(_ language: Language) -> String {
        let fr = language == .fr
        let sections =
            fr
            ? "attendu [256], [8], [mono] ou plusieurs, par exemple [256, 8, mono]"
            : "expected [256], [8], [mono] or several, e.g. [256, 8, mono]"
        let tokens =
            fr
            ? "attendu fg=COULEUR, bg=COULEUR, bold, underline, reverse, dim, italic, ou plain seul"
            : "expected fg=COLOUR, bg=COLOUR, bold, underline, reverse, dim, italic, or plain alone"
        func q(_ s: String) -> String { fr ? "« \(s) »" : "'\(s)'" }
        let colourNames = "black, red, green, yellow, blue, magenta, cyan, white"
        switch self {
        case .unclosedSection(let header):
            return fr
                ? "l'en-tête de section \(q(header)) n'a pas son « ] » final ; \(sections)"
                : "section header '\(header)' lacks its closing ']'; \(sections)"
        case .unknownSection(let names, let header):
            let shown = names.isEmpty ? header : names.map(q).joined(separator: ", ")
            return fr ? "section inconnue \(shown) ; \(sections)" : "unknown section \(shown); \(sections)"
        case .roleBeforeSection(let role):
            return fr
                ? "le rôle \(q(role)) vient avant toute section ; commencez par un en-tête de section : \(sections)"
                : "role '\(role)' comes before any section; start with a section header: \(sections)"
        case .badRoleName(let role):
            return fr
                ? "\(q(role)) n'est pas un nom de rôle ; attendu des mots en minuscules séparés par des points, "
                    + "par exemple timer.over"
                : "'\(role)' is not a role name; expected lowercase dotted words such as timer.over"
        case .noStyle(let role):
            return fr ? "le rôle \(q(role)) n'a pas de style ; \(tokens)" : "role '\(role)' has no style; \(tokens)"
        case .unknownRole(let role, let known):
            return fr
                ? "rôle inconnu \(q(role)) ; les rôles de palabre sont " + known.joined(separator: ", ")
                : "unknown role '\(role)'; palabre's roles are " + known.joined(separator: ", ")
        case .roleDefinedTwice(let role, let section, let line):
            return fr
                ? "le rôle \(q(role)) est déjà défini pour [\(section)] à la ligne \(line) ; gardez une ligne par rôle "
                    + "et par section"
                : "role '\(role)' is already defined for [\(section)] at line \(line); keep one "
                    + "line per role and section"
        case .noSection:
            return fr
                ? "aucune section trouvée ; \(sections), chacune suivie de lignes « RÔLE STYLE… »"
                : "no section found; \(sections), each followed by lines 'ROLE STYLE…'"
        case .plainNotAlone:
            return fr
                ? "« plain » doit être seul (il veut dire couleurs par défaut, sans attribut) ; retirez-le ou les "
                    + "autres mots"
                : "'plain' must stand alone (it means default colours, no attributes); remove it or the "
                    + "other tokens"
        case .unknownToken(let token):
            return fr ? "mot inconnu \(q(token)) ; \(tokens)" : "unknown token '\(token)'; \(tokens)"
        case .colourTwice(let key):
            return fr
                ? "\(key)= est donné deux fois ; un seul \(key)= par ligne"
                : "\(key)= is given twice; give one \(key)= per line"
        case .colourInMono(let token):
            return fr
                ? "les couleurs sont interdites en [mono] (\(q(token))) ; utilisez bold, underline, reverse, dim ou "
                    + "italic"
                : "colours are not allowed in [mono] ('\(token)'); use bold, underline, reverse, dim or italic"
        case .notAColour(let name):
            return fr
                ? "\(q(name)) n'est pas une couleur ; attendu default, un nombre de 0 à 255, un nom (\(colourNames)) "
                    + "ou bright-NOM"
                : "'\(name)' is not a colour; expected default, a number 0–255, a name (\(colourNames)) or bright-NAME"
        case .needs256(let name):
            return fr
                ? "la couleur \(name) demande 256 couleurs ; en [8], utilisez 0 à 7, default ou \(colourNames)"
                : "colour \(name) needs 256 colours; in [8] use 0–7, default or \(colourNames)"
        case .notFound(let searched, let fallback):
            let place =
                searched.isEmpty
                ? "" : (fr ? " (cherché dans : " : " (searched: ") + searched.joined(separator: ", ") + ")"
            return fr
                ? "thème introuvable\(place) ; le thème intégré \(fallback) est utilisé"
                : "theme not found\(place); using the built-in \(fallback) theme"
        case .notUTF8(let fallback):
            return fr
                ? "illisible comme texte UTF-8 ; le thème intégré \(fallback) est utilisé"
                : "cannot be read as UTF-8 text; using the built-in \(fallback) theme"
        case .hasErrors(let fallback):
            return fr
                ? "contient des erreurs ; le thème intégré \(fallback) est utilisé"
                : "has errors; using the built-in \(fallback) theme"
        }
    }
}
