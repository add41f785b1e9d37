import ArgumentParser
import Foundation
import VettingAPI

/// `vetctl vet`: re-scores one provider or all.
struct VetCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "vet",
    abstract: "Re-score one provider now, or every provider with --all.",
    discussion: """
      With --all the server streams progress: a bar with rate and ETA on a terminal, one line \
      per 10% otherwise. Writes already re-score the providers they touch; use --all after the \
      servers moved to a new rubric version (--rubric names the version you mean, and the server \
      refuses the run when it scores with another). A run stopped part way can be started \
      again: providers assessed today with the server's version are skipped without being \
      re-assessed. The whole run may take --stream-timeout seconds (default 3600).
      """)

  @OptionGroup var server: ServerOptions
  @OptionGroup var output: OutputOptions
  @OptionGroup var stream: StreamTimeoutOptions
  @Argument(help: "The clinic or solo practitioner id.") var id: String?
  @Flag(help: "Re-score every provider.") var all = false
  @Option(
    help: """
      With --all: the rubric version to score with, e.g. 2026.2; the server refuses it unless it \
      scores with that version (default: the server's).
      """)
  var rubric: String?

  func validate() throws {
    guard (id != nil) != all else {
      throw ValidationError("give either a provider id or --all")
    }
    if rubric != nil, !all {
      throw ValidationError(
        "--rubric goes with --all (one provider is scored with the server's version)")
    }
  }

  func run() async throws {
    try await ErrorReporting.run {
      if all {
        let progress = Progress(label: "vetting", total: nil)
        let last = Box<Vetting_V1_RevetProgress?>(nil)
        try await server.withClient { client in
          let request = Vetting_V1_RevetAllRequest.with { $0.rubricVersion = rubric ?? "" }
          try await client.revetAll(request, options: try stream.callOptions()) { update in
            progress.update(done: Int(update.done), total: Int(update.total))
            last.value = update
          }
        }
        progress.finish()
        let final = last.value ?? Vetting_V1_RevetProgress()
        let table = Table(
          columns: ["done", "total", "rescored", "tier_changes", "skipped"],
          rows: [
            [
              "\(final.done)", "\(final.total)", "\(final.rescored)", "\(final.tierChanges)",
              "\(final.skipped)",
            ]
          ])
        Printer.write(table.render(output.output))
      } else if let id {
        let assessment = try await server.withClient {
          try await $0.revet(.with { $0.providerID = id })
        }
        Printer.record(
          assessment, fields: AssessmentText.summaryFields(assessment), format: output.output)
      }
    }
  }
}
