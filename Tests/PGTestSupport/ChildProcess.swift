import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs a program to completion with `posix_spawn` and `waitpid` on a dedicated thread.
///
/// Not Foundation's `Process`: inside the test process its exit notification sometimes never
/// arrives (the child stays a zombie and `terminationHandler` never runs), which hung the suite.
enum ChildProcess {
  struct Outcome: Sendable {
    var status: Int32
    var standardOutput: String
    var standardError: String
  }

  static func run(
    _ executable: String, _ arguments: [String], environment: [String: String]
  ) async throws -> Outcome {
    // Output goes to files, not pipes: a pipe nobody reads while the child runs can fill up.
    let base = FileManager.default.temporaryDirectory
      .appendingPathComponent("child-\(UUID().uuidString)").path
    let outputPath = base + ".out"
    let errorPath = base + ".err"
    defer {
      unlink(outputPath)
      unlink(errorPath)
    }
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
    let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
    guard spawned == 0 else {
      throw TestDatabaseError(
        "could not start \(executable): \(String(cString: strerror(spawned)))",
        code: .clusterCommandFailed)
    }
    let status = await waitForExit(pid)
    let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
    let errors = (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
    return Outcome(status: status, standardOutput: output, standardError: errors)
  }

  /// Waits on a thread of its own so that no Swift concurrency thread blocks.
  private static func waitForExit(_ pid: pid_t) async -> Int32 {
    await withCheckedContinuation { continuation in
      let thread = Thread {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        // WIFEXITED / WEXITSTATUS are macros Swift does not import.
        let exited = (status & 0x7f) == 0
        continuation.resume(returning: exited ? (status >> 8) & 0xff : 128 + (status & 0x7f))
      }
      thread.start()
    }
  }
}
