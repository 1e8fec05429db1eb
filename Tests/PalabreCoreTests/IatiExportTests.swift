import Foundation
import Testing

@testable import PalabreCore

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The official codes of the IATI codelists the export may use: code → (English name, French
/// name when the codelist gives one). Read from IATI-Codelists (branch version-2.03, xml/*.xml:
/// TransactionType, OrganisationRole, ActivityStatus, ActivityDateType) and
/// IATI-Codelists-NonEmbedded (xml/*.xml: OrganisationType, SectorVocabulary, DescriptionType,
/// and subsets of Currency and Country).
enum OfficialCodelists {
    typealias Table = [String: (en: String, fr: String?)]

    static let transactionType: Table = [
        "1": ("Incoming Funds", "Fonds entrants"), "2": ("Outgoing Commitment", "Engagement sortant"),
        "3": ("Disbursement", "Décaissement"), "4": ("Expenditure", "Dépenses"),
        "5": ("Interest Payment", "Paiements d’intérêts"), "6": ("Loan Repayment", "Remboursement du prêt"),
        "7": ("Reimbursement", "Remboursement"), "8": ("Purchase of Equity", "Achat d'équité"),
        "9": ("Sale of Equity", "Vente d'équité"), "10": ("Credit Guarantee", "Caution"),
        "11": ("Incoming Commitment", "Engagement entrant"), "12": ("Outgoing Pledge", "Promesse sortante"),
        "13": ("Incoming Pledge", "Promesse entrante"),
    ]
    static let organisationRole: Table = [
        "1": ("Funding", "Financement"), "2": ("Accountable", "Responsabilité"), "3": ("Extending", "Octroi"),
        "4": ("Implementing", "Mise en œuvre"),
    ]
    static let organisationType: Table = [
        "10": ("Government", "Gouvernement"), "11": ("Local Government", nil),
        "15": ("Other Public Sector", "Autre secteur public"), "21": ("International NGO", "ONG internationale"),
        "22": ("National NGO", "ONG nationale"), "23": ("Regional NGO", "ONG regionale"),
        "24": ("Partner Country based NGO", nil), "30": ("Public Private Partnership", "Partenariat public-privé"),
        "40": ("Multilateral", "Multilatéral"), "60": ("Foundation", "Fondation"),
        "70": ("Private Sector", "Secteur privé"), "71": ("Private Sector in Provider Country", nil),
        "72": ("Private Sector in Aid Recipient Country", nil), "73": ("Private Sector in Third Country", nil),
        "80": ("Academic, Training and Research", "Universitaire, formation et recherche"), "90": ("Other", nil),
    ]
    static let activityStatus: Table = [
        "1": ("Pipeline/identification", "Planification"), "2": ("Implementation", "Actif"),
        "3": ("Finalisation", "Finalisation"), "4": ("Closed", "Fermé"), "5": ("Cancelled", "Annulé"),
        "6": ("Suspended", "Suspendu"),
    ]
    static let activityDateType: Table = [
        "1": ("Planned start", "Début prévu"), "2": ("Actual start", "Début réel"), "3": ("Planned End", "Fin prévue"),
        "4": ("Actual end", "Fin réelle"),
    ]
    static let sectorVocabulary: Table = [
        "1": ("OECD DAC CRS Purpose Codes (5 digit)", "Codes-secteurs OCDE CAD SNPC (5 chiffres)"),
        "2": ("OECD DAC CRS Purpose Codes (3 digit)", "Codes-secteurs OCDE CAD SNPC (3 chiffres)"),
        "7": ("SDG Goal", "ODD (objectif)"), "98": ("Reporting Organisation 2", "Organisation déclarante 2"),
        "99": ("Reporting Organisation", "Organisation déclarante"),
    ]
    static let descriptionType: Table = [
        "1": ("General", "Général"), "2": ("Objectives", "Objectifs"), "3": ("Target Groups", "Groupes cibles"),
        "4": ("Other", "Autre"),
    ]
    /// A subset of Currency (ISO 4217): the CFA francs, the euro and the dollar.
    static let currency: Table = [
        "XOF": ("CFA Franc BCEAO", nil), "XAF": ("CFA Franc BEAC", nil), "EUR": ("Euro", nil),
        "USD": ("US Dollar", nil),
    ]
    /// A subset of Country (ISO 3166-1 alpha-2): West Africa and its neighbours.
    static let country: Table = [
        "ML": ("Mali", nil), "BF": ("Burkina Faso", nil), "NE": ("Niger (the)", nil), "SN": ("Senegal", nil),
        "CI": ("Côte d'Ivoire", nil), "GN": ("Guinea", nil), "MR": ("Mauritania", nil), "BJ": ("Benin", nil),
        "TG": ("Togo", nil), "TD": ("Chad", nil),
    ]
}

/// The element order of `iati-activity`, `transaction` and `location`, as the xsd:sequence of
/// iati-activities-schema.xsd (IATI-Schemas, branch version-2.03) lists them.
enum IatiSchemaOrder {
    static let activity = [
        "iati-identifier", "reporting-org", "title", "description", "participating-org", "other-identifier",
        "activity-status", "activity-date", "contact-info", "activity-scope", "recipient-country", "recipient-region",
        "location", "sector", "tag", "country-budget-items", "humanitarian-scope", "policy-marker",
        "collaboration-type", "default-flow-type", "default-finance-type", "default-aid-type", "default-tied-status",
        "budget", "planned-disbursement", "capital-spend", "transaction", "document-link", "related-activity",
        "legacy-data", "conditions", "result", "crs-add", "fss",
    ]
    /// Those with minOccurs="1".
    static let activityRequired = [
        "iati-identifier", "reporting-org", "title", "description", "participating-org", "activity-status",
        "activity-date",
    ]
    static let transaction = [
        "transaction-type", "transaction-date", "value", "description", "provider-org", "receiver-org",
        "disbursement-channel", "sector", "recipient-country", "recipient-region", "flow-type", "finance-type",
        "aid-type", "tied-status",
    ]
    static let transactionRequired = ["transaction-type", "transaction-date", "value"]
    static let location = [
        "location-reach", "location-id", "name", "description", "activity-description", "administrative", "point",
        "exactness", "location-class", "feature-designation",
    ]
    /// Required attributes (use="required") of the elements the export writes, from
    /// iati-activities-schema.xsd and iati-common.xsd.
    static let requiredAttributes: [String: [String]] = [
        "iati-activities": ["version"], "reporting-org": ["ref", "type"], "participating-org": ["role"],
        "activity-status": ["code"], "activity-date": ["type", "iso-date"], "recipient-country": ["code"],
        "sector": ["code"], "transaction-type": ["code"], "transaction-date": ["iso-date"], "value": ["value-date"],
    ]
}

/// `palabre export --format iati` on the recorded Ségou meeting after six months of follow-up:
/// the golden file, the schema's order and required attributes, every code against the
/// official codelists, and the transactions against the follow-up.
@Suite("IATI export")
struct IatiExportTests {
    /// The six months of follow-up, with the first organiser (NEF) given an identifier and a type
    /// (an illustrative identifier: the sample programme gives NEF a type only).
    static let followed: SessionState = {
        let s = try! FollowUpTests().sixMonths()
        return withReporter(s, iati: "XI-IATI-EXAMPLE", type: .internationalNGO)
    }()

    static func withReporter(_ s: SessionState, iati: String?, type: IatiOrganisationType?) -> SessionState {
        var p = s.programme
        let i = p.organisations.firstIndex { $0.id == p.organisers[0] }!
        p.organisations[i].iati = iati
        p.organisations[i].iatiType = type
        var t = SessionState(programme: p)
        for e in s.standingEvents { t.evolve(e) }
        return t
    }

    func render(_ s: SessionState = IatiExportTests.followed) throws -> Data {
        try IatiExport(s, now: s.lastAt!).render()
    }

    func document(_ data: Data) throws -> XMLDocument { try XMLDocument(data: data, options: []) }

    func elements(_ node: XMLNode) -> [XMLElement] { (node.children ?? []).compactMap { $0 as? XMLElement } }

    func all(_ root: XMLElement, _ name: String) -> [XMLElement] {
        var out: [XMLElement] = []
        func walk(_ e: XMLElement) {
            if e.name == name { out.append(e) }
            for c in elements(e) { walk(c) }
        }
        walk(root)
        return out
    }

    @Test("The file after six months of follow-up matches its golden file")
    func golden() throws {
        try DocumentsGoldenTests().checkGolden("iati/iati-activities.xml", try render())
    }

    @Test("The same journal gives the same bytes: no wall clock in the file")
    func deterministic() throws {
        #expect(try render() == render())
        let xml = String(decoding: try render(), as: UTF8.self)
        #expect(xml.contains("generated-datetime=\"2024-04-10T17:00:00+00:00\""), "the last follow-up update")
    }

    @Test("Each iati-activity, transaction and location follows the xsd:sequence order, with what it requires")
    func schemaOrderAndRequired() throws {
        let root = try #require(try document(render()).rootElement())
        #expect(root.name == "iati-activities")
        #expect(root.attribute(forName: "version")?.stringValue == "2.03")
        let activities = elements(root)
        #expect(activities.count == Self.followed.programme.communes.flatMap(\.fiches).count, "one per fiche")
        func checkOrder(_ e: XMLElement, _ order: [String], required: [String]) {
            let names = elements(e).compactMap(\.name)
            let positions = names.map { order.firstIndex(of: $0) }
            #expect(!positions.contains(nil), "unknown element in \(e.name ?? ""): \(names)")
            let p = positions.compactMap { $0 }
            #expect(p == p.sorted(), "out of the schema's order in \(e.name ?? ""): \(names)")
            for r in required { #expect(names.contains(r), "\(e.name ?? "") lacks \(r)") }
        }
        for a in activities {
            #expect(a.name == "iati-activity")
            checkOrder(a, IatiSchemaOrder.activity, required: IatiSchemaOrder.activityRequired)
            // Elements the schema allows once.
            for once in ["iati-identifier", "reporting-org", "title", "activity-status"] {
                #expect(elements(a).filter { $0.name == once }.count == 1, "\(once) more than once")
            }
            for t in all(a, "transaction") {
                checkOrder(t, IatiSchemaOrder.transaction, required: IatiSchemaOrder.transactionRequired)
            }
            for l in all(a, "location") { checkOrder(l, IatiSchemaOrder.location, required: []) }
            let ref = try #require(all(a, "reporting-org").first?.attribute(forName: "ref")?.stringValue)
            let id = try #require(all(a, "iati-identifier").first?.stringValue)
            #expect(id.hasPrefix(ref + "-"), "the identifier starts with the reporting organisation's")
            for n in all(a, "narrative") { #expect(!(n.stringValue ?? "").isEmpty, "an empty narrative") }
        }
        for (name, attributes) in IatiSchemaOrder.requiredAttributes {
            for e in all(root, name) {
                for attribute in attributes {
                    #expect(
                        e.attribute(forName: attribute)?.stringValue?.isEmpty == false, "\(name) lacks @\(attribute)")
                }
            }
        }
        // Dates and datetimes are ISO.
        for name in ["activity-date", "transaction-date"] {
            for e in all(root, name) {
                #expect(CalendarDate.isValid(e.attribute(forName: "iso-date")?.stringValue ?? ""))
            }
        }
        for e in all(root, "value") {
            #expect(CalendarDate.isValid(e.attribute(forName: "value-date")?.stringValue ?? ""))
            #expect(Int64(e.stringValue ?? "").map { $0 >= 0 } == true, "a value is a whole amount")
        }
        let stamps =
            [root.attribute(forName: "generated-datetime")?.stringValue]
            + activities.map { $0.attribute(forName: "last-updated-datetime")?.stringValue }
        for s in stamps { #expect(s.flatMap { RFC3339.parse($0) } != nil, "not a datetime: \(s ?? "nil")") }
    }

    @Test("Every codelist value in the file is an official code, and palabre's tables carry the codelists' names")
    func codelistValues() throws {
        let root = try #require(try document(render()).rootElement())
        func check(_ element: String, _ attribute: String, _ table: OfficialCodelists.Table, _ list: String) {
            let values = all(root, element).compactMap { $0.attribute(forName: attribute)?.stringValue }
            #expect(!values.isEmpty, "no \(element)/@\(attribute) to check")
            for v in values { #expect(table[v] != nil, "\(element)/@\(attribute)=\(v) is not in \(list)") }
        }
        check("transaction-type", "code", OfficialCodelists.transactionType, "TransactionType")
        check("participating-org", "role", OfficialCodelists.organisationRole, "OrganisationRole")
        for element in ["reporting-org", "participating-org", "provider-org", "receiver-org"] {
            check(element, "type", OfficialCodelists.organisationType, "OrganisationType")
        }
        check("activity-status", "code", OfficialCodelists.activityStatus, "ActivityStatus")
        check("activity-date", "type", OfficialCodelists.activityDateType, "ActivityDateType")
        check("sector", "vocabulary", OfficialCodelists.sectorVocabulary, "SectorVocabulary")
        check("description", "type", OfficialCodelists.descriptionType, "DescriptionType")
        check("value", "currency", OfficialCodelists.currency, "Currency")
        check("iati-activity", "default-currency", OfficialCodelists.currency, "Currency")
        check("recipient-country", "code", OfficialCodelists.country, "Country")
        // Every type the export writes shows up: pledges, commitments and disbursements; the
        // four roles' three; both sector vocabularies; three activity statuses' two at least.
        let types = Set(all(root, "transaction-type").compactMap { $0.attribute(forName: "code")?.stringValue })
        #expect(types == ["12", "2", "3"])
        let vocabularies = Set(all(root, "sector").compactMap { $0.attribute(forName: "vocabulary")?.stringValue })
        #expect(vocabularies == ["1", "99"])
        for s in all(root, "sector") where s.attribute(forName: "vocabulary")?.stringValue == "1" {
            let code = s.attribute(forName: "code")?.stringValue ?? ""
            #expect(code.count == 5 && Int(code) != nil, "a CRS purpose code has five digits: \(code)")
        }

        func tableMatches<C: IatiCode>(_: C.Type, _ official: OfficialCodelists.Table) {
            for c in C.allCases {
                let o = official[c.code]
                #expect(o?.en == c.english, "\(C.codelist) \(c.code): \(c.english) against \(o?.en ?? "no such code")")
                if c.frenchIsOfficial {
                    #expect(o?.fr == c.french, "\(C.codelist) \(c.code): \(c.french) against \(o?.fr ?? "none")")
                } else {
                    #expect(o?.fr == nil, "\(C.codelist) \(c.code) has an official French name: use it")
                }
            }
        }
        tableMatches(IatiTransactionType.self, OfficialCodelists.transactionType)
        tableMatches(IatiOrganisationRole.self, OfficialCodelists.organisationRole)
        tableMatches(IatiOrganisationType.self, OfficialCodelists.organisationType)
        tableMatches(IatiActivityStatus.self, OfficialCodelists.activityStatus)
        tableMatches(IatiActivityDateType.self, OfficialCodelists.activityDateType)
        tableMatches(IatiSectorVocabulary.self, OfficialCodelists.sectorVocabulary)
        tableMatches(IatiDescriptionType.self, OfficialCodelists.descriptionType)
        tableMatches(IatiCurrency.self, OfficialCodelists.currency)
        // The follow-up statuses map into the tables.
        for s in FollowUpStatus.allCases {
            if let t = s.iatiTransactionType { #expect(IatiTransactionType(rawValue: t) != nil) }
        }
        for s in FicheStatus.allCases { #expect(IatiActivityStatus(rawValue: s.iatiActivityStatus) != nil) }
        #expect(IatiCountry.isValid("ML") && !IatiCountry.isValid("ml") && !IatiCountry.isValid("QQ"))
    }

    @Test(
        "Transactions: a pledge per commitment not signed at the meeting, a commitment when signed, each disbursement; none for withdrawn or abandoned ones"
    )
    func transactionsFollowTheFollowUp() throws {
        let s = Self.followed
        let root = try #require(try document(render()).rootElement())
        let money = s.entries.filter {
            $0.retracted == nil && $0.content.kind == .commitment && $0.content.amount != nil
                && $0.content.fiche != nil
        }
        let standing = money.filter { $0.withdrawal == nil && s.followUp.status(ofCommitment: $0.id) != .abandoned }
        func count(_ code: String) -> Int {
            all(root, "transaction-type").filter { $0.attribute(forName: "code")?.stringValue == code }.count
        }
        #expect(count("12") == standing.filter { $0.content.status != .signed }.count)
        let signedInFollowUp = standing.filter { e in
            s.followUp.commitments[e.id]?.contains { $0.status == .signed } == true
        }
        #expect(count("2") == standing.filter { $0.content.status == .signed }.count + signedInFollowUp.count)
        let disbursements = money.flatMap { s.followUp.commitments[$0.id] ?? [] }.filter { $0.status == .disbursed }
        #expect(count("3") == disbursements.count)
        let disbursed = all(root, "transaction").filter {
            all($0, "transaction-type").first?.attribute(forName: "code")?.stringValue == "3"
        }.compactMap { Int64(all($0, "value").first?.stringValue ?? "") }.reduce(0, +)
        #expect(disbursed == disbursements.compactMap(\.amount).reduce(0, +), "the money disbursed, to the franc")
        // The abandoned commitment (« ligne budgétaire réaffectée ») is named in a comment only.
        let xml = String(decoding: try render(), as: UTF8.self)
        #expect(xml.contains("abandonné le 2024-02-01"))
        let abandoned = try #require(money.first { s.followUp.status(ofCommitment: $0.id) == .abandoned })
        let transactionsText = all(root, "transaction").map { $0.xmlString }.joined()
        #expect(!transactionsText.contains(XMLOut.escape(abandoned.content.text, attribute: false)))
        // Works started on a fiche: implementation, with its actual start.
        let started = try #require(s.followUp.fiches.first { $0.value.last?.status == .worksStarted })
        let activity = try #require(
            elements(root).first { all($0, "iati-identifier").first?.stringValue?.hasSuffix("-" + started.key) == true }
        )
        #expect(all(activity, "activity-status").first?.attribute(forName: "code")?.stringValue == "2")
        #expect(
            all(activity, "activity-date").contains {
                $0.attribute(forName: "type")?.stringValue == "2"
                    && $0.attribute(forName: "iso-date")?.stringValue == started.value.last?.date
            })
    }

    @Test("The planned start is the fiche's planned_start, else the meeting's first day with a narrative saying so")
    func plannedStart() throws {
        let root = try #require(try document(render()).rootElement())
        for a in elements(root) {
            let id = try #require(all(a, "iati-identifier").first?.stringValue)
            let fiche = try #require(Self.followed.programme.fiche(String(id.dropFirst("XI-IATI-EXAMPLE-".count))))
            let planned = try #require(
                all(a, "activity-date").first { $0.attribute(forName: "type")?.stringValue == "1" })
            let date = planned.attribute(forName: "iso-date")?.stringValue
            if let start = fiche.fiche.plannedStart {
                #expect(date == start && all(planned, "narrative").isEmpty)
            } else {
                #expect(date == "2023-10-17")
                #expect(all(planned, "narrative").first?.stringValue?.contains("planned_start") == true)
            }
        }
        #expect(Self.followed.programme.fiche("SY-01")?.fiche.plannedStart == "2024-06-01", "the sample gives one")
    }

    @Test("An English programme gives English narratives, xml:lang en and no French spacing")
    func english() throws {
        var p = Self.followed.programme
        p.language = .en
        var s = SessionState(programme: p)
        for e in Self.followed.standingEvents { s.evolve(e) }
        let xml = String(decoding: try render(s), as: UTF8.self)
        #expect(xml.contains("xml:lang=\"en\"") && !xml.contains("xml:lang=\"fr\""))
        #expect(xml.contains("<narrative>Commitment #1: ") && xml.contains("Commune of Sy"))
        #expect(xml.contains("Total cost: 85,000,000 FCFA"))
        #expect(!xml.contains("Engagement n°") && !xml.contains("\u{00A0}:"))
    }

    @Test("Units other than communes: the narratives name the unit and leave out an empty cercle and region")
    func budgetLineNarratives() throws {
        var p = Self.followed.programme
        p.language = .en
        p.unitLabel = "Budget line"
        for i in p.communes.indices { (p.communes[i].cercle, p.communes[i].region) = ("", "") }
        var s = SessionState(programme: p)
        for e in Self.followed.standingEvents { s.evolve(e) }
        let xml = String(decoding: try render(s), as: UTF8.self)
        let name = p.communes[0].name
        #expect(xml.contains("<narrative>Budget line: \(name)</narrative>"), "the unit names the place and the org")
        #expect(xml.contains("Project \(p.communes[0].fiches[0].id), Budget line: \(name), priority"))
        #expect(xml.contains("own contribution:"))
        // The sample's own texts (its title, people's words) name communes; palabre's words do not.
        for word in [
            "Commune of", "of the commune", "the commune's", "cercle of", "region of", "Project fiche", "(, )",
        ] {
            #expect(!xml.contains(word), "no roundtable word “\(word)” for budget lines")
        }
        p.language = .fr
        var f = SessionState(programme: p)
        for e in Self.followed.standingEvents { f.evolve(e) }
        let fr = String(decoding: try render(f), as: UTF8.self)
        #expect(fr.contains("<narrative>Budget line\u{00A0}: \(name)</narrative>"))
        #expect(
            !fr.contains("cercle de") && !fr.contains("région de") && !fr.contains("de la commune de")
                && !fr.contains("contrepartie de la commune"))
    }

    @Test(
        "A commitment withdrawn at the meeting gives a comment and no transaction; one abandoned after a disbursement keeps it"
    )
    func withdrawnAndAbandonedAfterDisbursement() throws {
        let s = Self.followed
        let money = s.entries.filter {
            $0.content.kind == .commitment && $0.content.amount != nil && $0.withdrawal == nil
                && $0.content.fiche != nil
        }
        // Withdrawn: folded directly, as the journal would hold it had it happened at the meeting.
        let target = try #require(money.first { s.followUp.commitments[$0.id] == nil })
        var withdrawn = SessionState(programme: s.programme)
        for e in s.standingEvents {
            withdrawn.evolve(e)
            if e.seq == target.id {
                withdrawn.evolve(
                    Event(
                        seq: e.seq, at: e.at, seat: "rapporteur",
                        payload: .commitmentWithdrawn(entry: target.id, reason: "budget « gelé »")))
            }
        }
        let xml = String(decoding: try render(withdrawn), as: UTF8.self)
        #expect(xml.contains("retiré pendant la rencontre (budget « gelé »)"))
        #expect(!xml.contains(XMLOut.escape(target.content.text, attribute: false)), "no transaction names it")
        // Abandoned after money was disbursed: no pledge or commitment, the disbursements stay.
        let paid = try #require(money.first { s.followUp.disbursed($0.id) > 0 })
        var abandoned = s
        let at = Instant(ms: s.lastAt!.ms + 86_400_000)
        for p in try abandoned.decide(
            .followUpCommitment(entry: paid.id, status: .abandoned, amount: nil, date: nil, note: "fin du programme"),
            at: at, role: .followUp, seat: "suivi")
        {
            abandoned.evolve(Event(seq: abandoned.lastSeq + 1, at: at, seat: "suivi", payload: p))
        }
        let root = try #require(try document(render(abandoned)).rootElement())
        let types = all(root, "transaction").filter {
            all($0, "narrative").contains { $0.stringValue?.contains(paid.content.text) == true }
        }.compactMap { all($0, "transaction-type").first?.attribute(forName: "code")?.stringValue }
        let disbursements = (abandoned.followUp.commitments[paid.id] ?? []).filter { $0.status == .disbursed }
        #expect(types == Array(repeating: "3", count: disbursements.count), "\(types)")
        let funder = try #require(abandoned.programme.organisation(paid.content.partner ?? ""))
        let activity = try #require(
            elements(root).first {
                all($0, "iati-identifier").first?.stringValue?.hasSuffix("-" + paid.content.fiche!) == true
            })
        #expect(
            all(activity, "participating-org").contains {
                $0.attribute(forName: "role")?.stringValue == "1"
                    && $0.stringValue?.contains(funder.name) == true
            }, "the partner that disbursed still funds the fiche")
    }

    @Test("A currency that is not an ISO 4217 code palabre knows refuses the export, naming the fiche")
    func unknownCurrency() throws {
        var p = Self.followed.programme
        p.communes[0].fiches[0].currency = "GNF"
        var s = SessionState(programme: p)
        for e in Self.followed.standingEvents { s.evolve(e) }
        let fiche = p.communes[0].fiches[0].id
        #expect(throws: IatiExportError.unknownCurrency("GNF", place: "fiche \(fiche)")) {
            _ = try IatiExport(s, now: s.lastAt!)
        }
        #expect(IatiExportError.unknownCurrency("GNF", place: "fiche \(fiche)").message(.fr).contains("FCFA, XOF, EUR"))
        #expect(IatiCurrency(spelling: "F.CFA") == .xof && IatiCurrency(spelling: "€") == .eur)
        #expect(IatiCurrency(spelling: "us$") == .usd && IatiCurrency(spelling: "GNF") == nil)
    }

    @Test("Without the organiser's iati and iati_type the export is refused, naming the keys in French and English")
    func refusalWithoutReporterKeys() throws {
        let bare = Self.withReporter(Self.followed, iati: nil, type: nil)
        #expect(throws: IatiExportError.reportingOrganisation(id: "nef", missing: ["iati", "iati_type"])) {
            _ = try IatiExport(bare, now: bare.lastAt!)
        }
        let typeOnly = Self.withReporter(Self.followed, iati: nil, type: .internationalNGO)
        do {
            _ = try IatiExport(typeOnly, now: typeOnly.lastAt!)
            Issue.record("exported without the reporting organisation's identifier")
        } catch {
            #expect(error == .reportingOrganisation(id: "nef", missing: ["iati"]))
            #expect(error.message(.fr).contains("iati: son identifiant d'organisation IATI"))
            #expect(!error.message(.fr).contains("iati_type"), "only what is missing")
            #expect(error.message(.en).contains("Nothing was written"))
        }
        // Nothing is written into the folder.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("palabre-iati-\(UUID().uuidString)")
            .path
        #expect(throws: ExportError.self) {
            try Exporter.export(
                bare, format: .iati, to: dir, options: DocumentOptions(language: .fr, now: bare.lastAt!))
        }
        #expect(!FileManager.default.fileExists(atPath: dir))
    }

    @Test("Text is escaped and control characters neutralised: the file stays well-formed XML 1.0")
    func escaping() throws {
        let nasty = "A & B <C> \"D\" \u{1B}[31m rouge\u{07} \u{FFFE}\nligne 2"
        var e = XMLOut("iati-activities", ["version": nasty])
        e.add(XMLOut("narrative", text: nasty))
        e.children.append(.comment("a -- b -"))
        let data = Data(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + e.render(indent: 0)).utf8)
        let root = try #require(try document(data).rootElement())
        let text = try #require(elements(root).first?.stringValue)
        #expect(text == "A & B <C> \"D\" ␛[31m rouge␇ \u{FFFD}\nligne 2")
        #expect(root.attribute(forName: "version")?.stringValue == "A & B <C> \"D\" ␛[31m rouge␇ \u{FFFD}\nligne 2")
        #expect(!String(decoding: data, as: UTF8.self).contains("\u{1B}"))
    }
}

/// The programme keys the IATI export reads: `country`, an organisation's `iati` and
/// `iati_type`, a fiche's `crs`, each checked with its line and column.
@Suite("IATI keys of the programme")
struct IatiProgrammeKeysTests {
    static func programme(
        country: String, iati: String, type: String, crs: String, start: String = "2024-06-01"
    ) -> String {
        """
        title: Table ronde
        venue: Salle
        country: \(country)
        organisers: [adr]
        organisations:
          - id: adr
            acronym: ADR
            name: Agence
            type: organiser
            iati: \(iati)
            iati_type: \(type)
        communes:
          - id: sy
            name: Sy
            cercle: San
            region: Ségou
            fiches:
              - id: SY-01
                title: CSCom
                sector: santé
                total_cost: 10 000 000
                crs: \(crs)
                planned_start: \(start)
        days:
          - date: 2023-10-17
            items:
              - id: a
                kind: opening
                title: Ouverture
                start: 09:00
                duration: 30m

        """
    }

    @Test("Valid keys are read into the programme")
    func valid() throws {
        let r = ProgrammeLoader.parse(
            Self.programme(country: "ML", iati: "XM-DAC-41122", type: "15", crs: "12220"), file: "p.yaml")
        #expect(r.diagnostics.isEmpty, "\(r.diagnostics.map(\.description))")
        let p = try #require(r.programme)
        #expect(p.country == "ML")
        #expect(p.organisations[0].iati == "XM-DAC-41122" && p.organisations[0].iatiType == .otherPublicSector)
        #expect(p.communes[0].fiches[0].crs == 12220)
        #expect(p.communes[0].fiches[0].plannedStart == "2024-06-01")
    }

    @Test("A wrong country, identifier, organisation type or CRS code is reported at its line and column")
    func invalid() {
        let r = ProgrammeLoader.parse(
            Self.programme(country: "Mali", iati: "XM DAC/41122", type: "12", crs: "[12220, 14030]"), file: "p.yaml")
        let text = r.diagnostics.map(\.description)
        #expect(r.programme == nil)
        #expect(text.count == 4, "\(text)")
        #expect(
            text.contains {
                $0.hasPrefix("p.yaml:3:10: country: unknown country code \"Mali\": expected an ISO 3166-1")
            })
        #expect(
            text.contains {
                $0.hasPrefix("p.yaml:10:11: organisations[0].iati: invalid IATI identifier \"XM DAC/41122\"")
            })
        #expect(
            text.contains {
                $0.hasPrefix("p.yaml:11:16: organisations[0].iati_type: unknown IATI organisation type \"12\"")
                    && $0.contains("11 Local Government")
            })
        #expect(text.contains { $0.hasPrefix("p.yaml:22:14: communes[0].fiches[0].crs: expected one five-digit") })
        let badCode = ProgrammeLoader.parse(
            Self.programme(country: "ML", iati: "XM-DAC-1", type: "10", crs: "1222", start: "2024-02-30"),
            file: "p.yaml")
        #expect(
            badCode.diagnostics.map(\.description) == [
                "p.yaml:22:14: communes[0].fiches[0].crs: invalid CRS code \"1222\": expected one five-digit OECD DAC CRS "
                    + "purpose code, e.g. 14030",
                "p.yaml:23:24: communes[0].fiches[0].planned_start: invalid date \"2024-02-30\": expected a real date "
                    + "written YYYY-MM-DD, e.g. 2024-03-01",
            ])
    }
}

/// The IATI keys in the répertoire des intervenants: inherited by the programmes that name an
/// entry, overridden key by key, and kept when palabre writes an entry back.
@Suite("IATI keys in the directory")
struct IatiDirectoryKeysTests {
    static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("sessions/directory").path

    @Test("A programme naming an entry takes its iati and iati_type; a mapping overrides only what it gives")
    func inheritance() throws {
        let d = try DirectoryLoader.load(folder: Self.sample).directory
        let unicef = try #require(d.organisation("unicef"))
        #expect(unicef.iati == "XM-DAC-41122" && unicef.iatiType == .multilateral)
        // Two more organisations: one named by id, one overriding its type.
        let text = IatiProgrammeKeysTests.programme(country: "ML", iati: "XM-DAC-1", type: "15", crs: "12220")
            .replacingOccurrences(
                of: "communes:\n", with: "  - unicef\n  - {id: pam, iati_type: 90}\ncommunes:\n")
        let r = ProgrammeLoader.parse(text, file: "p.yaml", directory: d)
        #expect(r.diagnostics.isEmpty, "\(r.diagnostics.map(\.description))")
        let p = try #require(r.programme)
        #expect(p.organisation("unicef")?.iati == "XM-DAC-41122")
        #expect(p.organisation("pam")?.iati == "XM-DAC-41140" && p.organisation("pam")?.iatiType == .other)
    }

    @Test("An entry written back by palabre keeps its IATI keys")
    func writtenBack() throws {
        let o = Organisation(
            id: "x", acronym: "X", name: "Xénon", type: .partner, iati: "XM-DAC-41122", iatiType: .multilateral)
        let reader = ProgrammeReader(file: "x.yaml")
        let read = reader.organisation(DirectoryFiles.node(for: o), "")
        #expect(reader.diagnostics.isEmpty)
        #expect(read == o)
    }
}
