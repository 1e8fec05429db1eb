import Foundation
import Testing

@testable import PalabreCore
@testable import PalabreUI

@Suite("Attendance screen")
struct AttendanceScreenTests {
    @Test func searchingDieliFindsTheMayorOfDieliAndEnterChecksHimIn() {
        var d = ScreenDriver(.attendance, .opening)
        #expect(d.console.attendance.isTyping)
        d.type("dieli")
        let found = AttendanceScreen.filter(d.state, "dieli").map(\.function)
        #expect(found == ["Maire de Diéli", "SG de Diéli"])
        #expect(AttendanceScreen.filter(d.state, "DIÉLI maire").map(\.id) == ["maire-dieli"])
        let lines = d.lines()
        #expect(lines.contains { $0.contains("Maire de Diéli") })
        #expect(!lines.contains { $0.contains("Maire de Timissa") })
        #expect(d.console.attendance.selected == "maire-dieli")
        #expect(d.key(.enter) == .checkIn(who: "maire-dieli", day: nil))
        #expect(d.perform() == nil)
        #expect(d.state.attendance["2023-10-17"]?.last == "maire-dieli")
        // The search is cleared for the next arrival; the person stays selected, marked present.
        #expect(d.console.attendance.search.isEmpty)
        #expect(d.lines().contains { $0.contains("✓ 09:20") && $0.contains("Maire de Diéli") })
    }

    @Test func arrowsMoveTheSelectionAndACheckedInPersonIsNotCheckedInTwice() {
        var d = ScreenDriver(.attendance, .opening)
        let p = d.state.participants
        d.key(.down)
        #expect(d.console.attendance.selected == p[0].id)
        d.key(.down)
        #expect(d.console.attendance.selected == p[1].id)
        d.key(.up)
        #expect(d.console.attendance.selected == p[0].id)
        // Somebody already there: a message, no command.
        #expect(d.state.attendance["2023-10-17"]?.contains(p[0].id) == true)
        #expect(d.key(.enter) == nil)
        #expect(d.console.message?.text == "Représentant du Gouverneur de la région de Ségou : déjà pointé(e) à 08:26")
        // Somebody not there yet.
        d.type("timissa")
        #expect(d.console.attendance.selected == "maire-timissa")
        d.key(.down)
        #expect(d.console.attendance.selected == "sg-timissa")
        #expect(d.key(.enter) == .checkIn(who: "sg-timissa", day: nil))
        // Esc clears the search.
        d.key(.escape)
        #expect(d.console.attendance.search.isEmpty)
    }

    @Test func theCountTextMatchesTheState() {
        for moment in [SegouMoments.Moment.opening, .pitch, .commitments] {
            var d = ScreenDriver(.attendance, moment)
            let day = d.state.days[d.state.currentDay!].date
            let ids = d.state.attendance[day] ?? []
            let women = ids.filter { d.state.participant($0)?.sex == .female }.count
            let text =
                "\(ids.count) " + (ids.count <= 1 ? "participant" : "participants") + " dont \(women) "
                + (women <= 1 ? "femme" : "femmes")
            let fig = AttendanceFigures(d.state)
            #expect(fig.present == ids.count && fig.women == women)
            #expect(AttendanceScreen.countText(present: fig.present, women: fig.women, labels: Labels(.fr)) == text)
            #expect(d.lines()[1].contains(text), "\(moment): \(d.lines()[1])")
        }
        let (s, _) = SegouMoments.state(.opening)
        let fig = AttendanceFigures(s)
        #expect(fig.present == 12 && fig.women == 2)
        #expect(
            AttendanceScreen.countText(present: 12, women: 2, labels: Labels(.fr)) == "12 participants dont 2 "
                + "femmes")
        #expect(AttendanceScreen.countText(present: 1, women: 0, labels: Labels(.fr)) == "1 participant dont 0 femme")
        #expect(
            AttendanceScreen.countText(present: 12, women: 1, labels: Labels(.en)) == "12 participants of whom "
                + "1 woman")
    }

    @Test func figuresByCategoryAndOverTheSession() throws {
        let (s, _) = SegouMoments.state(.pitch)
        let fig = AttendanceFigures(s)
        #expect(fig.date == "2023-10-18")
        // Day 2: the first 30 participants of the programme.
        let ids = Array(s.programme.participants.prefix(30))
        #expect(fig.present == 30)
        #expect(fig.women == ids.filter { $0.sex == .female }.count)
        let byCat = Dictionary(uniqueKeysWithValues: fig.byCategory.map { ($0.key, $0.present) })
        for key in Category.keys where byCat[key] != nil {
            #expect(byCat[key] == ids.filter { Category.of($0.id, in: s) == key }.count, "\(key)")
        }
        #expect(byCat["partner"] == 4)
        #expect(byCat["other"] == 1)  // the Governor's representative, attached to no organisation
        #expect(fig.byCategory.reduce(0) { $0 + $1.present } == 30)
        // Over the session: everyone checked in on either day, once.
        let all = Set(s.attendance.values.joined())
        #expect(fig.sessionPresent == all.count)
        #expect(fig.sessionWomen == all.filter { s.participant($0)?.sex == .female }.count)
    }

    @Test func aWalkInIsAddedWithItsCategoryCheckedInAndSelectedWithItsName() throws {
        var d = ScreenDriver(.attendance, .opening)
        d.key(.function(6))
        #expect(d.console.attendance.form != nil)
        d.type("Présidente de la CAFO")
        d.key(.enter)  // no organisation of the programme
        d.key(.enter)
        d.key(.char("f"))  // text in a choice field is refused, the choice stays
        #expect(d.console.message?.text.hasPrefix("Champ à choix") == true)
        // Category: from « selon l'organisation » to partner, commune, State services, civil society.
        #expect(d.console.attendance.form?["category"]?.options.map(\.label).contains("ONG, société civile") == true)
        #expect(d.console.attendance.form?["category"]?.options.map(\.label).contains("Privé") == true)
        for _ in 0..<4 { d.key(.right) }
        d.key(.enter)
        d.key(.right)  // sex: from « non précisé » round to « femme »
        d.key(.enter)
        d.type("Nom Prénom")
        let c = d.key(.enter)  // last field: sends
        #expect(
            c
                == .walkIn(
                    Participant(
                        id: "", function: "Présidente de la CAFO", sex: .female,
                        name: "Nom Prénom", category: .ngo)))
        #expect(d.perform() == nil)
        let added = try #require(d.state.participants.last)
        #expect(added.category == .ngo)
        #expect(Category.of(added.id, in: d.state) == "ngo")
        #expect(d.console.attendance.form == nil)
        #expect(d.console.attendance.selected == added.id)
        // Checked in on save: no Enter needed, no « Entrée pour le pointer ».
        #expect(d.state.attendance["2023-10-17"]?.last == added.id)
        #expect(d.console.attendance.added == nil)
        #expect(
            d.lines().contains {
                $0.contains("✓ 09:20") && $0.contains("Présidente de la CAFO — Nom Prénom")
            })
        #expect(AttendanceFigures(d.state).present == 13)
        #expect(AttendanceFigures(d.state).women == 3)
    }

    @Test func theSelectedPersonLeavesWithF8AndTheMarkShowsTheTime() throws {
        var d = ScreenDriver(.attendance, .opening)
        // Nobody chosen: nothing recorded.
        #expect(d.key(.function(8)) == nil)
        #expect(d.console.message?.text == d.console.labels[.attChooseFirst])
        d.type("timissa")
        d.key(.down)
        #expect(d.console.attendance.selected == "sg-timissa")
        #expect(d.key(.function(8)) == nil, "not checked in: no departure")
        #expect(d.console.message?.text.contains("aucun départ à enregistrer") == true)
        let present = try #require(d.state.attendance["2023-10-17"]?.first)
        d.key(.escape)
        d.type(present)
        #expect(d.console.attendance.selected == present)
        #expect(d.key(.ctrl("x")) == .checkOut(who: present))
        #expect(d.perform() == nil)
        #expect(d.state.departureTimes["2023-10-17|" + present] != nil)
        #expect(d.lines().contains { $0.contains("dép. 09:20") })
        #expect(d.key(.function(8)) == nil)
        #expect(d.console.message?.text.contains("départ déjà enregistré à 09:20") == true)
    }

    @Test func theWalkInFormNeedsAFunctionAndAKnownOrganisation() {
        var d = ScreenDriver(.attendance, .opening)
        d.key(.ctrl("n"))
        #expect(d.key(.ctrl("s")) == nil)
        #expect(d.console.message?.text == "Donnez la fonction du nouvel arrivant (ex. « Maire de Koula »).")
        d.type("Maire adjoint de Koula")
        d.key(.enter)
        d.type("Mairie inconnue")
        #expect(d.key(.ctrl("s")) == nil)
        #expect(d.console.message?.text.hasPrefix("Organisation inconnue") == true)
        d.key(.ctrl("u"))
        d.type("koula")
        // A commune is both the organisation and the commune of the walk-in.
        #expect(
            d.key(.ctrl("s"))
                == .walkIn(
                    Participant(
                        id: "", function: "Maire adjoint de Koula", organisation: "koula",
                        commune: "koula", sex: .unspecified)))
        // Esc keeps the form for later.
        d.key(.escape)
        #expect(d.console.attendance.form == nil)
        d.key(.function(6))
        #expect(d.console.attendance.form?["function"]?.text == "Maire adjoint de Koula")
    }

    /// Day 2 of Ségou with a walk-in of the civil society (category chosen, name given) checked
    /// in on save, and two departures.
    static func walkInAndDepartures(language: Language) throws -> ScreenDriver {
        var d = ScreenDriver(.attendance, .pitch, language: language)
        let fr = language == .fr
        #expect(
            d.perform(
                .walkIn(
                    Participant(
                        id: "cafo", function: fr ? "Présidente de la CAFO de Tominian" : "Chair of the Tominian CAFO",
                        sex: .female, name: fr ? "Nom Prénom" : "Name Surname", category: .ngo))) == nil)
        let day = try #require(d.state.currentDay.map { d.state.days[$0].date })
        let present = try #require(d.state.attendance[day])
        #expect(d.perform(.checkOut(who: present[1])) == nil)
        #expect(d.perform(.checkOut(who: present[3])) == nil)
        return d
    }

    @Test("F3 at 80×24, 120×40 and 200×60 in both languages: a walk-in's category and name, departures")
    func snapshotsOfWalkInsAndDepartures() throws {
        for language in [Language.fr, .en] {
            var d = try Self.walkInAndDepartures(language: language)
            let suffix = language == .en ? "-en" : ""
            for (w, h) in [(80, 24), (120, 40), (200, 60)] {
                Snapshot.check(d.lines(width: w, height: h), "attendance-departures-\(w)x\(h)" + suffix)
            }
            let wide = d.lines(width: 200, height: 60)
            let civil = language == .fr ? "ONG, société civile" : "NGOs, civil society"
            #expect(
                wide.contains { $0.contains(language == .fr ? "Nom Prénom" : "Name Surname") && $0.contains(civil) })
            #expect(wide.contains { $0.contains("→ " + d.state.local.hhmm(d.now)) })
            let narrow = d.lines(width: 80, height: 24)
            #expect(narrow.contains { $0.contains((language == .fr ? "dép. " : "left ") + d.state.local.hhmm(d.now)) })
        }
    }

    @Test func snapshots() {
        Snapshot.check(Snapshot.render(.attendance, .before, width: 80, height: 24), "attendance-before-80x24")
        Snapshot.check(Snapshot.render(.attendance, .opening, width: 80, height: 24), "attendance-opening-80x24")
        Snapshot.check(Snapshot.render(.attendance, .pitch, width: 120, height: 40), "attendance-pitch-120x40")
        Snapshot.check(
            Snapshot.render(.attendance, .commitments, width: 80, height: 24, language: .en),
            "attendance-commitments-80x24-en")
        Snapshot.check(Snapshot.render(.attendance, .opening, width: 40, height: 12), "attendance-opening-40x12")
        Snapshot.check(Snapshot.render(.attendance, .pitch, width: 60, height: 20), "attendance-pitch-60x20")
        var d = ScreenDriver(.attendance, .opening)
        d.type("dieli")
        Snapshot.check(d.lines(), "attendance-opening-search-80x24")
        d.key(.escape)
        d.key(.function(6))
        d.type("Journaliste")
        d.key(.enter)
        d.type("segou")
        d.key(.down)
        Snapshot.check(d.lines(), "attendance-opening-walkin-80x24")
        Snapshot.check(d.lines(width: 60, height: 20), "attendance-opening-walkin-60x20")
    }
}

@Suite("Attendance screen: a stray Enter")
struct AttendanceStrayEnterTests {
    @Test("Enter with nothing searched and nobody chosen checks nobody in; after ↓ it checks the chosen one")
    func strayEnter() {
        var d = ScreenDriver(.attendance, .opening)
        #expect(d.key(.enter) == nil)
        #expect(
            d.console.message?.text == "Tapez quelques lettres du nom, ou choisissez avec ↑/↓, puis Entrée pour pointer"
        )
        d.key(.down)
        let date = d.state.days[0].date
        for _ in 0..<60 where d.state.checkInTimes[date + "|" + (d.console.attendance.selected ?? "")] != nil {
            d.key(.down)
        }
        let chosen = d.console.attendance.selected
        if case .checkIn(let who, _) = d.key(.enter) { #expect(who == chosen) } else { Issue.record("no check-in") }
        var e = ScreenDriver(.attendance, .opening, language: .en)
        #expect(e.key(.enter) == nil)
        #expect(e.console.message?.text == "Type a few letters of the name, or choose with ↑/↓, then Enter to check in")
    }
}
