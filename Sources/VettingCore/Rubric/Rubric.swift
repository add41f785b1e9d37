/// A versioned rubric: criteria, red flags, the credit policy and the tier policy.
///
/// Rubrics are data in code. A published version never changes; a new version gets a new
/// ``version`` string, and ``Rubric/named(_:)`` keeps old ones available so old assessments stay
/// reproducible.
public struct Rubric: Sendable {
  /// The version string stored with every assessment, e.g. "2026.1".
  public let version: String
  /// Criteria in report order (grouped by area).
  public let criteria: [Criterion]
  /// Red flags in report order.
  public let flags: [RedFlag]
  /// Credit by provenance.
  public let credit: CreditPolicy
  /// Score and flags to tier.
  public let tiers: TierPolicy
  /// The version this one revises, if any.
  public let revises: String?
  /// What changed from ``revises``, each with its reason and sources (and what a review kept).
  public let changes: [RubricChange]
  /// Whether assessments record who was counted in which professional role
  /// (``Assessment/roles``; 2026.2 on).
  public let recordsRoles: Bool

  // What the engine needs per criterion and flag, without the documentation strings: reading
  // a whole Criterion out of the array retains every string in it, dozens of times per
  // assessment.
  let compiledCriteria: [CompiledCriterion]
  let compiledFlags: [CompiledFlag]

  /// Creates a rubric; criteria are reordered by area (stable within an area).
  public init(
    version: String, criteria: [Criterion], flags: [RedFlag], credit: CreditPolicy,
    tiers: TierPolicy, revises: String? = nil, changes: [RubricChange] = [],
    recordsRoles: Bool = false
  ) {
    self.version = version
    self.recordsRoles = recordsRoles
    self.revises = revises
    self.changes = changes
    let ordered = criteria.enumerated().sorted {
      ($0.element.area.index, $0.offset) < ($1.element.area.index, $1.offset)
    }.map(\.element)
    self.criteria = ordered
    self.flags = flags.enumerated().sorted {
      ($0.element.severity.rank, $0.offset) < ($1.element.severity.rank, $1.offset)
    }.map(\.element)
    self.credit = credit
    self.tiers = tiers
    self.compiledCriteria = ordered.map(CompiledCriterion.init)
    self.compiledFlags = self.flags.map(CompiledFlag.init)
  }

  /// Every published rubric, oldest first.
  public static let all: [Rubric] = [.v1, .v2]

  /// The default scoring rubric: what a server scores with unless it is started with
  /// `--rubric-version` (docs/RUBRIC.md, "Moving the directory to a new rubric version"), and
  /// the version docs/RUBRIC.md describes. 2026.2 is published beside it (docs/RUBRIC-2026.2.md).
  public static var current: Rubric { .v1 }

  /// The published rubric with `version`, or `nil`.
  public static func named(_ version: String) -> Rubric? {
    all.first { $0.version == version }
  }

  /// The published versions, oldest first, comma-separated: for error messages.
  public static var publishedVersions: String {
    all.map(\.version).joined(separator: ", ")
  }
}
