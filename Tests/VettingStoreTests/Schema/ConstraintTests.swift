import Foundation
import LibPQ
import StoreTestSupport
import Testing

@Suite("CHECK constraints refuse bad values, naming the constraint", .migratedDatabase)
struct ConstraintTests {
  @Test(
    "a malformed NPI is refused",
    arguments: ["12345", "12345678901", "abcdefghij", "123456789O", " 1234567893", ""])
  func badNPI(npi: String) async throws {
    try await MigratedDatabase.withConnection { db in
      let error = await expectServerError(.checkViolation) {
        try await db.execute(
          """
          insert into practitioners (given_name, family_name, professional_role, npi)
          values ('A', 'B', 'therapist', $1)
          """, [npi])
      }
      #expect(error?.constraintName == "practitioners_npi_format")
    }
  }

  @Test("a ten-digit NPI with a wrong check digit is stored (the rubric flags it, not the schema)")
  func wrongCheckDigitStored() async throws {
    try await MigratedDatabase.withConnection { db in
      let count = try await db.execute(
        """
        insert into practitioners (given_name, family_name, professional_role, npi)
        values ('Check', 'Digit', 'prescriber', '1234567890')
        """)
      #expect(count == 1)
    }
  }

  @Test("a state that is not a USPS code is refused", arguments: ["ZZ", "mi", "Texas", "M", ""])
  func badState(state: String) async throws {
    try await MigratedDatabase.withConnection { db in
      let clinic = try await db.insertClinic()
      let error = await expectServerError(.checkViolation) {
        try await db.execute(
          """
          insert into locations (provider_id, address_line1, city, state, postal_code)
          values ($1, '1 Main St', 'Lansing', $2, '48912')
          """, [clinic, state])
      }
      #expect(error?.constraintName == "locations_state_valid")
    }
  }

  @Test("a bad state inside telehealth_states is refused")
  func badTelehealthState() async throws {
    try await MigratedDatabase.withConnection { db in
      let clinic = try await db.insertClinic()
      let error = await expectServerError(.checkViolation) {
        try await db.execute(
          "insert into practice_profiles (provider_id, telehealth_states) values ($1, $2)",
          [clinic, ["MI", "XX"]])
      }
      #expect(error?.constraintName == "practice_profiles_telehealth_states_valid")
    }
  }

  @Test("a score outside 0–100 is refused", arguments: ["-1", "100.01", "150"])
  func badScore(score: String) async throws {
    try await MigratedDatabase.withConnection { db in
      let clinic = try await db.insertClinic()
      let error = await expectServerError(.checkViolation) {
        _ = try await db.insertAssessment(
          provider: clinic, score: Decimal(string: score)!, assessedAt: Date())
      }
      #expect(error?.constraintName == "assessments_score_range")
    }
  }

  @Test("scores 0 and 100 are accepted", arguments: ["0", "100"])
  func boundaryScores(score: String) async throws {
    try await MigratedDatabase.withConnection { db in
      let clinic = try await db.insertClinic()
      _ = try await db.insertAssessment(
        provider: clinic, score: Decimal(string: score)!, assessedAt: Date())
    }
  }

  @Test(
    "enumerated values outside their set are refused",
    arguments: [
      (
        "insert into practitioners (given_name, family_name, professional_role) values ('A', 'B', 'surgeon')",
        "practitioners_role_valid"
      ),
      (
        "insert into api_tokens (name, role, secret_sha256) values ('t', 'root', sha256('x'))",
        "api_tokens_role_valid"
      ),
      (
        "insert into api_tokens (name, role, secret_sha256) values ('t', 'admin', '\\x00')",
        "api_tokens_secret_sha256_length"
      ),
      (
        "insert into clinics (name) values ('   ')",
        "clinics_name_length"
      ),
    ])
  func badEnumerations(sql: String, constraint: String) async throws {
    try await MigratedDatabase.withConnection { db in
      let error = await expectServerError(.checkViolation) { try await db.execute(sql) }
      #expect(error?.constraintName == constraint)
    }
  }

  @Test(
    "latitude and longitude outside their ranges, or only one of them, are refused",
    arguments: [
      (91.0, 0.0, "locations_latitude_range"), (-90.5, 0.0, "locations_latitude_range"),
      (0.0, 180.5, "locations_longitude_range"), (0.0, -181.0, "locations_longitude_range"),
    ])
  func badCoordinates(latitude: Double, longitude: Double, constraint: String) async throws {
    try await MigratedDatabase.withConnection { db in
      let clinic = try await db.insertClinic()
      let error = await expectServerError(.checkViolation) {
        try await db.execute(
          """
          insert into locations (provider_id, address_line1, city, state, postal_code, latitude, longitude)
          values ($1, '1 Main St', 'Lansing', 'MI', '48912', $2, $3)
          """, [clinic, latitude, longitude])
      }
      #expect(error?.constraintName == constraint)
    }
  }

  @Test("a retried create with the same external_id hits its unique constraint")
  func externalIdIsUnique() async throws {
    try await MigratedDatabase.withConnection { db in
      let key = "import-\(UUID().uuidString)"
      try await db.execute("insert into clinics (name, external_id) values ('A', $1)", [key])
      let error = await expectServerError(.uniqueViolation) {
        try await db.execute("insert into clinics (name, external_id) values ('A', $1)", [key])
      }
      #expect(error?.constraintName == "clinics_external_id_key")
    }
  }

  @Test("a retried create with on conflict do nothing makes no second clinic and no stray provider")
  func retriedCreateRegistersOneProvider() async throws {
    try await MigratedDatabase.withConnection { db in
      let key = "import-\(UUID().uuidString)"
      let create = """
        insert into clinics (name, external_id) values ('Retried', $1)
        on conflict (external_id) do nothing returning id
        """
      let first = try await db.query(create, [key]).singleRow()?.decode(UUID.self, at: 0)
      let retried = try await db.query(create, [key]).singleRow()
      let clinics = try await db.query(
        "select count(*) from clinics where external_id = $1", [key]
      ).singleRow()?.decode(Int.self, at: 0)
      let strays = try await db.query(
        """
        select count(*) from providers p
        where not exists (select 1 from clinics c where c.id = p.id)
          and not exists (select 1 from practitioners r where r.id = p.id)
        """
      ).singleRow()?.decode(Int.self, at: 0)
      #expect(first != nil)
      #expect(retried == nil)
      #expect(clinics == 1)
      #expect(strays == 0)
    }
  }
}
