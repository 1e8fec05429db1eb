/// The keys each mapping of `programme.yaml` accepts (see `docs/programme-format.md`).
enum Keys {
    static let programme = [
        "title", "venue", "city", "organisers", "language", "timezone", "currency",
        "objectives", "organisations", "communes", "participants", "days", "context", "method", "bureau",
        "abbreviations", "directory", "follows", "country", "csv_separator", "unit", "units", "categories",
    ]
    static let bureau = ["president", "moderators", "rapporteurs"]
    static let abbreviation = ["acronym", "name"]
    static let objectives = ["general", "specific"]
    static let organisation = [
        "id", "acronym", "name", "type", "sectors", "zones", "programmes", "feminine", "crs", "contacts", "iati",
        "iati_type",
    ]
    static let partnerProgramme = ["title", "sectors", "zones", "instrument", "budget", "currency", "from", "to"]
    static let contact = ["function", "name", "phone", "email"]
    /// The keys of a file of the répertoire des intervenants holding several organisations.
    static let directoryFile = ["organisations"]
    static let commune = ["id", "name", "cercle", "region", "fiches"]
    static let fiche = [
        "id", "title", "sector", "location", "total_cost", "contribution", "amount_sought",
        "currency", "mode", "study_status", "beneficiaries", "priority", "study_cost", "crs",
        "planned_start",
    ]
    static let participant = ["id", "function", "organisation", "commune", "sex", "name", "contact"]
    static let day = ["date", "title", "items"]
    static let item = [
        "id", "kind", "title", "start", "duration", "presenters", "moderator", "fixed",
        "speaking_limit", "fiches",
    ]
}

/// Accepted spellings of enumerated values, keyed by their folded form (lower case, no accents,
/// words joined by `-`; see `fold(_:)`). The canonical English value is always accepted; the
/// French spellings organisers naturally type are accepted too.
enum Aliases {
    static let language: [String: Language] = [
        "fr": .fr, "french": .fr, "francais": .fr,
        "en": .en, "english": .en, "anglais": .en,
    ]

    static let organisationType: [String: OrganisationType] = [
        "partner": .partner, "ptf": .partner, "partenaire": .partner,
        "commune": .commune, "collectivite": .commune, "collectivite-territoriale": .commune,
        "state-service": .stateService, "service-technique": .stateService, "service-de-l-etat": .stateService,
        "ngo": .ngo, "ong": .ngo,
        "private": .private, "prive": .private,
        "organiser": .organiser, "organisateur": .organiser,
    ]

    static let mode: [String: DeliveryMode] = [
        "classique": .classique, "classic": .classique,
        "ppp": .ppp, "partenariat-public-prive": .ppp,
    ]

    static let studyStatus: [String: StudyStatus] = [
        "idea": .idea, "idee": .idea,
        "feasibility-study": .feasibilityStudy, "etude-de-faisabilite": .feasibilityStudy,
        "faisabilite": .feasibilityStudy,
        "appraisal": .appraisal, "evaluation-prealable": .appraisal,
    ]

    static let sex: [String: Sex] = [
        "f": .female, "femme": .female, "female": .female,
        "m": .male, "h": .male, "homme": .male, "male": .male,
        "unspecified": .unspecified, "non-precise": .unspecified, "nc": .unspecified,
    ]

    static let itemKind: [String: ItemKind] = {
        var table: [String: ItemKind] = [:]
        for kind in ItemKind.allCases { table[kind.rawValue] = kind }
        let french: [String: ItemKind] = [
            "ouverture": .opening, "ceremonie-d-ouverture": .opening,
            "communication": .framingTalk,
            "presentation-ptf": .partnerPresentation, "presentation-partenaire": .partnerPresentation,
            "pitch": .communePitch, "presentation-commune": .communePitch,
            "debat": .debate, "debats": .debate, "echanges": .debate,
            "travaux-de-groupe": .groupWork,
            "restitution": .reportBack,
            "synthese": .synthesis,
            "pause": .break,
            "cloture": .closing, "ceremonie-de-cloture": .closing,
            "suivi": .followUp, "suivi-des-recommandations": .followUp,
            "roll-call": .quorum, "appel-nominal": .quorum, "appel": .quorum,
            "approbation-du-proces-verbal": .approveMinutes, "approbation-du-pv": .approveMinutes,
            "minutes": .approveMinutes, "previous-minutes": .approveMinutes,
            "deliberation": .vote, "scrutin": .vote,
            "intervention-du-public": .publicComment, "parole-au-public": .publicComment,
            "aob": .anyOtherBusiness, "divers": .anyOtherBusiness, "questions-diverses": .anyOtherBusiness,
            "autre": .other,
        ]
        table.merge(french) { first, _ in first }
        return table
    }()
}
