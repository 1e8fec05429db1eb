import Foundation
import Testing

@testable import PalabreCore

/// Symbolic links in a session folder are never followed: each is refused by name and the file
/// it points to keeps its bytes and its mode.
@Suite("Links and permissions")
struct LinkTests {
    /// A file outside the session, with known bytes and mode, and a link to it at `link`.
    func target(linkedFrom link: String, bytes: String = "someone else's file\n") throws -> String {
        let t = Fixtures.tempDir() + "/target"
        try Data(bytes.utf8).write(to: URL(fileURLWithPath: t))
        chmod(t, 0o644)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: t)
        return t
    }

    func snapshot(_ path: String) throws -> (Data, Int) {
        let attrs = try FileManager.default.attributesOfItem(atPath: path)
        return (try Data(contentsOf: URL(fileURLWithPath: path)), attrs[.posixPermissions] as? Int ?? -1)
    }

    @Test func aLinkedJournalIsRefusedAndItsTargetUntouched() throws {
        let dir = Fixtures.tempDir()
        let path = SessionStore.journalPath(dir)
        // One line: a followed link would have it quarantined as a torn tail and rewritten.
        let t = try target(linkedFrom: path, bytes: "one line without newline")
        let before = try snapshot(t)
        #expect(throws: JournalError.link(path: path)) {
            try SessionStore(folder: dir, programme: Fixtures.programme)
        }
        #expect(throws: JournalError.link(path: path)) { try Journal(path: path, writable: false) }
        let after = try snapshot(t)
        #expect(after.0 == before.0 && after.1 == 0o644)
        #expect(
            JournalError.link(path: path).message(.fr).contains(
                "est un lien symbolique\u{00A0}: palabre ne le suit pas"))
        #expect(JournalError.link(path: path).message(.en).contains("is a symbolic link: palabre does not follow it"))
    }

    @Test func aLinkedFacilitatorLockIsRefusedAndItsTargetUntouched() throws {
        let dir = Fixtures.tempDir()
        let path = dir + "/.facilitator"
        let t = try target(linkedFrom: path)
        let before = try snapshot(t)
        #expect(throws: SeatLockError.link(path: path)) { try SeatLock(folder: dir) }
        #expect(SeatLock.holder(folder: dir) == nil)
        let after = try snapshot(t)
        #expect(after.0 == before.0 && after.1 == before.1)
        #expect(SeatLockError.link(path: path).message(.fr).contains("« \(path) » est un lien symbolique"))
    }

    @Test func linkedDraftFilesAreNeitherReadNorWrittenThrough() throws {
        let dir = Fixtures.tempDir()
        let draft = DraftFile(folder: dir, seat: "rapporteur")
        let t = try target(linkedFrom: draft.path)
        let before = try snapshot(t)
        #expect(draft.load() == nil)
        // Saving replaces the link itself, never the file it points to.
        try draft.save(Data("draft".utf8))
        #expect(!NoFollow.isLink(draft.path))
        #expect(try snapshot(t).0 == before.0 && snapshot(t).1 == before.1)
        // A linked lock file: the slot is not taken through it.
        let dir2 = Fixtures.tempDir()
        let lockLink = dir2 + "/.draft-rapporteur.json.lock"
        let t2 = try target(linkedFrom: lockLink)
        let before2 = try snapshot(t2)
        #expect(DraftFile.claim(folder: dir2, seat: "rapporteur") == nil)
        #expect(try snapshot(t2).0 == before2.0 && snapshot(t2).1 == before2.1)
    }

    @Test func aLinkedOutFolderIsRefusedAndItsTargetUntouched() throws {
        let dir = Fixtures.tempDir()
        let other = Fixtures.tempDir()
        chmod(other, 0o755)
        let out = SessionStore.outPath(dir)
        try FileManager.default.createSymbolicLink(atPath: out, withDestinationPath: other)
        let state = SessionState(programme: Fixtures.programme)
        let options = DocumentOptions(language: .fr, now: Fixtures.at(9, 0))
        do {
            try Documents.write(state, to: out, options: options)
            Issue.record("a linked out/ was followed")
        } catch let e as DocumentError {
            #expect(e.errno == ELOOP && e.path == out)
            #expect(e.message(.fr).contains("« \(out) » est un lien symbolique\u{00A0}: palabre ne le suit pas"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: other).isEmpty)
        let mode = try FileManager.default.attributesOfItem(atPath: other)[.posixPermissions] as? Int
        #expect(mode == 0o755)
        // The same folder written for real: documents in place, owner-only mode set on the descriptor.
        try FileManager.default.removeItem(atPath: out)
        try Documents.write(state, to: out, options: options)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == Documents.fileNames.sorted())
    }

    @Test func aChosenOutputFolderMustBeAPlainFolderOfTheUserUnlessEmpty() throws {
        let base = Fixtures.tempDir()
        let other = Fixtures.tempDir()
        try FileManager.default.createSymbolicLink(atPath: base + "/link", withDestinationPath: other)
        #expect(throws: DocumentError.self) { try Documents.checkChosenFolder(base + "/link") }
        try Data("x".utf8).write(to: URL(fileURLWithPath: base + "/file"))
        #expect(throws: DocumentError.self) { try Documents.checkChosenFolder(base + "/file") }
        try Documents.checkChosenFolder(base + "/missing")
        try Documents.checkChosenFolder(other)
        // Someone else's folder: fine while empty, refused once it holds anything.
        if geteuid() == 0 {
            let theirs = base + "/theirs"
            mkdir(theirs, 0o777)
            chown(theirs, 65534, 65534)
            try Documents.checkChosenFolder(theirs)
            try Data("x".utf8).write(to: URL(fileURLWithPath: theirs + "/kept"))
            do {
                try Documents.checkChosenFolder(theirs)
                Issue.record("a folder of another user was accepted")
            } catch let e as DocumentError {
                #expect(e.en.contains("is not yours"))
            }
        }
    }

    @Test func permissionDeniedIsSaidAsSuch() {
        let io = JournalError.io(path: "/s/journal.jsonl", operation: "open", errno: EACCES)
        #expect(io.description.contains("“/s/journal.jsonl”: permission denied"))
        #expect(io.message(.fr).contains("permission refusée (permission denied)"))
        #expect(SeatLockError.io(path: "/s/.facilitator", errno: EACCES).description.contains("permission denied"))
        #expect(DocumentError(path: "/s/out", operation: "open", errno: EACCES).en.contains("permission denied"))
        #expect(throws: NoFollow.Failure.system(path: "/nonexistent/x", errno: ENOENT)) {
            try NoFollow.open("/nonexistent/x", .readOnly)
        }
    }
}
