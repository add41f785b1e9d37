import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A child process started with `posix_spawn`, its output going to files (not pipes, which fill
/// up when nobody reads them), waited for on a thread of its own.
///
/// Not Foundation's `Process`: inside the test process its exit notification sometimes never
/// arrives (see PGTestSupport's ChildProcess).
final class Spawned: Sendable {
  let pid: pid_t
  let outputPath: String
  let errorPath: String

  /// What a finished process left.
  struct Outcome: Sendable, CustomStringConvertible {
    var status: Int32
    var output: String
    var error: String

    var description: String { "exit \(status)\nstdout:\n\(output)\nstderr:\n\(error)" }
  }

  private init(pid: pid_t, outputPath: String, errorPath: String) {
    self.pid = pid
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
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      for pointer in argv { free(pointer) }
      for pointer in envp { free(pointer) }
    }
    var pid: pid_t = 0
    let result = posix_spawn(&pid, executable, &actions, nil, argv, envp)
    guard result == 0 else {
      throw SpawnError("could not start \(executable): \(String(cString: strerror(result)))")
    }
    return Spawned(pid: pid, outputPath: outputPath, errorPath: errorPath)
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
  var outputSoFar: String { (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "" }

  /// Sends `signal`.
  func signal(_ signal: Int32) { kill(pid, signal) }

  /// Waits for the exit, then returns the status and output and removes the output files.
  func wait() async -> Outcome {
    let pid = self.pid
    let status: Int32 = await withCheckedContinuation { continuation in
      let thread = Thread {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        // WIFEXITED / WEXITSTATUS are macros Swift does not import.
        let exited = (status & 0x7f) == 0
        continuation.resume(returning: exited ? (status >> 8) & 0xff : 128 + (status & 0x7f))
      }
      thread.start()
    }
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
