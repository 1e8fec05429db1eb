import Testing

@testable import PalabreCore

/// The chunked list of the state's records behaves as an array under every operation, copies
/// included: a copy never sees what is done to the original afterwards, nor the reverse.
@Suite("Chunked array")
struct ChunkedArrayTests {
    @Test("Random appends, changes and copies give what arrays give, across chunk boundaries")
    func behavesAsAnArray() {
        var seed: UInt64 = 2023_10_17
        func next(_ n: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(n))
        }
        var list: ChunkedArray<String> = []
        var array: [String] = []
        var kept: [(ChunkedArray<String>, [String])] = []
        var longest = 0
        for step in 0..<5_000 {
            switch next(10) {
            case 0..<6:
                list.append("é\(step)")
                array.append("é\(step)")
            case 6, 7:
                guard !array.isEmpty else { continue }
                let i = next(array.count)
                list[i] += "·"
                array[i] += "·"
            case 8:
                kept.append((list, array))
            default:
                if step > 3_000 && next(100) == 0 {
                    list.removeAll()
                    array.removeAll()
                }
            }
            #expect(list.count == array.count)
            longest = max(longest, array.count)
        }
        #expect(longest > 2 * ChunkedArray<String>.chunkSize, "the lists span several chunks")
        #expect(Array(list) == array)
        #expect(list == ChunkedArray(array))
        #expect(kept.count > 100)
        for (copy, expected) in kept { #expect(Array(copy) == expected) }
        // Elements of a copy changed after the copy: the original keeps its own.
        var copy = list
        copy[0] = "changé"
        #expect(list[0] == array[0] && copy[0] == "changé" && copy != list)
    }

    @Test("Equality: same elements in the same order, whatever was shared")
    func equality() {
        let a = ChunkedArray(0..<1_200)
        var b = ChunkedArray(0..<1_199)
        #expect(a != b)
        b.append(1_199)
        #expect(a == b)
        b[600] = -1
        #expect(a != b)
        #expect(ChunkedArray<Int>() == [])
        #expect(a.description == Array(0..<1_200).description)
    }
}
