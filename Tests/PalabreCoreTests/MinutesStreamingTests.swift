import Foundation
import Testing

@testable import PalabreCore

#if canImport(Glibc)
    import Glibc
#endif

/// The minutes written into their file as they are rendered (``MinutesDocument/render(into:scratch:chunkBytes:)``,
/// what `palabre minutes` and `palabre do` write) are byte for byte the minutes rendered in memory,
/// wherever the chunks of the body are cut: the contents, the acronyms (one word or several) and
/// the single newline at the end are those of the whole text.
@Suite("Minutes written as they are rendered")
struct MinutesStreamingTests {
    /// The minutes of `state` rendered into a file, with chunks of `chunkBytes`, read back.
    static func streamed(_ state: SessionState, _ options: DocumentOptions, chunkBytes: Int) throws -> Data {
        let dir = NSTemporaryDirectory() + "palabre-streamed-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let fd = open(dir + "/minutes.md", O_RDWR | O_CREAT | O_EXCL, 0o600)
        let sfd = open(dir + "/scratch", O_RDWR | O_CREAT | O_EXCL, 0o600)
        #expect(fd >= 0 && sfd >= 0)
        defer { close(fd); close(sfd) }
        let out = DocumentFile(fd: fd, path: dir + "/minutes.md")
        var minutes = MinutesDocument(DocContext(state, options), board: SynergyBoard(state))
        minutes.render(into: out, scratch: DocumentFile(fd: sfd, path: dir + "/scratch"), chunkBytes: chunkBytes)
        out.flush()
        #expect(out.failure == nil)
        return try Data(contentsOf: URL(fileURLWithPath: dir + "/minutes.md"))
    }

    /// The minutes of `state` rendered in memory.
    static func inMemory(_ state: SessionState, _ options: DocumentOptions) throws -> Data {
        try #require(Documents.render(state, options: options).first { $0.name == "minutes.md" }).data
    }

    /// Compares the two at each event of `events` whose index is in `cuts`, in both languages and
    /// with chunks of 1 byte (a chunk per line), 300 bytes and a megabyte. Returns the comparisons.
    static func compare(_ programme: Programme, _ events: [Event], cuts: Set<Int>) throws -> Int {
        var state = SessionState(programme: programme)
        var compared = 0
        for (i, e) in events.enumerated() {
            state.evolve(e)
            guard cuts.contains(i) else { continue }
            for language in [Language.fr, .en] {
                let options = DocumentOptions(language: language, now: e.at)
                let whole = try inMemory(state, options)
                for chunk in [1, 300, 1 << 20] {
                    let s = try streamed(state, options, chunkBytes: chunk)
                    if s != whole {
                        let a = String(decoding: whole, as: UTF8.self), b = String(decoding: s, as: UTF8.self)
                        let at = zip(a, b).prefix { $0 == $1 }.count
                        let around = String(b.dropFirst(max(0, at - 40)).prefix(80))
                        Issue.record("event \(e.seq), \(language), chunks of \(chunk): differs at \(at): \(around)")
                    }
                    compared += 1
                }
            }
        }
        return compared
    }

    @Test("The scripted day, with an acronym of several words and one only a note uses, after every fifth event")
    func scriptedDay() throws {
        var programme = Fixtures.programme
        programme.organisations.append(
            Organisation(id: "drs-segou", acronym: "DRS Ségou", name: "Direction régionale de la santé", type: .partner)
        )
        var h = Harness()
        h.state = SessionState(programme: programme)
        try h.run(.openSession, at: DocScript.at(8, 45))
        try h.run(.startDay(date: nil), at: DocScript.at(8, 50))
        try h.run(.startItem(id: nil), at: DocScript.at(9, 0))
        h.seat = "rapporteur"
        try h.run(
            .record(EntryContent(kind: .note, text: "La DRS Ségou et le CNLS étaient présents.")),
            at: DocScript.at(9, 1))
        try h.run(.record(EntryContent(kind: .note, text: "La DRS de Ségou a parlé.")), at: DocScript.at(9, 2))
        let script = try DocScript.run()
        let cuts = Set(stride(from: 0, to: h.events.count, by: 1))
        #expect(try Self.compare(programme, h.events, cuts: cuts) == cuts.count * 6)
        let scriptCuts = Set(stride(from: 0, to: script.events.count, by: 5)).union([script.events.count - 1])
        #expect(try Self.compare(Fixtures.programme, script.events, cuts: scriptCuts) == scriptCuts.count * 6)
        // The phrase is listed when whole, and its absence is seen too.
        let minutes = String(
            decoding: try Self.streamed(
                h.state, DocumentOptions(language: .fr, now: DocScript.at(9, 3)), chunkBytes: 1),
            as: UTF8.self)
        #expect(minutes.contains("| DRS Ségou | Direction régionale de la santé |"))
        #expect(minutes.contains("| CNLS | *"))
        #expect(minutes.hasSuffix("\n") && !minutes.hasSuffix("\n\n"))
    }

    @Test("The recorded Ségou meeting at seeded random moments and at its end")
    func recordedMeeting() throws {
        let (programme, events) = try Fixtures.recordedMeeting()
        var rng = SplitMix64(seed: 16)
        var cuts = Set((0..<6).map { _ in Int.random(in: 0..<events.count, using: &rng) })
        cuts.insert(events.count - 1)
        #expect(try Self.compare(programme, events, cuts: cuts) == cuts.count * 6)
    }

    @Test("Documents.write puts the streamed minutes in the folder, as a set and one file at a time, in both languages")
    func writtenFolders() throws {
        let h = try DocScript.run()
        for language in [Language.fr, .en] {
            let options = DocumentOptions(language: language, now: DocScript.now)
            let whole = try Self.inMemory(h.state, options)
            for chosen in [false, true] {
                let dir = NSTemporaryDirectory() + "palabre-written-\(UUID().uuidString)/out"
                defer { try? FileManager.default.removeItem(atPath: Paths.parent(dir)) }
                try Documents.write(h.state, to: dir, options: options, chosen: chosen)
                let written = try Data(contentsOf: URL(fileURLWithPath: dir + "/minutes.md"))
                #expect(written == whole, "\(language), chosen \(chosen)")
                let names = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
                #expect(names == Documents.fileNames.sorted(), "no scratch file is left beside the documents")
            }
        }
    }

    @Test(
        "A folder written in place (--out, and out/ where it cannot be swapped) keeps every document as it was when one fails: all are made before any is renamed"
    )
    func inPlaceFailureChangesNothing() throws {
        let dir = NSTemporaryDirectory() + "palabre-in-place-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for name in ["a.md", "b.md", "c.md"] {
            try Data("old \(name)".utf8).write(to: URL(fileURLWithPath: dir + "/" + name))
        }
        let full = open("/dev/full", O_WRONLY)
        try #require(full >= 0)
        defer { close(full) }
        // The last document's disk fills up while it is written.
        let docs: [(name: String, content: Documents.Content)] = [
            ("a.md", .data(Data("new a".utf8))), ("b.md", .data(Data("new b".utf8))),
            (
                "c.md",
                .streamed { out, _ in
                    _ = dup2(full, out.fd); out.write(String(repeating: "é", count: 300_000))
                }
            ),
        ]
        #expect(throws: DocumentError.self) { try Documents.writeEach(docs, to: dir, keepMode: true) }
        for name in ["a.md", "b.md", "c.md"] {
            #expect(try String(contentsOfFile: dir + "/" + name, encoding: .utf8) == "old \(name)", "\(name)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["a.md", "b.md", "c.md"])
        // Without the failure, all three are new.
        try Documents.writeEach(Array(docs.prefix(2)) + [("c.md", .data(Data("new c".utf8)))], to: dir, keepMode: true)
        for name in ["a", "b", "c"] {
            #expect(try String(contentsOfFile: dir + "/\(name).md", encoding: .utf8) == "new \(name)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["a.md", "b.md", "c.md"])
    }

    @Test(
        "An out/ folder owned by someone else is written in place: not swapped away, no hidden folder left",
        .enabled(if: geteuid() == 0, "only root can give a folder to another user"))
    func someoneElsesFolderIsWrittenInPlace() throws {
        let h = try DocScript.run()
        let parent = NSTemporaryDirectory() + "palabre-owner-\(UUID().uuidString)"
        let dir = parent + "/out"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: parent) }
        try #require(chown(dir, 65534, 65534) == 0 && chmod(dir, 0o755) == 0)
        // Its owner's minutes, readable by them and by others.
        try Data("ancien".utf8).write(to: URL(fileURLWithPath: dir + "/minutes.md"))
        try #require(chown(dir + "/minutes.md", 65534, 65534) == 0 && chmod(dir + "/minutes.md", 0o644) == 0)
        var before = stat()
        try #require(lstat(dir, &before) == 0)
        try Documents.write(h.state, to: dir, options: DocumentOptions(language: .fr, now: DocScript.now))
        var after = stat()
        try #require(lstat(dir, &after) == 0)
        #expect(after.st_ino == before.st_ino && after.st_uid == 65534 && after.st_mode & 0o777 == 0o755)
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == ["out"])
        var minutes = stat()
        try #require(lstat(dir + "/minutes.md", &minutes) == 0)
        #expect(minutes.st_uid == 65534 && minutes.st_gid == 65534 && minutes.st_mode & 0o777 == 0o644)
        #expect(try String(contentsOfFile: dir + "/minutes.md", encoding: .utf8) != "ancien")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == Documents.fileNames.sorted())
    }

    @Test(
        "A user's own hidden files named like temporaries are kept, in a chosen folder and in out/; a dead writer's are removed",
        arguments: [false, true])
    func ownHiddenFilesKept(chosen: Bool) throws {
        let h = try DocScript.run()
        let parent = NSTemporaryDirectory() + "palabre-hidden-\(UUID().uuidString)"
        let dir = parent + "/out"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let own = [".notes.tmp-sauvegarde", ".plan.tmp-", ".x.tmp-12a", ".y.tmp-1-2-3", ".z.tmp--4"]
        for name in own { try Data("précieux".utf8).write(to: URL(fileURLWithPath: dir + "/" + name)) }
        try Data("half".utf8).write(to: URL(fileURLWithPath: dir + "/.minutes.md.tmp-999999-3"))
        try Documents.write(
            h.state, to: dir, options: DocumentOptions(language: .fr, now: DocScript.now), chosen: chosen)
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: dir))
        #expect(names == Set(own + Documents.fileNames), "\(names.sorted())")
        for name in own { #expect(try String(contentsOfFile: dir + "/" + name, encoding: .utf8) == "précieux") }
    }

    @Test("A full disk is kept as the file's failure, with its path, and what follows is dropped")
    func fullDisk() throws {
        let fd = open("/dev/full", O_WRONLY)
        try #require(fd >= 0)
        defer { close(fd) }
        let f = DocumentFile(fd: fd, path: "out/minutes.md")
        f.write(String(repeating: "é", count: 200_000))
        f.flush()
        let failure = try #require(f.failure)
        #expect(failure.errno == ENOSPC && failure.operation == "write" && failure.path == "out/minutes.md")
        f.write("more")
        f.flush()
        #expect(f.failure == failure)
    }
}
