import Foundation
import Testing

@testable import PalabreCore
@testable import PalabreUI

@Suite("Projector screen")
struct ProjectorScreenTests {
    @Test(arguments: SegouMoments.Moment.allCases)
    func snapshots80x24(_ moment: SegouMoments.Moment) {
        Snapshot.check(Snapshot.render(.projector, moment, width: 80, height: 24), "projector-\(moment.rawValue)-80x24")
    }

    @Test(arguments: SegouMoments.Moment.allCases)
    func snapshots120x40(_ moment: SegouMoments.Moment) {
        Snapshot.check(
            Snapshot.render(.projector, moment, width: 120, height: 40), "projector-\(moment.rawValue)-120x40")
    }

    @Test(arguments: [SegouMoments.Moment.debate, .pitch])
    func snapshots200x60(_ moment: SegouMoments.Moment) {
        Snapshot.check(
            Snapshot.render(.projector, moment, width: 200, height: 60), "projector-\(moment.rawValue)-200x60")
    }

    @Test(arguments: [SegouMoments.Moment.before, .debate])
    func snapshotsInEnglish(_ moment: SegouMoments.Moment) {
        Snapshot.check(
            Snapshot.render(.projector, moment, width: 80, height: 24, language: .en),
            "projector-\(moment.rawValue)-80x24-en")
        Snapshot.check(
            Snapshot.render(.projector, moment, width: 120, height: 40, language: .en),
            "projector-\(moment.rawValue)-120x40-en")
        Snapshot.check(
            Snapshot.render(.projector, moment, width: 200, height: 60, language: .en),
            "projector-\(moment.rawValue)-200x60-en")
    }

    @Test(arguments: [SegouMoments.Moment.before, .debate, .pitch])
    func compactSnapshots(_ moment: SegouMoments.Moment) {
        Snapshot.check(Snapshot.render(.projector, moment, width: 40, height: 12), "projector-\(moment.rawValue)-40x12")
        Snapshot.check(Snapshot.render(.projector, moment, width: 60, height: 20), "projector-\(moment.rawValue)-60x20")
    }

    /// The debate with `extra` more requests for the floor, `seconds` after its moment.
    static func debate(extra: Int, after seconds: Int = 0) -> (SessionState, Instant) {
        var (s, now) = SegouMoments.state(.debate)
        let waiting = Set(s.queue.map(\.who) + [s.currentTurn?.who].compactMap { $0 })
        let more = SegouMoments.programme.participants.map(\.id).filter { !waiting.contains($0) }.prefix(extra)
        for who in more {
            for p in try! s.decide(.requestFloor(who: who, pointOfOrder: false), at: now) {
                s.evolve(Event(seq: s.lastSeq + 1, at: now, seat: "facilitator", payload: p))
            }
        }
        return (s, now.adding(seconds: seconds))
    }

    @Test func theWallShowsTheTimeOfDayAndAsManyRequestsAsFit() {
        let (s, now) = Self.debate(extra: 8)
        #expect(s.queue.count == 12)
        var c = Console(screen: .projector, language: .fr)
        let big = c.render(state: s, now: now, size: Size(width: 160, height: 50)).grid.lines()
        #expect(big[0].hasSuffix("16:05"), "the time of day, top right: \(big[0])")
        for i in 1...12 { #expect(big.contains { $0.contains(" \(i). ") }, "request \(i) at 160×50") }
        // At 120×40 what does not fit is counted, never silently dropped.
        let mid = c.render(state: s, now: now, size: Size(width: 120, height: 40)).grid.lines()
        let shown = (1...12).filter { i in mid.contains { $0.contains(" \(i). ") } }.count
        #expect(shown >= 3 && shown < 12)
        #expect(mid.contains { $0.contains("+ \(12 - shown) autres") }, "\(shown) shown")
    }

    @Test func snapshotsOfTheCuesAndALongQueue() {
        let (s, now) = SegouMoments.state(.debate)
        let lastMinute = now.adding(seconds: -s.remaining(s.currentItem!, at: now) - 45)
        for (w, h) in [(80, 24), (120, 40)] {
            var c = Console(screen: .projector, language: .fr)
            Snapshot.check(
                c.render(state: s, now: lastMinute, size: Size(width: w, height: h)).grid.lines(),
                "projector-debate-last-minute-\(w)x\(h)")
        }
        let (long, at) = Self.debate(extra: 8)
        var c = Console(screen: .projector, language: .fr)
        Snapshot.check(
            c.render(state: long, now: at, size: Size(width: 160, height: 50)).grid.lines(),
            "projector-debate-long-queue-160x50")
    }

    @Test func theLastMinuteAndTheTimeUpCrossTheWall() {
        // The debate is a few seconds over its time at its moment: a band above the countdown.
        let (s, now) = SegouMoments.state(.debate)
        var c = Console(screen: .projector, language: .fr)
        let over = c.render(state: s, now: now, size: Size(width: 120, height: 40))
        let row = over.grid.lines().firstIndex { $0.contains("T E M P S   É C O U L É") }
        #expect(row != nil)
        if let row { #expect(over.grid.roles(row: row).allSatisfy { $0 == .bannerError }, "across the whole width") }
        let item = s.currentItem!
        let lastMinute = now.adding(seconds: -s.remaining(item, at: now) - 45)
        let soon = c.render(state: s, now: lastMinute, size: Size(width: 120, height: 40)).grid.lines()
        #expect(soon.contains { $0.contains("1   M I N") })
        let earlier = c.render(state: s, now: lastMinute.adding(seconds: -60), size: Size(width: 120, height: 40))
        #expect(!earlier.grid.lines().contains { $0.contains("M I N") }, "no cue before the last minute")
    }

    @Test func everySizeFromFortyByTwelveDrawsTheEssentials() {
        let widths = [40, 41, 52, 60, 79, 80, 81, 100, 119, 120, 160, 200]
        let heights = [12, 13, 16, 20, 23, 24, 25, 31, 40, 60]
        for moment in [SegouMoments.Moment.before, .debate, .pitch] {
            let (s, now) = SegouMoments.state(moment)
            for w in widths {
                for h in heights {
                    for screen in [ScreenID.facilitator, .projector] {
                        var c = Console(screen: screen, language: .fr)
                        let text = c.render(state: s, now: now, size: Size(width: w, height: h)).grid.lines().joined(
                            separator: "\n")
                        switch moment {
                        case .before: #expect(text.contains("Accueil"), "\(screen) \(moment) \(w)×\(h)")
                        case .debate: #expect(text.contains("Représentante du PAM"), "\(screen) \(moment) \(w)×\(h)")
                        default: #expect(text.contains("Maire de Diéli"), "\(screen) \(moment) \(w)×\(h)")
                        }
                    }
                }
            }
        }
    }

    @Test func everyWordOfTheConsolesIsTypedAndExistsInBothLanguages() throws {
        #expect(UILabel.allCases.count > 400)
        for l in UILabel.allCases {
            #expect(!l.pair.fr.isEmpty && !l.pair.en.isEmpty, "\(l)")
        }
        // No word is looked up by a string id any more: a subscript with a string literal or a
        // string built at run time would not compile, and none is left in the sources.
        let dir = SegouMoments.root + "/Sources/PalabreUI/"
        let files = try FileManager.default.subpathsOfDirectory(atPath: dir).filter { $0.hasSuffix(".swift") }
        #expect(files.count >= 20)
        let lookup = try Regex(#"\b(?:L|l|labels)\[\s*"[a-z]"#)
        for f in files {
            let text = try String(contentsOfFile: dir + f, encoding: .utf8)
            #expect(text.matches(of: lookup).isEmpty, "string look-up in \(f)")
        }
    }

    @Test func itTakesNoKeyAndRecordsNothing() {
        var d = Driver(.debate, screen: .projector)
        for k in [Key.char(" "), .char("d"), .char("t"), .enter, .char("a"), .up, .down, .escape] {
            #expect(d.press(k) == nil)
        }
        #expect(!d.console.projector.isTyping)
        #expect(Keymap.bindings(for: .projector).allSatisfy { $0.screen == nil })
    }

    /// Roles of the block-digit cells of the screen.
    static func digitRoles(_ grid: Grid, rows: Range<Int>) -> Set<Role> {
        var roles = Set<Role>()
        for y in rows {
            for x in 0..<grid.width where "█▀▄".contains(grid[x: x, y: y].character) {
                roles.insert(grid[x: x, y: y].role)
            }
        }
        return roles
    }

    @Test func theHugeCountdownChangesRoleAtTwoMinutesAndOverTime() {
        let (s, _) = SegouMoments.state(.opening)
        let end = s.run("d1-ouverture").startedAt!.adding(seconds: s.timeBox("d1-ouverture"))
        func grid(_ now: Instant) -> Grid {
            var c = Console(screen: .projector, language: .fr)
            return c.render(state: s, now: now, size: Size(width: 120, height: 40)).grid
        }
        // Rows 8–22 hold the countdown at 120×40 (three times the large digits); the speaker's
        // own countdown, without a limit here, is below.
        #expect(Self.digitRoles(grid(end.adding(seconds: -121)), rows: 8..<23) == [.timerOK])
        #expect(Self.digitRoles(grid(end.adding(seconds: -120)), rows: 8..<23) == [.timerWarn])
        let over = grid(end.adding(seconds: 1))
        #expect(Self.digitRoles(over, rows: 8..<23) == [.timerOver])
        #expect(over.lines().contains { $0.contains("T E M P S   É C O U L É") })
        // The size does not jump when the « + » appears.
        #expect(
            grid(end.adding(seconds: -1)).lines()[8...22].map { $0.isEmpty } == over.lines()[8...22].map { $0.isEmpty })
    }

    @Test func theCountdownIsAsLargeAsTheScreenAllows() {
        let (s, now) = SegouMoments.state(.commitments)
        var c = Console(screen: .projector, language: .fr)
        let big = c.render(state: s, now: now, size: Size(width: 120, height: 40)).grid.lines()
        #expect(big.filter { $0.contains("██████████████████") }.count >= 9)  // 3 × the large font
        let medium = c.render(state: s, now: now, size: Size(width: 80, height: 24)).grid.lines()
        #expect(medium.filter { $0.contains("████████████") }.count >= 6)  // 2 × the large font
    }

    @Test func itShowsTheSpeakerTheQueueAndWhatComesNext() {
        let (s, now) = SegouMoments.state(.debate)
        var c = Console(screen: .projector, language: .fr)
        let text = c.render(state: s, now: now, size: Size(width: 120, height: 40)).grid.lines().joined(separator: "\n")
        #expect(text.contains("Échanges sur les programmes des partenaires"))
        #expect(text.contains("Représentante du PAM"))
        #expect(text.contains("1. motion d'ordre · SG de Koula (Koula)"))
        #expect(text.contains("2. SG de Diora (Diora)"))
        #expect(text.contains("3. Représentant de l'UNICEF (UNICEF)"))
        #expect(text.contains("4. Maire de Sy (Sy)"), "every request that fits, not three")
        #expect(text.contains("16:05  Synthèse de la journée"))
    }

    @Test func beforeTheDayItShowsTheMeetingTheDayAndTheNextItem() {
        let (s, now) = SegouMoments.state(.before)
        var c = Console(screen: .projector, language: .fr)
        for size in [Size(width: 120, height: 40), Size(width: 80, height: 24), Size(width: 40, height: 12)] {
            let text = c.render(state: s, now: now, size: size).grid.lines().joined(separator: " ")
            #expect(text.contains("Table ronde des partenaires"), "\(size)")
            #expect(text.contains("Jour 1 · mardi 17 octobre 2023"), "\(size)")
            #expect(text.contains("Accueil et enregistrement"), "\(size)")
        }
        let small = c.render(state: s, now: now, size: Size(width: 40, height: 12)).grid.lines()
        #expect(small.contains { $0.contains("Prochain point, vers 08:30") })
    }
}
