import Foundation
import Testing

@testable import PalabreCore
@testable import PalabreUI

/// B on the facilitator console: a day started on a date other than the programme's asks for a
/// second press; a second day on the date of a day already held is refused, and B once more forces it.
struct StartDayKeyTests {
    @Test func bOnAnotherDateAsksThenTheRefusalOnTheSameDateCanBeForced() {
        var d = ScreenDriver(.facilitator, .before)
        let lt = d.state.local
        // The programme's first day is 17 October 2023; it is the 18th.
        d.now = lt.instant(date: "2023-10-18", minutes: 8 * 60)!
        #expect(d.key(.char("B")) == nil)
        #expect(d.lines(width: 120).joined().contains("B à nouveau pour la commencer (report consigné)"))
        #expect(d.key(.char("B")) == .startDay(date: nil))
        #expect(d.perform(seat: "facilitator") == nil)
        #expect(d.state.plannedDateIfMoved(day: 0) == "2023-10-17")
        // The same day, the day 2 of the programme (18 October, its own date): refused, then forced.
        #expect(d.perform(.endDay, seat: "facilitator") == nil)
        d.now = lt.instant(date: "2023-10-18", minutes: 15 * 60)!
        #expect(d.key(.char("B")) == .startDay(date: nil))
        #expect(d.perform(seat: "facilitator")?.code == "same-date")
        #expect(d.key(.char("B")) == .startDay(date: nil, force: true))
        #expect(d.perform(seat: "facilitator") == nil)
        #expect(d.state.currentDay == 1)
    }
}
