import Foundation

/// Every word the documents print, in French and English, in one table.
///
/// The switch in ``DocLabel/pair`` is exhaustive, so a label cannot exist in one language only.
/// Labels that take numbers or dates (plurals, date ranges, day headings) are the functions of
/// ``DocLabels`` below the table.
enum DocLabel: CaseIterable {
    // minutes: head
    case minutesTitle, draft, asOf, dates, venue, organisers
    // objectives
    case objectives, generalObjective, specificObjectives
    // participants
    case participantsHeading, perDay, byCategory, category, participantsCol, womenCol, dayCol
    case otherCategory, noAttendance
    // proceedings
    case proceedings, notCovered, running, paused, plannedAt, presenters, moderator, speakers
    case noEntries, outsideAgenda, recordedAt, dayShort
    // entry kinds (as markers)
    case kNote, kDecision, kQuestion, kAnswer, kRecommendation, kAction, kCommitment, kPerspective
    case kOrganiserCommitment, kVote
    // a vote's result
    case voteResult, votesFor, votesAgainst, abstentionOne, abstentionMany, voteAdopted, voteRejected
    // units other than communes (`unit:` in the programme)
    case unitContributionCol, unitTotals, unitFiche, unitFicheTitle, unitNoFiches, unitNoUnfundedStudies
    case unitNoFicheAtIdeaStage, noFicheAtIdeaStage
    case unitSessionTotals
    // minutes: front matter (sommaire, résumé, sigles), introduction, bureau
    case contents, summary, summaryParticipants, summaryDecisions, summaryRecommendations, summaryNextSteps
    case summaryCommitmentsNone, technicalCount, acronymsTitle, acronymCol, meaningCol, toBeSpecified
    case acronymPTF, acronymPPP, acronymFCFA
    case introduction, contextHeading, methodHeading, bureauTitle, roleCol, presidentRole, moderatorRole
    case rapporteurRole
    // minutes: closing sections
    case decisionsTitle, noDecisions, engagementsTitle, commitmentSentences, perspectivesTitle
    case perspectivesHeading, organiserCommitmentsHeading, conclusionTitle, notClosedYet, reportIsFinal
    case reportIsProvisional, noneAdopted, signaturesTitle, theRapporteurs, thePresident
    // recommendations
    case recommendationsTitle, recommendationNo, addressee, responsible, deadline, fromItem, noRecommendations
    // commitments
    case commitmentsTitle, partner, commune, fiche, nature, amount, currency, status, conditions
    case totalsPerCurrency, totalsWorksStudies, purposeCol, total, withAmount, noCommitments, noAmount
    case natureFinancial, natureTechnical, natureStudy
    case stAnnounced, stIntention, stConfirmed, stSigned
    // actions
    case actionsTitle, activity, actionOpen, item, noActions
    // annexes
    case annexes, annexAgenda, annexAttendance, annexSpeaking
    // export: the attendance sheet to sign
    case attendanceSheetTitle, signature, contact, expectedParticipants
    case plannedStart, plannedDuration, actualStart, actualEnd, actualDuration, extensionLabel, drift, dayDrift
    case number, function, organisation, sex, name, checkedInAt, leftAt, turns, duration
    case statusPlanned, statusRunning, statusPaused, statusDone, statusSkipped
    case sexFemale, sexMale, sexUnspecified
    // item kinds
    case ikOpening, ikFramingTalk, ikPartnerPresentation, ikCommunePitch, ikDebate, ikGroupWork
    case ikReportBack, ikSynthesis, ikBreak, ikClosing, ikFollowUp, ikOther
    case ikQuorum, ikApproveMinutes, ikVote, ikPublicComment, ikAnyOtherBusiness
    // organisation types (participants by category)
    case otPartner, otCommune, otStateService, otNgo, otPrivate, otOrganiser
    // CSV headers
    case csvPartnerAcronym, csvPartnerName, csvFicheId, csvFicheTitle, csvText, csvRecordedAt, csvSeat, csvEntry
    case csvDay, csvParticipantId, csvItemId, csvKind, csvTitle, csvPlannedStart, csvPlannedMinutes
    case csvActualStart, csvActualEnd, csvActualMinutes, csvExtensionMinutes, csvDriftMinutes
    case csvSpeakerId, csvSpeaker, csvTurns, csvSeconds, csvSecondsAtMost, csvCheckedIn, csvTurnsPointOfOrder
    // attendance.csv: departure and half days (per diem)
    case csvLeftAt, csvMorning, csvAfternoon, csvHalfDays
    // synergies: synthesis, commitments matrix, synergies.csv, minutes section
    case synthesisTitle, matrixTitle, matrixShortNote, withdrawnTitle, noWithdrawn, reason, withdrawnOn, recordedBy
    case cercle, sector, totalCost, contributionCol, soughtCol, committedCol, gapCol, modeCol, studyCol, priorityCol
    case suggestedPartners, engagedPartners, leadCol, commitmentsMade, noneYet, noFiches, communeTotals, sessionTotals
    case unfundedStudies, noUnfundedStudies, csvState, csvLeadFlag, yes
    case interestDeclared, synergyLabel, leadWord, studyNeed, studyCostWord, studyCommittedWord, studyGapWord
    case technicalValue, interestsTitle, noInterests, notStated
    case moneyTitle, moneyFirmNote, moneyWorks, moneyStudies, moneyStudyCostCol, gapAllCol, gapFirmCol
    case studyCostsNotStated, studyDone, studyDoneAppraised, studyToFund
    case summaryCommitmentsScope
    case summaryWorksMoney, summaryStudiesMoney, soughtWord, firmWord, firmOnlyGap, studiesToFundWord
    case unscheduled, movedItem, speakingUpperBoundNote, closedAtDayEnd, unheard, pointOfOrder
    case decisionNo, voteNo, actionNo, commitmentNo, adoptedStatement, otherEntries
    case cellNone, cellSuggested, cellInterest, cellSynergy, cellCommitted
    case modeClassique, modePPP, studyIdea, studyFeasibility, studyAppraisal
    case csvDayNumber
    case previousFollowUpTitle, rvDisbursed, rvAbandoned, rvStarted, rvDone, rvLate, rvDropped

    /// The label in French and in English.
    var pair: (fr: String, en: String) {
        switch self {
        case .minutesTitle: ("Compte rendu", "Minutes")
        case .draft: ("Rapport provisoire", "Provisional report")
        case .kPerspective: ("Perspective", "Perspective")
        case .kOrganiserCommitment: ("Engagement de l'organisateur", "Organiser's commitment")
        case .kVote: ("Vote", "Vote")
        case .voteResult: ("Résultat", "Result")
        case .votesFor: ("pour", "for")
        case .votesAgainst: ("contre", "against")
        case .abstentionOne: ("abstention", "abstention")
        case .abstentionMany: ("abstentions", "abstentions")
        case .voteAdopted: ("texte adopté", "adopted")
        case .voteRejected: ("texte rejeté", "rejected")
        case .unitContributionCol: ("Contrepartie", "Own contribution")
        case .unitTotals: ("Totaux", "Totals")
        case .unitFiche: ("Projet", "Project")
        case .unitFicheTitle: ("Intitulé du projet", "Project title")
        case .unitNoFiches: ("Aucun projet au programme.", "No project in the programme.")
        case .unitNoUnfundedStudies:
            (
                "Aucune : chaque projet au stade d'idée a un engagement d'étude.",
                "None: every project at the idea stage has a study commitment."
            )
        case .unitNoFicheAtIdeaStage:
            ("Aucune : aucun projet n'est au stade d'idée.", "None: no project is at the idea stage.")
        case .noFicheAtIdeaStage:
            ("Aucune : aucune fiche n'est au stade d'idée.", "None: no fiche is at the idea stage.")
        case .unitSessionTotals: ("Ensemble de la réunion", "Whole meeting")
        case .contents: ("Sommaire", "Contents")
        case .summary: ("Résumé", "Summary")
        case .summaryParticipants: ("Participants", "Participants")
        case .summaryDecisions: ("Décisions", "Decisions")
        case .summaryRecommendations: ("Recommandations", "Recommendations")
        case .summaryNextSteps: ("Suites", "Follow-up")
        case .summaryCommitmentsNone: ("Aucun engagement des partenaires.", "No commitment from the partners.")
        case .technicalCount: ("Appuis techniques", "Technical contributions")
        case .acronymsTitle: ("Sigles et abréviations", "Acronyms and abbreviations")
        case .acronymCol: ("Sigle", "Acronym")
        case .meaningCol: ("Signification", "Meaning")
        case .toBeSpecified: ("à préciser", "to be specified")
        case .acronymPTF: ("Partenaires techniques et financiers", "Technical and financial partners")
        case .acronymPPP: ("Partenariat public-privé", "Public-private partnership")
        case .acronymFCFA:
            ("Franc de la Communauté financière africaine", "CFA franc (franc of the African Financial Community)")
        case .introduction: ("Introduction", "Introduction")
        case .contextHeading: ("Contexte", "Context")
        case .methodHeading: ("Méthodologie", "Method")
        case .bureauTitle: ("Bureau de séance", "Officers of the meeting")
        case .roleCol: ("Rôle", "Role")
        case .presidentRole: ("Président de séance", "Chair")
        case .moderatorRole: ("Modérateur", "Moderator")
        case .rapporteurRole: ("Rapporteur", "Rapporteur")
        case .decisionsTitle: ("Synthèse des décisions", "Summary of decisions")
        case .noDecisions: ("Aucune décision n'a été prise.", "No decision was taken.")
        case .engagementsTitle: ("Engagements et synergies", "Commitments and synergies")
        case .commitmentSentences: ("Engagements pris", "Commitments made")
        case .perspectivesTitle:
            ("Perspectives et engagements de l'organisateur", "Perspectives and the organiser's commitments")
        case .perspectivesHeading: ("Perspectives", "Perspectives")
        case .organiserCommitmentsHeading: ("Engagements de l'organisateur", "The organiser's commitments")
        case .conclusionTitle: ("Conclusion et clôture", "Conclusion and closing")
        case .notClosedYet: ("La session n'est pas encore close.", "The session is not closed yet.")
        case .reportIsFinal:
            (
                "Rapport final\u{00A0}: établi d'après le journal de la session, close.",
                "Final report: drawn from the journal of the session, which is closed."
            )
        case .noneAdopted:
            ("Aucune entrée n'a été lue et adoptée en plénière.", "No entry was read and adopted in plenary.")
        case .reportIsProvisional:
            (
                "Rapport provisoire\u{00A0}: établi d'après le journal à la date indiquée\u{00A0}; il devient final à "
                    + "la clôture de la session.",
                "Provisional report: drawn from the journal as of the date shown; it becomes final when the session "
                    + "is closed."
            )
        case .signaturesTitle: ("Signatures", "Signatures")
        case .theRapporteurs: ("Les rapporteurs", "The rapporteurs")
        case .thePresident: ("Le président de séance", "The chair of the meeting")
        case .asOf: ("Situation au", "As of")
        case .dates: ("Dates", "Dates")
        case .venue: ("Lieu", "Venue")
        case .organisers: ("Organisateurs", "Organisers")
        case .objectives: ("Objectifs", "Objectives")
        case .generalObjective: ("Objectif général", "General objective")
        case .specificObjectives: ("Objectifs spécifiques", "Specific objectives")
        case .participantsHeading: ("Participants", "Participants")
        case .perDay: ("Par journée", "Per day")
        case .byCategory: ("Par catégorie", "By category")
        case .category: ("Catégorie", "Category")
        case .participantsCol: ("Participants", "Participants")
        case .womenCol: ("dont femmes", "of whom women")
        case .dayCol: ("Journée", "Day")
        case .otherCategory: ("Autres", "Others")
        case .noAttendance: ("Aucune présence n'a encore été enregistrée.", "No attendance recorded yet.")
        case .proceedings: ("Déroulement des travaux", "Proceedings")
        case .notCovered: ("non traité", "not covered")
        case .running: ("en cours", "running")
        case .paused: ("en pause", "paused")
        case .plannedAt: ("prévu à", "planned at")
        case .presenters: ("Présentateurs prévus", "Scheduled presenters")
        case .moderator: ("Modérateur", "Moderator")
        case .speakers: ("Ont pris la parole", "Took the floor")
        case .noEntries: ("Rien n'a été consigné pour ce point.", "Nothing was recorded for this item.")
        case .outsideAgenda: ("Hors ordre du jour", "Outside the agenda")
        case .dayShort: ("J", "D")
        case .recordedAt: ("consigné le", "recorded on")
        case .kNote: ("Note", "Note")
        case .kDecision: ("Décision", "Decision")
        case .kQuestion: ("Question", "Question")
        case .kAnswer: ("Réponse", "Answer")
        case .kRecommendation: ("Recommandation", "Recommendation")
        case .kAction: ("Action", "Action")
        case .kCommitment: ("Engagement", "Commitment")
        case .recommendationsTitle: ("Recommandations", "Recommendations")
        case .recommendationNo: ("Recommandation n°", "Recommendation no.")
        case .decisionNo: ("Décision n°", "Decision no.")
        case .voteNo: ("Vote n°", "Vote no.")
        case .adoptedStatement: ("Lu et adopté en plénière", "Read and adopted in plenary")
        case .otherEntries: ("autres entrées", "other entries")
        case .actionNo: ("Action n°", "Action no.")
        case .commitmentNo: ("Engagement n°", "Commitment no.")
        case .addressee: ("À l'endroit de", "Addressed to")
        case .responsible: ("Responsable", "Responsible")
        case .deadline: ("Échéance", "Deadline")
        case .fromItem: ("Point de l'ordre du jour", "Agenda item")
        case .noRecommendations: ("Aucune recommandation n'a été formulée.", "No recommendation was made.")
        case .commitmentsTitle: ("Engagements des partenaires", "Partners' commitments")
        case .partner: ("Partenaire", "Partner")
        case .commune: ("Commune", "Commune")
        case .fiche: ("Fiche de projet", "Project fiche")
        case .nature: ("Nature", "Nature")
        case .amount: ("Montant", "Amount")
        case .currency: ("Devise", "Currency")
        case .status: ("Statut", "Status")
        case .conditions: ("Conditions", "Conditions")
        case .totalsPerCurrency: ("Totaux par devise (sans conversion)", "Totals per currency (not converted)")
        case .totalsWorksStudies:
            (
                "Totaux par devise, travaux et études à part (sans conversion)",
                "Totals per currency, works and studies apart (not converted)"
            )
        case .purposeCol: ("Objet", "For")
        case .total: ("Total", "Total")
        case .withAmount: ("Engagements chiffrés", "Commitments with an amount")
        case .noCommitments: ("Aucun engagement n'a été enregistré.", "No commitment was recorded.")
        case .noAmount: ("non chiffré", "no amount")
        case .natureFinancial: ("financier", "financial")
        case .natureTechnical: ("technique", "technical")
        case .natureStudy: ("étude", "study")
        case .synthesisTitle:
            ("Synthèse des actions prioritaires par " + "commune", "Synthesis of priority actions by commune")
        case .matrixTitle: ("Matrice des engagements", "Commitments matrix")
        case .matrixShortNote:
            (
                "La matrice complète, une colonne par rubrique, est le document des engagements (en paysage).",
                "The full matrix, a column for each field, is the commitments document (landscape)."
            )
        case .withdrawnTitle: ("Engagements retirés", "Withdrawn commitments")
        case .noWithdrawn: ("Aucun engagement n'a été retiré.", "No commitment was withdrawn.")
        case .reason: ("Motif", "Reason")
        case .withdrawnOn: ("Retiré le", "Withdrawn on")
        case .recordedBy: ("Enregistré le, par", "Recorded on, by")
        case .cercle: ("Cercle", "Cercle")
        case .sector: ("Secteur", "Sector")
        case .totalCost: ("Coût total", "Total cost")
        case .contributionCol: ("Contrepartie", "Commune's contribution")
        case .soughtCol: ("Montant recherché (travaux)", "Amount sought (works)")
        case .committedCol: ("Engagé (travaux)", "Committed (works)")
        case .gapCol: ("Reste à mobiliser", "Remaining gap")
        case .modeCol: ("Mode", "Mode")
        case .studyCol: ("Étude", "Study")
        case .priorityCol: ("Rang", "Rank")
        case .suggestedPartners: ("Partenaires pressentis (secteur et zone)", "Suggested partners (sector and zone)")
        case .engagedPartners: ("Partenaires engagés", "Committed partners")
        case .leadCol: ("Chef de file", "Lead")
        case .commitmentsMade: ("Engagements", "Commitments")
        case .noneYet: ("aucun", "none")
        case .noFiches: ("Aucune fiche de projet au programme.", "No project fiche in the programme.")
        case .communeTotals: ("Totaux de la commune", "Commune totals")
        case .sessionTotals: ("Ensemble de la table ronde", "Whole roundtable")
        case .unfundedStudies: ("Études de faisabilité à financer", "Feasibility studies to fund")
        case .noUnfundedStudies:
            (
                "Aucune : chaque fiche au stade d'idée a un engagement " + "d'étude.",
                "None: every fiche at the idea stage has a study commitment."
            )
        case .csvState: ("État", "State")
        case .csvLeadFlag: ("Chef de file", "Lead")
        case .yes: ("oui", "yes")
        case .interestDeclared: ("Intérêt manifesté", "Declared interest")
        case .synergyLabel: ("Synergie", "Synergy")
        case .leadWord: ("chef de file", "lead")
        case .studyNeed: ("Étude de faisabilité", "Feasibility study")
        case .studyCostWord: ("coût", "cost")
        case .studyCommittedWord: ("engagé", "committed")
        case .studyGapWord: ("reste", "remaining")
        case .technicalValue:
            ("Contributions techniques (valeur, hors numéraire)", "Technical contributions (value, not cash)")
        case .interestsTitle: ("Intérêts manifestés et synergies", "Declared interests and synergies")
        case .noInterests:
            ("Aucun intérêt manifesté ni aucune synergie.", "No interest declared and no synergy marked.")
        case .notStated: ("non chiffré", "not stated")
        case .moneyTitle: ("Bilan financier", "Funding picture")
        case .moneyFirmNote:
            (
                "Seuls les engagements confirmés et les conventions signées sont fermes ; les montants annoncés "
                    + "et les intentions restent à concrétiser. Les études de faisabilité sont financées à part : "
                    + "l'argent d'une étude ne réduit pas le reste à mobiliser des travaux. Totaux par devise, "
                    + "sans conversion.",
                "Only confirmed commitments and signed agreements are firm; announced amounts and intentions "
                    + "are yet to be made good. Feasibility studies are funded apart: money for a study does "
                    + "not reduce the works' gap. Totals per currency, not converted."
            )
        case .moneyWorks: ("Travaux", "Works")
        case .moneyStudies: ("Études de faisabilité", "Feasibility studies")
        case .moneyStudyCostCol: ("Coût des études (chiffré)", "Cost of the studies (stated)")
        case .gapAllCol: ("Reste (tous engagements)", "Gap (all commitments)")
        case .gapFirmCol: ("Reste (engagements fermes)", "Gap (firm commitments)")
        case .studyCostsNotStated:
            ("Le programme ne chiffre le coût d'aucune étude.", "The programme states the cost of no study.")
        case .studyDone: ("réalisée", "done")
        case .studyDoneAppraised: ("réalisée (évaluation préalable faite)", "done (appraised)")
        case .studyToFund: ("à financer", "to fund")
        case .summaryCommitmentsScope:
            (
                "tous statuts, travaux et études ensemble (le détail est ci-dessus)",
                "all statuses, works and studies together (the breakdown is above)"
            )
        case .summaryWorksMoney: ("Financement des travaux", "Funding of the works")
        case .summaryStudiesMoney: ("Études de faisabilité", "Feasibility studies")
        case .soughtWord: ("recherché", "sought")
        case .firmWord: ("dont ferme (confirmé ou signé)", "of which firm (confirmed or signed)")
        case .firmOnlyGap: ("en ne comptant que l'engagé ferme", "counting firm money only")
        case .studiesToFundWord: ("à financer", "to fund")
        case .unscheduled: ("hors programme", "unscheduled")
        case .movedItem: ("déplacé", "moved")
        case .speakingUpperBoundNote:
            (
                "« ≤ » : le dernier tour de parole du point n'a pas de fin notée au journal (ni parole donnée à un autre, ni fin d'intervention) ; il est compté jusqu'à la fin du point, la durée est donc un maximum.",
                "“≤”: the last turn of the item has no end in the journal (neither the floor given to another nor the speaker yielding); it is counted up to the end of the item, so the duration is at most this."
            )
        case .closedAtDayEnd: ("clos à la fin de la journée", "closed at the end of the day")
        case .unheard: ("Demandes de parole non satisfaites", "Requests for the floor not heard")
        case .pointOfOrder: ("motion d'ordre", "point of order")
        case .cellNone: ("—", "—")
        case .cellSuggested: ("pressenti", "suggested")
        case .cellInterest: ("intérêt", "interest")
        case .cellSynergy: ("synergie", "synergy")
        case .cellCommitted: ("engagé", "committed")
        case .modeClassique: ("classique", "conventional")
        case .modePPP: ("PPP", "PPP")
        case .studyIdea: ("idée", "idea")
        case .studyFeasibility: ("étude de faisabilité", "feasibility study")
        case .studyAppraisal: ("évaluation préalable", "appraisal")
        case .stAnnounced: ("annoncé", "announced")
        case .stIntention: ("intention", "intention")
        case .stConfirmed: ("confirmé", "confirmed")
        case .stSigned: ("convention signée", "agreement signed")
        case .actionsTitle: ("Prochaines étapes — plan d'actions", "Next steps — action plan")
        case .activity: ("Activité", "Activity")
        case .actionOpen: ("à faire", "to do")
        case .item: ("Point", "Item")
        case .noActions: ("Aucune action n'a été retenue.", "No action was agreed.")
        case .annexes: ("Annexes", "Annexes")
        case .annexAgenda: ("Annexe 1 — Ordre du jour prévu et réalisé", "Annex 1 — Agenda, planned and actual")
        case .annexAttendance: ("Annexe 2 — Liste de présence", "Annex 2 — Attendance sheet")
        case .annexSpeaking: ("Annexe 3 — Temps de parole", "Annex 3 — Speaking time")
        case .attendanceSheetTitle: ("Feuille de présence", "Attendance sheet")
        case .signature: ("Signature", "Signature")
        case .contact: ("Contact", "Contact")
        case .expectedParticipants:
            (
                "Aucune présence n'est encore enregistrée pour cette journée : participants prévus au programme.",
                "No attendance recorded for this day yet: the participants of the programme."
            )
        case .plannedStart: ("Début prévu", "Planned start")
        case .plannedDuration: ("Durée prévue", "Planned duration")
        case .actualStart: ("Début réel", "Actual start")
        case .actualEnd: ("Fin réelle", "Actual end")
        case .actualDuration: ("Durée réelle", "Actual duration")
        case .extensionLabel: ("Prolongation", "Extension")
        case .drift: ("Écart à la fin", "Drift at end")
        case .dayDrift: ("Écart de la journée par rapport au programme", "Drift of the day against the programme")
        case .number: ("N°", "No.")
        case .function: ("Fonction", "Function")
        case .organisation: ("Organisation", "Organisation")
        case .sex: ("Sexe", "Sex")
        case .name: ("Nom", "Name")
        case .checkedInAt: ("Arrivée", "Arrival")
        case .leftAt: ("Départ", "Left at")
        case .turns: ("Interventions", "Turns")
        case .duration: ("Durée", "Duration")
        case .statusPlanned: ("prévu", "planned")
        case .statusRunning: ("en cours", "running")
        case .statusPaused: ("en pause", "paused")
        case .statusDone: ("traité", "done")
        case .statusSkipped: ("non traité", "not covered")
        case .sexFemale: ("F", "F")
        case .sexMale: ("M", "M")
        case .sexUnspecified: ("", "")
        case .ikOpening: ("cérémonie d'ouverture", "opening")
        case .ikFramingTalk: ("communication de cadrage", "framing talk")
        case .ikPartnerPresentation: ("présentation PTF", "partner presentation")
        case .ikCommunePitch: ("présentation de commune", "commune pitch")
        case .ikDebate: ("débat", "debate")
        case .ikGroupWork: ("travaux de groupe", "group work")
        case .ikReportBack: ("restitution", "report-back")
        case .ikSynthesis: ("synthèse", "synthesis")
        case .ikBreak: ("pause", "break")
        case .ikClosing: ("cérémonie de clôture", "closing")
        case .ikFollowUp: ("suivi des recommandations", "follow-up of recommendations")
        case .ikQuorum: ("appel nominal et quorum", "roll call and quorum")
        case .ikApproveMinutes: ("approbation du procès-verbal", "approval of the minutes")
        case .ikVote: ("vote", "vote")
        case .ikPublicComment: ("intervention du public", "public comment")
        case .ikAnyOtherBusiness: ("questions diverses", "any other business")
        case .rvDisbursed: ("décaissé", "disbursed")
        case .rvAbandoned: ("abandonné", "abandoned")
        case .rvStarted: ("en cours", "under way")
        case .rvDone: ("réalisée", "done")
        case .rvLate: ("en retard", "late")
        case .rvDropped: ("abandonnée", "dropped")
        case .previousFollowUpTitle:
            (
                "Suivi des recommandations de la rencontre précédente",
                "Follow-up of the previous meeting's recommendations"
            )
        case .ikOther: ("autre", "other")
        case .otPartner: ("Partenaires techniques et financiers (PTF)", "Technical and financial partners")
        case .otCommune: ("Collectivités territoriales", "Local authorities")
        case .otStateService: ("Services techniques de l'État", "State technical services")
        case .otNgo: ("ONG et société civile", "NGOs and civil society")
        case .otPrivate: ("Secteur privé", "Private sector")
        case .otOrganiser: ("Organisateurs", "Organisers")
        case .csvPartnerAcronym: ("Sigle du partenaire", "Partner acronym")
        case .csvPartnerName: ("Partenaire", "Partner")
        case .csvFicheId: ("Fiche", "Fiche")
        case .csvFicheTitle: ("Intitulé de la fiche", "Fiche title")
        case .csvText: ("Libellé", "Text")
        case .csvRecordedAt: ("Enregistré le", "Recorded at")
        case .csvSeat: ("Poste", "Seat")
        case .csvEntry: ("N° au journal", "Journal seq")
        case .csvDay: ("Journée", "Day")
        case .csvParticipantId: ("Identifiant", "Participant id")
        case .csvItemId: ("Identifiant du point", "Item id")
        case .csvKind: ("Type", "Kind")
        case .csvTitle: ("Intitulé", "Title")
        case .csvPlannedStart: ("Début prévu", "Planned start")
        case .csvPlannedMinutes: ("Durée prévue (min)", "Planned duration (min)")
        case .csvActualStart: ("Début réel", "Actual start")
        case .csvActualEnd: ("Fin réelle", "Actual end")
        case .csvActualMinutes: ("Durée réelle hors pauses (min)", "Actual duration excluding pauses (min)")
        case .csvExtensionMinutes: ("Prolongation (min)", "Extension (min)")
        case .csvDriftMinutes: ("Écart à la fin (min)", "Drift at end (min)")
        case .csvSpeakerId: ("Identifiant de l'orateur", "Speaker id")
        case .csvSpeaker: ("Orateur", "Speaker")
        case .csvTurns: ("Interventions", "Turns")
        case .csvTurnsPointOfOrder: ("Dont sur motion d'ordre", "Of which on a point of order")
        case .csvSeconds: ("Secondes", "Seconds")
        case .csvSecondsAtMost:
            (
                "Au plus (dernier tour compté jusqu'à la fin du point)",
                "At most (last turn counted to the end of the item)"
            )
        case .csvCheckedIn: ("Arrivée (HH:MM)", "Checked in at (HH:MM)")
        case .csvLeftAt: ("Départ (HH:MM)", "Left at (HH:MM)")
        case .csvMorning: ("Matin", "Morning")
        case .csvAfternoon: ("Après-midi", "Afternoon")
        case .csvHalfDays: ("Demi-journées", "Half days")
        case .csvDayNumber: ("N° de journée", "Day no.")
        }
    }
}

/// The labels of one language, with the few that need numbers or dates.
struct DocLabels: Sendable {
    let language: Language
    /// The programme's name for the units that bring projects (`unit: Ward`): replaces « Commune »
    /// in columns and headings; nil keeps « Commune ».
    let unit: String?
    /// The programme's names of participant categories (``Programme/categoryNames``).
    let categoryNames: [String: String]

    init(_ language: Language, unit: String? = nil, categoryNames: [String: String] = [:]) {
        self.language = language; self.unit = unit; self.categoryNames = categoryNames
    }

    subscript(_ label: DocLabel) -> String {
        if let unit {
            if label == .commune { return unit }
            // « Commune's contribution », « Commune totals » do not fit a ward or a budget line.
            if label == .contributionCol { return self[.unitContributionCol] }
            if label == .communeTotals { return self[.unitTotals] }
            // A budget line or a ward brings projects, not the « fiches » of a roundtable.
            switch label {
            case .fiche, .csvFicheId: return self[.unitFiche]
            case .csvFicheTitle: return self[.unitFicheTitle]
            case .noFiches: return self[.unitNoFiches]
            case .noUnfundedStudies: return self[.unitNoUnfundedStudies]
            case .noFicheAtIdeaStage: return self[.unitNoFicheAtIdeaStage]
            case .sessionTotals: return self[.unitSessionTotals]
            default: break
            }
            if label == .synthesisTitle {
                let by =
                    language == .fr ? "Synthèse des actions prioritaires par " : "Synthesis of priority actions by "
                return by + unit.lowercased()
            }
        }
        return language == .fr ? label.pair.fr : label.pair.en
    }

    private static let frMonths = [
        "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
        "septembre", "octobre", "novembre", "décembre",
    ]
    private static let enMonths = [
        "January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December",
    ]
    private static let frWeekdays = ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"]
    private static let enWeekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    /// `(year, month, day)` of a `YYYY-MM-DD` text, nil when it is not one.
    static func civil(_ date: String) -> (y: Int, m: Int, d: Int)? {
        let u = Array(date.utf8)
        guard u.count == 10, u[4] == 45, u[7] == 45 else { return nil }
        let p = date.split(separator: "-").compactMap { Int($0) }
        guard p.count == 3, (1...12).contains(p[1]), (1...31).contains(p[2]) else { return nil }
        return (p[0], p[1], p[2])
    }

    private func month(_ m: Int) -> String { language == .fr ? Self.frMonths[m - 1] : Self.enMonths[m - 1] }
    private func dayNumber(_ d: Int) -> String { language == .fr && d == 1 ? "1er" : String(d) }

    /// « 17 octobre 2023 », “17 October 2023”; the text itself when it is not a date.
    func date(_ date: String) -> String {
        guard let c = Self.civil(date) else { return date }
        return "\(dayNumber(c.d)) \(month(c.m)) \(c.y)"
    }

    /// « mardi 17 octobre 2023 », “Tuesday 17 October 2023”.
    func longDate(_ date: String) -> String {
        guard let c = Self.civil(date) else { return date }
        let days = RFC3339.days(fromCivil: c.y, c.m, c.d)
        let wd = ((days + 4) % 7 + 7) % 7
        return (language == .fr ? Self.frWeekdays[wd] : Self.enWeekdays[wd]) + " " + self.date(date)
    }

    /// « du 17 au 19 octobre 2023 », “17–19 October 2023”; a single date when `first == last`.
    func dateRange(_ first: String, _ last: String) -> String {
        guard let a = Self.civil(first), let b = Self.civil(last), first != last else {
            return language == .fr ? "le " + date(first) : date(first)
        }
        if language == .fr {
            if a.y != b.y { return "du \(date(first)) au \(date(last))" }
            if a.m != b.m { return "du \(dayNumber(a.d)) \(month(a.m)) au \(date(last))" }
            return "du \(dayNumber(a.d)) au \(date(last))"
        }
        if a.y != b.y { return "\(date(first)) – \(date(last))" }
        if a.m != b.m { return "\(a.d) \(month(a.m)) – \(date(last))" }
        return "\(a.d)–\(date(last))"
    }

    /// « décisions n° 1 et 2 », “decisions no. 1 and 2”: the adopted entries of one kind.
    func adoptedList(_ kind: EntryKind, _ numbers: [Int]) -> String {
        let fr: [EntryKind: (String, String)] = [
            .decision: ("décision", "décisions"), .vote: ("vote", "votes"),
            .recommendation: ("recommandation", "recommandations"),
            .action: ("action", "actions"), .commitment: ("engagement", "engagements"),
            .perspective: ("perspective", "perspectives"),
            .organiserCommitment: ("engagement de l'organisateur", "engagements de l'organisateur"),
        ]
        let en: [EntryKind: (String, String)] = [
            .decision: ("decision", "decisions"), .vote: ("vote", "votes"),
            .recommendation: ("recommendation", "recommendations"),
            .action: ("action", "actions"), .commitment: ("commitment", "commitments"),
            .perspective: ("perspective", "perspectives"),
            .organiserCommitment: ("commitment of the organiser", "commitments of the organiser"),
        ]
        let w = (language == .fr ? fr : en)[kind] ?? ("", "")
        let list = numbers.map(String.init)
        let joined =
            list.count <= 1
            ? list.joined()
            : list.dropLast().joined(separator: ", ") + (language == .fr ? " et " : " and ") + list.last!
        return (numbers.count > 1 ? w.1 : w.0) + (language == .fr ? " n°\u{00A0}" : " no. ") + joined
    }

    /// Whether the French noun of an entry kind is feminine (une décision, une recommandation, une
    /// action…) or masculine (un engagement), for the agreement of « amendé », « retiré ».
    static func isFeminine(_ k: EntryKind) -> Bool {
        switch k {
        case .commitment, .organiserCommitment, .vote: false
        case .note, .decision, .question, .answer, .recommendation, .action, .perspective: true
        }
    }

    /// « amendée » (une recommandation), « amendé » (un engagement), “amended”.
    func amended(_ k: EntryKind) -> String {
        language == .fr ? (Self.isFeminine(k) ? "amendée" : "amendé") : "amended"
    }

    /// « retiré par le partenaire » (un engagement), « retirée … » for a feminine kind, “withdrawn by the partner”.
    func withdrawn(_ k: EntryKind) -> String {
        language == .fr
            ? (Self.isFeminine(k) ? "retirée" : "retiré") + " par le partenaire" : "withdrawn by the partner"
    }

    /// Name of a seat in the documents: « modération », « rapporteur », « projection »,
    /// « observateur », « script »; another seat name as it is.
    func seat(_ s: String) -> String {
        guard language == .fr else { return s }
        switch s {
        case "facilitator": return "modération"
        case "projector": return "projection"
        case "observer": return "observateur"
        default: return s
        }
    }

    /// A commitment as a sentence whose verb follows its status and nature, so that it never
    /// states more than was committed: « L'ANICT annonce un financement de 45 000 000 FCFA pour
    /// la fiche … », « L'ANICT envisage de financer … », « L'ANICT s'engage à financer … »,
    /// « La NEF s'est engagée par convention à financer l'étude de faisabilité de … », « L'OMS
    /// apportera une contribution technique à … (valeur estimée …) »; then the conditions and the
    /// deadline. In French the article is « l' » before a vowel or an h, else « la » for a
    /// `feminine` organisation (programme key `feminine`) and « le »; `feminine` also agrees
    /// « engagée ».
    func commitmentSentence(
        partner: String, feminine: Bool = false, fiche: String?, nature: CommitmentNature?,
        amount: String?, status: CommitmentStatus?, conditions: String?, due: String?
    ) -> String {
        let fr = language == .fr
        let target = fiche ?? (fr ? "l'action" : "the action")
        var o: String
        if fr {
            let vowel = partner.first.map { "AEIOUYÉHaeiouyéh".contains($0) } ?? false
            o = (vowel ? "L'" : feminine ? "La " : "Le ") + partner + " "
            let signed = "s'est engagé" + (feminine ? "e" : "") + " par convention à "
            let sum = amount.map { " à hauteur de " + $0 } ?? ", sans montant chiffré"
            switch (nature, status) {
            case (.technical?, _):
                let act = "une contribution technique à " + target
                switch status {
                case .announced?, nil: o += "annonce " + act
                case .intention?: o += "envisage d'apporter " + act
                case .confirmed?: o += "apportera " + act
                case .signed?: o += signed + "apporter " + act
                }
                if let amount { o += " (valeur estimée " + amount + ")" }
            case (_, .announced?), (_, nil):
                let what = nature == .study ? "l'étude de faisabilité de " + target : target
                o += (nature == nil ? "annonce un appui" : "annonce un financement")
                o += amount.map { " de " + $0 } ?? ""
                o += " pour " + what
            default:
                let verb = nature == nil ? "appuyer " : "financer "
                let what = verb + (nature == .study ? "l'étude de faisabilité de " : "") + target
                switch status {
                case .intention?: o += (nature == nil ? "envisage d'" : "envisage de ") + what
                case .signed?: o += signed + what
                default: o += "s'engage à " + what
                }
                o += sum
            }
        } else {
            o = partner + " "
            let sum = amount.map { " up to " + $0 } ?? ", with no amount stated"
            switch (nature, status) {
            case (.technical?, _):
                let act = "a technical contribution to " + target
                switch status {
                case .announced?, nil: o += "announces " + act
                case .intention?: o += "intends to make " + act
                case .confirmed?: o += "will make " + act
                case .signed?: o += "has signed an agreement to make " + act
                }
                if let amount { o += " (estimated value " + amount + ")" }
            case (_, .announced?), (_, nil):
                let what = nature == .study ? "the feasibility study of " + target : target
                o += (nature == nil ? "announces support" : "announces funding")
                o += amount.map { " of " + $0 } ?? ""
                o += " for " + what
            default:
                let what =
                    (nature == nil ? "support " : "fund ") + (nature == .study ? "the feasibility study of " : "")
                    + target
                switch status {
                case .intention?: o += "intends to " + what
                case .signed?: o += "has signed an agreement to " + what
                default: o += "commits to " + what
                }
                o += sum
            }
        }
        return o + commitmentTail(conditions: conditions, due: due) + "."
    }

    /// The figures of a commitment told in the rapporteur's own words: « SY-01 (Sy) : 40 000 000
    /// FCFA (intention), conditions : … ; échéance : 30 juin 2024. », “TOM-01 (Tominian): technical
    /// contribution (confirmed) …”.
    func commitmentFigures(
        fiche: String?, nature: CommitmentNature?, amount: String?, status: CommitmentStatus?, conditions: String?,
        due: String?
    ) -> String {
        let fr = language == .fr
        var o = fiche.map { $0 + colon + " " } ?? ""
        if nature == .technical {
            o += fr ? "contribution technique" : "technical contribution"
            if let amount { o += fr ? " (valeur estimée " + amount + ")" : " (estimated value " + amount + ")" }
        } else {
            o += amount ?? self[.noAmount]
        }
        if let status { o += " (" + commitmentStatus(status) + ")" }
        return o + commitmentTail(conditions: conditions, due: due) + "."
    }

    /// « , sous réserve de … » when the conditions say so, else « , conditions : … » with a small
    /// letter (in French: the conditions are in the programme's language, left as typed in
    /// English); then « ; échéance : … ».
    private func commitmentTail(conditions: String?, due: String?) -> String {
        var o = ""
        if let cond = conditions, !cond.isEmpty {
            let folded = Text.fold(cond)
            let chars = Array(cond)
            // A capital is lowered unless the word is an acronym (« ANICT », « PDESC »).
            let lowered =
                chars.count > 1 && chars[1].isUppercase ? cond : cond.prefix(1).lowercased() + cond.dropFirst()
            if language == .fr {
                o += folded.hasPrefix("sous reserve") ? ", " + lowered : ", conditions" + colon + " " + lowered
            } else {
                o += folded.hasPrefix("subject to") ? ", " + lowered : ", conditions" + colon + " " + cond
            }
        }
        if let due { o += listSeparator + (language == .fr ? "échéance" : "deadline") + colon + " " + due }
        return o
    }

    /// « reporté à la journée 3 », “moved to day 3”.
    func movedTo(day n: Int) -> String { (language == .fr ? "reporté à la journée " : "moved to day ") + String(n) }

    /// « dépassement de 2 000 000 FCFA », “over by 2,000,000 FCFA”.
    func overBy(_ amount: String) -> String { (language == .fr ? "dépassement de " : "over by ") + amount }

    /// « Journée reportée du 17 au 18 octobre 2023 », “Day postponed from 17 to 18 October 2023”
    /// (« avancée » / “brought forward” when held earlier than planned).
    func postponed(from planned: String, to held: String) -> String {
        guard let a = Self.civil(planned), let b = Self.civil(held) else {
            return language == .fr
                ? "Journée tenue le \(held) au lieu du \(planned)" : "Day held on \(held) instead of \(planned)"
        }
        let later = held > planned
        let first = a.y != b.y ? date(planned) : a.m != b.m ? "\(dayNumber(a.d)) \(month(a.m))" : dayNumber(a.d)
        if language == .fr {
            return (later ? "Journée reportée du " : "Journée avancée du ") + first + " au " + date(held)
        }
        let firstEn = a.y != b.y ? date(planned) : a.m != b.m ? "\(a.d) \(month(a.m))" : String(a.d)
        return (later ? "Day postponed from " : "Day brought forward from ") + firstEn + " to " + date(held)
    }

    /// « Journée 1 — mardi 17 octobre 2023 », “Day 1 — Tuesday 17 October 2023”.
    func dayHeading(_ number: Int, _ date: String) -> String {
        (language == .fr ? "Journée " : "Day ") + "\(number) — " + longDate(date)
    }

    /// « 3 participants dont 1 femme », “3 participants, of whom 1 woman”.
    func participantsSummary(_ n: Int, women: Int) -> String {
        if language == .fr {
            let p = n > 1 ? "\(n) participants" : "\(n) participant"
            let w = women == 0 ? "aucune femme" : women == 1 ? "1 femme" : "\(women) femmes"
            return "\(p) dont \(w)"
        }
        let p = n == 1 ? "1 participant" : "\(n) participants"
        let w = women == 0 ? "no woman" : women == 1 ? "1 woman" : "\(women) women"
        return "\(p), of whom \(w)"
    }

    /// « 4 décisions », « 1 décision », “4 decisions”: a count and its noun, for `kind`.
    func counted(_ n: Int, _ kind: EntryKind) -> String {
        let fr: [EntryKind: (String, String)] = [
            .decision: ("décision", "décisions"), .recommendation: ("recommandation", "recommandations"),
            .action: ("action", "actions"), .commitment: ("engagement", "engagements"),
            .perspective: ("perspective", "perspectives"),
            .organiserCommitment: ("engagement de l'organisateur", "engagements de l'organisateur"),
        ]
        let en: [EntryKind: (String, String)] = [
            .decision: ("decision", "decisions"), .recommendation: ("recommendation", "recommendations"),
            .action: ("action", "actions"), .commitment: ("commitment", "commitments"),
            .perspective: ("perspective", "perspectives"),
            .organiserCommitment: ("commitment of the organiser", "commitments of the organiser"),
        ]
        let w = (language == .fr ? fr : en)[kind] ?? ("", "")
        return "\(n) " + (n > 1 ? w.1 : w.0)
    }

    /// « 3 journées », “3 days”.
    func days(_ n: Int) -> String {
        language == .fr ? (n > 1 ? "\(n) journées" : "\(n) journée") : (n == 1 ? "1 day" : "\(n) days")
    }

    /// « à l'endroit de : Communes (3), ADR de Ségou (2) », “addressed to: …”.
    func addressedTo(_ parts: [String]) -> String {
        (language == .fr ? "à l'endroit de" : "addressed to") + colon + " " + parts.joined(separator: ", ")
    }

    /// « La table ronde s'est tenue du 17 au 19 octobre 2023 (3 journées). », “The meeting was
    /// held 17–19 October 2023 (3 days).”
    func heldOn(_ range: String, days n: Int) -> String {
        language == .fr
            ? "La rencontre s'est tenue \(range) (\(days(n)))."
            : "The meeting was held on \(range) (\(days(n)))."
    }

    /// « Rapport final (session close le 19 octobre 2023) », “Final report (session closed on 19 October
    /// 2023)”: the cover of a closed session.
    func finalReport(closedOn date: String) -> String {
        language == .fr ? "Rapport final (session close le \(date))" : "Final report (session closed on \(date))"
    }

    /// « La session a été close le jeudi 19 octobre 2023 à 16:26. », “The session was closed on …”.
    func closedOn(_ moment: String) -> String {
        language == .fr ? "La session a été close le \(moment)." : "The session was closed on \(moment)."
    }

    /// « Fait à Ségou, le 19 octobre 2023 », “Done at Ségou, 19 October 2023” (no place: the date).
    func doneAt(_ place: String?, _ date: String) -> String {
        guard let place, !place.isEmpty else { return language == .fr ? "Fait le " + date : "Done on " + date }
        return language == .fr ? "Fait à \(place), le \(date)" : "Done at \(place), \(date)"
    }

    /// « 39 min ».
    func minutes(_ m: Int) -> String { "\(m)\u{00A0}min" }

    /// Between the details of an entry: « ; » in French (with a space before), “;” in English.
    var listSeparator: String { language == .fr ? "\u{00A0}; " : "; " }

    /// « à » between a date and a time, “at” in English.
    var at: String { language == .fr ? "à" : "at" }

    /// Signed minutes for drift: « +12 min », « −3 min » (a minus sign, as the consoles show it),
    /// « 0 min ».
    func signedMinutes(_ m: Int) -> String { (m > 0 ? "+" : m < 0 ? "−" : "") + minutes(abs(m)) }

    /// « : » in French (with a no-break space before), “:” in English.
    var colon: String { language == .fr ? "\u{00A0}:" : ":" }

    /// Label of an item kind.
    func kind(_ k: ItemKind) -> String {
        switch k {
        case .opening: self[.ikOpening]
        case .framingTalk: self[.ikFramingTalk]
        case .partnerPresentation: self[.ikPartnerPresentation]
        case .communePitch: self[.ikCommunePitch]
        case .debate: self[.ikDebate]
        case .groupWork: self[.ikGroupWork]
        case .reportBack: self[.ikReportBack]
        case .synthesis: self[.ikSynthesis]
        case .break: self[.ikBreak]
        case .closing: self[.ikClosing]
        case .followUp: self[.ikFollowUp]
        case .quorum: self[.ikQuorum]
        case .approveMinutes: self[.ikApproveMinutes]
        case .vote: self[.ikVote]
        case .publicComment: self[.ikPublicComment]
        case .anyOtherBusiness: self[.ikAnyOtherBusiness]
        case .other: self[.ikOther]
        }
    }

    /// Marker of an entry kind.
    /// « n° 5 », “no. 5”.
    func numbered(_ n: Int) -> String { language == .fr ? "n°\u{00A0}\(n)" : "no. \(n)" }

    /// A status said in a review of an earlier meeting's entry: « convention signée », “done”…
    func reviewed(_ s: ReviewedStatus) -> String {
        switch s {
        case .commitment(let st):
            switch st {
            case .intention: return self[.stIntention]
            case .confirmed: return self[.stConfirmed]
            case .signed: return self[.stSigned]
            case .disbursed: return self[.rvDisbursed]
            case .abandoned: return self[.rvAbandoned]
            }
        case .action(let st):
            switch st {
            case .started: return self[.rvStarted]
            case .done: return self[.rvDone]
            case .late: return self[.rvLate]
            case .dropped: return self[.rvDropped]
            }
        }
    }

    func entryKind(_ k: EntryKind) -> String {
        switch k {
        case .note: self[.kNote]
        case .decision: self[.kDecision]
        case .question: self[.kQuestion]
        case .answer: self[.kAnswer]
        case .recommendation: self[.kRecommendation]
        case .action: self[.kAction]
        case .commitment: self[.kCommitment]
        case .perspective: self[.kPerspective]
        case .organiserCommitment: self[.kOrganiserCommitment]
        case .vote: self[.kVote]
        }
    }

    /// A vote's result: « Résultat : 9 pour, 2 contre, 1 abstention ; texte adopté », “Result: 9
    /// for, 2 against, 1 abstention; adopted”. Counts not given are left out.
    func voteResult(_ k: EntryContent) -> String {
        var counts: [String] = []
        if let n = k.votesFor { counts.append("\(n) " + self[.votesFor]) }
        if let n = k.votesAgainst { counts.append("\(n) " + self[.votesAgainst]) }
        if let n = k.abstentions {
            counts.append("\(n) " + self[(language == .fr ? n > 1 : n != 1) ? .abstentionMany : .abstentionOne])
        }
        var parts = counts.isEmpty ? [] : [counts.joined(separator: ", ")]
        switch k.outcome {
        case .adopted?: parts.append(self[.voteAdopted])
        case .rejected?: parts.append(self[.voteRejected])
        case nil: break
        }
        return self[.voteResult] + colon + " " + parts.joined(separator: listSeparator)
    }

    /// Label of a commitment nature.
    func nature(_ n: CommitmentNature?) -> String {
        switch n {
        case .financial?: self[.natureFinancial]
        case .technical?: self[.natureTechnical]
        case .study?: self[.natureStudy]
        case nil: ""
        }
    }

    /// Label of a commitment status.
    func commitmentStatus(_ s: CommitmentStatus?) -> String {
        switch s {
        case .announced?: self[.stAnnounced]
        case .intention?: self[.stIntention]
        case .confirmed?: self[.stConfirmed]
        case .signed?: self[.stSigned]
        case nil: ""
        }
    }

    /// Label of a synergy cell state.
    func cellState(_ s: SynergyCellState) -> String {
        switch s {
        case .none: self[.cellNone]
        case .suggested: self[.cellSuggested]
        case .interest: self[.cellInterest]
        case .synergy: self[.cellSynergy]
        case .committed: self[.cellCommitted]
        }
    }

    /// Label of a delivery mode.
    func mode(_ m: DeliveryMode) -> String { m == .ppp ? self[.modePPP] : self[.modeClassique] }

    /// Label of a study status.
    func study(_ s: StudyStatus) -> String {
        switch s {
        case .idea: self[.studyIdea]
        case .feasibilityStudy: self[.studyFeasibility]
        case .appraisal: self[.studyAppraisal]
        }
    }

    /// Label of an item status.
    func itemStatus(_ s: ItemStatus) -> String {
        switch s {
        case .planned: self[.statusPlanned]
        case .running: self[.statusRunning]
        case .paused: self[.statusPaused]
        case .done: self[.statusDone]
        case .skipped: self[.statusSkipped]
        }
    }

    /// Label of a sex on the attendance sheet.
    func sex(_ s: Sex) -> String {
        switch s {
        case .female: self[.sexFemale]
        case .male: self[.sexMale]
        case .unspecified: self[.sexUnspecified]
        }
    }

    /// Label of an organisation type (a participant category).
    func category(_ t: OrganisationType?) -> String {
        if let name = categoryNames[t?.rawValue ?? "other"] { return name }
        return switch t {
        case .partner?: self[.otPartner]
        case .commune?: self[.otCommune]
        case .stateService?: self[.otStateService]
        case .ngo?: self[.otNgo]
        case .private?: self[.otPrivate]
        case .organiser?: self[.otOrganiser]
        case nil: self[.otherCategory]
        }
    }

    /// ``dayHeading(_:_:)`` of a day held or under way; of a day still ahead: « Journée 3 — prévue
    /// le vendredi 20 octobre 2023 », “Day 3 — scheduled for Friday 20 October 2023”.
    func dayHeading(_ number: Int, _ date: String, ahead: Bool) -> String {
        guard ahead else { return dayHeading(number, date) }
        return (language == .fr ? "Journée \(number) — prévue le " : "Day \(number) — scheduled for ") + longDate(date)
    }
}
