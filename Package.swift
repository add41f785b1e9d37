// swift-tools-version: 6.1
// ProviderVetting: a vetted directory of ketamine-assisted therapy providers.
// Module graph (arrows point down only): see ../shared/DESIGN.md and README.md.
import PackageDescription

let strict: [SwiftSetting] = [
  .enableUpcomingFeature("ExistentialAny")
]

let package = Package(
  name: "ProviderVetting",
  platforms: [.macOS(.v15)],
  products: [
    // What another package depends on: the client library (and the API types it speaks).
    .library(name: "VettingClient", targets: ["VettingClient", "VettingAPI"]),
    .executable(name: "vetting-server", targets: ["vetting-server"]),
    .executable(name: "vetctl", targets: ["vetctl"]),
    // For the libFuzzer targets in Fuzz/ (a package of its own, because fuzz executables have no
    // `main`): the modules whose decoders they exercise through `@_spi(Fuzzing)`. Not API.
    .library(
      name: "_VettingFuzzing",
      targets: ["FramedRPC", "VettingCore", "VettingStore", "VetctlCore"]
    ),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    .package(url: "https://github.com/apple/swift-certificates", from: "1.21.1"),
    .package(url: "https://github.com/apple/swift-asn1", from: "1.7.4"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    .package(url: "https://github.com/apple/swift-protobuf", from: "1.39.0"),
    .package(url: "https://github.com/grpc/grpc-swift-2", from: "2.4.3"),
    .package(url: "https://github.com/grpc/grpc-swift-protobuf", from: "2.4.1"),
    .package(url: "https://github.com/grpc/grpc-swift-nio-transport", from: "2.9.2"),
    .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.2.0"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
  ],
  targets: [
    // MARK: PostgreSQL
    .systemLibrary(
      name: "CLibPQ",
      pkgConfig: "libpq",
      providers: [.apt(["libpq-dev"])]
    ),
    .target(
      name: "LibPQ",
      dependencies: [
        "CLibPQ",
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "Logging", package: "swift-log"),
      ],
      swiftSettings: strict
    ),

    // MARK: Domain
    .target(name: "VettingCore", swiftSettings: strict),
    .executableTarget(name: "rubric-doc", dependencies: ["VettingCore"], swiftSettings: strict),
    .executableTarget(name: "rubric-bench", dependencies: ["VettingCore"], swiftSettings: strict),
    .target(
      name: "VettingStore",
      dependencies: [
        "LibPQ",
        "VettingCore",
        .product(name: "Crypto", package: "swift-crypto"),
      ],
      swiftSettings: strict
    ),

    // MARK: RPC
    .target(
      name: "FramedRPC",
      dependencies: [
        .product(name: "GRPCCore", package: "grpc-swift-2"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOSSL", package: "swift-nio-ssl"),
        .product(name: "SwiftProtobuf", package: "swift-protobuf"),
      ],
      swiftSettings: strict
    ),
    .target(
      name: "RPCBuiltins",
      dependencies: [
        .product(name: "GRPCCore", package: "grpc-swift-2"),
        .product(name: "GRPCProtobuf", package: "grpc-swift-protobuf"),
        .product(name: "SwiftProtobuf", package: "swift-protobuf"),
      ],
      swiftSettings: strict
    ),

    // MARK: Vetting service
    .target(
      name: "VettingAPI",
      dependencies: [
        .product(name: "GRPCCore", package: "grpc-swift-2"),
        .product(name: "GRPCProtobuf", package: "grpc-swift-protobuf"),
        .product(name: "SwiftProtobuf", package: "swift-protobuf"),
      ],
      swiftSettings: strict
    ),
    .target(
      name: "VettingService",
      dependencies: [
        "VettingAPI",
        "VettingStore",
        "VettingCore",
        "RPCBuiltins",
        "LibPQ",
        .product(name: "GRPCCore", package: "grpc-swift-2"),
        .product(name: "SwiftProtobuf", package: "swift-protobuf"),
        .product(name: "Logging", package: "swift-log"),
      ],
      swiftSettings: strict
    ),

    // MARK: Server (vetting-server: configuration, lifecycle, metrics, database monitor)
    .target(
      name: "VettingServer",
      dependencies: [
        "LibPQ",
        "VettingCore",
        "VettingStore",
        "VettingService",
        "FramedRPC",
        "RPCBuiltins",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "GRPCCore", package: "grpc-swift-2"),
        .product(name: "GRPCNIOTransportHTTP2Posix", package: "grpc-swift-nio-transport"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
        .product(name: "NIOSSL", package: "swift-nio-ssl"),
        .product(name: "Prometheus", package: "swift-prometheus"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
      ],
      swiftSettings: strict
    ),
    .executableTarget(
      name: "vetting-server",
      dependencies: ["VettingServer"],
      swiftSettings: strict
    ),

    .target(
      name: "VettingClient",
      dependencies: [
        "VettingAPI",
        "FramedRPC",
        .product(name: "GRPCCore", package: "grpc-swift-2"),
        .product(name: "GRPCProtobuf", package: "grpc-swift-protobuf"),
      ],
      swiftSettings: strict
    ),

    // MARK: Admin CLI (vetctl: the command logic lives in VetctlCore so the executable is a shell)
    .target(
      name: "VetctlCore",
      dependencies: [
        "VettingClient",
        "VettingAPI",
        "VettingStore",
        "VettingCore",
        "LibPQ",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "GRPCCore", package: "grpc-swift-2"),
        .product(name: "SwiftProtobuf", package: "swift-protobuf"),
        .product(name: "Yams", package: "Yams"),
        // The report's Content-Security-Policy admits its one script by SHA-256.
        .product(name: "Crypto", package: "swift-crypto"),
      ],
      swiftSettings: strict
    ),
    .executableTarget(name: "vetctl", dependencies: ["VetctlCore"], swiftSettings: strict),

    // MARK: Tests
    .target(
      name: "PGTestSupport",
      dependencies: ["LibPQ"],
      path: "Tests/PGTestSupport",
      swiftSettings: strict
    ),
    .target(
      name: "StoreTestSupport",
      dependencies: ["PGTestSupport", "VettingStore", "LibPQ"],
      path: "Tests/StoreTestSupport",
      swiftSettings: strict
    ),
    .target(
      name: "EchoTestSupport",
      dependencies: [
        "RPCBuiltins",
        .product(name: "GRPCCore", package: "grpc-swift-2"),
        .product(name: "GRPCProtobuf", package: "grpc-swift-protobuf"),
        .product(name: "SwiftProtobuf", package: "swift-protobuf"),
      ],
      path: "Tests/EchoTestSupport",
      exclude: ["Protos"],
      swiftSettings: strict
    ),
    .target(
      name: "TLSTestSupport",
      dependencies: [
        .product(name: "X509", package: "swift-certificates"),
        .product(name: "SwiftASN1", package: "swift-asn1"),
        .product(name: "Crypto", package: "swift-crypto"),
      ],
      path: "Tests/TLSTestSupport",
      swiftSettings: strict
    ),
    .testTarget(
      name: "LibPQTests",
      dependencies: ["LibPQ", "PGTestSupport"],
      swiftSettings: strict
    ),
    .testTarget(
      name: "VettingCoreTests",
      dependencies: ["VettingCore"],
      // Golden encodings are read from the source tree by path (#filePath), not as resources.
      exclude: ["Golden"],
      swiftSettings: strict
    ),
    .testTarget(
      name: "VettingStoreTests",
      dependencies: [
        "StoreTestSupport", "VettingStore", "VettingCore", "LibPQ", "PGTestSupport",
        // To sign a page token of an older format, as a server before an upgrade did.
        .product(name: "Crypto", package: "swift-crypto"),
      ],
      swiftSettings: strict
    ),
    .testTarget(
      name: "FramedRPCTests",
      dependencies: [
        "FramedRPC",
        .product(name: "GRPCCore", package: "grpc-swift-2"),
        .product(name: "GRPCProtobuf", package: "grpc-swift-protobuf"),
        .product(name: "SwiftProtobuf", package: "swift-protobuf"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOEmbedded", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOSSL", package: "swift-nio-ssl"),
        "TLSTestSupport",
        "EchoTestSupport",
      ],
      swiftSettings: strict
    ),
    .testTarget(
      name: "RPCBuiltinsTests",
      dependencies: [
        "RPCBuiltins",
        "EchoTestSupport",
        "FramedRPC",
        .product(name: "GRPCCore", package: "grpc-swift-2"),
        .product(name: "GRPCProtobuf", package: "grpc-swift-protobuf"),
        .product(name: "GRPCInProcessTransport", package: "grpc-swift-2"),
        .product(name: "GRPCNIOTransportHTTP2Posix", package: "grpc-swift-nio-transport"),
      ],
      swiftSettings: strict
    ),

    .testTarget(
      name: "VettingServiceTests",
      dependencies: [
        "StoreTestSupport",
        "VettingService",
        "VettingAPI",
        "VettingStore",
        "VettingCore",
        "LibPQ",
        "FramedRPC",
        "RPCBuiltins",
        "PGTestSupport",
        .product(name: "GRPCCore", package: "grpc-swift-2"),
        .product(name: "SwiftProtobuf", package: "swift-protobuf"),
        .product(name: "Logging", package: "swift-log"),
      ],
      swiftSettings: strict
    ),

    .testTarget(
      name: "VettingServerTests",
      dependencies: [
        "VettingServer",
        "VettingClient",
        "VettingAPI",
        "TLSTestSupport",
        "VettingStore",
        "LibPQ",
        "PGTestSupport",
        "RPCBuiltins",
        "FramedRPC",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "GRPCCore", package: "grpc-swift-2"),
        .product(name: "GRPCNIOTransportHTTP2Posix", package: "grpc-swift-nio-transport"),
        .product(name: "SwiftProtobuf", package: "swift-protobuf"),
      ],
      swiftSettings: strict
    ),

    .testTarget(
      name: "VetctlTests",
      dependencies: [
        "VetctlCore", "VettingAPI", "VettingCore", "VettingStore", "PGTestSupport", "LibPQ",
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "SwiftProtobuf", package: "swift-protobuf"),
      ],
      swiftSettings: strict
    ),

    // MARK: Benchmarks
    .executableTarget(
      name: "transport-bench",
      dependencies: [
        "FramedRPC",
        "EchoTestSupport",
        "RPCBuiltins",
        .product(name: "GRPCCore", package: "grpc-swift-2"),
        .product(name: "GRPCInProcessTransport", package: "grpc-swift-2"),
        .product(name: "GRPCNIOTransportHTTP2Posix", package: "grpc-swift-nio-transport"),
        .product(name: "GRPCProtobuf", package: "grpc-swift-protobuf"),
        .product(name: "Histogram", package: "hdrhistogram-swift"),
        .product(name: "SwiftProtobuf", package: "swift-protobuf"),
      ],
      swiftSettings: strict
    ),
    .executableTarget(
      name: "report-bench",
      dependencies: [
        "VettingClient",
        "VettingAPI",
        "VettingStore",
        "LibPQ",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: strict
    ),
  ],
  swiftLanguageModes: [.v6]
)
