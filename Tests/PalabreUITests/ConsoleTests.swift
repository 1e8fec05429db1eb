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
        #expect(
            SegouMoments.state(.debate).state.queue.map(\.who) == ["sg-koula", "sg-diora", "rep-unicef", "maire-sy"])
    }

    @Test func belowFortyByTwelveANoticeThatFitsTheWidthItHasEvenAtOneByOne() {
        let (s, now) = SegouMoments.state(.debate)
        var c = Console(language: .fr)
        let small = c.render(state: s, now: now, size: Size(width: 39, height: 30)).grid.lines()
        let said = small.filter { !$0.isEmpty }
        #expect(said.joined(separator: " ") == "Fenêtre trop petite : agrandir à 40×12 au moins (39×30)")
        #expect(small.prefix(said.count).allSatisfy { !$0.isEmpty }, "the notice is on the first rows")
        let narrow = c.render(state: s, now: now, size: Size(width: 20, height: 2)).grid.lines()
        #expect(narrow == ["Trop petit\u{00A0}: 40×12", ""])
        let one = c.render(state: s, now: now, size: Size(width: 1, height: 1)).grid.lines()
        #expect(one.count == 1 && TextWidth.width(of: one[0]) == 1)
        let zero = c.render(state: s, now: now, size: Size(width: 0, height: 0)).grid.lines()
        #expect(zero.isEmpty)
    }

    @Test func aLongRefusalWrapsOnTwoLinesAndGoesWithEscOrAnotherScreen() {
        let (s, now) = SegouMoments.state(.debate)
        var c = Console(language: .fr)
        let long = Refusal(
            .itemStillUnderWay(item: "Échanges sur les programmes des partenaires et de l'État", paused: false))
        c.wasRefused(long, state: s, now: now)
        let lines = c.render(state: s, now: now, size: Size(width: 80, height: 24)).grid.lines()
        Snapshot.check(lines, "facilitator-debate-long-refusal-80x24")
        #expect(lines[1].contains("Jour 1 ·"), "the layout does not change under the message")
        #expect(!lines[22].hasPrefix(" :"), "« : » never starts a line")
        #expect(lines[21].hasPrefix(" Refusé : « Échanges"), "\(lines[21])")
        #expect(lines[22].hasSuffix("d'abord."), "the end of the refusal is on the second line: \(lines[22])")
        #expect(lines[23].contains("Aide"), "the hints stay on the last line")
        _ = c.handle(.escape, state: s, now: now)
        #expect(c.message == nil, "Esc clears what no longer applies")
        c.wasRefused(long, state: s, now: now)
        _ = c.handle(.function(2), state: s, now: now)
        #expect(c.message == nil, "another screen clears it too")
        _ = c.handle(.function(1), state: s, now: now)
        c.wasRefused(long, state: s, now: now)
        _ = c.handle(.char("a"), state: s, now: now)
        #expect(c.message == nil, "and so does a new prompt")
        let short = c.render(state: s, now: now, size: Size(width: 80, height: 24)).grid.lines()
        #expect(!short.joined().contains("Refusé"))
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
            var seen: [Key: Action] = [:]
            for b in Keymap.bindings(for: screen) {
                for k in b.keys {
                    #expect(
                        seen[k] == nil || seen[k] == b.action,
                        "\(k) bound to \(String(describing: seen[k])) and \(b.action) on \(screen)")
                    seen[k] = seen[k] ?? b.action
                }
            }
        }
    }

    @Test("One table: every action has keys, and no printable key acts while a text field has the focus")
    func oneTable() {
        let bound = Set(Keymap.all.map(\.action))
        for a in Action.allCases { #expect(bound.contains(a), "\(a) has no key in the table") }
        for b in Keymap.all where b.whileTyping {
            for k in b.keys {
                if case .char = k { Issue.record("\(b.action) acts on \(k) while typing") }
            }
        }
        // Every F-key action has a second key for keyboards without F-keys (F1–F5/F11 are also Tab).
        for b in Keymap.all
        where b.keys.contains(where: {
            if case .function = $0 { return true }; return false
        }) {
            if b.scope == .everywhere && b.action.id.hasPrefix("screen.") { continue }
            #expect(b.keys.count >= 2, "\(b.action) has only an F-key")
        }
        // palabre keys --json lists the one table, replay included.
        let rows =
            (try? JSONSerialization.jsonObject(with: Data(Keymap.json(Labels(.en)).utf8))) as? [[String: Any]] ?? []
        #expect(rows.count == Keymap.all.count)
        #expect(rows.contains { $0["screen"] as? String == "replay" && $0["action"] as? String == "replay.play-pause" })
        #expect(
            rows.contains { $0["action"] as? String == "day.end" && $0["guard"] as? String == "confirms, undoable" })
        #expect(!Keymap.json(Labels(.en)).contains("Entrée"))
    }
}

@Suite("Read-only seats")
struct ReadOnlyConsoleTests {
    /// The facilitator screen of `state` at `now`, read-only or not, at 100×30 and at 60×20 (the
    /// compact layout), as text.
    static func facilitatorText(_ state: SessionState, _ now: Instant, _ language: Language, readOnly: Bool) -> String {
        [Size(width: 100, height: 30), Size(width: 60, height: 20)].map { size in
            var c = Console(screen: .facilitator, language: language, readOnly: readOnly)
            return c.render(state: state, now: now, size: size).grid.lines().joined(separator: "\n")
        }.joined(separator: "\n")
    }

    @Test(
        "F1 of a read-only seat says what is without the keys to act: the next day, an empty queue, no item left, a session to close",
        arguments: [Language.fr, .en])
    func noHintToAct(language: Language) throws {
        let L = Labels(language)
        let acting: [UILabel] = [.facPressB, .facStartWith, .facQueueNone, .facDayOver, .facCloseHint]
        // Before the first day; between two items; the day's items all done; every day ended.
        func apply(_ s: inout SessionState, _ c: Command, _ at: Instant) throws {
            for p in try s.decide(c, at: at) {
                s.evolve(Event(seq: s.lastSeq + 1, at: at, seat: "facilitator", payload: p))
            }
        }
        func skipTheRest(_ s: inout SessionState, _ at: Instant) throws {
            while let d = s.currentDay, let next = s.timings(day: d, at: at).first(where: { $0.status == .planned }) {
                try apply(&s, .skipItem(id: next.item.id), at)
            }
        }
        let (before, beforeNow) = SegouMoments.state(.before)
        var (between, at) = SegouMoments.state(.pitch)
        if between.currentTurn != nil { try apply(&between, .yieldFloor, at) }
        try apply(&between, .endItem, at)
        let betweenNow = at
        var allDone = between
        try skipTheRest(&allDone, at)
        var ended = allDone
        while !MeetingView.allDaysEnded(ended) {
            at = at.adding(seconds: 60)
            if ended.currentDay != nil {
                try apply(&ended, .endDay, at)
            } else {
                try apply(&ended, .startDay(date: nil, force: true), at)
                try skipTheRest(&ended, at)
            }
        }
        #expect(MeetingView.allDaysEnded(ended))
        let moments = [(before, beforeNow), (between, betweenNow), (allDone, at), (ended, at)]
        var seen: Set<UILabel> = []
        for (state, now) in moments {
            let readOnly = Self.facilitatorText(state, now, language, readOnly: true)
            let live = Self.facilitatorText(state, now, language, readOnly: false)
            for label in acting {
                // The part that names a key or a command (the rest may be what a read-only seat says).
                let words = String(label == .facPressB ? L[label].prefix(14) : L[label].suffix(12))
                #expect(!readOnly.contains(words), "« \(words) » in a read-only seat:\n\(readOnly)")
                if live.contains(words) { seen.insert(label) }
            }
        }
        // Each hint to act was on the screen of a seat that can act, at one of these moments.
        #expect(seen == Set(acting), "\(Set(acting).subtracting(seen))")
        let first = Self.facilitatorText(before, beforeNow, language, readOnly: true)
        #expect(first.contains(L[.facNextDay]))
        // The hint bar keeps help and quit, and no key that would record.
        let bar = try #require(first.split(separator: "\n").first { $0.contains("^C") })
        #expect(!bar.contains(" d ") && !bar.contains(" a ") && !bar.contains(" r "), "\(bar)")
        #expect(Self.facilitatorText(ended, at, language, readOnly: true).contains(String(L[.facCanClose].prefix(18))))
    }

    @Test(
        "Read-only seats show no way to record: no kind prefixes on F2, help listing only keys that look around, F12 with its filters only",
        arguments: [Language.fr, .en])
    func nothingInvitesRecording(language: Language) {
        let (s, now) = SegouMoments.state(.commitments)
        let L = Labels(language)
        let size = Size(width: 100, height: 30)
        func screen(_ key: Key, readOnly: Bool, then more: [Key] = []) -> String {
            var c = Console(screen: .facilitator, language: language, readOnly: readOnly)
            for k in [key] + more { _ = c.handle(k, state: s, now: now) }
            return c.render(state: s, now: now, size: size).grid.lines().joined(separator: "\n")
        }
        // F2: the kinds' prefixes, the kind to record with, the list mode's keys to act.
        let note = L[UILabel.entryKind(.note)] + " ▸"
        #expect(
            screen(.function(2), readOnly: false).contains("/d ")
                && screen(.function(2), readOnly: false).contains(note))
        #expect(
            !screen(.function(2), readOnly: true).contains("/d ")
                && !screen(.function(2), readOnly: true).contains(note))
        #expect(screen(.function(2), readOnly: false, then: [.up]).contains(L[.rapListLine]))
        let list = screen(.function(2), readOnly: true, then: [.up])
        #expect(!list.contains(L[.rapListLine]) && list.contains(L[.rapListLineReadOnly]), "\(list)")
        // Help on F1, F2, F11, F12: no undo, no key that records, and it says so.
        /// The text inside the help's frame.
        func help(_ text: String) -> String {
            text.split(separator: "\n").filter { $0.contains("│") }.map { line in
                let parts = line.split(separator: "│", omittingEmptySubsequences: false)
                return parts.count >= 3 ? String(parts[1]) : ""
            }.joined(separator: "\n")
        }
        for f in [1, 2, 11, 12] {
            let live = help(screen(.function(f), readOnly: false, then: [.char("?")]))
            let seen = help(screen(.function(f), readOnly: true, then: [.char("?")]))
            if live.contains(L[.helpGlobal]) { #expect(live.contains("u/^Z"), "F\(f)\n\(live)") }
            #expect(seen.contains(L[.helpGlobal]) && !seen.contains("u/^Z"), "F\(f)\n\(seen)")
            // The moment is before the close: F12 is not among the screens yet.
            #expect(!seen.contains("F11 F12"), "F\(f)\n\(seen)")
            #expect(seen.contains(String(L[.rapReadOnly].prefix(20))), "F\(f)\n\(seen)")
            for b in Keymap.bindings(
                in: .screen(f == 1 ? .facilitator : f == 2 ? .rapporteur : f == 11 ? .synergies : .followUp))
            where b.guarding != .none {
                let hint = b.hint(L)
                #expect(!seen.contains(hint), "F\(f): « \(hint) » in a read-only help\n\(seen)")
            }
        }
        // The sentences of the keys a read-only seat keeps name no form, amendment or search.
        let rapporteurHelp = help(screen(.function(2), readOnly: true, then: [.char("?")]))
        for (gone, instead) in [
            (UILabel.helpRapporteurAll, UILabel.helpRapporteurAllReadOnly),
            (.helpRapporteurUp, .helpRapporteurUpReadOnly), (.helpRapporteurDown, .helpRapporteurDownReadOnly),
            (.helpRapporteurCancel, .helpRapporteurCancelReadOnly),
        ] {
            #expect(!rapporteurHelp.contains(L[gone]) && rapporteurHelp.contains(L[instead]), "\(rapporteurHelp)")
        }
        let attendanceHelp = help(screen(.function(3), readOnly: true, then: [.char("?")]))
        #expect(!attendanceHelp.contains(L[.helpAttendanceClear]), "\(attendanceHelp)")
        #expect(
            attendanceHelp.contains(L[.helpAttendanceUpReadOnly]) && !attendanceHelp.contains(L[.helpAttendanceUp]),
            "\(attendanceHelp)")
        // F3 read-only: no search line nor its Esc to clear, and it says why.
        let seenF3 = screen(.function(3), readOnly: true), liveF3 = screen(.function(3), readOnly: false)
        #expect(liveF3.contains(L[.attSearch]) && liveF3.contains(L[.actionAttendanceClear]), "\(liveF3)")
        #expect(!seenF3.contains(L[.attSearch]) && !seenF3.contains(L[.actionAttendanceClear]), "\(seenF3)")
        #expect(seenF3.contains(String(L[.rapReadOnly].prefix(20))), "\(seenF3)")
        let liveAttendance = help(screen(.function(3), readOnly: false, then: [.function(9)]))
        #expect(liveAttendance.contains(L[.helpAttendanceClear]), "\(liveAttendance)")
        // Once the session is closed, F12 is one of the screens the help names.
        var closed = s
        closed.closedAt = now
        var afterClose = Console(screen: .facilitator, language: language, readOnly: true)
        _ = afterClose.handle(.char("?"), state: closed, now: now)
        let named = afterClose.render(state: closed, now: now, size: size).grid.lines().joined(separator: "\n")
        #expect(named.contains("F1–F5 F11 F12 "), "\(named)")
        // F12: the details say the filters, which work.
        let live = screen(.function(12), readOnly: false)
        let seen = screen(.function(12), readOnly: true)
        #expect(live.contains(String(L[.suiviKeys].prefix(12))), "\(live)")
        let readOnlyKeys = L.unitWord(L[.suiviKeysReadOnly], s.programme)
        #expect(!seen.contains(String(L[.suiviKeys].prefix(12))) && seen.contains(readOnlyKeys), "\(seen)")
        #expect(readOnlyKeys.contains("commune") && !readOnlyKeys.contains("%unit"))
        var c = Console(screen: .facilitator, language: language, readOnly: true)
        _ = c.handle(.function(12), state: s, now: now)
        #expect(c.handle(.char("p"), state: s, now: now) == nil)
        #expect(c.message?.text != L[.readonly], "a filter is not refused")
        // F11: its filter and its order only change the view.
        _ = c.handle(.function(11), state: s, now: now)
        for key: Key in [.char("f"), .char("o")] {
            #expect(c.handle(key, state: s, now: now) == nil)
            #expect(c.message?.text != L[.readonly], "\(key) is not refused")
        }
        _ = c.handle(.char("i"), state: s, now: now)
        #expect(c.message?.text == L[.readonly], "declaring an interest is")
    }

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
