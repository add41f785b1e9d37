import ArgumentParser
import VettingStore

/// `vetctl check-listings`: compares the search read model with the source tables.
struct CheckListingsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check-listings",
    abstract: "Compare the search listings with the directory; list any drift (database).",
    discussion: """
      Talks to the database directly. SearchProviders reads provider_listings, listing_names and \
      listing_places (migration 0010), which triggers keep in step with every write; this \
      compares them with what the source tables say (listing_drift()) and prints each provider \
      whose rows differ. Exits 0 when there is no drift and 65 (invalid data) when there is. \
      docs/SEARCH.md says how to repair it.
      """)

  @OptionGroup var database: DatabaseOptions
  @OptionGroup var output: OutputOptions

  func run() async throws {
    try await ErrorReporting.run {
      let drift = try await database.withConnection { try await ListingDrift.check(on: $0) }
      let rows = drift.map { [$0.relation, $0.providerID.uuidString.lowercased()] }
      Printer.write(Table(columns: ["relation", "provider_id"], rows: rows).render(output.output))
      if !drift.isEmpty {
        throw VetctlError(
          .invalidArgument,
          "\(drift.count) listing row set(s) differ from the source tables")
      }
    }
  }
}
