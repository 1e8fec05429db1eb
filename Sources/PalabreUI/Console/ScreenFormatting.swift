import PalabreCore

/// Small formatting rules shared by the screens: counts, percentages, colons, speaking times.
extension Labels {
    /// « 3 entrées », « 1 entrée », « 0 entrée » in French; "0 entries" in English
    /// (``Agreement/counted(_:one:many:_:)``).
    func counted(_ n: Int, _ one: UILabel, _ many: UILabel) -> String {
        Agreement.counted(n, one: self[one], many: self[many], language)
    }

    /// A whole percentage: « 12 % » (no-break space) in French, "12%" in English.
    func percent(_ p: Int) -> String { language == .fr ? "\(p)\u{00A0}%" : "\(p)%" }

    /// `text` with `%unit` replaced by what the programme calls its units, lower case (« commune »
    /// for a roundtable, “budget line” for a council).
    func unitWord(_ text: String, _ programme: Programme) -> String {
        let unit = programme.unitLabel.map { $0.lowercased() } ?? "commune"  // the same word in both languages
        return text.replacingOccurrences(of: "%unit", with: unit)
    }

    /// « : » between a label and its value: " : " in French, ": " in English.
    var colon: String { language == .fr ? " : " : ": " }
}

/// Seconds of speech as `m:ss`, or `h:mm:ss` from one hour.
func speakingClock(_ seconds: Int) -> String {
    let s = max(0, seconds)
    let pad = { (v: Int) in v < 10 ? "0\(v)" : "\(v)" }
    return s >= 3600 ? "\(s / 3600):\(pad(s / 60 % 60)):\(pad(s % 60))" : "\(s / 60):\(pad(s % 60))"
}
