import ArgumentParser
import VettingAPI

/// `vetctl search`: the referral query.
struct SearchCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "search",
    abstract: "Search the directory with every filter referral networks use.",
    discussion: """
      Example: vetctl search --near-postal-code 48912 --radius 40 --unit mi --route at-home \
      --sliding-scale --no-critical-flags --sort distance. Columns: flags are \
      critical/major/minor counts. Any token role may search.
      """)

  @OptionGroup var server: ServerOptions
  @OptionGroup var output: OutputOptions
  @OptionGroup var filters: SearchFilterOptions
  @Option(help: "Most hits to print (pages are fetched as needed).") var limit: Int = 20

  func run() async throws {
    try await ErrorReporting.run {
      guard limit > 0 else { throw VetctlError.usage("--limit: must be at least 1") }
      let request = try filters.request()
      let hits = try await server.withClient {
        try await SearchPager.hits(request, limit: limit, client: $0)
      }
      Printer.write(SearchPager.table(hits, distance: request.hasNear).render(output.output))
    }
  }
}
