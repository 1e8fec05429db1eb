import Testing

@testable import PalabreCore

/// The one compact form of an amount (F11's columns and cells): rounded, never cut.
@Suite("Compact amounts")
struct CompactAmountTests {
    /// (amount, French, English).
    static let table: [(Int64, String, String)] = [
        (0, "0", "0"),
        (800, "800", "800"),
        (999, "999", "999"),
        (1_000, "1k", "1k"),
        (1_500, "1,5k", "1.5k"),
        (12_345, "12,3k", "12.3k"),
        (250_000, "250k", "250k"),
        (999_499, "999k", "999k"),
        (999_950, "1M", "1M"),
        (2_500_000, "2,5M", "2.5M"),
        (25_000_000, "25M", "25M"),
        (40_000_000, "40M", "40M"),
        (43_650_000, "43,7M", "43.7M"),
        (43_649_999, "43,6M", "43.6M"),
        (99_960_000, "100M", "100M"),
        (108_000_000, "108M", "108M"),
        (1_861_350_000, "1,9Md", "1.9bn"),
        (13_830_294_624, "14Md", "14bn"),
        (999_000_000_000, "999Md", "999bn"),
        (-2_500_000, "-2,5M", "-2.5M"),
    ]

    @Test func roundedInBothLanguages() {
        for (amount, fr, en) in Self.table {
            #expect(Amounts.compact(amount, language: .fr) == fr, "\(amount) in French")
            #expect(Amounts.compact(amount, language: .en) == en, "\(amount) in English")
        }
    }

    @Test func neverMoreThanFiveCellsUpToNineHundredBillions() {
        var a: Int64 = 1
        while a < 999_000_000_000 {
            for x in [a, a * 5 - 1, a * 9_995 / 1_000] where x < 999_500_000_000 {
                #expect(Amounts.compact(x, language: .fr).count <= 5, "\(x)")
            }
            a *= 10
        }
    }
}
