import ArgumentParser
import VettingAPI

/// `vetctl show-assessment`.
struct ShowAssessmentCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show-assessment",
    abstract: "Explain a provider's score: every criterion and red flag with its reason.",
    discussion: """
      Takes a provider id (its latest assessment) or, with --assessment, an assessment id. \
      --output csv gives one row per criterion and flag; json the whole assessment.
      """)

  @OptionGroup var server: ServerOptions
  @OptionGroup var output: OutputOptions
  @Argument(help: "The provider id (or the assessment id with --assessment).") var id: String
  @Flag(help: "The id is an assessment id.") var assessment = false

  func run() async throws {
    try await ErrorReporting.run {
      let result = try await server.withClient { client in
        try await client.getAssessment(
          .with {
            if assessment { $0.assessmentID = id } else { $0.providerID = id }
          })
      }
      switch output.output {
      case .table: Printer.write(AssessmentText.report(result))
      case .json: Printer.write(JSONText.encode(message: result) + "\n")
      case .csv: Printer.write(AssessmentText.table(result).render(.csv))
      case .id: Printer.write(result.id + "\n")
      }
    }
  }
}
