import Foundation
import Testing

@testable import PalabreCore

/// `palabre do` in a time zone with summer time: each timestamp with its own date's offset.
@Suite("Summer time in the journal")
struct TimeZoneProcessTests {
    @Test func startDayAtASummerTimeIsWrittenWithThatDatesOffset() throws {
        let dir = try Bin.session()
        let path = dir + "/programme.yaml"
        let yaml = try String(contentsOfFile: path, encoding: .utf8)
            .replacingOccurrences(of: "timezone: Africa/Bamako", with: "timezone: Europe/Paris")
            .replacingOccurrences(of: "date: 2026-12-01", with: "date: 2026-10-24")
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        let start = try Bin.run(["do", dir, "start-day", "--at", "2026-10-24 16:55"])
        #expect(start.status == 0, "\(start.stderr)")
        // The next morning, after the change back to winter time, in the same journal.
        let item = try Bin.run(["do", dir, "start-item", "--at", "2026-10-25 09:00"])
        #expect(item.status == 0, "\(item.stderr)")
        let journal = try String(contentsOfFile: dir + "/journal.jsonl", encoding: .utf8)
        #expect(journal.contains("\"at\":\"2026-10-24T16:55:00.000+02:00\""), "\(journal)")
        #expect(journal.contains("\"at\":\"2026-10-25T09:00:00.000+01:00\""), "\(journal)")
    }
}

/// `--at HH:MM` on a day held on another date than the programme's: the time is on the date the
/// day is held, and the events after it keep their own clock.
@Suite("A time alone on a day held on another date")
struct HeldDateClockProcessTests {
    @Test("A day of 2027 held today: --at 00:02 is today at 00:02, and a note without --at is stamped now")
    func timeOnTheHeldDate() throws {
        let dir = try Bin.session(copying: "council-2027")
        // Today in the programme's time zone (Europe/London).
        let format = DateFormatter()
        format.dateFormat = "yyyy-MM-dd"
        format.timeZone = TimeZone(identifier: "Europe/London")
        format.locale = Locale(identifier: "en_US_POSIX")
        let today = format.string(from: Date())
        for verb in [["start-day", "--at", "\(today) 00:01"], ["start-item", "--at", "\(today) 00:01"]] {
            let r = try Bin.run(["do", dir, "--no-documents"] + verb)
            #expect(r.status == 0, "\(verb): \(r.stderr)")
        }
        let early = try Bin.run(["do", dir, "--no-documents", "note", "early", "--at", "00:02"])
        #expect(early.status == 0, "\(early.stderr)")
        let later = try Bin.run(["do", dir, "--no-documents", "note", "later"])
        #expect(later.status == 0, "\(later.stderr)")
        let lines = try String(contentsOfFile: dir + "/journal.jsonl", encoding: .utf8).split(separator: "\n")
        let notes = lines.filter { $0.contains("entryRecorded") }
        #expect(notes.count == 2)
        #expect(notes.first?.contains("\"at\":\"\(today)T00:02:00") == true, "the note at 00:02 is on today's date")
        #expect(notes.last?.contains("\"at\":\"\(today)T00:02:00") == false, "the next note keeps its own time")
        #expect(!lines.contains { $0.contains("\"at\":\"2027-") }, "nothing stamped on the programme's date")
    }
}
