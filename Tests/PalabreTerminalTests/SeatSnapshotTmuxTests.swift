import Foundation
import Glibc
import Testing

/// A seat started on the session's decision snapshot (`.decisions`, left by `palabre do`), in
/// tmux: it shows the entries once the journal is folded, records, writes the documents, and on
/// quitting leaves the snapshot at its last event; a read-only seat writes none.
@Suite("A seat and the decision snapshot", .serialized)
struct SeatSnapshotTmuxTests {
    static let recorded = packageRoot.appendingPathComponent("sessions/segou-2023-recorded")

    /// A session holding the first 420 events of the recorded roundtable.
    func session() throws -> URL {
        let dir = try makeTemporaryDirectory()
        try FileManager.default.copyItem(
            at: Self.recorded.appendingPathComponent("programme.yaml"), to: dir.appendingPathComponent("programme.yaml")
        )
        let lines = try String(contentsOf: Self.recorded.appendingPathComponent("journal.jsonl"), encoding: .utf8)
            .split(separator: "\n").prefix(420)
        try (lines.joined(separator: "\n") + "\n").write(
            to: dir.appendingPathComponent("journal.jsonl"), atomically: false, encoding: .utf8)
        return dir
    }

    /// The seq in the header of the session's snapshot.
    func snapshotSeq(_ dir: URL) throws -> Int? {
        let data = try Data(contentsOf: dir.appendingPathComponent(".decisions"))
        let header = try #require(data.split(separator: 10).first)
        return (try JSONSerialization.jsonObject(with: Data(header)) as? [String: Any])?["seq"] as? Int
    }

    func lastSeq(_ dir: URL) throws -> Int { try journalLastSeq(dir) }

    func inode(_ path: String) -> UInt {
        var st = stat()
        return stat(path, &st) == 0 ? UInt(st.st_ino) : 0
    }

    @Test("A rapporteur started on the snapshot shows the entries, records, and leaves the snapshot at its last event")
    func rapporteurOnTheSnapshot() throws {
        let palabre = try builtExecutable("palabre")
        let dir = try session()
        defer { try? FileManager.default.removeItem(at: dir) }
        let before = try runProcess(
            palabre, ["do", dir.path, "note", "Note d'avant la console", "--seat", "rapporteur", "--no-documents"])
        #expect(before.status == 0, "\(before.error)")
        #expect(try snapshotSeq(dir) == (try lastSeq(dir)), "palabre do leaves the snapshot")

        let tmux = try TmuxSession(
            command: wrappedPalabre(palabre, "attach \(dir.path) --seat rapporteur", directory: dir), width: 120,
            height: 40, directory: dir)
        try tmux.waitForScreen("the rapporteur screen with the entry before it") { screen in
            screen.contains { $0.contains("[F2 Compte rendu]") } && screen.contains { $0.contains("Note d'avant") }
                && !screen.contains { $0.contains("lecture du journal") }
        }
        try tmux.type("Note de la console « été »")
        try tmux.press("Enter")
        let minutes = dir.appendingPathComponent("out/minutes.md")
        let deadline = ContinuousClock.now + .seconds(20)
        var text = ""
        while ContinuousClock.now < deadline && !text.contains("Note de la console « été »") {
            text = (try? String(contentsOf: minutes, encoding: .utf8)) ?? ""
            usleep(100_000)
        }
        #expect(text.contains("Note de la console « été »"), "the seat writes the documents of the whole journal")
        #expect(text.contains("Note d'avant la console"))
        try tmux.press("C-c")
        try expectTerminalRestored(tmux, dir)
        #expect(try snapshotSeq(dir) == (try lastSeq(dir)), "the seat leaves the snapshot at its last event")
        // The next palabre do starts from it and records after the seat's note.
        let after = try runProcess(palabre, ["do", dir.path, "note", "Après la console", "--no-documents"])
        let seq = try lastSeq(dir)
        #expect(after.status == 0 && after.output.hasPrefix("\(seq) "), "\(after)")
    }

    @Test("A projector started on the snapshot writes none")
    func projectorWritesNoSnapshot() throws {
        let palabre = try builtExecutable("palabre")
        let dir = try session()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try runProcess(palabre, ["do", dir.path, "note", "Au mur", "--no-documents"]).status == 0)
        let path = dir.appendingPathComponent(".decisions").path
        let snapshot = try Data(contentsOf: URL(fileURLWithPath: path))
        let node = inode(path)
        let tmux = try TmuxSession(
            command: wrappedPalabre(palabre, "attach \(dir.path) --seat projector", directory: dir), width: 120,
            height: 40, directory: dir)
        try tmux.waitForScreen("the projector") { $0.contains { !$0.trimmingCharacters(in: .whitespaces).isEmpty } }
        usleep(500_000)
        try tmux.press("C-c")
        try expectTerminalRestored(tmux, dir)
        let after = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(inode(path) == node && after == snapshot, "a read-only seat writes nothing")
    }
}
