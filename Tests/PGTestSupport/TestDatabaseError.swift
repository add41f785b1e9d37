/// Why a test could not get the database it needs. Tests that need PostgreSQL fail with this
/// (they never skip): the message says how to provide the database.
public struct TestDatabaseError: Error, CustomStringConvertible, Sendable {
  /// What kind of failure this is.
  public var code: Code
  /// What went wrong and what to do about it.
  public var message: String

  /// Creates an error; `code` defaults to ``Code/testSetup``.
  public init(_ message: String, code: Code = .testSetup) {
    self.code = code
    self.message = message
  }

  public var description: String { message }
}

extension TestDatabaseError {
  /// The kind of a ``TestDatabaseError``. New codes may be added; switch with a `default` case.
  public struct Code: Sendable, Hashable, CustomStringConvertible {
    private let name: String
    private init(_ name: String) { self.name = name }

    /// `VETTING_TEST_DATABASE_URL` is missing or invalid.
    public static let notConfigured = Code("notConfigured")
    /// The test database does not answer.
    public static let unreachable = Code("unreachable")
    /// `ops/db` (for a throwaway cluster) failed or could not be found.
    public static let clusterCommandFailed = Code("clusterCommandFailed")
    /// A test's own preparation failed (a socket, a background statement that never started).
    public static let testSetup = Code("testSetup")

    public var description: String { name }
  }
}
