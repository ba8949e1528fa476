// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "sitrep",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "sitrep", targets: ["sitrep"]),
        // Benchmark drivers, data generators and the demo's loopback services; never shipped.
        .executable(name: "sitrep-bench", targets: ["SitrepBench"]),
        // libFuzzer targets (`make fuzz`); a plain build replays inputs instead. Never shipped.
        .executable(name: "sitrep-fuzz", targets: ["SitrepFuzz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CNCurses",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        .systemLibrary(
            name: "CCMark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .systemLibrary(name: "CPseudoTerminal"),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .target(name: "TerminalUI"),
        .target(name: "CursesBackend", dependencies: ["CNCurses", "TerminalUI"]),
        .target(
            name: "IncidentCore",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOTLS", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                "CCMark",
            ]
        ),
        .target(
            name: "Console",
            dependencies: ["TerminalUI", "IncidentCore", .product(name: "Yams", package: "Yams")]),
        // `sitrep serve`: the HTTP receivers for Alertmanager, PagerDuty-style senders and webhooks.
        .target(
            name: "AlertServer",
            dependencies: [
                "IncidentCore", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]),
        // The CLI's side of the terminal: options every store command shares, the runbook
        // conversation on stdin/stdout, and the bridge from a command's thread to async work.
        .target(
            name: "CommandLineSupport",
            dependencies: ["IncidentCore", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .executableTarget(
            name: "sitrep",
            dependencies: [
                "AlertServer", "Console", "CursesBackend", "IncidentCore", "TerminalUI", "CommandLineSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // Release start-up: the static runtime's `-export-dynamic` puts all 40,000 symbols in
            // the dynamic table, which ld.so and the runtime's dladdr then search on every run, and
            // packed relative relocations shrink the 3 MB relocation table ld.so reads at load.
            linkerSettings: [
                .unsafeFlags(
                    [
                        "-use-ld=lld", "-Xlinker", "--no-export-dynamic", "-Xlinker", "-z", "-Xlinker",
                        "pack-relative-relocs",
                    ],
                    .when(configuration: .release))
            ]
        ),
        // What benchmarks, the demo and tests use and users never run: loopback HTTP services, a
        // pseudo-terminal, a generator of large databases, and the benchmark drivers.
        .target(
            name: "BenchSupport",
            dependencies: [
                "Console", "CursesBackend", "IncidentCore", "TerminalUI", "CCMark", "CPseudoTerminal", "CSQLite",
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        .executableTarget(
            name: "SitrepBench",
            dependencies: [
                "BenchSupport", "CommandLineSupport", "Console", "CursesBackend", "IncidentCore", "TerminalUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // What the fuzzers feed hostile input to, and the invariants each must keep.
        .target(name: "Fuzzing", dependencies: ["Console", "IncidentCore", "TerminalUI"]),
        // `-parse-as-library`: under `-sanitize=fuzzer` libFuzzer supplies `main`.
        .executableTarget(
            name: "SitrepFuzz", dependencies: ["Fuzzing"], swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
        .testTarget(
            name: "IncidentCoreTests",
            dependencies: [
                "IncidentCore", "BenchSupport", "CCMark", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ],
            // The runbook corpus is read from the source tree by path, as the CLI tests read it too.
            exclude: ["RunbookCorpus"],
            resources: [.copy("Fixtures")]
        ),
        // Golden `runbook show --json` files are read from the source tree by path (RunbookGolden).
        .testTarget(
            name: "SitrepCLITests", dependencies: ["IncidentCore", "BenchSupport", "sitrep", "SitrepBench"],
            exclude: ["Golden"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI"]),
        // The committed corpus and crash inputs, replayed, plus a short seeded mutation pass.
        .testTarget(name: "FuzzingTests", dependencies: ["Fuzzing"], exclude: ["Corpus"]),
        .testTarget(
            name: "CursesBackendTests", dependencies: ["CursesBackend", "BenchSupport", "TerminalUI", "CNCurses"]),
        // Golden screens are read from the source tree by path (GoldenScreen), not bundled.
        .testTarget(
            name: "ConsoleTests", dependencies: ["Console", "TerminalUI", "IncidentCore"], exclude: ["Golden"]),
    ]
)
