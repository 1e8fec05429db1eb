import Foundation
import Testing

/// The real binary refuses a session whose files are links, and says « permission denied » for a
/// session folder it may not read.
@Suite("Links and permissions (process)")
struct LinkProcessTests {
    /// A file outside the session with known bytes and mode 0644.
    func outsideFile(_ bytes: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("palabre-out-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let t = dir + "/target"
        try Data(bytes.utf8).write(to: URL(fileURLWithPath: t))
        chmod(t, 0o644)
        return t
    }

    func mode(_ path: String) throws -> Int {
        try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int ?? -1
    }

    @Test func doRefusesALinkedJournal() throws {
        let dir = try Bin.session()
        let t = try outsideFile("one line\n")
        try FileManager.default.createSymbolicLink(atPath: dir + "/journal.jsonl", withDestinationPath: t)
        let r = try Bin.run(["do", dir, "start-day"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("journal.jsonl » est un lien symbolique\u{00A0}: palabre ne le suit pas"))
        #expect(try String(contentsOfFile: t, encoding: .utf8) == "one line\n" && mode(t) == 0o644)
    }

    @Test func minutesRefusesALinkedOutAndALinkedOutOption() throws {
        let dir = try Bin.session()
        try #require(Bin.run(["do", dir, "start-day"]).status == 0)
        let t = try outsideFile("x")
        let other = (t as NSString).deletingLastPathComponent
        chmod(other, 0o755)
        try FileManager.default.removeItem(atPath: dir + "/out")
        try FileManager.default.createSymbolicLink(atPath: dir + "/out", withDestinationPath: other)
        let r = try Bin.run(["minutes", dir])
        #expect(r.status != 0)
        #expect(r.stderr.contains("/out » est un lien symbolique\u{00A0}: palabre ne le suit pas"))
        let r2 = try Bin.run(["minutes", dir, "--out", dir + "/out"])
        #expect(r2.status != 0 && r2.stderr.contains("est un lien symbolique"))
        // No event writes a folder given to minutes again: the command does.
        #expect(
            r2.stderr.contains("relancez « palabre minutes » une fois le problème réglé")
                && !r2.stderr.contains("prochain événement"), "\(r2.stderr)")
        let english = try Bin.run(["minutes", dir, "--lang", "en"])
        #expect(
            english.stderr.contains("run “palabre minutes” again once the problem is solved")
                && !english.stderr.contains("next event"), "\(english.stderr)")
        let r3 = try Bin.run(["export", dir, "--format", "md", "--out", dir + "/out"])
        #expect(r3.status != 0 && r3.stderr.contains("est un lien symbolique"))
        // A folder chosen with --out: said as such, and to run the command again.
        #expect(r3.stderr.contains("n'écrit pas à travers un lien") && !r3.stderr.contains("hors de la session"))
        #expect(
            r3.stderr.contains("relancez « palabre export »") && !r3.stderr.contains("prochain événement"),
            "\(r3.stderr)")
        // Written with a trailing slash, the same link is refused as a link, not taken for a file.
        for command in [["minutes", dir], ["export", dir, "--format", "md"]] {
            let slash = try Bin.run(command + ["--out", dir + "/out/"])
            #expect(slash.status != 0 && slash.stderr.contains("est un lien symbolique"), "\(slash.stderr)")
            #expect(!slash.stderr.contains("pas un dossier utilisable"), "\(slash.stderr)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: other) == ["target"])
        #expect(try mode(other) == 0o755 && mode(t) == 0o644)
        #expect(try String(contentsOfFile: t, encoding: .utf8) == "x")
    }

    /// Root reads every folder whatever its mode: the check runs as `nobody` through `setpriv`.
    @Test(.enabled(if: geteuid() != 0 || FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")))
    func aFolderWithoutPermissionIsPermissionDenied() throws {
        let dir = try Bin.session()
        try #require(Bin.run(["do", dir, "start-day"]).status == 0)
        // The temporary folder must be reachable by the other user; the session itself is closed to everyone.
        chmod((dir as NSString).deletingLastPathComponent, 0o1777)
        chmod(dir, 0o000)
        defer { chmod(dir, 0o700) }
        for command in [
            ["verify", dir], ["minutes", dir], ["log", dir], ["do", dir, "start-item"], ["check", dir],
        ] {
            let r = try runAsOtherUser(command)
            #expect(r.status != 0, "\(command[0])")
            #expect(r.stderr.contains("permission denied") && r.stderr.contains(dir), "\(command[0]): \(r.stderr)")
            #expect(!r.stdout.contains("no journal yet") && !r.stderr.contains("programme.yaml"), "\(command[0])")
        }
    }

    func runAsOtherUser(_ args: [String]) throws -> Bin.Output {
        guard geteuid() == 0 else { return try Bin.run(args) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        p.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", Bin.palabre] + args
        let out = Pipe(), err = Pipe()
        p.standardOutput = out; p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Bin.Output(
            status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
            stderr: String(decoding: e, as: UTF8.self))
    }
}
