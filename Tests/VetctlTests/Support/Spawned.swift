import Foundation
import PGTestSupport

#if canImport(Glibc)
  import Glibc
#endif

/// A child process whose standard output and standard error go to two files: the CLI tests
/// assert on each separately. The spawning and waiting are PGTestSupport's ``SpawnedProcess``.
final class Spawned: Sendable {
  private let process: SpawnedProcess
  let outputPath: String
  let errorPath: String

  var pid: pid_t { process.pid }

  /// What a finished process left.
  struct Outcome: Sendable, CustomStringConvertible {
    var status: Int32
    var output: String
    var error: String

    var description: String { "exit \(status)\nstdout:\n\(output)\nstderr:\n\(error)" }

    /// Field `column` of line `line` of a `-o csv` output (line 0 is the header). Throws, naming
    /// the whole outcome, when the command printed less: a failed command must fail its test,
    /// not trap the test process (as an out-of-range subscript did in CI).
    func csvField(line: Int, column: Int) throws -> String {
      let lines = self.output.split(separator: "\n")
      guard lines.indices.contains(line) else {
        throw SpawnError("no CSV line \(line) in the output of \(self)")
      }
      let fields = lines[line].split(separator: ",", omittingEmptySubsequences: false)
      guard fields.indices.contains(column) else {
        throw SpawnError("no CSV field \(column) on line \(line) of \(self)")
      }
      return String(fields[column])
    }
  }

  private init(process: SpawnedProcess, outputPath: String, errorPath: String) {
    self.process = process
    self.outputPath = outputPath
    self.errorPath = errorPath
  }

  /// Starts `executable` with `arguments` and exactly `environment`.
  static func start(
    _ executable: String, _ arguments: [String], environment: [String: String]
  ) throws -> Spawned {
    let base = FileManager.default.temporaryDirectory
      .appendingPathComponent("vetctl-test-\(UUID().uuidString)").path
    let outputPath = base + ".out"
    let errorPath = base + ".err"
    do {
      let process = try SpawnedProcess(
        executable, arguments, environment: environment, outputPath: outputPath,
        errorPath: errorPath)
      return Spawned(process: process, outputPath: outputPath, errorPath: errorPath)
    } catch {
      throw SpawnError("\(error)")
    }
  }

  /// Runs to completion.
  static func run(
    _ executable: String, _ arguments: [String], environment: [String: String]
  ) async throws -> Outcome {
    let child = try start(executable, arguments, environment: environment)
    return await child.wait()
  }

  /// Standard error so far.
  var errorSoFar: String { (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? "" }

  /// Standard output so far.
  var outputSoFar: String { process.output() }

  /// Sends `signal`.
  func signal(_ signal: Int32) { process.send(signal) }

  /// Waits for the exit, then returns the status and output and removes the output files.
  func wait() async -> Outcome {
    let status = await process.exitStatus
    let outcome = Outcome(status: status, output: outputSoFar, error: errorSoFar)
    unlink(outputPath)
    unlink(errorPath)
    return outcome
  }
}

/// A test-setup failure with a message.
struct SpawnError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
