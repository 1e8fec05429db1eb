import Foundation
import Testing

@testable import PalabreCore

/// The demo programme, as its file holds it.
private func demoProgramme() throws -> String {
    let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    return try String(contentsOf: root.appendingPathComponent("sessions/demo/programme.yaml"), encoding: .utf8)
}

/// A programme with two items sharing their fields through a YAML merge key.
private let merged = """
    title: Table ronde
    venue: Salle
    days:
      - date: 2023-10-17
        items:
          - &pitch
            id: pitch-1
            kind: commune-pitch
            title: Pitch
            start: 09:00
            duration: 10m
          - <<: *pitch
            id: pitch-2
            title: Deuxième pitch
          - <<: [*pitch]
            id: pitch-3
            duration: 5m

    """

@Suite("Identity of text: NFC, line endings, invisible characters")
struct TextIdentityTests {
    @Test("TextFile drops a BOM and reads CRLF and CR as LF; invalid UTF-8 is nil, located")
    func textFile() {
        #expect(TextFile.decode(Data("\u{FEFF}a: 1\r\nb: 2\rc\n".utf8)) == "a: 1\nb: 2\nc\n")
        #expect(TextFile.decode(Data("plain\n".utf8)) == "plain\n")
        #expect(TextFile.decode(Data("é\r\n\r\n".utf8)) == "é\n\n")
        #expect(TextFile.decode(Data([0x61, 0x0D, 0x0A, 0x62, 0xFF])) == nil)
        let at = TextFile.firstInvalidByte(in: Data([0xEF, 0xBB, 0xBF, 0x61, 0x0D, 0x0A, 0x62, 0x63, 0xFF]))
        #expect(at.line == 2 && at.column == 3)
        #expect(TextFile.normalise("\u{FEFF}x\r\ny") == "x\ny")
    }

    @Test("Text.nfc composes decomposed accents and keeps ASCII as is")
    func nfc() {
        #expect(Array(Text.nfc("maire-die\u{301}li").utf8) == Array("maire-di\u{E9}li".utf8))
        #expect(Text.nfc("abc") == "abc")
    }

    @Test("Invisible characters are revealed as escapes; variation selectors and visible text stay")
    func reveal() {
        #expect(Text.reveal("ti\u{200B}tle") == "ti\\u{200B}tle")
        #expect(Text.reveal("a\u{A0}b\u{202F}c") == "a\\u{A0}b\\u{202F}c")
        #expect(Text.reveal("\u{FEFF}id") == "\\u{FEFF}id")
        #expect(Text.reveal("\u{202E}x") == "\\u{202E}x")
        #expect(Text.reveal("❤\u{FE0F} Ségou") == "❤\u{FE0F} Ségou")
        #expect(Text.reveal("a\u{1B}b") == "a␛b")
    }

    @Test("A programme saved with CRLF and a BOM reads as the same programme")
    func crlfProgramme() throws {
        let lf = try demoProgramme()
        let windows = "\u{FEFF}" + lf.replacingOccurrences(of: "\n", with: "\r\n")
        let a = ProgrammeLoader.parse(lf, file: "p.yaml")
        let b = ProgrammeLoader.parse(windows, file: "p.yaml")
        #expect(!a.hasErrors)
        #expect(b.diagnostics == a.diagnostics)
        #expect(b.programme == a.programme)
        #expect(b.programme?.title.contains("\r") == false)
    }

    @Test("Under CRLF, a repeated key and a tab keep their line and their hint")
    func crlfHints() throws {
        let lf = try demoProgramme()
        let repeated = lf.replacingOccurrences(of: "\nvenue:", with: "\ntitle: Encore\nvenue:")
        let plain = ProgrammeLoader.parse(repeated, file: "p.yaml").errors.map(\.description)
        let windows = ProgrammeLoader.parse(repeated.replacingOccurrences(of: "\n", with: "\r\n"), file: "p.yaml")
        // The demo programme is French: so are its diagnostics.
        #expect(plain.contains { $0.contains("clé « title » répétée\u{00A0}: déjà donnée ligne") }, "\(plain)")
        #expect(windows.errors.map(\.description) == plain)

        let tabbed = lf.replacingOccurrences(of: "\nvenue:", with: "\n\tvenue:").replacingOccurrences(
            of: "\n", with: "\r\n")
        let tab = ProgrammeLoader.parse(tabbed, file: "p.yaml")
        #expect(
            tab.errors.first?.message.contains("les tabulations n'indentent pas le YAML\u{00A0}: attendu des espaces")
                == true)
    }

    @Test("A zero-width space in a key is shown in the diagnostic")
    func zeroWidthSpace() throws {
        let lf = try demoProgramme()
        let text = lf.replacingOccurrences(of: "\ntitle:", with: "\nti\u{200B}tle:")
        let r = ProgrammeLoader.parse(text, file: "p.yaml")
        let unknown = r.errors.map(\.description).first { $0.contains("clé inconnue") }
        #expect(
            unknown?.contains("clé inconnue « ti\\u{200B}tle »\u{00A0}: vouliez-vous dire « title »\u{00A0}?") == true,
            "\(r.errors)"
        )
        #expect(unknown?.unicodeScalars.contains("\u{200B}") == false)
    }

    @Test("Ids and texts of the programme are stored in NFC")
    func programmeNFC() throws {
        let lf = try demoProgramme()
        let text = lf.replacingOccurrences(of: "id: rep-anict", with: "id: re\u{301}p-anict")
            .replacingOccurrences(of: "[anict, rep-anict]", with: "[anict, r\u{E9}p-anict]")
        let r = ProgrammeLoader.parse(text, file: "p.yaml")
        #expect(!r.hasErrors, "\(r.errors)")
        let ids = r.programme?.participants.map(\.id) ?? []
        #expect(ids.contains { Array($0.utf8) == Array("r\u{E9}p-anict".utf8) })
        #expect(!ids.contains { $0.unicodeScalars.contains("\u{301}") })
    }
}

@Suite("YAML: aliases bounded, merge keys")
struct YAMLTests {
    @Test("A billion-laughs programme is refused at the alias that passes the bound")
    func billionLaughs() {
        var text = "title: lol\nvenue: lol\nlol0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            text +=
                "lol\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ")
                + "]\n"
        }
        let r = ProgrammeLoader.parse(text, file: "p.yaml")
        #expect(r.programme == nil)
        #expect(r.diagnostics.count == 1)
        let d = r.diagnostics.first
        #expect(d?.line == 8, "lol5 is the level that passes 512 KiB of text")
        #expect((d?.column ?? 0) > 10)
        #expect(d?.message.contains("the aliases expand the document past 512 KiB of text (alias *a4)") == true)
    }

    @Test("A long text used a thousand times is refused; a few uses are fine")
    func amplification() {
        let long = String(repeating: "x", count: 100_000)
        let many = Array(repeating: "*s", count: 1000).joined(separator: ", ")
        let text = "title: t\nvenue: v\nobjectives:\n  general: &s \"\(long)\"\n  specific: [\(many)]\ndays: []\n"
        let r = ProgrammeLoader.parse(text, file: "p.yaml")
        #expect(r.programme == nil)
        #expect(r.diagnostics.first?.message.contains("past 512 KiB of text (alias *s)") == true, "\(r.diagnostics)")
        #expect(r.diagnostics.first?.line == 5)

        let few = "title: t\nvenue: v\nobjectives:\n  general: &s \"\(long)\"\n  specific: [*s, *s, *s]\n"
        let ok = ProgrammeLoader.parse(few, file: "p.yaml")
        #expect(!ok.diagnostics.contains { $0.message.contains("aliases") })
    }

    @Test("More than 2,000 alias uses are refused at the 2,001st")
    func aliasUses() {
        let uses = Array(repeating: "*a", count: 2001).joined(separator: ", ")
        let text = "title: t\nvenue: v\nx: &a y\nobjectives:\n  specific: [\(uses)]\n"
        let d = ProgrammeLoader.parse(text, file: "p.yaml").diagnostics
        #expect(d.count == 1)
        #expect(d.first?.message.contains("more than 2,000 uses of aliases") == true)
        #expect(d.first?.line == 5)
        #expect(d.first?.column == 14 + 4 * 2000)
        // A French programme is told in French.
        let fr = ProgrammeLoader.parse("language: fr\n" + text, file: "p.yaml").diagnostics
        #expect(
            fr.first?.message.contains("plus de 2 000 utilisations d'alias (*nom) dans le document (alias *a)") == true)
        #expect(fr.first?.message.contains("refusé, comme le serait un document fait pour grandir sans fin") == true)
        #expect(fr.first?.message.contains("uses") == false, "\(fr)")
    }

    @Test("An alias of a list used as a key is refused before it is composed")
    func aliasAsKey() {
        let text = "title: t\nvenue: v\nl: &l [a, b]\nm: {*l : 1}\n"
        let d = ProgrammeLoader.parse(text, file: "p.yaml").diagnostics
        #expect(
            d.map(\.description) == [
                "p.yaml:4:5: an alias of a list or mapping is used as a mapping key (alias *l): expected a plain key such as title"
            ])
    }

    @Test("Merge keys: an item takes the fields of another and overrides its id and some fields")
    func mergeKeys() {
        let r = ProgrammeLoader.parse(merged, file: "p.yaml")
        #expect(!r.hasErrors, "\(r.errors)")
        let items = r.programme?.days.first?.items ?? []
        #expect(items.map(\.id) == ["pitch-1", "pitch-2", "pitch-3"])
        #expect(items.map(\.title) == ["Pitch", "Deuxième pitch", "Pitch"])
        #expect(items.map(\.kind) == [.communePitch, .communePitch, .communePitch])
        #expect(items.map(\.duration) == [600, 600, 300])
    }

    @Test("A merge key without its own id reports the duplicate; a merge of text is reported")
    func mergeKeyProblems() {
        let noId = merged.replacingOccurrences(of: "        id: pitch-2\n", with: "")
        let r = ProgrammeLoader.parse(noId, file: "p.yaml")
        #expect(r.errors.contains { $0.message.contains("duplicate id \"pitch-1\"") }, "\(r.errors)")
        #expect(!r.errors.contains { $0.message.contains("unknown key") })

        let text = merged.replacingOccurrences(of: "<<: [*pitch]", with: "<<: oops")
        let bad = ProgrammeLoader.parse(text, file: "p.yaml")
        #expect(bad.errors.contains { $0.message.contains("a merge key (<<) takes an alias of a mapping") })
    }

    @Test("Seeded fuzz: mutated programmes with aliases, merges and line endings never crash")
    func seededFuzz() throws {
        let base = merged
        var generator = SplitMix64(seed: 0x1313)
        let pieces = [
            "*pitch", "<<: *pitch", "&x ", "*x", "\r\n", "\r", "\u{FEFF}", "\u{200B}", "e\u{301}", "[", "{", ": ", "- ",
            "\t",
        ]
        var refused = 0
        for _ in 0..<150 {
            var scalars = Array(base.unicodeScalars)
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                let at = Int.random(in: 0...scalars.count, using: &generator)
                let piece = pieces[Int.random(in: 0..<pieces.count, using: &generator)]
                scalars.insert(contentsOf: piece.unicodeScalars, at: at)
            }
            let r = ProgrammeLoader.parse(String(String.UnicodeScalarView(scalars)), file: "p.yaml")
            if r.hasErrors { refused += 1 } else { #expect(r.programme != nil) }
            #expect(r.diagnostics.allSatisfy { $0.line >= 1 && $0.column >= 1 })
        }
        #expect(refused > 0 && refused < 150, "the corpus mixes valid and invalid programmes")
    }
}
