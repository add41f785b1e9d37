import VettingAPI
import VettingStore

extension ProviderImportItem {
  /// The store item of a wire import record. Throws INVALID_ARGUMENT naming the field (as
  /// `CreateClinic` / `CreatePractitioner` name them) for what the wire mapping checks itself:
  /// the oneof, `id`, enum values.
  init(proto record: Vetting_V1_ImportRecord) throws {
    let id = try RequestField.optionalUUID(record.id, "id")
    switch record.record {
    case .clinic(let request):
      self.init(
        externalID: request.externalID, id: id,
        record: .clinic(
          try ClinicInput(proto: request.fields),
          locations: request.locations.map { LocationInput(proto: $0) }))
    case .practitioner(let request):
      self.init(
        externalID: request.externalID, id: id,
        record: .practitioner(
          try PractitionerInput(proto: request.fields),
          locations: request.locations.map { LocationInput(proto: $0) }))
    case nil:
      throw ServiceError.invalidArgument(field: "record", "set clinic or practitioner")
    }
    if record.hasParts { parts = try ImportParts(proto: record.parts) }
  }
}
