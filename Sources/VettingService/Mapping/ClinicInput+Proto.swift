import VettingAPI
import VettingStore

extension ClinicInput {
  /// The store input of the wire clinic fields; the registry status is checked here, the rest by
  /// the store, naming each field.
  init(proto fields: Vetting_V1_ClinicFields) throws {
    self.init(
      name: fields.name,
      legalName: RequestField.optional(fields.legalName),
      npi: RequestField.optional(fields.npi),
      website: RequestField.optional(fields.website),
      phone: RequestField.optional(fields.phone),
      email: RequestField.optional(fields.email),
      description: RequestField.optional(fields.description_p),
      statesServed: fields.statesServed,
      npiStatus: try NPIRegistryStatus(wire: fields.npiStatus, field: "fields.npi_status")
    )
  }
}
