import Foundation
import Testing

/// The three days of the Ségou roundtable (17-19 October 2023), driven by
/// `sessions/segou-2023/meeting.palabre` through the real binary on a copy of the session,
/// then read back as its rapporteur would: attendance, days, partner presentations,
/// recommendations, commitments and their totals, corrections and adoption.
@Suite("Ségou roundtable script", .serialized)
struct SegouMeetingTests {
    /// Participants checked in on at least one day: 50 of the programme's 52 (the mayors of
    /// Yasso and Sanékuy never came) plus two walk-ins.
    static let expectedParticipants = 52
    static let expectedWomen = 4
    static let expectedRecommendations = 9
    /// Sum of the amounts scripted in the `commitment` lines still standing (the OMS commitment
    /// recorded on the wrong fiche is retracted).
    static let expectedTotalFCFA: Int64 = 333_000_000

    /// French typography: a no-break space before the colon.
    let colon = "\u{00A0}:"

    static let retractedNote = "Le PAM s'engage à financer en totalité l'unité de transformation du fonio de Koula."
    static let amendedText =
        "Créer un cadre d'échange convoqué chaque semestre par l'ADR et réunissant l'ANICT, les "
        + "communes et les directions régionales de l'État, pour suivre les fiches de projets et aider les communes à "
        + "mobiliser les financements disponibles."
    static let originalText =
        "Créer un cadre d'échange réunissant l'ADR, l'ANICT et les communes pour aider "
        + "celles-ci à mobiliser les financements disponibles."

    /// Runs the whole script on a fresh copy and returns the session folder.
    func runScript() throws -> String {
        let dir = try Bin.session(copying: "segou-2023")
        let r = try Bin.run(["script", dir, Bin.root + "/sessions/segou-2023/meeting.palabre", "--quiet"])
        #expect(r.status == 0, "the script was refused: \(r.stderr)")
        return dir
    }

    func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    /// Rows of a `;`-separated CSV written by palabre (BOM, quoted fields), as dictionaries.
    func csv(_ path: String) throws -> [[String: String]] {
        var text = try read(path)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        // CRLF line ends: "\r\n" is one Character, a newline.
        let lines = text.split(whereSeparator: \.isNewline).map { String($0) }
        guard let header = lines.first.map(fields) else { return [] }
        return lines.dropFirst().map { line in
            let f = fields(line)
            var row: [String: String] = [:]
            for (i, h) in header.enumerated() { row[h] = i < f.count ? f[i] : "" }
            return row
        }
    }

    private func fields(_ line: String) -> [String] {
        var out: [String] = [], cur = "", quoted = false
        let chars = Array(line)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < chars.count, chars[i + 1] == "\"" { cur.append("\""); i += 1 } else { quoted = false }
                } else {
                    cur.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == ";" {
                out.append(cur); cur = ""
            } else {
                cur.append(c)
            }
            i += 1
        }
        out.append(cur)
        return out
    }

    /// `333 000 000 FCFA` with no-break spaces, the way the minutes write amounts.
    func french(_ n: Int64, _ currency: String) -> String {
        let digits = Array(String(n))
        var groups: [String] = []
        var end = digits.count
        while end > 0 {
            let start = max(0, end - 3)
            groups.insert(String(digits[start..<end]), at: 0)
            end = start
        }
        return groups.joined(separator: "\u{00A0}") + "\u{00A0}" + currency
    }

    /// Lines of `text` between the heading `## title` and the next `## ` heading.
    func section(_ title: String, of text: String) -> [Substring] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: { $0 == "## " + title }) else { return [] }
        let rest = lines[(start + 1)...]
        let end = rest.firstIndex { $0.hasPrefix("## ") } ?? lines.endIndex
        return Array(lines[(start + 1)..<end])
    }

    @Test func theWholeRoundtableReadsAsItsMinutes() throws {
        let dir = try runScript()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let out = dir + "/out"
        let minutes = try read(out + "/minutes.md")
        let recommendations = try read(out + "/recommendations.md")

        // The session was closed at the end of the third day.
        #expect(minutes.contains("**Compte rendu** — Rapport final"))
        #expect(minutes.contains("- **Dates\(colon)** du 17 au 19 octobre 2023"))

        // Attendance: the count in the minutes is the one scripted, and the attendance sheet agrees.
        #expect(minutes.contains("\(Self.expectedParticipants) participants dont \(Self.expectedWomen) femmes."))
        let attendance = try csv(out + "/attendance.csv")
        let ids = Set(attendance.compactMap { $0["Identifiant"] })
        #expect(ids.count == Self.expectedParticipants)
        #expect(
            Set(attendance.filter { $0["Sexe"] == "F" }.compactMap { $0["Identifiant"] }).count == Self.expectedWomen)
        #expect(ids.contains("journaliste-ortm") && ids.contains("prefet-adjoint-tominian"), "the two walk-ins")
        #expect(!ids.contains("maire-yasso") && !ids.contains("maire-sanekuy"))
        let day1 = attendance.filter { $0["Journée"] == "2023-10-17" }
        #expect(day1.count == 50)
        #expect(minutes.contains("| Journée 1 — mardi 17 octobre 2023 | 50 | 4 |"))

        // The three days, each with its proceedings heading.
        for heading in [
            "### Journée 1 — mardi 17 octobre 2023", "### Journée 2 — mercredi 18 octobre 2023",
            "### Journée 3 — jeudi 19 octobre 2023",
        ] {
            #expect(minutes.contains(heading + "\n"), "missing \(heading)")
        }

        // The four partner presentations, held and presented by their partner.
        for (title, partner) in [
            ("Présentation de l'ANICT", "Représentant de l'ANICT"),
            ("Présentation du PAM", "Représentante du PAM"),
            ("Présentation de l'OMS", "Représentant de l'OMS"),
            ("Présentation de l'UNICEF", "Représentant de l'UNICEF"),
        ] {
            let lines = minutes.split(separator: "\n").map(String.init)
            guard let h = lines.firstIndex(where: { $0.hasPrefix("#### ") && $0.hasSuffix(". " + title) }) else {
                Issue.record("no item \(title)"); continue
            }
            let facts = lines[h + 1]
            #expect(
                facts.contains("présentation PTF") && facts.contains("Ont pris la parole\(colon) " + partner),
                "\(facts)")
        }
        // The Maire de Yasso was scheduled; the SG presented: both are stated, each for what it is.
        let yasso = minutes.split(separator: "\n").map(String.init)
        let yassoFacts = try #require(
            yasso.firstIndex { $0.hasSuffix(". Présentation de la commune de Yasso") }.map { yasso[$0 + 1] })
        #expect(yassoFacts.contains("Présentateurs prévus\(colon) Yasso, Maire de Yasso"), "\(yassoFacts)")
        #expect(yassoFacts.contains("Ont pris la parole\(colon) SG de Yasso"), "\(yassoFacts)")

        // Re-planning: the debate on studies moved to the third day, the third coffee break skipped.
        let day3 = minutes.components(separatedBy: "### Journée 3 — jeudi 19 octobre 2023\n")[1]
            .components(separatedBy: "## Recommandations")[0]
        #expect(day3.contains(". Échanges sur le financement des études de faisabilité\n"))
        #expect(day3.contains("#### 4. Pause café\n\nnon traité · pause"))

        // Recommendations: the expected count, in the minutes and in their own document.
        let recs = section("Recommandations", of: minutes).filter { $0.first?.isNumber == true }
        #expect(recs.count == Self.expectedRecommendations)
        #expect(
            recommendations.components(separatedBy: "## Recommandation n°\u{00A0}").count - 1
                == Self.expectedRecommendations)
        #expect(recommendations.contains("répertoire des intervenants"))
        #expect(recommendations.contains("passation des marchés publics"))

        // Commitments: totals per currency computed from the CSV rows equal the scripted sum and
        // the figure shown in the minutes.
        let commitments = try csv(out + "/commitments.csv")
        // The minutes show works and studies apart, as the « Bilan financier » does.
        var totals: [String: Int64] = [:], studies: [String: Int64] = [:]
        for row in commitments {
            guard let a = row["Montant"], !a.isEmpty else { continue }
            let amount = try #require(Int64(a), "amount \(a)")
            totals[row["Devise"] ?? "?", default: 0] += amount
            if row["Nature"] == "étude" { studies[row["Devise"] ?? "?", default: 0] += amount }
        }
        #expect(totals == ["FCFA": Self.expectedTotalFCFA])
        for (currency, total) in totals {
            let study = studies[currency] ?? 0
            #expect(
                minutes.contains("| \(currency) | Travaux | **\(french(total - study, currency))** |"),
                "works \(currency)")
            #expect(
                minutes.contains("| \(currency) | Études de faisabilité | **\(french(study, currency))** |"),
                "studies \(currency)")
            #expect(!minutes.contains("| \(currency) | **\(french(total, currency))** |"), "works and studies added up")
        }
        let natures = Set(commitments.compactMap { $0["Nature"] })
        #expect(natures == ["financier", "technique", "étude"])
        let statuses = Set(commitments.compactMap { $0["Statut"] })
        #expect(statuses == ["annoncé", "intention", "confirmé", "convention signée"])
        #expect(commitments.count == 16)

        // The retracted entries are gone; the amended one shows its new text only.
        for doc in [minutes, recommendations] {
            #expect(!doc.contains(Self.retractedNote))
            #expect(doc.contains(Self.amendedText))
            #expect(!doc.contains(Self.originalText))
        }
        #expect(!commitments.contains { $0["Sigle du partenaire"] == "OMS" && $0["Fiche"] == "SY-01" })
        #expect(minutes.contains(Self.amendedText + " — À l'endroit de\(colon) ADR de Ségou"))
        #expect(minutes.contains("*(amendée)*"))  // the recommendation on the cadre d'échange

        // The final communiqué: what the plenary read and adopted, stated once, every
        // recommendation included; never a mark on each line.
        #expect(minutes.contains("**Lu et adopté en plénière**\(colon) décisions n°\u{00A0}2 et 3"))
        #expect(minutes.contains("recommandations n°\u{00A0}1, 2, 3, 4, 5, 6, 7, 8 et 9"))
        #expect(minutes.components(separatedBy: "lu et adopté").count == 1)
        #expect(recs.allSatisfy { !$0.contains("lu et adopté") })
        #expect(minutes.contains("Le communiqué final de la table ronde est adopté par la plénière"))

        // The NEF's own commitment: experience exchanges, in the action plan.
        let actions = try csv(out + "/actions.csv")
        #expect(
            actions.contains {
                $0["Responsable"] == "NEF" && ($0["Activité"] ?? "").contains("partagent leurs expériences")
            })
        #expect(
            actions.contains {
                ($0["Activité"] ?? "").contains("fiche de présentation de chaque projet prioritaire")
            })

        // The journal is intact.
        let v = try Bin.run(["verify", dir])
        #expect(v.status == 0, "\(v.stderr)")
        #expect(v.stdout.contains("intact"), "\(v.stdout)")
    }
}
