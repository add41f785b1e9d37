/// A configuration value that cannot be used; the message names the flag and the environment
/// variable it came from and says what would be accepted.
public struct ConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What kind of problem it is; extensible.
  public struct Code: Hashable, Sendable, CustomStringConvertible {
    private let name: String
    private init(_ name: String) { self.name = name }

    /// A value could not be parsed or is out of range.
    public static let invalidValue = Code("invalid value")
    /// A required setting has no value.
    public static let missingValue = Code("missing value")
    /// A setting this build does not support yet.
    public static let unsupported = Code("unsupported")

    public var description: String { self.name }
  }

  /// The kind of problem.
  public var code: Code
  /// What was wrong and what would be accepted.
  public var message: String

  public init(_ message: String, code: Code) {
    self.message = message
    self.code = code
  }

  public var description: String { self.message }
}
