/// Claims found in a provider's advertising that the reference names as red flags.
public enum MarketingClaim: String, Sendable, Hashable, Codable, CaseIterable {
  /// Promises a cure.
  case cure
  /// Guarantees results.
  case guaranteedResults = "guaranteed-results"
  /// A single headline response rate ("70% of patients respond").
  case headlineResponseRate = "headline-response-rate"
  /// Says ketamine is FDA-approved for depression (only esketamine is, under REMS).
  case fdaApprovedForDepression = "fda-approved-for-depression"
  /// Says ketamine is non-addictive.
  case nonAddictive = "non-addictive"

  /// Whether the claim promises an outcome.
  public var isOutcomePromise: Bool {
    self == .cure || self == .guaranteedResults || self == .headlineResponseRate
  }
}
