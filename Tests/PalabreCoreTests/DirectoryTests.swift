import Foundation
import Testing

@testable import PalabreCore

/// The répertoire des intervenants: the folder of YAML files, its search, the programme's
/// references to it and its CSV round trip for French Excel.
@Suite("Répertoire des intervenants")
struct DirectoryTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let sample = root + "/sessions/directory"

    /// A fresh folder holding `files` (name → text).
    func folder(_ files: [String: String]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("palabre-dir-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for (name, text) in files {
            let path = dir + "/" + name
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        return dir
    }

    @Test("The bundled directory reads without a problem and holds the Ségou organisations")
    func sample() throws {
        let r = try DirectoryLoader.load(folder: Self.sample)
        #expect(r.diagnostics.isEmpty, "\(r.diagnostics.map(\.description))")
        #expect(r.directory.organisations.count == 14)
        let anict = try #require(r.directory.organisation("anict"))
        #expect(anict.type == .partner && anict.crsCodes == [15112])
        #expect(anict.contacts.map(\.function) == ["Directeur régional", "Chargé des droits de tirage"])
        #expect(anict.programmes.first?.budget == 2_350_000_000)
        #expect(r.directory.files["anict"] == "anict.yaml")
    }

    @Test("Search without case or accents, every word must match")
    func search() throws {
        let d = try DirectoryLoader.load(folder: Self.sample).directory
        let segou = d.search("SEGOU").map(\.id)
        #expect(segou.contains("adr-segou") && segou.contains("drs-segou") && !segou.contains("adr-mopti"))
        #expect(d.search("sante segou").map(\.id).contains("oms"))
        #expect(d.search("Développement régional Mopti").map(\.id) == ["adr-mopti"])
        #expect(d.search("14030").map(\.id) == ["unicef"])
        #expect(d.search("suivi-évaluation").map(\.id) == ["adr-segou"])
        #expect(d.search("ministère").isEmpty)
        #expect(d.search("").count == d.organisations.count)
    }

    @Test("One organisation per file, a list, or organisations: — in subfolders too, hidden files aside")
    func fileShapes() throws {
        let dir = try folder([
            "a.yaml": "id: a\nacronym: A\nname: Alpha\ntype: ngo\n",
            "lists/b.yml":
                "- {id: b, acronym: B, name: Bêta, type: partner}\n- {id: c, acronym: C, name: Gamma, type: ONG}\n",
            "d.yaml": "organisations:\n  - {id: d, acronym: D, name: Delta, type: privé}\n",
            ".hidden.yaml": "id: h\nacronym: H\nname: Hidden\ntype: ngo\n",
            "notes.txt": "not yaml",
        ])
        let r = try DirectoryLoader.load(folder: dir)
        #expect(r.diagnostics.isEmpty, "\(r.diagnostics.map(\.description))")
        #expect(r.directory.organisations.map(\.id) == ["a", "d", "b", "c"])
        #expect(r.directory.organisation("c")?.type == .ngo && r.directory.files["b"] == "lists/b.yml")
    }

    @Test("Problems are reported with file, line and column: unknown key, bad type, bad CRS code, duplicate id")
    func diagnostics() throws {
        let dir = try folder([
            "a.yaml": "id: a\nacronym: A\nname: Alpha\ntype: ngo\nsecteurs: [eau]\n",
            "b.yaml": "id: b\nacronym: B\nname: Bêta\ntype: bailleur\ncrs: [140, 14030]\n",
            "a0.yaml": "id: z\nacronym: Z\nname: Zêta\ntype: ngo\n",
            "c.yaml": "id: z\nacronym: Z2\nname: Zêta bis\ntype: ngo\n",
            "d.yaml": "id: d\nacronym: D\nname: Delta\ntype: ngo\ncontacts:\n  - name: Awa\n",
        ])
        let r = try DirectoryLoader.load(folder: dir)
        let text = r.diagnostics.map(\.description)
        #expect(text.contains { $0.hasPrefix(dir + "/a.yaml:5:1: secteurs: unknown key \"secteurs\"") }, "\(text)")
        #expect(text.contains { $0.hasPrefix(dir + "/b.yaml:4:7: type: unknown type \"bailleur\"") }, "\(text)")
        #expect(text.contains { $0.hasPrefix(dir + "/b.yaml:5:7: crs[0]: invalid CRS code \"140\"") }, "\(text)")
        #expect(text.contains { $0.hasPrefix(dir + "/c.yaml:1:1: id: duplicate id \"z\": already used in") }, "\(text)")
        #expect(text.contains { $0.contains("d.yaml:6:5: contacts[0].function: missing required field") }, "\(text)")
        #expect(r.hasErrors)
        #expect(r.directory.organisations.map(\.id) == ["z"], "an organisation with an error is left out")
    }

    static let programme = """
        title: Conseil
        venue: Salle
        organisations:
          - anict
          - pam
          - id: unicef
            acronym: UNICEF Mali
        participants:
          - id: dr-anict
            function: Directeur régional
            organisation: anict
        days:
          - date: 2023-10-17
            items:
              - id: a
                kind: opening
                title: Ouverture
                start: 09:00
                duration: 30m

        """

    @Test("A programme names directory entries by id; a mapping with the same id overrides only what it gives")
    func references() throws {
        let d = try DirectoryLoader.load(folder: Self.sample).directory
        let r = ProgrammeLoader.parse(Self.programme, file: "programme.yaml", directory: d)
        #expect(r.diagnostics.isEmpty, "\(r.diagnostics.map(\.description))")
        let p = try #require(r.programme)
        #expect(p.organisations.map(\.id) == ["anict", "pam", "unicef"])
        #expect(p.organisation("anict") == d.organisation("anict"))
        let unicef = try #require(p.organisation("unicef"))
        #expect(unicef.acronym == "UNICEF Mali" && unicef.name == d.organisation("unicef")?.name)
        #expect(unicef.crsCodes == [14030, 12220] && unicef.type == .partner)
    }

    @Test("An unknown reference is an error at its line and column, with the nearest id of the directory")
    func unknownReference() throws {
        let d = try DirectoryLoader.load(folder: Self.sample).directory
        let text = Self.programme.replacingOccurrences(of: "  - pam\n", with: "  - pamm\n")
        let r = ProgrammeLoader.parse(text, file: "programme.yaml", directory: d)
        #expect(r.programme == nil)
        #expect(
            r.diagnostics.map(\.description).contains {
                $0.hasPrefix("programme.yaml:5:5: organisations[1]: unknown organisation \"pamm\" in the répertoire")
                    && $0.hasSuffix("did you mean \"pam\"?")
            }, "\(r.diagnostics.map(\.description))")
        let none = ProgrammeLoader.parse(Self.programme, file: "programme.yaml")
        #expect(
            none.diagnostics.first?.description.hasPrefix(
                "programme.yaml:4:5: organisations[0]: \"anict\" names an entry") == true)
    }

    @Test("A session finds directory/ beside its folder, or the folder its directory: key names")
    func findsTheFolder() throws {
        let org = "id: anict\nacronym: ANICT\nname: Agence\ntype: partner\n"
        let base = try folder([
            "directory/anict.yaml": org, "shared/actors/pam.yaml": org.replacingOccurrences(of: "anict", with: "pam"),
        ])
        let beside = base + "/conseil"
        try FileManager.default.createDirectory(atPath: beside, withIntermediateDirectories: true)
        try Self.programme.replacingOccurrences(of: "  - pam\n", with: "").replacingOccurrences(
            of: "  - id: unicef\n    acronym: UNICEF Mali\n", with: ""
        ).write(toFile: beside + "/programme.yaml", atomically: true, encoding: .utf8)
        let r = try ProgrammeLoader.load(path: beside)
        #expect(r.diagnostics.isEmpty, "\(r.diagnostics.map(\.description))")
        #expect(r.programme?.organisation("anict")?.name == "Agence")

        let declared = base + "/autre"
        try FileManager.default.createDirectory(atPath: declared, withIntermediateDirectories: true)
        try
            ("directory: ../shared/actors\n"
            + Self.programme.replacingOccurrences(of: "  - anict\n", with: "")
            .replacingOccurrences(of: "organisation: anict", with: "organisation: pam")
            .replacingOccurrences(of: "  - id: unicef\n    acronym: UNICEF Mali\n", with: ""))
            .write(toFile: declared + "/programme.yaml", atomically: true, encoding: .utf8)
        let r2 = try ProgrammeLoader.load(path: declared)
        #expect(r2.diagnostics.isEmpty, "\(r2.diagnostics.map(\.description))")
        #expect(r2.programme?.organisations.map(\.id) == ["pam"])

        try ("directory: ../nowhere\n" + Self.programme).write(
            toFile: declared + "/programme.yaml", atomically: true, encoding: .utf8)
        let r3 = try ProgrammeLoader.load(path: declared)
        #expect(r3.programme == nil)
        #expect(
            r3.diagnostics.first?.description.contains("1:12: directory: cannot find the répertoire") == true,
            "\(r3.diagnostics.map(\.description))")
    }

    @Test(
        "CSV round trip for French Excel: accents and NBSP kept, an organisation added with two contacts, a cell cleared"
    )
    func csvRoundTrip() throws {
        let dir = try folder([:])
        for f in DirectoryLoader.files(in: Self.sample) {
            try FileManager.default.copyItem(atPath: Self.sample + "/" + f, toPath: dir + "/" + f)
        }
        let before = try DirectoryLoader.load(folder: dir).directory
        let csv = DirectoryCSV.export(before.organisations, language: .fr)
        #expect(csv.hasPrefix("\u{FEFF}id;acronym;name;type;feminine;sectors;zones;crs;contact_function;"))
        #expect(csv.contains("\r\n") && csv.contains(";Agence de Développement Régional de Ségou;organiser;oui;"))

        // Unchanged: nothing to write.
        let same = DirectoryCSV.read(csv, file: "t.csv", directory: before)
        #expect(same.diagnostics.isEmpty, "\(same.diagnostics.map(\.description))")
        #expect(try DirectoryFiles.write(same, into: before).unchanged.count == before.organisations.count)

        // Edited as in Excel: a name with a non-breaking space, a zone cleared, a new NGO with two contacts.
        var edited = csv.replacingOccurrences(
            of: "pam;PAM;Programme Alimentaire Mondial;", with: "pam;PAM;Programme Alimentaire Mondial\u{00A0}– Mali;")
        edited = edited.replacingOccurrences(
            of: "oms;OMS;Organisation Mondiale de la Santé;partner;oui;santé;Ségou, San;",
            with: "oms;OMS;Organisation Mondiale de la Santé;partner;oui;santé;;")
        edited +=
            "gret;GRET;Groupe de recherche et d'échanges technologiques;ONG;oui;eau, assainissement;Ségou;14030;"
            + "Chef de projet;Aïssata Koné;+223 76 00 00 00;a.kone@example.org\r\n"
            + "gret;GRET;Groupe de recherche et d'échanges technologiques;ONG;oui;eau, assainissement;Ségou;14030;"
            + "Chargée de suivi;;;\r\n"
        let imported = DirectoryCSV.read(edited, file: "t.csv", directory: before)
        #expect(imported.diagnostics.isEmpty, "\(imported.diagnostics.map(\.description))")
        let report = try DirectoryFiles.write(imported, into: before)
        #expect(report.added == ["gret"] && Set(report.updated) == ["pam", "oms"])

        let after = try DirectoryLoader.load(folder: dir)
        #expect(after.diagnostics.isEmpty, "\(after.diagnostics.map(\.description))")
        #expect(after.directory.organisation("pam")?.name == "Programme Alimentaire Mondial\u{00A0}– Mali")
        #expect(after.directory.organisation("pam")?.programmes == before.organisation("pam")?.programmes)
        #expect(after.directory.organisation("oms")?.zones == [])
        let gret = try #require(after.directory.organisation("gret"))
        #expect(
            gret.type == .ngo && gret.feminine && gret.sectors == ["eau", "assainissement"] && gret.crsCodes == [14030])
        #expect(
            gret.contacts == [
                Contact(
                    function: "Chef de projet", name: "Aïssata Koné", phone: "+223 76 00 00 00",
                    email: "a.kone@example.org"),
                Contact(function: "Chargée de suivi"),
            ])
        // And back again: the export of the new directory reads as unchanged.
        let again = DirectoryCSV.read(
            DirectoryCSV.export(after.directory.organisations, language: .en), file: "t.csv", directory: after.directory
        )
        #expect(try DirectoryFiles.write(again, into: after.directory).unchanged.count == 15)
    }

    @Test("A table with errors names line and column and writes nothing")
    func csvErrors() throws {
        let d = try DirectoryLoader.load(folder: Self.sample).directory
        let unknownColumn = DirectoryCSV.read("id;acronym;secteurs\r\nx;X;eau\r\n", file: "t.csv", directory: d)
        #expect(
            unknownColumn.diagnostics.map(\.description) == [
                "t.csv:1:3: secteurs: unknown column \"secteurs\": did you mean \"sectors\"?"
            ])
        let bad = DirectoryCSV.read(
            "id;acronym;name;type;crs\r\nok;OK;Fine;ngo;\r\nx;X;Ex;bailleur;\r\ny;Y;Why;ngo;12\r\n", file: "t.csv",
            directory: d)
        let text = bad.diagnostics.map(\.description)
        #expect(text.contains { $0.hasPrefix("t.csv:3:4: x.type: unknown type \"bailleur\"") }, "\(text)")
        #expect(text.contains { $0.hasPrefix("t.csv:4:5: y.crs[0]: invalid CRS code \"12\"") }, "\(text)")
        #expect(bad.hasErrors && bad.organisations.map(\.organisation.id) == ["ok"])
        let comma = DirectoryCSV.read("id,acronym,name,type\nz,Z,Zed,ngo\n", file: "t.csv", directory: d)
        #expect(comma.diagnostics.isEmpty && comma.organisations.first?.organisation.name == "Zed")
    }

    @Test("An unclosed quote in a CSV table is said where it opens, not as the fields it swallowed")
    func csvUnclosedQuote() throws {
        let d = try DirectoryLoader.load(folder: Self.sample).directory
        let table = "id;acronym;name;type\r\nok;OK;Fine;ngo\r\nx;X;\"Ex, \"\"dit\"\" ;ngo\r\ny;Y;Why;ngo\r\n"
        let r = DirectoryCSV.read(table, file: "t.csv", directory: d)
        #expect(r.diagnostics.count == 1, "\(r.diagnostics.map(\.description))")
        let problem = try #require(r.diagnostics.first)
        #expect(problem.line == 3 && problem.column == 3)
        #expect(problem.description.contains("unclosed quote at line 3"), "\(problem.description)")
        #expect(!problem.description.contains("missing"))
        #expect(r.hasErrors && r.organisations.isEmpty, "nothing is imported from a table cut short")
        // Quotes that close, doubled quotes and a line break inside a cell read as they are.
        let fine = DirectoryCSV.read(
            "id;acronym;name;type\r\nx;X;\"Ex, \"\"dit\"\"\r\nsuite\";ngo\r\n", file: "t.csv", directory: d)
        #expect(fine.diagnostics.isEmpty, "\(fine.diagnostics.map(\.description))")
        #expect(fine.organisations.first?.organisation.name == "Ex, \"dit\"\nsuite")
        #expect(DirectoryCSV.unclosedQuote("a;\"b\nc\"\"\nd", delimiter: ";").map { [$0.line, $0.column] } == [1, 2])
    }
}
