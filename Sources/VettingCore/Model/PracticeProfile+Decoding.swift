extension PracticeProfile {
  enum CodingKeys: String, CodingKey, CaseIterable {
    case screening, safety, integration, home, ethics
  }

  /// Decodes a profile in which every group is optional (a missing group is "nothing on record")
  /// and no key is unknown: a misspelt group or fact name is refused with its path rather than
  /// silently dropped, which would score the provider as if the fact had never been submitted.
  public init(from decoder: any Decoder) throws {
    try UnknownKeys.refuse(in: decoder, allowed: Self.knownKeys)
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init()
    if container.contains(.screening) {
      try UnknownKeys.refuse(
        in: container.superDecoder(forKey: .screening), allowed: Self.screeningKeys)
      screening = try container.decode(ScreeningPractice.self, forKey: .screening)
    }
    if container.contains(.safety) {
      try UnknownKeys.refuse(
        in: container.superDecoder(forKey: .safety), allowed: Self.safetyKeys)
      safety = try container.decode(MedicalSafetyPractice.self, forKey: .safety)
    }
    if container.contains(.integration) {
      try UnknownKeys.refuse(
        in: container.superDecoder(forKey: .integration), allowed: Self.integrationKeys)
      integration = try container.decode(IntegrationPractice.self, forKey: .integration)
    }
    if container.contains(.home) {
      try UnknownKeys.refuse(
        in: container.superDecoder(forKey: .home), allowed: Self.homeKeys)
      home = try container.decode(HomeSupervisionPractice.self, forKey: .home)
    }
    if container.contains(.ethics) {
      try UnknownKeys.refuse(
        in: container.superDecoder(forKey: .ethics), allowed: Self.ethicsKeys)
      ethics = try container.decode(EthicsPractice.self, forKey: .ethics)
    }
  }

  private static let knownKeys = UnknownKeys.Known(CodingKeys.allCases.map(\.rawValue))
  private static let screeningKeys = UnknownKeys.Known(fields(of: ScreeningPractice()))
  private static let safetyKeys = UnknownKeys.Known(fields(of: MedicalSafetyPractice()))
  private static let integrationKeys = UnknownKeys.Known(fields(of: IntegrationPractice()))
  private static let homeKeys = UnknownKeys.Known(fields(of: HomeSupervisionPractice()))
  private static let ethicsKeys = UnknownKeys.Known(fields(of: EthicsPractice()))

  /// The stored property names of a group, which are its synthesized coding keys. Reflection
  /// lists optional properties even when they are nil, so an empty group gives every name.
  /// Used once per group type (the `static let`s above), never per decode.
  private static func fields(of group: Any) -> [String] {
    Mirror(reflecting: group).children.compactMap(\.label)
  }
}
