import ArgumentParser
import Foundation
import PalabreCore

extension ExportFormat: ExpressibleByArgument {}

/// `palabre export SESSION`: the compte rendu, the attendance sheet to sign and the commitments
/// matrix as Word, ODT, PDF, HTML or Markdown files; or the fiches and commitments as an IATI
/// 2.03 activity file (`--format iati`).
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the minutes, the attendance sheet to sign and the commitments matrix as DOCX, ODT, PDF, "
            + "HTML or Markdown; or the fiches and commitments as an IATI 2.03 activity file.",
        discussion: "Writes minutes, attendance-sheet and commitments with the format's extension. DOCX, ODT and "
            + "HTML need pandoc (Debian package pandoc); PDF needs pandoc and LibreOffice (Debian package "
            + "libreoffice-writer-nogui). --format iati writes iati-activities.xml (no converter needed; the first "
            + "organiser needs iati and iati_type keys). Exit 0 when written, 1 when a converter is missing or fails "
            + "or the IATI keys are missing, 2 for a wrong session or --at.")

    @Argument(help: "Session folder or name under ./sessions.") var session: String
    @Option(help: "docx, odt, pdf, html, md or iati.") var format: ExportFormat = .docx
    @Option(help: "Write the files into this folder instead of SESSION/out/export.") var out: String?
    @OptionGroup var moment: DocumentMoment

    mutating func run() throws {
        let (session, format, out, lang, at) = (session, format, out.map(Paths.chosenFolder), moment.lang, moment.at)
        var language: Language = lang ?? .fr
        try reportingErrors(language: lang) {
            let store = try SessionLocator.open(session, writable: false, forReading: true, language: lang)
            language = lang ?? store.programme.language
            if let out {
                // No event writes an export again: the command does, once run again.
                do { try Documents.checkChosenFolder(out) } catch let e as DocumentError {
                    throw e.retold(rerunning: "palabre export")
                }
            }
            // The session's out/ first, never through a link, before export/ is made inside it.
            if out == nil { try Documents.ensureDirectory(SessionStore.outPath(store.folder)) }
            let dir = out ?? (SessionStore.outPath(store.folder) as NSString).appendingPathComponent("export")
            var state = store.state
            var now = state.lastAt ?? SystemClock().now()
            if let at {
                let moment = try ClockOverride.moment(at, state: state)
                let journal = try Journal(path: SessionStore.journalPath(store.folder), writable: false)
                var s = SessionState(programme: store.programme)
                try journal.forEachEvent { if $0.at <= moment { s.evolve($0) } }
                state = s
                now = moment
            }
            let files: [String]
            do {
                files = try Exporter.export(
                    state, format: format, to: dir, options: DocumentOptions(language: language, now: now))
            } catch let e as ExportError {
                throw UserError(description: e.message(language))
            }
            for f in files { say(f) }
        }
    }
}
