import Foundation
import Testing

/// Text that reaches the real binary in another form than the programme's — decomposed
/// accents, Windows line endings, a byte-order mark, alias bombs — is read as one text.
@Suite("Identity of text and YAML limits (process)")
struct TextIdentityProcessTests {
    /// `maire-diéli` with é precomposed (NFC, as the programme writes it) and decomposed (NFD).
    static let nfcId = "maire-di\u{E9}li"
    static let nfdId = "maire-die\u{301}li"

    /// A copy of the demo session with a participant whose id has an accent.
    static func sessionWithAccentedId() throws -> String {
        let dir = try Bin.session()
        let path = dir + "/programme.yaml"
        var programme = try String(contentsOfFile: path, encoding: .utf8)
        programme = programme.replacingOccurrences(
            of: "participants:\n",
            with: "participants:\n  - id: \(nfcId)\n    function: Maire de Di\u{E9}li\n    sex: F\n")
        try Data(programme.utf8).write(to: URL(fileURLWithPath: path))
        return dir
    }

    @Test("An id typed decomposed on the command line is journaled and exported as the programme's one id")
    func decomposedIdOnTheCommandLine() throws {
        let dir = try Self.sessionWithAccentedId()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try Bin.run(["check", dir]).status == 0)
        #expect(try Bin.run(["do", dir, "start-day"]).status == 0)
        let checkIn = try Bin.run(["do", dir, "check-in", Self.nfdId])
        #expect(checkIn.status == 0, "\(checkIn.stderr)")
        // The same person typed the other way is already checked in: one identity.
        let again = try Bin.run(["do", dir, "check-in", Self.nfcId])
        #expect(again.status != 0)

        let journal = try Data(contentsOf: URL(fileURLWithPath: dir + "/journal.jsonl"))
        #expect(journal.range(of: Data(Self.nfcId.utf8)) != nil, "the journal holds the NFC id")
        #expect(journal.range(of: Data(Self.nfdId.utf8)) == nil, "the journal never holds the NFD id")
        let attendance = try Data(contentsOf: URL(fileURLWithPath: dir + "/out/attendance.csv"))
        #expect(attendance.range(of: Data(Self.nfcId.utf8)) != nil, "attendance.csv holds the NFC id")
        #expect(attendance.range(of: Data(Self.nfdId.utf8)) == nil, "attendance.csv never holds the NFD id")
    }

    @Test("A note typed decomposed is journaled in NFC; a session path given as typed still opens")
    func decomposedNote() throws {
        let dir = try Self.sessionWithAccentedId()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try Bin.run(["do", dir, "start-day"]).status == 0)
        #expect(try Bin.run(["do", dir, "start-item"]).status == 0)
        let note = try Bin.run(["do", dir, "note", "De\u{301}cision de Die\u{301}li"])
        #expect(note.status == 0, "\(note.stderr)")
        let journal = try Data(contentsOf: URL(fileURLWithPath: dir + "/journal.jsonl"))
        #expect(journal.range(of: Data("D\u{E9}cision de Di\u{E9}li".utf8)) != nil)
        #expect(journal.range(of: Data("e\u{301}".utf8)) == nil, "no decomposed é in the journal")

        // A folder whose name is decomposed on disk is found by its name as typed.
        let decomposed = dir + "/se\u{301}ance"
        try FileManager.default.createDirectory(atPath: decomposed, withIntermediateDirectories: false)
        try FileManager.default.copyItem(atPath: dir + "/programme.yaml", toPath: decomposed + "/programme.yaml")
        let start = try Bin.run(["do", decomposed, "start-day"])
        #expect(start.status == 0, "\(start.stderr)")
        #expect(FileManager.default.fileExists(atPath: decomposed + "/journal.jsonl"))
    }

    @Test("check reads a programme saved with CRLF and a BOM exactly like the original")
    func crlfProgramme() throws {
        let dir = try Bin.session()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/programme.yaml"
        let lf = try String(contentsOfFile: path, encoding: .utf8)
        let plain = try Bin.run(["check", dir])
        try Data(("\u{FEFF}" + lf.replacingOccurrences(of: "\n", with: "\r\n")).utf8)
            .write(to: URL(fileURLWithPath: path))
        let windows = try Bin.run(["check", dir])
        #expect(windows.status == 0, "\(windows.stderr)")
        #expect(windows.stdout == plain.stdout)

        // A tab at the start of a line keeps its hint and its line under CRLF.
        let tabbed = lf.replacingOccurrences(of: "\nvenue:", with: "\n\tvenue:")
        try Data(tabbed.replacingOccurrences(of: "\n", with: "\r\n").utf8).write(to: URL(fileURLWithPath: path))
        let tab = try Bin.run(["check", dir])
        #expect(tab.status != 0)
        // The demo programme is French: so is the hint.
        let hint = "les tabulations n'indentent pas le YAML"
        #expect(tab.stdout.contains(hint) || tab.stderr.contains(hint))
    }

    @Test("check shows a zero-width space in a key as an escape, never raw")
    func zeroWidthSpace() throws {
        let dir = try Bin.session()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/programme.yaml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "\ntitle:", with: "\nti\u{200B}tle:").utf8)
            .write(to: URL(fileURLWithPath: path))
        let r = try Bin.run(["check", dir])
        #expect(r.status != 0)
        let all = r.stdout + r.stderr
        #expect(all.contains("clé inconnue « ti\\u{200B}tle »\u{00A0}: vouliez-vous dire « title »\u{00A0}?"), "\(all)")
        #expect(!all.unicodeScalars.contains("\u{200B}"))
    }

    @Test("check refuses a billion-laughs programme with the line and column of the aliases")
    func billionLaughs() throws {
        let dir = try Bin.session()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data(YAMLBombs.billionLaughs.utf8).write(to: URL(fileURLWithPath: dir + "/programme.yaml"))
        let r = try Bin.run(["check", dir])
        #expect(r.status != 0)
        let all = r.stdout + r.stderr
        #expect(all.contains("programme.yaml:"), "\(all)")
        #expect(all.contains("aliases"), "\(all)")
        // Every other command that loads the programme refuses it the same way.
        let start = try Bin.run(["do", dir, "start-day"])
        #expect(start.status != 0)
        #expect((start.stdout + start.stderr).contains("aliases"), "\(start.stderr)")
    }
}

/// Programmes built to expand without end.
enum YAMLBombs {
    /// Nine levels of nine aliases: 9⁹ strings once expanded (CVE-2019-11253).
    static var billionLaughs: String {
        var text =
            "title: lol\nvenue: lol\nlol0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        for level in 1...9 {
            let items = Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ",")
            text += "lol\(level): &a\(level) [\(items)]\n"
        }
        return text
    }
}
