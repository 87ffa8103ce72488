// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "roadmap-site",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "roadmap", targets: ["roadmap"]),
        .library(name: "RoadmapKit", targets: ["RoadmapKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // cmark-gfm, through pkg-config; Debian's packages provide it.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // The only target that touches C pointers: parses Markdown into immutable Swift values.
        .target(name: "RoadmapMarkdown", dependencies: ["CCmarkGFM"]),
        // The generator: model, enrichment, rendering, search, output.
        .target(
            name: "RoadmapKit",
            dependencies: [
                "RoadmapMarkdown",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // A thin command-line front end over RoadmapKit.
        .executableTarget(
            name: "roadmap",
            dependencies: [
                "RoadmapKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "RoadmapMarkdownTests", dependencies: ["RoadmapMarkdown"]),
        .testTarget(name: "RoadmapKitTests", dependencies: ["RoadmapKit"], resources: [.copy("Fixtures")]),
    ]
)
