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
        }
    }
}
