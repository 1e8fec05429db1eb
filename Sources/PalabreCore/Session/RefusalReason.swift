/// Why a command or a typed value was refused: one case per reason, with what the message names
/// (ids, numbers, amounts, the text typed). ``code`` is the stable kebab-case code tests and
/// scripts read; ``text(_:)`` is the message in French or English, both written in the one switch
/// of ``texts`` so the compiler checks that every reason has its two languages. French text uses
/// French typography (« », a no-break space before « : ; ! ? »), English none (“ ” quotes).
public enum RefusalReason: Sendable, Equatable {
    // MARK: Values typed (``Values``)

    /// A duration typed with a minus sign where only a positive one makes sense.
    case negativeDuration(typed: String)
    /// Text that is not a duration.
    case notADuration(typed: String)
    /// A negative number where a rank or an entry number is asked.
    case negativeNumber(typed: String)
    /// Text that is not an entry number (the seq printed when it was recorded).
    case notAnEntryNumber(typed: String)
    /// Text that is not a place in a list (from 1).
    case notAPosition(typed: String)
    /// A number larger than the value may be; `limit` is the largest one in each language.
    case tooLarge(typed: String, limit: Limit)
    /// An amount typed with a minus sign.
    case negativeAmount(typed: String)
    /// An amount with decimals, in `currency` when known (whole units only).
    case amountWithDecimals(typed: String, currency: String?)
    /// The language's decimal mark before three digits (`250,000` in French, `250.000` in
    /// English): never guessed; `thousands` and `units` are the two readings, grouped.
    case ambiguousAmount(typed: String, thousands: String, units: String, english: Bool)
    /// An amount written with an exponent (`1e6`).
    case amountWithExponent(typed: String)
    /// An amount whose digits are not grouped by three; `example` is a well-grouped amount.
    case badlyGroupedAmount(typed: String, example: String)
    /// An amount written with its currency (« £ 250,000 », « 2 500 000 FCFA »): the currency has a
    /// field of its own.
    case currencyInAmount(typed: String, amount: String, currency: String)
    /// Text that is not an amount.
    case notAnAmount(typed: String)
    /// A currency that is neither a known name nor a code of 3 or 4 letters.
    case unknownCurrency(typed: String)
    /// Text that is not a calendar date.
    case notADate(typed: String)
    /// Text that is not a time of day.
    case notATime(typed: String)
    /// A relative moment (`+1:30`) where there is no position to start from.
    case relativeWithoutPosition(typed: String)
    /// Text that is not a moment of the meeting.
    case notAMoment(typed: String)
    /// A day number (`3 10:30`) the programme does not have: it has `days` days.
    case unknownDayNumber(typed: String, days: Int, number: Int)
    /// A number of votes that is not a whole number.
    case notAVoteCount(typed: String)
    /// An unknown commitment status (during the meeting).
    case unknownCommitmentStatus(typed: String)
    /// An unknown commitment status in the follow-up.
    case unknownFollowUpStatus(typed: String)
    /// An unknown status of an action or a recommendation.
    case unknownActionStatus(typed: String)
    /// An unknown status of a fiche.
    case unknownFicheStatus(typed: String)
    /// An unknown nature of a commitment.
    case unknownNature(typed: String)
    /// An unknown kind of agenda item; `kinds` lists the kinds, comma-separated.
    case unknownItemKind(typed: String, kinds: String)
    /// An unknown outcome of a vote.
    case unknownOutcome(typed: String)
    /// An unknown sex.
    case unknownSex(typed: String)
    /// A participant category none of the words name.
    case unknownCategory(typed: String)
    /// Neither yes nor no.
    case notYesOrNo(typed: String)
    /// A CSV separator that is not one character.
    case badCsvSeparator(typed: String)

    // MARK: The session and its days

    /// Follow-up asked for while the meeting is still running.
    case followUpBeforeClose
    /// A clock adjustment with no recorded instant to adjust.
    case nothingToAdjust
    /// The session is opened a second time.
    case alreadyOpen
    /// The session is closed while the day of `date` is under way.
    case dayUnderWayAtClose(date: String)
    /// The session is closed while `item` is paused.
    case itemPausedAtClose(item: String)
    /// A day the programme does not have, typed as `typed`; `days` are the programme's dates.
    case unknownDay(typed: String, days: [String])
    /// A day the programme does not have, named by its date.
    case noDayOn(date: String)
    /// The day of `date` is started again while under way.
    case dayAlreadyUnderWay(date: String)
    /// The day of `date` has already ended (`ended` true) or has ended (a move to it).
    case dayEnded(date: String, already: Bool)
    /// Every day of the programme has started.
    case noDayLeft
    /// Day `number` was already held on `date`: a second day the same date needs confirming.
    case sameDate(number: Int, date: String)
    /// Nothing is recorded before a day is started.
    case noDayUnderWay
    /// The last day of the programme, whose items cannot be carried over.
    case noNextDay(date: String)
    /// Every item of the day has been treated.
    case nothingToCarry(date: String)

    // MARK: Agenda items

    /// Another item is started while `item` runs.
    case itemRunning(item: String)
    /// Another item is started while `item` is still under way (`paused` or running).
    case itemStillUnderWay(item: String, paused: Bool)
    /// `item` is planned on another day, `date`.
    case itemOnOtherDay(item: String, date: String)
    /// `item` has already ended.
    case itemEnded(item: String)
    /// No planned item left today to start (`toSkip` false) or to skip.
    case noItemLeft(toSkip: Bool)
    /// `item` is already paused.
    case alreadyPaused(item: String)
    /// `item` is not paused.
    case notPaused(item: String)
    /// An extension of zero, or of more than 24 hours.
    case badExtension
    /// `item`, planned for `planned` seconds, cannot be shortened by `by` seconds.
    case tooShort(item: String, planned: Int, by: Int)
    /// A remaining time of less than a minute or more than 24 hours.
    case badRemainingTime
    /// `item` already has `seconds` left.
    case sameRemaining(item: String, seconds: Int)
    /// `item` is no longer ahead and cannot be skipped.
    case notSkippable(item: String)
    /// An item inserted without a title.
    case emptyTitle
    /// An item inserted with a duration of zero or less.
    case badItemDuration
    /// `item` is fixed (a ceremony) and cannot be moved.
    case itemFixed(item: String)
    /// `item` has started and cannot be moved.
    case itemStartedNotMovable(item: String)
    /// `typed` is not an item of the day of `date`.
    case unknownAnchor(typed: String, date: String)
    /// No current item.
    case noCurrentItem
    /// No agenda item with this id.
    case unknownItem(typed: String)

    // MARK: The floor

    /// `name` is already in the queue.
    case alreadyQueued(name: String)
    /// `name` already has the floor.
    case alreadySpeaking(name: String)
    /// The floor is given while `item` is paused.
    case itemPausedNoFloor(item: String)
    /// The queue of speakers is empty.
    case queueEmpty
    /// Nobody has the floor.
    case noSpeaker
    /// `name` is already in that place of the queue.
    case samePosition(name: String)
    /// A speaking time of zero or less.
    case badSpeakingTime
    /// `name` is not in the queue.
    case notQueued(name: String)
    /// `typed` is neither a participant nor an organisation of the programme.
    case unknownSpeaker(typed: String)
    /// Nobody matches `typed`.
    case nobodyMatches(typed: String)
    /// `typed` matches several people, listed in `names` (`more`: more than those listed).
    case ambiguous(typed: String, names: String, more: Bool)

    // MARK: Minute entries

    /// Entry `entry` was amended meanwhile by another seat (at `at`, `HH:MM`, when known).
    case entryChanged(entry: Int, at: String?, text: String)
    /// An amendment with the same text.
    case sameText
    /// An amendment with the values the entry already has.
    case nothingChanged(entry: Int)
    /// Entry `entry` is already adopted.
    case alreadyAdopted(entry: Int)
    /// No minute entry `entry`.
    case unknownEntry(entry: Int)
    /// Entry `entry` has been retracted.
    case entryRetracted(entry: Int)
    /// Entry `entry` of kind `kind` has no field `fields`; `has` lists its fields (empty: only text).
    case fieldNotForKind(entry: Int, kind: String, fields: [String], has: [String])
    /// An entry with no text.
    case emptyText
    /// An entry's text longer than ``EntryContent/maxTextBytes`` (`bytes` of UTF-8).
    case textTooLong(bytes: Int)
    /// A retraction or a change with no reason.
    case noReason
    /// A deadline that is not a real date.
    case badDeadline(typed: String)

    // MARK: Attendance and participants

    /// `typed` is not a participant.
    case unknownParticipant(typed: String)
    /// A departure of someone (`name`) not checked in on `day`.
    case departureNotCheckedIn(name: String, day: String)
    /// A departure already recorded at `time` (HH:MM).
    case alreadyLeft(name: String, time: String)
    /// A check-in whose departure (event `seq`) stands: undo the departure first.
    case leftSince(name: String, seq: Int)
    /// `name` is already checked in on `date`.
    case alreadyCheckedIn(name: String, date: String)
    /// No day was held before this one.
    case noPreviousDay
    /// Everyone present the day before is checked in today.
    case nobodyLeft
    /// A walk-in without function.
    case emptyFunction
    /// An id with characters other than letters, digits, `-`, `_` and `.`.
    case badId(id: String)
    /// An id already taken.
    case duplicateId(id: String)
    /// An organisation the programme does not have.
    case unknownOrganisation(typed: String)
    /// A commune (or unit of the board) the programme does not have.
    case unknownCommune(typed: String)
    /// `typed` is neither an organisation nor a commune of the programme.
    case notAnOrganisation(typed: String)

    // MARK: Commitments, interests, synergies, votes

    /// `partner` already declared an interest in `fiche`.
    case alreadyInterested(partner: String, fiche: String)
    /// A synergy with fewer than two partners.
    case noPartners
    /// The lead of a synergy is not among its partners.
    case leadNotPartner(lead: String)
    /// Commitment `entry` already has this status.
    case sameCommitmentStatus(entry: Int)
    /// A partner the programme does not have (`inCommitment`: named by a commitment).
    case unknownPartner(typed: String, inCommitment: Bool)
    /// A fiche the programme does not have (`inCommitment`: named by a commitment).
    case unknownFiche(typed: String, inCommitment: Bool)
    /// Entry `entry` is not a commitment.
    case notACommitment(entry: Int)
    /// Commitment `entry` has been withdrawn.
    case commitmentWithdrawn(entry: Int)
    /// An amount of zero or less, or above the largest amount, in `currency`.
    case amountOutOfRange(currency: String)
    /// A financial commitment without amount.
    case noAmount
    /// An action without someone responsible.
    case noResponsible
    /// A vote without outcome.
    case noOutcome
    /// A vote adopted with more against than for.
    case outcomeContradicts(votesFor: Int, against: Int)
    /// A negative number of votes.
    case negativeVoteCount(count: Int)
    /// A vote whose counts add up to more than the `present` participants of the programme
    /// checked in on `date`.
    case moreVotesThanPresent(votes: Int, present: Int, date: String)

    // MARK: Follow-up after the close

    /// After the close, only follow-up updates can be undone.
    case closedUndoFollowUpOnly
    /// After the close, only follow-up is recorded.
    case sessionClosed
    /// A follow-up dated `date`, before `notBefore`, the day the entry was recorded.
    case dateBeforeFact(date: String, notBefore: String)
    /// A follow-up dated before the last update of the same entry (`last`): facts in order.
    case dateBeforeLastUpdate(date: String, last: String)
    /// A review disbursing `amount` where only `committed` was committed, in `currency`.
    case reviewBeyondCommitted(amount: Int64, committed: Int64, currency: String)
    /// A follow-up date that is not a date; `today` is an example.
    case badFollowUpDate(typed: String, today: String)
    /// A follow-up dated `date`, after `today`.
    case futureDate(date: String, today: String)
    /// Commitment `entry` was abandoned.
    case commitmentAbandoned(entry: Int)
    /// Entry `entry` already has this status.
    case sameEntryStatus(entry: Int)
    /// A commitment abandoned without reason.
    case noAbandonReason
    /// A disbursement of `amount`, zero or less.
    case nonPositiveDisbursement(amount: Int64)
    /// An amount given with a review status other than disbursed.
    case amountOnlyWhenDisbursed
    /// Commitment `entry` has no amount to disburse from.
    case noCommittedAmount(entry: Int)
    /// Commitment `entry` is fully disbursed.
    case fullyDisbursed(entry: Int)
    /// A disbursement of `amount` with only `left` left on commitment `entry`, in `currency`.
    case disbursementTooLarge(amount: Int64, left: Int64, currency: String, entry: Int)
    /// Entry `entry` is neither an action nor a recommendation.
    case notAnAction(entry: Int)
    /// A fiche unknown to the follow-up.
    case unknownFollowUpFiche(typed: String)
    /// Fiche `fiche` already has this status.
    case sameFicheStatus(fiche: String)
    /// An undo after the close of something that is not a follow-up update.
    case notFollowUp

    // MARK: Earlier sessions

    /// `session` is not in the programme's `follows` (`known`: those that are, comma-separated).
    case notFollowed(session: String, known: String)
    /// The status does not fit the kind of entry reviewed.
    case statusForKind
    /// The entry of `session` already has this status in this meeting.
    case sameReviewStatus(session: String)
    /// The earlier session `session` cannot be read (`problems`).
    case previousUnreadable(session: String, problems: String)
    /// `session` has no open entry `seq`.
    case notOpen(session: String, seq: Int)

    // MARK: Seats

    /// The `seat` is read-only.
    case readOnlySeat(seat: String)
    /// The suivi seat records only follow-up.
    case notForFollowUpSeat
    /// The rapporteur seat records only minutes and attendance.
    case notForRapporteurSeat

    // MARK: Undo

    /// No event `seq`; the last is `last`.
    case unknownEvent(seq: Int, last: Int)
    /// Event `seq` was already undone by `by`.
    case alreadyUndone(seq: Int, by: Int)
    /// Event `seq` is itself an undo.
    case undoOfUndo(seq: Int)
    /// Nothing to undo (for `seat` when not empty).
    case nothingToUndo(seat: String)
    /// Event `seq` records a minute entry: retract or amend it instead.
    case entryUseRetract(seq: Int)
    /// Event `seq` of type `type` concerns entry `entry`: amend or retract it instead.
    case entryFactNotUndoable(seq: Int, type: String, entry: Int)
    /// Event `seq` of type `type` cannot be undone.
    case notUndoable(seq: Int, type: String)
    /// `item` cannot run again: `other` has started since (event `since`).
    case otherItemStartedSince(item: String, other: String, since: Int)
    /// `item` cannot run again: the day has changed since (event `since` of type `type`).
    case daySinceEnded(item: String, since: Int, type: String)
    /// `item` has been taken up since and is no longer skipped.
    case itemTakenUpSince(item: String)
    /// `item` started or was skipped since and cannot go back to its place.
    case itemMovedSince(item: String)
    /// `item` started or was skipped since: the carried items cannot go back to `date`.
    case itemCarriedSince(item: String, date: String)
    /// `item` started or was skipped since and cannot be taken off the agenda.
    case itemInsertedSince(item: String)
    /// `item` has since been used to place or move an item (event `since`).
    case itemUsedSince(item: String, since: Int)
    /// The day of `date` cannot resume: the day of `other` has started since (event `since`).
    case daySinceStarted(date: String, other: String, since: Int)
    /// The floor has moved on since (event `since` of type `type`): `seq` can no longer be undone.
    case floorSinceChanged(since: Int, type: String, seq: Int)
    /// The walk-in `function` appears in the journal since (event `since` of type `type`).
    case participantSinceUsed(function: String, since: Int, type: String)

    /// The largest value of a number, written in each language.
    public enum Limit: Sendable, Equatable, CaseIterable {
        /// 999 999 minutes (a duration).
        case minutes
        /// 999 999 999 (a count or a rank).
        case count
        /// The largest 64-bit integer (an amount).
        case amount
    }
}

extension RefusalReason {
    /// The stable kebab-case code of this reason (`no-current-item`, `unknown-item`…), read by
    /// tests and scripts; several reasons may share one code.
    public var code: String {
        switch self {
        case .negativeDuration, .negativeNumber, .negativeAmount: "negative"
        case .notADuration, .badExtension, .badRemainingTime, .badItemDuration, .badSpeakingTime: "bad-duration"
        case .notAnEntryNumber, .notAPosition: "bad-number"
        case .tooLarge: "too-large"
        case .amountWithDecimals: "decimal"
        case .ambiguousAmount: "ambiguous"
        case .amountWithExponent, .notAnAmount, .amountOutOfRange, .nonPositiveDisbursement: "bad-amount"
        case .amountOnlyWhenDisbursed: "amount-not-disbursed"
        case .badlyGroupedAmount: "grouping"
        case .currencyInAmount: "currency-in-amount"
        case .unknownCurrency: "bad-currency"
        case .notADate, .badDeadline, .badFollowUpDate: "bad-date"
        case .notATime: "bad-time"
        case .relativeWithoutPosition: "no-position"
        case .notAMoment: "bad-moment"
        case .unknownDayNumber, .unknownDay, .noDayOn: "unknown-day"
        case .notAVoteCount, .negativeVoteCount: "bad-count"
        case .unknownCommitmentStatus, .unknownFollowUpStatus, .unknownActionStatus, .unknownFicheStatus:
            "bad-status"
        case .unknownNature: "bad-nature"
        case .unknownItemKind: "bad-kind"
        case .unknownOutcome: "bad-outcome"
        case .unknownSex: "bad-sex"
        case .unknownCategory: "bad-category"
        case .notYesOrNo: "bad-yes-no"
        case .badCsvSeparator: "bad-separator"
        case .followUpBeforeClose: "follow-up-after-close"
        case .nothingToAdjust: "nothing-to-adjust"
        case .alreadyOpen: "already-open"
        case .dayUnderWayAtClose, .dayAlreadyUnderWay: "day-under-way"
        case .itemPausedAtClose, .itemStillUnderWay: "item-under-way"
        case .dayEnded: "day-ended"
        case .noDayLeft: "no-day-left"
        case .sameDate: "same-date"
        case .noDayUnderWay: "no-day"
        case .noNextDay: "no-next-day"
        case .nothingToCarry: "nothing-to-carry"
        case .itemRunning: "item-running"
        case .itemOnOtherDay: "item-other-day"
        case .itemEnded: "item-done"
        case .noItemLeft: "no-item-left"
        case .alreadyPaused: "already-paused"
        case .notPaused: "not-paused"
        case .tooShort: "too-short"
        case .sameRemaining: "same-remaining"
        case .notSkippable, .itemStartedNotMovable: "item-not-planned"
        case .emptyTitle: "empty-title"
        case .itemFixed: "item-fixed"
        case .unknownAnchor: "unknown-anchor"
        case .noCurrentItem: "no-current-item"
        case .unknownItem: "unknown-item"
        case .alreadyQueued: "already-queued"
        case .alreadySpeaking: "already-speaking"
        case .itemPausedNoFloor: "item-paused"
        case .queueEmpty: "queue-empty"
        case .noSpeaker: "no-speaker"
        case .samePosition: "same-position"
        case .notQueued: "not-queued"
        case .unknownSpeaker, .nobodyMatches: "unknown-speaker"
        case .ambiguous: "ambiguous"
        case .entryChanged: "entry-changed"
        case .sameText: "same-text"
        case .nothingChanged: "nothing-changed"
        case .alreadyAdopted: "already-adopted"
        case .unknownEntry: "unknown-entry"
        case .entryRetracted: "entry-retracted"
        case .fieldNotForKind: "field-not-for-kind"
        case .emptyText: "empty-text"
        case .textTooLong: "text-too-long"
        case .noReason, .noAbandonReason: "no-reason"
        case .unknownParticipant: "unknown-participant"
        case .departureNotCheckedIn: "not-checked-in"
        case .alreadyLeft: "already-left"
        case .leftSince: "left-since"
        case .alreadyCheckedIn: "already-checked-in"
        case .noPreviousDay: "no-previous-day"
        case .nobodyLeft: "nobody-left"
        case .emptyFunction: "empty-function"
        case .badId: "bad-id"
        case .duplicateId: "duplicate-id"
        case .unknownOrganisation: "unknown-organisation"
        case .unknownCommune: "unknown-commune"
        case .notAnOrganisation: "not-an-organisation"
        case .alreadyInterested: "already-interested"
        case .noPartners: "no-partners"
        case .leadNotPartner: "lead-not-partner"
        case .sameCommitmentStatus, .sameEntryStatus, .sameFicheStatus, .sameReviewStatus: "same-status"
        case .unknownPartner: "unknown-partner"
        case .unknownFiche, .unknownFollowUpFiche: "unknown-fiche"
        case .notACommitment: "not-a-commitment"
        case .commitmentWithdrawn: "commitment-withdrawn"
        case .noAmount, .noCommittedAmount, .fullyDisbursed: "no-amount"
        case .dateBeforeLastUpdate: "date-before-last-update"
        case .reviewBeyondCommitted: "too-much-disbursed"
        case .noResponsible: "no-responsible"
        case .noOutcome: "no-outcome"
        case .outcomeContradicts: "outcome-contradicts"
        case .moreVotesThanPresent: "more-votes-than-present"
        case .closedUndoFollowUpOnly: "closed-undo-follow-up-only"
        case .sessionClosed: "session-closed"
        case .dateBeforeFact: "date-before-fact"
        case .futureDate: "future-date"
        case .commitmentAbandoned: "commitment-abandoned"
        case .disbursementTooLarge: "amount-too-large"
        case .notAnAction: "not-an-action"
        case .notFollowUp: "not-follow-up"
        case .notFollowed: "not-followed"
        case .statusForKind: "status-for-kind"
        case .previousUnreadable: "previous-unreadable"
        case .notOpen: "not-open"
        case .readOnlySeat: "read-only-seat"
        case .notForFollowUpSeat, .notForRapporteurSeat: "not-for-seat"
        case .unknownEvent: "unknown-event"
        case .alreadyUndone: "already-undone"
        case .undoOfUndo: "undo-of-undo"
        case .nothingToUndo: "nothing-to-undo"
        case .entryUseRetract: "entry-use-retract"
        case .entryFactNotUndoable, .notUndoable: "not-undoable"
        case .otherItemStartedSince, .itemTakenUpSince, .itemMovedSince, .itemCarriedSince, .itemInsertedSince:
            "item-since-started"
        case .daySinceEnded: "day-since-ended"
        case .itemUsedSince: "item-since-used"
        case .daySinceStarted: "day-since-started"
        case .floorSinceChanged: "floor-since-changed"
        case .participantSinceUsed: "participant-since-used"
        }
    }

    /// The message in `language`.
    public func text(_ language: Language) -> String { language == .fr ? texts.fr : texts.en }

    /// The message in French and in English: the one table of refusal texts.
    var texts: (fr: String, en: String) {
        /// A value typed in a form or on the command line, cut to 60 characters.
        func v(_ s: String) -> String { Values.echo(s) }
        /// A name or id as echoed in a message.
        func e(_ s: String) -> String { Text.echo(s) }
        func minutes(_ s: Int) -> String { Durations.format(seconds: s) }
        switch self {
        case .negativeDuration(let t):
            return (
                "« \(v(t)) » : une durée ne peut pas être négative ici.",
                "“\(v(t))”: a duration cannot be negative here."
            )
        case .notADuration(let t):
            return (
                "« \(v(t)) » n'est pas une durée : écrivez des minutes (5, 1,5) ou 1h30, 20m, 90s.",
                "“\(v(t))” is not a duration: write minutes (5, 1.5) or 1h30, 20m, 90s."
            )
        case .negativeNumber(let t):
            return (
                "« \(v(t)) » : un nombre négatif n'a pas de sens ici (à partir de 1).",
                "“\(v(t))”: a negative number means nothing here (from 1)."
            )
        case .notAnEntryNumber(let t):
            return (
                "« \(v(t)) » n'est pas un numéro d'entrée (le numéro affiché à l'enregistrement, 12 ou #12).",
                "“\(v(t))” is not an entry number (the seq printed when it was recorded, 12 or #12)."
            )
        case .notAPosition(let t):
            return (
                "« \(v(t)) » n'est pas un rang : écrivez un nombre entier à partir de 1.",
                "“\(v(t))” is not a place: write a whole number from 1."
            )
        case .tooLarge(let t, let limit):
            let (fr, en) =
                switch limit {
                case .minutes: ("999 999 minutes", "999,999 minutes")
                case .count: ("999 999 999", "999,999,999")
                case .amount: ("9 223 372 036 854 775 807", "9,223,372,036,854,775,807")
                }
            return ("« \(v(t)) » est trop grand (au plus \(fr)).", "“\(v(t))” is too large (at most \(en)).")
        case .negativeAmount(let t):
            return ("« \(v(t)) » : un montant ne peut pas être négatif.", "“\(v(t))”: an amount cannot be negative.")
        case .amountWithDecimals(let t, let c):
            return (
                "« \(v(t)) » : un montant s'écrit sans décimales" + (c.map { " (\($0) : unités entières)" } ?? "")
                    + ", par exemple 2 500 000 ou 2,5 millions.",
                "“\(v(t))”: write the amount without decimals" + (c.map { " (\($0): whole units)" } ?? "")
                    + ", e.g. 2,500,000 or 2.5 million."
            )
        case .ambiguousAmount(let t, let thousands, let units, let english):
            let mark = english ? ("le point", "dot") : ("la virgule", "comma")
            return (
                "« \(v(t)) » : \(mark.0) marque ici les décimales ; écrivez \(thousands) (ou \(units) si c'est bien "
                    + "\(units)).",
                "“\(v(t))”: the \(mark.1) is the decimal mark here; write \(thousands) (or \(units) if you mean "
                    + "\(units))."
            )
        case .amountWithExponent(let t):
            return (
                "« \(v(t)) » : écrivez le montant en chiffres, par exemple 1 000 000 plutôt que 1e6.",
                "“\(v(t))”: write the amount in full digits, e.g. 1,000,000 rather than 1e6."
            )
        case .currencyInAmount(let t, let amount, let currency):
            return (
                "« \(v(t)) » : écrivez le montant seul (\(v(amount))) et la devise à part (\(v(currency)) : --currency, "
                    + "ou le champ Devise).",
                "“\(v(t))”: write the amount alone (\(v(amount))) and the currency apart (\(v(currency)): --currency, "
                    + "or the Currency field)."
            )
        case .badlyGroupedAmount(let t, let example):
            return (
                "« \(v(t)) » : chiffres mal groupés ; groupez-les par trois (\(example)) ou écrivez-les à la suite.",
                "“\(v(t))”: badly grouped digits; group them by three (\(example)) or write them plainly."
            )
        case .notAnAmount(let t):
            return (
                "« \(v(t)) » n'est pas un montant : écrivez 2500000, 2 500 000 ou 2,5 millions.",
                "“\(v(t))” is not an amount: write 2500000, 2,500,000 or 2.5 million."
            )
        case .unknownCurrency(let t):
            return (
                "Devise « \(v(t)) » : écrivez FCFA, EUR, USD ou un code de 3 lettres.",
                "Currency “\(v(t))”: write FCFA, EUR, USD or a 3-letter code."
            )
        case .notADate(let t):
            return (
                "« \(v(t)) » n'est pas une date : écrivez AAAA-MM-JJ (2023-10-17) ou JJ/MM/AAAA.",
                "“\(v(t))” is not a date: write YYYY-MM-DD (2023-10-17) or DD/MM/YYYY."
            )
        case .notATime(let t):
            return (
                "« \(v(t)) » n'est pas une heure : écrivez HH:MM (09:30 ou 9h30).",
                "“\(v(t))” is not a time of day: write HH:MM (09:30)."
            )
        case .relativeWithoutPosition(let t):
            return (
                "« \(v(t)) » : un moment relatif n'a de sens que depuis une position.",
                "“\(v(t))”: a relative moment needs a position to start from."
            )
        case .notAMoment(let t):
            return (
                "« \(v(t)) » n'est pas un moment : écrivez HH:MM, « J HH:MM » (jour J), « AAAA-MM-JJ HH:MM », "
                    + "+1:30 / -10m depuis la position, ou RFC 3339.",
                "“\(v(t))” is not a moment: write HH:MM, “D HH:MM” (day D), “YYYY-MM-DD HH:MM”, +1:30 / -10m "
                    + "from the position, or RFC 3339."
            )
        case .unknownDayNumber(let t, let days, let d):
            return (
                "« \(v(t)) » : le programme a \(days) \(days > 1 ? "journées" : "journée"), pas de jour \(d).",
                "“\(v(t))”: the programme has \(days) \(days == 1 ? "day" : "days"), no day \(d)."
            )
        case .notAVoteCount(let t):
            return (
                "Nombre de voix « \(v(t)) » : écrivez un nombre entier (0, 9, 12…).",
                "Number of votes “\(v(t))”: write a whole number (0, 9, 12…)."
            )
        case .unknownCommitmentStatus(let t):
            return (
                "Statut « \(v(t)) » inconnu : annoncé, intention, confirmé ou signé.",
                "Unknown status “\(v(t))”: announced, intention, confirmed or signed."
            )
        case .unknownFollowUpStatus(let t):
            return (
                "Statut « \(v(t)) » inconnu : annoncé, intention, confirmé ou signé pendant la réunion ; "
                    + "intention, confirmé, signé, décaissé ou abandonné au suivi, après la clôture.",
                "Unknown status “\(v(t))”: announced, intention, confirmed or signed during the meeting; intention, "
                    + "confirmed, signed, disbursed or abandoned in follow-up, after the close."
            )
        case .unknownActionStatus(let t):
            return (
                "Statut « \(v(t)) » inconnu : commencée, réalisée, en retard ou abandonnée.",
                "Unknown status “\(v(t))”: started, done, late or dropped."
            )
        case .unknownFicheStatus(let t):
            return (
                "Statut « \(v(t)) » inconnu : élaborée, étude financée, travaux commencés ou réalisée.",
                "Unknown status “\(v(t))”: prepared, study-funded, works-started or done."
            )
        case .unknownNature(let t):
            return (
                "Nature « \(v(t)) » inconnue : financier, technique ou étude.",
                "Unknown nature “\(v(t))”: financial, technical or study."
            )
        case .unknownItemKind(let t, let kinds):
            return (
                "Type de point « \(v(t)) » inconnu : \(kinds) (ou débat, synthèse, pause…).",
                "Unknown item kind “\(v(t))”: \(kinds)."
            )
        case .unknownOutcome(let t):
            return (
                "Résultat « \(v(t)) » inconnu : adopté ou rejeté.", "Unknown outcome “\(v(t))”: adopted or rejected."
            )
        case .unknownCategory(let t):
            return (
                "Catégorie « \(v(t)) » : écrivez ptf, commune, service-technique, société civile (ong), privé, "
                    + "organisateur ou autres.",
                "Category “\(v(t))”: write partner, commune, state-service, civil society (ngo), private, organiser "
                    + "or other."
            )
        case .departureNotCheckedIn(let name, let day):
            return (
                "La présence de \(name) n'est pas pointée le \(day) : pointez-la avant son départ.",
                "\(name) is not checked in on \(day): check them in before their departure."
            )
        case .alreadyLeft(let name, let time):
            return (
                "Le départ de \(name) est déjà enregistré à \(time).",
                "\(name)'s departure is already recorded at \(time)."
            )
        case .leftSince(let name, let seq):
            return (
                "Le départ de \(name) est enregistré depuis (n° \(seq)) : annulez-le d'abord.",
                "\(name) has left since (#\(seq)): undo the departure first."
            )
        case .unknownSex(let t):
            return (
                "Sexe « \(v(t)) » : écrivez F (femme), H ou M (homme), ou nc (non précisé).",
                "Sex “\(v(t))”: write F (female), M (male) or unspecified."
            )
        case .notYesOrNo(let t):
            return ("« \(v(t)) » : répondez oui ou non.", "“\(v(t))”: answer yes or no.")
        case .badCsvSeparator(let t):
            return (
                "Séparateur CSV « \(e(t)) » : un seul caractère, par exemple ; , ou tab.",
                "CSV separator “\(e(t))”: one character, e.g. “;”, “,” or tab."
            )

        case .followUpBeforeClose:
            return (
                "Le suivi commence à la clôture de la session : pendant la réunion, changez le statut de "
                    + "l'engagement ou amendez l'entrée.",
                "Follow-up starts when the session is closed: during the meeting, change the commitment's "
                    + "status or amend the entry."
            )
        case .nothingToAdjust:
            return ("Aucun instant enregistré à corriger.", "No recorded instant to adjust.")
        case .alreadyOpen:
            return ("La session est déjà ouverte.", "The session is already open.")
        case .dayUnderWayAtClose(let date):
            return (
                "La journée du \(date) est en cours : terminez-la d'abord.",
                "The day \(date) is under way: end it first."
            )
        case .itemPausedAtClose(let item):
            return (
                "« \(item) » est en pause : terminez-le avant de clore la session (la clôture est définitive).",
                "“\(item)” is paused: end it before closing the session (closing is final)."
            )
        case .unknownDay(let t, let days):
            let list = days.joined(separator: ", ")
            return (
                "Aucune journée « \(e(t)) » au programme (journées : \(list)).",
                "No day “\(e(t))” in the programme (days: \(list))."
            )
        case .noDayOn(let date):
            return ("Aucune journée le \(date) au programme.", "No day \(date) in the programme.")
        case .dayAlreadyUnderWay(let date):
            return ("La journée du \(date) est déjà en cours.", "The day \(date) is already under way.")
        case .dayEnded(let date, let already):
            return already
                ? ("La journée du \(date) est déjà terminée.", "The day \(date) has already ended.")
                : ("La journée du \(date) est terminée.", "The day \(date) has ended.")
        case .noDayLeft:
            return (
                "Toutes les journées du programme ont déjà commencé.", "Every day of the programme has already started."
            )
        case .sameDate(let n, let date):
            return (
                "La journée \(n) s'est déjà tenue ce \(date) : une deuxième journée le même jour "
                    + "n'est enregistrée que si vous le confirmez (start-day --force, ou B une seconde fois "
                    + "à la console).",
                "Day \(n) was already held on \(date): a second day on the same date is recorded "
                    + "only if you confirm it (start-day --force, or B once more at the console)."
            )
        case .noDayUnderWay:
            return (
                "Aucune journée n'est en cours : démarrez la journée d'abord.",
                "No day is under way: start the day first."
            )
        case .noNextDay(let date):
            return (
                "La journée du \(date) est la dernière du programme : aucun jour où reporter ses "
                    + "points ; déplacez-les un par un ou sautez-les.",
                "The day \(date) is the programme's last: there is no day to carry its items to; "
                    + "move them one by one or skip them."
            )
        case .nothingToCarry(let date):
            return (
                "Tous les points du \(date) ont été traités : rien à reporter.",
                "Every item of \(date) has been treated: nothing to carry over."
            )

        case .itemRunning(let item):
            return (
                "« \(item) » est en cours : terminez-le ou mettez-le en pause d'abord.",
                "“\(item)” is running: end or pause it first."
            )
        case .itemStillUnderWay(let item, let paused):
            return (
                "« \(item) » est encore \(paused ? "en pause" : "en cours") : terminez-le d'abord.",
                "“\(item)” is still \(paused ? "paused" : "running"): end it first."
            )
        case .itemOnOtherDay(let item, let date):
            return (
                "« \(item) » est prévu le \(date) : déplacez-le d'abord vers aujourd'hui.",
                "“\(item)” is planned on \(date): move it to today first."
            )
        case .itemEnded(let item):
            return ("« \(item) » est déjà terminé.", "“\(item)” has already ended.")
        case .noItemLeft(let toSkip):
            return toSkip
                ? ("Plus aucun point prévu à sauter.", "No planned item left to skip.")
                : (
                    "Plus aucun point prévu aujourd'hui : insérez-en un ou terminez la journée.",
                    "No planned item left today: insert one or end the day."
                )
        case .alreadyPaused(let item):
            return ("« \(item) » est déjà en pause.", "“\(item)” is already paused.")
        case .notPaused(let item):
            return ("« \(item) » n'est pas en pause.", "“\(item)” is not paused.")
        case .badExtension:
            return (
                "Prolongation invalide : donnez un nombre de minutes (négatif pour raccourcir), au plus 24 heures.",
                "Invalid extension: give a number of minutes (negative to shorten), at most 24 hours."
            )
        case .tooShort(let item, let planned, let by):
            return (
                "« \(item) » est prévu pour \(minutes(planned)) : il ne peut pas être raccourci de \(minutes(by)).",
                "“\(item)” is planned for \(minutes(planned)): it cannot be shortened by \(minutes(by))."
            )
        case .badRemainingTime:
            return (
                "Temps restant invalide : donnez un nombre de minutes, d'une minute à 24 heures.",
                "Invalid remaining time: give a number of minutes, from one minute to 24 hours."
            )
        case .sameRemaining(let item, let seconds):
            return (
                "Il reste déjà \(minutes(seconds)) à « \(item) ».", "“\(item)” already has \(minutes(seconds)) left."
            )
        case .notSkippable(let item):
            return (
                "« \(item) » n'est plus à venir : on ne peut pas le sauter.",
                "“\(item)” is no longer ahead: it cannot be skipped."
            )
        case .emptyTitle:
            return ("Donnez un titre au point à insérer.", "Give the new item a title.")
        case .badItemDuration:
            return (
                "Durée invalide : donnez un nombre de minutes positif.",
                "Invalid duration: give a positive number of minutes."
            )
        case .itemFixed(let item):
            return (
                "« \(item) » est un point fixe (cérémonie) : il ne peut pas être déplacé.",
                "“\(item)” is fixed (a ceremony): it cannot be moved."
            )
        case .itemStartedNotMovable(let item):
            return (
                "« \(item) » a déjà commencé : on ne peut plus le déplacer.",
                "“\(item)” has already started: it can no longer be moved."
            )
        case .unknownAnchor(let t, let date):
            return ("« \(e(t)) » n'est pas un point du \(date).", "“\(e(t))” is not an item of \(date).")
        case .noCurrentItem:
            return (
                "Aucun point de l'ordre du jour n'est en cours : démarrez-en un.",
                "No agenda item is under way: start one."
            )
        case .unknownItem(let t):
            return ("Aucun point « \(e(t)) » à l'ordre du jour.", "No agenda item “\(e(t))”.")

        case .alreadyQueued(let name):
            return ("\(name) est déjà dans la file.", "\(name) is already in the queue.")
        case .alreadySpeaking(let name):
            return ("\(name) a déjà la parole.", "\(name) already has the floor.")
        case .itemPausedNoFloor(let item):
            return (
                "« \(item) » est en pause : reprenez-le avant de donner la parole.",
                "“\(item)” is paused: resume it before giving the floor."
            )
        case .queueEmpty:
            return ("La file des orateurs est vide.", "The speakers queue is empty.")
        case .noSpeaker:
            return ("Personne n'a la parole.", "Nobody has the floor.")
        case .samePosition(let name):
            return ("\(name) est déjà à cette place.", "\(name) is already in that place.")
        case .badSpeakingTime:
            return (
                "Temps de parole invalide : donnez un nombre de minutes positif.",
                "Invalid speaking time: give a positive number of minutes."
            )
        case .notQueued(let name):
            return ("\(name) n'est pas dans la file.", "\(name) is not in the queue.")
        case .unknownSpeaker(let t):
            return (
                "« \(e(t)) » n'est ni un participant ni une organisation du programme.",
                "“\(e(t))” is neither a participant nor an organisation of the programme."
            )
        case .nobodyMatches(let t):
            return ("Personne ne correspond à « \(e(t)) ».", "Nobody matches “\(e(t))”.")
        case .ambiguous(let t, let names, let more):
            let tail = more ? "…" : ""
            return (
                "« \(e(t)) » désigne plusieurs personnes : \(names)\(tail).",
                "“\(e(t))” matches several: \(names)\(tail)."
            )

        case .entryChanged(let id, let at, let text):
            let by = at.map { " (\($0))" } ?? ""
            return (
                "L'entrée n° \(id) vient d'être amendée par un autre poste\(by) ; texte actuel : « \(text) ». "
                    + "Rien n'a été enregistré.",
                "Entry #\(id) was just amended by another seat\(by); current text: “\(text)”. Nothing was recorded."
            )
        case .sameText:
            return ("Le texte est identique : rien à amender.", "The text is unchanged: nothing to amend.")
        case .nothingChanged(let id):
            return (
                "L'entrée n° \(id) a déjà ces valeurs : rien à amender.",
                "Entry #\(id) already has these values: nothing to amend."
            )
        case .alreadyAdopted(let id):
            return ("L'entrée n° \(id) est déjà adoptée.", "Entry #\(id) is already adopted.")
        case .unknownEntry(let id):
            return ("Aucune entrée n° \(id) au compte rendu.", "No minute entry #\(id).")
        case .entryRetracted(let id):
            return ("L'entrée n° \(id) a été retirée.", "Entry #\(id) has been retracted.")
        case .fieldNotForKind(let id, let kind, let fields, let has):
            let wrong = fields.joined(separator: ", ")
            let list = has.joined(separator: ", ")
            return (
                "L'entrée n° \(id) (\(kind)) n'a pas de champ \(wrong)"
                    + (has.isEmpty ? " : seul son texte s'amende." : " ; ses champs : \(list)."),
                "Entry #\(id) (\(kind)) has no field \(wrong)"
                    + (has.isEmpty ? ": only its text is amended." : "; its fields: \(list).")
            )
        case .emptyText:
            return ("Le texte est vide.", "The text is empty.")
        case .textTooLong(let bytes):
            return (
                "Le texte fait \(Amounts.format(Int64(bytes))) octets : 64 Kio (65 536 octets) au plus ; "
                    + "découpez-le en plusieurs entrées.",
                "The text is \(Amounts.format(Int64(bytes), separator: ",")) bytes long: "
                    + "64 KiB (65,536 bytes) at most; split it into several entries."
            )
        case .noReason:
            return ("Donnez une raison.", "Give a reason.")
        case .badDeadline(let t):
            return (
                "Échéance « \(e(t)) » : date impossible ; écrivez AAAA-MM-JJ (2024-03-31), JJ/MM/AAAA, "
                    + "ou un texte (« fin mars »).",
                "Deadline “\(e(t))”: not a real date; write YYYY-MM-DD (2024-03-31), DD/MM/YYYY, or words (“end of "
                    + "March”)."
            )

        case .unknownParticipant(let t):
            return (
                "« \(e(t)) » n'est pas un participant : ajoutez-le comme nouvel arrivant.",
                "“\(e(t))” is not a participant: add them as a walk-in."
            )
        case .alreadyCheckedIn(let name, let date):
            return ("\(name) figure déjà au pointage du \(date).", "\(name) is already checked in on \(date).")
        case .noPreviousDay:
            return (
                "Aucune journée ne s'est tenue avant celle-ci : personne à reprendre.",
                "No day was held before this one: nobody to carry over."
            )
        case .nobodyLeft:
            return (
                "Toutes les personnes présentes la veille sont déjà pointées aujourd'hui.",
                "Everyone present the day before is already checked in today."
            )
        case .emptyFunction:
            return (
                "Donnez la fonction du participant (ex. « Maire de Koula »).",
                "Give the participant's function (e.g. “Mayor of Koula”)."
            )
        case .badId(let id):
            return (
                "Identifiant « \(id) » : lettres, chiffres, - _ et . seulement.",
                "Id “\(id)”: letters, digits, - _ and . only."
            )
        case .duplicateId(let id):
            return ("L'identifiant « \(id) » existe déjà.", "The id “\(id)” already exists.")
        case .unknownOrganisation(let t):
            return ("Organisation inconnue : « \(e(t)) ».", "Unknown organisation: “\(e(t))”.")
        case .unknownCommune(let t):
            return ("Commune inconnue : « \(e(t)) ».", "Unknown commune: “\(e(t))”.")
        case .notAnOrganisation(let t):
            return (
                "« \(e(t)) » n'est pas une organisation ni une commune du programme.",
                "“\(e(t))” is not an organisation or a commune of the programme."
            )

        case .alreadyInterested(let partner, let fiche):
            return (
                "\(partner) a déjà déclaré son intérêt pour \(fiche).",
                "\(partner) already declared an interest in \(fiche)."
            )
        case .noPartners:
            return (
                "Une synergie réunit au moins deux partenaires différents sur la fiche (sinon, déclarez un intérêt).",
                "A synergy brings at least two different partners together on the fiche (otherwise, declare an interest)."
            )
        case .leadNotPartner(let lead):
            return (
                "Le chef de file \(lead) doit être l'un des partenaires de la synergie.",
                "The lead \(lead) must be one of the synergy's partners."
            )
        case .sameCommitmentStatus(let id):
            return ("L'engagement n° \(id) a déjà ce statut.", "Commitment #\(id) already has this status.")
        case .unknownPartner(let t, let inCommitment):
            return inCommitment
                ? ("Engagement : partenaire inconnu « \(e(t)) ».", "Commitment: unknown partner “\(e(t))”.")
                : ("Partenaire inconnu « \(e(t)) ».", "Unknown partner “\(e(t))”.")
        case .unknownFiche(let t, let inCommitment):
            return inCommitment
                ? ("Engagement : fiche de projet inconnue « \(e(t)) ».", "Commitment: unknown project “\(e(t))”.")
                : ("Fiche de projet inconnue « \(e(t)) ».", "Unknown project “\(e(t))”.")
        case .notACommitment(let id):
            return ("L'entrée n° \(id) n'est pas un engagement.", "Entry #\(id) is not a commitment.")
        case .commitmentWithdrawn(let id):
            return ("L'engagement n° \(id) a été retiré.", "Commitment #\(id) has been withdrawn.")
        case .amountOutOfRange(let currency):
            let largest = SessionState.largestAmount
            return (
                "Le montant doit être un entier positif d'au plus \(Money.format(largest, currency, language: .fr)).",
                "The amount must be a positive integer of at most \(Money.format(largest, currency, language: .en))."
            )
        case .noAmount:
            return (
                "Un engagement financier demande un montant supérieur à zéro.",
                "A financial commitment needs an amount above zero."
            )
        case .noResponsible:
            return ("Une action demande un responsable.", "An action needs someone responsible.")
        case .noOutcome:
            return (
                "Un vote demande son résultat : adopté ou rejeté.", "A vote needs its outcome: adopted or rejected."
            )
        case .outcomeContradicts(let f, let a):
            return (
                "Vote : adopté avec \(f) pour et \(a) contre ? Vérifiez les nombres ou le résultat.",
                "Vote: adopted with \(f) for and \(a) against? Check the counts or the outcome."
            )
        case .negativeVoteCount(let n):
            return (
                "Vote : un nombre de voix ne peut pas être négatif (\(n)).",
                "Vote: a number of votes cannot be negative (\(n))."
            )
        case .moreVotesThanPresent(let votes, let present, let date):
            let fr =
                present == 0
                ? "aucun participant du programme n'est présent le \(date)"
                : present == 1
                    ? "un seul participant du programme est présent le \(date) (pointé, sans départ enregistré)"
                    : "seuls \(present) participants du programme sont présents le \(date) (pointés, sans départ "
                        + "enregistré)"
            let en =
                present == 0
                ? "no participant of the programme is present on \(date)"
                : present == 1
                    ? "only one participant of the programme is present on \(date) (checked in, no departure recorded)"
                    : "only \(present) participants of the programme are present on \(date) (checked in, no departure "
                        + "recorded)"
            return (
                "Vote : \(votes) \(votes > 1 ? "voix exprimées" : "voix exprimée"), mais \(fr) : vérifiez les "
                    + "nombres ou pointez les présents.",
                "Vote: \(votes) \(votes == 1 ? "vote" : "votes") cast, but \(en): check the counts or the attendance."
            )

        case .closedUndoFollowUpOnly:
            return (
                "La session est close : seules les mises à jour du suivi s'annulent.",
                "The session is closed: only follow-up updates can be undone."
            )
        case .sessionClosed:
            return (
                "La session est close : seul le suivi s'enregistre encore (palabre do SESSION commitment-status, "
                    + "action-status, fiche-status --seat suivi).",
                "The session is closed: only follow-up is recorded now (palabre do SESSION commitment-status, "
                    + "action-status, fiche-status --seat suivi)."
            )
        case .dateBeforeFact(let d, let notBefore):
            return (
                "Le \(d) précède le \(notBefore), jour où l'entrée a été prise : donnez la date du suivi.",
                "\(d) is before \(notBefore), the day the entry was recorded: give the date of the follow-up."
            )
        case .badFollowUpDate(let t, let today):
            return (
                "Date invalide « \(e(t)) » : attendu AAAA-MM-JJ, par exemple \(today).",
                "Invalid date “\(e(t))”: expected YYYY-MM-DD, e.g. \(today)."
            )
        case .futureDate(let d, let today):
            return (
                "Le \(d) est à venir : le suivi enregistre ce qui a eu lieu (au plus tard le \(today)).",
                "\(d) is still to come: follow-up records what happened (on \(today) at the latest)."
            )
        case .commitmentAbandoned(let id):
            return (
                "L'engagement n° \(id) est abandonné : annulez d'abord cette mise à jour (touche u sur l'écran Suivi).",
                "Commitment #\(id) was abandoned: undo that update first."
            )
        case .sameEntryStatus(let id):
            return ("L'entrée n° \(id) a déjà ce statut.", "Entry #\(id) already has this status.")
        case .noAbandonReason:
            return (
                "Dites pourquoi l'engagement est abandonné (--reason).",
                "Say why the commitment is abandoned (--reason)."
            )
        case .amountOnlyWhenDisbursed:
            return (
                "Un montant ne s'indique que pour un engagement décaissé.",
                "An amount is given only for a commitment said disbursed."
            )
        case .nonPositiveDisbursement(let amount):
            return (
                "Un décaissement a un montant positif (\(Amounts.format(amount))).",
                "A disbursement has a positive amount (\(Amounts.format(amount)))."
            )
        case .dateBeforeLastUpdate(let d, let last):
            return (
                "Le \(d) précède la dernière mise à jour (\(last)) : le suivi s'enregistre dans l'ordre des faits ; "
                    + "annulez d'abord celle-ci pour la corriger.",
                "\(d) is before the last update (\(last)): follow-up is recorded in the order of the facts; undo that "
                    + "update first to correct it."
            )
        case .reviewBeyondCommitted(let amount, let committed, let cur):
            return (
                "Décaissé \(Amounts.format(amount)) \(cur) sur un engagement de \(Amounts.format(committed)) \(cur) : "
                    + "indiquez au plus le montant engagé.",
                "Disbursed \(Amounts.format(amount)) \(cur) on a commitment of \(Amounts.format(committed)) \(cur): "
                    + "give at most the amount committed."
            )
        case .noCommittedAmount(let id):
            return (
                "L'engagement n° \(id) n'a pas de montant : rien à décaisser.",
                "Commitment #\(id) has no amount: nothing to disburse."
            )
        case .fullyDisbursed(let id):
            return ("L'engagement n° \(id) est entièrement décaissé.", "Commitment #\(id) is fully disbursed.")
        case .disbursementTooLarge(let amount, let left, let cur, let id):
            return (
                "Décaissement de \(Amounts.format(amount)) \(cur) : il reste \(Amounts.format(left)) \(cur) "
                    + "à décaisser sur l'engagement n° \(id).",
                "A disbursement of \(Amounts.format(amount)) \(cur): \(Amounts.format(left)) \(cur) is left "
                    + "to disburse on commitment #\(id)."
            )
        case .notAnAction(let id):
            return (
                "L'entrée n° \(id) n'est ni une action ni une recommandation.",
                "Entry #\(id) is neither an action nor a recommendation."
            )
        case .unknownFollowUpFiche(let t):
            return ("Fiche inconnue « \(e(t)) ».", "Unknown fiche “\(e(t))”.")
        case .sameFicheStatus(let fiche):
            return ("La fiche \(fiche) a déjà ce statut.", "Fiche \(fiche) already has this status.")
        case .notFollowUp:
            return ("Ce n'est pas une mise à jour du suivi.", "Not a follow-up update.")

        case .notFollowed(let session, let known):
            let tail = known.isEmpty ? "." : " (\(known))."
            return (
                "La session « \(e(session)) » n'est pas dans follows du programme" + tail,
                "Session “\(e(session))” is not in the programme's follows" + tail
            )
        case .statusForKind:
            return (
                "Ce statut ne convient pas à cette entrée : engagement → intention, confirmé, signé, décaissé, "
                    + "abandonné ; action ou recommandation → commencée, réalisée, en retard, abandonnée.",
                "This status does not fit this entry: commitment → intention, confirmed, signed, disbursed, "
                    + "abandoned; action or recommendation → started, done, late, dropped."
            )
        case .sameReviewStatus(let session):
            return (
                "Cette entrée de « \(e(session)) » a déjà ce statut dans cette réunion.",
                "This entry of “\(e(session))” already has this status in this meeting."
            )
        case .previousUnreadable(let session, let problems):
            return (
                "Session « \(e(session)) » illisible : \(problems)",
                "Session “\(e(session))” cannot be read: \(problems)"
            )
        case .notOpen(let session, let seq):
            return (
                "La session « \(e(session)) » n'a pas d'entrée ouverte n° \(seq) (seq du journal).",
                "Session “\(e(session))” has no open entry with seq \(seq)."
            )

        case .readOnlySeat(let seat):
            return (
                "Le poste « \(seat) » est en lecture seule : rien n'a été enregistré.",
                "The \(seat) seat is read-only: nothing was recorded."
            )
        case .notForFollowUpSeat:
            return (
                "Le poste suivi enregistre le suivi des engagements, actions et fiches, après la clôture.",
                "The suivi seat records the follow-up of commitments, actions and fiches, after the close."
            )
        case .notForRapporteurSeat:
            return (
                "Le poste rapporteur enregistre le compte rendu et les présences ; "
                    + "l'ordre du jour et la parole relèvent du modérateur.",
                "The rapporteur seat records the minutes and attendance; the agenda and the floor "
                    + "belong to the facilitator."
            )

        case .unknownEvent(let seq, let last):
            return (
                "Aucun événement n° \(seq) au journal (le dernier est le n° \(last)).",
                "No event #\(seq) in the journal (the last is #\(last))."
            )
        case .alreadyUndone(let seq, let by):
            return (
                "L'événement n° \(seq) a déjà été annulé (par le n° \(by)).",
                "Event #\(seq) has already been undone (by #\(by))."
            )
        case .undoOfUndo(let seq):
            return (
                "Le n° \(seq) est lui-même une annulation : elle ne s'annule pas ; enregistrez de nouveau le fait.",
                "#\(seq) is itself an undo: it cannot be undone; record the fact again."
            )
        case .nothingToUndo(let seat):
            return (
                "Rien à annuler\(seat.isEmpty ? "" : " pour le poste « \(seat) »").",
                "Nothing to undo\(seat.isEmpty ? "" : " for the \(seat) seat")."
            )
        case .entryUseRetract(let seq):
            return (
                "Le n° \(seq) enregistre une entrée du compte rendu : elle ne s'annule pas, elle se retire "
                    + "(retract \(seq) --reason …) ou s'amende, et le compte rendu en garde la trace.",
                "#\(seq) records a minute entry: it is not undone but retracted (retract \(seq) "
                    + "--reason …) or amended, and the minutes keep the trace."
            )
        case .entryFactNotUndoable(let seq, let type, let entry):
            return (
                "Le n° \(seq) (\(type)) porte sur l'entrée n° \(entry) : "
                    + "corrigez-la par un nouvel amendement ou un retrait, pas par une annulation.",
                "#\(seq) (\(type)) concerns entry #\(entry): correct it by a new amendment or a "
                    + "retraction, not by an undo."
            )
        case .notUndoable(let seq, let type):
            return (
                "Le n° \(seq) (\(type)) ne s'annule pas. S'annulent : fin ou saut d'un point, "
                    + "point inséré ou déplacé, fin de journée, prolongation, demande de parole, parole donnée ou "
                    + "rendue, orateur retiré, pointage, départ, nouvel arrivant, statut, retrait ou adoption d'une entrée, "
                    + "engagement retiré, intérêt, synergie.",
                "#\(seq) (\(type)) cannot be undone. Undoable: an item ended, skipped, "
                    + "inserted or moved, a day ended, an extension, a request for the floor, the floor "
                    + "given or yielded, a speaker removed, a check-in, a departure, a walk-in, a commitment status, "
                    + "an entry retracted or adopted, a commitment withdrawn, an interest, a synergy."
            )
        case .otherItemStartedSince(let item, let other, let since):
            return (
                "« \(item) » ne peut pas reprendre : « \(other) » a commencé depuis (n° \(since)).",
                "“\(item)” cannot run again: “\(other)” has started since (#\(since))."
            )
        case .daySinceEnded(let item, let since, let type):
            return (
                "« \(item) » ne peut pas reprendre : la journée a changé depuis (n° \(since), \(type)).",
                "“\(item)” cannot run again: the day has changed since (#\(since), \(type))."
            )
        case .itemTakenUpSince(let item):
            return (
                "« \(item) » a été repris depuis : il n'est plus sauté.",
                "“\(item)” has been taken up since: it is no longer skipped."
            )
        case .itemMovedSince(let item):
            return (
                "« \(item) » a commencé ou a été sauté depuis : il ne peut plus revenir à sa place.",
                "“\(item)” has started or been skipped since: it can no longer go back to its place."
            )
        case .itemCarriedSince(let item, let date):
            return (
                "« \(item) » a commencé ou a été sauté depuis : les points reportés ne peuvent plus revenir au \(date).",
                "“\(item)” has started or been skipped since: the carried items can no longer go back to \(date)."
            )
        case .itemInsertedSince(let item):
            return (
                "« \(item) » a commencé ou a été sauté depuis : il ne peut plus être retiré de l'ordre du jour.",
                "“\(item)” has started or been skipped since: it can no longer be taken off the agenda."
            )
        case .itemUsedSince(let item, let since):
            return (
                "« \(item) » a servi depuis à placer ou déplacer un point (n° \(since)) : il ne peut plus être retiré.",
                "“\(item)” has since been used to place or move an item (#\(since)): it can no longer be taken off."
            )
        case .daySinceStarted(let date, let other, let since):
            return (
                "La journée du \(date) ne peut pas reprendre : celle du \(other) a commencé depuis (n° \(since)).",
                "The day \(date) cannot resume: the day \(other) has started since (#\(since))."
            )
        case .floorSinceChanged(let since, let type, let seq):
            return (
                "La parole a évolué depuis (n° \(since), \(type)) : le n° \(seq) ne s'annule plus ; "
                    + "agissez directement sur la file ou la parole.",
                "The floor has moved on since (#\(since), \(type)): #\(seq) can no longer "
                    + "be undone; act on the queue or the floor directly."
            )
        case .participantSinceUsed(let function, let since, let type):
            return (
                "\(function) figure depuis au journal (n° \(since), \(type)) : le nouvel arrivant ne peut plus être annulé.",
                "\(function) appears in the journal since (#\(since), \(type)): the walk-in can no longer be undone."
            )
        }
    }
}
