import VettingAPI
import VettingCore
import VettingStore

extension LicenseInput {
  /// The store input of a wire license; field names are relative to the request (`license.`).
  init(proto license: Vetting_V1_License) throws {
    self.init(
      state: license.state,
      type: license.type,
      number: license.number,
      status: try LicenseStatus(proto: license.status, field: "license.status"),
      provenance: try Provenance(proto: license.provenance, field: "license.provenance"),
      issuedOn: try RequestField.day(
        license.issuedOn, present: license.hasIssuedOn, "license.issued_on"),
      expiresOn: try RequestField.day(
        license.expiresOn, present: license.hasExpiresOn, "license.expires_on"),
      verifiedBy: RequestField.optional(license.verifiedBy)
    )
  }
}
