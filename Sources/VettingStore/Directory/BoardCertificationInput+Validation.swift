import VettingCore

extension BoardCertificationInput {
  func validate() throws {
    try InputValidator.text(board, "board_certification.board", max: 200)
    try InputValidator.optionalText(verifiedBy, "board_certification.verified_by", max: 200)
    try InputValidator.ordered(
      certifiedOn, expiresOn, "board_certification.expires_on", "certification date")
    try InputValidator.verification(provenance, verifiedBy, "board_certification.verified_by")
  }
}
