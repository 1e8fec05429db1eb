import Foundation
import Testing

@testable import PalabreCore

/// Root of the package, found from this file's path (Tests/PalabreCoreTests/ProgrammeTests.swift).
private let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

private func session(_ name: String) -> String {
    packageRoot.appendingPathComponent("sessions").appendingPathComponent(name).path
}

/// A small valid programme; tests append or alter lines to provoke one problem at a time.
private let minimal = """
    title: Table ronde
    venue: Salle
    days:
      - date: 2023-10-17
        items:
          - id: a
            kind: opening
            title: Ouverture
            start: 09:00
            duration: 30m

    """

private func messages(_ r: ProgrammeLoadResult) -> [String] { r.diagnostics.map(\.description) }

// MARK: - Samples

@Suite struct SampleSessionTests {
    @Test func segouLoadsWithoutDiagnostics() throws {
        let r = try ProgrammeLoader.load(path: session("segou-2023"))
        #expect(r.diagnostics.isEmpty, "\(messages(r))")
        let p = try #require(r.programme)
        #expect(p.title.contains("Pro-ARIDES"))
        #expect(p.venue == "Salle de réunion du Conseil Régional de Ségou")
        #expect(p.city == "Ségou")
        #expect(p.language == .fr)
        #expect(p.timeZone == "Africa/Bamako")
        #expect(p.organisers == ["nef", "adr-segou", "adr-mopti", "conseil-regional-segou"])
        #expect(p.days.map(\.date) == ["2023-10-17", "2023-10-18", "2023-10-19"])
        #expect(p.partners.map(\.acronym) == ["ANICT", "PAM", "OMS", "UNICEF"])
        #expect(p.organisations.first { $0.id == "nef" }?.feminine == true)
        #expect(p.organisations.first { $0.id == "pam" }?.feminine == false)

        #expect(p.communes.count == 17)
        #expect(p.communes.filter { $0.cercle == "Tominian" }.count == 12)
        #expect(p.communes.filter { $0.cercle == "San" }.count == 5)
        #expect(p.communes.allSatisfy { !$0.fiches.isEmpty })
        let fiches = p.communes.flatMap(\.fiches)
        #expect(fiches.allSatisfy { $0.contribution + $0.amountSought == $0.totalCost })
        #expect(fiches.contains { $0.mode == .ppp && $0.studyStatus == .idea })

        #expect((45...55).contains(p.participants.count))
        #expect(p.participants.filter { $0.sex == .female }.count == 4)
        #expect(p.participants.allSatisfy { $0.name == nil })

        let pitches = p.days[1].items.filter { $0.kind == .communePitch }
        #expect(pitches.count == 17)
        #expect(p.days[0].items.filter { $0.kind == .partnerPresentation }.count == 4)
        #expect(p.days[0].items.first { $0.id == "d1-ouverture" }?.fixed == true)
        #expect(p.days[2].items.last?.kind == .closing)
        #expect(p.days[2].items.last?.fixed == true)
        for day in p.days {
            let schedule = day.schedule
            #expect(schedule.first!.start >= 8 * 3600 + 30 * 60)
            #expect(schedule.last!.end <= 17 * 3600 + 30 * 60)
        }
    }

    @Test func demoLoadsWithoutDiagnostics() throws {
        let r = try ProgrammeLoader.load(path: session("demo") + "/programme.yaml")
        #expect(r.diagnostics.isEmpty, "\(messages(r))")
        let p = try #require(r.programme)
        #expect(p.days.count == 1)
        #expect(p.partners.count == 2)
        #expect(p.communes.count == 2)
        #expect(p.participants.filter { $0.sex == .female }.count == 2)
        let day = p.days[0]
        #expect(day.items.count == 6)
        #expect(day.items.first?.plannedStart == 9 * 60)
        #expect(day.items.first?.fixed == true)
        #expect(day.items.last?.kind == .closing)
        #expect(day.items.last?.fixed == true)
        #expect(day.schedule.last?.end == 10 * 3600)
        #expect(day.items[2].fiches == ["TIM-01", "TIM-02"])
    }

    @Test func exampleOfTheFormatDocumentIsValid() throws {
        let doc = try String(
            contentsOf: packageRoot.appendingPathComponent("docs/programme-format.md"), encoding: .utf8)
        let start = try #require(doc.range(of: "## Example\n\n```yaml\n"))
        let end = try #require(doc.range(of: "\n```", range: start.upperBound..<doc.endIndex))
        let r = ProgrammeLoader.parse(String(doc[start.upperBound..<end.lowerBound]), file: "example")
        #expect(r.diagnostics.isEmpty, "\(messages(r))")
        let p = try #require(r.programme)
        #expect(p.days[0].schedule.map { ClockTime.format($0.start / 60) } == ["09:00", "09:30", "09:50"])
    }
}

// MARK: - Diagnostics

@Suite struct DiagnosticTests {
    @Test func brokenProgrammeReportsEveryProblemAtOnce() {
        let yaml = """
            venue: Salle du Conseil
            organisations:
              - id: unicef
                acronym: UNICEF
                name: Fonds des Nations Unies pour l'Enfance
                type: partner
            communes:
              - id: timissa
                name: Timissa
                cercle: Tominian
                region: San
                fiches:
                  - id: unicef
                    title: Forage
                    sector: eau
                    total_cost: 12.5
                    contribution: -3
            participants:
              - id: maire-timissa
                function: Maire de Timissa
                organisation: timissa
            days:
              - date: 2023-10-32
                items:
                  - id: d1-ouverture
                    kind: opening
                    title: Ouverture
                    start: 25:00
                    duration: 1h9x
              - date: 2023-10-18
                items:
                  - id: d2-rappel
                    kind: synthesis
                    title: Rappel
                    start: 08:30
                    durration: 30m
                    duration: 30m
                    presenters: [maire-timisa]
                  - id: d2-pitch
                    kind: commune-pitch
                    title: Timissa
                    start: 08:45
                    duration: 15m

            """
        let r = ProgrammeLoader.parse(yaml, file: "programme.yaml")
        #expect(r.programme == nil)
        #expect(r.hasErrors)
        #expect(
            messages(r) == [
                "programme.yaml:1:1: title: missing required field: expected the title of the meeting",
                "programme.yaml:13:13: communes[0].fiches[0].id: duplicate id \"unicef\": already used by the "
                    + "organisation at line 3, column 9 (organisations[0].id); expected ids unique across the "
                    + "programme",
                "programme.yaml:16:21: communes[0].fiches[0].total_cost: invalid amount \"12.5\": an amount is a "
                    + "whole number (FCFA has no decimals here); expected no decimals, e.g. 120 000 000",
                "programme.yaml:17:23: communes[0].fiches[0].contribution: invalid amount \"-3\": an amount cannot "
                    + "be negative; expected 0 or more, e.g. 120 000 000",
                "programme.yaml:23:11: days[0].date: invalid date \"2023-10-32\": expected a real date written "
                    + "YYYY-MM-DD, e.g. 2023-10-17",
                "programme.yaml:28:16: days[0].items[0].start: invalid time \"25:00\": expected a time of day from "
                    + "00:00 to 23:59, e.g. 09:00 or 9h30",
                "programme.yaml:29:19: days[0].items[0].duration: invalid duration \"1h9x\": expected a duration "
                    + "such as 20m, 1h30, 45s or 90 (minutes)",
                "programme.yaml:36:9: days[1].items[0].durration: unknown key \"durration\": did you mean "
                    + "\"duration\"?",
                "programme.yaml:38:22: days[1].items[0].presenters[0]: unknown id \"maire-timisa\": did you mean "
                    + "\"maire-timissa\"?",
                "programme.yaml:42:16: warning: days[1].items[1].start: starts at 08:45 but the previous item "
                    + "\"d2-rappel\" runs until 09:00 (15 min overlap): expected a start at 09:00 or later, "
                    + "or a shorter previous item",
            ])
        #expect(r.errors.count == 9)
        #expect(r.warnings.count == 1)
        let overlap = r.warnings[0]
        #expect(overlap.severity == .warning)
        #expect((overlap.line, overlap.column) == (42, 16))
        #expect(overlap.field == "days[1].items[1].start")
    }

    @Test func warningsAloneStillGiveAProgramme() throws {
        let yaml =
            minimal + """
                      - id: b
                        kind: debate
                        title: Débat
                        start: 09:15
                        duration: 20m

                """
        let r = ProgrammeLoader.parse(yaml, file: "p.yaml")
        #expect(!r.hasErrors)
        #expect(r.warnings.count == 1)
        let p = try #require(r.programme)
        #expect(p.days[0].items.map(\.id) == ["a", "b"])
    }

    @Test func yamlSyntaxErrorHasLineAndColumn() {
        let r = ProgrammeLoader.parse("title: x\nvenue: [a, b\ndays: []\n", file: "p.yaml")
        #expect(r.programme == nil)
        #expect(
            messages(r) == [
                "p.yaml:3:5: invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence at "
                    + "line 2, column 8); expected YAML as described in docs/programme-format.md"
            ])
    }

    @Test func tabIndentationIsExplained() {
        let r = ProgrammeLoader.parse("title: x\nvenue:\n\tsalle: 1\n", file: "p.yaml")
        #expect(r.diagnostics.count == 1)
        #expect(r.diagnostics[0].line == 3)
        #expect(r.diagnostics[0].column == 1)
        #expect(r.diagnostics[0].message.hasSuffix("tabs cannot indent YAML: expected spaces"))
    }

    @Test func repeatedKeyIsReportedWithTheOtherProblems() {
        let yaml = """
            title: Table ronde
            venue: Salle
            title: Encore
            language: de
            days: []

            """
        let r = ProgrammeLoader.parse(yaml, file: "p.yaml")
        #expect(
            messages(r) == [
                "p.yaml:3:1: title: duplicate key \"title\": already given at line 1, column 1; expected each key once",
                "p.yaml:4:11: language: unknown language \"de\": expected one of fr, en",
            ])
    }

    @Test func wrongTypesAndMissingFields() {
        let yaml = """
            title: [Table, ronde]
            venue: Salle
            communes:
              timissa: Timissa
            participants:
              - id: x
            days:
              - date: 2023-10-17
                items:
                  - id: a
                    kind: opening
                    title: Ouverture
                    duration: 10m

            """
        let r = ProgrammeLoader.parse(yaml, file: "p.yaml")
        #expect(
            messages(r) == [
                "p.yaml:1:8: title: expected the title of the meeting, found a list",
                "p.yaml:4:3: communes: expected a list (lines starting with \"- \"), found a mapping (key: value "
                    + "lines)",
                "p.yaml:6:5: participants[0].function: missing required field: expected the function, e.g. Maire de "
                    + "Timissa",
                "p.yaml:10:9: days[0].items[0].start: the first item of a day needs a start time: expected e.g. start: "
                    + "\"08:30\"",
            ])
    }

    @Test func referencesMustNameTheRightKindOfThing() {
        let yaml = """
            title: T
            venue: V
            organisers: [timissa, nef]
            communes:
              - id: timissa
                name: Timissa
                cercle: Tominian
                region: San
            days:
              - date: 2023-10-17
                items:
                  - id: a
                    kind: opening
                    title: Ouverture
                    start: "09:00"
                    duration: 10m
                    moderator: timissa
                    fiches: [TIM-09]

            """
        let r = ProgrammeLoader.parse(yaml, file: "p.yaml")
        #expect(
            messages(r) == [
                "p.yaml:3:14: organisers[0]: \"timissa\" is a commune (communes[0].id): expected the id of an "
                    + "organisation",
                "p.yaml:3:23: organisers[1]: unknown organisation \"nef\": expected the id of an organisation listed "
                    + "under organisations",
                "p.yaml:17:20: days[0].items[0].moderator: \"timissa\" is a commune (communes[0].id): expected the "
                    + "id of "
                    + "a participant",
                "p.yaml:18:18: days[0].items[0].fiches[0]: unknown project fiche \"TIM-09\": expected the id of a "
                    + "project fiche "
                    + "listed under the fiches of a commune",
            ])
    }

    @Test func daysMustBeInOrderAndUnique() {
        let day = { (date: String, id: String) in
            """
              - date: \(date)
                items:
                  - id: \(id)
                    kind: other
                    title: X
                    start: "09:00"
                    duration: 1h

            """
        }
        let yaml =
            "title: T\nvenue: V\ndays:\n" + day("2023-10-18", "a") + day("2023-10-18", "b")
            + day("2023-10-17", "c")
        let r = ProgrammeLoader.parse(yaml, file: "p.yaml")
        #expect(
            messages(r) == [
                "p.yaml:11:11: days[1].date: date 2023-10-18 is already used by days[0] (line 4): expected one entry "
                    + "per day",
                "p.yaml:18:11: days[2].date: date 2023-10-17 comes before 2023-10-18 (days[1]): expected days in date "
                    + "order",
            ])
    }

    @Test func enumValuesAndTimeZone() {
        let yaml = """
            title: T
            venue: V
            timezone: Africa/Ségou
            organisations:
              - id: o
                acronym: O
                name: Org
                type: sponsor
            participants:
              - id: p
                function: F
                sex: X
            days:
              - date: 2023-10-17
                items:
                  - id: a
                    kind: pitch-commune
                    title: X
                    start: "09:00"
                    duration: 1h
                    fixed: maybe

            """
        let r = ProgrammeLoader.parse(yaml, file: "p.yaml")
        #expect(
            messages(r) == [
                "p.yaml:3:11: timezone: unknown time zone \"Africa/Ségou\": expected an IANA time-zone name such as "
                    + "Africa/Bamako",
                "p.yaml:8:11: organisations[0].type: unknown type \"sponsor\": expected one of partner, commune, "
                    + "state-service, ngo, private, organiser",
                "p.yaml:12:10: participants[0].sex: unknown sex \"X\": expected one of F, M, unspecified",
                "p.yaml:17:15: days[0].items[0].kind: unknown kind \"pitch-commune\": expected one of opening, "
                    + "framing-talk, "
                    + "partner-presentation, commune-pitch, debate, group-work, report-back, synthesis, break, "
                    + "closing, "
                    + "follow-up, quorum, approve-minutes, vote, public-comment, any-other-business, other",
                "p.yaml:21:16: days[0].items[0].fixed: invalid value \"maybe\": expected true or false (oui / non)",
            ])
    }

    @Test func amountsThatDoNotAddUpAreAWarning() throws {
        let yaml =
            minimal + """
                communes:
                  - id: c
                    name: C
                    cercle: Tominian
                    region: San
                    fiches:
                      - id: C-01
                        title: Forage
                        sector: eau
                        total_cost: 13 830 294 624
                        contribution: 13_830_294_624
                        amount_sought: 1e6
                      - id: C-02
                        title: Marché
                        sector: marché
                        total_cost: 100 000 000
                        contribution: 10 000 000
                        amount_sought: 80 000 000

                """
        let r = ProgrammeLoader.parse(yaml, file: "p.yaml")
        #expect(
            messages(r) == [
                "p.yaml:22:24: communes[0].fiches[0].amount_sought: invalid amount \"1e6\": expected the amount "
                    + "written "
                    + "in full digits, e.g. 1 000 000 rather than 1e6",
                "p.yaml:26:21: warning: communes[0].fiches[1].total_cost: contribution + amount_sought = 90 000 000 "
                    + "FCFA, "
                    + "but total_cost is 100 000 000 FCFA: expected the two parts to add up to the total",
            ])
    }

    @Test func unknownTopLevelKeyWithoutCloseMatchListsTheKnownOnes() {
        let r = ProgrammeLoader.parse(minimal + "zzz: 1\n", file: "p.yaml")
        #expect(r.diagnostics.count == 1)
        #expect(r.diagnostics[0].field == "zzz")
        #expect(r.diagnostics[0].message.hasPrefix("unknown key \"zzz\": expected one of title, venue, city,"))
    }

    @Test func descriptionFormat() {
        var d = Diagnostic(file: "f.yaml", line: 3, column: 7, field: "days[0].date", message: "bad")
        #expect(d.description == "f.yaml:3:7: days[0].date: bad")
        d.severity = .warning
        #expect(d.description == "f.yaml:3:7: warning: days[0].date: bad")
        d.field = ""
        #expect(d.description == "f.yaml:3:7: warning: bad")
    }
}

// MARK: - Values kept as typed

@Suite struct ScalarTextTests {
    @Test func unquotedTimeStaysATime() throws {
        let r = ProgrammeLoader.parse(minimal, file: "p.yaml")
        let p = try #require(r.programme)
        #expect(p.days[0].items[0].plannedStart == 9 * 60)
        #expect(ClockTime.format(p.days[0].items[0].plannedStart!) == "09:00")
    }

    @Test func yesNoWordsStayText() throws {
        let yaml =
            minimal.replacingOccurrences(of: "title: Table ronde", with: "title: NO")
            .replacingOccurrences(of: "venue: Salle", with: "venue: off")
            + "participants:\n  - id: p\n    function: oui\n    name: NO\n"
        let p = try #require(ProgrammeLoader.parse(yaml, file: "p.yaml").programme)
        #expect(p.title == "NO")
        #expect(p.venue == "off")
        #expect(p.participants[0].function == "oui")
        #expect(p.participants[0].name == "NO")
    }

    @Test func textIsNormalisedToNFC() throws {
        let decomposed = "Se\u{301}gou"
        #expect(decomposed.unicodeScalars.count == 6)
        let yaml = minimal + "city: \(decomposed)\n"
        let p = try #require(ProgrammeLoader.parse(yaml, file: "p.yaml").programme)
        #expect(p.city?.unicodeScalars.count == 5)
        #expect(
            p.city?.unicodeScalars.elementsEqual("Ségou".precomposedStringWithCanonicalMapping.unicodeScalars) == true)
    }

    @Test func frenchSpellingsOfEnumerations() throws {
        let yaml =
            minimal + """
                communes:
                  - id: c
                    name: C
                    cercle: Tominian
                    region: San
                    fiches:
                      - id: C-01
                        title: A
                        sector: eau
                        total_cost: 100
                        mode: PPP
                        study_status: étude de faisabilité
                      - id: C-02
                        title: B
                        sector: eau
                        total_cost: 100
                        contribution: 10
                        study_status: idée
                      - id: C-03
                        title: C
                        sector: eau
                        total_cost: 100
                        study_status: évaluation préalable
                participants:
                  - id: h
                    function: Maire
                    sex: H
                  - id: f
                    function: SG
                    sex: F
                  - id: u
                    function: Délégué
                organisations:
                  - id: o
                    acronym: O
                    name: Org
                    type: ptf

                """
        let r = ProgrammeLoader.parse(yaml, file: "p.yaml")
        #expect(r.diagnostics.isEmpty, "\(messages(r))")
        let p = try #require(r.programme)
        let fiches = p.communes[0].fiches
        #expect(fiches.map(\.mode) == [.ppp, .classique, .classique])
        #expect(fiches.map(\.studyStatus) == [.feasibilityStudy, .idea, .appraisal])
        #expect(fiches.map(\.priority) == [1, 2, 3])
        #expect(fiches[0].contribution == 0 && fiches[0].amountSought == 100)
        #expect(fiches[1].contribution == 10 && fiches[1].amountSought == 90)
        #expect(p.participants.map(\.sex) == [.male, .female, .unspecified])
        #expect(p.organisations[0].type == .partner)
    }
}

// MARK: - Robustness

@Suite struct RobustnessTests {
    @Test(arguments: [
        "", "   \n", "# only a comment\n", "just text", "- a\n- b\n", "42", "~",
        "title: x\n---\ntitle: y\n", "a: *missing\n", "{", "\u{0}\u{1}\u{2}",
        String(repeating: "[", count: 100_000), String(repeating: "- ", count: 10_000),
        "title: x\nvenue: y\ndays:\n  - 3\n  - [a]\n  - {date: 2023-10-17, items: 7}\n",
    ])
    func oddInputGivesDiagnosticsNotACrash(_ text: String) {
        let r = ProgrammeLoader.parse(text, file: "p.yaml")
        #expect(r.programme == nil)
        #expect(r.hasErrors)
        #expect(r.diagnostics.allSatisfy { $0.line >= 1 && $0.column >= 1 && !$0.message.isEmpty })
    }

    @Test func mutatedSamplesNeverCrash() throws {
        let demo = try String(contentsOfFile: session("demo") + "/programme.yaml", encoding: .utf8)
        let chars = Array(demo)
        let alphabet = Array(":-[]{}#&*!|>'\"%@` \t\n0123456789aé,?")
        var rng = SplitMix64(seed: 2023_10_17)
        for _ in 0..<300 {
            var mutated = chars
            for _ in 0..<Int.random(in: 1...8, using: &rng) {
                let i = Int.random(in: 0..<mutated.count, using: &rng)
                switch Int.random(in: 0..<3, using: &rng) {
                case 0: mutated.remove(at: i)
                case 1: mutated.insert(alphabet.randomElement(using: &rng)!, at: i)
                default: mutated[i] = alphabet.randomElement(using: &rng)!
                }
            }
            let r = ProgrammeLoader.parse(String(mutated), file: "p.yaml")
            #expect(r.programme != nil || r.hasErrors)
        }
    }

    @Test func loadReportsUnreadablePaths() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("palabre-load-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }

        #expect(throws: ProgrammeReadError.self) { try ProgrammeLoader.load(path: dir.path + "/nothing.yaml") }
        do {
            _ = try ProgrammeLoader.load(path: dir.path)
            Issue.record("a folder without programme.yaml must not load")
        } catch let error as ProgrammeReadError {
            #expect(error.path == dir.path)
            #expect(error.description.contains("has no programme.yaml"))
        }

        let file = dir.appendingPathComponent("programme.yaml")
        try Data(minimal.utf8).write(to: file)
        let r = try ProgrammeLoader.load(path: dir.path)
        #expect(r.diagnostics.isEmpty)
        #expect(r.programme?.title == "Table ronde")

        try Data([0x74, 0x69, 0x0A, 0x61, 0xFF, 0x62]).write(to: file)
        let bad = try ProgrammeLoader.load(path: file.path)
        #expect(
            bad.diagnostics.map(\.description) == [
                "\(file.path):2:2: the file is not UTF-8 text: expected a text file saved as UTF-8"
            ])
    }
}

/// Small deterministic generator, so the mutation and fuzz tests are the same on every run.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

// MARK: - Value parsers

@Suite struct ValueParserTests {
    @Test func durations() {
        let table: [(String, Int?)] = [
            ("20m", 1200), ("1h30", 5400), ("90", 5400), ("1h", 3600), ("45s", 45), ("1h30m", 5400),
            ("20 min", 1200), ("20mn", 1200), ("1 h 30", 5400), ("2m30s", 150), ("1h05m30s", 3930),
            ("1H30", 5400), ("0", 0),
            ("1h9x", nil), ("", nil), ("1.5h", nil), ("-5m", nil), ("30m1h", nil), ("1m30", nil),
            ("m", nil), ("1 30", nil), ("1h1h", nil), ("9999999", nil),
        ]
        for (text, expected) in table {
            #expect(Durations.parse(text) == expected, "\(text)")
        }
    }

    @Test func durationFormatRoundTrips() {
        let cases: [(Int, String)] = [
            (1200, "20 min"), (5400, "1h30"), (3600, "1h"), (3900, "1h05"), (45, "45 s"),
            (150, "2 min 30 s"), (3930, "1h05m30s"), (0, "0 min"),
        ]
        for (seconds, text) in cases {
            #expect(Durations.format(seconds: seconds) == text)
            #expect(Durations.parse(text) == seconds)
        }
    }

    @Test func clockTimes() {
        let table: [(String, Int?)] = [
            ("09:00", 540), ("9:00", 540), ("09h00", 540), ("9h", 540), ("9h30", 570), ("23:59", 1439),
            ("00:00", 0), ("25:00", nil), ("24:00", nil), ("9:7", nil), ("9.30", nil), ("", nil), ("9:", nil),
            ("h30", nil), ("12:60", nil),
        ]
        for (text, expected) in table {
            #expect(ClockTime.parse(text) == expected, "\(text)")
        }
        #expect(ClockTime.format(570) == "09:30")
        #expect(ClockTime.format(0) == "00:00")
        #expect(ClockTime.format(1500) == "01:00")
    }

    @Test func calendarDates() {
        #expect(CalendarDate.isValid("2023-10-17"))
        #expect(CalendarDate.isValid("2024-02-29"))
        #expect(!CalendarDate.isValid("2023-02-29"))
        #expect(!CalendarDate.isValid("2023-10-32"))
        #expect(!CalendarDate.isValid("2023-13-01"))
        #expect(!CalendarDate.isValid("17/10/2023"))
        #expect(!CalendarDate.isValid("2023-1-17"))
        let c = CalendarDate.components("2023-10-17")
        #expect(c?.year == 2023 && c?.month == 10 && c?.day == 17)
    }

    @Test func amounts() {
        #expect(Amounts.parse("13 830 294 624") == 13_830_294_624)
        #expect(Amounts.parse("13_830_294_624") == 13_830_294_624)
        #expect(Amounts.parse("13830294624") == 13_830_294_624)
        #expect(Amounts.parse("13\u{202F}830\u{202F}294\u{202F}624") == 13_830_294_624)
        #expect(Amounts.parse("0") == 0)
        for bad in ["12.5", "12,5", "-3", "1e6", "1 30 000", "abc", "", "99999999999999999999", "1_000_"] {
            #expect(Amounts.parse(bad) == nil, "\(bad)")
        }
        #expect(Amounts.check("-3") == .failure(.negative))
        #expect(Amounts.check("12.5") == .failure(.decimal))
        #expect(Amounts.check("1e6") == .failure(.exponent))
        #expect(Amounts.check("1 30 000") == .failure(.grouping))
        #expect(Amounts.format(13_830_294_624) == "13 830 294 624")
        #expect(Amounts.format(999) == "999")
        #expect(Amounts.format(1000) == "1 000")
    }

    @Test func nearestKeySuggestion() {
        #expect(nearest("durration", in: Keys.item) == "duration")
        #expect(nearest("speakingLimit", in: Keys.item) == "speaking_limit")
        #expect(nearest("time_zone", in: Keys.programme) == "timezone")
        #expect(nearest("zzz", in: Keys.programme) == nil)
    }
}

// MARK: - The minutes' fields

@Suite struct MinutesFieldsTests {
    @Test func contextMethodBureauAndAbbreviationsAreRead() throws {
        let yaml =
            minimal + """
                context: >-
                  Les communes cherchent
                  des partenaires.
                method: Démarche participative.
                participants:
                  - id: pcr
                    function: Président du Conseil
                  - id: rap
                    function: Chargée de suivi
                bureau:
                  president: pcr
                  moderators: pcr
                  rapporteurs: [rap]
                abbreviations:
                  - acronym: PDESC
                    name: Programme de Développement Économique, Social et Culturel
                """
        let r = ProgrammeLoader.parse(yaml, file: "p.yaml")
        #expect(r.diagnostics.isEmpty, "\(messages(r))")
        let p = try #require(r.programme)
        #expect(p.context == "Les communes cherchent des partenaires.")
        #expect(p.method == "Démarche participative.")
        #expect(p.bureau == Bureau(president: "pcr", moderators: ["pcr"], rapporteurs: ["rap"]))
        #expect(p.abbreviations.map(\.acronym) == ["PDESC"])
    }

    @Test func everyNewFieldIsOptional() throws {
        let p = try #require(ProgrammeLoader.parse(minimal, file: "p.yaml").programme)
        #expect(p.context == nil && p.method == nil && p.bureau.isEmpty && p.abbreviations.isEmpty)
    }

    @Test func theBureauNamesParticipants() {
        let r = ProgrammeLoader.parse(minimal + "bureau:\n  president: nobody\n  rapporteur: x\n", file: "p.yaml")
        let m = messages(r).joined(separator: "\n")
        #expect(r.hasErrors)
        #expect(m.contains("unknown participant \"nobody\""), "\(m)")
        #expect(m.contains("unknown key \"rapporteur\""), "\(m)")
    }

    @Test func theSamplesFillTheMinutesFields() throws {
        let p = try #require(try ProgrammeLoader.load(path: session("segou-2023")).programme)
        #expect(p.context != nil && p.method != nil)
        #expect(p.bureau.president == "pcr-segou" && p.bureau.rapporteurs.count == 2)
        #expect(p.abbreviations.contains { $0.acronym == "Pro-ARIDES" })
        let demo = try #require(try ProgrammeLoader.load(path: session("demo")).programme)
        #expect(demo.bureau.president == "dg-adr-segou" && demo.method != nil)
    }
}

/// A programme or répertoire that cannot be read is said in French and in English, each with
/// its typography; French diagnostics put a no-break space before « : ; ? ! ».
@Suite("Programme read errors in both languages")
struct ProgrammeReadErrorLanguageTests {
    static let reasons: [ProgrammeReadError.Reason] = [
        .permissionDenied, .notFound, .folderWithoutProgramme, .unreadable, .directoryNotFound, .directoryIsAFile,
        .directoryPermissionDenied,
    ]

    @Test func everyReasonSpeaksBothLanguages() {
        for r in Self.reasons {
            let e = ProgrammeReadError(path: "sessions/ségou", reason: r)
            let fr = e.message(.fr), en = e.message(.en)
            #expect(fr != en && fr.contains("sessions/ségou") && en.contains("sessions/ségou"))
            for mark in [" ;", " :", " ?", " !"] { #expect(!fr.contains(mark), "\(r): \(fr)") }
            #expect(!en.contains("\u{00A0}") && !en.contains("«"), "\(r): \(en)")
            #expect(e.description == en)
            // In a programme's diagnostics, as the répertoire it names.
            let d = Diagnostic(file: "p.yaml", line: 3, column: 1, field: "directory", problem: .directoryUnreadable(e))
            var french = d
            french.language = .fr
            #expect(french.message == fr)
        }
    }

    @Test func frenchPunctuationSpacing() {
        #expect(
            Text.frenchPunctuation("clé inconnue « x » : attendu ; vraiment ? oui !")
                == "clé inconnue « x »\u{00A0}: attendu\u{00A0}; vraiment\u{00A0}? oui\u{00A0}!")
        #expect(Text.frenchPunctuation("a:b  : c") == "a:b \u{00A0}: c")
        #expect(Text.frenchPunctuation("sans rien") == "sans rien")
        var w = Diagnostic(
            file: "p.yaml", line: 1, column: 1, field: "x",
            problem: .unknownReference(id: "y", allowed: [], suggestion: nil),
            severity: .warning)
        w.language = .fr
        #expect(w.description.hasPrefix("p.yaml:1:1: avertissement\u{00A0}: x: "), "\(w.description)")
        w.language = .en
        #expect(w.description.hasPrefix("p.yaml:1:1: warning: x: "), "\(w.description)")
    }
}
