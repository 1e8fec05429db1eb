import Foundation
import Testing

/// `palabre check` says what is wrong with a programme in the programme's language (its
/// `language:` key), else in the environment's (LANG): the same file, the same places, the
/// words of one language only.
@Suite("Programme errors in the session's language")
struct ProgrammeLanguageProcessTests {
    /// A programme with an unknown key, a time out of range and a bad duration, in `language`
    /// (no `language:` key when nil).
    static func badProgramme(language: String?) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("palabre-lang-\(UUID().uuidString)")
            .path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let text = """
            title: Réunion
            venue: Salle
            \(language.map { "language: \($0)" } ?? "")
            titre: oups
            days:
              - date: 2023-10-17
                items:
                  - id: a
                    kind: debate
                    title: Ouverture
                    start: "25:00"
                    duration: 1h9x
            """
        try text.write(toFile: dir + "/programme.yaml", atomically: true, encoding: .utf8)
        return dir
    }

    static let french = [
        "titre: clé inconnue « titre »\u{00A0}: vouliez-vous dire « title »\u{00A0}?",
        "start: heure invalide « 25:00 »\u{00A0}: attendu une heure de 00:00 à 23:59",
        "duration: durée invalide « 1h9x »\u{00A0}: attendu une durée, par exemple 20m",
    ]
    static let english = [
        "titre: unknown key \"titre\": did you mean \"title\"?",
        "start: invalid time \"25:00\": expected a time of day from 00:00 to 23:59",
        "duration: invalid duration \"1h9x\": expected a duration such as 20m",
    ]

    @Test func aFrenchProgrammeIsToldInFrenchWhateverTheEnvironment() throws {
        let dir = try Self.badProgramme(language: "fr")
        let r = try Bin.run(["check", dir], env: ["LANG": "en_GB.UTF-8", "LC_ALL": ""])
        #expect(r.status != 0)
        let out = r.stdout + r.stderr
        for line in Self.french { #expect(out.contains(line), "French diagnostic: \(out)") }
        #expect(!out.contains("expected"), "no English word in a French programme's diagnostics")
    }

    @Test func anEnglishProgrammeIsToldInEnglishWhateverTheEnvironment() throws {
        let dir = try Self.badProgramme(language: "en")
        let r = try Bin.run(["check", dir], env: ["LANG": "fr_FR.UTF-8", "LC_ALL": ""])
        #expect(r.status != 0)
        let out = r.stdout + r.stderr
        for line in Self.english { #expect(out.contains(line), "English diagnostic: \(out)") }
        #expect(!out.contains("attendu") && !out.contains("«"), "no French in an English programme's diagnostics")
    }

    @Test(arguments: [("fr_FR.UTF-8", true), ("C.UTF-8", false), ("en_US.UTF-8", false)])
    func withoutLanguageKeyTheEnvironmentDecides(lang: String, french: Bool) throws {
        let dir = try Self.badProgramme(language: nil)
        let r = try Bin.run(["check", dir], env: ["LANG": lang, "LC_ALL": "", "LC_MESSAGES": ""])
        let out = r.stdout + r.stderr
        for line in french ? Self.french : Self.english { #expect(out.contains(line), "under LANG=\(lang): \(out)") }
    }

    @Test func aYamlErrorOfAFrenchProgrammeIsToldInFrench() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("palabre-lang-\(UUID().uuidString)")
            .path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try "title: x\nlanguage: fr\n\tvenue: y\n".write(
            toFile: dir + "/programme.yaml", atomically: true, encoding: .utf8)
        let r = try Bin.run(["check", dir], env: ["LANG": "C.UTF-8", "LC_ALL": ""])
        let out = r.stdout + r.stderr
        #expect(out.contains("YAML invalide"), "\(out)")
        #expect(out.contains("les tabulations n'indentent pas le YAML\u{00A0}: attendu des espaces"), "\(out)")
    }
}
