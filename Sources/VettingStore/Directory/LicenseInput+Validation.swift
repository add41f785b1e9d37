import VettingCore

extension LicenseInput {
  func validate() throws {
    try InputValidator.state(state, "license.state")
    try InputValidator.text(type, "license.type", max: 50)
    try InputValidator.text(number, "license.number", max: 100)
    try InputValidator.optionalText(verifiedBy, "license.verified_by", max: 200)
    if let issuedOn, let expiresOn, expiresOn < issuedOn {
      throw StoreError.invalidArgument(
        field: "license.expires_on", message: "is before the issue date \(issuedOn)")
    }
    if provenance >= .verifiedByStaff, verifiedBy == nil {
      throw StoreError.invalidArgument(
        field: "license.verified_by", message: "is required for \(provenance.phrase) provenance")
    }
  }
}
