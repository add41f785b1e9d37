import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs a program to completion (see ``SpawnedProcess`` for why not Foundation's `Process`).
enum ChildProcess {
  struct Outcome: Sendable {
    var status: Int32
    var standardOutput: String
    var standardError: String
  }

  static func run(
    _ executable: String, _ arguments: [String], environment: [String: String]
  ) async throws -> Outcome {
    let base = FileManager.default.temporaryDirectory
      .appendingPathComponent("child-\(UUID().uuidString)").path
    let outputPath = base + ".out"
    let errorPath = base + ".err"
    defer {
      unlink(outputPath)
      unlink(errorPath)
    }
    let child = try SpawnedProcess(
      executable, arguments, environment: environment, outputPath: outputPath,
      errorPath: errorPath)
    let status = await child.exitStatus
    let output = child.output()
    let errors = (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
    return Outcome(status: status, standardOutput: output, standardError: errors)
  }
}
