import Foundation
import Testing

@testable import PalabreCore

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `palabre export SESSION --format iati` through the real binary, on a copy of the recorded
/// Ségou meeting: the file written where the other formats go, read back as XML; the refusal
/// when the first organiser lacks its IATI keys, with nothing written.
@Suite("palabre export --format iati")
struct IatiExportProcessTests {
    /// A copy of sessions/segou-2023-recorded; with `identifier`, NEF (the first organiser) gets
    /// `iati:` beside the `iati_type:` the sample gives it.
    func copy(identifier: String?) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("palabre-iati-\(UUID().uuidString)")
            .path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let sample = Bin.root + "/sessions/segou-2023-recorded"
        try FileManager.default.copyItem(atPath: sample + "/journal.jsonl", toPath: dir + "/journal.jsonl")
        var programme = try String(contentsOfFile: sample + "/programme.yaml", encoding: .utf8)
        let marker = "    iati_type: 21"
        #expect(programme.contains(marker), "the sample gives NEF an IATI organisation type")
        if let identifier {
            programme = programme.replacingOccurrences(of: marker, with: "    iati: \(identifier)\n" + marker)
        }
        try programme.write(toFile: dir + "/programme.yaml", atomically: true, encoding: .utf8)
        return dir
    }

    @Test("Exit 0, iati-activities.xml in out/export, one activity per fiche, the same bytes twice")
    func writes() throws {
        let dir = try copy(identifier: "XI-IATI-EXAMPLE")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try Bin.run(["export", dir, "--format", "iati"])
        #expect(r.status == 0, "\(r.stderr)")
        let path = dir + "/out/export/iati-activities.xml"
        #expect(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == path)
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let root = try #require(try XMLDocument(data: data, options: []).rootElement())
        #expect(root.name == "iati-activities")
        #expect(root.attribute(forName: "generated-datetime")?.stringValue == "2023-10-19T16:26:00+00:00")
        let activities = (root.children ?? []).compactMap { $0 as? XMLElement }
        #expect(activities.count == 22, "the 22 fiches of the Ségou programme")
        #expect(
            activities.allSatisfy {
                $0.elements(forName: "iati-identifier").first?.stringValue?.hasPrefix("XI-IATI-EXAMPLE-") == true
            })
        let r2 = try Bin.run(["export", dir, "--format", "iati"])
        #expect(r2.status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == data, "no wall clock: the same bytes")
        // At midday of day 2, fewer commitments exist: fewer transactions, the moment as generated-datetime.
        let at = try Bin.run(["export", dir, "--format", "iati", "--at", "2023-10-18 12:00", "--out", dir + "/midi"])
        #expect(at.status == 0, "\(at.stderr)")
        let midi = try String(contentsOfFile: dir + "/midi/iati-activities.xml", encoding: .utf8)
        #expect(midi.contains("generated-datetime=\"2023-10-18T12:00:00+00:00\""))
        let count = { (s: String) in s.components(separatedBy: "<transaction>").count - 1 }
        #expect(count(midi) < count(String(decoding: data, as: UTF8.self)))
    }

    @Test("Refused without the organiser's iati key: exit 1, the key named in French or English, nothing written")
    func refusal() throws {
        let dir = try copy(identifier: nil)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let fr = try Bin.run(["export", dir, "--format", "iati"])
        #expect(fr.status == 1)
        #expect(fr.stderr.contains("« nef »") && fr.stderr.contains("il lui manque iati."), "\(fr.stderr)")
        #expect(fr.stderr.contains("Rien n'a été écrit."))
        let en = try Bin.run(["export", dir, "--format", "iati", "--lang", "en"])
        #expect(en.status == 1)
        #expect(
            en.stderr.contains("“nef”, which lacks iati.") && en.stderr.contains("Nothing was written."), "\(en.stderr)"
        )
        #expect(!FileManager.default.fileExists(atPath: dir + "/out/export"))
    }
}
