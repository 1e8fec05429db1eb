import Foundation
import Testing

@testable import PalabreCore

/// The records a long journal holds by the hundred thousand keep their size and their meaning:
/// texts in shared blocks (``StoredText``), turns without optionals' extra bytes, entries with
/// their later history boxed.
@Suite("Compact records")
struct CompactRecordsTests {
    @Test("Sizes: a text 16 bytes, a speaking turn 56, an entry 104")
    func sizes() {
        #expect(MemoryLayout<StoredText>.stride == 16)
        #expect(MemoryLayout<SpeakingTurn>.stride == 56)
        #expect(MemoryLayout<Entry>.stride == 104)
    }

    @Test(
        "A stored text gives back its bytes: empty, short, accented, decomposed, emoji, NUL, longer than a block's share"
    )
    func storedTexts() {
        var rng = SplitMix64(seed: 21)
        let pieces = ["é", "e\u{301}", "« »", "🇲🇱", "\u{0}", "a", "Ségou", "\u{202F}", "\n", "FCFA"]
        var samples = [
            "", "a", "Décision : « adopté »", String(repeating: "x", count: 4096),
            String(repeating: "é", count: 5000), String(repeating: "y", count: 70_000),
        ]
        for _ in 0..<2000 {
            samples.append(
                (0..<Int.random(in: 0..<40, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined())
        }
        let stored = samples.map(StoredText.init)
        for (s, t) in zip(samples, stored) {
            #expect(Array(t.string.utf8) == Array(s.utf8))
            #expect(t == StoredText(s), "the same text in another place is equal")
        }
        for i in 1..<samples.count where samples[i] != samples[i - 1] {
            #expect(stored[i] != stored[i - 1])
        }
        #expect("\(EntryContent(kind: .note, text: "Été « é »"))".contains("\"Été « é »\""), "printed with its text")
    }

    @Test("Texts made by eight threads at once are each what was given")
    func concurrent() async {
        let results = await withTaskGroup(of: Bool.self) { group in
            for k in 0..<8 {
                group.addTask {
                    var ok = true
                    var kept: [(String, StoredText)] = []
                    for i in 0..<5000 {
                        let s = "fil \(k) n° \(i) : « \(String(repeating: "é", count: i % 50)) »"
                        kept.append((s, StoredText(s)))
                    }
                    for (s, t) in kept where t.string != s { ok = false }
                    return ok
                }
            }
            var all: [Bool] = []
            for await r in group { all.append(r) }
            return all
        }
        #expect(results == Array(repeating: true, count: 8))
    }

    @Test("A speaking turn's JSON is that of its fields, with or without an end and a limit")
    func turnJSON() throws {
        let start = Instant(ms: 1_697_530_000_000)
        for (end, limit) in [(nil, nil), (Instant(ms: 1_697_530_090_000), 180), (nil, 0), (start, nil)]
            as [(Instant?, Int?)]
        {
            let t = SpeakingTurn(
                item: "d1-debat", who: "pcr-segou", interval: Interval(start: start, end: end), limit: limit,
                pointOfOrder: limit == 0, endedWithItem: end == start)
            #expect(t.interval.end == end && t.limit == limit)
            let data = try JSONEncoder().encode(t)
            let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            #expect(
                Set(object.keys)
                    == Set(
                        ["item", "who", "interval", "pointOfOrder", "endedWithItem"] + (limit == nil ? [] : ["limit"])))
            #expect(try JSONDecoder().decode(SpeakingTurn.self, from: data) == t)
            var changed = t
            changed.interval.end = Instant(ms: start.ms + 1)
            changed.limit = nil
            #expect(changed.interval.end?.ms == start.ms + 1 && changed.limit == nil && changed != t)
        }
        // A turn written before endedWithItem was kept reads as ended by a change of speaker.
        let turn = SpeakingTurn(
            item: "a", who: "b", interval: Interval(start: start, end: nil), limit: nil, pointOfOrder: false)
        var object = try #require(
            try JSONSerialization.jsonObject(with: try JSONEncoder().encode(turn)) as? [String: Any])
        object["endedWithItem"] = nil
        let old = try JSONSerialization.data(withJSONObject: object)
        #expect(try JSONDecoder().decode(SpeakingTurn.self, from: old) == turn)
    }
}

/// One limit for an entry's text everywhere: 64 KiB (`EntryContent.maxTextBytes`).
@Suite("The length of an entry's text")
struct EntryTextLimitTests {
    @Test("64 KiB is recorded; one byte more is refused, recorded or amended, and said in both languages")
    func limit() throws {
        var h = Harness()
        try h.run(.openSession, at: Fixtures.at(8, 45))
        try h.run(.startDay(date: nil), at: Fixtures.at(8, 50))
        h.seat = "rapporteur"
        let most = String(repeating: "é", count: EntryContent.maxTextBytes / 2)
        let recorded = try h.run(.record(EntryContent(kind: .note, text: most)), at: Fixtures.at(9, 0))
        #expect(h.state.entries.last?.content.text == most)
        let longer = most + "x"
        let tooLong = Refusal(.textTooLong(bytes: EntryContent.maxTextBytes + 1))
        #expect(throws: tooLong) {
            try h.state.decide(.record(EntryContent(kind: .note, text: longer)), at: Fixtures.at(9, 1))
        }
        #expect(throws: tooLong) {
            try h.state.decide(.amend(entry: recorded.last!.seq, text: longer, reason: "r"), at: Fixtures.at(9, 1))
        }
        #expect(tooLong.reason.text(.fr).hasPrefix("Le texte fait 65 537 octets : 64 Kio (65 536 octets) au plus"))
        #expect(tooLong.reason.text(.en).hasPrefix("The text is 65,537 bytes long: 64 KiB (65,536 bytes) at most"))
    }
}
