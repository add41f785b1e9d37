/// Why a test could not get the database it needs. Tests that need PostgreSQL fail with this
/// (they never skip): the message says how to provide the database.
public struct TestDatabaseError: Error, CustomStringConvertible, Sendable {
  /// What went wrong and what to do about it.
  public var message: String

  public init(_ message: String) {
    self.message = message
  }

  public var description: String { message }
}
