import VettingCore

/// The one place where the schema's spellings meet VettingCore's.
///
/// The schema uses lower-case slugs with underscores (`self_reported`, `oral_sublingual`,
/// `not_vetted`) so its CHECKs and `is_slug()` stay simple; VettingCore uses hyphenated raw
/// values (`self-reported`, `sublingual-lozenge`, `not-vetted`). Every conversion goes through
/// here.
enum SchemaVocabulary {
  static func column(_ provenance: Provenance) -> String {
    switch provenance {
    case .selfReported: return "self_reported"
    case .documentOnFile: return "document_on_file"
    case .verifiedByStaff: return "verified_by_staff"
    case .publicRegistry: return "public_registry"
    }
  }

  static func provenance(_ column: String) -> Provenance {
    switch column {
    case "document_on_file": return .documentOnFile
    case "verified_by_staff": return .verifiedByStaff
    case "public_registry": return .publicRegistry
    default: return .selfReported
    }
  }

  static func column(_ route: Route) -> String {
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
  static func column(_ status: LicenseStatus) -> String {
    switch status {
    case .active: return "active"
    case .probation: return "probation"
    case .suspended: return "suspended"
    case .revoked: return "revoked"
    case .lapsed: return "expired"
    case .inactive: return "inactive"
    }
  }

  static func licenseStatus(_ column: String) -> LicenseStatus {
    switch column {
    case "active": return .active
    case "probation": return .probation
    case "suspended": return .suspended
    case "revoked": return .revoked
    case "expired": return .lapsed
    default: return .inactive
    }
  }

  static func column(_ discipline: Discipline) -> String {
    discipline.rawValue.replacingOccurrences(of: "-", with: "_")
  }

  static func discipline(_ column: String) -> Discipline {
    Discipline(rawValue: column.replacingOccurrences(of: "_", with: "-")) ?? .other
  }

  static func column(_ tier: Tier) -> String {
    tier.rawValue.replacingOccurrences(of: "-", with: "_")
  }

  static func tier(_ column: String) -> Tier? {
    Tier(rawValue: column.replacingOccurrences(of: "_", with: "-"))
  }

  /// `therapist`, `prescriber` or `both`.
  static func professionalRole(_ roles: Set<PractitionerRole>) -> String {
    switch (roles.contains(.therapist), roles.contains(.prescriber)) {
    case (true, true): return "both"
    case (false, true): return "prescriber"
    default: return "therapist"
    }
  }

  static func roles(_ column: String) -> Set<PractitionerRole> {
    switch column {
    case "both": return [.therapist, .prescriber]
    case "prescriber": return [.prescriber]
    default: return [.therapist]
    }
  }

  /// The provenance an NPI carries: confirmed in the NPPES registry, or only reported.
  static func npiProvenance(status: String) -> Provenance {
    status == "active" ? .publicRegistry : .selfReported
  }
}
