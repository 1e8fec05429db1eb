import Foundation

/// What a programme file is expected to hold at a place, named in a ``ProgrammeProblem``
/// (« expected the title of the meeting »), in French and in English.
public enum ProgrammeExpectation: Sendable, Equatable {
    /// The whole programme (title, venue, days…).
    case programme
    /// `objectives` (general, specific).
    case objectives
    /// `bureau` (president, moderators, rapporteurs).
    case bureau
    /// An abbreviation (acronym, name).
    case abbreviation
    /// `categories`: names of participant categories by organisation type.
    case categories
    /// An organisation (id, acronym, name, type…).
    case organisation
    /// A list of organisations (a file of the répertoire).
    case organisations
    /// An organisation or a list of them (a file of the répertoire).
    case organisationOrList
    /// A contact (function, name, phone, email).
    case contact
    /// A partner programme (title, sectors…).
    case partnerProgramme
    /// A commune or another unit of the board (id, name, cercle, region, fiches).
    case commune
    /// A project fiche (id, title, sector, total_cost…).
    case fiche
    /// A participant (id, function, organisation…).
    case participant
    /// A day (date, title, items).
    case day
    /// An agenda item (id, kind, title, duration…).
    case item
    /// The title of the meeting.
    case meetingTitle
    /// The meeting room and building.
    case venue
    /// An IANA time-zone name.
    case timeZone
    /// An ISO 3166-1 alpha-2 country code.
    case countryCode
    /// A list of specific objectives.
    case specificObjectives
    /// A list of earlier session folders.
    case follows
    /// An acronym (of an abbreviation).
    case acronym
    /// What an acronym stands for.
    case acronymMeaning
    /// One character, the CSV separator.
    case csvSeparator
    /// A list of days, each with a date and its items.
    case days
    /// An IATI organisation identifier.
    case iatiIdentifier
    /// A code of IATI's OrganisationType list; `codes` lists them.
    case iatiType(codes: String)
    /// A list of CRS purpose codes.
    case crsCodes
    /// One CRS purpose code.
    case crsCode
    /// The title of a partner programme.
    case programmeTitle
    /// A list of sectors (`example`: with an example).
    case sectors(example: Bool)
    /// A list of zones (`example`: with an example).
    case zones(example: Bool)
    /// A year.
    case year
    /// A date, such as `example`.
    case date(example: String)
    /// The title shown on the agenda.
    case itemTitle
    /// The list of agenda items of a day.
    case dayItems
    /// Text.
    case text
    /// A time of day.
    case timeOfDay
    /// A duration.
    case duration
    /// A whole amount.
    case amount
    /// A currency.
    case currency
    /// A unique id, such as `example`.
    case uniqueId(example: String)
    /// The id of one of `kinds`.
    case idOf(kinds: [IdKind])
    /// A list of ids of `kinds`.
    case idsOf(kinds: [IdKind])
    /// One of `values`.
    case oneOf(values: [String])
    /// True or false.
    case trueOrFalse
    /// A whole number from 1.
    case wholeNumberFromOne
    /// The title of a project fiche.
    case projectTitle
    /// The sector of a fiche.
    case sector
    /// The name of a commune or unit.
    case communeName
    /// A participant's function.
    case function
    /// A contact's function.
    case contactFunction
    /// The full name of an organisation.
    case organisationName
    /// The acronym of an organisation shown on screens.
    case organisationAcronym

    /// The phrase in `language` (after « expected » / « attendu »).
    public func text(_ language: Language) -> String {
        let fr = language == .fr
        func kinds(_ k: [IdKind], plural: Bool) -> String {
            let words = k.map { plural ? $0.plural(language) : $0.withArticle(language) }
            guard words.count > 1 else { return words.first ?? "" }
            return words.dropLast().joined(separator: ", ") + (fr ? " ou " : " or ") + words.last!
        }
        switch self {
        case .programme: return fr ? "le programme (title, venue, days…)" : "the programme (title, venue, days…)"
        case .objectives: return fr ? "les objectifs (general, specific)" : "the objectives (general, specific)"
        case .bureau:
            return fr
                ? "le bureau (president, moderators, rapporteurs)" : "the bureau (president, moderators, rapporteurs)"
        case .abbreviation: return fr ? "une abréviation (acronym, name)" : "an abbreviation (acronym, name)"
        case .categories:
            return fr
                ? "les noms des catégories de participants par type d'organisation (partner, ngo, organiser…, other)"
                : "names of participant categories by organisation type (partner, ngo, organiser…, other)"
        case .organisation:
            return fr ? "une organisation (id, acronym, name, type…)" : "an organisation (id, acronym, name, type…)"
        case .organisations: return fr ? "une liste d'organisations" : "a list of organisations"
        case .organisationOrList:
            return fr
                ? "une organisation (id, acronym, name, type…) ou une liste d'organisations"
                : "an organisation (id, acronym, name, type…) or a list of them"
        case .contact:
            return fr ? "un contact (function, name, phone, email)" : "a contact (function, name, phone, email)"
        case .partnerProgramme:
            return fr ? "un programme de partenaire (title, sectors…)" : "a partner programme (title, sectors…)"
        case .commune:
            return fr
                ? "une commune (id, name, cercle, region, fiches)" : "a commune (id, name, cercle, region, fiches)"
        case .fiche:
            return fr
                ? "une fiche de projet (id, title, sector, total_cost…)"
                : "a project fiche (id, title, sector, total_cost…)"
        case .participant:
            return fr ? "un participant (id, function, organisation…)" : "a participant (id, function, organisation…)"
        case .day: return fr ? "une journée (date, title, items)" : "a day (date, title, items)"
        case .item:
            return fr
                ? "un point de l'ordre du jour (id, kind, title, duration…)"
                : "an agenda item (id, kind, title, duration…)"
        case .meetingTitle: return fr ? "le titre de la rencontre" : "the title of the meeting"
        case .venue: return fr ? "la salle et le bâtiment" : "the meeting room and building"
        case .timeZone:
            return fr
                ? "un fuseau horaire IANA, par exemple Africa/Bamako" : "an IANA time-zone name such as Africa/Bamako"
        case .countryCode:
            return fr
                ? "un code pays ISO 3166-1 alpha-2, par exemple ML" : "an ISO 3166-1 alpha-2 country code such as ML"
        case .specificObjectives: return fr ? "une liste d'objectifs spécifiques" : "a list of specific objectives"
        case .follows:
            return fr
                ? "une liste de dossiers de sessions, par exemple [../segou-2023]"
                : "a list of session folders, e.g. [../segou-2023]"
        case .acronym: return fr ? "le sigle, par exemple PDESC" : "the acronym, e.g. PDESC"
        case .acronymMeaning: return fr ? "ce que veut dire le sigle" : "what the acronym stands for"
        case .csvSeparator: return fr ? "un caractère, par exemple ; ou ," : "one character such as ; or ,"
        case .days:
            return fr
                ? "une liste de journées, chacune avec sa date et ses points"
                : "a list of days, each with a date and its items"
        case .iatiIdentifier:
            return fr
                ? "un identifiant d'organisation IATI : l'agence d'enregistrement, un tiret, le numéro qu'elle donne, "
                    + "par exemple XM-DAC-41122"
                : "an IATI organisation identifier: the registration agency, a hyphen, the number it gives, e.g. XM-DAC-41122"
        case .iatiType(let codes):
            return fr
                ? "un code de la liste OrganisationType d'IATI : \(codes)"
                : "a code of IATI's OrganisationType list: \(codes)"
        case .crsCodes:
            return fr
                ? "une liste de codes-objet CRS du CAD de l'OCDE à cinq chiffres, par exemple [14030, 12220]"
                : "a list of five-digit OECD DAC CRS purpose codes, e.g. [14030, 12220]"
        case .crsCode:
            return fr
                ? "un code-objet CRS du CAD de l'OCDE à cinq chiffres, par exemple 14030"
                : "one five-digit OECD DAC CRS purpose code, e.g. 14030"
        case .programmeTitle: return fr ? "le titre du programme" : "the title of the programme"
        case .sectors(let example):
            return fr
                ? "une liste de secteurs" + (example ? ", par exemple [santé, eau]" : "")
                : "a list of sectors" + (example ? ", e.g. [santé, eau]" : "")
        case .zones(let example):
            return fr
                ? "une liste de zones" + (example ? ", par exemple [Ségou, San]" : "")
                : "a list of zones" + (example ? ", e.g. [Ségou, San]" : "")
        case .year: return fr ? "une année, par exemple 2022" : "a year such as 2022"
        case .date(let example): return fr ? "une date, par exemple \(example)" : "a date such as \(example)"
        case .dayItems: return fr ? "la liste des points de la journée" : "the list of agenda items of the day"
        case .text: return fr ? "du texte" : "text"
        case .itemTitle: return fr ? "le titre affiché à l'ordre du jour" : "the title shown on the agenda"
        case .timeOfDay: return fr ? "une heure, par exemple « 09:00 »" : "a time of day such as \"09:00\""
        case .duration:
            return fr
                ? "une durée, par exemple 20m, 1h30, 45s ou 90 (minutes)"
                : "a duration such as 20m, 1h30, 45s or 90 (minutes)"
        case .amount: return fr ? "un montant entier, par exemple 120 000 000" : "a whole amount such as 120 000 000"
        case .currency: return fr ? "une devise, par exemple FCFA, EUR ou USD" : "a currency such as FCFA, EUR or USD"
        case .uniqueId(let example):
            return fr ? "un identifiant unique, par exemple \(example)" : "a unique id such as \(example)"
        case .idOf(let k): return (fr ? "l'identifiant d'" : "the id of ") + kinds(k, plural: false)
        case .idsOf(let k): return (fr ? "une liste d'identifiants de " : "a list of ids of ") + kinds(k, plural: true)
        case .oneOf(let values): return (fr ? "l'une des valeurs " : "one of ") + values.joined(separator: ", ")
        case .trueOrFalse: return fr ? "true ou false (oui / non)" : "true or false"
        case .wholeNumberFromOne: return fr ? "un nombre entier à partir de 1" : "a whole number from 1"
        case .projectTitle: return fr ? "le titre du projet" : "the title of the project"
        case .sector:
            return fr ? "le secteur, par exemple eau, santé, éducation" : "the sector, e.g. eau, santé, éducation"
        case .communeName: return fr ? "le nom de la commune" : "the name of the commune"
        case .function: return fr ? "la fonction, par exemple Maire de Timissa" : "the function, e.g. Maire de Timissa"
        case .contactFunction:
            return fr ? "la fonction à demander, par exemple Point focal" : "the function to ask for, e.g. Point focal"
        case .organisationName: return fr ? "le nom complet de l'organisation" : "the full name of the organisation"
        case .organisationAcronym:
            return fr ? "le sigle affiché à l'écran, par exemple UNICEF" : "the acronym shown on screens, e.g. UNICEF"
        }
    }
}

/// How a node of the file looks, in « expected …, found … » messages.
public enum NodeShape: Sendable, Equatable {
    /// A scalar, its first 40 characters.
    case scalar(String)
    /// A mapping (key: value lines).
    case mapping
    /// A list.
    case list
    /// An alias.
    case alias
    /// Nothing (an empty value).
    case nothing

    /// The words in `language`.
    public func text(_ language: Language) -> String {
        let fr = language == .fr
        switch self {
        case .scalar(let s): return fr ? "« \(s) »" : "\"\(s)\""
        case .mapping: return fr ? "une table (lignes clé: valeur)" : "a mapping (key: value lines)"
        case .list: return fr ? "une liste" : "a list"
        case .alias: return fr ? "un alias" : "an alias"
        case .nothing: return fr ? "rien" : "nothing"
        }
    }
}

/// A problem of a programme file: one case per reason, with what it names; ``text(_:)`` gives
/// the message in French or English (one switch for both, checked by the compiler). The
/// location (`file:line:column: field:`) is added by ``Diagnostic``.
public enum ProgrammeProblem: Sendable, Equatable {
    /// The file is empty.
    case emptyFile
    /// The document is nested too deeply.
    case nestedTooDeeply
    /// The file is not UTF-8.
    case notUTF8
    /// YAML the parser refuses: what it said (`detail`, told in the programme's language), and
    /// whether the line is indented with tabs.
    case invalidYAML(detail: YAMLProblem, tabs: Bool)
    /// A key repeated in one mapping (`keys`), when it could not be reported at its place.
    case repeatedKeys(keys: [String])
    /// More repeated keys than can be reported.
    case tooManyRepeatedKeys
    /// A folder of `follows` with no session (`path` has no `file`).
    case noEarlierSession(name: String, path: String, file: String)
    /// Where `expected` is asked for, `found` is there.
    case expectedShape(expected: ProgrammeExpectation, found: NodeShape)
    /// A key that is not plain text; `example` is a known key.
    case keyNotPlain(example: String, found: NodeShape)
    /// A key given twice in a mapping; the first is at `line`, `column`.
    case duplicateKey(key: String, line: Int, column: Int)
    /// A key the programme does not know: a close one or the known ones.
    case unknownKey(key: String, suggestion: String?, known: [String])
    /// A merge key (`<<`) with something other than an alias of a mapping.
    case badMergeKey(found: NodeShape)
    /// A required field given empty.
    case requiredEmpty(ProgrammeExpectation)
    /// A required field left out.
    case requiredMissing(ProgrammeExpectation)
    /// Something else than a list where one is expected.
    case notAList(found: NodeShape)
    /// Something else than text in a list of texts.
    case expectedText(found: NodeShape)
    /// A value of `key` not among the `values`; `suggestion` is a close one.
    case unknownValue(key: String, typed: String, values: [String], suggestion: String?)
    /// A yes/no field with another value.
    case invalidBoolean(typed: String)
    /// A priority that is not a whole number from 1.
    case invalidPriority(typed: String)
    /// A duration refused (`reason` when the parser said more than « not a duration »).
    case invalidDuration(typed: String, reason: RefusalReason?)
    /// A duration of zero.
    case zeroDuration(typed: String)
    /// An amount refused, `problem` saying why (`currency` for decimals).
    case invalidAmount(typed: String, problem: Amounts.Problem, currency: String?, english: Bool)
    /// A value the one parser of ``Values`` refused (currency, CSV separator).
    case refused(RefusalReason)
    /// An unknown time zone.
    case unknownTimeZone(typed: String)
    /// An unknown country code.
    case unknownCountry(typed: String)
    /// An entry of the répertoire named, but there is no répertoire.
    case noDirectory(id: String)
    /// An organisation the répertoire (in `folder`) does not have.
    case unknownDirectoryOrganisation(id: String, folder: String, suggestion: String?)
    /// Programmes listed for an organisation that is not a partner (a warning).
    case programmesForPartnersOnly
    /// An IATI identifier that is not one.
    case invalidIatiIdentifier(typed: String)
    /// An unknown IATI organisation type.
    case unknownIatiType(typed: String, codes: String)
    /// A CRS code that is not one (`list`: in a list of codes).
    case invalidCrsCode(typed: String, list: Bool)
    /// An e-mail address that does not look like one (a warning).
    case notAnEmail(typed: String)
    /// A partner programme that ends before it starts.
    case endsBeforeStart(from: Int, to: Int)
    /// An invalid year.
    case invalidYear(typed: String)
    /// An invalid date; `example` is a real one.
    case invalidDate(typed: String, example: String)
    /// A fiche's contribution larger than its total cost.
    case contributionOverTotal(contribution: Int64, total: Int64, currency: String)
    /// Contribution and amount sought that do not add up to the total (a warning); `sum` is nil
    /// when it is more than the largest amount.
    case partsDoNotAddUp(sum: Int64?, total: Int64, currency: String)
    /// A fiche's amount sought larger than its total cost.
    case soughtOverTotal(sought: Int64, total: Int64, currency: String)
    /// A date given to two days; the first is `path` at `line`.
    case dateUsedTwice(date: String, path: String, line: Int)
    /// A day dated before the previous day.
    case dateOutOfOrder(date: String, previous: String, path: String)
    /// A day without agenda items (a warning).
    case dayWithoutItems
    /// An invalid time of day.
    case invalidTime(typed: String)
    /// The first item of a day without start.
    case firstItemWithoutStart
    /// An item starting at `start` while the previous one (`previous`) runs until `until`,
    /// overlapping by `overlap` seconds (a warning).
    case overlap(start: String, previous: String?, until: String, overlap: Int)
    /// An item running past midnight, ending at `end` the next day (a warning).
    case pastMidnight(end: String)
    /// An id with characters other than letters, digits, `-`, `_`, `.`; `example` is a good one.
    case invalidId(id: String, example: String)
    /// An id already used by a `kind` at `line`, `column` (`path`).
    case duplicateId(id: String, kind: IdKind, line: Int, column: Int, path: String)
    /// A reference to `id`, which is a `kind` (`path`), where one of `allowed` is expected.
    case wrongKindReference(id: String, kind: IdKind, path: String, allowed: [IdKind])
    /// A reference to an unknown id; `suggestion` is a close one.
    case unknownReference(id: String, allowed: [IdKind], suggestion: String?)
    /// The répertoire des intervenants the programme names cannot be read (see
    /// ``ProgrammeReadError``).
    case directoryUnreadable(ProgrammeReadError)
    /// An entry of the répertoire des intervenants left out for `problem`.
    indirect case leftOutOfDirectory(ProgrammeProblem)
    /// The programme's YAML aliases passed a bound of ``AliasBudget`` at alias `*alias`.
    case aliasBound(AliasBound, alias: String, limits: AliasLimits)
    /// A file of the répertoire des intervenants that cannot be read.
    case unreadableFile
    /// An organisation id of the répertoire already used in `file` at `line`.
    case duplicateDirectoryId(id: String, file: String, line: Int)
    /// A table to import whose cell opened with a quote at `line` has no closing one.
    case unclosedQuote(line: Int)
    /// A table to import that is not valid CSV (the reader's words, `detail`).
    case invalidCSV(detail: String)
    /// A table to import without a header row; `columns` are those it may name.
    case emptyTable(columns: [String])
    /// A column of the table's header palabre does not know; `suggestion` is a close one.
    case unknownColumn(name: String, suggestion: String?, columns: [String])
    /// A column of the table's header named a second time (`first`: the 1-based column of the
    /// first).
    case duplicateColumn(name: String, first: Int)
    /// Cells of a row past the header's `columns` columns, left out.
    case cellsPastHeader(columns: Int)
    /// A table without an `id` column.
    case noIdColumn
    /// A row of the table without an id.
    case emptyId
    /// A cell differing from the same organisation's first row, at `line` (only the contact
    /// columns may differ).
    case differsFromFirstRow(line: Int)
    /// A message given as text, said as it is.
    case other(String)

    /// The message in `language`; a hint names `document`, the description of the file's format.
    public func text(_ language: Language, describedIn document: FormatDocument = .programme) -> String {
        let fr = language == .fr
        /// « expected X » / « attendu X ».
        func exp(_ e: ProgrammeExpectation) -> String { (fr ? "attendu " : "expected ") + e.text(language) }
        func q(_ s: String) -> String { fr ? "« \(s) »" : "\"\(s)\"" }
        func money(_ a: Int64, _ c: String) -> String { "\(Amounts.format(a)) \(c)" }
        func kinds(_ k: [IdKind]) -> String { ProgrammeExpectation.idOf(kinds: k).text(language) }
        switch self {
        case .emptyFile:
            return fr
                ? "le fichier est vide : attendu un programme avec au moins title, venue et days"
                : "the file is empty: expected a programme with at least title, venue and days"
        case .nestedTooDeeply:
            return fr
                ? "le document est trop imbriqué pour être \(document.what(language)) : attendu la structure décrite "
                    + "dans \(document.path)"
                : "the document is nested too deeply to be \(document.what(language)): "
                    + "expected the structure described in \(document.path)"
        case .notUTF8:
            return fr
                ? "le fichier n'est pas du texte UTF-8 : attendu un fichier texte enregistré en UTF-8"
                : "the file is not UTF-8 text: expected a text file saved as UTF-8"
        case .invalidYAML(let detail, let tabs):
            let hint =
                tabs
                ? (fr
                    ? "les tabulations n'indentent pas le YAML : attendu des espaces"
                    : "tabs cannot indent YAML: expected spaces")
                : (fr
                    ? "attendu du YAML comme décrit dans \(document.path)"
                    : "expected YAML as described in \(document.path)")
            let said = detail.text(language)
            return (fr ? "YAML invalide" : "invalid YAML") + (said.isEmpty ? "" : (fr ? " : " : ": ") + said)
                + (fr ? " ; " : "; ") + hint
        case .repeatedKeys(let keys):
            let list = keys.map(q).joined(separator: ", ")
            return fr
                ? "clé \(list) répétée dans la même table : attendu chaque clé une fois"
                : "duplicate key \(list) in the same mapping: expected each key once"
        case .tooManyRepeatedKeys:
            return fr
                ? "trop de clés répétées : attendu chaque clé une fois par table"
                : "too many repeated keys: expected each key once per mapping"
        case .noEarlierSession(let name, let path, let file):
            return fr
                ? "aucune session à \(Text.echo(name)) (\(path) n'a pas de \(file)) : attendu le dossier d'une session "
                    + "antérieure, relatif à celle-ci, par exemple ../segou-2023"
                : "no session at \(Text.echo(name)) (\(path) has no \(file)): expected the folder "
                    + "of an earlier session, relative to this one, e.g. ../segou-2023"
        case .expectedShape(let e, let found):
            return fr ? "\(exp(e)), trouvé \(found.text(language))" : "\(exp(e)), found \(found.text(language))"
        case .keyNotPlain(let example, let found):
            return fr
                ? "attendu une clé simple comme « \(example) », trouvé \(found.text(language))"
                : "expected a plain key such as \"\(example)\", found \(found.text(language))"
        case .duplicateKey(let key, let line, let column):
            return fr
                ? "clé « \(Text.echo(key)) » répétée : déjà donnée ligne \(line), colonne \(column) ; attendu chaque "
                    + "clé une fois"
                : "duplicate key \"\(Text.echo(key))\": already given at line \(line), "
                    + "column \(column); expected each key once"
        case .unknownKey(let key, let suggestion, let known):
            let start = fr ? "clé inconnue « \(Text.echo(key)) »" : "unknown key \"\(Text.echo(key))\""
            if let suggestion {
                return start + (fr ? " : vouliez-vous dire « \(suggestion) » ?" : ": did you mean \"\(suggestion)\"?")
            }
            return start + (fr ? " : attendu l'une de " : ": expected one of ") + known.joined(separator: ", ")
        case .badMergeKey(let found):
            return fr
                ? "une clé de fusion (<<) prend l'alias d'une table, comme <<: *defaults, ou une liste d'alias ; "
                    + "trouvé \(found.text(language))"
                : "a merge key (<<) takes an alias of a mapping, such as <<: *defaults, or a list of them; "
                    + "found \(found.text(language))"
        case .requiredEmpty(let e):
            return (fr ? "champ obligatoire vide : " : "required field is empty: ") + exp(e)
        case .requiredMissing(let e):
            return (fr ? "champ obligatoire absent : " : "missing required field: ") + exp(e)
        case .notAList(let found):
            return fr
                ? "attendu une liste (lignes commençant par « - »), trouvé \(found.text(language))"
                : "expected a list (lines starting with \"- \"), found \(found.text(language))"
        case .expectedText(let found):
            return fr
                ? "attendu du texte, trouvé \(found.text(language))" : "expected text, found \(found.text(language))"
        case .unknownValue(let key, let typed, let values, let suggestion):
            let what = ProgrammeExpectation.oneOf(values: values)
            let name = key.replacingOccurrences(of: "_", with: " ")
            let close = suggestion.map { fr ? " (vouliez-vous dire « \($0) » ?)" : " (did you mean \"\($0)\"?)" } ?? ""
            return fr
                ? "valeur de \(name) inconnue « \(Text.echo(typed)) » : \(exp(what))\(close)"
                : "unknown \(name) \"\(Text.echo(typed))\": \(exp(what))\(close)"
        case .invalidBoolean(let t):
            return fr
                ? "valeur invalide « \(t) » : attendu true ou false (oui / non)"
                : "invalid value \"\(t)\": expected true or false (oui / non)"
        case .invalidPriority(let t):
            return fr
                ? "nombre invalide « \(t) » : attendu un nombre entier à partir de 1 (1 est la plus haute priorité)"
                : "invalid number \"\(t)\": expected a whole number from 1 (1 is the highest priority)"
        case .invalidDuration(let t, let reason):
            let why = reason.map { $0.text(language) } ?? exp(.duration)
            return (fr ? "durée invalide « \(t) » : " : "invalid duration \"\(t)\": ") + why
        case .zeroDuration(let t):
            return fr
                ? "la durée « \(t) » est nulle : attendu une durée positive, par exemple 5m"
                : "duration \"\(t)\" is zero: expected a positive duration such as 5m"
        case .invalidAmount(let t, let problem, let c, let english):
            let why: String
            switch problem {
            case .negative:
                why =
                    fr
                    ? "un montant ne peut pas être négatif ; attendu 0 ou plus, par exemple 120 000 000"
                    : "an amount cannot be negative; expected 0 or more, e.g. 120 000 000"
            case .decimal:
                why =
                    fr
                    ? "un montant est un nombre entier\(c.map { " (\($0) sans décimales ici)" } ?? "") ; attendu "
                        + "aucune décimale, par exemple 120 000 000\(english ? " ou 120,000,000" : "")"
                    : "an amount is a whole number\(c.map { " (\($0) has no decimals here)" } ?? ""); expected no "
                        + "decimals, e.g. 120 000 000\(english ? " or 120,000,000" : "")"
            case .ambiguous:
                why =
                    fr
                    ? "\(english ? "le point" : "la virgule") marque ici les décimales ; écrivez les milliers "
                        + "\(english ? "250,000" : "250 000") ou le montant à la suite"
                    : "the \(english ? "dot" : "comma") is the decimal mark in this programme's language; write the "
                        + "thousands \(english ? "as 250,000" : "as 250 000") or the amount plainly"
            case .exponent:
                why =
                    fr
                    ? "attendu le montant écrit en chiffres, par exemple 1 000 000 plutôt que 1e6"
                    : "expected the amount written in full digits, e.g. 1 000 000 rather than 1e6"
            case .grouping:
                why =
                    fr
                    ? "attendu des chiffres groupés par trois (13 830 294 624\(english ? ", 13,830,294,624" : "") "
                        + "ou 13_830_294_624) ou écrits à la suite"
                    : "expected digits grouped by three (13 830 294 624\(english ? ", 13,830,294,624" : "") "
                        + "or 13_830_294_624) or written plainly"
            case .tooLarge:
                why =
                    fr
                    ? "le montant est trop grand : attendu au plus \(Amounts.format(Int64.max))"
                    : "the amount is too large: expected at most \(Amounts.format(Int64.max))"
            case .empty, .notANumber: why = exp(.amount)
            }
            return (fr ? "montant invalide « \(t) » : " : "invalid amount \"\(t)\": ") + why
        case .refused(let reason):
            return reason.text(language)
        case .unknownTimeZone(let tz):
            return fr
                ? "fuseau horaire inconnu « \(tz) » : attendu un nom IANA, par exemple Africa/Bamako"
                : "unknown time zone \"\(tz)\": expected an IANA time-zone name such as Africa/Bamako"
        case .unknownCountry(let code):
            return fr
                ? "code pays inconnu « \(Text.echo(code)) » : attendu un code ISO 3166-1 alpha-2 en capitales, "
                    + "par exemple ML (Mali), BF (Burkina Faso), SN (Sénégal)"
                : "unknown country code \"\(Text.echo(code))\": expected an ISO 3166-1 alpha-2 code in capitals, "
                    + "such as ML (Mali), BF (Burkina Faso), SN (Senegal)"
        case .noDirectory(let id):
            return fr
                ? "« \(Text.echo(id)) » désigne une entrée du répertoire des intervenants, mais il n'y en a pas : "
                    + "attendu un dossier directory/ à côté du dossier de la session (ou directory: dans le programme), "
                    + "ou l'organisation écrite en entier (id, acronym, name, type)"
                : "\"\(Text.echo(id))\" names an entry of the répertoire des intervenants, but there is none: expected "
                    + "a folder directory/ beside the session folder (or directory: in the programme), or the "
                    + "organisation written in full (id, acronym, name, type)"
        case .unknownDirectoryOrganisation(let id, let folder, let suggestion):
            let start =
                fr
                ? "organisation inconnue « \(Text.echo(id)) » dans le répertoire des intervenants (\(folder))"
                : "unknown organisation \"\(Text.echo(id))\" in the répertoire des intervenants (\(folder))"
            if let suggestion {
                return start + (fr ? " : vouliez-vous dire « \(suggestion) » ?" : ": did you mean \"\(suggestion)\"?")
            }
            return start
                + (fr
                    ? " : attendu l'identifiant de l'une de ses organisations (palabre directory list)"
                    : ": expected the id of one of its organisations (palabre directory list)")
        case .programmesForPartnersOnly:
            return fr
                ? "les programmes ne se listent que pour les partenaires : indiquez type: partner ou retirez-les"
                : "programmes are listed for partners only: set type: partner or remove them"
        case .invalidIatiIdentifier(let t):
            return fr
                ? "identifiant IATI invalide « \(Text.echo(t)) » : \(exp(.iatiIdentifier))"
                : "invalid IATI identifier \"\(Text.echo(t))\": \(exp(.iatiIdentifier))"
        case .unknownIatiType(let t, let codes):
            return fr
                ? "type d'organisation IATI inconnu « \(Text.echo(t)) » : \(exp(.iatiType(codes: codes)))"
                : "unknown IATI organisation type \"\(Text.echo(t))\": \(exp(.iatiType(codes: codes)))"
        case .invalidCrsCode(let t, let list):
            let e = exp(list ? .crsCodes : .crsCode)
            return fr ? "code CRS invalide « \(Text.echo(t)) » : \(e)" : "invalid CRS code \"\(Text.echo(t))\": \(e)"
        case .notAnEmail(let t):
            return fr
                ? "« \(Text.echo(t)) » ne ressemble pas à une adresse électronique"
                : "\"\(Text.echo(t))\" does not look like an e-mail address"
        case .endsBeforeStart(let from, let to):
            return fr
                ? "le programme finit (\(to)) avant de commencer (\(from)) : attendu to ≥ from"
                : "the programme ends (\(to)) before it starts (\(from)): expected to ≥ from"
        case .invalidYear(let t):
            return fr
                ? "année invalide « \(Text.echo(t)) » : attendu une année, par exemple 2022"
                : "invalid year \"\(Text.echo(t))\": expected a year such as 2022"
        case .invalidDate(let t, let example):
            return fr
                ? "date invalide « \(Text.echo(t)) » : attendu une date réelle écrite AAAA-MM-JJ, par exemple \(example)"
                : "invalid date \"\(Text.echo(t))\": expected a real date written YYYY-MM-DD, e.g. \(example)"
        case .contributionOverTotal(let contribution, let total, let c):
            return fr
                ? "la contribution \(money(contribution, c)) dépasse total_cost \(money(total, c)) : attendu au plus "
                    + "le coût total"
                : "contribution \(money(contribution, c)) is larger than total_cost "
                    + "\(money(total, c)): expected at most the total cost"
        case .partsDoNotAddUp(let s, let total, let c):
            let sum = s.map { money($0, c) } ?? (fr ? "plus que le plus grand montant" : "more than the largest amount")
            return fr
                ? "contribution + amount_sought = \(sum), mais total_cost vaut \(money(total, c)) : attendu que les "
                    + "deux parts fassent le total"
                : "contribution + amount_sought = \(sum), but total_cost is "
                    + "\(money(total, c)): expected the two parts to add up to the total"
        case .soughtOverTotal(let sought, let total, let c):
            return fr
                ? "amount_sought \(money(sought, c)) dépasse total_cost \(money(total, c)) : attendu au plus le coût "
                    + "total"
                : "amount_sought \(money(sought, c)) is larger than total_cost "
                    + "\(money(total, c)): expected at most the total cost"
        case .dateUsedTwice(let date, let path, let line):
            return fr
                ? "la date \(date) est déjà celle de \(path) (ligne \(line)) : attendu une entrée par journée"
                : "date \(date) is already used by \(path) (line \(line)): expected one entry per day"
        case .dateOutOfOrder(let date, let previous, let path):
            return fr
                ? "la date \(date) précède \(previous) (\(path)) : attendu les journées dans l'ordre des dates"
                : "date \(date) comes before \(previous) (\(path)): expected days in date order"
        case .dayWithoutItems:
            return fr
                ? "la journée n'a pas encore de points : attendu une liste de points"
                : "the day has no agenda items yet: expected a list of items"
        case .invalidTime(let t):
            return fr
                ? "heure invalide « \(t) » : attendu une heure de 00:00 à 23:59, par exemple 09:00 ou 9h30"
                : "invalid time \"\(t)\": expected a time of day from 00:00 to 23:59, e.g. 09:00 or 9h30"
        case .firstItemWithoutStart:
            return fr
                ? "le premier point d'une journée a besoin d'une heure de début : attendu par exemple start: \"08:30\""
                : "the first item of a day needs a start time: expected e.g. start: \"08:30\""
        case .overlap(let start, let previous, let until, let overlap):
            let d = Durations.format(seconds: overlap)
            return fr
                ? "commence à \(start) mais le point précédent" + (previous.map { " « \($0) »" } ?? "")
                    + " dure jusqu'à \(until) (\(d) de chevauchement) : attendu un début à \(until) ou plus tard, "
                    + "ou un point précédent plus court"
                : "starts at \(start) but the previous item" + (previous.map { " \"\($0)\"" } ?? "")
                    + " runs until \(until) (\(d) overlap): "
                    + "expected a start at \(until) or later, or a shorter previous item"
        case .pastMidnight(let end):
            return fr
                ? "le point dépasse minuit (il finirait à \(end) le lendemain) : attendu une journée finie avant 24:00"
                : "the item runs past midnight (it would end at \(end) the next day): "
                    + "expected the day to end before 24:00"
        case .invalidId(let id, let example):
            return fr
                ? "identifiant invalide « \(id) » : attendu des lettres, des chiffres, « - », « _ » ou « . » seulement "
                    + "(sans espace), par exemple \(example)"
                : "invalid id \"\(id)\": expected letters, digits, \"-\", \"_\" or \".\" only (no spaces), e.g. "
                    + "\(example)"
        case .duplicateId(let id, let kind, let line, let column, let path):
            return fr
                ? "identifiant « \(id) » en double : déjà pris par \(kind.withArticle(language)) ligne \(line), "
                    + "colonne \(column) (\(path)) ; attendu des identifiants uniques dans tout le programme"
                : "duplicate id \"\(id)\": already used by the \(kind.noun) at line \(line), "
                    + "column \(column) (\(path)); expected ids unique across the programme"
        case .wrongKindReference(let id, let kind, let path, let allowed):
            return fr
                ? "« \(Text.echo(id)) » est \(kind.withArticle(language)) (\(path)) : attendu \(kinds(allowed))"
                : "\"\(Text.echo(id))\" is \(kind.withArticle(language)) (\(path)): expected \(kinds(allowed))"
        case .unknownReference(let id, let allowed, let suggestion):
            let what = allowed.count == 1 ? allowed[0].noun(language) : (fr ? "identifiant" : "id")
            let start =
                fr
                ? "\(what) inconnu\(allowed.count == 1 && allowed[0].feminine ? "e" : "") « \(Text.echo(id)) » : "
                : "unknown \(what) \"\(Text.echo(id))\": "
            if let suggestion {
                return start + (fr ? "vouliez-vous dire « \(suggestion) » ?" : "did you mean \"\(suggestion)\"?")
            }
            let sections = allowed.map { $0.section(language) }.joined(separator: fr ? " ou " : " or ")
            return start + (fr ? "attendu \(kinds(allowed)) listé sous " : "expected \(kinds(allowed)) listed under ")
                + sections
        case .directoryUnreadable(let error):
            // Plain spaces: ``Diagnostic/message`` escapes invisible characters, then puts the
            // French no-break spaces back.
            return error.message(language).replacingOccurrences(of: "\u{00A0}", with: " ")
        case .leftOutOfDirectory(let problem):
            return problem.text(language)
                + (fr
                    ? " (cette fiche du répertoire est laissée de côté)" : " (this entry of the directory is left out)")
        case .aliasBound(let bound, let alias, let limits):
            // Plain spaces between thousands: the message is escaped before it is shown.
            func n(_ v: Int) -> String { Amounts.format(Int64(v), separator: fr ? " " : ",") }
            let what: String
            switch bound {
            case .uses:
                what =
                    fr
                    ? "plus de \(n(limits.uses)) utilisations d'alias (*nom) dans le document"
                    : "more than \(n(limits.uses)) uses of aliases (*name) in the document"
            case .collectionAsKey:
                what =
                    fr
                    ? "un alias de liste ou de clés sert de clé"
                    : "an alias of a list or mapping is used as a mapping key"
            case .values:
                what =
                    fr
                    ? "les alias développent le document au-delà de \(n(limits.values)) valeurs"
                    : "the aliases expand the document past \(n(limits.values)) values"
            case .text:
                what =
                    fr
                    ? "les alias développent le document au-delà de \(limits.kibibytes) Kio de texte"
                    : "the aliases expand the document past \(limits.kibibytes) KiB of text"
            }
            let expected: String
            if bound == .collectionAsKey {
                expected = fr ? "attendu une clé simple comme title" : "expected a plain key such as title"
            } else {
                expected =
                    fr
                    ? "refusé, comme le serait un document fait pour grandir sans fin ; attendu chaque alias utilisé "
                        + "quelques fois (au plus \(n(limits.uses)) utilisations, \(n(limits.values)) valeurs et "
                        + "\(limits.kibibytes) Kio de texte une fois développé) et les longs textes écrits une fois"
                    : "refused, as a document built to grow without end would be; expected each alias used a few "
                        + "times (at most \(n(limits.uses)) uses, \(n(limits.values)) values and "
                        + "\(limits.kibibytes) KiB of text once expanded) and long texts written once"
            }
            return what + " (alias *\(Text.echo(alias, limit: 60)))" + (fr ? " : " : ": ") + expected
        case .unreadableFile:
            return fr ? "impossible de lire le fichier" : "cannot read the file"
        case .duplicateDirectoryId(let id, let file, let line):
            return fr
                ? "identifiant « \(Text.echo(id)) » en double : déjà pris dans \(file) ligne \(line) ; attendu des "
                    + "identifiants uniques dans tout le répertoire"
                : "duplicate id \"\(Text.echo(id))\": already used in \(file) at line \(line); expected ids unique "
                    + "across the directory"
        case .unclosedQuote(let line):
            return fr
                ? "guillemet non fermé ligne \(line) : la cellule ouverte par \" n'a pas de \" fermant ; fermez-la, et "
                    + "écrivez un guillemet dans une cellule \"\""
                : "unclosed quote at line \(line): the cell opened with \" has no closing \"; close it, and write a "
                    + "quote inside a cell as \"\""
        case .invalidCSV(let detail):
            return fr
                ? "le tableau n'est pas un CSV valide (\(detail)) : vérifiez les guillemets de cette ligne"
                : "the table is not valid CSV (\(detail)): check the quotes on that line"
        case .emptyTable(let columns):
            return fr
                ? "le tableau est vide : attendu une ligne d'en-tête nommant les colonnes, par exemple "
                    + columns.joined(separator: ";")
                : "the table is empty: expected a header row naming the columns, e.g. " + columns.joined(separator: ";")
        case .unknownColumn(let name, let suggestion, let columns):
            let head = (fr ? "colonne inconnue " : "unknown column ") + q(Text.echo(name))
            if let suggestion {
                return head + (fr ? " : vouliez-vous dire \(q(suggestion)) ?" : ": did you mean \(q(suggestion))?")
            }
            return head + (fr ? " : attendu certaines de " : ": expected some of ") + columns.joined(separator: ", ")
        case .duplicateColumn(let name, let first):
            return fr
                ? "colonne \(q(Text.echo(name))) en double : déjà en colonne \(first) ; attendu chaque colonne une fois"
                : "duplicate column \(q(Text.echo(name))): already column \(first); expected each column once"
        case .cellsPastHeader(let columns):
            return fr
                ? "cellules au-delà des \(columns) colonnes de l'en-tête : elles sont laissées de côté ; nommez leur "
                    + "colonne dans l'en-tête ou videz-les"
                : "cells past the header's \(columns) columns: they are left out; name their column in the header or "
                    + "empty them"
        case .noIdColumn:
            return fr
                ? "pas de colonne id : attendu une colonne « id » nommant chaque organisation"
                : "no id column: expected a column \"id\" naming each organisation"
        case .emptyId:
            return fr
                ? "id vide : attendu l'identifiant de l'organisation à chaque ligne"
                : "empty id: expected the id of the organisation on every row"
        case .differsFromFirstRow(let line):
            return fr
                ? "diffère de la ligne \(line) pour la même organisation : attendu la même valeur sur chacune de ses "
                    + "lignes (seuls les contacts changent d'une ligne à l'autre)"
                : "differs from line \(line) for the same organisation: expected the same value on each of its rows "
                    + "(only the contacts change from row to row)"
        case .other(let message):
            return message
        }
    }
}

/// The document that describes a file's format, named by the hints of its problems.
public enum FormatDocument: Sendable, Equatable {
    /// `programme.yaml`: docs/programme-format.md.
    case programme
    /// A file of the répertoire des intervenants: docs/directory.md.
    case directory

    /// Its path in the project.
    public var path: String {
        switch self {
        case .programme: "docs/programme-format.md"
        case .directory: "docs/directory.md"
        }
    }

    /// What a file of this format is, after « pour être » / "to be".
    func what(_ language: Language) -> String {
        switch (self, language) {
        case (.programme, .fr): "un programme"
        case (.programme, .en): "a programme"
        case (.directory, .fr): "un fichier du répertoire"
        case (.directory, .en): "a file of the répertoire"
        }
    }
}
