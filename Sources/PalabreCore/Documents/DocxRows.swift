import CZlib
import Foundation

/// Table rows of a DOCX kept whole on one page: every `<w:tr>` of `word/document.xml` gets
/// `<w:cantSplit/>` (pandoc writes none, and LibreOffice ignores the one of a table style), so an
/// amount is never left at the foot of a page with its currency on the next.
///
/// The DOCX is read and written as a ZIP archive: the entries are kept as they are (compressed
/// bytes included), `word/document.xml` is rewritten uncompressed ("stored").
enum DocxRows {
    /// Why a DOCX could not be rewritten.
    struct Failure: Error, Equatable { var reason: String }

    /// `xml` with every table row marked `cantSplit`.
    static func keepRowsWhole(_ xml: String) -> String {
        let parts = xml.components(separatedBy: "<w:tr>")
        var out = parts[0]
        for part in parts.dropFirst() {
            out += "<w:tr>"
            if part.hasPrefix("<w:trPr>") {
                out += "<w:trPr><w:cantSplit />" + part.dropFirst("<w:trPr>".count)
            } else {
                out += "<w:trPr><w:cantSplit /></w:trPr>" + part
            }
        }
        return out
    }

    /// Rewrites the DOCX at `path` in place with ``keepRowsWhole(_:)``.
    static func keepRowsWhole(docx path: String) throws {
        let url = URL(fileURLWithPath: path)
        let zip = try Data(contentsOf: url)
        let rewritten = try rewrite(zip, entry: "word/document.xml") { data in
            Data(keepRowsWhole(String(decoding: data, as: UTF8.self)).utf8)
        }
        try rewritten.write(to: url)
    }

    /// One entry of the central directory.
    private struct Entry {
        var name: [UInt8]
        var method: UInt16
        var flags: UInt16
        var crc: UInt32
        var compressed: Data
        var size: UInt32
    }

    /// `zip` with the entry `name` replaced by `edit` of its contents; the other entries unchanged.
    static func rewrite(_ zip: Data, entry name: String, _ edit: (Data) throws -> Data) throws -> Data {
        let b = [UInt8](zip)
        func u16(_ i: Int) -> UInt16 { UInt16(b[i]) | UInt16(b[i + 1]) << 8 }
        func u32(_ i: Int) -> UInt32 { UInt32(u16(i)) | UInt32(u16(i + 2)) << 16 }
        guard b.count >= 22,
            let eocd = stride(from: b.count - 22, through: max(0, b.count - 22 - 65_535), by: -1).first(where: {
                u32($0) == 0x0605_4b50
            })
        else { throw Failure(reason: "no end of central directory") }
        let count = Int(u16(eocd + 10))
        var p = Int(u32(eocd + 16))
        var entries: [Entry] = []
        var found = false
        for _ in 0..<count {
            guard p + 46 <= b.count, u32(p) == 0x0201_4b50 else { throw Failure(reason: "bad central directory") }
            let method = u16(p + 10), flags = u16(p + 8), crc = u32(p + 16)
            let csize = Int(u32(p + 20)), size = u32(p + 24)
            let n = Int(u16(p + 28)), e = Int(u16(p + 30)), c = Int(u16(p + 32))
            let local = Int(u32(p + 42))
            let entryName = Array(b[(p + 46)..<(p + 46 + n)])
            guard local + 30 <= b.count, u32(local) == 0x0403_4b50 else { throw Failure(reason: "bad local header") }
            let start = local + 30 + Int(u16(local + 26)) + Int(u16(local + 28))
            guard start + csize <= b.count else { throw Failure(reason: "truncated entry") }
            var entry = Entry(
                name: entryName, method: method, flags: flags & ~0x0008, crc: crc,
                compressed: Data(b[start..<(start + csize)]), size: size)
            if String(decoding: entryName, as: UTF8.self) == name {
                let original: Data
                switch method {
                case 0: original = entry.compressed
                case 8: original = try inflate(entry.compressed, size: Int(size))
                default: throw Failure(reason: "compression method \(method)")
                }
                let data = try edit(original)
                entry.method = 0
                entry.compressed = data
                entry.size = UInt32(data.count)
                entry.crc = data.withUnsafeBytes { raw in
                    UInt32(CZlib.crc32(0, raw.bindMemory(to: Bytef.self).baseAddress, uInt(data.count)))
                }
                found = true
            }
            entries.append(entry)
            p += 46 + n + e + c
        }
        guard found else { throw Failure(reason: "no \(name)") }
        return write(entries)
    }

    private static func write(_ entries: [Entry]) -> Data {
        var out = Data(), central = Data()
        func le16(_ v: UInt16, _ d: inout Data) { d.append(UInt8(v & 0xFF)); d.append(UInt8(v >> 8)) }
        func le32(_ v: UInt32, _ d: inout Data) { le16(UInt16(v & 0xFFFF), &d); le16(UInt16(v >> 16), &d) }
        for e in entries {
            let offset = UInt32(out.count)
            // 1 January 2024, as the reference documents.
            let time: UInt16 = 0, date: UInt16 = UInt16((2024 - 1980) << 9 | 1 << 5 | 1)
            le32(0x0403_4b50, &out); le16(20, &out); le16(e.flags, &out); le16(e.method, &out)
            le16(time, &out); le16(date, &out); le32(e.crc, &out)
            le32(UInt32(e.compressed.count), &out); le32(e.size, &out)
            le16(UInt16(e.name.count), &out); le16(0, &out)
            out.append(contentsOf: e.name); out.append(e.compressed)
            le32(0x0201_4b50, &central); le16(20, &central); le16(20, &central); le16(e.flags, &central)
            le16(e.method, &central); le16(time, &central); le16(date, &central); le32(e.crc, &central)
            le32(UInt32(e.compressed.count), &central); le32(e.size, &central)
            le16(UInt16(e.name.count), &central); le16(0, &central); le16(0, &central)
            le16(0, &central); le16(0, &central); le32(0, &central); le32(offset, &central)
            central.append(contentsOf: e.name)
        }
        let start = UInt32(out.count)
        out.append(central)
        le32(0x0605_4b50, &out); le16(0, &out); le16(0, &out)
        le16(UInt16(entries.count), &out); le16(UInt16(entries.count), &out)
        le32(UInt32(central.count), &out); le32(start, &out); le16(0, &out)
        return out
    }

    /// Raw DEFLATE data inflated to `size` bytes.
    private static func inflate(_ data: Data, size: Int) throws -> Data {
        var input = [UInt8](data)
        var output = [UInt8](repeating: 0, count: max(size, 1))
        var stream = z_stream()
        guard inflateInit2_(&stream, -15, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw Failure(reason: "inflateInit2")
        }
        defer { inflateEnd(&stream) }
        let status = input.withUnsafeMutableBufferPointer { i in
            output.withUnsafeMutableBufferPointer { o in
                stream.next_in = i.baseAddress
                stream.avail_in = uInt(i.count)
                stream.next_out = o.baseAddress
                stream.avail_out = uInt(o.count)
                return CZlib.inflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END, Int(stream.total_out) == size else { throw Failure(reason: "inflate") }
        return Data(output.prefix(size))
    }
}
