// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "guide",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "guide", targets: ["guide"]),
        .library(name: "GuideKit", targets: ["GuideKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .target(
            name: "GuideKit",
            dependencies: [
                "CCmark",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .executableTarget(
            name: "guide",
            dependencies: [
                "GuideKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "GuideKitTests",
            dependencies: ["GuideKit"]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["GuideKit"]
        ),
    ]
)
