import VettingAPI

extension ImportRow {
  /// The row as one record of an `ImportProviders` call.
  var request: Vetting_V1_ImportRecord {
    .with { record in
      switch self.record {
      case .clinic(let clinic): record.clinic = clinic
      case .practitioner(let practitioner): record.practitioner = practitioner
      }
      record.id = id ?? ""
      if parts != Vetting_V1_ImportParts() { record.parts = parts }
    }
  }
}
