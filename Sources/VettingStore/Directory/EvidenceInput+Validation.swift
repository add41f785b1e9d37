import Foundation
import VettingCore

extension EvidenceInput {
  /// The FactKey the subject names (its last dotted component).
  var factKey: FactKey? {
    FactKey(rawValue: String(subject.split(separator: ".").last ?? ""))
  }

  func validate() throws {
    try InputValidator.text(subject, "evidence.subject", max: 200)
    guard
      let key = factKey,
      subject.range(of: #"^[a-z][a-z0-9_-]*(\.[a-z][a-z0-9_-]*)*$"#, options: .regularExpression)
        != nil, EvidenceIndex.subjectsRead.contains(key)
    else {
      throw StoreError.invalidArgument(
        field: "evidence.subject",
        message:
          "\"\(subject.prefix(60))\" is not a fact the rubric reads from evidence; use one of: "
          + FactKey.evidenceSubjects.map(\.rawValue).sorted().joined(separator: ", ")
          + " (optionally prefixed by its area, e.g. screening.urine-toxicology)")
    }
    if let column = key.evidenceRow {
      let given = column == "license_id" ? licenseID != nil : trainingID != nil
      guard given else {
        throw StoreError.invalidArgument(
          field: "evidence.\(column)",
          message: "is required for \(key.rawValue) evidence: it proves one row")
      }
    }
    if licenseID != nil, trainingID != nil {
      throw StoreError.invalidArgument(
        field: "evidence.training_id",
        message: "evidence proves one license or one training, not both")
    }
    try InputValidator.text(description, "evidence.description", max: 2000)
    try InputValidator.optionalText(location, "evidence.location", max: 2000)
    try InputValidator.optionalText(attestedBy, "evidence.attested_by", max: 200)
    try InputValidator.optionalText(verifiedBy, "evidence.verified_by", max: 200)
    if provenance >= .verifiedByStaff, verifiedBy == nil {
      throw StoreError.invalidArgument(
        field: "evidence.verified_by", message: "is required for \(provenance.phrase) provenance")
    }
  }
}
