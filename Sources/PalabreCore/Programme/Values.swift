import Foundation

/// The one parser of each value a user types — on the command line (`palabre do`, `palabre
/// script`), in the consoles' forms and prompts, in replay and in the programme. Each returns
/// the value or throws a ``Refusal`` saying, in French and in English, what is wrong with the
/// text (not a number, too large, negative, decimals…) and what to write instead.
///
/// The accepted forms are listed in docs/values.md; a table test runs the same inputs through
/// every front end.
public enum Values {
    /// A word in the form the synonym tables use: lower case, no accents, words joined by `-`
    /// (`Convention signée` → `convention-signee`).
    public static func key(_ text: String) -> String { fold(text) }

    // MARK: Numbers

    /// A duration in seconds: minutes by default (`5`, `1,5`, `1.5` → 300, 90, 90), or with units
    /// (`90s`, `20 min`, `1h30`, `1h05m30s`; see ``Durations/parse(_:)``). With `signed`, a
    /// leading `-` or `+` gives a negative or positive duration (`-5` shortens); otherwise a
    /// negative duration is refused as such. At most 999 999 minutes (about two years): more is
    /// « too large ». Decimal minutes are rounded to the second.
    ///
    /// Throws ``Refusal`` `bad-duration`, `negative` or `too-large`.
    public static func duration(_ text: String, signed: Bool = false) throws(Refusal) -> Int {
        var t = text.trimmingCharacters(in: .whitespaces)
        var sign = 1
        if let first = t.first, "-−+".contains(first) {
            if first != "+" {
                guard signed else {
                    throw Refusal(
                        "negative", fr: "« \(echo(text)) » : une durée ne peut pas être négative ici.",
                        en: "“\(echo(text))”: a duration cannot be negative here.")
                }
                sign = -1
            }
            t = String(t.dropFirst()).trimmingCharacters(in: .whitespaces)
        }
        if let digits = t.split(whereSeparator: { !$0.isASCIIDigit }).map(\.count).max(), digits > 6 {
            throw tooLarge(text, fr: "999 999 minutes", en: "999,999 minutes")
        }
        if let s = Durations.parse(t) { return sign * s }
        if let s = decimalMinutes(t) { return sign * s }
        throw Refusal(
            "bad-duration",
            fr: "« \(echo(text)) » n'est pas une durée : écrivez des minutes (5, 1,5) ou 1h30, 20m, 90s.",
            en: "“\(echo(text))” is not a duration: write minutes (5, 1.5) or 1h30, 20m, 90s.")
    }

    /// `1,5` or `1.5` (minutes, with an optional unit `m`/`min`/`h`) in whole seconds.
    private static func decimalMinutes(_ t: String) -> Int? {
        let lower = t.lowercased()
        var unit = 60
        var body = Substring(lower)
        for (suffix, factor) in [("minutes", 60), ("min", 60), ("mn", 60), ("m", 60), ("h", 3600)]
        where lower.hasSuffix(suffix) {
            body = lower.dropLast(suffix.count)
            unit = factor
            break
        }
        let number = body.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
        let parts = number.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, parts[1].count <= 3,
            parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }), let value = Double(number)
        else { return nil }
        return Int((value * Double(unit)).rounded())
    }

    /// The seq of an entry or event as printed when it was recorded (`12` or `#12`), from 1.
    /// Throws ``Refusal`` `bad-seq`, `negative` or `too-large`.
    public static func entryNumber(_ text: String) throws(Refusal) -> Int {
        let t = text.trimmingCharacters(in: .whitespaces)
        let body = t.hasPrefix("#") ? String(t.dropFirst()) : t
        return try count(
            body, original: text,
            fr: "« \(echo(text)) » n'est pas un numéro d'entrée (le numéro affiché à l'enregistrement, 12 ou #12).",
            en: "“\(echo(text))” is not an entry number (the seq printed when it was recorded, 12 or #12).")
    }

    /// A place in a list, from 1 (`reorder-speaker WHO 1` puts at the head).
    /// Throws ``Refusal`` `bad-number`, `negative` or `too-large`.
    public static func position(_ text: String) throws(Refusal) -> Int {
        try count(
            text.trimmingCharacters(in: .whitespaces), original: text,
            fr: "« \(echo(text)) » n'est pas un rang : écrivez un nombre entier à partir de 1.",
            en: "“\(echo(text))” is not a place: write a whole number from 1.")
    }

    private static func count(_ body: String, original: String, fr: String, en: String) throws(Refusal) -> Int {
        if let first = body.first, "-−".contains(first), body.dropFirst().allSatisfy(\.isASCIIDigit), body.count > 1 {
            throw Refusal(
                "negative", fr: "« \(echo(original)) » : un nombre négatif n'a pas de sens ici (à partir de 1).",
                en: "“\(echo(original))”: a negative number means nothing here (from 1).")
        }
        guard !body.isEmpty, body.allSatisfy(\.isASCIIDigit) else { throw Refusal("bad-number", fr: fr, en: en) }
        guard body.count <= 9, let n = Int(body) else { throw tooLarge(original, fr: "999 999 999", en: "999,999,999") }
        guard n >= 1 else { throw Refusal("bad-number", fr: fr, en: en) }
        return n
    }

    static func tooLarge(_ text: String, fr: String, en: String) -> Refusal {
        Refusal(
            "too-large", fr: "« \(echo(text)) » est trop grand (au plus \(fr)).",
            en: "“\(echo(text))” is too large (at most \(en)).")
    }

    /// `text` as echoed in a message: visible controls, cut to 60 characters.
    static func echo(_ text: String) -> String {
        let cut = text.count > 60 ? String(text.prefix(60)) + "…" : text
        return Text.echo(cut)
    }

    /// An amount, exact and whole (see ``Amounts/parse(_:)``). Throws ``Refusal`` `bad-amount`,
    /// `negative`, `decimal` or `too-large`, each saying what to write.
    public static func amount(_ text: String) throws(Refusal) -> Int64 {
        switch Amounts.check(text) {
        case .success(let v): return v
        case .failure(.negative):
            throw Refusal(
                "negative", fr: "« \(echo(text)) » : un montant ne peut pas être négatif.",
                en: "“\(echo(text))”: an amount cannot be negative.")
        case .failure(.tooLarge): throw tooLarge(text, fr: "9 223 372 036 854 775 807", en: "9,223,372,036,854,775,807")
        case .failure(.decimal):
            throw Refusal(
                "decimal", fr: "« \(echo(text)) » : un montant s'écrit sans décimales, par exemple 2 500 000.",
                en: "“\(echo(text))”: write the amount without decimals, e.g. 2,500,000.")
        case .failure:
            throw Refusal(
                "bad-amount", fr: "« \(echo(text)) » n'est pas un montant : écrivez 2500000 ou 2 500 000.",
                en: "“\(echo(text))” is not an amount: write 2500000 or 2,500,000.")
        }
    }

    // MARK: Words

    /// Spellings of a commitment's status: the English value, French words (masculine and
    /// feminine), initials.
    static let statusWords: [String: CommitmentStatus] = [
        "announced": .announced, "annonce": .announced, "annoncee": .announced, "a": .announced,
        "intention": .intention, "i": .intention,
        "confirmed": .confirmed, "confirme": .confirmed, "confirmee": .confirmed, "c": .confirmed,
        "signed": .signed, "signe": .signed, "signee": .signed, "convention": .signed,
        "convention-signee": .signed, "s": .signed,
    ]

    /// Spellings of a commitment's nature.
    static let natureWords: [String: CommitmentNature] = [
        "financial": .financial, "financier": .financial, "financiere": .financial, "f": .financial,
        "technical": .technical, "technique": .technical, "t": .technical,
        "study": .study, "etude": .study, "e": .study, "s": .study,
    ]

    /// Spellings of a participant's sex (the programme's table, plus `woman`/`man`).
    static let sexWords: [String: Sex] = Aliases.sex.merging(
        ["woman": .female, "w": .female, "man": .male, "inconnu": .unspecified, "?": .unspecified]
    ) { a, _ in a }

    /// Yes and no, both languages.
    static let yesNoWords: [String: Bool] = [
        "true": true, "yes": true, "y": true, "oui": true, "o": true, "vrai": true, "on": true,
        "false": false, "no": false, "n": false, "non": false, "faux": false, "off": false,
    ]

    /// A commitment's status (`announced`, `annoncée`, `convention signée`, `c`…).
    /// Throws ``Refusal`` `bad-status`.
    public static func status(_ text: String) throws(Refusal) -> CommitmentStatus {
        try word(
            text, statusWords, "bad-status",
            fr: "Statut « \(echo(text)) » inconnu : annoncé, intention, confirmé ou signé.",
            en: "Unknown status “\(echo(text))”: announced, intention, confirmed or signed.")
    }

    /// A commitment's nature (`financial`, `technique`, `étude`, `f`…). Throws ``Refusal`` `bad-nature`.
    public static func nature(_ text: String) throws(Refusal) -> CommitmentNature {
        try word(
            text, natureWords, "bad-nature", fr: "Nature « \(echo(text)) » inconnue : financier, technique ou étude.",
            en: "Unknown nature “\(echo(text))”: financial, technical or study.")
    }

    /// An agenda item's kind: its English value or a French word (`débat`, `synthèse`…).
    /// Throws ``Refusal`` `bad-kind`.
    public static func itemKind(_ text: String) throws(Refusal) -> ItemKind {
        let all = ItemKind.allCases.map(\.rawValue).joined(separator: ", ")
        return try word(
            text, Aliases.itemKind, "bad-kind",
            fr: "Type de point « \(echo(text)) » inconnu : \(all) (ou débat, synthèse, pause…).",
            en: "Unknown item kind “\(echo(text))”: \(all).")
    }

    /// A participant's sex: `F`/`femme`/`female`, `M`/`H`/`homme`/`male`, `unspecified`/`nc`.
    /// Throws ``Refusal`` `bad-sex`.
    public static func sex(_ text: String) throws(Refusal) -> Sex {
        if text.trimmingCharacters(in: .whitespaces).isEmpty { return .unspecified }
        return try word(
            text, sexWords, "bad-sex",
            fr: "Sexe « \(echo(text)) » : écrivez F (femme), H ou M (homme), ou nc (non précisé).",
            en: "Sex “\(echo(text))”: write F (female), M (male) or unspecified.")
    }

    /// Yes or no: `oui`/`yes`/`true`/`o`/`y`…, `non`/`no`/`false`/`n`…. Throws ``Refusal`` `bad-yes-no`.
    public static func yesNo(_ text: String) throws(Refusal) -> Bool {
        try word(
            text, yesNoWords, "bad-yes-no", fr: "« \(echo(text)) » : répondez oui ou non.",
            en: "“\(echo(text))”: answer yes or no.")
    }

    /// The value of `text` in `table` (keyed by ``key(_:)``), or a refusal `code` with these messages.
    private static func word<T>(
        _ text: String, _ table: [String: T], _ code: String, fr: @autoclosure () -> String,
        en: @autoclosure () -> String
    ) throws(Refusal) -> T {
        if let value = table[key(text)] { return value }
        throw Refusal(code, fr: fr(), en: en())
    }

    /// A speaking limit: a duration, or `none` / `aucune` / `sans` / `0` for no limit (nil).
    /// Throws what ``duration(_:signed:)`` throws.
    public static func speakingLimit(_ text: String) throws(Refusal) -> Int? {
        if ["none", "aucun", "aucune", "sans", "0", "off", "non", "no"].contains(key(text)) { return nil }
        let s = try duration(text)
        guard s > 0 else { return nil }
        return s
    }
}
