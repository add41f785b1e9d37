/// What happened to one valid row.
enum ImportOutcome: Sendable, Hashable {
  case created
  case updated
  case unchanged
  case rejected(String)
}
