import Foundation

@testable import PalabreCore

/// Paths and process helpers for tests that run the real `palabre` binary.
enum Bin {
    /// Root of the package (three levels above this file).
    static let root: String = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    /// The built `palabre` binary: $PALABRE_BIN, else .build/debug/palabre.
    static var palabre: String {
        if let p = ProcessInfo.processInfo.environment["PALABRE_BIN"] { return p }
        return root + "/.build/debug/palabre"
    }

    /// A fresh session folder holding a copy of `sessions/<sample>/programme.yaml`.
    static func session(copying sample: String = "demo") throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("palabre-proc-\(UUID().uuidString)")
            .path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: "\(root)/sessions/\(sample)/programme.yaml", toPath: dir + "/programme.yaml")
        return dir
    }

    /// Result of a finished process.
    struct Output { var status: Int32; var stdout: String; var stderr: String }

    /// Runs `palabre args…` to the end (stdin empty, or `input`); with `direct`, `args[0]` is the
    /// program to run instead (`/usr/bin/timeout`).
    @discardableResult
    static func run(
        _ args: [String], input: String? = nil, cwd: String? = nil, env: [String: String] = [:], direct: Bool = false
    ) throws -> Output {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: direct ? args[0] : palabre)
        p.arguments = direct ? Array(args.dropFirst()) : args
        if let cwd { p.currentDirectoryURL = URL(fileURLWithPath: cwd) }
        var environment = ProcessInfo.processInfo.environment
        for (k, v) in env { environment[k] = v }
        p.environment = environment
        let out = Pipe(), err = Pipe(), inp = Pipe()
        p.standardOutput = out; p.standardError = err; p.standardInput = inp
        try p.run()
        if let input { inp.fileHandleForWriting.write(Data(input.utf8)) }
        try inp.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Output(
            status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
            stderr: String(decoding: e, as: UTF8.self))
    }

    /// Seqs printed by `palabre do`/`script` (`12 itemStarted` lines).
    static func seqs(_ stdout: String) -> [Int] {
        stdout.split(separator: "\n").compactMap { $0.split(separator: " ").first.flatMap { Int($0) } }
    }
}
