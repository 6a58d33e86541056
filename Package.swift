// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "cnmm",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "cnmm", targets: ["cnmm"]),
        .executable(name: "cnmm-synth", targets: ["cnmm-synth"]),
        .library(name: "CNMMKit", targets: ["CNMMKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.3"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // libgit2 (Debian libgit2-dev): the history read in the process, one pass per build, no `git` program.
        .systemLibrary(
            name: "CLibgit2",
            pkgConfig: "libgit2",
            providers: [.apt(["libgit2-dev"])]
        ),
        .systemLibrary(
            name: "CMimalloc",
            providers: [.apt(["libmimalloc-dev"])]
        ),
        .target(
            name: "CNMMKit",
            dependencies: [
                "CCmarkGFM",
                "CLibgit2",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        .executableTarget(
            name: "cnmm",
            dependencies: [
                "CNMMKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                // mimalloc (Debian's libmimalloc-dev) takes the place of the C library's malloc for the whole
                // process: a build allocates and frees millions of small strings and arrays on two threads, and
                // glibc's allocator was a tenth of its CPU time (see README, "Performance").
                .target(name: "CMimalloc", condition: .when(platforms: [.linux])),
            ]
        ),
        .executableTarget(
            name: "cnmm-fuzz",
            dependencies: ["CNMMKit"]
        ),
        .executableTarget(
            name: "cnmm-synth",
            dependencies: [.product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(
            name: "CNMMKitTests",
            dependencies: [
                "CNMMKit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
