import Foundation
import VettingCore

extension EvidenceInput {
  /// The FactKey the subject names (its last dotted component).
  var factKey: FactKey? {
    FactKey(rawValue: String(subject.split(separator: ".").last ?? ""))
  }

  func validate() throws {
    try InputValidator.text(subject, "evidence.subject", max: 200)
    guard factKey != nil,
      subject.range(of: #"^[a-z][a-z0-9_-]*(\.[a-z][a-z0-9_-]*)*$"#, options: .regularExpression)
        != nil
    else {
      throw StoreError.invalidArgument(
        field: "evidence.subject",
        message:
          "\"\(subject.prefix(60))\" does not name a fact: use a VettingCore FactKey such as "
          + "urine-toxicology or license, optionally prefixed by its area (screening.)")
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
