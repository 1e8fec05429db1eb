import Foundation
import Testing

@testable import PalabreCore

#if canImport(Glibc)
    import Glibc
#endif

/// A scripted day of the fixture programme, used by the golden files and the CSV checks.
enum DocScript {
    static func at(_ h: Int, _ m: Int, _ s: Int = 0) -> Instant { Fixtures.at("2023-10-17", h, m, s) }
    /// The instant the documents are rendered at.
    static let now = Fixtures.at("2023-10-17", 11, 15)

    /// Open, day 1 with check-ins (1 woman of 3), three items (one paused and extended, with
    /// speakers), one skipped, every kind of entry, an amended, a retracted and an adopted entry,
    /// commitments in FCFA and EUR, end of the day.
    static func run() throws -> Harness {
        var h = Harness()
        try h.run(.openSession, at: at(8, 45))
        try h.run(.startDay(date: nil), at: at(8, 50))
        try h.run(.checkIn(who: "dg-adr", day: nil), at: at(8, 52))
        try h.run(.checkIn(who: "maire-timissa", day: nil), at: at(8, 55))
        try h.run(.checkIn(who: "rep-unicef", day: nil), at: at(8, 58))

        // Opening ceremony
        try h.run(.startItem(id: nil), at: at(9, 2))
        h.seat = "rapporteur"
        try h.run(
            .record(EntryContent(kind: .note, text: "Mot de bienvenue du Directeur général de l'ADR.")),
            at: at(9, 10))
        let agenda = try h.run(
            .record(EntryContent(kind: .decision, text: "L'ordre du jour est adopté sans modification.")),
            at: at(9, 30))
        try h.run(.adopt(entry: agenda.last!.seq), at: at(9, 31))
        h.seat = "facilitator"
        try h.run(.endItem, at: at(9, 41))

        // Between two items: outside the agenda
        h.seat = "rapporteur"
        try h.run(
            .record(EntryContent(kind: .note, text: "Le représentant de l'ANICT s'est excusé pour la matinée.")),
            at: at(9, 43))
        h.seat = "facilitator"

        // UNICEF presentation: a pause, an extension, speakers, question and answer, commitments
        try h.run(.startItem(id: nil), at: at(9, 45))
        try h.run(.requestFloor(who: "rep-unicef", pointOfOrder: false), at: at(9, 45))
        try h.run(.giveFloor(who: nil), at: at(9, 46))
        try h.run(.pauseItem, at: at(10, 0))
        try h.run(.resumeItem, at: at(10, 10))
        try h.run(.extendItem(seconds: 300), at: at(10, 12))
        try h.run(.yieldFloor, at: at(10, 20))
        try h.run(.requestFloor(who: "maire-timissa", pointOfOrder: false), at: at(10, 21))
        try h.run(.giveFloor(who: nil), at: at(10, 21))
        h.seat = "rapporteur"
        try h.run(
            .record(
                EntryContent(kind: .question, text: "Quel calendrier pour l'appui aux études de faisabilité ?")),
            at: at(10, 22))
        h.seat = "facilitator"
        try h.run(.yieldFloor, at: at(10, 24))
        try h.run(.giveFloor(who: "rep-unicef"), at: at(10, 24))
        h.seat = "rapporteur"
        try h.run(
            .record(
                EntryContent(
                    kind: .answer,
                    text: "Un appel à propositions sera lancé au premier trimestre "
                        + "2024.\nL'ADR en informera les communes.")),
            at: at(10, 26, 30))
        h.seat = "facilitator"
        try h.run(.yieldFloor, at: at(10, 27))
        h.seat = "rapporteur"
        try h.run(
            .record(
                EntryContent(
                    kind: .commitment, text: "", due: "2024-03-31", partner: "unicef", fiche: "TIM-01",
                    nature: .financial, amount: 25_000_000, status: .confirmed,
                    conditions: "Contrepartie mobilisée | étude de faisabilité disponible")),
            at: at(10, 28))
        try h.run(
            .record(
                EntryContent(
                    kind: .commitment, text: "Appui de l'ANICT au \"marché à bétail\"", partner: "anict",
                    fiche: "DIE-01", nature: .financial, amount: 15_000, currency: "EUR",
                    status: .intention, conditions: "Sous réserve du vote du budget; dossier complet")),
            at: at(10, 29))
        try h.run(
            .record(
                EntryContent(
                    kind: .commitment, text: "", partner: "anict", fiche: "TIM-01", nature: .financial,
                    amount: 10_000_000)),
            at: at(10, 30))
        let wrong = try h.run(
            .record(
                EntryContent(
                    kind: .commitment, text: "Appui technique au marché (doublon)",
                    partner: "unicef", fiche: "DIE-01", nature: .technical, amount: 999_999)),
            at: at(10, 30, 30))
        try h.run(.retract(entry: wrong.last!.seq, reason: "Doublon"), at: at(10, 31))
        h.seat = "facilitator"
        try h.run(.endItem, at: at(10, 32))

        // Debate: recommendation, action, an amended note, a retracted note
        try h.run(.startItem(id: nil), at: at(10, 35))
        h.seat = "rapporteur"
        try h.run(
            .record(
                EntryContent(
                    kind: .recommendation,
                    text: "Les communes sont invitées à financer leurs études de "
                        + "faisabilité.\nUne ligne budgétaire est inscrite dès 2024.",
                    addressee: "Communes de Tominian et de San", responsible: "Maires", due: "2024-06-30")),
            at: at(10, 40))
        try h.run(
            .record(
                EntryContent(
                    kind: .action, text: "Préparer les fiches de présentation | projets prioritaires",
                    responsible: "Chaque commune", due: "2023-11-15")),
            at: at(10, 45))
        let note = try h.run(
            .record(EntryContent(kind: .note, text: "Les débats portent sur la contrepartie.")), at: at(10, 50))
        try h.run(
            .amend(
                entry: note.last!.seq,
                text: "Les débats ont porté sur la contrepartie des communes et sur les études.",
                reason: "précision"), at: at(10, 52))
        let typo = try h.run(.record(EntryContent(kind: .note, text: "Note saisie par erreur")), at: at(10, 55))
        try h.run(.retract(entry: typo.last!.seq, reason: "erreur de saisie"), at: at(10, 56))
        h.seat = "facilitator"
        try h.run(.endItem, at: at(11, 5))

        try h.run(.skipItem(id: nil), at: at(11, 6))
        try h.run(.endDay, at: at(11, 10))
        return h
    }

    /// ``run()`` followed by the synergy debates: an interest, a synergy with its lead, a status
    /// change and a withdrawal.
    static func runWithSynergies() throws -> Harness {
        var h = try run()
        h.seat = "rapporteur"
        try h.run(.declareInterest(partner: "anict", fiche: "DIE-01"), at: at(11, 11))
        try h.run(.markSynergy(fiche: "TIM-01", partners: ["unicef", "anict"], lead: "unicef"), at: at(11, 12))
        let timCommitments = h.state.entries.filter {
            $0.content.kind == .commitment && $0.retracted == nil && $0.content.fiche == "TIM-01"
        }
        try h.run(.changeCommitmentStatus(entry: timCommitments[0].id, status: .signed), at: at(11, 13))
        try h.run(
            .withdrawCommitment(entry: timCommitments[1].id, reason: "Ligne budgétaire réaffectée"), at: at(11, 14)
        )
        h.seat = "facilitator"
        return h
    }

    static func docs(_ state: SessionState, _ language: Language = .fr, now: Instant = now) -> [String: Data] {
        var out: [String: Data] = [:]
        for d in Documents.render(state, options: DocumentOptions(language: language, now: now)) {
            out[d.name] = d.data
        }
        return out
    }

    static func text(_ data: Data?) -> String { data.flatMap { String(data: $0, encoding: .utf8) } ?? "" }

    /// CSV rows and cells (BOM stripped), parsed the RFC 4180 way with `separator` (`;`, that of
    /// French documents, by default; `,` for English ones).
    static func parseCSV(_ data: Data?, separator: Unicode.Scalar = ";") -> [[String]] {
        var s = text(data)
        if s.hasPrefix("\u{FEFF}") { s.removeFirst() }
        var rows: [[String]] = [], row: [String] = [], cell = "", quoted = false
        var it = Array(s.unicodeScalars).makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? { if let p = pending { pending = nil; return p }; return it.next() }
        while let ch = next() {
            if quoted {
                if ch == "\"" {
                    if let n = next() {
                        if n == "\"" { cell.unicodeScalars.append("\"") } else { quoted = false; pending = n }
                    } else {
                        quoted = false
                    }
                } else {
                    cell.unicodeScalars.append(ch)
                }
            } else if ch == "\"" {
                quoted = true
            } else if ch == separator {
                row.append(cell); cell = ""
            } else if ch == "\r" {
                continue
            } else if ch == "\n" {
                row.append(cell); rows.append(row); row = []; cell = ""
            } else {
                cell.unicodeScalars.append(ch)
            }
        }
        return rows
    }
}

@Suite struct DocumentsGoldenTests {
    static let goldenDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// Compares `data` with the golden file `name`, byte for byte; PALABRE_RECORD=1 re-records it.
    func checkGolden(_ name: String, _ data: Data?) throws {
        let data = try #require(data, "document \(name) not rendered")
        let url = Self.goldenDir.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["PALABRE_RECORD"] == "1" {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
            return
        }
        guard let expected = try? Data(contentsOf: url) else {
            Issue.record("golden file \(url.path) is missing: run the tests once with PALABRE_RECORD=1 and review it")
            return
        }
        guard expected != data else { return }
        let e = DocScript.text(expected).components(separatedBy: "\n"),
            g = DocScript.text(data).components(separatedBy: "\n")
        let i = (0..<min(e.count, g.count)).first { e[$0] != g[$0] } ?? min(e.count, g.count)
        Issue.record(
            """
            \(name) differs from its golden file at line \(i + 1):
            - expected: \(i < e.count ? e[i].debugDescription : "<end of file>")
            + got:      \(i < g.count ? g[i].debugDescription : "<end of file>")
            (re-record on purpose with PALABRE_RECORD=1 and review the diff)
            """)
    }

    @Test func scriptedRunMatchesGoldenFiles() throws {
        let h = try DocScript.run()
        let docs = DocScript.docs(h.state)
        #expect(docs.keys.sorted() == Documents.fileNames.sorted())
        for name in Documents.fileNames { try checkGolden(name, docs[name]) }
        let en = DocScript.docs(h.state, .en)
        try checkGolden("en/minutes.md", en["minutes.md"])
        try checkGolden("en/recommendations.md", en["recommendations.md"])
    }

    @Test func synergyDebatesMatchGoldenFiles() throws {
        let h = try DocScript.runWithSynergies()
        let docs = DocScript.docs(h.state)
        for name in ["minutes.md", "synthesis.md", "commitments.md", "synergies.csv", "commitments.csv"] {
            try checkGolden("synergy/" + name, docs[name])
        }
        let en = DocScript.docs(h.state, .en)
        for name in ["synthesis.md", "commitments.md", "synergies.csv"] {
            try checkGolden("synergy/en/" + name, en[name])
        }
        let md = String(decoding: docs["commitments.md"]!, as: UTF8.self)
        // The withdrawn commitment leaves the matrix's totals and is listed apart with its reason.
        #expect(md.contains("Ligne budgétaire réaffectée"))
        #expect(md.contains("25\u{00A0}000\u{00A0}000\u{00A0}FCFA"))
        #expect(!md.contains("35\u{00A0}000\u{00A0}000"))
    }

    @Test func renderingIsDeterministic() throws {
        let h = try DocScript.run()
        let a = Documents.render(h.state, options: DocumentOptions(language: .fr, now: DocScript.now))
        let b = Documents.render(
            SessionState.fold(Fixtures.programme, h.events),
            options: DocumentOptions(language: .fr, now: DocScript.now))
        #expect(a.map(\.name) == b.map(\.name))
        #expect(a.map(\.data) == b.map(\.data))
    }
}

@Suite struct MinutesContentTests {
    @Test func minutesHaveTheReportStructure() throws {
        let h = try DocScript.run()
        let md = DocScript.text(DocScript.docs(h.state)["minutes.md"])
        #expect(md.hasPrefix("# Atelier de test\n"))
        #expect(md.contains("du 17 au 18 octobre 2023"))
        #expect(md.contains("Agence de Développement Régional (ADR)"))
        #expect(md.contains("3 participants dont 1 femme."))
        #expect(md.contains("### Journée 1 — mardi 17 octobre 2023"))
        #expect(md.contains("09:02 – 09:41 (39\u{00A0}min)"))
        #expect(md.contains("**Décision n°\u{00A0}1** — L'ordre du jour est adopté sans modification.\n"))
        #expect(md.contains("**Lu et adopté en plénière**\u{00A0}: décision n°\u{00A0}1."))
        #expect(md.contains("Les débats ont porté sur la contrepartie des communes et sur les études. *(amendée)*"))
        #expect(!md.contains("Les débats portent sur la contrepartie."))
        #expect(!md.contains("Note saisie par erreur"))
        #expect(!md.contains("doublon"))
        #expect(md.contains("### Hors ordre du jour"))
        // the skipped synthesis and the items of the day not yet held
        #expect(md.contains("#### 4. Synthèse du jour\n\nnon traité"))
        #expect(md.contains("prévu à 09:00"))
        // totals per currency, never mixed
        #expect(md.contains("| FCFA | Travaux | **35\u{00A0}000\u{00A0}000\u{00A0}FCFA** |"))
        #expect(md.contains("| EUR | Travaux | **15\u{00A0}000\u{00A0}EUR** |"))
        #expect(!md.contains("35\u{00A0}015\u{00A0}000"))
        // table cells escape pipes and keep multi-line text on one row
        #expect(md.contains("Préparer les fiches de présentation \\| projets prioritaires"))
        #expect(md.contains("Contrepartie mobilisée \\| étude de faisabilité disponible"))
        // a multi-line entry is continued inside its list item
        #expect(md.contains("premier trimestre 2024.\\\n  L'ADR en informera les communes."))
    }

    @Test func runningAndPausedItemsShowAsUnderWay() throws {
        var h = Harness()
        try h.run(.startDay(date: nil), at: DocScript.at(8, 55))
        try h.run(.startItem(id: nil), at: DocScript.at(9, 0))
        try h.run(.requestFloor(who: "dg-adr", pointOfOrder: false), at: DocScript.at(9, 1))
        try h.run(.giveFloor(who: nil), at: DocScript.at(9, 1))
        let now = DocScript.at(9, 20)
        var docs = DocScript.docs(h.state, now: now)
        let md = DocScript.text(docs["minutes.md"])
        #expect(md.contains("09:00 – en cours (20\u{00A0}min)"))
        #expect(md.contains("**Compte rendu** — Rapport provisoire"))
        // The day number first, then the columns checked below.
        let timing = DocScript.parseCSV(docs["timing.csv"]).map { Array($0.dropFirst()) }
        #expect(timing[1][1] == "ouverture")
        #expect(timing[1][10] == "en cours")
        #expect(timing[1][8] == "20")
        #expect(timing[1][7] == "")
        // the turn under way counts up to now
        let speaking = DocScript.parseCSV(docs["speaking.csv"])
        #expect(speaking.count == 2)
        #expect(speaking[1][2] == "dg-adr")
        #expect(speaking[1][6] == "1140")

        try h.run(.pauseItem, at: DocScript.at(9, 20))
        docs = DocScript.docs(h.state, now: DocScript.at(9, 30))
        #expect(DocScript.text(docs["minutes.md"]).contains("09:00 – en pause (20\u{00A0}min)"))
        #expect(DocScript.parseCSV(docs["speaking.csv"])[1][6] == "1140")
    }

    @Test func aSkippedItemStartedLaterHasItsRealTimes() throws {
        var h = Harness()
        try h.run(.startDay(date: nil), at: DocScript.at(8, 55))
        try h.run(.skipItem(id: "ouverture"), at: DocScript.at(8, 56))
        try h.run(.startItem(id: "ouverture"), at: DocScript.at(9, 0))
        #expect(h.state.elapsed("ouverture", at: DocScript.at(9, 10)) == 600)
        try h.run(.endItem, at: DocScript.at(9, 30))
        let md = DocScript.text(DocScript.docs(h.state, now: DocScript.at(9, 31))["minutes.md"])
        #expect(md.contains("09:00 – 09:30 (30\u{00A0}min)"))
    }

    @Test func recommendationsAreNumberedWithTheirDetails() throws {
        let h = try DocScript.run()
        let md = DocScript.text(DocScript.docs(h.state)["recommendations.md"])
        #expect(md.contains("## Recommandation n°\u{00A0}1"))
        #expect(md.contains("- **À l'endroit de\u{00A0}:** Communes de Tominian et de San"))
        #expect(md.contains("- **Responsable\u{00A0}:** Maires"))
        #expect(md.contains("- **Échéance\u{00A0}:** 30 juin 2024"))
        #expect(md.contains("- **Point de l'ordre du jour\u{00A0}:** Débat (Journée 1 — mardi 17 octobre 2023)"))
    }

    @Test func emptySessionStillRenders() {
        let docs = DocScript.docs(SessionState(programme: Fixtures.programme), now: DocScript.at(8, 0))
        let md = DocScript.text(docs["minutes.md"])
        #expect(md.contains("Aucune présence n'a encore été enregistrée."))
        #expect(md.contains("Aucun engagement n'a été enregistré."))
        #expect(DocScript.parseCSV(docs["commitments.csv"]).count == 1)
    }

    @Test func englishRenderingHasEnglishLabels() throws {
        let h = try DocScript.run()
        let docs = DocScript.docs(h.state, .en)
        let md = DocScript.text(docs["minutes.md"])
        #expect(md.contains("**Minutes**"))
        #expect(md.contains("17–18 October 2023"))
        #expect(md.contains("3 participants, of whom 1 woman."))
        #expect(md.contains("### Day 1 — Tuesday 17 October 2023"))
        #expect(md.contains("**Partners' commitments**") && md.contains("## Commitments and synergies"))
        #expect(md.contains("| FCFA | Works | **35,000,000 FCFA** |"))
        #expect(md.contains("**Read and adopted in plenary**: decision no. 1."))
        #expect(md.contains("## Next steps — action plan"))
        for french in [
            "Journée", "Compte rendu", "Engagements", "dont femmes", "lu et adopté", "non traité", "À l'endroit",
        ] {
            #expect(!md.contains(french), "French label left in the English minutes: \(french)")
        }
        let rec = DocScript.text(docs["recommendations.md"])
        #expect(rec.contains("## Recommendation no.\u{00A0}1"))
        #expect(rec.contains("- **Addressed to:** Communes de Tominian et de San"))
        let csv = DocScript.parseCSV(docs["commitments.csv"], separator: ",")
        #expect(csv[0][0] == "No." && csv[0][1] == "Partner acronym")
        #expect(csv[1][6] == "financial")
        #expect(csv[1][9] == "confirmed")
        #expect(DocScript.parseCSV(docs["actions.csv"], separator: ",")[1][4] == "to do")
    }

    /// Cells of a Markdown table row, split on the pipes that are not escaped.
    static func cells(_ row: String) -> Int {
        var n = 0, escaped = false
        for ch in row {
            if escaped { escaped = false; continue }
            if ch == "\\" { escaped = true } else if ch == "|" { n += 1 }
        }
        return n - 1
    }

    @Test func markdownTablesKeepTheirShape() throws {
        var h = try DocScript.run()
        h.seat = "rapporteur"
        try h.run(
            .record(EntryContent(kind: .action, text: "Ligne 1 | a\nLigne 2\r\n| b |", responsible: "x|y\nz")),
            at: Fixtures.at("2023-10-18", 8, 0))
        for lang in Language.allCases {
            let md = DocScript.text(DocScript.docs(h.state, lang)["minutes.md"])
            var width: Int? = nil
            for line in md.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
                guard line.hasPrefix("|") else { width = nil; continue }
                #expect(line.hasSuffix(" |") || line.hasSuffix("|"), "table row not closed: \(line)")
                let n = Self.cells(line)
                if let w = width {
                    #expect(n == w, "row with \(n) cells in a table of \(w): \(line)")
                } else {
                    width = n
                }
            }
            #expect(md.contains("Ligne 1 \\| a<br>Ligne 2<br>\\| b \\|"))
        }
    }

    @Test func objectivesAndPersonalNamesWhenTheProgrammeHasThem() throws {
        var p = Fixtures.programme
        p.generalObjective = "Mobiliser les PTF autour des fiches de projet des communes."
        p.specificObjectives = ["Présenter les programmes des PTF.", "Identifier les synergies\net les financements."]
        var s = SessionState(programme: p)
        func apply(_ c: Command, _ at: Instant) throws {
            for pl in try s.decide(c, at: at) {
                s.evolve(Event(seq: s.lastSeq + 1, at: at, seat: "facilitator", payload: pl))
            }
        }
        try apply(.startDay(date: nil), DocScript.at(8, 30))
        try apply(
            .addParticipant(
                Participant(
                    id: "", function: "SG de Diora", organisation: "dieli", sex: .female,
                    name: "Awa Traoré")), DocScript.at(8, 31))
        try apply(.checkIn(who: "walkin-3", day: nil), DocScript.at(8, 32))
        try apply(.checkIn(who: "sg-dieli", day: nil), DocScript.at(8, 33))
        let md = DocScript.text(DocScript.docs(s, now: DocScript.at(8, 40))["minutes.md"])
        #expect(md.contains("### Objectif général\n\nMobiliser les PTF autour des fiches de projet des communes."))
        #expect(
            md.contains(
                "1. Présenter les programmes des PTF.\n2. Identifier les synergies\\\n   et les financements."))
        #expect(md.contains("2 participants dont 1 femme."))
        #expect(md.contains("| N° | Fonction | Nom | Organisation | Sexe | Arrivée |"))
        #expect(md.contains("| 1 | SG de Diora | Awa Traoré | Diéli | F | 08:32 |"))
        #expect(md.contains("| 2 | SG de Diéli |   | Diéli | M | 08:33 |"))
        #expect(md.contains("prévu à 09:00"))
    }

    @Test func everyLabelExistsInBothLanguages() {
        for label in DocLabel.allCases where label != .sexUnspecified {
            #expect(!label.pair.fr.isEmpty && !label.pair.en.isEmpty, "label \(label) is empty in one language")
        }
    }

    @Test func datesAreWrittenTheWayEachLanguageDoes() {
        let fr = DocLabels(.fr), en = DocLabels(.en)
        #expect(fr.dateRange("2023-10-17", "2023-10-19") == "du 17 au 19 octobre 2023")
        #expect(en.dateRange("2023-10-17", "2023-10-19") == "17–19 October 2023")
        #expect(fr.dateRange("2023-10-30", "2023-11-01") == "du 30 octobre au 1er novembre 2023")
        #expect(en.dateRange("2023-10-30", "2023-11-01") == "30 October – 1 November 2023")
        #expect(fr.dateRange("2023-12-31", "2024-01-02") == "du 31 décembre 2023 au 2 janvier 2024")
        #expect(fr.dateRange("2023-10-17", "2023-10-17") == "le 17 octobre 2023")
        #expect(fr.longDate("2023-10-17") == "mardi 17 octobre 2023")
        #expect(en.longDate("2023-10-19") == "Thursday 19 October 2023")
        #expect(fr.dayHeading(1, "2023-10-17") == "Journée 1 — mardi 17 octobre 2023")
        #expect(fr.participantsSummary(50, women: 4) == "50 participants dont 4 femmes")
        #expect(fr.participantsSummary(1, women: 0) == "1 participant dont aucune femme")
    }

    @Test func markdownEscapingKeepsUserTextAsText() {
        #expect(MD.cell("a | b\nc") == "a \\| b<br>c")
        #expect(MD.cell("x\r\ny") == "x<br>y")
        #expect(
            MD.inline("*gras* _it_ [lien](x) <b> `code` #1")
                == "\\*gras\\* \\_it\\_ \\[lien\\](x) \\<b\\> \\`code\\` \\#1")
        #expect(
            MD.block("un\n# titre\n- puce\n1. liste\n---", indent: "  ")
                == "un\\\n  \\# titre\\\n  \\- puce\\\n  1\\. liste\\\n  \\---")
        #expect(MD.block("a\n\n\nb") == "a\n\nb")
    }
}

@Suite struct CSVDocumentTests {
    @Test func csvWriterQuotesAndNeutralises() {
        var w = CSVWriter(separator: ";")
        w.row([
            .text("simple"), .text("a;b"), .text("dit \"oui\""), .text("deux\nlignes"), .text("=SUM(A1)"),
            .text("+33 6 12 34 56"), .text("-5"), .text("@x"), .text("\tx"), .number(-3), .empty,
            .number(2_500_000),
        ])
        let s = w.text
        #expect(s.hasPrefix("\u{FEFF}"))
        #expect(s.hasSuffix("\r\n"))
        #expect(
            s == "\u{FEFF}simple;\"a;b\";\"dit \"\"oui\"\"\";\"deux\nlignes\";'=SUM(A1);'+33 6 12 34 "
                + "56;'-5;'@x; x;-3;;2500000\r\n")
        var comma = CSVWriter(separator: ",")
        comma.row([.text("a,b"), .text("a;b")])
        #expect(comma.text == "\u{FEFF}\"a,b\",a;b\r\n")
    }

    @Test func commitmentsCSV() throws {
        var h = try DocScript.run()
        h.seat = "rapporteur"
        try h.run(
            .record(
                EntryContent(
                    kind: .commitment, text: "=SUM(A1)", due: "-5", partner: "unicef", fiche: "DIE-01",
                    nature: .study, amount: 5, conditions: "@x")),
            at: Fixtures.at("2023-10-18", 9, 0))
        try h.run(
            .record(
                EntryContent(
                    kind: .commitment, text: "+33 6 12 34 56", partner: "anict", fiche: "DIE-01",
                    nature: .technical)),
            at: Fixtures.at("2023-10-18", 9, 1))
        let data = try #require(DocScript.docs(h.state)["commitments.csv"])
        let bytes = [UInt8](data)
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF], "UTF-8 byte-order mark")
        let s = DocScript.text(data)
        #expect(
            s.split(separator: "\r\n", omittingEmptySubsequences: false).count == 7,
            "CRLF line ends: header, 5 rows, end")
        #expect(!s.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        let rows = DocScript.parseCSV(data)
        #expect(rows.allSatisfy { $0.count == 16 })
        #expect(rows[0][0] == "N°" && rows[0][1] == "Sigle du partenaire")
        #expect(rows.count == 6)
        // retracted commitment absent
        #expect(!s.contains("doublon"))
        #expect(!s.contains("999999"))
        // amounts digits only, currency apart, never converted
        #expect(rows[1][1] == "UNICEF" && rows[1][7] == "25000000" && rows[1][8] == "FCFA")
        #expect(rows[1][3] == "Timissa" && rows[1][4] == "TIM-01" && rows[1][5] == "Adduction d'eau sommaire")
        #expect(rows[1][9] == "confirmé" && rows[1][11] == "2024-03-31")
        #expect(rows[1][13] == "2023-10-17T10:28:00.000+00:00" && rows[1][14] == "rapporteur")
        #expect(rows[2][7] == "15000" && rows[2][8] == "EUR" && rows[2][9] == "intention")
        #expect(rows[2][10] == "Sous réserve du vote du budget; dossier complet")
        #expect(s.contains(";\"Sous réserve du vote du budget; dossier complet\";"))
        #expect(rows[2][12] == "Appui de l'ANICT au \"marché à bétail\"")
        #expect(s.contains(";\"Appui de l'ANICT au \"\"marché à bétail\"\"\";"))
        #expect(rows[3][9] == "annoncé")
        // formula neutralisation
        #expect(rows[4][12] == "'=SUM(A1)" && rows[4][10] == "'@x" && rows[4][11] == "'-5")
        #expect(rows[4][6] == "étude" && rows[4][7] == "5")
        #expect(rows[5][12] == "'+33 6 12 34 56" && rows[5][7] == "" && rows[5][6] == "technique")
    }

    @Test func amendedCommitmentShowsItsLatestText() throws {
        var h = try DocScript.run()
        h.seat = "rapporteur"
        let e = try h.run(
            .record(
                EntryContent(
                    kind: .commitment, text: "Première rédaction", partner: "unicef",
                    fiche: "DIE-01", nature: .financial, amount: 1_000)),
            at: Fixtures.at("2023-10-18", 9, 0))
        try h.run(
            .amend(entry: e.last!.seq, text: "Rédaction définitive", reason: "relecture"),
            at: Fixtures.at("2023-10-18", 9, 5))
        let docs = DocScript.docs(h.state)
        let rows = DocScript.parseCSV(docs["commitments.csv"])
        #expect(rows.last?[12] == "Rédaction définitive")
        #expect(rows.last?[15] == String(e.last!.seq))
        #expect(!DocScript.text(docs["commitments.csv"]).contains("Première rédaction"))
        #expect(!DocScript.text(docs["minutes.md"]).contains("Première rédaction"))
        // FCFA total grows, EUR stays apart
        let md = DocScript.text(docs["minutes.md"])
        #expect(md.contains("| FCFA | Travaux | **35\u{00A0}001\u{00A0}000\u{00A0}FCFA** |"))
        #expect(md.contains("| EUR | Travaux | **15\u{00A0}000\u{00A0}EUR** |"))
    }

    @Test func actionsAttendanceTimingCSV() throws {
        let h = try DocScript.run()
        let docs = DocScript.docs(h.state)
        let actions = DocScript.parseCSV(docs["actions.csv"])
        #expect(actions.count == 2)
        #expect(actions[1][1] == "Préparer les fiches de présentation | projets prioritaires")
        #expect(actions[1][2] == "Chaque commune" && actions[1][3] == "2023-11-15" && actions[1][4] == "à faire")
        #expect(actions[1][5] == "Débat")

        let att = DocScript.parseCSV(docs["attendance.csv"])
        #expect(att.count == 4)
        #expect(att[0].prefix(2) == ["N° de journée", "Journée"])
        #expect(
            att[2] == [
                "1", "2023-10-17", "maire-timissa", "Maire de Timissa", "Timissa", "Timissa", "F", "08:55", "", "1",
                "0",
                "1",
            ], "arrival, no departure, the morning only (the day ended before one o'clock)")
        #expect(att[3][4] == "UNICEF" && att[3][6] == "M")

        let numbered = DocScript.parseCSV(docs["timing.csv"])
        #expect(numbered[0].prefix(2) == ["N° de journée", "Journée"])
        #expect(numbered.dropFirst().map { $0[0] } == ["1", "1", "1", "1", "2", "2"])
        let timing = numbered.map { Array($0.dropFirst()) }
        #expect(timing.count == 7)
        let unicef = try #require(timing.first { $0[1] == "unicef-pres" })
        // 09:45 → 10:32 with a 10-minute pause: 37 minutes, extended by 5
        #expect(
            unicef[6] == "09:45" && unicef[7] == "10:32" && unicef[8] == "37" && unicef[9] == "5"
                && unicef[10] == "traité")
        #expect(unicef[4] == "09:30" && unicef[5] == "20")
        let synth = try #require(timing.first { $0[1] == "cloture1" })
        #expect(synth[10] == "non traité" && synth[6] == "" && synth[8] == "")
        let day2 = try #require(timing.first { $0[1] == "pitch-timissa" })
        #expect(day2[0] == "2023-10-18" && day2[10] == "prévu")

        let speaking = DocScript.parseCSV(docs["speaking.csv"])
        // rep-unicef: 09:46–10:20 minus the 10-minute pause (24 min) + 10:24–10:27 (3 min), two turns
        let rep = try #require(speaking.first { $0[2] == "rep-unicef" })
        #expect(rep[5] == "2" && rep[6] == String(27 * 60) && rep[4] == "UNICEF")
        let maire = try #require(speaking.first { $0[2] == "maire-timissa" })
        #expect(maire[5] == "1" && maire[6] == "180" && maire[4] == "Timissa")
    }
}

@Suite struct DocumentWriteTests {
    func mode(_ path: String) -> mode_t {
        var st = stat()
        _ = stat(path, &st)
        return st.st_mode & 0o7777
    }

    @Test func writesEveryFileAtomicallyWithPrivateModes() throws {
        let h = try DocScript.run()
        let base = Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let out = base + "/session/out"
        let options = DocumentOptions(language: .fr, now: DocScript.now)
        try Documents.write(h.state, to: out, options: options)
        #expect(mode(out) == 0o700)
        let names = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(names == Documents.fileNames.sorted(), "no temporary file left behind")
        for n in names {
            #expect(mode(out + "/" + n) == 0o600, "\(n) must be readable by its owner only")
        }
        let rendered = Documents.render(h.state, options: options)
        for d in rendered {
            #expect(FileManager.default.contents(atPath: out + "/" + d.name) == d.data)
        }
        // written again over the old files
        var h2 = h
        h2.seat = "rapporteur"
        try h2.run(.record(EntryContent(kind: .note, text: "Ajout du lendemain")), at: Fixtures.at("2023-10-18", 8, 0))
        try Documents.write(h2.state, to: out, options: options)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == Documents.fileNames.sorted())
        #expect(
            DocScript.text(FileManager.default.contents(atPath: out + "/minutes.md")).contains(
                "Ajout du lendemain"))
    }

    @Test func failureSaysWhereAndWhatToDo() throws {
        let base = Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let blocker = base + "/out"
        _ = FileManager.default.createFile(atPath: blocker, contents: Data("x".utf8))
        let state = SessionState(programme: Fixtures.programme)
        do {
            try Documents.write(state, to: blocker, options: DocumentOptions(language: .fr, now: DocScript.at(8, 0)))
            Issue.record("writing into a file path must fail")
        } catch let e as DocumentError {
            #expect(e.path == blocker)
            #expect(e.fr.contains(blocker) && e.fr.contains("Vérifiez"))
            #expect(e.en.contains(blocker) && e.message(.en).contains("journal is intact"))
        }
        let full = DocumentError(path: "/x/out/minutes.md", operation: "write", errno: ENOSPC)
        #expect(full.fr.contains("disque est plein") && full.en.contains("disk is full"))
    }
}
