import Foundation
import Testing

/// `palabre do SESSION walk-in --category` and `check-out`, read back from attendance.csv in both
/// languages: arrival, departure and the half days of the per diem lists.
@Suite("Departures and half days through palabre do", .serialized)
struct DepartureProcessTests {
    /// The rows of a CSV document (BOM dropped), split on `separator`.
    func rows(_ path: String, _ separator: Character) throws -> [[String]] {
        var text = try String(contentsOfFile: path, encoding: .utf8)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return text.split(whereSeparator: \.isNewline).map {
            $0.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
        }
    }

    @Test func walkInCheckOutAndHalfDaysInAttendanceCsv() throws {
        let dir = try Bin.session(copying: "segou-2023")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        func ok(_ args: [String]) throws {
            let r = try Bin.run(["do", dir] + args)
            #expect(r.status == 0, "\(args): \(r.stderr)")
        }
        try ok(["start-day", "--at", "2023-10-17 08:30"])
        try ok(["check-in", "maire-timissa", "--at", "08:40", "--seat", "rapporteur"])
        try ok(["check-in", "rep-unicef", "--at", "08:45", "--seat", "rapporteur"])
        // A walk-in of the civil society, checked in on registration, with a name.
        let w = try Bin.run([
            "do", dir, "walk-in", "Présidente de la CAFO de Tominian", "--sex", "F", "--category", "société civile",
            "--name", "Nom Prénom", "--id", "cafo-tominian", "--at", "09:05", "--seat", "rapporteur",
        ])
        #expect(w.status == 0, "\(w.stderr)")
        #expect(w.stdout.contains("participantAdded") && w.stdout.contains("participantCheckedIn"), "\(w.stdout)")
        let bad = try Bin.run(["do", dir, "walk-in", "Invité", "--category", "presse"])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("Catégorie « presse »"), "\(bad.stderr)")
        // The mayor leaves before lunch (12:00–13:30 in the programme), UNICEF after it.
        try ok(["check-out", "maire-timissa", "--at", "11:15", "--seat", "rapporteur"])
        try ok(["check-out", "rep-unicef", "--at", "15:40"])
        let again = try Bin.run(["do", dir, "check-out", "rep-unicef", "--at", "15:41"])
        #expect(again.status != 0)
        #expect(again.stderr.contains("déjà enregistré à 15:40"), "\(again.stderr)")
        try ok(["end-day", "--at", "17:30"])

        let fr = try rows(dir + "/out/attendance.csv", ";")
        #expect(
            fr[0].suffix(5) == ["Arrivée (HH:MM)", "Départ (HH:MM)", "Matin", "Après-midi", "Demi-journées"])
        func row(_ rows: [[String]], _ id: String) -> [String] { rows.first { $0.count > 2 && $0[2] == id } ?? [] }
        #expect(row(fr, "maire-timissa").suffix(5) == ["08:40", "11:15", "1", "0", "1"])
        #expect(row(fr, "rep-unicef").suffix(5) == ["08:45", "15:40", "1", "1", "2"])
        #expect(row(fr, "cafo-tominian").suffix(5) == ["09:05", "", "1", "1", "2"])

        let m = try Bin.run(["minutes", dir, "--lang", "en", "--out", dir + "/en"])
        #expect(m.status == 0, "\(m.stderr)")
        let en = try rows(dir + "/en/attendance.csv", ",")
        #expect(
            en[0].suffix(5) == ["Checked in at (HH:MM)", "Left at (HH:MM)", "Morning", "Afternoon", "Half days"])
        #expect(row(en, "maire-timissa").suffix(5) == ["08:40", "11:15", "1", "0", "1"])

        // The departure is undone like a check-in: the row loses its departure and gains the afternoon.
        let log = try Bin.run(["log", dir])
        let seq = try #require(
            log.stdout.split(separator: "\n").first {
                $0.contains("participantLeft") && $0.contains("Maire de Timissa")
            }
            .flatMap { $0.split(separator: " ").first }.flatMap { Int($0.dropFirst()) })
        try ok(["undo", String(seq), "--seat", "rapporteur"])
        let after = try rows(dir + "/out/attendance.csv", ";")
        #expect(row(after, "maire-timissa").suffix(5) == ["08:40", "", "1", "1", "2"])
    }
}
