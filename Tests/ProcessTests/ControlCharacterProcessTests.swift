import Foundation
import Testing

/// Every output of the real binary × every kind of injected control character: no raw control
/// byte reaches standard output, standard error, the journal or the documents.
@Suite("No raw control characters in any output (process)")
struct ControlCharacterProcessTests {
    /// The injected strings: OSC 0 (window title), OSC 52 (clipboard), CSI 2J, a C1 CSI, DEL, BEL,
    /// and the right-to-left override.
    static let injections: [(name: String, text: String)] = [
        ("OSC 0", "\u{1B}]0;title\u{07}"),
        ("OSC 52", "\u{1B}]52;c;aGVsbG8=\u{07}"),
        ("CSI 2J", "\u{1B}[2J"),
        ("C1 CSI", "\u{9B}2J"),
        ("DEL", "\u{7F}"),
        ("BEL", "\u{07}"),
        ("RLO", "\u{202E}"),
    ]

    /// The first raw control in `text` that `allowed` does not excuse, described; nil when clean.
    static func rawControl(_ text: String, allowing allowed: Set<UInt32> = [0x0A]) -> String? {
        for u in text.unicodeScalars where !allowed.contains(u.value) {
            let v = u.value
            if v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
                || v == 0x2028 || v == 0x2029
            {
                return String(format: "U+%04X", v)
            }
        }
        return nil
    }

    /// Records one output and the first raw control found in it.
    struct Findings {
        var checked: [String] = []
        var dirty: [String] = []
        mutating func expectClean(_ output: String, _ text: String, allowing allowed: Set<UInt32> = [0x0A]) {
            checked.append(output)
            if let bad = ControlCharacterProcessTests.rawControl(text, allowing: allowed) {
                dirty.append("\(output): \(bad)")
            }
        }
    }

    @Test("outputs × injected control characters", arguments: injections.map(\.name))
    func outputs(_ name: String) throws {
        let x = try #require(Self.injections.first { $0.name == name }).text
        let dir = try Bin.session()
        var f = Findings()
        func run(_ output: String, _ args: [String]) throws -> Bin.Output {
            let r = try Bin.run(args)
            f.expectClean(output + " stdout", r.stdout)
            f.expectClean(output + " stderr", r.stderr)
            return r
        }

        // Text that goes into the journal and the documents.
        for args in [
            ["start-day"], ["start-item"],
            ["walk-in", "Fonction" + x, "--name", "Nom" + x],
            ["note", "note" + x],
            ["request-floor", "Fonction"], ["give-floor"],
            [
                "commitment", "--partner", "anict", "--fiche", "TIM-01", "--amount", "1", "--conditions", "c" + x,
                "t" + x,
            ],
            ["action", "a" + x, "--responsible", "rep-anict"],
            ["recommendation", "r" + x],
            ["end-item"],
        ] {
            let r = try run("do " + args[0], ["do", dir] + args)
            #expect(r.status == 0, "do \(args[0]): \(r.stderr)")
        }
        // Refusals and script errors that echo what was typed.
        let refusal = try run("do refusal", ["do", dir, "start-item", "nope" + x])
        let script = dir + "/bad.script"
        try Data("# a comment\nstart-item nope\(x)\n".utf8).write(to: URL(fileURLWithPath: script))
        _ = try run("script error", ["script", dir, script])
        let verbScript = dir + "/verb.script"
        try Data("frob\(x) a\n".utf8).write(to: URL(fileURLWithPath: verbScript))
        _ = try run("script unknown verb", ["script", dir, verbScript])

        #expect(refusal.stderr.contains("nope"))
        _ = try run("minutes", ["minutes", dir])
        let journal = try String(contentsOfFile: dir + "/journal.jsonl", encoding: .utf8)
        f.expectClean("journal.jsonl", journal)
        for doc in ["minutes.md", "actions.csv", "attendance.csv", "commitments.csv", "speaking.csv"] {
            let text = try String(contentsOfFile: dir + "/out/" + doc, encoding: .utf8)
            f.expectClean(doc, text, allowing: doc.hasSuffix(".csv") ? [0x0A, 0x0D] : [0x0A])
        }
        for doc in ["actions.csv", "commitments.csv"] {
            let text = try String(contentsOfFile: dir + "/out/" + doc, encoding: .utf8)
            #expect(
                text.contains("␇") || text.contains("␛") || text.contains("␡") || text.contains("\u{FFFD}"), "\(doc)")
        }
        _ = try run("log", ["log", dir])
        _ = try run("log --json", ["log", "--json", dir])

        // Warnings about ids the programme lacks: an item id holding the injection.
        let escaped = x.unicodeScalars.map { String(format: "\\u%04x", $0.value) }.joined()
        let damaged = journal.replacingOccurrences(of: "\"demo-ouverture\"", with: "\"id\(escaped)\"")
        try Data(damaged.utf8).write(to: URL(fileURLWithPath: dir + "/journal.jsonl"))
        _ = try run("verify warnings", ["verify", dir])
        _ = try run("log warnings", ["log", dir])
        _ = try run("minutes warnings", ["minutes", dir])
        _ = try run("screen warnings", ["screen", dir, "facilitator"])

        // check: a programme echoing the injection in its title and in an unknown reference.
        let yaml = x.unicodeScalars.map { String(format: "\\u%04X", $0.value) }.joined()
        var programme = try String(contentsOfFile: dir + "/programme.yaml", encoding: .utf8)
        programme = programme.replacingOccurrences(
            of: "title: Table ronde de démonstration", with: "title: \"Table ronde\(yaml)\"")
        try Data(programme.utf8).write(to: URL(fileURLWithPath: dir + "/programme.yaml"))
        _ = try run("check ok", ["check", dir])
        programme = programme.replacingOccurrences(of: "organisers: [adr-segou]", with: "organisers: [\"adr\(yaml)\"]")
        try Data(programme.utf8).write(to: URL(fileURLWithPath: dir + "/programme.yaml"))
        _ = try run("check errors", ["check", dir])

        #expect(f.checked.count >= 30)
        #expect(f.dirty.isEmpty, "raw control characters with \(name): \(f.dirty)")
    }

    @Test("a huge unknown id is echoed cut, and checked quickly")
    func hugeValue() throws {
        let dir = try Bin.session()
        let huge = String(repeating: "x", count: 100_000)
        try #require(Bin.run(["do", dir, "start-day"]).status == 0)
        let r = try Bin.run(["do", dir, "start-item", huge])
        #expect(r.status != 0)
        #expect(r.stderr.utf8.count < 2_000)
        #expect(r.stderr.contains("…"))
        var programme = try String(contentsOfFile: dir + "/programme.yaml", encoding: .utf8)
        programme = programme.replacingOccurrences(of: "organisers: [adr-segou]", with: "organisers: [\(huge)]")
        try Data(programme.utf8).write(to: URL(fileURLWithPath: dir + "/programme.yaml"))
        let start = Date()
        let c = try Bin.run(["check", dir])
        #expect(Date().timeIntervalSince(start) < 5)
        #expect(c.status == 1)
        #expect(c.stdout.utf8.count < 4_000)
    }
}
