import Foundation
import Testing

/// A vote's counts are checked against the participants of the programme checked in that day,
/// through the real `palabre do`: refused in the session's language when more votes are cast
/// than people present, nothing recorded; not checked at all while no one is checked in.
@Suite("Votes against attendance (palabre do)")
struct VoteAttendanceProcessTests {
    /// A copy of `sample` with the day started and `present` checked in.
    static func session(_ sample: String, present: [String]) throws -> String {
        let dir = try Bin.session(copying: sample)
        #expect(try Bin.run(["do", dir, "start-day", "--at", "09:00"]).status == 0)
        for (i, who) in present.enumerated() {
            let r = try Bin.run(["do", dir, "check-in", who, "--at", "09:0\(i + 1)", "--seat", "rapporteur"])
            #expect(r.status == 0, "check-in of \(who): \(r.stderr)")
        }
        return dir
    }

    static func vote(_ dir: String, for f: Int, against a: Int, abstentions n: Int) throws -> Bin.Output {
        try Bin.run([
            "do", dir, "vote", "Budget line BL-01", "--for", "\(f)", "--against", "\(a)", "--abstentions", "\(n)",
            "--outcome", "adopted", "--seat", "rapporteur", "--at", "09:30",
        ])
    }

    @Test func moreVotesThanCouncillorsPresentIsRefusedInEnglish() throws {
        let dir = try Self.session("council-2027", present: ["mayor", "cllr-adams", "cllr-baker"])
        let journal = try String(contentsOfFile: dir + "/journal.jsonl", encoding: .utf8)
        let r = try Self.vote(dir, for: 3, against: 1, abstentions: 0)
        #expect(r.status == 1, "\(r.stdout)\(r.stderr)")
        #expect(
            r.stderr.contains(
                "Vote: 4 votes cast, but only 3 participants of the programme are present on 2027-01-19 (checked in, "
                    + "no departure recorded): check the counts or the attendance."), "\(r.stderr)")
        #expect(try String(contentsOfFile: dir + "/journal.jsonl", encoding: .utf8) == journal, "nothing recorded")
        let fits = try Self.vote(dir, for: 2, against: 1, abstentions: 0)
        #expect(fits.status == 0, "as many votes as people present: \(fits.stderr)")
    }

    @Test func moreVotesThanParticipantsPresentIsRefusedInFrench() throws {
        let dir = try Self.session("demo", present: ["maire-timissa"])
        let r = try Self.vote(dir, for: 1, against: 0, abstentions: 1)
        #expect(r.status == 1)
        #expect(
            r.stderr.contains(
                "Vote\u{00A0}: 2 voix exprimées, mais un seul participant du programme est présent le "),
            "\(r.stderr)")
        #expect(r.stderr.contains("\u{00A0}: vérifiez les nombres ou pointez les présents."), "\(r.stderr)")
    }

    @Test func withoutAttendanceTheCountsAreNotChecked() throws {
        let dir = try Self.session("council-2027", present: [])
        let r = try Self.vote(dir, for: 40, against: 2, abstentions: 1)
        #expect(r.status == 0, "no check-in that day: the voters are not known: \(r.stderr)")
    }

    @Test func walkInsAreNotCountedAsMembers() throws {
        let dir = try Self.session("council-2027", present: ["mayor"])
        let walkIn = try Bin.run([
            "do", dir, "walk-in", "Resident of Mill Lane", "--sex", "M", "--at", "09:05", "--seat", "rapporteur",
        ])
        #expect(walkIn.status == 0, "\(walkIn.stderr)")
        // A walk-in is checked in on arrival.
        let journal = try String(contentsOfFile: dir + "/journal.jsonl", encoding: .utf8)
        let checkIns = journal.split(separator: "\n").filter { $0.contains(#""type":"participantCheckedIn""#) }
        #expect(checkIns.contains { $0.contains(#""participant":"walkin-"#) }, "\(journal)")
        let r = try Self.vote(dir, for: 2, against: 0, abstentions: 0)
        #expect(r.status == 1, "two votes, one member present: \(r.stderr)")
        #expect(r.stderr.contains("only one participant of the programme is present"), "\(r.stderr)")
    }
}
