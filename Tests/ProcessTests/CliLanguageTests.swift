import Foundation
import Testing

@testable import PalabreCore

/// The command line speaks the session's language (`--lang` first, then the programme's, then
/// LANG): its messages are scanned with the word lists of Tests/Tables/language-words.txt.
@Suite("Command-line messages in the session's language")
struct CliLanguageTests {
    /// Runs the commands that print messages, in `language` (`--lang`, or LANG for `keys`).
    static func messages(_ language: Language, session dir: String) throws -> String {
        let lang = ["--lang", language.rawValue]
        var out = ""
        for args in [
            ["check", dir] + lang, ["verify", dir] + lang, ["minutes", dir] + lang, ["keys"], ["keys", "--json"],
        ] {
            let env = ["LANG": language == .en ? "en_GB.UTF-8" : "fr_FR.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""]
            let r = try Bin.run(args, env: env)
            #expect(r.status == 0, "\(args): \(r.stderr)")
            out += r.stdout + r.stderr
        }
        return out
    }

    @Test("check, verify, minutes and keys speak one language each", arguments: Language.allCases)
    func oneLanguage(_ language: Language) throws {
        let dir = try Bin.session(copying: "demo")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try Bin.run(["script", "--quiet", dir, Bin.root + "/sessions/demo/rehearsal.palabre"])
        #expect(r.status == 0, "\(r.stderr)")
        let programme = try #require(try ProgrammeLoader.load(path: dir + "/programme.yaml").programme)
        var text = try Self.messages(language, session: dir)
        // The programme's title and the paths are the session's own words; the JSON's ids are English.
        text = text.replacingOccurrences(of: programme.title, with: " ").replacingOccurrences(of: dir, with: " ")
        text = text.replacing(try Regex(#""(action|screen|guard)" *: *"[^"]*""#), with: " ")
        let foreign = language == .fr ? DemoLanguageTests.english : DemoLanguageTests.french
        #expect(foreign.count > 40)
        for w in foreign where DemoLanguageTests.occurs(w, in: text) {
            Issue.record("\(language) command line has « \(w) »")
        }
        #expect(text.contains(language == .fr ? "1 journée" : "1 day"), "\(text)")
        #expect(!text.contains("(s)"), "\(text)")
    }

    @Test func keysFollowTheSessionGiven() throws {
        let dir = try Bin.session(copying: "demo")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try Bin.run(["keys", "--session", dir], env: ["LANG": "en_GB.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("Partout"), "\(r.stdout.prefix(40))")
        let en = try Bin.run(["keys"], env: ["LANG": "en_GB.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""])
        #expect(en.stdout.hasPrefix("Everywhere"), "\(en.stdout.prefix(40))")
    }

    @Test("check counts a council's budget lines in its own word, and script its events without « (s) »")
    func councilWordsAndScriptCounts() throws {
        let check = try Bin.run(["check", Bin.root + "/sessions/council-2027"])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("3 × Budget line, 3 projects"), "\(check.stdout)")
        #expect(!check.stdout.contains("communes"), "\(check.stdout)")
        let dir = try Bin.session(copying: "demo")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let script = dir + "/one.palabre"
        try "note Une seule note\n".write(toFile: script, atomically: true, encoding: .utf8)
        let r = try Bin.run(["script", dir, script])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("palabre: 2 événements enregistrés\u{00A0}; documents dans "), "\(r.stderr)")
        let two = dir + "/two.palabre"
        try "note Une autre note\n".write(toFile: two, atomically: true, encoding: .utf8)
        let again = try Bin.run(["script", dir, two])
        #expect(again.stderr.contains("palabre: 1 événement enregistré\u{00A0}; documents dans "), "\(again.stderr)")
    }

    @Test("check on an invalid programme speaks the programme's language, whatever LANG says")
    func invalidProgrammeInItsLanguage() throws {
        let dir = try Bin.session(copying: "council-2027")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = dir + "/programme.yaml"
        let yaml = try String(contentsOfFile: file, encoding: .utf8)
        try yaml.replacingOccurrences(of: "total_cost: 1,250,000", with: "total_cost: 1.500")
            .write(toFile: file, atomically: true, encoding: .utf8)
        let r = try Bin.run(["check", dir], env: ["LANG": "fr_FR.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""])
        #expect(r.status == 1)
        #expect(r.stdout.contains("invalid amount \"1.500\": the dot is the decimal mark"), "\(r.stdout)")
        #expect(r.stderr.contains("palabre: 1 error, 0 warnings: the programme is not valid."), "\(r.stderr)")
        let fr = try Bin.run(["check", dir, "--lang", "fr"])
        #expect(fr.stdout.contains("montant invalide « 1.500 » : le point marque ici les décimales"), "\(fr.stdout)")
    }
}
