import PalabreCore

/// The Facilitator screen (F1, « Modération »): the day's agenda with planned, actual and
/// projected starts, the current item with a large countdown, the day's drift, and the speakers
/// queue; keys run the agenda and give the floor.
///
/// Keys act on a selection: the agenda cursor (↑/↓ while the agenda has the focus) or the
/// selected request (↑/↓ while the queue has the focus; ←/→ switch). Until the facilitator moves
/// the agenda cursor it follows the current item, or the next planned one. Small prompts (insert
/// an item, move one, add a speaker, set the speaking limit) open on the bottom rows; a prompt
/// stays open with its text when its command is refused and closes once it is recorded — except
/// the requester prompt (`a`, `o`), which stays open, cleared, for the next requester until Esc
/// or Enter on an empty line: each requester is its own event.
public struct FacilitatorScreen: ConsoleScreen {
    public static let id = ScreenID.facilitator

    /// Which list the arrow keys move in.
    public enum Focus: Sendable, Equatable { case agenda, queue }

    /// A prompt on the bottom rows.
    enum Prompt: Sendable, Equatable {
        /// Title of an unplanned item, then its minutes.
        case insertTitle
        case insertMinutes(title: String)
        /// Day (number or date) to move an item to.
        case move(item: String)
        /// A few letters of a participant, organisation or commune asking for the floor.
        case requester(pointOfOrder: Bool)
        /// Minutes per speaker for the current item.
        case speakingLimit
        /// Minutes left on the current item.
        case remaining
        /// A speaker the search did not find (`function`, as typed): their organisation and sex,
        /// both optional, before they are added as a walk-in and put in the queue.
        case walkInSpeaker(function: String, pointOfOrder: Bool)
    }

    /// What the command asked last was for, to react to its result.
    enum Pending: Sendable, Equatable {
        case prompt, agenda, reorder(to: Int), queue
    }

    /// The list the arrow keys move in.
    public internal(set) var focus: Focus = .agenda
    /// Item chosen with ↑/↓; nil follows the current item (or the next planned one).
    var chosenItem: String?
    /// First agenda row shown (kept by `render` so the selection stays visible).
    var agendaScroll = 0
    /// Index of the selected request in the queue.
    var queueIndex = 0
    /// Who the selected request is: the selection follows the person when the queue changes
    /// (a point of order inserted ahead, a request removed by another seat).
    var queueWho: String?
    /// First queue row shown.
    var queueScroll = 0
    /// The prompt open, if any.
    var prompt: Prompt?
    /// The prompt's text.
    var editor = LineEditor()
    /// Candidate chosen with ↑/↓ in the speaker search; nil until one is.
    var candidateIndex: Int?
    /// Requests recorded since the requester prompt opened (said on its rule).
    var requestsAdded = 0
    var pending: Pending?
    /// When « end the day » was first pressed; a second press within 5 s ends it.
    var endDayAskedAt: Instant?
    /// When « start the day » was first pressed on a date other than the programme's; a second
    /// press within 5 s starts it.
    var startDayAskedAt: Instant?
    /// When starting the day was refused because another day was held on the same date; a
    /// second press within 5 s starts it anyway (forced).
    var startDayRefusedAt: Instant?
    /// When « end the item » was first pressed with requests waiting; a second press ends it.
    var endItemAskedAt: Instant?
    /// When the day was ended with items left: F again within 5 s carries them to the next day.
    var carryAskedAt: Instant?
    /// Whether the command asked for ends the day (to offer the carry-over once it is recorded).
    var endingDay = false
    /// What to say once the command asked for is recorded (the carry-over question).
    var notice: String?
    /// Whether the bell rings at one minute left and when the time is up (`g`; off at start).
    public internal(set) var bellOn = false

    public init() {}

    /// Moves the instants of the pending confirmations by `seconds`: the system clock was
    /// stepped and the session's instants moved with it (a confirmation keeps its 5 s).
    mutating func shiftInstants(by seconds: Int) {
        endDayAskedAt = endDayAskedAt?.adding(seconds: seconds)
        startDayAskedAt = startDayAskedAt?.adding(seconds: seconds)
        startDayRefusedAt = startDayRefusedAt?.adding(seconds: seconds)
        endItemAskedAt = endItemAskedAt?.adding(seconds: seconds)
        carryAskedAt = carryAskedAt?.adding(seconds: seconds)
    }

    public var isTyping: Bool { prompt != nil }

    /// Whether a prompt holds text that quitting would lose.
    public var hasDraft: Bool { prompt != nil && !editor.isEmpty }

    /// Takes a paste into the open prompt; false when no prompt is open.
    public mutating func paste(_ text: String) -> Bool {
        guard prompt != nil else { return false }
        _ = editor.insert(text)
        return true
    }

    /// The text of the open prompt (empty without one).
    public var promptText: String { editor.text }

    // MARK: Selection

    /// The item the agenda cursor is on, in the day shown.
    func selectedItem(_ s: SessionState) -> AgendaItem? {
        guard let d = MeetingView.shownDay(s) else { return nil }
        let items = s.days[d].items
        if let c = chosenItem, let it = items.first(where: { $0.id == c }) { return it }
        if let c = s.currentItem, let it = items.first(where: { $0.id == c }) { return it }
        return items.first { s.run($0.id).status == .planned } ?? items.last
    }

    /// The request selected in the queue (clamped).
    func selectedRequest(_ s: SessionState) -> FloorRequest? {
        if let w = queueWho, let r = s.queue.first(where: { $0.who == w }) { return r }
        return s.queue.isEmpty ? nil : s.queue[max(0, min(queueIndex, s.queue.count - 1))]
    }

    /// Puts `queueIndex` back on the selected person, or clamps it when they left the queue.
    mutating func syncQueueSelection(_ s: SessionState) {
        if let w = queueWho, let i = s.queue.firstIndex(where: { $0.who == w }) { queueIndex = i }
        queueIndex = max(0, min(queueIndex, max(0, s.queue.count - 1)))
        queueWho = s.queue.isEmpty ? nil : s.queue[queueIndex].who
    }

    // MARK: Actions

    /// Forgets a confirmation asked for (end of day, end of item, start of a day): any other key
    /// than the one that asked keeps things as they are.
    mutating func disarm(except action: FacilitatorAction? = nil) {
        if action != .endDay { endDayAskedAt = nil; carryAskedAt = nil }
        if action != .end { endItemAskedAt = nil }
        if action != .startDay { startDayAskedAt = nil }
    }

    public mutating func perform(_ action: FacilitatorAction, context: ScreenContext) -> KeyOutcome {
        let s = context.state
        let L = context.labels
        disarm(except: action)
        switch action {
        case .start:
            pending = .agenda
            if let it = selectedItem(s), [.planned, .skipped].contains(s.run(it.id).status) {
                return .perform(.startItem(id: it.id))
            }
            return .perform(.startItem(id: nil))
        case .pause:
            pending = nil
            if let c = s.currentItem, s.run(c).status == .paused { return .perform(.resumeItem) }
            return .perform(.pauseItem)
        case .extend1:
            pending = nil
            return .perform(.extendItem(seconds: 60))
        case .extend5:
            pending = nil
            return .perform(.extendItem(seconds: 300))
        case .shorten:
            pending = nil
            return .perform(.extendItem(seconds: -60))
        case .remaining:
            guard s.currentItem != nil else { return .message(L[.facNeedItem], isError: true) }
            open(.remaining)
            return .none
        case .earlier, .later:
            return reorder(action == .earlier ? -1 : 1, context)
        case .end:
            // Requests still waiting close with the item: say so, and end on a second press.
            if !s.queue.isEmpty, endItemAskedAt.map({ context.now.ms - $0.ms >= 5_000 }) ?? true {
                endItemAskedAt = context.now
                return .message(
                    L[s.queue.count == 1 ? .facEndItemQueueOne : .facEndItemQueue].replacingOccurrences(
                        of: "%d", with: String(s.queue.count)), isError: true)
            }
            endItemAskedAt = nil
            pending = .agenda
            return .perform(.endItem)
        case .skip:
            // Only the item the cursor is on, and only if it is ahead: a key never skips
            // something the facilitator did not point at.
            guard let it = selectedItem(s), s.run(it.id).status == .planned else {
                return .message(L[.facSkipChoose], isError: true)
            }
            pending = .agenda
            return .perform(.skipItem(id: it.id))
        case .insert:
            open(.insertTitle)
            return .none
        case .move:
            guard let it = selectedItem(s), let d = MeetingView.shownDay(s) else { return .none }
            // The refusals that do not depend on the target day are shown before anything is typed.
            do { _ = try s.decide(.moveItem(id: it.id, day: s.days[d].date, after: nil), at: context.now) } catch {
                if ["item-fixed", "item-not-planned", "session-closed"].contains(error.code) {
                    return .message(L[.refused] + " : " + error.message(L.language), isError: true)
                }
            }
            open(.move(item: it.id))
            return .none
        case .startDay:
            if let refused = startDayRefusedAt, context.now.ms - refused.ms < 5_000 {
                startDayRefusedAt = nil
                pending = .agenda
                return .perform(.startDay(date: nil, force: true))
            }
            let today = s.local.date(of: context.now)
            if let d = s.days.firstIndex(where: { $0.startedAt == nil }), s.days[d].date != today,
                s.currentDay == nil
            {
                guard let asked = startDayAskedAt, context.now.ms - asked.ms < 5_000 else {
                    startDayAskedAt = context.now
                    return .message(
                        L[.facStartDayOtherDate].replacingOccurrences(of: "%d", with: String(d + 1))
                            .replacingOccurrences(
                                of: "%planned", with: MeetingView.longDate(s.days[d].date, L.language)
                            )
                            .replacingOccurrences(of: "%today", with: MeetingView.longDate(today, L.language)),
                        isError: true)
                }
            }
            startDayAskedAt = nil
            pending = .agenda
            return .perform(.startDay(date: nil))
        case .endDay:
            // Once the day ended with items left, F again carries them to the next day.
            if let asked = carryAskedAt, context.now.ms - asked.ms < 5_000 {
                carryAskedAt = nil
                pending = .agenda
                return .perform(.carryOver)
            }
            // Ending the day cannot be undone from the consoles: the key is pressed twice.
            if let asked = endDayAskedAt, context.now.ms - asked.ms < 5_000 {
                endDayAskedAt = nil
                pending = .agenda
                endingDay = true
                return .perform(.endDay)
            }
            // What stops the end of the day (an item running, no day) is said first, before
            // anything is counted.
            do { _ = try s.decide(.endDay, at: context.now) } catch {
                return .message(L[.refused] + L.colon + error.message(L.language), isError: true)
            }
            endDayAskedAt = context.now
            let left = s.currentDay.map { s.untreatedItems(day: $0).count } ?? 0
            return .message(
                L[.facEndDayConfirm] + (left > 0 ? " (\(left) " + L[.facEndDayLeft] + ")" : ""), isError: true)
        case .request, .pointOfOrder:
            guard s.currentItem != nil else { return .message(L[.facNeedItem], isError: true) }
            open(.requester(pointOfOrder: action == .pointOfOrder))
            return .none
        case .give:
            pending = .queue
            if focus == .queue, let r = selectedRequest(s) { return .perform(.giveFloor(who: r.who)) }
            return .perform(.giveFloor(who: nil))
        case .yield:
            pending = nil
            return .perform(.yieldFloor)
        case .remove, .moveUp, .moveDown:
            guard let r = selectedRequest(s) else { return .message(L[.facQueueEmpty], isError: true) }
            guard focus == .queue else {
                focus = .queue
                return .message(L[.facQueueFocus], isError: false)
            }
            let i = s.queue.firstIndex(of: r) ?? 0
            if action == .remove {
                pending = .queue
                return .perform(.removeSpeaker(who: r.who))
            }
            let to = max(0, min(s.queue.count - 1, i + (action == .moveUp ? -1 : 1)))
            pending = .reorder(to: to)
            return .perform(.reorderSpeaker(who: r.who, position: to))
        case .limit:
            guard let c = s.currentItem else { return .message(L[.facNeedItem], isError: true) }
            open(.speakingLimit)
            if let l = s.speakingLimit(for: c) {
                editor.setText(
                    l % 60 == 0
                        ? "\(l / 60)"
                        : String(Double(l) / 60).replacingOccurrences(of: ".", with: L.language == .fr ? "," : "."))
            }
            return .none
        case .focusAgenda:
            focus = .agenda
            return .none
        case .focusQueue:
            focus = .queue
            return .none
        case .bell:
            bellOn.toggle()
            return .message(L[bellOn ? .facBellOn : .facBellOff], isError: false)
        }
    }

    private mutating func open(_ p: Prompt) {
        prompt = p
        editor.clear()
        candidateIndex = nil
        pending = nil
        requestsAdded = 0
    }

    private mutating func closePrompt() {
        prompt = nil
        editor.clear()
        candidateIndex = nil
        requestsAdded = 0
    }

    private mutating func moveCursor(_ delta: Int, _ s: SessionState) {
        switch focus {
        case .agenda:
            guard let d = MeetingView.shownDay(s), !s.days[d].items.isEmpty else { return }
            let items = s.days[d].items
            let i = selectedItem(s).flatMap { sel in items.firstIndex { $0.id == sel.id } } ?? 0
            chosenItem = items[max(0, min(items.count - 1, i + delta))].id
        case .queue:
            guard !s.queue.isEmpty else { queueIndex = 0; queueWho = nil; return }
            syncQueueSelection(s)
            queueIndex = max(0, min(s.queue.count - 1, queueIndex + delta))
            queueWho = s.queue[queueIndex].who
        }
    }

    // MARK: Keys no binding claimed

    public mutating func handle(key: Key, context: ScreenContext) -> KeyOutcome {
        guard let p = prompt else {
            switch key {
            case .up, .down: moveCursor(key == .up ? -1 : 1, context.state)
            case .pageUp, .pageDown: moveCursor(key == .pageUp ? -10 : 10, context.state)
            case .escape: chosenItem = nil  // back to following the current item
            default: break
            }
            return .none
        }
        switch key {
        case .escape:
            closePrompt()
            pending = nil
            return .none
        case .up, .down:
            if case .requester = p {
                let n = min(candidateRows, MeetingView.candidates(context.state, editor.text).count)
                guard n > 0 else { return .none }
                if key == .down {
                    candidateIndex = min(n - 1, (candidateIndex ?? -1) + 1)
                } else {
                    candidateIndex = (candidateIndex ?? 0) > 0 ? candidateIndex! - 1 : nil
                }
            }
            return .none
        case .enter:
            return submit(p, context)
        default:
            if editor.handle(key) == .edited { candidateIndex = nil }
            return .none
        }
    }

    /// Candidates the speaker search shows and ↑/↓ walk through.
    let candidateRows = 5

    private mutating func submit(_ p: Prompt, _ context: ScreenContext) -> KeyOutcome {
        let s = context.state
        let L = context.labels
        let text = editor.text.trimmingCharacters(in: .whitespaces)
        switch p {
        case .insertTitle:
            guard !text.isEmpty else { return .message(L[.facInsertNoTitle], isError: true) }
            prompt = .insertMinutes(title: text)
            editor.clear()
            return .none
        case .insertMinutes(let title):
            let seconds: Int
            do throws(Refusal) { seconds = try Values.duration(text) } catch {
                return .message(error.message(L.language), isError: true)
            }
            pending = .prompt
            return .perform(.insertItem(title: title, seconds: seconds, kind: .other, after: nil))
        case .move(let id):
            guard let date = Self.day(text, s) else {
                let days = s.days.enumerated().map { "\($0.offset + 1) = \($0.element.date)" }.joined(separator: ", ")
                return .message(L[.facBadDay] + " (" + days + ")", isError: true)
            }
            pending = .prompt
            return .perform(.moveItem(id: id, day: date, after: Self.moveAnchor(s, id: id, day: date)))
        case .requester(let poo):
            // Enter on an empty line closes the prompt, as Esc does: the requesters are in.
            guard !text.isEmpty else {
                closePrompt()
                return .none
            }
            let who: String
            let found = MeetingView.candidates(s, text)
            if let i = candidateIndex, i < found.count {
                who = found[i]
            } else if found.isEmpty, !text.isEmpty {
                // Nobody by that name: the text becomes a walk-in's function, in this same prompt.
                prompt = .walkInSpeaker(function: text, pointOfOrder: poo)
                editor.clear()
                return .none
            } else {
                do { who = try s.resolve(who: text) } catch {
                    return .message(error.message(L.language), isError: true)
                }
            }
            pending = .prompt
            return .perform(.requestFloor(who: who, pointOfOrder: poo))
        case .walkInSpeaker(let function, let poo):
            let walkIn: Participant
            do throws(Refusal) { walkIn = try Self.walkIn(function, details: text, s) } catch {
                return .message(error.message(L.language), isError: true)
            }
            pending = .prompt
            return .perform(.requestFloorAsWalkIn(walkIn, pointOfOrder: poo))
        case .remaining:
            let seconds: Int
            do throws(Refusal) { seconds = try Values.duration(text) } catch {
                return .message(error.message(L.language), isError: true)
            }
            pending = .prompt
            return .perform(.setRemaining(seconds: seconds))
        case .speakingLimit:
            if text.isEmpty || text == "0" {
                pending = .prompt
                return .perform(.setSpeakingLimit(seconds: nil))
            }
            let seconds: Int?
            do throws(Refusal) { seconds = try Values.speakingLimit(text) } catch {
                return .message(error.message(L.language), isError: true)
            }
            pending = .prompt
            return .perform(.setSpeakingLimit(seconds: seconds))
        }
    }

    /// A walk-in speaker from the details typed after their function: an optional last word for
    /// the sex (F, H/M), the rest an organisation or commune found by ``SessionState/resolve(who:)``
    /// (« anict F », « Koula », « M », or nothing). Throws the refusal of an unknown
    /// organisation or of several matches.
    static func walkIn(_ function: String, details: String, _ s: SessionState) throws(Refusal) -> Participant {
        var words = details.split(separator: " ").map(String.init)
        var sex = Sex.unspecified
        if let last = words.last, last.count <= 2, let found = try? Values.sex(last) {
            sex = found
            words.removeLast()
        }
        var organisation: String?
        if !words.isEmpty {
            let text = words.joined(separator: " ")
            let id = try s.resolve(who: text)
            guard s.programme.organisation(id) != nil || s.programme.commune(id) != nil else {
                throw Refusal(.notAnOrganisation(typed: text))
            }
            organisation = id
        }
        return Participant(
            id: "", function: function, organisation: organisation,
            commune: organisation.flatMap { s.programme.commune($0)?.id }, sex: sex)
    }

    /// The date meant by `text`: a day number (1, 2, 3…) or a date of the programme.
    static func day(_ text: String, _ s: SessionState) -> String? {
        if let n = Int(text), n >= 1, n <= s.days.count { return s.days[n - 1].date }
        let date = (try? Values.date(text)) ?? text
        return s.days.first { $0.date == date }?.date
    }

    /// Where a moved item goes in its new day: right after the last item of that day that is no
    /// longer ahead (done, skipped, running or paused), so it becomes the next item to come; first
    /// of the day when nothing there has happened yet.
    static func moveAnchor(_ s: SessionState, id: String, day date: String) -> String? {
        guard let d = s.days.firstIndex(where: { $0.date == date }) else { return nil }
        return s.days[d].items.last { $0.id != id && s.run($0.id).status != .planned }?.id
    }

    /// Moves the selected item `delta` places (−1 earlier, +1 later) within its day, among the
    /// items still ahead.
    private mutating func reorder(_ delta: Int, _ context: ScreenContext) -> KeyOutcome {
        let s = context.state
        let L = context.labels
        guard let it = selectedItem(s), let d = MeetingView.shownDay(s) else { return .none }
        let items = s.days[d].items
        guard let i = items.firstIndex(where: { $0.id == it.id }) else { return .none }
        let after: String?
        if delta < 0 {
            guard i > 0, s.run(items[i - 1].id).status == .planned else {
                return .message(L[.facOrderFirst], isError: true)
            }
            after = i >= 2 ? items[i - 2].id : nil
        } else {
            guard i + 1 < items.count else { return .message(L[.facOrderLast], isError: true) }
            after = items[i + 1].id
        }
        pending = nil
        chosenItem = it.id
        return .perform(.moveItem(id: it.id, day: s.days[d].date, after: after))
    }

    // MARK: Results

    /// The carry-over question after the day ended with items left, said once.
    public mutating func takeNotice() -> String? {
        defer { notice = nil }
        return notice
    }

    public mutating func didRecord(_ events: [Event], context: ScreenContext) {
        if endingDay, events.contains(where: { if case .dayEnded = $0.payload { true } else { false } }),
            let plan = context.state.carryOverPlan(), !plan.items.isEmpty
        {
            carryAskedAt = context.now
            notice = context.labels[plan.items.count == 1 ? .facCarryAskOne : .facCarryAsk].replacingOccurrences(
                of: "%day", with: String(plan.to + 1)
            )
            .replacingOccurrences(of: "%d", with: String(plan.items.count))
        }
        endingDay = false
        switch pending {
        case .prompt?:
            // An inserted or moved item changes the agenda: the cursor follows the current item again.
            switch prompt {
            case .insertMinutes?, .move?: chosenItem = nil
            default: break
            }
            switch prompt {
            case .requester(let poo)?, .walkInSpeaker(_, let poo)?:
                // The next requester is typed in the same prompt, cleared.
                let added = requestsAdded + 1
                open(.requester(pointOfOrder: poo))
                requestsAdded = added
            default:
                closePrompt()
            }
        case .agenda?:
            chosenItem = nil
        case .reorder(let to)?:
            queueIndex = to
            queueWho = nil
        case .queue?, nil:
            break
        }
        pending = nil
        syncQueueSelection(context.state)
    }

    public mutating func wasRefused(_ refusal: Refusal, context: ScreenContext) {
        pending = nil
        endingDay = false
        startDayRefusedAt = refusal.code == "same-date" ? context.now : nil
    }
}
