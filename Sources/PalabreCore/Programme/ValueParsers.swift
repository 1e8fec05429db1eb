import Foundation

// Parsers and formatters for the values organisers type by hand in `programme.yaml` and in
// commands during the meeting: durations, clock times, calendar dates and amounts. They are
// lenient about spelling (French habits such as `9h30` or `13 830 294 624`) but strict about
// meaning: anything ambiguous is rejected with `nil` rather than guessed.

/// Durations written the way people say them: `20m`, `1h30`, `45s`.
public enum Durations {
    /// Parses a duration and returns it in seconds, or `nil` when the text is not a duration.
    ///
    /// Accepted forms (case-insensitive, spaces allowed between parts):
    /// - a bare number is minutes: `90` → 5 400;
    /// - minutes: `20m`, `20 min`, `20mn` → 1 200;
    /// - hours: `1h` → 3 600; hours and minutes: `1h30`, `1h30m`, `1 h 30 min` → 5 400;
    /// - seconds: `45s`, `45 sec`; combinations in the order h, m, s: `2m30s`, `1h05m30s`.
    ///
    /// Rejected: decimals (`1.5h`), negative values, units out of order or repeated (`30m1h`),
    /// a bare number after minutes (`1m30`), unknown units (`1h9x`), empty text.
    public static func parse(_ s: String) -> Int? {
        var scanner = UnitScanner(s)
        guard let parts = scanner.parts(), !parts.isEmpty else { return nil }
        // A bare number alone means minutes.
        if parts.count == 1, parts[0].unit == nil { return parts[0].value * 60 }
        var total = 0
        var lastRank = -1
        for (index, part) in parts.enumerated() {
            let rank: Int, factor: Int
            switch part.unit {
            case "h", "hr", "hrs", "heure", "heures", "hour", "hours":
                rank = 0; factor = 3600
            case "m", "min", "mn", "mins", "minute", "minutes":
                rank = 1; factor = 60
            case "s", "sec", "secs", "seconde", "secondes", "second", "seconds":
                rank = 2; factor = 1
            case nil:
                // `1h30`: a unitless number right after hours is minutes, and only as the last part.
                guard index == parts.count - 1, index > 0, lastRank == 0 else { return nil }
                rank = 1; factor = 60
            default:
                return nil
            }
            guard rank > lastRank else { return nil }
            lastRank = rank
            total += part.value * factor
        }
        return total
    }

    /// Formats seconds the way the programme and the screens show durations.
    ///
    /// Minutes-only durations read `20 min`; from one hour on, `1h`, `1h30`, `2h05`; durations
    /// with leftover seconds read `45 s`, `2 min 30 s` or `1h05m30s`. Every output is accepted
    /// back by ``parse(_:)`` and gives the same number of seconds. Negative values are
    /// formatted with a leading `-`; ``parse(_:)`` does not accept them.
    public static func format(seconds: Int) -> String {
        if seconds < 0 { return "-" + format(seconds: seconds == Int.min ? Int.max : -seconds) }
        let h = seconds / 3600, m = (seconds % 3600) / 60, s = seconds % 60
        if s == 0 {
            if h == 0 { return "\(m) min" }
            return m == 0 ? "\(h)h" : "\(h)h" + twoDigits(m)
        }
        if h > 0 { return "\(h)h" + twoDigits(m) + "m" + twoDigits(s) + "s" }
        if m > 0 { return "\(m) min \(s) s" }
        return "\(s) s"
    }
}

/// Times of day (`09:00`), counted in minutes after midnight.
public enum ClockTime {
    /// Parses a time of day and returns minutes after midnight, or `nil`.
    ///
    /// Accepted: `09:00`, `9:00`, `09h00`, `9h30`, `9h`, `9H30` (hours 0–23, minutes two digits
    /// 00–59). Rejected: `25:00`, `9:7`, `9.30`, `24:00`, empty text.
    public static func parse(_ s: String) -> Int? {
        let text = s.trimmingCharacters(in: .whitespaces).lowercased()
        let separators: [Character] = [":", "h"]
        guard let sepIndex = text.firstIndex(where: { separators.contains($0) }) else { return nil }
        let hourText = text[..<sepIndex]
        let minuteText = text[text.index(after: sepIndex)...]
        guard (1...2).contains(hourText.count), hourText.allSatisfy(\.isASCIIDigit),
            let hour = Int(hourText), hour < 24
        else { return nil }
        if minuteText.isEmpty {
            // `9h` is nine o'clock; `9:` is not a time.
            return text[sepIndex] == "h" ? hour * 60 : nil
        }
        guard minuteText.count == 2, minuteText.allSatisfy(\.isASCIIDigit),
            let minute = Int(minuteText), minute < 60
        else { return nil }
        return hour * 60 + minute
    }

    /// Formats minutes after midnight as `HH:MM` (`570` → `09:30`). Values outside one day wrap
    /// around (`1500` → `01:00`), so a schedule running past midnight still prints a clock time.
    public static func format(_ minutes: Int) -> String {
        let day = 24 * 60
        let m = ((minutes % day) + day) % day
        return twoDigits(m / 60) + ":" + twoDigits(m % 60)
    }
}

/// Calendar dates written `YYYY-MM-DD`.
public enum CalendarDate {
    /// Year, month and day of a `YYYY-MM-DD` date, or `nil` when the text is not a real date
    /// (`2023-10-32`, `2023-02-29`, `17/10/2023` are rejected).
    public static func components(_ s: String) -> (year: Int, month: Int, day: Int)? {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
            (1...12).contains(m), d >= 1, d <= daysInMonth(m, year: y)
        else { return nil }
        return (y, m, d)
    }

    /// Whether `s` is a real calendar date written `YYYY-MM-DD` (`2023-10-17`).
    public static func isValid(_ s: String) -> Bool { components(s) != nil }

    /// Number of days in `month` (1–12) of `year` in the Gregorian calendar.
    public static func daysInMonth(_ month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// Money amounts: exact non-negative integers in their currency, written the French way.
public enum Amounts {
    /// Parses an amount, or returns `nil` when the text is not a whole non-negative number.
    ///
    /// Accepted: plain digits (`13830294624`), digits grouped by threes with spaces, no-break
    /// spaces or narrow no-break spaces (`13 830 294 624`), or with underscores
    /// (`13_830_294_624`). Rejected: decimals (`12.5`, `12,5`), negatives (`-3`), exponents
    /// (`1e6`), badly grouped digits (`1 30 000`), values beyond `Int64.max`.
    public static func parse(_ s: String) -> Int64? {
        if case .success(let value) = check(s) { return value }
        return nil
    }

    /// An amount in a few cells, rounded (never cut): thousands `k`, millions `M`, billions `Md`
    /// in French and `bn` in English, with one decimal below 100 of the unit (below 10 billions) — a
    /// decimal comma in French, a point in English — and none when it is zero: `2 500 000` →
    /// « 2,5M » / “2.5M”, `43 650 000` → « 43,7M », `250 000 000` → « 250M », `999 950` → « 1M »,
    /// `800` → « 800 ». Halves round up. At most five cells up to 999 billions. A negative amount
    /// gets a `-`.
    public static func compact(_ amount: Int64, language: Language) -> String {
        if amount < 0 { return "-" + compact(amount == .min ? .max : -amount, language: language) }
        let units: [(Int64, String)] = [
            (1_000, "k"), (1_000_000, "M"), (1_000_000_000, language == .fr ? "Md" : "bn"),
        ]
        guard amount >= 1_000 else { return "\(amount)" }
        var k = units.lastIndex { amount >= $0.0 } ?? 0
        while true {
            let (unit, suffix) = units[k]
            let tenths = amount / (unit / 10) + (amount % (unit / 10) >= unit / 20 ? 1 : 0)
            if tenths < (k == units.count - 1 ? 100 : 1_000) {
                let whole = tenths / 10, tenth = tenths % 10
                return "\(whole)" + (tenth == 0 ? "" : (language == .fr ? "," : ".") + "\(tenth)") + suffix
            }
            let whole = amount / unit + (amount % unit >= unit / 2 ? 1 : 0)
            if whole < 1_000 || k == units.count - 1 { return "\(whole)" + suffix }
            k += 1
        }
    }

    /// Why an amount was rejected (used for precise diagnostics).
    public enum Problem: Error, Equatable, Sendable {
        /// Nothing typed.
        case empty
        /// A minus sign.
        case negative
        /// Decimals.
        case decimal
        /// An exponent (`1e6`).
        case exponent
        /// Digits not grouped by three.
        case grouping
        /// More than the largest amount.
        case tooLarge
        /// Not a number at all.
        case notANumber
        /// The language's decimal mark before exactly three digits (`250,000` in French,
        /// `250.000` in English): most likely thousands written the other language's way.
        case ambiguous
    }

    /// Multipliers written after a number: `250 k`, `2,5 M`, `2.5 million`, `1,2 milliard`.
    static let multipliers: [String: Int64] = [
        "k": 1_000, "mille": 1_000, "thousand": 1_000,
        "m": 1_000_000, "million": 1_000_000, "millions": 1_000_000, "mio": 1_000_000,
        "md": 1_000_000_000, "mrd": 1_000_000_000, "milliard": 1_000_000_000, "milliards": 1_000_000_000,
        "bn": 1_000_000_000, "billion": 1_000_000_000, "billions": 1_000_000_000,
    ]

    /// ``check(_:)`` for text typed in a session in `language`: besides the plain forms, digits
    /// grouped by commas (`1,250,000`) or dots (`2.500.000`), and a multiplier (`2,5 millions`,
    /// `2.5M`, `250 k`). A single comma or dot followed by three digits is a group separator in
    /// the language that groups with it (`1,500` is 1500 in English, `1.500` in French) and a
    /// decimal mark in the other; a decimal that leaves a fraction of the unit is refused.
    static func check(_ s: String, language: Language) -> Result<Int64, Problem> {
        let plain = check(s)
        if case .success = plain { return plain }
        var text = s.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("-") || text.hasPrefix("−") { return .failure(.negative) }
        var factor: Int64 = 1
        let letters = String(text.reversed().prefix { $0.isLetter }.reversed())
        if !letters.isEmpty {
            guard let f = multipliers[letters.lowercased()] else { return plain }
            factor = f
            text = String(text.dropLast(letters.count)).trimmingCharacters(in: .whitespaces)
        }
        let groupMark: Character = language == .en ? "," : "."
        let decimalMark: Character = language == .en ? "." : ","
        var integer = text
        var fraction = ""
        let commas = text.filter { $0 == "," }.count, dots = text.filter { $0 == "." }.count
        func groupsOfThree(_ t: String, _ mark: Character) -> Bool {
            let parts = t.split(separator: mark, omittingEmptySubsequences: false)
            return parts.count > 1 && (1...3).contains(parts[0].count) && parts.dropFirst().allSatisfy { $0.count == 3 }
        }
        if commas > 0 && dots > 0 {
            // 1,250,000.50 or 1.250.000,50: the last mark is the decimal one.
            let last = text.lastIndex { $0 == "," || $0 == "." }!
            integer = String(text[..<last])
            fraction = String(text[text.index(after: last)...])
            let mark = text[last] == "," ? Character(".") : Character(",")
            guard groupsOfThree(integer, mark) else { return .failure(.grouping) }
            integer = integer.filter { $0 != mark }
        } else if commas + dots > 0 {
            let mark: Character = commas > 0 ? "," : "."
            if max(commas, dots) > 1 || (mark == groupMark && groupsOfThree(text, mark)) {
                guard groupsOfThree(text, mark) else { return .failure(.grouping) }
                integer = text.filter { $0 != mark }
            } else if mark == decimalMark, factor == 1, text.split(separator: mark).last?.count == 3 {
                // 250,000 in French: decimals of a thousandth, or thousands the English way?
                // Never guessed: a slip here is an amount a thousand times off.
                return .failure(.ambiguous)
            } else if mark == decimalMark || factor > 1 || text.split(separator: mark).last?.count != 3 {
                // The language's decimal mark, a mantissa (2.5M), or the other language's decimal
                // mark (12.5 in French): read as decimals, refused unless they make whole units.
                let parts = text.split(separator: mark, omittingEmptySubsequences: false)
                integer = String(parts[0])
                fraction = String(parts[1])
            } else {
                return .failure(.grouping)
            }
        }
        guard !integer.isEmpty || !fraction.isEmpty else { return plain }
        let whole: Int64
        switch check(integer.isEmpty ? "0" : integer) {
        case .success(let v): whole = v
        case .failure(let p): return .failure(p == .notANumber && !fraction.isEmpty ? .decimal : p)
        }
        guard fraction.allSatisfy(\.isASCIIDigit), fraction.count <= 9 else { return .failure(.notANumber) }
        let (scaled, o1) = whole.multipliedReportingOverflow(by: factor)
        if o1 { return .failure(.tooLarge) }
        guard !fraction.isEmpty else { return .success(scaled) }
        var unit: Int64 = 1
        for _ in fraction { unit *= 10 }
        let (part, o2) = (Int64(fraction) ?? 0).multipliedReportingOverflow(by: factor)
        if o2 { return .failure(.tooLarge) }
        guard part % unit == 0 else { return .failure(.decimal) }
        let (sum, o3) = scaled.addingReportingOverflow(part / unit)
        return o3 ? .failure(.tooLarge) : .success(sum)
    }

    static func check(_ s: String) -> Result<Int64, Problem> {
        let text = s.trimmingCharacters(in: .whitespaces)
        if text.isEmpty { return .failure(.empty) }
        let separators: Set<Character> = [" ", "\u{00A0}", "\u{202F}", "_"]
        let body = text.hasPrefix("+") ? String(text.dropFirst()) : text
        if body.hasPrefix("-") || body.hasPrefix("−") {
            return isNumberLike(body.dropFirst()) ? .failure(.negative) : .failure(.notANumber)
        }
        if body.allSatisfy({ $0.isASCIIDigit || separators.contains($0) }) {
            guard body.first?.isASCIIDigit == true, body.last?.isASCIIDigit == true else {
                return .failure(.grouping)
            }
            let groups = body.split(whereSeparator: { separators.contains($0) })
            if groups.count > 1 {
                // Each separator must delimit groups of three digits after the first group.
                let separatorCount = body.filter { separators.contains($0) }.count
                guard separatorCount == groups.count - 1,
                    (1...3).contains(groups[0].count),
                    groups.dropFirst().allSatisfy({ $0.count == 3 })
                else { return .failure(.grouping) }
            }
            guard let value = Int64(groups.joined()) else { return .failure(.tooLarge) }
            return .success(value)
        }
        if isNumberLike(body) {
            let lower = body.lowercased()
            if lower.contains("e") { return .failure(.exponent) }
            if body.contains(".") || body.contains(",") { return .failure(.decimal) }
        }
        return .failure(.notANumber)
    }

    private static func isNumberLike<S: StringProtocol>(_ s: S) -> Bool {
        guard s.first?.isASCIIDigit == true || s.first == "." else { return false }
        return s.allSatisfy { $0.isASCIIDigit || ".,eE+-_ \u{00A0}\u{202F}".contains($0) }
    }

    /// Formats an amount with digits grouped by threes, the French way: `13 830 294 624`.
    /// `separator` defaults to a plain space, which every terminal displays at width one;
    /// pass `"\u{202F}"` (narrow no-break space) for typeset documents.
    public static func format(_ amount: Int64, separator: String = " ") -> String {
        let digits = String(amount.magnitude)
        var groups: [Substring] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.insert(digits[start..<end], at: 0)
            end = start
        }
        return (amount < 0 ? "-" : "") + groups.joined(separator: separator)
    }
}

extension Character {
    /// `0`–`9` only (not other Unicode digits).
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

/// `7` → `07`.
func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

/// Splits `1 h 30 min` into (number, unit) parts.
private struct UnitScanner {
    struct Part { var value: Int; var unit: String? }
    private let chars: [Character]
    private var i = 0

    init(_ s: String) { chars = Array(s.lowercased()) }

    mutating func parts() -> [Part]? {
        var result: [Part] = []
        skipSpaces()
        while i < chars.count {
            var digits = ""
            while i < chars.count, chars[i].isASCIIDigit { digits.append(chars[i]); i += 1 }
            // Up to six digits: a million minutes is already two years.
            guard !digits.isEmpty, digits.count <= 6, let value = Int(digits) else { return nil }
            skipSpaces()
            var unit = ""
            while i < chars.count, chars[i].isLetter { unit.append(chars[i]); i += 1 }
            skipSpaces()
            result.append(Part(value: value, unit: unit.isEmpty ? nil : unit))
            // A unitless number must be the last part.
            if unit.isEmpty, i < chars.count { return nil }
        }
        return result
    }

    private mutating func skipSpaces() { while i < chars.count, chars[i].isWhitespace { i += 1 } }
}
