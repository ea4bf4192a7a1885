// swift-tools-version: 6.1
import PackageDescription

// One library target per pipeline stage (see DESIGN.md): a stage depends only on the stages
// before it, so the package graph keeps the pipeline's direction. Only the build stage knows
// the order.
let package = Package(
    name: "huiwen",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "huiwen", targets: ["HuiwenCLI"]),
        // The stages the fuzzers drive (Fuzz/, a package of its own built with sanitizers by
        // `make fuzz`): a package can only use another's products.
        .library(
            name: "HuiwenStages",
            targets: ["HuiwenDiagnostics", "HuiwenText", "HuiwenData", "HuiwenTemplate", "HuiwenMarkdown"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(name: "HuiwenDiagnostics"),
        // Text primitives shared by the stages: Chinese numerals, HTML escaping, heading numbering.
        .target(name: "HuiwenText"),
        .target(
            name: "HuiwenData",
            dependencies: [
                "HuiwenDiagnostics",
                .product(name: "Yams", package: "Yams"),
                .product(name: "OrderedCollections", package: "swift-collections"),
                // Excel workbooks (.xlsx) are ZIP archives.
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .target(name: "HuiwenTemplate", dependencies: ["HuiwenDiagnostics", "HuiwenText", "HuiwenData"]),
        // Data comes before Markdown: a chart block reads its spec with the YAML reader and its
        // figures from the project's data.
        .target(name: "HuiwenMarkdown", dependencies: ["HuiwenDiagnostics", "HuiwenText", "HuiwenData", "CCmarkGFM"]),
        .target(
            name: "HuiwenLayout",
            dependencies: [
                "HuiwenDiagnostics", "HuiwenText", "HuiwenData", "HuiwenTemplate", "HuiwenMarkdown",
                .product(name: "OrderedCollections", package: "swift-collections"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .target(
            name: "HuiwenBuild",
            dependencies: [
                "HuiwenDiagnostics", "HuiwenText", "HuiwenData", "HuiwenTemplate", "HuiwenMarkdown", "HuiwenLayout",
                // Inflates the printed PDFs' ToUnicode maps (PDF/PDFToUnicode.swift).
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .target(
            name: "HuiwenServer",
            dependencies: [
                "HuiwenBuild", "HuiwenData", "HuiwenDiagnostics", "HuiwenText",
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        .executableTarget(
            name: "HuiwenCLI",
            dependencies: [
                "HuiwenBuild", "HuiwenDiagnostics", "HuiwenMarkdown", "HuiwenServer", "HuiwenTemplate", "HuiwenText",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // mimalloc in place of glibc's malloc (the shared library overrides it when linked):
            // a batch of 20,000 notices took 16 % less user time (BENCHMARKS.md).
            linkerSettings: [.linkedLibrary("mimalloc", .when(platforms: [.linux]))]
        ),
        .executableTarget(name: "HuiwenBench", dependencies: ["HuiwenDiagnostics", "HuiwenData", "HuiwenTemplate", "HuiwenMarkdown"]),
        // Test support: the shared conformance suites, which CI must not skip.
        .target(name: "HuiwenTestSupport", path: "Tests/HuiwenTestSupport"),
        .testTarget(name: "HuiwenDiagnosticsTests", dependencies: ["HuiwenDiagnostics"]),
        .testTarget(name: "HuiwenTextTests", dependencies: ["HuiwenText"]),
        .testTarget(name: "HuiwenDataTests", dependencies: ["HuiwenData", "HuiwenTestSupport"]),
        .testTarget(
            name: "HuiwenTemplateTests",
            dependencies: [
                "HuiwenTemplate", "HuiwenMarkdown", "HuiwenText", "HuiwenTestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(name: "HuiwenMarkdownTests", dependencies: ["HuiwenMarkdown", "HuiwenText", "HuiwenData", "HuiwenTestSupport"]),
        .testTarget(
            name: "HuiwenLayoutTests",
            dependencies: [
                "HuiwenLayout", "HuiwenTemplate", "HuiwenMarkdown", "HuiwenData", "HuiwenDiagnostics", "HuiwenTestSupport",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .testTarget(
            name: "HuiwenBuildTests",
            dependencies: ["HuiwenBuild", "HuiwenText", "HuiwenTestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .testTarget(name: "HuiwenCLITests", dependencies: ["HuiwenCLI", "HuiwenBuild", "HuiwenData", "HuiwenTestSupport"]),
        .testTarget(name: "HuiwenServerTests", dependencies: ["HuiwenServer", "HuiwenBuild"]),
    ]
)
