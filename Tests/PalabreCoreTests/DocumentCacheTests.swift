import Foundation
import Testing

@testable import PalabreCore

/// Documents rendered with a ``DocumentCache`` kept from one rendering to the next (as the
/// seats' document writer keeps it) are byte for byte those rendered without one, whatever
/// happened in between: entries amended, retracted (numbers shift), withdrawn, undone, the
/// language or the programme changed.
@Suite("Documents rendered with the lines of the last rendering")
struct DocumentCacheTests {
    /// Folds `events` into a state of `programme`, rendering after each event whose index is in
    /// `cuts` (all of them when nil) with the cache and without, and compares every document.
    /// Returns how many renderings were compared.
    @discardableResult
    static func compare(
        _ programme: Programme, _ events: [Event], cuts: Set<Int>? = nil, cache: DocumentCache = DocumentCache(),
        language: (Int) -> Language = { _ in .fr }
    ) -> Int {
        var state = SessionState(programme: programme)
        var compared = 0
        for (i, e) in events.enumerated() {
            state.evolve(e)
            guard cuts?.contains(i) ?? true else { continue }
            let options = DocumentOptions(language: language(i), now: e.at)
            let cached = Documents.render(state, options: options, cache: cache)
            let fresh = Documents.render(state, options: options)
            #expect(cached.map(\.name) == fresh.map(\.name))
            for (a, b) in zip(cached, fresh) where a.data != b.data {
                Issue.record("\(a.name) differs after event \(e.seq) (\(e.payload.type))")
            }
            compared += 1
        }
        return compared
    }

    @Test("The scripted day: every kind of entry, amended, retracted and adopted, after each event")
    func scriptedDay() throws {
        let h = try DocScript.run()
        let cache = DocumentCache()
        let n = Self.compare(Fixtures.programme, h.events, cache: cache)
        #expect(n == h.events.count)
        #expect(cache.lines > 0, "the cache holds the entry lines of the last rendering")
    }

    @Test(
        "Decisions renumbered by a retraction and its undo, an amendment, a status changed and undone, a withdrawal, another language"
    )
    func renumbered() throws {
        var h = Harness()
        try h.run(.openSession, at: Fixtures.at(8, 45))
        try h.run(.startDay(date: nil), at: Fixtures.at(8, 50))
        h.seat = "rapporteur"
        // An acronym that only a note uses: the list of acronyms must keep it once the note's line is kept.
        try h.run(
            .record(EntryContent(kind: .note, text: "Le CNLS et l'OMVS étaient présents.")), at: Fixtures.at(9, 0))
        // An acronym amended away: it must leave the list of acronyms with it.
        let giz = try h.run(.record(EntryContent(kind: .note, text: "Présence du BMZ.")), at: Fixtures.at(9, 1))
        try h.run(
            .amend(entry: giz.last!.seq, text: "Présence de la coopération allemande.", reason: "sigle"),
            at: Fixtures.at(9, 2))
        var seqs: [Int] = []
        for (i, text) in ["Première décision.", "Deuxième décision ADR.", "Troisième décision PTF."].enumerated() {
            let e = try h.run(.record(EntryContent(kind: .decision, text: text)), at: Fixtures.at(9, 10 + i))
            seqs.append(e.last!.seq)
        }
        var commitment = EntryContent(kind: .commitment, text: "Appui de l'UNICEF.")
        commitment.partner = "unicef"
        commitment.fiche = "TIM-01"
        commitment.amount = 2_500_000
        let c = try h.run(.record(commitment), at: Fixtures.at(9, 20)).last!.seq
        // A status changed, taken back, changed again: the line follows each time.
        let confirmed = try h.run(.changeCommitmentStatus(entry: c, status: .confirmed), at: Fixtures.at(9, 20, 10))
        h.seat = "facilitator"
        try h.run(.undo(seq: confirmed.last!.seq), at: Fixtures.at(9, 20, 20))
        h.seat = "rapporteur"
        try h.run(.changeCommitmentStatus(entry: c, status: .intention), at: Fixtures.at(9, 20, 30))
        let retraction = try h.run(.retract(entry: seqs[0], reason: "doublon"), at: Fixtures.at(9, 21)).last!.seq
        try h.run(
            .amend(entry: seqs[1], text: "Deuxième décision, amendée.", reason: "précision"), at: Fixtures.at(9, 22))
        h.seat = "facilitator"
        try h.run(.undo(seq: retraction), at: Fixtures.at(9, 23))
        h.seat = "rapporteur"
        try h.run(.withdrawCommitment(entry: c, reason: "budget non voté"), at: Fixtures.at(9, 24))
        try h.run(.record(EntryContent(kind: .decision, text: "Quatrième décision.")), at: Fixtures.at(9, 25))
        let cache = DocumentCache()
        Self.compare(Fixtures.programme, h.events, cache: cache)
        // The same cache, the same events, in English every other event: nothing from French is used.
        Self.compare(Fixtures.programme, h.events, cache: cache, language: { $0 % 2 == 0 ? .en : .fr })
        // Another programme (an organisation renamed) with the same cache.
        var renamed = Fixtures.programme
        if let k = renamed.organisations.firstIndex(where: { $0.id == "unicef" }) {
            renamed.organisations[k].name = "Fonds des Nations unies pour l'enfance (Mali)"
        }
        Self.compare(renamed, h.events, cache: cache)
    }

    @Test("The recorded Ségou meeting at seeded random moments, with one cache throughout")
    func recordedMeeting() throws {
        let (programme, events) = try Fixtures.recordedMeeting()
        var rng = SplitMix64(seed: 15)
        var cuts = Set((0..<40).map { _ in Int.random(in: 0..<events.count, using: &rng) })
        cuts.insert(events.count - 1)
        let cache = DocumentCache()
        let n = Self.compare(programme, events, cuts: cuts, cache: cache)
        #expect(n == cuts.count)
        #expect(cache.lines > 100, "the recorded meeting's entry lines are kept")
    }
}
