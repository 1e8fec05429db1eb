import Foundation
import Testing

@testable import PalabreCore

/// `palabre do` decides from the decision state (no entries, turns or standing events) kept in a
/// snapshot beside the journal: deciding on it gives what the full state gives, a snapshot and
/// the events after it give the decision state of the full fold, and a snapshot that does not
/// match is ignored. Real journal files: the recorded Ségou roundtable and a morning with undos.
@Suite("Decision state and its snapshot")
struct DecisionSnapshotTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// The recorded Ségou roundtable (670 events) and its programme.
    static func segou() throws -> (Programme, [Event]) {
        let p = try #require(try ProgrammeLoader.load(path: root + "/sessions/segou-2023").programme)
        let j = try Journal(path: root + "/sessions/segou-2023-recorded/journal.jsonl", writable: false)
        return (p, try j.loadAll())
    }

    /// A command of every kind `isDecidedWithoutRecords` accepts, with arguments drawn from `s`
    /// (the next item, a participant, the first in the queue…), so that most are decided and
    /// some refused, as at the meeting.
    static func commands(_ s: SessionState, _ p: Programme) -> [Command] {
        let items = s.days.flatMap(\.items)
        let item = items.first { s.run($0.id).status == .planned }?.id ?? items.first?.id ?? "x"
        let someone = p.participants.dropFirst(s.lastSeq % max(1, p.participants.count)).first?.id ?? "x"
        let queued = s.queue.first?.who ?? someone
        let fiche = p.communes.flatMap(\.fiches).first?.id ?? "f"
        let partner = p.organisations.first?.id ?? "o"
        let walker = Participant(id: "visiteur-\(s.lastSeq)", function: "Visiteur \(s.lastSeq)")
        let dates = s.days.map(\.date)
        return [
            .openSession, .closeSession, .startDay(date: nil), .startDay(date: dates.last), .endDay,
            .startItem(id: nil), .startItem(id: item), .pauseItem, .resumeItem, .extendItem(seconds: 300),
            .extendItem(seconds: -120), .setRemaining(seconds: 60), .endItem, .skipItem(id: nil), .skipItem(id: item),
            .insertItem(title: "Point ajouté", seconds: 600, kind: .debate, after: item),
            .moveItem(id: item, day: dates.last ?? "", after: nil), .carryOver,
            .requestFloor(who: someone, pointOfOrder: false), .requestFloor(who: queued, pointOfOrder: true),
            .requestFloorAsWalkIn(walker, pointOfOrder: false), .giveFloor(who: nil), .giveFloor(who: queued),
            .yieldFloor, .removeSpeaker(who: queued), .reorderSpeaker(who: queued, position: 1),
            .setSpeakingLimit(seconds: 120), .setSpeakingLimit(seconds: nil),
            .record(EntryContent(kind: .note, text: "Note du rapporteur")),
            .record(EntryContent(kind: .decision, text: "Décision : adoptée")),
            .checkIn(who: someone, day: nil), .checkInPresentYesterday, .addParticipant(walker), .walkIn(walker),
            .checkOut(who: someone), .declareInterest(partner: partner, fiche: fiche),
            .markSynergy(fiche: fiche, partners: [partner], lead: partner),
        ]
    }

    /// What deciding `c` gives: the events, or the refusal.
    static func outcome(_ s: SessionState, _ c: Command, _ now: Instant, _ role: SeatRole) -> String {
        do throws(Refusal) {
            return "\(try s.decide(c, at: now, role: role))"
        } catch {
            return "refused: \(error.reason)"
        }
    }

    static func checkDecisions(_ p: Programme, _ events: [Event], every step: Int) throws {
        var full = SessionState(programme: p)
        var compared = 0, decided = 0
        for (k, e) in events.enumerated() {
            full.evolve(e)
            guard k % step == 0 || k == events.count - 1 else { continue }
            let light = full.forDeciding()
            #expect(light.isForDeciding && light.entries.isEmpty && light.turns.isEmpty && light.standingEvents.isEmpty)
            let now = e.at.adding(seconds: 30)
            for c in commands(full, p) {
                #expect(c.isDecidedWithoutRecords, "every command drawn here is one a decision state decides")
                for role in [SeatRole.facilitator, .rapporteur] {
                    let a = outcome(full, c, now, role), b = outcome(light, c, now, role)
                    #expect(a == b, "\(c) as \(role) after seq \(e.seq)")
                    compared += 1
                    if let out = try? full.decide(c, at: now, role: role) {
                        decided += 1
                        #expect(
                            out.allSatisfy { $0.isFoldedWithoutRecords },
                            "\(c) records only events a decision state folds")
                    }
                }
            }
        }
        #expect(compared > 1_000 && decided > 100, "many commands were decided, not only refused")
    }

    @Test func decidingOnTheDecisionStateGivesWhatTheFullStateGivesThroughTheRecordedRoundtable() throws {
        let (p, events) = try Self.segou()
        try Self.checkDecisions(p, events, every: 7)
    }

    @Test func decidingOnTheDecisionStateGivesWhatTheFullStateGivesAroundUndos() throws {
        try Self.checkDecisions(Fixtures.programme, try ReadingFoldTests.journal(), every: 1)
    }

    @Test func theCommandsThatNameAnEntryOrUndoAreLeftToTheFullState() throws {
        // On a decision state these would not find the entry or the event to take back.
        let excluded: [Command] = [
            .amend(entry: 2, text: "t", reason: "r"), .retract(entry: 2, reason: "r"), .adopt(entry: 2),
            .changeCommitmentStatus(entry: 2, status: .confirmed), .withdrawCommitment(entry: 2, reason: "r"),
            .followUpCommitment(entry: 2, status: .signed, amount: nil, date: nil, note: nil),
            .followUpAction(entry: 2, status: .done, date: nil, note: nil),
            .followUpFiche(fiche: "f", status: .done, date: nil, note: nil), .undo(seq: nil),
            .recordClockAdjustment(seconds: 60),
        ]
        #expect(excluded.allSatisfy { !$0.isDecidedWithoutRecords })
        #expect(!EventPayload.undone(seq: 1).isFoldedWithoutRecords)
        #expect(!EventPayload.clockAdjusted(seconds: 60).isFoldedWithoutRecords)
    }

    /// A session folder whose journal holds `events` (written as another process would).
    static func folder(_ p: Programme, _ events: some Sequence<Event>) throws -> String {
        let dir = Fixtures.tempDir()
        try append(events, to: dir, p)
        return dir
    }

    static func append(_ events: some Sequence<Event>, to dir: String, _ p: Programme) throws {
        var bytes = Data()
        let zone = LocalTime(identifier: p.timeZone)
        for e in events {
            bytes += try EventCodec.encode(e, offsetSeconds: zone.offset(at: e.at))
            bytes.append(10)
        }
        let path = SessionStore.journalPath(dir)
        if !FileManager.default.fileExists(atPath: path) {
            FileManager.default.createFile(atPath: path, contents: nil)
        }
        let h = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try h.seekToEnd()
        try h.write(contentsOf: bytes)
        try h.close()
    }

    /// Snapshot at `cut`, the rest appended after it: the store opened for deciding has the
    /// decision state of the full fold (or, after an undo or a clock step, the full state).
    static func checkCut(_ p: Programme, _ events: [Event], cut: Int) throws {
        let dir = try folder(p, events[..<cut])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let first = try SessionStore(folder: dir, programme: p, deciding: true)
        #expect(!first.state.isForDeciding, "without a snapshot the journal is folded in full")
        #expect(first.saveDecisionSnapshot())
        try append(events[cut...], to: dir, p)
        let store = try SessionStore(folder: dir, programme: p, deciding: true)
        let whole = SessionState.fold(p, events)
        let tail = events[cut...].allSatisfy(\.payload.isFoldedWithoutRecords)
        #expect(store.state.isForDeciding == tail, "cut at \(cut)")
        #expect(store.state == (tail ? whole.forDeciding() : whole), "cut at \(cut)")
        #expect(store.journal?.lastSeq == events.last?.seq)
    }

    @Test func aSnapshotAndTheEventsAfterItGiveTheDecisionStateOfTheFullFoldAtRandomCuts() throws {
        let (p, events) = try Self.segou()
        var rng = SplitMix64(seed: 15)
        for cut in [1, events.count - 1] + (0..<10).map({ _ in Int.random(in: 1..<events.count, using: &rng) }) {
            try Self.checkCut(p, events, cut: cut)
        }
        let undos = try ReadingFoldTests.journal()
        for cut in 1..<undos.count { try Self.checkCut(Fixtures.programme, undos, cut: cut) }
    }

    @Test func aStoreFromTheSnapshotRecordsWhatTheFullStateWouldAndFoldsInFullWhenACommandNeedsIt() throws {
        let (p, events) = try Self.segou()
        let dir = try Self.folder(p, events[..<300])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try SessionStore(folder: dir, programme: p, deciding: true).saveDecisionSnapshot())
        let at = events[299].at.adding(seconds: 60)
        let store = try SessionStore(folder: dir, programme: p, deciding: true)
        #expect(store.state.isForDeciding)
        let note = try store.perform(
            .record(EntryContent(kind: .note, text: "Après l'instantané")), seat: "rapporteur", at: at)
        #expect(store.state.isForDeciding, "a note is decided and folded on the decision state")
        let entry = try #require(events[..<300].last { if case .entryRecorded = $0.payload { true } else { false } })
        let amended = try store.perform(
            .amend(entry: entry.seq, text: "Texte corrigé", reason: "coquille"), seat: "rapporteur", at: at)
        #expect(!store.state.isForDeciding, "an amendment needs the entry: the journal is folded in full")
        let again = try SessionStore(folder: dir, programme: p, writable: false).state
        #expect(store.state == again, "the full state then is the fold of the journal")
        #expect(again.entry(entry.seq)?.content.text == "Texte corrigé")
        #expect(again.entry(note[0].seq)?.content.text == "Après l'instantané")
        #expect(amended.count == 1)
    }

    @Test func anEventAnotherSeatAppendsIsFoldedAndAnUndoFoldsInFull() throws {
        let (p, events) = try Self.segou()
        // A moment of the meeting with an item under way.
        var s = SessionState(programme: p)
        var cut = 0
        for (k, e) in events.enumerated() {
            s.evolve(e)
            if k >= 200, s.currentItem != nil {
                cut = k + 1
                break
            }
        }
        let dir = try Self.folder(p, events[..<cut])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try SessionStore(folder: dir, programme: p, deciding: true).saveDecisionSnapshot())
        let store = try SessionStore(folder: dir, programme: p, deciding: true)
        #expect(store.state.isForDeciding)
        // Another seat, another process: a note, a request for the floor, then an undo of it.
        let other = try SessionStore(folder: dir, programme: p)
        let at = events[cut - 1].at.adding(seconds: 60)
        let who = try #require(p.participants.last?.id)
        _ = try other.perform(
            .record(EntryContent(kind: .note, text: "Note d'un autre poste")), seat: "rapporteur", at: at)
        try store.refresh()
        #expect(store.state.isForDeciding)
        #expect(store.state.forDeciding() == other.state.forDeciding())
        _ = try other.perform(.requestFloor(who: who, pointOfOrder: false), seat: "facilitator", at: at)
        _ = try other.perform(.undo(seq: nil), seat: "facilitator", at: at)
        try store.refresh()
        #expect(!store.state.isForDeciding, "an undo folds the standing events again: the whole journal is read")
        #expect(store.state == other.state)
    }

    // MARK: A snapshot that does not match is ignored

    /// A session of the first 120 Ségou events with its snapshot.
    static func sessionWithSnapshot() throws -> (dir: String, Programme, [Event]) {
        let (p, events) = try segou()
        let dir = try folder(p, events[..<120])
        #expect(try SessionStore(folder: dir, programme: p, deciding: true).saveDecisionSnapshot())
        return (dir, p, Array(events[..<120]))
    }

    static func opened(_ dir: String, _ p: Programme) throws -> SessionStore {
        try SessionStore(folder: dir, programme: p, deciding: true)
    }

    @Test func theSnapshotIsUsedWhenNothingChangedAndIsOwnerOnly() throws {
        let (dir, p, events) = try Self.sessionWithSnapshot()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/" + DecisionSnapshot.fileName
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        #expect(mode == 0o600)
        let store = try Self.opened(dir, p)
        #expect(store.state.isForDeciding)
        #expect(store.state == SessionState.fold(p, events).forDeciding())
        // It holds no entry text, whatever the journal's length.
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let entry = try #require(
            events.compactMap { if case .entryRecorded(_, let c) = $0.payload { c.text } else { nil } }.first)
        #expect(!text.contains(entry))
    }

    @Test func aJournalEditedInItsPrefixIsFoldedFromTheStart() throws {
        let (dir, p, events) = try Self.sessionWithSnapshot()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // An in-place edit of the same length, then an event appended: the size and the time of
        // change differ from the snapshot's, and the prefix's checksum tells the edit.
        let path = SessionStore.journalPath(dir)
        var text = try String(contentsOfFile: path, encoding: .utf8)
        let who = try #require(
            events.compactMap { if case .participantCheckedIn(let p, _) = $0.payload { p } else { nil } }.first)
        let other = try #require(p.participants.first { $0.id.count == who.count && $0.id != who }?.id)
        let range = try #require(text.range(of: "\"participant\":\"\(who)\""))
        text.replaceSubrange(range, with: "\"participant\":\"\(other)\"")
        let h = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try h.write(contentsOf: Data(text.utf8))
        try h.close()
        let edited = try Journal(path: path, writable: false).loadAll()
        let store = try Self.opened(dir, p)
        #expect(!store.state.isForDeciding, "the edited journal is folded from the start")
        #expect(store.state == SessionState.fold(p, edited))
        #expect(store.state.attendance.values.contains { $0.contains(other) })
    }

    @Test func anotherProgrammeAnotherFormatOrADamagedSnapshotIsIgnored() throws {
        let (dir, p, events) = try Self.sessionWithSnapshot()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let whole = SessionState.fold(p, events)
        // Another programme: a title changed.
        var q = p
        q.title += " (révisé)"
        let underQ = try SessionStore(folder: dir, programme: q, deciding: true)
        #expect(!underQ.state.isForDeciding)
        #expect(underQ.state == SessionState.fold(q, events))
        let path = dir + "/" + DecisionSnapshot.fileName
        let saved = try Data(contentsOf: URL(fileURLWithPath: path))
        // Another format version.
        let other = String(decoding: saved, as: UTF8.self).replacingOccurrences(
            of: "\"version\":\(DecisionSnapshot.formatVersion)", with: "\"version\":99")
        #expect(other != String(decoding: saved, as: UTF8.self))
        try Data(other.utf8).write(to: URL(fileURLWithPath: path))
        var store = try Self.opened(dir, p)
        #expect(!store.state.isForDeciding)
        #expect(store.state == whole)
        // Cut short (a power cut while it was written).
        try saved.prefix(saved.count / 2).write(to: URL(fileURLWithPath: path))
        store = try Self.opened(dir, p)
        #expect(!store.state.isForDeciding)
        #expect(store.state == whole)
        // Put back whole, it is used again.
        try saved.write(to: URL(fileURLWithPath: path))
        #expect(try Self.opened(dir, p).state.isForDeciding)
    }

    @Test func aJournalEditedInPlaceWhileTheStateWasFoldedGetsNoSnapshot() throws {
        let (p, events) = try Self.segou()
        let dir = try Self.folder(p, events[..<120])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = try SessionStore(folder: dir, programme: p, deciding: true)
        // Another program rewrites a check-in in place, same length, after the fold.
        let path = SessionStore.journalPath(dir)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let who = try #require(
            events[..<120].compactMap { if case .participantCheckedIn(let p, _) = $0.payload { p } else { nil } }.first)
        let other = try #require(p.participants.first { $0.id.count == who.count && $0.id != who }?.id)
        let range = try #require(text.range(of: "\"participant\":\"\(who)\""))
        let h = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try h.write(contentsOf: Data(text.replacingCharacters(in: range, with: "\"participant\":\"\(other)\"").utf8))
        try h.close()
        _ = try store.perform(
            .record(EntryContent(kind: .note, text: "Pendant la modification")), seat: "rapporteur",
            at: events[119].at.adding(seconds: 60))
        #expect(!store.saveDecisionSnapshot(), "the file no longer holds what the state was folded from")
        #expect(!FileManager.default.fileExists(atPath: dir + "/" + DecisionSnapshot.fileName))
        let next = try Self.opened(dir, p)
        #expect(!next.state.isForDeciding)
        #expect(next.state.attendance.values.contains { $0.contains(other) })
    }

    @Test func aSnapshotWhoseStateWasEditedOrWhoseSeqIsNotTheJournalsIsIgnored() throws {
        let (dir, p, events) = try Self.sessionWithSnapshot()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/" + DecisionSnapshot.fileName
        let saved = try Data(contentsOf: URL(fileURLWithPath: path))
        let parts = saved.split(separator: 10, maxSplits: 1).map { Data($0) }
        #expect(parts.count == 2)
        // The state edited by hand: the day under way out of range.
        var state = try #require(try JSONSerialization.jsonObject(with: parts[1]) as? [String: Any])
        state["currentDay"] = 7
        try (parts[0] + [10] + (try JSONSerialization.data(withJSONObject: state))).write(
            to: URL(fileURLWithPath: path))
        var store = try Self.opened(dir, p)
        #expect(!store.state.isForDeciding, "a state line that is not the one written is not read")
        #expect(store.state == SessionState.fold(p, events))
        // The same with its checksum written again to match: a day under way that is not one of
        // the days is not taken (deciding on it would index past the days).
        let edited = try JSONSerialization.data(withJSONObject: state)
        let decoder0 = JSONDecoder()
        var forged = try decoder0.decode(DecisionSnapshot.Header.self, from: parts[0])
        forged.state = PrefixChecksum(of: edited)
        try (try JSONEncoder().encode(forged) + [10] + edited).write(to: URL(fileURLWithPath: path))
        store = try Self.opened(dir, p)
        #expect(!store.state.isForDeciding, "an incoherent state is not read")
        #expect(store.state == SessionState.fold(p, events))
        // A snapshot whose seq is not the last event of the prefix it names, its own lines whole.
        let decoder = JSONDecoder()
        decoder.userInfo[.programme] = p
        var header = try decoder.decode(DecisionSnapshot.Header.self, from: parts[0])
        var light = try decoder.decode(SessionState.self, from: parts[1])
        header.seq += 5
        light.lastSeq += 5
        let bytes = try JSONEncoder().encode(light)
        header.state = PrefixChecksum(of: bytes)
        try (try JSONEncoder().encode(header) + [10] + bytes).write(to: URL(fileURLWithPath: path))
        store = try Self.opened(dir, p)
        #expect(!store.state.isForDeciding, "the prefix's last event is not the snapshot's seq")
        #expect(store.state.lastSeq == events.count)
        // Written back as it was, it is used.
        try saved.write(to: URL(fileURLWithPath: path))
        #expect(try Self.opened(dir, p).state.isForDeciding)
    }

    @Test func aJournalWithoutNanosecondsIsAlwaysChecked() {
        let fine = Journal.FileStamp(device: 1, inode: 2, size: 3, changed: 1_700_000_000_123_456_789)
        let coarse = Journal.FileStamp(device: 1, inode: 2, size: 3, changed: 1_700_000_000_000_000_000)
        #expect(DecisionSnapshot.isFine(fine))
        #expect(!DecisionSnapshot.isFine(coarse))
    }

    @Test func aJournalReplacedByAnotherFileIsFoldedFromTheStart() throws {
        let (dir, p, events) = try Self.sessionWithSnapshot()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // The same bytes in a new file renamed over the journal (what `palabre repair` does).
        let path = SessionStore.journalPath(dir)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        try bytes.write(to: URL(fileURLWithPath: path + ".new"))
        #expect(rename(path + ".new", path) == 0)
        let store = try Self.opened(dir, p)
        #expect(!store.state.isForDeciding, "another inode: the snapshot is not this file's")
        #expect(store.state == SessionState.fold(p, events))
    }

    @Test func aLinkInPlaceOfTheSnapshotIsNeitherReadNorWrittenThrough() throws {
        let (dir, p, _) = try Self.sessionWithSnapshot()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/" + DecisionSnapshot.fileName
        let target = dir + "/elsewhere"
        #expect(rename(path, target) == 0)
        #expect(symlink(target, path) == 0)
        let store = try Self.opened(dir, p)
        #expect(!store.state.isForDeciding, "a link is not read")
        let before = try Data(contentsOf: URL(fileURLWithPath: target))
        #expect(!store.saveDecisionSnapshot(), "nor written through")
        #expect(try Data(contentsOf: URL(fileURLWithPath: target)) == before)
    }

    @Test func theDecisionStateRoundTripsThroughItsCodingWithEveryFieldSet() throws {
        // The undos, the clock step, the mismatches, the moved and inserted items, a speaking
        // limit cleared, a turn under way: every field a decision state keeps.
        let events = try ReadingFoldTests.journal()
        var s = SessionState.fold(Fixtures.programme, events)
        s.evolve(
            Event(
                seq: s.lastSeq + 1, at: s.lastAt!, seat: "facilitator",
                payload: .speakingLimitSet(item: s.currentItem ?? "x", seconds: nil)))
        let light = s.forDeciding()
        let encoder = JSONEncoder()
        let decoder = JSONDecoder()
        decoder.userInfo[.programme] = Fixtures.programme
        let back = try decoder.decode(SessionState.self, from: try encoder.encode(light))
        #expect(back == light)
        #expect(!light.undoneBy.isEmpty && !light.runs.isEmpty)
        #expect(light.runs.values.contains { $0.speakingLimitOverride == .some(nil) })
    }
}
