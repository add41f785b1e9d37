import ArgumentParser
import VettingAPI

/// The filters of `Audit/RunVettingReport`.
struct ReportFilterOptions: ParsableArguments {
  @Option(help: "Only providers with a live location in this state (USPS code, e.g. MI).")
  var state: String?

  @Option(help: "Only clinics or only solo practitioners: clinic or practitioner.")
  var kind: String?

  @Option(
    name: .customLong("tier"),
    help: ArgumentHelp(
      "Only providers in this tier (repeatable, or comma-separated): recommended, vetted, "
        + "conditional, not-vetted. Leaves out unassessed providers.", valueName: "tier"))
  var tiers: [String] = []

  @Option(
    help: ArgumentHelp(
      "Only providers whose assessment raised this red flag (an id from docs/RUBRIC.md, e.g. "
        + "integration.no-integration).", valueName: "flag-id"))
  var flag: String?

  @Option(
    help: ArgumentHelp(
      "The instant the report describes: each provider's assessment in force then. A day "
        + "(YYYY-MM-DD: the end of that day, UTC) or a date and time with a zone "
        + "(2025-03-31T12:00:00Z). Default: now.", valueName: "when"))
  var asOf: String?

  /// The request these filters make.
  /// - Throws: ``VetctlError`` (usage) naming the option that is wrong.
  func request() throws -> Vetting_V1_RunVettingReportRequest {
    var request = Vetting_V1_RunVettingReportRequest()
    if let state { request.state = state.uppercased() }
    if let kind {
      request.kind = try Vocabulary.parse(kind, as: Vetting_V1_ProviderKind.self, option: "--kind")
    }
    request.tiers = try Vocabulary.parse(tiers, as: Vetting_V1_Tier.self, option: "--tier")
    if let flag { request.flag = flag }
    if let asOf {
      request.asOf = try InstantText.parse(asOf, option: "--as-of", day: .end)
    }
    return request
  }

  /// The filters as label/value pairs for the report's summary page.
  func described() -> [(label: String, value: String)] {
    var filters: [(label: String, value: String)] = []
    if let state { filters.append(("State", state.uppercased())) }
    if let kind { filters.append(("Kind", kind)) }
    if !tiers.isEmpty { filters.append(("Tiers", ListText.split(tiers).joined(separator: ", "))) }
    if let flag { filters.append(("Red flag", flag)) }
    if let asOf { filters.append(("As of (given)", asOf)) }
    return filters
  }
}
