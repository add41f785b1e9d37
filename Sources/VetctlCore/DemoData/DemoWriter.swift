import Foundation
import LibPQ

/// Inserts a ``DemoBatch`` with one statement per table, in two transactions on two
/// connections: the directory rows (``insertDirectory(_:on:timings:)``) and then, once they are
/// committed, the practice profiles and assessments (``insertScoring(_:on:timings:)``), the two
/// halves taking about the same database time. `demo-data` runs the second half of one chunk
/// while the first half of the next goes in, so PostgreSQL works on both cores.
enum DemoWriter {
  /// Inserts the clinics, practitioners, locations, licenses, trainings and affiliations of
  /// `batch` in one transaction; adds each table's time to `timings`.
  static func insertDirectory(
    _ batch: DemoBatch, on connection: Connection, timings: inout [String: Duration]
  ) async throws {
    let clock = ContinuousClock()
    let start = clock.now
    try await connection.transaction { connection in
      try await insert(batch, on: connection, timings: &timings)
    }
    timings["directory rows (insert + commit)", default: .zero] += clock.now - start
  }

  /// Inserts the practice profiles and assessments of a batch whose directory rows are
  /// committed, in one transaction that makes the bulk insert cheap for itself:
  ///
  /// - The providers are new, so no assessment is superseded: the per-row supersession trigger
  ///   (a lookup and an update per row) is off until this transaction commits. ALTER TABLE is
  ///   transactional; it locks `assessments` until then (about a second), and needs table
  ///   ownership, which the migrating role has. It is switched back on before the commit, as
  ///   ALTER TABLE outlives the transaction and every later assessment must supersede the one
  ///   before it.
  /// - Assessments and profiles are JSON documents (about 20 kB and 3.5 kB): lz4 compresses
  ///   them several times faster than the default pglz.
  static func insertScoring(
    _ batch: DemoBatch, on connection: Connection, timings: inout [String: Duration]
  ) async throws {
    let clock = ContinuousClock()
    let start = clock.now
    try await connection.transaction { connection in
      try await connection.execute("ALTER TABLE assessments DISABLE TRIGGER assessments_supersede")
      try await connection.execute("SET LOCAL default_toast_compression = 'lz4'")
      var mark = clock.now
      try await insert(batch.profiles, on: connection)
      timings["practice_profiles", default: .zero] += clock.now - mark
      mark = clock.now
      try await insert(batch.assessments, on: connection)
      timings["assessments", default: .zero] += clock.now - mark
      try await connection.execute("ALTER TABLE assessments ENABLE TRIGGER assessments_supersede")
    }
    timings["profiles and assessments (insert + commit)", default: .zero] += clock.now - start
  }

  /// Inserts the directory rows of `batch`; adds each table's time to `timings`.
  private static func insert(
    _ batch: DemoBatch, on connection: Connection, timings: inout [String: Duration]
  ) async throws {
    let clock = ContinuousClock()
    var mark = clock.now
    func lap(_ table: String) {
      timings[table, default: .zero] += clock.now - mark
      mark = clock.now
    }
    let c = batch.clinics
    if !c.id.isEmpty {
      try await connection.execute(
        """
        insert into clinics (id, external_id, name, npi, states_served, website)
        select id, ext, name, nullif(npi, ''), string_to_array(states, ','), web
          from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
            as t (id, ext, name, npi, states, web)
        """, [c.id, c.externalID, c.name, c.npi, c.statesServed, c.website])
      lap("clinics")
    }
    let p = batch.practitioners
    try await connection.execute(
      """
      insert into practitioners
        (id, external_id, given_name, family_name, credentials, professional_role, npi,
         listed_solo, kap_sessions_delivered, discipline, states_served)
      select id, ext, given, family, cred, role, nullif(npi, ''), solo, sessions, discipline,
             string_to_array(states, ',')
        from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
                    $7::text[], $8::bool[], $9::int8[], $10::text[], $11::text[])
          as t (id, ext, given, family, cred, role, npi, solo, sessions, discipline, states)
      """,
      [
        p.id, p.externalID, p.givenName, p.familyName, p.credentials, p.role, p.npi, p.solo,
        p.sessions, p.discipline, p.statesServed,
      ])
    lap("practitioners")
    let l = batch.locations
    try await connection.execute(
      """
      insert into locations
        (provider_id, address_line1, city, state, postal_code, latitude, longitude, is_primary)
      select * , true
        from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::float8[],
                    $7::float8[])
      """, [l.providerID, l.address, l.city, l.state, l.postalCode, l.latitude, l.longitude])
    lap("locations")
    let li = batch.licenses
    if !li.practitionerID.isEmpty {
      try await connection.execute(
        """
        insert into licenses
          (practitioner_id, state, license_type, license_number, status, expires_on, provenance)
        select pid, state, type, number, status, nullif(expires, '')::date, provenance
          from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
                      $7::text[]) as t (pid, state, type, number, status, expires, provenance)
        """,
        [li.practitionerID, li.state, li.type, li.number, li.status, li.expiresOn, li.provenance])
      lap("licenses")
    }
    let t = batch.trainings
    if !t.practitionerID.isEmpty {
      try await connection.execute(
        """
        insert into trainings
          (practitioner_id, program, hours, completed_on, certificate_expires_on, provenance)
        select pid, program, hours, nullif(done, '')::date, nullif(expires, '')::date, provenance
          from unnest($1::uuid[], $2::text[], $3::int8[], $4::text[], $5::text[], $6::text[])
            as t (pid, program, hours, done, expires, provenance)
        """, [t.practitionerID, t.program, t.hours, t.completedOn, t.expiresOn, t.provenance])
      lap("trainings")
    }
    let a = batch.affiliations
    if !a.clinicID.isEmpty {
      try await connection.execute(
        """
        insert into affiliations (clinic_id, practitioner_id, role)
        select * from unnest($1::uuid[], $2::uuid[], $3::text[])
        """, [a.clinicID, a.practitionerID, a.role])
      lap("affiliations")
    }
  }

  private static func insert(_ f: DemoBatch.Profiles, on connection: Connection) async throws {
    try await connection.execute(
      """
      insert into practice_profiles
        (provider_id, facts, routes, conditions, accepts_insurance, insurance_payers,
         sliding_scale, telehealth_states, accepting_new_patients)
      select pid, facts::jsonb, string_to_array(routes, ','), string_to_array(conditions, ','),
             insurance, string_to_array(payers, ','), sliding, string_to_array(telehealth, ','),
             accepting
        from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::bool[], $6::text[],
                    $7::bool[], $8::text[], $9::bool[])
          as t (pid, facts, routes, conditions, insurance, payers, sliding, telehealth, accepting)
      """,
      [
        f.providerID, f.facts, f.routes, f.conditions, f.acceptsInsurance, f.payers,
        f.slidingScale, f.telehealth, f.accepting,
      ])
  }

  private static func insert(_ s: DemoBatch.Assessments, on connection: Connection) async throws {
    try await connection.execute(
      """
      insert into assessments
        (provider_id, rubric_version, score, tier, area_scores, flag_ids, critical_flags,
         major_flags, minor_flags, input_hash, as_of, assessed_at, assessed_by, document)
      select pid, rubric, score, tier, areas::jsonb, string_to_array(flag_ids, ','), critical,
             major, minor, decode(hash, 'hex'), as_of::date, clock_timestamp(),
             'vetctl demo-data', document
        from unnest($1::uuid[], $2::text[], $3::int8[], $4::text[], $5::text[], $6::text[],
                    $7::int8[], $8::int8[], $9::int8[], $10::text[], $11::text[], $12::text[])
          as t (pid, rubric, score, tier, areas, flag_ids, critical, major, minor, hash, as_of,
                document)
      """,
      [
        s.providerID, s.rubricVersion, s.score, s.tier, s.areaScores, s.flagIDs, s.critical,
        s.major, s.minor, s.inputHash, s.asOf, s.document,
      ])
  }
}
