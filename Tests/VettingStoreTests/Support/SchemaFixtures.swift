import Foundation
import LibPQ

/// Rows the schema tests build on. Each call makes new rows with fresh values, so tests running in
/// parallel on one database never collide.
extension Connection {
  /// Inserts a clinic and returns its id (which is also its provider id).
  func insertClinic(name: String = "Clinic \(UUID().uuidString.prefix(8))") async throws -> UUID {
    try await query("insert into clinics (name) values ($1) returning id", [name])
      .singleRow()!.decode(UUID.self, at: 0)
  }

  /// Inserts a practitioner (no NPI) and returns its id.
  func insertPractitioner(
    givenName: String = "Ada", familyName: String = "Test \(UUID().uuidString.prefix(8))"
  ) async throws -> UUID {
    try await query(
      """
      insert into practitioners (given_name, family_name, professional_role)
      values ($1, $2, 'both') returning id
      """,
      [givenName, familyName]
    ).singleRow()!.decode(UUID.self, at: 0)
  }

  /// Inserts an assessment for a provider and returns its id.
  func insertAssessment(
    provider: UUID, score: Decimal = 80, tier: String = "vetted", assessedAt: Date
  ) async throws -> UUID {
    try await query(
      """
      insert into assessments (provider_id, rubric_version, score, tier, input_hash, as_of, assessed_at)
      values ($1, '1', $2, $3, $4, current_date, $5) returning id
      """,
      [provider, score, tier, Data(repeating: 7, count: 32), assessedAt]
    ).singleRow()!.decode(UUID.self, at: 0)
  }

  /// Inserts an audit entry about a provider and returns its id.
  func insertAuditEntry(provider: UUID) async throws -> UUID {
    try await query(
      """
      insert into audit_log (actor, action, entity_type, entity_id, provider_id, after)
      values ('tester', 'create', 'clinic', $1, $1, '{"name": "x"}') returning id
      """,
      [provider]
    ).singleRow()!.decode(UUID.self, at: 0)
  }
}
