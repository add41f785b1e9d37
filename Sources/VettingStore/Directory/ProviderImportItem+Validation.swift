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
    try validateParts()
  }

  /// Each part as its single call checks it, named `parts.<list>[<index>].<field>`; parts that
  /// do not belong to this kind of record are refused.
  private func validateParts() throws {
    let isClinic: Bool
    let isSolo: Bool
    switch record {
    case .clinic: (isClinic, isSolo) = (true, false)
    case .practitioner(let input, _): (isClinic, isSolo) = (false, input.listedSolo)
    }
    func refuse(_ list: String, _ reason: String) throws {
      throw StoreError.invalidArgument(field: "parts.\(list)", message: reason)
    }
    if isClinic {
      for list in [
        ("licenses", parts.licenses.isEmpty), ("trainings", parts.trainings.isEmpty),
        ("certificates", parts.certificates.isEmpty),
        ("board_certifications", parts.boardCertifications.isEmpty),
      ] where !list.1 {
        try refuse(list.0, "belongs to a practitioner record; put it on the team member's record")
      }
    } else if !parts.team.isEmpty {
      try refuse("team", "belongs to a clinic record")
    }
    if !isClinic && !isSolo && (!parts.partners.isEmpty || parts.profile != nil) {
      try refuse(
        parts.partners.isEmpty ? "profile_json" : "partners",
        "belongs to a clinic or a practitioner listed on their own (solo)")
    }
    try Self.each(parts.licenses, "licenses", "license.") { try $0.validate() }
    try Self.each(parts.trainings, "trainings", "training.") { try $0.validate() }
    try Self.each(parts.certificates, "certificates", "certificate.") { try $0.validate() }
    try Self.each(parts.boardCertifications, "board_certifications", "board_certification.") {
      try $0.validate()
    }
    try Self.each(parts.partners, "partners", "partner.") { try $0.validate() }
    try Self.each(parts.evidence, "evidence", "evidence.") { evidence in
      try evidence.validate()
      if let key = evidence.factKey, let row = key.evidenceRow {
        throw StoreError.invalidArgument(
          field: "evidence.subject",
          message: "\(key.rawValue) evidence names a \(row) the import cannot know; add it with "
            + "AddEvidence")
      }
    }
    for (index, member) in parts.team.enumerated() {
      try InputValidator.externalID(
        member.practitionerExternalID, "parts.team[\(index)].practitioner_external_id")
    }
  }

  /// Runs `check` on each element, renaming a refused field `<prefix>x` to
  /// `parts.<list>[<index>].x`.
  private static func each<T>(
    _ elements: [T], _ list: String, _ prefix: String, _ check: (T) throws -> Void
  ) throws {
    for (index, element) in elements.enumerated() {
      do {
        try check(element)
      } catch let error as StoreError where error.code == .invalidArgument {
        throw error.renamingField(prefix, to: "parts.\(list)[\(index)].")
      }
    }
  }

  private static func validate(_ locations: [LocationInput]) throws {
    for (index, location) in locations.enumerated() {
      try location.validate(prefix: "locations[\(index)].")
    }
  }
}
