import VettingAPI

/// One valid row of an import file, ready to send.
struct ImportRow: Sendable {
  /// What the row creates.
  enum Record: Sendable {
    case clinic(Vetting_V1_CreateClinicRequest)
    case practitioner(Vetting_V1_CreatePractitionerRequest)
  }

  /// Where the row is in the file (line for CSV, record number for JSON).
  var position: String
  /// The caller's key.
  var externalID: String
  /// The server id of the record to update, when the file names one.
  var id: String?
  var record: Record
  /// JSON records only: credentials, partners, evidence, team and questionnaire.
  var parts = Vetting_V1_ImportParts()
}
