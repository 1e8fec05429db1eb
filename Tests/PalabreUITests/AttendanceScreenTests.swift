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

    @Test func aWalkInIsAddedThenSelectedSoEnterChecksThemIn() throws {
        var d = ScreenDriver(.attendance, .opening)
        d.key(.function(6))
        #expect(d.console.attendance.form != nil)
        d.type("Journaliste de l'ORTM")
        d.key(.enter)
        d.type("dra")  // organisation, picked among the suggestions
        d.key(.down)
        d.key(.enter)
        d.key(.char("f"))  // text in a choice field is refused, the choice stays
        #expect(d.console.message?.text.hasPrefix("Champ à choix") == true)
        d.key(.right)  // sex: from « non précisé » round to « femme »
        d.key(.enter)
        let c = d.key(.enter)  // name left empty: last field, sends
        #expect(
            c
                == .addParticipant(
                    Participant(id: "", function: "Journaliste de l'ORTM", organisation: "dra-segou", sex: .female)
                ))
        #expect(d.perform() == nil)
        let added = try #require(d.state.participants.last)
        #expect(added.function == "Journaliste de l'ORTM")
        #expect(d.console.attendance.form == nil)
        #expect(d.console.attendance.selected == added.id)
        #expect(
            d.lines().contains {
                $0.contains("Nouvel arrivant ajouté : Journaliste de l'ORTM — Entrée pour le pointer")
            })
        #expect(d.key(.enter) == .checkIn(who: added.id, day: nil))
        #expect(d.perform() == nil)
        #expect(d.console.attendance.added == nil)
        #expect(AttendanceFigures(d.state).present == 13)
        #expect(AttendanceFigures(d.state).women == 3)
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
                == .addParticipant(
                    Participant(
                        id: "", function: "Maire adjoint de Koula", organisation: "koula",
                        commune: "koula", sex: .unspecified)))
        // Esc keeps the form for later.
        d.key(.escape)
        #expect(d.console.attendance.form == nil)
        d.key(.function(6))
        #expect(d.console.attendance.form?["function"]?.text == "Maire adjoint de Koula")
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
