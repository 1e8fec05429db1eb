import Foundation
import Testing

@testable import PalabreCore
@testable import PalabreUI

@Suite("Rapporteur screen")
struct RapporteurScreenTests {
    @Test("An entry is found by its id by halving, as a reading of every entry finds it, in every list F2 shows")
    func entriesFoundByID() throws {
        let (p, events) = SegouMoments.recordedMeeting
        var s = SessionState(programme: p)
        var lists = 0
        for (k, e) in events.enumerated() {
            s.evolve(e)
            guard k % 23 == 0 else { continue }
            for all in [false, true] {
                let list = RapporteurScreen.scope(s, all: all).entries
                let ids = list.map(\.id)
                #expect(ids == ids.sorted(), "event \(e.seq): the ids rise")
                #expect(list.highestID == ids.max())
                for id in Set(ids + [0, -1, e.seq + 1] + ids.map { $0 + 1 }) {
                    #expect(list.index(ofID: id) == ids.firstIndex(of: id), "event \(e.seq), id \(id)")
                }
                lists += 1
            }
        }
        #expect(lists > 50)
    }

    /// « Décision : « prêt de 2 500 000 FCFA » à la commune de Diéli », with a no-break space
    /// before the colon, narrow no-break spaces inside the guillemets and in the amount.
    static let decision =
        "Décision\u{00A0}: «\u{202F}prêt de 2\u{00A0}500\u{00A0}000\u{00A0}FCFA\u{202F}» à la commune de Diéli"

    // MARK: Typing and sending

    @Test func aDecisionIsSentExactlyAsTyped() {
        var d = ScreenDriver(.rapporteur, .debate)
        #expect(d.console.rapporteur.isTyping, "the input has the focus by default")
        d.key(.function(6))  // note → décision
        #expect(d.console.rapporteur.kind == .decision)
        #expect(d.lines().contains { $0.hasPrefix(" Décision ▸") })
        d.type(Self.decision)
        #expect(d.command == nil)
        let c = d.key(.enter)
        #expect(c == .record(EntryContent(kind: .decision, text: Self.decision)))
        #expect(d.perform() == nil)
        let e = d.state.entries.last!
        #expect(e.content.text == Self.decision)
        #expect(e.content.kind == .decision)
        #expect(e.item == "d1-debat-ptf")
        // Cleared after recording, back to note, the entry listed.
        #expect(d.console.rapporteur.editor.isEmpty)
        #expect(d.console.rapporteur.kind == .note)
        #expect(d.lines().contains { $0.contains("Décision") && $0.contains("prêt de 2\u{00A0}500\u{00A0}000") })
    }

    @Test func f7GoesBackAndTheKindIsAlwaysShown() {
        var d = ScreenDriver(.rapporteur, .debate)
        d.key(.function(7))
        #expect(d.console.rapporteur.kind == .commitment)
        #expect(d.lines().contains { $0.hasPrefix(" Engagement ▸") })
        d.key(.function(6))
        #expect(d.console.rapporteur.kind == .note)
        // A prefix shows its kind while typing.
        d.type("/q Qui finance ?")
        #expect(d.lines().contains { $0.hasPrefix(" Question ▸ /q Qui finance ?") })
        #expect(d.key(.enter) == .record(EntryContent(kind: .question, text: "Qui finance ?")))
    }

    @Test func textLooksingLikeAPrefixIsKeptWhenItIsNotOne() {
        var d = ScreenDriver(.rapporteur, .debate)
        d.type("/z reste tel quel")
        #expect(d.key(.enter) == .record(EntryContent(kind: .note, text: "/z reste tel quel")))
        d = ScreenDriver(.rapporteur, .debate)
        d.type("/décision")
        #expect(d.key(.enter) == .record(EntryContent(kind: .note, text: "/décision")))
    }

    @Test func anEmptyLineIsNotSent() {
        var d = ScreenDriver(.rapporteur, .debate)
        d.type("   ")
        #expect(d.key(.enter) == nil)
        #expect(d.console.message?.text == "Le texte est vide : tapez-le d'abord.")
    }

    @Test func aPasteWithNewlinesBecomesOneLine() {
        var d = ScreenDriver(.rapporteur, .debate)
        d.key(.char("\r\n"))
        d.type("Premier alinéa")
        d.key(.char("\n"))
        d.type("second")
        #expect(d.console.rapporteur.editor.text == " Premier alinéa second")
    }

    @Test func backspaceDeletesAWholeCluster() {
        var d = ScreenDriver(.rapporteur, .debate)
        d.type("Ete")
        d.key(.char("\u{0301}"))  // e + combining acute: one cluster "é"
        #expect(d.console.rapporteur.editor.clusters.count == 3)
        #expect(d.console.rapporteur.editor.text == "Ete\u{0301}")
        d.key(.backspace)
        #expect(d.console.rapporteur.editor.text == "Et")
        d.key(.left)
        d.key(.char("\u{0301}"))  // joins the E before the cursor
        #expect(d.console.rapporteur.editor.clusters.count == 2)
        d.key(.backspace)
        #expect(d.console.rapporteur.editor.text == "t")
    }

    @Test func printableKeysThatAreBindingsElsewhereAreTyped() {
        var d = ScreenDriver(.rapporteur, .debate)
        d.type("q? mxv/")
        #expect(!d.console.quitRequested)
        #expect(!d.console.showingHelp)
        #expect(d.console.rapporteur.editor.text == "q? mxv/")
    }

    // MARK: Surviving

    @Test func aHalfTypedEntrySurvivesSwitchingScreens() {
        var d = ScreenDriver(.rapporteur, .debate)
        d.type("Le maire de Diéli")
        d.key(.function(1))
        #expect(d.console.screen == .facilitator)
        _ = d.lines()
        d.key(.tab)
        d.key(.function(3))
        _ = d.lines()
        d.key(.function(2))
        #expect(d.console.screen == .rapporteur)
        d.type(" souligne l'urgence")
        #expect(d.key(.enter) == .record(EntryContent(kind: .note, text: "Le maire de Diéli souligne l'urgence")))
    }

    @Test func aRefusalKeepsTheTextAndDidRecordClearsIt() {
        var d = ScreenDriver(.rapporteur, .debate)
        d.type("/d Adopté")
        let c = d.key(.enter)
        d.console.wasRefused(Refusal(.emptyText), state: d.state, now: d.now)
        #expect(d.console.rapporteur.editor.text == "/d Adopté")
        #expect(d.console.message?.text == "Refusé : Le texte est vide.")
        #expect(d.lines().contains { $0.contains("Refusé : Le texte est vide.") })
        // Sent again, recorded this time.
        #expect(d.key(.enter) == c)
        #expect(d.perform() == nil)
        #expect(d.console.rapporteur.editor.isEmpty)
        #expect(d.state.entries.last?.content == EntryContent(kind: .decision, text: "Adopté"))
    }

    @Test func aRealRefusalKeepsTheFormAndItsFields() {
        // Once the session is closed, every record is refused.
        var d = ScreenDriver(.rapporteur, .before)
        d.perform(.openSession)
        d.perform(.closeSession)
        d.type("/a Relancer les PTF")
        d.key(.enter)
        d.type("Secrétariat")
        d.key(.enter)
        d.key(.enter)
        #expect(
            d.command
                == .record(
                    EntryContent(kind: .action, text: "Relancer les PTF", responsible: "Secrétariat", due: nil)))
        #expect(d.perform()?.code == "session-closed")
        #expect(d.console.rapporteur.focus == .form)
        #expect(d.console.rapporteur.form?["responsible"]?.text == "Secrétariat")
        #expect(d.console.rapporteur.editor.text == "/a Relancer les PTF")
    }

    // MARK: Forms

    @Test func prefixROpensTheRecommendationFormWithTheTextStripped() {
        var d = ScreenDriver(.rapporteur, .pitch)
        d.type("/r Actualiser le PDESC avant de solliciter les PTF")
        #expect(d.key(.enter) == nil)
        #expect(d.console.rapporteur.focus == .form)
        #expect(d.console.rapporteur.formKind == .recommendation)
        // À l'endroit de: "dieli" offers the commune first.
        d.type("dieli")
        let shown = d.console.rapporteur.form!.fields[0].matches().map(\.display)
        #expect(Array(shown.prefix(3)) == ["Commune de Diéli", "Maire de Diéli", "SG de Diéli"])
        #expect(d.lines().contains { $0.contains("Commune de Diéli · cercle de San") })
        d.key(.down)
        d.key(.enter)
        // Responsable: picked among participants.
        d.type("sg de die")
        d.key(.down)
        d.key(.enter)
        // Échéance, free text; Enter on the last field sends.
        d.type("2024-03-31")
        let c = d.key(.enter)
        #expect(
            c
                == .record(
                    EntryContent(
                        kind: .recommendation, text: "Actualiser le PDESC avant de solliciter les PTF",
                        addressee: "Commune de Diéli", responsible: "SG de Diéli", due: "2024-03-31")))
        #expect(d.perform() == nil)
        #expect(d.console.rapporteur.form == nil)
        #expect(d.console.rapporteur.focus == .input)
        #expect(d.console.rapporteur.editor.isEmpty)
    }

    @Test func freeTextStaysAllowedAndEscKeepsTheText() {
        var d = ScreenDriver(.rapporteur, .pitch)
        d.key(.function(6)); d.key(.function(6)); d.key(.function(6)); d.key(.function(6))
        #expect(d.console.rapporteur.kind == .recommendation)
        d.type("Associer les femmes")
        d.key(.enter)
        d.type("Toutes les communes")
        d.key(.escape)
        #expect(d.console.rapporteur.form == nil)
        #expect(d.console.rapporteur.editor.text == "Associer les femmes")
        // Opening it again gives the fields back.
        d.key(.enter)
        #expect(d.console.rapporteur.form?["addressee"]?.text == "Toutes les communes")
        #expect(
            d.key(.ctrl("s"))
                == .record(
                    EntryContent(
                        kind: .recommendation, text: "Associer les femmes",
                        addressee: "Toutes les communes")))
    }

    @Test func anActionNeedsSomeoneResponsible() {
        var d = ScreenDriver(.rapporteur, .commitments)
        d.type("/a Transmettre les fiches")
        d.key(.enter)
        #expect(d.key(.ctrl("s")) == nil)
        #expect(d.console.message?.text == "Une action demande un responsable.")
        #expect(d.console.rapporteur.form?.current == 0)
        d.type("ADR Ségou")
        d.key(.down)
        d.key(.enter)
        d.type("2023-11-30")
        #expect(
            d.key(.enter)
                == .record(
                    EntryContent(
                        kind: .action, text: "Transmettre les fiches", responsible: "ADR Ségou",
                        due: "2023-11-30")))
    }

    @Test func theCommitmentFormBuildsTheWholeEntry() {
        var d = ScreenDriver(.rapporteur, .commitments)
        d.type("/e ")
        d.key(.enter)
        #expect(d.console.rapporteur.formKind == .commitment)
        #expect(
            d.console.rapporteur.form!.fields.map(\.id) == [
                "partner", "fiche", "nature", "amount", "currency", "status", "conditions", "due",
            ])
        d.type("unicef")
        d.key(.down); d.key(.enter)
        #expect(d.console.rapporteur.form?["partner"]?.picked?.value == "unicef")
        d.type("die-01")
        d.key(.down); d.key(.enter)
        #expect(d.lines().contains { $0.hasPrefix(" Devise     : FCFA (devise de la fiche DIE-01)") })
        d.key(.enter)  // nature: financier
        d.type("2 500 000")
        d.key(.enter)
        d.key(.enter)  // currency: the fiche's
        d.key(.right); d.key(.right)  // annoncé → intention → confirmé
        d.key(.enter)
        d.type("Étude de faisabilité préalable")
        d.key(.enter)
        d.type("fin 2023")
        let c = d.key(.enter)
        #expect(
            c
                == .record(
                    EntryContent(
                        kind: .commitment, text: "", due: "fin 2023", partner: "unicef", fiche: "DIE-01",
                        nature: .financial, amount: 2_500_000, currency: "FCFA", status: .confirmed,
                        conditions: "Étude de faisabilité préalable")))
        #expect(d.perform() == nil)
        let e = d.state.entries.last!
        #expect(e.content.amount == 2_500_000)
        #expect(e.content.text.hasPrefix("UNICEF :"))
    }

    @Test func aTypedPartnerAndFicheAreResolvedAndABadAmountKeepsTheForm() {
        var d = ScreenDriver(.rapporteur, .commitments)
        d.type("/e Appui de l'OMS")
        d.key(.enter)
        d.type("OMS")  // not picked: resolved on send
        d.key(.enter)
        d.type("KOU-01")
        d.key(.enter)
        d.key(.right)  // nature: technique
        d.key(.enter)
        d.type("2 5OO 000")
        #expect(d.key(.ctrl("s")) == nil)
        #expect(
            d.console.message?.text
                == "« 2 5OO 000 » n'est pas un montant : écrivez 2500000, 2 500 000 ou 2,5 millions.")
        #expect(d.console.rapporteur.form?.fields[d.console.rapporteur.form!.current].id == "amount")
        d.key(.ctrl("u"))
        d.type("2500000")
        let c = d.key(.ctrl("s"))
        #expect(
            c
                == .record(
                    EntryContent(
                        kind: .commitment, text: "Appui de l'OMS", partner: "oms", fiche: "KOU-01",
                        nature: .technical, amount: 2_500_000, currency: "FCFA", status: .announced)))
        // A technical commitment may go without an amount.
        d.key(.ctrl("u"))
        #expect(
            d.key(.ctrl("s"))
                == .record(
                    EntryContent(
                        kind: .commitment, text: "Appui de l'OMS", partner: "oms", fiche: "KOU-01",
                        nature: .technical, currency: "FCFA", status: .announced)))
    }

    @Test func anUnknownPartnerIsAMessageNotACommand() {
        var d = ScreenDriver(.rapporteur, .commitments)
        d.type("/e ")
        d.key(.enter)
        d.type("Banque mondiale")
        #expect(d.key(.ctrl("s")) == nil)
        #expect(d.console.message?.text.hasPrefix("Partenaire inconnu") == true)
    }

    // MARK: The list

    @Test func amendRetractAndAdoptTheSelectedEntry() throws {
        var d = ScreenDriver(.rapporteur, .debate)
        let inItem = d.state.entries.filter { $0.item == "d1-debat-ptf" }
        #expect(inItem.map(\.content.kind) == [.question, .answer, .decision])
        let answer = inItem[1]
        d.type("brouillon")
        d.key(.up)
        #expect(d.console.rapporteur.focus == .list)
        #expect(!d.console.rapporteur.isTyping)
        #expect(d.console.rapporteur.selected == inItem[2].id)
        d.key(.up)
        #expect(d.console.rapporteur.selected == answer.id)
        // m: amend.
        d.key(.char("m"))
        #expect(d.lines().contains { $0.contains("Amender l'entrée n°\u{00A0}\(answer.id)\u{00A0}? Entrée confirmer") })
        d.key(.enter)
        #expect(d.console.rapporteur.editor.text == answer.content.text)
        #expect(d.lines().contains { $0.hasPrefix(" Amendement n°\u{00A0}\(answer.id) ▸") })
        d.key(.end)
        d.type(" (à confirmer)")
        #expect(d.key(.enter) == nil)
        #expect(d.console.rapporteur.focus == .prompt)
        d.type("précision")
        let amended = answer.content.text + " (à confirmer)"
        #expect(d.key(.enter) == .amend(entry: answer.id, text: amended, reason: "précision", basedOn: answer.version))
        #expect(d.perform() == nil)
        #expect(d.console.rapporteur.editor.text == "brouillon", "the draft comes back")
        #expect(d.lines().contains { $0.contains("[amendé]") })
        // x: retract, with a reason.
        d.key(.up); d.key(.up)
        #expect(d.console.rapporteur.selected == answer.id)
        d.key(.char("x"))
        d.key(.enter)
        #expect(d.console.rapporteur.isTyping)
        #expect(d.key(.enter) == nil)
        #expect(d.console.message?.text == "Donnez une raison.")
        d.type("doublon")
        #expect(d.key(.enter) == .retract(entry: answer.id, reason: "doublon"))
        #expect(d.perform() == nil)
        #expect(d.lines().contains { $0.contains("[retiré : doublon · amendé]") })
        // Delete retracts too; v adopts.
        d.key(.up)
        #expect(d.console.rapporteur.selected == inItem[0].id)
        #expect(d.key(.char("v")) == nil, "v only names the entry")
        #expect(d.key(.enter) == .adopt(entry: inItem[0].id))
        #expect(d.perform() == nil)
        #expect(d.lines().contains { $0.contains("[adopté]") })
        d.key(.down); d.key(.down)
        #expect(d.console.rapporteur.selected == inItem[2].id)
        d.key(.delete)
        d.key(.enter)
        d.type("erreur")
        #expect(d.key(.enter) == .retract(entry: inItem[2].id, reason: "erreur"))
        // Esc leaves the prompt, then the list; ↓ past the end also goes back to the input.
        d.key(.escape)
        #expect(d.console.rapporteur.focus == .list)
        d.key(.down)
        #expect(d.console.rapporteur.focus == .input)
        #expect(d.console.rapporteur.editor.text == "brouillon")
    }

    @Test func aRetractedEntryCanNoLongerChange() {
        var d = ScreenDriver(.rapporteur, .debate)
        let last = d.state.entries.last!
        d.perform(.retract(entry: last.id, reason: "doublon"))
        d.key(.up)
        #expect(d.key(.char("v")) == nil)
        #expect(d.console.message?.text == "Cette entrée est retirée : elle ne peut plus changer.")
        #expect(d.key(.char("m")) == nil)
        #expect(d.console.rapporteur.amending == nil)
    }

    @Test func escCancelsAnAmendmentAndGivesTheDraftBack() {
        var d = ScreenDriver(.rapporteur, .debate)
        d.type("mon brouillon")
        d.key(.up)
        d.key(.char("m"))
        d.key(.enter)
        #expect(d.console.rapporteur.amending != nil)
        d.key(.escape)
        #expect(d.console.rapporteur.amending == nil)
        #expect(d.console.rapporteur.editor.text == "mon brouillon")
    }

    @Test("In list mode u is text, not undo: « vacuum » typed there undoes nothing and comes back whole")
    func uInTheListIsText() {
        var d = ScreenDriver(.rapporteur, .debate)
        #expect(d.perform(.addParticipant(Participant(id: "cafo", function: "Présidente CAFO"))) == nil)
        let before = d.state
        d.key(.up)
        for c in "vacuum" { #expect(d.key(.char(c)) == nil, "\(c)") }
        #expect(d.console.undoArmed == nil, "no undo asked")
        #expect(d.state == before, "nothing undone")
        d.key(.escape)
        #expect(d.console.rapporteur.editor.text == "vacuum", "every letter typed into the list comes back")
        // Undo stays at hand in the list with Ctrl-Z.
        d.key(.up)
        d.key(.ctrl("z"))
        #expect(d.console.undoArmed != nil)
    }

    @Test("Text typed into the list records nothing: « vexant » after ↑ neither adopts nor retracts")
    func textTypedIntoTheListRecordsNothing() {
        var d = ScreenDriver(.rapporteur, .debate)
        let before = d.state.entries
        d.key(.up)
        #expect(d.lines().contains { $0.contains("Mode liste : ↑/↓ choisir · m amender · x retirer · v adopter") })
        for c in "vexant" { #expect(d.key(.char(c)) == nil, "\(c)") }
        #expect(d.key(.enter) == nil)
        #expect(d.console.rapporteur.focus == .list, "leaving the list takes Esc")
        #expect(d.console.message?.text.hasPrefix("Mode liste") == true)
        #expect(d.console.rapporteur.stray == "vexant")
        // Commands stay locked until a move: x then Enter does nothing either.
        #expect(d.key(.char("x")) == nil)
        #expect(d.key(.enter) == nil)
        #expect(d.console.rapporteur.prompt == nil)
        #expect(
            d.console.message?.text
                == "Mode liste : rien n'est enregistré — Échap pour reprendre « vexantx » dans la saisie")
        #expect(d.state.entries == before)
        // A paste in the list is not typed anywhere and runs nothing.
        _ = d.console.update(.input(.paste("v")), state: d.state, now: d.now)
        #expect(d.console.message?.text == "Collage ignoré : aucun champ de saisie n'a le focus")
        d.key(.escape)
        #expect(d.console.rapporteur.focus == .input)
        #expect(d.console.rapporteur.editor.text == "vexantx", "what was typed into the list comes back")
        d.key(.ctrl("u"))
        // A paste too long leaves the field as it was, and says why.
        _ = d.console.update(.input(.paste("Début ")), state: d.state, now: d.now)
        _ = d.console.update(.input(.pasteTooLong), state: d.state, now: d.now)
        #expect(d.console.rapporteur.editor.text == "Début ")
        #expect(d.console.message?.text.hasPrefix("Collage trop long (plus de 64 Kio) : rien n'a été collé") == true)
        d.key(.ctrl("u"))
        _ = d.console.update(.input(.paste("/d Vu")), state: d.state, now: d.now)
        #expect(d.key(.enter) == .record(EntryContent(kind: .decision, text: "Vu")))
        // The same in English.
        var e = ScreenDriver(.rapporteur, .debate, language: .en)
        e.key(.up)
        #expect(
            e.lines().contains {
                $0.contains("List mode: ↑/↓ choose · m amend · x retract · v adopt · Esc back to typing")
            })
        e.key(.char("v"))
        #expect(e.lines().contains { $0.contains("Adopt entry #") && $0.contains("Enter to confirm · Esc to cancel") })
        e.key(.escape)
        #expect(e.console.rapporteur.focus == .list && e.console.rapporteur.armed == nil)
    }

    @Test("A suggestion field takes the only match on Enter and refuses an ambiguous one at the field")
    func suggestionFields() {
        var d = ScreenDriver(.rapporteur, .debate)
        d.type("/a Relancer les PTF")
        d.key(.enter)
        d.type("ADR")
        #expect(d.key(.enter) == nil)
        #expect(d.console.message?.text == "Plusieurs correspondances : en choisir une avec ↓ puis Entrée")
        #expect(d.console.rapporteur.form?.current == 0, "still on the field")
        d.key(.down)
        d.key(.enter)
        #expect(d.console.rapporteur.form?.current == 1)
        #expect(d.console.rapporteur.form?["responsible"]?.picked != nil)
    }

    @Test func withNoItemRunningTheLastItemIsListed() {
        var d = ScreenDriver(.rapporteur, .debate)
        d.perform(.yieldFloor, seat: "facilitator")
        d.perform(.endItem, seat: "facilitator")
        let scope = RapporteurScreen.scope(d.state)
        #expect(scope.item == "d1-debat-ptf" && !scope.running)
        #expect(scope.entries.count == 3)
        d.type("Note hors point")
        d.key(.enter)
        d.perform()
        #expect(d.state.entries.last?.item == nil)
        #expect(RapporteurScreen.scope(d.state).entries.count == 4)
        #expect(
            d.lines().contains {
                $0.contains("Dernier point : Échanges sur les programmes des partenaires · 4 entrées")
            })
    }

    @Test func theWholeRecordCanBeReadBackAndAdopted() {
        var d = ScreenDriver(.rapporteur, .commitments)
        for n in 1...40 { #expect(d.perform(.record(EntryContent(kind: .note, text: "Note \(n)"))) == nil) }
        d.key(.function(8))
        let all = d.state.entries.count
        #expect(d.lines().contains { $0.contains("Tout le compte rendu · \(all) entrées") })
        // Back up to the decision of the first day and adopt it.
        let target = d.state.entries.first { $0.content.text.hasPrefix("Les communes transmettront") }!
        let stepsBack = d.state.entries.count - d.state.entries.firstIndex { $0.id == target.id }!
        for _ in 0..<stepsBack { d.key(.up) }
        #expect(d.key(.char("v")) == nil)
        #expect(d.key(.enter) == .adopt(entry: target.id))
    }

    @Test func theCursorIsInTheActiveInput() {
        var d = ScreenDriver(.rapporteur, .debate)
        d.type("abc")
        let c = d.cursor()
        #expect(c?.y == 20)
        #expect(d.lines()[20].hasPrefix(" Note ▸ abc"))
        #expect(c?.x == TextWidth.width(of: " Note ▸ abc"))
        d.key(.up)
        #expect(d.cursor() == nil)
    }

    @Test func controlCharactersInEntriesAreShownAsPlaceholders() {
        var d = ScreenDriver(.rapporteur, .debate)
        d.perform(.record(EntryContent(kind: .note, text: "avant\u{1B}[2Japrès")))
        #expect(d.lines().contains { $0.contains("avant␛[2Japrès") })
    }

    // MARK: Snapshots

    @Test func snapshots() {
        Snapshot.check(Snapshot.render(.rapporteur, .before, width: 80, height: 24), "rapporteur-before-80x24")
        Snapshot.check(Snapshot.render(.rapporteur, .debate, width: 80, height: 24), "rapporteur-debate-80x24")
        Snapshot.check(Snapshot.render(.rapporteur, .pitch, width: 120, height: 40), "rapporteur-pitch-120x40")
        Snapshot.check(
            Snapshot.render(.rapporteur, .commitments, width: 80, height: 24, language: .en),
            "rapporteur-commitments-80x24-en")
        Snapshot.check(
            Snapshot.render(.rapporteur, .commitments, width: 120, height: 40), "rapporteur-commitments-120x40")
        Snapshot.check(Snapshot.render(.rapporteur, .pitch, width: 40, height: 12), "rapporteur-pitch-40x12")
        Snapshot.check(
            Snapshot.render(.rapporteur, .commitments, width: 60, height: 20), "rapporteur-commitments-60x20")
    }

    @Test func helpSnapshot() {
        var d = ScreenDriver(.rapporteur, .debate)
        d.type("en cours")
        d.key(.function(9))
        Snapshot.check(d.lines(width: 120, height: 40), "rapporteur-help-120x40")
        d.key(.escape)
        #expect(d.console.rapporteur.editor.text == "en cours")
    }

    @Test func snapshotsOfTheFormsAndTheList() {
        var d = ScreenDriver(.rapporteur, .pitch)
        d.type("/e Appui à la commune de Diéli")
        d.key(.enter)
        d.type("unicef")
        d.key(.down); d.key(.enter)
        d.type("die")
        d.key(.down)
        Snapshot.check(d.lines(), "rapporteur-pitch-commitment-form-80x24")
        Snapshot.check(d.lines(width: 40, height: 12), "rapporteur-pitch-commitment-form-40x12")
        // In English: “Partner:”, no space before the colon, and English digit grouping in the hints.
        var en = ScreenDriver(.rapporteur, .pitch, language: .en)
        en.type("/e Support to the commune of Diéli")
        en.key(.enter)
        Snapshot.check(en.lines(), "rapporteur-pitch-commitment-form-80x24-en")
        let form = en.lines().joined(separator: "\n")
        #expect(form.contains(" Partner:      ") && !form.contains("Partner :"), "\(form)")
        var e = ScreenDriver(.rapporteur, .pitch, language: .en)
        e.key(.up); e.key(.up)
        Snapshot.check(e.lines(width: 120, height: 40), "rapporteur-pitch-list-120x40-en")
        // The selected entry is set apart, shown whole.
        let rows = e.console.render(state: e.state, now: e.now, size: Size(width: 120, height: 40)).grid
        let y = rows.lines().firstIndex { $0.hasPrefix("  95 Recomm.") }!
        #expect(rows.roles(row: y).allSatisfy { $0 == .selection })
        #expect(rows.roles(row: y - 1).allSatisfy { $0 != .selection })
        e.key(.char("x"))
        e.key(.enter)
        e.type("Duplicate")
        Snapshot.check(e.lines(), "rapporteur-pitch-retract-80x24-en")
    }
}

@Suite("Rapporteur screen: structured amendments")
struct StructuredAmendmentScreenTests {
    @Test("Amending a commitment opens its form pre-filled; a changed amount is sent as a field correction")
    func amendACommitmentsAmount() throws {
        var d = ScreenDriver(.rapporteur, .commitments)
        for n in 1...40 { #expect(d.perform(.record(EntryContent(kind: .note, text: "Note \(n)"))) == nil) }
        d.key(.function(8))  // the whole record
        let target = try #require(
            d.state.entries.last { $0.content.kind == .commitment && $0.content.amount != nil && $0.retracted == nil })
        d.key(.up)
        while d.console.rapporteur.selected != target.id, d.console.rapporteur.focus == .list {
            let before = d.console.rapporteur.selected
            d.key(.up)
            if d.console.rapporteur.selected == before { break }
        }
        #expect(d.console.rapporteur.selected == target.id)
        d.key(.char("m"))
        d.key(.enter)
        #expect(d.console.rapporteur.amending == target.id)
        #expect(d.key(.enter) == nil)
        let form = try #require(d.console.rapporteur.form)
        #expect(form["amount"]?.text == target.content.amount.map(String.init))
        #expect(form["partner"]?.picked?.value == target.content.partner)
        // Go to the amount field and type a new one.
        while d.console.rapporteur.form?.fields[d.console.rapporteur.form!.current].id != "amount" { d.key(.down) }
        d.key(.ctrl("u"))
        d.type("45 000 000")
        d.key(.ctrl("s"))
        #expect(d.console.rapporteur.focus == .prompt)
        d.type("montant corrigé")
        let c = d.key(.enter)
        #expect(
            c
                == .amend(
                    entry: target.id, text: target.content.text, reason: "montant corrigé", basedOn: target.version,
                    changes: EntryChanges(amount: 45_000_000)))
        #expect(d.perform() == nil)
        #expect(d.state.entry(target.id)?.content.amount == 45_000_000)
        #expect(d.console.rapporteur.amending == nil && d.console.rapporteur.form == nil)
    }
}

@Suite("Rapporteur screen: choice fields")
struct ChoiceFieldTests {
    @Test("A sentence typed into a choice field changes nothing: the status stays « annoncé »")
    func textInAChoiceField() throws {
        var d = ScreenDriver(.rapporteur, .commitments)
        d.type("/e La coopération suisse annonce")
        d.key(.enter)
        var guardCount = 0
        while d.console.rapporteur.form.map({ $0.fields[$0.current].id }) != "status", guardCount < 12 {
            d.key(.down)
            guardCount += 1
        }
        let before = try #require(d.console.rapporteur.form?["status"]?.choice)
        d.type("sous réserve de l'étude 1 500 000")
        #expect(d.console.rapporteur.form?["status"]?.choice == before)
        #expect(d.console.message?.text.hasPrefix("Champ à choix : ←/→ pour choisir") == true)
        d.key(.right)
        #expect(d.console.rapporteur.form?["status"]?.choice == before + 1)
    }

    @Test(
        "A long entry cut with … keeps its marks: amended and adopted say so however long the text",
        arguments: [Language.fr, .en])
    func marksSurviveTheCut(language: Language) throws {
        var d = ScreenDriver(.rapporteur, .debate, language: language)
        let long = (1...60).map { "Intervention longue numéro \($0) sur la fiche" }.joined(separator: " ")
        #expect(d.perform(.record(EntryContent(kind: .note, text: long))) == nil)
        let id = try #require(d.state.entries.last?.id)
        #expect(d.perform(.amend(entry: id, text: long + " (corrigé)", reason: "faute")) == nil)
        let L = Labels(language)
        for width in [80, 120] {
            let shown = d.lines(width: width, height: 30).joined(separator: "\n")
            #expect(shown.contains("Intervention longue numéro 1 "), "\(shown)")
            #expect(shown.contains("… [" + L[.rapAmended] + "]"), "width \(width):\n\(shown)")
        }
    }

    @Test("Home in the whole list shows the first entries from the top of the room, not the first one alone")
    func homeFillsTheRoom() throws {
        var d = ScreenDriver(.rapporteur, .commitments)
        for n in 1...40 { #expect(d.perform(.record(EntryContent(kind: .note, text: "Note \(n)"))) == nil) }
        d.key(.function(8))
        d.key(.up)
        d.key(.home)
        let first = try #require(d.console.rapporteur.selected)
        let lines = d.lines(width: 100, height: 30)
        let ids = Set(d.state.entries.map(\.id))
        // Entry rows begin with their number, right-aligned.
        let shown = lines.compactMap { line -> Int? in
            let head = line.drop { $0 == " " }.prefix { $0.isNumber }
            return Int(head).flatMap { ids.contains($0) ? $0 : nil }
        }
        #expect(shown.first == first, "\(lines.joined(separator: "\n"))")
        #expect(shown.count >= 5, "the room is filled below the first entry: \(shown)")
    }
}
