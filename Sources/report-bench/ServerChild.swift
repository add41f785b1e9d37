import Foundation

/// A `vetting-server` child process on a free loopback port, logging to a temporary file, whose
/// resident memory can be read from `/proc`.
final class ServerChild {
  let process: Process
  let port: Int
  let logURL: URL

  private init(process: Process, port: Int, logURL: URL) {
    self.process = process
    self.port = port
    self.logURL = logURL
  }

  /// Starts the server, runs `body`, and stops the server with SIGTERM.
  static func with<T>(
    executable: String, databaseURL: String, _ body: (ServerChild) async throws -> T
  ) async throws -> T {
    let child = try await start(executable: executable, databaseURL: databaseURL)
    do {
      let value = try await body(child)
      child.stop()
      return value
    } catch {
      child.stop()
      throw error
    }
  }

  private static func start(executable: String, databaseURL: String) async throws -> ServerChild {
    let logURL = FileManager.default.temporaryDirectory
      .appendingPathComponent("report-bench-server-\(UUID().uuidString).log")
    _ = FileManager.default.createFile(atPath: logURL.path, contents: nil)
    let log = try FileHandle(forWritingTo: logURL)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = [
      "--listen", "127.0.0.1:0", "--metrics-listen", "off", "--log-level", "info",
    ]
    var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("VETTING_") }
    environment["VETTING_DATABASE_URL"] = databaseURL
    process.environment = environment
    process.standardOutput = log
    process.standardError = log
    try process.run()
    let deadline = Date().addingTimeInterval(60)
    while Date() < deadline {
      let text = (try? String(contentsOf: logURL, encoding: .utf8)) ?? ""
      if let line = text.split(separator: "\n").first(where: { $0.contains("FramedRPC listening") }
      ),
        let range = line.range(of: "address="),
        let port = line[range.upperBound...].prefix(while: { $0 != " " })
          .split(separator: ":").last.flatMap({ Int($0) })
      {
        return ServerChild(process: process, port: port, logURL: logURL)
      }
      guard process.isRunning else {
        throw BenchError("vetting-server exited at startup:\n\(text)")
      }
      try await Task.sleep(for: .milliseconds(50))
    }
    process.terminate()
    throw BenchError("vetting-server did not start listening within 60 s (log: \(logURL.path))")
  }

  /// A field of `/proc/<pid>/status` in KiB (`VmRSS`, `VmHWM`).
  func memoryKiB(_ field: String) -> Int? {
    guard
      let status = try? String(
        contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8),
      let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field + ":") })
    else { return nil }
    return line.split(separator: " ").compactMap { Int($0) }.first
  }

  /// CPU seconds (user + system) the server has used so far, from `/proc/<pid>/stat`.
  func cpuSeconds() -> Double? {
    guard
      let stat = try? String(
        contentsOfFile: "/proc/\(process.processIdentifier)/stat", encoding: .utf8),
      let close = stat.lastIndex(of: ")")
    else { return nil }
    // Fields after the command name: state is field 3; utime and stime are fields 14 and 15.
    let fields = stat[stat.index(after: close)...].split(separator: " ")
    guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else {
      return nil
    }
    return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
  }

  func stop() {
    if process.isRunning {
      process.terminate()
      process.waitUntilExit()
    }
    try? FileManager.default.removeItem(at: logURL)
  }
}
