/// The columns of an import file (CSV header names, JSON keys).
enum ImportColumns {
  /// Columns every file must have.
  static let required = ["kind", "external_id"]
  /// Columns for both kinds.
  static let shared = [
    "kind", "external_id", "id", "npi", "npi_status", "states_served", "website", "phone",
    "email",
  ]
  /// Location columns: a clinic's or a solo practitioner's one office.
  static let location = [
    "location_label", "address_line1", "city", "state", "postal_code", "latitude", "longitude",
  ]
  /// Clinic columns (`name` required for clinics).
  static let clinic = ["name", "legal_name", "description"]
  /// Practitioner columns (`given_name` and `family_name` required for practitioners).
  static let practitioner = [
    "given_name", "family_name", "credentials", "roles", "discipline", "solo",
    "kap_sessions_delivered", "bio", "practice_started_on", "psychotherapy_trained",
  ]
  /// Every known column.
  static let all = shared + location + clinic + practitioner
}
