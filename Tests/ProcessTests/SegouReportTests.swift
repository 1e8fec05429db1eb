import Foundation
import Testing

/// The minutes of the recorded Ségou meeting carry every element of the report of the real
/// meeting (../shared/seed: Near East Foundation, Ségou, 17-19 October 2023), each checked where
/// a reader of the compte rendu looks for it; the English minutes have the same sections.
@Suite("Ségou minutes against the report of the real meeting", .serialized)
struct SegouReportTests {
    let colon = "\u{00A0}:"

    /// minutes.md of sessions/segou-2023-recorded in `lang`, written by `palabre minutes`.
    func minutes(_ lang: String) throws -> String {
        let out = NSTemporaryDirectory() + "palabre-segou-report-\(lang)-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let r = try Bin.run(["minutes", Bin.root + "/sessions/segou-2023-recorded", "--out", out, "--lang", lang])
        #expect(r.status == 0, "\(r.stderr)")
        return try String(contentsOfFile: out + "/minutes.md", encoding: .utf8)
    }

    /// `name` of sessions/segou-2023-recorded in `lang`, written by `palabre minutes`.
    func document(_ name: String, _ lang: String) throws -> String {
        let out = NSTemporaryDirectory() + "palabre-segou-report-\(lang)-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let r = try Bin.run(["minutes", Bin.root + "/sessions/segou-2023-recorded", "--out", out, "--lang", lang])
        #expect(r.status == 0, "\(r.stderr)")
        return try String(contentsOfFile: out + "/" + name, encoding: .utf8)
    }

    @Test("The commitments matrix dates like the minutes and gives no currency without an amount")
    func commitmentsMatrixReads() throws {
        let fr = try document("commitments.md", "fr"), en = try document("commitments.md", "en")
        #expect(fr.contains("| technique | non chiffré |   | confirmé |   | 30 juin 2024 | 19 octobre 2023 à 12:44, "))
        #expect(en.contains("| 30 June 2024 | 19 October 2023 at 12:44, "))
        #expect(!fr.contains("non chiffré | FCFA"))
        #expect(fr.range(of: #"\| 20\d\d-\d\d-\d\d"#, options: .regularExpression) == nil)
    }

    /// The text of section `## title`, up to the next `##`.
    func section(_ title: String, of md: String) -> String {
        guard let r = md.range(of: "\n## " + title + "\n") else { return "" }
        let rest = md[r.upperBound...]
        return String(rest[..<(rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex)])
    }

    @Test("Objective, method, dates, venue, organisers, participants, partners, communes, synthesis, follow-up")
    func everyElementOfTheReport() throws {
        let md = try minutes("fr")
        let intro = section("Introduction", of: md)

        // The general objective: mobilise the region's partners for the communes' plans and PPP fiches.
        #expect(intro.contains("#### Objectif général\n\nRallier les partenaires techniques et financiers"))
        #expect(intro.contains("17 communes du Pro-ARIDES, dans les cercles de San et de Tominian"))
        // The method: participatory, partners then communes, synergies and funding agreements.
        #expect(intro.contains("### Méthodologie\n\nDémarche participative."))
        #expect(intro.contains("recherchent les synergies et les accords de financement"))

        // Dates, venue, organisers on the cover.
        #expect(md.contains("- **Dates\(colon)** du 17 au 19 octobre 2023"))
        #expect(md.contains("- **Lieu\(colon)** Salle de réunion du Conseil Régional de Ségou, Ségou"))
        for organiser in [
            "Near East Foundation (NEF)", "Agence de Développement Régional de Ségou (ADR Ségou)",
            "Agence de Développement Régional de Mopti (ADR Mopti)", "Conseil Régional de Ségou (CR Ségou)",
        ] {
            #expect(md.contains(organiser), "organiser \(organiser)")
        }

        // About fifty participants, of whom 4 women, up front in the résumé.
        let summary = section("Résumé", of: md)
        let count = try #require(
            summary.firstMatch(of: /Participants\u{00A0}:\*\* (\d+) participants dont 4 femmes\./)
        ).1
        #expect((45...55).contains(Int(count)!), "about fifty participants, not \(count)")

        // The four major partners by full name.
        let acronyms = section("Sigles et abréviations", of: md)
        for (acronym, name) in [
            ("ANICT", "Agence Nationale d'Investissement des Collectivités Territoriales"),
            ("PAM", "Programme Alimentaire Mondial"), ("OMS", "Organisation Mondiale de la Santé"),
            ("UNICEF", "Fonds des Nations Unies pour l'Enfance"),
        ] {
            #expect(acronyms.contains("| \(acronym) | \(name) |"), "\(acronym)")
            #expect(summary.contains("| \(acronym) | "), "\(acronym) in the commitments per partner")
        }
        #expect(!acronyms.contains("à préciser"), "every acronym of the Ségou minutes is defined")

        // The 17 communes, each with its synthesis of priority actions and funding opportunities.
        let synthesis = section("Synthèse des actions prioritaires par commune", of: md)
        let communes = [
            "Diéli", "Kassorola", "Niasso", "Sy", "Téné", "Bénéna", "Diora", "Fangasso", "Koula", "Lanfiala",
            "Mafouné", "Mandiakuy", "Ouan", "Sanékuy", "Timissa", "Tominian", "Yasso",
        ]
        for c in communes { #expect(synthesis.contains("### \(c) ("), "commune \(c)") }
        #expect(synthesis.components(separatedBy: "\n### ").count - 1 == 17)
        #expect(synthesis.contains("Partenaires pressentis") && synthesis.contains("Reste à mobiliser"))
        // The communes stressed the need to fund feasibility studies.
        #expect(md.contains("études de faisabilité"))

        // Recommendations for mobilising the partners' funding, numbered, with addressee.
        let recs = section("Recommandations", of: md)
        #expect(recs.contains("1. Inscrire chaque projet soumis aux partenaires au PDESC"))
        #expect(recs.contains("*À l'endroit de\(colon)* Communes du Pro-ARIDES"))

        // Next steps: each commune prepares presentation fiches of its priority projects.
        #expect(
            section("Prochaines étapes — plan d'actions", of: md).contains(
                "Préparer une fiche de présentation de chaque projet prioritaire"))

        // Perspectives: the directory of stakeholders, the exchange framework, procurement capacity.
        let persp = section("Perspectives et engagements de l'organisateur", of: md)
        #expect(persp.contains("répertoire des intervenants"))
        #expect(persp.contains("Un cadre d'échanges réunira l'ADR, l'ANICT, les services techniques déconcentrés"))
        #expect(persp.contains("capacités des communes en passation des marchés publics"))
        // The organiser's commitment: experience exchanges between the ADRs, NEF and the communes.
        #expect(
            persp.contains(
                "### Engagements de l'organisateur\n\n1. La NEF organisera des échanges d'expériences entre les ADR"))

        // Read and adopted before the closing: the final report, signed by the bureau.
        #expect(md.contains("**Compte rendu** — Rapport final"))
        #expect(section("Conclusion et clôture", of: md).contains("perspectives n°\u{00A0}1, 2, 3 et 4"))
        let sig = section("Signatures", of: md)
        #expect(sig.contains("Fait à Ségou, le 19 octobre 2023"))
        #expect(sig.contains("| Rapporteur | Chargé de planification de l'ADR de Ségou |"))
        #expect(sig.contains("| Président de séance | Président du Conseil Régional de Ségou |"))
    }

    @Test("The English minutes carry the same sections")
    func englishSections() throws {
        let fr = try minutes("fr"), en = try minutes("en")
        func sections(_ md: String) -> [String] {
            md.split(separator: "\n").filter { $0.hasPrefix("## ") }.map { String($0.dropFirst(3)) }
        }
        #expect(sections(fr).count == sections(en).count)
        #expect(sections(fr).count == 15)
        #expect(
            sections(en) == [
                "Contents", "Summary", "Acronyms and abbreviations", "Introduction", "Officers of the meeting",
                "Proceedings", "Summary of decisions", "Recommendations", "Commitments and synergies",
                "Synthesis of priority actions by commune", "Next steps — action plan",
                "Perspectives and the organiser's commitments", "Conclusion and closing", "Signatures", "Annexes",
            ])
        #expect(en.contains("**Minutes** — Final report"))
        #expect(en.contains("### The organiser's commitments"))
        #expect(en.contains("Done at Ségou, 19 October 2023"))
    }
}
