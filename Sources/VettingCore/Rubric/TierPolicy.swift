/// How a score and the raised flags become a tier.
///
/// 1. Start from the score: at least `recommendedMinimum` is recommended, at least
///    `vettedMinimum` is vetted, at least `conditionalMinimum` is conditional, below is not vetted.
/// 2. With `separatesIncomplete`: a provider below `conditionalMinimum` whose open items (facts
///    not on record, or lapsed; see ``Completeness``) would lift it to `conditionalMinimum` if
///    they were met is `incomplete` rather than not vetted: the missing evidence, not the
///    practice, decides its verdict.
/// 3. Any critical flag: not vetted, whatever the score or the file.
/// 4. One major flag caps the tier at vetted; `majorFlagsForConditional` or more cap it at
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
  /// Whether a file too incomplete to judge gets ``Tier/incomplete`` (2026.2 on) instead of
  /// ``Tier/notVetted`` (2026.1).
  public var separatesIncomplete: Bool

  /// Creates a policy.
  public init(
    recommendedMinimum: Int, vettedMinimum: Int, conditionalMinimum: Int,
    majorFlagsForConditional: Int, separatesIncomplete: Bool = false
  ) {
    self.recommendedMinimum = recommendedMinimum
    self.vettedMinimum = vettedMinimum
    self.conditionalMinimum = conditionalMinimum
    self.majorFlagsForConditional = majorFlagsForConditional
    self.separatesIncomplete = separatesIncomplete
  }

  /// The same policy, separating incomplete files.
  public func separatingIncomplete() -> TierPolicy {
    var policy = self
    policy.separatesIncomplete = true
    return policy
  }

  /// The tier for `score` (0–100) with the given flag counts. `reachableScore` is the score the
  /// provider would have if every open item were met in full (`score` when nothing is open).
  public func tier(score: Int, criticalFlags: Int, majorFlags: Int, reachableScore: Int? = nil)
    -> Tier
  {
    if criticalFlags > 0 { return .lowest }
    var tier: Tier
    if score >= recommendedMinimum {
      tier = .recommended
    } else if score >= vettedMinimum {
      tier = .vetted
    } else if score >= conditionalMinimum {
      tier = .conditional
    } else if separatesIncomplete, (reachableScore ?? score) >= conditionalMinimum {
      tier = .incomplete
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
