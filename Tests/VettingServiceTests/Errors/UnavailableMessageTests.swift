import GRPCCore
import LibPQ
import Logging
import Testing
import VettingService
import VettingStore

/// A full connection pool, a database out of resources and an unreachable database are all
/// UNAVAILABLE (all worth a retry) but say different things, whichever layer reports them: the
/// soak found an overload reported as "database unavailable", and disk full said so when it
/// came through the store.
struct UnavailableMessageTests {
  let logger = Logger(label: "test")

  @Test("a pool timeout says the server is busy, directly and through the store")
  func poolTimeout() {
    let timeout = PostgresError(code: .poolTimeout, message: "no connection within 10 s")
    for error in [
      timeout,
      StoreError(code: .unavailable, message: "the database is unavailable", underlying: timeout),
    ] as [any Error] {
      let status = ServiceError.rpcError(for: error, logger: logger)
      #expect(status.code == .unavailable)
      #expect(status.message.hasPrefix("the server is busy"), "\(status.message)")
    }
  }

  @Test("disk full says the database cannot take writes, directly and through the store")
  func outOfResources() {
    let full = PostgresError(
      code: .server, message: "could not extend file: No space left on device",
      sqlState: SQLState(rawValue: "53100"))
    for error in [
      full, StoreError(code: .unavailable, message: "out of resources", underlying: full),
    ]
      as [any Error]
    {
      let status = ServiceError.rpcError(for: error, logger: logger)
      #expect(status.code == .unavailable)
      #expect(status.message.hasPrefix("the directory database cannot take writes now"))
    }
  }

  @Test("a lost connection says the database is unavailable, directly and through the store")
  func connectionLost() {
    let lost = PostgresError(code: .connectionLost, message: "server closed the connection")
    for error in [
      lost,
      StoreError(code: .unavailable, message: "the database is unavailable", underlying: lost),
    ] as [any Error] {
      let status = ServiceError.rpcError(for: error, logger: logger)
      #expect(status.code == .unavailable)
      #expect(status.message == "the directory database is unavailable; retry with backoff")
    }
  }
}
