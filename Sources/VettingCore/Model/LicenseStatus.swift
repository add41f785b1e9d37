/// A license's standing with its board, as the board reports it.
public enum LicenseStatus: String, Sendable, Hashable, Codable, CaseIterable {
  case active
  /// Active but under board action (probation, conditions).
  case probation
  case suspended
  case revoked
  /// Lapsed without renewal.
  case lapsed
  /// Voluntarily inactive or retired.
  case inactive

  /// Whether the holder may practise under it.
  public var permitsPractice: Bool { self == .active || self == .probation }
}
