import Foundation
import Testing

@testable import PalabreCore

/// The problems of a table imported into the répertoire are told in French and in English.
@Suite("Répertoire import problems in both languages")
struct DirectoryProblemTests {
    static let cases: [(csv: String, fr: String, en: String)] = [
        (
            "id;acronime;name\ngret;GRET;Gret\n", "colonne inconnue « acronime » : vouliez-vous dire « acronym » ?",
            "unknown column \"acronime\": did you mean \"acronym\"?"
        ),
        ("acronym;name\nGRET;Gret\n", "pas de colonne id : attendu une colonne « id »", "no id column"),
        ("id;acronym;name\n;GRET;Gret\n", "id vide : attendu l'identifiant de l'organisation", "empty id"),
        ("id;acronym;name\ngret;\"GRET;Gret\n", "guillemet non fermé ligne 2", "unclosed quote at line 2"),
        (
            "id;acronym;name\ngret;GRET;Gret\ngret;GRET;Autre\n", "diffère de la ligne 2 pour la même organisation",
            "differs from line 2 for the same organisation"
        ),
    ]

    @Test("Each problem in each language, in its place")
    func bothLanguages() throws {
        let d = try DirectoryLoader.load(folder: DirectoryTests.sample).directory
        for (csv, fr, en) in Self.cases {
            let diagnostics = DirectoryCSV.read(csv, file: "t.csv", directory: d).diagnostics
            let first = try #require(diagnostics.first, "\(csv)")
            var french = first
            french.language = .fr
            var english = first
            english.language = .en
            let plain = french.message.replacingOccurrences(of: "\u{00A0}", with: " ")
            #expect(french.description.hasPrefix("t.csv:") && plain.contains(fr), "\(french.description)")
            #expect(english.message.contains(en), "\(english.description)")
            #expect(!french.message.contains(en))
            #expect(first.severity == .error, "\(first.description)")
        }
    }

    @Test(
        "A répertoire file's YAML and nesting problems name docs/directory.md; a programme's name docs/programme-format.md"
    )
    func hintsNameTheirFormat() {
        for (text, fr, en) in [
            (
                "id: x\nname: \"Ex\n", "attendu du YAML comme décrit dans docs/directory.md",
                "as described in docs/directory.md"
            ),
            (
                String(repeating: "[", count: 600), "trop imbriqué pour être un fichier du répertoire",
                "nested too deeply to be a file of the répertoire"
            ),
        ] {
            let found = DirectoryLoader.parse(text, file: "directory/x.yaml").diagnostics
            var d = found.first { $0.severity == .error }
            #expect(d != nil, "\(text.prefix(20))")
            d?.language = .fr
            #expect(
                d?.message.replacingOccurrences(of: "\u{00A0}", with: " ").contains(fr) == true, "\(d?.message ?? "")")
            d?.language = .en
            #expect(d?.message.contains(en) == true, "\(d?.message ?? "")")
            #expect(d?.message.contains("programme-format") == false)
        }
        let programme = ProgrammeLoader.parse("title: \"x\n", file: "programme.yaml")
        #expect(programme.diagnostics.first?.message.contains("docs/programme-format.md") == true)
    }
}
