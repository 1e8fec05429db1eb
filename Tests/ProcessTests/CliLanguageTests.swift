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
        #expect(
            fr.stdout.contains("montant invalide « 1.500 »\u{00A0}: le point marque ici les décimales"), "\(fr.stdout)")
    }
}

/// What is said before a session's programme is read — no such session, a folder without
/// programme.yaml, a programme with errors — follows `--lang`, else LANG (French unless it
/// says English), and a programme with errors is reported in its own language when no `--lang`
/// is given.
@Suite("Command-line messages before the session is read")
struct CliLanguageBeforeSessionTests {
    static let commands: [[String]] = [
        ["check"], ["verify"], ["minutes"], ["export"], ["replay"], ["run"], ["repair"], ["screen"],
    ]

    /// The environment of a user whose locale is `language`.
    static func env(_ language: Language) -> [String: String] {
        ["LANG": language == .en ? "en_GB.UTF-8" : "fr_FR.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""]
    }

    /// Fails on any word of the other language in `text`, and on the other language's typography
    /// (a plain space before « : ; ? ! » in French; a no-break space or « » in English).
    static func speaks(_ language: Language, _ text: String, _ what: String) {
        // The programme's keys are the format's own (English) words.
        let text = text.replacing(try! Regex(#"(attendu l'une de|expected one of) [^\n]*"#), with: "")
        let foreign = language == .fr ? DemoLanguageTests.english : DemoLanguageTests.french
        for w in foreign where DemoLanguageTests.occurs(w, in: text) {
            Issue.record("\(what): « \(w) » in \(language): \(text)")
        }
        if language == .fr {
            for mark in [" ;", " :", " ?", " !"] { #expect(!text.contains(mark), "\(what): \(text)") }
        } else {
            #expect(!text.contains("\u{00A0}") && !text.contains("«"), "\(what): \(text)")
        }
    }

    @Test("no such session, and a folder without programme.yaml", arguments: Language.allCases)
    func noSession(_ language: Language) throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("palabre-empty-\(UUID().uuidString)")
            .path
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: empty) }
        let other: Language = language == .fr ? .en : .fr
        for (arg, expected) in [
            ("no-such-session", language == .fr ? "aucun dossier de session" : "no session folder"),
            (empty, language == .fr ? "n'a pas de programme.yaml" : "has no programme.yaml"),
        ] {
            // --lang wins over LANG, which says the other language. `check` takes a programme
            // file; `verify` and `repair` look at the journal alone (a folder without one has
            // nothing to check).
            for c in Self.commands where arg != empty || (c != ["verify"] && c != ["repair"]) {
                let expected =
                    c == ["check"] && arg != empty ? (language == .fr ? "introuvable" : "cannot find") : expected
                let r = try Bin.run(c + [arg, "--lang", language.rawValue], env: Self.env(other))
                #expect(r.status != 0)
                #expect(r.stderr.contains(expected), "\(c): \(r.stderr)")
                Self.speaks(language, r.stderr.replacingOccurrences(of: arg, with: " "), "\(c)")
            }
            // do and script have no --lang: LANG says it.
            let scriptFile = empty + "/lines.palabre"
            try "note x\n".write(toFile: scriptFile, atomically: true, encoding: .utf8)
            for c in [["do", arg, "note", "x"], ["script", arg, scriptFile]] {
                let r = try Bin.run(c, env: Self.env(language))
                #expect(r.status != 0)
                #expect(r.stderr.contains(expected), "\(c): \(r.stderr)")
                Self.speaks(language, r.stderr.replacingOccurrences(of: arg, with: " "), "\(c)")
            }
        }
    }

    @Test("a programme with errors", arguments: Language.allCases)
    func programmeWithErrors(_ language: Language) throws {
        // The demo programme is French, the council's English; each with an unknown key.
        let sample = language == .fr ? "demo" : "council-2027"
        let dir = try Bin.session(copying: sample)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/programme.yaml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try ("cle_inconnue: 1\n" + text).write(toFile: path, atomically: true, encoding: .utf8)
        let header = language == .fr ? "le programme a des erreurs" : "the programme has errors"
        let other: Language = language == .fr ? .en : .fr
        // Without --lang, in the programme's language whatever LANG says.
        let r = try Bin.run(["do", dir, "note", "x"], env: Self.env(other))
        #expect(r.status != 0)
        #expect(r.stderr.contains(header), "\(r.stderr)")
        Self.speaks(language, r.stderr.replacingOccurrences(of: dir, with: " "), "do")
        // With --lang, in that language.
        let otherHeader = other == .fr ? "le programme a des erreurs" : "the programme has errors"
        for c in [["minutes"], ["export"], ["replay"], ["screen"]] {
            let m = try Bin.run(c + [dir, "--lang", other.rawValue], env: Self.env(language))
            #expect(m.status != 0)
            #expect(m.stderr.contains(otherHeader), "\(c): \(m.stderr)")
            Self.speaks(other, m.stderr.replacingOccurrences(of: dir, with: " "), "\(c)")
        }
    }

    @Test("a wrong option value, and the list of sessions, before any session is read", arguments: Language.allCases)
    func optionsAndTheList(_ language: Language) throws {
        let other: Language = language == .fr ? .en : .fr
        let lang = ["--lang", language.rawValue]
        var said: [String] = []
        for (args, expected) in [
            (["replay", "demo", "--speed", "0"] + lang, language == .fr ? "au moins 1" : "must be 1 or more"),
            (["replay", "demo", "--idle-limit=-1"] + lang, language == .fr ? "au moins 0" : "must be 0 or more"),
            (
                ["screen", "demo", "--size", "huge"] + lang,
                language == .fr ? "attendu LARGEURxHAUTEUR" : "expected WIDTHxHEIGHT"
            ),
        ] {
            let r = try Bin.run(args, cwd: Bin.root, env: Self.env(other))
            #expect(r.status != 0)
            #expect(r.stderr.contains(expected), "\(args): \(r.stderr)")
            said.append(r.stderr)
        }
        // `palabre run` alone lists the sessions under ./sessions; without a terminal it says how to run one.
        let list = try Bin.run(["run"] + lang, cwd: Bin.root, env: Self.env(other))
        #expect(list.status == 0, "\(list.stderr)")
        #expect(
            list.stdout.contains(
                language == .fr ? "Lancez\u{00A0}: palabre run sessions/NOM" : "Run: palabre run sessions/NAME"),
            "\(list.stdout)")
        #expect(list.stdout.hasPrefix(language == .fr ? "Sessions\u{00A0}:" : "Sessions:"), "\(list.stdout)")
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("palabre-none-\(UUID().uuidString)")
            .path
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: empty) }
        let none = try Bin.run(["run"] + lang, cwd: empty, env: Self.env(other))
        #expect(none.status != 0)
        #expect(
            none.stderr.contains(language == .fr ? "aucune session dans ./sessions" : "no session under ./sessions"),
            "\(none.stderr)")
        said.append(none.stderr)
        // A seat without a terminal, in --lang.
        let copy = try Bin.session(copying: "demo")
        defer { try? FileManager.default.removeItem(atPath: copy) }
        let seat = try Bin.run(["run", copy] + lang, env: Self.env(other))
        #expect(seat.status != 0)
        #expect(
            seat.stderr.contains(
                language == .fr ? "les écrans ont besoin d'un terminal" : "the screens need a terminal"),
            "\(seat.stderr)")
        said.append(seat.stderr)
        // repair without a programme: the environment's language.
        let bare = FileManager.default.temporaryDirectory.appendingPathComponent("palabre-bare-\(UUID().uuidString)")
            .path
        try FileManager.default.createDirectory(atPath: bare, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: bare) }
        let repair = try Bin.run(["repair", bare], env: Self.env(language))
        #expect(repair.stdout.contains(language == .fr ? "rien à réparer" : "nothing to repair"), "\(repair.stdout)")
        said.append(repair.stdout.replacingOccurrences(of: bare, with: " "))
        // The list itself: the titles are the sessions' own words.
        said.append(list.stdout.split(separator: "\n").filter { !$0.hasPrefix("  ") }.joined(separator: "\n"))
        for text in said { Self.speaks(language, text, "options") }
    }
}
