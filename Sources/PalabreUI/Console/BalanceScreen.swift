import PalabreCore

/// The Speaking balance screen (F4, « Temps de parole »): who has spoken, how long, how often.
///
/// Speaking time and turns by category (organisation type), by sex and by organisation (the
/// top ones by time), for the day under way or for the whole session (`s` or Espace toggles),
/// with the women's share of speaking time next to their share of the people present. The turn
/// under way counts up to now. Figures come from ``SpeakingBalance``.
public struct BalanceScreen: ConsoleScreen {
    public static let id = ScreenID.balance

    /// Whether the whole session is counted (else the day under way, or the last one started).
    var wholeSession = false
    /// The finished turns' tally, kept between frames.
    private let tallies = SpeakingTallyCache()

    public init() {}
    public var isTyping: Bool { false }

    /// Applies an action of this screen.
    public mutating func perform(_ action: BalanceAction, context: ScreenContext) -> KeyOutcome {
        switch action {
        case .scope: wholeSession.toggle()
        }
        return .none
    }

    public mutating func handle(key: Key, context: ScreenContext) -> KeyOutcome { .none }

    /// The figures shown.
    func figures(_ ctx: ScreenContext) -> SpeakingBalance {
        let day = wholeSession ? nil : (AttendanceFigures.day(ctx.state) ?? -1)
        return SpeakingBalance(ctx.state, day: day, now: ctx.now, finished: tallies.tally(ctx.state, day: day))
    }

    /// « Femmes : 4 % du temps de parole · 8 % des présents ».
    static func womenText(_ b: SpeakingBalance, labels l: Labels, short: Bool = false) -> String {
        func pct(_ p: Int?) -> String { p.map { l.percent($0) } ?? "—" }
        return l[.balWomen] + l.colon + pct(b.womenTimePercent) + " " + l[short ? .balOfTimeShort : .balOfTime]
            + " · "
            + pct(b.womenPresentPercent) + " " + l[short ? .balOfPresentShort : .balOfPresent]
    }

    // MARK: Drawing

    public mutating func render(into grid: inout Grid, area: Rect, context ctx: ScreenContext) -> Position? {
        let s = ctx.state, l = ctx.labels
        let compact = area.isCompact
        let b = figures(ctx)
        var y = area.y
        let bottom = area.y + area.height
        // Scope and totals.
        var scope: String
        if wholeSession {
            scope = l[.balSession]
        } else if let d = AttendanceFigures.day(s) {
            scope = l[.day] + " \(d + 1)" + (compact ? "" : " · " + AttendanceScreen.longDate(s.heldDate(day: d), l))
            if s.currentDay != d && !compact { scope += " (" + l[.attDayEnded] + ")" }
        } else {
            scope = l[.noDay]
        }
        let totals = speakingClock(Int(b.totalMs / 1000)) + " · " + l.counted(b.turns, .balTurnOne, .balTurnMany) + " "
        grid.fill(x: area.x, y: y, width: area.width, height: 1, role: .normal)
        let other = " [" + l[wholeSession ? .balKeyDay : .balKeySession] + "]"
        let left = " " + scope + (compact ? "" : other)
        grid.put(
            x: area.x, y: y,
            text: TextWidth.truncate(left, toWidth: max(1, area.width - TextWidth.width(of: totals) - 1)), role: .title)
        grid.put(x: area.x + area.width - TextWidth.width(of: totals), y: y, text: totals, role: .normal)
        y += 1
        // Women.
        grid.put(
            x: area.x, y: y,
            text: TextWidth.truncate(" " + Self.womenText(b, labels: l, short: compact), toWidth: area.width),
            role: .barWomen)
        y += 1
        if !compact {
            if let t = s.currentTurn {
                // A point of order keeps its mark while its author has the floor.
                let text =
                    " " + l[.balNow] + l.colon + TextWidth.sanitize(s.displayName(t.who))
                    + (t.pointOfOrder ? " (" + l[.meetingPooLong] + ")" : "") + " · "
                    + speakingClock(Int(s.speakingMs(t, at: ctx.now) / 1000))
                grid.put(x: area.x, y: y, text: TextWidth.truncate(text, toWidth: area.width), role: .queueCurrent)
            }
            y += 1
        }
        if b.turns == 0 {
            if y < bottom {
                grid.put(
                    x: area.x + 1, y: y, text: TextWidth.truncate(l[.balNone], toWidth: area.width - 2), role: .muted)
            }
            return nil
        }
        // Columns: label, time, turns, share, bar.
        let labelW = compact ? min(14, area.width / 3) : (area.width >= 100 ? 26 : 20)
        let timeW = 8, turnsW = compact ? 0 : 7, pctW = 6, presentW = compact ? 0 : 10
        let barW = max(0, area.width - 1 - labelW - timeW - turnsW - pctW - presentW - 2)
        func header(_ title: String) {
            guard y < bottom else { return }
            if compact {
                grid.put(x: area.x + 1, y: y, text: TextWidth.truncate(title, toWidth: area.width - 2), role: .title)
            } else {
                grid.put(x: area.x + 1, y: y, text: TextWidth.pad(title, toWidth: labelW), role: .title)
                var col = area.x + 1 + labelW
                col = grid.put(
                    x: col, y: y, text: TextWidth.pad(l[.balColTime], toWidth: timeW, alignment: .right),
                    role: .muted)
                col = grid.put(
                    x: col, y: y, text: TextWidth.pad(l[.balColTurns], toWidth: turnsW, alignment: .right),
                    role: .muted)
                col = grid.put(
                    x: col, y: y, text: TextWidth.pad(l[.balColShare], toWidth: pctW, alignment: .right),
                    role: .muted)
                grid.put(
                    x: col, y: y, text: TextWidth.pad(l[.balColPresent], toWidth: presentW, alignment: .right),
                    role: .muted)
            }
            y += 1
        }
        func row(_ name: String, _ r: SpeakingBalance.Row, present: Int?, women: Bool = false) {
            guard y < bottom else { return }
            var col = area.x + 1
            col = grid.put(
                x: col, y: y, text: TextWidth.pad(TextWidth.sanitize(name), toWidth: labelW - 1) + " ", role: .normal)
            col = grid.put(
                x: col, y: y, text: TextWidth.pad(speakingClock(Int(r.ms / 1000)), toWidth: timeW, alignment: .right),
                role: .normal)
            if turnsW > 0 {
                col = grid.put(
                    x: col, y: y, text: TextWidth.pad("\(r.turns)", toWidth: turnsW, alignment: .right), role: .muted)
            }
            let p = SpeakingBalance.percent(r.ms, b.totalMs) ?? 0
            col = grid.put(
                x: col, y: y, text: TextWidth.pad(l.percent(p), toWidth: pctW, alignment: .right),
                role: women ? .barWomen : .normal)
            if presentW > 0 {
                let share = SpeakingBalance.percent(Int64(present ?? 0), Int64(b.present)).map { l.percent($0) } ?? "—"
                col = grid.put(
                    x: col, y: y, text: TextWidth.pad(share, toWidth: presentW, alignment: .right), role: .muted)
            }
            if barW > 0 {
                let fraction = b.totalMs > 0 ? Double(r.ms) / Double(b.totalMs) : 0
                grid.put(x: col + 2, y: y, text: barText(fraction, width: barW), role: women ? .barWomen : .bar)
            }
            y += 1
        }
        header(l[.balByCategory])
        for r in b.byCategory {
            row(Category.name(r.key, l, ctx.state.programme), r, present: b.presentByCategory[r.key])
        }
        if !compact && y < bottom { y += 1 }
        header(l[.balBySex])
        for r in b.bySex {
            row(
                l[UILabel.balanceSex(Sex(rawValue: r.key) ?? .unspecified)], r, present: b.presentBySex[r.key],
                women: r.key == Sex.female.rawValue)
        }
        if !compact && y < bottom { y += 1 }
        if y + 1 < bottom {
            let n = min(b.byOrganisation.count, bottom - y - 1)
            header(
                b.byOrganisation.count > n
                    ? l[.balByOrganisationTop].replacingOccurrences(of: "%d", with: "\(n)")
                    : l[.balByOrganisation])
            for r in b.byOrganisation.prefix(n) {
                let name =
                    s.programme.organisation(r.key)?.acronym ?? s.programme.commune(r.key)?.name ?? s.displayName(r.key)
                row(name, r, present: b.presentByOrganisation[r.key])
            }
        }
        return nil
    }

    // MARK: Table

    /// Bindings of this screen, part of Keymap/all.
    static let bindings: [Binding] = [
        Binding(.balance(.scope), ["s", "Space"])
    ]

}
