import Foundation
import LibPQ

/// Inserts a ``DirectoryBatch`` of new providers with one statement per table, in one
/// transaction: clinics, practitioners, locations, licenses, trainings, certificates, board
/// certifications, affiliations, partners and practice profiles. Assessments are made afterwards
/// from what was stored (``BulkAssessor``), as a revet would.
package enum DirectoryBatchWriter {
  /// Inserts every row of `batch` in one transaction; adds each table's time to `timings`.
  package static func insert(
    _ batch: DirectoryBatch, on connection: Connection, timings: inout [String: Duration]
  ) async throws {
    let clock = ContinuousClock()
    let start = clock.now
    let laps = try await connection.transaction { connection in
      var laps: [String: Duration] = [:]
      try await connection.execute("SET LOCAL default_toast_compression = 'lz4'")
      try await insertDirectoryRows(batch, on: connection, timings: &laps)
      let mark = clock.now
      try await insert(batch.profiles, on: connection)
      laps["practice_profiles", default: .zero] += clock.now - mark
      return laps
    }
    for (table, time) in laps { timings[table, default: .zero] += time }
    timings["directory rows (insert + commit)", default: .zero] += clock.now - start
  }

  /// Inserts the directory rows of `batch`; adds each table's time to `timings`.
  private static func insertDirectoryRows(
    _ batch: DirectoryBatch, on connection: Connection, timings: inout [String: Duration]
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
         listed_solo, kap_sessions_delivered, discipline, states_served, practice_started_on,
         psychotherapy_trained)
      select id, ext, given, family, cred, role, nullif(npi, ''), solo, sessions, discipline,
             string_to_array(states, ','), nullif(started, '')::date, nullif(therapy, '')::bool
        from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
                    $7::text[], $8::bool[], $9::int8[], $10::text[], $11::text[], $12::text[],
                    $13::text[])
          as t (id, ext, given, family, cred, role, npi, solo, sessions, discipline, states,
                started, therapy)
      """,
      [
        p.id, p.externalID, p.givenName, p.familyName, p.credentials, p.role, p.npi, p.solo,
        p.sessions, p.discipline, p.statesServed, p.practiceStartedOn, p.psychotherapyTrained,
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
    let c2 = batch.certificates
    if !c2.practitionerID.isEmpty {
      try await connection.execute(
        """
        insert into certificates (practitioner_id, kind, expires_on, provenance)
        select pid, kind, nullif(expires, '')::date, provenance
          from unnest($1::uuid[], $2::text[], $3::text[], $4::text[])
            as t (pid, kind, expires, provenance)
        """, [c2.practitionerID, c2.kind, c2.expiresOn, c2.provenance])
      lap("certificates")
    }
    let b = batch.boardCertifications
    if !b.practitionerID.isEmpty {
      try await connection.execute(
        """
        insert into board_certifications (practitioner_id, board, specialty, expires_on, provenance)
        select pid, board, specialty, nullif(expires, '')::date, provenance
          from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[])
            as t (pid, board, specialty, expires, provenance)
        """, [b.practitionerID, b.board, b.specialty, b.expiresOn, b.provenance])
      lap("board_certifications")
    }
    let pa = batch.partners
    if !pa.providerID.isEmpty {
      try await connection.execute(
        """
        insert into partners (provider_id, name, npi, role, provenance)
        select pid, name, nullif(npi, ''), role, provenance
          from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[])
            as t (pid, name, npi, role, provenance)
        """, [pa.providerID, pa.name, pa.npi, pa.role, pa.provenance])
      lap("partners")
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

  private static func insert(_ f: DirectoryBatch.Profiles, on connection: Connection) async throws {
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
}
