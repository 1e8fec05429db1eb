// palabre-termdemo: proves the terminal layer end to end. Shows an input line and a big
// clock counting up from the start; each line submitted with Entrée is appended (NFC) to
// the file given as argument. Quits with exit status 0 on Ctrl-C, on q with an empty line,
// and on SIGTERM or SIGHUP, leaving the terminal as it found it. With
// PALABRE_TERMDEMO_CRASH=1, F12 crashes it on purpose (the terminal must still be restored).
// A paste goes to the input line as text.
//
//     palabre-termdemo notes.txt        (PALABRE_THEME=projector for another theme)

import Foundation
import PalabreTerminal
import PalabreUI

/// The hint bar: the keys `handle` acts on besides editing.
let hints: [(keys: String, label: String)] = [
    ("Entrée", "Enregistrer"),
    ("^C", "Quitter"),
    ("q", "Quitter (ligne vide)"),
]

let minimumSize = Size(width: 40, height: 12)
let tooSmallNotice = "Fenêtre trop petite : agrandir à 40×12 au moins"

/// What the screen shows besides the editor.
struct DemoState {
    var elapsedSeconds = 0
    var lastLine: String?
    var savedCount = 0
    var message: (text: String, role: Role)?
    var warning: String?
}

func clockText(seconds: Int) -> String {
    let h = seconds / 3600
    let m = (seconds / 60) % 60
    let s = seconds % 60
    let mmss = (m < 10 ? "0" : "") + "\(m):" + (s < 10 ? "0" : "") + "\(s)"
    return h > 0 ? "\(h):" + mmss : mmss
}

/// Draws the whole screen; returns the grid and where the cursor goes.
func renderScreen(size: Size, state: DemoState, editor: inout LineEditor) -> (Grid, Position?) {
    var grid = Grid(size: size)
    guard size.width >= minimumSize.width, size.height >= minimumSize.height else {
        // Middle row, but never the last one when there are two or more: many terminals
        // cannot show the bottom-right cell.
        if size.height > 0 {
            grid.put(
                x: 0, y: (size.height - 1) / 2, text: TextWidth.truncate(tooSmallNotice, toWidth: size.width),
                role: .bannerWarn)
        }
        return (grid, nil)
    }
    let w = size.width
    let h = size.height

    grid.fill(x: 0, y: 0, width: w, height: 1, role: .title)
    grid.put(x: 1, y: 0, text: "palabre — démo du terminal", role: .title, maxWidth: w - 10)
    let sizeText = size.description
    grid.put(x: w - 1 - TextWidth.width(of: sizeText), y: 0, text: sizeText, role: .title)
    if let warning = state.warning {
        grid.fill(x: 0, y: 1, width: w, height: 1, role: .bannerWarn)
        grid.put(x: 1, y: 1, text: TextWidth.truncate(warning, toWidth: w - 2), role: .bannerWarn)
    }

    // The clock, as large as fits between the banner and the bottom lines.
    let clock = clockText(seconds: state.elapsedSeconds)
    let top = 2
    let available = h - 5 - top
    if let font = BigDigits.font(fitting: clock, width: w - 2, height: available) {
        let x = (w - BigDigits.width(of: clock, font: font)) / 2
        let y = top + (available - font.height) / 2
        BigDigits.draw(clock, font: font, into: &grid, x: x, y: y, role: .bigDigits)
    } else {
        grid.put(x: (w - clock.count) / 2, y: top, text: clock, role: .bigDigits)
    }

    let last = state.lastLine.map { "Dernière ligne : « \($0) »" } ?? "Aucune ligne enregistrée"
    grid.put(x: 1, y: h - 4, text: TextWidth.truncate(last, toWidth: w - 2), role: .muted)
    let label = "Texte : "
    let fieldX = 1 + TextWidth.width(of: label)
    grid.put(x: 1, y: h - 3, text: label, role: .normal)
    let cursor = editor.render(into: &grid, x: fieldX, y: h - 3, width: w - fieldX - 1, role: .input)
    if let message = state.message {
        grid.put(x: 1, y: h - 2, text: TextWidth.truncate(message.text, toWidth: w - 2), role: message.role)
    }
    drawHintBar(into: &grid, y: h - 1)
    return (grid, cursor)
}

/// The hint bar on row `y`: each key in `hint.key`, its label in `hint.text`; entries that
/// do not fit are left out.
func drawHintBar(into grid: inout Grid, y: Int) {
    grid.fill(x: 0, y: y, width: grid.width, height: 1, role: .hintText)
    var x = 0
    for (index, hint) in hints.enumerated() {
        let keys = " " + hint.keys + " "
        let label = " " + hint.label
        let needed = TextWidth.width(of: keys) + TextWidth.width(of: label) + (index > 0 ? 2 : 0)
        if x + needed > grid.width { break }
        if index > 0 { x += 2 }
        x = grid.put(x: x, y: y, text: keys, role: .hintKey)
        x = grid.put(x: x, y: y, text: label, role: .hintText)
    }
}

/// Appends one line to the file, NFC-normalised. Returns an error message on failure.
func append(_ line: String, to fd: Int32) -> String? {
    let bytes = Array((line.precomposedStringWithCanonicalMapping + "\n").utf8)
    var offset = 0
    while offset < bytes.count {
        let written = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        if written < 0 {
            if errno == EINTR { continue }
            return String(cString: strerror(errno))
        }
        offset += written
    }
    return nil
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

@MainActor
func run() -> Int32 {
    let arguments = CommandLine.arguments
    guard arguments.count == 2 else {
        printError("usage: palabre-termdemo FILE\n  appends each line typed (Entrée) to FILE")
        return 2
    }
    let path = arguments[1]
    let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
    guard fd >= 0 else {
        printError("palabre-termdemo: cannot open \(path): \(String(cString: strerror(errno)))")
        return 1
    }
    defer { close(fd) }

    let environment = ProcessInfo.processInfo.environment
    // For the crash-restore test: F12 traps on purpose.
    let crashOnF12 = environment["PALABRE_TERMDEMO_CRASH"] == "1"
    let loaded = ThemeLoader.standard().load(environment["PALABRE_THEME"] ?? "dark")
    let session: TerminalSession
    do {
        session = try TerminalSession(theme: loaded.theme)
    } catch {
        printError("\(error)")
        return 1
    }

    let renderer = Renderer(backend: session)
    let start = ContinuousClock.now
    var editor = LineEditor()
    var state = DemoState()
    state.warning = session.notice ?? loaded.diagnostics.first.map { "Thème : \($0)" }

    loop: while session.pendingSignal() == nil {
        state.elapsedSeconds = Int((ContinuousClock.now - start).components.seconds)
        let (grid, cursor) = renderScreen(size: session.size, state: state, editor: &editor)
        renderer.render(grid, cursor: cursor)

        for event in session.readInput(timeoutMilliseconds: 100) {
            switch event {
            case .resize, .key(.resize):
                renderer.invalidate()
            case .paste(let text):
                editor.insert(text)
            case .pasteStalled:
                state.message = ("Collage sans fin : Échap puis 2 s pour le terminer", .bannerWarn)
            case .pasteTooLong:
                state.message = ("Collage trop long : rien n'a été collé", .bannerWarn)
            case .key(.function(12)) where crashOnF12:
                fatalError("crash requested with F12 (PALABRE_TERMDEMO_CRASH=1)")
            case .key(.ctrl("c")):
                break loop
            case .key(.char("q")) where editor.isEmpty:
                break loop
            case .key(.enter):
                let line = editor.text
                guard !line.isEmpty else { continue }
                if let failure = append(line, to: fd) {
                    state.message = ("Échec de l’écriture dans \(path) : \(failure)", .bannerError)
                } else {
                    state.savedCount += 1
                    state.lastLine = line
                    state.message = (
                        "Enregistré dans \(path) (\(state.savedCount) ligne\(state.savedCount > 1 ? "s" : ""))",
                        .statusDone
                    )
                    editor.clear()
                }
            case .key(let key):
                editor.handle(key)
            }
        }
    }
    session.shutdown()
    for diagnostic in loaded.diagnostics { printError("\(diagnostic)") }
    return 0
}

exit(run())
