import LibPQ
import Testing

/// Runs `body`, which must fail with a server error, and returns that error.
///
/// Records an issue (and returns nil) when `body` succeeds or fails with something else.
func expectServerError(
  _ sqlState: SQLState,
  sourceLocation: SourceLocation = #_sourceLocation,
  _ body: () async throws -> Void
) async -> PostgresError? {
  do {
    try await body()
    Issue.record(
      "expected SQLSTATE \(sqlState), the statement succeeded", sourceLocation: sourceLocation)
    return nil
  } catch let error as PostgresError {
    #expect(error.sqlState == sqlState, "\(error)", sourceLocation: sourceLocation)
    return error
  } catch {
    Issue.record(
      "expected a PostgresError with SQLSTATE \(sqlState), got \(error)",
      sourceLocation: sourceLocation)
    return nil
  }
}
