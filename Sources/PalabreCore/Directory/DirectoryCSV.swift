import CSV
import Foundation
import Yams

/// The répertoire des intervenants as a CSV table for French Excel and back — the form in which
/// ADRs receive and send lists of actors.
///
/// Shape (`docs/directory.md`): UTF-8 with a byte-order mark, `;` between fields, CRLF line
/// ends, a header row of the column names below (any order, any subset on import but `id`),
/// one row per contact of an organisation (an organisation without contacts has one row with
/// the contact columns empty). Lists (sectors, zones, CRS codes) are written `a, b, c`.
public enum DirectoryCSV {
    /// The columns, in the order `export` writes them.
    public static let columns = [
        "id", "acronym", "name", "type", "feminine", "sectors", "zones", "crs",
        "contact_function", "contact_name", "phone", "email",
    ]
    static let contactColumns: Set<String> = ["contact_function", "contact_name", "phone", "email"]
    static let listColumns: Set<String> = ["sectors", "zones", "crs"]

    /// The directory as CSV text (with its byte-order mark): yes/no in `language`
    /// (`oui`/`non`, `yes`/`no`).
    public static func export(_ organisations: [Organisation], language: Language) -> String {
        var rows = [columns]
        for o in organisations {
            let common = [
                o.id, o.acronym, o.name, o.type.rawValue,
                o.feminine ? (language == .fr ? "oui" : "yes") : (language == .fr ? "non" : "no"),
                o.sectors.joined(separator: ", "), o.zones.joined(separator: ", "),
                o.crsCodes.map(String.init).joined(separator: ", "),
            ]
            let contacts = o.contacts.isEmpty ? [nil] : o.contacts.map(Optional.some)
            for c in contacts {
                rows.append(common + [c?.function ?? "", c?.name ?? "", c?.phone ?? "", c?.email ?? ""])
            }
        }
        return "\u{FEFF}"
            + rows.map { $0.map { field(Text.visible($0, keeping: "\n")) }.joined(separator: ";") + "\r\n" }.joined()
    }

    /// A field quoted when it holds the separator, a quote or a line break (RFC 4180).
    static func field(_ s: String) -> String {
        s.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" })
            ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

    /// What an import would do: the organisations read from the table, as YAML mappings merged
    /// over their entries in the directory, and every problem found (`file:line:column`, the
    /// column counted in fields).
    public struct Import: Sendable {
        /// The organisations of the table after merging, in table order, with their YAML.
        public var organisations: [(organisation: Organisation, yaml: String)]
        /// Problems; with an error the import writes nothing.
        public var diagnostics: [Diagnostic]
        /// Whether any problem is an error.
        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    /// Where a quoted cell of `text` opens without closing (RFC 4180: a quote at the start of a
    /// cell opens it, `""` inside is a quote, a lone quote closes it): its line (1-based, lines
    /// ended by LF or CRLF) and column (the cell's place on that line); nil when every quote closes.
    static func unclosedQuote(_ text: String, delimiter: UnicodeScalar) -> (line: Int, column: Int)? {
        var line = 1, column = 1
        var opened: (line: Int, column: Int)?
        var atCellStart = true
        var scalars = text.unicodeScalars.makeIterator()
        var next = scalars.next()
        while let c = next {
            next = scalars.next()
            if opened != nil {
                if c == "\"" {
                    if next == "\"" {
                        next = scalars.next()
                    } else {
                        opened = nil
                    }
                } else if c == "\n" {
                    line += 1
                }
                continue
            }
            switch c {
            case "\"" where atCellStart:
                opened = (line, column)
                atCellStart = false
            case delimiter:
                column += 1
                atCellStart = true
            case "\n":
                line += 1
                column = 1
                atCellStart = true
            case "\r":
                atCellStart = true
            default:
                atCellStart = false
            }
        }
        return opened
    }

    /// Reads `text` (a table as ``export`` writes it, or as Excel saves it: BOM, `;` or `,`,
    /// CRLF) against `directory`: a column present replaces the field (an empty cell clears it), a
    /// column absent keeps it, programmes are always kept; every value goes through the reader
    /// of the programme's organisations, so the table accepts exactly what a YAML file does.
    public static func read(_ text: String, file: String, directory: Directory) -> Import {
        var body = text
        if body.hasPrefix("\u{FEFF}") { body.removeFirst() }
        let firstLine = body.prefix { $0 != "\n" && $0 != "\r\n" && $0 != "\r" }
        let delimiter: UnicodeScalar = firstLine.contains(";") || !firstLine.contains(",") ? ";" : ","
        var problems: [Diagnostic] = []
        func problem(_ line: Int, _ column: Int, _ field: String, _ problem: ProgrammeProblem) {
            problems.append(Diagnostic(file: file, line: line, column: column, field: field, problem: problem))
        }
        // The CSV reader takes an unclosed quote to the end of the text: say where it opened
        // rather than report the fields it swallowed as missing.
        if let open = unclosedQuote(body, delimiter: delimiter) {
            problem(open.line, open.column, "", .unclosedQuote(line: open.line))
            return Import(organisations: [], diagnostics: problems)
        }
        let reader: CSVReader
        do {
            reader = try CSVReader(string: body, hasHeaderRow: false, trimFields: false, delimiter: delimiter)
        } catch {
            problem(1, 1, "", .invalidCSV(detail: "\(error)"))
            return Import(organisations: [], diagnostics: problems)
        }
        var rows: [(line: Int, fields: [String])] = []
        var line = 0
        while let row = reader.next() {
            line += 1
            if row.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            // A line break inside a quoted cell (Excel writes CRLF) is kept as one LF.
            rows.append(
                (
                    line,
                    row.map {
                        normalise(
                            $0.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n"))
                    }
                ))
        }
        if let error = reader.error {
            problem(line + 1, 1, "", .invalidCSV(detail: "\(error)"))
            return Import(organisations: [], diagnostics: problems)
        }
        guard let header = rows.first else {
            problem(1, 1, "", .emptyTable(columns: columns))
            return Import(organisations: [], diagnostics: problems)
        }
        let names = header.fields.map { fold($0).replacingOccurrences(of: "-", with: "_") }
        for (i, n) in names.enumerated() where !columns.contains(n) {
            problem(
                header.line, i + 1, header.fields[i],
                .unknownColumn(name: header.fields[i], suggestion: nearest(n, in: columns), columns: columns))
        }
        // A column named twice: which of the two is meant cannot be told.
        var seen: [String: Int] = [:]
        for (i, n) in names.enumerated() where columns.contains(n) {
            if let first = seen[n] {
                problem(
                    header.line, i + 1, header.fields[i], .duplicateColumn(name: header.fields[i], first: first + 1))
            } else {
                seen[n] = i
            }
        }
        guard let idColumn = names.firstIndex(of: "id") else {
            problem(header.line, 1, "id", .noIdColumn)
            return Import(organisations: [], diagnostics: problems)
        }
        guard problems.isEmpty else { return Import(organisations: [], diagnostics: problems) }

        // Rows grouped by id, in order of first appearance.
        var order: [String] = []
        var groups: [String: [(line: Int, fields: [String])]] = [:]
        for row in rows.dropFirst() {
            // Cells past the header's columns would be dropped without a word.
            if let extra = row.fields.indices.dropFirst(names.count).first(where: {
                !row.fields[$0].trimmingCharacters(in: .whitespaces).isEmpty
            }) {
                problems.append(
                    Diagnostic(
                        file: file, line: row.line, column: extra + 1, field: "",
                        problem: .cellsPastHeader(columns: names.count), severity: .warning))
            }
            let id = idColumn < row.fields.count ? row.fields[idColumn] : ""
            guard !id.isEmpty else {
                problem(row.line, idColumn + 1, "id", .emptyId)
                continue
            }
            if groups[id] == nil { order.append(id) }
            groups[id, default: []].append(row)
        }
        var out: [(Organisation, String)] = []
        for id in order {
            let group = groups[id]!
            let first = group[0]
            func cell(_ row: (line: Int, fields: [String]), _ name: String) -> String? {
                guard let i = names.firstIndex(of: name) else { return nil }
                return i < row.fields.count ? row.fields[i] : ""
            }
            for row in group.dropFirst() {
                for name in names where !contactColumns.contains(name) && cell(row, name) != cell(first, name) {
                    if let v = cell(row, name), !v.isEmpty {
                        problems.append(
                            Diagnostic(
                                file: file, line: row.line, column: names.firstIndex(of: name)! + 1, field: name,
                                problem: .differsFromFirstRow(line: first.line)))
                    }
                }
            }
            let existing = directory.organisation(id).flatMap { DirectoryFiles.node(of: $0.id, in: directory) }
            var pairs: [(String, Node)] = []
            if case .mapping(let m)? = existing {
                for (k, v) in m { if let key = k.string { pairs.append((key, v)) } }
            }
            func set(_ key: String, _ value: Node?) {
                pairs.removeAll { $0.0 == key }
                if let value { pairs.append((key, value)) }
            }
            for name in names where !contactColumns.contains(name) {
                let v = cell(first, name) ?? ""
                if v.isEmpty {
                    set(name, nil)
                } else if listColumns.contains(name) {
                    let parts = v.split(separator: ",").map { normalise(String($0)) }.filter { !$0.isEmpty }
                    set(name, .sequence(.init(parts.map { Node($0) })))
                } else {
                    set(name, Node(v))
                }
            }
            if names.contains(where: contactColumns.contains) {
                let keys = ["contact_function": "function", "contact_name": "name", "phone": "phone", "email": "email"]
                let contacts: [Node] = group.compactMap { row in
                    let given = ["contact_function", "contact_name", "phone", "email"].compactMap {
                        c -> (Node, Node)? in
                        guard let v = cell(row, c), !v.isEmpty else { return nil }
                        return (Node(keys[c]!), Node(v))
                    }
                    return given.isEmpty ? nil : .mapping(.init(given))
                }
                set("contacts", contacts.isEmpty ? nil : .sequence(.init(contacts)))
            }
            let order = Keys.organisation
            pairs.sort { (order.firstIndex(of: $0.0) ?? order.count) < (order.firstIndex(of: $1.0) ?? order.count) }
            let node = Node.mapping(.init(pairs.map { (Node($0.0), $0.1) }))
            let reader = ProgrammeReader(file: file)
            let organisation = reader.organisation(node, "")
            for d in reader.diagnostics {
                let key = String(d.field.split(separator: ".").first?.split(separator: "[").first ?? "")
                let column = names.firstIndex(of: key == "contacts" ? "contact_function" : key).map { $0 + 1 } ?? 1
                var placed = d
                placed.line = first.line
                placed.column = column
                placed.field = d.field.isEmpty ? id : "\(id).\(d.field)"
                problems.append(placed)
            }
            if let organisation, !reader.hasErrors, let yaml = try? Yams.serialize(node: node, allowUnicode: true) {
                out.append((organisation, yaml))
            }
        }
        return Import(organisations: out, diagnostics: problems)
    }
}

/// Where the organisations of a directory live, and writing them back.
public enum DirectoryFiles {
    /// The YAML node of organisation `id` in its file, if the file still reads.
    static func node(of id: String, in directory: Directory) -> Node? {
        guard let relative = directory.files[id] else { return nil }
        let path = (directory.folder as NSString).appendingPathComponent(relative)
        guard let data = FileManager.default.contents(atPath: path), let text = TextFile.decode(data),
            let root = try? Yams.compose(yaml: text)
        else { return nil }
        return elements(of: root).first { $0["id"]?.string.map(normalise) == id }
    }

    /// The organisation nodes of a file's root (one, a list, or `organisations:`).
    static func elements(of root: Node) -> [Node] {
        switch root {
        case .sequence(let s): return Array(s)
        case .mapping where root["organisations"] != nil:
            if case .sequence(let s)? = root["organisations"] { return Array(s) }
            return []
        case .mapping: return [root]
        default: return []
        }
    }

    /// What ``write(_:into:)`` did: ids added (new files), updated and left as they were.
    public struct Report: Sendable, Equatable {
        public var added: [String] = []
        public var updated: [String] = []
        public var unchanged: [String] = []
    }

    /// Writes the organisations of `imported` into `directory`'s folder: a new organisation in
    /// a new file `ID.yaml`; a changed one in its file (a file of several organisations is
    /// written again whole, its comments lost — one file per organisation keeps them); an
    /// unchanged one not at all. Each file is replaced atomically. Throws the file system's error.
    public static func write(_ imported: DirectoryCSV.Import, into directory: Directory) throws -> Report {
        var report = Report()
        for (organisation, yaml) in imported.organisations {
            if let previous = directory.organisation(organisation.id) {
                guard previous != organisation else {
                    report.unchanged.append(organisation.id)
                    continue
                }
                let relative = directory.files[organisation.id]!
                let path = (directory.folder as NSString).appendingPathComponent(relative)
                let text = try String(contentsOfFile: path, encoding: .utf8)
                let root = try Yams.compose(yaml: text)
                let alone = root.map { elements(of: $0).count == 1 } ?? true
                var output = yaml
                if !alone, let root {
                    let replaced = try Yams.compose(yaml: yaml)!
                    let list = elements(of: root).map {
                        $0["id"]?.string.map(normalise) == organisation.id ? replaced : $0
                    }
                    let whole: Node =
                        root["organisations"] != nil
                        ? .mapping(.init([(Node("organisations"), .sequence(.init(list)))])) : .sequence(.init(list))
                    output = try Yams.serialize(node: whole, allowUnicode: true)
                }
                try Data(output.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
                report.updated.append(organisation.id)
            } else {
                var path = (directory.folder as NSString).appendingPathComponent(organisation.id + ".yaml")
                var n = 2
                while FileManager.default.fileExists(atPath: path) {
                    path = (directory.folder as NSString).appendingPathComponent("\(organisation.id)-\(n).yaml")
                    n += 1
                }
                try Data(yaml.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
                report.added.append(organisation.id)
            }
        }
        return report
    }
}
