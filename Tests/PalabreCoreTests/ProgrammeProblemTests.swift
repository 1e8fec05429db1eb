import Foundation
import Testing

@testable import PalabreCore

/// Every programme problem and every expectation it names, with sample arguments, in both
/// languages: words in each, no word or quote of the other.
struct ProgrammeProblemTests {
    static let problems: [ProgrammeProblem] = [
        .emptyFile,
        .nestedTooDeeply,
        .notUTF8,
        .invalidYAML(detail: YAMLProblem(problem: "did not find expected key"), tabs: true),
        .invalidYAML(
            detail: YAMLProblem(
                problem: "did not find expected key", context: "while parsing a block mapping", contextLine: 3,
                contextColumn: 1), tabs: false),
        .aliasBound(.uses, alias: "abc", limits: AliasLimits(uses: 10_000, values: 500_000, kibibytes: 512)),
        .aliasBound(.collectionAsKey, alias: "abc", limits: AliasLimits(uses: 10_000, values: 500_000, kibibytes: 512)),
        .aliasBound(.values, alias: "abc", limits: AliasLimits(uses: 10_000, values: 500_000, kibibytes: 512)),
        .aliasBound(.text, alias: "abc", limits: AliasLimits(uses: 10_000, values: 500_000, kibibytes: 512)),
        .unreadableFile,
        .duplicateDirectoryId(id: "abc", file: "directory/a.yaml", line: 3),
        .unclosedQuote(line: 4),
        .invalidCSV(detail: "abc"),
        .emptyTable(columns: ["id", "acronym"]),
        .unknownColumn(name: "abc", suggestion: "acronym", columns: ["id", "acronym"]),
        .unknownColumn(name: "abc", suggestion: nil, columns: ["id", "acronym"]),
        .duplicateColumn(name: "id", first: 1),
        .cellsPastHeader(columns: 3),
        .noIdColumn,
        .emptyId,
        .differsFromFirstRow(line: 2),
        .repeatedKeys(keys: ["fr", "en"]),
        .tooManyRepeatedKeys,
        .noEarlierSession(name: "abc", path: "abc", file: "abc"),
        .expectedShape(expected: .meetingTitle, found: .list),
        .expectedShape(expected: .meetingTitle, found: .scalar("x")),
        .expectedShape(expected: .idOf(kinds: [.item]), found: .list),
        .expectedShape(expected: .idOf(kinds: [.item]), found: .scalar("x")),
        .keyNotPlain(example: "abc", found: .list),
        .keyNotPlain(example: "abc", found: .scalar("x")),
        .duplicateKey(key: "abc", line: 3, column: 3),
        .unknownKey(key: "abc", suggestion: "title", known: ["fr", "en"]),
        .unknownKey(key: "abc", suggestion: nil, known: ["fr", "en"]),
        .badMergeKey(found: .list),
        .badMergeKey(found: .scalar("x")),
        .requiredEmpty(.meetingTitle),
        .requiredEmpty(.idOf(kinds: [.item])),
        .requiredMissing(.meetingTitle),
        .requiredMissing(.idOf(kinds: [.item])),
        .notAList(found: .list),
        .notAList(found: .scalar("x")),
        .expectedText(found: .list),
        .expectedText(found: .scalar("x")),
        .unknownValue(key: "abc", typed: "abc", values: ["fr", "en"], suggestion: "title"),
        .unknownValue(key: "abc", typed: "abc", values: ["fr", "en"], suggestion: nil),
        .invalidBoolean(typed: "abc"),
        .invalidPriority(typed: "abc"),
        .invalidDuration(typed: "abc", reason: nil),
        .invalidDuration(typed: "abc", reason: .negativeDuration(typed: "-5")),
        .zeroDuration(typed: "abc"),
        .invalidAmount(typed: "abc", problem: .decimal, currency: "title", english: true),
        .invalidAmount(typed: "abc", problem: .decimal, currency: "title", english: false),
        .invalidAmount(typed: "abc", problem: .decimal, currency: nil, english: true),
        .invalidAmount(typed: "abc", problem: .decimal, currency: nil, english: false),
        .invalidAmount(typed: "abc", problem: .grouping, currency: "title", english: true),
        .invalidAmount(typed: "abc", problem: .grouping, currency: "title", english: false),
        .invalidAmount(typed: "abc", problem: .grouping, currency: nil, english: true),
        .invalidAmount(typed: "abc", problem: .grouping, currency: nil, english: false),
        .invalidAmount(typed: "abc", problem: .negative, currency: "title", english: true),
        .invalidAmount(typed: "abc", problem: .negative, currency: "title", english: false),
        .invalidAmount(typed: "abc", problem: .negative, currency: nil, english: true),
        .invalidAmount(typed: "abc", problem: .negative, currency: nil, english: false),
        .invalidAmount(typed: "abc", problem: .exponent, currency: "title", english: true),
        .invalidAmount(typed: "abc", problem: .exponent, currency: "title", english: false),
        .invalidAmount(typed: "abc", problem: .exponent, currency: nil, english: true),
        .invalidAmount(typed: "abc", problem: .exponent, currency: nil, english: false),
        .invalidAmount(typed: "abc", problem: .tooLarge, currency: "title", english: true),
        .invalidAmount(typed: "abc", problem: .tooLarge, currency: "title", english: false),
        .invalidAmount(typed: "abc", problem: .tooLarge, currency: nil, english: true),
        .invalidAmount(typed: "abc", problem: .tooLarge, currency: nil, english: false),
        .invalidAmount(typed: "abc", problem: .notANumber, currency: "title", english: true),
        .invalidAmount(typed: "abc", problem: .notANumber, currency: "title", english: false),
        .invalidAmount(typed: "abc", problem: .notANumber, currency: nil, english: true),
        .invalidAmount(typed: "abc", problem: .notANumber, currency: nil, english: false),
        .refused(.unknownCurrency(typed: "12")),
        .unknownTimeZone(typed: "abc"),
        .unknownCountry(typed: "abc"),
        .noDirectory(id: "abc"),
        .unknownDirectoryOrganisation(id: "abc", folder: "abc", suggestion: "title"),
        .unknownDirectoryOrganisation(id: "abc", folder: "abc", suggestion: nil),
        .programmesForPartnersOnly,
        .invalidIatiIdentifier(typed: "abc"),
        .unknownIatiType(typed: "abc", codes: "abc"),
        .invalidCrsCode(typed: "abc", list: true),
        .invalidCrsCode(typed: "abc", list: false),
        .notAnEmail(typed: "abc"),
        .endsBeforeStart(from: 3, to: 3),
        .invalidYear(typed: "abc"),
        .invalidDate(typed: "abc", example: "abc"),
        .contributionOverTotal(contribution: 2_500_000, total: 2_500_000, currency: "abc"),
        .partsDoNotAddUp(sum: nil, total: 2_500_000, currency: "abc"),
        .partsDoNotAddUp(sum: 900, total: 2_500_000, currency: "abc"),
        .soughtOverTotal(sought: 2_500_000, total: 2_500_000, currency: "abc"),
        .dateUsedTwice(date: "abc", path: "abc", line: 3),
        .dateOutOfOrder(date: "abc", previous: "abc", path: "abc"),
        .dayWithoutItems,
        .invalidTime(typed: "abc"),
        .firstItemWithoutStart,
        .overlap(start: "abc", previous: "title", until: "abc", overlap: 3),
        .overlap(start: "abc", previous: nil, until: "abc", overlap: 3),
        .pastMidnight(end: "abc"),
        .invalidId(id: "abc", example: "abc"),
        .duplicateId(id: "abc", kind: .fiche, line: 3, column: 3, path: "abc"),
        .wrongKindReference(id: "abc", kind: .fiche, path: "abc", allowed: [.participant]),
        .wrongKindReference(id: "abc", kind: .fiche, path: "abc", allowed: [.organisation, .commune]),
        .unknownReference(id: "abc", allowed: [.participant], suggestion: "title"),
        .unknownReference(id: "abc", allowed: [.participant], suggestion: nil),
        .unknownReference(id: "abc", allowed: [.organisation, .commune], suggestion: "title"),
        .unknownReference(id: "abc", allowed: [.organisation, .commune], suggestion: nil),
        .directoryUnreadable(ProgrammeReadError(path: "directory", reason: .directoryNotFound)),
        .leftOutOfDirectory(.emptyFile),
        .other("abc"),
    ]

    static let expectations: [ProgrammeExpectation] = [
        .programme,
        .objectives,
        .bureau,
        .abbreviation,
        .categories,
        .organisation,
        .organisations,
        .organisationOrList,
        .contact,
        .partnerProgramme,
        .commune,
        .fiche,
        .participant,
        .day,
        .item,
        .meetingTitle,
        .venue,
        .timeZone,
        .countryCode,
        .specificObjectives,
        .follows,
        .acronym,
        .acronymMeaning,
        .csvSeparator,
        .days,
        .iatiIdentifier,
        .iatiType(codes: "abc"),
        .crsCodes,
        .crsCode,
        .programmeTitle,
        .sectors(example: true),
        .sectors(example: false),
        .zones(example: true),
        .zones(example: false),
        .year,
        .date(example: "abc"),
        .itemTitle,
        .dayItems,
        .text,
        .timeOfDay,
        .duration,
        .amount,
        .currency,
        .uniqueId(example: "abc"),
        .idOf(kinds: [.participant]),
        .idOf(kinds: [.organisation, .commune]),
        .idsOf(kinds: [.participant]),
        .idsOf(kinds: [.organisation, .commune]),
        .oneOf(values: ["fr", "en"]),
        .trueOrFalse,
        .wholeNumberFromOne,
        .projectTitle,
        .sector,
        .communeName,
        .function,
        .contactFunction,
        .organisationName,
        .organisationAcronym,
    ]

    /// The name of a case (`unknownKey`).
    static func caseName(_ value: Any) -> String {
        Mirror(reflecting: value).children.first?.label ?? "\(value)"
    }

    /// The case names declared by `enumName` in ProgrammeProblem.swift.
    static func declared(_ enumName: String) throws -> Set<String> {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/PalabreCore/Programme/ProgrammeProblem.swift")
        let source = try String(contentsOf: url, encoding: .utf8)
        let body = source.components(separatedBy: "public enum \(enumName)")[1].components(
            separatedBy: "public func text(")[0]
        var names = Set<String>()
        for line in body.split(separator: "\n") {
            for start in ["    case ", "    indirect case "] where line.hasPrefix(start) {
                names.insert(String(line.dropFirst(start.count).prefix { $0.isLetter || $0.isNumber }))
            }
        }
        return names
    }

    @Test func theSamplesCoverEveryCase() throws {
        #expect(try Self.declared("ProgrammeProblem") == Set(Self.problems.map(Self.caseName)))
        #expect(try Self.declared("ProgrammeExpectation") == Set(Self.expectations.map(Self.caseName)))
    }

    /// Checks one message pair: both worded, different, each with its own quotes and words.
    static func check(fr: String, en: String) {
        #expect(!fr.isEmpty && !en.isEmpty)
        #expect(fr != en, "the two languages differ: \(fr)")
        #expect(!fr.contains("expected") && !fr.contains("did you mean") && !fr.contains("“"), "English in: \(fr)")
        #expect(!en.contains("attendu") && !en.contains("«") && !en.contains("vouliez"), "French in: \(en)")
        #expect(!en.contains(" :") && !en.contains(" ;"), "French spacing in: \(en)")
        for text in [fr, en] { #expect(!text.contains("(s)"), "no (s) plural: \(text)") }
    }

    @Test(arguments: problems)
    func everyProblemSpeaksBothLanguages(problem: ProgrammeProblem) {
        guard case .other = problem else {
            Self.check(fr: problem.text(.fr), en: problem.text(.en))
            return
        }
        #expect(problem.text(.fr) == problem.text(.en), "a message given as text stays as given")
    }

    @Test(arguments: expectations)
    func everyExpectationSpeaksBothLanguages(expectation: ProgrammeExpectation) {
        let fr = expectation.text(.fr), en = expectation.text(.en)
        #expect(!fr.isEmpty && !en.isEmpty)
        #expect(!en.contains("«") && !en.contains(" :"), "French in: \(en)")
        #expect(!fr.contains(" such as ") && !fr.contains("e.g.") && !fr.contains("“"), "English in: \(fr)")
    }

    @Test func diagnosticsTakeTheirLanguage() {
        var d = Diagnostic(
            file: "p.yaml", line: 3, column: 1, field: "titre",
            problem: .unknownKey(key: "titre", suggestion: "title", known: []), language: .fr)
        #expect(
            d.description == "p.yaml:3:1: titre: clé inconnue « titre »\u{00A0}: vouliez-vous dire « title »\u{00A0}?")
        d.language = .en
        #expect(d.description == "p.yaml:3:1: titre: unknown key \"titre\": did you mean \"title\"?")
    }
}
