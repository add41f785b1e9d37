/// A red flag raised by an assessment.
public struct RaisedFlag: Sendable, Hashable {
  /// The flag's stable id.
  public var flagID: String
  /// Its severity.
  public var severity: Severity
  /// The facts that raised it.
  public var basis: Basis

  /// Creates a raised flag.
  @inlinable
  public init(flagID: String, severity: Severity, basis: Basis) {
    self.flagID = flagID
    self.severity = severity
    self.basis = basis
  }

  /// One line saying why, naming the facts used; built on demand.
  public var reason: String { basis.reason }
}

extension RaisedFlag: Codable {
  enum CodingKeys: String, CodingKey {
    case flagID
    case severity
    case basis
    case reason
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.flagID = try container.decode(String.self, forKey: .flagID)
    self.severity = try container.decode(Severity.self, forKey: .severity)
    self.basis = try container.decode(Basis.self, forKey: .basis)
  }

  /// Encodes the flag with its rendered reason.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(flagID, forKey: .flagID)
    try container.encode(severity, forKey: .severity)
    try container.encode(basis, forKey: .basis)
    try container.encode(reason, forKey: .reason)
  }
}
