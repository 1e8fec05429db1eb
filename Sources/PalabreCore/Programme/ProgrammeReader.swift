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
    var shape: NodeShape {
        switch self {
        case .scalar(let s): return .scalar(String(s.string.prefix(40)))
        case .mapping: return .mapping
        case .sequence: return .list
        case .alias: return .alias
        }
    }

    /// ``shape`` in English words.
    var shapeDescription: String { shape.text(.en) }
}

/// Kinds of things that carry an id; ids are unique across all of them.
public enum IdKind: String, CaseIterable, Sendable {
    /// An organisation.
    case organisation
    /// A commune (or another unit of the board).
    case commune
    /// A project fiche.
    case fiche
    /// A participant.
    case participant
    /// An agenda item.
    case item

    /// The English noun (`project fiche`).
    var noun: String { noun(.en) }

    /// Whether the French noun is feminine.
    var feminine: Bool { [.organisation, .commune, .fiche].contains(self) }

    /// The noun in `language` (`fiche de projet`, `project fiche`).
    func noun(_ language: Language) -> String {
        switch (self, language) {
        case (.organisation, _): return "organisation"
        case (.commune, _): return "commune"
        case (.fiche, .fr): return "fiche de projet"
        case (.fiche, .en): return "project fiche"
        case (.participant, _): return "participant"
        case (.item, .fr): return "point de l'ordre du jour"
        case (.item, .en): return "agenda item"
        }
    }

    /// The noun in the plural (`fiches de projet`, `project fiches`).
    func plural(_ language: Language) -> String {
        switch (self, language) {
        case (.fiche, .fr): return "fiches de projet"
        case (.item, .fr): return "points de l'ordre du jour"
        default: return noun(language) + "s"
        }
    }

    /// The noun with its indefinite article (`une organisation`, `an agenda item`).
    func withArticle(_ language: Language) -> String {
        switch language {
        case .fr: return (feminine ? "une " : "un ") + noun(.fr)
        case .en: return ([.organisation, .item].contains(self) ? "an " : "a ") + noun(.en)
        }
    }

    /// Where ids of this kind are listed in the programme.
    func section(_ language: Language) -> String {
        switch (self, language) {
        case (.organisation, _): return "organisations"
        case (.commune, _): return "communes"
        case (.fiche, .fr): return "les fiches d'une commune"
        case (.fiche, .en): return "the fiches of a commune"
        case (.participant, _): return "participants"
        case (.item, .fr): return "les points d'une journée"
        case (.item, .en): return "the items of a day"
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

    func error(_ location: SourceLocation, _ field: String, _ problem: ProgrammeProblem) {
        // A mapping merged in several places (<<: *base) would repeat its own problems.
        guard reported.insert("\(location.line):\(location.column):\(problem)").inserted else { return }
        diagnostics.append(
            Diagnostic(
                file: file, line: location.line, column: location.column,
                field: field, problem: problem, severity: .error))
    }

    func warning(_ location: SourceLocation, _ field: String, _ problem: ProgrammeProblem) {
        diagnostics.append(
            Diagnostic(
                file: file, line: location.line, column: location.column,
                field: field, problem: problem, severity: .warning))
    }

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    // MARK: - The document

    /// Reads the root node (nil for an empty document).
    func read(root: Node?) -> Programme? {
        guard let root, !root.isNull else {
            error(.start, "", .emptyFile)
            return nil
        }
        guard let f = fields(root, "", Keys.programme, what: .programme) else {
            return nil
        }
        let title = requiredText(f, "title", expected: .meetingTitle)
        let venue = requiredText(f, "venue", expected: .venue)
        let city = text(f, "city")
        let language = enumValue(f, "language", Aliases.language, expected: ["fr", "en"]) ?? .fr
        var timeZone = "Africa/Bamako"
        if let (node, tz) = scalar(f, "timezone", expected: .timeZone) {
            if TimeZone(identifier: tz) == nil {
                error(node.location, f.path("timezone"), .unknownTimeZone(typed: tz))
            } else {
                timeZone = tz
            }
        }
        self.language = language
        let currency = currencyValue(f) ?? "FCFA"
        var country: String?
        if let (node, code) = scalar(f, "country", expected: .countryCode) {
            if IatiCountry.isValid(code) {
                country = code
            } else {
                error(node.location, f.path("country"), .unknownCountry(typed: code))
            }
        }

        var generalObjective: String?
        var specificObjectives: [String] = []
        if let node = value(f, "objectives"),
            let o = fields(node, f.path("objectives"), Keys.objectives, what: .objectives)
        {
            generalObjective = text(o, "general")
            specificObjectives = textList(o, "specific", expected: .specificObjectives)
        }

        _ = text(f, "directory")
        let follows = textList(f, "follows", expected: .follows)
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
            let b = fields(node, f.path("bureau"), Keys.bureau, what: .bureau)
        {
            bureau = Bureau(
                president: reference(b, "president", to: [.participant]),
                moderators: referenceList(b, "moderators", to: [.participant]),
                rapporteurs: referenceList(b, "rapporteurs", to: [.participant]))
        }
        let abbreviations: [Abbreviation] = list(f, "abbreviations").compactMap { node, path in
            guard let a = fields(node, path, Keys.abbreviation, what: .abbreviation) else {
                return nil
            }
            let acronym = requiredText(a, "acronym", expected: .acronym)
            let name = requiredText(a, "name", expected: .acronymMeaning)
            guard let acronym, let name else { return nil }
            return Abbreviation(acronym: acronym, name: name)
        }
        var csvSeparator: Character?
        if let (node, text) = scalar(f, "csv_separator", expected: .csvSeparator) {
            do throws(Refusal) {
                csvSeparator = try DocumentOptions.separator(text)
            } catch {
                self.error(node.location, f.path("csv_separator"), .refused(error.reason))
            }
        }
        let unitLabel = text(f, "unit")
        var categoryNames: [String: String] = [:]
        if let node = value(f, "categories"),
            let c = fields(
                node, f.path("categories"), OrganisationType.allCases.map(\.rawValue) + ["other"],
                what: .categories)
        {
            for key in OrganisationType.allCases.map(\.rawValue) + ["other"] {
                if let name = text(c, key) { categoryNames[key] = name }
            }
        }
        var days: [Day] = []
        if value(f, "days") == nil {
            missing(f, "days", expected: .days)
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
            error(node.location, path, .noDirectory(id: id))
            return nil
        }
        guard let organisation = directory.organisation(id) else {
            error(
                node.location, path,
                .unknownDirectoryOrganisation(
                    id: id, folder: directory.folder, suggestion: nearest(id, in: directory.organisations.map(\.id))))
            return nil
        }
        register(id, kind: .organisation, path: path, location: node.location)
        return organisation
    }

    /// An organisation written as a mapping; with `base` (its entry in the répertoire des
    /// intervenants), every field not given is the entry's.
    func organisation(_ node: Node, _ path: String, base: Organisation? = nil) -> Organisation? {
        guard let f = fields(node, path, Keys.organisation, what: .organisation) else {
            return nil
        }
        let id = identifier(f, kind: .organisation)
        let acronym =
            base.map { text(f, "acronym") ?? $0.acronym }
            ?? requiredText(f, "acronym", expected: .organisationAcronym)
        let name =
            base.map { text(f, "name") ?? $0.name }
            ?? requiredText(f, "name", expected: .organisationName)
        let type: OrganisationType? =
            enumValue(
                f, "type", Aliases.organisationType,
                expected: OrganisationType.allCases.map(\.rawValue),
                required: base == nil) ?? base?.type
        let sectors =
            f.has("sectors") || base == nil
            ? textList(f, "sectors", expected: .sectors(example: true)) : base!.sectors
        let zones =
            f.has("zones") || base == nil
            ? textList(f, "zones", expected: .zones(example: true)) : base!.zones
        let programmes: [PartnerProgramme] =
            f.has("programmes") || base == nil
            ? list(f, "programmes").compactMap { node, path in partnerProgramme(node, path) } : base!.programmes
        if !programmes.isEmpty, let type, type != .partner, let entry = f.entries["programmes"] {
            warning(entry.key.location, f.path("programmes"), .programmesForPartnersOnly)
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
        guard let (node, text) = scalar(f, "iati", expected: .iatiIdentifier) else { return nil }
        let printable = text.unicodeScalars.allSatisfy {
            $0.value > 0x20 && $0.value < 0x7F && !"/&|?".unicodeScalars.contains($0)
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard printable, parts.count >= 2, parts.allSatisfy({ !$0.isEmpty }) else {
            error(node.location, f.path("iati"), .invalidIatiIdentifier(typed: text))
            return nil
        }
        return text
    }

    /// `iati_type`: a code of IATI's OrganisationType codelist (10 Government … 90 Other).
    private func iatiOrganisationType(_ f: Fields) -> IatiOrganisationType? {
        let codes = IatiOrganisationType.allCases.map { "\($0.code) \($0.english)" }.joined(separator: ", ")
        guard let (node, text) = scalar(f, "iati_type", expected: .iatiType(codes: codes)) else { return nil }
        guard text.allSatisfy(\.isASCIIDigit), let n = Int(text), let type = IatiOrganisationType(rawValue: n) else {
            error(node.location, f.path("iati_type"), .unknownIatiType(typed: text, codes: codes))
            return nil
        }
        return type
    }

    /// `crs`: OECD DAC CRS purpose codes, five digits each (`[14030, 12220]`).
    private func crsList(_ f: Fields) -> [Int] {
        textNodes(f, "crs", expected: .crsCodes).compactMap { node, text, path in
            crsCode(node, text, path, list: true)
        }
    }

    /// `text` as a five-digit CRS purpose code; reports anything else at `node`.
    private func crsCode(_ node: Node, _ text: String, _ path: String, list: Bool) -> Int? {
        guard text.count == 5, text.allSatisfy(\.isASCIIDigit), let code = Int(text), code >= 10_000 else {
            error(node.location, path, .invalidCrsCode(typed: text, list: list))
            return nil
        }
        return code
    }

    private func contact(_ node: Node, _ path: String) -> Contact? {
        guard let f = fields(node, path, Keys.contact, what: .contact) else {
            return nil
        }
        let function = requiredText(f, "function", expected: .contactFunction)
        let name = text(f, "name"), phone = text(f, "phone")
        let email = text(f, "email")
        if let email, let node = value(f, "email"), !(email.contains("@") && !email.contains(" ")) {
            warning(node.location, f.path("email"), .notAnEmail(typed: email))
        }
        guard let function else { return nil }
        return Contact(function: function, name: name, phone: phone, email: email)
    }

    private func partnerProgramme(_ node: Node, _ path: String) -> PartnerProgramme? {
        guard let f = fields(node, path, Keys.partnerProgramme, what: .partnerProgramme) else {
            return nil
        }
        let title = requiredText(f, "title", expected: .programmeTitle)
        let sectors = textList(f, "sectors", expected: .sectors(example: false))
        let zones = textList(f, "zones", expected: .zones(example: false))
        let instrument = text(f, "instrument")
        let budget = amount(f, "budget")
        let currency = currencyValue(f) ?? "FCFA"
        let from = year(f, "from"), to = year(f, "to")
        if let from, let to, to < from, let node = value(f, "to") {
            error(node.location, f.path("to"), .endsBeforeStart(from: from, to: to))
        }
        guard let title else { return nil }
        return PartnerProgramme(
            title: title, sectors: sectors, zones: zones, instrument: instrument,
            budget: budget, currency: currency, from: from, to: to)
    }

    /// A year such as 2022.
    private func year(_ f: Fields, _ key: String) -> Int? {
        guard let (node, text) = scalar(f, key, expected: .year) else { return nil }
        guard text.count == 4, text.allSatisfy(\.isASCIIDigit), let y = Int(text), y >= 1900 else {
            error(node.location, f.path(key), .invalidYear(typed: text))
            return nil
        }
        return y
    }

    private func commune(_ node: Node, _ path: String, currency: String) -> Commune? {
        guard let f = fields(node, path, Keys.commune, what: .commune) else {
            return nil
        }
        let id = identifier(f, kind: .commune)
        let name = requiredText(f, "name", expected: .communeName)
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
        guard let f = fields(node, path, Keys.fiche, what: .fiche) else {
            return nil
        }
        let id = identifier(f, kind: .fiche)
        let title = requiredText(f, "title", expected: .projectTitle)
        let sector = requiredText(f, "sector", expected: .sector)
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
        let crs = scalar(f, "crs", expected: .crsCode).flatMap { crsCode($0.0, $0.1, f.path("crs"), list: false) }
        var plannedStart: String?
        if let (node, text) = scalar(f, "planned_start", expected: .date(example: "2024-03-01")) {
            if CalendarDate.isValid(text) {
                plannedStart = text
            } else {
                error(node.location, f.path("planned_start"), .invalidDate(typed: text, example: "2024-03-01"))
            }
        }

        var resolvedContribution = contribution ?? 0
        var resolvedSought = sought ?? 0
        if let total {
            if let contribution, contribution > total, let entry = f.entries["contribution"] {
                error(
                    entry.value.location, f.path("contribution"),
                    .contributionOverTotal(contribution: contribution, total: total, currency: currency))
            }
            switch (contribution, sought) {
            case let (c?, s?):
                let (sum, overflow) = c.addingReportingOverflow(s)
                if overflow || sum != total, let entry = f.entries["total_cost"] {
                    warning(
                        entry.value.location, f.path("total_cost"),
                        .partsDoNotAddUp(sum: overflow ? nil : sum, total: total, currency: currency))
                }
            case let (c?, nil):
                resolvedSought = max(0, total - c)
            case let (nil, s?):
                resolvedContribution = max(0, total - s)
                if s > total, let entry = f.entries["amount_sought"] {
                    error(
                        entry.value.location, f.path("amount_sought"),
                        .soughtOverTotal(sought: s, total: total, currency: currency))
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
        guard let f = fields(node, path, Keys.participant, what: .participant) else {
            return nil
        }
        let id = identifier(f, kind: .participant)
        let function = requiredText(f, "function", expected: .function)
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
            guard let d = fields(node, path, Keys.day, what: .day) else { continue }
            let date = scalar(d, "date", expected: .date(example: "2023-10-17"), required: true)
            var validDate: String?
            if let (dateNode, typed) = date {
                // The one date parser: 17/10/2023 is 2023-10-17, as on the command line.
                let text = (try? Values.date(typed)) ?? typed
                if CalendarDate.isValid(text) {
                    validDate = text
                    if let previous = seen.first(where: { $0.date == text }) {
                        error(
                            dateNode.location, d.path("date"),
                            .dateUsedTwice(date: text, path: previous.path, line: previous.location.line))
                    } else if let last = seen.last, text < last.date {
                        error(
                            dateNode.location, d.path("date"),
                            .dateOutOfOrder(date: text, previous: last.date, path: last.path))
                    }
                    seen.append((text, d.path, dateNode.location))
                } else {
                    error(dateNode.location, d.path("date"), .invalidDate(typed: text, example: "2023-10-17"))
                }
            }
            let title = text(d, "title")
            var items: [AgendaItem] = []
            if let entry = d.entries["items"] {
                let elements = list(d, "items")
                if elements.isEmpty, entry.value.isNull || entry.value.sequence != nil {
                    warning(entry.key.location, d.path("items"), .dayWithoutItems)
                }
                items = readItems(elements)
            } else {
                missing(d, "items", expected: .dayItems)
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
            guard let f = fields(node, path, Keys.item, what: .item) else {
                previousEnd = nil
                continue
            }
            let id = identifier(f, kind: .item)
            let kind: ItemKind? = enumValue(
                f, "kind", Aliases.itemKind,
                expected: ItemKind.allCases.map(\.rawValue), required: true)
            let title = requiredText(f, "title", expected: .itemTitle)
            let startEntry = scalar(f, "start", expected: .timeOfDay)
            var start: Int?
            if let (startNode, text) = startEntry {
                if let minutes = ClockTime.parse(text) {
                    start = minutes
                } else {
                    error(startNode.location, f.path("start"), .invalidTime(typed: text))
                }
            } else if first, !f.has("start") {
                error(f.node.location, f.path("start"), .firstItemWithoutStart)
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
                        .overlap(
                            start: ClockTime.format(start), previous: previousId, until: clock(seconds: previousEnd),
                            overlap: overlap))
                }
            } else if startEntry == nil {
                plannedStartSeconds = previousEnd
            }
            if let plannedStartSeconds, let duration {
                let end = plannedStartSeconds + duration
                if end > 24 * 3600, plannedStartSeconds <= 24 * 3600, let entry = f.entries["duration"] {
                    warning(entry.value.location, f.path("duration"), .pastMidnight(end: clock(seconds: end)))
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
    func fields(_ node: Node, _ path: String, _ known: [String], what: ProgrammeExpectation) -> Fields? {
        guard case .mapping(let mapping) = node else {
            error(node.location, path, .expectedShape(expected: what, found: node.shape))
            return nil
        }
        var f = Fields(node: node, path: path)
        for (keyNode, valueNode) in mergingKeys(mapping, path: path) {
            guard case .scalar(let keyScalar) = keyNode else {
                error(keyNode.location, path, .keyNotPlain(example: known.first ?? "id", found: keyNode.shape))
                continue
            }
            let key = normalise(keyScalar.string)
            if let duplicate = duplicateKeys[key] {
                error(
                    keyNode.location, f.path(duplicate.key),
                    .duplicateKey(key: duplicate.key, line: duplicate.first.line, column: duplicate.first.column))
                continue
            }
            guard known.contains(key) else {
                error(
                    keyNode.location, f.path(key),
                    .unknownKey(key: key, suggestion: nearest(key, in: known), known: known))
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
                        .badMergeKey(found: source.shape))
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

    func missing(_ f: Fields, _ key: String, expected: ProgrammeExpectation) {
        if let entry = f.entries[key] {
            error(entry.key.location, f.path(key), .requiredEmpty(expected))
        } else {
            error(f.node.location, f.path(key), .requiredMissing(expected))
        }
    }

    /// The elements of the list under `key`, with their paths; reports a non-list.
    func list(_ f: Fields, _ key: String) -> [(node: Node, path: String)] {
        guard let node = value(f, key) else { return [] }
        guard case .sequence(let sequence) = node else {
            error(
                node.location, f.path(key),
                .notAList(found: node.shape))
            return []
        }
        return sequence.enumerated().map { index, element in (element, "\(f.path(key))[\(index)]") }
    }

    // MARK: - Scalars

    /// The NFC text of a scalar value, with its node; reports a list or mapping where text is expected.
    func scalar(_ f: Fields, _ key: String, expected: ProgrammeExpectation, required: Bool = false) -> (Node, String)? {
        guard let node = value(f, key) else {
            if required { missing(f, key, expected: expected) }
            return nil
        }
        guard case .scalar(let s) = node else {
            error(node.location, f.path(key), .expectedShape(expected: expected, found: node.shape))
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
        scalar(f, key, expected: .text)?.1
    }

    func requiredText(_ f: Fields, _ key: String, expected: ProgrammeExpectation) -> String? {
        scalar(f, key, expected: expected, required: true)?.1
    }

    /// A list of texts; a single text is accepted as a list of one.
    func textList(_ f: Fields, _ key: String, expected: ProgrammeExpectation) -> [String] {
        textNodes(f, key, expected: expected).map(\.text)
    }

    private func textNodes(
        _ f: Fields, _ key: String, expected: ProgrammeExpectation
    ) -> [(node: Node, text: String, path: String)] {
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
                        .expectedText(found: element.isNull ? .nothing : element.shape))
                    continue
                }
                let text = normalise(s.string)
                if text.isEmpty {
                    error(element.location, path, .expectedText(found: .nothing))
                } else {
                    result.append((element, text, path))
                }
            }
            return result
        default:
            error(node.location, f.path(key), .expectedShape(expected: expected, found: node.shape))
            return []
        }
    }

    func enumValue<T>(
        _ f: Fields, _ key: String, _ aliases: [String: T], expected: [String],
        required: Bool = false
    ) -> T? {
        guard let (node, text) = scalar(f, key, expected: .oneOf(values: expected), required: required) else {
            return nil
        }
        if let value = aliases[fold(text)] { return value }
        error(
            node.location, f.path(key),
            .unknownValue(key: key, typed: text, values: expected, suggestion: nearest(text, in: expected)))
        return nil
    }

    func boolean(_ f: Fields, _ key: String) -> Bool? {
        guard let (node, text) = scalar(f, key, expected: .trueOrFalse) else { return nil }
        guard let value = try? Values.yesNo(text) else {
            error(node.location, f.path(key), .invalidBoolean(typed: text))
            return nil
        }
        return value
    }

    func positiveInteger(_ f: Fields, _ key: String) -> Int? {
        guard let (node, text) = scalar(f, key, expected: .wholeNumberFromOne) else { return nil }
        guard text.count <= 6, text.allSatisfy(\.isASCIIDigit), let n = Int(text), n >= 1 else {
            error(node.location, f.path(key), .invalidPriority(typed: text))
            return nil
        }
        return n
    }

    func durationValue(_ f: Fields, _ key: String, required: Bool = false, positive: Bool) -> Int? {
        guard let (node, text) = scalar(f, key, expected: .duration, required: required) else { return nil }
        let seconds: Int
        do throws(Refusal) { seconds = try Values.duration(text) } catch {
            let reason = error.code == "bad-duration" ? nil : error.reason
            self.error(node.location, f.path(key), .invalidDuration(typed: text, reason: reason))
            return nil
        }
        if positive, seconds == 0 {
            error(node.location, f.path(key), .zeroDuration(typed: text))
            return nil
        }
        return seconds
    }

    func amount(_ f: Fields, _ key: String, required: Bool = false, currency: String? = nil) -> Int64? {
        guard let (node, text) = scalar(f, key, expected: .amount, required: required) else { return nil }
        switch Amounts.check(text, language: language) {
        case .success(let value):
            return value
        case .failure(let problem):
            let c =
                problem == .decimal ? currency ?? self.text(f, "currency").flatMap { try? Values.currency($0) } : nil
            error(
                node.location, f.path(key),
                .invalidAmount(typed: text, problem: problem, currency: c, english: language == .en))
            return nil
        }
    }

    /// The `currency` of `f` under its usual name (``Values/currency(_:)``: `€`, `euro` and
    /// `EUR` are one currency), or nil when absent or invalid (reported).
    func currencyValue(_ f: Fields) -> String? {
        guard let (node, text) = scalar(f, "currency", expected: .currency) else {
            return nil
        }
        do throws(Refusal) {
            return try Values.currency(text)
        } catch {
            self.error(node.location, f.path("currency"), .refused(error.reason))
            return nil
        }
    }

    // MARK: - Ids and references

    private func identifier(_ f: Fields, kind: IdKind) -> String? {
        guard let (node, id) = scalar(f, "id", expected: .uniqueId(example: exampleId(kind)), required: true)
        else {
            return nil
        }
        if !id.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) }) {
            error(node.location, f.path("id"), .invalidId(id: id, example: exampleId(kind)))
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
                .duplicateId(
                    id: id, kind: first.kind, line: first.location.line, column: first.location.column, path: first.path
                ))
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
        guard let (node, id) = scalar(f, key, expected: .idOf(kinds: allowed)) else { return nil }
        references.append(Reference(id: id, allowed: allowed, location: node.location, path: f.path(key)))
        return id
    }

    private func referenceList(_ f: Fields, _ key: String, to allowed: [IdKind]) -> [String] {
        textNodes(f, key, expected: .idsOf(kinds: allowed)).map { node, id, path in
            references.append(Reference(id: id, allowed: allowed, location: node.location, path: path))
            return id
        }
    }

    private func checkReferences() {
        for ref in references {
            if let entry = ids[ref.id] {
                if !ref.allowed.contains(entry.kind) {
                    error(
                        ref.location, ref.path,
                        .wrongKindReference(id: ref.id, kind: entry.kind, path: entry.path, allowed: ref.allowed))
                }
                continue
            }
            let candidates = idOrder.filter { ids[$0].map { ref.allowed.contains($0.kind) } ?? false }
            error(
                ref.location, ref.path,
                .unknownReference(id: ref.id, allowed: ref.allowed, suggestion: nearest(ref.id, in: candidates)))
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
