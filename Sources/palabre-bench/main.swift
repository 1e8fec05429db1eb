import Foundation
import PalabreCore
import PalabreUI

// Benchmarks of palabre, run in release mode: `swift run -c release palabre-bench [name…]`.
// Each prints its figures; BENCHMARKS.md records them with the command that produced them.
#if canImport(Glibc)
    import Glibc
#endif

let root = FileManager.default.currentDirectoryPath
let args = Array(CommandLine.arguments.dropFirst())

/// Prints a line at once (the figures must survive an interrupted run).
func say(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }

func fail(_ m: String) -> Never { FileHandle.standardError.write(Data("palabre-bench: \(m)\n".utf8)); exit(1) }

func loadSegou() -> Programme {
    guard let r = try? ProgrammeLoader.load(path: root + "/sessions/segou-2023"), let p = r.programme, !r.hasErrors
    else {
        fail("run from the package root: sessions/segou-2023/programme.yaml is needed")
    }
    return p
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let t0 = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
}

/// Peak resident memory of this process image in MB (VmHWM: unlike ru_maxrss, not inherited
/// from the parent across fork and exec).
func maxRSSMB() -> Double { statusMiB("VmHWM") }

/// A memory field of `/proc/PID/status` (`VmHWM`, `VmRSS`) of process `pid` (this one by
/// default) in MiB; -1 when it cannot be read.
func statusMiB(_ field: String, pid: String = "self") -> Double {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
        let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field + ":") }),
        let kb = Double(line.split(separator: " ").dropFirst().first ?? "")
    else { return -1 }
    return kb / 1024
}

func tempDir() -> String {
    let d = FileManager.default.temporaryDirectory.appendingPathComponent("palabre-bench-\(UUID().uuidString)").path
    try! FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true)
    return d
}

/// A new journal file written line for line as ``Journal/append(_:expectedSeq:at:seat:script:)``
/// writes one: each event stamped no earlier than the last one allows (`earliestStamp`), encoded
/// by ``EventCodec/encode(_:offsetSeconds:)`` with the offset of its instant in UTC (the zone of a
/// `Journal` opened without one), then a newline. The lines are kept and written 4 MiB at a time
/// into `path.partial`, fsynced once and renamed to `path` by ``finish()``, so an interrupted run
/// leaves no short journal behind. Throws Foundation's file errors.
final class JournalFileWriter {
    private let path: String
    private let handle: FileHandle
    private let zone = LocalTime(identifier: "UTC")
    private var buffer: [UInt8] = []
    /// Seq of the last event appended (0 when none).
    private(set) var lastSeq = 0
    private var lastAt: Instant?

    /// Creates `path.partial` (owner-only), empty.
    init(path: String) throws {
        self.path = path
        guard
            FileManager.default.createFile(
                atPath: path + ".partial", contents: nil, attributes: [.posixPermissions: 0o600])
        else { throw CocoaError(.fileWriteUnknown) }
        handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path + ".partial"))
        buffer.reserveCapacity(5 << 20)
    }

    /// Appends `payloads` as the next events, stamped `at` (or later, as the journal does) by `seat`.
    func append(_ payloads: [EventPayload], at: Instant, seat: String) throws -> [Event] {
        let stamp = max(at, lastAt.map { payloads.first?.earliestStamp(after: $0) ?? $0 } ?? at)
        var events: [Event] = []
        for (i, p) in payloads.enumerated() {
            let e = Event(seq: lastSeq + 1 + i, at: stamp, seat: seat, payload: p)
            buffer += try EventCodec.encode(e, offsetSeconds: zone.offset(at: e.at))
            buffer.append(10)
            events.append(e)
        }
        lastSeq = events.last?.seq ?? lastSeq
        lastAt = events.last?.at ?? lastAt
        if buffer.count >= 4 << 20 { try flush() }
        return events
    }

    private func flush() throws {
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is left, fsyncs, closes and renames the file to `path`.
    func finish() throws {
        try flush()
        try handle.synchronize()
        try handle.close()
        try FileManager.default.moveItem(atPath: path + ".partial", toPath: path)
    }
}

/// Generates a journal of about `count` events for the Ségou programme: three days, every item
/// with speakers and minute entries (`max(10, count / items)` events an item, then notes until
/// `count`), each command decided and folded in memory, seven seconds after the previous one.
func generate(count: Int, into path: String, programme: Programme) throws {
    let journal = try JournalFileWriter(path: path)
    var state = SessionState(programme: programme)
    let lt = LocalTime(identifier: programme.timeZone)
    var clock = lt.instant(date: programme.days[0].date, minutes: 8 * 60)!
    var written = 0
    func run(_ c: Command) throws {
        clock = clock.adding(seconds: 7)
        if let p = try? state.decide(c, at: clock) {
            let events = try journal.append(p, at: clock, seat: "facilitator")
            for e in events { state.evolve(e) }
            written += events.count
        }
    }
    let speakers = programme.participants.map(\.id)
    let items = programme.days.reduce(0) { $0 + $1.items.count }
    let perItem = max(10, count / max(1, items))
    var n = 0
    for (d, day) in programme.days.enumerated() {
        try run(.startDay(date: day.date, force: true))
        for p in programme.participants.prefix(40 + d) { try run(.checkIn(who: p.id, day: nil)) }
        for _ in day.items {
            try run(.startItem(id: nil))
            var k = 0
            while k < perItem && written < count {
                let who = speakers[n % speakers.count]; n += 1
                try run(.requestFloor(who: who, pointOfOrder: n % 17 == 0))
                try run(.giveFloor(who: nil))
                try run(
                    .record(
                        EntryContent(
                            kind: [.note, .question, .answer, .decision][n % 4],
                            text: "Intervention n° \(n) : « échanges sur la fiche », coût " + "\(n * 1000) FCFA")))
                if n % 50 == 0 { try run(.pauseItem); try run(.resumeItem) }
                try run(.yieldFloor)
                k += 5
            }
            try run(.endItem)
        }
        try run(.endDay)
    }
    while written < count {
        try run(.record(EntryContent(kind: .note, text: "Note complémentaire n° \(written)")))
    }
    try journal.finish()
}

func journalFixture(_ count: Int) -> String {
    let path = "\(root)/.build/bench-journal-\(count).jsonl"
    if !FileManager.default.fileExists(atPath: path) {
        let t = try! seconds { try generate(count: count, into: path, programme: loadSegou()) }
        say(String(format: "generated %d events in %.1f s → %@", count, t, path))
    }
    return path
}

/// Load and fold of each journal (`--size=N`, 100,000 events by default), each in a child
/// process of its own, `--runs=N` times (3 by default), against `jq -c .` on the same file in the
/// same run: medians, and the folded state's bytes per event (the peak resident memory once the
/// first fold is done minus before it, divided by the events).
func benchLoad() throws {
    guard args.contains("--child") else {
        for events in journalSizes(default: [100_000]) { try inChild("load", events: events) }
        return
    }
    let programme = loadSegou()
    let events = journalSizes(default: [100_000])[0]
    let path = journalFixture(events)
    let before = maxRSSMB()
    var afterFirst: Double?
    var folded = 0
    var times: [Double] = []
    for _ in 0..<runs(default: 3) {
        times.append(
            try seconds {
                let j = try Journal(path: path, writable: false)
                var s = SessionState(programme: programme)
                try j.forEachEvent { s.evolve($0) }
                folded = s.lastSeq
            })
        if afterFirst == nil { afterFirst = maxRSSMB() }
    }
    let jq = try (0..<runs(default: 3)).map { _ in try jqSeconds(path) }
    let t = median(of: times), q = median(of: jq)
    say(
        String(
            format: "load+fold %d events (%.1f MB, %.0f bytes an event on disk): median of %d %.3f s (best %.3f); "
                + "jq -c . on the same file median %.3f s (best %.3f); ratio %.2f; folded state %.0f bytes an "
                + "event (peak RSS %.1f MiB before, %.1f MiB after the first fold)",
            folded, Double(fileSize(path)) / 1e6, Double(fileSize(path)) / Double(max(1, folded)), times.count, t,
            times.min()!, q, jq.min()!, t / q, (afterFirst! - before) * 1_048_576 / Double(max(1, folded)), before,
            afterFirst!))
    say(
        "sizes in the folded state, bytes: an event \(MemoryLayout<Event>.stride) (kept for undo), an entry "
            + "\(MemoryLayout<Entry>.stride), its content \(MemoryLayout<EntryContent>.stride) (held again in the box of "
            + "its entryRecorded event), a speaking turn \(MemoryLayout<SpeakingTurn>.stride)")
}

func benchAppend() throws {
    let dir = tempDir()
    let n = 2000
    let programme = loadSegou()
    let store = try SessionStore(folder: dir, programme: programme)
    try store.perform(.startDay(date: nil), seat: "f", at: SystemClock().now())
    let tj = try seconds {
        for i in 0..<n {
            try store.perform(
                .record(EntryContent(kind: .note, text: "Note \(i) " + ": été")), seat: "rapporteur",
                at: SystemClock().now())
        }
    }
    // Plain loop: write one line of the same size and fsync, on the same file system.
    let line = Array(String(repeating: "x", count: 150).utf8) + [10]
    let plainPath = dir + "/plain.jsonl"
    let fd = open(plainPath, O_WRONLY | O_CREAT | O_APPEND, 0o600)
    let tp = seconds {
        for _ in 0..<n { _ = line.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }; fsync(fd) }
    }
    close(fd)
    let a = Double(n) / tj, b = Double(n) / tp
    say(
        String(
            format: "durable appends: %.0f events/s through SessionStore.perform (lock, decide, write, fsync); "
                + "plain write+fsync loop %.0f/s; ratio %.2f",
            a, b, a / b))
    try? FileManager.default.removeItem(atPath: dir)
}

/// Folds each journal (`--size=N`, 100,000 events by default) and renders and writes every
/// document, in a child process so that the peak memory is that of loading and rendering alone.
func benchDocuments() throws {
    guard args.contains("--child") else {
        for events in journalSizes(default: [100_000]) { try inChild("documents", events: events) }
        return
    }
    let programme = loadSegou()
    let path = journalFixture(journalSizes(default: [100_000])[0])
    let atStart = maxRSSMB()
    let j = try Journal(path: path, writable: false)
    var state = SessionState(programme: programme)
    try j.forEachEvent { state.evolve($0) }
    let afterLoad = maxRSSMB()
    let dir = tempDir()
    let t = try seconds {
        try Documents.write(state, to: dir + "/out", options: DocumentOptions(language: .fr, now: state.lastAt!))
    }
    let sizes = (try FileManager.default.contentsOfDirectory(atPath: dir + "/out")).map { fileSize(dir + "/out/" + $0) }
    say(
        String(
            format: "documents from %d events: %.3f s to render and write %d files (%.1f MB); peak RSS %.1f "
                + "MiB (%.1f MiB before reading the journal, %.1f MiB after folding it: %.0f bytes an event)",
            state.lastSeq, t, sizes.count, Double(sizes.reduce(0, +)) / 1e6, maxRSSMB(), atStart, afterLoad,
            (afterLoad - atStart) * 1_048_576 / Double(max(1, state.lastSeq))))
    try documentsAfterOneEvent(state, dir: dir)
    try? FileManager.default.removeItem(atPath: dir)
}

/// CPU time of this process in seconds (user and system).
func cpuSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

/// The documents written again after one more entry, as a seat's document writer does: with the
/// cache of its last rendering, and without (as `palabre do` does); CPU time, medians of 5.
func documentsAfterOneEvent(_ folded: SessionState, dir: String) throws {
    var state = folded
    let cache = DocumentCache()
    let options = { (s: SessionState) in DocumentOptions(language: .fr, now: s.lastAt!) }
    try Documents.write(state, to: dir + "/out", options: options(state), cache: cache)
    var withCache: [Double] = [], without: [Double] = []
    for k in 0..<5 {
        let at = state.lastAt!.adding(seconds: 5)
        let payloads = try state.decide(
            .record(EntryContent(kind: .note, text: "Note n° \(k) : suite des échanges.")), at: at)
        for p in payloads { state.evolve(Event(seq: state.lastSeq + 1, at: at, seat: "rapporteur", payload: p)) }
        var t0 = cpuSeconds()
        try Documents.write(state, to: dir + "/out", options: options(state), cache: cache)
        withCache.append(cpuSeconds() - t0)
        t0 = cpuSeconds()
        try Documents.write(state, to: dir + "/out", options: options(state))
        without.append(cpuSeconds() - t0)
    }
    func median(_ v: [Double]) -> Double { v.sorted()[v.count / 2] * 1000 }
    say(
        String(
            format: "documents after one more entry at %d events, CPU time (median of 5): %.0f ms with the "
                + "writer's cache of its last rendering, %.0f ms without",
            state.lastSeq, median(withCache), median(without)))
}

/// DOCX export of the 100,000-event journal (`palabre export --format docx`): render the three
/// Markdown sources, run pandoc on each; time and peak memory of this process and of pandoc.
func benchExport() throws {
    guard args.contains("--child") else { return try inChild("export", events: 100_000) }
    let programme = loadSegou()
    let path = journalFixture(100_000)
    let j = try Journal(path: path, writable: false)
    var state = SessionState(programme: programme)
    try j.forEachEvent { state.evolve($0) }
    let afterLoad = maxRSSMB()
    let dir = tempDir()
    let options = DocumentOptions(language: .fr, now: state.lastAt!)
    var docs: [ExportDocument] = []
    let tRender = seconds { docs = Exporter.documents(state, options: options) }
    let mdBytes = docs.reduce(0) { $0 + $1.markdown.utf8.count }
    var files: [String] = []
    let tConvert = try seconds {
        files = try Exporter.export(docs, format: .docx, to: dir, language: .fr)
    }
    let sizes = files.map(fileSize)
    var usage = rusage()
    getrusage(RUSAGE_CHILDREN.rawValue, &usage)
    say(
        String(
            format: "export to DOCX from %d events: %.2f s (%.2f s to render %d Markdown sources, %.1f MB; %.2f s "
                + "for pandoc to write %d files, %.1f MB); peak RSS %.1f MB (%.1f MB after folding the journal); "
                + "pandoc's peak RSS %.1f MB",
            state.lastSeq, tRender + tConvert, tRender, docs.count, Double(mdBytes) / 1e6, tConvert, files.count,
            Double(sizes.reduce(0, +)) / 1e6, maxRSSMB(), afterLoad, Double(usage.ru_maxrss) / 1024))
    try? FileManager.default.removeItem(atPath: dir)
}

/// What one `palabre run` in a pseudo-terminal gave: milliseconds to the first frame (nil: none),
/// and over the idle window, bytes written per second and CPU in % of a core (nil: not measured).
struct TerminalRun {
    /// Milliseconds from the start to the first frame; nil when none came.
    var firstFrame: Double?
    /// Seconds waited after the first frame before the idle window (the start's document writing).
    var settled = 0.0
    /// Bytes written to the terminal per second during the idle window.
    var bytesPerSecond: Double?
    /// CPU during the idle window, in % of a core.
    var cpu: Double?
    /// Termination signals sent before the seat ended (1 when it heeded the first SIGTERM).
    var terminations = 0
    /// The process's peak resident memory (`VmHWM`) when it was told to end, in MiB.
    var peakMiB: Double?
}

/// The real `palabre run` in a pseudo-terminal: time to the first frame, bytes written per second
/// while only the countdown changes, CPU while idle. Without `--size`: the sample and the
/// 100,000-event journal; with `--size=N` (or `--events=N`): the facilitator and projector seats on
/// that journal, `--runs=N` times each (medians), their first frame against `jq -c .` on the same
/// journal in the same run. `--window=S` sets the idle window (0: the first frame only).
func benchTerminal() throws {
    let exe = palabreBinary()
    let programme = loadSegou()
    /// A session whose first item started so that `left` seconds remain (nil: just started);
    /// with `snapshot`, its decision snapshot written after (as a seat leaves it when it quits).
    func session(events: Int, left: Int?, snapshot: Bool) throws -> String {
        let dir = try benchSession(events: events)
        // The programme as the seat reads it from this folder: the snapshot is of that programme.
        let own = try ProgrammeLoader.load(path: dir).programme ?? programme
        let store = try SessionStore(folder: dir, programme: own, deciding: snapshot)
        defer { if snapshot && !store.saveDecisionSnapshot() { fail("no decision snapshot written in \(dir)") } }
        let now = SystemClock().now()
        let box = store.state.nextPlannedItem.map { $0.duration } ?? 0
        let start = now.adding(seconds: left.map { -(box - $0) } ?? 0)
        if store.state.currentDay == nil {
            _ = try? store.perform(.startDay(date: nil), seat: "facilitator", at: start)
        }
        if store.state.currentItem == nil {
            _ = try? store.perform(.startItem(id: nil), seat: "facilitator", at: start)
        }
        return dir
    }
    let sizes = journalSizes(default: [])
    // `--views=balance,rapporteur`: those screens alone, on each journal size, 10 s windows.
    let views = args.first { $0.hasPrefix("--views=") }.map { $0.dropFirst(8).split(separator: ",").map(String.init) }
    var configurations: [(label: String, events: Int, view: String, left: Int?, window: Double, snapshot: Bool)] =
        sizes.isEmpty
        ? [
            ("sample, item just " + "started", 0, "facilitator", nil, 62, false),
            ("sample, last 2 minutes (seconds " + "shown)", 0, "facilitator", 100, 20, false),
            ("100,000 events", 100_000, "facilitator", nil, 10, false),
            ("100,000 events", 100_000, "projector", nil, 30, false),
            ("sample, item just " + "started", 0, "projector", nil, 62, false),
            ("sample, last 2 minutes (seconds shown)", 0, "projector", 100, 20, false),
        ]
        : sizes.flatMap { n in
            [
                ("\(n) events", n, "facilitator", nil, 10, false), ("\(n) events", n, "projector", nil, 30, false),
                ("\(n) events with a decision snapshot", n, "facilitator", nil, 10, true),
                ("\(n) events with a decision snapshot", n, "projector", nil, 30, true),
            ]
        }
    if let views {
        configurations = sizes.flatMap { n in views.map { ("\(n) events", n, $0, nil, 10, false) } }
    }
    let window = args.first { $0.hasPrefix("--window=") }.flatMap { Double($0.dropFirst(9)) }
    var jq: [Int: Double] = [:]
    for (label, events, view, left, configured, snapshot) in configurations {
        if !sizes.isEmpty && jq[events] == nil {
            jq[events] = median(of: try (0..<runs(default: 3)).map { _ in try jqSeconds(journalFixture(events)) })
        }
        var results: [TerminalRun] = []
        for _ in 0..<runs(default: 1) {
            let dir = try session(events: events, left: left, snapshot: snapshot)
            let r = try runTerminal(exe, dir: dir, view: view, events: events, window: window ?? configured)
            results.append(r)
            try? FileManager.default.removeItem(atPath: dir)
            var line = String(
                format: "terminal 120x40, %@ view, %@: first frame %.0f ms", view, label, r.firstFrame ?? -1)
            if let cpu = r.cpu, let rate = r.bytesPerSecond {
                line += String(
                    format: "; %.1f bytes/s while only the countdown changes; CPU %.2f %% of a core (idle window "
                        + "from %.0f s after the first frame)", rate, cpu, r.settled)
            }
            say(line + (r.terminations > 1 ? "; ended after \(r.terminations) signals" : ""))
        }
        guard let jqSeconds = jq[events] else { continue }
        let frames = results.compactMap(\.firstFrame), cpus = results.compactMap(\.cpu)
        var line = String(format: "terminal 120x40, %@ view, %@, medians of %d:", view, label, results.count)
        if !frames.isEmpty {
            line += String(
                format: " first frame %.0f ms (%.2f × jq -c . %.0f ms)", median(of: frames),
                median(of: frames) / (jqSeconds * 1000), jqSeconds * 1000)
        }
        if !cpus.isEmpty { line += String(format: "; idle CPU %.2f %% of a core", median(of: cpus)) }
        say(line)
    }
}

/// Runs `palabre run dir --view view` in a 120×40 pseudo-terminal until its first frame, waits for
/// the start's document writing to end (at least 20 s on a generated journal, 2 s on the sample,
/// then until a 2-second sample shows under half a core, at most 600 s), then counts the bytes
/// written and the CPU used over `window` seconds (0: none). A process that exits or shows no first
/// frame within 600 s is reported with what it wrote last.
func runTerminal(
    _ exe: String, dir: String, view: String, events: Int, window: Double, verb: String = "run",
    settleAtLeast: Double? = nil
) throws -> TerminalRun {
    let minimumSettle = settleAtLeast ?? (events > 0 ? 20.0 : 2)
    var master: Int32 = 0, slave: Int32 = 0
    var ws = winsize(ws_row: 40, ws_col: 120, ws_xpixel: 0, ws_ypixel: 0)
    guard openpty(&master, &slave, nil, nil, &ws) == 0 else { fail("openpty failed") }
    var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    for fd: Int32 in [0, 1, 2] { posix_spawn_file_actions_adddup2(&actions, slave, fd) }
    posix_spawn_file_actions_addclose(&actions, master)
    var env = ProcessInfo.processInfo.environment
    env["TERM"] = "xterm-256color"; env["LANG"] = "C.UTF-8"
    env.removeValue(forKey: "COLUMNS"); env.removeValue(forKey: "LINES")
    let argv = [exe, verb, dir, "--view", view]
    let cargs = argv.map { strdup($0) } + [nil]
    let cenv = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
    var pid: pid_t = 0
    let t0 = DispatchTime.now().uptimeNanoseconds
    guard posix_spawn(&pid, exe, &actions, nil, cargs, cenv) == 0 else { fail("cannot start \(exe)") }
    close(slave)
    var buffer = [UInt8](repeating: 0, count: 65536)
    var seen = [UInt8]()
    var result = TerminalRun()
    var counting = false, exited = false
    var bytes = 0
    var countStart: UInt64 = 0
    func cpuTicks() -> Int {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return 0 }
        let fields = stat.split(separator: ")").last!.split(separator: " ")
        return (Int(fields[11]) ?? 0) + (Int(fields[12]) ?? 0)
    }
    let ticksPerSecond = Double(sysconf(Int32(_SC_CLK_TCK)))
    var cpu0 = 0
    var sample = (at: t0, ticks: 0)
    let marker = Array((view == "projector" ? "F5" : "F1").utf8)
    while true {
        var pfd = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        let r = poll(&pfd, 1, 100)
        let now = DispatchTime.now().uptimeNanoseconds
        let elapsed = Double(now - t0) / 1e9
        if r > 0 {
            let n = read(master, &buffer, buffer.count)
            if n <= 0 { exited = true; break }
            if result.firstFrame == nil {
                seen += buffer[0..<n]
                if seen.count >= marker.count,
                    (0...(seen.count - marker.count)).contains(where: {
                        Array(seen[$0..<($0 + marker.count)]) == marker
                    })
                {
                    result.firstFrame = elapsed * 1000
                    if window == 0 { break }
                    sample = (now, cpuTicks())
                }
            } else if counting {
                bytes += n
            } else {
                seen = Array((seen + buffer[0..<n]).suffix(4096))
            }
        }
        if let f = result.firstFrame, !counting, now - sample.at >= 2_000_000_000 {
            let ticks = cpuTicks()
            let busy = Double(ticks - sample.ticks) / ticksPerSecond / (Double(now - sample.at) / 1e9)
            sample = (now, ticks)
            let settled = elapsed - f / 1000
            if settled >= minimumSettle && (busy < 0.5 || settled > 600) {
                counting = true; countStart = now; cpu0 = ticks; bytes = 0; result.settled = settled
            }
        }
        if counting && Double(now - countStart) / 1e9 > window { break }
        if result.firstFrame == nil && elapsed > 600 { break }
    }
    if counting {
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - countStart) / 1e9
        result.cpu = Double(cpuTicks() - cpu0) / ticksPerSecond / seconds * 100
        result.bytesPerSecond = Double(bytes) / seconds
    }
    let peak = statusMiB("VmHWM", pid: "\(pid)")
    if peak >= 0 { result.peakMiB = peak }
    // A seat that ends writes its documents first: SIGTERM, then again every 5 s while it runs
    // (a signal it missed is reported), SIGKILL after 300 s.
    var status: Int32 = 0
    let stop = DispatchTime.now().uptimeNanoseconds
    while waitpid(pid, &status, WNOHANG) == 0 {
        let waited = Double(DispatchTime.now().uptimeNanoseconds - stop) / 1e9
        if waited >= Double(result.terminations) * 5 {
            if result.terminations > 0 {
                say("terminal \(view) on \(events) events: still running \(Int(waited)) s after SIGTERM")
            }
            kill(pid, waited > 300 ? SIGKILL : SIGTERM)
            result.terminations += 1
        }
        var pfd = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        if poll(&pfd, 1, 100) > 0 && read(master, &buffer, buffer.count) <= 0 { usleep(100_000) }
    }
    close(master)
    if exited || result.firstFrame == nil {
        say(
            "terminal \(view) on \(events) events: "
                + (exited ? "the process ended (wait status \(status))" : "no first frame after 600 s")
                + "; its last output: " + String(decoding: seen.suffix(600), as: UTF8.self).debugDescription)
    }
    return result
}

/// Time from a key to the flushed frame, in-process, through the same ``ConsoleLoop`` as
/// `palabre run` (a memory terminal instead of ncurses, the session's real journal file), on a
/// session with a 100,000-event journal.
func benchKeys() throws {
    let programme = loadSegou()
    let dir = tempDir()
    try FileManager.default.copyItem(atPath: journalFixture(100_000), toPath: dir + "/journal.jsonl")
    let store = try SessionStore(folder: dir, programme: programme)
    let terminal = MemoryTerminal(width: 120, height: 40)
    let loop = ConsoleLoop(
        terminal: terminal, clock: SystemClock(),
        program: .live(
            Console(screen: .rapporteur, language: .fr),
            ConsoleLoop.Live(store: store, seat: "rapporteur")))
    loop.step(maxWaitMilliseconds: 0)
    /// One key in, one step of the loop (refresh, update, effects, frame), timed.
    func press(_ key: Key) -> Double {
        let t0 = DispatchTime.now().uptimeNanoseconds
        terminal.queue(.key(key))
        loop.step(maxWaitMilliseconds: 0)
        loop.draw()
        return Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6
    }
    var typed: [Double] = [], recorded: [Double] = []
    for i in 0..<60 {
        for key in "Note n° \(i) : été « ok »".map({ Key.char($0) }) { typed.append(press(key)) }
        recorded.append(press(.enter))
    }
    // The facilitator's agenda: moving the selection redraws the agenda, countdown and queue.
    _ = press(.function(1))
    var navigation: [Double] = []
    for i in 0..<600 { navigation.append(press(i % 40 < 20 ? .down : .up)) }
    for (label, t0) in [
        ("typed character on the rapporteur screen", typed),
        ("Enter recording an entry (lock, decide, write, fsync)", recorded),
        ("arrow key on the facilitator " + "screen", navigation), ("all keys", typed + recorded + navigation),
    ] {
        let t = t0.sorted()
        say(
            String(
                format: "key to flushed frame at 120x40, journal of %d events, %@ (%d keys): median %.2f ms, p99 "
                    + "%.2f ms, max %.2f ms",
                store.state.lastSeq, label, t.count, t[t.count / 2], t[min(t.count - 1, Int(Double(t.count) * 0.99))],
                t.last!))
    }
    try? FileManager.default.removeItem(atPath: dir)
}

/// Jumping to 200 random moments of the 100,000-event journal in a replay: the state alone, then
/// the state and a 120×40 frame of the facilitator screen.
func benchReplay() throws {
    let sizes = journalSizes(default: [])
    if args.contains("--child") { return try replayMemory(sizes[0]) }
    if !sizes.isEmpty {
        for n in sizes { try inChild("replay", events: n) }
        return try benchReplayAtSize(sizes)
    }
    let programme = loadSegou()
    let path = journalFixture(100_000)
    let events = try Journal(path: path, writable: false).loadAll()
    let before = maxRSSMB()
    var timeline: ReplayTimeline!
    let build = seconds { timeline = ReplayTimeline(programme: programme, events: events) }
    let after = maxRSSMB()
    let first = timeline.firstInstant!.ms, last = timeline.lastInstant!.ms
    // A fixed sequence of moments (a linear congruential generator), the same every run.
    var seed: UInt64 = 2023_10_17
    func nextMoment() -> Instant {
        seed = seed &* 6364136223846793005 &+ 1442695040888963407
        return Instant(ms: first + Int64((seed >> 11) % UInt64(last - first + 1)))
    }
    var stateMs: [Double] = []
    var check = 0
    for _ in 0..<200 {
        let t = nextMoment()
        let ms = seconds { check &+= timeline.state(at: t).lastSeq } * 1000
        stateMs.append(ms)
    }
    var replay = ReplayConsole(
        timeline: timeline, language: .fr, clock: ReplayClock(position: timeline.firstInstant!, playing: false))
    var frameMs: [Double] = []
    for _ in 0..<200 {
        let t = nextMoment()
        let ms =
            seconds {
                replay.seek(to: t)
                check &+= replay.render(size: Size(width: 120, height: 40)).grid.width
            } * 1000
        frameMs.append(ms)
    }
    func median(_ a: [Double]) -> Double { let s = a.sorted(); return (s[s.count / 2 - 1] + s[s.count / 2]) / 2 }
    let every = timeline.checkpointInterval
    say(
        String(
            format: "replay timeline of %d events: built in %.2f s, a checkpoint every %d events, peak memory "
                + "%.1f MB → %.1f MB",
            events.count, build, every, before, after))
    say(
        String(
            format: "jump to 200 random moments, state only: median %.2f ms, max " + "%.2f ms", median(stateMs),
            stateMs.max()!))
    say(
        String(
            format: "jump to 200 random moments, state and a 120×40 frame: median %.2f ms, max %.2f ms (%d)",
            median(frameMs), frameMs.max()!, check % 10))
}

/// Memory of a replay's timeline, in-process (a child per size): resident memory before, with
/// the events read, and with the timeline laid out (its checkpoints), as bytes per event.
func replayMemory(_ n: Int) throws {
    func residentMiB() -> Double { statusMiB("VmRSS") }
    let programme = loadSegou()
    let path = journalFixture(n)
    let before = residentMiB()
    var events: [Event] = []
    let read = try seconds { events = try Journal(path: path, writable: false).loadAll() }
    let withEvents = residentMiB()
    var timeline: ReplayTimeline!
    let build = seconds { timeline = ReplayTimeline(programme: programme, events: events) }
    events = []
    let withTimeline = residentMiB()
    // 100 jumps to moments spread by a fixed generator, as `replay` without a size does.
    var seed: UInt64 = 2023_10_17
    var jumps: [Double] = []
    var check = 0
    for _ in 0..<100 {
        seed = seed &* 6364136223846793005 &+ 1442695040888963407
        let k = Int((seed >> 11) % UInt64(n + 1))
        jumps.append(seconds { check &+= timeline.state(afterCount: k).lastSeq } * 1000)
    }
    say(
        String(
            format: "replay timeline of %d events: 100 jumps to random moments, median %.1f ms, max %.1f ms (%d)", n,
            median(of: jumps), jumps.max()!, check % 10))
    var none = false
    let search = seconds { none = timeline.search("texte que personne n'a écrit", after: nil) == nil }
    say(
        String(
            format: "replay timeline of %d events: a search through every entry %.2f s (%@)", n, search,
            none ? "no match" : "a match"))
    let perEvent = { (mib: Double) in mib * 1_048_576 / Double(n) }
    say(
        String(
            format: "replay timeline of %d events in-process: read in %.2f s, laid out in %.2f s (a checkpoint "
                + "every %d); resident %.1f MiB before, %.1f with the events (%.0f bytes an event), %.1f with the "
                + "timeline (%.0f bytes an event in all); peak %.1f MiB",
            n, read, build, timeline.checkpointInterval, before, withEvents, perEvent(withEvents - before),
            withTimeline, perEvent(withTimeline - before), maxRSSMB()))
}

/// `palabre replay` on sessions of `sizes` events in a 120×40 pseudo-terminal: the first frame,
/// the seconds until the process calms down (under half a core over 2 s: the whole journal read
/// and laid out), and the peak resident memory then; `jq -c .` over the journal as the anchor.
func benchReplayAtSize(_ sizes: [Int]) throws {
    let exe = palabreBinary()
    for n in sizes {
        let jq = median(of: try (0..<runs(default: 3)).map { _ in try jqSeconds(journalFixture(n)) })
        var frames: [Double] = [], calm: [Double] = [], peaks: [Double] = []
        for _ in 0..<runs(default: 3) {
            let dir = try benchSession(events: n)
            defer { try? FileManager.default.removeItem(atPath: dir) }
            let r = try runTerminal(
                exe, dir: dir, view: "facilitator", events: n, window: 1, verb: "replay", settleAtLeast: 2)
            guard let f = r.firstFrame else { continue }
            frames.append(f); calm.append(r.settled); peaks.append(r.peakMiB ?? -1)
            say(
                String(
                    format: "replay 120x40, %d events: first frame %.0f ms; calm %.0f s after it; peak %.1f MiB",
                    n, f, r.settled, r.peakMiB ?? -1))
        }
        guard !frames.isEmpty else { continue }
        say(
            String(
                format: "replay 120x40, %d events, medians of %d: first frame %.0f ms (%.2f × jq -c . %.0f ms); "
                    + "whole journal laid out within %.0f s (2-second samples); peak %.1f MiB",
                n, frames.count, median(of: frames), median(of: frames) / (jq * 1000), jq * 1000, median(of: calm),
                median(of: peaks)))
    }
}

/// The synergy board: 200 communes × 5 fiches × 40 partners, with interests, synergies and
/// commitments; a 160×50 frame of the Synergies screen after each arrow key (moving and
/// scrolling both ways), and the board computed again after an event.
func benchBoard() throws {
    let sectors = ["eau", "santé", "éducation", "maraîchage", "élevage", "marché", "transport", "énergie"]
    let cercles = ["San", "Tominian", "Bla", "Macina", "Niono", "Baroueli", "Ségou", "Yorosso"]
    var partners: [Organisation] = []
    for i in 0..<40 {
        partners.append(
            Organisation(
                id: "ptf\(i)", acronym: "PTF\(i)", name: "Partenaire \(i)", type: .partner,
                sectors: [sectors[i % 8], sectors[(i + 3) % 8]], zones: [cercles[i % 8], "Ségou"]))
    }
    var communes: [Commune] = []
    for c in 0..<200 {
        let fiches = (0..<5).map { f in
            ProjectFiche(
                id: "C\(c)-\(f)", title: "Fiche \(f) de la commune \(c)", sector: sectors[(c + f) % 8],
                totalCost: Int64(50_000_000 + c * 1_000_000 + f * 100_000), contribution: 5_000_000,
                amountSought: Int64(45_000_000 + c * 1_000_000 + f * 100_000), mode: f % 2 == 0 ? .classique : .ppp,
                studyStatus: f % 3 == 0 ? .idea : .feasibilityStudy, priority: f + 1)
        }
        communes.append(
            Commune(
                id: "com\(c)", name: "Commune \(c)", cercle: cercles[c % 8], region: "Région \(c % 3)", fiches: fiches))
    }
    let programme = Programme(
        title: "Banc d'essai", venue: "Salle", organisations: partners, communes: communes,
        days: [
            Day(
                date: "2023-10-17",
                items: [AgendaItem(id: "d1", kind: .groupWork, title: "Travaux", plannedStart: 540, duration: 3600)])
        ])
    var state = SessionState(programme: programme)
    let t0 = LocalTime(identifier: "Africa/Bamako").instant(date: "2023-10-17", minutes: 540)!
    func run(_ c: Command) {
        guard let payloads = try? state.decide(c, at: t0) else { return }
        for p in payloads { state.evolve(Event(seq: state.lastSeq + 1, at: t0, seat: "rapporteur", payload: p)) }
    }
    for c in 0..<200 {
        for f in 0..<5 where (c + f) % 3 == 0 {
            let fiche = "C\(c)-\(f)"
            run(.declareInterest(partner: "ptf\((c + f) % 40)", fiche: fiche))
            run(
                .markSynergy(
                    fiche: fiche, partners: ["ptf\((c + f) % 40)", "ptf\((c + 7) % 40)"], lead: "ptf\((c + f) % 40)"))
            run(
                .record(
                    EntryContent(
                        kind: .commitment, text: "", partner: "ptf\((c + 7) % 40)", fiche: fiche,
                        amount: Int64(10_000_000 + f), status: .confirmed)))
        }
    }
    var buildMs: [Double] = []
    for _ in 0..<20 {
        let t = DispatchTime.now().uptimeNanoseconds
        _ = SynergyBoard(state)
        buildMs.append(Double(DispatchTime.now().uptimeNanoseconds - t) / 1e6)
    }
    for size in [Size(width: 160, height: 50), Size(width: 80, height: 24)] {
        var console = Console(screen: .synergies, language: .fr)
        let backend = MemoryBackend(width: size.width, height: size.height)
        let renderer = Renderer(backend: backend)
        func frame() {
            let (grid, cursor) = console.render(state: state, now: t0, size: backend.size)
            renderer.render(grid, cursor: cursor)
        }
        frame()
        var keyMs: [Double] = []
        let keys: [Key] =
            Array(repeating: .down, count: 400) + Array(repeating: .right, count: 39)
            + Array(repeating: .up, count: 200) + Array(repeating: .left, count: 39)
            + Array(repeating: .pageDown, count: 60)
        for key in keys {
            let t = DispatchTime.now().uptimeNanoseconds
            _ = console.handle(key, state: state, now: t0)
            frame()
            keyMs.append(Double(DispatchTime.now().uptimeNanoseconds - t) / 1e6)
        }
        let k = keyMs.sorted()
        say(
            String(
                format: "synergy board %dx%d, 200 communes x 5 fiches x 40 partners, %d commitments: arrow key to "
                    + "flushed frame (%d keys) median %.2f ms, max %.2f ms",
                size.width, size.height, state.entries.count, k.count, k[k.count / 2], k.last!))
    }
    let b = buildMs.sorted()
    say(
        String(
            format: "synergy board computed again after an event (SynergyBoard of the whole state): median %.2f "
                + "ms, max %.2f ms",
            b[b.count / 2], b.last!))
}

/// The Suivi screen (F12) after the close: 1,000 commitments and 2,000 actions and
/// recommendations (what ten roundtables of 100 commitments and 200 actions leave), 300 follow-up
/// updates; arrow keys, pages and filters to a flushed frame through the Console and Renderer of
/// `palabre run`, and the rows computed again after an event.
func benchFollowUp() throws {
    let sectors = ["eau", "santé", "éducation", "maraîchage", "élevage"]
    let partners = (0..<40).map { i in
        Organisation(
            id: "ptf\(i)", acronym: "PTF\(i)", name: "Partenaire \(i)", type: .partner, sectors: [sectors[i % 5]],
            zones: ["Ségou"])
    }
    let communes = (0..<100).map { c in
        Commune(
            id: "com\(c)", name: "Commune \(c)", cercle: "San", region: "Ségou",
            fiches: (0..<5).map { f in
                ProjectFiche(
                    id: "C\(c)-\(f)", title: "Fiche \(f) de la commune \(c)", sector: sectors[f],
                    totalCost: 50_000_000, contribution: 5_000_000, amountSought: 45_000_000, mode: .classique,
                    studyStatus: .idea, priority: f + 1)
            })
    }
    let programme = Programme(
        title: "Banc d'essai du suivi", venue: "Salle", organisations: partners, communes: communes,
        days: [
            Day(
                date: "2023-10-17",
                items: [AgendaItem(id: "d1", kind: .groupWork, title: "Travaux", plannedStart: 540, duration: 3600)])
        ])
    var state = SessionState(programme: programme)
    let lt = LocalTime(identifier: "Africa/Bamako")
    var refused = 0
    func run(_ c: Command, _ at: Instant, seat: String = "rapporteur") {
        guard let payloads = try? state.decide(c, at: at) else { refused += 1; return }
        for p in payloads { state.evolve(Event(seq: state.lastSeq + 1, at: at, seat: seat, payload: p)) }
    }
    let t0 = lt.instant(date: "2023-10-17", minutes: 540)!
    run(.startDay(date: nil), t0, seat: "facilitator")
    run(.startItem(id: "d1"), t0, seat: "facilitator")
    func due(_ i: Int) -> String { String(format: "20%02d-%02d-%02d", 23 + i % 3, 1 + i % 12, 1 + i % 28) }
    for i in 0..<1_000 {
        run(
            .record(
                EntryContent(
                    kind: .commitment, text: "Engagement \(i) sur la fiche", due: due(i), partner: "ptf\(i % 40)",
                    fiche: "C\(i % 100)-\(i % 5)", nature: .financial, amount: Int64(10_000_000 + i * 1_000),
                    status: .confirmed)), t0)
    }
    for i in 0..<2_000 {
        run(
            .record(
                EntryContent(
                    kind: i % 3 == 0 ? .recommendation : .action, text: "Action \(i) à mener avec les communes",
                    responsible: "Responsable \(i % 60)", due: i % 7 == 0 ? nil : due(i + 5))), t0)
    }
    run(.endItem, t0.adding(seconds: 3600), seat: "facilitator")
    run(.endDay, t0.adding(seconds: 3700), seat: "facilitator")
    run(.closeSession, t0.adding(seconds: 3800), seat: "facilitator")
    let t1 = lt.instant(date: "2024-06-01", minutes: 600)!
    let commitments = state.entries.filter { $0.content.kind == .commitment }.map(\.id)
    let actions = state.entries.filter { $0.content.kind != .commitment }.map(\.id)
    for i in 0..<100 {
        run(
            .followUpCommitment(entry: commitments[i * 7], status: .signed, amount: nil, date: nil, note: nil), t1,
            seat: "suivi")
        run(
            .followUpCommitment(entry: commitments[i * 9], status: .disbursed, amount: nil, date: nil, note: nil), t1,
            seat: "suivi")
        run(.followUpAction(entry: actions[i * 13], status: .done, date: nil, note: nil), t1, seat: "suivi")
    }
    guard state.closedAt != nil, refused <= 20 else { fail("followup: \(refused) commands refused") }
    let today = lt.date(of: t1)
    var buildMs: [Double] = []
    for _ in 0..<20 {
        let t = DispatchTime.now().uptimeNanoseconds
        _ = FollowUpBoard(state, today: today).byUrgency
        buildMs.append(Double(DispatchTime.now().uptimeNanoseconds - t) / 1e6)
    }
    let rows = FollowUpBoard(state, today: today).rows
    for size in [Size(width: 160, height: 50), Size(width: 80, height: 24)] {
        var console = Console(screen: .followUp, language: .fr)
        let backend = MemoryBackend(width: size.width, height: size.height)
        let renderer = Renderer(backend: backend)
        func frame() {
            let (grid, cursor) = console.render(state: state, now: t1, size: backend.size)
            renderer.render(grid, cursor: cursor)
        }
        _ = console.update(.tick, state: state, now: t1)
        frame()
        var keyMs: [Double] = []
        let keys: [Key] =
            Array(repeating: .down, count: 400) + Array(repeating: .up, count: 200)
            + Array(repeating: .pageDown, count: 60) + [.char("p"), .char("p"), .down, .escape, .char("c"), .escape]
            + [.char("r"), .escape, .end, .home]
        for key in keys {
            let t = DispatchTime.now().uptimeNanoseconds
            _ = console.handle(key, state: state, now: t1)
            frame()
            keyMs.append(Double(DispatchTime.now().uptimeNanoseconds - t) / 1e6)
        }
        let k = keyMs.sorted()
        let slowest = keys[keyMs.firstIndex(of: k.last!)!]
        say(
            String(
                format: "follow-up screen %dx%d, %d rows (1,000 commitments, 2,000 actions), 300 updates: key to "
                    + "flushed frame (%d keys) median %.2f ms, p95 %.2f ms, max %.2f ms (%@)",
                size.width, size.height, rows.count, k.count, k[k.count / 2], k[k.count * 95 / 100], k.last!,
                "\(slowest)"))
    }
    let b = buildMs.sorted()
    say(
        String(
            format: "follow-up rows computed again after an event (FollowUpBoard sorted by urgency): median %.2f ms, "
                + "max %.2f ms",
            b[b.count / 2], b.last!))
}

/// The répertoire des intervenants at 5,000 organisations: a folder of one file each, loaded
/// with its checks; then searches of one to three words, folded (case and accents).
func benchDirectory() throws {
    let dir = tempDir()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let sectors = ["eau", "santé", "éducation", "maraîchage", "pistes rurales", "nutrition", "gouvernance locale"]
    let zones = ["Ségou", "San", "Tominian", "Mopti", "Bla", "Barouéli", "Macina", "Niono"]
    for i in 0..<5_000 {
        let text = """
            id: org-\(i)
            acronym: ORG\(i)
            name: Organisation numéro \(i) de développement
            type: \(["partner", "ngo", "state-service", "private"][i % 4])
            sectors: [\(sectors[i % sectors.count]), \(sectors[(i / 7) % sectors.count])]
            zones: [\(zones[i % zones.count]), \(zones[(i / 3) % zones.count])]
            contacts:
              - function: Point focal \(i)
            """
        try text.write(toFile: dir + "/org-\(i).yaml", atomically: false, encoding: .utf8)
    }
    var result: DirectoryLoadResult?
    let load = try seconds { result = try DirectoryLoader.load(folder: dir) }
    guard let directory = result?.directory, directory.organisations.count == 5_000 else { fail("directory: not read") }
    say(String(format: "directory: load and check 5,000 organisation files: %.0f ms", load * 1000))
    for query in ["segou", "SANTE tominian", "pistes rurales barouéli", "org4999", "introuvable"] {
        var found = 0
        var times: [Double] = []
        for _ in 0..<20 { times.append(seconds { found = directory.search(query).count }) }
        times.sort()
        say(
            String(
                format: "directory: search \"%@\" over 5,000 organisations: median %.2f ms (%d found)", query,
                times[times.count / 2] * 1000, found))
    }
}

/// Hostile programmes (alias bombs) refused by `ProgrammeLoader.parse`: time and peak memory
/// of each refusal, the peak measured from a reset high-water mark (`/proc/self/clear_refs`).
func benchYAML() throws {
    func resetPeak() { try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8) }
    var laughs = "title: lol\nvenue: lol\nlol0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    for level in 1...9 {
        laughs +=
            "lol\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ")
            + "]\n"
    }
    let long = String(repeating: "x", count: 100_000)
    func amplified(_ uses: Int) -> String {
        "title: t\nvenue: v\nobjectives:\n  general: &s \"\(long)\"\n  specific: ["
            + Array(repeating: "*s", count: uses).joined(separator: ", ") + "]\n"
    }
    let segou = try String(contentsOfFile: root + "/sessions/segou-2023/programme.yaml", encoding: .utf8)
    let cases: [(String, String)] = [
        ("billion laughs (9 levels of 9 aliases)", laughs),
        ("billion laughs, the last level used as a mapping key", laughs + "m: {*a9 : 1}\n"),
        ("100 KB text × 1,000 aliases", amplified(1_000)),
        ("100 KB text × 20,000 aliases", amplified(20_000)),
        ("the Ségou programme (accepted, for reference)", segou),
    ]
    for (name, text) in cases {
        resetPeak()
        var result: ProgrammeLoadResult?
        let t = seconds { result = ProgrammeLoader.parse(text, file: "programme.yaml") }
        let first = result?.diagnostics.first.map { String($0.description.prefix(90)) } ?? "accepted"
        say(
            String(
                format: "yaml %@: %.1f ms, peak %.1f MB (%.1f KB of YAML) — %@", name, t * 1000, maxRSSMB(),
                Double(text.utf8.count) / 1024, first))
    }
}

/// The longer run of the seeded YAML fuzz test (`YAMLTests.seededFuzz`): `--fuzz=N` mutations
/// (default 20,000) of the demo and Ségou programmes, each with up to six inserted pieces
/// (aliases, merge keys, CR, BOM, zero-width space, decomposed accents, brackets, tabs),
/// seeded by `--seed=S` (default 13). Prints how many were refused and the slowest parse.
func benchYAMLFuzz() throws {
    func option(_ name: String, _ fallback: UInt64) -> UInt64 {
        args.first { $0.hasPrefix("--\(name)=") }.flatMap { UInt64($0.dropFirst(name.count + 3)) } ?? fallback
    }
    let count = Int(option("fuzz", 20_000))
    var state = option("seed", 13)
    func next(_ bound: Int) -> Int {  // SplitMix64
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
    let bases = try ["demo", "segou-2023"].map {
        Array(try String(contentsOfFile: root + "/sessions/\($0)/programme.yaml", encoding: .utf8).unicodeScalars)
    }
    let pieces = [
        "&a ", "*a", "<<: *a", "<<: [*a, *a]", "\r\n", "\r", "\u{FEFF}", "\u{200B}", "e\u{301}", "[", "{", ": ",
        "- ", "\t", "? ", "!!str ", "*a : x",
    ]
    var refused = 0
    var slowest = (seconds: 0.0, index: 0)
    var total = 0.0
    for index in 0..<count {
        var scalars = bases[index % bases.count]
        for _ in 0...next(6) {
            let piece = pieces[next(pieces.count)].unicodeScalars
            scalars.insert(contentsOf: piece, at: next(scalars.count + 1))
        }
        let text = String(String.UnicodeScalarView(scalars))
        var result: ProgrammeLoadResult?
        let t = seconds { result = ProgrammeLoader.parse(text, file: "programme.yaml") }
        total += t
        if result?.hasErrors == true { refused += 1 }
        if t > slowest.seconds { slowest = (t, index) }
    }
    say(
        String(
            format: "yaml fuzz: %d mutated programmes, %d refused, none crashed; mean %.2f ms, slowest %.1f ms (#%d); "
                + "peak %.1f MB",
            count, refused, total / Double(max(1, count)) * 1000, slowest.seconds * 1000, slowest.index, maxRSSMB()))
}

/// The journal sizes asked with `--size=N` or `--events=N` (repeatable; `--size=1000000` builds
/// the 1M journal on demand, in `.build/`), else `fallback`.
func journalSizes(default fallback: [Int]) -> [Int] {
    let asked = args.compactMap { a in
        ["--size=", "--events="].first { a.hasPrefix($0) }.flatMap { Int(a.dropFirst($0.count)) }
    }
    return asked.isEmpty ? fallback : asked
}

/// How many times each figure is measured: `--runs=N`, else `fallback`.
func runs(default fallback: Int) -> Int {
    args.first { $0.hasPrefix("--runs=") }.flatMap { Int($0.dropFirst(7)) }.map { max(1, $0) } ?? fallback
}

/// Size of the file at `path` in bytes (0 when it cannot be read).
func fileSize(_ path: String) -> Int { (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0 }

/// Seconds taken by `jq -c . path > /dev/null`, the anchor the journal's reading is compared with.
func jqSeconds(_ path: String) throws -> Double {
    try seconds {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", "jq -c . '\(path)' > /dev/null"]
        try p.run(); p.waitUntilExit()
        if p.terminationStatus != 0 { fail("jq failed (is it installed?)") }
    }
}

/// Runs the benchmark `name` of this binary again in a child process with `--child`, on the
/// journal of `events` events (generated here first, so its time is not the child's) and with
/// this run's `--runs=`: the child's peak memory is then its own.
func inChild(_ name: String, events: Int) throws {
    _ = journalFixture(events)
    let p = Process()
    p.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
    p.arguments = [name, "--child", "--size=\(events)"] + args.filter { $0.hasPrefix("--runs=") }
    try p.run(); p.waitUntilExit()
    if p.terminationStatus != 0 {
        fail("\(name) on \(events) events: the child process ended with \(p.terminationStatus)")
    }
}

/// The built `palabre` beside this benchmark.
func palabreBinary() -> String {
    let exe = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("palabre").path
    guard FileManager.default.isExecutableFile(atPath: exe) else { fail("build palabre first: swift build -c release") }
    return exe
}

/// A session folder with the Ségou programme and the first `events` events of the generated
/// journal (none: an empty journal).
func benchSession(events: Int) throws -> String {
    let dir = tempDir()
    try FileManager.default.copyItem(
        atPath: root + "/sessions/segou-2023/programme.yaml", toPath: dir + "/programme.yaml")
    if events > 0 { try FileManager.default.copyItem(atPath: journalFixture(events), toPath: dir + "/journal.jsonl") }
    return dir
}

/// Runs `palabre args…` to its end: milliseconds to its first line on standard output, to its
/// exit, and its peak resident memory in MB. The peak is measured by `/usr/bin/time` (GNU time,
/// which forks): a child spawned from this process directly would report this process's own peak,
/// which Linux carries across `exec`.
func runPalabre(_ arguments: [String]) throws -> (firstLine: Double, total: Double, peakMB: Double) {
    let time = "/usr/bin/time"
    guard FileManager.default.isExecutableFile(atPath: time) else { fail("GNU time is needed: apt-get install time") }
    let peakFile = tempDir() + "/peak"
    defer { try? FileManager.default.removeItem(atPath: Paths.parent(peakFile)) }
    var fds: [Int32] = [0, 0]
    guard pipe(&fds) == 0 else { fail("pipe failed") }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
    posix_spawn_file_actions_addclose(&actions, fds[0])
    let exe = palabreBinary()
    let cargs = ([time, "-o", peakFile, "-f", "%M", exe] + arguments).map { strdup($0) } + [nil]
    let cenv = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    var pid: pid_t = 0
    let t0 = DispatchTime.now().uptimeNanoseconds
    guard posix_spawn(&pid, time, &actions, nil, cargs, cenv) == 0 else { fail("cannot start \(exe)") }
    close(fds[1])
    var firstLine: Double?
    var byte: UInt8 = 0
    while read(fds[0], &byte, 1) == 1 {
        if byte == 10 && firstLine == nil { firstLine = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6 }
    }
    close(fds[0])
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    let total = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6
    if status != 0 { fail("palabre \(arguments.joined(separator: " ")) exited with \(status)") }
    let kb = (try? String(contentsOfFile: peakFile, encoding: .utf8)).flatMap {
        Double($0.split(separator: "\n").last ?? "")
    }
    return (firstLine ?? total, total, (kb ?? -1024) / 1024)
}

func median(of values: [Double]) -> Double { values.sorted()[values.count / 2] }

/// Runs `palabre arguments` once, its output discarded, reading its `/proc/PID/status` every
/// millisecond until it exits: at the sample with the most resident memory, that memory and how it
/// splits (MiB) into the process's own pages (`RssAnon`, its heap and stacks) and the pages of the
/// files it maps (`RssFile`, the binary's and the shared libraries' code and data, shared with
/// every other process that maps them). A sample, so a peak between two reads can be missed: the
/// peak itself is ``runPalabre(_:)``'s.
func residentSplit(_ arguments: [String]) throws -> (resident: Double, anonymous: Double, files: Double) {
    let exe = palabreBinary()
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    let cargs = ([exe] + arguments).map { strdup($0) } + [nil]
    let cenv = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    var pid: pid_t = 0
    guard posix_spawn(&pid, exe, &actions, nil, cargs, cenv) == 0 else { fail("cannot start \(exe)") }
    var best = (resident: 0.0, anonymous: 0.0, files: 0.0)
    var status: Int32 = 0
    while waitpid(pid, &status, WNOHANG) == 0 {
        let anonymous = statusMiB("RssAnon", pid: "\(pid)"), files = statusMiB("RssFile", pid: "\(pid)")
        if anonymous >= 0, files >= 0, anonymous + files > best.resident {
            best = (anonymous + files, anonymous, files)
        }
        usleep(1000)
    }
    if status != 0 { fail("palabre \(arguments.joined(separator: " ")) exited with \(status)") }
    return best
}

/// `palabre do SESSION note x` through the real binary: time to the printed seq (the event is
/// durable then) from the session's decision snapshot and, the snapshot removed before the run,
/// from the whole journal; time to the exit with the documents and with `--no-documents`; on a
/// 10-event session and on the generated journals, as ratios measured in the same run.
func benchDo() throws {
    var base: Double?
    for events in [10] + journalSizes(default: [10_000, 100_000]) {
        let dir: String
        if events == 10 {
            dir = try benchSession(events: 0)
            for i in 0..<10 { _ = try runPalabre(["do", dir, "note", "Note \(i)", "--no-documents"]) }
        } else {
            dir = try benchSession(events: events)
        }
        let snapshot = dir + "/" + DecisionSnapshot.fileName
        var seq: [Double] = [], cold: [Double] = [], total: [Double] = [], bare: [Double] = [], peak = 0.0
        for i in 0..<runs(default: 5) {
            try? FileManager.default.removeItem(atPath: snapshot)
            cold.append(try runPalabre(["do", dir, "note", "Sans instantané \(i)", "--no-documents"]).firstLine)
            let r = try runPalabre(["do", dir, "note", "Mesure \(i)"])
            seq.append(r.firstLine); total.append(r.total); peak = max(peak, r.peakMB)
            let b = try runPalabre(["do", dir, "note", "Mesure \(i) sans documents", "--no-documents"])
            seq.append(b.firstLine); bare.append(b.total)
        }
        let s = median(of: seq)
        if base == nil { base = s }
        say(
            String(
                format: "do note at %d events: seq printed after %.0f ms from the snapshot (%.2f × the 10-event "
                    + "session), %.0f ms without it (%.2f ×); exit %.0f ms with the documents, %.0f ms with "
                    + "--no-documents; peak %.1f MiB (medians of %d)",
                events, s, s / base!, median(of: cold), median(of: cold) / base!, median(of: total),
                median(of: bare), peak, cold.count))
        try? FileManager.default.removeItem(atPath: dir)
    }
}

/// `palabre verify SESSION` through the real binary: time and peak memory for each journal size,
/// `--runs=N` times (3 by default).
func benchVerify() throws {
    try measureCommand("verify", sizes: journalSizes(default: [10_000, 100_000]))
}

/// `palabre minutes SESSION` (all the documents from the journal) through the real binary: time
/// and peak memory for each journal size, `--runs=N` times (3 by default), against `jq -c .` on the
/// same journal in the same run.
func benchMinutes() throws {
    try measureCommand("minutes", sizes: journalSizes(default: [10_000, 100_000]), againstJq: true)
}

/// Runs `palabre command SESSION` on a session with each journal of `sizes`, `--runs=N` times (3 by
/// default): median time and largest peak memory, and with `againstJq` the median of `jq -c .`
/// over the same journal in the same run.
func measureCommand(_ command: String, sizes: [Int], againstJq: Bool = false) throws {
    for events in sizes {
        let dir = try benchSession(events: events)
        var times: [Double] = [], peaks: [Double] = []
        for _ in 0..<runs(default: 3) {
            let r = try runPalabre([command, dir])
            times.append(r.total); peaks.append(r.peakMB)
        }
        let split = try residentSplit([command, dir])
        var line = String(
            format: "%@ %d events: %.0f ms, peak %.1f MiB (medians of %d; peaks %@ MiB); at the largest sample "
                + "%.1f MiB resident: %.1f MiB the process's own (anonymous), %.1f MiB pages of the binary's "
                + "and the shared libraries' files", command, events,
            median(of: times), median(of: peaks), times.count,
            peaks.map { String(format: "%.1f", $0) }.joined(separator: ", "), split.resident, split.anonymous,
            split.files)
        if againstJq {
            let jq = median(of: try (0..<runs(default: 3)).map { _ in try jqSeconds(dir + "/journal.jsonl") })
            line += String(format: "; jq -c . %.0f ms (ratio %.2f)", jq * 1000, median(of: times) / (jq * 1000))
        }
        say(line)
        try? FileManager.default.removeItem(atPath: dir)
    }
}

let benches: [(String, () throws -> Void)] = [
    ("load", benchLoad), ("append", benchAppend), ("documents", benchDocuments), ("terminal", benchTerminal),
    ("keys", benchKeys), ("replay", benchReplay), ("board", benchBoard), ("followup", benchFollowUp),
    ("export", benchExport), ("directory", benchDirectory), ("yaml", benchYAML), ("yamlfuzz", benchYAMLFuzz),
    ("do", benchDo), ("verify", benchVerify), ("minutes", benchMinutes),
]
let chosen = args.filter { !$0.hasPrefix("--") }
// The fuzz run is long and proves robustness rather than speed: only when named.
for (name, body) in benches where chosen.isEmpty ? name != "yamlfuzz" : chosen.contains(name) {
    do { try body() } catch { fail("\(name): \(error)") }
}
