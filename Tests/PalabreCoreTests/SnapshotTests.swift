import Foundation
import Testing

@testable import PalabreCore

/// Snapshots of the folded state beside the journal: a session opened from a snapshot and the
/// events after it has the state of the whole journal folded from the start, and anything that
/// does not match is ignored.
@Suite("Snapshots of the folded state")
struct SnapshotTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let recorded = root + "/sessions/segou-2023-recorded"
    static let segou: Programme = try! ProgrammeLoader.load(path: recorded).programme!

    /// The lines of a journal file, each with its line break.
    static func lines(_ path: String) throws -> [Data] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return data.split(separator: 10, omittingEmptySubsequences: false).dropLast().map { Data($0) + [10] }
    }

    /// A journal of the small programme with what the recorded meeting lacks: undos, a speaking
    /// limit cleared and set, an amendment, a retraction, a walk-in and a step of the clock.
    static func richJournal() throws -> [Data] {
        var h = try UndoTests.morning()
        var t = h.state.lastAt!
        func next() -> Instant {
            t = t.adding(seconds: 40)
            return t
        }
        try h.act(.setSpeakingLimit(seconds: nil), at: next())
        try h.act(.setSpeakingLimit(seconds: 90), at: next())
        h.seat = "rapporteur"
        let d = try h.act(.record(EntryContent(kind: .decision, text: "Le budget est adopté.")), at: next())
        try h.act(.amend(entry: d[0].seq, text: "Le budget 2024 est adopté.", reason: "année"), at: next())
        let n = try h.act(.record(EntryContent(kind: .note, text: "Note à retirer.")), at: next())
        try h.act(.retract(entry: n[0].seq, reason: "doublon"), at: next())
        try h.act(.checkIn(who: "sg-dieli", day: nil), at: next())
        try h.undo(at: next())
        h.seat = "facilitator"
        try h.act(.requestFloor(who: "dg-adr", pointOfOrder: true), at: next())
        try h.act(.recordClockAdjustment(seconds: 300), at: next())
        t = t.adding(seconds: 300)
        try h.act(.giveFloor(who: nil), at: next())
        try h.act(.yieldFloor, at: next())
        try h.undo(at: next())
        try h.act(.endItem, at: next())
        let folder = Fixtures.tempDir()
        let journal = try Journal(path: folder + "/journal.jsonl", writable: true)
        for e in h.events {
            _ = try journal.append([e.payload], expectedSeq: e.seq, at: e.at, seat: e.seat)
        }
        let kinds = Set(h.events.map(\.payload.type))
        #expect(
            kinds.isSuperset(of: ["undone", "clockAdjusted", "speakingLimitSet", "entryAmended", "entryRetracted"]),
            "the rich journal holds the events the recorded meeting lacks")
        return try lines(folder + "/journal.jsonl")
    }

    /// A session folder whose journal holds `lines`.
    static func session(_ lines: some Sequence<Data>) throws -> String {
        let folder = Fixtures.tempDir()
        try Data(lines.joined()).write(to: URL(fileURLWithPath: folder + "/journal.jsonl"))
        return folder
    }

    static func append(_ lines: some Sequence<Data>, to folder: String) throws {
        let h = try FileHandle(forWritingTo: URL(fileURLWithPath: folder + "/journal.jsonl"))
        try h.seekToEnd()
        try h.write(contentsOf: Data(lines.joined()))
        try h.close()
    }

    /// A session holding the first `cut` lines, with its snapshot written; the snapshot's seq.
    static func snapshotted(_ lines: [Data], cut: Int, programme: Programme) throws -> String {
        let folder = try session(lines.prefix(cut))
        let store = try SessionStore(folder: folder, programme: programme, snapshots: false)
        #expect(store.saveSnapshotIfDue(force: true) == nil, "the snapshot is written")
        #expect(store.snapshotSeq == cut, "the snapshot folds the first lines")
        return folder
    }

    @Test("State from a snapshot and the events after it equals the whole journal folded, at random cut points")
    func snapshotPlusTailEqualsFullFold() throws {
        var rng = SplitMix64(seed: 15)
        for (lines, programme) in [
            (try Self.lines(Self.recorded + "/journal.jsonl"), Self.segou),
            (try Self.richJournal(), Fixtures.programme),
        ] {
            let full = try SessionStore(folder: try Self.session(lines), programme: programme, snapshots: false).state
            #expect(full.lastSeq == lines.count)
            var cuts = (0..<12).map { _ in Int.random(in: 1..<lines.count, using: &rng) }
            cuts += [1, lines.count - 1, lines.count]
            for cut in cuts {
                let folder = try Self.snapshotted(lines, cut: cut, programme: programme)
                try Self.append(lines[cut...], to: folder)
                let store = try SessionStore(folder: folder, programme: programme, writable: false)
                #expect(store.snapshotSeq == cut, "the snapshot was used at cut \(cut)")
                #expect(store.state == full, "snapshot at \(cut) + tail = full fold")
                // The journal reads on: a later event folds on the resumed state.
                #expect(store.journal?.lastSeq == lines.count)
                try? FileManager.default.removeItem(atPath: folder)
            }
        }
    }

    @Test("A writer opened from a snapshot appends where the journal ends and its next snapshot is valid")
    func writerFromSnapshotAppendsAndSnapshotsAgain() throws {
        // The meeting under way (the recorded one is closed at its end).
        let lines = Array(try Self.lines(Self.recorded + "/journal.jsonl").prefix(500))
        let folder = try Self.snapshotted(lines, cut: 300, programme: Self.segou)
        try Self.append(lines[300...], to: folder)
        let store = try SessionStore(folder: folder, programme: Self.segou)
        #expect(store.snapshotSeq == 300)
        let events = try store.perform(
            .record(EntryContent(kind: .note, text: "Après la clôture.")), seat: "rapporteur",
            at: store.state.lastAt!.adding(seconds: 60))
        #expect(events.first?.seq == lines.count + 1)
        #expect(store.saveSnapshotIfDue(force: true) == nil)
        let again = try SessionStore(folder: folder, programme: Self.segou, writable: false)
        #expect(again.snapshotSeq == lines.count + 1, "the new snapshot covers the appended event")
        let full = try SessionStore(folder: folder, programme: Self.segou, writable: false, snapshots: false)
        #expect(again.state == full.state)
        #expect(again.state == store.state)
    }

    /// Opens `folder` with and without snapshots; expects the snapshot ignored and the states equal.
    static func expectIgnored(
        _ folder: String, programme: Programme, _ comment: Comment,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws {
        let store = try SessionStore(folder: folder, programme: programme, writable: false)
        let full = try SessionStore(folder: folder, programme: programme, writable: false, snapshots: false)
        #expect(store.snapshotSeq == 0, comment, sourceLocation: sourceLocation)
        #expect(store.state == full.state, comment, sourceLocation: sourceLocation)
        #expect(store.state.lastSeq > 0, comment, sourceLocation: sourceLocation)
    }

    @Test("A journal edited inside the folded prefix: the snapshot is ignored and the state is the journal's")
    func editedJournalIgnoresSnapshot() throws {
        var lines = try Self.lines(Self.recorded + "/journal.jsonl")
        let folder = try Self.snapshotted(lines, cut: 400, programme: Self.segou)
        // The same length, another text: only the hash tells.
        let i = try #require(lines.indices.first { String(decoding: lines[$0], as: UTF8.self).contains("\"text\"") })
        var text = String(decoding: lines[i], as: UTF8.self)
        let range = try #require(text.range(of: "\"text\":\""))
        let at = text.index(range.upperBound, offsetBy: 0)
        text.replaceSubrange(at...at, with: text[at] == "X" ? "Y" : "X")
        lines[i] = Data(text.utf8)
        try Data(lines.joined()).write(to: URL(fileURLWithPath: folder + "/journal.jsonl"))
        try Self.expectIgnored(folder, programme: Self.segou, "an edited line inside the prefix")
        let state = try SessionStore(folder: folder, programme: Self.segou, writable: false).state
        #expect(state.entries.contains { $0.content.text.hasPrefix(String(text[at])) }, "the edited text is folded")
    }

    @Test("A journal shorter than the snapshot's prefix: the snapshot is ignored")
    func shorterJournalIgnoresSnapshot() throws {
        let lines = try Self.lines(Self.recorded + "/journal.jsonl")
        let folder = try Self.snapshotted(lines, cut: 400, programme: Self.segou)
        try Data(lines.prefix(350).joined()).write(to: URL(fileURLWithPath: folder + "/journal.jsonl"))
        try Self.expectIgnored(folder, programme: Self.segou, "a journal cut before the snapshot's event")
    }

    @Test("Another programme: the snapshot is ignored and the state is folded against the new one")
    func changedProgrammeIgnoresSnapshot() throws {
        let lines = try Self.lines(Self.recorded + "/journal.jsonl")
        let folder = try Self.snapshotted(lines, cut: 500, programme: Self.segou)
        var changed = Self.segou
        changed.participants[0].function += " (par intérim)"
        #expect(SessionSnapshot.programmeDigest(changed) != SessionSnapshot.programmeDigest(Self.segou))
        try Self.expectIgnored(folder, programme: changed, "a participant's function changed in the programme")
        var renamed = Self.segou
        renamed.categoryNames["ngo"] = "Associations"
        try Self.expectIgnored(folder, programme: renamed, "a category renamed")
        // The same programme loaded again is the same digest: the snapshot is used.
        let same = try #require(try ProgrammeLoader.load(path: Self.recorded).programme)
        #expect(try SessionStore(folder: folder, programme: same, writable: false).snapshotSeq == 500)
    }

    @Test("A truncated snapshot, another format version or bytes that are not a snapshot are ignored")
    func damagedSnapshotIsIgnored() throws {
        let lines = try Self.lines(Self.recorded + "/journal.jsonl")
        let folder = try Self.snapshotted(lines, cut: 200, programme: Self.segou)
        let path = folder + "/.snapshot"
        let whole = try Data(contentsOf: URL(fileURLWithPath: path))
        try whole.prefix(whole.count / 2).write(to: URL(fileURLWithPath: path))
        try Self.expectIgnored(folder, programme: Self.segou, "a snapshot cut in half")
        try Data("not a snapshot".utf8).write(to: URL(fileURLWithPath: path))
        try Self.expectIgnored(folder, programme: Self.segou, "text instead of a snapshot")

        let store = try SessionStore(folder: folder, programme: Self.segou, snapshots: false)
        let journal = try #require(store.journal)
        var future = try #require(SessionSnapshot(store.state, of: journal))
        future.version = SessionSnapshot.formatVersion + 1
        try future.save(to: path)
        try Self.expectIgnored(folder, programme: Self.segou, "a snapshot of another format version")
        // A snapshot whose state is not at its seq.
        var wrong = try #require(SessionSnapshot(store.state, of: journal))
        wrong.seq -= 1
        try wrong.save(to: path)
        try Self.expectIgnored(folder, programme: Self.segou, "a snapshot whose seq is not its state's")
        // The genuine one is used again.
        try #require(SessionSnapshot(store.state, of: journal)).save(to: path)
        #expect(try SessionStore(folder: folder, programme: Self.segou, writable: false).snapshotSeq == 200)
    }

    @Test("The snapshot is owner-only, and a symbolic link in its place is neither followed nor replaced")
    func snapshotFileIsPrivateAndNoLinkFollowed() throws {
        let lines = try Self.lines(Self.recorded + "/journal.jsonl")
        let folder = try Self.snapshotted(lines, cut: 100, programme: Self.segou)
        let path = folder + "/.snapshot"
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int).map { $0 & 0o777 } == 0o600)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.contains(".tmp") }
        #expect(leftovers.isEmpty, "no temporary file is left")

        // A link to a valid snapshot of this very journal is not read.
        let elsewhere = Fixtures.tempDir() + "/genuine"
        try FileManager.default.moveItem(atPath: path, toPath: elsewhere)
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: elsewhere)
        try Self.expectIgnored(folder, programme: Self.segou, "a link to a valid snapshot")

        // Nor written through: the target keeps its bytes, the link stays a link.
        let target = Fixtures.tempDir() + "/target"
        try Data("someone else's file".utf8).write(to: URL(fileURLWithPath: target))
        try FileManager.default.removeItem(atPath: path)
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: target)
        let store = try SessionStore(folder: folder, programme: Self.segou, snapshots: false)
        #expect(store.saveSnapshotIfDue(force: true) == .link(path: path))
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "someone else's file")
        #expect(NoFollow.isLink(path))
    }

    @Test("A snapshot is due every interval of events, not before")
    func snapshotsAreWrittenEveryInterval() throws {
        let lines = try Self.lines(Self.recorded + "/journal.jsonl")
        #expect(lines.count < SessionSnapshot.interval, "the recorded meeting is shorter than the interval")
        let folder = try Self.session(lines)
        let store = try SessionStore(folder: folder, programme: Self.segou)
        #expect(store.saveSnapshotIfDue() == nil)
        #expect(!FileManager.default.fileExists(atPath: folder + "/.snapshot"), "fewer events than the interval")
        #expect(store.saveSnapshotIfDue(force: true) == nil)
        #expect(FileManager.default.fileExists(atPath: folder + "/.snapshot"), "forced (a seat that quits)")
        #expect(store.snapshotSeq == lines.count)
    }
}
