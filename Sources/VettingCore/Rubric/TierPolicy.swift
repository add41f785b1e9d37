/// How a score and the raised flags become a tier.
///
/// 1. Start from the score: at least `recommendedMinimum` is recommended, at least
///    `vettedMinimum` is vetted, at least `conditionalMinimum` is conditional, below is not vetted.
/// 2. Any critical flag: not vetted, whatever the score.
/// 3. One major flag caps the tier at vetted; `majorFlagsForConditional` or more cap it at
///    conditional.
/// Minor flags are reported but do not move the tier.
public struct TierPolicy: Sendable, Hashable, Codable {
  /// Minimum score for recommended.
  public var recommendedMinimum: Int
  /// Minimum score for vetted.
  public var vettedMinimum: Int
  /// Minimum score for conditional.
  public var conditionalMinimum: Int
  /// Number of major flags from which the tier is capped at conditional.
  public var majorFlagsForConditional: Int

  /// Creates a policy.
  public init(
    recommendedMinimum: Int, vettedMinimum: Int, conditionalMinimum: Int,
    majorFlagsForConditional: Int
  ) {
    self.recommendedMinimum = recommendedMinimum
    self.vettedMinimum = vettedMinimum
    self.conditionalMinimum = conditionalMinimum
    self.majorFlagsForConditional = majorFlagsForConditional
  }

  /// The tier for `score` (0–100) with the given flag counts.
  public func tier(score: Int, criticalFlags: Int, majorFlags: Int) -> Tier {
    if criticalFlags > 0 { return .lowest }
    var tier: Tier
    if score >= recommendedMinimum {
      tier = .recommended
    } else if score >= vettedMinimum {
      tier = .vetted
    } else if score >= conditionalMinimum {
      tier = .conditional
    } else {
      tier = .notVetted
    }
    if majorFlags >= majorFlagsForConditional {
      tier = max(tier, .conditional)
    } else if majorFlags > 0 {
      tier = max(tier, .vetted)
    }
    return tier
  }
}
