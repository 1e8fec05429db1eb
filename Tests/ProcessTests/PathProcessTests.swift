import Foundation
import Testing

@testable import PalabreCore

/// Folders and files named with one character, relative to the current folder, as people type
/// them: `--out o`, a session folder `a`, `a/programme.yaml`.
@Suite("One-character paths")
struct PathProcessTests {
    @Test(
        "The parent of a path, one-character components included",
        arguments: [
            ("a/b/c", "a/b"), ("o", ""), ("a/", ""), ("/x", "/"), ("/", "/"), ("a/programme.yaml", "a"), ("", ""),
            ("./o", "."), ("x/y", "x"),
        ])
    func parent(path: String, expected: String) {
        #expect(Paths.parent(path) == expected)
        #expect(Paths.folder(of: path) == (expected.isEmpty ? "." : expected))
    }

    @Test("minutes --out o, check a/programme.yaml and verify a from the folder above: documents written, no crash")
    func oneLetterFolders() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("palabre-one-\(UUID().uuidString)")
            .path
        try FileManager.default.createDirectory(atPath: base + "/a", withIntermediateDirectories: true)
        for f in ["programme.yaml", "journal.jsonl"] {
            try FileManager.default.copyItem(
                atPath: Bin.root + "/sessions/segou-2023-recorded/" + f, toPath: base + "/a/" + f)
        }
        let minutes = try Bin.run(["minutes", "a", "--out", "o"], cwd: base)
        #expect(minutes.status == 0, "\(minutes.stderr)")
        #expect(FileManager.default.fileExists(atPath: base + "/o/minutes.md"))
        let slash = try Bin.run(["minutes", "a", "--out", "p/"], cwd: base)
        #expect(slash.status == 0 && FileManager.default.fileExists(atPath: base + "/p/minutes.md"), "\(slash.stderr)")
        let check = try Bin.run(["check", "a/programme.yaml"], cwd: base)
        #expect(check.status == 0 && check.stdout.hasPrefix("ok"), "\(check.stderr)")
        let verify = try Bin.run(["verify", "a/programme.yaml"], cwd: base)
        #expect(verify.status == 0 && !verify.stderr.contains("crashed"), "\(verify.stderr)")
    }

    @Test("No source takes a parent folder with NSString.deletingLastPathComponent: Paths.parent does")
    func oneWayToTakeAParent() throws {
        let sources = Bin.root + "/Sources"
        let files = FileManager.default.enumerator(atPath: sources)!.compactMap { $0 as? String }.filter {
            $0.hasSuffix(".swift") && !$0.hasSuffix("Paths.swift")
        }
        #expect(files.count > 50)
        for f in files {
            let text = try String(contentsOfFile: sources + "/" + f, encoding: .utf8)
            #expect(!text.contains("as NSString).deletingLastPathComponent"), "\(f) takes a parent the way that traps")
        }
    }
}
