import VettingStore

extension NPIRegistryStatus {
  /// The registry status a wire string names (empty: `unchecked`), or INVALID_ARGUMENT naming
  /// `field` with the accepted values.
  init(wire value: String, field: String) throws {
    if value.isEmpty {
      self = .unchecked
      return
    }
    guard let known = NPIRegistryStatus(rawValue: value) else {
      throw ServiceError.invalidArgument(
        field: field, "is not an NPPES lookup outcome; use one of: \(NPIRegistryStatus.accepted)")
    }
    self = known
  }
}
