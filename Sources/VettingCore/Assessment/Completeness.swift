/// How much of the evidence that applies to a provider is on file: the measure that tells "we
/// don't know yet" apart from "they don't do it".
///
/// It is derived from an assessment's outcomes, so every stored assessment of every rubric version
/// has it without a change to its document. An applicable criterion is *open* when the fact it
/// reads is not on record (``Finding/missing``) or its evidence lapsed (``Finding/expired``);
/// anything recorded, even recorded as not done, or only self-reported, is on file. The percent
/// weighs each criterion by its points, as the score does.
public struct Completeness: Sendable, Hashable {
  /// Points of applicable criteria whose fact is on file, in hundredths.
  public var onFileHundredths: Int
  /// Points of all applicable criteria, in hundredths.
  public var applicableHundredths: Int
  /// The applicable criteria whose fact is not on file, in rubric order: what staff chase.
  public var openItems: [OpenItem]

  /// One applicable criterion whose evidence is not on file.
  public struct OpenItem: Sendable, Hashable {
    /// The criterion.
    public var criterionID: String
    /// The fact the criterion needs and how it stands (missing or expired), as in its outcome.
    public var basis: Basis

    /// Creates an open item.
    public init(criterionID: String, basis: Basis) {
      self.criterionID = criterionID
      self.basis = basis
    }

    /// One line staff can act on, e.g. `training.kap-training: KAP training: not on record`.
    public var detail: String { criterionID + ": " + basis.reason }
  }

  /// Creates a measure.
  public init(onFileHundredths: Int, applicableHundredths: Int, openItems: [OpenItem]) {
    self.onFileHundredths = onFileHundredths
    self.applicableHundredths = applicableHundredths
    self.openItems = openItems
  }

  /// Whether an outcome's evidence is missing from the file (open) rather than on it.
  @inlinable
  public static func isOpen(_ finding: Finding) -> Bool {
    finding == .missing || finding == .expired
  }

  /// 0–100, rounded down; 0 when no criterion applies (nothing on file to judge).
  public var percent: Int {
    applicableHundredths > 0 ? onFileHundredths * 100 / applicableHundredths : 0
  }
}

extension Assessment {
  /// How much of the applicable evidence is on file, and what is open.
  public var completeness: Completeness {
    var onFile = 0
    var applicable = 0
    var open: [Completeness.OpenItem] = []
    for outcome in outcomes where outcome.status != .notApplicable {
      applicable += outcome.possibleHundredths
      if Completeness.isOpen(outcome.basis.finding) {
        open.append(Completeness.OpenItem(criterionID: outcome.criterionID, basis: outcome.basis))
      } else {
        onFile += outcome.possibleHundredths
      }
    }
    return Completeness(onFileHundredths: onFile, applicableHundredths: applicable, openItems: open)
  }
}
