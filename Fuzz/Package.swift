// swift-tools-version: 5.4
import PackageDescription

// libFuzzer targets for huiwen's parsers, built apart from the main package so that its build
// is unaffected: `make fuzz` builds them with `-sanitize=fuzzer,address` (its own scratch
// path, .build-fuzz) and runs each for FUZZ_SECONDS. Each target is an executable whose only
// entry is `LLVMFuzzerTestOneInput`; libFuzzer supplies `main`.
//
// Tools version 5.4 on purpose: from 5.5 on, SwiftPM renames an executable's entry point
// (`FuzzCSV_main`) and links it as `main`, which then does not exist (`-parse-as-library`) and
// would clash with libFuzzer's. The targets are compiled in the Swift 5 language mode.
let package = Package(
    name: "huiwen-fuzz",
    dependencies: [
        .package(name: "huiwen", path: ".."),
        // The version the main package uses: FuzzXLSX wraps its input in a workbook.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .target(
            name: "FuzzSupport",
            dependencies: [
                .product(name: "HuiwenStages", package: "huiwen"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),
        .executableTarget(name: "FuzzTemplate", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "FuzzFrontMatter", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "FuzzCSV", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "FuzzJSON", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "FuzzYAML", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "FuzzXLSX", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "FuzzMarkdownEscaper", dependencies: ["FuzzSupport"]),
    ]
)
