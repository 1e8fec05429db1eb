import Foundation
import Testing

@testable import PalabreCore
@testable import PalabreUI

/// A seat open on a closed session follows what a later session says of its entries while
/// both run: real session folders, the loop `palabre run` runs.
@Suite("Later sessions' reviews under a running seat")
struct LaterReviewsLiveTests {
    @Test("A review recorded by the next meeting shows on Suivi and in followup.md without a restart")
    func reviewFollowed() throws {
        let fm = FileManager.default
        let sessions = SegouMoments.root + "/sessions"
        let root = fm.temporaryDirectory.appendingPathComponent("later-live-\(UUID().uuidString)").path
        defer { try? fm.removeItem(atPath: root) }
        for name in ["segou-2023-recorded", "suivi-2024"] {
            try fm.createDirectory(atPath: root + "/" + name, withIntermediateDirectories: true)
            try fm.copyItem(atPath: "\(sessions)/\(name)/programme.yaml", toPath: "\(root)/\(name)/programme.yaml")
        }
        let source = root + "/segou-2023-recorded"
        try fm.copyItem(atPath: sessions + "/segou-2023-recorded/journal.jsonl", toPath: source + "/journal.jsonl")
        try fm.copyItem(atPath: sessions + "/directory", toPath: root + "/directory")

        let sp = try #require(try ProgrammeLoader.load(path: source).programme)
        let store = try SessionStore(folder: source, programme: sp)
        let term = MemoryTerminal(width: 120, height: 40)
        let at = try #require(LocalTime(identifier: sp.timeZone).instant(date: "2024-04-16", minutes: 9 * 60 + 40))
        let watch = LaterReviewsWatch(folder: source, every: 0)
        let loop = ConsoleLoop(
            terminal: term, clock: ManualClock(at),
            program: .live(
                Console(screen: .followUp, language: .fr),
                ConsoleLoop.Live(
                    store: store, seat: "facilitator",
                    documents: DocumentScheduler(dir: source + "/out", folder: source), laterReviews: watch)))
        // A look runs off the loop: the step after it is done takes what it found.
        func steps() {
            loop.step(maxWaitMilliseconds: 0)
            watch.settle()
            loop.step(maxWaitMilliseconds: 0)
        }
        steps()
        #expect(loop.console?.laterReviews.isEmpty == true)
        let before = term.screen.grid.lines().joined(separator: "\n")

        // The next meeting, in another process as far as this seat knows: its own store.
        let next = root + "/suivi-2024"
        let p = try #require(try ProgrammeLoader.load(path: next).programme)
        let entry = try #require(
            PreviousSessions.load(for: p, folder: next).sessions.first?.open.first { $0.kind == .recommendation })
        try SessionStore(folder: next, programme: p).perform(
            .reviewPrevious(source: entry, status: .action(.done), note: "Cadre créé en janvier"), seat: "rapporteur",
            at: at)
        steps()
        #expect(loop.console?.laterReviews.map(\.review.source.entry) == [entry.entry])
        // Done in the next meeting: the recommendation leaves the rows still to do, at the top.
        let number = try #require(entry.number)
        let row = #/Rec\. (\d+) /#
        func numbers(_ text: String) -> Set<Int> { Set(text.matches(of: row).compactMap { Int($0.output.1) }) }
        let after = term.screen.grid.lines().joined(separator: "\n")
        #expect(numbers(before).contains(number))
        #expect(!numbers(after).contains(number))
        guard case .live(_, let live) = loop.program else { Issue.record("not live"); return }
        live.documents?.finish()
        #expect(
            try String(contentsOfFile: source + "/out/followup.md", encoding: .utf8).contains("Cadre créé en janvier"))
        // Nothing changed since: nothing read again.
        _ = watch.look()
        watch.settle()
        #expect(watch.look() == nil)
    }
}
