import Foundation
import Testing

@testable import PalabreCore

/// A row of Tests/Tables/values.tsv: a text typed in a session, and what it must give.
struct ValueRow: CustomStringConvertible {
    var kind: String
    var language: Language
    var input: String
    var expected: String
    /// The refusal's code, when the row must be refused.
    var refusal: String? { expected.hasPrefix("!") ? String(expected.dropFirst()) : nil }
    /// The expected value as the tests compare it: moments as milliseconds since the epoch.
    var value: String {
        kind.hasPrefix("moment") ? RFC3339.parse(expected).map { String($0.ms) } ?? expected : expected
    }
    var description: String { "\(kind) \(language.rawValue) “\(input)”" }

    /// The rows of `kinds`, read from the table shared by every front end's test.
    static func table(_ kinds: String..., root: String) -> [ValueRow] {
        let text = (try? String(contentsOfFile: root + "/Tests/Tables/values.tsv", encoding: .utf8)) ?? ""
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.compactMap { line in
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count == 4, kinds.contains(f[0]), let l = Language(rawValue: f[1]) else { return nil }
            return ValueRow(kind: f[0], language: l, input: f[2], expected: f[3])
        }
    }
}

/// One table of typed values through the parser, `programme.yaml` and `palabre do`: the same
/// text gives the same value or the same refusal in each (issue 11, « one parser per value »).
@Suite("One table of values: parser, programme, palabre do", .serialized)
struct ValueTableTests {
    static let segou = try! ProgrammeLoader.load(path: Bin.root + "/sessions/segou-2023").programme!
    static let position = RFC3339.parse("2023-10-17T10:00:00+00:00")!

    /// What the core parser gives for `row`: the value as ``ValueRow/value`` writes it, or the refusal.
    static func parse(_ row: ValueRow) -> Result<String, Refusal> {
        do throws(Refusal) {
            switch row.kind {
            case "amount": return .success(String(try Values.amount(row.input, language: row.language)))
            case "currency": return .success(try Values.currency(row.input))
            case "duration": return .success(String(try Values.duration(row.input)))
            case "status": return .success(try Values.status(row.input).rawValue)
            case "nature": return .success(try Values.nature(row.input).rawValue)
            case "date": return .success(try Values.date(row.input))
            default:
                let i = try Values.instant(
                    row.input, programme: segou, defaultDate: "2023-10-17",
                    position: row.kind == "moment+" ? position : nil)
                return .success(String(i.ms))
            }
        } catch {
            return .failure(error)
        }
    }

    @Test func theTableHasEveryKind() {
        let rows = ValueRow.table(
            "amount", "currency", "duration", "status", "nature", "moment", "moment+", "date", root: Bin.root)
        #expect(Set(rows.map(\.kind)).count == 8)
        #expect(rows.count >= 65)
    }

    @Test func theParserGivesTheTable() {
        let rows = ValueRow.table(
            "amount", "currency", "duration", "status", "nature", "moment", "moment+", "date", root: Bin.root)
        for row in rows {
            switch Self.parse(row) {
            case .success(let v): #expect(row.refusal == nil && v == row.value, "\(row) gave \(v)")
            case .failure(let r): #expect(r.code == row.refusal, "\(row) was refused: \(r.en)")
            }
        }
    }

    /// The demo programme in `language`, with the first `replacing` replaced by `with`.
    func programme(_ language: Language, _ replacing: String, with: String) throws -> ProgrammeLoadResult {
        let yaml = try String(contentsOfFile: Bin.root + "/sessions/demo/programme.yaml", encoding: .utf8)
        #expect(yaml.contains(replacing))
        var text = yaml.replacingOccurrences(of: "language: fr", with: "language: \(language.rawValue)")
        if let range = text.range(of: replacing) { text.replaceSubrange(range, with: with) }
        return ProgrammeLoader.parse(text, file: "programme.yaml")
    }

    /// The errors of `r` about `field`.
    func errors(_ r: ProgrammeLoadResult, _ field: String) -> [String] {
        r.diagnostics.filter { $0.severity == .error && $0.field.hasSuffix(field) }.map(\.message)
    }

    @Test func theProgrammeReadsAmountsCurrenciesDurationsAndDatesAlike() throws {
        let fiche = "total_cost: 45 000 000\n        contribution: 4 500 000\n        amount_sought: 40 500 000"
        for row in ValueRow.table("amount", "currency", "duration", "date", root: Bin.root) {
            let quoted = "\"" + row.input.replacingOccurrences(of: "\"", with: "\\\"") + "\""
            let r: ProgrammeLoadResult
            let field: String
            switch row.kind {
            case "amount":
                r = try programme(row.language, fiche, with: "total_cost: \(quoted)")
                field = "total_cost"
                if row.refusal == nil {
                    #expect(
                        r.programme?.communes[0].fiches[0].totalCost == Int64(row.expected),
                        "\(row): \(r.diagnostics)")
                }
            case "currency":
                r = try programme(
                    row.language, "currency: FCFA\n\nobjectives", with: "currency: \(quoted)\n\nobjectives")
                field = "currency"
                if row.refusal == nil {
                    #expect(r.programme?.currency == row.expected, "\(row): \(r.diagnostics)")
                    #expect(r.programme?.communes[0].fiches[0].currency == row.expected, "a fiche inherits it")
                }
            case "date":
                r = try programme(row.language, "date: 2026-12-01", with: "date: \(quoted)")
                field = "date"
                if row.refusal == nil {
                    #expect(r.programme?.days[0].date == row.expected, "\(row): \(r.diagnostics)")
                }
            default:
                r = try programme(row.language, "duration: 5m", with: "duration: \(quoted)")
                field = "duration"
                if row.refusal == nil {
                    #expect(r.programme?.days[0].items[0].duration == Int(row.expected), "\(row): \(r.diagnostics)")
                }
            }
            if row.refusal != nil {
                #expect(errors(r, field).count == 1, "\(row) is an error in the programme: \(r.diagnostics)")
                if case .failure(let refusal) = Self.parse(row), row.kind != "amount", row.kind != "date",
                    refusal.code != "bad-duration"
                {
                    #expect(
                        errors(r, field).first?.contains(
                            row.language == .fr
                                ? Text.frenchPunctuation(refusal.message(.fr)) : refusal.message(row.language)) == true,
                        "\(row): the parser's words")
                }
            } else {
                #expect(errors(r, field).isEmpty, "\(row) is accepted in the programme: \(r.diagnostics)")
            }
        }
    }

    /// The last event of `dir`'s journal.
    func lastEvent(_ dir: String) throws -> Event? {
        try Journal(path: dir + "/journal.jsonl", writable: false).loadAll().last
    }

    @Test(arguments: [Language.fr, .en])
    func palabreDoReadsTheTableAlike(language: Language) throws {
        let dir = try Bin.session()
        let path = dir + "/programme.yaml"
        try String(contentsOfFile: path, encoding: .utf8)
            .replacingOccurrences(of: "language: fr", with: "language: \(language.rawValue)")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let commitment = ["do", dir, "commitment", "--partner", "unicef", "--fiche", "TIM-01"]
        for row in ValueRow.table("amount", "currency", "duration", "status", "nature", "date", root: Bin.root)
        where row.language == language {
            let args: [String]
            switch row.kind {
            case "amount": args = commitment + ["--amount", row.input]
            case "currency": args = commitment + ["--amount", "1000", "--currency", row.input]
            case "status": args = commitment + ["--amount", "1000", "--status", row.input]
            case "nature": args = commitment + ["--amount", "1000", "--nature", row.input]
            case "date": args = ["do", dir, "start-day", row.input]
            default: args = ["do", dir, "insert-item", "Point", "--minutes", row.input]
            }
            let r = try Bin.run(args)
            if row.kind == "date", row.refusal == nil {
                // The programme has one day, 2026-12-01: another date is read, then not found.
                let days = try Journal(path: dir + "/journal.jsonl", writable: false).loadAll().compactMap { e in
                    if case .dayStarted(let d, _) = e.payload { d } else { nil }
                }
                #expect(
                    days.last == row.expected && r.status == 0
                        || r.status == 1 && r.stderr.contains(Text.frenchPunctuation(row.expected)),
                    "\(row): \(r.stderr)")
                if r.status == 0 { #expect(try Bin.run(["do", dir, "end-day"]).status == 0) }
                continue
            }
            switch Self.parse(row) {
            case .failure(let refusal):
                #expect(r.status == 2, "\(row) is refused: \(r.stderr)")
                #expect(
                    r.stderr.contains(Text.frenchPunctuation(refusal.message(language))),
                    "\(row): the parser's words: \(r.stderr)")
            case .success(let value):
                #expect(r.status == 0, "\(row) is accepted: \(r.stderr)")
                let payload = try #require(try lastEvent(dir)?.payload)
                switch payload {
                case .entryRecorded(_, let e):
                    let got: String? =
                        switch row.kind {
                        case "amount": e.amount.map { String($0) }
                        case "currency": e.currency
                        case "status": e.status?.rawValue
                        default: e.nature?.rawValue
                        }
                    #expect(got == value, "\(row)")
                case .itemInserted(_, _, let item): #expect(String(item.duration) == value, "\(row)")
                default: Issue.record("\(row) recorded \(payload.type)")
                }
            }
        }
    }

    @Test func palabreDoReadsMomentsAlike() throws {
        for row in ValueRow.table("moment", root: Bin.root) {
            let dir = try Bin.session(copying: "segou-2023")
            let r = try Bin.run(["do", dir, "open", "--at", row.input])
            switch Self.parse(row) {
            case .failure(let refusal):
                #expect(r.status == 2, "\(row) is refused: \(r.stderr)")
                #expect(
                    r.stderr.contains(Text.frenchPunctuation(refusal.message(.fr))),
                    "\(row): the parser's words: \(r.stderr)")
            case .success(let value):
                #expect(r.status == 0, "\(row) is accepted: \(r.stderr)")
                #expect(try lastEvent(dir).map { String($0.at.ms) } == value, "\(row)")
            }
            try? FileManager.default.removeItem(atPath: dir)
        }
    }

    @Test func anEnglishProgrammeInEurosIsCheckedAndItsCommitmentsReduceOneGap() throws {
        let dir = try Bin.session()
        let path = dir + "/programme.yaml"
        let fiche = "total_cost: 45 000 000\n        contribution: 4 500 000\n        amount_sought: 40 500 000"
        let yaml = try String(contentsOfFile: path, encoding: .utf8)
        #expect(yaml.contains(fiche))
        try yaml.replacingOccurrences(of: "language: fr", with: "language: en")
            .replacingOccurrences(of: "currency: FCFA\n\nobjectives", with: "currency: €\n\nobjectives")
            .replacingOccurrences(
                of: fiche,
                with: "total_cost: 1,250,000\n        contribution: 250,000\n        amount_sought: 1,000,000"
            )
            .write(toFile: path, atomically: true, encoding: .utf8)
        let check = try Bin.run(["check", dir])
        #expect(check.status == 0, "palabre check accepts it: \(check.stdout)\(check.stderr)")
        let commitment = ["do", dir, "commitment", "--partner", "unicef", "--fiche", "TIM-01"]
        #expect(try Bin.run(commitment + ["--amount", "100,000", "--currency", "euro"]).status == 0)
        #expect(try Bin.run(commitment + ["--amount", "0.2 million", "--currency", "EUR"]).status == 0)
        #expect(try Bin.run(commitment + ["--amount", "50,000"]).status == 0)
        let programme = try #require(try ProgrammeLoader.load(path: dir).programme)
        let events = try Journal(path: dir + "/journal.jsonl", writable: false).loadAll()
        let board = SynergyBoard(SessionState.fold(programme, events))
        #expect(Set(board.totals.committed.keys) == ["EUR"], "one currency, not € / euro / EUR")
        let tim = try #require(board.rows.first { $0.fiche.id == "TIM-01" })
        #expect(tim.fiche.currency == "EUR" && tim.fiche.amountSought == 1_000_000)
        #expect(board.totals.committed["EUR"] == 350_000)
        #expect(board.totals.gap["EUR"] == (board.totals.sought["EUR"] ?? 0) - 350_000)
    }

    @Test func decimalsInAnFCFAAmountAreRefusedAsDecimals() throws {
        let dir = try Bin.session()
        let path = dir + "/programme.yaml"
        let yaml = try String(contentsOfFile: path, encoding: .utf8)
        try yaml.replacingOccurrences(of: "total_cost: 45 000 000", with: "total_cost: 1,5")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let check = try Bin.run(["check", dir])
        #expect(check.status == 1)
        #expect(
            check.stdout.contains(
                "communes[0].fiches[0].total_cost: montant invalide « 1,5 »\u{00A0}: un montant est un nombre entier (FCFA "
                    + "sans décimales ici)"), "the French programme says it in French: \(check.stdout)")
    }

    @Test(arguments: [
        (Language.fr, "1.500", "« 1.500 » lu comme 1\u{00A0}500"), (.en, "1,500", "“1,500” read as 1,500"),
    ])
    func anAmbiguousAmountIsEchoedAsRead(language: Language, typed: String, echo: String) throws {
        let dir = try Bin.session()
        let path = dir + "/programme.yaml"
        try String(contentsOfFile: path, encoding: .utf8)
            .replacingOccurrences(of: "language: fr", with: "language: \(language.rawValue)")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let r = try Bin.run(["do", dir, "commitment", "--partner", "unicef", "--fiche", "TIM-01", "--amount", typed])
        #expect(r.status == 0)
        #expect(r.stderr.contains(echo), "\(r.stderr)")
        let plain = try Bin.run([
            "do", dir, "commitment", "--partner", "unicef", "--fiche", "TIM-01", "--amount", "1500",
        ])
        #expect(plain.stderr.isEmpty, "an unambiguous amount is not commented: \(plain.stderr)")
    }
}
