extension PracticeProfile {
  enum CodingKeys: String, CodingKey, CaseIterable {
    case screening, safety, integration, home, ethics
  }

  /// Decodes a profile in which every group is optional (a missing group is "nothing on record")
  /// and no key is unknown: a misspelt group or fact name is refused with its path rather than
  /// silently dropped, which would score the provider as if the fact had never been submitted.
  public init(from decoder: any Decoder) throws {
    try UnknownKeys.refuse(in: decoder, allowed: CodingKeys.allCases.map(\.rawValue))
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init()
    if container.contains(.screening) {
      try UnknownKeys.refuse(
        in: container.superDecoder(forKey: .screening), allowed: Self.fields(of: screening))
      screening = try container.decode(ScreeningPractice.self, forKey: .screening)
    }
    if container.contains(.safety) {
      try UnknownKeys.refuse(
        in: container.superDecoder(forKey: .safety), allowed: Self.fields(of: safety))
      safety = try container.decode(MedicalSafetyPractice.self, forKey: .safety)
    }
    if container.contains(.integration) {
      try UnknownKeys.refuse(
        in: container.superDecoder(forKey: .integration), allowed: Self.fields(of: integration))
      integration = try container.decode(IntegrationPractice.self, forKey: .integration)
    }
    if container.contains(.home) {
      try UnknownKeys.refuse(
        in: container.superDecoder(forKey: .home), allowed: Self.fields(of: home))
      home = try container.decode(HomeSupervisionPractice.self, forKey: .home)
    }
    if container.contains(.ethics) {
      try UnknownKeys.refuse(
        in: container.superDecoder(forKey: .ethics), allowed: Self.fields(of: ethics))
      ethics = try container.decode(EthicsPractice.self, forKey: .ethics)
    }
  }

  /// The stored property names of a group, which are its synthesized coding keys. Reflection
  /// lists optional properties even when they are nil, so an empty group gives every name.
  private static func fields(of group: Any) -> [String] {
    Mirror(reflecting: group).children.compactMap(\.label)
  }
}
