/// When a criterion or flag applies. Applicability depends only on what a provider offers and who
/// is on its team, never on the strength of evidence, so adding or losing evidence never changes
/// which criteria count.
public enum Applicability: String, Sendable, Hashable, Codable, CaseIterable {
  /// Every provider.
  case always
  /// Providers where patients take doses on the premises (IV, IM, in-office lozenge, esketamine).
  case dosesOnSite = "doses-on-site"
  /// Providers giving IV or IM ketamine on the premises.
  case injectionsOnSite = "injections-on-site"
  /// Providers prescribing ketamine for use at home.
  case prescribesForHome = "prescribes-for-home"
  /// Providers offering intranasal esketamine.
  case offersEsketamine = "offers-esketamine"
  /// Clinics (organisations), not solo practitioners.
  case clinic
  /// Providers with a prescriber on their own team (not only a partner).
  case ownPrescriber = "own-prescriber"
  /// Providers offering ketamine itself (off-label, often compounded): any route but on-label
  /// esketamine, or no route on record (unknown is not "esketamine only").
  case offersKetamine = "offers-ketamine"

  /// A phrase for documents and not-applicable reasons.
  public var phrase: String {
    switch self {
    case .always: return "all providers"
    case .dosesOnSite: return "providers where patients dose on site"
    case .injectionsOnSite: return "providers giving IV or IM ketamine on site"
    case .prescribesForHome: return "providers prescribing for home use"
    case .offersEsketamine: return "providers offering intranasal esketamine"
    case .clinic: return "clinics"
    case .ownPrescriber: return "providers with a prescriber on their own team"
    case .offersKetamine:
      return "providers offering ketamine itself (any route but on-label esketamine alone)"
    }
  }

  var bit: UInt8 {
    switch self {
    case .always: return 0
    case .dosesOnSite: return 1 << 0
    case .injectionsOnSite: return 1 << 1
    case .prescribesForHome: return 1 << 2
    case .offersEsketamine: return 1 << 3
    case .clinic: return 1 << 4
    case .ownPrescriber: return 1 << 5
    case .offersKetamine: return 1 << 6
    }
  }
}
