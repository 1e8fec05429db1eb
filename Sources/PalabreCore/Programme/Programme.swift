import Foundation

/// The programme of a roundtable, as the organiser writes it in `programme.yaml` before the
/// meeting: who takes part, which commune fiches are on the table, and the agenda of each day.
///
/// Loaded and validated by ``ProgrammeLoader``; the file format is described in
/// `docs/programme-format.md`. Every id (organisation, commune, fiche, participant, item)
/// is unique across the whole programme.
public struct Programme: Sendable, Equatable {
    /// Title of the meeting, e.g. « Table ronde des partenaires du Pro-ARIDES ».
    public var title: String
    /// Venue, e.g. « Salle de réunion du Conseil Régional de Ségou ».
    public var venue: String
    /// Town where the meeting takes place.
    public var city: String?
    /// Organisation ids of the organisers (must name entries of ``organisations``).
    public var organisers: [String]
    /// Language of screens and documents.
    public var language: Language
    /// IANA time-zone name of the meeting place (default `Africa/Bamako`).
    public var timeZone: String
    /// Default currency for amounts (default `FCFA`).
    public var currency: String
    /// The country where the meeting's communes are, as an ISO 3166-1 alpha-2 code (`ML`): the
    /// recipient country of the IATI export; nil when not given.
    public var country: String?
    /// General objective, one paragraph.
    public var generalObjective: String?
    /// Specific objectives, one sentence each.
    public var specificObjectives: [String]
    /// Context of the meeting (why it is held), one or more paragraphs; nil when not given.
    public var context: String?
    /// Method of work (how the meeting proceeds), one or more paragraphs; nil when not given.
    public var method: String?
    /// The bureau de séance: president, moderators and rapporteurs (participant ids).
    public var bureau: Bureau
    /// Acronyms that are not organisations (PDESC, PPP, SG…) with what they stand for.
    public var abbreviations: [Abbreviation]
    /// Partners, state services, NGOs, private firms, organisers.
    public var organisations: [Organisation]
    /// Communes (local authorities) with their project fiches.
    public var communes: [Commune]
    /// Expected participants (walk-ins are added through the journal).
    public var participants: [Participant]
    /// Days of the meeting in date order, each with its agenda.
    public var days: [Day]

    /// Earlier sessions this meeting follows (`follows: [../segou-2023]`): folders relative to
    /// the session folder. Their open recommendations, actions and commitments are reviewed in
    /// the « suivi des recommandations » items.
    public var follows: [String]

    /// CSV separator of the documents (`csv_separator: ","`); nil: that of the language (`;` in
    /// French, `,` in English).
    public var csvSeparator: Character?
    /// What the board calls the units that bring projects (`unit: Ward`, « Département », « Budget
    /// line »); nil: « Commune ». Shown on F11 and in the documents' columns and headings.
    public var unitLabel: String?
    /// Names the programme gives the participant categories, by organisation type (raw value, or
    /// `other` for people of no organisation): `categories: {organiser: Councillors and officers,
    /// ngo: Residents}`. A category not named keeps its usual name (« PTF », “Organisers”…).
    public var categoryNames: [String: String]

    /// Creates a programme; every collection defaults to empty.
    public init(
        title: String, venue: String, city: String? = nil, organisers: [String] = [],
        language: Language = .fr, timeZone: String = "Africa/Bamako", currency: String = "FCFA",
        generalObjective: String? = nil, specificObjectives: [String] = [],
        organisations: [Organisation] = [], communes: [Commune] = [],
        participants: [Participant] = [], days: [Day] = [], context: String? = nil, method: String? = nil,
        bureau: Bureau = Bureau(), abbreviations: [Abbreviation] = [], follows: [String] = [],
        country: String? = nil, csvSeparator: Character? = nil, unitLabel: String? = nil,
        categoryNames: [String: String] = [:]
    ) {
        self.follows = follows
        self.country = country
        self.csvSeparator = csvSeparator; self.unitLabel = unitLabel
        self.categoryNames = categoryNames
        self.context = context; self.method = method; self.bureau = bureau; self.abbreviations = abbreviations
        self.title = title; self.venue = venue; self.city = city; self.organisers = organisers
        self.language = language; self.timeZone = timeZone; self.currency = currency
        self.generalObjective = generalObjective; self.specificObjectives = specificObjectives
        self.organisations = organisations; self.communes = communes
        self.participants = participants; self.days = days
    }
}

/// The bureau de séance: who chairs, who moderates and who writes the minutes (participant ids).
public struct Bureau: Sendable, Equatable {
    /// President of the meeting (président de séance), a participant id.
    public var president: String?
    /// Moderators (modérateurs), participant ids.
    public var moderators: [String]
    /// Rapporteurs, participant ids.
    public var rapporteurs: [String]

    /// Creates a bureau; empty by default.
    public init(president: String? = nil, moderators: [String] = [], rapporteurs: [String] = []) {
        self.president = president; self.moderators = moderators; self.rapporteurs = rapporteurs
    }

    /// Whether no role is filled.
    public var isEmpty: Bool { president == nil && moderators.isEmpty && rapporteurs.isEmpty }
}

/// An acronym that is not an organisation's (PDESC, PPP, SG…) and what it stands for.
public struct Abbreviation: Sendable, Equatable {
    /// The acronym as written in the documents (`PDESC`).
    public var acronym: String
    /// What it stands for (« Programme de Développement Économique, Social et Culturel »).
    public var name: String

    /// Creates an abbreviation.
    public init(acronym: String, name: String) { self.acronym = acronym; self.name = name }
}

/// Language of the user interface and of the generated documents.
public enum Language: String, Sendable, Equatable, CaseIterable, Codable {
    case fr, en

    /// The language of the environment, for what is said before a programme gives one (the
    /// command line before a session is read, diagnostics of a file without `language:`):
    /// French when the first of `LC_ALL`, `LC_MESSAGES` and `LANG` that is set and not empty
    /// (POSIX order) starts with `fr`, English otherwise. `--lang` overrides it.
    public static var environment: Language {
        let env = ProcessInfo.processInfo.environment
        let value = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { env[$0] }.first { !$0.isEmpty } ?? ""
        return value.lowercased().hasPrefix("fr") ? .fr : .en
    }
}

/// Kind of an organisation taking part in the meeting.
public enum OrganisationType: String, Sendable, Equatable, CaseIterable, Codable {
    /// Technical and financial partner (PTF).
    case partner
    /// Local authority (collectivité territoriale). Communes listed under `communes` have this type.
    case commune
    /// Deconcentrated State technical service (service technique déconcentré).
    case stateService = "state-service"
    /// Non-governmental organisation.
    case ngo
    /// Private firm.
    case `private`
    /// Organiser of the meeting (e.g. the regional development agency).
    case organiser
}

/// An organisation: a partner (PTF), a State service, an NGO, a firm or an organiser.
public struct Organisation: Sendable, Equatable, Identifiable {
    /// Unique id, used in references (e.g. `unicef`).
    public var id: String
    /// Acronym shown on screens and in tables (e.g. `UNICEF`).
    public var acronym: String
    /// Full name.
    public var name: String
    /// Kind of organisation.
    public var type: OrganisationType
    /// Sectors of intervention (free words such as `santé`, `eau`, `éducation`).
    public var sectors: [String]
    /// Zones of intervention (region, cercle or commune names).
    public var zones: [String]
    /// For partners: programmes under way in the region.
    public var programmes: [PartnerProgramme]
    /// Whether the name is feminine in French (« la NEF », « la DRS Ségou »): the article and the
    /// agreement in the documents' sentences (« La NEF s'est engagée … »).
    public var feminine: Bool
    /// Sector codes of the OECD DAC Creditor Reporting System (5-digit purpose codes, e.g. 14030
    /// « Basic drinking water supply and basic sanitation »), when the directory gives them.
    public var crsCodes: [Int]
    /// Who to call: functions and, when known, names, telephones and e-mail addresses.
    public var contacts: [Contact]
    /// The organisation's IATI organisation identifier (`XM-DAC-41122`: registration agency,
    /// a hyphen, the number it gives), when known: `ref` of the IATI export.
    public var iati: String?
    /// The organisation's type in IATI's OrganisationType codelist (``IatiOrganisationType``),
    /// when given.
    public var iatiType: IatiOrganisationType?

    /// Creates an organisation.
    public init(
        id: String, acronym: String, name: String, type: OrganisationType,
        sectors: [String] = [], zones: [String] = [], programmes: [PartnerProgramme] = [], feminine: Bool = false,
        crsCodes: [Int] = [], contacts: [Contact] = [], iati: String? = nil, iatiType: IatiOrganisationType? = nil
    ) {
        self.iati = iati; self.iatiType = iatiType
        self.id = id; self.acronym = acronym; self.name = name; self.type = type
        self.sectors = sectors; self.zones = zones; self.programmes = programmes; self.feminine = feminine
        self.crsCodes = crsCodes; self.contacts = contacts
    }
}

/// A contact of an organisation, as the répertoire des intervenants lists them: a function
/// (« Point focal suivi-évaluation ») and, when known, a person's name, a telephone and an e-mail.
public struct Contact: Sendable, Equatable {
    /// The function or role (required): who to ask for when the person changes.
    public var function: String
    /// The person holding it, if known.
    public var name: String?
    /// A telephone number, as written (`+223 76 00 00 00`).
    public var phone: String?
    /// An e-mail address.
    public var email: String?

    /// Creates a contact.
    public init(function: String, name: String? = nil, phone: String? = nil, email: String? = nil) {
        self.function = function; self.name = name; self.phone = phone; self.email = email
    }
}

/// A programme or project a partner runs in the region.
public struct PartnerProgramme: Sendable, Equatable {
    /// Title of the programme.
    public var title: String
    /// Sectors covered.
    public var sectors: [String]
    /// Zones covered.
    public var zones: [String]
    /// Funding instrument (e.g. « subvention », « droits de tirage FNACT »).
    public var instrument: String?
    /// Budget as an exact integer amount in ``currency``.
    public var budget: Int64?
    /// Currency of ``budget``.
    public var currency: String
    /// First year of the programme (`2022`), if given.
    public var from: Int?
    /// Last year of the programme (`2026`), if given.
    public var to: Int?

    /// Creates a partner programme.
    public init(
        title: String, sectors: [String] = [], zones: [String] = [], instrument: String? = nil,
        budget: Int64? = nil, currency: String = "FCFA", from: Int? = nil, to: Int? = nil
    ) {
        self.title = title; self.sectors = sectors; self.zones = zones
        self.instrument = instrument; self.budget = budget; self.currency = currency
        self.from = from; self.to = to
    }
}

/// A commune (local authority) and the project fiches it brings to the meeting.
public struct Commune: Sendable, Equatable, Identifiable {
    /// Unique id (e.g. `timissa`).
    public var id: String
    /// Name (e.g. « Timissa »).
    public var name: String
    /// Cercle the commune belongs to (e.g. « Tominian »); empty for a unit without one (a ward,
    /// a department, a budget line).
    public var cercle: String
    /// Region (e.g. « Ségou »); empty when not given.
    public var region: String
    /// Project fiches, in the order the commune ranks them.
    public var fiches: [ProjectFiche]

    /// Creates a commune.
    public init(id: String, name: String, cercle: String, region: String, fiches: [ProjectFiche] = []) {
        self.id = id; self.name = name; self.cercle = cercle; self.region = region; self.fiches = fiches
    }
}

/// Delivery mode of a project fiche.
public enum DeliveryMode: String, Sendable, Equatable, CaseIterable, Codable {
    /// Classic public procurement.
    case classique
    /// Public-private partnership.
    case ppp
}

/// How far the preparation of a fiche has gone.
public enum StudyStatus: String, Sendable, Equatable, CaseIterable, Codable {
    /// Only an idea: a feasibility study is needed.
    case idea
    /// A feasibility study exists.
    case feasibilityStudy = "feasibility-study"
    /// The project has been appraised (évaluation préalable).
    case appraisal
}

/// A project fiche (fiche de projet) from a commune's local development plan (PDESC).
public struct ProjectFiche: Sendable, Equatable, Identifiable {
    /// Unique id (e.g. `TIM-01`).
    public var id: String
    /// Title.
    public var title: String
    /// Sector (e.g. `eau`, `santé`).
    public var sector: String
    /// Location within the commune.
    public var location: String?
    /// Total cost, exact integer in ``currency``.
    public var totalCost: Int64
    /// Commune contribution (contrepartie), exact integer in ``currency``.
    public var contribution: Int64
    /// Amount sought from partners for the works (the investment), exact integer in ``currency``.
    public var amountSought: Int64
    /// Cost of the feasibility study, sought apart from the works (nil: not stated in the programme).
    /// Money for the study never lowers the works' gap.
    public var studyCost: Int64?
    /// Currency of the amounts (default the programme's).
    public var currency: String
    /// Delivery mode.
    public var mode: DeliveryMode
    /// Study status.
    public var studyStatus: StudyStatus
    /// Beneficiaries, free text.
    public var beneficiaries: String?
    /// Priority rank within the commune, 1 the highest.
    public var priority: Int
    /// The OECD DAC CRS purpose code of the project (five digits, e.g. 14030), when given: the
    /// sector of the IATI export.
    public var crs: Int?
    /// When the project is planned to start (`YYYY-MM-DD`), when the fiche says: the planned
    /// start of the IATI export.
    public var plannedStart: String?

    /// Creates a fiche.
    public init(
        id: String, title: String, sector: String, location: String? = nil, totalCost: Int64,
        contribution: Int64, amountSought: Int64, currency: String = "FCFA",
        mode: DeliveryMode = .classique, studyStatus: StudyStatus = .idea,
        beneficiaries: String? = nil, priority: Int = 1, studyCost: Int64? = nil, crs: Int? = nil,
        plannedStart: String? = nil
    ) {
        self.crs = crs; self.plannedStart = plannedStart
        self.studyCost = studyCost
        self.id = id; self.title = title; self.sector = sector; self.location = location
        self.totalCost = totalCost; self.contribution = contribution; self.amountSought = amountSought
        self.currency = currency; self.mode = mode; self.studyStatus = studyStatus
        self.beneficiaries = beneficiaries; self.priority = priority
    }
}

/// Sex of a participant, as recorded on the attendance sheet.
public enum Sex: String, Sendable, Equatable, CaseIterable, Codable {
    case female = "F"
    case male = "M"
    case unspecified
}

/// A participant, named by function (« Maire de Timissa »); a personal name is optional.
public struct Participant: Sendable, Equatable, Identifiable, Codable {
    /// Unique id (e.g. `maire-timissa`).
    public var id: String
    /// Function, the way people are named in the minutes.
    public var function: String
    /// Organisation id or commune id the participant represents.
    public var organisation: String?
    /// Commune id, for commune staff.
    public var commune: String?
    /// Sex.
    public var sex: Sex
    /// Personal name (personal data: optional).
    public var name: String?
    /// Contact (personal data: optional).
    public var contact: String?
    /// Participant category chosen for a walk-in (civil society, private sector…), which wins over
    /// the type of their organisation; nil: their organisation's type, else « autres » (absent from
    /// older journals).
    public var category: OrganisationType?

    /// Creates a participant.
    public init(
        id: String, function: String, organisation: String? = nil, commune: String? = nil,
        sex: Sex = .unspecified, name: String? = nil, contact: String? = nil, category: OrganisationType? = nil
    ) {
        self.id = id; self.function = function; self.organisation = organisation; self.commune = commune
        self.sex = sex; self.name = name; self.contact = contact; self.category = category
    }
}

extension Programme {
    /// The participant category of `p`: the category chosen for them, else the type of the
    /// organisation they represent (`commune` for a commune), else nil (« autres »).
    public func category(of p: Participant) -> OrganisationType? {
        if let c = p.category { return c }
        if let o = p.organisation {
            if let org = organisation(o) { return org.type }
            if commune(o) != nil { return .commune }
        }
        return p.commune != nil ? .commune : nil
    }
}

/// One day of the meeting and its agenda.
public struct Day: Sendable, Equatable {
    /// Calendar date, `YYYY-MM-DD`.
    public var date: String
    /// Optional title (« Journée des communes »).
    public var title: String?
    /// Agenda items in planned order.
    public var items: [AgendaItem]

    /// Creates a day.
    public init(date: String, title: String? = nil, items: [AgendaItem] = []) {
        self.date = date; self.title = title; self.items = items
    }
}

/// Kind of an agenda item (point de l'ordre du jour).
public enum ItemKind: String, Sendable, Equatable, CaseIterable, Codable {
    case opening
    case framingTalk = "framing-talk"
    case partnerPresentation = "partner-presentation"
    case communePitch = "commune-pitch"
    case debate
    case groupWork = "group-work"
    case reportBack = "report-back"
    case synthesis
    case `break`
    case closing
    /// Suivi des recommandations: the open recommendations, actions and commitments of the
    /// sessions the programme `follows`, reviewed one by one.
    case followUp = "follow-up"
    /// Quorum and roll call (appel nominal): who is present, whether the meeting may deliberate.
    case quorum
    /// Approval of the minutes of the previous meeting.
    case approveMinutes = "approve-minutes"
    /// A vote (délibération): its result is recorded as a ``EntryKind/vote`` entry.
    case vote
    /// Public comment: members of the public speak.
    case publicComment = "public-comment"
    /// Any other business (questions diverses).
    case anyOtherBusiness = "any-other-business"
    case other
}

/// One slot of the agenda.
public struct AgendaItem: Sendable, Equatable, Identifiable, Codable {
    /// Unique id (e.g. `d1-ouverture`).
    public var id: String
    /// Kind.
    public var kind: ItemKind
    /// Title.
    public var title: String
    /// Planned start, minutes after midnight local time (09:30 → 570); nil to follow the previous item.
    public var plannedStart: Int?
    /// Planned duration in seconds.
    public var duration: Int
    /// Presenters: participant, organisation or commune ids.
    public var presenters: [String]
    /// Moderator: a participant id.
    public var moderator: String?
    /// A fixed item (ceremony) keeps its place when the schedule is re-planned.
    public var fixed: Bool
    /// Default speaking-time limit per speaker, in seconds.
    public var speakingLimit: Int?
    /// Project fiches discussed in this item (fiche ids), e.g. those a commune pitches.
    public var fiches: [String]

    /// Creates an agenda item.
    public init(
        id: String, kind: ItemKind, title: String, plannedStart: Int? = nil, duration: Int,
        presenters: [String] = [], moderator: String? = nil, fixed: Bool = false,
        speakingLimit: Int? = nil, fiches: [String] = []
    ) {
        self.id = id; self.kind = kind; self.title = title; self.plannedStart = plannedStart
        self.duration = duration; self.presenters = presenters; self.moderator = moderator
        self.fixed = fixed; self.speakingLimit = speakingLimit; self.fiches = fiches
    }

    private enum CodingKeys: String, CodingKey {
        case id, kind, title, plannedStart, duration, presenters, moderator, fixed, speakingLimit, fiches
    }

    /// Decodes an item; `fiches` may be absent (older records), meaning none.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        kind = try c.decode(ItemKind.self, forKey: .kind)
        title = try c.decode(String.self, forKey: .title)
        plannedStart = try c.decodeIfPresent(Int.self, forKey: .plannedStart)
        duration = try c.decode(Int.self, forKey: .duration)
        presenters = try c.decode([String].self, forKey: .presenters)
        moderator = try c.decodeIfPresent(String.self, forKey: .moderator)
        fixed = try c.decode(Bool.self, forKey: .fixed)
        speakingLimit = try c.decodeIfPresent(Int.self, forKey: .speakingLimit)
        fiches = try c.decodeIfPresent([String].self, forKey: .fiches) ?? []
    }
}

extension Programme {
    /// The organisation with this id, if any.
    public func organisation(_ id: String) -> Organisation? { organisations.first { $0.id == id } }
    /// The commune with this id, if any.
    public func commune(_ id: String) -> Commune? { communes.first { $0.id == id } }
    /// The participant with this id, if any.
    public func participant(_ id: String) -> Participant? { participants.first { $0.id == id } }
    /// The fiche with this id and its commune, if any.
    public func fiche(_ id: String) -> (fiche: ProjectFiche, commune: Commune)? {
        for c in communes { if let f = c.fiches.first(where: { $0.id == id }) { return (f, c) } }
        return nil
    }
    /// Partners (organisations of type ``OrganisationType/partner``) in programme order.
    public var partners: [Organisation] { organisations.filter { $0.type == .partner } }
}
