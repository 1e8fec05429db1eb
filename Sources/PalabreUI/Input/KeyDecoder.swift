import PalabreCore

/// Turns what a terminal sends into whole keys, pastes and nothing else: the one place
/// escape sequences are understood.
///
/// It is fed the code points the terminal delivers (already UTF-8-decoded, with ncurses'
/// keypad translation off) together with the time they arrived, and returns the events
/// they complete. A sequence is decoded whole or dropped whole: an unknown or modified key
/// (`ESC [ 1 ; 2 F`), Alt plus a letter, a mouse or focus report produce nothing, never an
/// Esc followed by letters that would land on one-letter commands. A sequence split by a
/// slow link is put back together as long as each byte follows the previous one within
/// `sequenceTimeoutMilliseconds`; a lone Esc becomes `.escape` once that time has passed
/// (call `expire` at `deadline`). A bracketed paste (`ESC [ 200 ~` … `ESC [ 201 ~`) becomes
/// one `.paste` event whose text has no control characters.
///
///     var decoder = KeyDecoder()
///     decoder.feed(0x1B, atMilliseconds: 0)             // []: Esc, or the start of a key?
///     decoder.feed(0x4F, atMilliseconds: 30)            // []: ESC O
///     decoder.feed(0x50, atMilliseconds: 30)            // [.key(.function(1))]
///     decoder.feed(0x1B, atMilliseconds: 1000)          // []
///     decoder.deadline                                  // 1220
///     decoder.expire(atMilliseconds: 1220)              // [.key(.escape)]
public struct KeyDecoder: Sendable {
    /// How long the next byte of an escape sequence may take to arrive; after that a lone
    /// Esc is the Esc key and an incomplete sequence is dropped.
    public static let sequenceTimeoutMilliseconds: Int64 = 220

    /// The most text a paste may hold, in UTF-8 bytes; a longer paste is dropped whole
    /// (``InputEvent/pasteTooLong``).
    public static let pasteLimitBytes = EntryContent.maxTextBytes

    /// Where the decoder is within an escape sequence.
    private enum State: Sendable, Equatable {
        /// Not in a sequence.
        case ground
        /// ESC seen.
        case escape
        /// `ESC [`, then parameter bytes (kept while short) and intermediates.
        case csi(parameters: [UInt8], malformed: Bool)
        /// `ESC [ [`: the linux console's F1–F5.
        case linuxFunction
        /// `ESC [ M`: an X10 mouse report, this many bytes still to skip.
        case mouse(remaining: Int)
        /// `ESC O`, with `modified` once a parameter byte came (`ESC O 2 P`).
        case ss3(modified: Bool)
        /// A control string (`ESC P` DCS, `ESC ]` OSC, `ESC _` APC, `ESC ^` PM, `ESC X` SOS):
        /// dropped whole up to BEL or ST (`ESC \`); `escape` once an ESC came inside it.
        case controlString(escape: Bool)
        /// The rest of a sequence whose start timed out: parameter bytes are dropped up to and
        /// including a final byte, so a late `;2P` is never read as keys.
        case residue
        /// A lone Esc just went out: an introducer (`[`, `O`, `P`, `]`, `_`, `^`, `X`) arriving
        /// soon after may start the rest of a sequence cut by a slow link.
        case afterEscape
        /// That introducer arrived at `at`: if more follows at once (a terminal's burst), it is
        /// the rest of a sequence and is dropped; if not, it was typed and is a key.
        case afterEscapeIntroducer(UInt32, at: Int64)
    }

    private var state: State = .ground
    /// When the last code point arrived.
    private var lastArrival: Int64 = 0
    /// Inside a bracketed paste.
    private var pasting = false
    private var pasteText = String.UnicodeScalarView()
    private var pasteBytes = 0
    /// The last paste character was a carriage return (a line feed after it adds nothing).
    private var pasteAfterCR = false

    /// A decoder with nothing pending.
    public init() {}

    /// When `expire` should next be called if nothing arrives: the time a pending escape
    /// sequence runs out. Nil when nothing is pending, and inside a paste: a paste has no
    /// timeout, since the rest of a paste that stalled would otherwise be read as keys (and
    /// bytes are decoded here, so no invalid input can hide the end marker).
    public var deadline: Int64? {
        switch state {
        case .ground: return pasting && !stallReported ? lastArrival + Self.pasteStallMilliseconds : nil
        case .escape where pasting: return lastArrival + Self.pasteEscapeMilliseconds
        case .controlString, .afterEscape, .residue: return lastArrival + Self.lateRestMilliseconds
        case .afterEscapeIntroducer(_, let at): return at + Self.burstMilliseconds
        default: return lastArrival + Self.sequenceTimeoutMilliseconds
        }
    }

    /// Bytes a terminal sends together arrive within this: slower is a person typing.
    public static let burstMilliseconds: Int64 = 30
    /// A paste silent this long is reported once (``InputEvent/pasteStalled``): its end may be lost.
    public static let pasteStallMilliseconds: Int64 = 1_000
    /// A lone Esc inside a paste, followed by this much silence, ends the paste (a person
    /// pressed it to get out of a paste whose end was lost).
    public static let pasteEscapeMilliseconds: Int64 = 2_000
    /// Whether the present silence of a paste was reported.
    private var stallReported = false

    /// How long a control string may pause, and how long after a timed-out start the rest of a
    /// sequence is still recognised as such.
    public static let lateRestMilliseconds: Int64 = 1_000

    /// Bytes of a UTF-8 sequence begun and not yet complete, and how many more it needs.
    private var utf8: [UInt8] = []
    private var utf8Needed = 0

    /// Decodes one byte as the terminal sent it, assembling UTF-8 here: a byte that can neither
    /// start nor continue a UTF-8 sequence is dropped, with the incomplete sequence before it,
    /// so invalid input never swallows the keys after it.
    public mutating func feedByte(_ byte: UInt8, atMilliseconds ms: Int64) -> [InputEvent] {
        if utf8Needed > 0 {
            if byte & 0xC0 == 0x80 {
                utf8.append(byte)
                utf8Needed -= 1
                guard utf8Needed == 0 else { return expire(atMilliseconds: ms) }
                let bytes = utf8
                utf8 = []
                guard let scalar = String(validating: bytes, as: UTF8.self)?.unicodeScalars.first else {
                    return expire(atMilliseconds: ms)
                }
                return feed(scalar.value, atMilliseconds: ms)
            }
            utf8 = []
            utf8Needed = 0
        }
        switch byte {
        case 0x00...0x7F: return feed(UInt32(byte), atMilliseconds: ms)
        case 0xC2...0xDF: utf8Needed = 1
        case 0xE0...0xEF: utf8Needed = 2
        case 0xF0...0xF4: utf8Needed = 3
        default: return expire(atMilliseconds: ms)  // never valid in UTF-8: dropped
        }
        utf8 = [byte]
        return expire(atMilliseconds: ms)
    }

    /// Whether a bracketed paste has started and not yet ended.
    public var isInPaste: Bool { pasting }

    /// Decodes one code point that arrived at `ms` (any monotonic millisecond count) and
    /// returns the events it completes, often none. A pending sequence whose time was up
    /// before `ms` is expired first.
    public mutating func feed(_ scalar: UInt32, atMilliseconds ms: Int64) -> [InputEvent] {
        var events = expire(atMilliseconds: ms)
        lastArrival = ms
        stallReported = false
        process(scalar, into: &events)
        return events
    }

    /// Called when nothing arrived: once `deadline` has passed, a lone Esc becomes
    /// `.escape` and an incomplete sequence is dropped. Returns nothing before the deadline.
    public mutating func expire(atMilliseconds ms: Int64) -> [InputEvent] {
        guard let deadline, ms >= deadline else { return [] }
        var events: [InputEvent] = []
        switch state {
        case .escape where pasting:
            // A lone Esc pressed inside a paste that never ended: the paste ends with it.
            state = .ground
            endPaste(into: &events)
        case .escape:
            state = .afterEscape
            lastArrival = deadline
            events.append(.key(.escape))
        case .afterEscapeIntroducer(let c, _):
            state = .ground
            if let event = Self.plainEvent(c) { events.append(event) }
        case .ground where pasting:
            stallReported = true
            events.append(.pasteStalled)
        case .csi, .ss3, .linuxFunction, .mouse:
            state = pasting ? .ground : .residue
            lastArrival = deadline
        case .controlString, .residue, .afterEscape, .ground:
            state = .ground
        }
        return events
    }

    // MARK: Decoding

    private mutating func process(_ scalar: UInt32, into events: inout [InputEvent]) {
        switch state {
        case .ground:
            if scalar == 0x1B {
                state = .escape
            } else if let c1 = Self.c1Introducer(scalar) {
                state = c1
            } else if pasting {
                appendToPaste(scalar)
            } else if let event = Self.plainEvent(scalar) {
                events.append(event)
            }

        case .escape:
            switch scalar {
            case 0x1B:  // ESC ESC: the first is the Esc key, the second starts again.
                emit(.escape, into: &events)
            case 0x5B:  // [
                state = .csi(parameters: [], malformed: false)
            case 0x4F:  // O
                state = .ss3(modified: false)
            case 0x50, 0x5D, 0x5F, 0x5E, 0x58:  // P ] _ ^ X: a control string
                state = .controlString(escape: false)
            default:  // Alt plus a key: dropped whole.
                state = .ground
            }

        case .controlString(let escape):
            switch scalar {
            case 0x07, 0x9C: state = .ground  // BEL or ST ends it
            case 0x5C where escape: state = .ground  // ESC \\ (ST)
            case 0x1B: state = .controlString(escape: true)
            default:
                if escape {
                    // Another sequence starts: the string was cut.
                    state = .escape
                    process(scalar, into: &events)
                } else {
                    state = .controlString(escape: false)
                }
            }

        case .residue:
            switch scalar {
            case 0x20...0x3F: break
            case 0x40...0x7E: state = .ground
            default:
                state = .ground
                process(scalar, into: &events)
            }

        case .afterEscape:
            switch scalar {
            case 0x5B, 0x4F, 0x50, 0x5D, 0x5F, 0x5E, 0x58:  // [ O P ] _ ^ X
                state = .afterEscapeIntroducer(scalar, at: lastArrival)
            default:
                state = .ground
                process(scalar, into: &events)
            }

        case .afterEscapeIntroducer(let c, _):
            // More came at once: the rest of a sequence (or of a terminal answer), dropped.
            state = c == 0x5B || c == 0x4F ? .residue : .controlString(escape: false)
            process(scalar, into: &events)

        case .csi(var parameters, var malformed):
            switch scalar {
            case 0x30...0x3F:
                if parameters.count < 16 { parameters.append(UInt8(scalar)) } else { malformed = true }
                state = .csi(parameters: parameters, malformed: malformed)
            case 0x20...0x2F:
                state = .csi(parameters: parameters, malformed: true)
            case 0x40...0x7E:
                state = .ground
                if parameters.isEmpty, !malformed, scalar == 0x5B {
                    state = .linuxFunction
                } else if parameters.isEmpty, !malformed, scalar == 0x4D {
                    state = .mouse(remaining: 3)
                } else if !malformed {
                    finishCSI(parameters: parameters, final: UInt8(scalar), into: &events)
                }
            default:  // A control code (or anything else) aborts the sequence.
                state = .ground
                process(scalar, into: &events)
            }

        case .linuxFunction:
            state = .ground
            switch scalar {
            case 0x41...0x45: emit(.function(Int(scalar - 0x40)), into: &events)  // ESC [ [ A…E
            case 0x20...0x7E: break
            default: process(scalar, into: &events)
            }

        case .mouse(let remaining):
            if scalar < 0x20 || scalar == 0x7F {
                state = .ground
                process(scalar, into: &events)
            } else {
                state = remaining > 1 ? .mouse(remaining: remaining - 1) : .ground
            }

        case .ss3(let modified):
            switch scalar {
            case 0x20...0x3F:
                state = .ss3(modified: true)
            case 0x40...0x7E:
                state = .ground
                if !modified, let key = Self.ss3Key(UInt8(scalar)) { emit(key, into: &events) }
            default:
                state = .ground
                process(scalar, into: &events)
            }
        }
    }

    /// A key from a complete `ESC [` sequence; pastes start and end here. Any parameter
    /// other than a plain key number (a modifier `1;5`, a private marker `?`) gives nothing.
    private mutating func finishCSI(parameters: [UInt8], final: UInt8, into events: inout [InputEvent]) {
        let text = String(decoding: parameters, as: UTF8.self)
        if final == 0x7E {  // ~
            switch text {
            case "200":
                if !pasting { startPaste() }
            case "201":
                if pasting { endPaste(into: &events) }
            default:
                if let key = Self.tildeKeys[text] { emit(key, into: &events) }
            }
            return
        }
        guard text.isEmpty || text == "1" else { return }
        switch final {
        case 0x41: emit(.up, into: &events)  // A
        case 0x42: emit(.down, into: &events)  // B
        case 0x43: emit(.right, into: &events)  // C
        case 0x44: emit(.left, into: &events)  // D
        case 0x48: emit(.home, into: &events)  // H
        case 0x46: emit(.end, into: &events)  // F
        case 0x5A: emit(.backTab, into: &events)  // Z
        default: break
        }
    }

    /// `ESC [ n ~` keys.
    private static let tildeKeys: [String: Key] = [
        "1": .home, "7": .home, "4": .end, "8": .end,
        "2": .insert, "3": .delete, "5": .pageUp, "6": .pageDown,
        "11": .function(1), "12": .function(2), "13": .function(3), "14": .function(4), "15": .function(5),
        "17": .function(6), "18": .function(7), "19": .function(8), "20": .function(9), "21": .function(10),
        "23": .function(11), "24": .function(12),
    ]

    /// `ESC O x` keys: cursor keys, F1–F4, and the application keypad.
    private static func ss3Key(_ final: UInt8) -> Key? {
        switch final {
        case 0x41: return .up  // A
        case 0x42: return .down
        case 0x43: return .right
        case 0x44: return .left
        case 0x48: return .home  // H
        case 0x46: return .end  // F
        case 0x50...0x53: return .function(Int(final) - 0x4F)  // P Q R S
        case 0x4D: return .enter  // M: keypad Enter
        case 0x70...0x79: return .char(Character(Unicode.Scalar(final - 0x70 + 0x30)))  // p…y: 0…9
        case 0x6A: return .char("*")  // j
        case 0x6B: return .char("+")  // k
        case 0x6C: return .char(",")  // l
        case 0x6D: return .char("-")  // m
        case 0x6E: return .char(".")  // n
        case 0x6F: return .char("/")  // o
        case 0x58: return .char("=")  // X
        default: return nil
        }
    }

    /// A decoded key goes out, unless it was inside a paste (where sequences are dropped).
    private func emit(_ key: Key, into events: inout [InputEvent]) {
        if !pasting { events.append(.key(key)) }
    }

    /// The state a C1 control opens (8-bit CSI, SS3 and control-string introducers), if any.
    private static func c1Introducer(_ scalar: UInt32) -> State? {
        switch scalar {
        case 0x9B: return .csi(parameters: [], malformed: false)
        case 0x8F: return .ss3(modified: false)
        case 0x90, 0x98, 0x9D, 0x9E, 0x9F: return .controlString(escape: false)
        default: return nil
        }
    }

    /// A code point outside any sequence: a control key, a printable character, or nothing.
    private static func plainEvent(_ scalar: UInt32) -> InputEvent? {
        if let control = Key.fromControlCode(scalar) { return .key(control) }
        guard let printable = printableScalar(scalar) else { return nil }
        return .key(.char(Character(printable)))
    }

    /// The scalar if it is a printable character: not a C0 or C1 control, not DEL, not a
    /// surrogate or a Unicode non-character.
    static func printableScalar(_ value: UInt32) -> Unicode.Scalar? {
        guard (0x20..<0x7F).contains(value) || value >= 0xA0 else { return nil }
        if (0xFDD0...0xFDEF).contains(value) || value & 0xFFFE == 0xFFFE { return nil }
        return Unicode.Scalar(value)
    }

    // MARK: Paste

    private mutating func startPaste() {
        pasting = true
        pasteText = String.UnicodeScalarView()
        pasteBytes = 0
        pasteAfterCR = false
    }

    private mutating func endPaste(into events: inout [InputEvent]) {
        pasting = false
        let text = String(pasteText)
        pasteText = String.UnicodeScalarView()
        if pasteBytes > Self.pasteLimitBytes {
            events.append(.pasteTooLong)
        } else if !text.isEmpty {
            events.append(.paste(text))
        }
        pasteBytes = 0
    }

    /// Pasted text: line breaks (CR LF counts once) and tabs become a space, other control
    /// characters are dropped; past `pasteLimitBytes` the bytes are only counted.
    private mutating func appendToPaste(_ value: UInt32) {
        let afterCR = pasteAfterCR
        pasteAfterCR = value == 0x0D
        let scalar: Unicode.Scalar
        switch value {
        case 0x0A where afterCR: return
        case 0x0A, 0x0D, 0x09: scalar = " "
        default:
            guard let printable = Self.printableScalar(value) else { return }
            scalar = printable
        }
        let size = scalar.utf8.count
        pasteBytes += size
        guard pasteBytes <= Self.pasteLimitBytes else {
            pasteText = String.UnicodeScalarView()
            return
        }
        pasteText.append(scalar)
    }
}
