/// A failure vetctl reports: a message a person can act on and the exit status it maps to.
public struct VetctlError: Error, Sendable, CustomStringConvertible {
  /// The exit status the process ends with.
  public var status: VetctlExitStatus
  /// What went wrong and, where it helps, what to do.
  public var message: String

  /// Creates an error.
  public init(_ status: VetctlExitStatus, _ message: String) {
    self.status = status
    self.message = message
  }

  public var description: String { message }

  static func invalid(_ message: String) -> VetctlError { VetctlError(.invalidArgument, message) }
  static func usage(_ message: String) -> VetctlError { VetctlError(.usage, message) }
}
