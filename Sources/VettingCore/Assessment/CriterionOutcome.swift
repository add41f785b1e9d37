/// One criterion's result within an assessment.
public struct CriterionOutcome: Sendable, Hashable {
  /// The criterion's stable id.
  public var criterionID: String
  /// Its area.
  public var area: Area
  /// How it came out.
  public var status: OutcomeStatus
  /// Points available (0 when not applicable), in hundredths of a point.
  public var possibleHundredths: Int
  /// Points earned, in hundredths of a point (e.g. 250 = 2.5 points).
  public var earnedHundredths: Int
  /// The facts used.
  public var basis: Basis

  /// Creates an outcome.
  @inlinable
  public init(
    criterionID: String, area: Area, status: OutcomeStatus, possibleHundredths: Int,
    earnedHundredths: Int, basis: Basis
  ) {
    self.criterionID = criterionID
    self.area = area
    self.status = status
    self.possibleHundredths = possibleHundredths
    self.earnedHundredths = earnedHundredths
    self.basis = basis
  }

  /// One line saying why, naming the facts used; built on demand.
  public var reason: String {
    let text = basis.reason
    guard status == .partlyMet, possibleHundredths > 0 else { return text }
    return text + "; " + String(earnedHundredths * 100 / possibleHundredths) + "% credit"
  }
}

extension CriterionOutcome: Codable {
  enum CodingKeys: String, CodingKey {
    case criterionID
    case area
    case status
    case possibleHundredths
    case earnedHundredths
    case basis
    case reason
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.criterionID = try container.decode(String.self, forKey: .criterionID)
    self.area = try container.decode(Area.self, forKey: .area)
    self.status = try container.decode(OutcomeStatus.self, forKey: .status)
    self.possibleHundredths = try container.decode(Int.self, forKey: .possibleHundredths)
    self.earnedHundredths = try container.decode(Int.self, forKey: .earnedHundredths)
    self.basis = try container.decode(Basis.self, forKey: .basis)
  }

  /// Encodes the outcome with its rendered reason, so stored assessments read on their own.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(criterionID, forKey: .criterionID)
    try container.encode(area, forKey: .area)
    try container.encode(status, forKey: .status)
    try container.encode(possibleHundredths, forKey: .possibleHundredths)
    try container.encode(earnedHundredths, forKey: .earnedHundredths)
    try container.encode(basis, forKey: .basis)
    try container.encode(reason, forKey: .reason)
  }
}
