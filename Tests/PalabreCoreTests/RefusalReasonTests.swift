import Foundation
import Testing

@testable import PalabreCore

/// Every refusal reason, with sample arguments, in both languages: words in each, the typography
/// of each, no word of the other language, no « (s) » plural.
struct RefusalReasonTests {
    /// One or more samples of every case of ``RefusalReason`` (each Bool and optional both ways).
    static let samples: [RefusalReason] = [
        .negativeDuration(typed: "abc"),
        .notADuration(typed: "abc"),
        .negativeNumber(typed: "abc"),
        .notAnEntryNumber(typed: "abc"),
        .notAPosition(typed: "abc"),
        .tooLarge(typed: "abc", limit: .minutes),
        .tooLarge(typed: "abc", limit: .count),
        .tooLarge(typed: "abc", limit: .amount),
        .negativeAmount(typed: "abc"),
        .amountWithDecimals(typed: "abc", currency: "EUR"),
        .unknownCategory(typed: "abc"), .amountOnlyWhenDisbursed,
        .dateBeforeLastUpdate(date: "2024-04-01", last: "2024-05-01"),
        .reviewBeyondCommitted(amount: 99_000_000, committed: 12_000_000, currency: "FCFA"),
        .departureNotCheckedIn(name: "Maire de Sy", day: "2023-10-17"),
        .alreadyLeft(name: "Maire de Sy", time: "12:30"), .leftSince(name: "Maire de Sy", seq: 12),
        .ambiguousAmount(typed: "250,000", thousands: "250 000", units: "250", english: false),
        .amountWithExponent(typed: "abc"),
        .badlyGroupedAmount(typed: "abc", example: "Koula"),
        .currencyInAmount(typed: "£ 250,000", amount: "250,000", currency: "GBP"),
        .notAnAmount(typed: "abc"),
        .unknownCurrency(typed: "abc"),
        .notADate(typed: "abc"),
        .notATime(typed: "abc"),
        .relativeWithoutPosition(typed: "abc"),
        .notAMoment(typed: "abc"),
        .unknownDayNumber(typed: "abc", days: 1, number: 3),
        .unknownDayNumber(typed: "abc", days: 3, number: 3),
        .notAVoteCount(typed: "abc"),
        .unknownCommitmentStatus(typed: "abc"),
        .unknownFollowUpStatus(typed: "abc"),
        .unknownActionStatus(typed: "abc"),
        .unknownFicheStatus(typed: "abc"),
        .unknownNature(typed: "abc"),
        .unknownItemKind(typed: "abc", kinds: "debate, vote"),
        .unknownOutcome(typed: "abc"),
        .unknownSex(typed: "abc"),
        .notYesOrNo(typed: "abc"),
        .badCsvSeparator(typed: "abc"),
        .followUpBeforeClose,
        .nothingToAdjust,
        .alreadyOpen,
        .dayUnderWayAtClose(date: "2023-10-17"),
        .itemPausedAtClose(item: "Koula"),
        .unknownDay(typed: "abc", days: ["2023-10-17", "2023-10-18"]),
        .noDayOn(date: "2023-10-17"),
        .dayAlreadyUnderWay(date: "2023-10-17"),
        .dayEnded(date: "2023-10-17", already: true),
        .dayEnded(date: "2023-10-17", already: false),
        .noDayLeft,
        .sameDate(number: 3, date: "2023-10-17"),
        .noDayUnderWay,
        .noNextDay(date: "2023-10-17"),
        .nothingToCarry(date: "2023-10-17"),
        .itemRunning(item: "Koula"),
        .itemStillUnderWay(item: "Koula", paused: true),
        .itemStillUnderWay(item: "Koula", paused: false),
        .itemOnOtherDay(item: "Koula", date: "2023-10-17"),
        .itemEnded(item: "Koula"),
        .noItemLeft(toSkip: true),
        .noItemLeft(toSkip: false),
        .alreadyPaused(item: "Koula"),
        .notPaused(item: "Koula"),
        .badExtension,
        .tooShort(item: "Koula", planned: 3, by: 3),
        .badRemainingTime,
        .sameRemaining(item: "Koula", seconds: 3),
        .notSkippable(item: "Koula"),
        .emptyTitle,
        .badItemDuration,
        .itemFixed(item: "Koula"),
        .itemStartedNotMovable(item: "Koula"),
        .unknownAnchor(typed: "abc", date: "2023-10-17"),
        .noCurrentItem,
        .unknownItem(typed: "abc"),
        .alreadyQueued(name: "Koula"),
        .alreadySpeaking(name: "Koula"),
        .itemPausedNoFloor(item: "Koula"),
        .queueEmpty,
        .noSpeaker,
        .samePosition(name: "Koula"),
        .badSpeakingTime,
        .notQueued(name: "Koula"),
        .unknownSpeaker(typed: "abc"),
        .nobodyMatches(typed: "abc"),
        .ambiguous(typed: "abc", names: "Koula", more: true),
        .ambiguous(typed: "abc", names: "Koula", more: false),
        .entryChanged(entry: 3, at: "10:30", text: "Koula"),
        .entryChanged(entry: 3, at: nil, text: "Koula"),
        .sameText,
        .nothingChanged(entry: 3),
        .alreadyAdopted(entry: 3),
        .unknownEntry(entry: 3),
        .entryRetracted(entry: 3),
        .fieldNotForKind(entry: 3, kind: "Koula", fields: ["2023-10-17", "2023-10-18"], has: []),
        .fieldNotForKind(
            entry: 3, kind: "Koula", fields: ["2023-10-17", "2023-10-18"], has: ["--due", "--responsible"]),
        .emptyText,
        .textTooLong(bytes: 80_000),
        .noReason,
        .badDeadline(typed: "abc"),
        .unknownParticipant(typed: "abc"),
        .alreadyCheckedIn(name: "Koula", date: "2023-10-17"),
        .noPreviousDay,
        .nobodyLeft,
        .emptyFunction,
        .badId(id: "Koula"),
        .duplicateId(id: "Koula"),
        .unknownOrganisation(typed: "abc"),
        .unknownCommune(typed: "abc"),
        .notAnOrganisation(typed: "abc"),
        .alreadyInterested(partner: "Koula", fiche: "Koula"),
        .noPartners,
        .leadNotPartner(lead: "Koula"),
        .sameCommitmentStatus(entry: 3),
        .unknownPartner(typed: "abc", inCommitment: true),
        .unknownPartner(typed: "abc", inCommitment: false),
        .unknownFiche(typed: "abc", inCommitment: true),
        .unknownFiche(typed: "abc", inCommitment: false),
        .notACommitment(entry: 3),
        .commitmentWithdrawn(entry: 3),
        .amountOutOfRange(currency: "EUR"),
        .noAmount,
        .noResponsible,
        .noOutcome,
        .outcomeContradicts(votesFor: 3, against: 3),
        .negativeVoteCount(count: 3),
        .moreVotesThanPresent(votes: 1, present: 0, date: "2023-10-17"),
        .moreVotesThanPresent(votes: 1, present: 1, date: "2023-10-17"),
        .moreVotesThanPresent(votes: 1, present: 12, date: "2023-10-17"),
        .moreVotesThanPresent(votes: 13, present: 0, date: "2023-10-17"),
        .moreVotesThanPresent(votes: 13, present: 1, date: "2023-10-17"),
        .moreVotesThanPresent(votes: 13, present: 12, date: "2023-10-17"),
        .closedUndoFollowUpOnly,
        .sessionClosed,
        .dateBeforeFact(date: "2023-10-17", notBefore: "Koula"),
        .badFollowUpDate(typed: "abc", today: "Koula"),
        .futureDate(date: "2023-10-17", today: "Koula"),
        .commitmentAbandoned(entry: 3),
        .sameEntryStatus(entry: 3),
        .noAbandonReason,
        .nonPositiveDisbursement(amount: 2_500_000),
        .noCommittedAmount(entry: 3),
        .fullyDisbursed(entry: 3),
        .disbursementTooLarge(amount: 2_500_000, left: 2_500_000, currency: "EUR", entry: 3),
        .notAnAction(entry: 3),
        .unknownFollowUpFiche(typed: "abc"),
        .sameFicheStatus(fiche: "Koula"),
        .notFollowUp,
        .notFollowed(session: "Koula", known: ""),
        .notFollowed(session: "Koula", known: "segou-2022"),
        .statusForKind,
        .sameReviewStatus(session: "Koula"),
        .previousUnreadable(session: "Koula", problems: "Koula"),
        .notOpen(session: "Koula", seq: 3),
        .readOnlySeat(seat: ""),
        .readOnlySeat(seat: "rapporteur"),
        .notForFollowUpSeat,
        .notForRapporteurSeat,
        .unknownEvent(seq: 3, last: 3),
        .alreadyUndone(seq: 3, by: 3),
        .undoOfUndo(seq: 3),
        .nothingToUndo(seat: ""),
        .nothingToUndo(seat: "rapporteur"),
        .entryUseRetract(seq: 3),
        .entryFactNotUndoable(seq: 3, type: "Koula", entry: 3),
        .notUndoable(seq: 3, type: "Koula"),
        .otherItemStartedSince(item: "Koula", other: "Koula", since: 3),
        .daySinceEnded(item: "Koula", since: 3, type: "Koula"),
        .itemTakenUpSince(item: "Koula"),
        .itemMovedSince(item: "Koula"),
        .itemCarriedSince(item: "Koula", date: "2023-10-17"),
        .itemInsertedSince(item: "Koula"),
        .itemUsedSince(item: "Koula", since: 3),
        .daySinceStarted(date: "2023-10-17", other: "Koula", since: 3),
        .floorSinceChanged(since: 3, type: "Koula", seq: 3),
        .participantSinceUsed(function: "Koula", since: 3, type: "Koula"),
    ]

    /// The name of `reason`'s case (`unknownItem`).
    static func caseName(_ reason: RefusalReason) -> String {
        Mirror(reflecting: reason).children.first?.label ?? "\(reason)"
    }

    /// The case names declared in RefusalReason.swift, read from the source.
    static func declaredCases() throws -> Set<String> {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/PalabreCore/Session/RefusalReason.swift")
        let source = try String(contentsOf: url, encoding: .utf8)
        let body = source.components(separatedBy: "public enum Limit")[0]
        var names = Set<String>()
        for line in body.split(separator: "\n") where line.hasPrefix("    case ") {
            let rest = line.dropFirst("    case ".count)
            names.insert(String(rest.prefix { $0.isLetter || $0.isNumber }))
        }
        return names
    }

    /// `text` without the command-line words it quotes (`--seat`, `start-day`, `palabre do SESSION`).
    static func prose(_ text: String) -> String {
        text.replacingOccurrences(of: #"palabre do SESSION [a-z-]+"#, with: "", options: .regularExpression)
            .replacingOccurrences(of: #"-?-?[a-z]+(-[a-z]+)+|--[a-z]+"#, with: "", options: .regularExpression)
    }

    @Test func theSamplesCoverEveryDeclaredReason() throws {
        let declared = try Self.declaredCases()
        let sampled = Set(Self.samples.map(Self.caseName))
        #expect(declared.count > 100, "the declarations were read")
        #expect(declared.subtracting(sampled).isEmpty, "reasons with no sample")
        #expect(sampled.subtracting(declared).isEmpty, "samples of no declared reason")
    }

    @Test(arguments: samples)
    func everyReasonSpeaksBothLanguagesWithTheirTypography(reason: RefusalReason) {
        let fr = reason.text(.fr), en = reason.text(.en)
        #expect(!fr.isEmpty && !en.isEmpty)
        #expect(fr != en, "the two languages differ")
        #expect(Refusal(reason).message(.fr) == fr && Refusal(reason).message(.en) == en)
        #expect(reason.code.allSatisfy { $0.isLowercase || $0 == "-" }, "a kebab-case code")
        for text in [fr, en] {
            #expect(!text.contains("(s)") && !text.contains("(e)"), "no (s) plural: \(text)")
        }
        #expect(!fr.contains("“") && !fr.contains("”"), "French quotes: \(fr)")
        #expect(!en.contains("«") && !en.contains("»"), "English quotes: \(en)")
        #expect(
            !en.contains(" :") && !en.contains(" ;") && !en.contains("\u{00A0}"),
            "no space before a colon in English: \(en)")
        for r in fr.ranges(of: ": ") + fr.ranges(of: "; ") where r.lowerBound > fr.startIndex {
            let before = fr[fr.index(before: r.lowerBound)]
            #expect(before == " " || before == "\u{00A0}", "a space before « : » and « ; » in French: \(fr)")
        }
        for word in DocumentLanguageTests.english {
            #expect(!DocumentLanguageTests.occurs(word, in: Self.prose(fr)), "English « \(word) » in: \(fr)")
        }
        for word in DocumentLanguageTests.french {
            #expect(!DocumentLanguageTests.occurs(word, in: Self.prose(en)), "French “\(word)” in: \(en)")
        }
    }

    @Test func pluralsFollowTheCount() {
        #expect(RefusalReason.unknownDayNumber(typed: "5 10:00", days: 1, number: 5).text(.fr).contains("1 journée,"))
        #expect(RefusalReason.unknownDayNumber(typed: "5 10:00", days: 3, number: 5).text(.fr).contains("3 journées,"))
        #expect(RefusalReason.unknownDayNumber(typed: "5 10:00", days: 1, number: 5).text(.en).contains("1 day,"))
        #expect(RefusalReason.unknownDayNumber(typed: "5 10:00", days: 3, number: 5).text(.en).contains("3 days,"))
    }
}
