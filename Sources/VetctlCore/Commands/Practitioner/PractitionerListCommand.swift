import ArgumentParser
import VettingAPI

/// `vetctl practitioner list`.
struct PractitionerListCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "List practitioners listed on their own (solo), by name.",
    discussion: """
      Uses the directory search, so every search filter applies (see vetctl search). Team \
      members who are not listed on their own appear on their clinic (vetctl clinic show).
      """)

  @OptionGroup var server: ServerOptions
  @OptionGroup var output: OutputOptions
  @OptionGroup var filters: SearchFilterOptions
  @Option(help: "Most practitioners to print.") var limit: Int = 100

  func run() async throws {
    try await ErrorReporting.run {
      guard limit > 0 else { throw VetctlError.usage("--limit: must be at least 1") }
      var request = try filters.request()
      request.kind = .practitioner
      if filters.sort == nil { request.sort = .name }
      let hits = try await server.withClient {
        try await SearchPager.hits(request, limit: limit, client: $0)
      }
      Printer.write(SearchPager.table(hits, distance: request.hasNear).render(output.output))
    }
  }
}
