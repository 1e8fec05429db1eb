import ArgumentParser
import Foundation
import PalabreCore

/// `palabre repair SESSION`: shows what is wrong with a damaged journal, proposes the smallest
/// change, asks, keeps every removed byte in a dated quarantine file and checks the journal after.
struct Repair: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Mend a damaged journal: set aside damaged lines, keeping every byte in quarantine.",
        discussion: """
            Shows each damaged place (line, byte offset, why) and the change proposed: a duplicated line,
            NUL bytes, a torn tail or a line that is not an event are set aside; a damaged line that held a
            seq is replaced by a lineSetAside event with that seq, so nothing acknowledged is renumbered;
            lines out of order are put back in order.
            Asks before changing anything (y/n on a terminal; --yes for scripts). The bytes set aside go to
            journal.jsonl.repair-<UTC date> beside the journal (owner only), and the journal is checked after.
            Refused while a facilitator seat (`palabre run`) is open on the session.
            Exit 0 when the journal is intact or repaired, 1 when nothing was changed.
            """)

    @Argument(help: "Session folder or name under ./sessions.") var session: String
    @Flag(help: "Apply the change without asking.") var yes = false
    @Option(help: "Language of the messages (fr or en; default: the programme's).") var lang: Language?

    mutating func run() throws {
        let (session, yes, lang) = (session, yes, lang)
        var folder = ""
        try reportingErrors(language: lang) {
            folder = try SessionLocator.folder(session, language: lang ?? .environment)
        }
        let programme = try? SessionLocator.programme(folder, language: lang)
        let language = lang ?? programme?.language ?? .environment
        try reportingErrors(language: language) {
            try Self.repair(folder: folder, programme: programme, language: language, yes: yes)
        }
    }

    private static func repair(folder: String, programme: Programme?, language: Language, yes: Bool) throws {
        let fr = language == .fr
        let path = SessionStore.journalPath(folder)
        if NoFollow.isLink(path) { throw JournalError.link(path: path) }
        guard FileManager.default.fileExists(atPath: path) else {
            say(
                fr
                    ? "\(path)\u{00A0}: pas encore de journal, rien à réparer."
                    : "\(path): no journal yet, nothing to repair.")
            return
        }
        let journal = try Journal(path: path, writable: false)
        let offset = programme.map { LocalTime(identifier: $0.timeZone).offset(at: Instant(Date())) } ?? 0
        let name = freeName(folder: folder)
        let plan = try journal.withContents { JournalRepair(bytes: $0, quarantineName: name, offsetSeconds: offset) }
        if plan.isIntact {
            say(fr ? "\(path)\u{00A0}: intact, rien à réparer." : "\(path): intact, nothing to repair.")
            return
        }
        for p in plan.problems {
            say(
                CliWords.repairProblem(
                    path: path, line: p.line, offset: p.offset, length: p.length,
                    reason: JournalRepair.reason(p, language), change: JournalRepair.change(p, language)
                ).text(language))
        }
        if let b = plan.blocker {
            say(
                "\(path):\(b.line) (" + (fr ? "octet" : "byte") + " \(b.offset))" + (fr ? "\u{00A0}: " : ": ")
                    + JournalRepair.message(b, language))
            throw UserError(
                description: fr
                    ? "ce dommage ne se répare pas sans inventer ni renuméroter des événements : rien n'a été "
                        + "modifié. Gardez une copie du dossier et reprenez les lignes manquantes d'une sauvegarde."
                    : "this damage cannot be mended without inventing or renumbering events: nothing was changed. "
                        + "Keep a copy of the folder and restore the missing lines from a backup.")
        }
        if let holder = seatHolder(folder) {
            throw UserError(
                description: fr
                    ? "le poste de modération est ouvert (processus \(holder.pid) sur \(holder.host)) : quittez "
                        + "`palabre run` (Ctrl-C), puis relancez `palabre repair`. Rien n'a été modifié."
                    : "the facilitator seat is open (process \(holder.pid) on \(holder.host)): quit `palabre run` "
                        + "(Ctrl-C), then run `palabre repair` again. Nothing was changed.")
        }
        let q = (folder as NSString).appendingPathComponent(name)
        say(
            plan.removed.isEmpty
                ? (fr
                    ? "rien n'est mis de côté\u{00A0}; "
                        + Agreement.counted(plan.repaired.count, one: "octet reste", many: "octets restent", .fr)
                        + " dans le journal."
                    : "nothing is set aside; "
                        + Agreement.counted(plan.repaired.count, one: "byte stays", many: "bytes stay", .en)
                        + " in the journal.")
                : fr
                    ? Agreement.counted(plan.removed.count, one: "octet sera mis", many: "octets seront mis", .fr)
                        + " de côté dans \(q)\u{00A0}; "
                        + Agreement.counted(plan.repaired.count, one: "octet reste", many: "octets restent", .fr)
                        + " dans le journal."
                    : Agreement.counted(plan.removed.count, one: "byte", many: "bytes", .en)
                        + " will be set aside in \(q); "
                        + Agreement.counted(plan.repaired.count, one: "byte stays", many: "bytes stay", .en)
                        + " in the journal.")
        guard yes || isatty(0) == 1 else {
            throw UserError(
                description: fr
                    ? "rien n'a été modifié (sans terminal, confirmez avec --yes)."
                    : "nothing was changed (without a terminal, confirm with --yes).")
        }
        guard yes || confirm(fr ? "Réparer\u{00A0}? (o/n) " : "Repair? (y/n) ", language) else {
            throw UserError(description: fr ? "rien n'a été modifié." : "nothing was changed.")
        }
        let written: String?
        do {
            written = try plan.apply(to: path)
        } catch JournalError.conflict {
            throw UserError(
                description: fr
                    ? "le journal a changé pendant la réparation : rien n'a été modifié, relancez `palabre repair`."
                    : "the journal changed meanwhile: nothing was changed, run `palabre repair` again.")
        }
        if let written { say(fr ? "mis de côté\u{00A0}: \(written)" : "set aside: \(written)") }
        // Checked after: the journal must now read whole, with nothing left over.
        let after = try Journal(path: path, writable: false)
        let events = try after.loadAll()
        guard after.tornBytes == 0, after.nulBytesSkipped == 0 else {
            throw UserError(
                description: (after.warnings(language).first ?? path) + (fr ? " (après réparation)" : " (after repair)")
            )
        }
        let n = events.count
        if n == 0 {
            say(fr ? "\(path)\u{00A0}: vérifié, aucun événement." : "\(path): verified, no events.")
        } else {
            say(
                fr
                    ? "\(path)\u{00A0}: vérifié, \(n) événement\(n > 1 ? "s" : ""), n° 1…\(after.lastSeq) sans trou."
                    : "\(path): verified, \(n) event\(n > 1 ? "s" : ""), seq 1…\(after.lastSeq) without gaps.")
        }
    }

    /// The dated quarantine name, not yet taken in `folder`.
    private static func freeName(folder: String) -> String {
        let base = JournalRepair.quarantineName(at: Date())
        var name = base
        var n = 2
        while FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent(name))
            || NoFollow.isLink((folder as NSString).appendingPathComponent(name))
        {
            name = base + "-\(n)"; n += 1
        }
        return name
    }

    /// The live facilitator seat of `folder`, if one is open.
    private static func seatHolder(_ folder: String) -> (pid: Int32, host: String)? {
        let p = (folder as NSString).appendingPathComponent(".facilitator")
        guard let fd = try? NoFollow.open(p, .readOnly) else { return nil }
        defer { NoFollow.close(fd) }
        if flock(fd, LOCK_SH | LOCK_NB) == 0 {
            flock(fd, LOCK_UN)
            return nil
        }
        let h = SeatLock.holder(folder: folder)
        return (h?.pid ?? 0, h?.host ?? "?")
    }

    /// Asks `question` on the terminal; false without one.
    private static func confirm(_ question: String, _ language: Language) -> Bool {
        guard isatty(0) == 1 else { return false }
        FileHandle.standardOutput.write(Data(question.utf8))
        guard let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() else { return false }
        return ["y", "yes", "o", "oui"].contains(answer)
    }
}
