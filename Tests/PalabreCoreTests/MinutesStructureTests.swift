import Foundation
import Testing

@testable import PalabreCore

/// The structure of the finished compte rendu: the sections in order, each present with its
/// content or left out when the programme or the journal gives nothing for it, the table of
/// contents, the acronyms, the signature block and the « Rapport provisoire / final » rule.
@Suite("Minutes structure")
struct MinutesStructureTests {
    /// The fixture programme with the fields of the introduction, the bureau and an abbreviation.
    static var fullProgramme: Programme {
        var p = Fixtures.programme
        p.context = "Les communes du cercle cherchent des partenaires pour leurs PDESC."
        p.method = "Présentations des partenaires, puis des communes, puis débats."
        p.bureau = Bureau(president: "dg-adr", moderators: ["sg-dieli"], rapporteurs: ["maire-timissa"])
        p.abbreviations = [
            Abbreviation(acronym: "PDESC", name: "Programme de Développement Économique, Social et Culturel")
        ]
        p.participants[1].name = "Aminata Dembélé"
        p.participants[0].contact = "+223 70 00 00 01"
        return p
    }

    /// The scripted fixture day on `programme`, plus a perspective and an organiser's commitment
    /// when `tagged`.
    static func state(_ programme: Programme = Fixtures.programme, tagged: Bool = false) throws -> SessionState {
        var h = Harness()
        h.state = SessionState(programme: programme)
        let done = try DocScript.run()
        for e in done.events { h.state.evolve(e) }
        if tagged {
            h.seat = "rapporteur"
            try h.run(
                .record(EntryContent(kind: .perspective, text: "Mettre à jour le répertoire des intervenants.")),
                at: DocScript.at(11, 11))
            try h.run(
                .record(
                    EntryContent(kind: .organiserCommitment, text: "L'ADR organisera des échanges d'expériences.")),
                at: DocScript.at(11, 12))
        }
        return h.state
    }

    static func minutes(_ s: SessionState, _ language: Language = .fr) -> String {
        let docs = Documents.render(s, options: DocumentOptions(language: language, now: DocScript.now))
        return String(decoding: docs.first { $0.name == "minutes.md" }!.data, as: UTF8.self)
    }

    /// The `##` headings, in order.
    static func sections(_ md: String) -> [String] {
        md.split(separator: "\n").filter { $0.hasPrefix("## ") }.map { String($0.dropFirst(3)) }
    }

    /// The lines of section `title` (up to the next `##`).
    static func section(_ title: String, of md: String) -> String {
        guard let r = md.range(of: "\n## " + title + "\n") else { return "" }
        let rest = md[r.upperBound...]
        let end = rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex
        return String(rest[..<end])
    }

    @Test("Every section in order; the optional ones left out when the programme and journal give nothing")
    func sectionsInOrder() throws {
        let md = Self.minutes(try Self.state())
        #expect(
            Self.sections(md) == [
                "Sommaire", "Résumé", "Sigles et abréviations", "Introduction", "Déroulement des travaux",
                "Synthèse des décisions", "Recommandations", "Engagements et synergies",
                "Synthèse des actions prioritaires par commune", "Prochaines étapes — plan d'actions",
                "Conclusion et clôture", "Signatures", "Annexes",
            ])
        #expect(!md.contains("### Contexte") && !md.contains("### Méthodologie"))
        #expect(!md.contains("Bureau de séance") && !md.contains("Perspectives"))
        // Without a bureau, the signature block still has a place for each role.
        let sig = Self.section("Signatures", of: md)
        #expect(sig.contains("| Rapporteur |   |   | <br><br><br> |"))
        #expect(sig.contains("| Président de séance |   |   | <br><br><br> |"))
        #expect(sig.contains("Fait à San, le 17 octobre 2023"))

        let full = Self.minutes(try Self.state(Self.fullProgramme, tagged: true))
        let s = Self.sections(full)
        #expect(s.firstIndex(of: "Bureau de séance") == s.firstIndex(of: "Introduction")! + 1)
        #expect(
            s.firstIndex(of: "Perspectives et engagements de l'organisateur")
                == s.firstIndex(of: "Prochaines étapes — plan d'actions")! + 1)
        let intro = Self.section("Introduction", of: full)
        let ctx = try #require(intro.range(of: "### Contexte\n\nLes communes du cercle"))
        let method = try #require(intro.range(of: "### Méthodologie\n\nPrésentations des partenaires"))
        #expect(ctx.lowerBound < method.lowerBound)
    }

    @Test("The bureau and the signature block name the president, moderator and rapporteurs")
    func bureauAndSignatures() throws {
        let md = Self.minutes(try Self.state(Self.fullProgramme))
        let bureau = Self.section("Bureau de séance", of: md)
        #expect(bureau.contains("| Rôle | Fonction | Nom | Organisation |"))
        #expect(bureau.contains("| Président de séance | Directeur général de l'ADR |   | ADR |"))
        #expect(bureau.contains("| Modérateur | SG de Diéli |   | Diéli |"))
        #expect(bureau.contains("| Rapporteur | Maire de Timissa | Aminata Dembélé | Timissa |"))
        let sig = Self.section("Signatures", of: md)
        #expect(sig.contains("| Rôle | Fonction | Nom | Signature |"))
        #expect(sig.contains("| Rapporteur | Maire de Timissa | Aminata Dembélé | <br><br><br> |"))
        #expect(sig.contains("| Président de séance | Directeur général de l'ADR |   | <br><br><br> |"))
        // The rapporteurs first, the president last.
        #expect(sig.range(of: "Rapporteur |")!.lowerBound < sig.range(of: "Président de séance")!.lowerBound)
    }

    @Test("Perspectives and the organiser's commitments: their own section, adopted ones stated once")
    func perspectives() throws {
        var s = try Self.state(tagged: true)
        let persp = try #require(s.entries.first { $0.content.kind == .perspective })
        let evs = try s.decide(.adopt(entry: persp.id), at: DocScript.at(11, 13))
        for p in evs { s.evolve(Event(seq: s.lastSeq + 1, at: DocScript.at(11, 13), seat: "rapporteur", payload: p)) }
        let md = Self.minutes(s)
        let sec = Self.section("Perspectives et engagements de l'organisateur", of: md)
        #expect(sec.contains("### Perspectives\n\n1. Mettre à jour le répertoire des intervenants."))
        #expect(sec.contains("### Engagements de l'organisateur\n\n1. L'ADR organisera des échanges d'expériences."))
        #expect(Self.section("Conclusion et clôture", of: md).contains("perspective n°\u{00A0}1"))
        #expect(Self.section("Résumé", of: md).contains("1 perspective, 1 engagement de l'organisateur"))
        // In the proceedings, each is marked with its kind.
        #expect(md.contains("- **Perspective** — Mettre à jour"))
        #expect(md.contains("- **Engagement de l'organisateur** — L'ADR organisera"))
        let en = Self.minutes(s, .en)
        let enSec = Self.section("Perspectives and the organiser's commitments", of: en)
        #expect(enSec.contains("### The organiser's commitments"))
    }

    @Test("The sommaire links every section with the identifier pandoc and GitHub give its heading")
    func contents() throws {
        let md = Self.minutes(try Self.state(Self.fullProgramme, tagged: true))
        let toc = Self.section("Sommaire", of: md)
        let links = toc.split(separator: "\n").filter { $0.hasPrefix("- [") }
        let sections = Self.sections(md).dropFirst()  // not the sommaire itself
        #expect(links.count == sections.count)
        for (link, title) in zip(links, sections) {
            #expect(link == "- [\(title)](#\(MinutesDocument.slug(title)))")
        }
        #expect(toc.contains("- [Prochaines étapes — plan d'actions](#prochaines-étapes--plan-dactions)"))
        #expect(toc.contains("    - [Annexe 2 — Liste de présence](#annexe-2--liste-de-présence)"))
        // A heading met twice gets -1 the second time, as pandoc numbers it.
        let twice = "# T\n\n## Sommaire\n\n### Annexes\n\n## Annexes\n"
        #expect(MinutesDocument.contents(of: twice) == "- [Annexes](#annexes-1)\n")
    }

    @Test("Sigles et abréviations: every acronym the document uses, and only those")
    func acronyms() throws {
        for programme in [Fixtures.programme, Self.fullProgramme] {
            let md = Self.minutes(try Self.state(programme, tagged: true))
            let list = Self.section("Sigles et abréviations", of: md)
            let rows = list.split(separator: "\n").filter { $0.hasPrefix("| ") }.dropFirst()
            let listed = rows.map { String($0.dropFirst(2).prefix { $0 != "|" }).trimmingCharacters(in: .whitespaces) }
            let rest = md.replacingOccurrences(of: list, with: "")
            // Only those used: each listed acronym occurs elsewhere as a whole word.
            for a in listed { #expect(MinutesDocument.contains(rest, word: a), "\(a) listed but not used") }
            // Every one used: each word of capitals is covered by a listed acronym.
            let covered = Set(listed.flatMap { MinutesDocument.words($0) })
            let ficheWords = Set(programme.communes.flatMap(\.fiches).flatMap { MinutesDocument.words($0.id) })
            for w in Set(MinutesDocument.words(rest)) where MinutesDocument.isAcronym(w) && !ficheWords.contains(w) {
                #expect(covered.contains(w), "\(w) used but not listed")
            }
            #expect(list.contains("| ANICT | Agence Nationale d'Investissement des Collectivités Territoriales |"))
            // A currency's code is named from the locale data, though the programme does not define it.
            let euro = try #require(Currencies.name(of: "EUR", language: .fr))
            #expect(list.contains("| EUR | \(euro) |"), "\(list)")
            #expect(!listed.contains("TIM"), "fiche ids are not acronyms")
        }
        let full = Self.minutes(try Self.state(Self.fullProgramme))
        #expect(full.contains("| PDESC | Programme de Développement Économique, Social et Culturel |"))
        let bare = Self.minutes(try Self.state())
        #expect(!Self.section("Sigles et abréviations", of: bare).contains("PDESC"))
    }

    @Test("The résumé: participants, decisions, commitments per partner and per currency, recommendations")
    func summary() throws {
        let md = Self.minutes(try Self.state())
        // No-break spaces (amounts, « : ») as plain spaces, for readable expectations.
        let r = Self.section("Résumé", of: md).replacingOccurrences(of: "\u{00A0}", with: " ")
        #expect(r.hasPrefix("\nLa rencontre s'est tenue le 17 octobre 2023 (1 journée).\n"))
        #expect(r.contains("- **Participants :** 3 participants dont 1 femme."))
        #expect(r.contains("- **Décisions :** 1 décision :\n    1. L'ordre du jour est adopté sans modification."))
        #expect(r.contains("1 recommandation, à l'endroit de : Communes de Tominian et de San (1)."))
        #expect(r.contains("| Partenaire | Engagements | FCFA | EUR | Appuis techniques |"))
        #expect(r.contains("| UNICEF | 1 | 25 000 000 FCFA | — | — |"))
        #expect(r.contains("| ANICT | 2 | 10 000 000 FCFA | 15 000 EUR | — |"))
        #expect(r.contains("| **Total** | **3** | **35 000 000 FCFA** | **15 000 EUR** | **0** |"))
    }

    @Test("« Rapport provisoire » until the session is closed, then « Rapport final (session close le …) »")
    func finalReport() throws {
        var s = try Self.state()
        #expect(Self.minutes(s).contains("**Compte rendu** — Rapport provisoire"))
        #expect(Self.minutes(s, .en).contains("**Minutes** — Provisional report"))
        let adopted = Self.section("Conclusion et clôture", of: Self.minutes(s)).contains(
            "**Lu et adopté en plénière**")
        #expect(adopted || Self.minutes(s).contains("Aucune entrée n'a été lue et adoptée en plénière."))
        // Day 2 held and closed without any adoption that day.
        var closedNoReading = s
        for (c, t) in [(Command.startDay(date: nil), 9), (.endDay, 12), (.closeSession, 13)] {
            let at = Fixtures.at("2023-10-18", t, 0)
            for p in try closedNoReading.decide(c, at: at) {
                closedNoReading.evolve(Event(seq: closedNoReading.lastSeq + 1, at: at, seat: "facilitator", payload: p))
            }
        }
        // Closed: final, dated by the closing, and nothing said of an approval the journal does not hold.
        let closed = Self.minutes(closedNoReading)
        #expect(closed.contains("**Compte rendu** — Rapport final (session close le 18 octobre 2023)"))
        #expect(
            Self.section("Conclusion et clôture", of: closed).contains("**Lu et adopté en plénière**\u{00A0}: décision")
        )
        #expect(!closed.contains("approuv"))
        #expect(!closed.contains("événements au journal"))
        // Entries read and adopted on the last day, then the session closed: they are named.
        let rec = try #require(s.entries.first { $0.content.kind == .recommendation })
        for (c, t) in [
            (Command.startDay(date: nil), 9), (.adopt(entry: rec.id), 10), (.endDay, 12), (.closeSession, 13),
        ] {
            let at = Fixtures.at("2023-10-18", t, 0)
            for p in try s.decide(c, at: at) {
                s.evolve(Event(seq: s.lastSeq + 1, at: at, seat: "facilitator", payload: p))
            }
        }
        let md = Self.minutes(s)
        #expect(md.contains("**Compte rendu** — Rapport final (session close le 18 octobre 2023)"))
        let conclusion = Self.section("Conclusion et clôture", of: md)
        #expect(conclusion.contains("; recommandation n°\u{00A0}1."))
        #expect(conclusion.contains("Rapport final\u{00A0}: établi d'après le journal de la session, close."))
        #expect(!md.contains("approuv"))
        #expect(md.contains("La session a été close le mercredi 18 octobre 2023 à 13:00."))
    }

    @Test("The attendance annex has a signature column, and a contact column when the programme has contacts")
    func attendanceAnnex() throws {
        let bare = Self.minutes(try Self.state())
        #expect(bare.contains("| N° | Fonction | Organisation | Sexe | Arrivée | Signature |"))
        let full = Self.minutes(try Self.state(Self.fullProgramme))
        #expect(full.contains("| N° | Fonction | Nom | Organisation | Sexe | Arrivée | Contact | Signature |"))
        #expect(full.contains("| +223 70 00 00 01 |   |"))
    }

    @Test("The English minutes have the same sections, in English")
    func english() throws {
        let s = try Self.state(Self.fullProgramme, tagged: true)
        let fr = Self.sections(Self.minutes(s)), en = Self.sections(Self.minutes(s, .en))
        #expect(fr.count == en.count)
        #expect(
            en == [
                "Contents", "Summary", "Acronyms and abbreviations", "Introduction", "Officers of the meeting",
                "Proceedings", "Summary of decisions", "Recommendations", "Commitments and synergies",
                "Synthesis of priority actions by commune", "Next steps — action plan",
                "Perspectives and the organiser's commitments", "Conclusion and closing", "Signatures", "Annexes",
            ])
    }
}
