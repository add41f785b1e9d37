// swift-tools-version: 6.1
// libFuzzer targets for every decoder of untrusted input (docs/RELIABILITY.md). A package of its
// own: a fuzz executable has no `main` (libFuzzer brings it), so it cannot be part of the root
// package's normal build. Build and run with ops/fuzz; each target is an executable whose
// `LLVMFuzzerTestOneInput` is `@_cdecl`'d, built with
// `swift build -c release --sanitize fuzzer --sanitize address`.
import PackageDescription

let targets: [(name: String, dependencies: [Target.Dependency])] = [
  ("FuzzFrameDecoder", [.product(name: "NIOEmbedded", package: "swift-nio")]),
  ("FuzzHandshake", [.product(name: "NIOEmbedded", package: "swift-nio")]),
  ("FuzzMetadata", []),
  ("FuzzTimeout", []),
  ("FuzzServerConnection", [.product(name: "NIOEmbedded", package: "swift-nio")]),
  ("FuzzPageToken", []),
  ("FuzzImportReader", []),
  ("FuzzQuestionnaire", []),
]

let package = Package(
  name: "ProviderVettingFuzz",
  platforms: [.macOS(.v15)],
  dependencies: [
    .package(name: "ProviderVetting", path: ".."),
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
  ],
  targets: targets.map { target in
    .executableTarget(
      name: target.name,
      dependencies: [
        .product(name: "_VettingFuzzing", package: "ProviderVetting"),
        .product(name: "NIOCore", package: "swift-nio"),
      ] + target.dependencies
    )
  },
  swiftLanguageModes: [.v6]
)
