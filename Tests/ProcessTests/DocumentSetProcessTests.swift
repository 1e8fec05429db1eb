import Foundation
import Testing

@testable import PalabreCore

#if canImport(Glibc)
    import Glibc
#endif

/// The ten documents are replaced as a set: real `palabre minutes` processes killed for real.
@Suite("Documents replaced as a set", .serialized)
struct DocumentSetProcessTests {
    /// A copy of the recorded Ségou meeting (670 events: long enough to kill during the write).
    func segou() throws -> String {
        let dir = try Bin.session(copying: "segou-2023-recorded")
        try FileManager.default.copyItem(
            atPath: Bin.root + "/sessions/segou-2023-recorded/journal.jsonl", toPath: dir + "/journal.jsonl")
        return dir
    }

    /// The ten documents of `dir`, by name (nil for a missing one).
    func documents(_ dir: String) -> [String: Data?] {
        Dictionary(
            uniqueKeysWithValues: Documents.fileNames.map {
                ($0, FileManager.default.contents(atPath: dir + "/" + $0))
            })
    }

    /// Hidden folders beside `out` and temporary files inside it.
    func leftovers(_ session: String) throws -> [String] {
        let fm = FileManager.default
        let beside = try fm.contentsOfDirectory(atPath: session).filter { $0.hasPrefix(".out.") }
        let inside = try fm.contentsOfDirectory(atPath: session + "/out").filter { $0.contains(".tmp-") }
        return beside + inside.map { "out/" + $0 }
    }

    /// Whether the writer `pid` has started its new set beside `out` (and not finished it).
    func writing(_ session: String, _ pid: pid_t) -> Bool {
        ((try? FileManager.default.contentsOfDirectory(atPath: session)) ?? []).contains {
            $0.hasPrefix(".out.new-\(pid)-")
        }
    }

    @Test("kill -9 of palabre minutes 200 times never leaves a mixed set, nor a temporary file after the next write")
    func killedWritersNeverMix() throws {
        let dir = try segou()
        // The two sets a writer may leave: the documents in French and in English.
        let started = ContinuousClock.now
        #expect(try Bin.run(["minutes", dir, "--lang", "en"]).status == 0)
        // Kills are drawn over one and a half times a whole run, so some land in every phase.
        let whole = ContinuousClock.now - started
        let span = UInt32(
            max(100_000, whole.components.seconds * 1_500_000 + whole.components.attoseconds / 666_666_666_667))
        let english = documents(dir + "/out")
        #expect(try Bin.run(["minutes", dir, "--lang", "fr"]).status == 0)
        let french = documents(dir + "/out")
        try #require(english.values.allSatisfy { $0 != nil } && french.values.allSatisfy { $0 != nil })
        try #require(Documents.fileNames.allSatisfy { english[$0]! != french[$0]! }, "every document differs")
        // A file of the user's own in out/ stays through every swap.
        try Data("mine".utf8).write(to: URL(fileURLWithPath: dir + "/out/notes.txt"))
        var generator = SplitMix64(seed: 13)
        var killed = 0, switched = 0, killedWhileWriting = 0
        var current = french
        for i in 0..<200 {
            let lang = i % 2 == 0 ? "en" : "fr"
            var pid: pid_t = 0
            let words = [Bin.palabre, "minutes", dir, "--lang", lang]
            let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
            defer { for a in argv { free(a) } }
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
            try #require(posix_spawn(&pid, Bin.palabre, &actions, nil, argv, environ) == 0)
            // One run in seven is left to finish: it must leave its own set, whole. Of the others, one in
            // two is killed after a random delay over a whole run (any phase), the other after a random
            // delay of at most 3 ms once its new set has started (the write itself).
            let finish = i % 7 == 0
            let delay = UInt32.random(in: 0...span, using: &generator)
            let inWrite = UInt32.random(in: 0...3_000, using: &generator)
            var status: Int32 = 0
            var reaped = false
            if !finish {
                if i % 2 == 0 {
                    usleep(delay)
                } else {
                    let deadline = ContinuousClock.now + .seconds(20)
                    while !writing(dir, pid), ContinuousClock.now < deadline {
                        if waitpid(pid, &status, WNOHANG) == pid { reaped = true; break }
                        usleep(200)
                    }
                    usleep(inWrite)
                }
                if !reaped { kill(pid, SIGKILL) }
            }
            while !reaped && waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            // Killed, not already ended (a process that ended is a zombie until waited for).
            if status & 0x7f == SIGKILL { killed += 1 }
            if writing(dir, pid) { killedWhileWriting += 1 }
            let now = documents(dir + "/out")
            #expect(now == english || now == french, "run \(i): a mixed set of documents")
            if finish { #expect(now == (lang == "en" ? english : french), "run \(i) finished: its own set") }
            if now != current { switched += 1; current = now }
            #expect(FileManager.default.contents(atPath: dir + "/out/notes.txt") == Data("mine".utf8))
        }
        print(
            "200 writers (every 7th left to finish), kills over \(span) µs: \(killed) killed, the set changed "
                + "\(switched) times, "
                + "\(killedWhileWriting) killed while writing their new set")
        #expect(killed >= 50, "most kills landed before the writers ended")
        #expect(killedWhileWriting >= 10, "kills landed while the documents were being written")
        #expect(switched >= 20, "the finished writers changed the set")
        // The next write removes what the killed writers left.
        #expect(try Bin.run(["minutes", dir]).status == 0)
        let left = try leftovers(dir)
        #expect(left.isEmpty, "\(left)")
        #expect(documents(dir + "/out") == french)
    }

    @Test("Temporary files a killed writer left in out/ are removed at the next write")
    func orphanTemporariesRemoved() throws {
        let dir = try segou()
        #expect(try Bin.run(["minutes", dir]).status == 0)
        // As a writer killed between its temporary file and its rename leaves them (a pid long gone).
        for name in [".minutes.md.tmp-999999-1", ".actions.csv.tmp-999998-2"] {
            try Data("half".utf8).write(to: URL(fileURLWithPath: dir + "/out/" + name))
        }
        try FileManager.default.createDirectory(atPath: dir + "/.out.new-999999-3", withIntermediateDirectories: false)
        try Data("half".utf8).write(to: URL(fileURLWithPath: dir + "/.out.new-999999-3/minutes.md"))
        #expect(try !leftovers(dir).isEmpty)
        #expect(try Bin.run(["minutes", dir]).status == 0)
        let left = try leftovers(dir)
        #expect(left.isEmpty, "\(left)")
    }
}

/// A small seeded generator (SplitMix64), so the delays are the same on every run.
private struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
