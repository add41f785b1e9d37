import Foundation
import Testing

/// Runs one of the Python checks in `ops/checks/` as a child process.
///
/// A missing `python3` or missing Python packages fail the test with the command that fixes it;
/// they never skip it.
struct PythonCheck {
  /// What the script did.
  struct Outcome: CustomStringConvertible {
    var status: Int32
    var output: String

    var description: String { "exit status \(self.status), output:\n\(self.output)" }
  }

  /// The repository root, found from this file's path (Tests/RPCBuiltinsTests/Support/...).
  static let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// The script's exit status when python3 or a package it needs is missing.
  static let missingDependencyStatus: Int32 = 2

  var script: String
  var arguments: [String]

  /// Runs the script (killing it after `limit`) and returns its exit status and output, failing
  /// the test when Python or its packages are missing.
  func run(limit: Duration = .seconds(60)) async throws -> Outcome {
    guard let python = Self.findExecutable("python3") else {
      Issue.record(
        Comment(
          rawValue: "python3 is not installed: run ops/test, which installs it with the "
            + "packages in ops/requirements-test.txt"))
      throw TestFailure("python3 missing")
    }
    let scriptURL = Self.repositoryRoot.appendingPathComponent("ops/checks/\(self.script)")
    let outputURL = FileManager.default.temporaryDirectory
      .appendingPathComponent("pycheck-\(UUID().uuidString).log")
    guard FileManager.default.createFile(atPath: outputURL.path, contents: nil) else {
      throw TestFailure("cannot create \(outputURL.path) for the output of \(self.script)")
    }
    defer { try? FileManager.default.removeItem(at: outputURL) }
    let output = try FileHandle(forWritingTo: outputURL)

    let process = Process()
    process.executableURL = python
    process.arguments = [scriptURL.path] + self.arguments
    process.standardOutput = output
    process.standardError = output
    process.currentDirectoryURL = Self.repositoryRoot

    // The exit is awaited through terminationHandler so no cooperative thread blocks on it.
    let (exits, exited) = AsyncStream.makeStream(of: Int32.self, bufferingPolicy: .unbounded)
    process.terminationHandler = { finished in
      exited.yield(finished.terminationStatus)
      exited.finish()
    }
    try process.run()
    let pid = process.processIdentifier
    let watchdog = Task {
      try await Task.sleep(for: limit)
      kill(pid, SIGKILL)
    }
    var exitStatus: Int32?
    for await status in exits {
      exitStatus = status
    }
    watchdog.cancel()
    guard let status = exitStatus else {
      throw TestFailure("\(self.script): no exit status")
    }
    try output.close()
    let text = (try? String(contentsOf: outputURL, encoding: .utf8)) ?? ""
    let outcome = Outcome(status: status, output: text)
    if status == Self.missingDependencyStatus {
      Issue.record(
        Comment(
          rawValue: "\(self.script) could not run (missing protoc or Python packages): run "
            + "ops/test, or python3 -m pip install -r ops/requirements-test.txt. \(outcome)"))
    }
    return outcome
  }

  private static func findExecutable(_ name: String) -> URL? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    for directory in path.split(separator: ":") {
      let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
      if FileManager.default.isExecutableFile(atPath: candidate.path) {
        return candidate
      }
    }
    return nil
  }
}
