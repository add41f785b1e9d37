import Foundation
import VettingCore

/// The records with a lifecycle: they can be re-verified, ended or archived.
public enum LifecycleRecord: String, Sendable, Hashable, CaseIterable {
  case license
  case training
  case certificate
  case boardCertification = "board_certification"
  case evidence
  case partner
  case affiliation

  /// The table holding it.
  var table: String {
    switch self {
    case .license: return "licenses"
    case .training: return "trainings"
    case .certificate: return "certificates"
    case .boardCertification: return "board_certifications"
    case .evidence: return "evidence_items"
    case .partner: return "partners"
    case .affiliation: return "affiliations"
    }
  }

  /// The entity type in the audit log.
  var auditEntity: String { self == .evidence ? "evidence_item" : rawValue }

  /// The column naming whose record it is, and what kind of owner that is.
  var owner: (column: String, isPractitioner: Bool) {
    switch self {
    case .license, .training, .certificate, .boardCertification:
      return ("practitioner_id", true)
    case .evidence, .partner: return ("provider_id", false)
    case .affiliation: return ("clinic_id", false)
    }
  }

  /// Whether the record can end on a day (and stay as history) rather than only be archived.
  public var canEnd: Bool { self == .partner || self == .affiliation }

  /// Whether the record carries provenance a verification can raise.
  public var canReverify: Bool {
    self == .license || self == .certificate || self == .boardCertification
  }
}

/// A record's id and version after a lifecycle change.
public struct LifecycleResult: Sendable, Hashable {
  public var record: LifecycleRecord
  public var id: UUID
  public var version: Int
  public var archived: Bool
  public var endedOn: Day?
}
