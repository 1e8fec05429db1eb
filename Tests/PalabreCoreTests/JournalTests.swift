import Foundation
import Testing

@testable import PalabreCore

@Suite("Journal")
struct JournalTests {
    func store(_ dir: String) throws -> SessionStore { try SessionStore(folder: dir, programme: Fixtures.programme) }

    @Test func appendsAreDurableLinesWithSeqAndRFC3339Time() throws {
        let dir = Fixtures.tempDir()
        let s = try store(dir)
        try s.perform(.startDay(date: nil), seat: "facilitator", at: Fixtures.at(9, 0, 0).adding(seconds: 0))
        try s.perform(
            .record(EntryContent(kind: .note, text: "Été « guillemets »\u{00A0}: a/b \u{7}")),
            seat: "rapporteur", at: Instant(ms: Fixtures.at(9, 1).ms + 120))
        let text = try String(contentsOfFile: SessionStore.journalPath(dir), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 4 && lines[3].isEmpty)
        #expect(
            lines[0].hasPrefix(
                #"{"seq":1,"at":"2023-10-17T09:00:00.000+00:00","seat":"facilitator","type":"sessionOpened"}"#))
        #expect(lines[2].contains(#""at":"2023-10-17T09:01:00.120+00:00","seat":"rapporteur","type":"entryRecorded""#))
        // Text is stored as typed (UTF-8, slashes unescaped), control characters JSON-escaped.
        #expect(lines[2].contains("Été « guillemets »\u{00A0}: a/b \\u0007"))
        let attrs = try FileManager.default.attributesOfItem(atPath: SessionStore.journalPath(dir))
        #expect((attrs[.posixPermissions] as? Int) == 0o600)
        // A second reader folds the same state.
        let again = try store(dir)
        #expect(again.state == s.state)
    }

    @Test("Journal warnings agree in number and speak the session's language")
    func journalWarningsInBothLanguages() {
        let one = JournalWarning.nulBytes(path: "j", line: 4, offset: 10, count: 1, seq: 5)
        #expect(one.message(.en).contains("1 NUL byte before event 5 (probably a power cut) was skipped"))
        #expect(one.message(.fr).contains("1 octet NUL ignoré avant l'événement 5"))
        let many = JournalWarning.tornTail(path: "j", line: 9, bytes: 12, kept: 8, quarantine: "q")
        #expect(
            many.message(.en)
                == "j:9: the last line was torn (12 bytes, probably a power cut); moved to q; intact events kept: 8.")
        #expect(many.message(.fr).hasPrefix("j:9\u{00A0}: la dernière ligne était déchirée (12 octets,"))
        let kept = JournalWarning.lineBreakMissing(path: "j", seq: 3, completed: false)
        #expect(kept.message(.fr).hasSuffix("il est gardé.") && kept.message(.en).hasSuffix("it is kept."))
    }

    @Test func aTornLastLineIsQuarantinedNotDeleted() throws {
        let dir = Fixtures.tempDir()
        let s = try store(dir)
        try s.perform(.startDay(date: nil), seat: "facilitator", at: Fixtures.at(9, 0))
        let path = SessionStore.journalPath(dir)
        let torn = #"{"seq":3,"at":"2023-10-17T09:01:00.000+00:00","seat":"rap"#
        let h = FileHandle(forWritingAtPath: path)!
        h.seekToEndOfFile(); h.write(torn.data(using: .utf8)!); h.closeFile()
        // Read-only: loads the prefix with a warning, changes nothing.
        let ro = try SessionStore(folder: dir, programme: Fixtures.programme, writable: false)
        #expect(ro.state.lastSeq == 2)
        #expect(ro.warnings.count == 1 && ro.warnings[0].contains(":3: the last line is torn"))
        let fr = try #require(ro.warnings(.fr).first)
        #expect(fr.contains(":3\u{00A0}: la dernière ligne est déchirée (\(torn.utf8.count) octets"), "\(fr)")
        #expect(!fr.contains("byte") && !fr.contains("(s)"), "\(fr)")
        // Writable: the bytes move to a quarantine file and appends go on from seq 3.
        let rw = try store(dir)
        #expect(rw.state.lastSeq == 2)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).filter {
            $0.hasPrefix("journal.jsonl.torn-")
        }
        #expect(files.count == 1)
        #expect(try String(contentsOfFile: dir + "/" + files[0], encoding: .utf8) == torn)
        try rw.perform(.startItem(id: nil), seat: "facilitator", at: Fixtures.at(9, 2))
        #expect(try store(dir).state.lastSeq == 3)
    }

    @Test(
        "The end read on its own (a replay quit early) reports a torn tail as reading the whole journal does",
        arguments: ["", #"{"seq":671,"at":"2023-10-19T17:5"#, "\0\0\0\0\0\0", "\0\0\0" + #"{"seq":671"#])
    func endReadOnItsOwn(tail: String) throws {
        let recorded = DecisionSnapshotTests.root + "/sessions/segou-2023-recorded/journal.jsonl"
        let path = Fixtures.tempDir() + "/journal.jsonl"
        try FileManager.default.copyItem(atPath: recorded, toPath: path)
        let h = try #require(FileHandle(forWritingAtPath: path))
        h.seekToEndOfFile(); h.write(Data(tail.utf8)); h.closeFile()
        let whole = try Journal(path: path, writable: false)
        try whole.forEachEvent { _ in }
        let end = try Journal(path: path, writable: false)
        #expect(try end.checkEnd())
        for language in [Language.fr, .en] { #expect(end.warnings(language) == whole.warnings(language)) }
        #expect(end.tornBytes == whole.tornBytes && end.lastSeq == whole.lastSeq && end.lastSeq > 600)
        #expect(tail.isEmpty == end.warnings(.en).isEmpty, "\(end.warnings(.en))")
        // Once something was read, or with no whole line in its last MiB, it reads nothing.
        #expect(try !whole.checkEnd())
        let oneLine = Fixtures.tempDir() + "/journal.jsonl"
        try Data(repeating: 32, count: 1 << 21).write(to: URL(fileURLWithPath: oneLine))
        #expect(try !Journal(path: oneLine, writable: false).checkEnd())
    }

    @Test func damageInTheMiddleIsRefusedWithItsLine() throws {
        let dir = Fixtures.tempDir()
        let s = try store(dir)
        try s.perform(.startDay(date: nil), seat: "f", at: Fixtures.at(9, 0))
        try s.perform(.startItem(id: nil), seat: "f", at: Fixtures.at(9, 1))
        let path = SessionStore.journalPath(dir)
        var lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        lines[1] = "garbage"
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: false, encoding: .utf8)
        #expect(throws: JournalError.damaged(path: path, line: 2, reason: .notAnEvent)) { try store(dir) }
        // The file is left as it was.
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("garbage"))
    }

    @Test func aSeqGapIsDamage() throws {
        let dir = Fixtures.tempDir()
        let s = try store(dir)
        try s.perform(.startDay(date: nil), seat: "f", at: Fixtures.at(9, 0))
        try s.perform(.startItem(id: nil), seat: "f", at: Fixtures.at(9, 1))
        let path = SessionStore.journalPath(dir)
        let text = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(
            of: #""seq":3"#, with: #""seq":4"#)
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        #expect(throws: JournalError.damaged(path: path, line: 3, reason: .seqGap(found: 4, expected: 3))) {
            _ = try SessionStore(folder: dir, programme: Fixtures.programme, writable: false)
        }
    }

    @Test func aStaleWriterGetsAConflictAndTheStoreCatchesUp() throws {
        let dir = Fixtures.tempDir()
        let a = try store(dir)
        let b = try store(dir)
        try a.perform(.startDay(date: nil), seat: "facilitator", at: Fixtures.at(9, 0))
        // b has not read a's events: a raw append stating the seq it expects is refused…
        #expect(throws: JournalError.conflict(expected: 1, found: 1)) {
            try b.log.append([.sessionOpened], expectedSeq: 1, at: Fixtures.at(9, 1), seat: "rapporteur")
        }
        // …and the store folds the newer events before deciding again.
        let e = try b.perform(.startItem(id: nil), seat: "facilitator", at: Fixtures.at(9, 1))
        #expect(e.map(\.seq) == [3])
        try a.refresh()
        #expect(a.state == b.state)
    }

    @Test func timeNeverGoesBackwards() throws {
        let dir = Fixtures.tempDir()
        let s = try store(dir)
        try s.perform(.startDay(date: nil), seat: "f", at: Fixtures.at(9, 0))
        let e = try s.perform(.startItem(id: nil), seat: "f", at: Fixtures.at(8, 0))
        #expect(e[0].at == Fixtures.at(9, 0))
    }

    @Test func rfc3339RoundTrips() {
        let i = Instant(ms: 1_697_533_333_120)
        #expect(RFC3339.format(i, offsetSeconds: 0) == "2023-10-17T09:02:13.120+00:00")
        #expect(RFC3339.parse("2023-10-17T09:02:13.120+00:00") == i)
        #expect(RFC3339.parse("2023-10-17T09:02:13.12Z") == i)
        #expect(RFC3339.parse("2023-10-17T11:02:13.120+02:00") == i)
        #expect(RFC3339.format(i, offsetSeconds: -5400) == "2023-10-17T07:32:13.120-01:30")
        #expect(RFC3339.parse("2023-10-17 09:02") == nil)
        // More than three fraction digits are cut to milliseconds, never a crash.
        #expect(RFC3339.parse("2023-10-17T09:02:13.1234+00:00") == Instant(ms: 1_697_533_333_123))
        #expect(RFC3339.parse("2023-10-17T09:02:13.123456789Z") == Instant(ms: 1_697_533_333_123))
        #expect(RFC3339.parse("2023-10-17T09:02:13.120+25:00") == nil)
    }

    @Test func aBlankLineIsNeverSkippedSilently() throws {
        let dir = Fixtures.tempDir()
        let s = try store(dir)
        try s.perform(.startDay(date: nil), seat: "f", at: Fixtures.at(9, 0))
        let path = SessionStore.journalPath(dir)
        let h = FileHandle(forWritingAtPath: path)!
        h.seekToEndOfFile(); h.write(Data("\n".utf8)); h.closeFile()
        let ro = try SessionStore(folder: dir, programme: Fixtures.programme, writable: false)
        #expect(ro.journal?.tornBytes == 1)
        // Opened for writing, the blank line goes to quarantine; appends go on cleanly.
        let rw = try store(dir)
        try rw.perform(.startItem(id: nil), seat: "f", at: Fixtures.at(9, 1))
        let again = try SessionStore(folder: dir, programme: Fixtures.programme, writable: false)
        #expect(again.state.lastSeq == 3 && again.warnings.isEmpty)
        // A blank line followed by events is damage, with its line.
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "}\n{\"seq\":3", with: "}\n\n{\"seq\":3")
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        #expect(throws: JournalError.damaged(path: path, line: 3, reason: .emptyLine)) { try store(dir) }
    }
}

/// Each kind of damage a reader meets is named for what it is, in both languages.
@Suite("Journal damage named")
struct JournalDamageTests {
    /// A journal of five events (opened, day, item, two notes) and its path, its lines changed by `edit`.
    func damaged(_ edit: (inout [String]) -> Void) throws -> String {
        let path = SessionStore.journalPath(try Fixtures.fiveEventSession())
        var lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        edit(&lines)
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: false, encoding: .utf8)
        return path
    }

    func damage(_ path: String) -> JournalError? {
        do {
            _ = try Journal(path: path, writable: false).loadAll()
            return nil
        } catch { return error as? JournalError }
    }

    @Test("Two swapped lines are lines out of order, not missing events")
    func swappedLines() throws {
        let path = try damaged { $0.swapAt(3, 4) }
        let e = try #require(damage(path))
        #expect(e == .damaged(path: path, line: 4, reason: .outOfOrder(found: 5, expected: 4, line: 5)))
        #expect(e.message(.fr).contains("désordre") && !e.message(.fr).contains("manque"))
        #expect(e.message(.en).contains("out of order") && !e.message(.en).contains("missing"))
    }

    @Test("A seq missing for good is a gap, said as events missing")
    func missingLine() throws {
        let path = try damaged { $0.remove(at: 2) }
        let e = try #require(damage(path))
        #expect(e == .damaged(path: path, line: 3, reason: .seqGap(found: 4, expected: 3)))
        #expect(e.message(.fr).contains("il manque des événements"))
        #expect(e.message(.en).contains("events are missing"))
    }

    @Test("A seq used twice is named as such")
    func repeatedSeq() throws {
        let path = try damaged { $0.insert($0[1], at: 3) }
        #expect(damage(path) == .damaged(path: path, line: 4, reason: .seqRepeated(found: 2, expected: 4)))
    }

    @Test("An event type of a later version is named, with the likely cause")
    func unknownType() throws {
        let path = try damaged { $0[3] = $0[3].replacingOccurrences(of: "\"entryRecorded\"", with: "\"motionTabled\"") }
        let e = try #require(damage(path))
        #expect(e == .damaged(path: path, line: 4, reason: .unknownType("motionTabled")))
        #expect(e.message(.fr).contains("« motionTabled »") && e.message(.fr).contains("version plus récente"))
        #expect(e.message(.en).contains("\"motionTabled\"") && e.message(.en).contains("later version"))
    }

    @Test("A line of NUL bytes in the middle is named as one")
    func nulLine() throws {
        let path = try damaged { $0[2] = String(repeating: "\u{0}", count: $0[2].utf8.count) }
        let e = try #require(damage(path))
        #expect(e == .damaged(path: path, line: 3, reason: .nulLine))
        #expect(e.message(.fr).contains("octets NUL") && e.message(.en).contains("NUL bytes"))
    }
}

/// Every kind of damage and every repair step is said in both languages with their typography.
@Suite("Journal damage and repair in both languages")
struct JournalDamageLanguageTests {
    static let damages: [JournalDamage] = [
        .notAnEvent, .unknownType("motionTabled"), .emptyLine, .nulLine, .timeGoesBackwards,
        .seqGap(found: 7, expected: 5), .outOfOrder(found: 6, expected: 5, line: 9),
        .seqRepeated(found: 2, expected: 5),
    ]

    func checkTypography(fr: String, en: String) {
        #expect(fr != en, "\(fr)")
        for mark in [" ;", " :", " ?", " !"] { #expect(!fr.contains(mark), "plain space before a French mark: \(fr)") }
        #expect(!en.contains("\u{00A0}") && !en.contains("«"), "\(en)")
    }

    @Test("Each damage, alone and in the reader's message, in French and in English")
    func damages() {
        for d in Self.damages {
            checkTypography(fr: d.text(.fr), en: d.text(.en))
            let e = JournalError.damaged(path: "j.jsonl", line: 3, reason: d)
            #expect(e.message(.fr).contains(d.text(.fr)) && e.message(.en).contains(d.text(.en)))
            let b = JournalRepair.Blocker(line: 3, offset: 0, damage: d)
            checkTypography(fr: JournalRepair.message(b, .fr), en: JournalRepair.message(b, .en))
        }
    }

    @Test("Each problem repair shows, and the change it proposes, in French and in English")
    func repairSteps() {
        let kinds: [JournalRepair.Problem.Kind] = [
            .duplicate(of: 2), .seqAlreadyUsed(seq: 2, by: 2), .nulBytes(beforeSeq: 4), .nulLine,
            .outOfOrder(seq: 4, before: 4), .movedUp(seq: 5, after: 4), .cutByZeros(beforeSeq: 4), .emptyLine,
            .unknownType("x"), .notAnEvent,
            .tornTail,
        ]
        for kind in kinds {
            for placeholder in [nil, 3] {
                for count in [1, 2] {
                    let p = JournalRepair.Problem(
                        line: 3, offset: 10, length: 40, kind: kind, placeholderSeq: placeholder,
                        placeholderCount: count)
                    checkTypography(fr: JournalRepair.reason(p, .fr), en: JournalRepair.reason(p, .en))
                    checkTypography(fr: JournalRepair.change(p, .fr), en: JournalRepair.change(p, .en))
                }
            }
        }
    }
}

/// Every journal error is said in French and in English, each with its own typography.
@Suite("Journal errors in both languages")
struct JournalErrorLanguageTests {
    @Test func everyCaseHasAFrenchAndAnEnglishMessage() {
        let cases: [JournalError] = [
            .damaged(path: "j.jsonl", line: 3, reason: .notAnEvent),
            .damaged(path: "j.jsonl", line: 3, reason: .unknownType("motionTabled")),
            .damaged(path: "j.jsonl", line: 3, reason: .seqGap(found: 5, expected: 3)),
            .io(path: "j.jsonl", operation: "write", errno: EIO),
            .io(path: "j.jsonl", operation: "open", errno: EACCES), .diskFull(path: "j.jsonl"),
            .conflict(expected: 4, found: 6), .readOnly(path: "j.jsonl"), .link(path: "j.jsonl"),
            .replaced(path: "j.jsonl"),
        ]
        for e in cases {
            let fr = e.message(.fr), en = e.message(.en)
            #expect(fr != en, "\(e)")
            #expect(!en.contains("\u{00A0}") && !en.contains("«"), "\(en)")
            #expect(!fr.contains("the journal") && !fr.contains("try again"), "\(fr)")
            for mark in [" ;", " :", " ?", " !"] {
                #expect(!fr.contains(mark), "plain space before a French mark: \(fr)")
            }
            if case .damaged = e {
                let w = e.readUpToWarning(events: 2, .fr)
                for mark in [" ;", " :", " ?", " !"] { #expect(!w.contains(mark), "\(w)") }
                #expect(w != e.readUpToWarning(events: 2, .en))
            }
        }
    }
}

/// The message of a damaged journal says which lines are intact, or that the first one is not.
@Suite("Damaged journal messages")
struct DamagedJournalMessageTests {
    @Test("Damage on line 1 does not speak of the lines before it; later damage does", arguments: [Language.fr, .en])
    func firstLine(language: Language) {
        let first = JournalError.damaged(path: "s/journal.jsonl", line: 1, reason: .notAnEvent).message(language)
        let later = JournalError.damaged(path: "s/journal.jsonl", line: 40, reason: .notAnEvent).message(language)
        #expect(first.contains(language == .fr ? "c'est sa première ligne" : "it is its first line"), "\(first)")
        #expect(!first.contains(language == .fr ? "avant la ligne 1" : "before 1"), "\(first)")
        #expect(
            later.contains(
                language == .fr ? "les lignes avant la ligne 40 sont intactes" : "the lines before 40 are intact"))
        #expect(first.contains("palabre repair s"))
    }
}
