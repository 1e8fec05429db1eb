import Foundation
import PalabreCore

/// Regenerates every document from a state folded from a large journal and prints the time and
/// the memory it took. Target: 100,000 events in at most 2 s and 64 MB of peak memory, in release.
///
///     swift run -c release palabre-bench documents [events]
enum DocumentsBench {
    /// A three-day programme about the size of a real roundtable: 12 partners, 17 communes with
    /// 3 fiches each, 90 participants, 40 items a day.
    static func programme() -> Programme {
        let partners = (1...12).map { Organisation(id: "ptf\($0)", acronym: "PTF\($0)", name: "Partenaire n° \($0)", type: .partner) }
        let communes = (1...17).map { c in
            Commune(id: "c\(c)", name: "Commune \(c)", cercle: c <= 12 ? "Tominian" : "San", region: "Ségou",
                    fiches: (1...3).map { f in
                        ProjectFiche(id: "C\(c)-0\(f)", title: "Fiche \(f) de la commune \(c)", sector: "eau",
                                     totalCost: 100_000_000, contribution: 10_000_000, amountSought: 90_000_000)
                    })
        }
        let orgs = [Organisation(id: "adr", acronym: "ADR", name: "Agence de Développement Régional", type: .organiser)] + partners
        let people = (1...90).map { i in
            Participant(id: "p\(i)", function: "Fonction \(i)", organisation: i % 3 == 0 ? "ptf\(i % 12 + 1)" : "c\(i % 17 + 1)",
                        commune: i % 3 == 0 ? nil : "c\(i % 17 + 1)", sex: i % 7 == 0 ? .female : .male)
        }
        let days = ["2023-10-17", "2023-10-18", "2023-10-19"].map { date in
            Day(date: date, items: (1...40).map { i in
                AgendaItem(id: "\(date)-\(i)", kind: i == 1 ? .opening : .debate, title: "Point \(i) du \(date)",
                           plannedStart: i == 1 ? 480 : nil, duration: 900, presenters: ["ptf\(i % 12 + 1)"],
                           moderator: "p1", speakingLimit: 180)
            })
        }
        return Programme(title: "Table ronde de mesure", venue: "Salle", city: "Ségou", organisers: ["adr"],
                         organisations: orgs, communes: communes, participants: people, days: days)
    }

    /// Folds about `target` events produced by `decide`: check-ins, items with speakers, entries of
    /// every kind, amendments, retractions, adoptions, pauses.
    static func state(events target: Int) -> SessionState {
        let p = programme()
        var s = SessionState(programme: p)
        var t = Instant(ms: 1_697_529_600_000) // 2023-10-17T08:00Z
        var n = 0
        func run(_ c: Command) {
            t = t.adding(seconds: 5)
            guard let payloads = try? s.decide(c, at: t) else { return }
            for pl in payloads {
                n += 1
                s.evolve(Event(seq: s.lastSeq + 1, at: t, seat: "rapporteur", payload: pl))
            }
        }
        let items = p.days.reduce(0) { $0 + $1.items.count }
        let cyclesPerItem = max(1, target / items / 4)
        var k = 0
        for day in p.days {
            run(.startDay(date: day.date))
            for person in p.participants { run(.checkIn(who: person.id, day: nil)) }
            for _ in day.items {
                run(.startItem(id: nil))
                for cycle in 0..<cyclesPerItem {
                    guard n < target else { break }
                    k += 1
                    let who = "p\(k % 90 + 1)"
                    run(.requestFloor(who: who, pointOfOrder: k % 50 == 0))
                    run(.giveFloor(who: nil))
                    let entry: EntryContent
                    switch k % 7 {
                    case 0: entry = EntryContent(kind: .commitment, text: "", partner: "ptf\(k % 12 + 1)", fiche: "C\(k % 17 + 1)-0\(k % 3 + 1)",
                                                 nature: .financial, amount: Int64(k) * 1000, currency: k % 5 == 0 ? "EUR" : nil,
                                                 status: .announced, conditions: k % 3 == 0 ? "=sous réserve; \"étude\"" : nil)
                    case 1: entry = EntryContent(kind: .recommendation, text: "Recommandation \(k) | avec\nune seconde ligne",
                                                 addressee: "Communes", responsible: "ADR", due: "2024-06-30")
                    case 2: entry = EntryContent(kind: .action, text: "Action \(k)", responsible: "Commune \(k % 17 + 1)", due: "2023-12-31")
                    case 3: entry = EntryContent(kind: .question, text: "Question \(k) sur le *financement* des études ?")
                    case 4: entry = EntryContent(kind: .answer, text: "Réponse \(k).")
                    case 5: entry = EntryContent(kind: .decision, text: "Décision \(k).")
                    default: entry = EntryContent(kind: .note, text: "Note \(k) : les échanges portent sur la contrepartie des communes.")
                    }
                    run(.record(entry))
                    if cycle % 10 == 3 { run(.amend(entry: s.lastSeq, text: "Texte amendé \(k)", reason: "relecture")) }
                    if cycle % 25 == 7 { run(.retract(entry: s.lastSeq, reason: "erreur")) }
                    if cycle % 20 == 5 { run(.adopt(entry: s.lastSeq)) }
                    run(.yieldFloor)
                    if cycle % 40 == 20 { run(.pauseItem); run(.resumeItem) }
                }
                run(.endItem)
            }
            run(.endDay)
        }
        return s
    }

    /// Peak resident memory of this process, in kB (VmHWM).
    static func peakKB() -> Int { status("VmHWM:") }
    /// Resident memory now, in kB (VmRSS).
    static func rssKB() -> Int { status("VmRSS:") }
    private static func status(_ key: String) -> Int {
        guard let s = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = s.split(separator: "\n").first(where: { $0.hasPrefix(key) }) else { return -1 }
        return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") ?? -1
    }
    /// Resets the peak so that it measures what follows (Linux: write 5 to clear_refs).
    private static func resetPeak() { try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8) }

    static func run(events: Int) {
        let t0 = Date()
        let s = state(events: events)
        let foldTime = Date().timeIntervalSince(t0)
        print("state: \(s.lastSeq) events, \(s.entries.count) entries, \(s.turns.count) turns, folded in \(String(format: "%.2f", foldTime)) s")
        let options = DocumentOptions(language: .fr, now: s.lastAt ?? Instant(ms: 0))
        let base = rssKB()
        resetPeak()
        var best = Double.infinity
        var sizes: [(String, Int)] = []
        for _ in 0..<3 {
            let start = Date()
            let docs = Documents.render(s, options: options)
            best = min(best, Date().timeIntervalSince(start))
            sizes = docs.map { ($0.name, $0.data.count) }
        }
        let peak = peakKB()
        for (name, size) in sizes { print("  \(name): \(size / 1024) KiB") }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("palabre-bench-\(getpid())").path
        let ws = Date()
        do { try Documents.write(s, to: dir, options: options) } catch { print("write failed: \(error)") }
        let writeTime = Date().timeIntervalSince(ws)
        try? FileManager.default.removeItem(atPath: dir)
        let extraMB = Double(peak - base) / 1024
        print(String(format: "render: %.3f s (best of 3); render+write: %.3f s; memory: %.1f MB before, peak %.1f MB (+%.1f MB while rendering)",
                     best, writeTime, Double(base) / 1024, Double(peak) / 1024, extraMB))
        let ok = best <= 2.0 && extraMB <= 64
        print(ok ? "documents: within budget (≤ 2 s, ≤ 64 MB)" : "documents: OVER BUDGET (≤ 2 s, ≤ 64 MB)")
    }
}
