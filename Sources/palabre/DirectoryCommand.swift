import ArgumentParser
import Foundation
import PalabreCore

/// `palabre directory`: the répertoire des intervenants — list, search, check, export and
/// import the region's actors kept in a folder of YAML files (docs/directory.md).
struct DirectoryCmd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "directory",
        abstract: "The répertoire des intervenants: list, search, check, export and import its organisations.",
        discussion: """
            The directory is a folder of YAML files, one per organisation or several per file
            (docs/directory.md), kept beside the session folders: a programme names its entries by
            id (organisations: [anict, pam]). Without --directory, ./directory is used, else
            ./sessions/directory.
            """,
        subcommands: [List.self, Search.self, CheckFolder.self, ExportCSV.self, ImportCSV.self, AddFrom.self],
        defaultSubcommand: List.self)

    /// `--directory` and `--lang`, shared by the subcommands.
    struct Options: ParsableArguments {
        @Option(help: "The directory folder (default: ./directory, else ./sessions/directory).") var directory: String?
        @Option(help: "Language of the messages and of yes/no in tables (fr or en; default: fr).") var lang: Language =
            .fr

        /// The folder meant, or a refusal saying how to name one.
        func folder() throws -> String {
            if let directory { return directory }
            for candidate in ["directory", "sessions/directory"] {
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), isDirectory.boolValue {
                    return candidate
                }
            }
            throw UserError(
                description: lang == .fr
                    ? "aucun dossier directory/ ici ni dans sessions/ : indiquez-le avec --directory DOSSIER"
                    : "no directory/ folder here or in sessions/: give it with --directory FOLDER")
        }

        /// Prints `diagnostics` on stderr in the language of the messages.
        func printDiagnostics(_ diagnostics: [Diagnostic]) {
            for var d in diagnostics {
                d.language = lang
                printError(d.description)
            }
        }

        /// The directory read, its problems printed on stderr; exit 2 when it cannot be read.
        func load() throws -> DirectoryLoadResult {
            let folder = try folder()
            do {
                let result = try DirectoryLoader.load(folder: folder)
                printDiagnostics(result.diagnostics)
                return result
            } catch let e as ProgrammeReadError {
                throw UserError(description: e.message(lang), code: 2)
            }
        }
    }

    /// One line per organisation: `id · ACRONYM — name (type) · sectors · zones`.
    static func line(_ o: Organisation) -> String {
        var parts = ["\(o.id) · \(o.acronym) — \(o.name) (\(o.type.rawValue))"]
        if !o.sectors.isEmpty { parts.append(o.sectors.joined(separator: ", ")) }
        if !o.zones.isEmpty { parts.append(o.zones.joined(separator: ", ")) }
        return parts.joined(separator: " · ")
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the organisations of the directory.")
        @OptionGroup var options: Options
        @Option(help: "Only organisations of this type (partner, commune, state-service, ngo, private, organiser).")
        var type: OrganisationType?

        mutating func run() throws {
            let (options, type) = (options, type)
            try reportingErrors(language: options.lang) {
                let result = try options.load()
                for o in result.directory.organisations where type == nil || o.type == type {
                    say(DirectoryCmd.line(o))
                }
            }
        }
    }

    struct Search: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Find organisations by any of their words, without regard to case or accents.",
            discussion: "Every word must appear in the id, acronym, name, type, sectors, zones, programmes, CRS "
                + "codes or contacts: `palabre directory search eau segou`. Exit 1 when nothing matches.")
        @OptionGroup var options: Options
        @Argument(help: "Words to look for.") var words: [String]

        mutating func run() throws {
            let (options, words) = (options, words)
            try reportingErrors(language: options.lang) {
                let found = try options.load().directory.search(words.joined(separator: " "))
                for o in found {
                    say(DirectoryCmd.line(o))
                    for c in o.contacts {
                        say(
                            "    "
                                + ([c.function] + [c.name, c.phone, c.email].compactMap { $0 }).joined(separator: " · ")
                        )
                    }
                }
                if found.isEmpty {
                    throw UserError(
                        description: options.lang == .fr
                            ? "aucune organisation ne contient « \(Text.echo(words.joined(separator: " ")))»"
                            : "no organisation matches \"\(Text.echo(words.joined(separator: " ")))\"")
                }
            }
        }
    }

    struct CheckFolder: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Validate every file of the directory.",
            discussion: "Prints every problem as file:line:column: field: message. Exit 0 when valid, 1 when a file "
                + "has errors, 2 when the folder cannot be read.")
        @OptionGroup var options: Options

        mutating func run() throws {
            let options = options
            try reportingErrors(language: options.lang) {
                let result = try options.load()
                let errors = result.diagnostics.filter { $0.severity == .error }.count
                if errors > 0 {
                    throw UserError(
                        description: options.lang == .fr
                            ? "\(errors) erreur\(errors > 1 ? "s" : "") : corrigez les fichiers indiqués"
                            : "\(errors) error\(errors > 1 ? "s" : ""): correct the files named above")
                }
                let n = result.directory.organisations.count
                say(
                    options.lang == .fr
                        ? "ok : \(n) organisation\(n > 1 ? "s" : "") dans \(result.directory.folder)"
                        : "ok: \(n) organisation\(n == 1 ? "" : "s") in \(result.directory.folder)")
            }
        }
    }

    struct ExportCSV: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write the directory as CSV for French Excel (UTF-8 with BOM, ';').",
            discussion: "One row per contact; columns: \(DirectoryCSV.columns.joined(separator: ";")).")
        @OptionGroup var options: Options
        @Option(name: .shortAndLong, help: "Write into this file instead of standard output.") var output: String?

        mutating func run() throws {
            let (options, output) = (options, output)
            try reportingErrors(language: options.lang) {
                let csv = DirectoryCSV.export(try options.load().directory.organisations, language: options.lang)
                if let output {
                    do {
                        try Data(csv.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
                    } catch {
                        throw UserError(
                            description: options.lang == .fr
                                ? "impossible d'écrire \(output) : \(error.localizedDescription)"
                                : "cannot write \(output): \(error.localizedDescription)")
                    }
                } else {
                    FileHandle.standardOutput.write(Data(csv.utf8))
                }
            }
        }
    }

    struct ImportCSV: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Add and update organisations from a CSV table (as export writes it, or as Excel saves it).",
            discussion: """
                A column present replaces the field (an empty cell clears it); a column absent keeps it;
                programmes are kept. Nothing is written when the table has an error. Each new
                organisation gets a file ID.yaml; a changed one is written in its file.
                """)
        @OptionGroup var options: Options
        @Argument(help: "The CSV file.") var file: String
        @Flag(help: "Show what would change without writing.") var dryRun = false

        mutating func run() throws {
            let (options, file, dryRun) = (options, file, dryRun)
            let fr = options.lang == .fr
            try reportingErrors(language: options.lang) {
                let loaded = try options.load()
                if loaded.hasErrors {
                    // A file of the répertoire that does not read would be written over, or its
                    // organisations written again in another file.
                    throw UserError(
                        description: fr
                            ? "rien n'a été écrit : corrigez d'abord le répertoire (palabre directory check)"
                            : "nothing written: correct the répertoire first (palabre directory check)")
                }
                let directory = loaded.directory
                guard let data = FileManager.default.contents(atPath: file) else {
                    throw UserError(description: fr ? "impossible de lire \(file)" : "cannot read \(file)", code: 2)
                }
                guard let text = String(data: data, encoding: .utf8) else {
                    throw UserError(
                        description: fr
                            ? "\(file) n'est pas en UTF-8 : dans Excel, enregistrez en « CSV UTF-8 (délimité par des "
                                + "points-virgules) »"
                            : "\(file) is not UTF-8: in Excel, save as \"CSV UTF-8 (comma delimited)\"")
                }
                let imported = DirectoryCSV.read(text, file: file, directory: directory)
                options.printDiagnostics(imported.diagnostics)
                if imported.hasErrors {
                    throw UserError(
                        description: fr
                            ? "rien n'a été écrit : corrigez la table" : "nothing written: correct the table")
                }
                if dryRun {
                    for (o, _) in imported.organisations {
                        let what = directory.organisation(o.id).map { $0 == o ? "=" : "~" } ?? "+"
                        say("\(what) \(DirectoryCmd.line(o))")
                    }
                    return
                }
                let report: DirectoryFiles.Report
                do {
                    report = try DirectoryFiles.write(imported, into: directory)
                } catch {
                    throw UserError(
                        description: CliWords.writingStopped(error.localizedDescription).text(options.lang)
                    )
                }
                say(
                    CliWords.directoryImported(
                        added: report.added.count, updated: report.updated.count, unchanged: report.unchanged.count
                    ).text(options.lang))
            }
        }
    }
}

extension DirectoryCmd {
    struct AddFrom: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add-from",
            abstract: "Add a session's organisations and participants' functions to the directory, asking for each.",
            discussion: """
                Proposes the organisations the session's programme writes in full that the directory
                lacks, and, as contacts, the functions of its participants (walk-ins included) that their
                organisation's entry does not list. Each is asked (y/n); --yes accepts all, --dry-run
                lists them.
                """)
        @OptionGroup var options: Options
        @Argument(help: "Session folder or name under ./sessions.") var session: String
        @Flag(help: "Accept every proposal without asking.") var yes = false
        @Flag(help: "List the proposals without writing.") var dryRun = false

        mutating func run() throws {
            let (options, session, yes, dryRun) = (options, session, yes, dryRun)
            let fr = options.lang == .fr
            try reportingErrors(language: options.lang) {
                let directory = try options.load().directory
                let state = try SessionLocator.open(session, writable: false, language: options.lang).state
                let proposals = DirectoryProposal.from(state, directory: directory)
                guard !proposals.isEmpty else {
                    say(fr ? "rien à ajouter : le répertoire a déjà tout" : "nothing to add: the directory has it all")
                    return
                }
                if dryRun {
                    for p in proposals { say(p.summary(options.lang)) }
                    return
                }
                guard yes || isatty(0) == 1 else {
                    throw UserError(
                        description: CliWords.directoryNeedsAnswers(proposals: proposals.count).text(options.lang))
                }
                var accepted: [DirectoryProposal] = []
                var declined: Set<String> = []
                for p in proposals {
                    if case .contact(let id, _, _) = p, declined.contains(id) { continue }
                    var take = yes
                    if !yes {
                        say(p.summary(options.lang) + (fr ? "  ajouter ? [o/N] " : "  add? [y/N] "), terminator: "")
                        fflush(nil)
                        let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
                        take = ["o", "oui", "y", "yes"].contains(answer)
                    }
                    if take {
                        accepted.append(p)
                    } else if case .organisation(let o) = p {
                        declined.insert(o.id)
                    }
                }
                let report: DirectoryFiles.Report
                do {
                    report = try DirectoryFiles.apply(accepted, to: directory)
                } catch {
                    throw UserError(
                        description: CliWords.writingStopped(error.localizedDescription).text(options.lang)
                    )
                }
                say(
                    CliWords.directoryAdded(added: report.added.count, updated: report.updated.count).text(options.lang)
                )
            }
        }
    }
}

extension OrganisationType: ExpressibleByArgument {}
