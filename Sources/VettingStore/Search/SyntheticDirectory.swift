import Foundation
import LibPQ

/// Bulk-generates a synthetic directory in SQL (`generate_series`), for search benchmarks and the
/// plan tests: 100,000 providers take seconds, not minutes, because every table is filled by one
/// `INSERT ... SELECT` instead of one round trip per row.
///
/// What it makes, for `providers` = N (every row's external id starts with `syn-<label>-`):
/// - 70% clinics and 30% solo practitioners (`listed_solo`), plus N/10 team practitioners
///   affiliated with clinics (found by name search through their clinic);
/// - one primary location each, scattered within about ±1° of one of 20 US metro centres (city,
///   state and a ZIP in the metro's ZIP3 come from the metro);
/// - a practice profile each with routes, conditions, payers, telehealth states drawn with fixed
///   probabilities (e.g. `iv` 35%, `at_home` 15%; each payer 10%);
/// - a latest assessment for about 90%: uniform score 0–100, 5% with a critical flag (tier
///   `not_vetted`), 15% with a major one.
///
/// The search read model (`provider_listings`, `listing_names`, `listing_places`) is filled by
/// its triggers in the same transaction, in one set-based pass at commit (the `commit` step).
///
/// Generation is deterministic for a given `seed` (PostgreSQL `setseed`), ids aside.
public enum SyntheticDirectory {
  /// What ``seed(providers:label:seed:on:)`` inserted.
  public struct Counts: Sendable, Hashable {
    /// Clinics inserted.
    public var clinics: Int
    /// Solo practitioners inserted.
    public var soloPractitioners: Int
    /// Team (non-solo) practitioners inserted, each affiliated with a clinic.
    public var teamPractitioners: Int
    /// Assessments inserted.
    public var assessments: Int
    /// How long each step took (`clinics`, `practitioners`, ..., `commit`, `vacuum analyze`),
    /// in order.
    public var steps: [Step] = []
  }

  /// One timed step of a seeding run.
  public struct Step: Sendable, Hashable, CustomStringConvertible {
    /// What the step filled.
    public var name: String
    /// How long it took.
    public var duration: Duration

    public var description: String { "\(name) \(duration)" }
  }

  /// The metro centres locations are scattered around: city, state, ZIP3, latitude, longitude.
  static let metros: [(String, String, String, Double, Double)] = [
    ("Lansing", "MI", "489", 42.7325, -84.5555), ("Detroit", "MI", "482", 42.3314, -83.0458),
    ("Chicago", "IL", "606", 41.8781, -87.6298), ("New York", "NY", "100", 40.7506, -73.9972),
    ("Los Angeles", "CA", "900", 34.0614, -118.2385),
    ("San Francisco", "CA", "941", 37.7725, -122.4147),
    ("Seattle", "WA", "981", 47.6101, -122.3344), ("Portland", "OR", "972", 45.5152, -122.6784),
    ("Denver", "CO", "802", 39.7525, -104.9995), ("Austin", "TX", "787", 30.2711, -97.7437),
    ("Houston", "TX", "770", 29.7559, -95.3573), ("Miami", "FL", "331", 25.7663, -80.2040),
    ("Atlanta", "GA", "303", 33.7527, -84.3918), ("Boston", "MA", "021", 42.3576, -71.0640),
    ("Phoenix", "AZ", "850", 33.4515, -112.0685), ("Minneapolis", "MN", "554", 44.9847, -93.2697),
    ("Nashville", "TN", "372", 36.1520, -86.7900), ("Philadelphia", "PA", "191", 39.9526, -75.1730),
    ("Salt Lake City", "UT", "841", 40.7566, -111.8990),
    ("Washington", "DC", "200", 38.9100, -77.0170),
  ]

  /// Inserts a synthetic directory of `providers` listed providers in one transaction on
  /// `connection`, then `VACUUM ANALYZE`s the tables it filled. The connection must not be in a
  /// transaction.
  ///
  /// - Parameters:
  ///   - label: letters and digits, making external ids unique per batch (`syn-<label>-c17`).
  ///   - seed: `setseed` value in -1...1.
  /// - Throws: ``StoreError/Code/invalidArgument`` for a bad label or count; ``PostgresError``.
  @discardableResult
  public static func seed(
    providers: Int, label: String = "bench", seed: Double = 0.42, on connection: Connection
  ) async throws -> Counts {
    guard providers > 0, providers <= 10_000_000 else {
      throw StoreError.invalidArgument(field: "providers", message: "must be in 1...10,000,000")
    }
    guard !label.isEmpty, label.count <= 40,
      label.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
    else {
      throw StoreError.invalidArgument(
        field: "label", message: "must be 1...40 ASCII letters or digits")
    }
    let clinics = providers * 7 / 10
    let solo = providers - clinics
    let team = providers / 10
    let prefix = "syn-\(label)-"
    let metroValues = metros.enumerated().map { index, metro in
      "(\(index), '\(metro.0)', '\(metro.1)', '\(metro.2)', \(metro.3)::float8, \(metro.4)::float8)"
    }.joined(separator: ",\n")

    var steps: [Step] = []
    let clock = ContinuousClock()
    var mark = clock.now
    func step(_ name: String) {
      steps.append(Step(name: name, duration: clock.now - mark))
      mark = clock.now
    }
    let assessments = try await connection.transaction { tx in
      try await tx.query("SELECT setseed($1)", [seed])
      try await tx.query(
        """
        INSERT INTO clinics (external_id, name)
        SELECT $2 || 'c' || g,
               (ARRAY['Harbor','Summit','Cedar','Willow','Aspen','Meridian','Beacon','Horizon',
                      'Lakeside','Riverbend','Northstar','Evergreen','Bluebird','Sage','Juniper',
                      'Oakwood'])[1 + floor(random() * 16)::int]
               || ' ' ||
               (ARRAY['Ketamine Clinic','Wellness','Infusion Center','Psychiatry','Mental Health',
                      'Healing Center','Therapeutics','Integrative Care'])[1 + floor(random() * 8)::int]
               || ' ' || g
          FROM generate_series(1, $1) g
        """, [clinics, prefix])
      step("clinics")
      try await tx.query(
        """
        INSERT INTO practitioners
          (external_id, given_name, family_name, professional_role, listed_solo)
        SELECT $1 || 'p' || g,
               (ARRAY['Maria','James','Aisha','Wei','Sofia','Daniel','Priya','Lucas','Hannah',
                      'Omar','Grace','Mateo'])[1 + floor(random() * 12)::int],
               (ARRAY['Garcia','Smith','Nguyen','Okafor','Kowalski','Haddad','Lindqvist','Moreno',
                      'Patel','Brennan','Tanaka','Dubois'])[1 + floor(random() * 12)::int] || ' ' || g,
               (ARRAY['therapist','prescriber','both'])[1 + floor(random() * 3)::int],
               g <= $2
          FROM generate_series(1, $2 + $3) g
        """, [prefix, solo, team])
      step("practitioners")
      try await tx.query(
        """
        INSERT INTO affiliations (clinic_id, practitioner_id, role)
        SELECT c.id, p.id, 'therapist'
          FROM generate_series($3 + 1, $3 + $4) g
          JOIN practitioners p ON p.external_id = $2 || 'p' || g
          JOIN clinics c ON c.external_id = $2 || 'c' || (1 + g % $1)
        """, [clinics, prefix, solo, team])
      step("affiliations")
      try await tx.query(
        """
        CREATE TEMP TABLE synthetic_batch ON COMMIT DROP AS
        SELECT id, row_number() OVER (ORDER BY id) AS n FROM (
          SELECT id FROM clinics WHERE external_id LIKE $1 || 'c%'
          UNION ALL
          SELECT id FROM practitioners WHERE listed_solo AND external_id LIKE $1 || 'p%'
        ) x
        """, [prefix])
      step("batch")
      try await tx.query(
        """
        INSERT INTO locations
          (provider_id, address_line1, city, state, postal_code, latitude, longitude, is_primary)
        SELECT b.id, (1 + floor(random() * 9000)::int) || ' Main Street', m.city, m.state,
               m.zip3 || lpad(floor(random() * 100)::int::text, 2, '0'),
               m.lat + (random() * 2 - 1), m.lon + (random() * 2 - 1), true
          FROM synthetic_batch b
          JOIN (VALUES \(metroValues)) AS m (i, city, state, zip3, lat, lon) ON m.i = b.n % 20
        """)
      step("locations")
      try await tx.query(
        """
        INSERT INTO practice_profiles
          (provider_id, routes, conditions, accepts_insurance, insurance_payers, sliding_scale,
           telehealth_states, accepting_new_patients)
        SELECT b.id,
               ARRAY(SELECT r FROM unnest(ARRAY['iv','im','oral_sublingual',
                       'intranasal_esketamine','at_home'], ARRAY[0.35,0.25,0.30,0.20,0.15]) AS u (r, p)
                      WHERE random() < u.p AND b.id IS NOT NULL),
               ARRAY(SELECT c FROM unnest(ARRAY['depression','ptsd','anxiety','ocd','bipolar_depression',
                       'chronic_pain','substance_use','eating_disorders','suicidal_ideation','postpartum'],
                       ARRAY[0.8,0.45,0.5,0.2,0.15,0.25,0.2,0.05,0.3,0.1]) AS u (c, p)
                      WHERE random() < u.p AND b.id IS NOT NULL),
               pay.payers <> '{}', pay.payers,
               random() < 0.3,
               ARRAY(SELECT s FROM unnest(us_state_codes()) s
                      WHERE random() < 0.03 AND b.id IS NOT NULL),
               random() < 0.7
          FROM synthetic_batch b
          CROSS JOIN LATERAL (
            SELECT ARRAY(SELECT x FROM unnest(ARRAY['medicare','medicaid','aetna','cigna',
                           'united','bcbs','humana','kaiser','tricare','optum']) x
                          WHERE random() < 0.1 AND b.id IS NOT NULL) AS payers
          ) pay
        """)
      step("practice_profiles")
      // The providers are new, so there is nothing to supersede: the per-row supersession
      // trigger (two lookups per row, with plans made while the table was small) is switched off
      // for this statement only. ALTER TABLE is transactional; it needs table ownership, which
      // the migrating role has.
      try await tx.query("ALTER TABLE assessments DISABLE TRIGGER assessments_supersede")
      let count = try await tx.execute(
        """
        INSERT INTO assessments
          (provider_id, rubric_version, score, tier, flag_ids, critical_flags, major_flags,
           minor_flags, input_hash, as_of)
        SELECT b.id, '2026.1', s.score,
               CASE WHEN s.critical > 0 OR s.score < 50 THEN 'not_vetted'
                    WHEN s.score >= 85 AND s.major = 0 THEN 'recommended'
                    WHEN s.score >= 70 THEN 'vetted'
                    ELSE 'conditional' END,
               (CASE WHEN s.critical > 0 THEN ARRAY['unlicensed_prescriber'] ELSE '{}' END)
                 || (CASE WHEN s.major > 0 THEN ARRAY['no_integration'] ELSE '{}' END),
               s.critical, s.major, s.minor,
               sha256(convert_to(b.id::text, 'UTF8')), current_date
          FROM synthetic_batch b
          CROSS JOIN LATERAL (
            SELECT round((random() * 100)::numeric, 2) AS score,
                   (random() < 0.05)::int AS critical, (random() < 0.15)::int AS major,
                   floor(random() * 3)::int AS minor, random() AS draw
             WHERE b.id IS NOT NULL
          ) s
         WHERE s.draw < 0.9
        """)
      try await tx.query("ALTER TABLE assessments ENABLE TRIGGER assessments_supersede")
      step("assessments")
      return count
    }
    step("commit")
    // VACUUM sets hint bits and the visibility map, so the first searches do not pay for them.
    for table in [
      "clinics", "practitioners", "affiliations", "locations", "practice_profiles", "assessments",
      "provider_listings", "listing_names", "listing_places",
    ] {
      try await connection.query("VACUUM ANALYZE \(table)")
    }
    step("vacuum analyze")
    return Counts(
      clinics: clinics, soloPractitioners: solo, teamPractitioners: team, assessments: assessments,
      steps: steps)
  }
}
