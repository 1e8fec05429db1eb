import Foundation
import Testing

@testable import PalabreCore
@testable import PalabreUI

@Suite("Speaking balance screen")
struct BalanceScreenTests {
    static let d1 = "2023-10-17", d2 = "2023-10-18"
    static func at(_ date: String, _ h: Int, _ m: Int, _ s: Int = 0) -> Instant { SegouMoments.at(date, h, m, s) }

    /// Day 1: five people present (two women); the Représentante du PAM speaks 2:00, the
    /// Représentant de l'ANICT 5:00, UNICEF as an organisation 1:00, then the Maire de Diéli
    /// from 08:40, with a 30 s pause of the item: 2:30 at 08:43. Day 2 (when `day2`): the
    /// Governor's representative speaks 1:00; two people present, no woman.
    static func state(day2: Bool) -> (SessionState, Instant) {
        var s = SessionState(programme: SegouMoments.programme)
        func run(_ c: Command, _ t: Instant) {
            do {
                for p in try s.decide(c, at: t) {
                    s.evolve(Event(seq: s.lastSeq + 1, at: t, seat: "facilitator", payload: p))
                }
            } catch { Issue.record("\(c) refused: \(error)") }
        }
        run(.startDay(date: nil), at(d1, 8, 0))
        for p in ["se-nef", "rep-pam", "rep-anict", "maire-dieli", "gouverneur"] {
            run(.checkIn(who: p, day: nil), at(d1, 8, 10))
        }
        run(.startItem(id: "d1-accueil"), at(d1, 8, 30))
        run(.giveFloor(who: "rep-pam"), at(d1, 8, 30))
        run(.giveFloor(who: "rep-anict"), at(d1, 8, 32))
        run(.giveFloor(who: "unicef"), at(d1, 8, 37))
        run(.yieldFloor, at(d1, 8, 38))
        run(.giveFloor(who: "maire-dieli"), at(d1, 8, 40))
        run(.pauseItem, at(d1, 8, 41))
        run(.resumeItem, at(d1, 8, 41, 30))
        if !day2 { return (s, at(d1, 8, 43)) }
        run(.yieldFloor, at(d1, 8, 44))
        run(.endItem, at(d1, 8, 45))
        run(.endDay, at(d1, 17, 0))
        run(.startDay(date: nil), at(d2, 8, 0))
        for p in ["gouverneur", "rep-oms"] { run(.checkIn(who: p, day: nil), at(d2, 8, 10)) }
        run(.startItem(id: "d2-rappel"), at(d2, 8, 30))
        run(.giveFloor(who: "gouverneur"), at(d2, 8, 35))
        run(.yieldFloor, at(d2, 8, 36))
        return (s, at(d2, 8, 40))
    }

    static func rows(_ r: [SpeakingBalance.Row]) -> [String] { r.map { "\($0.key) \($0.ms / 1000)s \($0.turns)" } }

    @Test func figuresOfTheDayCountTheTurnUnderWayWithoutPauses() {
        let (s, now) = Self.state(day2: false)
        let b = SpeakingBalance(s, day: 0, now: now)
        #expect(b.totalMs == 630_000)
        #expect(b.turns == 4)
        #expect(Self.rows(b.byCategory) == ["partner 480s 3", "commune 150s 1", "organiser 0s 0", "other 0s 0"])
        #expect(Self.rows(b.bySex) == ["F 120s 1", "M 450s 2", "unspecified 60s 1"])
        #expect(Self.rows(b.byOrganisation) == ["anict 300s 1", "dieli 150s 1", "pam 120s 1", "unicef 60s 1"])
        #expect(b.present == 5 && b.womenPresent == 2)
        #expect(b.womenTimePercent == 19)  // 120 / 630 = 19.05 %
        #expect(b.womenPresentPercent == 40)
        #expect(
            BalanceScreen.womenText(b, labels: Labels(.fr)) == "Femmes : 19\u{00A0}% du temps de parole · "
                + "40\u{00A0}% des présents")
        #expect(BalanceScreen.womenText(b, labels: Labels(.en)) == "Women: 19% of speaking time · 40% of those present")
        // A minute later the current turn has grown by a minute.
        let later = SpeakingBalance(s, day: 0, now: now.adding(seconds: 60))
        #expect(later.totalMs == 690_000)
        #expect(Self.rows(later.byOrganisation).first == "anict 300s 1")
        #expect(Self.rows(later.byOrganisation)[1] == "dieli 210s 1")
    }

    @Test func theDayAndTheSessionAreCountedApart() {
        let (s, now) = Self.state(day2: true)
        let day = SpeakingBalance(s, day: 1, now: now)
        #expect(day.totalMs == 60_000 && day.turns == 1)
        // A category present that has not spoken is listed with no time, so presence adds up.
        #expect(Self.rows(day.byCategory) == ["partner 0s 0", "other 60s 1"])
        #expect(Self.rows(day.byOrganisation) == ["gouverneur 60s 1"])
        #expect(day.present == 2 && day.womenPresent == 0)
        #expect(day.womenTimePercent == 0 && day.womenPresentPercent == 0)
        let first = SpeakingBalance(s, day: 0, now: now)
        #expect(first.totalMs == 690_000 && first.turns == 4)
        let session = SpeakingBalance(s, day: nil, now: now)
        #expect(session.totalMs == 750_000 && session.turns == 5)
        #expect(Self.rows(session.byCategory) == ["partner 480s 3", "commune 210s 1", "organiser 0s 0", "other 60s 1"])
        #expect(Self.rows(session.bySex) == ["F 120s 1", "M 570s 3", "unspecified 60s 1"])
        #expect(session.present == 6 && session.womenPresent == 2)
        #expect(session.womenTimePercent == 16)  // 120 / 750
        #expect(session.womenPresentPercent == 33)
    }

    @Test func theScreenShowsTheFiguresAndSTogglesTheScope() {
        let (s, now) = Self.state(day2: true)
        var d = ScreenDriver(.balance, state: s, now: now)
        var lines = d.lines()
        #expect(lines[1].hasPrefix(" Jour 2 · 18 octobre 2023 [s : toute la session]"))
        #expect(lines[1].hasSuffix("1:00 · 1 tour de parole"))
        #expect(lines[2] == " Femmes : 0\u{00A0}% du temps de parole · 0\u{00A0}% des présents")
        #expect(lines.contains { $0.hasPrefix(" Autres") && $0.contains("1:00") && $0.contains("100\u{00A0}%") })
        d.key(.char("s"))
        #expect(d.console.balance.wholeSession)
        lines = d.lines()
        #expect(lines[1].hasPrefix(" Toute la session [s : journée]"))
        #expect(lines[1].hasSuffix("12:30 · 5 tours de parole"))
        #expect(lines[2] == " Femmes : 16\u{00A0}% du temps de parole · 33\u{00A0}% des présents")
        let partner = try! #require(lines.first { $0.hasPrefix(" PTF") })
        // 480 s of 750: 64 % of the time, for 3 partners among 6 people present: 50 %; a bar of
        // 64 % of the bar width.
        #expect(partner.contains("8:00      3  64\u{00A0}%      50\u{00A0}%"))
        let barWidth = 80 - 1 - 20 - 8 - 7 - 6 - 10 - 2
        #expect(partner.hasSuffix(barText(0.64, width: barWidth)))
        #expect(lines.contains { $0.hasPrefix(" ANICT") && $0.contains("5:00") && $0.contains("40\u{00A0}%") })
        d.key(.char(" "))
        #expect(!d.console.balance.wholeSession)
    }

    @Test(
        "One F4 kept across the recorded meeting shows what a new one shows: its tally of finished turns is counted again after every event, a programme edit and the other scope"
    )
    func keptTallyFollowsTheState() throws {
        let (p, events) = SegouMoments.recordedMeeting
        var s = SessionState(programme: p)
        var kept = Console(screen: .balance, language: .fr)
        let size = Size(width: 100, height: 30)
        var compared = 0
        for (k, e) in events.enumerated() {
            s.evolve(e)
            guard k % 7 == 0 || k == events.count - 1 else { continue }
            for now in [e.at, e.at.adding(seconds: 95)] {
                for whole in [false, true] {
                    if kept.balance.wholeSession != whole { _ = kept.handle(.char("s"), state: s, now: now) }
                    var fresh = Console(screen: .balance, language: .fr)
                    if whole { _ = fresh.handle(.char("s"), state: s, now: now) }
                    let a = kept.render(state: s, now: now, size: size).grid.lines()
                    let b = fresh.render(state: s, now: now, size: size).grid.lines()
                    #expect(a == b, "event \(e.seq), whole session \(whole)")
                    compared += 1
                }
            }
        }
        #expect(compared > 150)
        // The programme edited during the meeting (same events, no new seq): an organisation's
        // speakers counted under their new category at once.
        var edited = p
        let org = try #require(edited.organisations.firstIndex { $0.type == .partner })
        edited.organisations[org].type = .stateService
        let refolded = s.refolded(with: edited)
        #expect(refolded.lastSeq == s.lastSeq)
        let now = events.last!.at
        let before = kept.render(state: s, now: now, size: size).grid.lines()
        let after = kept.render(state: refolded, now: now, size: size).grid.lines()
        var fresh = Console(screen: .balance, language: .fr)
        if kept.balance.wholeSession { _ = fresh.handle(.char("s"), state: refolded, now: now) }
        #expect(after == fresh.render(state: refolded, now: now, size: size).grid.lines())
        #expect(after != before)
    }

    @Test("A turn ended, undone, and another ended in its place: as many finished turns as before, other figures")
    func keptTallyAfterAnUndo() {
        var (s, now) = Self.state(day2: false)
        func run(_ c: Command) {
            do {
                for p in try s.decide(c, at: now) {
                    s.evolve(Event(seq: s.lastSeq + 1, at: now, seat: "facilitator", payload: p))
                }
            } catch { Issue.record("\(c) refused: \(error)") }
        }
        var kept = Console(screen: .balance, language: .fr)
        let size = Size(width: 100, height: 30)
        func same() -> [String] {
            let a = kept.render(state: s, now: now, size: size).grid.lines()
            let b = Console(screen: .balance, language: .fr).render(state: s, now: now, size: size).grid.lines()
            #expect(a == b, "\(a.joined(separator: "\n"))\n---\n\(b.joined(separator: "\n"))")
            return a
        }
        run(.yieldFloor)
        let turns = s.turns.count
        let first = same()
        // Undone and ended again a minute later: the same number of finished turns.
        run(.undo(seq: nil))
        now = now.adding(seconds: 60)
        run(.yieldFloor)
        #expect(s.turns.count == turns)
        #expect(same() != first)
    }

    @Test(
        "A programme with a unit (a ward, a budget line) names the communes' category by it, in F3 and F4 and F12's keys"
    )
    func unitNamesTheCommunesCategory() throws {
        var p = SegouMoments.programme
        p.unitLabel = "Ward"
        let l = Labels(.en)
        #expect(Category.name("commune", l, p) == "Ward")
        #expect(Category.name("partner", l, p) == Category.name("partner", l, SegouMoments.programme))
        p.categoryNames["commune"] = "Wards of the borough"
        #expect(Category.name("commune", l, p) == "Wards of the borough")
        p.unitLabel = "Ward"
        p.categoryNames = [:]
        #expect(l.unitWord(l[.suiviKeys], p).contains("filter by partner, ward, responsible"))
    }

    @Test func theTurnUnderWayIsShownAndCounted() {
        let (s, now) = Self.state(day2: false)
        var d = ScreenDriver(.balance, state: s, now: now)
        let lines = d.lines()
        #expect(lines[3] == " Parle en ce moment : Maire de Diéli · 2:30")
        #expect(lines[1].hasSuffix("10:30 · 4 tours de parole"))
    }

    @Test func barsAndClocks() {
        #expect(barText(0.5, width: 10) == "█████")
        #expect(barText(1, width: 4) == "████")
        #expect(barText(0.0625, width: 10) == "▋")
        #expect(barText(0.001, width: 10) == "▏")
        #expect(barText(0, width: 10) == "")
        #expect(speakingClock(0) == "0:00")
        #expect(speakingClock(75) == "1:15")
        #expect(speakingClock(3600 + 62) == "1:01:02")
        #expect(SpeakingBalance.percent(1, 3) == 33)
        #expect(SpeakingBalance.percent(1, 2) == 50)
        #expect(SpeakingBalance.percent(1, 0) == nil)
    }

    @Test func snapshots() {
        Snapshot.check(Snapshot.render(.balance, .before, width: 80, height: 24), "balance-before-80x24")
        Snapshot.check(Snapshot.render(.balance, .debate, width: 80, height: 24), "balance-debate-80x24")
        Snapshot.check(
            Snapshot.render(.balance, .debate, width: 120, height: 40, language: .en), "balance-debate-120x40-en")
        Snapshot.check(
            Snapshot.render(.balance, .commitments, width: 120, height: 40) { $0.balance.wholeSession = true },
            "balance-commitments-session-120x40")
        Snapshot.check(Snapshot.render(.balance, .debate, width: 40, height: 12), "balance-debate-40x12")
        Snapshot.check(Snapshot.render(.balance, .debate, width: 60, height: 20), "balance-debate-60x20")
        // Every size in both languages (80×24, 120×40, 200×60).
        Snapshot.check(
            Snapshot.render(.balance, .debate, width: 80, height: 24, language: .en), "balance-debate-80x24-en")
        Snapshot.check(Snapshot.render(.balance, .debate, width: 120, height: 40), "balance-debate-120x40")
        Snapshot.check(Snapshot.render(.balance, .debate, width: 200, height: 60), "balance-debate-200x60")
        Snapshot.check(
            Snapshot.render(.balance, .debate, width: 200, height: 60, language: .en), "balance-debate-200x60-en")
        let (s, now) = Self.state(day2: false)
        var d = ScreenDriver(.balance, state: s, now: now)
        Snapshot.check(d.lines(), "balance-known-80x24")
    }
}
