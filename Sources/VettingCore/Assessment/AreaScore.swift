/// A sub-score for one area over the criteria that apply.
public struct AreaScore: Sendable, Hashable, Codable {
  /// The area.
  public var area: Area
  /// 0–100 (rounded down), or `nil` when no criterion in the area applies.
  public var score: Int?
  /// Points earned, in hundredths.
  public var earnedHundredths: Int
  /// Points available, in hundredths.
  public var possibleHundredths: Int

  /// Creates an area score.
  public init(area: Area, score: Int?, earnedHundredths: Int, possibleHundredths: Int) {
    self.area = area
    self.score = score
    self.earnedHundredths = earnedHundredths
    self.possibleHundredths = possibleHundredths
  }
}
