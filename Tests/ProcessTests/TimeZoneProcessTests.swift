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
