// swift-tools-version:6.0
import PackageDescription

// Linux only: the terminal layer imports Glibc and ncursesw, and its signal handling uses
// `Atomic` (Synchronization). No Apple platform is declared because none is supported.
let package = Package(
    name: "palabre",
    products: [
        .executable(name: "palabre", targets: ["palabre"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/apple/swift-system", from: "1.4.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.0"),
    ],
    targets: [
        .target(
            name: "PalabreCore",
            dependencies: [
                .product(name: "Yams", package: "Yams"), .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "SystemPackage", package: "swift-system"),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        .target(
            name: "PalabreUI",
            dependencies: ["PalabreCore"]
        ),
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        .target(
            name: "PalabreTerminal",
            dependencies: ["CNcursesw", "PalabreUI"]
        ),
        .executableTarget(
            name: "palabre",
            dependencies: [
                "PalabreCore", "PalabreUI", "PalabreTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "palabre-termdemo",
            dependencies: ["PalabreUI", "PalabreTerminal"]
        ),
        .executableTarget(
            name: "palabre-bench",
            dependencies: ["PalabreCore", "PalabreUI"]
        ),
        .testTarget(name: "PalabreCoreTests", dependencies: ["PalabreCore"], exclude: ["Golden"]),
        .testTarget(name: "PalabreUITests", dependencies: ["PalabreUI", "PalabreCore"], exclude: ["Snapshots"]),
        .testTarget(name: "ProcessTests", dependencies: ["PalabreCore"], exclude: ["Golden"]),
        .testTarget(name: "PalabreTerminalTests", dependencies: ["PalabreTerminal", "PalabreUI"]),
    ]
)
