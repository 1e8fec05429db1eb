import PalabreCore

/// Every word of the consoles and of a replay, in French and English, in one typed table.
///
/// The switch in ``UILabel/pair`` is exhaustive, so a label cannot exist in one language only,
/// and a screen can only ask for a label that exists: there are no ids looked up at run time.
/// Families of labels that follow a value (item kinds, entry kinds, statuses, actions) are the
/// functions in `UILabelFamilies.swift`, exhaustive over the value's type.
public enum UILabel: CaseIterable, Sendable {
    /// Words of every screen (tabs, help, banners, forms).
    case clockForward, clockBack, screenFacilitator, screenRapporteur, screenAttendance, screenBalance
    /// Words of every screen (tabs, help, banners, forms).
    case screenProjector, screenSynergies, helpTitle, helpClose, helpGlobal, helpScreens, tiny, tinyShort, day
    /// Words of every screen (tabs, help, banners, forms).
    case noDay, noItem, closed, recorded, refused, statusPlanned, statusRunning, statusPaused, statusDone
    /// Words of every screen (tabs, help, banners, forms).
    case statusSkipped, readonly, actionQuit, actionHelp, actionNextScreen, actionPreviousScreen, helpQuit
    /// Words of every screen (tabs, help, banners, forms).
    case helpHelp, helpNextScreen, helpPreviousScreen, helpScreen, formAmbiguous, formChoiceOnly, actionUndo
    /// Words of every screen (tabs, help, banners, forms).
    case helpTitleShort, helpUndo, helpGuardShort, helpGuardLegend, helpReplay, pasteIgnored, pasteStalled,
        pasteTooLong, draftQuit
    case programmeReloaded, programmeHasErrors, programmeTimeZone, programmeDropsOne, programmeDropsMany
    case programmeInsertedId, programmeMissing, programmeKept, journalReopened, readingJournal, readingRestOfJournal,
        commandAwaitsJournal, replayWaiting
    /// Words of replay (`palabre replay`): its help, its prompts, what a move or a search found.
    case replayHelpTitle, replayReadOnly, replayNoOtherEvent, replayNoOtherItem, replayNoOtherDay, replayNoSearch
    case replayNotFound, replayFound, replayWrappedToStart, replayWrappedToEnd, replayGoToPrompt, replaySearchPrompt
    case replayWhatSeek, replayWhatGoTo, replayWhatSearch, replayPlaying, replayAtEnd, replayPaused, replayDay
    case replayEvent, replayGapsShortened
    /// Words of every screen (tabs, help, banners, forms).
    case draftRestored, tinyRefused, termFallback, undoDone
    /// Words of the replay keys.
    case actionReplayPlayPause, helpReplayPlayPause, actionReplayFaster, helpReplayFaster, actionReplaySlower
    /// Words of the replay keys.
    case helpReplaySlower, actionReplayNextEvent, helpReplayNextEvent, actionReplayPreviousEvent
    /// Words of the replay keys.
    case helpReplayPreviousEvent, actionReplayNextItem, helpReplayNextItem, actionReplayPreviousItem
    /// Words of the replay keys.
    case helpReplayPreviousItem, actionReplayNextDay, helpReplayNextDay, actionReplayPreviousDay
    /// Words of the replay keys.
    case helpReplayPreviousDay, actionReplayGoTo, helpReplayGoTo, actionReplaySearch, helpReplaySearch
    /// Words of the replay keys.
    case actionReplayNextMatch, helpReplayNextMatch, actionReplayPreviousMatch, helpReplayPreviousMatch
    /// Words of the replay keys.
    case actionReplayHelp, helpReplayHelp, actionReplayQuit, helpReplayQuit, helpReplayScreens
    /// Words of the synergies screen (F11).
    case actionSynInterest, helpSynInterest, actionSynSynergy, helpSynSynergy, actionSynCommit, helpSynCommit
    /// Words of the synergies screen (F11).
    case actionSynStatus, helpSynStatus, actionSynWithdraw, helpSynWithdraw, actionSynFilter, helpSynFilter
    /// Words of the synergies screen (F11).
    case actionSynSort, helpSynSort, synFicheOne, synFicheMany, synFilter, synSort, synSortProgramme, synSortGap
    /// Words of the synergies screen (F11).
    case synSortPriority, synFilterNone, synFilterStudy, synModeClassique, synModeShort, synCercle, synSector
    /// Words of the synergies screen (F11).
    case synSought, synCommitted, synGap, synEngaged, synSuggested, synInterest, synSynergy, synLead, synOver
    /// Words of the synergies screen (F11).
    case synStudy, synColCommune, synColFiche, synColSought, synColSector, synColCost, synColGap, synColMode
    /// Words of the synergies screen (F11).
    case synColStudy, synStudyIdea, synStudyFeasibilityStudy, synStudyAppraisal, synStateNone, synStateSuggested
    /// Words of the synergies screen (F11).
    case synStateInterest, synStateSynergy, synStateCommitted, synStatusAnnounced, synStatusIntention
    /// Words of the synergies screen (F11).
    case synStatusConfirmed, synStatusSigned, synNatureFinancial, synHInterest, synHSynergy, synHWithdrawn
    /// Words of the synergies screen (F11).
    case synLegend, synEmpty, synNoneFilter, synNothing, synNoCommitment, synStatusTop, synFormTitle, synFormKeys
    /// Words of the synergies screen (F11).
    case synFieldNature, synFieldAmount, synFieldCurrency, synFieldStatus, synFieldConditions, synFieldDue
    /// Words of the synergies screen (F11).
    case synWithdrawPrompt, synWithdrawKeys
    /// Words of the facilitator screen and the projector (shared parts).
    case meetingDriftLate, meetingDriftEarly, meetingDriftOnTime, meetingKindOpening, meetingKindFramingTalk
    /// Words of the facilitator screen and the projector (shared parts).
    case meetingKindPartnerPresentation, meetingKindCommunePitch, meetingKindDebate, meetingKindGroupWork
    /// Words of the facilitator screen and the projector (shared parts).
    case meetingKindReportBack, meetingKindSynthesis, meetingKindBreak, meetingKindClosing, meetingKindFollowUp
    /// Words of the facilitator screen and the projector (shared parts).
    case meetingKindOther, meetingPooShort, meetingPooLong, meetingAllDaysEnded, meetingNoSpeaker
    /// Words of undo from the keys.
    case undoWhatItemEnded, undoWhatItemSkipped, undoWhatItemMoved, undoWhatItemInserted, undoWhatDayEnded
    /// Words of undo from the keys.
    case undoWhatItemExtended, undoWhatFloorRequested, undoWhatFloorGiven, undoWhatFloorYielded
    /// Words of undo from the keys.
    case undoWhatSpeakerRemoved, undoWhatParticipantCheckedIn, undoWhatParticipantAdded
    /// Words of undo from the keys.
    case undoWhatCommitmentStatusChanged, undoWhatEntryRetracted, undoWhatEntryAdopted
    /// Words of undo from the keys.
    case undoWhatCommitmentWithdrawn, undoWhatInterestDeclared, undoWhatSynergyMarked, undoConfirm
    /// Words of undo from the keys.
    case undoConfirmTyping, undoNone, undoWhileReading, quitWritingDocuments
    /// Words of the speaking-balance screen (F4).
    case actionBalanceScope, helpBalanceScope, balSession, balKeyDay, balKeySession, balTurnOne, balTurnMany
    /// Words of the speaking-balance screen (F4).
    case balWomen, balOfTime, balOfTimeShort, balOfPresent, balOfPresentShort, balNow, balNone, balColTime
    /// Words of the speaking-balance screen (F4).
    case balColTurns, balColShare, balColPresent, balByCategory, balBySex, balByOrganisation, balByOrganisationTop
    /// Words of the speaking-balance screen (F4).
    case balSexF, balSexM, balSexUnspecified
    /// Words of the attendance screen (F3).
    case attChooseFirst, actionAttendanceCheckIn, helpAttendanceCheckIn, actionAttendanceWalkIn
    /// Words of the attendance screen (F3).
    case helpAttendanceWalkIn, actionAttendanceUp, helpAttendanceUp, actionAttendanceDown, helpAttendanceDown
    /// Words of the attendance screen (F3).
    case actionAttendanceClear, helpAttendanceClear, actionAttendanceSendForm, helpAttendanceSendForm
    /// Words of the attendance screen (F3).
    case attParticipantOne, attParticipantMany, attPersonOne, attPersonMany, attWomanOne, attWomanMany, attOfWhom
    /// Words of the attendance screen (F3).
    case attSession, attDayEnded, attSearch, attPhSearch, attPhSearchShort, attColPresent, attColFunction
    /// Words of the attendance screen (F3).
    case attColOrganisation, attColCategory, attColSex, attSexF, attSexM, attSexUnspecified, attSexLongF
    /// Words of the attendance screen (F3).
    case attSexLongM, attSexLongUnspecified, attNobody, attSelect, attAlready, attNew, attAdded, attAddedEnter
    /// Words of the attendance screen (F3).
    case attWalkinTitle, attFieldFunction, attFieldOrganisation, attFieldSex, attFieldName, attPhFunction
    /// Words of the attendance screen (F3).
    case attPhOrganisation, attErrFunction, attErrOrganisation, catPartner, catCommune, catStateService, catNgo
    /// Words of the attendance screen (F3).
    case catPrivate, catOrganiser, catOther, catShortPartner, catShortCommune, catShortStateService, catShortNgo
    /// Words of the attendance screen (F3).
    case catShortPrivate, catShortOrganiser, catShortOther, month1, month2, month3, month4, month5, month6, month7
    /// Words of the attendance screen (F3).
    case month8, month9, month10, month11, month12
    /// Words of the projector (F5).
    case projRemaining, projMinutesLeft, projOver, projLastMinute, projQueueMore, projPaused, projSpeaking
    /// Words of the projector (F5).
    case projQueue, projQueueShort, projAgenda, projAgendaShort, projNextAt, projThanks, projLatestDecision
    /// Words of the projector (F5).
    case projLatestRecommendation, projLatestAction, projLatestCommitment
    /// Words of the rapporteur screen (F2).
    case actionRapporteurAll, helpRapporteurAll, helpRapporteurAllReadOnly, helpRapporteurUpReadOnly
    case helpRapporteurDownReadOnly, helpRapporteurCancelReadOnly, helpAttendanceUpReadOnly
    case helpAttendanceDownReadOnly, rapAll, actionRapporteurSend, helpRapporteurSend
    /// Words of the rapporteur screen (F2).
    case actionRapporteurKindNext, helpRapporteurKindNext, actionRapporteurKindPrevious
    /// Words of the rapporteur screen (F2).
    case helpRapporteurKindPrevious, actionRapporteurUp, helpRapporteurUp, actionRapporteurDown
    /// Words of the rapporteur screen (F2).
    case helpRapporteurDown, actionRapporteurAmend, helpRapporteurAmend, actionRapporteurRetract
    /// Words of the rapporteur screen (F2).
    case helpRapporteurRetract, actionRapporteurAdopt, helpRapporteurAdopt, actionRapporteurSendForm
    /// Words of the rapporteur screen (F2).
    case helpRapporteurSendForm, actionRapporteurCancel, helpRapporteurCancel, kindNote, kindDecision
    /// Words of the rapporteur screen (F2).
    case kindQuestion, kindAnswer, kindRecommendation, kindAction, kindCommitment, kindPerspective
    /// Words of the rapporteur screen (F2).
    case kindOrganiserCommitment, kindShortNote, kindShortDecision, kindShortQuestion, kindShortAnswer
    /// Words of the rapporteur screen (F2).
    case kindShortRecommendation, kindShortAction, kindShortCommitment, kindShortPerspective
    /// Words of the rapporteur screen (F2).
    case kindShortOrganiserCommitment, kindTinyNote, kindTinyDecision, kindTinyQuestion, kindTinyAnswer
    /// Words of the rapporteur screen (F2).
    case kindTinyRecommendation, kindTinyAction, kindTinyCommitment, kindTinyPerspective
    /// Words of the rapporteur screen (F2).
    case kindTinyOrganiserCommitment, rapEntryOne, rapEntryMany, rapWaitingOne, rapWaitingMany, rapNoEntries
    /// Words of the rapporteur screen (F2) in a read-only seat.
    case rapNoEntriesReadOnly, rapListLineReadOnly
    /// Words of the rapporteur screen (F2).
    case rapOutside, rapLastItem, rapNext, rapAmended, rapAdopted, rapRetracted, rapAmending, rapNumber
    /// Words of the rapporteur screen (F2).
    case rapPlaceholder, rapReadOnly, rapReasonAmend, rapReasonRetract, rapListLine, rapListMode, rapListNotCommand
    /// Words of the rapporteur screen (F2).
    case rapListStray, rapConfirmAmend, rapConfirmRetract, rapConfirmAdopt, rapConfirmKeys, rapEmpty, rapSame
    /// Words of the rapporteur screen (F2).
    case rapNoReason, rapAlreadyRetracted, rapAlreadyAdopted, rapFloor, rapNobody, rapLeft, rapOver, formKeys
    /// Words of the rapporteur screen (F2).
    case fieldAddressee, fieldResponsible, fieldDue, fieldPartner, fieldFiche, fieldNature, fieldAmount
    /// Words of the rapporteur screen (F2).
    case fieldCurrency, fieldStatus, fieldConditions, phOptional, phRequired, phDue, phPartner, phFiche, phAmount
    /// Words of the rapporteur screen (F2).
    case phCurrency, phCurrencyOf, natureFinancial, natureTechnical, natureStudy, cstatusAnnounced
    /// Words of the rapporteur screen (F2).
    case cstatusIntention, cstatusConfirmed, cstatusSigned, candCommune, candCercle, errResponsible, errPartner
    /// Words of the rapporteur screen (F2).
    case errFiche, errNoAmount
    /// Words of the facilitator screen (F1).
    case actionItemBell, helpItemBell, facBellOn, facBellOff, actionItemPause, helpItemPause, actionItemStart
    /// Words of the facilitator screen (F1).
    case helpItemStart, actionItemEnd, helpItemEnd, actionFloorRequest, helpFloorRequest, actionFloorGive
    /// Words of the facilitator screen (F1).
    case helpFloorGive, actionFloorYield, helpFloorYield, actionItemExtend1, helpItemExtend1, actionItemExtend5
    /// Words of the facilitator screen (F1).
    case helpItemExtend5, actionFloorOrder, helpFloorOrder, actionFloorRemove, helpFloorRemove, actionFloorUp
    /// Words of the facilitator screen (F1).
    case helpFloorUp, actionFloorDown, helpFloorDown, actionFloorLimit, helpFloorLimit, actionItemSkip
    /// Words of the facilitator screen (F1).
    case helpItemSkip, actionItemInsert, helpItemInsert, actionItemMove, helpItemMove, actionDayStart
    /// Words of the facilitator screen (F1).
    case helpDayStart, actionDayEnd, helpDayEnd, actionFocusAgenda, helpFocusAgenda, actionFocusQueue
    /// Words of the facilitator screen (F1).
    case helpFocusQueue, facAgenda, facColPlanned, facColStart, facColDuration, facColItem, facCurrent, facPaused
    /// Words of the facilitator screen (F1).
    case facElapsed, facMinutesLeft, facBox, facExtended, facEndPlanned, facEndExpected, facEndShort, facQueue
    /// Words of the facilitator screen (F1).
    case facLimit, facNoLimit, facQueueNone, facQueueMore, facNext, facStartWith, facPressB, facFirstItem
    /// Words of the facilitator screen (F1).
    case facCloseHint, facClosedNote, facDayOver, facNeedItem, facEndItemQueue, facSkipChoose, facEndDayConfirm
    /// Words of the facilitator screen (F1) in a read-only seat: what is, without the keys to act.
    case facNextDay, facQueueNoneReadOnly, facDayOverReadOnly, facCanClose
    /// Words of the facilitator screen (F1).
    case facStartDayOtherDate, facEndDayLeft, facQueueEmpty, facQueueFocus, facInsertNoTitle, facBadDay
    /// Words of the facilitator screen (F1).
    case facPromptInsertTitle, facPromptInsertMinutes, facPromptMove, facPromptRequester, facPromptOrder
    /// Words of the facilitator screen (F1).
    case facPromptLimit, facPromptKeys, facPromptChoose, facNoMatch, facCommune, facSelected, facModerator
    /// Words of the facilitator screen (F1).
    case facTurns, facDays
    /// Words of the facilitator screen (F1): several requesters in one prompt, the matches left
    /// out of the suggestions, how long a request has waited.
    case facPromptKeysQueue, facRequestsAddedOne, facRequestsAddedMany, facMatchesMoreOne, facMatchesMoreMany
    /// Words of the facilitator screen (F1): a request that has waited less than a minute.
    case facWaitUnderMinute
    /// Words of the facilitator screen (F1): one of a kind.
    case facEndItemQueueOne, facCarryAskOne, facShortened, facMovedShort, facInsertedShort

    /// Words of the attendance screen (F3).
    case actionAttendanceYesterday, helpAttendanceYesterday, attYesterday
    /// Words of the attendance screen (F3): a walk-in's category, departures.
    case attFieldCategory, attCategoryFromOrganisation, actionAttendanceCheckOut, helpAttendanceCheckOut, attLeftMark
    /// Words of the attendance screen (F3): a walk-in's category, departures.
    case attAlreadyLeft, attNotCheckedIn, undoWhatParticipantLeft
    /// Words of the synergies screen (F11): the amount sought in a narrow column.
    case synColSoughtShort
    /// Words of the facilitator screen (F1).
    case actionItemShorten, helpItemShorten, actionItemRemaining, helpItemRemaining, actionItemEarlier, helpItemEarlier
    /// Words of the facilitator screen (F1).
    case actionItemLater, helpItemLater, facPromptRemaining, facPromptWalkinNew, facPromptWalkin, facOrderFirst
    /// Words of the facilitator screen (F1).
    case facOrderLast, facCarryAsk, facEndDayUntreated
    /// Words of the facilitator screen and the projector (shared parts).
    case meetingKindQuorum, meetingKindApproveMinutes, meetingKindVote, meetingKindPublicComment,
        meetingKindAnyOtherBusiness
    /// Words of the follow-up screen (F12).
    case screenFollowup, suiviAsof, suiviLineOne, suiviLineMany, suiviOverdueOne, suiviOverdueMany, suiviFilter
    /// Words of the follow-up screen (F12).
    case suiviFilterNone, suiviFilterPartner, suiviFilterCommune, suiviFilterResponsible, suiviFilterNothing
    /// Words of the follow-up screen (F12).
    case suiviNotClosed, suiviEmpty, suiviNothing, suiviNoFiche, suiviColKind, suiviColNumber, suiviColDue
    /// Words of the follow-up screen (F12).
    case suiviColLate, suiviColStatus, suiviColWho, suiviColText, suiviDays, suiviNo, suiviSince, suiviDisbursed
    /// Words of the follow-up screen (F12).
    case suiviLeft, suiviKindCommitment, suiviKindAction, suiviKindRecommendation, suiviKindLongCommitment
    /// Words of the follow-up screen (F12).
    case suiviKindLongAction, suiviKindLongRecommendation, suiviKindLongFiche, suiviFsAnnounced, suiviFsIntention
    /// Words of the follow-up screen (F12).
    case suiviFsConfirmed, suiviFsSigned, suiviFsDisbursed, suiviFsAbandoned, suiviAsOpen, suiviAsStarted
    /// Words of the follow-up screen (F12).
    case suiviAsDone, suiviAsLate, suiviAsDropped, suiviFichePrepared, suiviFicheStudyFunded, suiviFicheWorksStarted
    /// Words of the follow-up screen (F12).
    case suiviFicheDone, suiviKeys, suiviKeysReadOnly, suiviFormTitle, suiviFormKeys, suiviFieldStatus,
        suiviFieldAmount, suiviFieldDate
    /// Words of the follow-up screen (F12).
    case suiviFieldNote
    /// Words of the review of earlier sessions during a follow-up item (F2 panel, F1 box).
    case revTitle, revReviewedHere, revReviewedOne, revReviewedMany, revKeys, revNotActive, revListOnly
    /// Words of the review of earlier sessions: the panel's keys before it has the focus, the form's title.
    case revEnterKeys, revFormTitle
    /// Words of the review of earlier sessions: the key that opens the panel (F2).
    case actionRapporteurReview, helpRapporteurReview
    /// Words of the follow-up screen (F12): a status given by a later session's review.
    case revAccordingTo
    /// Words of undo from the keys: follow-up updates and reviews, and any other event.
    case undoWhatEvent, undoWhatFollowUp, undoWhatFicheFollowUp, undoWhatReview
    /// Words of the rapporteur screen (F2) and the projector: votes.
    case actionSuiviUpdate, helpSuiviUpdate, actionSuiviFiche, helpSuiviFiche, actionSuiviPartner, helpSuiviPartner
    /// Words of the rapporteur screen (F2) and the projector: votes.
    case actionSuiviCommune, helpSuiviCommune, actionSuiviResponsible, helpSuiviResponsible, projLatestVote
    /// Words of the rapporteur screen (F2) and the projector: votes.
    case kindVote, kindShortVote, kindTinyVote, fieldFor, fieldAgainst, fieldAbstentions, fieldOutcome, outcomeAdopted
    /// Words of the rapporteur screen (F2) and the projector: votes.
    case outcomeRejected, phCount
    /// Words of undo from the keys.
    case undoWhatItemCarriedOver, undoWhatItemsCarriedOver

    /// The label in French and in English.
    public var pair: (fr: String, en: String) {
        switch self {
        case .actionAttendanceYesterday: ("Présents hier", "Here yesterday")
        case .helpAttendanceYesterday:
            (
                "Pointer toutes les personnes présentes la veille (^Z reprend la dernière)",
                "Check in everyone present the day before (^Z takes the last one back)"
            )
        case .attYesterday: ("hier", "yest.")
        case .attFieldCategory: ("Catégorie", "Category")
        case .attCategoryFromOrganisation: ("selon l'organisation", "from the organisation")
        case .actionAttendanceCheckOut: ("Départ", "Leaves")
        case .helpAttendanceCheckOut:
            (
                "Enregistrer le départ de la personne choisie (heure de départ, demi-journées ; ^Z le reprend)",
                "Record that the selected person leaves (departure time, half days; ^Z takes it back)"
            )
        case .attLeftMark: ("dép.", "left")
        case .attAlreadyLeft: ("départ déjà enregistré à", "already left at")
        case .attNotCheckedIn:
            (
                "présence pas encore pointée aujourd'hui : aucun départ à enregistrer",
                "not checked in today: no departure to record"
            )
        case .undoWhatParticipantLeft: ("le départ de %@", "the departure of %@")
        case .synColSoughtShort: ("Besoin", "Sought")
        case .actionItemShorten: ("−1 min", "−1 min")
        case .helpItemShorten: ("Raccourcir le point en cours d'une minute", "Shorten the current item by one minute")
        case .actionItemRemaining: ("Temps restant", "Time left")
        case .helpItemRemaining: ("Fixer le temps restant du point en cours", "Set the time left on the current item")
        case .actionItemEarlier: ("Plus tôt", "Earlier")
        case .helpItemEarlier:
            (
                "Avancer le point sélectionné d'un rang dans sa journée",
                "Move the selected item one place earlier in its day"
            )
        case .actionItemLater: ("Plus tard", "Later")
        case .helpItemLater:
            (
                "Reculer le point sélectionné d'un rang dans sa journée",
                "Move the selected item one place later in its day"
            )
        case .facPromptRemaining: ("Temps restant, en minutes", "Time left, in minutes")
        case .facPromptWalkinNew: ("Nouvel arrivant", "Walk-in")
        case .facPromptWalkin:
            ("organisation et sexe, facultatifs (ex. : anict F)", "organisation and sex, optional (e.g. anict F)")
        case .facOrderFirst:
            ("Ce point est déjà le premier à venir de la journée", "This item is already the first ahead")
        case .facOrderLast: ("Ce point est déjà le dernier de la journée", "This item is already the last of the day")
        case .facCarryAsk:
            (
                "Reporter les %d points non traités à la journée %day ? Appuyer encore sur F pour les reporter ; une autre touche les laisse",
                "Carry the %d untreated items over to day %day? Press F again to carry them; any other key leaves them"
            )
        case .facEndDayUntreated: ("points non traités", "untreated items")
        case .meetingKindQuorum: ("Appel nominal et quorum", "Roll call and quorum")
        case .meetingKindApproveMinutes: ("Approbation du procès-verbal", "Approval of the minutes")
        case .meetingKindVote: ("Vote", "Vote")
        case .meetingKindPublicComment: ("Intervention du public", "Public comment")
        case .meetingKindAnyOtherBusiness: ("Questions diverses", "Any other business")
        case .screenFollowup: ("Suivi", "Follow-up")
        case .actionSuiviUpdate: ("Mettre à jour", "Update")
        case .helpSuiviUpdate:
            (
                "Enregistrer où en est la ligne\u{00A0}: statut (convention signée, décaissé avec montant et date, abandonné avec motif\u{00A0}; action commencée, réalisée, en retard, abandonnée), date, note",
                "Record where the row stands: status (agreement signed, disbursed with amount and date, abandoned with a reason; action started, done, late, dropped), date, note"
            )
        case .actionSuiviFiche: ("Fiche", "Fiche")
        case .helpSuiviFiche:
            (
                "Enregistrer le statut de la fiche de la ligne (élaborée, étude financée, travaux commencés, réalisée)",
                "Record the status of the row's fiche (prepared, study funded, works started, done)"
            )
        case .actionSuiviPartner: ("Partenaire", "Partner")
        case .helpSuiviPartner:
            (
                "Filtrer par partenaire (suivant\u{00A0}; Échap\u{00A0}: tout afficher)",
                "Filter by partner (next; Esc: show all)"
            )
        case .actionSuiviCommune: ("Commune", "Commune")
        case .helpSuiviCommune:
            (
                "Filtrer par commune (suivante\u{00A0}; Échap\u{00A0}: tout afficher)",
                "Filter by commune (next; Esc: show all)"
            )
        case .actionSuiviResponsible: ("Responsable", "Responsible")
        case .helpSuiviResponsible:
            (
                "Filtrer par responsable (suivant\u{00A0}; Échap\u{00A0}: tout afficher)",
                "Filter by responsible (next; Esc: show all)"
            )
        case .suiviAsof: ("Suivi au", "Follow-up as of")
        case .suiviLineOne: ("ligne", "row")
        case .suiviLineMany: ("lignes", "rows")
        case .suiviOverdueOne: ("en retard", "overdue")
        case .suiviOverdueMany: ("en retard", "overdue")
        case .suiviFilter: ("filtre", "filter")
        case .suiviFilterNone: ("aucun", "none")
        case .suiviFilterPartner: ("partenaire", "partner")
        case .suiviFilterCommune: ("commune", "commune")
        case .suiviFilterResponsible: ("responsable", "responsible")
        case .suiviFilterNothing: ("Rien à filtrer ainsi.", "Nothing to filter that way.")
        case .suiviNotClosed:
            (
                "La réunion n'est pas close\u{00A0}: le suivi s'enregistre après la clôture.",
                "The meeting is not closed: follow-up is recorded after the close."
            )
        case .suiviEmpty: ("Aucun engagement, aucune action.", "No commitments, no actions.")
        case .suiviNothing: ("Aucune ligne sélectionnée.", "No row selected.")
        case .suiviNoFiche: ("Cette ligne ne porte sur aucune fiche.", "This row is about no fiche.")
        case .suiviColKind: ("Type", "Kind")
        case .suiviColNumber: ("N°", "No.")
        case .suiviColDue: ("Échéance", "Deadline")
        case .suiviColLate: ("Retard", "Late")
        case .suiviColStatus: ("Statut", "Status")
        case .suiviColWho: ("Qui", "Who")
        case .suiviColText: ("Texte", "Text")
        case .suiviDays: ("j", "d")
        case .suiviNo: ("n°", "no.")
        case .suiviSince: ("depuis le", "since")
        case .suiviDisbursed: ("décaissé", "disbursed")
        case .suiviLeft: ("reste", "left")
        case .suiviKindCommitment: ("Eng.", "Com.")
        case .suiviKindAction: ("Act.", "Act.")
        case .suiviKindRecommendation: ("Rec.", "Rec.")
        case .suiviKindLongCommitment: ("Engagement", "Commitment")
        case .suiviKindLongAction: ("Action", "Action")
        case .suiviKindLongRecommendation: ("Recommandation", "Recommendation")
        case .suiviKindLongFiche: ("Fiche", "Fiche")
        case .suiviFsAnnounced: ("annoncé", "announced")
        case .suiviFsIntention: ("intention", "intention")
        case .suiviFsConfirmed: ("confirmé", "confirmed")
        case .suiviFsSigned: ("convention signée", "agreement signed")
        case .suiviFsDisbursed: ("décaissé", "disbursed")
        case .suiviFsAbandoned: ("abandonné", "abandoned")
        case .suiviAsOpen: ("à faire", "to do")
        case .suiviAsStarted: ("commencée", "started")
        case .suiviAsDone: ("réalisée", "done")
        case .suiviAsLate: ("en retard", "late")
        case .suiviAsDropped: ("abandonnée", "dropped")
        case .suiviFichePrepared: ("fiche élaborée", "fiche prepared")
        case .suiviFicheStudyFunded: ("étude financée", "study funded")
        case .suiviFicheWorksStarted: ("travaux commencés", "works started")
        case .suiviFicheDone: ("réalisée", "done")
        case .suiviKeys:
            (
                "Entrée\u{00A0}: mettre à jour · f\u{00A0}: fiche · p/c/r\u{00A0}: filtre partenaire, %unit, responsable",
                "Enter: update · f: fiche · p/c/r: filter by partner, %unit, responsible"
            )
        case .suiviKeysReadOnly:
            (
                "p/c/r\u{00A0}: filtre partenaire, %unit, responsable",
                "p/c/r: filter by partner, %unit, responsible"
            )
        case .suiviFormTitle: ("Mise à jour", "Update")
        case .suiviFormKeys:
            (
                "←/→\u{00A0}: statut · Entrée/↑↓\u{00A0}: champ · ^S\u{00A0}: enregistrer · Échap\u{00A0}: annuler",
                "←/→: status · Enter/↑↓: field · ^S: record · Esc: cancel"
            )
        case .suiviFieldStatus: ("Statut", "Status")
        case .suiviFieldAmount: ("Montant décaissé", "Amount disbursed")
        case .suiviFieldDate: ("Date (AAAA-MM-JJ)", "Date (YYYY-MM-DD)")
        case .suiviFieldNote: ("Note ou motif", "Note or reason")
        case .revTitle: ("Suivi des recommandations", "Follow-up of recommendations")
        case .revReviewedHere: ("revu en séance", "reviewed here")
        case .revEnterKeys:
            (
                "^R\u{00A0}: choisir une entrée et dire où elle en est",
                "^R: choose an entry and say where it stands"
            )
        case .revFormTitle: ("Revue en séance", "Review in the meeting")
        case .revReviewedOne: ("revue", "reviewed")
        case .revReviewedMany: ("revues", "reviewed")
        case .revKeys:
            (
                "↑↓\u{00A0}: entrée · Entrée\u{00A0}: statut · Échap\u{00A0}: retour à la saisie",
                "↑↓: entry · Enter: status · Esc: back to typing"
            )
        case .revNotActive:
            (
                "Le suivi des sessions précédentes se fait pendant un point « suivi des recommandations »",
                "Earlier sessions are reviewed during an item of kind follow-up"
            )
        case .revListOnly:
            (
                "Liste du suivi\u{00A0}: ↑↓ pour choisir, Entrée pour le statut, Échap pour écrire",
                "Follow-up list: ↑↓ to choose, Enter for the status, Esc to type"
            )
        case .actionRapporteurReview: ("Suivi", "Follow-up")
        case .helpRapporteurReview:
            (
                "Point de suivi\u{00A0}: entrées des sessions suivies (et retour)",
                "Follow-up item: go to the earlier sessions' entries, and back"
            )
        case .revAccordingTo: ("selon", "according to")
        case .undoWhatEvent: ("l'événement", "the event")
        case .undoWhatFollowUp: ("le suivi de l'entrée n°\u{00A0}%@", "the follow-up of entry #%@")
        case .undoWhatFicheFollowUp: ("le suivi de la fiche %@", "the follow-up of fiche %@")
        case .undoWhatReview: ("la revue de l'entrée n°\u{00A0}%@", "the review of entry #%@")
        case .projLatestVote: ("Vote", "Vote")
        case .kindVote: ("Vote", "Vote")
        case .kindShortVote: ("Vote", "Vote")
        case .kindTinyVote: ("Vote", "Vote")
        case .fieldFor: ("Pour", "For")
        case .fieldAgainst: ("Contre", "Against")
        case .fieldAbstentions: ("Abstentions", "Abstentions")
        case .fieldOutcome: ("Résultat", "Outcome")
        case .outcomeAdopted: ("adopté", "adopted")
        case .outcomeRejected: ("rejeté", "rejected")
        case .phCount: ("nombre de voix, facultatif", "number of votes, optional")
        case .undoWhatItemCarriedOver: ("le report d'un point", "carrying over one item")
        case .undoWhatItemsCarriedOver: ("le report de %@ points", "carrying over %@ items")
        case .clockForward:
            (
                "Horloge du système avancée de %1 à %2 : les minuteurs comptent le temps réellement écoulé",
                "System clock set forward by %1 at %2: the timers count the time that really passed"
            )
        case .clockBack:
            (
                "Horloge du système reculée de %1 à %2 : les minuteurs comptent le temps réellement écoulé",
                "System clock set back by %1 at %2: the timers count the time that really passed"
            )
        case .screenFacilitator: ("Modération", "Facilitator")
        case .screenRapporteur: ("Compte rendu", "Rapporteur")
        case .screenAttendance: ("Présence", "Attendance")
        case .screenBalance: ("Temps de parole", "Speaking balance")
        case .screenProjector: ("Projection", "Projector")
        case .screenSynergies: ("Synergies", "Synergies")
        case .helpTitle: ("Aide — touches de l'écran", "Help — keys of this screen")
        case .helpTitleShort: ("Aide", "Help")
        case .helpClose: ("Échap ou ? pour fermer", "Esc or ? to close")
        case .helpGlobal: ("Partout", "Everywhere")
        case .helpScreens: ("écrans", "screens")
        case .tiny: ("Fenêtre trop petite : agrandir à 40×12 au moins", "Window too small: enlarge to at least 40×12")
        case .tinyShort: ("Trop petit\u{00A0}:", "Too small:")
        case .day: ("Jour", "Day")
        case .noDay: ("Aucune journée en cours", "No day under way")
        case .noItem: ("Aucun point en cours", "No item under way")
        case .closed: ("Session close", "Session closed")
        case .recorded: ("Enregistré", "Recorded")
        case .refused: ("Refusé", "Refused")
        case .statusPlanned: ("prévu", "planned")
        case .statusRunning: ("en cours", "running")
        case .statusPaused: ("en pause", "paused")
        case .statusDone: ("terminé", "done")
        case .statusSkipped: ("sauté", "skipped")
        case .readonly: ("lecture seule", "read-only")
        case .actionQuit: ("Quitter", "Quit")
        case .actionHelp: ("Aide", "Help")
        case .actionNextScreen: ("Écran suivant", "Next screen")
        case .actionPreviousScreen: ("Écran précédent", "Previous screen")
        case .helpQuit:
            (
                "Quitter palabre (tout est déjà enregistré dans le " + "journal)",
                "Quit palabre (everything is already in the journal)"
            )
        case .helpHelp: ("Afficher ou fermer cette aide", "Show or close this help")
        case .helpNextScreen: ("Passer à l'écran suivant", "Go to the next screen")
        case .helpPreviousScreen: ("Revenir à l'écran précédent", "Go back to the previous screen")
        case .helpScreen: ("Aller à l'écran « %@ »", "Go to the %@ screen")
        case .formAmbiguous:
            (
                "Plusieurs correspondances : en choisir une avec ↓ puis " + "Entrée",
                "Several matches: choose one with ↓ then Enter"
            )
        case .formChoiceOnly:
            (
                "Champ à choix : ←/→ pour choisir, Entrée pour le champ suivant (le texte tapé est ignoré)",
                "Choice field: ←/→ to choose, Enter for the next field (typed text is ignored)"
            )
        case .actionUndo: ("Annuler", "Undo")
        case .helpUndo:
            (
                "Annuler le dernier geste de ce poste (événement " + "compensatoire)",
                "Undo this seat's last action (a compensating event)"
            )
        case .helpGuardShort: ("↶ annulable (^Z) · ✓ confirmation", "↶ undoable (^Z) · ✓ confirms")
        case .helpGuardLegend:
            (
                "↶ annulable avec u ou ^Z · ✓ demande " + "confirmation",
                "↶ undoable with u or ^Z · ✓ asks for confirmation"
            )
        case .helpReplay: ("Relecture (palabre replay)", "Replay (palabre replay)")
        case .pasteIgnored:
            ("Collage ignoré : aucun champ de saisie n'a le " + "focus", "Paste ignored: no text field has the focus")
        case .programmeReloaded:
            (
                "programme.yaml relu : les écrans et les documents suivent la version modifiée",
                "programme.yaml read again: the screens and documents follow the edited version"
            )
        case .programmeHasErrors:
            (
                "programme.yaml modifié mais avec une erreur (%@) : la version d'avant reste en vigueur ; "
                    + "corrigez le fichier (palabre check)",
                "programme.yaml edited but has an error (%@): the version before stays in force; fix the file "
                    + "(palabre check)"
            )
        case .programmeTimeZone:
            (
                "programme.yaml change de fuseau horaire (%@) : relancez ce poste pour l'appliquer ; la version "
                    + "d'avant reste en vigueur",
                "programme.yaml changes the time zone (%@): start this seat again to apply it; the version before "
                    + "stays in force"
            )
        case .programmeDropsOne:
            (
                "programme.yaml n'a plus ce qu'un événement du journal cite (palabre verify le nomme) : la version "
                    + "d'avant reste en vigueur ; rétablissez-le dans le fichier",
                "programme.yaml no longer has what an event of the journal names (palabre verify names it): the "
                    + "version before stays in force; restore it in the file"
            )
        case .programmeDropsMany:
            (
                "programme.yaml n'a plus ce que %@ événements du journal citent (palabre verify les nomme) : la "
                    + "version d'avant reste en vigueur ; rétablissez-le dans le fichier",
                "programme.yaml no longer has what %@ events of the journal name (palabre verify names them): the "
                    + "version before stays in force; restore it in the file"
            )
        case .commandAwaitsJournal:
            (
                "lecture du journal… la commande est enregistrée dès qu'il est lu",
                "reading the journal… the command is recorded as soon as it is read"
            )
        case .replayWaiting:
            ("lecture du journal… en attente : %@", "reading the journal… waiting: %@")
        case .replayHelpTitle: ("Aide · Relecture", "Help · Replay")
        case .replayReadOnly:
            (
                "Relecture seule : rien n'est enregistré. ? ou Échap ferme l'aide.",
                "Read-only replay: nothing is recorded. ? or Esc closes the help."
            )
        case .replayNoOtherEvent: ("Aucun autre événement.", "No other event.")
        case .replayNoOtherItem: ("Aucun autre point de l'ordre du jour.", "No other agenda item.")
        case .replayNoOtherDay: ("Aucun autre jour.", "No other day.")
        case .replayNoSearch: ("Aucune recherche : « / » pour chercher.", "No search yet: press / to search.")
        case .replayNotFound: ("« %1 » : aucune entrée ne contient ce texte.", "“%1”: no entry contains this text.")
        case .replayFound:
            (
                "« %1 » : entrée n° %2 à %3%4 — n suivante, N précédente",
                "“%1”: entry #%2 at %3%4 — n next, N previous"
            )
        case .replayWrappedToStart: (" (reprise au début)", " (wrapped to the start)")
        case .replayWrappedToEnd: (" (reprise à la fin)", " (wrapped to the end)")
        case .replayGoToPrompt: (" Aller à (« 2 10:30 », « 10:30 ») : ", " Go to (“2 10:30”, “10:30”): ")
        case .replaySearchPrompt: (" Chercher : ", " Search: ")
        case .replayWhatSeek: ("aller au moment demandé", "go to the moment asked")
        case .replayWhatGoTo: ("aller à « %1 »", "go to “%1”")
        case .replayWhatSearch: ("chercher « %1 »", "search “%1”")
        case .replayPlaying: ("LECTURE", "PLAYING")
        case .replayAtEnd: ("FIN", "END")
        case .replayPaused: ("PAUSE", "PAUSE")
        case .replayDay: ("Jour", "Day")
        case .replayEvent: ("événement", "event")
        case .replayGapsShortened: ("≈ silences abrégés", "≈ silences shortened")
        case .readingRestOfJournal:
            (
                "lecture du journal… la suite de la séance arrive dans un instant",
                "reading the journal… the rest of the meeting comes in a moment"
            )
        case .readingJournal:
            (
                "lecture du journal… les notes et les tours de parole s'affichent dans un instant",
                "reading the journal… the entries and speaking turns show in a moment"
            )
        case .journalReopened:
            (
                "le journal a été réparé entre-temps (palabre repair) : relu depuis le fichier réparé",
                "the journal was repaired meanwhile (palabre repair): read again from the mended file"
            )
        case .programmeMissing:
            (
                "programme.yaml a disparu : la version d'avant reste en vigueur ; remettez le fichier",
                "programme.yaml is gone: the version before stays in force; put the file back"
            )
        case .programmeKept:
            (
                "programme.yaml modifié n'est pas pris (palabre check) : la version d'avant reste en vigueur",
                "the edited programme.yaml is not taken (palabre check): the version before stays in force"
            )
        case .programmeInsertedId:
            (
                "programme.yaml donne à un point l'identifiant « %@ », celui du point ajouté en séance « %2 » : "
                    + "choisissez un autre identifiant ; la version d'avant reste en vigueur",
                "programme.yaml gives an item the id \"%@\", that of the item inserted during the meeting \"%2\": "
                    + "choose another id; the version before stays in force"
            )
        case .pasteTooLong:
            (
                "Collage trop long (plus de 64 Kio) : rien n'a été collé — collez le texte en plusieurs fois",
                "Paste too long (over 64 KiB): nothing was pasted — paste the text in several parts"
            )
        case .pasteStalled:
            (
                "Collage sans fin reçue : les touches sont prises pour du texte — Échap puis 2 s pour le terminer",
                "Paste with no end received: keys are taken as text — Esc then 2 s to end it"
            )
        case .draftQuit:
            (
                "Brouillon non envoyé — Ctrl-C à nouveau pour quitter, il sera conservé",
                "Unsent draft — Ctrl-C again to quit, it will be kept"
            )
        case .draftRestored: ("Brouillon non envoyé restauré", "Unsent draft restored")
        case .tinyRefused:
            (
                "Fenêtre trop petite : la touche est refusée (le texte tapé est gardé)",
                "Window too small: key refused (typed text is kept)"
            )
        case .termFallback:
            (
                "Type de terminal %@ inconnu ici : affichage en xterm-256color",
                "Terminal type %@ unknown here: showing as xterm-256color"
            )
        case .undoDone:
            (
                "Annulé : l'événement n°\u{00A0}%d ne compte plus (le journal garde les deux)",
                "Undone: event #%d no longer counts (the journal keeps both)"
            )
        case .actionReplayPlayPause: ("lecture/pause", "play/pause")
        case .helpReplayPlayPause: ("Lire ou mettre en pause", "Play or pause")
        case .actionReplayFaster: ("vitesse", "speed")
        case .helpReplayFaster: ("Plus vite (×1 ×2 ×5 ×10 ×60 ×600)", "Faster (×1 ×2 ×5 ×10 ×60 ×600)")
        case .actionReplaySlower: ("moins vite", "slower")
        case .helpReplaySlower: ("Moins vite", "Slower")
        case .actionReplayNextEvent: ("événement", "event")
        case .helpReplayNextEvent: ("Événement suivant (met en pause)", "Next event (pauses)")
        case .actionReplayPreviousEvent: ("événement précédent", "previous event")
        case .helpReplayPreviousEvent: ("Événement précédent (met en pause)", "Previous event (pauses)")
        case .actionReplayNextItem: ("point", "item")
        case .helpReplayNextItem: ("Début du point suivant de l'ordre du jour", "Start of the next agenda item")
        case .actionReplayPreviousItem: ("point précédent", "previous item")
        case .helpReplayPreviousItem: ("Début du point précédent", "Start of the previous agenda item")
        case .actionReplayNextDay: ("jour", "day")
        case .helpReplayNextDay: ("Début du jour suivant", "Start of the next day")
        case .actionReplayPreviousDay: ("jour précédent", "previous day")
        case .helpReplayPreviousDay: ("Début du jour précédent", "Start of the previous day")
        case .actionReplayGoTo: ("aller à", "go to")
        case .helpReplayGoTo:
            (
                "Aller à un moment : « 2 10:30 » (jour 2), « 10:30 » (ce jour) ou « 2023-10-18 " + "10:30 »",
                "Go to a moment: “2 10:30” (day 2), “10:30” (this day) or “2023-10-18 10:30”"
            )
        case .actionReplaySearch: ("chercher", "search")
        case .helpReplaySearch:
            (
                "Chercher dans le texte des entrées (sans tenir compte des majuscules ni des " + "accents)",
                "Search the entries' text (ignoring case and accents)"
            )
        case .actionReplayNextMatch: ("suivant", "next match")
        case .helpReplayNextMatch: ("Occurrence suivante de la recherche", "Next match of the search")
        case .actionReplayPreviousMatch: ("précédent", "previous match")
        case .helpReplayPreviousMatch: ("Occurrence précédente de la recherche", "Previous match of the search")
        case .actionReplayHelp: ("aide", "help")
        case .helpReplayHelp: ("Afficher ou fermer cette aide", "Show or close this help")
        case .actionReplayQuit: ("quitter", "quit")
        case .helpReplayQuit: ("Quitter la relecture", "Quit the replay")
        case .helpReplayScreens: ("Changer d'écran, comme dans les consoles", "Switch screens, as in the consoles")
        case .actionSynInterest: ("Intérêt", "Interest")
        case .helpSynInterest:
            (
                "Le partenaire de la colonne déclare son intérêt pour la " + "fiche",
                "The column's partner declares an interest in the fiche"
            )
        case .actionSynSynergy: ("Synergie", "Synergy")
        case .helpSynSynergy:
            (
                "Marquer une synergie sur la fiche : les partenaires déjà en synergie plus celui de la "
                    + "colonne, chef de " + "file",
                "Mark a synergy on the fiche: the partners already in it plus the column's, as lead"
            )
        case .actionSynCommit: ("Engagement", "Commitment")
        case .helpSynCommit:
            (
                "Enregistrer un engagement du partenaire sur la fiche (nature, montant, devise, statut, "
                    + "conditions, " + "échéance)",
                "Record the partner's commitment on the fiche (nature, amount, currency, status, "
                    + "conditions, deadline)"
            )
        case .actionSynStatus: ("Statut", "Status")
        case .helpSynStatus:
            (
                "Faire passer l'engagement de la cellule au statut suivant (annoncé → intention → " + "confirmé → "
                    + "signé)",
                "Move the cell's commitment to its next status (announced → intention → confirmed → signed)"
            )
        case .actionSynWithdraw: ("Retirer", "Withdraw")
        case .helpSynWithdraw:
            (
                "Retirer l'engagement de la cellule (il reste dans l'historique, hors des " + "totaux)",
                "Withdraw the cell's commitment (kept in the history, out of the totals)"
            )
        case .actionSynFilter: ("Filtre", "Filter")
        case .helpSynFilter:
            (
                "Filtrer : études à financer, PPP, classique, par cercle, par secteur, aucun (flèches : "
                    + "se déplacer)",
                "Filter: studies to fund, PPP, conventional, per cercle, per sector, none (arrows: move)"
            )
        case .actionSynSort: ("Tri", "Sort")
        case .helpSynSort:
            (
                "Trier les fiches de chaque commune : programme, reste à mobiliser, rang de " + "priorité",
                "Sort each commune's fiches: programme, remaining gap, priority rank"
            )
        case .synFicheOne: ("fiche", "fiche")
        case .synFicheMany: ("fiches", "fiches")
        case .synFilter: ("filtre", "filter")
        case .synSort: ("tri", "sort")
        case .synSortProgramme: ("programme", "programme")
        case .synSortGap: ("reste à mobiliser", "remaining gap")
        case .synSortPriority: ("priorité", "priority")
        case .synFilterNone: ("aucun", "none")
        case .synFilterStudy: ("études à financer", "studies to fund")
        case .synModeClassique: ("classique", "conventional")
        case .synModeShort: ("cl.", "conv")
        case .synCercle: ("cercle", "cercle")
        case .synSector: ("secteur", "sector")
        case .synSought: ("recherché", "sought")
        case .synCommitted: ("engagé", "committed")
        case .synGap: ("reste", "gap")
        case .synEngaged: ("Engagements", "Commitments")
        case .synSuggested: ("Partenaires pressentis", "Suggested partners")
        case .synInterest: ("Intérêt manifesté", "Declared interest")
        case .synSynergy: ("Synergie", "Synergy")
        case .synLead: ("chef de file", "lead")
        case .synOver: ("dépassement de", "over by")
        case .synStudy: ("étude (coût / engagé)", "study (cost / committed)")
        case .synColCommune: ("Commune", "Commune")
        case .synColFiche: ("Fiche", "Fiche")
        case .synColSought: ("Recherché", "Sought")
        case .synColSector: ("Secteur", "Sector")
        case .synColCost: ("Coût", "Cost")
        case .synColGap: ("Reste", "Gap")
        case .synColMode: ("Mode", "Mode")
        case .synColStudy: ("Étude", "Study")
        case .synStudyIdea: ("idée", "idea")
        case .synStudyFeasibilityStudy: ("EF", "FS")
        case .synStudyAppraisal: ("EP", "appr")
        case .synStateNone: ("aucun lien", "no link")
        case .synStateSuggested: ("pressenti", "suggested")
        case .synStateInterest: ("intérêt déclaré", "interest declared")
        case .synStateSynergy: ("en synergie", "in a synergy")
        case .synStateCommitted: ("engagé", "committed")
        case .synStatusAnnounced: ("annoncé", "announced")
        case .synStatusIntention: ("intention", "intention")
        case .synStatusConfirmed: ("confirmé", "confirmed")
        case .synStatusSigned: ("convention signée", "agreement signed")
        case .synNatureFinancial: ("financier", "financial")
        case .synHInterest: ("intéressé", "interested")
        case .synHSynergy: ("synergie", "synergy")
        case .synHWithdrawn: ("retiré", "withdrawn")
        case .synLegend:
            (
                "· pressenti  ○ intérêt  ◎ synergie  ● engagé  ★ chef de " + "file",
                "· suggested  ○ interest  ◎ synergy  ● committed  ★ lead"
            )
        case .synEmpty: ("Aucune fiche de projet au programme.", "No project fiche in the programme.")
        case .synNoneFilter:
            (
                "Aucune fiche ne correspond au filtre (f : filtre " + "suivant).",
                "No fiche matches the filter (f: next filter)."
            )
        case .synNothing: ("Aucune cellule sélectionnée.", "No cell selected.")
        case .synNoCommitment: ("Pas d'engagement dans cette cellule.", "No commitment in this cell.")
        case .synStatusTop: ("La convention est déjà signée.", "The agreement is already signed.")
        case .synFormTitle: ("Engagement", "Commitment")
        case .synFormKeys:
            (
                "Entrée/↑↓\u{00A0}: champ · ^S\u{00A0}: enregistrer · Échap\u{00A0}: annuler",
                "Enter/↑↓: field · ^S: record · Esc: cancel"
            )
        case .synFieldNature: ("Nature", "Nature")
        case .synFieldAmount: ("Montant", "Amount")
        case .synFieldCurrency: ("Devise", "Currency")
        case .synFieldStatus: ("Statut", "Status")
        case .synFieldConditions: ("Conditions", "Conditions")
        case .synFieldDue: ("Échéance", "Deadline")
        case .synWithdrawPrompt: ("Motif du retrait de l'engagement :", "Why the commitment is withdrawn:")
        case .synWithdrawKeys: ("Entrée : retirer · Échap : annuler", "Enter: withdraw · Esc: cancel")
        case .meetingDriftLate: ("Retard : ", "Late: ")
        case .meetingDriftEarly: ("Avance : ", "Ahead: ")
        case .meetingDriftOnTime: ("À l'heure", "On time")
        case .meetingKindOpening: ("Cérémonie d'ouverture", "Opening ceremony")
        case .meetingKindFramingTalk: ("Communication", "Framing talk")
        case .meetingKindPartnerPresentation: ("Présentation PTF", "Partner presentation")
        case .meetingKindCommunePitch: ("Présentation de commune", "Commune pitch")
        case .meetingKindDebate: ("Débat", "Debate")
        case .meetingKindGroupWork: ("Travaux de groupe", "Group work")
        case .meetingKindReportBack: ("Restitution", "Report-back")
        case .meetingKindSynthesis: ("Synthèse", "Synthesis")
        case .meetingKindBreak: ("Pause", "Break")
        case .meetingKindClosing: ("Cérémonie de clôture", "Closing ceremony")
        case .meetingKindFollowUp: ("Suivi des recommandations", "Follow-up of recommendations")
        case .meetingKindOther: ("Autre", "Other")
        case .meetingPooShort: ("MO", "PoO")
        case .meetingPooLong: ("motion d'ordre", "point of order")
        case .meetingAllDaysEnded: ("Toutes les journées sont terminées.", "Every day has ended.")
        case .meetingNoSpeaker: ("Personne n'a la parole", "Nobody has the floor")
        case .undoWhatItemEnded: ("la fin du point « %@ »", "the end of item “%@”")
        case .undoWhatItemSkipped: ("le saut du point « %@ »", "skipping item “%@”")
        case .undoWhatItemMoved: ("le déplacement du point « %@ »", "moving item “%@”")
        case .undoWhatItemInserted: ("l'insertion du point « %@ »", "inserting item “%@”")
        case .undoWhatDayEnded: ("la fin de la journée", "the end of the day")
        case .undoWhatItemExtended: ("la prolongation du point « %@ »", "the extension of item “%@”")
        case .undoWhatFloorRequested: ("la demande de parole de %@", "the request for the floor of %@")
        case .undoWhatFloorGiven: ("la parole donnée à %@", "the floor given to %@")
        case .undoWhatFloorYielded: ("la fin de l'intervention de %@", "the end of the turn of %@")
        case .undoWhatSpeakerRemoved: ("le retrait de %@ de la file", "removing %@ from the queue")
        case .undoWhatParticipantCheckedIn: ("le pointage de %@", "the check-in of %@")
        case .undoWhatParticipantAdded: ("le nouvel arrivant %@", "the walk-in %@")
        case .undoWhatCommitmentStatusChanged:
            ("le statut de l'engagement n°\u{00A0}%@", "the status of commitment #%@")
        case .undoWhatEntryRetracted: ("le retrait de l'entrée n°\u{00A0}%@", "the retraction of entry #%@")
        case .undoWhatEntryAdopted: ("l'adoption de l'entrée n°\u{00A0}%@", "the adoption of entry #%@")
        case .undoWhatCommitmentWithdrawn:
            ("le retrait de l'engagement n°\u{00A0}%@", "the withdrawal of commitment #%@")
        case .undoWhatInterestDeclared: ("l'intérêt déclaré (%@)", "the declared interest (%@)")
        case .undoWhatSynergyMarked: ("la synergie sur %@", "the synergy on %@")
        case .undoConfirm:
            (
                "u à nouveau annule %@ (n°\u{00A0}%d) ; une autre touche le garde",
                "u again undoes %@ (#%d); any other key keeps it"
            )
        case .undoConfirmTyping:
            (
                "^Z à nouveau annule %@ (n°\u{00A0}%d) ; une autre touche le garde",
                "^Z again undoes %@ (#%d); any other key keeps it"
            )
        case .undoNone: ("Rien à annuler pour ce poste", "Nothing to undo for this seat")
        case .undoWhileReading:
            (
                "lecture du journal en cours : l'annulation est possible dans un instant",
                "reading the journal: undo is possible in a moment"
            )
        case .quitWritingDocuments:
            ("écriture des documents avant de quitter…", "writing the documents before quitting…")
        case .actionBalanceScope: ("Jour/session", "Day/session")
        case .helpBalanceScope:
            ("Compter la journée en cours ou toute la " + "session", "Count the day under way or the whole session")
        case .balSession: ("Toute la session", "Whole session")
        case .balKeyDay: ("s : journée", "s: day")
        case .balKeySession: ("s : toute la session", "s: whole session")
        case .balTurnOne: ("tour de parole", "turn")
        case .balTurnMany: ("tours de parole", "turns")
        case .balWomen: ("Femmes", "Women")
        case .balOfTime: ("du temps de parole", "of speaking time")
        case .balOfTimeShort: ("parole", "speech")
        case .balOfPresent: ("des présents", "of those present")
        case .balOfPresentShort: ("présents", "present")
        case .balNow: ("Parle en ce moment", "Speaking now")
        case .balNone: ("Aucune prise de parole comptée pour l'instant.", "No speaking turn counted yet.")
        case .balColTime: ("Temps", "Time")
        case .balColTurns: ("Tours", "Turns")
        case .balColShare: ("Part", "Share")
        case .balColPresent: ("Présents", "Present")
        case .balByCategory: ("Par catégorie", "By category")
        case .balBySex: ("Par sexe", "By sex")
        case .balByOrganisation: ("Par organisation", "By organisation")
        case .balByOrganisationTop: ("Organisations, les %d premières", "Organisations, top %d")
        case .balSexF: ("Femmes", "Women")
        case .balSexM: ("Hommes", "Men")
        case .balSexUnspecified: ("Non précisé", "Not given")
        case .attChooseFirst:
            (
                "Tapez quelques lettres du nom, ou choisissez avec ↑/↓, puis Entrée pour pointer",
                "Type a few letters of the name, or choose with ↑/↓, then Enter to check in"
            )
        case .actionAttendanceCheckIn: ("Pointer", "Check in")
        case .helpAttendanceCheckIn:
            (
                "Pointer la personne choisie ; formulaire : champ " + "suivant",
                "Check the selected person in; in the form: next field"
            )
        case .actionAttendanceWalkIn: ("Nouvel arrivant", "Walk-in")
        case .helpAttendanceWalkIn:
            (
                "Nouvel arrivant : formulaire, puis Entrée pour le " + "pointer",
                "Walk-in: fill the form, then Enter checks them in"
            )
        case .actionAttendanceUp: ("Précédent", "Previous")
        case .helpAttendanceUp:
            (
                "Personne précédente ; formulaire : suggestion ou champ " + "précédent",
                "Previous person; in the form: previous suggestion or field"
            )
        case .actionAttendanceDown: ("Suivant", "Next")
        case .helpAttendanceDown:
            (
                "Personne suivante ; formulaire : suggestion ou champ " + "suivant",
                "Next person; in the form: next suggestion or field"
            )
        case .actionAttendanceClear: ("Effacer", "Clear")
        case .helpAttendanceClear:
            (
                "Effacer la recherche ; fermer le formulaire (gardé pour " + "après)",
                "Clear the search; close the form (kept for later)"
            )
        case .actionAttendanceSendForm: ("Envoyer", "Send")
        case .helpAttendanceSendForm: ("Envoyer le formulaire du nouvel arrivant", "Send the walk-in form")
        case .attParticipantOne: ("participant", "participant")
        case .attParticipantMany: ("participants", "participants")
        case .attPersonOne: ("personne", "person")
        case .attPersonMany: ("personnes", "people")
        case .attWomanOne: ("femme", "woman")
        case .attWomanMany: ("femmes", "women")
        case .attOfWhom: ("dont", "of whom")
        case .attSession: ("Session", "Session")
        case .attDayEnded: ("journée terminée", "day ended")
        case .attSearch: ("Rechercher", "Search")
        case .attPhSearch:
            (
                "fonction, organisation, %unit… sans accents ni majuscules",
                "function, organisation, %unit… case and accents ignored"
            )
        case .attPhSearchShort: ("fonction, %unit…", "function, %unit…")
        case .attColPresent: ("Présent", "Present")
        case .attColFunction: ("Fonction", "Function")
        case .attColOrganisation: ("Organisation", "Organisation")
        case .attColCategory: ("Catégorie", "Category")
        case .attColSex: ("Sexe", "Sex")
        case .attSexF: ("F", "F")
        case .attSexM: ("M", "M")
        case .attSexUnspecified: ("–", "–")
        case .attSexLongF: ("femme", "woman")
        case .attSexLongM: ("homme", "man")
        case .attSexLongUnspecified: ("non précisé", "not given")
        case .attNobody:
            (
                "Personne ne correspond : F6 pour ajouter un nouvel " + "arrivant.",
                "Nobody matches: F6 to add a walk-in."
            )
        case .attSelect: ("Choisissez d'abord une personne (↑/↓).", "Select someone first (↑/↓).")
        case .attAlready: ("déjà pointé(e) à", "already checked in at")
        case .attNew: ("nouveau", "new")
        case .attAdded: ("Nouvel arrivant ajouté", "Walk-in added")
        case .attAddedEnter: ("Entrée pour le pointer", "Enter to check them in")
        case .attWalkinTitle: ("Nouvel arrivant", "Walk-in")
        case .attFieldFunction: ("Fonction", "Function")
        case .attFieldOrganisation: ("Organisation", "Organisation")
        case .attFieldSex: ("Sexe", "Sex")
        case .attFieldName: ("Nom", "Name")
        case .attPhFunction: ("obligatoire, ex. « Maire de Koula »", "required, e.g. “Mayor of Koula”")
        case .attPhOrganisation: ("sigle, nom ou commune ; facultatif", "acronym, name or commune; optional")
        case .attErrFunction:
            (
                "Donnez la fonction du nouvel arrivant (ex. « Maire de " + "Koula »).",
                "Give the walk-in's function (e.g. “Mayor of Koula”)."
            )
        case .attErrOrganisation:
            (
                "Organisation inconnue : choisissez-la dans les suggestions ou videz le champ.",
                "Unknown organisation: pick it from the suggestions or empty the field."
            )
        case .catPartner: ("PTF", "Partners")
        case .catCommune: ("Communes", "Communes")
        case .catStateService: ("Services de l'État", "State services")
        case .catNgo: ("ONG, société civile", "NGOs, civil society")
        case .catPrivate: ("Privé", "Private sector")
        case .catOrganiser: ("Organisateurs", "Organisers")
        case .catOther: ("Autres", "Others")
        case .catShortPartner: ("PTF", "Partners")
        case .catShortCommune: ("Communes", "Communes")
        case .catShortStateService: ("Serv. État", "State")
        case .catShortNgo: ("ONG", "NGOs")
        case .catShortPrivate: ("Privé", "Private")
        case .catShortOrganiser: ("Organis.", "Organisers")
        case .catShortOther: ("Autres", "Others")
        case .month1: ("janvier", "January")
        case .month2: ("février", "February")
        case .month3: ("mars", "March")
        case .month4: ("avril", "April")
        case .month5: ("mai", "May")
        case .month6: ("juin", "June")
        case .month7: ("juillet", "July")
        case .month8: ("août", "August")
        case .month9: ("septembre", "September")
        case .month10: ("octobre", "October")
        case .month11: ("novembre", "November")
        case .month12: ("décembre", "December")
        case .projRemaining: ("Temps restant", "Time left")
        case .projMinutesLeft: ("Minutes restantes", "Minutes left")
        case .projOver: ("TEMPS ÉCOULÉ", "TIME IS UP")
        case .projLastMinute: ("1 MIN", "1 MIN")
        case .projQueueMore: ("+ %d autres", "+ %d more")
        case .projPaused: ("EN PAUSE", "PAUSED")
        case .projSpeaking: ("À la parole", "Speaking")
        case .projQueue: ("Prochains orateurs", "Next speakers")
        case .projQueueShort: ("Ensuite : ", "Next: ")
        case .projAgenda: ("À suivre", "Coming up")
        case .projAgendaShort: ("À suivre : ", "Coming up: ")
        case .projNextAt: ("Prochain point, vers", "Next item, around")
        case .projThanks: ("Merci de votre participation.", "Thank you for taking part.")
        case .projLatestDecision: ("Décision", "Decision")
        case .projLatestRecommendation: ("Recommandation", "Recommendation")
        case .projLatestAction: ("Action", "Action")
        case .projLatestCommitment: ("Engagement", "Commitment")
        case .actionRapporteurAll: ("Tout", "All")
        case .helpRapporteurAll:
            (
                "Tout le compte rendu (relire, amender, adopter d'anciennes entrées) ou le point en " + "cours",
                "The whole record (read back, amend, adopt earlier entries) or the current item"
            )
        case .helpRapporteurAllReadOnly:
            ("Tout le compte rendu ou le point en cours", "The whole record or the current item")
        case .helpRapporteurUpReadOnly: ("Aller à la liste ; entrée précédente", "Go to the list; previous entry")
        case .helpRapporteurDownReadOnly: ("Entrée suivante", "Next entry")
        case .helpRapporteurCancelReadOnly: ("Fermer la liste", "Close the list")
        case .helpAttendanceUpReadOnly: ("Personne précédente", "Previous person")
        case .helpAttendanceDownReadOnly: ("Personne suivante", "Next person")
        case .rapAll: ("Tout le compte rendu", "The whole record")
        case .actionRapporteurSend: ("Envoyer", "Send")
        case .helpRapporteurSend:
            (
                "Envoyer ; formulaire : champ suivant, envoi depuis le " + "dernier",
                "Send; in a form: next field, sending from the last one"
            )
        case .actionRapporteurKindNext: ("Type", "Kind")
        case .helpRapporteurKindNext:
            (
                "Type d'entrée suivant (revient à note après chaque " + "envoi)",
                "Next entry kind (back to note after each entry sent)"
            )
        case .actionRapporteurKindPrevious: ("Type préc.", "Prev. kind")
        case .helpRapporteurKindPrevious: ("Type d'entrée précédent", "Previous entry kind")
        case .actionRapporteurUp: ("Entrées", "Entries")
        case .helpRapporteurUp:
            (
                "Aller à la liste ; entrée, suggestion ou champ " + "précédent",
                "Go to the list; previous entry, suggestion or field"
            )
        case .actionRapporteurDown: ("Suivant", "Next")
        case .helpRapporteurDown:
            (
                "Entrée suivante, puis la saisie ; suggestion ou champ " + "suivant",
                "Next entry, then the input; next suggestion or field"
            )
        case .actionRapporteurAmend: ("Modifier", "Amend")
        case .helpRapporteurAmend:
            (
                "Liste : amender l'entrée (texte dans la saisie, Entrée, " + "raison)",
                "List: amend the entry (text into the input, Enter, reason)"
            )
        case .actionRapporteurRetract: ("Retirer", "Retract")
        case .helpRapporteurRetract:
            (
                "Liste : retirer l'entrée (raison demandée), marquée « " + "retiré »",
                "List: retract the entry (reason asked), marked “retracted”"
            )
        case .actionRapporteurAdopt: ("Adopter", "Adopt")
        case .helpRapporteurAdopt:
            ("Liste : marquer l'entrée « lu et " + "adopté »", "List: mark the entry “read and adopted”")
        case .actionRapporteurSendForm: ("Envoyer le formulaire", "Send the form")
        case .helpRapporteurSendForm:
            ("Envoyer le formulaire depuis n'importe quel " + "champ", "Send the form from any field")
        case .actionRapporteurCancel: ("Annuler", "Cancel")
        case .helpRapporteurCancel:
            (
                "Fermer formulaire (texte gardé), invite, amendement ou " + "liste",
                "Close the form (text kept), the prompt, the amendment, the list"
            )
        case .kindNote: ("Note", "Note")
        case .kindDecision: ("Décision", "Decision")
        case .kindQuestion: ("Question", "Question")
        case .kindAnswer: ("Réponse", "Answer")
        case .kindRecommendation: ("Recommandation", "Recommendation")
        case .kindAction: ("Action", "Action")
        case .kindCommitment: ("Engagement", "Commitment")
        case .kindPerspective: ("Perspective", "Perspective")
        case .kindOrganiserCommitment: ("Engagement de l'organisateur", "Organiser's commitment")
        case .kindShortNote: ("Note", "Note")
        case .kindShortDecision: ("Décision", "Decision")
        case .kindShortQuestion: ("Question", "Question")
        case .kindShortAnswer: ("Réponse", "Answer")
        case .kindShortRecommendation: ("Recomm.", "Recomm.")
        case .kindShortAction: ("Action", "Action")
        case .kindShortCommitment: ("Engagement", "Commitment")
        case .kindShortPerspective: ("Persp.", "Persp.")
        case .kindShortOrganiserCommitment: ("Eng. org.", "Org. com.")
        case .kindTinyNote: ("Note", "Note")
        case .kindTinyDecision: ("Déc.", "Dec.")
        case .kindTinyQuestion: ("Quest.", "Quest.")
        case .kindTinyAnswer: ("Rép.", "Ans.")
        case .kindTinyRecommendation: ("Rec.", "Rec.")
        case .kindTinyAction: ("Act.", "Act.")
        case .kindTinyCommitment: ("Eng.", "Com.")
        case .kindTinyPerspective: ("Persp.", "Persp.")
        case .kindTinyOrganiserCommitment: ("Org.", "Org.")
        case .rapEntryOne: ("entrée", "entry")
        case .rapEntryMany: ("entrées", "entries")
        case .rapWaitingOne: ("demande en attente", "request waiting")
        case .rapWaitingMany: ("demandes en attente", "requests waiting")
        case .rapNoEntries:
            (
                "Aucune entrée pour ce point : tapez le compte rendu " + "ci-dessous.",
                "No entry for this item yet: type the minutes below."
            )
        case .rapNoEntriesReadOnly: ("Aucune entrée pour ce point.", "No entry for this item.")
        case .rapListLineReadOnly:
            ("Mode liste : ↑/↓ choisir · Échap revenir", "List mode: ↑/↓ choose · Esc back")
        case .rapOutside: ("Hors ordre du jour", "Outside the agenda")
        case .rapLastItem: ("Dernier point", "Last item")
        case .rapNext: ("prochain", "next")
        case .rapAmended: ("amendé", "amended")
        case .rapAdopted: ("adopté", "adopted")
        case .rapRetracted: ("retiré", "retracted")
        case .rapAmending: ("Amendement n°\u{00A0}", "Amending #")
        case .rapNumber: ("n°\u{00A0}", "#")
        case .rapPlaceholder: ("Tapez le compte rendu ; Entrée pour envoyer", "Type the minutes; Enter to send")
        case .rapReadOnly: ("Lecture seule : rien n'est enregistré ici", "Read-only: nothing is recorded here")
        case .rapReasonAmend: ("Raison de l'amendement", "Reason for amending")
        case .rapReasonRetract: ("Raison du retrait", "Reason for retracting")
        case .rapListLine:
            (
                "Mode liste : ↑/↓ choisir · m amender · x retirer · v adopter · Échap revenir à la saisie",
                "List mode: ↑/↓ choose · m amend · x retract · v adopt · Esc back to typing"
            )
        case .rapListMode:
            (
                "Mode liste : Échap pour revenir à la saisie ; m, x ou v puis Entrée pour agir sur "
                    + "l'entrée choisie",
                "List mode: Esc to go back to typing; m, x or v then Enter to act on the chosen entry"
            )
        case .rapListNotCommand:
            (
                "Mode liste : cette touche n'est pas une commande, rien n'est enregistré — Échap " + "pour écrire",
                "List mode: not a command, nothing recorded — Esc to type"
            )
        case .rapListStray:
            (
                "Mode liste : rien n'est enregistré — Échap pour reprendre « %@ » dans la saisie",
                "List mode: nothing recorded — Esc to take “%@” back to the input line"
            )
        case .rapConfirmAmend: ("Amender l'entrée", "Amend entry")
        case .rapConfirmRetract: ("Retirer l'entrée", "Retract entry")
        case .rapConfirmAdopt: ("Adopter l'entrée", "Adopt entry")
        case .rapConfirmKeys: ("Entrée confirmer · Échap annuler", "Enter to confirm · Esc to cancel")
        case .rapEmpty: ("Le texte est vide : tapez-le d'abord.", "The text is empty: type it first.")
        case .rapSame: ("Le texte n'a pas changé : rien à amender.", "The text is unchanged: nothing to amend.")
        case .rapNoReason: ("Donnez une raison.", "Give a reason.")
        case .rapAlreadyRetracted:
            (
                "Cette entrée est retirée : elle ne peut plus " + "changer.",
                "This entry is retracted: it can no longer change."
            )
        case .rapAlreadyAdopted: ("Cette entrée est déjà adoptée.", "This entry is already adopted.")
        case .rapFloor: ("Parole", "Floor")
        case .rapNobody: ("Personne n'a la parole", "Nobody has the floor")
        case .rapLeft: ("reste", "left")
        case .rapOver: ("dépassement", "over")
        case .formKeys:
            (
                "Entrée : champ suivant · ^S : envoyer · Échap : " + "annuler",
                "Enter: next field · ^S: send · Esc: cancel"
            )
        case .fieldAddressee: ("À l'endroit de", "Addressed to")
        case .fieldResponsible: ("Responsable", "Responsible")
        case .fieldDue: ("Échéance", "Deadline")
        case .fieldPartner: ("Partenaire", "Partner")
        case .fieldFiche: ("Fiche", "Fiche")
        case .fieldNature: ("Nature", "Nature")
        case .fieldAmount: ("Montant", "Amount")
        case .fieldCurrency: ("Devise", "Currency")
        case .fieldStatus: ("Statut", "Status")
        case .fieldConditions: ("Conditions", "Conditions")
        case .phOptional: ("facultatif", "optional")
        case .phRequired:
            ("obligatoire : personne, organisation ou commune", "required: person, organisation or commune")
        case .phDue: ("facultatif : 2024-03-31, « fin décembre »…", "optional: 2024-03-31, “end of December”…")
        case .phPartner: ("sigle ou nom (ex. UNICEF)", "acronym or name (e.g. UNICEF)")
        case .phFiche: ("code, titre ou %unit (ex. %@)", "code, title or %unit (e.g. %@)")
        case .phAmount:
            ("ex. 2 500 000 (facultatif s'il n'est pas financier)", "e.g. 2,500,000 (optional unless financial)")
        case .phCurrency: ("celle de la fiche si vide", "the fiche's if empty")
        case .phCurrencyOf: ("devise de la fiche", "currency of fiche")
        case .natureFinancial: ("financier", "financial")
        case .natureTechnical: ("technique", "technical")
        case .natureStudy: ("étude", "study")
        case .cstatusAnnounced: ("annoncé", "announced")
        case .cstatusIntention: ("intention", "intention")
        case .cstatusConfirmed: ("confirmé", "confirmed")
        case .cstatusSigned: ("convention signée", "agreement signed")
        case .candCommune: ("Commune de %@", "%@ commune")
        case .candCercle: ("cercle de", "cercle of")
        case .errResponsible: ("Une action demande un responsable.", "An action needs someone responsible.")
        case .errPartner:
            (
                "Partenaire inconnu : choisissez-le dans les suggestions (↓ puis " + "Entrée).",
                "Unknown partner: pick it from the suggestions (↓ then Enter)."
            )
        case .errFiche:
            (
                "Fiche inconnue : choisissez-la dans les suggestions (↓ puis " + "Entrée).",
                "Unknown fiche: pick it from the suggestions (↓ then Enter)."
            )
        case .errNoAmount: ("Un engagement financier demande un montant.", "A financial commitment needs an amount.")
        // Hint bar and help. Help sentences stay within 64 columns so the help box of an 80-column
        // terminal shows them whole.
        case .actionItemBell: ("Sonnerie", "Bell")
        case .helpItemBell:
            (
                "Sonnerie à 1 min de la fin et à la fin du temps (oui/non)",
                "Bell at 1 min left and when time is up (on/off)"
            )
        case .facBellOn:
            (
                "Sonnerie activée : à 1 min de la fin et à la fin du temps (g pour l'arrêter)",
                "Bell on: at 1 min left and when time is up (g to stop it)"
            )
        case .facBellOff: ("Sonnerie désactivée", "Bell off")
        case .actionItemPause: ("Pause", "Pause")
        case .helpItemPause:
            ("Mettre en pause le point en cours, ou le " + "reprendre", "Pause the current item, or resume it")
        case .actionItemStart: ("Démarrer", "Start")
        case .helpItemStart:
            (
                "Démarrer le point sélectionné, sinon le prochain " + "prévu",
                "Start the selected item, else the next planned one"
            )
        case .actionItemEnd: ("Terminer", "End")
        case .helpItemEnd: ("Terminer le point en cours", "End the current item")
        case .actionFloorRequest: ("Orateur", "Speaker")
        case .helpFloorRequest:
            (
                "Inscrire des orateurs : lettres, ↑/↓, Entrée, le suivant… Échap",
                "Add speakers: a few letters, ↑/↓, Enter, the next… Esc"
            )
        case .actionFloorGive: ("Parole", "Floor")
        case .helpFloorGive:
            (
                "Donner la parole (tête de file, ou demande sélectionnée)",
                "Give the floor (head of the queue, or the selected request)"
            )
        case .actionFloorYield: ("Fin parole", "Yield")
        case .helpFloorYield:
            ("Fin de l'intervention : l'orateur rend la " + "parole", "End of the turn: the speaker yields the floor")
        case .actionItemExtend1: ("+1 min", "+1 min")
        case .helpItemExtend1: ("Prolonger le point en cours d'une minute", "Extend the current item by one minute")
        case .actionItemExtend5: ("+5 min", "+5 min")
        case .helpItemExtend5:
            ("Prolonger le point en cours de cinq minutes", "Extend the current item by five minutes")
        case .actionFloorOrder: ("Motion d'ordre", "Point of order")
        case .helpFloorOrder:
            (
                "Inscrire une motion d'ordre (MO), en tête des " + "demandes",
                "Add a point of order (PoO), ahead of ordinary requests"
            )
        case .actionFloorRemove: ("Retirer", "Remove")
        case .helpFloorRemove:
            ("Retirer de la file la demande " + "sélectionnée", "Remove the selected request from the queue")
        case .actionFloorUp: ("Avancer", "Move up")
        case .helpFloorUp: ("Avancer d'une place la demande sélectionnée", "Move the selected request one place up")
        case .actionFloorDown: ("Reculer", "Move down")
        case .helpFloorDown: ("Reculer d'une place la demande sélectionnée", "Move the selected request one place down")
        case .actionFloorLimit: ("Limite", "Limit")
        case .helpFloorLimit:
            (
                "Temps de parole par orateur, en minutes (vide : sans limite)",
                "Speaking time per speaker, in minutes (empty: no limit)"
            )
        case .actionItemSkip: ("Sauter", "Skip")
        case .helpItemSkip:
            ("Sauter le point à venir sélectionné (↑/↓ " + "d'abord)", "Skip the selected item ahead (↑/↓ first)")
        case .actionItemInsert: ("Insérer", "Insert")
        case .helpItemInsert:
            ("Insérer un point imprévu après le point en " + "cours", "Insert an unplanned item after the current one")
        case .actionItemMove: ("Déplacer", "Move")
        case .helpItemMove:
            ("Déplacer le point sélectionné vers une autre " + "journée", "Move the selected item to another day")
        case .actionDayStart: ("Début journée", "Start day")
        case .helpDayStart:
            (
                "Commencer la journée suivante (majuscule, contre les " + "erreurs)",
                "Start the next day (a capital, against slips)"
            )
        case .actionDayEnd: ("Fin journée", "End day")
        case .helpDayEnd: ("Terminer la journée en cours (F deux fois)", "End the day under way (F twice)")
        case .actionFocusAgenda: ("Ordre du jour", "Agenda")
        // One sentence for ← and →: the help shows them on one line.
        case .helpFocusAgenda:
            (
                "Focus sur l'ordre du jour ou la file ; ↑/↓ y choisissent",
                "Focus the agenda or the queue; ↑/↓ choose in it"
            )
        case .actionFocusQueue: ("File", "Queue")
        case .helpFocusQueue:
            (
                "Focus sur l'ordre du jour ou la file ; ↑/↓ y choisissent",
                "Focus the agenda or the queue; ↑/↓ choose in it"
            )
        // Screen words.
        case .facAgenda: ("Ordre du jour", "Agenda")
        case .facColPlanned: ("Prévu", "Plan")
        case .facColStart: ("Début", "Start")
        case .facColDuration: ("Durée", "Time")
        case .facColItem: ("Point", "Item")
        case .facCurrent: ("Point en cours", "Current item")
        case .facPaused: ("EN PAUSE", "PAUSED")
        case .facElapsed: ("Écoulé", "Elapsed")
        case .facMinutesLeft: ("min restantes", "min left")
        case .facBox: ("prévu", "planned")
        case .facExtended: ("prolongé de", "extended by")
        case .facShortened: ("ramené à", "cut to")
        case .facMovedShort: ("dépl.", "moved")
        case .facInsertedShort: ("ajout", "added")
        case .facEndPlanned: ("Fin prévue", "Planned end")
        case .facEndExpected: ("estimée", "expected")
        case .facEndShort: ("fin", "end")
        case .facQueue: ("Orateurs", "Speakers")
        case .facLimit: ("limite", "limit")
        case .facNoLimit: ("sans limite", "no limit")
        case .facQueueNone: ("File vide : a pour inscrire un orateur", "Queue empty: a to add a speaker")
        case .facQueueMore: ("autres", "more")
        case .facNext: ("Prochain", "Next")
        case .facStartWith: ("d pour le démarrer", "d to start it")
        case .facPressB: ("Appuyer sur B pour commencer la journée du", "Press B to start the day of")
        case .facFirstItem: ("Premier point", "First item")
        case .facCloseHint:
            (
                "La session peut être close : palabre do <session> " + "close",
                "The session can be closed: palabre do <session> close"
            )
        case .facClosedNote: ("Plus rien ne peut être enregistré.", "Nothing more can be recorded.")
        case .facNextDay: ("Journée suivante :", "Next day:")
        case .facQueueNoneReadOnly: ("File vide", "Queue empty")
        case .facDayOverReadOnly: ("Plus aucun point prévu.", "No planned item left.")
        case .facCanClose: ("La session peut être close.", "The session can be closed.")
        case .facDayOver:
            ("Plus aucun point prévu : F pour terminer la " + "journée", "No planned item left: F to end the day")
        case .facNeedItem:
            ("Aucun point en cours : démarrez un point " + "d'abord (d)", "No item under way: start an item first (d)")
        case .facEndItemQueue:
            (
                "%d demandes de parole attendent encore : appuyer encore sur t pour terminer le point",
                "%d requests for the floor still wait: press t again to end the item"
            )
        case .facEndItemQueueOne:
            (
                "Une demande de parole attend encore : appuyer encore sur t pour terminer le point",
                "One request for the floor still waits: press t again to end the item"
            )
        case .facCarryAskOne:
            (
                "Reporter le point non traité à la journée %day ? Appuyer encore sur F pour le reporter ; une autre touche le laisse",
                "Carry the untreated item over to day %day? Press F again to carry it; any other key leaves it"
            )
        case .facSkipChoose:
            (
                "Placez le curseur (↑/↓) sur le point à venir à sauter, " + "puis s",
                "Put the cursor (↑/↓) on the item ahead to skip, then s"
            )
        case .facEndDayConfirm:
            ("Terminer la journée ? Appuyer encore sur F pour " + "confirmer", "End the day? Press F again to confirm")
        case .facStartDayOtherDate:
            (
                "Journée %d prévue le %planned, pas aujourd'hui (%today) : B à nouveau pour la commencer (report "
                    + "consigné)",
                "Day %d is planned on %planned, not today, %today: press B again to start it (the postponement will be recorded)"
            )
        case .facEndDayLeft: ("points non traités", "untreated items")
        case .facQueueEmpty: ("La file des orateurs est vide", "The speakers queue is empty")
        case .facQueueFocus:
            (
                "La file a le focus : choisir la demande avec ↑/↓ puis appuyer de nouveau",
                "The queue has the focus: choose the request with ↑/↓ and press again"
            )
        case .facInsertNoTitle: ("Donnez un titre au point à insérer", "Give the new item a title")
        case .facBadDay: ("Journée non comprise : numéro ou date", "Day not understood: number or date")
        case .facPromptInsertTitle: ("Point à insérer — titre", "Item to insert — title")
        case .facPromptInsertMinutes: ("Durée en minutes de", "Minutes for")
        case .facPromptMove:
            (
                "Vers la journée (1, 2… ou AAAA-MM-JJ), comme prochain " + "point",
                "To day (1, 2… or YYYY-MM-DD), as the next item"
            )
        case .facPromptRequester: ("Orateur — quelques lettres", "Speaker — a few letters")
        case .facPromptOrder: ("Motion d'ordre — quelques lettres", "Point of order — a few letters")
        case .facPromptLimit:
            (
                "Temps de parole par orateur, en minutes (vide : sans " + "limite)",
                "Speaking time per speaker, minutes (empty: no limit)"
            )
        case .facPromptKeys: ("Entrée valider · Échap annuler", "Enter confirm · Esc cancel")
        case .facPromptChoose: ("↑/↓ choisir", "↑/↓ choose")
        case .facNoMatch:
            ("Aucune correspondance — Entrée : l'ajouter comme nouvel arrivant", "No match — Enter: add as a walk-in")
        case .facCommune: ("commune", "commune")
        case .facSelected: ("Sélection", "Selected")
        case .facModerator: ("Modération", "Moderator")
        case .facTurns: ("Déjà intervenus", "Already spoke")
        case .facDays: ("Journées du programme", "Days of the programme")
        case .facPromptKeysQueue: ("Entrée ajouter · Échap terminer", "Enter add · Esc done")
        case .facRequestsAddedOne: ("demande ajoutée", "request added")
        case .facRequestsAddedMany: ("demandes ajoutées", "requests added")
        case .facMatchesMoreOne: ("autre", "more")
        case .facMatchesMoreMany: ("autres", "more")
        case .facWaitUnderMinute: ("< 1 min", "< 1 min")
        }
    }
}
