import LibPQ
import VettingCore

/// The auditors' reads: vetting reports, a provider's audit trail, the re-review schedule and
/// changes between two instants.
///
/// Every read runs in one read-only snapshot (``Snapshot``) and streams its rows to a closure
/// through a server-side cursor: memory stays flat however large the directory, and a slow
/// consumer only makes the cursor wait. The closure runs while a pooled connection is held; keep
/// it to handing the row on (for example writing it to an RPC stream).
public final class AuditRepository: Sendable {
  let pool: ConnectionPool
  /// The directory's scoring version (the server's `--rubric-version`): an assessment made with
  /// another is due for a re-vet, and report summaries name it.
  public let rubric: Rubric

  /// Creates a repository over `pool` for a directory that scores with `rubric`.
  public init(pool: ConnectionPool, rubric: Rubric = .current) {
    self.pool = pool
    self.rubric = rubric
  }
}
