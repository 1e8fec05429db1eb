import Foundation
import Testing

@testable import PalabreCore
@testable import PalabreUI

/// The words of Tests/Tables/language-words.txt, read once: French words that must not appear in
/// an English output, English words that must not appear in a French one.
enum LanguageWords {
    static let all: [(language: Language, word: String)] = {
        let path = SegouMoments.root + "/Tests/Tables/language-words.txt"
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#"), let colon = line.firstIndex(of: ":") else { return nil }
            let word = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch line[..<colon] {
            case "fr": return (.fr, word)
            case "en": return (.en, word)
            default: return nil
            }
        }
    }()

    /// Words of the other language than `language`.
    static func foreign(to language: Language) -> [String] {
        all.filter { $0.language != language }.map(\.word)
    }

    /// Whether `word` occurs in `text` as a whole word (letters on neither side), ignoring case.
    static func occurs(_ word: String, in text: String) -> Bool {
        let t = text.lowercased(), w = word.lowercased()
        var from = t.startIndex
        while let r = t.range(of: w, range: from..<t.endIndex) {
            let before = r.lowerBound == t.startIndex ? nil : t[t.index(before: r.lowerBound)]
            let after = r.upperBound == t.endIndex ? nil : t[r.upperBound]
            if !(before?.isLetter ?? false) && !(after?.isLetter ?? false) { return true }
            from = r.upperBound
        }
        return false
    }

    /// What in `text` breaks `language`'s typography: in English a no-break space before « : ; ! ? »,
    /// a space before « : ; » or French quotes; in French a colon or semicolon glued to a word, or
    /// English quotes. (`?` and `!` alone are also key names, so a space before them is allowed.)
    static func typographyFaults(_ text: String, _ language: Language) throws -> [String] {
        let rule =
            language == .en
            ? try Regex(#"[\u{00A0}\u{202F}][:;!?]|\p{L} [:;](?=\s|$)|«|»"#)
            : try Regex(#"\p{L}[:;](?=\s|$)|“|”"#)
        return text.matches(of: rule).map { String(text[$0.range]) }
    }

    /// `text` without its format placeholders (`%d`, `%@`, `%1`, `%planned`).
    static func withoutPlaceholders(_ text: String) -> String {
        text.replacing(try! Regex(#"%[A-Za-z0-9@]+"#), with: "0")
    }
}

@Suite("No word of the other language")
struct LanguageLeakTests {
    @Test func theListHasWordsOfBothLanguages() {
        #expect(LanguageWords.foreign(to: .fr).count > 40)
        #expect(LanguageWords.foreign(to: .en).count > 40)
        #expect(LanguageWords.occurs("jour", in: "Jour 2"))
        #expect(!LanguageWords.occurs("jour", in: "journée"))
    }

    @Test("Every console label speaks its own language, with its typography", arguments: Language.allCases)
    func consoleLabels(_ language: Language) throws {
        for label in UILabel.allCases {
            let text = LanguageWords.withoutPlaceholders(language == .fr ? label.pair.fr : label.pair.en)
            for w in LanguageWords.foreign(to: language) where LanguageWords.occurs(w, in: text) {
                Issue.record("\(language) label \(label) has « \(w) »: \(text)")
            }
            for f in try LanguageWords.typographyFaults(text, language) {
                Issue.record("\(language) label \(label) has « \(f) »: \(text)")
            }
        }
    }

    @Test("palabre keys and the help speak the session's language", arguments: Language.allCases)
    func keys(_ language: Language) throws {
        // The JSON's ids (actions, screens) are English by design: its words are its hints and help.
        let rows = try JSONSerialization.jsonObject(with: Data(Keymap.json(Labels(language)).utf8)) as? [[String: Any]]
        let json = (rows ?? []).flatMap { [$0["hint"], $0["help"]] + ($0["keys"] as? [Any] ?? []) }
        #expect(json.count > 100)
        let text = Keymap.text(Labels(language)) + "\n" + json.map { "\($0 ?? "")" }.joined(separator: "\n")
        for w in LanguageWords.foreign(to: language) where LanguageWords.occurs(w, in: text) {
            Issue.record("\(language) keys have « \(w) »")
        }
        let faults = try LanguageWords.typographyFaults(text, language)
        #expect(faults.isEmpty, "\(language): \(faults)")
    }

    /// The programme's and the journal's own text, taken out of a screen before the scan
    /// (screens cut long titles, so each of their words is taken out).
    static let typedWords: Set<String> = {
        var words: Set<String> = []
        var texts: [String] = []
        let p = SegouMoments.programme
        texts += [p.title, p.venue, p.city ?? ""] + p.days.flatMap { [$0.title ?? ""] + $0.items.map(\.title) }
        texts += p.communes.flatMap { [$0.name] + $0.fiches.flatMap { [$0.title, $0.sector] } }
        texts += p.organisations.flatMap { [$0.name, $0.acronym] } + p.participants.map(\.function)
        for m in SegouMoments.Moment.allCases {
            let s = SegouMoments.state(m).state
            texts += s.participants.map(\.function) + s.entries.map(\.content.text)
            texts += s.entries.compactMap(\.content.conditions)
        }
        // The recorded Ségou journal, which the follow-up screen's snapshots show.
        let recorded = SegouMoments.root + "/sessions/segou-2023-recorded/journal.jsonl"
        texts += ((try? String(contentsOfFile: recorded, encoding: .utf8)) ?? "").split(separator: "\n").map(
            String.init)
        for t in texts {
            for w in t.lowercased().split(whereSeparator: { !$0.isLetter }) { words.insert(String(w)) }
        }
        return words
    }()

    @Test("Screen snapshots have no label of the other language", arguments: Language.allCases)
    func screenSnapshots(_ language: Language) throws {
        let dir = SegouMoments.root + "/Tests/PalabreUITests/Snapshots/"
        let files = try FileManager.default.contentsOfDirectory(atPath: dir)
            .filter { $0.hasSuffix(".txt") && $0.hasSuffix("-en.txt") == (language == .en) }
        #expect(files.count >= 10)
        for f in files {
            let text = try String(contentsOfFile: dir + f, encoding: .utf8)
            for w in LanguageWords.foreign(to: language) where LanguageWords.occurs(w, in: text) {
                let typed = w.lowercased().split(whereSeparator: { !$0.isLetter })
                    .allSatisfy { Self.typedWords.contains(String($0)) }
                if !typed { Issue.record("\(f) has « \(w) »") }
            }
        }
    }
}
