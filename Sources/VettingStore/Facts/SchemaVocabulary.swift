import VettingCore

/// The one place where the schema's spellings meet VettingCore's.
///
/// The schema uses lower-case slugs with underscores (`self_reported`, `oral_sublingual`,
/// `not_vetted`) so its CHECKs and `is_slug()` stay simple; VettingCore uses hyphenated raw
/// values (`self-reported`, `sublingual-lozenge`, `not-vetted`). Every conversion goes through
/// here (`package`, so that `vetctl demo-data`, which writes rows directly, spells them alike).
package enum SchemaVocabulary {
  package static func column(_ provenance: Provenance) -> String {
    switch provenance {
    case .selfReported: return "self_reported"
    case .documentOnFile: return "document_on_file"
    case .verifiedByStaff: return "verified_by_staff"
    case .publicRegistry: return "public_registry"
    }
  }

  package static func provenance(_ column: String) -> Provenance {
    switch column {
    case "document_on_file": return .documentOnFile
    case "verified_by_staff": return .verifiedByStaff
    case "public_registry": return .publicRegistry
    default: return .selfReported
    }
  }

  package static func column(_ route: Route) -> String {
    switch route {
    case .intravenous: return "iv"
    case .intramuscular: return "im"
    case .lozengeInOffice: return "oral_sublingual"
    case .esketamineREMS: return "intranasal_esketamine"
    case .atHome: return "at_home"
    }
  }

  /// `expired` is VettingCore's `lapsed`. The schema's `unknown` has no VettingCore counterpart:
  /// it is read as `inactive`, which does not permit practice, so an unknown standing never earns
  /// licensure credit.
  package static func column(_ status: LicenseStatus) -> String {
    switch status {
    case .active: return "active"
    case .probation: return "probation"
    case .suspended: return "suspended"
    case .revoked: return "revoked"
    case .lapsed: return "expired"
    case .inactive: return "inactive"
    }
  }

  package static func licenseStatus(_ column: String) -> LicenseStatus {
    switch column {
    case "active": return .active
    case "probation": return .probation
    case "suspended": return .suspended
    case "revoked": return .revoked
    case "expired": return .lapsed
    default: return .inactive
    }
  }

  package static func column(_ discipline: Discipline) -> String {
    replacing("-", with: "_", in: discipline.rawValue)
  }

  package static func discipline(_ column: String) -> Discipline {
    Discipline(rawValue: replacing("_", with: "-", in: column)) ?? .other
  }

  package static func column(_ tier: Tier) -> String {
    replacing("-", with: "_", in: tier.rawValue)
  }

  package static func tier(_ column: String) -> Tier? {
    Tier(rawValue: replacing("_", with: "-", in: column))
  }

  /// `text` with every `old` byte made `new` (ASCII). Foundation's `replacingOccurrences` was a
  /// visible cost when demo-data spelled 100,000 rows with it, and re-scores spell every tier.
  private static func replacing(_ old: Unicode.Scalar, with new: Unicode.Scalar, in text: String)
    -> String
  {
    let (old, new) = (UInt8(ascii: old), UInt8(ascii: new))
    return String(decoding: text.utf8.map { $0 == old ? new : $0 }, as: UTF8.self)
  }

  /// The `professional_role` column: `therapist`, `prescriber` or `both` for the oath roles, or
  /// one staff role (`nurse`, `medical_assistant`, `monitor`, `integration_coach`). A set that
  /// mixes a staff role with another role has no spelling; ``PractitionerInput`` refuses it.
  package static func professionalRole(_ roles: Set<PractitionerRole>) -> String {
    switch (roles.contains(.therapist), roles.contains(.prescriber)) {
    case (true, true): return "both"
    case (false, true): return "prescriber"
    case (true, false): return "therapist"
    case (false, false):
      guard let staff = roles.min() else { return "therapist" }
      return replacing("-", with: "_", in: staff.rawValue)
    }
  }

  package static func roles(_ column: String) -> Set<PractitionerRole> {
    switch column {
    case "both": return [.therapist, .prescriber]
    case "prescriber": return [.prescriber]
    case "therapist": return [.therapist]
    default:
      return PractitionerRole(rawValue: replacing("_", with: "-", in: column)).map { [$0] }
        ?? [.therapist]
    }
  }

  /// A partner's role: `prescriber`, `therapist`, `medical_director`.
  package static func column(_ role: AffiliationRole) -> String {
    replacing("-", with: "_", in: role.rawValue)
  }

  package static func affiliationRole(_ column: String) -> AffiliationRole {
    AffiliationRole(rawValue: replacing("_", with: "-", in: column)) ?? .prescriber
  }

  /// How a partner evaluates patients: `in_person`, `live_video`, `questionnaire`.
  package static func column(_ evaluation: PartnerInput.Evaluation) -> String {
    replacing("-", with: "_", in: evaluation.rawValue)
  }

  package static func partnerEvaluation(_ column: String) -> PartnerInput.Evaluation {
    PartnerInput.Evaluation(rawValue: replacing("_", with: "-", in: column)) ?? .questionnaire
  }
}
