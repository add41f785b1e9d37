import VettingAPI

/// Evidence as printed.
enum EvidenceFields {
  static func fields(_ evidence: Vetting_V1_Evidence) -> [(String, String)] {
    [
      ("id", evidence.id), ("version", "\(evidence.version)"),
      ("provider_id", evidence.providerID), ("subject", evidence.subject),
      ("description", evidence.description_p), ("location", evidence.location),
      ("provenance", Vocabulary.name(evidence.provenance)), ("verified_by", evidence.verifiedBy),
      ("expires_on", DayText.format(evidence.expiresOn)),
    ]
  }
}
