import ArgumentParser
import Foundation
import SwiftProtobuf
import VettingAPI

/// `vetctl report`: a vetting report of the directory (or part of it) as a file.
struct ReportCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract:
      "Write a vetting report (HTML, CSV or JSON) of the directory, now or as of a past instant.",
    discussion: """
      Streams one row per listed provider from Audit/RunVettingReport (roles auditor and \
      admin) straight to the file, with progress on standard error (rows so far of the total, \
      rate, ETA). The file appears only when complete: it is written under a hidden temporary \
      name next to it and renamed. HTML is one self-contained page to hand on: a summary with \
      charts, then a table of every provider (under 1 KB each) that sorts and filters in the \
      page, then a section with every criterion's result and reason for each provider \
      --details asks for (flagged: a critical or major flag; or ids); each section prints on \
      its own page. CSV is RFC 4180 (CRLF, a header row), one row per \
      provider. JSON is {"rows": [...], "summary": {...}} in proto JSON. Example: vetctl \
      report --state MI --as-of 2025-03-31 --out mi-q1.html
      """)

  @OptionGroup var server: ServerOptions
  @OptionGroup var filters: ReportFilterOptions
  @Option(help: "html, csv or json (default: from the --out file's suffix).")
  var format: ReportFormat?
  @Option(
    help: ArgumentHelp(
      "The file to write; - writes to standard output.", valueName: "file"))
  var out: String
  @Option(help: "The HTML report's title.") var title = "Vetting report"
  @Option(
    help: ArgumentHelp(
      "Whose full assessment (every criterion and flag reason) the HTML and JSON carry: none, "
        + "flagged (a critical or major flag), all, or provider ids separated by commas.",
      valueName: "none|flagged|all|ID,…"))
  var details: ReportDetails = .none
  @OptionGroup var stream: StreamTimeoutOptions

  func run() async throws {
    try await ErrorReporting.run {
      let format = try resolvedFormat()
      var request = try filters.request()
      request.includeDetails = format != .csv && details.needsAssessments
      let options = try stream.callOptions()
      let target = try ReportTarget(path: out)
      let interrupts = InterruptCleanup(target: target)
      defer { interrupts.end() }
      do {
        let file = try BufferedFile(creating: target.writingPath)
        let writer: any ReportWriter
        switch format {
        case .csv: writer = CSVReportWriter(file: file)
        case .json: writer = JSONReportWriter(file: file, details: details)
        case .html:
          let asOf =
            request.hasAsOf ? InstantText.format(request.asOf, isSet: true) : "the report's time"
          writer = try HTMLReportWriter(
            file: file, target: target,
            context: ReportContext(
              title: title, filters: filters.described(),
              generatedAt: InstantText.format(Google_Protobuf_Timestamp(date: Date()), isSet: true)),
            asOf: asOf, details: details)
        }
        let report = ReportStream(writer: writer, progress: Progress(label: "report", total: nil))
        let summary = try await server.withClient { client in
          try await client.runVettingReport(
            request, options: options, onHeader: { try report.header($0) },
            onRow: { try report.row($0) })
        }
        try report.finish(summary)
        try target.commit()
        let line = Self.describe(summary, path: out, format: format)
        if out == "-" { StandardError.write(line) } else { Printer.write(line) }
      } catch is BufferedFile.BrokenPipe {
        // `--out - | head`: end quietly with the status a SIGPIPE gives, scratch files removed.
        target.discard()
        throw ExitCode(141)
      } catch {
        target.discard()
        throw error
      }
    }
  }

  private func resolvedFormat() throws -> ReportFormat {
    if let format { return format }
    if let format = ReportFormat.fromSuffix(of: out) { return format }
    throw VetctlError.usage(
      "--format: give html, csv or json (the --out name \"\(out)\" does not end in .html, "
        + ".csv or .json)")
  }

  /// What was written, for standard output.
  static func describe(_ summary: Vetting_V1_ReportSummary, path: String, format: ReportFormat)
    -> String
  {
    let mean = summary.assessed > 0 ? String(format: "%.1f", summary.meanScore) : "-"
    let tiers = summary.tiers.map { "\(Vocabulary.name($0.tier)) \($0.count)" }
      .joined(separator: ", ")
    return """
      wrote \(path == "-" ? "standard output" : path) (\(format.rawValue)): \
      \(summary.providers) providers, \(summary.assessed) assessed, \(summary.unassessed) not \
      assessed, mean score \(mean), as of \(InstantText.format(summary.asOf, isSet: summary.hasAsOf))
      tiers: \(tiers.isEmpty ? "-" : tiers)

      """
  }
}
