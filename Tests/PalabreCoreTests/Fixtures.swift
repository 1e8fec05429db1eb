import Foundation
import Testing

@testable import PalabreCore

/// A small programme built in code, independent of the sample files.
enum Fixtures {
    /// The programme and events of the recorded Ségou meeting (`sessions/segou-2023-recorded`).
    static func recordedMeeting() throws -> (programme: Programme, events: [Event]) {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("sessions/segou-2023-recorded")
        let programme = try #require(
            try ProgrammeLoader.load(path: root.appendingPathComponent("programme.yaml").path).programme)
        return (
            programme, try Journal(path: root.appendingPathComponent("journal.jsonl").path, writable: false).loadAll()
        )
    }

    /// A session folder whose journal holds five events: opened, day and item started at 9:00 and
    /// 9:01, two notes (« un », « deux ») at 9:02 and 9:03.
    static func fiveEventSession() throws -> String {
        let dir = tempDir()
        let s = try SessionStore(folder: dir, programme: programme)
        try s.perform(.startDay(date: nil), seat: "f", at: at(9, 0))
        try s.perform(.startItem(id: nil), seat: "f", at: at(9, 1))
        try s.perform(.record(EntryContent(kind: .note, text: "un")), seat: "f", at: at(9, 2))
        try s.perform(.record(EntryContent(kind: .note, text: "deux")), seat: "f", at: at(9, 3))
        return dir
    }

    static let programme = Programme(
        title: "Atelier de test", venue: "Salle du conseil", city: "San", organisers: ["adr"],
        language: .fr, timeZone: "Africa/Bamako", currency: "FCFA",
        organisations: [
            Organisation(id: "adr", acronym: "ADR", name: "Agence de Développement Régional", type: .organiser),
            Organisation(
                id: "unicef", acronym: "UNICEF", name: "Fonds des Nations unies pour l'enfance", type: .partner,
                sectors: ["eau", "santé"], zones: ["Tominian"]),
            Organisation(
                id: "anict", acronym: "ANICT",
                name: "Agence Nationale d'Investissement des Collectivités Territoriales",
                type: .partner, sectors: ["marché"], zones: ["Ségou"]),
        ],
        communes: [
            Commune(
                id: "timissa", name: "Timissa", cercle: "Tominian", region: "Ségou",
                fiches: [
                    ProjectFiche(
                        id: "TIM-01", title: "Adduction d'eau sommaire", sector: "eau", totalCost: 120_000_000,
                        contribution: 12_000_000, amountSought: 108_000_000, mode: .ppp, studyStatus: .idea)
                ]),
            Commune(
                id: "dieli", name: "Diéli", cercle: "San", region: "Ségou",
                fiches: [
                    ProjectFiche(
                        id: "DIE-01", title: "Marché à bétail", sector: "marché", totalCost: 50_000_000,
                        contribution: 5_000_000, amountSought: 45_000_000)
                ]),
        ],
        participants: [
            Participant(id: "dg-adr", function: "Directeur général de l'ADR", organisation: "adr", sex: .male),
            Participant(
                id: "maire-timissa", function: "Maire de Timissa", organisation: "timissa", commune: "timissa",
                sex: .female),
            Participant(id: "sg-dieli", function: "SG de Diéli", organisation: "dieli", commune: "dieli", sex: .male),
            Participant(id: "rep-unicef", function: "Représentant UNICEF", organisation: "unicef", sex: .male),
        ],
        days: [
            Day(
                date: "2023-10-17",
                items: [
                    AgendaItem(
                        id: "ouverture", kind: .opening, title: "Cérémonie d'ouverture", plannedStart: 540,
                        duration: 1800, fixed: true),
                    AgendaItem(
                        id: "unicef-pres", kind: .partnerPresentation, title: "Présentation UNICEF", duration: 1200,
                        presenters: ["rep-unicef"], speakingLimit: 180),
                    AgendaItem(id: "debat", kind: .debate, title: "Débat", duration: 1800, speakingLimit: 120),
                    AgendaItem(
                        id: "cloture1", kind: .synthesis, title: "Synthèse du jour", plannedStart: 660,
                        duration: 900, fixed: true),
                ]),
            Day(
                date: "2023-10-18",
                items: [
                    AgendaItem(
                        id: "pitch-timissa", kind: .communePitch, title: "Pitch de Timissa", plannedStart: 540,
                        duration: 900,
                        presenters: ["maire-timissa"]),
                    AgendaItem(id: "cloture", kind: .closing, title: "Clôture", duration: 600, fixed: true),
                ]),
        ])

    /// 2023-10-17 at `h`:`m` in Bamako (UTC+0).
    static func at(_ h: Int, _ m: Int, _ s: Int = 0) -> Instant { at("2023-10-17", h, m, s) }

    /// `date` at `h`:`m` in Bamako.
    static func at(_ date: String, _ h: Int, _ m: Int, _ s: Int = 0) -> Instant {
        LocalTime(identifier: "Africa/Bamako").instant(date: date, minutes: h * 60 + m)!.adding(seconds: s)
    }

    static func tempDir() -> String {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("palabre-test-\(UUID().uuidString)").path
        try! FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true)
        return d
    }
}

/// Applies commands one by one to an in-memory state, as the live loop would.
struct Harness {
    var state = SessionState(programme: Fixtures.programme)
    var events: [Event] = []
    var seat = "facilitator"

    @discardableResult
    mutating func run(_ c: Command, at: Instant) throws -> [Event] {
        let payloads = try state.decide(c, at: at)
        var out: [Event] = []
        for p in payloads {
            let e = Event(seq: state.lastSeq + 1, at: at, seat: seat, payload: p)
            state.evolve(e)
            events.append(e)
            out.append(e)
        }
        return out
    }
}
