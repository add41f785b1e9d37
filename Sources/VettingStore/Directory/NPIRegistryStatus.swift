import LibPQ
import VettingCore

/// What staff found when they looked an NPI up in the NPPES NPI Registry; raw values are the
/// `npi_status` column's and the API's. `active` makes the NPI registry-confirmed; `deactivated`
/// and `not_found` raise `licensure.invalid-npi` although the number passes the check digit.
public enum NPIRegistryStatus: String, Sendable, Hashable, CaseIterable {
  /// Not looked up yet (the default).
  case unchecked
  /// NPPES lists the number as active.
  case active
  /// NPPES lists the number as deactivated.
  case deactivated
  /// NPPES has no record of the number.
  case notFound = "not_found"

  /// The `npi_status` column of a clinic or practitioner row (its check constraint holds it to
  /// these values).
  init(column row: PostgresRow) throws {
    self = NPIRegistryStatus(rawValue: try row.decode(String.self, "npi_status")) ?? .unchecked
  }

  /// The provenance the NPI carries: confirmed in the NPPES registry, or only reported.
  package var provenance: Provenance { self == .active ? .publicRegistry : .selfReported }

  /// What the rubric reads: the finding against the NPI, or nil when there is none.
  package var finding: NPI.RegistryFinding? {
    switch self {
    case .unchecked, .active: return nil
    case .deactivated: return .deactivated
    case .notFound: return .notFound
    }
  }

  /// The accepted values, for error messages.
  package static let accepted = allCases.map(\.rawValue).joined(separator: ", ")
}
