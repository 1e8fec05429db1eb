import Foundation

// Benchmarks, run in release: `swift run -c release palabre-bench [documents [events]]`.
let args = Array(CommandLine.arguments.dropFirst())
switch args.first ?? "documents" {
case "documents":
    DocumentsBench.run(events: args.count > 1 ? Int(args[1]) ?? 100_000 : 100_000)
default:
    print("usage: palabre-bench [documents [events]]")
}
