// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "roadmap-site",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "roadmap", targets: ["roadmap"]),
        // The pipeline fuzz target: libFuzzer's entry point under `make fuzz`, else a replayer of inputs.
        .executable(name: "roadmap-fuzz", targets: ["roadmap-fuzz"]),
        .library(name: "RoadmapKit", targets: ["RoadmapKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // The live preview's sockets (roadmap serve; its FlyingSocks layer): small, no SwiftNIO.
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        // cmark-gfm, through pkg-config; Debian's packages provide it.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // mimalloc (Debian's libmimalloc-dev) as the executable's allocator. glibc's malloc spends
        // much of a large build in its slow path (_int_malloc scanning bins: 18% of pass 1's
        // samples at 10,000 roadmaps). Measured on 10,000 generated roadmaps into /dev/shm, one
        // run each, same binary: 28.6 s and 803 MB peak on glibc, 23.7 s and 727 MB on mimalloc.
        .systemLibrary(name: "CMimalloc", providers: [.apt(["libmimalloc-dev"])]),
        // renameat2(RENAME_EXCHANGE), which Swift's Glibc module does not declare: the atomic site swap.
        .systemLibrary(name: "CRenameExchange"),
        // The only target that touches C pointers: parses Markdown into immutable Swift values.
        .target(name: "RoadmapMarkdown", dependencies: ["CCmarkGFM"]),
        // A small compiled Mustache engine: templates checked against typed views when they load.
        .target(name: "TemplateEngine"),
        // The generator: model, enrichment, rendering, search, output.
        .target(
            name: "RoadmapKit",
            dependencies: [
                "RoadmapMarkdown",
                "TemplateEngine",
                "CRenameExchange",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // The live preview: serves the built site, watches sources, reloads pages (Server-Sent Events).
        .target(
            name: "RoadmapServe",
            dependencies: ["RoadmapKit", .product(name: "FlyingSocks", package: "FlyingFox")]
        ),
        // A thin command-line front end over RoadmapKit.
        .executableTarget(
            name: "roadmap",
            dependencies: [
                "RoadmapKit",
                "RoadmapServe",
                .target(name: "CMimalloc", condition: .when(platforms: [.linux])),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // `make fuzz` builds it with -sanitize=fuzzer,address -D FUZZING; a plain build replays inputs.
        .executableTarget(name: "roadmap-fuzz", dependencies: ["RoadmapKit", "CLibFuzzer"]),
        // libFuzzer's driver, declared for roadmap-fuzz (-sanitize=fuzzer links its library).
        .systemLibrary(name: "CLibFuzzer"),
        // Tests read their fixtures from the source tree (#filePath), so goldens can be rewritten in place.
        .testTarget(name: "RoadmapMarkdownTests", dependencies: ["RoadmapMarkdown"], exclude: ["Fixtures"]),
        .testTarget(name: "TemplateEngineTests", dependencies: ["TemplateEngine"]),
        .testTarget(name: "RoadmapKitTests", dependencies: ["RoadmapKit"], exclude: ["Fixtures"]),
        .testTarget(
            name: "RoadmapServeTests",
            dependencies: ["RoadmapServe", .product(name: "FlyingSocks", package: "FlyingFox")]
        ),
    ]
)
