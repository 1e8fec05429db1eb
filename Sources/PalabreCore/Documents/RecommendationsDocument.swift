import Foundation

/// `recommendations.md`: the recommendations alone, numbered as in the minutes, each with its
/// text (latest wording), addressee (« à l'endroit de »), responsible, deadline and the agenda
/// item it came from; retracted ones are left out.
struct RecommendationsDocument {
    let c: DocContext

    init(_ ctx: DocContext) { c = ctx }

    func render() -> String {
        let L = c.L, state = c.state, programme = state.programme
        var o = ""
        o.reserveCapacity(1024 + c.recommendations.count * 300)
        o += "# " + L[.recommendationsTitle] + " — " + MD.inline(programme.title) + "\n\n"
        var sub: [String] = []
        if let (first, last) = state.heldDateRange {
            sub.append(L.dateRange(first, last))
        }
        let place = [programme.venue, programme.city ?? ""].filter { !$0.isEmpty }.map(MD.inline).joined(
            separator: ", ")
        if !place.isEmpty { sub.append(place) }
        if !sub.isEmpty { o += "*" + sub.joined(separator: " — ") + "*\n\n" }
        o +=
            "**" + L[.asOf] + L.colon + "** " + L.longDate(c.lt.date(of: c.now)) + " " + L.at + " " + c.hhmm(c.now)
            + "\n\n"
        guard !c.recommendations.isEmpty else {
            o += L[.noRecommendations] + "\n"
            return o
        }
        for ei in c.recommendations {
            let e = state.entries[ei], k = e.content
            o += "## " + L[.recommendationNo] + "\u{00A0}" + String(c.numbers.number(e.id) ?? 0) + "\n\n"
            o += MD.block(k.text) + "\n\n"
            func field(_ label: DocLabel, _ value: String) { o += "- **" + L[label] + L.colon + "** " + value + "\n" }
            field(.addressee, k.addressee.map(MD.inline) ?? "—")
            field(.responsible, k.responsible.map(MD.inline) ?? "—")
            field(.deadline, k.due.map { DocLabels.civil($0) != nil ? L.date($0) : MD.inline($0) } ?? "—")
            if let item = e.item, let p = c.itemPlace[item] {
                field(
                    .fromItem,
                    MD.inline(c.itemTitle(item)) + " (" + L.dayHeading(p.day + 1, state.heldDate(day: p.day)) + ")")
            } else {
                field(.fromItem, L[.outsideAgenda])
            }
            if !e.amendments.isEmpty { o += "\n*" + L.amended(k.kind) + "*\n" }
            o += "\n"
        }
        let adopted = c.recommendations.filter { state.entries[$0].adoptedAt != nil }.compactMap {
            c.numbers.number(state.entries[$0].id)
        }
        if !adopted.isEmpty {
            o += "**" + L[.adoptedStatement] + "**" + L.colon + " " + L.adoptedList(.recommendation, adopted) + ".\n"
        }
        while o.hasSuffix("\n\n") { o.removeLast() }
        return o
    }
}
