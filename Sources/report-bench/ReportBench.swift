// Runs RunVettingReport over the wire against a real vetting-server process on a synthetic
// directory of 10,000 and then 100,000 providers, and prints rows per second and the server's
// resident memory before and at peak for each size: the report streams from a cursor, so the
// server's peak must stay flat while the directory grows tenfold.
import ArgumentParser
import Foundation
import LibPQ
import VettingAPI
import VettingClient
import VettingStore

@main
struct ReportBench: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report-bench",
    abstract: "Vetting report over the wire: rows/s and the server's peak RSS per directory size.")

  @Option(help: "PostgreSQL URL of a cluster where the role may CREATE DATABASE.")
  var databaseURL: String

  @Option(help: "The vetting-server executable to run.")
  var server: String

  @Option(help: "Directory sizes to measure, ascending, comma-separated.")
  var sizes: String = "10000,100000"

  @Option(help: "Scratch database to (re)create for the run.")
  var scratchDatabase: String = "vetting_report_bench"

  @Flag(help: "Also send every row's full assessment (include_details).")
  var details = false

  @Flag(help: "Keep the scratch database afterwards (to EXPLAIN the report's query by hand).")
  var keep = false

  func run() async throws {
    let targets = sizes.split(separator: ",").compactMap {
      Int($0.trimmingCharacters(in: .whitespaces))
    }
    guard !targets.isEmpty, targets == targets.sorted(), targets.allSatisfy({ $0 > 0 }) else {
      throw ValidationError("--sizes must be ascending positive counts, e.g. 10000,100000")
    }
    let database = try await BenchDatabase.create(from: databaseURL, name: scratchDatabase)
    print("report-bench: scratch database \(scratchDatabase); server \(server)")
    print(
      "size      rows   seconds   rows/s   server RSS before   server peak RSS   "
        + "server CPU s   client CPU s   summary")
    var seeded = 0
    for (index, target) in targets.enumerated() {
      try await database.seed(providers: target - seeded, label: "b\(index)")
      seeded = target
      let result = try await ServerChild.with(
        executable: server, databaseURL: database.url
      ) { child in
        try await ReportRun.measure(
          port: child.port, token: database.auditorToken, details: details, server: child)
      }
      let figures = String(
        format: "%-8d %6lld   %7.2f   %6.0f   %10.1f MiB   %12.1f MiB   %12.2f   %12.2f   ",
        target, result.rows, result.seconds, Double(result.rows) / result.seconds,
        result.rssBeforeMiB, result.peakRSSMiB, result.serverCPUSeconds, result.clientCPUSeconds)
      print(figures + result.summaryLine)
    }
    if !keep { await database.drop() }
  }
}
