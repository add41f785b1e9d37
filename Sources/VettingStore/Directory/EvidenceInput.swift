import Foundation
import VettingCore

/// One piece of proof for one fact about a provider, as staff submit it.
///
/// `subject` names the fact in VettingCore's vocabulary: a ``FactKey`` raw value such as
/// `urine-toxicology` or `license`, optionally prefixed by its area (`screening.urine-toxicology`).
/// See ``DirectoryRepository`` for how evidence changes the facts the rubric reads.
public struct EvidenceInput: Sendable, Hashable {
  /// The fact it proves (a FactKey raw value, optionally `area.` prefixed).
  public var subject: String
  /// The license it proves (subject `license`), when it proves one.
  public var licenseID: UUID?
  /// The training it proves (subject `kap-training` or `training-certificate`), when one.
  public var trainingID: UUID?
  /// What it is (1–2,000 characters).
  public var description: String
  /// Where it is: URL, registry query, document reference (up to 2,000 characters).
  public var location: String?
  /// How strong it is. `verifiedByStaff` and `publicRegistry` need `verifiedBy`.
  public var provenance: Provenance
  /// Who supplied it.
  public var attestedBy: String?
  /// Who verified it.
  public var verifiedBy: String?
  /// When the fact was observed or the document issued.
  public var observedOn: Day?
  /// The last day it is good for.
  public var expiresOn: Day?

  /// Creates evidence.
  public init(
    subject: String, licenseID: UUID? = nil, trainingID: UUID? = nil, description: String,
    location: String? = nil, provenance: Provenance = .selfReported, attestedBy: String? = nil,
    verifiedBy: String? = nil, observedOn: Day? = nil, expiresOn: Day? = nil
  ) {
    self.subject = subject
    self.licenseID = licenseID
    self.trainingID = trainingID
    self.description = description
    self.location = location
    self.provenance = provenance
    self.attestedBy = attestedBy
    self.verifiedBy = verifiedBy
    self.observedOn = observedOn
    self.expiresOn = expiresOn
  }
}
