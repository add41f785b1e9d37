import LibPQ

/// The auditors' reads: vetting reports, a provider's audit trail, the re-review schedule and
/// changes between two instants.
///
/// Every read runs in one read-only snapshot (``Snapshot``) and streams its rows to a closure
/// through a server-side cursor: memory stays flat however large the directory, and a slow
/// consumer only makes the cursor wait. The closure runs while a pooled connection is held; keep
/// it to handing the row on (for example writing it to an RPC stream).
public final class AuditRepository: Sendable {
  let pool: ConnectionPool

  /// Creates a repository over `pool`.
  public init(pool: ConnectionPool) {
    self.pool = pool
  }
}
