/// Where a provider advertises.
public enum AdChannel: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
  case billboard
  case socialMedia = "social-media"
  case website
  case referralsOnly = "referrals-only"

  /// Mass-market channels the reference associates with psychiatric ketamine sold without care.
  public var isMassMarket: Bool { self == .billboard || self == .socialMedia }

  public static func < (lhs: AdChannel, rhs: AdChannel) -> Bool { lhs.rawValue < rhs.rawValue }
}
