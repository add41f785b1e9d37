/// A transaction isolation level (`BEGIN ISOLATION LEVEL ...`).
public enum TransactionIsolation: String, Sendable, Hashable {
  case readCommitted = "READ COMMITTED"
  case repeatableRead = "REPEATABLE READ"
  case serializable = "SERIALIZABLE"
}
