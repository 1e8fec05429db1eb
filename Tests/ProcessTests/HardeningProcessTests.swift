import Foundation
import Testing

@testable import PalabreCore

/// What a first tester of the hardening found, each kept as a test: a folder chosen with --out
/// kept as it is, export never through a link, a complete damaged last line never taken for a
/// torn one, a journal that is not a file, CR in CSV cells, negative values reaching their
/// parser, a script found in its session, format characters echoed visibly.
@Suite("Hardening, as a tester found it")
struct HardeningProcessTests {
    func recorded() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("palabre-hard-\(UUID().uuidString)")
            .path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for f in ["programme.yaml", "journal.jsonl"] {
            try FileManager.default.copyItem(
                atPath: Bin.root + "/sessions/segou-2023-recorded/" + f, toPath: dir + "/" + f)
        }
        return dir
    }

    func inode(_ path: String) -> (UInt, UInt32, UInt32) {
        var st = stat()
        _ = stat(path, &st)
        return (UInt(st.st_ino), UInt32(st.st_mode & 0o7777), UInt32(st.st_gid))
    }

    @Test("minutes --out into an existing folder writes into it: same folder, mode, group and other files")
    func chosenFolderKept() throws {
        let s = try recorded()
        let shared = s + "-shared"
        try FileManager.default.createDirectory(atPath: shared, withIntermediateDirectories: true)
        chmod(shared, 0o2770)
        chown(shared, 0, 65534)
        try "à nous".write(toFile: shared + "/team.txt", atomically: true, encoding: .utf8)
        let before = inode(shared)
        let r = try Bin.run(["minutes", s, "--out", shared])
        #expect(r.status == 0, "\(r.stderr)")
        let after = inode(shared)
        #expect(after.0 == before.0 && after.1 == before.1 && after.2 == before.2, "\(before) → \(after)")
        #expect(try String(contentsOfFile: shared + "/team.txt", encoding: .utf8) == "à nous")
        #expect(FileManager.default.fileExists(atPath: shared + "/minutes.md"))
        let hidden = try FileManager.default.contentsOfDirectory(atPath: (shared as NSString).deletingLastPathComponent)
            .filter { $0.contains(".new-") }
        #expect(hidden.isEmpty, "\(hidden)")
    }

    @Test("export refuses an out/ that is a link; the target gets nothing")
    func exportThroughOutLink() throws {
        let s = try recorded()
        let target = s + "-target"
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: s + "/out", withDestinationPath: target)
        let r = try Bin.run(["export", s, "--format", "md"])
        #expect(r.status != 0, "\(r.stdout)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: target).isEmpty)
    }

    @Test("A complete last line of an unknown type is damage: do refuses with the repair hint, nothing moved")
    func completeUnknownLineIsDamage() throws {
        let s = try recorded()
        let journal = s + "/journal.jsonl"
        let line = #"{"seq":671,"at":"2023-10-19T16:30:00.000+00:00","seat":"facilitator","type":"futureEvent","x":1}"#
        let h = try FileHandle(forWritingTo: URL(fileURLWithPath: journal))
        h.seekToEndOfFile(); h.write(Data((line + "\n").utf8)); try h.close()
        let bytes = try Data(contentsOf: URL(fileURLWithPath: journal))
        let r = try Bin.run(["do", s, "note", "x", "--seat", "rapporteur"])
        #expect(r.status == 1 && r.stderr.contains("palabre repair"), "\(r.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: journal)) == bytes)
        #expect(try FileManager.default.contentsOfDirectory(atPath: s).allSatisfy { !$0.contains(".torn-") })
        let verify = try Bin.run(["verify", s])
        #expect(verify.status == 1)
        // Said wholly in the session's language (French here).
        #expect(
            verify.stdout.contains(
                ":671\u{00A0}: ILLISIBLE PAR CETTE VERSION — type d'événement inconnu « futureEvent »"),
            "\(verify.stdout)")
    }

    @Test("A whole last event without its line break is kept, completed, and the next event follows it")
    func lastEventWithoutLineBreak() throws {
        let s = try recorded()
        let journal = s + "/journal.jsonl"
        let h = try FileHandle(forUpdating: URL(fileURLWithPath: journal))
        let size = h.seekToEndOfFile()
        try h.truncate(atOffset: size - 1)
        try h.close()
        let r = try Bin.run(["do", s, "note", "après la coupure", "--seat", "rapporteur", "--at", "2023-10-19 16:30"])
        #expect(r.status == 1, "a closed session records no note: \(r.stdout)")
        let text = try String(contentsOfFile: journal, encoding: .utf8)
        #expect(text.hasSuffix("\"type\":\"sessionClosed\"}\n"), "the line break was written back")
        #expect(try Bin.run(["verify", s]).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: s).allSatisfy { !$0.contains(".torn-") })
    }

    @Test("A journal that is a named pipe or a folder is refused at once by readers and writers")
    func journalNotAFile() throws {
        let s = try recorded()
        try FileManager.default.removeItem(atPath: s + "/journal.jsonl")
        #expect(mkfifo(s + "/journal.jsonl", 0o600) == 0)
        for command in [["verify", s], ["log", s], ["minutes", s], ["do", s, "start-day"], ["repair", s, "--yes"]] {
            let r = try Bin.run(["/usr/bin/timeout", "20", Bin.palabre] + command, direct: true)
            #expect(r.status == 1, "\(command[0]) (124: it waited on the pipe): \(r.stderr)")
            #expect(r.stderr.contains("n'est pas un fichier ordinaire"), "\(command[0]): \(r.stderr)")
        }
    }

    @Test("A carriage return typed in an entry reaches no CSV cell raw")
    func carriageReturnInCSV() throws {
        let s = try Bin.session()
        #expect(try Bin.run(["do", s, "start-day"]).status == 0)
        #expect(try Bin.run(["do", s, "start-item"]).status == 0)
        let r = try Bin.run(["do", s, "action", "a\rb\r\nc", "--responsible", "x\ry", "--seat", "rapporteur"])
        #expect(r.status == 0, "\(r.stderr)")
        let csv = try Data(contentsOf: URL(fileURLWithPath: s + "/out/actions.csv"))
        let lines = csv.split(separator: 10)
        #expect(lines.allSatisfy { l in !l.dropLast().contains(13) }, "a CR only before each row's LF")
        #expect(String(decoding: csv, as: UTF8.self).contains("\"a\nb\nc\""))
    }

    @Test("Negative values reach their parser: extend -- -5, --amount -5, --date -1 get clear refusals")
    func negativeValues() throws {
        let s = try Bin.session()
        #expect(try Bin.run(["do", s, "start-day"]).status == 0)
        #expect(try Bin.run(["do", s, "start-item"]).status == 0)
        let extend = try Bin.run(["do", s, "extend", "--", "5"])
        #expect(extend.status == 0, "\(extend.stderr)")
        let r = try recorded()
        let amount = try Bin.run([
            "do", r, "commitment-status", "316", "décaissé", "--amount", "-5 000", "--seat", "suivi",
        ])
        #expect(amount.status == 2 && amount.stderr.contains("négatif"), "\(amount.stderr)")
        let date = try Bin.run(["do", r, "action-status", "600", "started", "--date", "-1", "--seat", "suivi"])
        #expect(date.status == 2 && date.stderr.contains("n'est pas une date"), "\(date.stderr)")
        // An option the verb does not know is refused, never taken into the status (« done x »);
        // a status of two words still reads whole.
        let before = try Data(contentsOf: URL(fileURLWithPath: r + "/journal.jsonl"))
        let bogus = try Bin.run(["do", r, "action-status", "600", "done", "--bogus", "x", "--seat", "suivi"])
        #expect(bogus.status == 2 && bogus.stderr.contains("option inconnue « --bogus »"), "\(bogus.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: r + "/journal.jsonl")) == before)
        let late = try Bin.run(["do", r, "action-status", "600", "en", "retard", "--seat", "suivi"])
        #expect(late.status == 0 && late.stdout.contains("actionFollowedUp"), "\(late.stderr)")
    }

    @Test("A script named as it sits in the session folder is found there; a missing one is said so")
    func scriptInSession() throws {
        let s = try Bin.session()
        try FileManager.default.copyItem(
            atPath: Bin.root + "/sessions/demo/rehearsal.palabre", toPath: s + "/rehearsal.palabre")
        let ok = try Bin.run(
            ["script", s, "rehearsal.palabre", "--quiet"], cwd: FileManager.default.temporaryDirectory.path)
        #expect(ok.status == 0, "\(ok.stderr)")
        let missing = try Bin.run(["script", s, "nope.palabre"])
        #expect(missing.status == 2 && missing.stderr.contains("fichier introuvable"), "\(missing.stderr)")
    }

    @Test("A soft hyphen or a zero-width space in an echoed value is shown as an escape")
    func formatCharactersEchoed() throws {
        let s = try Bin.session()
        let r = try Bin.run(["do", s, "check-in", "rep-\u{00AD}x\u{200B}y"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("rep-\\u{AD}x\\u{200B}y"), "\(r.stderr)")
    }

    @Test("A gap in the numbering is said as missing events, with no repair hint that would lead nowhere")
    func gapIsMissingEvents() throws {
        let s = try recorded()
        let journal = s + "/journal.jsonl"
        var lines = try String(contentsOfFile: journal, encoding: .utf8).split(separator: "\n").map(String.init)
        lines.remove(at: 300)
        try (lines.joined(separator: "\n") + "\n").write(toFile: journal, atomically: true, encoding: .utf8)
        let r = try Bin.run(["do", s, "note", "x", "--seat", "rapporteur"])
        #expect(r.status == 1 && r.stderr.contains("il manque des événements"), "\(r.stderr)")
        #expect(!r.stderr.contains("Lancez `palabre repair"), "\(r.stderr)")
        let log = try Bin.run(["log", s])
        #expect(log.stderr.contains("Reprenez le journal d'une copie"), "\(log.stderr)")
    }
}
