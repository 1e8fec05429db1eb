import Foundation
import Testing

@testable import PalabreCore

/// What the YAML parser says of a broken programme is told in the programme's language: the
/// French of every libyaml message palabre knows, and real broken programmes read in French.
@Suite("YAML problems in French and English")
struct YAMLProblemTests {
    @Test("Every message of the table has French words and no English ones")
    func theTableIsFrench() {
        #expect(YAMLProblem.french.count >= 75)
        for (en, fr) in YAMLProblem.french {
            #expect(fr != en)
            for word in ["expected", "found", "while", "not allowed", "parsing", "scanning"] {
                #expect(!fr.contains(word), "« \(fr) » for « \(en) »")
            }
        }
    }

    /// Broken programmes as people break them: a colon in a value, an unclosed list or quote, a
    /// tab, an alias to nothing, a second document, a dash in the middle of keys.
    static let broken: [(yaml: String, english: String)] = [
        ("title: Atelier: bilan: x\n", "mapping values are not allowed in this context"),
        ("title: x\nvenue: [a, b\ndays: []\n", "did not find expected ',' or ']'"),
        ("title: \"Atelier\nvenue: x\n", "found unexpected end of stream"),
        ("title: x\nvenue:\n\tsalle: 1\n", "found character that cannot start any token"),
        ("title: *nulle\n", "found undefined alias"),
        ("title: x\n---\ntitle: y\n", "but found another document"),
        ("days:\n  - date: 2024-01-01\n  title: x\n - y\n", "did not find expected '-' indicator"),
        ("title: x\n venue: y\n", "mapping values are not allowed in this context"),
    ]

    @Test("Broken programmes: the parser's words in French for a French programme, in English otherwise")
    func brokenProgrammesInBothLanguages() throws {
        for (yaml, english) in Self.broken {
            let fr = ProgrammeLoader.parse("language: fr\n" + yaml, file: "p.yaml")
            let en = ProgrammeLoader.parse("language: en\n" + yaml, file: "p.yaml")
            let f = try #require(fr.diagnostics.first, "\(yaml)")
            let e = try #require(en.diagnostics.first, "\(yaml)")
            guard case .invalidYAML(let detail, _) = f.problem else {
                Issue.record("not a YAML problem: \(f.message)")
                continue
            }
            #expect(e.message.contains(english), "\(e.message)")
            #expect(f.description.hasPrefix("p.yaml:") && f.message.contains("YAML invalide"), "\(f.description)")
            #expect(!f.message.contains(english), "« \(english) » left in English: \(f.message)")
            for word in ["expected", "found", "while", "not allowed"] {
                #expect(!f.message.contains(word), "\(f.message)")
            }
            #expect(detail.text(.fr) != detail.text(.en))
        }
    }

    @Test("Where libyaml was reading: the construct and the line where it began, in each language")
    func theContextInBothLanguages() {
        let p = YAMLProblem(
            problem: "did not find expected ',' or ']'", context: "while parsing a flow sequence", contextLine: 2,
            contextColumn: 8)
        #expect(p.text(.en) == "did not find expected ',' or ']' (while parsing a flow sequence at line 2, column 8)")
        #expect(
            p.text(.fr)
                == "« , » ou « ] » était attendu ici (en lisant une liste entre « [ ] », commencé ligne 2, colonne 8)"
        )
        #expect(YAMLProblem(problem: "a message palabre does not know").text(.fr) == "a message palabre does not know")
    }
}

/// The language a broken programme declares is found however its line is written, and even in a
/// file that is not UTF-8.
@Suite("The declared language of a broken programme")
struct DeclaredLanguageTests {
    @Test("language: fr, language : fr, \"language\": fr, 'language': en; a comment or a nested key is not it")
    func spellings() {
        #expect(ProgrammeLoader.declaredLanguage("title: x\nlanguage: fr\n") == .fr)
        #expect(ProgrammeLoader.declaredLanguage("language : fr\ntitle: x\n") == .fr)
        #expect(ProgrammeLoader.declaredLanguage("\"language\": \"fr\"\n") == .fr)
        #expect(ProgrammeLoader.declaredLanguage("'language': en # anglais\n") == .en)
        #expect(ProgrammeLoader.declaredLanguage("# language: en\n  language: fr\n") == nil)
        #expect(ProgrammeLoader.declaredLanguage("languages: fr\n") == nil)
    }

    @Test("A French programme saved in Latin-1 is told so in French")
    func notUTF8InFrench() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("palabre-l1-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var bytes = Array("title: Atelier de S".utf8) + [0xE9] + Array("gou\nlanguage: fr\n".utf8)
        try Data(bytes).write(to: dir.appendingPathComponent("programme.yaml"))
        let fr = try ProgrammeLoader.load(path: dir.path)
        #expect(
            fr.diagnostics.first?.message.contains("le fichier n'est pas du texte UTF-8") == true, "\(fr.diagnostics)")
        bytes = Array("title: Council ".utf8) + [0xE9] + Array("\nlanguage: en\n".utf8)
        try Data(bytes).write(to: dir.appendingPathComponent("programme.yaml"))
        let en = try ProgrammeLoader.load(path: dir.path)
        #expect(en.diagnostics.first?.message.contains("the file is not UTF-8 text") == true, "\(en.diagnostics)")
    }
}

/// A double quote left open is found where it was opened, not only where libyaml gave up.
@Suite("A quote left open")
struct OpenQuoteTests {
    static let yaml = """
        language: LANG
        title: "Atelier bilan
        venue: Salle du conseil
        city: San
        organisers: [adr]
        days:
          - date: 2023-10-17
            items:
              - id: ouverture
                title: Ouverture
                start: 09:00
                duration: 30m

        """

    @Test("The message names the line of the quote, in each language", arguments: [Language.fr, .en])
    func named(language: Language) throws {
        let r = ProgrammeLoader.parse(
            Self.yaml.replacingOccurrences(of: "LANG", with: language.rawValue), file: "p.yaml")
        let d = try #require(r.diagnostics.first)
        #expect(d.line > 3, "libyaml stops below the quote: \(d.description)")
        let said = d.message.replacingOccurrences(of: "\u{00A0}", with: " ")
        #expect(
            said.contains(
                language == .fr
                    ? "un guillemet « \" » ouvert ligne 2 n'y est pas fermé"
                    : "a \" opened at line 2 is not closed there"),
            "\(d.description)")
    }

    @Test("Closed quotes, escaped quotes, quotes in comments or single-quoted text are not taken for one left open")
    func notTaken() {
        let text = """
            title: "Atelier « bilan »" # un commentaire avec "
            venue: 'Salle "du" conseil'
            city: "San \\"centre\\""
            organisers: [adr]
            x: y
            """
        #expect(ProgrammeLoader.openQuote(in: text, before: 10) == nil)
        #expect(ProgrammeLoader.openQuote(in: "a: \"b\nc: d\ne: f\n", before: 4) == 1)
        #expect(ProgrammeLoader.openQuote(in: "a: \"b\nc: d\n", before: 2) == nil, "next to the error: said by libyaml")
    }
}
