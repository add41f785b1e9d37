import Foundation
import LibPQ
import StoreTestSupport
import Testing
import VettingCore

/// Directory rows written straight into the suite's database with chosen timestamps, for the
/// audit tests: the admin API always stamps "now", but a report as of last month needs history.
///
/// Every helper returns the new row's id. Times are instants (`Date`); "days ago" helpers use the
/// test's clock, which is the database server's machine.
struct AuditSeed {
  let connection: Connection

  /// Runs `body` with a seed on its own connection to the suite's database.
  static func with<T>(_ body: (AuditSeed) async throws -> T) async throws -> T {
    try await MigratedDatabase.withConnection { connection in
      try await body(AuditSeed(connection: connection))
    }
  }

  /// `days` days before now (negative: after).
  static func daysAgo(_ days: Double) -> Date {
    Date().addingTimeInterval(-days * 86_400)
  }

  /// A unique external id.
  static func key(_ base: String) -> String { Fixtures.key(base) }

  /// A valid NPI no other row uses (random, with its check digit).
  static func randomNPI() -> String {
    Fixtures.npi("1" + String(format: "%08d", Int.random(in: 0..<100_000_000)))
  }

  func clinic(
    _ name: String, created: Date = AuditSeed.daysAgo(365), archived: Date? = nil,
    npi: String? = nil, npiCheckedAt: Date? = nil
  ) async throws -> UUID {
    try await connection.query(
      """
      insert into clinics (external_id, name, npi, npi_checked_at, created_at, archived_at)
      values ($1, $2, $3, $4, $5, $6) returning id
      """, [AuditSeed.key("seed-clinic"), name, npi, npiCheckedAt, created, archived]
    ).singleRow()!.decode(UUID.self, at: 0)
  }

  func practitioner(
    given: String, family: String, solo: Bool = true, created: Date = AuditSeed.daysAgo(365),
    archived: Date? = nil, npi: String? = nil, npiCheckedAt: Date? = nil
  ) async throws -> UUID {
    try await connection.query(
      """
      insert into practitioners
        (external_id, given_name, family_name, professional_role, listed_solo, npi,
         npi_checked_at, created_at, archived_at)
      values ($1, $2, $3, 'both', $4, $5, $6, $7, $8) returning id
      """,
      [
        AuditSeed.key("seed-practitioner"), given, family, solo, npi, npiCheckedAt, created,
        archived,
      ]
    ).singleRow()!.decode(UUID.self, at: 0)
  }

  @discardableResult
  func location(
    _ provider: UUID, city: String, state: String, postalCode: String, primary: Bool = true,
    created: Date = AuditSeed.daysAgo(365), archived: Date? = nil
  ) async throws -> UUID {
    try await connection.query(
      """
      insert into locations
        (provider_id, address_line1, city, state, postal_code, is_primary, created_at, archived_at)
      values ($1, '1 Test Street', $2, $3, $4, $5, $6, $7) returning id
      """, [provider, city, state, postalCode, primary, created, archived]
    ).singleRow()!.decode(UUID.self, at: 0)
  }

  /// An assessment assessed at `at` (later than the provider's previous one), with the counts
  /// and severities of `flags` as the rubric defines them (`critical` for ids it does not know).
  @discardableResult
  func assessment(
    _ provider: UUID, at: Date, tier: String, score: Double, flags: [String] = [],
    areas: [String: Int?] = [:], rubric: String = "2026.1"
  ) async throws -> UUID {
    let areaJSON = try PostgresJSONB(encoding: areas)
    // The counts by severity as the engine stores them (the published rubric's severities).
    func count(_ severity: Severity) -> Int {
      flags.filter { id in Rubric.current.flags.first { $0.id == id }?.severity == severity }
        .count
    }
    let row = try await connection.query(
      """
      insert into assessments
        (provider_id, rubric_version, score, tier, area_scores, flag_ids, critical_flags,
         major_flags, minor_flags, input_hash, as_of, assessed_at, assessed_by)
      values ($1, $2, $3, $4, $5, $6, $7, $8, $9,
              sha256(convert_to(gen_random_uuid()::text, 'UTF8')),
              ($10::timestamptz at time zone 'UTC')::date, $10, 'seed')
      returning id
      """,
      [
        provider, rubric, score, tier, areaJSON, flags, count(.critical), count(.major),
        count(.minor), at,
      ]
    ).singleRow()
    return try #require(row).decode(UUID.self, at: 0)
  }

  /// A license; `verified` sets `last_verified_at` (and who verified it).
  @discardableResult
  func license(
    _ practitioner: UUID, number: String, verified: Date? = nil, expires: Date? = nil,
    archived: Date? = nil
  ) async throws -> UUID {
    try await connection.query(
      """
      insert into licenses
        (practitioner_id, state, license_type, license_number, status, expires_on,
         last_verified_at, last_verified_by, archived_at)
      values ($1, 'MI', 'LCSW', $2, 'active', ($3::timestamptz at time zone 'UTC')::date, $4,
              case when $4::timestamptz is null then null else 'staff' end, $5)
      returning id
      """, [practitioner, number, expires, verified, archived]
    ).singleRow()!.decode(UUID.self, at: 0)
  }

  /// An evidence item of `provider` expiring on the UTC day of `expires`.
  @discardableResult
  func evidence(
    _ provider: UUID, fact: String = "screening.urine_toxicology", expires: Date?,
    archived: Date? = nil
  ) async throws -> UUID {
    try await connection.query(
      """
      insert into evidence_items (provider_id, fact, description, provenance, expires_on, archived_at)
      values ($1, $2, 'Intake protocol', 'self_reported',
              ($3::timestamptz at time zone 'UTC')::date, $4)
      returning id
      """, [provider, fact, expires, archived]
    ).singleRow()!.decode(UUID.self, at: 0)
  }

  /// A completed training whose certificate expires on the UTC day of `expires`.
  @discardableResult
  func training(_ practitioner: UUID, expires: Date?, status: String = "completed") async throws
    -> UUID
  {
    try await connection.query(
      """
      insert into trainings (practitioner_id, program, status, certificate_expires_on)
      values ($1, 'polaris-insight-center', $2, ($3::timestamptz at time zone 'UTC')::date)
      returning id
      """, [practitioner, status, expires]
    ).singleRow()!.decode(UUID.self, at: 0)
  }
}
