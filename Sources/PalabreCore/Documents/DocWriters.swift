import Foundation

/// One cell of a CSV row: text typed by people (neutralised against formulas) or a number we computed.
enum CSVCell {
    /// Text; a leading `=`, `+`, `-`, `@` or CR gets a `'` so a spreadsheet cannot run it, and control
    /// characters other than line breaks are shown visibly (``Text/visible(_:keeping:)``).
    case text(String)
    /// An integer written with digits only, so spreadsheets can add it up.
    case number(Int64)
    /// An empty cell.
    case empty

    /// Text, or an empty cell for nil.
    static func opt(_ s: String?) -> CSVCell { s.map { .text($0) } ?? .empty }
    /// A number, or an empty cell for nil.
    static func num(_ n: Int?) -> CSVCell { n.map { .number(Int64($0)) } ?? .empty }
}

/// The CSV writer every CSV document goes through: UTF-8 with a byte-order mark (so a spreadsheet
/// set up for French opens accents right), one separator (`;` by default), CRLF line ends,
/// RFC 4180 quoting, and formula neutralisation of text cells.
struct CSVWriter {
    private(set) var text: String
    let separator: Character
    private let separatorScalars: [Unicode.Scalar]

    init(separator: Character) {
        self.separator = separator
        separatorScalars = Array(String(separator).unicodeScalars)
        text = "\u{FEFF}"
    }

    /// Appends one row.
    mutating func row(_ cells: [CSVCell]) {
        for (i, c) in cells.enumerated() {
            if i > 0 { text.append(separator) }
            switch c {
            case .empty: break
            case .number(let n): text += String(n)
            case .text(let s): text += Self.escape(s, separatorScalars)
            }
        }
        text += "\r\n"
    }

    /// Appends a header row.
    mutating func header(_ names: [String]) { row(names.map { .text($0) }) }

    /// The bytes of the file.
    var data: Data { Data(text.utf8) }

    /// A text cell, neutralised and quoted as needed.
    static func escape(_ s0: String, _ sep: [Unicode.Scalar]) -> String {
        // No control character reaches a spreadsheet raw: a line break stays as LF (CRLF and a
        // lone CR read as one; the cell is quoted), tabs become spaces, the others a visible symbol.
        let lf =
            s0.utf8.contains(13)
            ? s0.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") : s0
        var s =
            lf.unicodeScalars.contains(where: Text.needsPlaceholder)
            ? Text.visible(lf.replacingOccurrences(of: "\t", with: " "), keeping: "\n") : lf
        if let first = s.unicodeScalars.first, "=+-@\t".unicodeScalars.contains(first) { s = "'" + s }
        var needsQuotes = false
        var hasQuote = false
        for u in s.unicodeScalars {
            if u == "\"" { hasQuote = true; needsQuotes = true; break }
            if u == "\n" || u == "\r" || (sep.count == 1 && u == sep[0]) { needsQuotes = true }
        }
        if !needsQuotes && sep.count > 1 && s.contains(String(String.UnicodeScalarView(sep))) { needsQuotes = true }
        guard needsQuotes else { return s }
        if hasQuote { s = s.replacingOccurrences(of: "\"", with: "\"\"") }
        return "\"" + s + "\""
    }
}

/// Markdown escaping for text typed by people, so it shows as typed and never breaks the layout.
enum MD {
    /// Characters that CommonMark (and GitHub tables) may read as markup anywhere in a line.
    private static let inlineSpecial: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for b in "\\`*_[]<>#~|".utf8 { table[Int(b)] = true }
        return table
    }()

    /// One line of text with inline markup characters escaped (`|` included, for tables).
    static func inline(_ s0: String) -> String {
        // Control characters never reach a document raw: tabs become spaces, the others a visible symbol.
        let s =
            s0.unicodeScalars.contains(where: Text.needsPlaceholder)
            ? Text.visible(s0.replacingOccurrences(of: "\t", with: " ")) : s0
        guard s.utf8.contains(where: { inlineSpecial[Int($0)] }) else { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count + 8)
        for ch in s.unicodeScalars {
            if ch.isASCII && inlineSpecial[Int(ch.value)] { out.unicodeScalars.append("\\") }
            out.unicodeScalars.append(ch)
        }
        return out
    }

    /// Lines of `s`, with CRLF and CR read as LF.
    private static func lines(_ s: String) -> [Substring] {
        var t = s
        if t.utf8.contains(13) {
            t = t.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return t.utf8.split(separator: 10, omittingEmptySubsequences: false).map { Substring($0) }
    }

    /// Whether a line would start a block (heading, quote, list, rule, setext underline, numbered item).
    private static func startsBlock(_ line: Substring) -> Bool {
        guard let f = line.utf8.first else { return false }
        if f == UInt8(ascii: "-") || f == UInt8(ascii: "+") || f == UInt8(ascii: "=") { return true }
        if (48...57).contains(f) {
            let digits = line.utf8.prefix { (48...57).contains($0) }
            let rest = line.utf8.dropFirst(digits.count)
            if let n = rest.first, n == UInt8(ascii: ".") || n == UInt8(ascii: ")") { return true }
        }
        return false
    }

    /// One trimmed line escaped so that it reads as text wherever it stands.
    private static func line(_ raw: Substring) -> String {
        let l = String(Text.trimmingSpaces(raw))
        var e = inline(l)
        if startsBlock(Substring(l)) {
            if let f = l.first, "-+=".contains(f) {
                e = "\\" + e
            } else if let dot = e.firstIndex(where: { $0 == "." || $0 == ")" }) {
                e.insert("\\", at: dot)
            }
        }
        return e
    }

    /// A block of text that may hold several lines, for a paragraph or a list item: each line is
    /// escaped and trimmed, lines are joined with hard breaks and blank lines start a new paragraph
    /// indented by `indent` (the continuation indent of the list item, or "").
    static func block(_ s: String, indent: String = "") -> String {
        let ls = lines(s)
        if ls.count == 1 { return line(ls[0]) }
        var paragraphs: [[String]] = [[]]
        for raw in ls {
            let e = line(raw)
            if e.isEmpty {
                if !(paragraphs.last?.isEmpty ?? true) { paragraphs.append([]) }
                continue
            }
            paragraphs[paragraphs.count - 1].append(e)
        }
        if paragraphs.last?.isEmpty ?? false { paragraphs.removeLast() }
        return paragraphs.map { $0.joined(separator: "\\\n" + indent) }.joined(separator: "\n\n" + indent)
    }

    /// A table cell: escaped, line breaks written as `<br>`, never a bare `|` or newline.
    static func cell(_ s: String) -> String {
        let ls = lines(s)
        if ls.count == 1 { return inline(String(Text.trimmingSpaces(ls[0]))) }
        return ls.map { inline(String(Text.trimmingSpaces($0))) }.filter { !$0.isEmpty }.joined(
            separator: "<br>")
    }

    /// A table row from already escaped cells.
    static func row(_ cells: [String]) -> String {
        "| " + cells.map { $0.isEmpty ? " " : $0 }.joined(separator: " | ") + " |\n"
    }

    /// A table header and its separator row; `right` marks right-aligned (numeric) columns.
    static func header(_ names: [String], right: Set<Int> = []) -> String {
        row(names.map(inline)) + "|" + names.indices.map { right.contains($0) ? "---:|" : "---|" }.joined() + "\n"
    }
}
