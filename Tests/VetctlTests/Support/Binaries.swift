import Foundation

/// Where the built executables are: next to the test bundle (`swift build --build-tests` builds
/// `vetctl` and `vetting-server` into the same directory).
enum Binaries {
  static var directory: String {
    let argument = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    var candidate = argument.deletingLastPathComponent()
    // `swift test` runs .../debug/ProviderVettingPackageTests.xctest (a file on Linux).
    if candidate.lastPathComponent.hasSuffix(".xctest") { candidate.deleteLastPathComponent() }
    if FileManager.default.isExecutableFile(atPath: candidate.appendingPathComponent("vetctl").path)
    {
      return candidate.path
    }
    return packageRoot + "/.build/debug"
  }

  static var vetctl: String { directory + "/vetctl" }
  static var server: String { directory + "/vetting-server" }

  /// The package root, from this file's path.
  static let packageRoot: String = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

  /// A file under docs/examples.
  static func example(_ name: String) -> String { packageRoot + "/docs/examples/" + name }
}
