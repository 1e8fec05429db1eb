import Foundation

/// Why the IATI file cannot be written: something the programme must give first.
public enum IatiExportError: Error, Sendable, Equatable {
    /// The programme names no organiser: there is no one to report the activities.
    case noOrganiser
    /// The reporting organisation (the first organiser, `id`) lacks the keys named in `missing`
    /// (`iati`, `iati_type`): IATI requires the reporting organisation's identifier and type.
    case reportingOrganisation(id: String, missing: [String])
    /// A currency palabre cannot write as an ISO 4217 code: the text as typed, and where
    /// (a fiche id, or a commitment's number).
    case unknownCurrency(String, place: String)

    /// The message in `language`: what is missing and where to add it.
    public func message(_ language: Language) -> String {
        let fr = language == .fr
        switch self {
        case .noOrganiser:
            return fr
                ? "Le programme ne nomme aucun organisateur (organisers:) : l'export IATI a besoin de l'organisation "
                    + "qui déclare les activités. Ajoutez organisers: [ID] au programme. Rien n'a été écrit."
                : "The programme names no organiser (organisers:): the IATI export needs the organisation that "
                    + "reports the activities. Add organisers: [ID] to the programme. Nothing was written."
        case .reportingOrganisation(let id, let missing):
            let keys = missing.joined(separator: fr ? " et " : " and ")
            let what = missing.map { key in
                switch (key, fr) {
                case ("iati", true):
                    "iati: son identifiant d'organisation IATI (agence d'enregistrement, tiret, numéro : XM-DAC-41122)"
                case ("iati", false):
                    "iati: its IATI organisation identifier (registration agency, hyphen, number: XM-DAC-41122)"
                case (_, true):
                    "iati_type: le code de son type d'organisation IATI (21 ONG internationale, 15 autre secteur public…)"
                case (_, false):
                    "iati_type: its IATI organisation type code (21 International NGO, 15 Other Public Sector…)"
                }
            }.joined(separator: fr ? " ; " : "; ")
            return fr
                ? "L'export IATI est déclaré par le premier organisateur, « \(id) », et il lui manque \(keys). Ajoutez à "
                    + "son entrée (dans programme.yaml ou dans le répertoire des intervenants) \(what). Rien n'a été écrit."
                : "The IATI export is reported by the first organiser, “\(id)”, which lacks \(keys). Add to its entry "
                    + "(in programme.yaml or in the répertoire des intervenants) \(what). Nothing was written."
        case .unknownCurrency(let text, let place):
            let known = "FCFA, XOF, EUR, €, USD, $"
            return fr
                ? "Devise « \(Text.echo(text)) » (\(place)) : l'export IATI écrit les devises en codes ISO 4217 et "
                    + "connaît \(known). Corrigez la devise. Rien n'a été écrit."
                : "Currency “\(Text.echo(text))” (\(place)): the IATI export writes currencies as ISO 4217 codes and "
                    + "knows \(known). Correct the currency. Nothing was written."
        }
    }
}

/// The session as an IATI 2.03 activity file (`iati-activities.xml`): one `iati-activity` per
/// project fiche, for aid-data tools (d-portal, the IATI Validator, a partner's own systems).
///
/// Each activity follows the order of the `iati-activity` sequence of
/// `iati-activities-schema.xsd` (IATI-Schemas, version-2.03) and uses only the codes of
/// `IatiCodes.swift`:
/// - `iati-identifier`: the reporting organisation's `iati` identifier, `-`, the fiche id;
/// - `reporting-org`: the first organiser (`iati`, `iati_type` required: ``IatiExportError``),
///   marked as a secondary reporter — it reports the partners' money, not its own activity;
/// - `title`, `description` (type 1): the fiche, in the programme's language (`xml:lang`);
/// - `participating-org`: each partner with money committed (role 1 Funding), the organiser
///   (3 Extending), the commune (4 Implementing, type 11 Local Government);
/// - `activity-status`: the fiche's follow-up status (``FicheStatus/iatiActivityStatus``), 1
///   Pipeline without one; `activity-date`: 1 Planned start, the fiche's `planned_start` or else
///   the meeting's first day with a narrative saying so, 2 Actual start when works started, 4
///   Actual end when done;
/// - `recipient-country` from the programme's `country`; `location`: the commune, its cercle and
///   region; `sector`: the fiche's `crs` code (vocabulary 1), else its sector word (vocabulary 99);
/// - `transaction`s for each commitment with an amount (financial or study): 12 Outgoing Pledge on
///   the day it was recorded, unless it was signed at the meeting; 2 Outgoing Commitment on the day
///   it was signed (at the meeting or in follow-up); 3 Disbursement for each disbursement. A
///   withdrawn or abandoned commitment gives no pledge or commitment (an XML comment says so);
///   money already disbursed before an abandonment stays reported.
///
/// The datetimes come from the journal (`generated-datetime` is the moment exported, each
/// `last-updated-datetime` the last event about the fiche), so the same journal gives the same
/// bytes.
public struct IatiExport {
    /// The IATI standard version written.
    public static let version = "2.03"
    /// The file name, in the export folder.
    public static let fileName = "iati-activities.xml"

    let state: SessionState
    let now: Instant
    let lt: LocalTime
    let fr: Bool
    let reporter: Organisation
    let reporterRef: String
    let reporterType: IatiOrganisationType
    let numbers: EntryNumbers

    /// Checks that `state` can be exported as it stood at `now`: throws ``IatiExportError``.
    public init(_ state: SessionState, now: Instant) throws(IatiExportError) {
        let p = state.programme
        guard let first = p.organisers.first, let reporter = p.organisation(first) else { throw .noOrganiser }
        let missing = [reporter.iati == nil ? "iati" : nil, reporter.iatiType == nil ? "iati_type" : nil]
            .compactMap { $0 }
        guard let ref = reporter.iati, let type = reporter.iatiType else {
            throw .reportingOrganisation(id: reporter.id, missing: missing)
        }
        self.state = state
        self.now = now
        lt = state.local
        fr = p.language == .fr
        self.reporter = reporter
        reporterRef = ref
        reporterType = type
        numbers = EntryNumbers(state)
        for c in p.communes {
            for f in c.fiches { _ = try Self.currency(f.currency, place: "fiche \(f.id)") }
        }
        // The commitments exported: those with an amount on a fiche of the programme.
        for e in state.entries
        where e.retracted == nil && e.content.kind == .commitment && e.content.amount != nil
            && e.content.fiche.flatMap({ p.fiche($0) }) != nil
        {
            let place = (fr ? "engagement n° " : "commitment #") + String(numbers.number(e.id) ?? e.id)
            _ = try Self.currency(e.content.currency ?? p.currency, place: place)
        }
    }

    /// The ISO 4217 code of `text`.
    static func currency(_ text: String, place: String) throws(IatiExportError) -> IatiCurrency {
        guard let c = IatiCurrency(spelling: text) else { throw .unknownCurrency(text, place: place) }
        return c
    }

    /// The whole file, UTF-8.
    public func render() -> Data {
        var root = XMLOut(
            "iati-activities", ["version": Self.version, "generated-datetime": datetime(now)])
        for c in state.programme.communes {
            for f in c.fiches { root.children.append(.element(activity(f, c))) }
        }
        let head =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + XMLOut.comment(
                state.programme.title
                    + (fr
                        ? "\u{00A0}: fiches de projet et engagements, IATI 2.03"
                        : ": project fiches and commitments, IATI 2.03"))
            + "\n"
        return Data((head + root.render(indent: 0)).utf8)
    }

    // MARK: - One activity

    func activity(_ f: ProjectFiche, _ c: Commune) -> XMLOut {
        let p = state.programme
        let commitments = state.entries.filter {
            $0.retracted == nil && $0.content.kind == .commitment && $0.content.fiche == f.id
        }
        var a = XMLOut(
            "iati-activity",
            [
                "last-updated-datetime": datetime(lastUpdate(f, commitments)),
                "xml:lang": p.language.rawValue,
                "default-currency": (try? Self.currency(f.currency, place: f.id).code) ?? f.currency,
            ])
        a.add(XMLOut("iati-identifier", text: reporterRef + "-" + f.id))
        a.add(
            organisation(
                "reporting-org", reporter, ref: reporterRef, type: reporterType, extra: ["secondary-reporter": "1"]))
        a.add(XMLOut("title", children: [narrative(f.title)]))
        a.add(
            XMLOut("description", ["type": IatiDescriptionType.general.code], children: [narrative(description(f, c))]))

        // Partners with money standing on the fiche fund it.
        var funders: [String] = []
        for e in commitments where funds(e) {
            if let id = e.content.partner, !funders.contains(id) { funders.append(id) }
        }
        for id in funders {
            guard let o = p.organisation(id) else { continue }
            a.add(
                organisation(
                    "participating-org", o, ref: o.iati, type: o.iatiType,
                    extra: ["role": IatiOrganisationRole.funding.code]))
        }
        a.add(
            organisation(
                "participating-org", reporter, ref: reporterRef, type: reporterType,
                extra: ["role": IatiOrganisationRole.extending.code]))
        a.add(commune(c, "participating-org", extra: ["role": IatiOrganisationRole.implementing.code]))

        let ficheRecords = state.followUp.fiches[f.id] ?? []
        let status =
            ficheRecords.last.flatMap { IatiActivityStatus(rawValue: $0.status.iatiActivityStatus) } ?? .pipeline
        a.add(XMLOut("activity-status", ["code": status.code]))
        if let planned = f.plannedStart {
            a.add(XMLOut("activity-date", ["type": IatiActivityDateType.plannedStart.code, "iso-date": planned]))
        } else {
            // The schema requires a date: the meeting's, saying what it is.
            a.add(
                XMLOut(
                    "activity-date", ["type": IatiActivityDateType.plannedStart.code, "iso-date": meetingDate],
                    children: [
                        narrative(
                            fr
                                ? "Date de la rencontre où la fiche a été présentée\u{00A0}; la fiche ne donne pas de "
                                    + "date de début prévue (planned_start)."
                                : "Date of the meeting where the fiche was presented; the fiche gives no planned start "
                                    + "date (planned_start).")
                    ]))
        }
        if let started = ficheRecords.first(where: { $0.status == .worksStarted }) {
            a.add(XMLOut("activity-date", ["type": IatiActivityDateType.actualStart.code, "iso-date": started.date]))
        }
        // An end only while the fiche stands done: one taken up again is in progress.
        if ficheRecords.last?.status == .done, let done = ficheRecords.last {
            a.add(XMLOut("activity-date", ["type": IatiActivityDateType.actualEnd.code, "iso-date": done.date]))
        }
        if let country = p.country { a.add(XMLOut("recipient-country", ["code": country])) }
        var location = XMLOut("location")
        location.add(XMLOut("name", children: [narrative(c.name)]))
        location.add(
            XMLOut(
                "description",
                children: [
                    narrative(place(c))
                ]))
        if let where_ = f.location { location.add(XMLOut("activity-description", children: [narrative(where_)])) }
        a.add(location)
        if let crs = f.crs {
            a.add(XMLOut("sector", ["vocabulary": IatiSectorVocabulary.oecdDacCrs5.code, "code": String(crs)]))
        } else {
            a.add(
                XMLOut(
                    "sector", ["vocabulary": IatiSectorVocabulary.reportingOrganisation.code, "code": f.sector],
                    children: [narrative(f.sector)]))
        }
        for e in commitments { transactions(e, f, c, into: &a) }
        return a
    }

    /// Whether commitment `e`'s partner funds the fiche: an amount, not withdrawn, and not
    /// abandoned unless money was disbursed before.
    func funds(_ e: Entry) -> Bool {
        e.content.amount != nil && e.withdrawal == nil
            && (state.followUp.status(ofCommitment: e.id) != .abandoned || state.followUp.disbursed(e.id) > 0)
    }

    /// The transactions of commitment `e` (see the type's summary), or a comment saying why none.
    func transactions(_ e: Entry, _ f: ProjectFiche, _ c: Commune, into a: inout XMLOut) {
        guard let amount = e.content.amount, let partner = e.content.partner else { return }
        let who = state.programme.organisation(partner)?.acronym ?? partner
        let number = numbers.number(e.id).map(String.init) ?? String(e.id)
        let name = (fr ? "Engagement n°\u{00A0}" : "Commitment #") + number
        let records = state.followUp.commitments[e.id] ?? []
        if let w = e.withdrawal {
            a.children.append(
                .comment(
                    fr
                        ? "\(name) (\(who)) retiré pendant la rencontre (\(w.reason))\u{00A0}: aucune transaction."
                        : "\(name) (\(who)) withdrawn at the meeting (\(w.reason)): no transaction."))
            return
        }
        let abandoned = records.last { $0.status == .abandoned }
        if let abandoned {
            a.children.append(
                .comment(
                    fr
                        ? "\(name) (\(who)) abandonné le \(abandoned.date) (\(abandoned.note ?? ""))\u{00A0}: ni promesse ni "
                            + "engagement\u{00A0}; les décaissements déjà faits restent."
                        : "\(name) (\(who)) abandoned on \(abandoned.date) (\(abandoned.note ?? "")): no pledge or "
                            + "commitment; disbursements already made stay."))
        }
        let currency = (try? Self.currency(e.content.currency ?? state.programme.currency, place: name)) ?? .xof
        let text = Text.nfc(e.content.text)
        let label = name + (fr ? "\u{00A0}: " : ": ") + text
        let signedAtMeeting = e.content.status == .signed
        if abandoned == nil {
            if !signedAtMeeting {
                a.add(transaction(.outgoingPledge, lt.date(of: e.at), amount, currency, label, partner, c))
            }
            let signed: String? =
                signedAtMeeting
                ? lt.date(of: e.statusChanges.last(where: { $0.status == .signed })?.at ?? e.at)
                : records.first(where: { $0.status == .signed })?.date
            if let signed {
                a.add(transaction(.outgoingCommitment, signed, amount, currency, label, partner, c))
            }
        }
        for r in records where r.status == .disbursed {
            a.add(transaction(.disbursement, r.date, r.amount ?? 0, currency, label, partner, c))
        }
    }

    func transaction(
        _ type: IatiTransactionType, _ date: String, _ amount: Int64, _ currency: IatiCurrency, _ text: String,
        _ partner: String, _ c: Commune
    ) -> XMLOut {
        var t = XMLOut("transaction")
        t.add(XMLOut("transaction-type", ["code": type.code]))
        t.add(XMLOut("transaction-date", ["iso-date": date]))
        t.add(XMLOut("value", ["currency": currency.code, "value-date": date], text: String(amount)))
        t.add(XMLOut("description", children: [narrative(text)]))
        if let o = state.programme.organisation(partner) {
            t.add(organisation("provider-org", o, ref: o.iati, type: o.iatiType, extra: [:]))
        } else {
            t.add(XMLOut("provider-org", children: [narrative(partner)]))
        }
        t.add(commune(c, "receiver-org", extra: [:]))
        return t
    }

    // MARK: - Pieces

    func organisation(
        _ element: String, _ o: Organisation, ref: String?, type: IatiOrganisationType?,
        extra: KeyValuePairs<String, String>
    ) -> XMLOut {
        var attributes: [(String, String)] = []
        if let ref { attributes.append(("ref", ref)) }
        if let type { attributes.append(("type", type.code)) }
        attributes += extra.map { ($0.key, $0.value) }
        let name = o.acronym == o.name ? o.name : "\(o.acronym) — \(o.name)"
        return XMLOut(element, attributes: attributes, children: [narrative(name)])
    }

    func commune(_ c: Commune, _ element: String, extra: KeyValuePairs<String, String>) -> XMLOut {
        XMLOut(
            element,
            attributes: [("type", IatiOrganisationType.localGovernment.code)] + extra.map { ($0.key, $0.value) },
            children: [narrative(unitName(c))])
    }

    /// The unit that brings a fiche, named: « Commune de Timissa », or, when the programme names
    /// its units otherwise (`unit: Budget line`), « Budget line: Roads and footpaths ».
    func unitName(_ c: Commune) -> String {
        guard let unit = state.programme.unitLabel else { return (fr ? "Commune de " : "Commune of ") + c.name }
        return unit + (fr ? "\u{00A0}: " : ": ") + c.name
    }

    /// Where a fiche is: its unit (``unitName(_:)``), then its cercle and region when the
    /// programme gives them (« Commune de Timissa, cercle de Tominian, région de Ségou »).
    func place(_ c: Commune) -> String {
        ([unitName(c)] + area(c)).joined(separator: ", ")
    }

    /// « cercle de Tominian », « région de Ségou »: those of `c` that are not empty.
    func area(_ c: Commune) -> [String] {
        var parts: [String] = []
        if !c.cercle.isEmpty { parts.append((fr ? "cercle de " : "cercle of ") + c.cercle) }
        if !c.region.isEmpty { parts.append((fr ? "région de " : "region of ") + c.region) }
        return parts
    }

    func narrative(_ text: String) -> XMLOutNode { .element(XMLOut("narrative", text: text)) }

    /// The description of a fiche: commune, sector, costs, mode, beneficiaries, the meeting.
    func description(_ f: ProjectFiche, _ c: Commune) -> String {
        let cur = f.currency
        func money(_ v: Int64) -> String {
            Amounts.format(v, separator: fr ? "\u{00A0}" : ",") + (fr ? "\u{00A0}" : " ") + cur
        }
        let p = state.programme
        let areaText = area(c).isEmpty ? "" : " (" + area(c).joined(separator: ", ") + ")"
        let communes = p.unitLabel == nil
        var parts: [String] = []
        if fr {
            let what =
                communes
                ? "Fiche de projet \(f.id) de la commune de \(c.name)\(areaText)" : "Projet \(f.id), \(unitName(c))"
            parts.append(
                what + ", priorité \(f.priority), secteur \(f.sector)\(f.mode == .ppp ? ", en mode PPP" : "").")
            parts.append(
                "Coût total\u{00A0}: \(money(f.totalCost))\u{00A0}; contrepartie\(communes ? " de la commune" : "")\u{00A0}: "
                    + "\(money(f.contribution))\u{00A0}; "
                    + "montant recherché auprès des partenaires\u{00A0}: \(money(f.amountSought))"
                    + (f.studyCost.map { "\u{00A0}; étude de faisabilité\u{00A0}: \(money($0))" } ?? "") + ".")
            if let b = f.beneficiaries { parts.append("Bénéficiaires\u{00A0}: \(b).") }
            parts.append(
                "Présentée à la rencontre «\u{00A0}\(p.title)\u{00A0}»\(p.city.map { ", \($0)" } ?? ""), le \(DocLabels(.fr).date(meetingDate))."
            )
        } else {
            let what =
                communes
                ? "Project fiche \(f.id) of the commune of \(c.name)\(areaText)" : "Project \(f.id), \(unitName(c))"
            parts.append(
                what + ", priority \(f.priority), sector \(f.sector)\(f.mode == .ppp ? ", as a PPP" : "").")
            parts.append(
                "Total cost: \(money(f.totalCost)); \(communes ? "the commune's" : "own") contribution: "
                    + "\(money(f.contribution)); "
                    + "sought from partners: \(money(f.amountSought))"
                    + (f.studyCost.map { "; feasibility study: \(money($0))" } ?? "") + ".")
            if let b = f.beneficiaries { parts.append("Beneficiaries: \(b).") }
            parts.append(
                "Presented at the meeting “\(p.title)”\(p.city.map { ", \($0)" } ?? ""), on \(DocLabels(.en).date(meetingDate))."
            )
        }
        return parts.joined(separator: " ")
    }

    /// The first day of the meeting: the day it was opened, else the programme's first day.
    var meetingDate: String {
        state.openedAt.map { lt.date(of: $0) } ?? state.programme.days.first?.date ?? lt.date(of: now)
    }

    /// The last event about fiche `f`: its commitments recorded, amended, changed, withdrawn or
    /// followed up, and its own follow-up; the moment of the meeting's close (or export) otherwise.
    func lastUpdate(_ f: ProjectFiche, _ commitments: [Entry]) -> Instant {
        var last: Instant?
        func see(_ i: Instant?) { if let i, last.map({ i > $0 }) ?? true { last = i } }
        for e in commitments {
            see(e.at)
            for a in e.amendments { see(a.at) }
            for s in e.statusChanges { see(s.at) }
            see(e.withdrawal?.at)
            for r in state.followUp.commitments[e.id] ?? [] { see(r.at) }
        }
        for r in state.followUp.fiches[f.id] ?? [] { see(r.at) }
        return last ?? state.closedAt ?? now
    }

    /// An xsd:dateTime in the meeting's time zone, to the second.
    func datetime(_ i: Instant) -> String {
        lt.rfc3339(Instant(ms: i.ms - i.ms % 1000)).replacingOccurrences(of: ".000", with: "")
    }
}

// MARK: - A small XML writer

/// A node of the XML written: an element or a comment.
enum XMLOutNode {
    case element(XMLOut)
    case comment(String)
}

/// An XML element with its attributes in order, its text or its children.
struct XMLOut {
    var name: String
    var attributes: [(String, String)]
    var text: String?
    var children: [XMLOutNode] = []

    init(_ name: String, attributes: [(String, String)] = [], text: String? = nil, children: [XMLOutNode] = []) {
        self.name = name; self.attributes = attributes; self.text = text; self.children = children
    }

    init(_ name: String, _ attributes: KeyValuePairs<String, String>, text: String? = nil, children: [XMLOutNode] = [])
    {
        self.init(name, attributes: attributes.map { ($0.key, $0.value) }, text: text, children: children)
    }

    init(_ name: String, text: String) { self.init(name, attributes: [], text: text) }

    mutating func add(_ e: XMLOut) { children.append(.element(e)) }

    /// The element and its children, two spaces per level, each on its own line.
    func render(indent: Int) -> String {
        let pad = String(repeating: "  ", count: indent)
        let open = "<" + name + attributes.map { " \($0.0)=\"\(Self.escape($0.1, attribute: true))\"" }.joined()
        if let text { return pad + open + ">" + Self.escape(text, attribute: false) + "</\(name)>\n" }
        if children.isEmpty { return pad + open + "/>\n" }
        var out = pad + open + ">\n"
        for c in children {
            switch c {
            case .element(let e): out += e.render(indent: indent + 1)
            case .comment(let s): out += pad + "  " + Self.comment(s) + "\n"
            }
        }
        return out + pad + "</\(name)>\n"
    }

    /// `s` as an XML comment: control characters made visible, `--` broken up.
    static func comment(_ s: String) -> String {
        var t = clean(s, keeping: "")
        while t.contains("--") { t = t.replacingOccurrences(of: "--", with: "- -") }
        if t.hasSuffix("-") { t += " " }
        return "<!-- " + t + " -->"
    }

    /// `s` escaped for XML 1.0 text or a double-quoted attribute. Control characters, which XML
    /// 1.0 forbids or a reader would drop, are made visible (``Text/visible(_:keeping:)``); line
    /// breaks and tabs are kept in text, written as character references in attributes.
    static func escape(_ s: String, attribute: Bool) -> String {
        var out = ""
        for u in clean(s, keeping: "\n\t").unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "\n" where attribute: out += "&#10;"
            case "\t" where attribute: out += "&#9;"
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// NFC, control characters visible, and the two non-characters XML 1.0 forbids replaced.
    static func clean(_ s: String, keeping: String) -> String {
        var out = String.UnicodeScalarView()
        for u in Text.visible(Text.nfc(s), keeping: keeping).unicodeScalars {
            out.append(u.value == 0xFFFE || u.value == 0xFFFF ? "\u{FFFD}" : u)
        }
        return String(out)
    }
}
