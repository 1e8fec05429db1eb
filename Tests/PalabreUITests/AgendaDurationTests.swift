import Testing

@testable import PalabreUI

/// The agenda's durations: a done item's time rounded to the nearest minute, as timing.csv and the
/// minutes count it (an item run 1 min 50 s is « 2m », not « 1m »).
@Suite("Agenda durations")
struct AgendaDurationTests {
    @Test("Durations round to the nearest minute, seconds under a minute, hours from sixty minutes")
    func durationsRound() {
        #expect(MeetingView.duration(45) == "45s")
        #expect(MeetingView.duration(110) == "2m")
        #expect(MeetingView.duration(89) == "1m")
        #expect(MeetingView.duration(45 * 60) == "45m")
        #expect(MeetingView.duration(90 * 60) == "1h30")
        #expect(MeetingView.duration(119 * 60 + 40) == "2h")
    }
}
