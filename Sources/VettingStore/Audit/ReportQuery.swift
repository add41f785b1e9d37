import Foundation
import VettingCore

/// What a vetting report covers: every filter is optional and they combine with AND.
public struct ReportQuery: Sendable, Hashable {
  /// Providers with a (then) live location in this state (USPS code).
  public var state: String?
  /// Clinics or solo practitioners only.
  public var kind: ProviderKind?
  /// Providers whose assessment is in any of these tiers. Empty, with no ``flag``: every provider,
  /// including those with no assessment in force.
  public var tiers: Set<Tier>
  /// Providers whose assessment raised this red flag.
  public var flag: String?
  /// The instant described: each provider's assessment in force then. `nil`: the latest ones.
  public var asOf: Date?
  /// Whether rows carry the full stored assessment (criteria and flag reasons).
  public var includeDetails: Bool

  /// Creates a query; with no arguments, the whole directory now.
  public init(
    state: String? = nil, kind: ProviderKind? = nil, tiers: Set<Tier> = [], flag: String? = nil,
    asOf: Date? = nil, includeDetails: Bool = false
  ) {
    self.state = state
    self.kind = kind
    self.tiers = tiers
    self.flag = flag
    self.asOf = asOf
    self.includeDetails = includeDetails
  }

  /// Checks the fields the database cannot: a known state code and a flag id some published
  /// rubric defines (a misspelt flag would otherwise silently match nothing).
  /// - Throws: ``StoreError`` `.invalidArgument` naming `state` or `flag`.
  public func validate() throws {
    if let state { try AuditValidation.state(state, "state") }
    if let flag, FlagCatalog.severity(of: flag) == nil {
      throw StoreError.invalidArgument(
        field: "flag",
        message:
          "\(AuditValidation.quoted(flag)) is not a red flag of any published rubric "
          + "(e.g. \(FlagCatalog.exampleIDs))")
    }
  }
}
