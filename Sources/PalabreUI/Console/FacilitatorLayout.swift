import PalabreCore

/// Drawing of the Facilitator screen.
///
/// Full layout (body of an 80×24 terminal or larger): the agenda on the left (about 58 % of
/// the width) with the drift and the projected end of the day on its last row; on the right the
/// current item (title, kind and presenters, a BigDigits countdown, elapsed and time-box) and
/// below it the speakers queue. Compact layout (narrower than 80 or shorter than 21 rows): one
/// column of rows by priority — item title, countdown, speaker, the next two requests, drift.
extension FacilitatorScreen {
    public mutating func render(into grid: inout Grid, area: Rect, context: ScreenContext) -> Position? {
        guard area.width > 0, area.height > 0 else { return nil }
        var body = area
        var cursor: Position?
        if prompt != nil {
            let (found, more) = shownCandidates(area, context)
            let h = promptHeight(area, found: found)
            body.height -= h
            cursor = drawPrompt(
                &grid, Rect(x: area.x, y: area.y + body.height, width: area.width, height: h), found: found,
                more: more, context)
        }
        // A follow-up item: the earlier entry under review, read-only, at the bottom.
        if PreviousReviews.isActive(context), prompt == nil, body.height >= 10 {
            let h = area.isCompact ? 3 : 4
            body.height -= h
            PreviousReviews.drawCurrent(
                &grid, Rect(x: body.x, y: body.y + body.height, width: body.width, height: h), context)
        }
        if area.isCompact { drawCompact(&grid, body, context) } else { drawFull(&grid, body, context) }
        return cursor
    }

    // MARK: Prompt

    private var promptLabelId: UILabel {
        switch prompt {
        case .insertTitle?: .facPromptInsertTitle
        case .insertMinutes?: .facPromptInsertMinutes
        case .move?: .facPromptMove
        case .requester(let poo)?: poo ? .facPromptOrder : .facPromptRequester
        case .remaining?: .facPromptRemaining
        case .walkInSpeaker?: .facPromptWalkin
        case .speakingLimit?, nil: .facPromptLimit
        }
    }

    /// The candidates the speaker search shows, and how many more match than are shown.
    private func shownCandidates(_ area: Rect, _ context: ScreenContext) -> (found: [String], more: Int) {
        guard case .requester? = prompt else { return ([], 0) }
        let rows = area.isCompact ? max(0, min(2, area.height - 6)) : candidateRows
        let all = MeetingView.candidates(context.state, editor.text, limit: .max)
        return (Array(all.prefix(rows)), max(0, all.count - rows))
    }

    /// Rule and input line, plus the candidates (or « no match ») of a speaker search under way.
    private func promptHeight(_ area: Rect, found: [String]) -> Int {
        var h = 2
        if case .requester? = prompt, !editor.text.trimmingCharacters(in: .whitespaces).isEmpty {
            h += max(1, found.count)
        }
        return min(area.height, h)
    }

    private mutating func drawPrompt(
        _ grid: inout Grid, _ r: Rect, found: [String], more: Int, _ context: ScreenContext
    ) -> Position? {
        let L = context.labels
        grid.fill(x: r.x, y: r.y, width: r.width, height: r.height, role: .normal)
        // Rule with the question and the keys.
        grid.fill(x: r.x, y: r.y, width: r.width, height: 1, with: "─", role: .border)
        var label = L[promptLabelId]
        if case .insertMinutes(let title)? = prompt { label += " « " + TextWidth.sanitize(title) + " »" }
        if case .walkInSpeaker(let function, _)? = prompt {
            label = L[.facPromptWalkinNew] + " « " + TextWidth.sanitize(function) + " » — " + label
        }
        var keys = " " + L[.facPromptKeys] + " "
        if case .requester? = prompt {
            keys = " " + L[.facPromptChoose] + " · " + L[.facPromptKeysQueue] + " "
            // Requesters already added from this prompt: the loop goes on until Esc.
            if requestsAdded > 0 {
                label += " (" + L.counted(requestsAdded, .facRequestsAddedOne, .facRequestsAddedMany) + ")"
            }
        }
        // The keys are shown when the question fits beside them; the question comes first.
        let keysW = TextWidth.width(of: keys)
        let showKeys = TextWidth.width(of: label) + 4 + keysW + 1 <= r.width
        let labelRoom = r.width - 2 - (showKeys ? keysW + 1 : 0)
        grid.put(
            x: r.x + 1, y: r.y, text: " " + TextWidth.truncate(label, toWidth: max(0, labelRoom - 2)) + " ",
            role: .title,
            maxWidth: labelRoom)
        if showKeys { grid.put(x: r.x + r.width - 1 - keysW, y: r.y, text: keys, role: .muted) }
        // The line being typed, under the rule; the candidates of the speaker search below it.
        guard r.height >= 2 else { return nil }
        grid.put(x: r.x, y: r.y + 1, text: "›", role: .title)
        let cursor = editor.render(into: &grid, x: r.x + 2, y: r.y + 1, width: max(1, r.width - 3))
        if r.height > 2 {
            let shown = found.prefix(r.height - 2)
            // « +12 autres » at the end of the last row shown when more people match.
            let left = more + found.count - shown.count
            let moreText = left > 0 ? " +" + L.counted(left, .facMatchesMoreOne, .facMatchesMoreMany) : ""
            if found.isEmpty {
                grid.put(
                    x: r.x + 4, y: r.y + 2, text: left > 0 ? moreText : L[.facNoMatch], role: .muted,
                    maxWidth: r.width - 4)
            }
            for (i, id) in shown.enumerated() {
                let y = r.y + 2 + i
                let selected = i == candidateIndex
                if selected { grid.fill(x: r.x + 2, y: y, width: r.width - 2, height: 1, role: .selection) }
                let text = (selected ? "▸ " : "  ") + Self.candidateText(context.state, id, L)
                let last = i == shown.count - 1 && !moreText.isEmpty
                let room = r.width - 2 - (last ? TextWidth.width(of: moreText) + 1 : 0)
                grid.put(
                    x: r.x + 2, y: y, text: TextWidth.truncate(text, toWidth: max(0, room)),
                    role: selected ? .selection : .normal)
                if last {
                    grid.put(
                        x: r.x + r.width - 1 - TextWidth.width(of: moreText), y: y, text: moreText,
                        role: selected ? .selection : .muted)
                }
            }
        }
        return cursor
    }

    /// A candidate of the speaker search: « Maire de Koula (Koula) », « UNICEF — Fonds des Nations
    /// Unies pour l'Enfance », « Koula (commune) ».
    static func candidateText(_ s: SessionState, _ id: String, _ L: Labels) -> String {
        if s.participant(id) != nil { return MeetingView.speakerText(s, id) }
        if let o = s.programme.organisation(id) {
            return TextWidth.sanitize(o.acronym == o.name ? o.name : o.acronym + " — " + o.name)
        }
        if let c = s.programme.commune(id) { return TextWidth.sanitize(c.name) + " (" + L[.facCommune] + ")" }
        return TextWidth.sanitize(id)
    }

    // MARK: Full layout

    private mutating func drawFull(_ grid: inout Grid, _ r: Rect, _ context: ScreenContext) {
        guard r.height > 0 else { return }
        // The current item and the queue grow with large screens (200×60: 84 columns).
        let rightW = max(34, min(r.isLarge ? 100 : 60, r.width * 42 / 100))
        let agendaW = r.width - rightW - 1
        drawAgenda(&grid, Rect(x: r.x, y: r.y, width: agendaW, height: r.height), context)
        grid.fill(x: r.x + agendaW, y: r.y, width: 1, height: r.height, with: "│", role: .border)
        drawRight(&grid, Rect(x: r.x + agendaW + 1, y: r.y, width: rightW, height: r.height), context)
    }

    /// Columns of an agenda row: cursor, planned start, actual or projected start, duration, status, title.
    private enum Col { static let planned = 2, start = 8, duration = 15, status = 21, title = 23 }

    private mutating func drawAgenda(_ grid: inout Grid, _ r: Rect, _ context: ScreenContext) {
        let s = context.state, L = context.labels, now = context.now
        guard let d = MeetingView.shownDay(s) else {
            grid.put(x: r.x + 1, y: r.y, text: L[.noDay], role: .muted, maxWidth: r.width - 1)
            return
        }
        // The longest heading that fits: with « Ordre du jour », then the day alone.
        let heading = MeetingView.dayHeading(s, d, L)
        let short = L[.day] + " \(d + 1) · " + MeetingView.longDate(s.heldDate(day: d), L.language)
        let header =
            [" " + L[.facAgenda] + " · " + heading, " " + heading, " " + short]
            .first { TextWidth.width(of: $0) <= r.width } ?? " " + short
        grid.put(x: r.x, y: r.y, text: TextWidth.truncate(header, toWidth: r.width), role: .title)
        guard r.height > 3 else { return }
        for (col, text) in [
            (Col.planned, L[.facColPlanned]), (Col.start + 1, L[.facColStart]),
            (Col.duration, TextWidth.pad(L[.facColDuration], toWidth: 5, alignment: .right)),
            (Col.title, L[.facColItem]),
        ] {
            grid.put(x: r.x + col, y: r.y + 1, text: text, role: .muted, maxWidth: r.width - col)
        }

        // Footer: drift and end of the day.
        let timings = s.timings(day: d, at: now)
        let isToday = s.currentDay == d
        var footer: [LayoutRow] = []
        if let last = timings.last, let published = s.lastPublished(timings) {
            let plannedEnd = MeetingView.hhmm(minutes: published.plannedEnd)
            let endText = L[.facEndPlanned] + " " + plannedEnd
            if isToday {
                let drift = MeetingView.drift(s.drift(day: d, at: now), L)
                let expected = L[.facEndExpected] + " " + s.local.hhmm(last.projectedEnd)
                if r.height >= 30 {
                    footer = [
                        LayoutRow(" " + drift.text, drift.role, priority: 1),
                        LayoutRow(" " + endText + " · " + expected, .normal, priority: 1),
                    ]
                } else {
                    footer = [
                        LayoutRow(
                            [(" " + drift.text, drift.role), (" · " + Self.endShort(s, timings, L), .normal)],
                            priority: 1)
                    ]
                }
            } else {
                footer = [LayoutRow(" " + endText, .muted, priority: 1)]
            }
        }
        let listTop = r.y + 2
        let listRows = max(0, r.height - 2 - (footer.isEmpty ? 0 : footer.count + 1))
        for (i, row) in footer.enumerated() {
            row.draw(into: &grid, x: r.x, y: r.y + r.height - footer.count + i, width: r.width)
        }

        let items = s.days[d].items
        guard listRows > 0, !items.isEmpty else { return }
        let sel = selectedItem(s).flatMap { it in items.firstIndex { $0.id == it.id } } ?? 0
        // Keep the selection visible, with the item before it as context when there is room.
        let margin = listRows >= 5 ? 1 : 0
        if sel - margin < agendaScroll { agendaScroll = max(0, sel - margin) }
        if sel + margin >= agendaScroll + listRows { agendaScroll = min(items.count - 1, sel + margin) - listRows + 1 }
        agendaScroll = max(0, min(agendaScroll, items.count - listRows))

        for row in 0..<listRows {
            let i = agendaScroll + row
            guard i < items.count else { break }
            let t = timings[i]
            let y = listTop + row
            let selected = i == sel
            let focused = selected && focus == .agenda
            let isCurrent = t.item.id == s.currentItem
            let base: Role =
                focused
                ? .selection
                : isCurrent
                    ? .statusRunning
                    : (t.status == .done || t.status == .skipped) ? .muted : .normal
            if focused { grid.fill(x: r.x, y: y, width: r.width, height: 1, role: .selection) }
            grid.put(x: r.x, y: y, text: selected ? "›" : " ", role: focused ? .selection : .title)
            // An inserted item has no published start; a moved or carried one's no longer holds.
            let planned =
                s.insertedItems.contains(t.item.id)
                ? L[.facInsertedShort]
                : s.movedItems.contains(t.item.id) ? L[.facMovedShort] : MeetingView.hhmm(minutes: t.plannedStart)
            grid.put(x: r.x + Col.planned, y: y, text: TextWidth.truncate(planned, toWidth: 5), role: base)
            let start: String
            if let a = t.actualStart, t.status != .skipped {
                start = " " + s.local.hhmm(a)
            } else if t.status == .skipped {
                start = "  —"
            } else if isToday {
                start = "~" + s.local.hhmm(t.projectedStart)
            } else {
                start = ""
            }
            grid.put(x: r.x + Col.start, y: y, text: start, role: base)
            // A done item shows how long it really took (pauses out), the others their time-box.
            let seconds = t.status == .done ? s.elapsed(t.item.id, at: now) : s.timeBox(t.item.id)
            grid.put(
                x: r.x + Col.duration, y: y,
                text: TextWidth.pad(MeetingView.duration(seconds), toWidth: 5, alignment: .right),
                role: base)
            let st = MeetingView.status(t.status)
            grid.put(x: r.x + Col.status, y: y, text: st.symbol, role: focused ? .selection : st.role)
            let titleW = r.width - Col.title - 1  // the last column is for the scroll marks
            grid.put(
                x: r.x + Col.title, y: y, text: TextWidth.truncate(TextWidth.sanitize(t.item.title), toWidth: titleW),
                role: base, maxWidth: titleW)
        }
        if agendaScroll > 0 { grid.put(x: r.x + r.width - 1, y: listTop, text: "▲", role: .muted) }
        if agendaScroll + listRows < items.count {
            grid.put(x: r.x + r.width - 1, y: listTop + listRows - 1, text: "▼", role: .muted)
        }
    }

    private mutating func drawRight(_ grid: inout Grid, _ r: Rect, _ context: ScreenContext) {
        let s = context.state, L = context.labels, now = context.now
        let x = r.x + 1, w = r.width - 2
        var y = r.y
        let bottom = r.y + r.height
        func line(_ text: String, _ role: Role) {
            guard y < bottom else { return }
            grid.put(x: x, y: y, text: TextWidth.truncate(text, toWidth: w), role: role)
            y += 1
        }
        func wrapped(_ text: String, _ role: Role, max n: Int) {
            var lines = TextWidth.wrap(text, width: w)
            if lines.count > n {
                lines = Array(lines.prefix(n)); lines[n - 1] = TextWidth.truncate(lines[n - 1] + " …", toWidth: w)
            }
            for l in lines { line(l, role) }
        }

        if s.closedAt != nil {
            line(L[.closed], .title)
            wrapped(L[.facClosedNote], .muted, max: 2)
            return
        }
        guard s.currentDay != nil else {
            if MeetingView.allDaysEnded(s) {
                line(L[.noDay], .title)
                y += 1
                wrapped(L[.meetingAllDaysEnded], .normal, max: 2)
                wrapped(L[context.readOnly ? .facCanClose : .facCloseHint], .muted, max: 3)
                drawDays(&grid, x: x, y: &y, width: w, bottom: bottom, context)
                return
            }
            line(L[.noDay], .title)
            y += 1
            if let d = MeetingView.shownDay(s) {
                var text = Self.nextDayText(d, context)
                if let t = s.days[d].title, !t.isEmpty { text += " (" + TextWidth.sanitize(t) + ")" }
                wrapped(text + ".", .statusRunning, max: 4)
                if let first = s.timings(day: d, at: now).first(where: { $0.status == .planned }) {
                    y += 1
                    line(L[.facFirstItem], .muted)
                    wrapped(Self.plannedPrefix(s, first) + TextWidth.sanitize(first.item.title), .normal, max: 2)
                }
            }
            drawDays(&grid, x: x, y: &y, width: w, bottom: bottom, context)
            return
        }

        if let c = s.currentItem, let (item, _) = s.item(c) {
            let run = s.run(c)
            wrapped(TextWidth.sanitize(item.title), .title, max: 2)
            var info: [(String, Role)] = []
            if run.status == .paused { info.append(("‖ " + L[.facPaused] + " · ", .timerWarn)) }
            var kind = MeetingView.kind(item.kind, L)
            let presenters = item.presenters.map { TextWidth.sanitize(s.displayName($0)) }
            if !presenters.isEmpty { kind += " · " + presenters.joined(separator: ", ") }
            info.append((kind, .muted))
            LayoutRow(info, priority: 0).draw(into: &grid, x: x, y: y, width: w)
            y += 1
            if r.height >= 30, let m = item.moderator {
                line(L[.facModerator] + L.colon + MeetingView.speakerText(s, m), .muted)
            }
            // The countdown, as large as the room left by the queue allows; on large screens, the
            // projector's scaled digits.
            let cd = MeetingView.bigCountdown(s, c, at: now)
            let tall = r.height >= 46  // the panel of a large screen (``Rect/isLarge``)
            let queueMin = 1 + 2 + min(tall ? 8 : 4, max(1, s.queue.count))
            let room = bottom - y - 2 - queueMin
            let template = MeetingView.bigCountdownTemplate(s, c)
            let sizes: [ProjectorDigits.Size] = (tall ? [.scaled(3), .scaled(2)] : []) + [.large, .small]
            if let size = sizes.first(where: {
                // The template, and the text itself when it is wider (« +2:00:00 » an hour over).
                max(ProjectorDigits.width(of: template, size: $0), ProjectorDigits.width(of: cd.text, size: $0)) <= w
                    && $0.height <= room - 1
            }) {
                y += 1
                let dw = ProjectorDigits.width(of: cd.text, size: size)
                ProjectorDigits.draw(cd.text, size: size, into: &grid, x: x + (w - dw) / 2, y: y, role: cd.role)
                y += size.height
            } else {
                line(cd.minutes ? cd.text + " min" : cd.text, cd.role)
            }
            let elapsed = s.elapsed(c, at: now)
            var box =
                (cd.minutes ? L[.facMinutesLeft] + " · " : "") + L[.facElapsed] + " "
                + (cd.minutes ? MeetingView.minutesText(elapsed / 60 * 60) : formatCountdown(elapsed)) + " · "
                + L[.facBox] + " "
                + MeetingView.minutesText(item.duration)
            if run.extendedBy > 0 { box += " · " + L[.facExtended] + " " + MeetingView.minutesText(run.extendedBy) }
            if run.extendedBy < 0 { box += " · " + L[.facShortened] + " " + MeetingView.minutesText(s.timeBox(c)) }
            line(box, .muted)
        } else {
            line(L[.noItem], .title)
            if let d = s.currentDay, let next = s.timings(day: d, at: now).first(where: { $0.status == .planned }) {
                y += 1
                line(L[.facNext] + " ~" + s.local.hhmm(next.projectedStart), .muted)
                wrapped(TextWidth.sanitize(next.item.title), .normal, max: 2)
                if !context.readOnly { line(L[.facStartWith], .muted) }
            } else {
                wrapped(L[context.readOnly ? .facDayOverReadOnly : .facDayOver], .muted, max: 2)
            }
        }
        y += 1
        guard y < bottom else { return }
        drawQueue(&grid, Rect(x: r.x, y: y, width: r.width, height: bottom - y), context)
    }

    private mutating func drawQueue(_ grid: inout Grid, _ r: Rect, _ context: ScreenContext) {
        let s = context.state, L = context.labels
        let x = r.x + 1, w = r.width - 2
        var y = r.y
        let bottom = r.y + r.height
        var title = L[.facQueue]
        if let c = s.currentItem {
            title +=
                " · "
                + (s.speakingLimit(for: c).map { L[.facLimit] + " " + MeetingView.minutesText($0) }
                    ?? L[.facNoLimit])
        }
        grid.fill(x: r.x, y: y, width: r.width, height: 1, with: "─", role: .border)
        grid.put(
            x: r.x + 1, y: y, text: " " + TextWidth.truncate(title, toWidth: max(0, r.width - 4)) + " ",
            role: focus == .queue ? .selection : .title, maxWidth: r.width - 2)
        y += 1
        guard y < bottom else { return }
        if let t = s.currentTurn, let cd = MeetingView.speakerCountdown(s, at: context.now) {
            let p = MeetingView.speaker(s, t.who)
            LayoutRow(MeetingView.speakingSegments(t, name: p.name, L), right: (cd.text, cd.role), priority: 0).draw(
                into: &grid, x: x, y: y, width: w)
            y += 1
            if y < bottom, let org = p.organisation {
                grid.put(x: x + 2, y: y, text: TextWidth.truncate(org, toWidth: w - 2), role: .muted)
                y += 1
            }
        } else {
            grid.put(x: x, y: y, text: TextWidth.truncate(L[.meetingNoSpeaker], toWidth: w), role: .muted)
            y += 1
        }
        guard y < bottom else { return }
        if s.queue.isEmpty {
            let none = L[context.readOnly ? .facQueueNoneReadOnly : .facQueueNone]
            grid.put(x: x, y: y, text: TextWidth.truncate(none, toWidth: w), role: .muted)
            // The turns already taken stay in sight when the queue empties.
            drawTurns(&grid, Rect(x: r.x, y: y + 2, width: r.width, height: bottom - y - 2), context)
            return
        }
        syncQueueSelection(s)
        // The queue takes what it needs; what is left (tall screens) shows the turns taken.
        let rows = min(bottom - y, max(s.queue.count, bottom - y >= 16 ? 0 : bottom - y))
        if queueIndex < queueScroll { queueScroll = queueIndex }
        if queueIndex >= queueScroll + rows { queueScroll = queueIndex - rows + 1 }
        queueScroll = max(0, min(queueScroll, s.queue.count - rows))
        let poo = L[.meetingPooShort]
        let numberW = String(s.queue.count).count
        for row in 0..<rows {
            let i = queueScroll + row
            guard i < s.queue.count else { break }
            let req = s.queue[i]
            let focused = focus == .queue && i == queueIndex
            let role: Role = focused ? .selection : .normal
            if focused { grid.fill(x: r.x, y: y, width: r.width, height: 1, role: .selection) }
            var col = grid.put(x: r.x, y: y, text: focused ? "›" : " ", role: focused ? .selection : .title)
            col = grid.put(
                x: x, y: y, text: TextWidth.pad(String(i + 1), toWidth: numberW, alignment: .right) + " ", role: role)
            if req.pointOfOrder {
                col = grid.put(x: col, y: y, text: poo, role: focused ? .selection : .bannerWarn); col += 1
            }
            // How long the request has waited, flush right.
            let waited = " " + MeetingView.waited(req, at: context.now, L)
            let waitedW = TextWidth.width(of: waited)
            grid.put(
                x: col, y: y,
                text: TextWidth.truncate(MeetingView.speakerText(s, req.who), toWidth: max(0, x + w - col - waitedW)),
                role: role)
            grid.put(x: x + w - waitedW, y: y, text: waited, role: focused ? .selection : .muted)
            y += 1
        }
        if queueScroll > 0 { grid.put(x: r.x + r.width - 1, y: bottom - rows, text: "▲", role: .muted) }
        if queueScroll + rows < s.queue.count { grid.put(x: r.x + r.width - 1, y: y - 1, text: "▼", role: .muted) }
        drawTurns(&grid, Rect(x: r.x, y: y + 1, width: r.width, height: bottom - y - 1), context)
    }

    /// Turns already taken on the current item, latest first, with how long each lasted: on tall
    /// screens, under the queue, to help share the floor.
    private func drawTurns(_ grid: inout Grid, _ r: Rect, _ context: ScreenContext) {
        let s = context.state, L = context.labels
        guard r.height >= 3, let c = s.currentItem else { return }
        let turns = s.turns.filter { $0.item == c }
        guard !turns.isEmpty else { return }
        grid.fill(x: r.x, y: r.y, width: r.width, height: 1, with: "─", role: .border)
        grid.put(
            x: r.x + 1, y: r.y,
            text: " " + TextWidth.truncate(L[.facTurns] + " (\(turns.count))", toWidth: r.width - 4) + " ",
            role: .title, maxWidth: r.width - 2)
        for (i, t) in turns.reversed().prefix(r.height - 1).enumerated() {
            let spoken = Int(s.speakingMs(t, at: context.now) / 1000)
            LayoutRow(
                [("  " + MeetingView.speakerText(s, t.who), .normal)], right: (formatCountdown(spoken), .muted),
                priority: 0
            )
            .draw(into: &grid, x: r.x + 1, y: r.y + 1 + i, width: r.width - 2)
        }
    }

    /// The days of the programme and where each stands, when the panel has room.
    private func drawDays(_ grid: inout Grid, x: Int, y: inout Int, width w: Int, bottom: Int, _ context: ScreenContext)
    {
        let s = context.state, L = context.labels
        guard bottom - y >= s.days.count + 3 else { return }
        y += 1
        grid.put(x: x, y: y, text: TextWidth.truncate(L[.facDays], toWidth: w), role: .muted)
        y += 1
        for (i, day) in s.days.enumerated() {
            let st: ItemStatus = day.endedAt != nil ? .done : day.startedAt != nil ? .running : .planned
            let sym = MeetingView.status(st)
            var text = L[.day] + " \(i + 1) · " + MeetingView.longDate(s.heldDate(day: i), L.language)
            if let t = day.title, !t.isEmpty { text += " · " + TextWidth.sanitize(t) }
            let col = grid.put(x: x, y: y, text: sym.symbol + " ", role: sym.role)
            grid.put(
                x: col, y: y, text: TextWidth.truncate(text, toWidth: x + w - col), role: st == .done ? .muted : .normal
            )
            y += 1
        }
    }

    /// « fin 16:10 → 16:25 »: the day's published end and its expected end, short (empty
    /// without items).
    static func endShort(_ s: SessionState, _ timings: [ItemTiming], _ L: Labels) -> String {
        guard let last = timings.last, let published = s.lastPublished(timings) else { return "" }
        return L[.facEndShort] + " " + MeetingView.hhmm(minutes: published.plannedEnd) + " → "
            + s.local.hhmm(last.projectedEnd)
    }

    /// « 09:00 » and a space before an item's title when the programme published its start;
    /// nothing for an item inserted or moved during the meeting.
    static func plannedPrefix(_ s: SessionState, _ t: ItemTiming) -> String {
        s.hasPublishedStart(t.item.id) ? MeetingView.hhmm(minutes: t.plannedStart) + " " : ""
    }

    /// « Appuyer sur B pour commencer la journée du mardi 17 octobre 2023 », or in a read-only
    /// seat, which cannot start it, « Journée suivante : mardi 17 octobre 2023 ».
    static func nextDayText(_ d: Int, _ context: ScreenContext) -> String {
        let L = context.labels
        return L[context.readOnly ? .facNextDay : .facPressB] + " "
            + MeetingView.longDate(context.state.heldDate(day: d), L.language)
    }

    // MARK: Compact layout

    private mutating func drawCompact(_ grid: inout Grid, _ r: Rect, _ context: ScreenContext) {
        let s = context.state, L = context.labels, now = context.now
        guard r.height > 0 else { return }
        let x = r.x + (r.width >= 50 ? 1 : 0), w = r.width - (r.width >= 50 ? 2 : 0)
        var rows: [LayoutRow] = []
        var digits: (text: String, role: Role)?

        if s.closedAt != nil {
            rows = [LayoutRow(L[.closed], .title, priority: 9), LayoutRow(L[.facClosedNote], .muted, priority: 5)]
        } else if s.currentDay == nil {
            rows.append(LayoutRow(L[.noDay], .title, priority: 9))
            if MeetingView.allDaysEnded(s) {
                rows.append(LayoutRow(L[.meetingAllDaysEnded], .normal, priority: 8))
                for l in TextWidth.wrap(L[context.readOnly ? .facCanClose : .facCloseHint], width: w) {
                    rows.append(LayoutRow(l, .muted, priority: 5))
                }
            } else if let d = MeetingView.shownDay(s) {
                let text = Self.nextDayText(d, context) + "."
                for l in TextWidth.wrap(text, width: w) { rows.append(LayoutRow(l, .statusRunning, priority: 8)) }
                if let first = s.timings(day: d, at: now).first(where: { $0.status == .planned }) {
                    rows.append(
                        LayoutRow(
                            [
                                (
                                    L[.facFirstItem] + " " + Self.plannedPrefix(s, first),
                                    .muted
                                ),
                                (TextWidth.sanitize(first.item.title), .normal),
                            ], priority: 6))
                }
            }
        } else {
            if let c = s.currentItem, let (item, _) = s.item(c) {
                let run = s.run(c)
                let st = MeetingView.status(run.status)
                rows.append(
                    LayoutRow([(st.symbol + " ", st.role), (TextWidth.sanitize(item.title), .title)], priority: 9))
                let cd = MeetingView.itemCountdown(s, c, at: now)
                var info =
                    L[.facElapsed] + " " + formatCountdown(s.elapsed(c, at: now)) + " / "
                    + MeetingView.minutesText(s.timeBox(c))
                if run.status == .paused { info = L[.facPaused] + " · " + info }
                // Small block digits when the rows allow it, else the countdown as text.
                if r.height >= 12 && BigDigits.width(of: cd.text, font: .small) <= w {
                    digits = cd
                    rows.append(LayoutRow(info, run.status == .paused ? .timerWarn : .muted, priority: 8))
                } else {
                    rows.append(
                        LayoutRow(
                            [(cd.text, cd.role), ("  " + info, run.status == .paused ? .timerWarn : .muted)],
                            priority: 9))
                }
            } else {
                rows.append(LayoutRow(L[.noItem], .title, priority: 9))
                if let d = s.currentDay, let next = s.timings(day: d, at: now).first(where: { $0.status == .planned }) {
                    rows.append(
                        LayoutRow(
                            [
                                (L[.facNext] + " ~" + s.local.hhmm(next.projectedStart) + " ", .muted),
                                (TextWidth.sanitize(next.item.title), .normal),
                            ], priority: 8))
                } else {
                    rows.append(LayoutRow(L[context.readOnly ? .facDayOverReadOnly : .facDayOver], .muted, priority: 8))
                }
            }
            rows.append(.blank(priority: 2))
            if let t = s.currentTurn, let cd = MeetingView.speakerCountdown(s, at: now) {
                rows.append(
                    LayoutRow(
                        MeetingView.speakingSegments(t, name: MeetingView.speakerText(s, t.who), L),
                        right: (cd.text, cd.role), priority: 8))
            } else if s.currentItem != nil {
                rows.append(LayoutRow(L[.meetingNoSpeaker], .muted, priority: 4))
            }
            syncQueueSelection(s)
            // The next two requests; more when the rows are there.
            let shown = 2 + max(0, min(4, r.height - 13))
            let first = focus == .queue ? max(0, min(queueIndex - shown + 1, s.queue.count - shown)) : 0
            let last = min(s.queue.count, first + shown)
            for (n, i) in (first..<last).enumerated() {
                let req = s.queue[i]
                let focused = focus == .queue && i == queueIndex
                var segs: [(text: String, role: Role)] = [
                    ((focused ? "›" : " ") + "\(i + 1) ", focused ? .selection : .normal)
                ]
                if req.pointOfOrder { segs.append((L[.meetingPooShort] + " ", focused ? .selection : .bannerWarn)) }
                segs.append((MeetingView.speakerText(s, req.who), focused ? .selection : .normal))
                // How long it has waited when the row has room for it, and « +2 » for the requests not shown.
                var right = w >= 50 ? MeetingView.waited(req, at: now, L) : ""
                if i == last - 1 && s.queue.count > last {
                    right += (right.isEmpty ? "" : " · ") + "+\(s.queue.count - last)"
                }
                rows.append(
                    LayoutRow(segs, right: right.isEmpty ? nil : (right, Role.muted), priority: 7 - min(n, 2)))
            }
            if let d = s.currentDay {
                rows.append(.blank(priority: 1))
                let drift = MeetingView.drift(s.drift(day: d, at: now), L)
                let timings = s.timings(day: d, at: now)
                let end = timings.isEmpty ? "" : " · " + Self.endShort(s, timings, L)
                rows.append(LayoutRow([(drift.text, drift.role), (end, .muted)], priority: 6))
            }
            if r.height >= 15, let d = s.currentDay {
                let next = s.timings(day: d, at: now).filter { $0.status == .planned }.prefix(2)
                if !next.isEmpty { rows.append(.blank(priority: 0)) }
                for t in next {
                    rows.append(
                        LayoutRow(
                            [
                                ("~" + s.local.hhmm(t.projectedStart) + " ", .muted),
                                (TextWidth.truncate(TextWidth.sanitize(t.item.title), toWidth: w - 7), .normal),
                            ], priority: 0))
                }
            }
            if focus == .agenda, chosenItem != nil, let it = selectedItem(s) {
                let st = MeetingView.status(s.run(it.id).status)
                rows.append(
                    LayoutRow(
                        [
                            ("› " + L[.facSelected] + " : ", .title), (st.symbol + " ", st.role),
                            (TextWidth.sanitize(it.title), .selection),
                        ], priority: 3))
            }
        }

        let digitRows = digits == nil ? 0 : BigDigits.Font.small.height
        let kept = LayoutRow.fit(rows, height: r.height - digitRows)
        var y = r.y
        for (i, row) in kept.enumerated() {
            row.draw(into: &grid, x: x, y: y, width: w)
            y += 1
            if i == 0, let cd = digits {
                BigDigits.draw(cd.text, font: .small, into: &grid, x: x, y: y, role: cd.role)
                y += BigDigits.Font.small.height
            }
        }
    }
}
