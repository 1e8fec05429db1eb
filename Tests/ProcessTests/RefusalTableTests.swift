import Foundation
import PalabreCore
import Testing

/// Malformed `palabre do` calls, each refused clearly, in the session's language, with its exit
/// status and nothing recorded: the argument is judged before the state of the meeting.
@Suite("Refusals of palabre do", .serialized)
struct RefusalTableTests {
    /// One malformed call: its words after `palabre do SESSION`, the exit status, and a part of
    /// the message in each language.
    struct Case: CustomStringConvertible {
        var words: [String]
        var status: Int32
        var fr: String
        var en: String
        var description: String { words.joined(separator: " ") }
        init(_ words: [String], _ status: Int32, fr: String, en: String) {
            self.words = words; self.status = status; self.fr = fr; self.en = en
        }
    }

    static let cases: [Case] = [
        // Verbs and the place of options.
        Case(["frobnicate"], 2, fr: "verbe inconnu « frobnicate »", en: "unknown verb \"frobnicate\""),
        Case([], 2, fr: "donnez un verbe", en: "give a verb"),
        Case(["--seat", "rapporteur", "note", "x"], 2, fr: "le verbe vient d'abord", en: "the verb comes first"),
        Case(["open"], 1, fr: "déjà ouverte", en: "already open"),
        // extend: durations, negative ones included.
        Case(["extend"], 2, fr: "argument manquant : <minutes>", en: "missing argument: <minutes>"),
        Case(["extend", "abc"], 2, fr: "« abc » n'est pas une durée", en: "“abc” is not a duration"),
        Case(["extend", "1.5x"], 2, fr: "n'est pas une durée", en: "is not a duration"),
        Case(["extend", "99999999999"], 2, fr: "« 99999999999 » est trop grand", en: "“99999999999” is too large"),
        Case(["extend", "0"], 1, fr: "Prolongation invalide", en: "Invalid extension"),
        Case(["extend", "25h"], 1, fr: "au plus 24 heures", en: "at most 24 hours"),
        Case(["extend", "-500"], 1, fr: "ne peut pas être raccourci", en: "cannot be shortened"),
        Case(["extend", "5", "6"], 2, fr: "argument en trop « 6 »", en: "unexpected argument \"6\""),
        Case(["extend", "5", "--foo"], 2, fr: "option inconnue « --foo »", en: "unknown option \"--foo\""),
        // Items and days: the argument before the state.
        Case(["start-item", "nope"], 1, fr: "Aucun point « nope »", en: "No agenda item “nope”"),
        Case(["skip-item", "nope"], 1, fr: "Aucun point « nope »", en: "No agenda item “nope”"),
        Case(["start-item"], 1, fr: "encore en cours", en: "still running"),
        Case(["start-day", "2023-13-45"], 2, fr: "n'est pas une date", en: "is not a date"),
        Case(["start-day", "2023/10/17"], 2, fr: "n'est pas une date", en: "is not a date"),
        Case(["start-day", "2099-01-01"], 1, fr: "Aucune journée « 2099-01-01 »", en: "No day “2099-01-01”"),
        Case(["start-day"], 1, fr: "déjà en cours", en: "already under way"),
        Case(["insert-item", "Titre"], 2, fr: "argument manquant : --minutes", en: "missing argument: --minutes"),
        Case(
            ["insert-item", "--minutes", "10"], 2, fr: "argument manquant : <title>", en: "missing argument: <title>"),
        Case(["insert-item", "T", "--minutes", "abc"], 2, fr: "n'est pas une durée", en: "is not a duration"),
        Case(["insert-item", "T", "--minutes", "-5"], 2, fr: "ne peut pas être négative", en: "cannot be negative"),
        Case(["insert-item", "T", "--minutes", "9999999"], 2, fr: "est trop grand", en: "is too large"),
        Case(
            ["insert-item", "T", "--minutes", "10", "--kind", "bogus"], 2, fr: "Type de point « bogus » inconnu",
            en: "Unknown item kind “bogus”"),
        Case(["insert-item", "T", "--minutes", "10", "--after", "nope"], 1, fr: "Aucun point « nope »", en: "“nope”"),
        Case(
            ["insert-item", "T", "--minutes"], 2, fr: "valeur manquante pour --minutes",
            en: "missing value for --minutes"),
        Case(["move-item", "nope", "--day", "2099-01-01"], 1, fr: "Aucun point « nope »", en: "No agenda item “nope”"),
        Case(["move-item", "demo-debat"], 2, fr: "dites où : --after POINT", en: "say where: --after ITEM"),
        Case(
            ["set-remaining", "-3"], 2, fr: "un nombre négatif n'a pas de sens", en: "a negative number means nothing"),
        Case(["carry-over"], 1, fr: "dernière du programme", en: "the programme's last"),
        // The floor: people.
        Case(["request-floor", "nobody"], 1, fr: "Personne ne correspond à « nobody »", en: "Nobody matches “nobody”"),
        Case(["request-floor"], 2, fr: "argument manquant : <who>", en: "missing argument: <who>"),
        Case(["request-floor", "rep-unicef", "--urgent"], 2, fr: "option inconnue « --urgent »", en: "unknown option"),
        Case(["give-floor", "nobody"], 1, fr: "Personne ne correspond", en: "Nobody matches"),
        Case(["remove-speaker", "nobody"], 1, fr: "Personne ne correspond", en: "Nobody matches"),
        Case(["remove-speaker"], 2, fr: "argument manquant : <who>", en: "missing argument: <who>"),
        Case(
            ["reorder-speaker", "rep-unicef"], 2, fr: "argument manquant : <position>",
            en: "missing argument: <position>"),
        Case(["reorder-speaker", "rep-unicef", "abc"], 2, fr: "n'est pas un rang", en: "is not a place"),
        Case(["reorder-speaker", "rep-unicef", "0"], 2, fr: "n'est pas un rang", en: "is not a place"),
        Case(["reorder-speaker", "rep-unicef", "-1"], 2, fr: "nombre négatif", en: "negative number"),
        Case(["reorder-speaker", "rep-unicef", "99999999999"], 2, fr: "est trop grand", en: "is too large"),
        Case(["reorder-speaker", "nobody", "1"], 1, fr: "Personne ne correspond", en: "Nobody matches"),
        Case(["speaking-limit", "abc"], 2, fr: "n'est pas une durée", en: "is not a duration"),
        Case(["speaking-limit", "-3"], 2, fr: "négati", en: "negative"),
        Case(["speaking-limit"], 2, fr: "argument manquant : <minutes>", en: "missing argument: <minutes>"),
        // Text entries: unknown options are refused, never taken into the text.
        Case(["note"], 2, fr: "argument manquant : <text>", en: "missing argument: <text>"),
        Case(["note", "-x"], 2, fr: "option inconnue « -x »", en: "unknown option \"-x\""),
        Case(["note", "x", "--foo"], 2, fr: "se met après --", en: "goes after --"),
        Case(["decision", "--foo", "x"], 2, fr: "option inconnue « --foo »", en: "unknown option \"--foo\""),
        Case(["question"], 2, fr: "argument manquant : <text>", en: "missing argument: <text>"),
        Case(["answer", "-y"], 2, fr: "option inconnue « -y »", en: "unknown option \"-y\""),
        Case(["perspective"], 2, fr: "argument manquant", en: "missing argument"),
        Case(["organiser-commitment"], 2, fr: "argument manquant", en: "missing argument"),
        Case(
            ["note", "x", "--seat", "bogus"], 2, fr: "valeur « bogus » invalide pour --seat",
            en: "invalid value \"bogus\" for --seat"),
        Case(["note", "x", "--seat"], 2, fr: "valeur manquante pour --seat", en: "missing value for --seat"),
        Case(["note", "x", "--seat", "projector"], 1, fr: "projector", en: "projector"),
        Case(["note", "x", "--at", "25:99"], 2, fr: "n'est pas un moment", en: "is not a moment"),
        Case(["note", "x", "--at", "07:00"], 1, fr: "l'horloge ne recule jamais", en: "may never go backwards"),
        Case(["note", "x", "--at", "2099-01-01 10:00"], 2, fr: "faute de frappe", en: "typing error"),
        Case(["recommendation"], 2, fr: "argument manquant : <text>", en: "missing argument: <text>"),
        Case(["recommendation", "x", "--to"], 2, fr: "valeur manquante pour --to", en: "missing value for --to"),
        Case(["action", "x"], 2, fr: "argument manquant : --responsible", en: "missing argument: --responsible"),
        // Commitments: partners, fiches, amounts, natures, statuses.
        Case(
            ["commitment", "--fiche", "TIM-01"], 2, fr: "argument manquant : --partner",
            en: "missing argument: --partner"),
        Case(
            ["commitment", "--partner", "unicef", "--fiche", "TIM-01", "--amount", "abc"], 2,
            fr: "« abc » n'est pas un montant", en: "“abc” is not an amount"),
        Case(
            ["commitment", "--partner", "unicef", "--fiche", "TIM-01", "--amount", "-5"], 2,
            fr: "ne peut pas être négatif", en: "cannot be negative"),
        Case(
            ["commitment", "--partner", "unicef", "--fiche", "TIM-01", "--amount", "1,5"], 2,
            fr: "sans décimales", en: "without decimals"),
        Case(
            ["commitment", "--partner", "unicef", "--fiche", "TIM-01", "--amount", "99999999999999999999"], 2,
            fr: "est trop grand", en: "is too large"),
        Case(
            ["commitment", "--partner", "unicef", "--fiche", "TIM-01", "--nature", "bogus"], 2,
            fr: "Nature « bogus » inconnue", en: "Unknown nature “bogus”"),
        Case(
            ["commitment", "--partner", "unicef", "--fiche", "TIM-01", "--status", "bogus"], 2,
            fr: "Statut « bogus » inconnu", en: "Unknown status “bogus”"),
        Case(
            ["commitment", "--partner", "nobody", "--fiche", "TIM-01"], 1, fr: "Personne ne correspond",
            en: "Nobody matches"),
        Case(["commitment", "--partner", "unicef", "--fiche", "NOPE"], 1, fr: "« NOPE »", en: "“NOPE”"),
        // Entry numbers.
        Case(
            ["amend", "abc", "--reason", "r", "x"], 2, fr: "« abc » n'est pas un numéro d'entrée",
            en: "“abc” is not an entry number"),
        Case(["amend", "4", "x"], 2, fr: "argument manquant : --reason", en: "missing argument: --reason"),
        Case(["amend", "4", "--reason", "r"], 2, fr: "donnez le nouveau texte", en: "give the new text"),
        Case(["amend", "999", "--reason", "r", "x"], 1, fr: "999", en: "999"),
        Case(
            ["amend", "5", "--reason", "r", "--status", "bogus"], 2, fr: "Statut « bogus » inconnu",
            en: "Unknown status"),
        Case(["retract", "abc", "--reason", "r"], 2, fr: "n'est pas un numéro d'entrée", en: "is not an entry number"),
        Case(["retract", "999", "--reason", "r"], 1, fr: "999", en: "999"),
        Case(["adopt", "abc"], 2, fr: "n'est pas un numéro d'entrée", en: "is not an entry number"),
        Case(["adopt", "-2"], 2, fr: "nombre négatif", en: "negative number"),
        Case(["adopt", "99999999999"], 2, fr: "est trop grand", en: "is too large"),
        Case(["adopt"], 2, fr: "argument manquant : <seq>", en: "missing argument: <seq>"),
        // Attendance.
        Case(["check-in", "nobody"], 1, fr: "Personne ne correspond", en: "Nobody matches"),
        Case(["walk-in", "Maire", "--sex", "X"], 2, fr: "Sexe « X »", en: "Sex “X”"),
        Case(["walk-in"], 2, fr: "argument manquant : <function>", en: "missing argument: <function>"),
        // Synergies and statuses.
        Case(["interest", "unicef", "NOPE"], 1, fr: "« NOPE »", en: "“NOPE”"),
        Case(["interest", "nobody", "TIM-01"], 1, fr: "Personne ne correspond", en: "Nobody matches"),
        Case(["synergy", "TIM-01"], 2, fr: "argument manquant : --partners", en: "missing argument: --partners"),
        Case(
            ["synergy", "TIM-01", "--partners", "unicef,nobody"], 1, fr: "Personne ne correspond", en: "Nobody matches"),
        Case(
            ["commitment-status", "abc", "signé"], 2, fr: "n'est pas un numéro d'entrée", en: "is not an entry number"),
        Case(["commitment-status", "5", "bogus"], 2, fr: "Statut « bogus » inconnu", en: "Unknown status “bogus”"),
        Case(["commitment-status", "5"], 2, fr: "argument manquant : <status>", en: "missing argument: <status>"),
        Case(["withdraw", "5"], 2, fr: "argument manquant : --reason", en: "missing argument: --reason"),
        // Undo.
        Case(["undo", "abc"], 2, fr: "n'est pas un numéro d'entrée", en: "is not an entry number"),
        Case(["undo", "-3"], 2, fr: "nombre négatif", en: "negative number"),
        Case(["undo", "999"], 1, fr: "999", en: "999"),
    ]

    /// A session in `language` with an item running, a note (seq 4) and a commitment (seq 5).
    static func session(_ language: String) throws -> String {
        let dir = try Bin.session()
        let path = dir + "/programme.yaml"
        let yaml = try String(contentsOfFile: path, encoding: .utf8)
        try yaml.replacingOccurrences(of: "language: fr", with: "language: \(language)")
            .write(toFile: path, atomically: true, encoding: .utf8)
        for words in [
            ["start-day", "--at", "09:00"], ["start-item", "--at", "09:01"], ["note", "Première", "--at", "09:02"],
            ["commitment", "--partner", "unicef", "--fiche", "TIM-01", "--amount", "1000000", "--at", "09:03"],
        ] {
            let r = try Bin.run(["do", dir] + words)
            #expect(r.status == 0, "setting up the session failed")
        }
        return dir
    }

    @Test(arguments: ["fr", "en"])
    func everyMalformedCallIsRefusedClearlyAndRecordsNothing(language: String) throws {
        #expect(Self.cases.count >= 78)
        let dir = try Self.session(language)
        let journal = dir + "/journal.jsonl"
        let before = try Data(contentsOf: URL(fileURLWithPath: journal))
        for c in Self.cases {
            let r = try Bin.run(["do", dir] + c.words)
            // The command line sets French typography: a no-break space before « : ; ? ! ».
            let expected = language == "fr" ? Text.frenchPunctuation(c.fr) : c.en
            #expect(r.status == c.status, "exit status of \(c) in \(language): \(r.stderr)")
            #expect(r.stderr.contains(expected), "message of \(c) in \(language): \(r.stderr)")
            #expect(r.stdout.isEmpty, "nothing printed on stdout for \(c)")
            #expect(!r.stderr.contains("Error:"), "no raw parser message for \(c)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: journal)) == before)
    }

    @Test func negativeExtensionShortensTheRunningItem() throws {
        let dir = try Self.session("en")
        let r = try Bin.run(["do", dir, "extend", "-2", "--at", "09:04"])
        #expect(r.status == 0, "extend -2 is recorded: \(r.stderr)")
        let log = try Bin.run(["log", dir])
        #expect(log.stdout.contains("-2 min"))
    }

    @Test func aTextStartingWithADashGoesAfterTheDoubleDash() throws {
        let dir = try Self.session("fr")
        let r = try Bin.run(["do", dir, "note", "--at", "09:05", "--", "-5 % de frais", "--foo"])
        #expect(r.status == 0, "the text after -- is recorded: \(r.stderr)")
        let journal = try String(contentsOfFile: dir + "/journal.jsonl", encoding: .utf8)
        #expect(journal.contains("\"text\":\"-5 % de frais --foo\""))
    }
}
