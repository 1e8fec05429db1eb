/// What the YAML parser (libyaml, through Yams) said of a programme it refused, kept in its
/// parts so that it is told in the programme's language: libyaml writes English only, and a
/// French user reading « YAML invalide : mapping values are not allowed in this context » is
/// left with half a message.
///
/// The French words come from ``french``, a table of the messages libyaml 0.2.5 writes
/// (`scanner.c`, `parser.c`, `reader.c`) and of those Yams adds; a message not in it is given
/// as libyaml wrote it.
///
///     YAMLProblem(problem: "mapping values are not allowed in this context").text(.fr)
///     // « un « : » n'a pas sa place à cet endroit (clé et valeur sur une ligne déjà commencée) »
public struct YAMLProblem: Sendable, Equatable {
    /// libyaml's words for what is wrong.
    public var problem: String
    /// libyaml's words for what it was reading (`while parsing a block mapping`), if it said.
    public var context: String?
    /// Where what it was reading began (1-based), when it said.
    public var contextLine: Int?
    public var contextColumn: Int?
    /// A line above where a double quote opens and is not closed on its line (see
    /// ``ProgrammeLoader/openQuote(in:before:)``): the likely cause of a problem reported far below.
    public var openQuoteLine: Int?

    /// A problem in libyaml's words, with what it was reading and where that began.
    public init(problem: String, context: String? = nil, contextLine: Int? = nil, contextColumn: Int? = nil) {
        self.problem = problem
        self.context = context
        self.contextLine = contextLine
        self.contextColumn = contextColumn
    }

    /// The problem in `language`: `problem (context at line L, column C)` in English,
    /// `problème (en lisant …, commencé ligne L, colonne C)` in French. A context libyaml
    /// splits off the problem (« expected a single document », « but found another ») is joined
    /// to it.
    public func text(_ language: Language) -> String {
        let fr = language == .fr
        var out = problemAndContext(language)
        if let q = openQuoteLine {
            out +=
                fr
                ? " ; un guillemet « \" » ouvert ligne \(q) n'y est pas fermé"
                : "; a \" opened at line \(q) is not closed there"
        }
        return out
    }

    /// ``text(_:)`` without the open quote.
    private func problemAndContext(_ language: Language) -> String {
        let fr = language == .fr
        func told(_ words: String) -> String { fr ? (Self.french[words] ?? words) : words }
        if let context, problem.hasPrefix("but ") {
            return told(context + ", " + problem)
        }
        var out = told(problem)
        guard let context else { return out }
        if fr {
            out += " (" + told(context)
            if let l = contextLine, let c = contextColumn { out += ", commencé ligne \(l), colonne \(c)" }
        } else {
            out += " (" + context
            if let l = contextLine, let c = contextColumn { out += " at line \(l), column \(c)" }
        }
        return out + ")"
    }

    /// libyaml's and Yams's messages in French.
    static let french: [String: String] = [
        // What is wrong (scanner, parser, composer).
        "mapping values are not allowed in this context":
            "un « : » n'a pas sa place à cet endroit (clé et valeur sur une ligne déjà commencée)",
        "block sequence entries are not allowed in this context":
            "un élément de liste « - » n'a pas sa place à cet endroit",
        "did not find expected key": "une clé était attendue ici",
        "did not find expected node content": "une valeur était attendue ici",
        "did not find expected '-' indicator": "un élément de liste « - » était attendu ici",
        "did not find expected ',' or ']'": "« , » ou « ] » était attendu ici",
        "did not find expected ',' or '}'": "« , » ou « } » était attendu ici",
        "could not find expected ':'": "« : » était attendu ici",
        "found character that cannot start any token": "caractère qui ne peut rien commencer en YAML",
        "found unexpected end of stream": "fin du fichier inattendue",
        "found unexpected ':'": "« : » inattendu",
        "found unknown escape character": "séquence d'échappement « \\ » inconnue",
        "found invalid Unicode character escape code": "code d'échappement Unicode invalide",
        "did not find expected hexdecimal number": "un nombre hexadécimal était attendu ici",
        "found undefined alias": "alias « * » qui ne renvoie à aucune ancre « & »",
        "expected a single document in the stream, but found another document":
            "un seul document était attendu dans le fichier, mais il en contient un autre (« --- »)",
        "found unexpected document indicator": "marque de document « --- » ou « ... » inattendue",
        "found a tab character that violates indentation": "tabulation qui rompt l'indentation",
        "found a tab character where an indentation space is expected":
            "tabulation là où une espace d'indentation était attendue",
        "found an indentation indicator equal to 0": "indicateur d'indentation égal à 0",
        "did not find expected comment or line break": "commentaire ou fin de ligne attendu ici",
        "did not find expected whitespace or line break": "espace ou fin de ligne attendu ici",
        "did not find expected whitespace": "espace attendu ici",
        "did not find expected alphabetic or numeric character": "lettre ou chiffre attendu ici",
        "did not find expected '!'": "« ! » attendu ici",
        "did not find the expected '>'": "« > » attendu ici",
        "did not find expected tag URI": "URI d'étiquette attendue ici",
        "did not find URI escaped octet": "octet échappé d'URI attendu ici",
        "found undefined tag handle": "préfixe d'étiquette « ! » non défini",
        "found unknown directive name": "directive « % » inconnue",
        "could not find expected directive name": "nom de directive « % » attendu ici",
        "found unexpected non-alphabetical character": "caractère inattendu (une lettre était attendue)",
        "found duplicate %YAML directive": "directive %YAML en double",
        "found duplicate %TAG directive": "directive %TAG en double",
        "found incompatible YAML document": "document YAML d'une version incompatible",
        "found extremely long version number": "numéro de version trop long",
        "did not find expected version number": "numéro de version attendu ici",
        "did not find expected digit or '.' character": "chiffre ou « . » attendu ici",
        "did not find expected <document start>": "début de document « --- » attendu ici",
        "did not find expected <stream-start>": "début du fichier attendu",
        "control characters are not allowed": "caractère de contrôle interdit dans le texte",
        // The reader: bytes that are not text.
        "invalid leading UTF-8 octet": "octet UTF-8 de tête invalide",
        "invalid trailing UTF-8 octet": "octet UTF-8 de suite invalide",
        "incomplete UTF-8 octet sequence": "séquence UTF-8 incomplète",
        "invalid length of a UTF-8 sequence": "séquence UTF-8 de longueur invalide",
        "invalid Unicode character": "caractère Unicode invalide",
        "found an incorrect leading UTF-8 octet": "octet UTF-8 de tête incorrect",
        "found an incorrect trailing UTF-8 octet": "octet UTF-8 de suite incorrect",
        "incomplete UTF-16 character": "caractère UTF-16 incomplet",
        "incomplete UTF-16 surrogate pair": "paire de substitution UTF-16 incomplète",
        "unexpected low surrogate area": "demi-code de substitution bas inattendu",
        "expected low surrogate area": "demi-code de substitution bas attendu",
        "input is too long": "texte trop long",
        // What libyaml was reading.
        "while parsing a block mapping": "en lisant des clés",
        "while parsing a flow mapping": "en lisant des clés entre « { } »",
        "while parsing a block collection": "en lisant une liste ou des clés",
        "while parsing a flow sequence": "en lisant une liste entre « [ ] »",
        "while parsing a block node": "en lisant une valeur",
        "while parsing a flow node": "en lisant une valeur",
        "while parsing a node": "en lisant une valeur",
        "while parsing": "en lisant",
        "while parsing a quoted scalar": "en lisant un texte entre guillemets",
        "while parsing a tag": "en lisant une étiquette « ! »",
        "while parsing a %TAG directive": "en lisant une directive %TAG",
        "while parsing a tag directive": "en lisant une directive %TAG",
        "while scanning a simple key": "en lisant une clé",
        "while scanning a quoted scalar": "en lisant un texte entre guillemets",
        "while scanning a plain scalar": "en lisant un texte",
        "while scanning a block scalar": "en lisant un texte en bloc (« | » ou « > »)",
        "while scanning an alias": "en lisant un alias « * »",
        "while scanning an anchor": "en lisant une ancre « & »",
        "while scanning a tag": "en lisant une étiquette « ! »",
        "while scanning for the next token": "en cherchant la suite",
        "while scanning a directive": "en lisant une directive « % »",
        "while scanning a %YAML directive": "en lisant une directive %YAML",
        "while scanning a %TAG directive": "en lisant une directive %TAG",
        "while scanning a tag directive": "en lisant une directive %TAG",
    ]
}
