import Foundation
import LibPQ

/// One provider to insert for the search tests, with the rows search reads.
struct SearchRows {
  struct Place {
    var city: String
    var state: String
    var postalCode: String
    var latitude: Double
    var longitude: Double
  }

  struct Profile {
    var routes: [String] = []
    var conditions: [String] = []
    var payers: [String] = []
    var slidingScale = false
    var telehealthStates: [String] = []
    var accepting = false
  }

  struct Score {
    var score: Decimal
    var tier: String
    var critical = 0
    var major = 0
    var minor = 0
  }

  enum Kind {
    case clinic
    /// A practitioner listed on their own (`listed_solo`), or only a clinic's team member.
    case practitioner(solo: Bool)
  }

  var kind: Kind
  var name: String
  var places: [Place] = []
  var profile: Profile?
  var score: Score?
  var archived = false
  /// A clinic this (team) practitioner is affiliated with.
  var affiliatedWith: UUID?

  /// Inserts the provider and its rows; returns the provider id.
  @discardableResult
  func insert(on connection: Connection) async throws -> UUID {
    try await connection.transaction { tx in
      let id: UUID
      switch kind {
      case .clinic:
        id = try await tx.query(
          "INSERT INTO clinics (name, archived_at) VALUES ($1, $2) RETURNING id",
          [name, archived ? Date() : nil]
        ).singleRow()!.decode(UUID.self, at: 0)
      case .practitioner(let solo):
        let parts = name.split(separator: " ", maxSplits: 1).map(String.init)
        id = try await tx.query(
          """
          INSERT INTO practitioners
            (given_name, family_name, professional_role, listed_solo, archived_at)
          VALUES ($1, $2, 'both', $3, $4) RETURNING id
          """, [parts[0], parts.count > 1 ? parts[1] : "X", solo, archived ? Date() : nil]
        ).singleRow()!.decode(UUID.self, at: 0)
        if let clinic = affiliatedWith {
          try await tx.query(
            """
            INSERT INTO affiliations (clinic_id, practitioner_id, role)
            VALUES ($1, $2, 'therapist')
            """, [clinic, id])
        }
      }
      for (index, place) in places.enumerated() {
        try await tx.query(
          """
          INSERT INTO locations
            (provider_id, address_line1, city, state, postal_code, latitude, longitude, is_primary)
          VALUES ($1, '1 Test Street', $2, $3, $4, $5, $6, $7)
          """,
          [
            id, place.city, place.state, place.postalCode, place.latitude, place.longitude,
            index == 0,
          ])
      }
      if let profile {
        try await tx.query(
          """
          INSERT INTO practice_profiles
            (provider_id, routes, conditions, accepts_insurance, insurance_payers, sliding_scale,
             telehealth_states, accepting_new_patients)
          VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
          """,
          [
            id, profile.routes, profile.conditions, !profile.payers.isEmpty, profile.payers,
            profile.slidingScale, profile.telehealthStates, profile.accepting,
          ])
      }
      if let score {
        try await tx.query(
          """
          INSERT INTO assessments
            (provider_id, rubric_version, score, tier, critical_flags, major_flags, minor_flags,
             input_hash, as_of)
          VALUES ($1, '2026.1', $2, $3, $4, $5, $6, $7, current_date)
          """,
          [
            id, score.score, score.tier, score.critical, score.major, score.minor,
            Data(repeating: 1, count: 32),
          ])
      }
      return id
    }
  }
}
