import Foundation
import Glibc
import PalabreCore
import Testing

/// The real `palabre run` on a copy of sessions/suivi-2024 (which follows the recorded Ségou
/// roundtable), in tmux: the follow-up item's panel on F2 and a review recorded with keys.
@Suite("Review of an earlier session in tmux", .serialized)
struct PreviousReviewTmuxTests {
    @Test("During the follow-up item, the second open entry of the Ségou roundtable is reviewed on F2 with keys")
    func secondEntryReviewedWithKeys() throws {
        let palabre = try builtExecutable("palabre")
        let root = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let fm = FileManager.default
        let sessions = packageRoot.appendingPathComponent("sessions")
        try fm.createDirectory(
            at: root.appendingPathComponent("segou-2023-recorded"), withIntermediateDirectories: true)
        for name in ["programme.yaml", "journal.jsonl"] {
            try fm.copyItem(
                at: sessions.appendingPathComponent("segou-2023-recorded/" + name),
                to: root.appendingPathComponent("segou-2023-recorded/" + name))
        }
        try fm.createDirectory(at: root.appendingPathComponent("suivi-2024"), withIntermediateDirectories: true)
        try fm.copyItem(
            at: sessions.appendingPathComponent("suivi-2024/programme.yaml"),
            to: root.appendingPathComponent("suivi-2024/programme.yaml"))
        try fm.copyItem(at: sessions.appendingPathComponent("directory"), to: root.appendingPathComponent("directory"))
        let session = root.appendingPathComponent("suivi-2024")
        for verb in [["start-day"], ["start-item", "suivi"]] {
            let r = try runProcess(palabre, ["do", session.path] + verb)
            #expect(r.status == 0, "\(verb): \(r.error)")
        }

        let tmux = try TmuxSession(
            command: wrappedPalabre(palabre, "run \(session.path)", directory: root), width: 100, height: 30,
            directory: root)
        try tmux.waitForScreen("the facilitator screen with the entry under review") {
            $0.contains { $0.contains("Suivi des recommandations · 1/") }
        }
        try tmux.press("F2")
        try tmux.waitForScreen("the rapporteur's panel") { $0.contains { $0.contains("choisir une entrée et dire") } }
        try tmux.press("C-r")
        try tmux.waitForScreen("the panel has the focus") { $0.contains { $0.contains("Entrée\u{00A0}: statut") } }
        try tmux.press("Down")
        try tmux.waitForScreen("the second entry selected") { $0.contains { $0.hasPrefix("› Rec. 2 ") } }
        try tmux.press("Enter")
        try tmux.waitForScreen("the status form") {
            $0.contains { $0.contains("Revue en séance — Recommandation n°\u{00A0}2") }
        }
        try tmux.press("Right")
        try tmux.waitForScreen("done chosen") { $0.contains { $0.contains("◂ réalisée ▸") } }
        // ^S records from any field (Enter would go on to the next one).
        try tmux.press("C-s")
        try tmux.waitForScreen("the entry marked reviewed") {
            $0.contains { $0.contains("Rec. 2") && $0.contains("✓ réalisée") }
        }
        try tmux.press("F1")
        try tmux.waitForScreen("F1 on the next entry") { $0.contains { $0.contains("Suivi des recommandations · 3/") } }
        try tmux.press("C-c")
        try expectTerminalRestored(tmux, root)

        let journal = try String(contentsOf: session.appendingPathComponent("journal.jsonl"), encoding: .utf8)
        let reviews = journal.split(separator: "\n").filter { $0.contains(#""type":"previousReviewed""#) }
        #expect(reviews.count == 1)
        let review = try #require(reviews.first)
        // The second open entry of the roundtable, by its seq in the roundtable's journal.
        let p = try #require(try ProgrammeLoader.load(path: session.path).programme)
        let second = try #require(
            PreviousSessions.load(for: p, folder: session.path).sessions.first?.open.dropFirst().first)
        #expect(second.kind == .recommendation && second.number == 2)
        let seq = second.entry
        #expect(review.contains(#""session":"../segou-2023-recorded""#), "\(review)")
        #expect(review.contains(#""entry":\#(seq),"#), "\(review)")
        #expect(review.contains(#""status":"done""#), "\(review)")
        #expect(review.contains(#""seat":"facilitator""#), "\(review)")
    }
}
