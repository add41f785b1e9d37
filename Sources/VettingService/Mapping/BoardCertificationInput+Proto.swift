import VettingAPI
import VettingCore
import VettingStore

extension BoardCertificationInput {
  /// The store input of a wire board certification; field names are relative to the request.
  init(proto board: Vetting_V1_BoardCertification) throws {
    guard
      let specialty = try Discipline(
        wire: board.specialty, field: "board_certification.specialty")
    else {
      throw ServiceError.invalidArgument(
        field: "board_certification.specialty",
        "must be set; use one of: " + Discipline.allCases.map(\.rawValue).joined(separator: ", "))
    }
    self.init(
      board: board.board, specialty: specialty,
      certifiedOn: try RequestField.day(
        board.certifiedOn, present: board.hasCertifiedOn, "board_certification.certified_on"),
      expiresOn: try RequestField.day(
        board.expiresOn, present: board.hasExpiresOn, "board_certification.expires_on"),
      provenance: try Provenance(
        proto: board.provenance, field: "board_certification.provenance"),
      verifiedBy: RequestField.optional(board.verifiedBy))
  }
}

extension BoardCertificationRecord {
  /// The wire board certification.
  var proto: Vetting_V1_BoardCertification {
    .with {
      $0.id = id.uuidString.lowercased()
      $0.version = Int64(version)
      $0.board = fields.board
      $0.specialty = fields.specialty.rawValue
      if let day = fields.certifiedOn { $0.certifiedOn = day.proto }
      if let day = fields.expiresOn { $0.expiresOn = day.proto }
      $0.provenance = fields.provenance.proto
      $0.verifiedBy = fields.verifiedBy ?? ""
      if let date = lastVerifiedAt { $0.lastVerifiedAt = .init(date: date) }
    }
  }
}
