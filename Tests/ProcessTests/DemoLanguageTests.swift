import Foundation
import Testing

@testable import PalabreCore

/// The demo rehearsal, played by `palabre script`, gives French documents without English labels
/// and English ones without French labels (the typed text taken out), with the word lists of
/// Tests/Tables/language-words.txt.
struct DemoLanguageTests {
    /// Words of `language` from Tests/Tables/language-words.txt, the one list every language scan reads.
    static func words(_ language: Language) -> [String] {
        let path = Bin.root + "/Tests/Tables/language-words.txt"
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { line in
            line.hasPrefix(language.rawValue + ": ")
                ? String(line.dropFirst(4)).trimmingCharacters(in: .whitespaces) : nil
        }
    }
    /// English words that must not appear in a French output (whole words, any case).
    static let english = words(.en)
    /// French words that must not appear in an English output (whole words, any case).
    static let french = words(.fr)

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

    static func typed(_ s: SessionState) -> [String] {
        var out: [String] = [s.programme.title, s.programme.venue, s.programme.city ?? ""]
        out += [s.programme.generalObjective ?? ""] + s.programme.specificObjectives
        out += [s.programme.context ?? "", s.programme.method ?? ""]
        out += s.programme.abbreviations.flatMap { [$0.acronym, $0.name] }
        for d in s.days { out += [d.title ?? ""] + d.items.map(\.title) }
        for c in s.programme.communes {
            out.append(c.name)
            for f in c.fiches { out += [f.title, f.sector] }
        }
        for o in s.programme.organisations { out += [o.name, o.acronym] }
        out += s.participants.map(\.function)
        for e in s.entries {
            let k = e.content
            out += [k.text, k.conditions ?? "", k.addressee ?? "", k.responsible ?? "", k.due ?? ""]
            out += [e.withdrawal?.reason ?? ""] + e.amendments.map(\.previous)
        }
        return out.filter { !$0.isEmpty }.sorted { $0.count > $1.count }
    }

    @Test func theDemoDocumentsSpeakOneLanguageEach() throws {
        let dir = try Bin.session(copying: "demo")
        let r = try Bin.run(["script", dir, Bin.root + "/sessions/demo/rehearsal.palabre"])
        #expect(r.status == 0, "\(r.stderr)")
        let programme = try #require(try ProgrammeLoader.load(path: dir + "/programme.yaml").programme)
        let events = try Journal(path: dir + "/journal.jsonl", writable: false).loadAll()
        let state = SessionState.fold(programme, events)
        let now = try #require(events.last).at
        for (language, words) in [(Language.fr, Self.english), (.en, Self.french)] {
            for d in Documents.render(state, options: DocumentOptions(language: language, now: now)) {
                var text = String(decoding: d.data, as: UTF8.self).replacingOccurrences(of: "\\", with: "")
                for u in Self.typed(state) {
                    for line in u.split(separator: "\n") where line.count > 1 {
                        text = text.replacingOccurrences(of: String(line), with: " ")
                    }
                }
                for w in words where Self.occurs(w, in: text) {
                    Issue.record("demo: \(language == .fr ? "French" : "English") \(d.name) has « \(w) »")
                }
            }
        }
    }
}
