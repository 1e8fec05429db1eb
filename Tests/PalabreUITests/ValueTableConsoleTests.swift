import Foundation
import Testing

@testable import PalabreCore
@testable import PalabreUI

/// The table of Tests/Tables/values.tsv through the consoles: the synergies board's commitment
/// form (amounts, currencies, statuses, natures), the facilitator's insert prompt (durations)
/// and the replay `g` prompt (moments). Each gives the parser's value or its refusal, word for
/// word, as `palabre do` and `programme.yaml` do (ValueTableTests in ProcessTests).
@Suite("One table of values: consoles and replay")
struct ValueTableConsoleTests {
    /// Rows of `kinds`: (kind, session language, text typed, expected value or !code).
    static func rows(_ kinds: String...) -> [(kind: String, language: Language, input: String, expected: String)] {
        let text = (try? String(contentsOfFile: SegouMoments.root + "/Tests/Tables/values.tsv", encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { line in
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count == 4, kinds.contains(f[0]), let l = Language(rawValue: f[1]) else { return nil }
            return (f[0], l, f[2], f[3])
        }
    }

    /// The synergies board on a session in `language` with nothing recorded, the commitment form
    /// open on its first cell and `field` emptied.
    static func form(_ language: Language, field: Int) -> ScreenDriver {
        var p = SegouMoments.programme
        p.language = language
        var d = ScreenDriver(
            .synergies, state: SessionState(programme: p), now: SegouMoments.at("2023-10-17", 10, 0), language: language
        )
        _ = d.lines()
        d.key(.char("e"))
        for _ in 0..<max(0, field - 1) { d.key(.down) }
        if field == 0 { d.key(.up) }
        for _ in 0..<40 { d.key(.backspace) }
        return d
    }

    /// The parser's refusal of `row`, nil when it accepts it.
    static func refusal(_ row: (kind: String, language: Language, input: String, expected: String)) -> Refusal? {
        do throws(Refusal) {
            switch row.kind {
            // The form's currency field holds the fiche's currency, FCFA.
            case "amount": _ = try Values.amount(row.input, language: row.language, currency: "FCFA")
            case "currency": _ = try Values.currency(row.input)
            case "status": _ = try Values.status(row.input)
            case "nature": _ = try Values.nature(row.input)
            default: _ = try Values.duration(row.input)
            }
            return nil
        } catch {
            return error
        }
    }

    @Test func theCommitmentFormReadsTheTable() throws {
        let fields = ["nature": 0, "amount": 1, "currency": 2, "status": 3]
        let rows = Self.rows("amount", "currency", "status", "nature")
        #expect(rows.count >= 40)
        for row in rows {
            var d = Self.form(row.language, field: fields[row.kind]!)
            #expect(d.console.synergies.form?.field == fields[row.kind], "the \(row.kind) field has the cursor")
            d.type(row.input)
            if row.kind != "amount" {
                // A financial commitment needs its amount.
                for _ in 0..<abs(fields[row.kind]! - 1) { d.key(fields[row.kind]! > 1 ? .up : .down) }
                d.type("1000")
            }
            let command = d.key(.ctrl("s"))
            let refusal = Self.refusal(row)
            #expect((refusal == nil) == !row.expected.hasPrefix("!"), "\(row): the parser agrees with the table")
            if row.kind == "currency" {
                // The form keeps the currency as typed; deciding gives it its usual name, or refuses it.
                let c = try #require(command, "\(row) is recorded: \(d.console.message?.text ?? "")")
                do throws(Refusal) {
                    let recorded = try d.state.decide(c, at: d.now).compactMap { p -> EntryContent? in
                        if case .entryRecorded(_, let e) = p { return e }
                        return nil
                    }
                    #expect(recorded.first?.currency == row.expected, "\(row)")
                } catch {
                    #expect(error == refusal, "\(row): \(error.en)")
                }
                continue
            }
            if let refusal {
                #expect(command == nil, "\(row) is refused")
                #expect(d.console.message?.text == refusal.message(row.language), "\(row)")
                continue
            }
            guard case .record(let e) = command else {
                Issue.record("\(row) gave \(String(describing: command)): \(d.console.message?.text ?? "")")
                continue
            }
            switch row.kind {
            case "amount": #expect(e.amount.map { String($0) } == row.expected, "\(row)")
            case "status": #expect(e.status?.rawValue == row.expected, "\(row)")
            default: #expect(e.nature?.rawValue == row.expected, "\(row)")
            }
        }
    }

    @Test func theFacilitatorsInsertPromptReadsTheTable() {
        for row in Self.rows("duration") {
            var d = ScreenDriver(.facilitator, .debate, language: row.language)
            d.key(.char("i"))
            d.type("Point")
            d.key(.enter)
            d.type(row.input)
            let command = d.key(.enter)
            if let refusal = Self.refusal(row) {
                #expect(row.expected.hasPrefix("!"), "\(row): the parser agrees with the table")
                #expect(command == nil, "\(row) is refused")
                #expect(d.console.message?.text == refusal.message(row.language), "\(row)")
            } else {
                #expect(
                    command == .insertItem(title: "Point", seconds: Int(row.expected) ?? -1, kind: .other, after: nil),
                    "\(row)")
            }
        }
    }

    @Test func theReplayGoToPromptReadsTheTable() throws {
        let t = ReplayTimelineTests.timeline
        let position = try #require(RFC3339.parse("2023-10-17T10:00:00+00:00"))
        for row in Self.rows("moment", "moment+") {
            var r = ReplayConsole(
                timeline: t, language: .fr, screen: .facilitator,
                clock: ReplayClock(position: t.firstInstant!, speed: 60, playing: false))
            r.seek(to: position)
            r.handle(.char("g"))
            for c in row.input { r.handle(.char(c)) }
            r.handle(.enter)
            if row.expected.hasPrefix("!") {
                #expect(r.clock.position == position, "\(row) does not move")
                var expected = ""
                do throws(Refusal) {
                    _ = try Values.instant(
                        row.input, programme: t.programme, defaultDate: "2023-10-17", position: position)
                } catch { expected = error.message(.fr) }
                #expect(!expected.isEmpty && r.console.message?.text == expected, "\(row)")
            } else {
                #expect(r.clock.position == RFC3339.parse(row.expected), "\(row)")
            }
        }
    }
}
