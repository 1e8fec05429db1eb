import Foundation
import Testing

/// `palabre do … --no-documents`: the event is recorded and its seq printed, out/ is left alone.
@Suite("palabre do --no-documents")
struct NoDocumentsProcessTests {
    @Test func theEventIsRecordedAndOutIsNotWrittenUntilACommandWithoutTheFlag() throws {
        let dir = try Bin.session()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let start = try Bin.run(["do", dir, "start-day", "--no-documents"])
        #expect(start.status == 0, "\(start.stderr)")
        #expect(Bin.seqs(start.stdout) == [1, 2], "the session opened, then the day")
        // The flag before the verb is taken too; after `--` it is the note's text.
        let note = try Bin.run(["do", dir, "--no-documents", "note", "--", "--no-documents"])
        #expect(note.status == 0, "\(note.stderr)")
        #expect(Bin.seqs(note.stdout) == [3])
        #expect(!FileManager.default.fileExists(atPath: dir + "/out"), "no document is written with --no-documents")
        let journal = try String(contentsOfFile: dir + "/journal.jsonl", encoding: .utf8)
        #expect(journal.contains("\"text\":\"--no-documents\""), "the text after -- is recorded as written")

        let last = try Bin.run(["do", dir, "note", "Fin"])
        #expect(last.status == 0, "\(last.stderr)")
        #expect(Bin.seqs(last.stdout) == [4])
        let minutes = try String(contentsOfFile: dir + "/out/minutes.md", encoding: .utf8)
        #expect(minutes.contains("--no-documents"), "the next command without the flag writes every event's documents")
        #expect(minutes.contains("Fin"))
    }
}
