/// What a course of treatment costs, as the practice publishes it.
public struct PracticePricing: Sendable, Hashable, Codable {
  /// Price of one dosing session in whole US dollars.
  public var perSessionUSD: Int?
  /// Price of the initial consultation in whole US dollars.
  public var consultationUSD: Int?
  /// Anything the numbers do not say (packages, what is included).
  public var notes: String?

  /// Creates pricing.
  public init(perSessionUSD: Int? = nil, consultationUSD: Int? = nil, notes: String? = nil) {
    self.perSessionUSD = perSessionUSD
    self.consultationUSD = consultationUSD
    self.notes = notes
  }
}
