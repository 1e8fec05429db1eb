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
                    throw Refusal(.negativeDuration(typed: text))
                }
                sign = -1
            }
            t = String(t.dropFirst()).trimmingCharacters(in: .whitespaces)
        }
        if let digits = t.split(whereSeparator: { !$0.isASCIIDigit }).map(\.count).max(), digits > 6 {
            throw Refusal(.tooLarge(typed: text, limit: .minutes))
        }
        if let s = Durations.parse(t) { return sign * s }
        if let s = decimalMinutes(t) { return sign * s }
        throw Refusal(.notADuration(typed: text))
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
        return try count(body, original: text, bad: .notAnEntryNumber(typed: text))
    }

    /// A place in a list, from 1 (`reorder-speaker WHO 1` puts at the head).
    /// Throws ``Refusal`` `bad-number`, `negative` or `too-large`.
    public static func position(_ text: String) throws(Refusal) -> Int {
        try count(text.trimmingCharacters(in: .whitespaces), original: text, bad: .notAPosition(typed: text))
    }

    private static func count(_ body: String, original: String, bad: RefusalReason) throws(Refusal) -> Int {
        if let first = body.first, "-−".contains(first), body.dropFirst().allSatisfy(\.isASCIIDigit), body.count > 1 {
            throw Refusal(.negativeNumber(typed: original))
        }
        guard !body.isEmpty, body.allSatisfy(\.isASCIIDigit) else { throw Refusal(bad) }
        guard body.count <= 9, let n = Int(body) else { throw Refusal(.tooLarge(typed: original, limit: .count)) }
        guard n >= 1 else { throw Refusal(bad) }
        return n
    }

    /// `text` as echoed in a message: visible controls, cut to 60 characters.
    static func echo(_ text: String) -> String {
        let cut = text.count > 60 ? String(text.prefix(60)) + "…" : text
        return Text.echo(cut)
    }

    /// An amount, exact and whole, typed in a session in `language` (see
    /// ``Amounts/check(_:language:)``): `120 000 000`, `2 500 000` with no-break spaces,
    /// `2_500_000`, `2.500.000`, `1,250,000`, `2,5 millions`, `2.5M`, `250 k`. `1,500` is 1500 in
    /// English and refused in French (ambiguous), `1.500` the other way round. `currency`
    /// (its usual name) is named in the diagnosis of decimals.
    ///
    /// `250,000` in French (`250.000` in English) is refused as `ambiguous`: the language's
    /// decimal mark before three digits is most often thousands written the other way.
    ///
    /// Throws ``Refusal`` `bad-amount`, `negative`, `decimal`, `ambiguous`, `grouping` or
    /// `too-large`.
    public static func amount(
        _ text: String, language: Language = .fr, currency: String? = nil
    ) throws(Refusal)
        -> Int64
    {
        let example = language == .fr ? "2 500 000" : "2,500,000"
        if let (amount, code) = Self.currencyWritten(in: text) {
            throw Refusal(.currencyInAmount(typed: text, amount: amount, currency: code))
        }
        switch Amounts.check(text, language: language) {
        case .success(let v): return v
        case .failure(.negative):
            throw Refusal(.negativeAmount(typed: text))
        case .failure(.tooLarge): throw Refusal(.tooLarge(typed: text, limit: .amount))
        case .failure(.decimal):
            let c = currency.map { (try? Self.currency($0)) ?? $0 }
            throw Refusal(.amountWithDecimals(typed: text, currency: c))
        case .failure(.ambiguous):
            let t = text.trimmingCharacters(in: .whitespaces)
            let parts = t.split(separator: language == .fr ? "," : ".")
            let units = Int64(parts.first ?? "") ?? 0
            let thousands = units * 1000 + (Int64(parts.last ?? "") ?? 0)
            throw Refusal(
                .ambiguousAmount(
                    typed: text, thousands: Money.group(thousands, language: language),
                    units: Money.group(units, language: language), english: language == .en))
        case .failure(.exponent):
            throw Refusal(.amountWithExponent(typed: text))
        case .failure(.grouping):
            throw Refusal(.badlyGroupedAmount(typed: text, example: example))
        case .failure:
            throw Refusal(.notAnAmount(typed: text))
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

    /// The amount and the currency of a text that writes both (« £ 250,000 », « 2 500 000 FCFA »,
    /// « 15000€ »): a currency symbol or a known currency name or code (``currency(_:)``) before
    /// or after digits. Nil when the text holds no such currency.
    static func currencyWritten(in text: String) -> (amount: String, currency: String)? {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard let firstDigit = t.firstIndex(where: \.isASCIIDigit), let lastDigit = t.lastIndex(where: \.isASCIIDigit)
        else { return nil }
        let before = t[..<firstDigit].trimmingCharacters(in: .whitespaces)
        let after = t[t.index(after: lastDigit)...].trimmingCharacters(in: .whitespaces)
        let amount = t[firstDigit...lastDigit].trimmingCharacters(in: .whitespaces)
        for side in [before, after] where !side.isEmpty && side != "-" && !side.allSatisfy({ $0.isNumber }) {
            let word = side.trimmingCharacters(in: CharacterSet(charactersIn: ".,"))
            // Words like « millions » are the amount's, not a currency.
            if let code = try? currency(word),
                currencyNames[Text.fold(word).filter { !" .".contains($0) }] != nil
                    || Currencies.name(of: code, language: .en) != nil || code == "FCFA"
            {
                return (String(amount), code)
            }
        }
        return nil
    }

    /// A currency as typed, under its usual name (``currencyNames``); anything else must be a
    /// code of 3 or 4 letters (GBP, CHF), returned in capitals. One table for the programme, the
    /// command line and the consoles, so `€`, `euro` and `EUR` are one currency everywhere.
    /// Throws ``Refusal`` `bad-currency`.
    public static func currency(_ typed: String) throws(Refusal) -> String {
        let key = Text.fold(typed).filter { !" .".contains($0) }
        if let n = currencyNames[key] { return n }
        let code = typed.trimmingCharacters(in: .whitespaces).uppercased()
        guard (3...4).contains(code.count), code.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            throw Refusal(.unknownCurrency(typed: typed))
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
        if let (y, m, d) = spelledDate(t) {
            let iso = String(format: "%04d-%02d-%02d", y, m, d)
            if CalendarDate.isValid(iso) { return iso }
        }
        throw Refusal(.notADate(typed: text))
    }

    /// Months by their names and usual abbreviations, French and English, without accents or case.
    private static let months: [String: Int] = {
        let names: [[String]] = [
            ["janvier", "janv", "january", "jan"], ["fevrier", "fevr", "fev", "february", "feb"],
            ["mars", "march", "mar"], ["avril", "avr", "april", "apr"], ["mai", "may"], ["juin", "june", "jun"],
            ["juillet", "juil", "july", "jul"], ["aout", "august", "aug"], ["septembre", "sept", "september", "sep"],
            ["octobre", "october", "oct"], ["novembre", "november", "nov"], ["decembre", "december", "dec"],
        ]
        var out: [String: Int] = [:]
        for (i, words) in names.enumerated() { for w in words { out[w] = i + 1 } }
        return out
    }()

    /// Year, month and day of a date written with its month's name — « 31 janvier 2027 »,
    /// « 1er mars 2027 », “31 January 2027”, “January 31, 2027”, “31 Jan 2027” — whether or not
    /// the day exists (the caller checks); nil for any other text.
    static func spelledDate(_ text: String) -> (year: Int, month: Int, day: Int)? {
        let words = Text.fold(text).split(whereSeparator: { $0 == " " || $0 == "," || $0 == "." || $0 == "\u{00A0}" })
            .map(String.init)
        guard words.count == 3, let year = Int(words[2]), words[2].count == 4 else { return nil }
        func day(_ w: String) -> Int? {
            let digits =
                w.hasSuffix("er")
                ? String(w.dropLast(2))
                : w.hasSuffix("st") || w.hasSuffix("nd")
                    || w.hasSuffix("rd") || w.hasSuffix("th") ? String(w.dropLast(2)) : w
            guard (1...2).contains(digits.count), let d = Int(digits), (1...31).contains(d) else { return nil }
            return d
        }
        if let d = day(words[0]), let m = months[words[1]] { return (year, m, d) }
        if let m = months[words[0]], let d = day(words[1]) { return (year, m, d) }
        return nil
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
        throw Refusal(.notATime(typed: text))
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
                throw Refusal(.relativeWithoutPosition(typed: text))
            }
            let body = String(t.dropFirst())
            let seconds: Int
            if let hm = ClockTime.parse(body) { seconds = hm * 60 } else { seconds = try duration(body) }
            return position.adding(seconds: sign == "+" ? seconds : -seconds)
        }
        let parts = t.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let bad = Refusal(.notAMoment(typed: text))
        guard parts.count == 1 || parts.count == 2 else { throw bad }
        var date = defaultDate ?? programme.days.first?.date
        if parts.count == 2 {
            if parts[0].allSatisfy(\.isASCIIDigit), parts[0].count <= 3, let d = Int(parts[0]) {
                guard d >= 1, d <= programme.days.count else {
                    throw Refusal(.unknownDayNumber(typed: text, days: programme.days.count, number: d))
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
        try word(text, statusWords, .unknownCommitmentStatus(typed: text))
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
        try word(text, followUpWords, .unknownFollowUpStatus(typed: text))
    }

    /// An action's or recommendation's status in its follow-up (`started`, `réalisée`, `en retard`…).
    /// Throws ``Refusal`` `bad-status`.
    public static func actionStatus(_ text: String) throws(Refusal) -> ActionStatus {
        try word(text, actionWords, .unknownActionStatus(typed: text))
    }

    /// A fiche's status in its follow-up (`prepared`, `étude financée`, `travaux commencés`,
    /// `done`…). Throws ``Refusal`` `bad-status`.
    public static func ficheStatus(_ text: String) throws(Refusal) -> FicheStatus {
        try word(text, ficheWords, .unknownFicheStatus(typed: text))
    }

    /// A commitment's nature (`financial`, `technique`, `étude`, `f`…). Throws ``Refusal`` `bad-nature`.
    public static func nature(_ text: String) throws(Refusal) -> CommitmentNature {
        try word(text, natureWords, .unknownNature(typed: text))
    }

    /// An agenda item's kind: its English value or a French word (`débat`, `synthèse`…).
    /// Throws ``Refusal`` `bad-kind`.
    public static func itemKind(_ text: String) throws(Refusal) -> ItemKind {
        let all = ItemKind.allCases.map(\.rawValue).joined(separator: ", ")
        return try word(text, Aliases.itemKind, .unknownItemKind(typed: text, kinds: all))
    }

    /// A vote's outcome: `adopted`/`adopté`/`adoptée`/`pour`/`yes`…, `rejected`/`rejeté`/`contre`/`no`….
    /// Throws ``Refusal`` `bad-outcome`.
    public static func voteOutcome(_ text: String) throws(Refusal) -> VoteOutcome {
        try word(text, outcomeWords, .unknownOutcome(typed: text))
    }

    /// A number of votes: a whole number, zero or more (`9`, `12`). Throws ``Refusal`` `bad-count`.
    public static func voteCount(_ text: String) throws(Refusal) -> Int {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard let n = Int(t), n >= 0, n <= 1_000_000 else {
            throw Refusal(.notAVoteCount(typed: text))
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
        return try word(text, sexWords, .unknownSex(typed: text))
    }

    /// A participant category: an organisation type (`ptf`/`partner`, `commune`, `service-technique`,
    /// `ong`/`société civile`/`osc`, `privé`/`secteur privé`, `organisateur`), or `autres`/`other`
    /// for none (nil). Throws ``Refusal`` `bad-category`.
    public static func category(_ text: String) throws(Refusal) -> OrganisationType? {
        try word(text, categoryWords, .unknownCategory(typed: text))
    }

    /// Yes or no: `oui`/`yes`/`true`/`o`/`y`…, `non`/`no`/`false`/`n`…. Throws ``Refusal`` `bad-yes-no`.
    public static func yesNo(_ text: String) throws(Refusal) -> Bool {
        try word(text, yesNoWords, .notYesOrNo(typed: text))
    }

    /// The value of `text` in `table` (keyed by ``key(_:)``), or the refusal `reason`.
    private static func word<T>(
        _ text: String, _ table: [String: T], _ reason: @autoclosure () -> RefusalReason
    ) throws(Refusal) -> T {
        if let value = table[key(text)] { return value }
        throw Refusal(reason())
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
