import Foundation
import Testing

@testable import PalabreCore

/// `palabre do SESSION undo [SEQ]` through the real binary, on copies of the Ségou session.
@Suite("Undo through the binary", .serialized)
struct UndoProcessTests {
    /// The morning of the first day: check-ins, the opening under way with UNICEF speaking.
    static let morning: [[String]] = [
        ["start-day", "2023-10-17", "--at", "08:15"],
        ["check-in", "dg-adr-segou", "--seat", "rapporteur", "--at", "08:16"],
        ["check-in", "coord-nef", "--seat", "rapporteur", "--at", "08:17"],
        ["start-item", "--at", "08:30"],
        ["request-floor", "dg-adr-segou", "--at", "08:31"],
        ["give-floor", "--at", "08:32"],
        ["note", "Mot de bienvenue du Directeur général de l'ADR.", "--seat", "rapporteur", "--at", "08:40"],
    ]

    func run(_ dir: String, _ lines: [[String]]) throws -> [Int] {
        var seqs: [Int] = []
        for l in lines {
            let r = try Bin.run(["do", dir] + l)
            try #require(r.status == 0, "\(l): \(r.stderr)")
            seqs += Bin.seqs(r.stdout)
        }
        return seqs
    }

    /// Every document of `dir`/out, without the cover's « Situation au » line (the moment of the journal).
    func documents(_ dir: String) throws -> [String: String] {
        var out: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: dir + "/out") {
            let text = try String(contentsOfFile: dir + "/out/" + name, encoding: .utf8)
            out[name] = text.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.hasPrefix("- **Situation au") && !$0.hasPrefix("- **As of") }
                .joined(separator: "\n")
        }
        return out
    }

    @Test func anItemEndedAndACheckInUndoneGiveTheDocumentsOfTheJournalWithoutThem() throws {
        let slip = try Bin.session(copying: "segou-2023")
        let clean = try Bin.session(copying: "segou-2023")
        try run(slip, Self.morning)
        try run(clean, Self.morning)

        // The facilitator ends the opening by mistake and takes it back.
        let ended = try run(slip, [["end-item", "--at", "08:50"]])
        let undo = try Bin.run(["do", slip, "undo", "--at", "08:51"])
        #expect(undo.status == 0, "\(undo.stderr)")
        #expect(undo.stdout == "\(ended[0] + 1) undone\n")
        // The rapporteur checks someone in by mistake and takes it back by its seq.
        let checkIn = try run(slip, [["check-in", "se-nef", "--seat", "rapporteur", "--at", "08:52"]])
        let undo2 = try Bin.run(["do", slip, "undo", "\(checkIn[0])", "--seat", "rapporteur", "--at", "08:53"])
        #expect(undo2.status == 0, "\(undo2.stderr)")

        // Both sessions then go on alike.
        let after: [[String]] = [["yield", "--at", "09:00"], ["end-item", "--at", "09:10"]]
        try run(slip, after)
        try run(clean, after)
        let a = try documents(slip), b = try documents(clean)
        #expect(a.keys.sorted() == b.keys.sorted())
        for name in a.keys.sorted() { #expect(a[name] == b[name], "\(name) differs") }

        // The journal keeps both; the log marks the undone event and names it in the undo.
        let log = try Bin.run(["log", slip])
        let lines = log.stdout.split(separator: "\n").map(String.init)
        let endedLine = try #require(lines.first { $0.hasPrefix("#\(ended[0]) ") })
        #expect(endedLine.hasSuffix("(annulé par n°\u{00A0}\(ended[0] + 1))"), "in the French session's language")
        let english = try Bin.run(["log", slip, "--lang", "en"]).stdout.split(separator: "\n")
        #expect(english.contains { $0.hasPrefix("#\(ended[0]) ") && $0.hasSuffix("(undone by #\(ended[0] + 1))") })
        let undoLine = try #require(lines.first { $0.hasPrefix("#\(ended[0] + 1) ") })
        #expect(undoLine.contains("undone") && undoLine.contains("#\(ended[0]) itemEnded"))
        #expect(!lines.contains { $0.hasPrefix("#\(ended[0] + 1) ") && $0.contains("(undone by") })
    }

    @Test func refusalsAreExplainedAndRecordNothing() throws {
        let dir = try Bin.session(copying: "segou-2023")
        let seqs = try run(dir, Self.morning)
        let note = seqs.last!
        // The rapporteur's last event is an entry: it is retracted, not undone.
        let r1 = try Bin.run(["do", dir, "undo", "\(note)", "--seat", "rapporteur", "--at", "08:41"])
        #expect(r1.status == 1)
        #expect(r1.stderr.contains("retract \(note)"), "\(r1.stderr)")
        // The rapporteur may not undo the floor.
        let r2 = try Bin.run(["do", dir, "undo", "\(note - 1)", "--seat", "rapporteur", "--at", "08:41"])
        #expect(r2.status == 1)
        // An unknown seq, and a seq that is not a number.
        let r3 = try Bin.run(["do", dir, "undo", "999", "--at", "08:41"])
        #expect(r3.status == 1 && r3.stderr.contains("999"), "\(r3.stderr)")
        let r4 = try Bin.run(["do", dir, "undo", "dernier", "--at", "08:41"])
        #expect(r4.status == 2, "\(r4.stderr)")
        let journal = try Journal(path: dir + "/journal.jsonl", writable: false)
        #expect(try journal.loadAll().count == note)
    }
}
