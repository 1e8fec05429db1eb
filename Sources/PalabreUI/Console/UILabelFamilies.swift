import PalabreCore

/// Labels that follow a value: one exhaustive switch per type, so a new kind, status or action
/// does not compile until it has its words.
extension UILabel {
    /// Kind of an agenda item (F1, projector).
    static func itemKind(_ v: ItemKind) -> UILabel {
        switch v {
        case .opening: .meetingKindOpening
        case .framingTalk: .meetingKindFramingTalk
        case .partnerPresentation: .meetingKindPartnerPresentation
        case .communePitch: .meetingKindCommunePitch
        case .debate: .meetingKindDebate
        case .groupWork: .meetingKindGroupWork
        case .reportBack: .meetingKindReportBack
        case .synthesis: .meetingKindSynthesis
        case .break: .meetingKindBreak
        case .closing: .meetingKindClosing
        case .followUp: .meetingKindFollowUp
        case .quorum: .meetingKindQuorum
        case .approveMinutes: .meetingKindApproveMinutes
        case .vote: .meetingKindVote
        case .publicComment: .meetingKindPublicComment
        case .anyOtherBusiness: .meetingKindAnyOtherBusiness
        case .other: .meetingKindOther
        }
    }
    /// Kind of an entry, in full (F2 forms and input line).
    static func entryKind(_ v: EntryKind) -> UILabel {
        switch v {
        case .note: .kindNote
        case .decision: .kindDecision
        case .question: .kindQuestion
        case .answer: .kindAnswer
        case .recommendation: .kindRecommendation
        case .action: .kindAction
        case .perspective: .kindPerspective
        case .organiserCommitment: .kindOrganiserCommitment
        case .vote: .kindVote
        case .commitment: .kindCommitment
        }
    }
    /// Kind of an entry, short (list of entries).
    static func entryKindShort(_ v: EntryKind) -> UILabel {
        switch v {
        case .note: .kindShortNote
        case .decision: .kindShortDecision
        case .question: .kindShortQuestion
        case .answer: .kindShortAnswer
        case .recommendation: .kindShortRecommendation
        case .action: .kindShortAction
        case .perspective: .kindShortPerspective
        case .organiserCommitment: .kindShortOrganiserCommitment
        case .vote: .kindShortVote
        case .commitment: .kindShortCommitment
        }
    }
    /// Kind of an entry, tiny (list of entries under 60 columns).
    static func entryKindTiny(_ v: EntryKind) -> UILabel {
        switch v {
        case .note: .kindTinyNote
        case .decision: .kindTinyDecision
        case .question: .kindTinyQuestion
        case .answer: .kindTinyAnswer
        case .recommendation: .kindTinyRecommendation
        case .action: .kindTinyAction
        case .perspective: .kindTinyPerspective
        case .organiserCommitment: .kindTinyOrganiserCommitment
        case .vote: .kindTinyVote
        case .commitment: .kindTinyCommitment
        }
    }
    /// Heading of the latest entry the projector shows (notes, questions and answers stay off the
    /// wall; the other kinds take their F2 name).
    static func latestEntry(_ v: EntryKind) -> UILabel {
        switch v {
        case .note: .kindNote
        case .decision: .projLatestDecision
        case .question: .kindQuestion
        case .answer: .kindAnswer
        case .recommendation: .projLatestRecommendation
        case .action: .projLatestAction
        case .perspective: .kindPerspective
        case .organiserCommitment: .kindOrganiserCommitment
        case .vote: .projLatestVote
        case .commitment: .projLatestCommitment
        }
    }
    /// Nature of a commitment (F2).
    static func nature(_ v: CommitmentNature) -> UILabel {
        switch v {
        case .financial: .natureFinancial
        case .technical: .natureTechnical
        case .study: .natureStudy
        }
    }
    /// Status of a commitment (F2).
    static func commitmentStatus(_ v: CommitmentStatus) -> UILabel {
        switch v {
        case .announced: .cstatusAnnounced
        case .intention: .cstatusIntention
        case .confirmed: .cstatusConfirmed
        case .signed: .cstatusSigned
        }
    }
    /// Status of a commitment (F11).
    static func synStatus(_ v: CommitmentStatus) -> UILabel {
        switch v {
        case .announced: .synStatusAnnounced
        case .intention: .synStatusIntention
        case .confirmed: .synStatusConfirmed
        case .signed: .synStatusSigned
        }
    }
    /// Status of an agenda item.
    static func itemStatus(_ v: ItemStatus) -> UILabel {
        switch v {
        case .planned: .statusPlanned
        case .running: .statusRunning
        case .paused: .statusPaused
        case .done: .statusDone
        case .skipped: .statusSkipped
        }
    }
    /// Sex, as one letter (F3 table).
    static func sexShort(_ v: Sex) -> UILabel {
        switch v {
        case .female: .attSexF
        case .male: .attSexM
        case .unspecified: .attSexUnspecified
        }
    }
    /// Sex, in full (F3 walk-in form).
    static func sexLong(_ v: Sex) -> UILabel {
        switch v {
        case .female: .attSexLongF
        case .male: .attSexLongM
        case .unspecified: .attSexLongUnspecified
        }
    }
    /// Sex, as a row of the speaking balance (F4).
    static func balanceSex(_ v: Sex) -> UILabel {
        switch v {
        case .female: .balSexF
        case .male: .balSexM
        case .unspecified: .balSexUnspecified
        }
    }
    /// Stage of a fiche's studies (F11).
    static func study(_ v: StudyStatus) -> UILabel {
        switch v {
        case .idea: .synStudyIdea
        case .feasibilityStudy: .synStudyFeasibilityStudy
        case .appraisal: .synStudyAppraisal
        }
    }
    /// Where a partner stands on a fiche (F11).
    static func cellState(_ v: SynergyCellState) -> UILabel {
        switch v {
        case .none: .synStateNone
        case .suggested: .synStateSuggested
        case .interest: .synStateInterest
        case .synergy: .synStateSynergy
        case .committed: .synStateCommitted
        }
    }
    /// Order of the synergies board (F11).
    static func sort(_ v: SynergySort) -> UILabel {
        switch v {
        case .programme: .synSortProgramme
        case .gap: .synSortGap
        case .priority: .synSortPriority
        }
    }
    /// Participant category of an organisation type (F3, F4).
    static func category(_ v: OrganisationType) -> UILabel {
        switch v {
        case .partner: .catPartner
        case .commune: .catCommune
        case .stateService: .catStateService
        case .ngo: .catNgo
        case .`private`: .catPrivate
        case .organiser: .catOrganiser
        }
    }
    /// Participant category, short (F3 when the full names do not fit).
    static func categoryShort(_ v: OrganisationType) -> UILabel {
        switch v {
        case .partner: .catShortPartner
        case .commune: .catShortCommune
        case .stateService: .catShortStateService
        case .ngo: .catShortNgo
        case .`private`: .catShortPrivate
        case .organiser: .catShortOrganiser
        }
    }
    /// Name of a screen (tabs, help, hint bar).
    static func screen(_ v: ScreenID) -> UILabel { globalHint(v.screenAction) }
    /// Hint-bar word of a global action.
    static func globalHint(_ v: GlobalAction) -> UILabel {
        switch v {
        case .screenFacilitator: .screenFacilitator
        case .screenRapporteur: .screenRapporteur
        case .screenAttendance: .screenAttendance
        case .screenBalance: .screenBalance
        case .screenProjector: .screenProjector
        case .screenSynergies: .screenSynergies
        case .screenFollowUp: .screenFollowup
        case .nextScreen: .actionNextScreen
        case .previousScreen: .actionPreviousScreen
        case .help: .actionHelp
        case .quit: .actionQuit
        case .undo: .actionUndo
        }
    }
    /// Help sentence of a global action; nil for the screen keys, whose sentence names the screen.
    static func globalHelp(_ v: GlobalAction) -> UILabel? {
        switch v {
        case .screenFacilitator: nil
        case .screenRapporteur: nil
        case .screenAttendance: nil
        case .screenBalance: nil
        case .screenProjector: nil
        case .screenSynergies: nil
        case .screenFollowUp: nil
        case .nextScreen: .helpNextScreen
        case .previousScreen: .helpPreviousScreen
        case .help: .helpHelp
        case .quit: .helpQuit
        case .undo: .helpUndo
        }
    }
    /// Hint-bar word of a facilitator action.
    static func facilitatorHint(_ v: FacilitatorAction) -> UILabel {
        switch v {
        case .pause: .actionItemPause
        case .start: .actionItemStart
        case .end: .actionItemEnd
        case .request: .actionFloorRequest
        case .give: .actionFloorGive
        case .yield: .actionFloorYield
        case .extend1: .actionItemExtend1
        case .extend5: .actionItemExtend5
        case .pointOfOrder: .actionFloorOrder
        case .remove: .actionFloorRemove
        case .moveUp: .actionFloorUp
        case .moveDown: .actionFloorDown
        case .limit: .actionFloorLimit
        case .skip: .actionItemSkip
        case .insert: .actionItemInsert
        case .move: .actionItemMove
        case .startDay: .actionDayStart
        case .endDay: .actionDayEnd
        case .focusAgenda: .actionFocusAgenda
        case .focusQueue: .actionFocusQueue
        case .bell: .actionItemBell
        case .shorten: .actionItemShorten
        case .remaining: .actionItemRemaining
        case .earlier: .actionItemEarlier
        case .later: .actionItemLater
        }
    }
    /// Help sentence of a facilitator action.
    static func facilitatorHelp(_ v: FacilitatorAction) -> UILabel {
        switch v {
        case .pause: .helpItemPause
        case .start: .helpItemStart
        case .end: .helpItemEnd
        case .request: .helpFloorRequest
        case .give: .helpFloorGive
        case .yield: .helpFloorYield
        case .extend1: .helpItemExtend1
        case .extend5: .helpItemExtend5
        case .pointOfOrder: .helpFloorOrder
        case .remove: .helpFloorRemove
        case .moveUp: .helpFloorUp
        case .moveDown: .helpFloorDown
        case .limit: .helpFloorLimit
        case .skip: .helpItemSkip
        case .insert: .helpItemInsert
        case .move: .helpItemMove
        case .startDay: .helpDayStart
        case .endDay: .helpDayEnd
        case .focusAgenda: .helpFocusAgenda
        case .focusQueue: .helpFocusQueue
        case .bell: .helpItemBell
        case .shorten: .helpItemShorten
        case .remaining: .helpItemRemaining
        case .earlier: .helpItemEarlier
        case .later: .helpItemLater
        }
    }
    /// Hint-bar word of a rapporteur action.
    static func rapporteurHint(_ v: RapporteurAction) -> UILabel {
        switch v {
        case .send: .actionRapporteurSend
        case .kindNext: .actionRapporteurKindNext
        case .kindPrevious: .actionRapporteurKindPrevious
        case .up: .actionRapporteurUp
        case .down: .actionRapporteurDown
        case .amend: .actionRapporteurAmend
        case .retract: .actionRapporteurRetract
        case .adopt: .actionRapporteurAdopt
        case .sendForm: .actionRapporteurSendForm
        case .cancel: .actionRapporteurCancel
        case .all: .actionRapporteurAll
        case .review: .actionRapporteurReview
        }
    }
    /// Help sentence of a rapporteur action.
    static func rapporteurHelp(_ v: RapporteurAction) -> UILabel {
        switch v {
        case .send: .helpRapporteurSend
        case .kindNext: .helpRapporteurKindNext
        case .kindPrevious: .helpRapporteurKindPrevious
        case .up: .helpRapporteurUp
        case .down: .helpRapporteurDown
        case .amend: .helpRapporteurAmend
        case .retract: .helpRapporteurRetract
        case .adopt: .helpRapporteurAdopt
        case .sendForm: .helpRapporteurSendForm
        case .cancel: .helpRapporteurCancel
        case .all: .helpRapporteurAll
        case .review: .helpRapporteurReview
        }
    }
    /// Hint-bar word of a attendance action.
    static func attendanceHint(_ v: AttendanceAction) -> UILabel {
        switch v {
        case .checkIn: .actionAttendanceCheckIn
        case .walkIn: .actionAttendanceWalkIn
        case .up: .actionAttendanceUp
        case .down: .actionAttendanceDown
        case .clear: .actionAttendanceClear
        case .sendForm: .actionAttendanceSendForm
        case .yesterday: .actionAttendanceYesterday
        case .checkOut: .actionAttendanceCheckOut
        }
    }
    /// Help sentence of a attendance action.
    static func attendanceHelp(_ v: AttendanceAction) -> UILabel {
        switch v {
        case .checkIn: .helpAttendanceCheckIn
        case .walkIn: .helpAttendanceWalkIn
        case .up: .helpAttendanceUp
        case .down: .helpAttendanceDown
        case .clear: .helpAttendanceClear
        case .sendForm: .helpAttendanceSendForm
        case .yesterday: .helpAttendanceYesterday
        case .checkOut: .helpAttendanceCheckOut
        }
    }
    /// Hint-bar word of a balance action.
    static func balanceHint(_ v: BalanceAction) -> UILabel {
        switch v {
        case .scope: .actionBalanceScope
        }
    }
    /// Help sentence of a balance action.
    static func balanceHelp(_ v: BalanceAction) -> UILabel {
        switch v {
        case .scope: .helpBalanceScope
        }
    }
    /// Hint-bar word of a synergies action.
    static func synergiesHint(_ v: SynergiesAction) -> UILabel {
        switch v {
        case .interest: .actionSynInterest
        case .synergy: .actionSynSynergy
        case .commit: .actionSynCommit
        case .status: .actionSynStatus
        case .withdraw: .actionSynWithdraw
        case .filter: .actionSynFilter
        case .sort: .actionSynSort
        }
    }
    /// Help sentence of a synergies action.
    static func synergiesHelp(_ v: SynergiesAction) -> UILabel {
        switch v {
        case .interest: .helpSynInterest
        case .synergy: .helpSynSynergy
        case .commit: .helpSynCommit
        case .status: .helpSynStatus
        case .withdraw: .helpSynWithdraw
        case .filter: .helpSynFilter
        case .sort: .helpSynSort
        }
    }
    /// Hint-bar word of a replay action.
    static func replayHint(_ v: ReplayAction) -> UILabel {
        switch v {
        case .playPause: .actionReplayPlayPause
        case .faster: .actionReplayFaster
        case .slower: .actionReplaySlower
        case .nextEvent: .actionReplayNextEvent
        case .previousEvent: .actionReplayPreviousEvent
        case .nextItem: .actionReplayNextItem
        case .previousItem: .actionReplayPreviousItem
        case .nextDay: .actionReplayNextDay
        case .previousDay: .actionReplayPreviousDay
        case .goTo: .actionReplayGoTo
        case .search: .actionReplaySearch
        case .nextMatch: .actionReplayNextMatch
        case .previousMatch: .actionReplayPreviousMatch
        case .help: .actionReplayHelp
        case .quit: .actionReplayQuit
        }
    }
    /// Help sentence of a replay action.
    static func replayHelp(_ v: ReplayAction) -> UILabel {
        switch v {
        case .playPause: .helpReplayPlayPause
        case .faster: .helpReplayFaster
        case .slower: .helpReplaySlower
        case .nextEvent: .helpReplayNextEvent
        case .previousEvent: .helpReplayPreviousEvent
        case .nextItem: .helpReplayNextItem
        case .previousItem: .helpReplayPreviousItem
        case .nextDay: .helpReplayNextDay
        case .previousDay: .helpReplayPreviousDay
        case .goTo: .helpReplayGoTo
        case .search: .helpReplaySearch
        case .nextMatch: .helpReplayNextMatch
        case .previousMatch: .helpReplayPreviousMatch
        case .help: .helpReplayHelp
        case .quit: .helpReplayQuit
        }
    }

    /// Name of month `m` (1…12); nil outside.
    static func month(_ m: Int) -> UILabel? {
        switch m {
        case 1: .month1
        case 2: .month2
        case 3: .month3
        case 4: .month4
        case 5: .month5
        case 6: .month6
        case 7: .month7
        case 8: .month8
        case 9: .month9
        case 10: .month10
        case 11: .month11
        case 12: .month12
        default: nil
        }
    }

    /// Category of a participant category key (an ``OrganisationType`` raw value, else « other »).
    static func category(key: String, short: Bool = false) -> UILabel {
        guard let t = OrganisationType(rawValue: key) else { return short ? .catShortOther : .catOther }
        return short ? categoryShort(t) : category(t)
    }

    /// Hint-bar word of any action.
    static func hint(_ a: Action) -> UILabel {
        switch a {
        case .global(let g): globalHint(g)
        case .facilitator(let f): facilitatorHint(f)
        case .rapporteur(let r): rapporteurHint(r)
        case .attendance(let x): attendanceHint(x)
        case .balance(let b): balanceHint(b)
        case .synergies(let s): synergiesHint(s)
        case .followUp(let f): followUpHint(f)
        case .replay(let r): replayHint(r)
        }
    }

    /// Help sentence of any action; nil for the screen keys, whose sentence names the screen.
    /// How a read-only seat's help words an action whose keys it can use.
    enum ReadOnlyHelp: Equatable {
        /// The live seat's sentence.
        case same
        /// Another sentence: the live one names forms, amendments or searches.
        case instead(UILabel)
        /// Not listed: the action does nothing where nothing can be typed.
        case notListed
    }
    /// What a read-only seat's help says of `a` (its keys look around: ``Console/lookingKey(_:screen:)``).
    static func readOnlyHelp(_ a: Action) -> ReadOnlyHelp {
        switch a {
        case .rapporteur(.up): .instead(.helpRapporteurUpReadOnly)
        case .rapporteur(.down): .instead(.helpRapporteurDownReadOnly)
        case .rapporteur(.cancel): .instead(.helpRapporteurCancelReadOnly)
        case .rapporteur(.all): .instead(.helpRapporteurAllReadOnly)
        case .attendance(.up): .instead(.helpAttendanceUpReadOnly)
        case .attendance(.down): .instead(.helpAttendanceDownReadOnly)
        case .attendance(.clear): .notListed
        default: .same
        }
    }
    static func help(_ a: Action) -> UILabel? {
        switch a {
        case .global(let g): globalHelp(g)
        case .facilitator(let f): facilitatorHelp(f)
        case .rapporteur(let r): rapporteurHelp(r)
        case .attendance(let x): attendanceHelp(x)
        case .balance(let b): balanceHelp(b)
        case .synergies(let s): synergiesHelp(s)
        case .followUp(let f): followUpHelp(f)
        case .replay(let r): replayHelp(r)
        }
    }
    /// Hint-bar word of a follow-up action (F12).
    static func followUpHint(_ v: FollowUpAction) -> UILabel {
        switch v {
        case .update: .actionSuiviUpdate
        case .fiche: .actionSuiviFiche
        case .partner: .actionSuiviPartner
        case .commune: .actionSuiviCommune
        case .responsible: .actionSuiviResponsible
        }
    }
    /// Help sentence of a follow-up action (F12).
    static func followUpHelp(_ v: FollowUpAction) -> UILabel {
        switch v {
        case .update: .helpSuiviUpdate
        case .fiche: .helpSuiviFiche
        case .partner: .helpSuiviPartner
        case .commune: .helpSuiviCommune
        case .responsible: .helpSuiviResponsible
        }
    }
    /// Outcome of a vote (F2).
    static func outcome(_ v: VoteOutcome) -> UILabel {
        switch v {
        case .adopted: .outcomeAdopted
        case .rejected: .outcomeRejected
        }
    }
    /// Status of a commitment as the meeting left it (F12).
    static func suiviMeetingStatus(_ v: CommitmentStatus) -> UILabel {
        switch v {
        case .announced: .suiviFsAnnounced
        case .intention: .suiviFsIntention
        case .confirmed: .suiviFsConfirmed
        case .signed: .suiviFsSigned
        }
    }
    /// Follow-up status of a commitment (F12).
    static func suiviFollowUp(_ v: FollowUpStatus) -> UILabel {
        switch v {
        case .intention: .suiviFsIntention
        case .confirmed: .suiviFsConfirmed
        case .signed: .suiviFsSigned
        case .disbursed: .suiviFsDisbursed
        case .abandoned: .suiviFsAbandoned
        }
    }
    /// Follow-up status of an action or a recommendation (F12); nil: still to do.
    static func suiviAction(_ v: ActionStatus?) -> UILabel {
        switch v {
        case nil: .suiviAsOpen
        case .started?: .suiviAsStarted
        case .done?: .suiviAsDone
        case .late?: .suiviAsLate
        case .dropped?: .suiviAsDropped
        }
    }
    /// Follow-up status of a fiche (F12).
    static func suiviFiche(_ v: FicheStatus) -> UILabel {
        switch v {
        case .prepared: .suiviFichePrepared
        case .studyFunded: .suiviFicheStudyFunded
        case .worksStarted: .suiviFicheWorksStarted
        case .done: .suiviFicheDone
        }
    }
    /// Kind of a follow-up row, short (F12 column) or long (F12 form).
    static func suiviKind(_ v: EntryKind, long: Bool = false) -> UILabel {
        switch v {
        case .commitment: long ? .suiviKindLongCommitment : .suiviKindCommitment
        case .recommendation: long ? .suiviKindLongRecommendation : .suiviKindRecommendation
        case .action: long ? .suiviKindLongAction : .suiviKindAction
        default: long ? entryKind(v) : entryKindShort(v)
        }
    }
}
