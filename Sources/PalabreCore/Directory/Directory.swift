import Foundation
import Yams

/// The répertoire des intervenants: the region's actors — organisations with their acronym, type,
/// sectors, zones, programmes under way and contacts — kept as a folder of plain YAML files beside
/// the sessions, so that an ADR keeps it under version control and edits it by hand.
///
/// Format: `docs/directory.md`. Every `.yaml` or `.yml` file of the folder (and of its
/// subfolders, in name order; hidden files aside) holds one organisation (a mapping with `id`), a
/// list of organisations, or a mapping with `organisations:`; an organisation has the keys of the
/// programme's organisations (`docs/programme-format.md`). Ids are unique across the folder.
/// Programmes name its entries by id (`organisations: [anict, pam]`).
public struct Directory: Sendable, Equatable {
    /// The folder read.
    public var folder: String
    /// The organisations, file by file in name order, each file in its own order.
    public private(set) var organisations: [Organisation]
    /// The file of each organisation, by id (a path under ``folder``).
    public private(set) var files: [String: String]
    /// The folded text searched for each organisation (same order as ``organisations``).
    private var searchText: [String]
    private var index: [String: Int]

    /// A directory of `organisations`, each read from `files[id]`.
    public init(folder: String, organisations: [Organisation], files: [String: String] = [:]) {
        self.folder = folder
        self.organisations = organisations
        self.files = files
        self.searchText = organisations.map(Self.searchable)
        var index: [String: Int] = [:]
        for (i, o) in organisations.enumerated() where index[o.id] == nil { index[o.id] = i }
        self.index = index
    }

    /// The organisation with this id, if any.
    public func organisation(_ id: String) -> Organisation? { index[id].map { organisations[$0] } }

    /// The organisations whose acronym, name, id, type, sectors, zones, programmes or contacts
    /// hold every word of `query`, without regard to case or accents (`segou` finds « Ségou »,
    /// `eau potable` finds « Eau Potable »), in directory order. An empty query finds them all.
    public func search(_ query: String) -> [Organisation] {
        // No-break spaces (French typography, pasted text) separate words like spaces.
        let spaced = query.replacingOccurrences(of: "\u{00A0}", with: " ").replacingOccurrences(
            of: "\u{202F}", with: " ")
        let words = fold(spaced).split(separator: "-").map(String.init)
        guard !words.isEmpty else { return organisations }
        return organisations.indices.filter { i in words.allSatisfy { searchText[i].contains($0) } }.map {
            organisations[$0]
        }
    }

    static func searchable(_ o: Organisation) -> String {
        var parts = [o.id, o.acronym, o.name, o.type.rawValue] + o.sectors + o.zones
        parts += o.programmes.flatMap { [$0.title, $0.instrument ?? ""] + $0.sectors + $0.zones }
        parts += o.contacts.flatMap { [$0.function, $0.name ?? "", $0.email ?? ""] }
        parts += o.crsCodes.map(String.init)
        return parts.map(fold).joined(separator: "|")
    }
}

/// The directory read from a folder, with every problem found in its files.
public struct DirectoryLoadResult: Sendable {
    /// The organisations that were read without error.
    public var directory: Directory
    /// Problems, `file:line:column: field: message`, in file order.
    public var diagnostics: [Diagnostic]
    /// Whether any problem is an error (an organisation left out).
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// Reads a répertoire des intervenants folder (format: `docs/directory.md`).
public enum DirectoryLoader {
    /// The folder a session looks for beside itself: `SESSION/../directory`.
    public static let folderName = "directory"

    /// The YAML files of `folder`, sorted, hidden ones and links to elsewhere aside; paths
    /// relative to `folder`.
    public static func files(in folder: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
        var out: [String] = []
        while let relative = walker.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            if name.hasPrefix(".") {
                walker.skipDescendants()
                continue
            }
            let ext = (name as NSString).pathExtension.lowercased()
            guard ext == "yaml" || ext == "yml" else { continue }
            var isDirectory: ObjCBool = false
            let path = (folder as NSString).appendingPathComponent(relative)
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                out.append(relative)
            }
        }
        return out.sorted()
    }

    /// Reads every file of `folder`. Throws ``ProgrammeReadError`` when the folder cannot be read
    /// (missing, not a folder, permission denied); problems inside files are diagnostics.
    public static func load(folder: String) throws -> DirectoryLoadResult {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) else {
            throw ProgrammeReadError(path: folder, reason: .directoryNotFound)
        }
        guard isDirectory.boolValue else {
            throw ProgrammeReadError(path: folder, reason: .directoryIsAFile)
        }
        guard access(folder, R_OK | X_OK) == 0 else {
            throw ProgrammeReadError(path: folder, reason: .directoryPermissionDenied)
        }
        var organisations: [Organisation] = []
        var files: [String: String] = [:]
        var firstSeen: [String: (file: String, location: SourceLocation)] = [:]
        var diagnostics: [Diagnostic] = []
        for relative in Self.files(in: folder) {
            let path = (folder as NSString).appendingPathComponent(relative)
            let read = readFile(path)
            diagnostics += read.diagnostics
            for (o, location) in read.organisations {
                if let first = firstSeen[o.id] {
                    diagnostics.append(
                        Diagnostic(
                            file: path, line: location.line, column: location.column, field: "id",
                            problem: .duplicateDirectoryId(id: o.id, file: first.file, line: first.location.line)))
                    continue
                }
                firstSeen[o.id] = (path, location)
                organisations.append(o)
                files[o.id] = relative
            }
        }
        return DirectoryLoadResult(
            directory: Directory(folder: folder, organisations: organisations, files: files), diagnostics: diagnostics)
    }

    /// The organisations of one file with where each starts, and the file's problems.
    static func readFile(_ path: String) -> (organisations: [(Organisation, SourceLocation)], diagnostics: [Diagnostic])
    {
        guard let data = FileManager.default.contents(atPath: path) else {
            return ([], [Diagnostic(file: path, line: 1, column: 1, field: "", problem: .unreadableFile)])
        }
        guard let text = TextFile.decode(data) else {
            return (
                [],
                [
                    Diagnostic(file: path, line: 1, column: 1, field: "", problem: .notUTF8)
                ]
            )
        }
        return parse(text, file: path)
    }

    /// The organisations of one file's text; `file` names it in diagnostics.
    static func parse(
        _ text: String, file: String
    ) -> (
        organisations: [(Organisation, SourceLocation)], diagnostics: [Diagnostic]
    ) {
        // The hints name the répertoire's format, not the programme's.
        func told(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
            diagnostics.map {
                var d = $0; d.describedIn = .directory; return d
            }
        }
        if let deep = ProgrammeLoader.nestingProblem(text) {
            // Yams builds the tree recursively: a hostile file must not exhaust the stack.
            return (
                [],
                told([
                    Diagnostic(
                        file: file, line: deep.line, column: deep.column, field: "", problem: .nestedTooDeeply)
                ])
            )
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            return ([], told([ProgrammeLoader.yamlDiagnostic(error, text: text, file: file)]))
        }
        let reader = ProgrammeReader(file: file)
        let found = reader.readDirectoryFile(root: root)
        return (found, told(reader.diagnostics))
    }

    /// The directory a programme file uses: the folder its `directory:` key names (relative to
    /// the session folder), else `directory/` beside the session folder when there is one.
    static func folder(forProgramme file: String, declared: String?) -> String? {
        let session = URL(fileURLWithPath: file).standardizedFileURL.deletingLastPathComponent()
        if let declared { return Paths.resolve(declared, from: session.path) }
        let beside = session.deletingLastPathComponent().appendingPathComponent(folderName).path
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: beside, isDirectory: &isDirectory) && isDirectory.boolValue
        return exists ? beside : nil
    }
}

extension ProgrammeReader {
    /// The organisations of a file of the répertoire des intervenants: one organisation, a list
    /// of them, or a mapping with `organisations:`.
    func readDirectoryFile(root: Node?) -> [(Organisation, SourceLocation)] {
        guard let root, !root.isNull else { return [] }
        var elements: [(node: Node, path: String)]
        switch root {
        case .sequence(let sequence):
            elements = sequence.enumerated().map { ($1, "[\($0)]") }
        case .mapping where root["organisations"] != nil:
            guard let f = fields(root, "", Keys.directoryFile, what: .organisations) else { return [] }
            elements = list(f, "organisations")
        case .mapping:
            elements = [(root, "")]
        default:
            error(root.location, "", .expectedShape(expected: .organisationOrList, found: root.shape))
            return []
        }
        // An organisation with an error of its own is left out, not read half-way.
        return elements.compactMap { node, path in
            let errorsBefore = diagnostics.filter { $0.severity == .error }.count
            let read = organisation(node, path)
            guard diagnostics.filter({ $0.severity == .error }).count == errorsBefore else { return nil }
            return read.map { ($0, node.location) }
        }
    }
}
