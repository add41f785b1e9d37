import Foundation
import Synchronization
import VettingAPI
import VettingClient

/// One report over the wire, timed, with the server's memory around it.
struct ReportRun {
  var rows: Int64
  var seconds: Double
  var rssBeforeMiB: Double
  var peakRSSMiB: Double
  var serverCPUSeconds: Double
  var clientCPUSeconds: Double
  var summaryLine: String

  /// Connects as the auditor, warms the server up with a small report, then runs the whole
  /// report, counting rows without keeping them. Peak RSS is the kernel's high-water mark of the
  /// server process (`VmHWM`), which covers the whole run.
  static func measure(port: Int, token: String, details: Bool, server: ServerChild) async throws
    -> ReportRun
  {
    try await withVettingClient(host: "127.0.0.1", port: port, token: token) { client in
      let options = VettingCallOptions(timeout: .seconds(3600))
      _ = try await client.runVettingReport(.with { $0.state = "WY" }, options: options) { _ in }
      let before = Double(server.memoryKiB("VmRSS") ?? 0) / 1024
      let rows = Atomic<Int64>(0)
      let serverCPU = server.cpuSeconds() ?? 0
      let clientCPU = processCPUSeconds()
      let clock = ContinuousClock()
      let start = clock.now
      let summary = try await client.runVettingReport(
        .with { $0.includeDetails = details }, options: options
      ) { _ in
        rows.add(1, ordering: .relaxed)
      }
      let elapsed = start.duration(to: clock.now)
      let seconds =
        Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
      let peak = Double(server.memoryKiB("VmHWM") ?? 0) / 1024
      let serverUsed = (server.cpuSeconds() ?? 0) - serverCPU
      let clientUsed = processCPUSeconds() - clientCPU
      let count = rows.load(ordering: .relaxed)
      guard count == summary.providers else {
        throw BenchError("received \(count) rows but the summary counts \(summary.providers)")
      }
      let tiers = summary.tiers.map { "\($0.count)" }.joined(separator: "/")
      return ReportRun(
        rows: count, seconds: seconds, rssBeforeMiB: before, peakRSSMiB: peak,
        serverCPUSeconds: serverUsed, clientCPUSeconds: clientUsed,
        summaryLine: "tiers \(tiers), mean \(String(format: "%.1f", summary.meanScore))")
    }
  }

  /// CPU seconds (user + system) this process has used.
  static func processCPUSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
      + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
  }
}
