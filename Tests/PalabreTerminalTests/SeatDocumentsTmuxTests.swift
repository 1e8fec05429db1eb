import Foundation
import Glibc
import Testing

/// The documents a seat writes as the meeting goes (keeping its last rendering's lines) are
/// byte for byte those `palabre minutes` writes from the journal afterwards.
@Suite("Documents of a seat and of palabre minutes", .serialized)
struct SeatDocumentsTmuxTests {
    /// Waits until `condition` holds for the text of `file` (20 s at most).
    func waitForFile(_ file: URL, _ what: String, _ condition: (String) -> Bool) throws {
        let deadline = ContinuousClock.now + .seconds(20)
        var text = ""
        while ContinuousClock.now < deadline {
            text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
            if condition(text) { return }
            usleep(100_000)
        }
        throw TmuxError("timed out waiting for \(what) in \(file.lastPathComponent)")
    }

    func lastSeq(_ dir: URL) throws -> Int { try journalLastSeq(dir) }

    @Test("Decisions typed at the console, one retracted and one amended from another terminal: the same documents")
    func seatWritesWhatMinutesWrites() throws {
        let palabre = try builtExecutable("palabre")
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.copyItem(
            at: packageRoot.appendingPathComponent("sessions/segou-2023/programme.yaml"),
            to: dir.appendingPathComponent("programme.yaml"))
        let tmux = try TmuxSession(
            command: wrappedPalabre(palabre, "run \(dir.path)", directory: dir), width: 120, height: 40, directory: dir)
        try tmux.waitForScreen("the facilitator screen") { $0.contains { $0.contains("[F1 Modération]") } }
        try tmux.press("B")
        try tmux.waitForScreen("the question about the date") { $0.contains { $0.contains("pas aujourd") } }
        try tmux.press("B")
        try tmux.waitForScreen("the day under way") { $0.contains { $0.contains("Jour 1 ·") } }
        try tmux.press("d")
        try tmux.waitForScreen("the first item running") { $0.contains { $0.contains("▶ Accueil et") } }
        try tmux.press("F2")
        try tmux.waitForScreen("the rapporteur screen") { $0.contains { $0.contains("[F2 Compte rendu]") } }

        let minutes = dir.appendingPathComponent("out/minutes.md")
        var seqs: [Int] = []
        for text in [
            "Première décision : l'ADR appuie la fiche TIM-01.", "Deuxième décision, inchangée.",
            "Troisième décision, avec le CNLS.",
        ] {
            try tmux.press("F6")
            try tmux.waitForScreen("the decision kind") { $0.contains { $0.contains("Décision") } }
            try tmux.type(text)
            try tmux.press("Enter")
            try waitForFile(minutes, "the decision") { $0.contains(text) }
            seqs.append(try lastSeq(dir))
        }
        // From another terminal, without documents: only the seat writes them.
        for verb in [
            ["retract", String(seqs[0]), "--reason", "doublon"],
            ["amend", String(seqs[2]), "Troisième décision, sans sigle.", "--reason", "sigle"],
        ] {
            let r = try runProcess(palabre, ["do", dir.path, "--no-documents"] + verb)
            #expect(r.status == 0, "palabre do \(verb.joined(separator: " ")): \(r.error)")
        }
        try tmux.press("F6")
        try tmux.waitForScreen("the decision kind") { $0.contains { $0.contains("Décision") } }
        try tmux.type("Quatrième décision.")
        try tmux.press("Enter")
        // The second decision is now the first: numbers shift with the retraction.
        try waitForFile(minutes, "the fourth decision, the amendment and the retraction") {
            $0.contains("Quatrième décision.") && $0.contains("sans sigle") && !$0.contains("CNLS")
                && !$0.contains("Première décision")
        }
        try tmux.press("C-c")
        try expectTerminalRestored(tmux, dir)

        let check = dir.appendingPathComponent("check")
        let r = try runProcess(palabre, ["minutes", dir.path, "--out", check.path])
        #expect(r.status == 0, "palabre minutes: \(r.error)")
        let names = try FileManager.default.contentsOfDirectory(atPath: check.path).sorted()
        #expect(names.contains("minutes.md") && names.count >= 10)
        for name in names {
            let seat = try Data(contentsOf: dir.appendingPathComponent("out/" + name))
            let fresh = try Data(contentsOf: check.appendingPathComponent(name))
            #expect(seat == fresh, "\(name) as the seat wrote it and as palabre minutes writes it")
        }
    }
}

/// The seq of the last event of the journal in the session folder `dir`.
func journalLastSeq(_ dir: URL) throws -> Int {
    let text = try String(contentsOf: dir.appendingPathComponent("journal.jsonl"), encoding: .utf8)
    let line = try #require(text.split(separator: "\n").last)
    let r = try #require(line.range(of: #""seq":"#))
    return try #require(Int(line[r.upperBound...].prefix { $0.isNumber }))
}
