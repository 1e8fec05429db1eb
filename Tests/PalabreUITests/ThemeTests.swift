import Foundation
import Testing

@testable import PalabreUI

/// The repository's themes folder, found from this source file.
let themesDirectory: String = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("themes").path

@Suite("Themes")
struct ThemeTests {
    @Test("A good file parses into the three forms")
    func goodFile() {
        let text = """
            # palabre theme: test
            [256]
            timer.over      fg=196 bg=default bold
            selection       fg=231 bg=24   # a comment after a style
            [8]
            timer.over      fg=red bold
            [mono]
            timer.over      reverse bold
            normal          plain
            """
        let result = Theme.parse(text, name: "test", file: "test.theme")
        #expect(result.diagnostics.isEmpty)
        let theme = result.theme
        #expect(theme.style(for: .timerOver, in: .colors256) == Style(foreground: .index(196), attributes: .bold))
        #expect(theme.style(for: .selection, in: .colors256) == Style(foreground: .index(231), background: .index(24)))
        #expect(theme.style(for: .timerOver, in: .colors8) == Style(foreground: .red, attributes: .bold))
        #expect(theme.style(for: .timerOver, in: .mono) == Style(attributes: [.reverse, .bold]))
        // Missing roles fall back to the parent, then normal, then plain.
        #expect(theme.style(for: "timer.over.flash", in: .colors256) == theme.style(for: .timerOver, in: .colors256))
        #expect(theme.style(for: .muted, in: .mono) == .plain)
    }

    @Test("Bad lines are reported as file:line with what is expected")
    func badLines() {
        let text = """
            timer.ok fg=green
            [256]
            timer.over fg=300 bold
            timer.warn fg=214 blinky
            Timer.Bad bold
            [8]
            timer.over fg=196
            [mono]
            timer.over fg=red
            timer.ok plain bold
            timer.ok bold
            timer.ok underline
            [16]
            title bold
            """
        let result = Theme.parse(text, name: "bad", file: "themes/bad.theme")
        let messages = result.diagnostics.map(\.description)
        #expect(result.hasErrors)
        #expect(messages.count == 9, "\(messages)")
        #expect(messages[0].hasPrefix("themes/bad.theme:1: role 'timer.ok' comes before any section"))
        #expect(messages[1].hasPrefix("themes/bad.theme:3: '300' is not a colour; expected default, a number 0–255"))
        #expect(messages[2].hasPrefix("themes/bad.theme:4: unknown token 'blinky'; expected fg=COLOUR"))
        #expect(messages[3].hasPrefix("themes/bad.theme:5: 'Timer.Bad' is not a role name"))
        #expect(messages[4].hasPrefix("themes/bad.theme:7: colour 196 needs 256 colours; in [8] use 0–7"))
        #expect(messages[5].hasPrefix("themes/bad.theme:9: colours are not allowed in [mono]"))
        #expect(messages[6].hasPrefix("themes/bad.theme:10: 'plain' must stand alone"))
        #expect(messages[7].hasPrefix("themes/bad.theme:12: role 'timer.ok' is already defined for [mono] at line 11"))
        #expect(messages[8].hasPrefix("themes/bad.theme:13: unknown section '16'; expected [256], [8], [mono]"))
    }

    @Test("Unknown roles are warnings, not errors")
    func unknownRole() {
        let result = Theme.parse("[mono]\nqueue.futur bold\n", name: "w", file: "w.theme")
        #expect(!result.hasErrors)
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics[0].description.hasPrefix("w.theme:2: warning: unknown role 'queue.futur'"))
        #expect(result.theme.style(for: "queue.futur", in: .mono) == Style(attributes: .bold))
    }

    @Test("A file without sections is an error")
    func empty() {
        let result = Theme.parse("# nothing\n", name: "e", file: "e.theme")
        #expect(result.hasErrors)
        #expect(result.diagnostics.first?.description.hasPrefix("e.theme: no section found") == true)
    }

    @Test("One section can serve several forms; missing forms fall back")
    func sharedAndFallback() {
        let result = Theme.parse("[8, mono]\ntitle bold\n", name: "s", file: "s.theme")
        #expect(result.diagnostics.isEmpty)
        #expect(result.theme.style(for: .title, in: .colors256) == Style(attributes: .bold))  // 256 → 8
        #expect(result.theme.style(for: .title, in: .mono) == Style(attributes: .bold))
    }

    @Test("The built-in default equals themes/dark.theme")
    func builtInMatchesFile() throws {
        let path = themesDirectory + "/dark.theme"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(
            text == Theme.builtInDarkText + "\n",
            "Sources/PalabreUI/BuiltInTheme.swift must be a copy of themes/dark.theme")
        let parsed = Theme.parse(text, name: "dark", file: path)
        #expect(parsed.diagnostics.isEmpty)
        #expect(parsed.theme == Theme.builtInDefault)
        #expect(
            Theme.builtInDefault.style(for: .timerOver, in: .colors256)
                == Style(foreground: .index(196), attributes: .bold))
    }

    @Test("Every shipped theme parses cleanly and styles every known role in every form")
    func shippedThemes() throws {
        for name in ["dark", "light", "projector", "mono"] {
            let loaded = ThemeLoader(searchDirectories: [themesDirectory]).load(name)
            #expect(loaded.diagnostics.isEmpty, "\(name): \(loaded.diagnostics)")
            #expect(loaded.path == themesDirectory + "/\(name).theme")
            #expect(loaded.theme.name == name)
            for form in ColorForm.allCases {
                let table = try #require(loaded.theme.forms[form], "\(name) lacks [\(form)]")
                for role in Role.known { #expect(table[role] != nil, "\(name) [\(form)] lacks \(role)") }
            }
        }
    }

    @Test("The projector theme uses no grey and no dim")
    func projectorContrast() {
        let theme = ThemeLoader(searchDirectories: [themesDirectory]).load("projector").theme
        for form in ColorForm.allCases {
            for (role, style) in theme.forms[form] ?? [:] {
                #expect(!style.attributes.contains(.dim), "\(role)")
                for color in [style.foreground, style.background] {
                    if case .index(let i) = color {
                        #expect(!(232...255).contains(i) && i != 8, "\(role) uses grey \(i)")
                    }
                }
            }
        }
    }

    @Test("Lookup by name and by path, with a fallback on errors")
    func lookup() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("palabre-themes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "[mono]\ntitle underline\n".write(
            to: dir.appendingPathComponent("mine.theme"), atomically: true, encoding: .utf8)
        try "[256]\ntitle fg=999\n".write(
            to: dir.appendingPathComponent("broken.theme"), atomically: true, encoding: .utf8)
        let loader = ThemeLoader(searchDirectories: ["/nonexistent", dir.path])

        let mine = loader.load("mine")
        #expect(mine.diagnostics.isEmpty)
        #expect(mine.theme.style(for: .title, in: .colors256) == Style(attributes: .underline))

        let byPath = loader.load(dir.appendingPathComponent("mine.theme").path)
        #expect(byPath.theme == mine.theme)

        let broken = loader.load("broken")
        #expect(broken.theme == Theme.builtInDefault)
        #expect(
            broken.diagnostics.first?.description == dir.path + "/broken.theme:2: '999' is not a colour; "
                + "expected default, a number 0–255, a name (black, red, green, yellow, blue, magenta, cyan, white) or "
                + "bright-NAME")

        let missing = loader.load("absent")
        #expect(missing.theme == Theme.builtInDefault)
        #expect(
            missing.diagnostics.first?.description.contains("absent: theme not found (searched: /nonexistent, ")
                == true)

        let dark = ThemeLoader(searchDirectories: []).load("dark")
        #expect(dark.diagnostics.isEmpty)
        #expect(dark.theme == Theme.builtInDefault)
    }

    @Test("The standard search path includes the user's folder, ./themes and the executable's tree")
    func standardSearchPath() {
        let loader = ThemeLoader.standard(
            environment: ["HOME": "/home/ada", "PALABRE_THEMES": "/opt/t"],
            currentDirectory: "/work/s",
            executablePath: "/repo/.build/debug/palabre")
        #expect(
            loader.searchDirectories == [
                "/opt/t", "/home/ada/.config/palabre/themes", "/work/s/themes",
                "/repo/.build/share/palabre/themes", "/repo/themes", "/themes",
            ])
    }

    @Test("NO_COLOR selects monochrome; otherwise the colour count decides")
    func colorForm() {
        #expect(ColorForm.select(colors: 256, environment: [:]) == .colors256)
        #expect(ColorForm.select(colors: 16, environment: [:]) == .colors8)
        #expect(ColorForm.select(colors: 8, environment: [:]) == .colors8)
        #expect(ColorForm.select(colors: 2, environment: [:]) == .mono)
        #expect(ColorForm.select(colors: 256, environment: ["NO_COLOR": "1"]) == .mono)
        #expect(ColorForm.select(colors: 256, environment: ["NO_COLOR": ""]) == .colors256)
    }

    @Test("Styles write back as theme tokens")
    func styleText() {
        #expect(Style(foreground: .index(196), attributes: .bold).description == "fg=196 bold")
        #expect(
            Style(foreground: .red, background: .index(15), attributes: [.reverse, .underline]).description
                == "fg=red bg=15 underline reverse")
        #expect(Style.plain.description == "plain")
        let reparsed = Theme.parse(Theme.builtInDefault.fileText(), name: "dark", file: "x")
        #expect(reparsed.theme == Theme.builtInDefault)
    }
}

/// Theme errors in French and in English, from the one table of ``ThemeProblem``.
struct ThemeLanguageTests {
    static let broken = "[256, 9]\n[8]\ntimer.over fg=200 bold fg=1\nwarn.text plain bold\n"

    @Test func aBrokenThemeIsToldInEachLanguage() {
        let fr = Theme.parse(Self.broken, name: "b", file: "b.theme", language: .fr).diagnostics.map(\.description)
        let en = Theme.parse(Self.broken, name: "b", file: "b.theme", language: .en).diagnostics.map(\.description)
        #expect(fr.count == en.count && fr.count >= 3)
        #expect(
            fr.contains(
                "b.theme:1: section inconnue « 9 » ; attendu [256], [8], [mono] ou plusieurs, par exemple [256, 8, mono]"
            ))
        #expect(
            en.contains("b.theme:1: unknown section '9'; expected [256], [8], [mono] or several, e.g. [256, 8, mono]"))
        #expect(fr.contains { $0.hasPrefix("b.theme:3: la couleur 200 demande 256 couleurs ; en [8]") })
        #expect(en.contains { $0.hasPrefix("b.theme:3: colour 200 needs 256 colours; in [8]") })
        for (f, e) in zip(fr, en) {
            #expect(f != e, "the two languages differ")
            #expect(!f.contains("expected") && !f.contains("'"), "no English in French: \(f)")
            #expect(!e.contains("«") && !e.contains("attendu"), "no French in English: \(e)")
        }
    }

    static let problems: [ThemeProblem] = [
        .unclosedSection(header: "abc"),
        .unknownSection(names: ["9", "x"], header: "abc"),
        .roleBeforeSection(role: "abc"),
        .badRoleName(role: "abc"),
        .noStyle(role: "abc"),
        .unknownRole(role: "abc", known: ["9", "x"]),
        .roleDefinedTwice(role: "abc", section: "abc", line: 3),
        .noSection,
        .plainNotAlone,
        .unknownToken(token: "abc"),
        .colourTwice(key: "abc"),
        .colourInMono(token: "abc"),
        .notAColour(name: "abc"),
        .needs256(name: "abc"),
        .notFound(searched: ["9", "x"], fallback: "abc"),
        .notUTF8(fallback: "abc"),
        .hasErrors(fallback: "abc"),
    ]

    @Test(arguments: problems)
    func everyThemeProblemSpeaksBothLanguages(problem: ThemeProblem) {
        let fr = problem.text(.fr), en = problem.text(.en)
        #expect(!fr.isEmpty && !en.isEmpty && fr != en)
        #expect(!fr.contains("expected") && !fr.contains("'abc'"), "English words or quotes in: \(fr)")
        #expect(!en.contains("attendu") && !en.contains("«") && !en.contains(" ;"), "French in: \(en)")
    }

    @Test func aMissingThemeIsToldInTheLanguageAsked() {
        let loader = ThemeLoader(searchDirectories: ["/nonexistent"])
        #expect(loader.load("absent", language: .fr).diagnostics.first?.message.hasPrefix("thème introuvable") == true)
        #expect(loader.load("absent", language: .en).diagnostics.first?.message.hasPrefix("theme not found") == true)
    }
}
