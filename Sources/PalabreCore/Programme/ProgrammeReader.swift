import Foundation
import Yams

/// A position in the programme file, 1-based.
struct SourceLocation: Equatable, Sendable {
    var line: Int
    var column: Int
    static let start = SourceLocation(line: 1, column: 1)
}

extension Node {
    /// Where the node starts (Yams marks are already 1-based).
    var location: SourceLocation {
        guard let mark else { return .start }
        return SourceLocation(line: max(1, mark.line), column: max(1, mark.column))
    }

    /// A plain `~`, `null` or nothing at all: the field is given but has no value.
    var isNull: Bool {
        guard case .scalar(let s) = self, s.style == .plain || s.style == .any else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(s.string)
    }

    /// How the node looks, for "expected …, found …" messages.
    var shapeDescription: String {
        switch self {
        case .scalar(let s): return "\"\(s.string.prefix(40))\""
        case .mapping: return "a mapping (key: value lines)"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }
}

/// Kinds of things that carry an id; ids are unique across all of them.
enum IdKind: String, CaseIterable {
    case organisation, commune, fiche, participant, item

    var noun: String {
        switch self {
        case .organisation: return "organisation"
        case .commune: return "commune"
        case .fiche: return "project fiche"
        case .participant: return "participant"
        case .item: return "agenda item"
        }
    }

    var withArticle: String {
        switch self {
        case .organisation: return "an organisation"
        case .item: return "an agenda item"
        default: return "a \(noun)"
        }
    }

    var section: String {
        switch self {
        case .organisation: return "organisations"
        case .commune: return "communes"
        case .fiche: return "the fiches of a commune"
        case .participant: return "participants"
        case .item: return "the items of a day"
        }
    }
}

/// The key/value pairs of one mapping of the file, with its dotted path.
struct Fields {
    let node: Node
    let path: String
    /// First occurrence of each known key.
    var entries: [String: (key: Node, value: Node)] = [:]

    func path(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
    func has(_ key: String) -> Bool { entries[key].map { !$0.value.isNull } ?? false }
}

/// Walks the node tree of a programme file, collecting every problem instead of stopping at
/// the first one, and builds the ``Programme`` when the walk found no error.
final class ProgrammeReader {
    let file: String
    /// Keys renamed by the loader so that Yams accepts a mapping with a repeated key:
    /// placeholder → (original key, where the key was first given).
    let duplicateKeys: [String: (key: String, first: SourceLocation)]
    private(set) var diagnostics: [Diagnostic] = []
    /// `line:column:message` of every error reported, to report each once.
    private var reported: Set<String> = []
    /// The programme's language, once read: amounts are read the way it writes them.
    private var language: Language = .fr

    private struct IdEntry { var kind: IdKind; var path: String; var location: SourceLocation }
    private struct Reference {
        var id: String; var allowed: [IdKind]; var location: SourceLocation; var path: String
    }
    private var ids: [String: IdEntry] = [:]
    private var idOrder: [String] = []
    private var references: [Reference] = []
    /// The répertoire des intervenants the programme's organisations may name by id.
    let directory: Directory?

    init(
        file: String, duplicateKeys: [String: (key: String, first: SourceLocation)] = [:], directory: Directory? = nil
    ) {
        self.file = file
        self.duplicateKeys = duplicateKeys
        self.directory = directory
    }

    // MARK: - Reporting

    func error(_ location: SourceLocation, _ field: String, _ message: String) {
        // A mapping merged in several places (<<: *base) would repeat its own problems.
        guard reported.insert("\(location.line):\(location.column):\(message)").inserted else { return }
        diagnostics.append(
            Diagnostic(
                file: file, line: location.line, column: location.column,
                field: field, message: message, severity: .error))
    }

    func warning(_ location: SourceLocation, _ field: String, _ message: String) {
        diagnostics.append(
            Diagnostic(
                file: file, line: location.line, column: location.column,
                field: field, message: message, severity: .warning))
    }

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    // MARK: - The document

    /// Reads the root node (nil for an empty document).
    func read(root: Node?) -> Programme? {
        guard let root, !root.isNull else {
            error(.start, "", "the file is empty: expected a programme with at least title, venue and days")
            return nil
        }
        guard let f = fields(root, "", Keys.programme, what: "the programme (title, venue, days…)") else {
            return nil
        }
        let title = requiredText(f, "title", expected: "the title of the meeting")
        let venue = requiredText(f, "venue", expected: "the meeting room and building")
        let city = text(f, "city")
        let language = enumValue(f, "language", Aliases.language, expected: ["fr", "en"]) ?? .fr
        var timeZone = "Africa/Bamako"
        if let (node, tz) = scalar(f, "timezone", expected: "an IANA time-zone name such as Africa/Bamako") {
            if TimeZone(identifier: tz) == nil {
                error(
                    node.location, f.path("timezone"),
                    "unknown time zone \"\(tz)\": expected an IANA time-zone name such as Africa/Bamako")
            } else {
                timeZone = tz
            }
        }
        self.language = language
        let currency = currencyValue(f) ?? "FCFA"
        var country: String?
        if let (node, code) = scalar(f, "country", expected: "an ISO 3166-1 alpha-2 country code such as ML") {
            if IatiCountry.isValid(code) {
                country = code
            } else {
                error(
                    node.location, f.path("country"),
                    "unknown country code \"\(Text.echo(code))\": expected an ISO 3166-1 alpha-2 code in capitals, "
                        + "such as ML (Mali), BF (Burkina Faso), SN (Senegal)")
            }
        }

        var generalObjective: String?
        var specificObjectives: [String] = []
        if let node = value(f, "objectives"),
            let o = fields(node, f.path("objectives"), Keys.objectives, what: "the objectives (general, specific)")
        {
            generalObjective = text(o, "general")
            specificObjectives = textList(o, "specific", expected: "a list of specific objectives")
        }

        _ = text(f, "directory")
        let follows = textList(f, "follows", expected: "a list of session folders, e.g. [../segou-2023]")
        let organisations: [Organisation] = list(f, "organisations").compactMap { node, path in
            organisationOrReference(node, path)
        }
        // `units:` (wards, departments, budget lines) is read as `communes:`, and may be given beside it.
        let communes: [Commune] = (list(f, "communes") + list(f, "units")).compactMap { node, path in
            commune(node, path, currency: currency)
        }
        let participants: [Participant] = list(f, "participants").compactMap { node, path in
            participant(node, path)
        }
        let organisers = referenceList(f, "organisers", to: [.organisation])
        let context = text(f, "context")
        let method = text(f, "method")
        var bureau = Bureau()
        if let node = value(f, "bureau"),
            let b = fields(node, f.path("bureau"), Keys.bureau, what: "the bureau (president, moderators, rapporteurs)")
        {
            bureau = Bureau(
                president: reference(b, "president", to: [.participant]),
                moderators: referenceList(b, "moderators", to: [.participant]),
                rapporteurs: referenceList(b, "rapporteurs", to: [.participant]))
        }
        let abbreviations: [Abbreviation] = list(f, "abbreviations").compactMap { node, path in
            guard let a = fields(node, path, Keys.abbreviation, what: "an abbreviation (acronym, name)") else {
                return nil
            }
            let acronym = requiredText(a, "acronym", expected: "the acronym, e.g. PDESC")
            let name = requiredText(a, "name", expected: "what the acronym stands for")
            guard let acronym, let name else { return nil }
            return Abbreviation(acronym: acronym, name: name)
        }
        var csvSeparator: Character?
        if let (node, text) = scalar(f, "csv_separator", expected: "one character such as ; or ,") {
            do throws(Refusal) {
                csvSeparator = try DocumentOptions.separator(text)
            } catch {
                self.error(node.location, f.path("csv_separator"), error.message(.en))
            }
        }
        let unitLabel = text(f, "unit")
        var categoryNames: [String: String] = [:]
        if let node = value(f, "categories"),
            let c = fields(
                node, f.path("categories"), OrganisationType.allCases.map(\.rawValue) + ["other"],
                what: "names of participant categories by organisation type (partner, ngo, organiser…, other)")
        {
            for key in OrganisationType.allCases.map(\.rawValue) + ["other"] {
                if let name = text(c, key) { categoryNames[key] = name }
            }
        }
        var days: [Day] = []
        if value(f, "days") == nil {
            missing(f, "days", expected: "a list of days, each with a date and its items")
        } else {
            days = readDays(f)
        }

        checkReferences()
        diagnostics.sort { ($0.line, $0.column) < ($1.line, $1.column) }
        guard !hasErrors, let title, let venue else { return nil }
        return Programme(
            title: title, venue: venue, city: city, organisers: organisers,
            language: language, timeZone: timeZone, currency: currency,
            generalObjective: generalObjective, specificObjectives: specificObjectives,
            organisations: organisations, communes: communes,
            participants: participants, days: days, context: context, method: method, bureau: bureau,
            abbreviations: abbreviations, follows: follows, country: country, csvSeparator: csvSeparator,
            unitLabel: unitLabel, categoryNames: categoryNames)
    }

    // MARK: - Sections

    /// An element of the programme's `organisations`: an organisation written in full, the id of
    /// an entry of the répertoire des intervenants (`- anict`), or such an entry with some of its
    /// fields given again (`- {id: anict, acronym: ANICT-Ségou}`: the fields given win).
    private func organisationOrReference(_ node: Node, _ path: String) -> Organisation? {
        guard case .scalar(let scalar) = node else {
            let id = node["id"]?.string.map(normalise)
            return organisation(node, path, base: id.flatMap { directory?.organisation($0) })
        }
        let id = normalise(scalar.string)
        guard let directory else {
            error(
                node.location, path,
                "\"\(Text.echo(id))\" names an entry of the répertoire des intervenants, but there is none: expected "
                    + "a folder directory/ beside the session folder (or directory: in the programme), or the "
                    + "organisation written in full (id, acronym, name, type)")
            return nil
        }
        guard let organisation = directory.organisation(id) else {
            var message =
                "unknown organisation \"\(Text.echo(id))\" in the répertoire des intervenants (\(directory.folder))"
            if let suggestion = nearest(id, in: directory.organisations.map(\.id)) {
                message += ": did you mean \"\(suggestion)\"?"
            } else {
                message += ": expected the id of one of its organisations (palabre directory list)"
            }
            error(node.location, path, message)
            return nil
        }
        register(id, kind: .organisation, path: path, location: node.location)
        return organisation
    }

    /// An organisation written as a mapping; with `base` (its entry in the répertoire des
    /// intervenants), every field not given is the entry's.
    func organisation(_ node: Node, _ path: String, base: Organisation? = nil) -> Organisation? {
        guard let f = fields(node, path, Keys.organisation, what: "an organisation (id, acronym, name, type…)") else {
            return nil
        }
        let id = identifier(f, kind: .organisation)
        let acronym =
            base.map { text(f, "acronym") ?? $0.acronym }
            ?? requiredText(f, "acronym", expected: "the acronym shown on screens, e.g. UNICEF")
        let name =
            base.map { text(f, "name") ?? $0.name }
            ?? requiredText(f, "name", expected: "the full name of the organisation")
        let type: OrganisationType? =
            enumValue(
                f, "type", Aliases.organisationType,
                expected: OrganisationType.allCases.map(\.rawValue),
                required: base == nil) ?? base?.type
        let sectors =
            f.has("sectors") || base == nil
            ? textList(f, "sectors", expected: "a list of sectors, e.g. [santé, eau]") : base!.sectors
        let zones =
            f.has("zones") || base == nil
            ? textList(f, "zones", expected: "a list of zones, e.g. [Ségou, San]") : base!.zones
        let programmes: [PartnerProgramme] =
            f.has("programmes") || base == nil
            ? list(f, "programmes").compactMap { node, path in partnerProgramme(node, path) } : base!.programmes
        if !programmes.isEmpty, let type, type != .partner, let entry = f.entries["programmes"] {
            warning(
                entry.key.location, f.path("programmes"),
                "programmes are listed for partners only: set type: partner or remove them")
        }
        let feminine = boolean(f, "feminine") ?? base?.feminine ?? false
        let crsCodes = f.has("crs") || base == nil ? crsList(f) : base!.crsCodes
        let contacts: [Contact] =
            f.has("contacts") || base == nil
            ? list(f, "contacts").compactMap { node, path in contact(node, path) } : base!.contacts
        let iati = f.has("iati") || base == nil ? iatiIdentifier(f) : base!.iati
        let iatiType = f.has("iati_type") || base == nil ? iatiOrganisationType(f) : base!.iatiType
        guard let id, let acronym, let name, let type else { return nil }
        return Organisation(
            id: id, acronym: acronym, name: name, type: type,
            sectors: sectors, zones: zones, programmes: programmes, feminine: feminine,
            crsCodes: crsCodes, contacts: contacts, iati: iati, iatiType: iatiType)
    }

    /// `iati`: an IATI organisation identifier, `AGENCY-NUMBER` (`XM-DAC-41122`): printable ASCII,
    /// no space and none of `/ & | ?` (IATI's rule for identifiers), a hyphen after the agency.
    private func iatiIdentifier(_ f: Fields) -> String? {
        let expected =
            "an IATI organisation identifier: the registration agency, a hyphen, the number it gives, e.g. XM-DAC-41122"
        guard let (node, text) = scalar(f, "iati", expected: expected) else { return nil }
        let printable = text.unicodeScalars.allSatisfy {
            $0.value > 0x20 && $0.value < 0x7F && !"/&|?".unicodeScalars.contains($0)
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard printable, parts.count >= 2, parts.allSatisfy({ !$0.isEmpty }) else {
            error(node.location, f.path("iati"), "invalid IATI identifier \"\(Text.echo(text))\": expected \(expected)")
            return nil
        }
        return text
    }

    /// `iati_type`: a code of IATI's OrganisationType codelist (10 Government … 90 Other).
    private func iatiOrganisationType(_ f: Fields) -> IatiOrganisationType? {
        let codes = IatiOrganisationType.allCases.map { "\($0.code) \($0.english)" }.joined(separator: ", ")
        let expected = "a code of IATI's OrganisationType list: \(codes)"
        guard let (node, text) = scalar(f, "iati_type", expected: expected) else { return nil }
        guard text.allSatisfy(\.isASCIIDigit), let n = Int(text), let type = IatiOrganisationType(rawValue: n) else {
            error(
                node.location, f.path("iati_type"),
                "unknown IATI organisation type \"\(Text.echo(text))\": expected \(expected)")
            return nil
        }
        return type
    }

    /// `crs`: OECD DAC CRS purpose codes, five digits each (`[14030, 12220]`).
    private func crsList(_ f: Fields) -> [Int] {
        let expected = "a list of five-digit OECD DAC CRS purpose codes, e.g. [14030, 12220]"
        return textNodes(f, "crs", expected: expected).compactMap { node, text, path in
            crsCode(node, text, path, expected)
        }
    }

    /// `text` as a five-digit CRS purpose code; reports anything else at `node`.
    private func crsCode(_ node: Node, _ text: String, _ path: String, _ expected: String) -> Int? {
        guard text.count == 5, text.allSatisfy(\.isASCIIDigit), let code = Int(text), code >= 10_000 else {
            error(node.location, path, "invalid CRS code \"\(Text.echo(text))\": expected \(expected)")
            return nil
        }
        return code
    }

    private func contact(_ node: Node, _ path: String) -> Contact? {
        guard let f = fields(node, path, Keys.contact, what: "a contact (function, name, phone, email)") else {
            return nil
        }
        let function = requiredText(f, "function", expected: "the function to ask for, e.g. Point focal")
        let name = text(f, "name"), phone = text(f, "phone")
        let email = text(f, "email")
        if let email, let node = value(f, "email"), !(email.contains("@") && !email.contains(" ")) {
            warning(
                node.location, f.path("email"), "\"\(Text.echo(email))\" does not look like an e-mail address")
        }
        guard let function else { return nil }
        return Contact(function: function, name: name, phone: phone, email: email)
    }

    private func partnerProgramme(_ node: Node, _ path: String) -> PartnerProgramme? {
        guard let f = fields(node, path, Keys.partnerProgramme, what: "a partner programme (title, sectors…)") else {
            return nil
        }
        let title = requiredText(f, "title", expected: "the title of the programme")
        let sectors = textList(f, "sectors", expected: "a list of sectors")
        let zones = textList(f, "zones", expected: "a list of zones")
        let instrument = text(f, "instrument")
        let budget = amount(f, "budget")
        let currency = currencyValue(f) ?? "FCFA"
        let from = year(f, "from"), to = year(f, "to")
        if let from, let to, to < from, let node = value(f, "to") {
            error(
                node.location, f.path("to"), "the programme ends (\(to)) before it starts (\(from)): expected to ≥ from"
            )
        }
        guard let title else { return nil }
        return PartnerProgramme(
            title: title, sectors: sectors, zones: zones, instrument: instrument,
            budget: budget, currency: currency, from: from, to: to)
    }

    /// A year such as 2022.
    private func year(_ f: Fields, _ key: String) -> Int? {
        guard let (node, text) = scalar(f, key, expected: "a year such as 2022") else { return nil }
        guard text.count == 4, text.allSatisfy(\.isASCIIDigit), let y = Int(text), y >= 1900 else {
            error(node.location, f.path(key), "invalid year \"\(Text.echo(text))\": expected a year such as 2022")
            return nil
        }
        return y
    }

    private func commune(_ node: Node, _ path: String, currency: String) -> Commune? {
        guard let f = fields(node, path, Keys.commune, what: "a commune (id, name, cercle, region, fiches)") else {
            return nil
        }
        let id = identifier(f, kind: .commune)
        let name = requiredText(f, "name", expected: "the name of the commune")
        // A ward, a department or a budget line has no cercle nor region: both may be left out.
        let cercle: String? = text(f, "cercle") ?? ""
        let region: String? = text(f, "region") ?? ""
        let fiches: [ProjectFiche] = list(f, "fiches").enumerated().compactMap { index, element in
            fiche(element.node, element.path, rank: index + 1, currency: currency)
        }
        guard let id, let name, let cercle, let region else { return nil }
        return Commune(id: id, name: name, cercle: cercle, region: region, fiches: fiches)
    }

    private func fiche(_ node: Node, _ path: String, rank: Int, currency defaultCurrency: String) -> ProjectFiche? {
        guard let f = fields(node, path, Keys.fiche, what: "a project fiche (id, title, sector, total_cost…)") else {
            return nil
        }
        let id = identifier(f, kind: .fiche)
        let title = requiredText(f, "title", expected: "the title of the project")
        let sector = requiredText(f, "sector", expected: "the sector, e.g. eau, santé, éducation")
        let location = text(f, "location")
        let currency = currencyValue(f) ?? defaultCurrency
        let total = amount(f, "total_cost", required: true, currency: currency)
        let contribution = amount(f, "contribution", currency: currency)
        let sought = amount(f, "amount_sought", currency: currency)
        let studyCost = amount(f, "study_cost", currency: currency)
        let mode = enumValue(f, "mode", Aliases.mode, expected: DeliveryMode.allCases.map(\.rawValue)) ?? .classique
        let study =
            enumValue(
                f, "study_status", Aliases.studyStatus,
                expected: StudyStatus.allCases.map(\.rawValue)) ?? .idea
        let beneficiaries = text(f, "beneficiaries")
        let priority = positiveInteger(f, "priority") ?? rank
        let crsExpected = "one five-digit OECD DAC CRS purpose code, e.g. 14030"
        let crs = scalar(f, "crs", expected: crsExpected).flatMap { crsCode($0.0, $0.1, f.path("crs"), crsExpected) }
        var plannedStart: String?
        if let (node, text) = scalar(f, "planned_start", expected: "a date such as 2024-03-01") {
            if CalendarDate.isValid(text) {
                plannedStart = text
            } else {
                error(
                    node.location, f.path("planned_start"),
                    "invalid date \"\(Text.echo(text))\": expected a real date written YYYY-MM-DD, e.g. 2024-03-01")
            }
        }

        var resolvedContribution = contribution ?? 0
        var resolvedSought = sought ?? 0
        if let total {
            if let contribution, contribution > total, let entry = f.entries["contribution"] {
                error(
                    entry.value.location, f.path("contribution"),
                    "contribution \(money(contribution, currency)) is larger than total_cost "
                        + "\(money(total, currency)): expected at most the total cost")
            }
            switch (contribution, sought) {
            case let (c?, s?):
                let (sum, overflow) = c.addingReportingOverflow(s)
                if overflow || sum != total, let entry = f.entries["total_cost"] {
                    let sumText = overflow ? "more than the largest amount" : money(sum, currency)
                    warning(
                        entry.value.location, f.path("total_cost"),
                        "contribution + amount_sought = \(sumText), but total_cost is "
                            + "\(money(total, currency)): expected the two parts to add up to the total")
                }
            case let (c?, nil):
                resolvedSought = max(0, total - c)
            case let (nil, s?):
                resolvedContribution = max(0, total - s)
                if s > total, let entry = f.entries["amount_sought"] {
                    error(
                        entry.value.location, f.path("amount_sought"),
                        "amount_sought \(money(s, currency)) is larger than total_cost "
                            + "\(money(total, currency)): expected at most the total cost")
                }
            case (nil, nil):
                resolvedSought = total
            }
        }
        guard let id, let title, let sector, let total else { return nil }
        return ProjectFiche(
            id: id, title: title, sector: sector, location: location, totalCost: total,
            contribution: resolvedContribution, amountSought: resolvedSought,
            currency: currency, mode: mode, studyStatus: study,
            beneficiaries: beneficiaries, priority: priority, studyCost: studyCost, crs: crs,
            plannedStart: plannedStart)
    }

    private func participant(_ node: Node, _ path: String) -> Participant? {
        guard let f = fields(node, path, Keys.participant, what: "a participant (id, function, organisation…)") else {
            return nil
        }
        let id = identifier(f, kind: .participant)
        let function = requiredText(f, "function", expected: "the function, e.g. Maire de Timissa")
        let organisation = reference(f, "organisation", to: [.organisation, .commune])
        let commune = reference(f, "commune", to: [.commune])
        let sex = enumValue(f, "sex", Aliases.sex, expected: ["F", "M", "unspecified"]) ?? .unspecified
        let name = text(f, "name")
        let contact = text(f, "contact")
        guard let id, let function else { return nil }
        return Participant(
            id: id, function: function, organisation: organisation, commune: commune,
            sex: sex, name: name, contact: contact)
    }

    private func readDays(_ f: Fields) -> [Day] {
        var days: [Day] = []
        var seen: [(date: String, path: String, location: SourceLocation)] = []
        for (node, path) in list(f, "days") {
            guard let d = fields(node, path, Keys.day, what: "a day (date, title, items)") else { continue }
            let date = scalar(d, "date", expected: "a date such as 2023-10-17", required: true)
            var validDate: String?
            if let (dateNode, typed) = date {
                // The one date parser: 17/10/2023 is 2023-10-17, as on the command line.
                let text = (try? Values.date(typed)) ?? typed
                if CalendarDate.isValid(text) {
                    validDate = text
                    if let previous = seen.first(where: { $0.date == text }) {
                        error(
                            dateNode.location, d.path("date"),
                            "date \(text) is already used by \(previous.path) (line \(previous.location.line)): "
                                + "expected one entry per day")
                    } else if let last = seen.last, text < last.date {
                        error(
                            dateNode.location, d.path("date"),
                            "date \(text) comes before \(last.date) (\(last.path)): expected days in date order")
                    }
                    seen.append((text, d.path, dateNode.location))
                } else {
                    error(
                        dateNode.location, d.path("date"),
                        "invalid date \"\(text)\": expected a real date written YYYY-MM-DD, e.g. 2023-10-17")
                }
            }
            let title = text(d, "title")
            var items: [AgendaItem] = []
            if let entry = d.entries["items"] {
                let elements = list(d, "items")
                if elements.isEmpty, entry.value.isNull || entry.value.sequence != nil {
                    warning(
                        entry.key.location, d.path("items"),
                        "the day has no agenda items yet: expected a list of items")
                }
                items = readItems(elements)
            } else {
                missing(d, "items", expected: "the list of agenda items of the day")
            }
            if let validDate { days.append(Day(date: validDate, title: title, items: items)) }
        }
        return days
    }

    private func readItems(_ elements: [(node: Node, path: String)]) -> [AgendaItem] {
        var items: [AgendaItem] = []
        // End of the previous item, in seconds after midnight, when it is known.
        var previousEnd: Int?
        var previousId: String?
        var first = true
        for (node, path) in elements {
            defer { first = false }
            guard let f = fields(node, path, Keys.item, what: "an agenda item (id, kind, title, duration…)") else {
                previousEnd = nil
                continue
            }
            let id = identifier(f, kind: .item)
            let kind: ItemKind? = enumValue(
                f, "kind", Aliases.itemKind,
                expected: ItemKind.allCases.map(\.rawValue), required: true)
            let title = requiredText(f, "title", expected: "the title shown on the agenda")
            let startEntry = scalar(f, "start", expected: "a time of day such as \"09:00\"")
            var start: Int?
            if let (startNode, text) = startEntry {
                if let minutes = ClockTime.parse(text) {
                    start = minutes
                } else {
                    error(
                        startNode.location, f.path("start"),
                        "invalid time \"\(text)\": expected a time of day from 00:00 to 23:59, e.g. 09:00 or 9h30")
                }
            } else if first, !f.has("start") {
                error(
                    f.node.location, f.path("start"),
                    "the first item of a day needs a start time: expected e.g. start: \"08:30\"")
            }
            let duration = durationValue(f, "duration", required: true, positive: true)
            let presenters = referenceList(f, "presenters", to: [.participant, .organisation, .commune])
            let moderator = reference(f, "moderator", to: [.participant])
            let fixed = boolean(f, "fixed") ?? false
            let speakingLimit = durationValue(f, "speaking_limit", positive: true)
            let fiches = referenceList(f, "fiches", to: [.fiche])

            // Schedule: an item without start follows the previous one.
            var plannedStartSeconds: Int?
            if let start {
                plannedStartSeconds = start * 60
                if let previousEnd, start * 60 < previousEnd, let (startNode, _) = startEntry {
                    let overlap = previousEnd - start * 60
                    warning(
                        startNode.location, f.path("start"),
                        "starts at \(ClockTime.format(start)) but the previous item"
                            + (previousId.map { " \"\($0)\"" } ?? "")
                            + " runs until \(clock(seconds: previousEnd)) (\(Durations.format(seconds: overlap)) "
                            + "overlap): "
                            + "expected a start at \(clock(seconds: previousEnd)) or later, or a shorter previous item")
                }
            } else if startEntry == nil {
                plannedStartSeconds = previousEnd
            }
            if let plannedStartSeconds, let duration {
                let end = plannedStartSeconds + duration
                if end > 24 * 3600, plannedStartSeconds <= 24 * 3600, let entry = f.entries["duration"] {
                    warning(
                        entry.value.location, f.path("duration"),
                        "the item runs past midnight (it would end at \(clock(seconds: end)) the next day): "
                            + "expected the day to end before 24:00")
                }
                previousEnd = end
            } else {
                previousEnd = nil
            }
            previousId = id

            guard let id, let kind, let title, let duration else { continue }
            items.append(
                AgendaItem(
                    id: id, kind: kind, title: title, plannedStart: start,
                    duration: duration, presenters: presenters, moderator: moderator,
                    fixed: fixed, speakingLimit: speakingLimit, fiches: fiches))
        }
        return items
    }

    // MARK: - Mappings and lists

    /// Checks that `node` is a mapping and that its keys are known; reports unknown keys with the
    /// nearest known one.
    func fields(_ node: Node, _ path: String, _ known: [String], what: String) -> Fields? {
        guard case .mapping(let mapping) = node else {
            error(node.location, path, "expected \(what), found \(node.shapeDescription)")
            return nil
        }
        var f = Fields(node: node, path: path)
        for (keyNode, valueNode) in mergingKeys(mapping, path: path) {
            guard case .scalar(let keyScalar) = keyNode else {
                error(
                    keyNode.location, path,
                    "expected a plain key such as \"\(known.first ?? "id")\", found \(keyNode.shapeDescription)")
                continue
            }
            let key = normalise(keyScalar.string)
            if let duplicate = duplicateKeys[key] {
                error(
                    keyNode.location, f.path(duplicate.key),
                    "duplicate key \"\(Text.echo(duplicate.key))\": already given at line \(duplicate.first.line), "
                        + "column \(duplicate.first.column); expected each key once")
                continue
            }
            guard known.contains(key) else {
                var message = "unknown key \"\(Text.echo(key))\""
                if let suggestion = nearest(key, in: known) {
                    message += ": did you mean \"\(suggestion)\"?"
                } else {
                    message += ": expected one of " + known.joined(separator: ", ")
                }
                error(keyNode.location, f.path(key), message)
                continue
            }
            if f.entries[key] == nil { f.entries[key] = (keyNode, valueNode) }
        }
        return f
    }

    /// The pairs of `mapping` with YAML 1.1 merge keys applied (`<<: *base` or
    /// `<<: [*a, *b]`, https://yaml.org/type/merge.html): the mapping's own keys first, then
    /// those of the merged mappings in order, so that with "first given wins" an own key
    /// overrides a merged one and an earlier merged mapping a later one. A merge key whose
    /// value is not a mapping or a list of mappings is reported.
    func mergingKeys(_ mapping: Node.Mapping, path: String, depth: Int = 0) -> [(Node, Node)] {
        var own: [(Node, Node)] = []
        var merged: [(Node, Node)] = []
        for (keyNode, valueNode) in mapping {
            guard case .scalar(let k) = keyNode, k.string == "<<", k.style == .plain || k.style == .any else {
                own.append((keyNode, valueNode))
                continue
            }
            let sources: [Node]
            if case .sequence(let sequence) = valueNode { sources = Array(sequence) } else { sources = [valueNode] }
            for source in sources {
                guard case .mapping(let inner) = source, depth < 20 else {
                    error(
                        source.location, path.isEmpty ? "<<" : "\(path).<<",
                        "a merge key (<<) takes an alias of a mapping, such as <<: *defaults, or a list of them; "
                            + "found \(source.shapeDescription)")
                    continue
                }
                merged += mergingKeys(inner, path: path, depth: depth + 1)
            }
        }
        return own + merged
    }

    /// The value of `key`, or nil when the key is absent or has no value.
    func value(_ f: Fields, _ key: String) -> Node? {
        guard let entry = f.entries[key], !entry.value.isNull else { return nil }
        return entry.value
    }

    func missing(_ f: Fields, _ key: String, expected: String) {
        if let entry = f.entries[key] {
            error(entry.key.location, f.path(key), "required field is empty: expected \(expected)")
        } else {
            error(f.node.location, f.path(key), "missing required field: expected \(expected)")
        }
    }

    /// The elements of the list under `key`, with their paths; reports a non-list.
    func list(_ f: Fields, _ key: String) -> [(node: Node, path: String)] {
        guard let node = value(f, key) else { return [] }
        guard case .sequence(let sequence) = node else {
            error(
                node.location, f.path(key),
                "expected a list (lines starting with \"- \"), found " + "\(node.shapeDescription)")
            return []
        }
        return sequence.enumerated().map { index, element in (element, "\(f.path(key))[\(index)]") }
    }

    // MARK: - Scalars

    /// The NFC text of a scalar value, with its node; reports a list or mapping where text is expected.
    func scalar(_ f: Fields, _ key: String, expected: String, required: Bool = false) -> (Node, String)? {
        guard let node = value(f, key) else {
            if required { missing(f, key, expected: expected) }
            return nil
        }
        guard case .scalar(let s) = node else {
            error(node.location, f.path(key), "expected \(expected), found \(node.shapeDescription)")
            return nil
        }
        let text = normalise(s.string)
        if text.isEmpty {
            if required { missing(f, key, expected: expected) }
            return nil
        }
        return (node, text)
    }

    func text(_ f: Fields, _ key: String) -> String? {
        scalar(f, key, expected: "text")?.1
    }

    func requiredText(_ f: Fields, _ key: String, expected: String) -> String? {
        scalar(f, key, expected: expected, required: true)?.1
    }

    /// A list of texts; a single text is accepted as a list of one.
    func textList(_ f: Fields, _ key: String, expected: String) -> [String] {
        textNodes(f, key, expected: expected).map(\.text)
    }

    private func textNodes(_ f: Fields, _ key: String, expected: String) -> [(node: Node, text: String, path: String)] {
        guard let node = value(f, key) else { return [] }
        switch node {
        case .scalar(let s):
            let text = normalise(s.string)
            return text.isEmpty ? [] : [(node, text, f.path(key))]
        case .sequence(let sequence):
            var result: [(Node, String, String)] = []
            for (index, element) in sequence.enumerated() {
                let path = "\(f.path(key))[\(index)]"
                guard case .scalar(let s) = element, !element.isNull else {
                    error(
                        element.location, path,
                        "expected text, found \(element.isNull ? "nothing" : element.shapeDescription)")
                    continue
                }
                let text = normalise(s.string)
                if text.isEmpty {
                    error(element.location, path, "expected text, found nothing")
                } else {
                    result.append((element, text, path))
                }
            }
            return result
        default:
            error(node.location, f.path(key), "expected \(expected), found \(node.shapeDescription)")
            return []
        }
    }

    func enumValue<T>(
        _ f: Fields, _ key: String, _ aliases: [String: T], expected: [String],
        required: Bool = false
    ) -> T? {
        let what = "one of " + expected.joined(separator: ", ")
        guard let (node, text) = scalar(f, key, expected: what, required: required) else { return nil }
        if let value = aliases[fold(text)] { return value }
        var message = "unknown \(key.replacingOccurrences(of: "_", with: " ")) \"\(Text.echo(text))\": expected \(what)"
        if let suggestion = nearest(text, in: expected) { message += " (did you mean \"\(suggestion)\"?)" }
        error(node.location, f.path(key), message)
        return nil
    }

    func boolean(_ f: Fields, _ key: String) -> Bool? {
        guard let (node, text) = scalar(f, key, expected: "true or false") else { return nil }
        guard let value = try? Values.yesNo(text) else {
            error(node.location, f.path(key), "invalid value \"\(text)\": expected true or false (oui / non)")
            return nil
        }
        return value
    }

    func positiveInteger(_ f: Fields, _ key: String) -> Int? {
        guard let (node, text) = scalar(f, key, expected: "a whole number from 1") else { return nil }
        guard text.count <= 6, text.allSatisfy(\.isASCIIDigit), let n = Int(text), n >= 1 else {
            error(
                node.location, f.path(key),
                "invalid number \"\(text)\": expected a whole number from 1 (1 is the " + "highest priority)")
            return nil
        }
        return n
    }

    func durationValue(_ f: Fields, _ key: String, required: Bool = false, positive: Bool) -> Int? {
        let expected = "a duration such as 20m, 1h30, 45s or 90 (minutes)"
        guard let (node, text) = scalar(f, key, expected: expected, required: required) else { return nil }
        let seconds: Int
        do throws(Refusal) { seconds = try Values.duration(text) } catch {
            let why = error.code == "bad-duration" ? "expected \(expected)" : error.message(.en)
            self.error(node.location, f.path(key), "invalid duration \"\(text)\": \(why)")
            return nil
        }
        if positive, seconds == 0 {
            error(node.location, f.path(key), "duration \"\(text)\" is zero: expected a positive duration such as 5m")
            return nil
        }
        return seconds
    }

    func amount(_ f: Fields, _ key: String, required: Bool = false, currency: String? = nil) -> Int64? {
        let expected = "a whole amount such as 120 000 000"
        guard let (node, text) = scalar(f, key, expected: expected, required: required) else { return nil }
        switch Amounts.check(text, language: language) {
        case .success(let value):
            return value
        case .failure(let problem):
            let reason: String
            switch problem {
            case .negative: reason = "an amount cannot be negative; expected 0 or more, e.g. 120 000 000"
            case .decimal:
                let c = currency ?? self.text(f, "currency").flatMap { try? Values.currency($0) }
                reason =
                    "an amount is a whole number\(c.map { " (\($0) has no decimals here)" } ?? ""); expected no "
                    + "decimals, e.g. 120 000 000\(language == .en ? " or 120,000,000" : "")"
            case .ambiguous:
                reason =
                    "the \(language == .fr ? "comma" : "dot") is the decimal mark in this programme's language; "
                    + "write the thousands \(language == .fr ? "as 250 000" : "as 250,000") or the amount plainly"
            case .exponent: reason = "expected the amount written in full digits, e.g. 1 000 000 rather than 1e6"
            case .grouping:
                reason =
                    "expected digits grouped by three (13 830 294 624\(language == .en ? ", 13,830,294,624" : "") "
                    + "or 13_830_294_624) or written plainly"
            case .tooLarge: reason = "the amount is too large: expected at most \(Amounts.format(Int64.max))"
            case .empty, .notANumber: reason = "expected \(expected)"
            }
            error(node.location, f.path(key), "invalid amount \"\(text)\": \(reason)")
            return nil
        }
    }

    /// The `currency` of `f` under its usual name (``Values/currency(_:)``: `€`, `euro` and
    /// `EUR` are one currency), or nil when absent or invalid (reported).
    func currencyValue(_ f: Fields) -> String? {
        guard let (node, text) = scalar(f, "currency", expected: "a currency such as FCFA, EUR or USD") else {
            return nil
        }
        do throws(Refusal) {
            return try Values.currency(text)
        } catch {
            self.error(node.location, f.path("currency"), error.message(.en))
            return nil
        }
    }

    // MARK: - Ids and references

    private func identifier(_ f: Fields, kind: IdKind) -> String? {
        guard let (node, id) = scalar(f, "id", expected: "a unique id such as " + "\(exampleId(kind))", required: true)
        else {
            return nil
        }
        if !id.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) }) {
            error(
                node.location, f.path("id"),
                "invalid id \"\(id)\": expected letters, digits, \"-\", \"_\" or \".\" only (no spaces), e.g. "
                    + "\(exampleId(kind))")
            return id
        }
        register(id, kind: kind, path: f.path("id"), location: node.location)
        return id
    }

    /// Records `id` as the id of a `kind` at `location`; reports a duplicate.
    private func register(_ id: String, kind: IdKind, path: String, location: SourceLocation) {
        if let first = ids[id] {
            error(
                location, path,
                "duplicate id \"\(id)\": already used by the \(first.kind.noun) at line \(first.location.line), "
                    + "column \(first.location.column) (\(first.path)); expected ids unique across the programme")
        } else {
            ids[id] = IdEntry(kind: kind, path: path, location: location)
            idOrder.append(id)
        }
    }

    private func exampleId(_ kind: IdKind) -> String {
        switch kind {
        case .organisation: return "unicef"
        case .commune: return "timissa"
        case .fiche: return "TIM-01"
        case .participant: return "maire-timissa"
        case .item: return "d1-ouverture"
        }
    }

    private func reference(_ f: Fields, _ key: String, to allowed: [IdKind]) -> String? {
        let expected = "the id of " + describe(allowed)
        guard let (node, id) = scalar(f, key, expected: expected) else { return nil }
        references.append(Reference(id: id, allowed: allowed, location: node.location, path: f.path(key)))
        return id
    }

    private func referenceList(_ f: Fields, _ key: String, to allowed: [IdKind]) -> [String] {
        let expected = "a list of ids of " + describe(allowed, plural: true)
        return textNodes(f, key, expected: expected).map { node, id, path in
            references.append(Reference(id: id, allowed: allowed, location: node.location, path: path))
            return id
        }
    }

    private func describe(_ kinds: [IdKind], plural: Bool = false) -> String {
        let words = kinds.map { plural ? $0.noun + "s" : $0.withArticle }
        guard words.count > 1 else { return words.first ?? "" }
        return words.dropLast().joined(separator: ", ") + " or " + words.last!
    }

    private func checkReferences() {
        for ref in references {
            if let entry = ids[ref.id] {
                if !ref.allowed.contains(entry.kind) {
                    error(
                        ref.location, ref.path,
                        "\"\(Text.echo(ref.id))\" is \(entry.kind.withArticle) (\(entry.path)): expected the id of "
                            + "\(describe(ref.allowed))")
                }
                continue
            }
            let candidates = idOrder.filter { ids[$0].map { ref.allowed.contains($0.kind) } ?? false }
            let what = ref.allowed.count == 1 ? ref.allowed[0].noun : "id"
            var message = "unknown \(what) \"\(Text.echo(ref.id))\": "
            if let suggestion = nearest(ref.id, in: candidates) {
                message += "did you mean \"\(suggestion)\"?"
            } else {
                message +=
                    "expected the id of \(describe(ref.allowed)) listed under "
                    + ref.allowed.map(\.section).joined(separator: " or ")
            }
            error(ref.location, ref.path, message)
        }
    }

    // MARK: - Text helpers

    private func money(_ amount: Int64, _ currency: String) -> String {
        "\(Amounts.format(amount)) \(currency)"
    }

    private func clock(seconds: Int) -> String {
        let minutes = seconds / 60
        if minutes >= 24 * 60 { return "\(minutes / 60):" + twoDigits(minutes % 60) }
        return ClockTime.format(minutes)
    }
}

/// NFC, trimmed: how every text of the file is stored.
func normalise(_ s: String) -> String {
    Text.nfc(s).trimmingCharacters(in: .whitespacesAndNewlines)
}

/// Folded form used to compare spellings: lower case, no accents, words joined by `-`.
func fold(_ s: String) -> String {
    let lowered = s.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    var result = ""
    var pendingDash = false
    for ch in lowered {
        if ch == " " || ch == "_" || ch == "-" || ch == "\u{2019}" || ch == "'" {
            pendingDash = !result.isEmpty
        } else {
            if pendingDash { result.append("-"); pendingDash = false }
            result.append(ch)
        }
    }
    return result
}

/// The candidate closest to `word` when it is close enough to be a likely typo. The cost is
/// bounded: a word longer than 64 characters is no typo, and a candidate whose length differs
/// by more than the allowed edits is skipped without computing a distance.
func nearest(_ word: String, in candidates: [String]) -> String? {
    guard word.utf8.count <= 256 else { return nil }
    let target = Array(fold(word).replacingOccurrences(of: "-", with: ""))
    guard !target.isEmpty, target.count <= 64 else { return nil }
    var best: (candidate: String, distance: Int)?
    for candidate in candidates {
        let c = Array(fold(candidate).replacingOccurrences(of: "-", with: ""))
        if abs(c.count - target.count) > 3 { continue }
        let d = editDistance(target, c)
        if best == nil || d < best!.distance { best = (candidate, d) }
    }
    guard let best else { return nil }
    // Short words are too easy to confuse: `X` is not a typo of `F`.
    let limit: Int
    switch target.count {
    case ...2: limit = 0
    case ...5: limit = 1
    case ...8: limit = 2
    default: limit = 3
    }
    return best.distance <= limit ? best.candidate : nil
}

/// Levenshtein distance, with a transposition counted as one edit.
func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous2 = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                current[j] = min(current[j], previous2[j - 2] + 1)
            }
        }
        previous2 = previous
        previous = current
    }
    return previous[b.count]
}
