import Foundation
import Testing

@testable import PalabreCore

/// The facts the documents must state as they happened, in French and in English: one test per
/// fact (dates, interest and commitments, study and works money, the agenda as it went,
/// numbering, wording).
struct DocumentFactsTests {
    /// The documents of `state`, by name, as text (CSV byte-order mark dropped).
    static func docs(_ state: SessionState, _ language: Language, now: Instant) -> [String: String] {
        var out: [String: String] = [:]
        for d in Documents.render(state, options: DocumentOptions(language: language, now: now)) {
            var s = String(decoding: d.data, as: UTF8.self)
            if s.hasPrefix("\u{FEFF}") { s.removeFirst() }
            out[d.name] = s
        }
        return out
    }

    // MARK: 1. Dates

    /// Day 1 planned on 17 October, held on the 18th; day 2 planned on the 18th.
    static func postponed() throws -> Harness {
        var h = Harness()
        try h.run(.startDay(date: nil), at: Fixtures.at("2023-10-18", 8, 50))
        try h.run(.checkIn(who: "dg-adr", day: nil), at: Fixtures.at("2023-10-18", 8, 52))
        try h.run(.startItem(id: nil), at: Fixtures.at("2023-10-18", 9, 0))
        try h.run(.endItem, at: Fixtures.at("2023-10-18", 9, 30))
        try h.run(.endDay, at: Fixtures.at("2023-10-18", 12, 0))
        return h
    }

    @Test func aPostponedDayIsDatedByTheDateItWasHeldAndSaysSo() throws {
        var h = try Self.postponed()
        // The dayStarted event records both dates.
        #expect(h.events.contains { $0.payload == .dayStarted(date: "2023-10-17", held: "2023-10-18") })
        #expect(h.state.heldDate(day: 0) == "2023-10-18")
        #expect(h.state.heldDate(day: 1) == "2023-10-18")  // still ahead: the programme's date
        // A second day on the same date is refused unless forced.
        let at = Fixtures.at("2023-10-18", 14, 0)
        #expect(throws: Refusal.self) { try h.state.decide(.startDay(date: nil), at: at) }
        do { _ = try h.state.decide(.startDay(date: nil), at: at) } catch { #expect(error.code == "same-date") }
        let fr = Self.docs(h.state, .fr, now: at), en = Self.docs(h.state, .en, now: at)
        let minutes = fr["minutes.md"]!
        #expect(minutes.contains("**Dates\u{00A0}:** le 18 octobre 2023"))
        #expect(minutes.contains("### Journée 1 — mercredi 18 octobre 2023"))
        #expect(minutes.contains("*Journée reportée du 17 au 18 octobre 2023*"))
        #expect(!minutes.contains("17 octobre"))
        #expect(en["minutes.md"]!.contains("*Day postponed from 17 to 18 October 2023*"))
        #expect(fr["attendance.csv"]!.contains("2023-10-18;dg-adr"))
        #expect(!fr["attendance.csv"]!.contains("2023-10-17"))
        #expect(fr["timing.csv"]!.contains("2023-10-18;ouverture"))
        #expect(!fr["timing.csv"]!.contains("2023-10-17"))

        try h.run(.startDay(date: nil, force: true), at: at)
        #expect(h.state.currentDay == 1)
        // Never a range that runs backwards.
        let later = Self.docs(h.state, .fr, now: at)["minutes.md"]!
        #expect(later.contains("**Dates\u{00A0}:** le 18 octobre 2023"))
    }

    @Test func oldJournalsWithoutTheHeldDateStillRead() throws {
        let line =
            #"{"seq":1,"at":"2023-10-18T08:50:00.000+00:00","seat":"facilitator","type":"dayStarted","date":"2023-10-17"}"#
        let e = try JSONDecoder().decode(Event.self, from: Data(line.utf8))
        #expect(e.payload == .dayStarted(date: "2023-10-17", held: nil))
        let s = SessionState.fold(Fixtures.programme, [e])
        #expect(s.heldDate(day: 0) == "2023-10-18")
        #expect(s.plannedDateIfMoved(day: 0) == "2023-10-17")
    }
}
