import Foundation
import Testing

@testable import PalabreCore
@testable import PalabreUI

/// The Ségou sample programme driven to a few moments of the meeting, for screen snapshots.
enum SegouMoments {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    static let programme: Programme = {
        let r = try! ProgrammeLoader.load(path: root + "/sessions/segou-2023")
        return r.programme!
    }()

    /// The recorded Ségou meeting (`sessions/segou-2023-recorded`): its programme, read from the
    /// meeting's own folder, and its events.
    static let recordedMeeting: (programme: Programme, events: [Event]) = {
        let p = try! ProgrammeLoader.load(path: root + "/sessions/segou-2023").programme!
        let events = try! Journal(path: root + "/sessions/segou-2023-recorded/journal.jsonl", writable: false).loadAll()
        return (p, events)
    }()

    static func at(_ date: String, _ h: Int, _ m: Int, _ s: Int = 0) -> Instant {
        LocalTime(identifier: "Africa/Bamako").instant(date: date, minutes: h * 60 + m)!.adding(seconds: s)
    }

    /// Named moments of the meeting.
    enum Moment: String, CaseIterable {
        /// Nothing recorded yet.
        case before
        /// Day 1, 09:20: the opening ceremony under way, 12 participants checked in.
        case opening
        /// Day 1, 16:05: the debate after the partner presentations, over time, a speaker
        /// speaking, four requests waiting (one point of order), entries recorded.
        case debate
        /// Day 2, 10:12: Diéli's pitch paused, with a decision, a recommendation and a commitment.
        case pitch
        /// Day 3, 15:40: the commitments item, several commitments and actions, day 1 and 2 ended.
        case commitments
    }

    /// The state at `moment` and the instant to render it at.
    static func state(_ moment: Moment) -> (state: SessionState, now: Instant) {
        var s = SessionState(programme: programme)
        func run(_ c: Command, _ at: Instant, seat: String = "facilitator") {
            do {
                for p in try s.decide(c, at: at) { s.evolve(Event(seq: s.lastSeq + 1, at: at, seat: seat, payload: p)) }
            } catch { Issue.record("\(c) refused: \(error)") }
        }
        let d1 = "2023-10-17", d2 = "2023-10-18", d3 = "2023-10-19"
        if moment == .before { return (s, at(d1, 8, 0)) }
        run(.startDay(date: nil), at(d1, 8, 25))
        let women = programme.participants.filter { $0.sex == .female }.map(\.id)
        for (i, p) in (women.prefix(2) + programme.participants.filter { $0.sex != .female }.prefix(10).map(\.id))
            .enumerated()
        {
            run(.checkIn(who: p, day: nil), at(d1, 8, 26, i * 10), seat: "rapporteur")
        }
        run(.startItem(id: "d1-accueil"), at(d1, 8, 30))
        run(.endItem, at(d1, 9, 5))
        run(.startItem(id: "d1-ouverture"), at(d1, 9, 6))
        run(.giveFloor(who: "gouverneur"), at(d1, 9, 8))
        if moment == .opening { return (s, at(d1, 9, 20, 30)) }
        run(.yieldFloor, at(d1, 9, 30))
        run(
            .record(
                EntryContent(kind: .note, text: "Le Gouverneur ouvre les travaux et salue la présence des PTF.")),
            at(d1, 9, 31), seat: "rapporteur")
        run(.endItem, at(d1, 9, 40))
        for id in [
            "d1-ordre-du-jour", "d1-com-adr", "d1-com-anict", "d1-com-ppp", "d1-debat-cadres", "d1-dejeuner",
            "d1-ptf-anict", "d1-ptf-pam", "d1-ptf-oms", "d1-ptf-unicef", "d1-pause",
        ] {
            let start = max(s.lastAt!, at(d1, 9, 41))
            run(.startItem(id: id), start)
            run(.endItem, start.adding(seconds: s.timeBox(id) + 120))
        }
        run(.startItem(id: "d1-debat-ptf"), at(d1, 15, 20))
        run(.requestFloor(who: "maire-timissa", pointOfOrder: false), at(d1, 15, 21))
        run(.giveFloor(who: nil), at(d1, 15, 22))
        run(
            .record(
                EntryContent(
                    kind: .question, text: "Quels guichets de l'ANICT financent les études de faisabilité ?")),
            at(d1, 15, 24), seat: "rapporteur")
        run(
            .record(
                EntryContent(
                    kind: .answer, text: "Les droits de tirage FNACT peuvent couvrir les études « préalables ».")),
            at(d1, 15, 30), seat: "rapporteur")
        run(.requestFloor(who: "sg-diora", pointOfOrder: false), at(d1, 15, 58))
        run(.requestFloor(who: "rep-unicef", pointOfOrder: false), at(d1, 15, 59))
        run(.requestFloor(who: "maire-sy", pointOfOrder: false), at(d1, 16, 0))
        run(.giveFloor(who: "rep-pam"), at(d1, 16, 1))
        run(.requestFloor(who: "sg-koula", pointOfOrder: true), at(d1, 16, 2))
        run(
            .record(
                EntryContent(
                    kind: .decision, text: "Les communes transmettront leurs fiches à l'ADR avant le 30 novembre.")
            ), at(d1, 16, 3), seat: "rapporteur")
        if moment == .debate { return (s, at(d1, 16, 5, 12)) }
        run(.yieldFloor, at(d1, 16, 6))
        run(.endItem, at(d1, 16, 10))
        run(.skipItem(id: "d1-synthese"), at(d1, 16, 11))
        run(.endDay, at(d1, 17, 0))
        run(.startDay(date: nil), at(d2, 8, 30))
        for p in programme.participants.prefix(30).map(\.id) {
            run(.checkIn(who: p, day: nil), at(d2, 8, 31), seat: "rapporteur")
        }
        run(.startItem(id: "d2-rappel"), at(d2, 8, 35))
        run(.endItem, at(d2, 9, 0))
        run(.startItem(id: "d2-pitch-dieli"), at(d2, 9, 50))
        run(.giveFloor(who: "maire-dieli"), at(d2, 9, 51))
        run(
            .record(
                EntryContent(kind: .decision, text: "Décision : prêt de 2 500 000 FCFA à la commune de Diéli")),
            at(d2, 9, 58), seat: "rapporteur")
        run(
            .record(
                EntryContent(
                    kind: .recommendation, text: "Actualiser le PDESC avant de solliciter les PTF",
                    addressee: "Commune de Diéli",
                    responsible: "SG de Diéli", due: "2024-03-31")), at(d2, 10, 0), seat: "rapporteur")
        run(
            .record(
                EntryContent(
                    kind: .commitment, text: "", partner: "unicef", fiche: "DIE-01", amount: 25_000_000,
                    status: .intention,
                    conditions: "Étude de faisabilité préalable")), at(d2, 10, 2), seat: "rapporteur")
        run(.pauseItem, at(d2, 10, 5))
        if moment == .pitch { return (s, at(d2, 10, 12)) }
        run(.resumeItem, at(d2, 10, 20))
        run(.endItem, at(d2, 10, 30))
        run(.endDay, at(d2, 17, 30))
        run(.startDay(date: nil), at(d3, 8, 30))
        for id in [
            "d3-rappel", "d3-consignes", "d3-travaux-groupe", "d3-pause", "d3-restitution", "d3-dejeuner",
            "d3-synthese",
        ] {
            let start = max(s.lastAt!, at(d3, 8, 40))
            run(.startItem(id: id), start)
            run(.endItem, start.adding(seconds: s.timeBox(id)))
        }
        run(.startItem(id: "d3-engagements"), at(d3, 15, 10))
        run(
            .record(
                EntryContent(
                    kind: .commitment, text: "", partner: "anict", fiche: "TIM-01", amount: 40_000_000,
                    status: .confirmed)), at(d3, 15, 15), seat: "rapporteur")
        run(
            .record(
                EntryContent(
                    kind: .commitment, text: "", partner: "oms", fiche: "KOU-01", nature: .technical, status: .announced
                )), at(d3, 15, 20), seat: "rapporteur")
        run(
            .record(
                EntryContent(
                    kind: .action, text: "Préparer les fiches de présentation des projets prioritaires",
                    responsible: "Chaque commune", due: "2023-12-15")), at(d3, 15, 25), seat: "rapporteur")
        run(
            .record(
                EntryContent(
                    kind: .action, text: "Mettre à jour le répertoire des intervenants",
                    responsible: "ADR de Ségou", due: "2024-01-31")), at(d3, 15, 30), seat: "rapporteur")
        return (s, at(d3, 15, 40))
    }
}

/// Text snapshots of screens: `Snapshots/<name>.txt`, re-recorded only when PALABRE_RECORD=1.
enum Snapshot {
    static let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
        .path

    /// Compares `lines` with the stored snapshot `name`; records it when PALABRE_RECORD=1.
    static func check(_ lines: [String], _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let text = lines.joined(separator: "\n") + "\n"
        let path = dir + "/" + name + ".txt"
        if ProcessInfo.processInfo.environment["PALABRE_RECORD"] == "1" {
            try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            try! text.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        guard let stored = try? String(contentsOfFile: path, encoding: .utf8) else {
            Issue.record(
                "no snapshot \(name).txt: run the tests with PALABRE_RECORD=1 to record it, then read it",
                sourceLocation: sourceLocation)
            return
        }
        if stored != text {
            let a = stored.split(separator: "\n", omittingEmptySubsequences: false)
            let b = text.split(separator: "\n", omittingEmptySubsequences: false)
            let i = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
            let was = i < a.count ? String(a[i]) : "<end>", now = i < b.count ? String(b[i]) : "<end>"
            Issue.record(
                "snapshot \(name) differs at line \(i + 1):\n  stored: \(was)\n  now:    \(now)",
                sourceLocation: sourceLocation)
        }
    }

    /// Renders `screen` of the console at `moment` and `size`.
    static func render(
        _ screen: ScreenID, _ moment: SegouMoments.Moment, width: Int, height: Int,
        language: Language = .fr, configure: (inout Console) -> Void = { _ in }
    ) -> [String] {
        let (state, now) = SegouMoments.state(moment)
        var console = Console(screen: screen, language: language)
        configure(&console)
        return console.render(state: state, now: now, size: Size(width: width, height: height)).grid.lines()
    }
}
