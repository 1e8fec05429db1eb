import Foundation
import Testing

@testable import PalabreCore
@testable import PalabreUI

/// The help frame (`?`, F9) of every screen and of replay, at 40×12 and larger: every sentence
/// whole (wrapped, never cut with …) and every row reachable by scrolling.
@Suite("Help frame")
struct HelpPanelTests {
    /// The rows inside the help frame of `grid` (title row `┌─ title`), and whether rows lie below.
    static func frame(_ grid: Grid, title: String) -> (rows: [String], more: Bool)? {
        let lines = grid.lines().map { Array($0) }
        guard let top = lines.firstIndex(where: { String($0).contains("┌─ " + title) }),
            let left = lines[top].firstIndex(of: "┌"),
            let right = lines[top].lastIndex(of: "┐")
        else { return nil }
        var rows: [String] = []
        for line in lines[(top + 1)...] {
            if line.count > left, line[left] == "└" {
                return (rows, String(line[left...right]).contains("↓ +"))
            }
            guard line.count > right else { return nil }
            var inner = String(line[(left + 1)..<right])
            if rows.isEmpty, inner.hasSuffix("▲") { inner = String(inner.dropLast()) + " " }
            rows.append(inner)
        }
        return nil
    }

    /// Every row of the help, read frame by frame while `down` scrolls it one row at a time.
    static func readAll(title: String, render: () -> Grid, down: () -> Void) -> [String]? {
        guard var f = frame(render(), title: title) else { return nil }
        var all = f.rows
        var steps = 0
        while f.more, steps < 200 {
            down()
            guard let next = frame(render(), title: title) else { return nil }
            // One row further: the new row is the last one.
            all.append(next.rows.last ?? "")
            f = next
            steps += 1
        }
        return all
    }

    /// Whether a row ends with « … »: cut to fit rather than wrapped.
    static func cut(_ row: String) -> Bool {
        row.split(separator: " ", omittingEmptySubsequences: true).last?.hasSuffix("…") == true
    }

    /// A console on `screen` at `size` with its help open (F9).
    static func helpOpen(
        _ screen: ScreenID, _ language: Language, readOnly: Bool = false, size: Size, _ s: SessionState, _ now: Instant
    ) -> Console {
        var c = Console(screen: screen, language: language, readOnly: readOnly)
        _ = c.update(.resized(size), state: s, now: now)
        _ = c.handle(.function(9), state: s, now: now)
        return c
    }

    /// Every row of `c`'s help, read with ↓ (its title: the full one, or the short one where it
    /// does not fit, both begin alike).
    static func readAll(_ c: inout Console, size: Size, _ s: SessionState, _ now: Instant) -> [String]? {
        var console = c
        defer { c = console }
        return readAll(
            title: Labels(c.labels.language)[.helpTitleShort],
            render: { console.render(state: s, now: now, size: size).grid },
            down: { _ = console.handle(.down, state: s, now: now) })
    }

    /// `text` with its no-break spaces made spaces and its runs of spaces made one, for comparing wrapped text with sentences.
    static func squeezed(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{00A0}", with: " ").split(separator: " ", omittingEmptySubsequences: true)
            .joined(separator: " ")
    }

    @Test(
        "Every screen's help, live and read-only, at 40×12, 80×24 and 120×40: every sentence whole, every row reachable",
        arguments: [Language.fr, .en])
    func consoleHelpIsWholeAtAnySize(language: Language) throws {
        let (s, now) = SegouMoments.state(.commitments)
        let L = Labels(language)
        for size in [Size(width: 40, height: 12), Size(width: 80, height: 24), Size(width: 120, height: 40)] {
            for screen in ScreenID.allCases {
                for readOnly in [false, true] {
                    var c = Self.helpOpen(screen, language, readOnly: readOnly, size: size, s, now)
                    let rows = try #require(Self.readAll(&c, size: size, s, now), "\(screen) \(size)")
                    let text = Self.squeezed(rows.joined(separator: " "))
                    #expect(
                        !rows.contains { Self.cut($0) }, "\(screen) \(size) readOnly \(readOnly): a row cut\n\(rows)")
                    let bindings = Keymap.bindings(in: .screen(screen)).filter {
                        !readOnly || $0.keys.contains { Console.lookingKey($0, screen: screen) }
                    }
                    for b in bindings {
                        if readOnly, case .notListed = UILabel.readOnlyHelp(b.action) { continue }
                        let sentence = Self.squeezed(b.help(L, readOnly: readOnly))
                        #expect(text.contains(sentence), "\(screen) \(size): « \(sentence) » not whole\n\(rows)")
                    }
                    #expect(text.contains(Self.squeezed(L[.helpGlobal] + L.colon)), "\(screen) \(size)\n\(rows)")
                    #expect(
                        text.contains(Self.squeezed(L[.actionQuit].lowercased())), "\(screen) \(size)\n\(rows)")
                    if readOnly { #expect(text.contains(Self.squeezed(L[.rapReadOnly])), "\(screen) \(size)") }
                }
            }
        }
    }

    @Test(
        "PgDn turns a frame's height: every row is seen, none twice; ▲ keeps a column of its own",
        arguments: [Language.fr, .en])
    func pagingSkipsNothing(language: Language) throws {
        let (s, now) = SegouMoments.state(.commitments)
        let L = Labels(language)
        let size = Size(width: 40, height: 12)
        for screen in [ScreenID.facilitator, .rapporteur, .synergies] {
            var c = Self.helpOpen(screen, language, size: size, s, now)
            let title = L[.helpTitleShort]
            let all = try #require(Self.readAll(&c, size: size, s, now))
            // Back to the top, then page by page.
            for _ in 0..<all.count { _ = c.handle(.up, state: s, now: now) }
            var paged: [String] = []
            var f = try #require(Self.frame(c.render(state: s, now: now, size: size).grid, title: title))
            paged += f.rows
            while f.more {
                _ = c.handle(.pageDown, state: s, now: now)
                let grid = c.render(state: s, now: now, size: size).grid
                f = try #require(Self.frame(grid, title: title))
                // The last page may overlap the one before: it ends on the last row.
                let new = all.count - paged.count
                paged += f.rows.suffix(min(new, f.rows.count))
                let lines = grid.lines()
                let marked = try #require(lines.first { $0.contains("▲") })
                #expect(marked.contains(" ▲│"), "\(screen): ▲ next to a letter\n\(marked)")
            }
            #expect(paged == all, "\(screen)")
        }
    }

    @Test("Where a field has the focus the help names ^Z, F9 and ^C/F10, keys that are not typed into it")
    func typingScreensNameTheirOtherKeys() throws {
        let (s, now) = SegouMoments.state(.commitments)
        for language in [Language.fr, .en] {
            let L = Labels(language)
            for (screen, typing) in [(ScreenID.facilitator, false), (.rapporteur, true), (.attendance, true)] {
                var c = Console(screen: screen, language: language)
                _ = c.handle(.function(9), state: s, now: now)
                let text = Self.squeezed(
                    c.render(state: s, now: now, size: Size(width: 120, height: 40)).grid.lines().joined(separator: " ")
                )
                let undo = L[.actionUndo].lowercased(), quit = L[.actionQuit].lowercased()
                if typing {
                    #expect(text.contains("· ^Z \(undo)") && text.contains("· ^C/F10 \(quit)"), "\(screen)")
                    #expect(!text.contains("u/^Z") && !text.contains("^C/q/F10") && !text.contains("?/F9"), "\(screen)")
                } else {
                    #expect(text.contains("u/^Z \(undo)") && text.contains("^C/q/F10 \(quit)"), "\(screen)")
                }
            }
        }
    }

    @Test("Scrolling stops at the last row: one ↑ after many ↓ moves the frame at once", arguments: [Language.fr, .en])
    func scrollingStopsAtTheEnd(language: Language) throws {
        let (s, now) = SegouMoments.state(.debate)
        let size = Size(width: 40, height: 12)
        var c = Console(screen: .facilitator, language: language)
        _ = c.update(.resized(size), state: s, now: now)
        _ = c.handle(.char("?"), state: s, now: now)
        for _ in 0..<200 { _ = c.handle(.down, state: s, now: now) }
        let bottom = c.render(state: s, now: now, size: size).grid.lines()
        #expect(!bottom.joined().contains("↓ +"))
        _ = c.handle(.up, state: s, now: now)
        let above = c.render(state: s, now: now, size: size).grid.lines()
        #expect(above != bottom && above.joined().contains("↓ +1 "), "\(above.joined(separator: "\n"))")
    }

    @Test(
        "Replay's help at 40×12 scrolls to its last line, every sentence whole, in its own words",
        arguments: [Language.fr, .en])
    func replayHelpScrolls(language: Language) throws {
        let t = ReplayTimelineTests.timeline
        let L = Labels(language)
        for size in [Size(width: 40, height: 12), Size(width: 100, height: 30)] {
            var r = ReplayConsole(
                timeline: t, language: language, clock: ReplayClock(position: t.firstInstant!, playing: false))
            _ = r.update(.resized(size))
            r.handle(.char("?"))
            let rows = try #require(
                Self.readAll(
                    title: L[.replayHelpTitle], render: { r.render(size: size).grid }, down: { r.handle(.down) }),
                "\(size)")
            let text = Self.squeezed(rows.joined(separator: " "))
            #expect(!rows.contains { Self.cut($0) }, "\(size): a row cut\n\(rows)")
            for b in Keymap.bindings(in: .replay) {
                #expect(text.contains(Self.squeezed(b.help(L))), "\(size): « \(b.help(L)) »\n\(rows)")
            }
            #expect(text.contains(Self.squeezed(L[.replayReadOnly])), "\(size)\n\(rows)")
            #expect(r.showingHelp)
            r.handle(.escape)
            #expect(!r.showingHelp)
        }
    }

    @Test("Wrapping: a sentence continues under its own column; keys wider than half the frame put it under them")
    func wrapping() {
        let p = HelpPanel(
            rows: [("Entrée", "Donner la parole à la personne en tête de la file d'attente")], notes: ["Partout : F1"],
            titles: ["Aide"], close: "Échap")
        let lines = p.lines(width: 31)
        #expect(
            lines == [
                "Entrée  Donner la parole à", "        la personne en", "        tête de la file", "        d'attente",
                "Partout : F1",
            ])
        let wide = HelpPanel(
            rows: [("Ctrl-C/q/F10/Shift-Tab", "Quitter la séance")], notes: [], titles: ["Aide"], close: "Échap")
        #expect(wide.lines(width: 31) == ["Ctrl-C/q/F10/Shift-Tab", "  Quitter la séance"])
        // The undo mark is never alone on a row.
        let marked = HelpPanel(rows: [("r", "Donner la parole ↶")], notes: [], titles: ["Aide"], close: "Échap")
        #expect(marked.lines(width: 24) == ["r  Donner la", "   parole ↶"])
    }
}
