import Testing

@testable import PalabreUI

/// Feeds `text` (its Unicode scalars) all at `ms`, then expires whatever is still pending
/// once the sequence timeout has passed.
private func decode(_ text: String, at ms: Int64 = 0, expire: Bool = true) -> [InputEvent] {
    var decoder = KeyDecoder()
    var events: [InputEvent] = []
    for scalar in text.unicodeScalars { events += decoder.feed(scalar.value, atMilliseconds: ms) }
    if expire { events += decoder.expire(atMilliseconds: ms + 10_000) }
    return events
}

private func keys(_ text: String) -> [Key] {
    decode(text).compactMap { if case .key(let key) = $0 { return key } else { return nil } }
}

private let esc = "\u{1B}"

@Suite("Key decoder")
struct KeyDecoderTests {
    // MARK: Plain code points

    @Test(
        "Printable characters and control codes",
        arguments: [
            ("a", Key.char("a")), ("é", .char("é")), ("中", .char("中")), (" ", .char(" ")), ("~", .char("~")),
            ("\r", .enter), ("\n", .enter), ("\t", .tab), ("\u{7F}", .backspace), ("\u{08}", .backspace),
            ("\u{01}", .ctrl("a")), ("\u{03}", .ctrl("c")), ("\u{1A}", .ctrl("z")), ("\u{00}", .ctrl("@")),
            ("\u{1C}", .ctrl("\\")),
        ])
    func plain(_ input: String, _ key: Key) {
        #expect(decode(input) == [.key(key)])
    }

    @Test("C1 controls and non-characters are dropped")
    func dropped() {
        var decoder = KeyDecoder()
        for value: UInt32 in [0x80, 0x85, 0x9C, 0xFFFE, 0xFFFF, 0xFDD0, 0x1FFFF, 0xD800, 0x110000] {
            #expect(decoder.feed(value, atMilliseconds: 0) == [], "U+\(String(value, radix: 16))")
        }
        #expect(decoder.deadline == nil)
        #expect(decoder.feed(0xA0, atMilliseconds: 0) == [.key(.char("\u{A0}"))])
    }

    @Test("Control strings (OSC, DCS, APC, PM, SOS), 7-bit or 8-bit, are dropped whole up to BEL or ST")
    func controlStrings() {
        let strings = [
            esc + "P1$rdt" + esc + "\\", esc + "_abd" + esc + "\\", esc + "]11;rgb:0000/0000/0000\u{07}",
            esc + "^qt" + esc + "\\", esc + "Xtd\u{07}", "\u{9D}0;title q\u{9C}", "\u{90}dt\u{9C}", "\u{9B}1;2P",
        ]
        for string in strings {
            #expect(
                decode(string + "a") == [.key(.char("a"))],
                "\(string.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        // A string cut by another sequence ends there; that sequence is read.
        #expect(decode(esc + "]0;t" + esc + "[A") == [.key(.up)])
    }

    @Test("The rest of a sequence whose start timed out is not read as keys")
    func lateRest() {
        var d = KeyDecoder()
        #expect(d.feed(0x1B, atMilliseconds: 0).isEmpty)
        #expect(d.feed(0x5B, atMilliseconds: 0).isEmpty)
        #expect(d.feed(0x31, atMilliseconds: 0).isEmpty)
        var events: [InputEvent] = []
        for c in ";2P".unicodeScalars { events += d.feed(c.value, atMilliseconds: 250) }  // ESC [ 1 … 250 ms … ;2P
        #expect(events.isEmpty)
        #expect(d.feed(0x74, atMilliseconds: 300) == [.key(.char("t"))])
        // A lone Esc, then the rest of Shift-F1 400 ms later: Esc, and nothing else.
        var e = KeyDecoder()
        events = e.feed(0x1B, atMilliseconds: 0)
        events += e.expire(atMilliseconds: 230)
        for c in "[1;2P".unicodeScalars { events += e.feed(c.value, atMilliseconds: 400) }
        #expect(events == [.key(.escape)])
        #expect(e.feed(0x71, atMilliseconds: 450) == [.key(.char("q"))])
    }

    @Test("A paste gone silent is reported once; Esc then two seconds of silence end it")
    func escapeEndsAStuckPaste() {
        var d = KeyDecoder()
        var events: [InputEvent] = []
        for c in (esc + "[200~abc").unicodeScalars { events += d.feed(c.value, atMilliseconds: 0) }
        #expect(d.deadline == 1_000)
        #expect(d.expire(atMilliseconds: 1_000) == [.pasteStalled])
        #expect(d.deadline == nil, "reported once")
        events += d.feed(0x1B, atMilliseconds: 60_000)
        #expect(d.expire(atMilliseconds: 60_300).isEmpty, "an Esc inside a paste waits longer than a key's")
        events += d.expire(atMilliseconds: 62_000)
        #expect(events == [.paste("abc")])
        #expect(!d.isInPaste)
        #expect(d.feed(0x71, atMilliseconds: 64_000) == [.key(.char("q"))])
    }

    @Test("An introducer typed slowly after Esc is a key; one followed at once by more is a sequence's late rest")
    func afterEscapeIntroducers() {
        // Esc, then « Oumar » typed by a person: every letter is kept.
        var d = KeyDecoder()
        var events = d.feed(0x1B, atMilliseconds: 0) + d.expire(atMilliseconds: 230)
        var t: Int64 = 400
        for c in "Oumar".unicodeScalars {
            events += d.feed(c.value, atMilliseconds: t)
            t += 120
        }
        events += d.expire(atMilliseconds: t + 2_000)
        #expect(events == [.key(.escape)] + "Oumar".map { .key(.char($0)) })
        // Esc, then a terminal answer's rest arriving 0.4 s late in one burst: dropped whole.
        var e = KeyDecoder()
        events = e.feed(0x1B, atMilliseconds: 0) + e.expire(atMilliseconds: 230)
        for c in ("P1$r0m" + esc + "\\").unicodeScalars { events += e.feed(c.value, atMilliseconds: 400) }
        events += e.feed(0x74, atMilliseconds: 900)
        #expect(events == [.key(.escape), .key(.char("t"))])
    }

    // MARK: CSI

    @Test(
        "CSI keys",
        arguments: [
            ("[A", Key.up), ("[B", .down), ("[C", .right), ("[D", .left), ("[H", .home), ("[F", .end),
            ("[Z", .backTab), ("[1~", .home), ("[7~", .home), ("[4~", .end), ("[8~", .end), ("[2~", .insert),
            ("[3~", .delete), ("[5~", .pageUp), ("[6~", .pageDown),
            ("[11~", .function(1)), ("[12~", .function(2)), ("[13~", .function(3)), ("[14~", .function(4)),
            ("[15~", .function(5)), ("[17~", .function(6)), ("[18~", .function(7)), ("[19~", .function(8)),
            ("[20~", .function(9)), ("[21~", .function(10)), ("[23~", .function(11)), ("[24~", .function(12)),
            ("[[A", .function(1)), ("[[B", .function(2)), ("[[C", .function(3)), ("[[D", .function(4)),
            ("[[E", .function(5)),
        ])
    func csi(_ sequence: String, _ key: Key) {
        #expect(decode(esc + sequence) == [.key(key)])
        // Followed by a letter: the letter stays a letter, nothing else appears.
        #expect(decode(esc + sequence + "x") == [.key(key), .key(.char("x"))])
    }

    @Test(
        "Modified, unknown, private, mouse and focus sequences give nothing",
        arguments: [
            "[1;8P", "[1;2F", "[1;2B", "[1;5A", "[3;5~", "[5;3~", "[15;2~", "[1;1A", "[?1h", "[>0;10;1c",
            "[<0;12;5M", "[<0;12;5m", "[M !!", "[I", "[O", "[E", "[G", "[P", "[16~", "[22~", "[99~", "[01~",
            "[ A", "[[F", "[[a", "[201~", "[1;2H", "[2;2~",
        ])
    func droppedWhole(_ sequence: String) {
        #expect(decode(esc + sequence) == [], "ESC\(sequence)")
        #expect(decode(esc + sequence + "z") == [.key(.char("z"))], "ESC\(sequence)z")
    }

    @Test("A control code aborts a CSI sequence and is then read as itself")
    func csiAbort() {
        #expect(decode(esc + "[1\r") == [.key(.enter)])
        #expect(decode(esc + "[1;\u{03}A") == [.key(.ctrl("c")), .key(.char("A"))])
        #expect(decode(esc + "[" + esc + "[A") == [.key(.up)])
        #expect(decode(esc + "[[\tB") == [.key(.tab), .key(.char("B"))])
    }

    // MARK: SS3

    @Test(
        "SS3 keys and the application keypad",
        arguments: [
            ("OA", Key.up), ("OB", .down), ("OC", .right), ("OD", .left), ("OH", .home), ("OF", .end),
            ("OP", .function(1)), ("OQ", .function(2)), ("OR", .function(3)), ("OS", .function(4)), ("OM", .enter),
            ("Op", .char("0")), ("Oq", .char("1")), ("Or", .char("2")), ("Os", .char("3")), ("Ot", .char("4")),
            ("Ou", .char("5")), ("Ov", .char("6")), ("Ow", .char("7")), ("Ox", .char("8")), ("Oy", .char("9")),
            ("Oj", .char("*")), ("Ok", .char("+")), ("Ol", .char(",")), ("Om", .char("-")), ("On", .char(".")),
            ("Oo", .char("/")), ("OX", .char("=")),
        ])
    func ss3(_ sequence: String, _ key: Key) {
        #expect(decode(esc + sequence) == [.key(key)])
    }

    @Test("Unknown and modified SS3 sequences give nothing", arguments: ["Oa", "OE", "Oz", "O2P", "O5A", "O1;2Q"])
    func ss3Dropped(_ sequence: String) {
        #expect(decode(esc + sequence) == [])
        #expect(decode(esc + sequence + "q") == [.key(.char("q"))])
    }

    @Test("vt100 function keys")
    func vt100() {
        #expect(
            keys(esc + "OP" + esc + "OQ" + esc + "OR" + esc + "OS") == [
                .function(1), .function(2), .function(3), .function(4),
            ])
        #expect(keys(esc + "[15~" + esc + "[17~" + esc + "[24~") == [.function(5), .function(6), .function(12)])
    }

    // MARK: The faults seen

    @Test("ESC O t with TERM=screen is the keypad 4, not letters")
    func keypadFour() {
        #expect(decode(esc + "Ot") == [.key(.char("4"))])
    }

    @Test("Unknown modified keys give nothing at all")
    func modifiedKeys() {
        #expect(decode(esc + "[1;8P") == [])
        #expect(decode(esc + "[1;2F" + esc + "[1;2F") == [])
        #expect(decode(esc + "[1;2B") == [])
    }

    @Test("Alt plus a letter gives nothing, never Esc then the letter")
    func altLetter() {
        #expect(decode(esc + "q") == [])
        #expect(decode(esc + "é") == [])
        #expect(decode(esc + "\r") == [])
        #expect(decode(esc + "xy") == [.key(.char("y"))])
    }

    @Test("A sequence split by a slow link is put back together")
    func splitSequence() {
        var decoder = KeyDecoder()
        #expect(decoder.feed(0x1B, atMilliseconds: 1000) == [])
        #expect(decoder.deadline == 1220)
        #expect(decoder.expire(atMilliseconds: 1029) == [])
        #expect(decoder.feed(0x4F, atMilliseconds: 1030) == [])
        #expect(decoder.feed(0x50, atMilliseconds: 1030) == [.key(.function(1))])
        #expect(decoder.deadline == nil)

        // Up to 200 ms between every byte.
        var slow = KeyDecoder()
        var events: [InputEvent] = []
        for (index, scalar) in (esc + "[15~").unicodeScalars.enumerated() {
            events += slow.expire(atMilliseconds: Int64(index) * 200 - 1)
            events += slow.feed(scalar.value, atMilliseconds: Int64(index) * 200)
        }
        #expect(events == [.key(.function(5))])
    }

    @Test("A lone Esc is the Esc key once the timeout has passed")
    func loneEscape() throws {
        var decoder = KeyDecoder()
        #expect(decoder.feed(0x1B, atMilliseconds: 500) == [])
        let deadline = try #require(decoder.deadline)
        #expect(deadline > 500 && deadline <= 750)
        #expect(decoder.expire(atMilliseconds: deadline - 1) == [])
        #expect(decoder.expire(atMilliseconds: 800) == [.key(.escape)])
        #expect(decoder.expire(atMilliseconds: 900) == [])
        #expect(decoder.expire(atMilliseconds: 5_000) == [])
        #expect(decoder.deadline == nil)
    }

    @Test("A late letter after Esc is a key of its own; an incomplete sequence is dropped whole, with its late end")
    func timeouts() {
        var decoder = KeyDecoder()
        #expect(decoder.feed(0x1B, atMilliseconds: 0) == [])
        // expire was not called: feed does it.
        #expect(decoder.feed(0x71, atMilliseconds: 300) == [.key(.escape), .key(.char("q"))])

        #expect(decoder.feed(0x1B, atMilliseconds: 1000) == [])
        #expect(decoder.feed(0x5B, atMilliseconds: 1010) == [])
        #expect(decoder.feed(0x31, atMilliseconds: 1020) == [])
        #expect(decoder.deadline == 1240)
        #expect(decoder.expire(atMilliseconds: 1240) == [])
        #expect(decoder.feed(0x41, atMilliseconds: 1300) == [], "the final byte of the cut sequence")
        #expect(decoder.deadline == nil)
        #expect(decoder.feed(0x41, atMilliseconds: 1400) == [.key(.char("A"))])
    }

    @Test("ESC ESC: the first is Esc, the second starts a sequence")
    func doubleEscape() {
        #expect(decode(esc + esc + "[A") == [.key(.escape), .key(.up)])
        #expect(decode(esc + esc) == [.key(.escape), .key(.escape)])
        #expect(decode(esc + esc + "q") == [.key(.escape)])
    }

    // MARK: Paste

    @Test("A paste is one event, never keys", arguments: ["r", "t", "F F", "q", "1;2F"])
    func paste(_ text: String) {
        #expect(decode(esc + "[200~" + text + esc + "[201~") == [.paste(text)])
    }

    @Test("Pasted line breaks and tabs become spaces; controls and colour codes go")
    func pasteCleaning() {
        let pasted =
            "Ligne 1\r\nLigne 2\nLigne\t3\rfin \u{1B}[31mrouge\u{1B}[0m\u{07}\u{03} " + esc + "Ot" + esc + "[A."
        #expect(decode(esc + "[200~" + pasted + esc + "[201~") == [.paste("Ligne 1 Ligne 2 Ligne 3 fin rouge .")])
        #expect(decode(esc + "[200~a\r\r\nb" + esc + "[201~") == [.paste("a  b")])
    }

    @Test("Keys around a paste stay keys; a paste waits for its end however long")
    func pasteAround() {
        var decoder = KeyDecoder()
        var events: [InputEvent] = []
        for scalar in ("a" + esc + "[200~Été").unicodeScalars {
            events += decoder.feed(scalar.value, atMilliseconds: 0)
        }
        #expect(decoder.isInPaste)
        events += decoder.expire(atMilliseconds: 60_000)
        for scalar in " 中".unicodeScalars { events += decoder.feed(scalar.value, atMilliseconds: 70_000) }
        for scalar in (esc + "[201~b").unicodeScalars { events += decoder.feed(scalar.value, atMilliseconds: 90_000) }
        #expect(events.filter { $0 != .pasteStalled } == [.key(.char("a")), .paste("Été 中"), .key(.char("b"))])
        #expect(!decoder.isInPaste)
    }

    /// The events of a bracketed paste of `text`, then the key `b`.
    static func pasted(_ text: String) -> [InputEvent] {
        var decoder = KeyDecoder()
        var events: [InputEvent] = []
        for scalar in (esc + "[200~" + text + esc + "[201~b").unicodeScalars {
            events += decoder.feed(scalar.value, atMilliseconds: 0)
        }
        return events
    }

    @Test(
        "An empty paste gives nothing; a paste of 64 KiB goes in whole; a longer one, nothing of it, not half a character"
    )
    func pasteLimits() {
        #expect(decode(esc + "[200~" + esc + "[201~") == [])
        let limit = KeyDecoder.pasteLimitBytes
        // é: 2 bytes each; exactly the limit.
        let whole = String(repeating: "é", count: limit / 2)
        #expect(Self.pasted(whole) == [.paste(whole), .key(.char("b"))])
        // Past the limit inside a flag (two scalars) or inside e + combining accent: nothing.
        for long in [
            String(repeating: "b", count: limit - 4) + String(repeating: "🇲🇱", count: 3),
            String(repeating: "c", count: limit - 1) + String(repeating: "e\u{301}", count: 3),
            String(repeating: "é", count: limit / 2 + 10),
        ] {
            #expect(Self.pasted(long) == [.pasteTooLong, .key(.char("b"))], "\(long.utf8.count) bytes")
        }
    }

    // MARK: Fuzz

    /// A small deterministic generator (SplitMix64).
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Code points likely to make trouble: escape-sequence bytes, controls, letters, C1,
    /// wide and non-characters.
    static let alphabet: [UInt32] = [
        0x1B, 0x1B, 0x1B, 0x5B, 0x5B, 0x4F, 0x4F, 0x7E, 0x3B, 0x3F, 0x3C, 0x20, 0x24,
        0x30, 0x31, 0x32, 0x35, 0x38, 0x41, 0x46, 0x4D, 0x50, 0x5A, 0x61, 0x71, 0x74,
        0x70, 0x79, 0x0D, 0x0A, 0x09, 0x03, 0x7F, 0x00, 0x85, 0x9B, 0xE9, 0x4E2D,
        0xFFFF, 0x1F642,
    ]

    static func randomInput(_ rng: inout SeededGenerator) -> [UInt32] {
        var input: [UInt32] = []
        for _ in 0..<Int.random(in: 0...40, using: &rng) {
            switch Int.random(in: 0..<10, using: &rng) {
            case 0: input += Array((esc + "[200~").unicodeScalars.map(\.value))
            case 1: input += Array((esc + "[201~").unicodeScalars.map(\.value))
            default: input.append(alphabet.randomElement(using: &rng)!)
            }
        }
        return input
    }

    /// The printable characters of `input` that are outside escape sequences (bytes arriving
    /// together), plus what the application keypad stands for after `ESC O`.
    static func allowedCharacters(_ input: [UInt32]) -> Set<Character> {
        enum S { case ground, escape, csi, ss3 }
        var state = S.ground
        var allowed: Set<Character> = []
        var index = 0
        while index < input.count {
            let c = input[index]
            index += 1
            switch state {
            case .ground:
                if c == 0x1B {
                    state = .escape
                } else if let s = KeyDecoder.printableScalar(c) {
                    allowed.insert(Character(s))
                }
            case .escape:
                state = c == 0x1B ? .escape : c == 0x5B ? .csi : c == 0x4F ? .ss3 : .ground
            case .csi:
                if (0x20...0x3F).contains(c) { continue }
                state = .ground
                if !(0x40...0x7E).contains(c) { index -= 1 }
            case .ss3:
                if (0x20...0x3F).contains(c) { continue }
                state = .ground
                if (0x40...0x7E).contains(c) {
                    allowed.formUnion([
                        "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "+", ",", "-", ".", "/", "=",
                    ])
                } else {
                    index -= 1
                }
            }
        }
        return allowed
    }

    @Test("2,000 random inputs: no crash, no character that was not typed")
    func fuzz() {
        var rng = SeededGenerator(state: 20_240_611)
        for round in 0..<2000 {
            let input = Self.randomInput(&rng)
            var decoder = KeyDecoder()
            var events: [InputEvent] = []
            var ms: Int64 = 0
            let timed = round % 2 == 1
            for value in input {
                // Half the rounds have gaps, some longer than the sequence timeout.
                if timed { ms += [0, 1, 30, 200, 250, 1000].randomElement(using: &rng)! }
                events += decoder.expire(atMilliseconds: ms)
                events += decoder.feed(value, atMilliseconds: ms)
            }
            events += decoder.expire(atMilliseconds: ms + 1000)
            events += decoder.expire(atMilliseconds: ms + 5000)
            #expect(decoder.deadline == nil)
            let typed = Set(input.compactMap { KeyDecoder.printableScalar($0).map(Character.init) })
            let allowed = timed ? typed.union(Self.allowedCharacters(input)) : Self.allowedCharacters(input)
            for case .key(.char(let c)) in events {
                #expect(c.unicodeScalars.allSatisfy { KeyDecoder.printableScalar($0.value) != nil })
                #expect(allowed.contains(c), "round \(round): \(c) from \(input.map { String($0, radix: 16) })")
            }
            for case .paste(let text) in events {
                #expect(!text.unicodeScalars.contains { KeyDecoder.printableScalar($0.value) == nil })
            }
        }
    }

    /// Feeds raw bytes, as the terminal sends them, all at `ms`.
    static func bytes(_ d: inout KeyDecoder, _ bytes: [UInt8], at ms: Int64 = 0) -> [InputEvent] {
        bytes.flatMap { d.feedByte($0, atMilliseconds: ms) }
    }

    @Test("Invalid UTF-8 is dropped and never holds back the keys after it, in a paste or not")
    func invalidUTF8() {
        var d = KeyDecoder()
        #expect(Self.bytes(&d, [0xC3, 0xA9]) == [.key(.char("é"))])
        #expect(Self.bytes(&d, [0xFF, 0x71]) == [.key(.char("q"))])
        #expect(Self.bytes(&d, [0xC3, 0x71]) == [.key(.char("q"))], "a cut sequence is dropped, the key after it kept")
        #expect(Self.bytes(&d, [0xEC, 0x5D, 0x42]) == [.key(.char("]")), .key(.char("B"))])
        #expect(Self.bytes(&d, [0xED, 0xA0, 0x80, 0x61]) == [.key(.char("a"))], "no surrogates")
        // A paste holding invalid bytes still ends at its marker; what follows is a key again.
        let paste: [UInt8] = Array("\u{1B}[200~".utf8) + [0xFF, 0x41, 0xEC, 0x5D] + Array("\u{1B}[201~".utf8) + [0x71]
        #expect(Self.bytes(&d, paste) == [.paste("A]"), .key(.char("q"))])
    }

    @Test("A paste that stalls stays a paste: what comes after the stall is text, never keys")
    func stalledPaste() {
        var d = KeyDecoder()
        #expect(Self.bytes(&d, Array("\u{1B}[200~abc".utf8), at: 0).isEmpty)
        #expect(d.expire(atMilliseconds: 60_000) == [.pasteStalled])
        #expect(Self.bytes(&d, Array(" t\u{03}F".utf8), at: 60_001).isEmpty, "still text, never keys")
        #expect(Self.bytes(&d, Array("\u{1B}[201~q".utf8), at: 60_002) == [.paste("abc tF"), .key(.char("q"))])
    }
}
