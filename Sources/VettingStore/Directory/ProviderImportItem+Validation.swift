extension ProviderImportItem {
  /// Checks the item as the single creates do; location fields are named
  /// `locations[<index>].<field>`, as `CreateClinic` names them.
  func validate() throws {
    if externalID.isEmpty {
      throw StoreError.invalidArgument(
        field: "external_id", message: "is required: the import finds records by it")
    }
    try InputValidator.externalID(externalID)
    switch record {
    case .clinic(let input, let locations):
      try input.validate()
      try Self.validate(locations)
    case .practitioner(let input, let locations):
      try input.validate()
      try Self.validate(locations)
    }
  }

  private static func validate(_ locations: [LocationInput]) throws {
    for (index, location) in locations.enumerated() {
      try location.validate(prefix: "locations[\(index)].")
    }
  }
}
