import Foundation
import Testing
@testable import PalabreCore
@testable import PalabreUI

@Suite("Console chrome and dispatch")
struct ConsoleTests {
    @Test func everyMomentOfTheSampleIsReachable() {
        for m in SegouMoments.Moment.allCases {
            let (s, now) = SegouMoments.state(m)
            #expect(s.lastAt.map { $0 <= now } ?? true)
        }
        #expect(SegouMoments.state(.debate).state.queue.map(\.who) == ["sg-koula", "sg-diora", "rep-unicef", "maire-sy"])
    }

    @Test func belowFortyByTwelveAOneLineNoticeEvenAtOneByOne() {
        let (s, now) = SegouMoments.state(.debate)
        var c = Console(language: .fr)
        let small = c.render(state: s, now: now, size: Size(width: 39, height: 30)).grid.lines()
        #expect(small[0].hasPrefix("Fenêtre trop petite"))
        #expect(small.dropFirst().allSatisfy { $0.isEmpty })
        let one = c.render(state: s, now: now, size: Size(width: 1, height: 1)).grid.lines()
        #expect(one.count == 1 && TextWidth.width(of: one[0]) == 1)
        let zero = c.render(state: s, now: now, size: Size(width: 0, height: 0)).grid.lines()
        #expect(zero.isEmpty)
    }

    @Test func tabAndFunctionKeysSwitchScreensAndHelpOpens() {
        let (s, now) = SegouMoments.state(.debate)
        var c = Console(language: .fr)
        _ = c.handle(.tab, state: s, now: now)
        #expect(c.screen == .rapporteur)
        _ = c.handle(.function(5), state: s, now: now)
        #expect(c.screen == .projector)
        _ = c.handle(.backTab, state: s, now: now)
        #expect(c.screen == .balance)
        _ = c.handle(.function(9), state: s, now: now)
        #expect(c.showingHelp)
        let lines = c.render(state: s, now: now, size: Size(width: 80, height: 24)).grid.lines()
        #expect(lines.contains { $0.contains("Aide — touches de l'écran") })
        _ = c.handle(.escape, state: s, now: now)
        #expect(!c.showingHelp)
        _ = c.handle(.ctrl("c"), state: s, now: now)
        #expect(c.quitRequested)
    }

    @Test func everyLabelExistsInBothLanguagesAndEveryBindingHasWords() {
        for b in Keymap.all {
            for lang in Language.allCases {
                let l = Labels(lang)
                #expect(!b.hint(l).hasPrefix("action."), "no hint label for \(b.action)")
                #expect(!b.help(l).hasPrefix("help."), "no help label for \(b.action)")
            }
        }
        // No key is bound twice on one screen.
        for screen in ScreenID.allCases {
            var seen: [Key: String] = [:]
            for b in Keymap.bindings(for: screen) {
                for k in b.keys {
                    #expect(seen[k] == nil || seen[k] == b.action, "\(k) bound to \(seen[k] ?? "") and \(b.action) on \(screen)")
                    seen[k] = seen[k] ?? b.action
                }
            }
        }
    }
}

@Suite("Read-only seats")
struct ReadOnlyConsoleTests {
    @Test func keysThatWouldRecordAreRefusedAtOnceButMovingAroundWorks() {
        let (s, now) = SegouMoments.state(.debate)
        var c = Console(screen: .facilitator, language: .fr, readOnly: true)
        #expect(c.handle(.char("a"), state: s, now: now) == nil)
        #expect(!c.facilitator.isTyping)
        #expect(c.message?.text == "lecture seule")
        #expect(c.handle(.char(" "), state: s, now: now) == nil)
        _ = c.handle(.right, state: s, now: now)
        #expect(c.facilitator.focus == .queue)
        _ = c.handle(.function(2), state: s, now: now)
        #expect(c.screen == .rapporteur)
        _ = c.handle(.char("x"), state: s, now: now)
        #expect(c.rapporteur.editor.text.isEmpty)
        _ = c.handle(.char("q"), state: s, now: now)
        #expect(c.quitRequested)
    }
}
