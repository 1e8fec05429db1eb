import Foundation
import ZIPFoundation

/// Table rows of a DOCX kept whole on one page: every `<w:tr>` of `word/document.xml` gets
/// `<w:cantSplit/>` (pandoc writes none, and LibreOffice ignores the one of a table style), so an
/// amount is never left at the foot of a page with its currency on the next.
///
/// The DOCX is a ZIP archive, rewritten in place with ZIPFoundation: `word/document.xml` is
/// replaced, the other entries stay as they are.
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
    /// Throws ``Failure`` when the file is not a DOCX (no `word/document.xml`), or ZIPFoundation's
    /// errors when it cannot be read or written.
    static func keepRowsWhole(docx path: String) throws {
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .update)
        let name = "word/document.xml"
        guard let entry = archive[name] else { throw Failure(reason: "\(path): no \(name)") }
        var xml = Data()
        _ = try archive.extract(entry) { xml.append($0) }
        let rewritten = Data(keepRowsWhole(String(decoding: xml, as: UTF8.self)).utf8)
        try archive.remove(entry)
        try archive.addEntry(
            with: name, type: .file, uncompressedSize: Int64(rewritten.count), compressionMethod: .deflate
        ) { position, size in
            rewritten.subdata(in: Int(position)..<Int(position) + size)
        }
    }
}
