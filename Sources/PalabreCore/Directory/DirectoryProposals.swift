import Foundation
import Yams

/// What a session can add to the répertoire des intervenants: the organisations its programme
/// writes in full that the directory lacks, and the functions of its participants (walk-ins
/// included) that their organisation's entry does not list as contacts.
public enum DirectoryProposal: Sendable, Equatable {
    /// An organisation of the session missing from the directory.
    case organisation(Organisation)
    /// A contact for organisation `organisation` (an id of the directory, or of a proposed
    /// organisation), from participant `participant`.
    case contact(organisation: String, contact: Contact, participant: String)

    /// The organisation id the proposal adds to or creates.
    public var organisationId: String {
        switch self {
        case .organisation(let o): return o.id
        case .contact(let id, _, _): return id
        }
    }

    /// What is proposed, for the prompt: `+ id · ACRONYM — name (type)` or
    /// `+ contact of id: function · name · phone`.
    public func summary(_ language: Language) -> String {
        switch self {
        case .organisation(let o):
            return "+ \(o.id) · \(o.acronym) — \(o.name) (\(o.type.rawValue))"
        case .contact(let id, let c, _):
            let parts = [c.function] + [c.name, c.phone, c.email].compactMap { $0 }
            return (language == .fr ? "+ contact de \(id) : " : "+ contact of \(id): ") + parts.joined(separator: " · ")
        }
    }

    /// The proposals of a session: organisations first (programme order), then contacts
    /// (participants in programme order, walk-ins after). A participant's `contact` is an e-mail
    /// when it holds `@`, else a telephone. A function already listed (same words, without case
    /// or accents) is not proposed again.
    public static func from(_ state: SessionState, directory: Directory) -> [DirectoryProposal] {
        var out: [DirectoryProposal] = []
        var known: [String: Organisation] = [:]
        for o in state.programme.organisations {
            if let entry = directory.organisation(o.id) {
                known[o.id] = entry
            } else {
                var added = o
                added.contacts = []
                out.append(.organisation(added))
                known[o.id] = added
            }
        }
        var listed: [String: Set<String>] = known.mapValues { Set($0.contacts.map { fold($0.function) }) }
        for p in state.participants {
            // « Directeur général de l'ADR de Ségou » is the « Directeur général » already listed.
            let function = fold(p.function)
            guard let id = p.organisation, known[id] != nil,
                !listed[id, default: []].contains(where: { function == $0 || function.hasPrefix($0 + "-") })
            else {
                continue
            }
            let isEmail = p.contact?.contains("@") == true
            let contact = Contact(
                function: p.function, name: p.name, phone: isEmail ? nil : p.contact, email: isEmail ? p.contact : nil)
            out.append(.contact(organisation: id, contact: contact, participant: p.id))
            listed[id, default: []].insert(fold(p.function))
        }
        return out
    }
}

extension DirectoryFiles {
    /// The YAML mapping of `o`, keys in the order of `docs/directory.md`, empty fields left out.
    static func node(for o: Organisation) -> Node {
        var pairs: [(Node, Node)] = [
            (Node("id"), Node(o.id)), (Node("acronym"), Node(o.acronym)), (Node("name"), Node(o.name)),
            (Node("type"), Node(o.type.rawValue)),
        ]
        func list(_ key: String, _ values: [String]) {
            if !values.isEmpty { pairs.append((Node(key), .sequence(.init(values.map { Node($0) })))) }
        }
        if o.feminine { pairs.append((Node("feminine"), Node("true"))) }
        list("sectors", o.sectors)
        list("zones", o.zones)
        list("crs", o.crsCodes.map(String.init))
        if !o.programmes.isEmpty {
            pairs.append((Node("programmes"), .sequence(.init(o.programmes.map(node(for:))))))
        }
        if !o.contacts.isEmpty { pairs.append((Node("contacts"), contactsNode(o.contacts))) }
        if let iati = o.iati { pairs.append((Node("iati"), Node(iati))) }
        if let type = o.iatiType { pairs.append((Node("iati_type"), Node(type.code))) }
        return .mapping(.init(pairs))
    }

    static func node(for p: PartnerProgramme) -> Node {
        var pairs: [(Node, Node)] = [(Node("title"), Node(p.title))]
        if !p.sectors.isEmpty { pairs.append((Node("sectors"), .sequence(.init(p.sectors.map { Node($0) })))) }
        if !p.zones.isEmpty { pairs.append((Node("zones"), .sequence(.init(p.zones.map { Node($0) })))) }
        if let i = p.instrument { pairs.append((Node("instrument"), Node(i))) }
        if let b = p.budget {
            pairs.append((Node("budget"), Node(Amounts.format(b))))
            pairs.append((Node("currency"), Node(p.currency)))
        }
        if let from = p.from { pairs.append((Node("from"), Node(String(from)))) }
        if let to = p.to { pairs.append((Node("to"), Node(String(to)))) }
        return .mapping(.init(pairs))
    }

    static func contactsNode(_ contacts: [Contact]) -> Node {
        .sequence(
            .init(
                contacts.map { c in
                    var pairs: [(Node, Node)] = [(Node("function"), Node(c.function))]
                    for (k, v) in [("name", c.name), ("phone", c.phone), ("email", c.email)] {
                        if let v { pairs.append((Node(k), Node(v))) }
                    }
                    return .mapping(.init(pairs))
                }))
    }

    /// Writes the accepted `proposals` into `directory`'s folder: each new organisation in a file
    /// `ID.yaml`, with the contacts proposed for it; contacts of an existing entry appended to
    /// its list in its file (the file written again). Returns the ids added and updated.
    /// Throws the file system's or the YAML emitter's error.
    public static func apply(_ proposals: [DirectoryProposal], to directory: Directory) throws -> Report {
        var imported = DirectoryCSV.Import(organisations: [], diagnostics: [])
        var order: [String] = []
        var organisations: [String: Organisation] = [:]
        var nodes: [String: Node] = [:]
        for p in proposals {
            switch p {
            case .organisation(let o):
                organisations[o.id] = o
                order.append(o.id)
            case .contact(let id, let contact, _):
                if organisations[id] == nil, let entry = directory.organisation(id) {
                    organisations[id] = entry
                    order.append(id)
                    nodes[id] = node(of: id, in: directory)
                }
                organisations[id]?.contacts.append(contact)
            }
        }
        for id in order {
            let o = organisations[id]!
            var yamlNode = node(for: o)
            if case .mapping(var m)? = nodes[id] {
                m[Node("contacts")] = contactsNode(o.contacts)
                yamlNode = .mapping(m)
            }
            imported.organisations.append((o, try Yams.serialize(node: yamlNode, allowUnicode: true)))
        }
        return try write(imported, into: directory)
    }
}
