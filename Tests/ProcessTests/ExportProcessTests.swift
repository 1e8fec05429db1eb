import Foundation
import Testing

@testable import PalabreCore

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `palabre export` on the recorded Ségou meeting, read back as a reader's software would: the
/// DOCX and ODT unzipped and their XML parsed (headings, tables and their header rows, the
/// signature column of the attendance sheet), the PDF turned into text and its first page into a
/// PNG under .build/export-artefacts (for eyes, not committed). These tests need pandoc and
/// LibreOffice: `.ci/test` installs them; without them they fail, never skip.
@Suite("palabre export", .serialized)
struct ExportProcessTests {
    static let session = Bin.root + "/sessions/segou-2023-recorded"

    func tempDir() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("palabre-export-\(UUID().uuidString)").path
    }

    /// Exports the recorded meeting as `format` into a fresh folder and returns it.
    func export(_ format: String, lang: String? = nil) throws -> String {
        let dir = tempDir()
        var args = ["export", Self.session, "--format", format, "--out", dir]
        if let lang { args += ["--lang", lang] }
        let r = try Bin.run(args)
        #expect(r.status == 0, "export \(format) failed: \(r.stderr)")
        return dir
    }

    /// The level-2 headings of a Markdown document (`## …`), unescaped: the sections of the
    /// minutes, which pandoc makes the top headings once the `# title` is the document's title.
    func sections(_ markdown: String) -> [String] {
        markdown.split(separator: "\n").filter { $0.hasPrefix("## ") }.map {
            String($0.dropFirst(3)).replacingOccurrences(of: "\\", with: "")
        }
    }

    func minutesMarkdown() throws -> String {
        let dir = try export("md")
        return try String(contentsOfFile: dir + "/minutes.md", encoding: .utf8)
    }

    /// A file inside a zip archive (`unzip -p`).
    func unzip(_ archive: String, _ member: String) throws -> Data {
        try tool("/usr/bin/unzip", ["-p", archive, member])
    }

    /// Runs a tool and returns its standard output; fails the test on a non-zero exit.
    func tool(_ path: String, _ args: [String]) throws -> Data {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = args
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "\(path) \(args) exited with \(p.terminationStatus)")
        return data
    }

    @Test("DOCX: the title, every section of the minutes as a heading, tables with header rows")
    func docx() throws {
        let expected = sections(try minutesMarkdown())
        #expect(expected.count >= 5)
        let dir = try export("docx")
        let doc = OfficeXML.docx(try unzip(dir + "/minutes.docx", "word/document.xml"))
        #expect(doc.headings.first?.style == "Title")
        let h1 = doc.headings.filter { $0.style == "Heading1" }.map(\.text)
        for s in expected { #expect(h1.contains(s), "no Heading 1 « \(s) » in minutes.docx: \(h1)") }
        #expect(doc.tables.count >= 5)
        for t in doc.tables { #expect(t.headerRow, "a table without a header row: \(t.header)") }
        // A4 portrait, a footer with the page number.
        let xml = String(decoding: try unzip(dir + "/minutes.docx", "word/document.xml"), as: UTF8.self)
        #expect(xml.contains("w:w=\"11906\"") && xml.contains("w:h=\"16838\""))
        let footer = String(decoding: try unzip(dir + "/minutes.docx", "word/footer1.xml"), as: UTF8.self)
        #expect(footer.contains("PAGE"))
        // The commitments matrix: landscape, one table with its header row.
        let matrixXML = String(decoding: try unzip(dir + "/commitments.docx", "word/document.xml"), as: UTF8.self)
        #expect(matrixXML.contains("w:orient=\"landscape\""))
        let matrix = OfficeXML.docx(Data(matrixXML.utf8))
        #expect(matrix.tables.first?.headerRow == true)
        #expect(matrix.tables.first?.header.contains("Partenaire") == true)
    }

    @Test("DOCX: no amount of the commitments matrix breaks at a space; no table row splits across pages")
    func docxTablesReadable() throws {
        let dir = try export("docx")
        let matrix = try #require(
            OfficeXML.docx(try unzip(dir + "/commitments.docx", "word/document.xml")).tables.first)
        #expect(matrix.cells.contains("40\u{00A0}000\u{00A0}000"))
        // Typed in a condition: « 8 500 000 FCFA » with no-break spaces too.
        #expect(matrix.cells.contains { $0.contains("8\u{00A0}500\u{00A0}000\u{00A0}FCFA") })
        for c in matrix.cells {
            #expect(c.range(of: #"\d \d{3}(\D|$)|\d (FCFA|EUR)"#, options: .regularExpression) == nil, "« \(c) »")
        }
        for name in ["minutes", "attendance-sheet", "commitments"] {
            let doc = OfficeXML.docx(try unzip(dir + "/\(name).docx", "word/document.xml"))
            #expect(!doc.tables.isEmpty)
            for t in doc.tables { #expect(t.cantSplit == t.rows, "\(name): rows that may split: \(t.header)") }
        }
    }

    @Test("DOCX: the attendance sheet has a table per day with a signature column")
    func attendanceDocx() throws {
        let dir = try export("docx")
        let sheet = OfficeXML.docx(try unzip(dir + "/attendance-sheet.docx", "word/document.xml"))
        let days = sheet.headings.filter { $0.style == "Heading1" }.map(\.text)
        #expect(days.count == 3, "\(days)")
        #expect(days.first?.hasPrefix("Journée 1 — ") == true)
        #expect(sheet.tables.count == 3)
        for t in sheet.tables {
            #expect(t.headerRow)
            #expect(t.header.last == "Signature", "\(t.header)")
            #expect(t.header.contains("Fonction") && t.header.contains("Organisation"))
            #expect(t.rows > 40)
        }
        let en = try export("docx", lang: "en")
        let english = OfficeXML.docx(try unzip(en + "/attendance-sheet.docx", "word/document.xml"))
        #expect(english.tables.first?.header.contains("Function") == true)
        #expect(english.headings.contains { $0.text.hasPrefix("Day 1 — ") })
    }

    @Test("ODT: the same headings, tables with table:table-header-rows, the signature column")
    func odt() throws {
        let expected = sections(try minutesMarkdown())
        let dir = try export("odt")
        let doc = OfficeXML.odt(try unzip(dir + "/minutes.odt", "content.xml"))
        let h1 = doc.headings.filter { $0.style == "1" }.map(\.text)
        for s in expected { #expect(h1.contains(s), "no level-1 heading « \(s) » in minutes.odt: \(h1)") }
        #expect(doc.tables.count >= 5)
        for t in doc.tables { #expect(t.headerRow, "a table without header rows: \(t.header)") }
        let sheet = OfficeXML.odt(try unzip(dir + "/attendance-sheet.odt", "content.xml"))
        #expect(sheet.tables.count == 3)
        for t in sheet.tables { #expect(t.headerRow && t.header.last == "Signature", "\(t.header)") }
        let styles = String(decoding: try unzip(dir + "/minutes.odt", "styles.xml"), as: UTF8.self)
        #expect(styles.contains("fo:page-width=\"21cm\"") && styles.contains("text:page-number"))
    }

    @Test("PDF: the same sections as text; page 1 kept as a PNG in .build/export-artefacts")
    func pdf() throws {
        let expected = sections(try minutesMarkdown())
        let dir = try export("pdf")
        for name in ["minutes", "attendance-sheet", "commitments"] {
            #expect(FileManager.default.fileExists(atPath: "\(dir)/\(name).pdf"))
        }
        let text = String(decoding: try tool("/usr/bin/pdftotext", [dir + "/minutes.pdf", "-"]), as: UTF8.self)
        let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for s in expected {
            let want = s.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(flat.contains(want), "« \(want) » not in the text of minutes.pdf")
        }
        let sheet = String(
            decoding: try tool("/usr/bin/pdftotext", [dir + "/attendance-sheet.pdf", "-"]), as: UTF8.self)
        #expect(sheet.contains("Signature"))
        let artefacts = Bin.root + "/.build/export-artefacts"
        try FileManager.default.createDirectory(atPath: artefacts, withIntermediateDirectories: true)
        for name in ["minutes", "attendance-sheet", "commitments"] {
            _ = try tool(
                "/usr/bin/pdftoppm",
                [
                    "-r", "80", "-png", "-f", "1", "-l", "1", "-singlefile", "\(dir)/\(name).pdf",
                    "\(artefacts)/\(name)-page1",
                ])
            #expect(FileManager.default.fileExists(atPath: "\(artefacts)/\(name)-page1.png"))
        }
    }

    @Test("HTML: a standalone page with the sections")
    func html() throws {
        let expected = sections(try minutesMarkdown())
        let dir = try export("html")
        let page = try String(contentsOfFile: dir + "/minutes.html", encoding: .utf8)
        #expect(page.contains("<html") && page.contains("<th"))
        #expect(page.contains(expected[0]))
    }

    @Test("A killed export's hidden work folder is removed by the next export; a user's own hidden folder is kept")
    func killedExportLeavesNothing() throws {
        let dir = tempDir()
        try FileManager.default.createDirectory(atPath: dir + "/.export-999999-7", withIntermediateDirectories: true)
        try Data("half".utf8).write(to: URL(fileURLWithPath: dir + "/.export-999999-7/minutes.docx"))
        try FileManager.default.createDirectory(atPath: dir + "/.export-notes", withIntermediateDirectories: true)
        let r = try Bin.run(["export", Self.session, "--format", "html", "--out", dir])
        #expect(r.status == 0, "\(r.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir)
        #expect(!names.contains(".export-999999-7") && names.contains(".export-notes"), "\(names.sorted())")
        #expect(!names.contains { $0.hasPrefix(".export-") && $0 != ".export-notes" }, "\(names.sorted())")
    }

    @Test("An export that cannot write says to run it again, not that the next event will")
    func exportWriteErrorSaysRunAgain() {
        let e = ExportError.write(DocumentError(path: "/tmp/x", operation: "mkdir", errno: EACCES))
        #expect(
            e.message(.fr).contains("relancez « palabre export »") && !e.message(.fr).contains("prochain événement"))
        #expect(e.message(.en).contains("run “palabre export” again") && !e.message(.en).contains("next event"))
    }

    @Test("Without pandoc: the message names the Debian package, exit 1, nothing written")
    func missingPandoc() throws {
        let dir = tempDir()
        let r = try Bin.run(["export", Self.session, "--out", dir], env: ["PATH": "/nonexistent"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("« pandoc » est introuvable"), "\(r.stderr)")
        #expect(r.stderr.contains("apt-get install pandoc"))
        #expect(!r.stderr.contains("Fatal error") && r.stderr.split(separator: "\n").count == 1)
        #expect(!FileManager.default.fileExists(atPath: dir))
        let en = try Bin.run(
            ["export", Self.session, "--format", "odt", "--lang", "en", "--out", dir], env: ["PATH": "/nonexistent"])
        #expect(en.status == 1 && en.stderr.contains("“pandoc” was not found"), "\(en.stderr)")
    }

    @Test("PDF without LibreOffice: the message names libreoffice-writer-nogui, exit 1")
    func missingLibreOffice() throws {
        let bin = tempDir()
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        let pandoc = try #require(Converters().pandoc, "pandoc is needed for this test (.ci/test installs it)")
        try FileManager.default.createSymbolicLink(atPath: bin + "/pandoc", withDestinationPath: pandoc)
        let r = try Bin.run(
            ["export", Self.session, "--format", "pdf", "--out", tempDir()], env: ["PATH": bin])
        #expect(r.status == 1)
        #expect(r.stderr.contains("libreoffice-writer-nogui"), "\(r.stderr)")
        // Markdown needs no converter.
        let md = try Bin.run(["export", Self.session, "--format", "md", "--out", tempDir()], env: ["PATH": bin])
        #expect(md.status == 0, "\(md.stderr)")
    }

    @Test("After every event: the DOCX in out/ when asked, in the background, the newest state only")
    func schedulerDocx() throws {
        let programme = try #require(try ProgrammeLoader.load(path: Self.session).programme)
        let journal = try Journal(path: Self.session + "/journal.jsonl", writable: false)
        var state = SessionState(programme: programme)
        var states: [SessionState] = []
        try journal.forEachEvent {
            state.evolve($0)
            if $0.seq % 100 == 0 { states.append(state) }
        }
        states.append(state)
        let dir = tempDir()
        let scheduler = DocumentScheduler(dir: dir, docx: true)
        for s in states { scheduler.schedule(s) }
        scheduler.finish()
        #expect(scheduler.takeError() == nil)
        for name in ["minutes.md", "minutes.docx", "attendance-sheet.docx", "commitments.docx"] {
            #expect(FileManager.default.fileExists(atPath: dir + "/" + name), "no \(name)")
        }
        // The DOCX is that of the last state.
        let last = tempDir()
        try Exporter.export(
            state, format: .docx, to: last, options: DocumentOptions(language: .fr, now: state.lastAt!))
        #expect(
            try unzip(dir + "/minutes.docx", "word/document.xml")
                == unzip(last + "/minutes.docx", "word/document.xml"))
        let plain = tempDir()
        let off = DocumentScheduler(dir: plain, docx: false)
        off.schedule(state)
        off.finish()
        #expect(!FileManager.default.fileExists(atPath: plain + "/minutes.docx"))
    }

    @Test("The reference documents inside the binary are those of docs/reference")
    func referenceDocuments() throws {
        let ref = Bin.root + "/docs/reference/"
        #expect(try Data(contentsOf: URL(fileURLWithPath: ref + "reference.docx")) == ReferenceDocuments.docx)
        #expect(
            try Data(contentsOf: URL(fileURLWithPath: ref + "reference-landscape.docx"))
                == ReferenceDocuments.docxLandscape)
        #expect(try Data(contentsOf: URL(fileURLWithPath: ref + "reference.odt")) == ReferenceDocuments.odt)
        #expect(
            try Data(contentsOf: URL(fileURLWithPath: ref + "reference-landscape.odt"))
                == ReferenceDocuments.odtLandscape)
    }

    @Test(
        "Attendance sheet: a contact column when the programme has contacts; the programme's participants before any check-in"
    )
    func attendanceSheetContacts() throws {
        let loaded = try ProgrammeLoader.load(path: Bin.root + "/sessions/demo")
        var programme = try #require(loaded.programme)
        programme.participants[0].contact = "+223 70 00 00 00"
        programme.language = .en
        let state = SessionState(programme: programme)
        let docs = Exporter.documents(state, options: DocumentOptions(language: .en, now: Instant(ms: 0)))
        let sheet = try #require(docs.first { $0.name == "attendance-sheet" }).markdown
        #expect(sheet.contains("| No. | Name | Function | Organisation | Contact | Signature |"))
        #expect(sheet.contains("+223 70 00 00 00"))
        #expect(sheet.contains("No attendance recorded for this day yet"))
        let rows = sheet.split(separator: "\n").filter { $0.hasPrefix("| 1 |") }
        #expect(rows.count == programme.days.count)
        programme.participants[0].contact = nil
        let plain = AttendanceSheet(
            DocContext(SessionState(programme: programme), DocumentOptions(language: .fr, now: Instant(ms: 0)))
        ).render()
        #expect(plain.contains("| N° | Nom | Fonction | Organisation | Signature |"))
    }
}

/// Headings and tables of a DOCX `word/document.xml` or an ODT `content.xml`.
struct OfficeXML {
    struct Heading { var style: String; var text: String }
    struct Table {
        var headerRow = false
        var header: [String] = []
        var rows = 0
        /// DOCX: the text of every cell, row by row; the rows marked `w:cantSplit`.
        var cells: [String] = []
        var cantSplit = 0
    }
    var headings: [Heading] = []
    var tables: [Table] = []

    static func docx(_ data: Data) -> OfficeXML { parse(data, odt: false) }
    static func odt(_ data: Data) -> OfficeXML { parse(data, odt: true) }

    private static func parse(_ data: Data, odt: Bool) -> OfficeXML {
        let p = XMLParser(data: data)
        let reader = Reader(odt: odt)
        p.delegate = reader
        #expect(p.parse(), "the XML does not parse: \(String(describing: p.parserError))")
        return reader.result
    }

    /// One reader for both: the delegate's methods must be those of the class that conforms.
    final class Reader: NSObject, XMLParserDelegate {
        let odt: Bool
        var result = OfficeXML()
        var text: String?
        var cell: String?
        var table: Table?
        var rowIndex = -1
        var style: String?
        var inHeaderRows = false

        init(odt: Bool) { self.odt = odt }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            text? += string
            cell? += string
        }

        func parser(
            _ parser: XMLParser, didStartElement e: String, namespaceURI: String?, qualifiedName: String?,
            attributes a: [String: String] = [:]
        ) {
            switch e {
            // DOCX
            case "w:p": text = ""; style = nil
            case "w:pStyle": style = a["w:val"]
            case "w:tbl": table = Table(); rowIndex = -1
            case "w:tr": rowIndex += 1; table?.rows += 1
            case "w:tblHeader": if rowIndex == 0 { table?.headerRow = true }
            case "w:tc": cell = ""
            case "w:cantSplit": table?.cantSplit += 1
            // ODT
            case "text:h": text = ""; style = a["text:outline-level"]
            case "table:table": table = Table()
            case "table:table-header-rows": table?.headerRow = true; inHeaderRows = true
            case "table:table-row": table?.rows += 1
            case "table:table-cell": if inHeaderRows { cell = "" }
            default: break
            }
        }

        func parser(
            _ parser: XMLParser, didEndElement e: String, namespaceURI: String?, qualifiedName: String?
        ) {
            switch e {
            case "w:p":
                if let s = style, table == nil, s == "Title" || s.hasPrefix("Heading") {
                    result.headings.append(Heading(style: s, text: text ?? ""))
                }
                text = nil
            case "text:h":
                result.headings.append(Heading(style: style ?? "", text: text ?? ""))
                text = nil
            case "w:tc":
                let c = (cell ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
                if rowIndex == 0 { table?.header.append(c) }
                table?.cells.append(c)
                cell = nil
            case "table:table-cell":
                if let c = cell { table?.header.append(c.trimmingCharacters(in: .whitespacesAndNewlines)) }; cell = nil
            case "table:table-header-rows": inHeaderRows = false
            case "w:tbl", "table:table": if let t = table { result.tables.append(t) }; table = nil
            default: break
            }
        }
    }
}
