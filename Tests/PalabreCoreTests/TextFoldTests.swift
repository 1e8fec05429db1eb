import Testing

@testable import PalabreCore

/// The search key of a text: the table's fold of French text is Foundation's, character for
/// character, and anything else is left to Foundation.
@Suite("Search keys (fold)")
struct TextFoldTests {
    @Test("Seeded random texts: French letters, typography, and scalars the table does not hold")
    func sameAsFoundation() {
        let alphabet: [Unicode.Scalar] =
            (0x20...0x7E).compactMap(Unicode.Scalar.init) + (0x80...0x17F).compactMap(Unicode.Scalar.init)
            + [0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026, 0x202F, 0x20AC].compactMap(Unicode.Scalar.init)
        let others: [Unicode.Scalar] = [0x0301, 0x0327, 0x1E9E, 0xFB01, 0xFF21, 0x0130, 0x03A3, 0x1F600, 0x0627]
            .compactMap(Unicode.Scalar.init)
        var seed: UInt64 = 2023_10_17
        func next(_ n: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(n))
        }
        var viaTable = 0
        var bytes: [UInt8] = [1, 2, 3]
        for round in 0..<3_000 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<(1 + next(40)) { scalars.append(alphabet[next(alphabet.count)]) }
            // One text in five holds a scalar outside the table (a combining accent, a ligature…).
            if round % 5 == 0 {
                scalars.insert(
                    others[next(others.count)], at: scalars.index(scalars.startIndex, offsetBy: next(scalars.count)))
            }
            let text = String(scalars)
            #expect(Text.fold(text) == Text.foundationFold(text), "\(text.unicodeScalars.map { $0.value })")
            Text.foldUTF8(text, into: &bytes)
            #expect(bytes == Array(Text.foundationFold(text).utf8))
            if round % 5 != 0 { viaTable += 1 }
        }
        #expect(viaTable > 2_000)
        #expect(Text.fold("« Ségou », N’Goa — ÉTÉ") == "« segou », n'goa — ete")
        #expect(Text.fold("e\u{0301}te\u{0301}") == "ete", "combining accents go through Foundation")
        // Ligatures as a keyboard without them types them, through the table and through Foundation.
        #expect(Text.fold("Cœur de l’Œuvre, Cæsar, Straße") == "coeur de l'oeuvre, caesar, strasse")
        #expect(Text.fold("cœur\u{0301} ŒUVRE") == Text.fold("coeur\u{0301} OEUVRE"))
    }
}
