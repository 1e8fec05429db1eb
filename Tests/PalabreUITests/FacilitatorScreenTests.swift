import Foundation
import Testing

@testable import PalabreCore
@testable import PalabreUI

@Suite("Facilitator screen")
struct FacilitatorScreenTests {
    // MARK: Snapshots

    @Test(arguments: SegouMoments.Moment.allCases)
    func snapshots80x24(_ moment: SegouMoments.Moment) {
        Snapshot.check(
            Snapshot.render(.facilitator, moment, width: 80, height: 24), "facilitator-\(moment.rawValue)-80x24")
    }

    @Test(arguments: SegouMoments.Moment.allCases)
    func snapshots120x40(_ moment: SegouMoments.Moment) {
        Snapshot.check(
            Snapshot.render(.facilitator, moment, width: 120, height: 40), "facilitator-\(moment.rawValue)-120x40")
    }

    @Test(arguments: [SegouMoments.Moment.debate, .pitch])
    func snapshots200x60(_ moment: SegouMoments.Moment) {
        Snapshot.check(
            Snapshot.render(.facilitator, moment, width: 200, height: 60), "facilitator-\(moment.rawValue)-200x60")
    }

    @Test func onALargeScreenTheCountdownAndTheQueueGrowAndNamesAreWhole() {
        let lines = Snapshot.render(.facilitator, .debate, width: 200, height: 60)
        // The countdown in the projector's digits twice the large font (10 rows): full pixel
        // rows 12 columns wide, which the large font (6 columns a digit) never draws.
        #expect(lines.filter { $0.contains("████████████") }.count >= 4)
        #expect(
            Snapshot.render(.facilitator, .debate, width: 120, height: 40).allSatisfy { !$0.contains("████████████") })
        for name in ["Représentant de l'UNICEF (UNICEF)", "Maire de Timissa (Timissa)", "Représentante du PAM"] {
            #expect(lines.contains { $0.contains(name) }, "\(name) whole at 200×60")
        }
        #expect(!lines.joined().contains("(UNI…"), "no name cut with room to spare")
    }

    @Test(arguments: [SegouMoments.Moment.debate, .pitch])
    func snapshotsInEnglish(_ moment: SegouMoments.Moment) {
        Snapshot.check(
            Snapshot.render(.facilitator, moment, width: 80, height: 24, language: .en),
            "facilitator-\(moment.rawValue)-80x24-en")
    }

    @Test(arguments: [SegouMoments.Moment.before, .debate, .pitch])
    func compactSnapshots(_ moment: SegouMoments.Moment) {
        Snapshot.check(
            Snapshot.render(.facilitator, moment, width: 40, height: 12), "facilitator-\(moment.rawValue)-40x12")
        Snapshot.check(
            Snapshot.render(.facilitator, moment, width: 60, height: 20), "facilitator-\(moment.rawValue)-60x20")
    }

    @Test func snapshotsOfThePromptsAndTheQueueFocus() {
        var d = Driver(.debate)
        _ = d.press(.char("a"))
        d.type("koula")
        _ = d.press(.down)
        Snapshot.check(d.lines(width: 80, height: 24), "facilitator-debate-search-80x24")
        Snapshot.check(d.lines(width: 40, height: 12), "facilitator-debate-search-40x12")
        _ = d.press(.escape)
        _ = d.press(.right)
        _ = d.press(.down)
        Snapshot.check(d.lines(width: 80, height: 24), "facilitator-debate-queue-80x24")
        Snapshot.check(d.lines(width: 40, height: 12), "facilitator-debate-queue-40x12")
        var e = Driver(.pitch, language: .en)
        _ = e.press(.char("i"))
        e.type("Intervention du Préfet")
        _ = e.press(.enter)
        e.type("10")
        Snapshot.check(e.lines(width: 80, height: 24), "facilitator-pitch-insert-80x24-en")
    }

    @Test func aDoneItemShowsHowLongItReallyTookAndAPlannedOneItsTimeBox() {
        var (s, _) = SegouMoments.state(.opening)
        let at = SegouMoments.at("2023-10-17", 9, 8)
        for p in try! s.decide(.endItem, at: at) { s.evolve(Event(seq: s.lastSeq + 1, at: at, seat: "f", payload: p)) }
        let lines = Console(screen: .facilitator, language: .fr).render(
            state: s, now: at.adding(seconds: 30), size: Size(width: 80, height: 24)
        ).grid.lines()
        let opening = lines.first { $0.contains("Cérémonie d'ouverture") } ?? ""
        #expect(opening.contains("2m ✓"), "the opening held 2 minutes of its 45: \(opening)")
        let next = lines.first { $0.contains(" 09:45 ") } ?? ""
        #expect(next.contains("15m ·"), "a planned item shows its time-box: \(next)")
    }

    @Test func aPromptShowsAtEverySize() {
        var d = Driver(.debate)
        _ = d.press(.char("a"))
        d.type("koula")
        for w in [40, 55, 79, 80, 120] {
            for h in [12, 14, 20, 24, 40] {
                let lines = d.lines(width: w, height: h)
                #expect(lines.contains { $0.hasPrefix("› koula") }, "\(w)×\(h)")
                #expect(lines.contains { $0.contains("Koula (commune)") }, "\(w)×\(h)")
            }
        }
    }

    // MARK: Keys

    @Test func spacePausesARunningItemAndResumesAPausedOne() {
        var d = Driver(.debate)
        #expect(d.press(.char(" ")) == .pauseItem)
        var p = Driver(.pitch)
        #expect(p.press(.char(" ")) == .resumeItem)
    }

    @Test func agendaKeysGiveTheirCommands() {
        var d = Driver(.debate)
        // Requests are waiting: the first t says so, the second ends the item.
        #expect(d.press(.char("t")) == nil)
        #expect(d.press(.char("t")) == .endItem)
        #expect(d.press(.char("p")) == .extendItem(seconds: 60))
        #expect(d.press(.char("+")) == .extendItem(seconds: 60))
        #expect(d.press(.char("P")) == .extendItem(seconds: 300))
        // While the item runs, the first F says so and arms nothing; with the item paused, ending
        // the day asks for a second press.
        #expect(d.press(.char("F")) == nil)
        #expect(d.press(.char("F")) == nil, "a refused first press does not arm the second")
        var paused = Driver(.pitch)
        #expect(paused.press(.char("F")) == nil)
        #expect(paused.press(.char("F")) == .endDay)
        // `-` shortens the item by a minute.
        #expect(d.press(.char("-")) == .extendItem(seconds: -60))
        // The cursor follows the running item: skip refuses to guess, start takes the next planned item.
        #expect(d.press(.char("s")) == nil)
        #expect(d.press(.char("d")) == .startItem(id: nil))
        // Moved down onto the synthesis, they act on it.
        #expect(d.press(.down) == nil)
        #expect(d.press(.char("s")) == .skipItem(id: "d1-synthese"))
        #expect(d.press(.char("d")) == .startItem(id: "d1-synthese"))

        var b = Driver(.before)
        #expect(b.press(.char("B")) == .startDay(date: nil))
        #expect(b.press(.char("d")) == .startItem(id: "d1-accueil"))
    }

    @Test func floorKeysGiveTheirCommands() {
        var d = Driver(.debate)
        #expect(d.press(.enter) == .giveFloor(who: nil))
        #expect(d.press(.char("r")) == .yieldFloor)
        // Removing needs the queue's focus: the first press only moves the focus there.
        #expect(d.press(.char("x")) == nil)
        #expect(d.console.facilitator.focus == .queue)
        #expect(d.console.message?.text.contains("↑/↓") == true)
        #expect(d.press(.char("x")) == .removeSpeaker(who: "sg-koula"))
        #expect(d.press(.char(">")) == .reorderSpeaker(who: "sg-koula", position: 1))
        #expect(d.press(.down) == nil)
        #expect(d.press(.enter) == .giveFloor(who: "sg-diora"))
        #expect(d.press(.delete) == .removeSpeaker(who: "sg-diora"))
        #expect(d.press(.char("<")) == .reorderSpeaker(who: "sg-diora", position: 0))
        #expect(d.press(.left) == nil)
        #expect(d.console.facilitator.focus == .agenda)
        #expect(d.press(.enter) == .giveFloor(who: nil))
    }

    @Test func aReorderedRequestKeepsTheSelection() {
        var d = Driver(.debate)
        _ = d.press(.right)
        #expect(d.press(.char(">")) == .reorderSpeaker(who: "sg-koula", position: 1))
        d.record(.reorderSpeaker(who: "sg-koula", position: 1))
        #expect(d.state.queue.map(\.who) == ["sg-diora", "sg-koula", "rep-unicef", "maire-sy"])
        #expect(d.press(.char("x")) == .removeSpeaker(who: "sg-koula"))
    }

    @Test func theSpeakerSearchResolvesWithoutCaseOrAccents() {
        var d = Driver(.debate)
        #expect(d.press(.char("a")) == nil)
        #expect(d.console.facilitator.isTyping)
        d.type("koula")
        // Typing goes to the prompt, never to bindings: « a », « t » or « q » are letters here.
        #expect(d.console.facilitator.promptText == "koula")
        #expect(!d.console.quitRequested)
        let lines = d.lines(width: 80, height: 24)
        #expect(lines.contains { $0.contains("Maire de Koula (Koula)") })
        #expect(lines.contains { $0.contains("SG de Koula (Koula)") })
        // « koula » is exactly the commune's name: that is the one match resolve(who:) takes.
        #expect(d.press(.enter) == .requestFloor(who: "koula", pointOfOrder: false))
    }

    @Test func arrowsChooseAmongTheCandidates() {
        var d = Driver(.debate)
        _ = d.press(.char("a"))
        d.type("KOULA")
        _ = d.press(.down)
        _ = d.press(.down)
        #expect(d.press(.enter) == .requestFloor(who: "maire-koula", pointOfOrder: false))
    }

    @Test func aPointOfOrderUsesTheSameSearch() {
        var d = Driver(.debate)
        _ = d.press(.char("o"))
        d.type("maire de timissa")
        #expect(d.press(.enter) == .requestFloor(who: "maire-timissa", pointOfOrder: true))
        d.record(.requestFloor(who: "maire-timissa", pointOfOrder: true))
        #expect(d.state.queue.map(\.who).prefix(2) == ["sg-koula", "maire-timissa"])
        // The prompt stays open, cleared, for another point of order; Esc closes it.
        #expect(d.console.facilitator.isTyping)
        #expect(d.console.facilitator.promptText == "")
        d.type("maire de koula")
        #expect(d.press(.enter) == .requestFloor(who: "maire-koula", pointOfOrder: true))
        _ = d.press(.escape)
        #expect(!d.console.facilitator.isTyping)
    }

    @Test func anAmbiguousSearchSaysSoAndKeepsThePrompt() {
        var d = Driver(.debate)
        _ = d.press(.char("a"))
        d.type("maire")
        #expect(d.press(.enter) == nil)
        #expect(d.console.message?.isError == true)
        #expect(d.console.message?.text.contains("plusieurs") == true)
        #expect(d.console.facilitator.promptText == "maire")
        _ = d.press(.escape)
        #expect(!d.console.facilitator.isTyping)
        #expect(d.console.facilitator.promptText == "")
    }

    @Test func thePromptSurvivesARefusalAndClearsOnceRecorded() {
        var d = Driver(.debate)
        _ = d.press(.char("a"))
        d.type("sg de diora")
        let c = d.press(.enter)
        #expect(c == .requestFloor(who: "sg-diora", pointOfOrder: false))
        // SG de Diora is already in the queue: refused.
        d.record(c!)
        #expect(d.console.message?.isError == true)
        #expect(d.console.facilitator.isTyping)
        #expect(d.console.facilitator.promptText == "sg de diora")
        _ = d.press(.ctrl("u"))
        d.type("maire de koula")
        let again = d.press(.enter)
        #expect(again == .requestFloor(who: "maire-koula", pointOfOrder: false))
        d.record(again!)
        // Recorded: the prompt is cleared for the next requester, and Enter on the empty line closes it.
        #expect(d.console.facilitator.isTyping)
        #expect(d.console.facilitator.promptText == "")
        #expect(d.state.queue.last?.who == "maire-koula")
        #expect(d.press(.enter) == nil)
        #expect(!d.console.facilitator.isTyping)
        #expect(d.console.message == nil)
    }

    @Test func severalRequestersAreAddedInOnePromptUntilEsc() {
        var d = Driver(.debate)
        let before = d.state.queue.count
        _ = d.press(.char("a"))
        for name in ["maire de koula", "maire de timissa", "sg de dieli"] {
            d.type(name)
            let c = d.press(.enter)
            #expect(c != nil, "Enter on « \(name) » asks for a request")
            if let c { d.record(c) }
            #expect(d.console.facilitator.isTyping, "the prompt stays open after « \(name) »")
            #expect(d.console.facilitator.promptText == "")
        }
        #expect(d.state.queue.count == before + 3)
        #expect(d.state.queue.suffix(3).map(\.who) == ["maire-koula", "maire-timissa", "sg-dieli"])
        #expect(d.lines(width: 80, height: 24).contains { $0.contains("(3 demandes ajoutées)") })
        _ = d.press(.escape)
        #expect(!d.console.facilitator.isTyping)
        #expect(d.state.queue.count == before + 3)
    }

    @Test func enterOnAnEmptyLineClosesTheRequesterPromptWithoutARefusal() {
        var d = Driver(.debate)
        _ = d.press(.char("a"))
        #expect(d.press(.enter) == nil)
        #expect(!d.console.facilitator.isTyping)
        #expect(d.console.message == nil)
    }

    @Test func aWalkInFromThePromptGoesBackToItForTheNextRequester() {
        var d = Driver(.debate)
        _ = d.press(.char("a"))
        d.type("Cheffe de quartier")
        #expect(d.press(.enter) == nil)
        d.type("koula F")
        let c = d.press(.enter)
        guard case .requestFloorAsWalkIn? = c else {
            Issue.record("no walk-in asked for: \(String(describing: c))")
            return
        }
        d.record(c!)
        #expect(d.state.queue.last?.who.hasPrefix("walkin-") == true)
        #expect(d.console.facilitator.isTyping)
        #expect(
            d.lines(width: 80, height: 24).contains { $0.contains("Orateur — quelques lettres (1 demande ajoutée)") })
        d.type("maire de koula")
        #expect(d.press(.enter) == .requestFloor(who: "maire-koula", pointOfOrder: false))
    }

    @Test(arguments: [Language.fr, .en])
    func theSuggestionsSayHowManyMoreMatch(_ language: Language) {
        var d = Driver(.debate, language: language)
        _ = d.press(.char("a"))
        d.type("maire")
        let all = MeetingView.candidates(d.state, "maire", limit: .max).count
        #expect(all > 7, "the sample has many mayors")
        let more = language == .fr ? "+\(all - 5) autres" : "+\(all - 5) more"
        #expect(d.lines(width: 80, height: 24).contains { $0.hasSuffix(more + " ") || $0.contains(more) })
        #expect(d.lines(width: 40, height: 12).contains { $0.contains("+\(all - 2) ") })
        // Few enough matches: no count.
        _ = d.press(.ctrl("u"))
        d.type("koula")
        #expect(
            !d.lines(width: 80, height: 24).contains {
                $0.contains("+") && $0.contains(language == .fr ? "autre" : "more")
            })
    }

    @Test func theQueueShowsHowLongEachRequestHasWaited() {
        var d = Driver(.debate)
        // 16:05:12; requests at 16:02 (point of order), 15:58, 15:59 and 16:00.
        let lines = d.lines(width: 120, height: 40)
        for (name, waited) in [
            ("SG de Koula", "3 min"), ("SG de Diora", "7 min"), ("Représentant de l'UNICEF", "6 min"),
            ("Maire de Sy", "5 min"),
        ] {
            #expect(lines.contains { $0.contains(name) && $0.hasSuffix(waited) }, "\(name) waited \(waited)")
        }
        d.record(.requestFloor(who: "maire-koula", pointOfOrder: false))
        #expect(d.lines(width: 120, height: 40).contains { $0.contains("Maire de Koula") && $0.hasSuffix("< 1 min") })
        // Computed from the state at each frame: a minute later, a minute more.
        d.now = d.now.adding(seconds: 60)
        #expect(d.lines(width: 120, height: 40).contains { $0.contains("Maire de Koula") && $0.hasSuffix("1 min") })
        #expect(d.lines(width: 120, height: 40).contains { $0.contains("SG de Diora") && $0.hasSuffix("8 min") })
    }

    /// The debate with the point of order of the SG de Koula given the floor, and a request just made.
    static func orderSpeaking(_ language: Language) -> Driver {
        var d = Driver(.debate, language: language)
        d.record(.giveFloor(who: nil))
        d.record(.requestFloor(who: "maire-koula", pointOfOrder: false))
        return d
    }

    @Test(arguments: [Language.fr, .en])
    func aPointOfOrderKeepsItsMarkWhileItsAuthorHasTheFloor(_ language: Language) {
        var d = Self.orderSpeaking(language)
        #expect(d.state.currentTurn?.who == "sg-koula")
        #expect(d.state.currentTurn?.pointOfOrder == true)
        let poo = language == .fr ? "MO" : "PoO"
        for (w, h) in [(80, 24), (120, 40), (200, 60), (60, 20), (40, 12)] {
            #expect(d.lines(width: w, height: h).contains { $0.contains("▶ " + poo + " SG de Koula") }, "\(w)×\(h)")
        }
        // F4, the speaking balance, names the speaker with the mark; F5, the projector, too.
        var balance = d
        balance.console.screen = .balance
        let mark = language == .fr ? "motion d'ordre" : "point of order"
        #expect(balance.lines(width: 80, height: 24).contains { $0.contains("SG de Koula (" + mark + ")") })
        var projector = d
        projector.console.screen = .projector
        #expect(projector.lines(width: 120, height: 40).contains { $0.contains(mark) })
        #expect(projector.lines(width: 80, height: 24).contains { $0.contains("▶ " + poo + " SG de Koula") })
        let suffix = language == .fr ? "" : "-en"
        Snapshot.check(d.lines(width: 80, height: 24), "facilitator-order-speaking-80x24" + suffix)
        Snapshot.check(d.lines(width: 120, height: 40), "facilitator-order-speaking-120x40" + suffix)
        Snapshot.check(d.lines(width: 200, height: 60), "facilitator-order-speaking-200x60" + suffix)
    }

    @Test func insertAsksATitleThenMinutes() {
        var d = Driver(.debate)
        _ = d.press(.char("i"))
        _ = d.press(.enter)
        #expect(d.console.message?.isError == true)
        d.type("Intervention du Préfet")
        #expect(d.press(.enter) == nil)
        #expect(
            d.lines(width: 80, height: 24).contains {
                $0.contains("Durée en minutes de « Intervention du Préfet »")
            })
        d.type("dix")
        #expect(d.press(.enter) == nil)
        #expect(d.console.message?.text.contains("« dix » n'est pas une durée") == true)
        _ = d.press(.ctrl("u"))
        d.type("10")
        let c = d.press(.enter)
        #expect(c == .insertItem(title: "Intervention du Préfet", seconds: 600, kind: .other, after: nil))
        d.record(c!)
        #expect(!d.console.facilitator.isTyping)
        let items = d.state.days[0].items.map(\.title)
        #expect(
            items.firstIndex(of: "Intervention du Préfet") == items.firstIndex(
                of: "Échanges sur les programmes des partenaires")! + 1)
    }

    @Test("An item inserted during the meeting shows no planned time, and does not move the day's published end")
    func insertedItemHasNoPlannedTime() throws {
        for language in [Language.fr, .en] {
            var d = Driver(.debate, language: language)
            let day = try #require(d.state.currentDay)
            let lastId = try #require(d.state.days[day].items.last?.id)
            let endLabel = language == .fr ? "Fin prévue" : "Planned end"
            let before = try #require(d.lines(width: 120, height: 40).first { $0.contains(endLabel) })
            let driftBefore = d.state.drift(day: day, at: d.now)
            d.record(.insertItem(title: "Motion de clôture", seconds: 1200, kind: .other, after: lastId))
            let lines = d.lines(width: 120, height: 40)
            let row = try #require(lines.first { $0.contains("Motion de clôture") })
            #expect(row.contains(language == .fr ? "ajout" : "added"), "\(row)")
            #expect(
                row.firstMatch(of: /\d\d:\d\d.*\d\d:\d\d.*Motion/) == nil, "one time only, the expected start: \(row)")
            let after = try #require(lines.first { $0.contains(endLabel) })
            let planned = /(Fin prévue|Planned end) \d\d:\d\d/
            #expect(after.firstMatch(of: planned)?.output.0 == before.firstMatch(of: planned)?.output.0, "\(after)")
            #expect(d.state.drift(day: day, at: d.now) == driftBefore + 20, "20 more minutes than announced")
        }
    }

    @Test func escapeCancelsAnyPrompt() {
        var d = Driver(.debate)
        _ = d.press(.char("i"))
        d.type("Un point")
        _ = d.press(.enter)
        _ = d.press(.escape)
        #expect(!d.console.facilitator.isTyping)
        // Keys act again (t asks first: requests are waiting).
        #expect(d.press(.char("t")) == nil)
        #expect(d.press(.char("t")) == .endItem)
    }

    @Test func moveTakesADayNumberOrDate() {
        var d = Driver(.debate)
        _ = d.press(.down)
        _ = d.press(.char("m"))
        #expect(d.console.facilitator.isTyping)
        d.type("9")
        #expect(d.press(.enter) == nil)
        #expect(d.console.message?.text.contains("1 = 2023-10-17, 2 = 2023-10-18, 3 = 2023-10-19") == true)
        _ = d.press(.backspace)
        d.type("2")
        let c = d.press(.enter)
        // Day 2 has not started: the item goes first.
        #expect(c == .moveItem(id: "d1-synthese", day: "2023-10-18", after: nil))
        d.record(c!)
        #expect(d.state.days[1].items.first?.id == "d1-synthese")

        // On the day under way, a moved item comes next, after what has already happened.
        var p = Driver(.pitch)
        for _ in 0..<8 { _ = p.press(.down) }
        let picked = p.console.facilitator.selectedItem(p.state)!.id
        _ = p.press(.char("m"))
        p.type("2023-10-18")
        #expect(p.press(.enter) == .moveItem(id: picked, day: "2023-10-18", after: "d2-pitch-dieli"))
    }

    @Test func moveRefusesAFixedItemBeforeAnythingIsTyped() {
        var d = Driver(.before)
        _ = d.press(.down)
        #expect(d.press(.char("m")) == nil)
        #expect(!d.console.facilitator.isTyping)
        #expect(d.console.message?.text.contains("point fixe") == true)
    }

    @Test func theSpeakingLimitPromptStartsFromTheLimitInForce() {
        var d = Driver(.debate)
        _ = d.press(.char("l"))
        #expect(d.console.facilitator.promptText == "3")
        _ = d.press(.backspace)
        d.type("1,5")
        #expect(d.press(.enter) == .setSpeakingLimit(seconds: 90))
        _ = d.press(.ctrl("u"))
        #expect(d.press(.enter) == .setSpeakingLimit(seconds: nil))
    }

    @Test func keysThatNeedAnItemSaySoWithoutAPrompt() {
        var d = Driver(.before)
        #expect(d.press(.char("a")) == nil)
        #expect(!d.console.facilitator.isTyping)
        #expect(d.console.message?.text.contains("Aucun point en cours") == true)
    }

    @Test func minutesAreReadTheWayPeopleTypeThem() {
        #expect(MeetingView.parseMinutes("10") == 600)
        #expect(MeetingView.parseMinutes("1,5") == 90)
        #expect(MeetingView.parseMinutes("1.5") == 90)
        #expect(MeetingView.parseMinutes("5 min") == 300)
        #expect(MeetingView.parseMinutes("1h30") == 5400)
        #expect(MeetingView.parseMinutes("2h") == 7200)
        #expect(MeetingView.parseMinutes("0") == nil)
        #expect(MeetingView.parseMinutes("-3") == nil)
        #expect(MeetingView.parseMinutes("dix") == nil)
    }

    @Test func helpSentencesFitTheHelpBoxOfAnEightyColumnTerminal() {
        for b in FacilitatorScreen.bindings {
            for lang in Language.allCases {
                let help = b.help(Labels(lang))
                #expect(TextWidth.width(of: help) <= 64, "\(b.action) [\(lang)]: \(help)")
            }
        }
        // On a 120×40 terminal the help lists every key of the screen, whole.
        var d = Driver(.debate)
        _ = d.press(.char("?"))
        Snapshot.check(d.lines(width: 80, height: 24), "facilitator-help-80x24")
        // At 80×24 the help says how many lines are below, and ↓ brings them up, the keys of
        // every screen last, wrapped whole on two rows (quit included).
        #expect(d.lines(width: 80, height: 24).joined().contains("↓ +5"))
        #expect(!d.lines(width: 80, height: 24).joined().contains("F1–F5 F11"))
        for _ in 0..<5 { _ = d.press(.down) }
        let scrolled = d.lines(width: 80, height: 24).joined(separator: "\n")
        #expect(
            scrolled.contains("F1–F5 F11") && scrolled.contains("^C/q/F10 quitter") && !scrolled.contains("↓ +"),
            "\(scrolled)")
        let lines = d.lines(width: 120, height: 40)
        for b in FacilitatorScreen.bindings {
            #expect(lines.contains { $0.contains(b.help(Labels(.fr))) }, "\(b.action)")
        }
    }

    // MARK: Timer roles

    /// Roles of the block-digit cells of the right-hand panel (the item countdown).
    static func countdownRoles(_ grid: Grid) -> Set<Role> {
        var roles = Set<Role>()
        for y in 0..<grid.height {
            for x in 47..<grid.width where "█▀▄".contains(grid[x: x, y: y].character) {
                roles.insert(grid[x: x, y: y].role)
            }
        }
        return roles
    }

    @Test func theItemCountdownWarnsInTheLastTwoMinutesThenShowsOvertime() {
        let (s, _) = SegouMoments.state(.opening)
        let end = s.run("d1-ouverture").startedAt!.adding(seconds: s.timeBox("d1-ouverture"))
        func render(_ now: Instant) -> (Grid, [String]) {
            var c = Console(screen: .facilitator, language: .fr)
            let g = c.render(state: s, now: now, size: Size(width: 80, height: 24)).grid
            return (g, g.lines())
        }
        #expect(Self.countdownRoles(render(end.adding(seconds: -121)).0) == [.timerOK])
        #expect(Self.countdownRoles(render(end.adding(seconds: -120)).0) == [.timerWarn])
        #expect(Self.countdownRoles(render(end).0) == [.timerWarn])
        let (over, lines) = render(end.adding(seconds: 65))
        #expect(Self.countdownRoles(over) == [.timerOver])
        #expect(lines.contains { $0.contains("Écoulé 46:05") })
        // The compact layout shows the overtime as text, in the same role.
        var c = Console(screen: .facilitator, language: .fr)
        let small = c.render(state: s, now: end.adding(seconds: 65), size: Size(width: 40, height: 12)).grid
        let row = try! #require(small.lines().firstIndex { $0.hasPrefix("+01:05") })
        #expect(small.roles(row: row).prefix(6).allSatisfy { $0 == .timerOver })
    }

    @Test func theSpeakerCountdownWarnsInTheLastThirtySeconds() throws {
        let (s, _) = SegouMoments.state(.debate)
        let turn = try #require(s.currentTurn)
        #expect(turn.limit == 180)
        func role(_ offset: Int) throws -> (String, Role) {
            var c = Console(screen: .facilitator, language: .fr)
            let g = c.render(
                state: s, now: turn.interval.start.adding(seconds: offset), size: Size(width: 80, height: 24)
            ).grid
            let y = try #require(g.lines().firstIndex { $0.contains("▶ Représentante du PAM") })
            // The countdown ends one column before the right edge.
            let text = String(g.lines()[y].split(separator: " ").last ?? "")
            return (text, g.roles(row: y)[78])
        }
        #expect(try role(149) == ("00:31", .timerOK))
        #expect(try role(150) == ("00:30", .timerWarn))
        #expect(try role(181) == ("+00:01", .timerOver))
    }

    // MARK: Days

    @Test func betweenDaysItSaysWhichDayToStart() {
        var d = Driver(.debate)
        for c in [Command.yieldFloor, .endItem, .skipItem(id: nil), .endDay] { d.record(c) }
        let lines = d.lines(width: 80, height: 24)
        #expect(lines.joined(separator: " ").contains("Appuyer sur B pour commencer la"))
        #expect(lines.joined(separator: " ").contains("mercredi 18 octobre 2023"))
        #expect(lines[1].contains("Jour 2 · mercredi 18 octobre 2023"))
        // Still on the 17th: starting the day of the 18th asks for a second press.
        #expect(d.press(.char("B")) == nil)
        #expect(d.press(.char("B")) == .startDay(date: nil))
    }

    @Test func aClosedSessionSaysSo() {
        var d = Driver(.commitments)
        for c in [Command.endItem, .endDay, .closeSession] { d.record(c) }
        #expect(d.state.closedAt != nil)
        #expect(d.lines(width: 80, height: 24).contains { $0.contains("Session close") })
        #expect(d.lines(width: 40, height: 12).contains { $0.contains("Session close") })
    }

    @Test func userTextIsSanitized() {
        var d = Driver(.debate)
        _ = d.press(.char("i"))
        d.console.facilitator.prompt = .insertMinutes(title: "Point\u{1B}[2J")
        let c = Command.insertItem(title: "Évil\u{1B}[31m titre", seconds: 300, kind: .other, after: nil)
        d.record(c)
        let lines = d.lines(width: 120, height: 40)
        #expect(lines.contains { $0.contains("Évil␛[31m titre") })
        #expect(lines.contains { $0.contains("Point␛[2J") })
        #expect(!lines.joined().contains("\u{1B}"))
    }
}

/// Drives the consoles over a sample state: keys in, commands out, commands recorded through
/// decide and evolve the way the live loop does.
struct Driver {
    var console: Console
    var state: SessionState
    var now: Instant

    init(_ moment: SegouMoments.Moment, screen: ScreenID = .facilitator, language: Language = .fr) {
        (state, now) = SegouMoments.state(moment)
        console = Console(screen: screen, language: language)
    }

    mutating func press(_ key: Key) -> Command? { console.handle(key, state: state, now: now) }

    mutating func type(_ text: String) {
        for c in text { #expect(press(.char(c)) == nil, "typing \(c) gave a command") }
    }

    /// Records `command` as the live loop does, telling the console the outcome.
    mutating func record(_ command: Command) {
        do {
            let payloads = try state.decide(command, at: now)
            var events: [Event] = []
            for p in payloads {
                let e = Event(seq: state.lastSeq + 1, at: now, seat: "facilitator", payload: p)
                state.evolve(e)
                events.append(e)
            }
            console.didRecord(events, state: state, now: now)
        } catch {
            console.wasRefused(error, state: state, now: now)
        }
    }

    mutating func lines(width: Int, height: Int) -> [String] {
        console.render(state: state, now: now, size: Size(width: width, height: height)).grid.lines()
    }
}
