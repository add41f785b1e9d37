import LibPQ

extension StoreError {
  /// The store's reading of a database error that input validation did not foresee.
  init(_ error: PostgresError) {
    switch error.code {
    case .connectionFailed, .connectionLost, .connectionClosed, .poolTimeout, .poolClosed,
      .authenticationFailed:
      self.init(
        code: .unavailable, message: "the database is unavailable: \(error.message)",
        underlying: error)
      return
    default: break
    }
    let state = error.sqlState?.rawValue ?? ""
    let constraint = error.constraintName ?? ""
    if state == SQLState.uniqueViolation.rawValue {
      self.init(
        code: .alreadyExists,
        message: "a record with the same key already exists (\(constraint))",
        entity: error.tableName, underlying: error)
    } else if state.hasPrefix("23") || state.hasPrefix("22") {
      self.init(
        code: .invalidArgument,
        message:
          "the database refused the value (\(constraint.isEmpty ? error.message : constraint))",
        field: error.columnName ?? (constraint.isEmpty ? nil : constraint), underlying: error)
    } else if state.hasPrefix("53") {
      // Insufficient resources (53100 disk full, 53200 out of memory): nothing was written.
      self.init(
        code: .unavailable, message: "the database is out of resources: \(error.message)",
        underlying: error)
    } else if state == SQLState.serializationFailure.rawValue || state == "40P01" {
      self.init(
        code: .unavailable, message: "the write collided with another one; retry it",
        underlying: error)
    } else {
      self.init(code: .internal, message: "database error: \(error.message)", underlying: error)
    }
  }
}
