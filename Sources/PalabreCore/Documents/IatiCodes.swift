import Foundation

/// A code of an IATI 2.03 codelist that palabre uses, with its meaning in English and French.
///
/// Only the codes palabre writes (or accepts in a programme) are kept, each table naming its
/// codelist. The names are the codelists' own (`IATI-Codelists` version-2.03 for the embedded
/// lists, `IATI-Codelists-NonEmbedded` for the others); where a codelist has no French name,
/// the French given here is palabre's and says so in ``frenchIsOfficial``.
public protocol IatiCode: Sendable, CaseIterable, RawRepresentable where RawValue: Sendable & CustomStringConvertible {
    /// The name of the IATI codelist the code belongs to (`TransactionType`).
    static var codelist: String { get }
    /// The codelist's English name of the code.
    var english: String { get }
    /// The French name of the code: the codelist's, or palabre's when it has none.
    var french: String { get }
    /// Whether ``french`` is the codelist's own French name (by default true).
    var frenchIsOfficial: Bool { get }
}

extension IatiCode {
    /// The code as written in the XML (`12`, `XOF`).
    public var code: String { rawValue.description }
    /// True: the codelist gives this French name (tables whose list has none say otherwise).
    public var frenchIsOfficial: Bool { true }
    /// The name in `language`.
    public func name(_ language: Language) -> String { language == .fr ? french : english }
}

/// IATI codelist TransactionType: the transactions palabre writes for a commitment.
public enum IatiTransactionType: Int, IatiCode {
    /// 2 Outgoing Commitment (Engagement sortant): a signed agreement (convention signée).
    case outgoingCommitment = 2
    /// 3 Disbursement (Décaissement): money placed at the commune's disposal.
    case disbursement = 3
    /// 12 Outgoing Pledge (Promesse sortante): a commitment announced at the meeting, not yet signed.
    case outgoingPledge = 12

    /// The codelist these codes come from.
    public static let codelist = "TransactionType"
    /// The codelist\'s English name of the code.
    public var english: String {
        switch self {
        case .outgoingCommitment: "Outgoing Commitment"
        case .disbursement: "Disbursement"
        case .outgoingPledge: "Outgoing Pledge"
        }
    }
    /// The French name of the code.
    public var french: String {
        switch self {
        case .outgoingCommitment: "Engagement sortant"
        case .disbursement: "Décaissement"
        case .outgoingPledge: "Promesse sortante"
        }
    }
}

/// IATI codelist OrganisationRole: the roles of the organisations of an activity.
public enum IatiOrganisationRole: Int, IatiCode {
    /// 1 Funding (Financement): a partner with money committed to the fiche.
    case funding = 1
    /// 3 Extending (Octroi): the organiser, who brings partners and communes together.
    case extending = 3
    /// 4 Implementing (Mise en œuvre): the commune, maître d'ouvrage of its project.
    case implementing = 4

    /// The codelist these codes come from.
    public static let codelist = "OrganisationRole"
    /// The codelist\'s English name of the code.
    public var english: String {
        switch self {
        case .funding: "Funding"
        case .extending: "Extending"
        case .implementing: "Implementing"
        }
    }
    /// The French name of the code.
    public var french: String {
        switch self {
        case .funding: "Financement"
        case .extending: "Octroi"
        case .implementing: "Mise en œuvre"
        }
    }
}

/// IATI codelist OrganisationType: every code, as a programme may give any of them (`iati_type`).
public enum IatiOrganisationType: Int, IatiCode {
    /// 10 Government.
    case government = 10
    /// 11 Local Government (a commune).
    case localGovernment = 11
    /// 15 Other Public Sector.
    case otherPublicSector = 15
    /// 21 International NGO.
    case internationalNGO = 21
    /// 22 National NGO.
    case nationalNGO = 22
    /// 23 Regional NGO.
    case regionalNGO = 23
    /// 24 Partner Country based NGO.
    case partnerCountryBasedNGO = 24
    /// 30 Public Private Partnership.
    case publicPrivatePartnership = 30
    /// 40 Multilateral.
    case multilateral = 40
    /// 60 Foundation.
    case foundation = 60
    /// 70 Private Sector.
    case privateSector = 70
    /// 71 Private Sector in Provider Country.
    case privateSectorInProviderCountry = 71
    /// 72 Private Sector in Aid Recipient Country.
    case privateSectorInAidRecipientCountry = 72
    /// 73 Private Sector in Third Country.
    case privateSectorInThirdCountry = 73
    /// 80 Academic, Training and Research.
    case academicTrainingResearch = 80
    /// 90 Other.
    case other = 90

    /// The codelist these codes come from.
    public static let codelist = "OrganisationType"
    /// The codelist\'s English name of the code.
    public var english: String {
        switch self {
        case .government: "Government"
        case .localGovernment: "Local Government"
        case .otherPublicSector: "Other Public Sector"
        case .internationalNGO: "International NGO"
        case .nationalNGO: "National NGO"
        case .regionalNGO: "Regional NGO"
        case .partnerCountryBasedNGO: "Partner Country based NGO"
        case .publicPrivatePartnership: "Public Private Partnership"
        case .multilateral: "Multilateral"
        case .foundation: "Foundation"
        case .privateSector: "Private Sector"
        case .privateSectorInProviderCountry: "Private Sector in Provider Country"
        case .privateSectorInAidRecipientCountry: "Private Sector in Aid Recipient Country"
        case .privateSectorInThirdCountry: "Private Sector in Third Country"
        case .academicTrainingResearch: "Academic, Training and Research"
        case .other: "Other"
        }
    }
    /// The French name of the code.
    public var french: String {
        switch self {
        case .government: "Gouvernement"
        case .localGovernment: "Collectivité territoriale"
        case .otherPublicSector: "Autre secteur public"
        case .internationalNGO: "ONG internationale"
        case .nationalNGO: "ONG nationale"
        case .regionalNGO: "ONG regionale"
        case .partnerCountryBasedNGO: "ONG basée dans le pays partenaire"
        case .publicPrivatePartnership: "Partenariat public-privé"
        case .multilateral: "Multilatéral"
        case .foundation: "Fondation"
        case .privateSector: "Secteur privé"
        case .privateSectorInProviderCountry: "Secteur privé du pays donateur"
        case .privateSectorInAidRecipientCountry: "Secteur privé du pays bénéficiaire"
        case .privateSectorInThirdCountry: "Secteur privé d'un pays tiers"
        case .academicTrainingResearch: "Universitaire, formation et recherche"
        case .other: "Autre"
        }
    }
    /// False for 11, 24, 71, 72, 73 and 90: the codelist gives no French name, those are palabre's.
    public var frenchIsOfficial: Bool {
        ![
            .localGovernment, .partnerCountryBasedNGO, .privateSectorInProviderCountry,
            .privateSectorInAidRecipientCountry, .privateSectorInThirdCountry, .other,
        ].contains(self)
    }
}

/// IATI codelist ActivityStatus: where a fiche's project stands.
public enum IatiActivityStatus: Int, IatiCode {
    /// 1 Pipeline/identification (Planification): a fiche looking for money, or being prepared.
    case pipeline = 1
    /// 2 Implementation (Actif): works started.
    case implementation = 2
    /// 3 Finalisation (Finalisation): works finished.
    case finalisation = 3

    /// The codelist these codes come from.
    public static let codelist = "ActivityStatus"
    /// The codelist\'s English name of the code.
    public var english: String {
        switch self {
        case .pipeline: "Pipeline/identification"
        case .implementation: "Implementation"
        case .finalisation: "Finalisation"
        }
    }
    /// The French name of the code.
    public var french: String {
        switch self {
        case .pipeline: "Planification"
        case .implementation: "Actif"
        case .finalisation: "Finalisation"
        }
    }
}

/// IATI codelist ActivityDateType: the dates palabre gives an activity.
public enum IatiActivityDateType: Int, IatiCode {
    /// 1 Planned start (Début prévu).
    case plannedStart = 1
    /// 2 Actual start (Début réel): the works started.
    case actualStart = 2
    /// 4 Actual end (Fin réelle): the works finished.
    case actualEnd = 4

    /// The codelist these codes come from.
    public static let codelist = "ActivityDateType"
    /// The codelist\'s English name of the code.
    public var english: String {
        switch self {
        case .plannedStart: "Planned start"
        case .actualStart: "Actual start"
        case .actualEnd: "Actual end"
        }
    }
    /// The French name of the code.
    public var french: String {
        switch self {
        case .plannedStart: "Début prévu"
        case .actualStart: "Début réel"
        case .actualEnd: "Fin réelle"
        }
    }
}

/// IATI codelist SectorVocabulary: how a fiche's sector is written.
public enum IatiSectorVocabulary: Int, IatiCode {
    /// 1 OECD DAC CRS Purpose Codes (5 digit): the fiche's `crs` code.
    case oecdDacCrs5 = 1
    /// 99 Reporting Organisation: the fiche's own sector word (`eau`, `santé`).
    case reportingOrganisation = 99

    /// The codelist these codes come from.
    public static let codelist = "SectorVocabulary"
    /// The codelist\'s English name of the code.
    public var english: String {
        switch self {
        case .oecdDacCrs5: "OECD DAC CRS Purpose Codes (5 digit)"
        case .reportingOrganisation: "Reporting Organisation"
        }
    }
    /// The French name of the code.
    public var french: String {
        switch self {
        case .oecdDacCrs5: "Codes-secteurs OCDE CAD SNPC (5 chiffres)"
        case .reportingOrganisation: "Organisation déclarante"
        }
    }
}

/// IATI codelist DescriptionType: the one description palabre writes.
public enum IatiDescriptionType: Int, IatiCode {
    /// 1 General (Général).
    case general = 1

    /// The codelist these codes come from.
    public static let codelist = "DescriptionType"
    /// The codelist\'s English name of the code.
    public var english: String { "General" }
    /// The French name of the code.
    public var french: String { "Général" }
}

/// IATI codelist Currency (ISO 4217): the currencies the Ségou meetings use, and how a programme
/// or an entry may spell them.
public enum IatiCurrency: String, IatiCode {
    /// XOF, the CFA franc of the BCEAO (West Africa): `FCFA`, `CFA`, `F CFA`, `XOF`.
    case xof = "XOF"
    /// EUR: `EUR`, `€`, `euro`, `euros`.
    case eur = "EUR"
    /// USD: `USD`, `$`, `US$`, `dollar`, `dollars`.
    case usd = "USD"

    /// The codelist these codes come from.
    public static let codelist = "Currency"
    /// The codelist\'s English name of the code.
    public var english: String {
        switch self {
        case .xof: "CFA Franc BCEAO"
        case .eur: "Euro"
        case .usd: "US Dollar"
        }
    }
    /// palabre's French name of the code (the Currency codelist has none).
    public var french: String {
        switch self {
        case .xof: "Franc CFA (BCEAO)"
        case .eur: "Euro"
        case .usd: "Dollar des États-Unis"
        }
    }
    /// False: the Currency codelist has no French names, those are palabre's.
    public var frenchIsOfficial: Bool { false }

    /// The currency a programme or an entry writes `text` for (case, spaces and dots ignored:
    /// `FCFA`, `F CFA`, `F.CFA` are XOF), nil when palabre does not know it.
    public init?(spelling text: String) {
        let key = text.uppercased().filter { !$0.isWhitespace && $0 != "." }
        switch key {
        case "XOF", "FCFA", "CFA", "FRANCSCFA", "FRANCCFA": self = .xof
        case "EUR", "€", "EURO", "EUROS": self = .eur
        case "USD", "$", "US$", "DOLLAR", "DOLLARS": self = .usd
        default: return nil
        }
    }
}

/// IATI codelist Country (ISO 3166-1 alpha-2): the programme's `country`.
public enum IatiCountry {
    /// Whether `code` is an ISO 3166-1 alpha-2 country code (two capital letters the system's
    /// ICU data knows as a region: `ML`, `BF`, `SN`).
    public static func isValid(_ code: String) -> Bool {
        guard code.count == 2, code.allSatisfy({ $0.isASCII && $0.isUppercase }) else { return false }
        return Locale.Region.isoRegions.contains { $0.identifier == code }
    }
}
