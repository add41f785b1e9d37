import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A child process started with `posix_spawn`, its standard output and error in one file.
///
/// Not Foundation's `Process`: inside the test process its exit notification sometimes never
/// arrives (the child stays a zombie and `terminationHandler` never runs), which hung the suite.
/// Output goes to a file, not a pipe: a pipe nobody reads while the child runs can fill up and
/// stall the child.
public final class SpawnedProcess: Sendable {
  /// The child's process id.
  public let pid: pid_t
  /// The file receiving the child's standard output and standard error.
  public let outputPath: String
  private let exit: Task<Int32, Never>
  private let exited = ExitRecord()

  /// Starts `executable` with `arguments` and exactly `environment`; standard input is /dev/null.
  /// - Parameter errorPath: where standard error goes; nil for the same file as standard output.
  public init(
    _ executable: String, _ arguments: [String], environment: [String: String],
    outputPath: String? = nil, errorPath: String? = nil
  ) throws {
    let outputPath =
      outputPath
      ?? FileManager.default.temporaryDirectory
      .appendingPathComponent("child-\(UUID().uuidString).log").path
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    if let errorPath {
      posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    } else {
      posix_spawn_file_actions_adddup2(&actions, 1, 2)
    }
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
    self.pid = pid
    self.outputPath = outputPath
    let exited = self.exited
    self.exit = Task {
      let status = await Self.waitForExit(pid)
      exited.status.withLock { $0 = status }
      return status
    }
  }

  /// What the child has written so far.
  public func output() -> String {
    (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
  }

  /// Sends `signal` (e.g. `SIGTERM`) to the child.
  public func send(_ signal: Int32) {
    kill(pid, signal)
  }

  /// The exit status once the child has exited: its exit code, or 128 + the signal that ended it.
  public var exitStatus: Int32 {
    get async { await exit.value }
  }

  /// The exit status, or nil when the child is still running after `timeout`.
  ///
  /// Polls rather than racing `exitStatus` in a task group: a group waits for all its children,
  /// and the one awaiting the exit cannot be cancelled.
  public func exitStatus(within timeout: Duration) async -> Int32? {
    let deadline = ContinuousClock.now + timeout
    while true {
      if let status = exited.status.withLock({ $0 }) { return status }
      if ContinuousClock.now >= deadline { return nil }
      try? await Task.sleep(for: .milliseconds(10))
    }
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

/// The exit status once known, shared between the waiting task and pollers.
private final class ExitRecord: Sendable {
  let status = Mutex<Int32?>(nil)
}
