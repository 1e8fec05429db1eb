import Foundation
import Testing

@testable import PalabreCore

/// `palabre directory` as an ADR uses it: list, search, check, export for Excel, import back,
/// and a session whose programme names the directory's organisations.
@Suite("palabre directory")
struct DirectoryProcessTests {
    /// A copy of the bundled directory under a fresh `root/directory`.
    func copy() throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("palabre-dir-\(UUID().uuidString)")
            .path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Bin.root + "/sessions/directory", toPath: root + "/directory")
        return root
    }

    @Test("list, search and check in French and English, from the folder holding directory/")
    func listSearchCheck() throws {
        let root = try copy()
        let list = try Bin.run(["directory", "list", "--type", "partner"], cwd: root)
        #expect(list.status == 0)
        #expect(list.stdout.split(separator: "\n").count == 4, "\(list.stdout)")
        #expect(
            list.stdout.contains(
                "anict · ANICT — Agence Nationale d'Investissement des Collectivités Territoriales (partner)"))

        let found = try Bin.run(["directory", "search", "SEGOU", "suivi"], cwd: root)
        #expect(found.status == 0 && found.stdout.hasPrefix("adr-segou · ADR Ségou"), "\(found.stdout)")
        #expect(found.stdout.contains("    Chef de la division suivi-évaluation"))
        let none = try Bin.run(["directory", "search", "ministère", "--lang", "en"], cwd: root)
        #expect(none.status == 1 && none.stderr.contains("no organisation matches \"ministère\""), "\(none.stderr)")

        #expect(try Bin.run(["directory", "check"], cwd: root).stdout == "ok : 14 organisations dans directory\n")
        try "id: x\nacronym: X\nname: Ex\ntype: bailleur\n".write(
            toFile: root + "/directory/x.yaml", atomically: true, encoding: .utf8)
        let bad = try Bin.run(["directory", "check", "--lang", "en"], cwd: root)
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("directory/x.yaml:4:7: type: unknown type \"bailleur\""), "\(bad.stderr)")
        #expect(bad.stderr.contains("1 error: correct the files named above"))

        let missing = try Bin.run(["directory", "list"], cwd: FileManager.default.temporaryDirectory.path)
        #expect(missing.status == 1 && missing.stderr.contains("--directory"), "\(missing.stderr)")
    }

    @Test("export for Excel, edit, import: only what changed is written; a table with an error writes nothing")
    func exportImport() throws {
        let root = try copy()
        let csv = root + "/actors.csv"
        #expect(try Bin.run(["directory", "export", "-o", csv], cwd: root).status == 0)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: csv))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]), "UTF-8 with a BOM, as French Excel opens it")
        var text = String(decoding: bytes, as: UTF8.self)
        text = text.replacingOccurrences(of: "uppp;Unité PPP;", with: "uppp;Unité PPP Ségou;")
        text += "gret;GRET;Groupe de recherche et d'échanges technologiques;ngo;oui;eau;Tominian;;Chef de projet;;;\r\n"
        try text.write(toFile: csv, atomically: true, encoding: .utf8)
        let before = try String(contentsOfFile: root + "/directory/anict.yaml", encoding: .utf8)

        let dry = try Bin.run(["directory", "import", csv, "--dry-run"], cwd: root)
        #expect(
            dry.stdout.contains("+ gret · GRET") && dry.stdout.contains("~ uppp · Unité PPP Ségou"), "\(dry.stdout)")
        #expect(!FileManager.default.fileExists(atPath: root + "/directory/gret.yaml"))

        let done = try Bin.run(["directory", "import", csv], cwd: root)
        #expect(
            done.status == 0 && done.stdout == "1 ajoutée, 1 mise à jour, 13 inchangées\n",
            "\(done.stdout)\(done.stderr)")
        #expect(try String(contentsOfFile: root + "/directory/anict.yaml", encoding: .utf8) == before)
        #expect(
            try String(contentsOfFile: root + "/directory/gret.yaml", encoding: .utf8).contains(
                "name: Groupe de recherche et d'échanges technologiques"))

        try (text + "bad;BAD;Bad;bailleur;;;;;;;;\r\n").write(toFile: csv, atomically: true, encoding: .utf8)
        let refused = try Bin.run(["directory", "import", csv, "--lang", "en"], cwd: root)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("actors.csv:20:4: bad.type: unknown type \"bailleur\""), "\(refused.stderr)")
        #expect(refused.stderr.contains("nothing written: correct the table"))
        #expect(!FileManager.default.fileExists(atPath: root + "/directory/bad.yaml"))
        // In French, every line of the table's problems too.
        let refusé = try Bin.run(["directory", "import", csv, "--lang", "fr"], cwd: root)
        #expect(refusé.status == 1)
        #expect(
            refusé.stderr.contains("actors.csv:20:4: bad.type: valeur de type inconnue « bailleur »"),
            "\(refusé.stderr)")
        #expect(!refusé.stderr.contains("unknown type"), "\(refusé.stderr)")
    }

    @Test(
        "import writes nothing while a file of the répertoire does not read, nor when an organisation's rows disagree; the YAML hint names docs/directory.md"
    )
    func importRefusedUntilTheRépertoireReads() throws {
        let root = try copy()
        let csv = root + "/actors.csv"
        #expect(try Bin.run(["directory", "export", "-o", csv], cwd: root).status == 0)
        let table = try String(contentsOfFile: csv, encoding: .utf8)
        try (table + "gret;GRET;Gret;ngo;;;;;;;;\r\n").write(toFile: csv, atomically: true, encoding: .utf8)
        // A file of the répertoire broken by hand: a quote left open.
        let anict = root + "/directory/anict.yaml"
        let original = try String(contentsOfFile: anict, encoding: .utf8)
        try original.replacingOccurrences(of: "name: ", with: "name: \"").write(
            toFile: anict, atomically: true, encoding: .utf8)
        let broken = try String(contentsOfFile: anict, encoding: .utf8)
        func files() throws -> [String: String] {
            let dir = root + "/directory"
            var out: [String: String] = [:]
            for f in try FileManager.default.contentsOfDirectory(atPath: dir) {
                out[f] = try String(contentsOfFile: dir + "/" + f, encoding: .utf8)
            }
            return out
        }
        let before = try files()
        for (lang, refusal, hint) in [
            ("fr", "rien n'a été écrit : corrigez d'abord le répertoire", "docs/directory.md"),
            ("en", "nothing written: correct the répertoire first", "docs/directory.md"),
        ] {
            let r = try Bin.run(["directory", "import", csv, "--lang", lang], cwd: root)
            #expect(r.status == 1, "\(r.stdout)")
            let said = r.stderr.replacingOccurrences(of: "\u{00A0}", with: " ")
            #expect(said.contains(refusal) && said.contains(hint), "\(r.stderr)")
            #expect(!r.stderr.contains("programme-format"), "\(r.stderr)")
            #expect(try files() == before, "nothing written")
        }
        #expect(try String(contentsOfFile: anict, encoding: .utf8) == broken)

        // Mended, the same table is imported; then two rows of one organisation that disagree are refused.
        try original.write(toFile: anict, atomically: true, encoding: .utf8)
        let done = try Bin.run(["directory", "import", csv], cwd: root)
        #expect(done.status == 0, "\(done.stderr)")
        try (table + "gret;GRET;Gret;ngo;;;;;;;;\r\ngret;GRET;Autre nom;ngo;;;;;;;;\r\n").write(
            toFile: csv, atomically: true, encoding: .utf8)
        let kept = try files()
        let disagree = try Bin.run(["directory", "import", csv, "--lang", "en"], cwd: root)
        #expect(disagree.status == 1)
        #expect(
            disagree.stderr.contains("name: differs from line 19") && disagree.stderr.contains("nothing written"),
            "\(disagree.stderr)")
        #expect(try files() == kept)
    }

    @Test("A session beside the directory names its organisations by id; check reports an unknown one at its line")
    func sessionReferences() throws {
        let root = try copy()
        let session = root + "/conseil"
        try FileManager.default.createDirectory(atPath: session, withIntermediateDirectories: true)
        let programme = """
            title: Rencontre de suivi
            venue: Salle de l'ADR
            organisers: [adr-segou]
            organisations: [adr-segou, anict, pam, unicef]
            days:
              - date: 2024-04-16
                items:
                  - {id: ouverture, kind: opening, title: Ouverture, start: 09:00, duration: 30m, presenters: [anict]}

            """
        try programme.write(toFile: session + "/programme.yaml", atomically: true, encoding: .utf8)
        let ok = try Bin.run(["check", session])
        #expect(ok.status == 0 && ok.stdout.contains("4 organisations"), "\(ok.stdout)\(ok.stderr)")
        try programme.replacingOccurrences(of: "pam,", with: "pamm,").write(
            toFile: session + "/programme.yaml", atomically: true, encoding: .utf8)
        let bad = try Bin.run(["check", session])
        #expect(bad.status == 1)
        #expect(
            bad.stdout.contains(
                "programme.yaml:4:35: organisations[2]: unknown organisation \"pamm\" in the répertoire"),
            "\(bad.stdout)")
    }

    @Test("add-from a session: its organisations the directory lacks and its participants' functions, asked one by one")
    func addFrom() throws {
        let root = try copy()
        try FileManager.default.removeItem(atPath: root + "/directory/uppp.yaml")
        try FileManager.default.createDirectory(atPath: root + "/s", withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: Bin.root + "/sessions/segou-2023/programme.yaml", toPath: root + "/s/programme.yaml")
        let dry = try Bin.run(["directory", "add-from", "s", "--dry-run"], cwd: root)
        let lines = dry.stdout.split(separator: "\n")
        #expect(
            lines.first == "+ uppp · Unité PPP — Unité de Partenariat Public-Privé (state-service)", "\(dry.stdout)")
        #expect(lines.contains("+ contact de nef : Chargée de suivi-évaluation de la NEF"))
        #expect(
            !lines.contains { $0.contains("adr-segou : Directeur général de l'ADR de Ségou") },
            "the directory already lists « Directeur général » for the ADR")
        #expect(lines.contains { $0.hasPrefix("+ contact de uppp : ") })

        // Without a terminal and without --yes: refused, nothing written.
        let refused = try Bin.run(["directory", "add-from", "s", "--lang", "en"], cwd: root)
        #expect(refused.status == 1 && refused.stderr.contains("--yes to accept all"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: root + "/directory/uppp.yaml"))

        let done = try Bin.run(["directory", "add-from", "s", "--yes"], cwd: root)
        #expect(
            done.status == 0 && done.stdout.hasPrefix("1 organisation ajoutée, "), "\(done.stdout)\(done.stderr)")
        let after = try DirectoryLoader.load(folder: root + "/directory")
        #expect(after.diagnostics.isEmpty, "\(after.diagnostics.map(\.description))")
        #expect(after.directory.organisation("uppp")?.contacts.first?.function == "Représentant de l'Unité PPP")
        let nef = try #require(after.directory.organisation("nef"))
        #expect(nef.contacts.map(\.function).starts(with: ["Représentant pays", "Point focal gouvernance locale"]))
        #expect(nef.contacts.contains { $0.function == "Chargée de suivi-évaluation de la NEF" })
        let again = try Bin.run(["directory", "add-from", "s", "--dry-run", "--lang", "en"], cwd: root)
        #expect(again.stdout == "nothing to add: the directory has it all\n", "\(again.stdout)")
    }
}
