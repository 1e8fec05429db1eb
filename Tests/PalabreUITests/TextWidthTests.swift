import Testing

@testable import PalabreUI

@Suite("Display widths")
struct TextWidthTests {
    @Test("French typography survives wrapping: no line ends with « nor begins with », :, ;, ! or ?")
    func wrapKeepsFrenchPunctuationWithItsWord() {
        let texts = [
            "Aller à un moment : « 2 10:30 » (jour 2), « 10:30 » (ce jour) ou « 2023-10-18 10:30 »",
            "Statut : confirmé ; reste à verser ! Qui ? « Représentant de l'ANICT »",
        ]
        for text in texts {
            // From the width of the longest group kept together (narrower, a group is cut).
            let widest = TextWidth.unbreakable(text.split(separator: " ")).map { TextWidth.width(of: $0) }.max() ?? 1
            #expect(widest < 20)
            for width in widest...60 {
                let lines = TextWidth.wrap(text, width: width)
                for l in lines {
                    let t = l.trimmingCharacters(in: .whitespaces)
                    #expect(!t.hasSuffix("«"), "\(width): \(lines)")
                    #expect(!["»", ":", ";", "!", "?"].contains { t.hasPrefix($0) }, "\(width): \(lines)")
                }
                // Nothing lost: the same words in the same order.
                #expect(lines.joined(separator: " ").split(separator: " ") == text.split(separator: " "), "\(width)")
            }
        }
    }

    @Test("Latin letters, ligatures and dashes are one column")
    func narrow() {
        for c: Character in ["é", "œ", "—", "a", "«", "»", "€", "\u{00A0}", "\u{202F}"] {
            #expect(TextWidth.width(of: c) == 1, "\(c)")
        }
    }

    @Test("CJK, fullwidth forms, Hangul and emoji are two columns")
    func wide() {
        for c: Character in ["中", "🙂", "Ａ", "한", "あ", "🎉", "⌚", "☕"] {
            #expect(TextWidth.width(of: c) == 2, "\(c)")
        }
    }

    @Test("A combining accent adds nothing to its cluster")
    func combining() {
        let decomposed = "e\u{0301}"
        #expect(decomposed.count == 1)
        #expect(TextWidth.width(of: Character(decomposed)) == 1)
        #expect(TextWidth.width(of: "E\u{0301}te\u{0301}") == 3)
        #expect(TextWidth.width(of: Unicode.Scalar(0x0301)!) == 0)
        #expect(TextWidth.width(of: Unicode.Scalar(0x200B)!) == 0)
        #expect(TextWidth.width(of: Unicode.Scalar(0x200D)!) == 0)
        #expect(TextWidth.width(of: Unicode.Scalar(0xFE0F)!) == 0)
    }

    @Test("Emoji sequences are one cluster of two columns")
    func emojiSequences() {
        let family = "👨\u{200D}👩\u{200D}👧\u{200D}👦"
        #expect(family.count == 1)
        #expect(TextWidth.width(of: family) == 2)
        #expect(TextWidth.width(of: "👍🏽") == 2)  // skin tone
        #expect(TextWidth.width(of: "🇫🇷") == 2)  // flag
        #expect(TextWidth.width(of: "☀\u{FE0F}") == 2)  // U+2600 with VS16
        #expect(TextWidth.width(of: "❤\u{FE0F}") == 2)
        #expect(TextWidth.width(of: "☀") == 1)
        #expect(TextWidth.width(of: "a\u{FE0F}") == 1)
    }

    @Test("Strings add up their clusters")
    func strings() {
        #expect(TextWidth.width(of: "Été œ中 « guillemets »") == 22)
        #expect(TextWidth.width(of: "") == 0)
        #expect(TextWidth.width(of: "2\u{00A0}500\u{00A0}000\u{202F}FCFA") == 14)
    }

    @Test("Truncation counts columns and never splits a cluster")
    func truncation() {
        #expect(TextWidth.truncate("Décision importante", toWidth: 10) == "Décision …")
        #expect(TextWidth.truncate("court", toWidth: 10) == "court")
        #expect(TextWidth.truncate("中文中文", toWidth: 5) == "中文…")
        #expect(TextWidth.truncate("中文中文", toWidth: 4, ellipsis: "") == "中文")
        #expect(TextWidth.truncate("中文中文", toWidth: 3, ellipsis: "") == "中")
        let family = "👨\u{200D}👩\u{200D}👧"
        #expect(TextWidth.truncate(family + family, toWidth: 3) == family + "…")
        #expect(TextWidth.truncate("abc", toWidth: 0) == "")
        #expect(TextWidth.truncate("abcdef", toWidth: 1) == "…")
    }

    @Test("Padding gives exactly the width asked")
    func padding() {
        #expect(TextWidth.pad("中", toWidth: 4, alignment: .right) == "  中")
        #expect(TextWidth.pad("ab", toWidth: 5, alignment: .center) == " ab  ")
        #expect(TextWidth.pad("é", toWidth: 3) == "é  ")
        let long = TextWidth.pad("中文中文", toWidth: 4)
        #expect(TextWidth.width(of: long) == 4)
        #expect(long == "中… ")
    }

    @Test("Wrapping respects widths and no-break spaces")
    func wrapping() {
        #expect(TextWidth.wrap("Ordre du jour adopté", width: 10) == ["Ordre du", "jour", "adopté"])
        #expect(
            TextWidth.wrap("prêt de 2\u{00A0}500\u{00A0}000 FCFA", width: 12) == [
                "prêt de", "2\u{00A0}500\u{00A0}000", "FCFA",
            ])
        #expect(TextWidth.wrap("«\u{202F}oui\u{202F}» dit-il", width: 7) == ["«\u{202F}oui\u{202F}»", "dit-il"])
        #expect(TextWidth.wrap("中文中文中", width: 4) == ["中文", "中文", "中"])
        #expect(TextWidth.wrap("abcdefgh", width: 3) == ["abc", "def", "gh"])
        #expect(TextWidth.wrap("un\ndeux", width: 20) == ["un", "deux"])
        #expect(TextWidth.wrap("", width: 5) == [""])
        for line in TextWidth.wrap("Été œ中 « guillemets » et 🙂🙂🙂 encore", width: 5) {
            #expect(TextWidth.width(of: line) <= 5, "\(line)")
        }
    }

    @Test("Control characters become visible placeholders")
    func sanitizing() {
        #expect(TextWidth.sanitize("a\u{1B}[2Jb") == "a␛[2Jb")
        #expect(TextWidth.sanitize("x\ry") == "x␍y")
        #expect(TextWidth.sanitize("x\ty") == "x␉y")
        #expect(TextWidth.sanitize("ding\u{07}") == "ding␇")
        #expect(TextWidth.sanitize("l1\r\nl2") == "l1␍␊l2")
        #expect(TextWidth.sanitize("del\u{7F}") == "del␡")
        #expect(TextWidth.sanitize("c1\u{9B}31m") == "c1\u{FFFD}31m")
        #expect(TextWidth.sanitize("2\u{00A0}500\u{202F}€") == "2\u{00A0}500\u{202F}€")
        #expect(TextWidth.sanitize("Été") == "Été")
        #expect(TextWidth.width(of: "a\u{1B}b") == TextWidth.width(of: TextWidth.sanitize("a\u{1B}b")))
    }
}
