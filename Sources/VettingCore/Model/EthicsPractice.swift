/// Marketing, money and consent.
public struct EthicsPractice: Sendable, Hashable, Codable {
  /// Staff reviewed the provider's advertising (site, ads, social media).
  public var marketingReviewed: Attested<Bool>?
  /// Red-flag claims found in the advertising: `nil` when the findings are not on record
  /// (unknown), `[]` when the review found none.
  public var claims: [Attested<MarketingClaim>]?
  /// Where the provider advertises: `nil` when not on record (unknown), `[]` when it does not
  /// advertise at all.
  public var adChannels: [AdChannel]?
  /// Advertising offers ketamine for a condition the screening must exclude (active psychosis,
  /// mania): staff found it in the advertising, as they find claims.
  public var advertisesExcludedConditions: Attested<Bool>?
  /// Advertising and intake materials name the risks.
  public var risksDisclosed: Attested<Bool>?
  /// Per-session prices are published.
  public var pricingPublished: Attested<Bool>?
  /// Patients must buy a bundle of sessions up front.
  public var bundlesRequired: Attested<Bool>?
  /// Unused sessions of a prepaid (discounted) package are refunded; record it only when the
  /// provider sells packages. A package merely offered and refundable is no pressure.
  public var prepaidPackagesRefundable: Attested<Bool>?
  /// Consent states the off-label and (when used) compounded status and the risks.
  public var consentCoversOffLabel: Attested<Bool>?
  /// Treatment has a defined course and therapeutic endpoint.
  public var definedCourse: Attested<Bool>?
  /// Benzodiazepines or other sedatives are given routinely with ketamine.
  public var routineSedatives: Attested<Bool>?
  /// The provider signed a code of conduct (e.g. the ethical ketamine clinician guidelines).
  public var codeOfConductSigned: Attested<Bool>?

  /// An empty group: nothing on record, every fact unknown.
  public init() {}
}
