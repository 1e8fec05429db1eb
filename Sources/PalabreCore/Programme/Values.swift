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

    /// An amount, exact and whole, typed in a session in `language` (see
    /// ``Amounts/check(_:language:)``): `120 000 000`, `2 500 000` with no-break spaces,
    /// `2_500_000`, `2.500.000`, `1,250,000`, `2,5 millions`, `2.5M`, `250 k`. `1,500` is 1500 in
    /// English and 1,5 in French (refused: decimals), `1.500` the other way round. `currency`
    /// (its usual name) is named in the diagnosis of decimals.
    ///
    /// Throws ``Refusal`` `bad-amount`, `negative`, `decimal`, `grouping` or `too-large`.
    public static func amount(
        _ text: String, language: Language = .fr, currency: String? = nil
    ) throws(Refusal)
        -> Int64
    {
        let example = language == .fr ? "2 500 000" : "2,500,000"
        switch Amounts.check(text, language: language) {
        case .success(let v): return v
        case .failure(.negative):
            throw Refusal(
                "negative", fr: "« \(echo(text)) » : un montant ne peut pas être négatif.",
                en: "“\(echo(text))”: an amount cannot be negative.")
        case .failure(.tooLarge): throw tooLarge(text, fr: "9 223 372 036 854 775 807", en: "9,223,372,036,854,775,807")
        case .failure(.decimal):
            let c = currency.map { (try? Self.currency($0)) ?? $0 }
            throw Refusal(
                "decimal",
                fr: "« \(echo(text)) » : un montant s'écrit sans décimales"
                    + (c.map { " (\($0) : unités entières)" } ?? "") + ", par exemple 2 500 000 ou 2,5 millions.",
                en: "“\(echo(text))”: write the amount without decimals"
                    + (c.map { " (\($0): whole units)" } ?? "") + ", e.g. 2,500,000 or 2.5 million.")
        case .failure(.exponent):
            throw Refusal(
                "bad-amount",
                fr: "« \(echo(text)) » : écrivez le montant en chiffres, par exemple 1 000 000 plutôt que 1e6.",
                en: "“\(echo(text))”: write the amount in full digits, e.g. 1,000,000 rather than 1e6.")
        case .failure(.grouping):
            throw Refusal(
                "grouping",
                fr:
                    "« \(echo(text)) » : chiffres mal groupés ; groupez-les par trois (\(example)) ou écrivez-les à la suite.",
                en: "“\(echo(text))”: badly grouped digits; group them by three (\(example)) or write them plainly.")
        case .failure:
            throw Refusal(
                "bad-amount",
                fr: "« \(echo(text)) » n'est pas un montant : écrivez 2500000, 2 500 000 ou 2,5 millions.",
                en: "“\(echo(text))” is not an amount: write 2500000, 2,500,000 or 2.5 million.")
        }
    }

    /// How an ambiguous amount was read, to echo back: one comma or dot before exactly three
    /// digits (`1,500`, `1.500`) is a thousands separator in one language and a decimal mark in
    /// the other. Nil when `text` is not ambiguous or not an amount.
    public static func amountReading(_ text: String, language: Language) -> String? {
        let t = text.trimmingCharacters(in: .whitespaces)
        let marks = t.filter { $0 == "," || $0 == "." }
        guard marks.count == 1, let mark = marks.first,
            t.split(separator: mark, omittingEmptySubsequences: false).last?.count == 3,
            t.allSatisfy({ $0.isASCIIDigit || $0 == mark }),
            let value = try? amount(t, language: language)
        else { return nil }
        let shown = Money.group(value, language: language)
        return language == .fr
            ? "« \(echo(text)) » lu comme \(shown) (en français, « \(mark) » sépare ici les milliers)."
            : "“\(echo(text))” read as \(shown) (in English, “\(mark)” separates thousands here)."
    }

    /// Usual names of currencies, keyed by their folded spelling without spaces and dots: the
    /// CFA franc of West Africa (F CFA, FCFA, CFA, XOF, francs CFA) is shown « FCFA », € and euros
    /// are EUR, $ and dollars USD, £ GBP. Names, never conversions.
    static let currencyNames: [String: String] = [
        "fcfa": "FCFA", "cfa": "FCFA", "xof": "FCFA", "francscfa": "FCFA", "francs": "FCFA", "francfcfa": "FCFA",
        "francscfa(xof)": "FCFA", "€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR",
        "$": "USD", "us$": "USD", "usd": "USD", "dollar": "USD", "dollars": "USD",
        "£": "GBP", "gbp": "GBP", "livre": "GBP", "livres": "GBP", "pound": "GBP", "pounds": "GBP",
    ]

    /// A currency as typed, under its usual name (``currencyNames``); anything else must be a
    /// code of 3 or 4 letters (GBP, CHF), returned in capitals. One table for the programme, the
    /// command line and the consoles, so `€`, `euro` and `EUR` are one currency everywhere.
    /// Throws ``Refusal`` `bad-currency`.
    public static func currency(_ typed: String) throws(Refusal) -> String {
        let key = Text.fold(typed).filter { !" .".contains($0) }
        if let n = currencyNames[key] { return n }
        let code = typed.trimmingCharacters(in: .whitespaces).uppercased()
        guard (3...4).contains(code.count), code.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            throw Refusal(
                "bad-currency", fr: "Devise « \(echo(typed)) » : écrivez FCFA, EUR, USD ou un code de 3 lettres.",
                en: "Currency “\(echo(typed))”: write FCFA, EUR, USD or a 3-letter code.")
        }
        return code
    }

    // MARK: Dates and moments

    /// A calendar date: `YYYY-MM-DD`, or `DD/MM/YYYY` as written in French and British English
    /// (returned as `YYYY-MM-DD`). Throws ``Refusal`` `bad-date` for anything else or a date
    /// that does not exist (`2023-02-30`).
    public static func date(_ text: String) throws(Refusal) -> String {
        let t = text.trimmingCharacters(in: .whitespaces)
        if CalendarDate.isValid(t) { return t }
        let parts = t.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count == 3, parts[2].count == 4, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count) {
            let iso =
                "\(parts[2])-\(parts[1].count == 1 ? "0" : "")\(parts[1])-\(parts[0].count == 1 ? "0" : "")\(parts[0])"
            if CalendarDate.isValid(iso) { return iso }
        }
        throw Refusal(
            "bad-date", fr: "« \(echo(text)) » n'est pas une date : écrivez AAAA-MM-JJ (2023-10-17) ou JJ/MM/AAAA.",
            en: "“\(echo(text))” is not a date: write YYYY-MM-DD (2023-10-17) or DD/MM/YYYY.")
    }

    /// A time of day in seconds after midnight: `09:30`, `9h30`, `9h`, `09:30:15`.
    /// Throws ``Refusal`` `bad-time`.
    public static func timeOfDay(_ text: String) throws(Refusal) -> Int {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let m = ClockTime.parse(t) { return m * 60 }
        let hms = t.split(separator: ":", omittingEmptySubsequences: false)
        if hms.count == 3, hms.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCIIDigit) }),
            let h = Int(hms[0]), let m = Int(hms[1]), let sec = Int(hms[2]), h < 24, m < 60, sec < 60
        {
            return h * 3600 + m * 60 + sec
        }
        throw Refusal(
            "bad-time", fr: "« \(echo(text)) » n'est pas une heure : écrivez HH:MM (09:30 ou 9h30).",
            en: "“\(echo(text))” is not a time of day: write HH:MM (09:30).")
    }

    /// A moment of the meeting, the same forms wherever one is asked (`--at` of `do`, `script`,
    /// `minutes`, `screen` and `export`, `replay --from`, the replay `g` prompt):
    /// - RFC 3339: `2023-10-17T09:00:00+00:00`;
    /// - `YYYY-MM-DD HH:MM` (or `DD/MM/YYYY HH:MM`), `D HH:MM` with D the day number in the
    ///   programme (`2 10:30`: the second day at 10:30);
    /// - `HH:MM` (`9h30`, `HH:MM:SS`) on `defaultDate`;
    /// - relative `+1:30`, `-10m`, `+90s` (a duration, see ``duration(_:signed:)``) from
    ///   `position` where there is one (replay; the last event for `--at`).
    ///
    /// Local times are in the programme's time zone. Throws ``Refusal`` `bad-moment`,
    /// `unknown-day` (a day number the programme does not have) or `no-position`.
    public static func instant(
        _ text: String, programme: Programme, defaultDate: String?, position: Instant? = nil
    ) throws(Refusal) -> Instant {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let i = RFC3339.parse(t) { return i }
        let local = LocalTime(identifier: programme.timeZone)
        if let sign = t.first, sign == "+" || sign == "-" || sign == "−" {
            guard let position else {
                throw Refusal(
                    "no-position", fr: "« \(echo(text)) » : un moment relatif n'a de sens que depuis une position.",
                    en: "“\(echo(text))”: a relative moment needs a position to start from.")
            }
            let body = String(t.dropFirst())
            let seconds: Int
            if let hm = ClockTime.parse(body) { seconds = hm * 60 } else { seconds = try duration(body) }
            return position.adding(seconds: sign == "+" ? seconds : -seconds)
        }
        let parts = t.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let bad = Refusal(
            "bad-moment",
            fr: "« \(echo(text)) » n'est pas un moment : écrivez HH:MM, « J HH:MM » (jour J), « AAAA-MM-JJ HH:MM », "
                + "+1:30 / -10m depuis la position, ou RFC 3339.",
            en: "“\(echo(text))” is not a moment: write HH:MM, 'D HH:MM' (day D), 'YYYY-MM-DD HH:MM', +1:30 / -10m "
                + "from the position, or RFC 3339.")
        guard parts.count == 1 || parts.count == 2 else { throw bad }
        var date = defaultDate ?? programme.days.first?.date
        if parts.count == 2 {
            if parts[0].allSatisfy(\.isASCIIDigit), parts[0].count <= 3, let d = Int(parts[0]) {
                guard d >= 1, d <= programme.days.count else {
                    throw Refusal(
                        "unknown-day",
                        fr: "« \(echo(text)) » : le programme a \(programme.days.count) journée(s), pas de jour \(d).",
                        en: "“\(echo(text))”: the programme has \(programme.days.count) day(s), no day \(d).")
                }
                date = programme.days[d - 1].date
            } else {
                guard let d = try? Self.date(parts[0]) else { throw bad }
                date = d
            }
        }
        guard let date, let seconds = try? timeOfDay(parts[parts.count - 1]),
            let i = local.instant(date: date, minutes: seconds / 60)
        else { throw bad }
        return i.adding(seconds: seconds % 60)
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

    /// Spellings of a participant category: the organisation types (the programme's table), civil
    /// society for NGOs, and « autres » (nil).
    static let categoryWords: [String: OrganisationType?] = {
        var table: [String: OrganisationType?] = Aliases.organisationType.mapValues { $0 }
        for w in ["societe-civile", "civil-society", "osc", "cso", "association", "associations"] { table[w] = .ngo }
        for w in ["secteur-prive", "private-sector", "entreprise", "business"] { table[w] = .private }
        for w in ["other", "others", "autre", "autres", "public", "none", "aucune"] { table[w] = .some(nil) }
        return table
    }()

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

    /// Spellings of a commitment's status after the meeting (suivi).
    static let followUpWords: [String: FollowUpStatus] = [
        "intention": .intention, "confirmed": .confirmed, "confirme": .confirmed, "confirmee": .confirmed,
        "signed": .signed, "signe": .signed, "signee": .signed, "convention": .signed, "convention-signee": .signed,
        "disbursed": .disbursed, "decaisse": .disbursed, "decaissee": .disbursed, "decaissement": .disbursed,
        "paid": .disbursed, "abandoned": .abandoned, "abandonne": .abandoned, "abandonnee": .abandoned,
    ]

    /// Spellings of an action's or a recommendation's status after the meeting.
    static let actionWords: [String: ActionStatus] = [
        "started": .started, "commence": .started, "commencee": .started, "en-cours": .started,
        "done": .done, "realise": .done, "realisee": .done, "fait": .done, "faite": .done,
        "late": .late, "en-retard": .late, "retard": .late,
        "dropped": .dropped, "abandonne": .dropped, "abandonnee": .dropped,
    ]

    /// Spellings of a fiche's status after the meeting.
    static let ficheWords: [String: FicheStatus] = [
        "prepared": .prepared, "elaboree": .prepared, "fiche-elaboree": .prepared, "preparee": .prepared,
        "study-funded": .studyFunded, "etude-financee": .studyFunded,
        "works-started": .worksStarted, "travaux-commences": .worksStarted, "travaux": .worksStarted,
        "done": .done, "realisee": .done, "realise": .done, "termine": .done, "terminee": .done,
    ]

    /// A commitment's status in its follow-up (`signed`, `décaissé`, `abandonné`…). Throws
    /// ``Refusal`` `bad-status`.
    public static func followUpStatus(_ text: String) throws(Refusal) -> FollowUpStatus {
        try word(
            text, followUpWords, "bad-status",
            fr: "Statut « \(echo(text)) » inconnu : intention, confirmé, signé, décaissé ou abandonné.",
            en: "Unknown status “\(echo(text))”: intention, confirmed, signed, disbursed or abandoned.")
    }

    /// An action's or recommendation's status in its follow-up (`started`, `réalisée`, `en retard`…).
    /// Throws ``Refusal`` `bad-status`.
    public static func actionStatus(_ text: String) throws(Refusal) -> ActionStatus {
        try word(
            text, actionWords, "bad-status",
            fr: "Statut « \(echo(text)) » inconnu : commencée, réalisée, en retard ou abandonnée.",
            en: "Unknown status “\(echo(text))”: started, done, late or dropped.")
    }

    /// A fiche's status in its follow-up (`prepared`, `étude financée`, `travaux commencés`,
    /// `done`…). Throws ``Refusal`` `bad-status`.
    public static func ficheStatus(_ text: String) throws(Refusal) -> FicheStatus {
        try word(
            text, ficheWords, "bad-status",
            fr: "Statut « \(echo(text)) » inconnu : élaborée, étude financée, travaux commencés ou réalisée.",
            en: "Unknown status “\(echo(text))”: prepared, study-funded, works-started or done.")
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

    /// A vote's outcome: `adopted`/`adopté`/`adoptée`/`pour`/`yes`…, `rejected`/`rejeté`/`contre`/`no`….
    /// Throws ``Refusal`` `bad-outcome`.
    public static func voteOutcome(_ text: String) throws(Refusal) -> VoteOutcome {
        try word(
            text, outcomeWords, "bad-outcome", fr: "Résultat « \(echo(text)) » inconnu : adopté ou rejeté.",
            en: "Unknown outcome “\(echo(text))”: adopted or rejected.")
    }

    /// A number of votes: a whole number, zero or more (`9`, `12`). Throws ``Refusal`` `bad-count`.
    public static func voteCount(_ text: String) throws(Refusal) -> Int {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard let n = Int(t), n >= 0, n <= 1_000_000 else {
            throw Refusal(
                "bad-count", fr: "Nombre de voix « \(echo(text)) » : écrivez un nombre entier (0, 9, 12…).",
                en: "Number of votes “\(echo(text))”: write a whole number (0, 9, 12…).")
        }
        return n
    }

    /// Words of a vote's outcome, folded by ``key(_:)``.
    static let outcomeWords: [String: VoteOutcome] = [
        "adopted": .adopted, "adopt": .adopted, "carried": .adopted, "passed": .adopted, "yes": .adopted,
        "adopte": .adopted, "adoptee": .adopted, "adoptes": .adopted, "adoptees": .adopted, "oui": .adopted,
        "rejected": .rejected, "reject": .rejected, "failed": .rejected, "defeated": .rejected, "no": .rejected,
        "rejete": .rejected, "rejetee": .rejected, "rejetes": .rejected, "rejetees": .rejected, "non": .rejected,
    ]

    /// A participant's sex: `F`/`femme`/`female`, `M`/`H`/`homme`/`male`, `unspecified`/`nc`.
    /// Throws ``Refusal`` `bad-sex`.
    public static func sex(_ text: String) throws(Refusal) -> Sex {
        if text.trimmingCharacters(in: .whitespaces).isEmpty { return .unspecified }
        return try word(
            text, sexWords, "bad-sex",
            fr: "Sexe « \(echo(text)) » : écrivez F (femme), H ou M (homme), ou nc (non précisé).",
            en: "Sex “\(echo(text))”: write F (female), M (male) or unspecified.")
    }

    /// A participant category: an organisation type (`ptf`/`partner`, `commune`, `service-technique`,
    /// `ong`/`société civile`/`osc`, `privé`/`secteur privé`, `organisateur`), or `autres`/`other`
    /// for none (nil). Throws ``Refusal`` `bad-category`.
    public static func category(_ text: String) throws(Refusal) -> OrganisationType? {
        try word(
            text, categoryWords, "bad-category",
            fr: "Catégorie « \(echo(text)) » : écrivez ptf, commune, service-technique, société civile (ong), "
                + "privé, organisateur ou autres.",
            en: "Category “\(echo(text))”: write partner, commune, state-service, civil society (ngo), private, "
                + "organiser or other.")
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
