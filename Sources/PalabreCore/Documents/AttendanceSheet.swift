import Foundation

/// The attendance sheet to sign, one table per day: number, name, function, organisation, a
/// contact column when the programme gives contacts, and an empty signature column.
///
/// A day with check-ins lists the participants checked in that day, in the order they arrived;
/// a day without any lists the programme's participants, so the sheet can be printed before the
/// day and signed in the room. Written in the documents' language; exported by ``Exporter``.
struct AttendanceSheet {
    let c: DocContext

    init(_ ctx: DocContext) { c = ctx }

    private var L: DocLabels { c.L }

    func render() -> String {
        let state = c.state
        let programme = state.programme
        let withContact = programme.participants.contains { !($0.contact ?? "").isEmpty }
        var o = "# " + MD.inline(programme.title) + "\n\n"
        o += "**" + L[.attendanceSheetTitle] + "**"
        if !state.days.isEmpty {
            o += " — " + MD.inline(L.dateRange(state.clockDate(day: 0), state.clockDate(day: state.days.count - 1)))
        }
        o += " — " + MD.inline(programme.city.map { programme.venue + ", " + $0 } ?? programme.venue) + "\n\n"
        for (d, day) in state.days.enumerated() {
            let checked = state.attendance[day.date] ?? []
            o += "## " + L.dayHeading(d + 1, state.clockDate(day: d)) + "\n\n"
            let ids: [String]
            if checked.isEmpty {
                ids = programme.participants.map(\.id)
                o += L[.expectedParticipants] + "\n\n"
            } else {
                ids = checked
                o += L.participantsSummary(checked.count, women: c.women(checked)) + ".\n\n"
            }
            var header = [L[.number], L[.name], L[.function], L[.organisation]]
            if withContact { header.append(L[.contact]) }
            header.append(L[.signature])
            o += MD.header(header, right: [0])
            for (n, id) in ids.enumerated() {
                let p = c.participants[id]
                var row = [
                    String(n + 1), MD.cell(p?.name ?? ""), MD.cell(p?.function ?? id),
                    MD.inline(p.flatMap { c.organisationName($0.organisation ?? $0.commune) } ?? ""),
                ]
                if withContact { row.append(MD.cell(p?.contact ?? "")) }
                row.append("")
                o += MD.row(row)
            }
            o += "\n"
        }
        while o.hasSuffix("\n\n") { o.removeLast() }
        return o
    }
}
