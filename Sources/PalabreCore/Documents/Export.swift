import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A format `palabre export` writes.
public enum ExportFormat: String, CaseIterable, Sendable {
    /// Word (pandoc, with docs/reference/reference.docx).
    case docx
    /// OpenDocument text (pandoc, with docs/reference/reference.odt).
    case odt
    /// PDF: the DOCX converted by LibreOffice headless.
    case pdf
    /// A standalone HTML page (pandoc).
    case html
    /// The Markdown sources themselves.
    case md
    /// An IATI 2.03 activity file (`iati-activities.xml`): one activity per fiche, with the
    /// commitments as transactions (``IatiExport``). No converter needed.
    case iati
}

/// One document to export: its Markdown source and the orientation of its pages.
public struct ExportDocument: Sendable, Equatable {
    /// File name without extension: `minutes`, `attendance-sheet`, `commitments`.
    public var name: String
    /// The Markdown source (the same text as in out/ for the minutes and the matrix).
    public var markdown: String
    /// Landscape pages, for wide tables (the commitments matrix).
    public var landscape: Bool

    /// Creates a document to export.
    public init(name: String, markdown: String, landscape: Bool = false) {
        self.name = name; self.markdown = markdown; self.landscape = landscape
    }
}

/// Why an export failed, in words for the person at the laptop.
public enum ExportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A converter is not installed: its command, the format that needs it, the Debian package.
    case missingConverter(command: String, format: ExportFormat, package: String)
    /// A converter ran and failed: its command, exit status and what it printed on stderr.
    case converterFailed(command: String, status: Int32, detail: String)
    /// A converter ended without writing the file it was asked for.
    case noOutput(command: String, path: String)
    /// A file or folder could not be written.
    case write(DocumentError)
    /// The IATI file cannot be written until the programme gives what it lacks.
    case iati(IatiExportError)

    /// The message in `language`.
    public func message(_ language: Language) -> String {
        let fr = language == .fr
        switch self {
        case .missingConverter(let command, let format, let package):
            return fr
                ? "« \(command) » est introuvable : il faut ce programme pour écrire le format \(format.rawValue). "
                    + "Installez le paquet Debian « \(package) » (sudo apt-get install \(package)), puis relancez."
                : "“\(command)” was not found: it is needed to write \(format.rawValue). Install the Debian "
                    + "package “\(package)” (sudo apt-get install \(package)), then run again."
        case .converterFailed(let command, let status, let detail):
            let tail = detail.isEmpty ? "" : (fr ? " Message : " : " It said: ") + detail
            return fr
                ? "La conversion par « \(command) » a échoué (code \(status))." + tail
                : "The conversion by “\(command)” failed (status \(status))." + tail
        case .noOutput(let command, let path):
            return fr
                ? "« \(command) » n'a pas écrit « \(path) » ; la conversion a échoué sans message."
                : "“\(command)” did not write “\(path)”; the conversion failed without a message."
        case .write(let e):
            // An export is written again by running it again, never by the next event.
            return e.retold(rerunning: "palabre export").message(language)
        case .iati(let e):
            return e.message(language)
        }
    }

    /// The message in English.
    public var description: String { message(.en) }
}

/// Finds the converters in a search path (`PATH`): commands are run by their absolute path,
/// never through a shell.
public struct Converters: Sendable, Equatable {
    /// Folders searched, in order.
    public var folders: [String]

    /// Searches `searchPath` (colon-separated; default: this process's `PATH`).
    public init(searchPath: String? = ProcessInfo.processInfo.environment["PATH"]) {
        folders = (searchPath ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":").map(String.init)
    }

    /// The absolute path of an executable `command` in the folders, if any.
    public func locate(_ command: String) -> String? {
        for f in folders where !f.isEmpty {
            let p = (f as NSString).appendingPathComponent(command)
            var st = stat()
            if stat(p, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, access(p, X_OK) == 0 { return p }
        }
        return nil
    }

    /// pandoc, for DOCX, ODT and HTML.
    public var pandoc: String? { locate("pandoc") }
    /// LibreOffice (`soffice`, or `libreoffice`), for PDF.
    public var libreOffice: String? { locate("soffice") ?? locate("libreoffice") }
}

/// Writes the compte rendu, the attendance sheet to sign and the commitments matrix as Word,
/// ODT, PDF, HTML or Markdown files.
///
/// The Markdown sources are those of ``Documents`` (the minutes and the matrix as in out/) and
/// the attendance sheet (a table per day with a signature column). pandoc converts them with the
/// reference documents of docs/reference (A4, page numbers, styled headings, tables with a header
/// row); LibreOffice headless turns the DOCX into PDF. The commitments matrix has landscape pages.
///
/// ```swift
/// let files = try Exporter.export(state, format: .docx, to: "sessions/x/out/export",
///                                 options: DocumentOptions(language: .fr, now: state.lastAt!))
/// ```
public enum Exporter {
    /// The Debian package that brings pandoc.
    public static let pandocPackage = "pandoc"
    /// The Debian package that brings LibreOffice headless (`soffice`).
    public static let pdfPackage = "libreoffice-writer-nogui"

    /// The documents to export, in order: minutes, attendance-sheet, commitments.
    public static func documents(_ state: SessionState, options: DocumentOptions) -> [ExportDocument] {
        let rendered = Documents.render(state, options: options)
        func markdown(_ name: String) -> String {
            rendered.first { $0.name == name }.map { String(decoding: $0.data, as: UTF8.self) } ?? ""
        }
        return [
            ExportDocument(name: "minutes", markdown: markdown("minutes.md")),
            ExportDocument(name: "attendance-sheet", markdown: AttendanceSheet(DocContext(state, options)).render()),
            ExportDocument(name: "commitments", markdown: markdown("commitments.md"), landscape: true),
        ]
    }

    /// Exports the documents of `state` as `format` into `dir` (created when missing) and returns
    /// the paths written. Throws ``ExportError``: a missing converter, or what the IATI file
    /// lacks (``ExportError/iati(_:)``), is reported before anything is written.
    @discardableResult
    public static func export(
        _ state: SessionState, format: ExportFormat, to dir: String, options: DocumentOptions,
        converters: Converters = Converters()
    ) throws -> [String] {
        if format == .iati { return [try exportIati(state, to: dir, now: options.now)] }
        try check(format, converters)
        return try export(
            documents(state, options: options), format: format, to: dir, language: options.language,
            converters: converters)
    }

    /// Writes `state` as an IATI 2.03 file `iati-activities.xml` into `dir` as it stood at `now`
    /// and returns its path; throws ``ExportError/iati(_:)`` (nothing written) when the programme
    /// lacks what IATI requires, ``ExportError/write(_:)`` when the file cannot be written.
    public static func exportIati(_ state: SessionState, to dir: String, now: Instant) throws -> String {
        let data: Data
        do { data = try IatiExport(state, now: now).render() } catch { throw ExportError.iati(error) }
        let path = (dir as NSString).appendingPathComponent(IatiExport.fileName)
        do {
            try Documents.ensureDirectory(dir)
            try Documents.writeAtomically(data, to: path)
        } catch let e as DocumentError { throw ExportError.write(e) }
        return path
    }

    /// Exports `documents` as `format` into `dir`; see ``export(_:format:to:options:converters:)``.
    /// `format` is a document format: the IATI file is made from the state, never from documents.
    @discardableResult
    public static func export(
        _ documents: [ExportDocument], format: ExportFormat, to dir: String, language: Language,
        converters: Converters = Converters()
    ) throws -> [String] {
        precondition(format != .iati, "the IATI file is written from the session state (exportIati)")
        try check(format, converters)
        do { try Documents.ensureDirectory(dir) } catch let e as DocumentError { throw ExportError.write(e) }
        if format == .md {
            do {
                // Under the documents' lock: a set being swapped in never drops these files.
                return try DocumentSet.withLock(dir) { _, _ in
                    try documents.map { d in
                        let path = (dir as NSString).appendingPathComponent(d.name + ".md")
                        try Documents.writeAtomically(Data(d.markdown.utf8), to: path)
                        return path
                    }
                }
            } catch let e as DocumentError {
                throw ExportError.write(e)
            }
        }
        // Work in a hidden folder inside `dir`: the results are renamed into place, on the same
        // file system, once every conversion has succeeded.
        // What an export killed before its end left there (its process is gone) goes first.
        Self.removeOrphanWork(in: dir)
        let work = (dir as NSString).appendingPathComponent(".export-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        if mkdir(work, 0o700) != 0 {
            // The folder is what the user chose and can fix; the hidden one inside is ours.
            throw ExportError.write(DocumentError(path: dir, operation: "mkdir", errno: errno))
        }
        defer { try? FileManager.default.removeItem(atPath: work) }
        func put(_ data: Data, _ name: String) throws -> String {
            let p = (work as NSString).appendingPathComponent(name)
            do { try data.write(to: URL(fileURLWithPath: p)) } catch {
                throw ExportError.write(DocumentError(path: p, operation: "write", errno: EIO))
            }
            return p
        }
        let filter = try put(Data(luaFilter.utf8), "palabre.lua")
        let pandoc = converters.pandoc!
        let target: ExportFormat = format == .pdf ? .docx : format
        var produced: [String] = []
        for d in documents {
            let source = try put(Data(d.markdown.utf8), d.name + ".md")
            let output = (work as NSString).appendingPathComponent(d.name + "." + target.rawValue)
            var args = [
                "--from=gfm", "--to=" + (target == .html ? "html5" : target.rawValue), "--shift-heading-level-by=-1",
                "--lua-filter=" + filter, "--columns=\(d.landscape ? tableLineLandscape : tableLine)",
                "--metadata=lang:" + (language == .fr ? "fr-FR" : "en-GB"), "--output=" + output,
            ]
            switch target {
            case .docx:
                args.append("--reference-doc=" + (try put(reference(d.landscape, odt: false), "reference.docx")))
            case .odt:
                args.append("--reference-doc=" + (try put(reference(d.landscape, odt: true), "reference.odt")))
            case .html:
                args += ["--standalone", "--include-in-header=" + (try put(Data(htmlStyle.utf8), "style.html"))]
            case .pdf, .md, .iati:
                break
            }
            try run(pandoc, args + [source], name: "pandoc")
            guard FileManager.default.fileExists(atPath: output) else {
                throw ExportError.noOutput(command: "pandoc", path: output)
            }
            if target == .docx {
                do { try DocxRows.keepRowsWhole(docx: output) } catch {
                    throw ExportError.converterFailed(command: "pandoc", status: 0, detail: "\(error)")
                }
            }
            produced.append(output)
        }
        if format == .pdf {
            let pdfDir = (work as NSString).appendingPathComponent("pdf")
            let profile = URL(fileURLWithPath: (work as NSString).appendingPathComponent("libreoffice-profile"))
            // A profile of its own: never hands the work to a LibreOffice already open on this account.
            try run(
                converters.libreOffice!,
                [
                    "-env:UserInstallation=" + profile.absoluteString, "--headless", "--norestore", "--convert-to",
                    "pdf",
                    "--outdir", pdfDir,
                ] + produced, name: "soffice", home: work)
            produced = try documents.map { d in
                let p = (pdfDir as NSString).appendingPathComponent(d.name + ".pdf")
                guard FileManager.default.fileExists(atPath: p) else {
                    throw ExportError.noOutput(command: "soffice", path: p)
                }
                return p
            }
        }
        // Under the documents' lock: a set being swapped in never drops these files.
        let renamed: Result<[String], ExportError>
        do {
            renamed = try DocumentSet.withLock(dir) { _, _ in
                var written: [String] = []
                for p in produced {
                    let final = (dir as NSString).appendingPathComponent((p as NSString).lastPathComponent)
                    if rename(p, final) != 0 {
                        return .failure(.write(DocumentError(path: final, operation: "rename", errno: errno)))
                    }
                    written.append(final)
                }
                return .success(written)
            }
        } catch let e as DocumentError {
            throw ExportError.write(e)
        }
        let written = try renamed.get()
        do { try Documents.fsyncDirectory(dir) } catch let e as DocumentError { throw ExportError.write(e) }
        return written
    }

    /// Throws ``ExportError/missingConverter(command:format:package:)`` when `format` needs a
    /// converter that `converters` cannot find.
    public static func check(_ format: ExportFormat, _ converters: Converters) throws {
        if format == .md || format == .iati { return }
        if converters.pandoc == nil {
            throw ExportError.missingConverter(command: "pandoc", format: format, package: pandocPackage)
        }
        if format == .pdf && converters.libreOffice == nil {
            throw ExportError.missingConverter(command: "soffice", format: format, package: pdfPackage)
        }
    }

    static func reference(_ landscape: Bool, odt: Bool) -> Data {
        switch (odt, landscape) {
        case (false, false): ReferenceDocuments.docx
        case (false, true): ReferenceDocuments.docxLandscape
        case (true, false): ReferenceDocuments.odt
        case (true, true): ReferenceDocuments.odtLandscape
        }
    }

    /// Runs `executable` with `arguments` (no shell), standard output discarded; throws
    /// ``ExportError/converterFailed(command:status:detail:)`` on a non-zero exit.
    static func run(_ executable: String, _ arguments: [String], name: String, home: String? = nil) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        if let home { env["HOME"] = home }
        p.environment = env
        let err = Pipe()
        p.standardInput = FileHandle.nullDevice
        p.standardOutput = FileHandle.nullDevice
        p.standardError = err
        do { try p.run() } catch {
            throw ExportError.converterFailed(command: name, status: -1, detail: "\(error)")
        }
        let detail = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationReason == .exit, p.terminationStatus == 0 else {
            let text = String(decoding: detail.prefix(2000), as: UTF8.self).trimmingCharacters(
                in: .whitespacesAndNewlines)
            throw ExportError.converterFailed(command: name, status: p.terminationStatus, detail: text)
        }
    }

    /// The characters of average width on a line of a table in 9 pt, portrait (17 cm) and
    /// landscape (25.7 cm) A4 with 2 cm margins: `--columns` for the Lua filter.
    static let tableLine = 89
    static let tableLineLandscape = 135

    /// The pandoc Lua filter: `<br>` in table cells as line breaks, and column widths from the
    /// cells' contents (pandoc's GitHub-Markdown reader gives every column the same width): the
    /// longest word of a column never breaks while the line allows it (an amount, « 15 min », are
    /// one word: no-break spaces), values up to 20 characters (numbers, times, amounts, dates)
    /// stay on one line, long texts share the rest and wrap. When even the words do not fit, those
    /// with figures keep their room and the others break. Amounts typed in a text (« 8 500 000
    /// FCFA ») get no-break spaces, like those palabre writes.
    static let luaFilter = #"""
        -- palabre export: <br> in table cells as line breaks; column widths from their contents.
        function RawInline(el)
          if el.format == "html" and el.text:match("^<br%s*/?>$") then return pandoc.LineBreak() end
        end

        -- Amounts typed in a text (« 8 500 000 FCFA ») never break: a group of three figures and a
        -- currency code are joined to the number before them by a no-break space.
        local NBSP = utf8.char(0xA0)
        local CURRENCY = {FCFA = true, CFA = true, XOF = true, EUR = true, USD = true}
        function Inlines(inlines)
          local i = 1
          while i + 2 <= #inlines do
            local a, s, b = inlines[i], inlines[i + 1], inlines[i + 2]
            local lead = a.t == "Str" and a.text:match("%f[%d](%d+)$")
            if lead and #lead <= 3 and s.t == "Space" and b.t == "Str"
              and (b.text:match("^%d%d%d%f[^%d]") or CURRENCY[b.text:match("^%a+") or ""]) then
              inlines[i] = pandoc.Str(a.text .. NBSP .. b.text)
              table.remove(inlines, i + 2)
              table.remove(inlines, i + 1)
            else
              i = i + 1
            end
          end
          return inlines
        end

        -- The width of a text in characters of average width (--columns counts them on a line of the
        -- table's size): digits and capitals are wider than small letters, spaces narrower; bold wider.
        local function width(s, bold)
          local w = 0
          for _, c in utf8.codes(s) do
            if c == 32 or c == 0xA0 or c == 0x202F then w = w + 0.55
            elseif c >= 48 and c <= 57 then w = w + 1.06
            elseif (c >= 65 and c <= 90) or c == 0xC9 or c == 0xC8 or c == 0xC0 then w = w + 1.2
            elseif c == 46 or c == 44 or c == 58 or c == 59 or c == 39 or c == 0x2019 or c == 105 or c == 108
              or c == 106 or c == 116 or c == 102 or c == 114 or c == 40 or c == 41 or c == 45 then w = w + 0.6
            elseif c == 109 or c == 119 or c == 0x2014 or c == 0x2013 then w = w + 1.45
            else w = w + 1.02 end
          end
          return bold and w * 1.1 or w
        end

        -- The width of a cell's text on one line and of its longest word (words break only at ordinary
        -- spaces: an amount, « 15 min », with no-break spaces is one word).
        local function measure(cell, bold)
          local text = pandoc.utils.stringify(cell.contents)
          local word, figure = 0, 0
          for w in text:gmatch("[^ \t\r\n]+") do
            word = math.max(word, width(w, bold))
            if w:match("%d") then figure = math.max(figure, width(w, bold)) end
          end
          return width(text, bold), word, figure
        end

        -- Cells whose text fits this width stay on one line: numbers, times, amounts, dates.
        local SHORT = 20
        -- Cell margins and borders, in characters.
        local PAD = 2.2

        function Table(t)
          local n = #t.colspecs
          local word, figure, short, want, any = {}, {}, {}, {}, {}
          for i = 1, n do word[i] = 0; figure[i] = 0; short[i] = 0; want[i] = 0; any[i] = false end
          local function scan(rows, head)
            for _, row in ipairs(rows) do
              for i, cell in ipairs(row.cells) do
                if i <= n then
                  local l, w, f = measure(cell, head)
                  word[i] = math.max(word[i], w)
                  if not head then
                    figure[i] = math.max(figure[i], f)
                    if l > 0 then any[i] = true end
                    if l <= SHORT then short[i] = math.max(short[i], l) end
                    want[i] = math.max(want[i], math.min(l, 70))
                  end
                end
              end
            end
          end
          scan(t.head.rows, true)
          for _, b in ipairs(t.bodies) do scan(b.body, false) end
          -- Every column gets what its words and short values need unbroken (hard: its longest word;
          -- soft: its short values on one line); a column left empty is for writing by hand (a
          -- signature) and gets room; long texts share what is left and wrap.
          local fixed, hard, soft, extra = {}, {}, {}, {}
          local sumFixed, sumHard, sumSoft, sumExtra = 0, 0, 0, 0
          for i = 1, n do
            fixed[i] = figure[i] + PAD
            sumFixed = sumFixed + fixed[i]
            if not any[i] then
              hard[i], soft[i], extra[i] = 24, 24, 0
            else
              hard[i] = word[i] + PAD
              soft[i] = math.max(word[i], short[i]) + PAD
              extra[i] = math.max(0, want[i] - math.max(word[i], short[i]))
            end
            sumHard = sumHard + hard[i]; sumSoft = sumSoft + soft[i]; sumExtra = sumExtra + extra[i]
          end
          -- The line is shared in this order: words with figures (amounts, numbers, times, dates), the
          -- other words (never broken while they fit), the short values on one line, then the long texts.
          local line = PANDOC_WRITER_OPTIONS.columns
          local w = {}
          if sumSoft <= line then
            local k = sumExtra > 0 and math.min(1, (line - sumSoft) / sumExtra) or 0
            for i = 1, n do w[i] = soft[i] + k * extra[i] end
          elseif sumHard < line then
            local k = (line - sumHard) / (sumSoft - sumHard)
            for i = 1, n do w[i] = hard[i] + k * (soft[i] - hard[i]) end
          else
            local k = math.max(0, (line - sumFixed) / (sumHard - sumFixed))
            for i = 1, n do w[i] = fixed[i] + k * (hard[i] - fixed[i]) end
          end
          local total = 0
          for i = 1, n do total = total + w[i] end
          for i = 1, n do t.colspecs[i] = {t.colspecs[i][1], w[i] / total} end
          return t
        end
        """#

    /// The style of the HTML pages: readable widths, tables with borders and a shaded header row.
    static let htmlStyle = #"""
        <style>
        body { max-width: 60em; margin: 2em auto; padding: 0 1em; font-family: sans-serif; line-height: 1.4; }
        h1, h2, h3, h4 { color: #1f3864; }
        h1 { border-bottom: 1px solid #1f3864; }
        table { border-collapse: collapse; margin: 1em 0; font-size: 0.9em; }
        th, td { border: 1px solid #808080; padding: 0.2em 0.4em; vertical-align: top; }
        th { background: #d9e2f3; }
        </style>
        """#
}

extension Exporter {
    /// Removes from `dir` the hidden work folders (`.export-PID-N`) of exports whose process is no
    /// longer running (killed before their end): only names of exactly that shape.
    static func removeOrphanWork(in dir: String) {
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [] where entry.hasPrefix(".export-")
        {
            let parts = entry.dropFirst(".export-".count).split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
                let pid = Int32(parts[0]), pid > 0, kill(pid, 0) != 0, errno == ESRCH
            else { continue }
            try? FileManager.default.removeItem(atPath: (dir as NSString).appendingPathComponent(entry))
        }
    }
}
