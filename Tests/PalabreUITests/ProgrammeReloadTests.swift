import Foundation
import Testing

@testable import PalabreCore
@testable import PalabreUI

/// A running seat follows programme.yaml edited during the meeting and a journal mended by
/// `palabre repair`: real files, the loop that `palabre run` runs, the documents its scheduler
/// writes.
@Suite("programme.yaml edited and the journal repaired under a running seat")
struct ProgrammeReloadTests {
    /// A session folder with the demo programme, its day and first item started, an undone
    /// check-in between; and a loop on it writing documents into out/.
    func seat(
        language: Language = .fr, screen: ScreenID = .facilitator, banner: String? = nil
    ) throws -> (
        dir: String, loop: ConsoleLoop, term: MemoryTerminal
    ) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("palabre-reload-\(UUID().uuidString)")
            .path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: SegouMoments.root + "/sessions/demo/programme.yaml", toPath: dir + "/programme.yaml")
        let programme = try #require(try ProgrammeLoader.load(path: dir).programme)
        let store = try SessionStore(folder: dir, programme: programme)
        let at = LocalTime(identifier: "Africa/Bamako").instant(date: programme.days[0].date, minutes: 9 * 60)!
        try store.perform(.startDay(date: nil), seat: "facilitator", at: at)
        try store.perform(.checkIn(who: "dg-adr-segou", day: nil), seat: "facilitator", at: at.adding(seconds: 30))
        try store.perform(.undo(seq: nil), seat: "facilitator", at: at.adding(seconds: 40))
        try store.perform(.startItem(id: nil), seat: "facilitator", at: at.adding(seconds: 60))
        let term = MemoryTerminal(width: 120, height: 40)
        let clock = ManualClock(at.adding(seconds: 120))
        var console = Console(screen: screen, language: language)
        console.banner = banner  // as `palabre run` sets it: « Reprise : … »
        let loop = ConsoleLoop(
            terminal: term, clock: clock,
            program: .live(
                console,
                ConsoleLoop.Live(store: store, seat: "facilitator", documents: DocumentScheduler(dir: dir + "/out"))))
        loop.step(maxWaitMilliseconds: 0)
        return (dir, loop, term)
    }

    func edit(_ dir: String, _ change: (String) -> String) throws {
        let path = dir + "/programme.yaml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        // Written as editors do: a new file renamed over the old one.
        try change(text).write(toFile: path + ".new", atomically: false, encoding: .utf8)
        #expect(rename(path + ".new", path) == 0)
    }

    func screen(_ term: MemoryTerminal) -> String { term.screen.grid.lines().joined(separator: "\n") }

    @Test("An item renamed in programme.yaml shows on the screen and in the documents without a restart")
    func renamedItemFollowed() throws {
        for language in [Language.fr, .en] {
            let (dir, loop, term) = try seat(language: language)
            #expect(screen(term).contains("Ouverture") && !screen(term).contains("Ouverture solennelle"))
            try edit(dir) { $0.replacingOccurrences(of: "title: Ouverture\n", with: "title: Ouverture solennelle\n") }
            loop.step(maxWaitMilliseconds: 0)
            #expect(screen(term).contains("Ouverture solennelle"))
            #expect(
                screen(term).contains(
                    language == .fr ? "programme.yaml relu" : "programme.yaml read again"), "\(screen(term))")
            // The state is the fold of the journal under the edited programme, undo included.
            guard case .live(_, let live) = loop.program else { Issue.record("not live"); return }
            let fresh = try SessionStore(
                folder: dir, programme: try #require(try ProgrammeLoader.load(path: dir).programme), writable: false)
            #expect(live.store.state == fresh.state)
            #expect(live.store.state.undoneBy.count == 1)
            live.documents?.finish()
            let minutes = try String(contentsOfFile: dir + "/out/minutes.md", encoding: .utf8)
            #expect(minutes.contains("Ouverture solennelle"))
            // Nothing changed since: nothing read again, no message repeated.
            #expect(live.store.reloadProgrammeIfChanged() == nil)
        }
    }

    @Test("A programme.yaml saved with an error keeps the version before, and says where and what to do")
    func brokenProgrammeKept() throws {
        let (dir, loop, term) = try seat(banner: "Reprise : dernier événement enregistré à 09:01")
        try edit(dir) { $0.replacingOccurrences(of: "title: Ouverture\n", with: "title: [Ouverture\n") }
        loop.step(maxWaitMilliseconds: 0)
        let text = screen(term)
        #expect(text.contains("programme.yaml modifié mais avec une erreur"), "\(text)")
        #expect(text.contains("programme.yaml:"), "the error names its line: \(text)")
        #expect(text.contains("Ouverture"))
        guard case .live(_, let live) = loop.program else { Issue.record("not live"); return }
        #expect(live.store.programme.days[0].items[0].title == "Ouverture")
        // Said until it is mended, after the message has gone: first on the banner line, before
        // the resume banner a seat starts with.
        #expect(loop.console?.programmeKept != nil)
        let bannerLine = term.screen.grid.lines()[1]
        #expect(bannerLine.hasPrefix(" programme.yaml modifié n'est pas pris"), "\(bannerLine)")
        #expect(bannerLine.contains("Reprise"), "\(bannerLine)")
        // Mended: taken at the next look.
        try edit(dir) { $0.replacingOccurrences(of: "title: [Ouverture\n", with: "title: Ouverture du jour\n") }
        loop.step(maxWaitMilliseconds: 0)
        #expect(screen(term).contains("Ouverture du jour"))
        #expect(loop.console?.programmeKept == nil)
        #expect(!screen(term).contains("n'est pas pris"))
    }

    @Test("programme.yaml removed: said, the version before kept; put back as it was: nothing left to say")
    func removedAndPutBack() throws {
        let (dir, loop, term) = try seat()
        let path = dir + "/programme.yaml"
        let saved = try Data(contentsOf: URL(fileURLWithPath: path))
        try FileManager.default.removeItem(atPath: path)
        loop.step(maxWaitMilliseconds: 0)
        #expect(screen(term).contains("programme.yaml a disparu"), "\(screen(term))")
        #expect(loop.console?.programmeKept != nil)
        try saved.write(to: URL(fileURLWithPath: path))
        loop.step(maxWaitMilliseconds: 0)
        #expect(loop.console?.programmeKept == nil)
        #expect(!screen(term).contains("n'est pas pris"))
        guard case .live(_, let live) = loop.program else { Issue.record("not live"); return }
        #expect(live.store.programme.days[0].items[0].title == "Ouverture")
    }

    @Test("On a seat in English, the error of a French programme is said in English")
    func errorInTheSeatsLanguage() throws {
        let (dir, loop, term) = try seat(language: .en)
        try edit(dir) { $0.replacingOccurrences(of: "title: Ouverture\n", with: "title: [Ouverture\n") }
        loop.step(maxWaitMilliseconds: 0)
        let text = screen(term)
        #expect(text.contains("programme.yaml edited but has an error"), "\(text)")
        #expect(!text.contains("YAML invalide") && !text.contains("attendu"), "\(text)")
    }

    @Test("Another time zone is not taken while the seat runs: the journal's times are written in it")
    func timeZoneKept() throws {
        let (dir, loop, term) = try seat(language: .en)
        try edit(dir) { $0.replacingOccurrences(of: "timezone: Africa/Bamako", with: "timezone: Africa/Lagos") }
        loop.step(maxWaitMilliseconds: 0)
        #expect(screen(term).contains("start this seat again"), "\(screen(term))")
        #expect(screen(term).contains("Africa/Bamako → Africa/Lagos"))
        guard case .live(_, let live) = loop.program else { Issue.record("not live"); return }
        #expect(live.store.programme.timeZone == "Africa/Bamako")
    }

    @Test("A board kept from one frame to the next (synergies) is built again under the edited programme")
    func boardFollows() throws {
        let (dir, loop, term) = try seat(screen: .synergies)
        #expect(screen(term).contains("Forage équipé"))
        try edit(dir) { $0.replacingOccurrences(of: "Forage équipé d'un système solaire", with: "Forage solaire") }
        loop.step(maxWaitMilliseconds: 0)
        #expect(screen(term).contains("Forage solaire"))
        #expect(!screen(term).contains("Forage équipé"))
    }

    @Test("Removing the item under way from programme.yaml is refused: the version before stays, the screen keeps it")
    func removingWhatTheJournalNamesRefused() throws {
        for language in [Language.fr, .en] {
            let (dir, loop, term) = try seat(language: language)
            try edit(dir) {
                $0.replacing(#/      - id: demo-ouverture\n(        [^\n]*\n)+/#, with: "").replacingOccurrences(
                    of: "      - id: demo-anict\n", with: "      - id: demo-anict\n        start: \"09:00\"\n")
            }
            loop.step(maxWaitMilliseconds: 0)
            let text = screen(term)
            #expect(
                text.contains(
                    language == .fr
                        ? "programme.yaml n'a plus ce qu'un événement du journal cite" : "no longer has what an event"
                ),
                "\(text)")
            #expect(text.contains("▶ Ouverture"), "the item under way is still shown: \(text)")
            guard case .live(_, let live) = loop.program else { Issue.record("not live"); return }
            #expect(live.store.state.mismatches.isEmpty)
            #expect(live.store.state.currentItem == "demo-ouverture")
        }
    }

    @Test("An item given in programme.yaml the id of an item inserted during the meeting is refused")
    func idOfAnInsertedItemRefused() throws {
        let (dir, loop, term) = try seat()
        guard case .live(_, let live) = loop.program else { Issue.record("not live"); return }
        let inserted = try live.store.perform(
            .insertItem(title: "Mot du préfet", seconds: 600, kind: .other, after: nil), seat: "facilitator",
            at: try #require(live.store.state.lastAt))
        guard case .itemInserted(_, _, let item) = inserted.last?.payload else {
            Issue.record("no item inserted: \(inserted)")
            return
        }
        try edit(dir) {
            $0.replacingOccurrences(
                of: "      - id: demo-cloture\n",
                with:
                    "      - id: \(item.id)\n        kind: other\n        title: Point du programme\n        duration: 7m\n"
                    + "      - id: demo-cloture\n")
        }
        loop.step(maxWaitMilliseconds: 0)
        #expect(screen(term).contains("celui du point ajouté en séance « Mot du préfet »"), "\(screen(term))")
        #expect(!screen(term).contains("Point du programme"))
        #expect(live.store.state.days[0].items.filter { $0.id == item.id }.count == 1)
    }

    @Test("A seat open while palabre repair mends the journal reads the mended file and goes on recording")
    func seatFollowsARepair() throws {
        let (dir, loop, term) = try seat()
        let path = dir + "/journal.jsonl"
        // A write done twice at the end, then set aside by a repair (a new file renamed over it).
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let last = bytes.dropLast().split(separator: 10).last.map { Array($0) + [10] } ?? []
        bytes += last
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let plan = JournalRepair(bytes: bytes, quarantineName: "journal.jsonl.repair-T")
        #expect(plan.problems.count == 1)
        try plan.apply(to: path)
        loop.step(maxWaitMilliseconds: 0)
        #expect(screen(term).contains("le journal a été réparé entre-temps"), "\(screen(term))")
        guard case .live(_, let live) = loop.program else { Issue.record("not live"); return }
        let recorded = try live.store.perform(
            .record(EntryContent(kind: .note, text: "Après la réparation")), seat: "facilitator",
            at: try #require(live.store.state.lastAt))
        #expect(recorded.map(\.seq) == [live.store.state.lastSeq])
        let fresh = try SessionStore(
            folder: dir, programme: try #require(try ProgrammeLoader.load(path: dir).programme), writable: false)
        #expect(fresh.state == live.store.state)
        #expect(fresh.state.entries.last?.content.text == "Après la réparation")
    }
}
