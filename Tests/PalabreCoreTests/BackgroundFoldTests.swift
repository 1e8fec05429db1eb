import Foundation
import Testing

@testable import PalabreCore

/// A seat opens on the session's decision snapshot and folds the whole journal on another thread
/// (``SessionStore/foldInFullInBackground()``): once taken, with what this seat recorded and
/// other seats appended meanwhile, its state is the fold of the whole journal. Real journal files:
/// the recorded Ségou roundtable.
@Suite("A seat's whole fold in the background")
struct BackgroundFoldTests {
    /// Refreshes `store` until its background fold is taken (30 s at most); the errors thrown meanwhile.
    @discardableResult
    static func awaitWholeFold(_ store: SessionStore) throws -> [String] {
        var errors: [String] = []
        let deadline = Date().addingTimeInterval(30)
        while store.state.isForDeciding && Date() < deadline {
            do { try store.refresh() } catch { errors.append("\(error)") }
            usleep(2_000)
        }
        try #require(!store.state.isForDeciding, "the whole fold was not taken within 30 s")
        return errors
    }

    /// A session of the first `cut` Ségou events with its decision snapshot, opened as a seat opens.
    static func seat(_ p: Programme, _ events: [Event], cut: Int) throws -> (dir: String, SessionStore) {
        let dir = try DecisionSnapshotTests.folder(p, events[..<cut])
        #expect(try SessionStore(folder: dir, programme: p, deciding: true).saveDecisionSnapshot())
        let store = try SessionStore(folder: dir, programme: p, deciding: true)
        try #require(store.state.isForDeciding, "cut at \(cut): the seat starts on the snapshot")
        return (dir, store)
    }

    @Test func theWholeFoldWithWhatOtherSeatsAppendedMeanwhileIsTheFoldOfTheJournal() throws {
        let (p, events) = try DecisionSnapshotTests.segou()
        var rng = SplitMix64(seed: 2026)
        let cuts = [events.count / 2] + (0..<6).map { _ in Int.random(in: 1..<(events.count - 40), using: &rng) }
        for cut in cuts {
            let (dir, store) = try Self.seat(p, events, cut: cut)
            defer { try? FileManager.default.removeItem(atPath: dir) }
            store.foldInFullInBackground()
            #expect(store.isFoldingInBackground)
            // Another seat writes the next events of the meeting while the fold runs.
            let next = events[cut..<min(events.count, cut + 40)].prefix(while: \.payload.isFoldedWithoutRecords)
            try DecisionSnapshotTests.append(next, to: dir, p)
            try store.refresh()
            #expect(store.state.lastSeq == cut + next.count)
            try Self.awaitWholeFold(store)
            #expect(!store.isFoldingInBackground)
            #expect(store.wholeFoldsBegun == 1, "cut at \(cut): the events read meanwhile are folded into it")
            let whole = try SessionStore(folder: dir, programme: p, writable: false).state
            #expect(store.state == whole, "cut at \(cut)")
            #expect(store.state.entries.count == whole.entries.count && !whole.entries.isEmpty || cut < 30)
        }
    }

    @Test func whatTheSeatRecordsWhileTheFoldRunsIsInTheStateItTakes() throws {
        let (p, events) = try DecisionSnapshotTests.segou()
        let (dir, store) = try Self.seat(p, events, cut: 400)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        store.foldInFullInBackground()
        let at = events[399].at.adding(seconds: 30)
        let recorded = try store.perform(
            .record(EntryContent(kind: .note, text: "Pendant la lecture : « été »")), seat: "rapporteur", at: at)
        #expect(store.state.isForDeciding, "a note is decided on the decision state")
        try Self.awaitWholeFold(store)
        #expect(store.state.entry(recorded[0].seq)?.content.text == "Pendant la lecture : « été »")
        #expect(store.state == SessionState.fold(p, Array(events[..<400]) + recorded))
        #expect(store.wholeFoldsBegun == 1)
    }

    @Test func aCommandThatNeedsTheEntriesFoldsAtOnceAndTheBackgroundFoldIsDropped() throws {
        let (p, events) = try DecisionSnapshotTests.segou()
        let (dir, store) = try Self.seat(p, events, cut: 400)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        store.foldInFullInBackground()
        let entry = try #require(events[..<400].last { if case .entryRecorded = $0.payload { true } else { false } })
        _ = try store.perform(
            .amend(entry: entry.seq, text: "Corrigé", reason: "coquille"), seat: "rapporteur",
            at: events[399].at.adding(seconds: 30))
        #expect(!store.state.isForDeciding && !store.isFoldingInBackground)
        usleep(200_000)
        try store.refresh()
        #expect(store.state == (try SessionStore(folder: dir, programme: p, writable: false).state))
        #expect(store.state.entry(entry.seq)?.content.text == "Corrigé")
    }

    @Test func anUndoFromAnotherSeatWaitsForTheBackgroundFoldInsteadOfFoldingAgain() throws {
        let (p, events) = try DecisionSnapshotTests.segou()
        var s = SessionState(programme: p)
        var cut = 0
        for (k, e) in events.enumerated() {
            s.evolve(e)
            if k >= 300, s.currentItem != nil {
                cut = k + 1
                break
            }
        }
        let (dir, store) = try Self.seat(p, events, cut: cut)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        store.foldInFullInBackground()
        let other = try SessionStore(folder: dir, programme: p)
        let at = events[cut - 1].at.adding(seconds: 60)
        let who = try #require(p.participants.last?.id)
        _ = try other.perform(.requestFloor(who: who, pointOfOrder: false), seat: "facilitator", at: at)
        try store.refresh()
        _ = try other.perform(.undo(seq: nil), seat: "facilitator", at: at)
        try store.refresh()
        #expect(!store.state.isForDeciding, "an undo needs the full state")
        #expect(store.state == other.state)
        #expect(store.wholeFoldsBegun == 1, "the fold under way is waited for, not begun again")
    }

    @Test func aFoldThatFailsSaysSoAndBeginsAgain() throws {
        let (p, events) = try DecisionSnapshotTests.segou()
        let (dir, store) = try Self.seat(p, events, cut: 300)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // The journal's name is a folder while the fold opens it (the seat's own reading goes on).
        let path = SessionStore.journalPath(dir)
        #expect(rename(path, path + ".away") == 0)
        #expect(mkdir(path, 0o700) == 0)
        store.foldInFullInBackground()
        var failed: [String] = []
        let deadline = Date().addingTimeInterval(30)
        while failed.isEmpty && Date() < deadline {
            do { try store.refresh() } catch { failed.append("\(error)") }
            usleep(2_000)
        }
        #expect(failed.count == 1, "the failure is said once")
        #expect(store.state.isForDeciding && store.isFoldingInBackground, "and the fold begins again")
        #expect(rmdir(path) == 0 && rename(path + ".away", path) == 0)
        let errors = try Self.awaitWholeFold(store)
        #expect(store.state == SessionState.fold(p, Array(events[..<300])))
        #expect(errors.count <= 1, "\(errors)")
    }

    @Test func aFullStateStartsNoFold() throws {
        let (p, events) = try DecisionSnapshotTests.segou()
        let dir = try DecisionSnapshotTests.folder(p, events[..<100])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = try SessionStore(folder: dir, programme: p, deciding: true)
        #expect(!store.state.isForDeciding, "no snapshot yet: folded in full")
        store.foldInFullInBackground()
        #expect(!store.isFoldingInBackground)
    }
}
