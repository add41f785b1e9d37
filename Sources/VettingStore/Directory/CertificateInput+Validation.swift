import VettingCore

extension CertificateInput {
  func validate() throws {
    try InputValidator.optionalText(verifiedBy, "certificate.verified_by", max: 200)
    try InputValidator.ordered(issuedOn, expiresOn, "certificate.expires_on", "issue date")
    try InputValidator.verification(provenance, verifiedBy, "certificate.verified_by")
  }
}
