/// Life-support certifications for staff present during dosing.
public enum CertificationKind: String, Sendable, Hashable, Codable, CaseIterable {
  /// Advanced Cardiovascular Life Support.
  case acls
  /// Basic Life Support.
  case bls
  /// Pediatric Advanced Life Support.
  case pals
}
