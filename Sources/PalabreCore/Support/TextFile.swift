import Foundation

/// How palabre reads every text file it is given (programme, themes, scripts): strict UTF-8,
/// a leading byte-order mark dropped, and Windows (`\r\n`) or old Mac (`\r`) line endings read
/// as `\n`, so a file saved by a Windows editor reads exactly like the same file saved on Linux
/// (same lines, same columns in diagnostics).
public enum TextFile {
    /// The UTF-8 byte-order mark EF BB BF.
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// `data` decoded as UTF-8 with its BOM dropped and its line endings made `\n`; nil when
    /// the bytes are not valid UTF-8 (the caller says where, with ``firstInvalidByte(in:)``).
    ///
    ///     TextFile.decode(Data("\u{FEFF}a: 1\r\nb: 2\r\n".utf8))   // "a: 1\nb: 2\n"
    public static func decode(_ data: Data) -> String? {
        var bytes = [UInt8](data)
        if bytes.starts(with: byteOrderMark) { bytes.removeFirst(byteOrderMark.count) }
        if bytes.contains(0x0D) {
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var index = 0
            while index < bytes.count {
                let b = bytes[index]
                if b == 0x0D {
                    out.append(0x0A)
                    if index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
                } else {
                    out.append(b)
                }
                index += 1
            }
            bytes = out
        }
        return String(validating: bytes, as: UTF8.self)
    }

    /// `text` with its BOM dropped and its line endings made `\n` (for text that was already
    /// decoded, such as standard input read leniently).
    public static func normalise(_ text: String) -> String {
        decode(Data(text.utf8)) ?? text
    }

    /// Line and column (1-based, columns in Unicode scalars) of the first byte of `data` that
    /// is not valid UTF-8, counting lines the way ``decode(_:)`` does.
    public static func firstInvalidByte(in data: Data) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        var iterator = data.makeIterator()
        var decoder = UTF8()
        var afterCR = false
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" && afterCR {
                    afterCR = false
                } else if scalar == "\n" || scalar == "\r" {
                    line += 1
                    column = 1
                    afterCR = scalar == "\r"
                } else {
                    if !(scalar == "\u{FEFF}" && line == 1 && column == 1) { column += 1 }
                    afterCR = false
                }
            case .emptyInput, .error:
                return (line, column)
            }
        }
    }

    /// Reads the text file at `path` (see ``decode(_:)``). Returns nil when the file cannot
    /// be read; throws nothing, so callers word the message for their own file kind.
    public static func read(atPath path: String) -> (data: Data, text: String?)? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return (data, decode(data))
    }
}
