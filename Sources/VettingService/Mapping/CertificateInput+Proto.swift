import VettingAPI
import VettingCore
import VettingStore

extension CertificateInput {
  /// The store input of a wire certificate; field names are relative to the request.
  init(proto certificate: Vetting_V1_Certificate) throws {
    let kind: CertificationKind
    switch certificate.kind {
    case .acls: kind = .acls
    case .bls: kind = .bls
    case .pals: kind = .pals
    case .unspecified:
      throw ServiceError.invalidArgument(
        field: "certificate.kind", "must be set: ACLS, BLS or PALS")
    case .UNRECOGNIZED(let number):
      throw ServiceError.invalidArgument(
        field: "certificate.kind", "has the unknown value \(number)")
    }
    self.init(
      kind: kind,
      issuedOn: try RequestField.day(
        certificate.issuedOn, present: certificate.hasIssuedOn, "certificate.issued_on"),
      expiresOn: try RequestField.day(
        certificate.expiresOn, present: certificate.hasExpiresOn, "certificate.expires_on"),
      provenance: try Provenance(proto: certificate.provenance, field: "certificate.provenance"),
      verifiedBy: RequestField.optional(certificate.verifiedBy))
  }
}

extension CertificateRecord {
  /// The wire certificate.
  var proto: Vetting_V1_Certificate {
    .with {
      $0.id = id.uuidString.lowercased()
      $0.version = Int64(version)
      switch fields.kind {
      case .acls: $0.kind = .acls
      case .bls: $0.kind = .bls
      case .pals: $0.kind = .pals
      }
      if let day = fields.issuedOn { $0.issuedOn = day.proto }
      if let day = fields.expiresOn { $0.expiresOn = day.proto }
      $0.provenance = fields.provenance.proto
      $0.verifiedBy = fields.verifiedBy ?? ""
      if let date = lastVerifiedAt { $0.lastVerifiedAt = .init(date: date) }
    }
  }
}
