import Foundation
import LibPQ
import StoreTestSupport
import Testing
import VettingCore

@testable import VettingStore

/// The listings read model (migration 0010) says what the source tables say after every kind of
/// write: a random sequence of writes through the store (fixed seed, so a failure replays) —
/// create, update, archive, locations, profiles, affiliations and their end, license suspension,
/// re-score, import, rubric re-score (revet all) and a bulk load — checked after every step by
/// `ListingDrift.check`, and every few steps by running each search shape on the listings and on
/// the source tables (the statement search ran before the read model) and requiring the same
/// pages.
@Suite("Listings follow every write", .migratedDatabase, .serialized)
struct ListingWritePropertyTests {
  static let steps = 160

  /// What the sequence has made so far.
  struct World {
    var clinics: [UUID] = []
    var practitioners: [UUID] = []
    var locations: [UUID] = []
    var licenses: [UUID] = []
    var affiliations: [UUID] = []
    var imports = 0
  }

  static let names = [
    "Harbor", "Summit", "Cedar", "Willow", "Aspen", "Meridian", "Beacon", "Juniper",
  ]
  static let families = ["Reyes", "Okafor", "Lindqvist", "Tanaka", "Haddad", "Moreno"]
  static let places: [(city: String, state: String, zip: String, lat: Double, lon: Double)] = [
    ("Lansing", "MI", "48912", 42.7325, -84.5555), ("Detroit", "MI", "48226", 42.3314, -83.0458),
    ("Ann Arbor", "MI", "48104", 42.2808, -83.7430), ("Toledo", "OH", "43604", 41.6528, -83.5379),
    ("Chicago", "IL", "60601", 41.8781, -87.6298),
  ]

  @Test("random writes keep the listings equal to the source tables", .timeLimit(.minutes(10)))
  func randomWrites() async throws {
    try await DirectoryTestStore.with { store in
      var random = SplitMix64(seed: 0x5EED_0010)
      var world = World()
      var kinds: [String: Int] = [:]
      try await bulkLoad()
      kinds["bulk load", default: 0] += 1
      try await expectNoDrift(store, after: "bulk load")
      for step in 1...Self.steps {
        let kind = try await write(store, &world, &random)
        kinds[kind, default: 0] += 1
        try await expectNoDrift(store, after: "step \(step) (\(kind))")
        if step % 20 == 0 {
          let hits = try await ReadingComparison.expectSame(
            ReadingComparison.shapes(
              near: .point(latitude: 42.7325, longitude: -84.5555), word: "Lindqvist"),
            on: store.pool)
          #expect(hits > 0)
        }
      }
      // Every kind of write happened (the seed is fixed, so this holds or never does).
      let expected = [
        "create clinic", "create practitioner", "update clinic", "update practitioner",
        "archive clinic", "archive practitioner", "add location", "update location",
        "set profile", "affiliate", "end affiliation", "suspend license", "revet", "import",
        "revet all", "bulk load",
      ]
      for kind in expected { #expect(kinds[kind, default: 0] > 0, "never ran \(kind)") }
      let listed = try await store.count("provider_listings")
      #expect(listed > 50)
    }
  }

  @Test("a write that fails leaves the listings as they were")
  func failedWrite() async throws {
    try await DirectoryTestStore.with { store in
      let clinic = try await store.directory.createClinic(
        Sample.clinic("Dogwood Infusions"), externalID: Sample.key("c"), actor: Sample.actor)
      let before = try await listingName(store, clinic.id)
      // A stale version: refused after nothing was written.
      await #expect(throws: StoreError.self) {
        try await store.directory.updateClinic(
          id: clinic.id, expectedVersion: clinic.version + 5, Sample.clinic("Renamed"),
          actor: Sample.actor)
      }
      #expect(try await listingName(store, clinic.id) == before)
      // A transaction that writes and rolls back leaves no listing change behind.
      try await MigratedDatabase.withConnection { (connection: Connection) async throws -> Void in
        await #expect(throws: PostgresError.self) {
          try await connection.transaction { tx in
            try await tx.query(
              "update clinics set name = 'Half Written' where id = $1", [clinic.id])
            try await tx.query("select 1/0")
          }
        }
        let drift = try await ListingDrift.check(on: connection)
        #expect(drift.isEmpty)
      }
      #expect(try await listingName(store, clinic.id) == "Dogwood Infusions")
    }
  }

  @Test("the drift check names a provider whose listing was edited behind the triggers")
  func driftIsReported() async throws {
    try await DirectoryTestStore.with { store in
      let clinic = try await store.directory.createClinic(
        Sample.clinic("Tamarack Ketamine"), externalID: Sample.key("c"), actor: Sample.actor)
      try await MigratedDatabase.withConnection { connection in
        try await connection.query(
          "update provider_listings set name = 'Stale' where provider_id = $1", [clinic.id])
        try await connection.query(
          "delete from listing_names where provider_id = $1", [clinic.id])
        let drift = try await ListingDrift.check(on: connection)
        #expect(
          Set(drift)
            == [
              ListingDrift(relation: "provider_listings", providerID: clinic.id),
              ListingDrift(relation: "listing_names", providerID: clinic.id),
            ])
        // refresh_listings repairs it.
        try await connection.query("select refresh_listings(array[$1]::uuid[])", [clinic.id])
        #expect(try await ListingDrift.check(on: connection).isEmpty)
      }
    }
  }

  // MARK: - The writes

  /// One random write; returns its kind.
  func write(
    _ store: DirectoryTestStore, _ world: inout World, _ random: inout SplitMix64
  ) async throws -> String {
    let directory = store.directory
    let actor = Sample.actor
    func pick(_ ids: [UUID]) -> UUID? { ids.randomElement(using: &random) }
    switch Int.random(in: 0..<100, using: &random) {
    case 0..<12:
      let name = "\(Self.names.randomElement(using: &random)!) Ketamine \(world.clinics.count)"
      let clinic = try await directory.createClinic(
        Sample.clinic(name), externalID: Sample.key("c"), actor: actor)
      world.clinics.append(clinic.id)
      return "create clinic"
    case 12..<22:
      var input = Sample.practitioner(solo: Bool.random(using: &random))
      input.familyName = Self.families.randomElement(using: &random)!
      let practitioner = try await directory.createPractitioner(
        input, externalID: Sample.key("p"), actor: actor)
      world.practitioners.append(practitioner.id)
      return "create practitioner"
    case 22..<27:
      guard let id = pick(world.clinics) else { return "skipped" }
      let name = "\(Self.names.randomElement(using: &random)!) Wellness \(random.next() % 1000)"
      _ = try? await directory.updateClinic(
        id: id, expectedVersion: try await version("clinics", id, store), Sample.clinic(name),
        actor: actor)
      return "update clinic"
    case 27..<33:
      guard let id = pick(world.practitioners) else { return "skipped" }
      var input = Sample.practitioner(solo: Bool.random(using: &random))
      input.familyName = Self.families.randomElement(using: &random)!
      _ = try? await directory.updatePractitioner(
        id: id, expectedVersion: try await version("practitioners", id, store), input,
        actor: actor)
      return "update practitioner"
    case 33..<36:
      guard let id = pick(world.clinics) else { return "skipped" }
      _ = try? await directory.archiveClinic(
        id: id, expectedVersion: try await version("clinics", id, store), actor: actor)
      return "archive clinic"
    case 36..<39:
      guard let id = pick(world.practitioners) else { return "skipped" }
      _ = try? await directory.archivePractitioner(
        id: id, expectedVersion: try await version("practitioners", id, store), actor: actor)
      return "archive practitioner"
    case 39..<52:
      guard let id = pick(world.clinics + world.practitioners) else { return "skipped" }
      let location = try? await directory.addLocation(
        providerID: id, location(&random), externalID: Sample.key("l"), actor: actor)
      if let location { world.locations.append(location.id) }
      return "add location"
    case 52..<58:
      guard let id = pick(world.locations) else { return "skipped" }
      _ = try? await directory.updateLocation(
        id: id, expectedVersion: try await version("locations", id, store), location(&random),
        actor: actor)
      return "update location"
    case 58..<68:
      guard let id = pick(world.clinics + world.practitioners) else { return "skipped" }
      let current =
        try await store.pool.query(
          "select version from practice_profiles where provider_id = $1", [id]
        ).singleRow()?.decode(Int.self, at: 0) ?? 0
      _ = try? await directory.setPracticeProfile(
        providerID: id, expectedVersion: current, questionnaire(&random), actor: actor)
      return "set profile"
    case 68..<76:
      guard let clinic = pick(world.clinics), let practitioner = pick(world.practitioners)
      else { return "skipped" }
      let role: TeamRole = Bool.random(using: &random) ? .therapist : .prescriber
      if let affiliation = try? await directory.affiliate(
        clinicID: clinic, practitionerID: practitioner, role: role, actor: actor)
      {
        world.affiliations.append(affiliation.id)
      }
      return "affiliate"
    case 76..<80:
      guard let id = pick(world.affiliations) else { return "skipped" }
      _ = try? await directory.endRecord(
        .affiliation, id: id, expectedVersion: try await version("affiliations", id, store),
        actor: actor)
      return "end affiliation"
    case 80..<86:
      guard let practitioner = pick(world.practitioners) else { return "skipped" }
      guard
        let license = try? await directory.addLicense(
          practitionerID: practitioner, Sample.license(), actor: actor)
      else { return "add license" }
      world.licenses.append(license.id)
      _ = try? await directory.updateLicenseStatus(
        licenseID: license.id, expectedVersion: license.version, status: .suspended,
        actor: actor)
      return "suspend license"
    case 86..<92:
      guard let id = pick(world.clinics + world.practitioners) else { return "skipped" }
      _ = try? await store.assessments.revet(providerID: id, actor: actor)
      return "revet"
    case 92..<97:
      try await importOne(store, &world, &random)
      return "import"
    default:
      _ = try await store.assessments.revetAll(actor: actor)
      return "revet all"
    }
  }

  func importOne(
    _ store: DirectoryTestStore, _ world: inout World, _ random: inout SplitMix64
  ) async throws {
    world.imports += 1
    let member = Sample.key("ip")
    var team = Sample.practitioner(solo: false)
    team.familyName = Self.families.randomElement(using: &random)!
    var parts = ImportParts()
    parts.team = [.init(practitionerExternalID: member, role: .prescriber)]
    parts.profile = questionnaire(&random)
    let items = [
      ProviderImportItem(
        externalID: member, record: .practitioner(team, locations: [])),
      ProviderImportItem(
        externalID: Sample.key("ic"),
        record: .clinic(
          Sample.clinic("Imported \(Self.names.randomElement(using: &random)!) \(world.imports)"),
          locations: [location(&random)]),
        parts: parts),
    ]
    let results = try await store.directory.importProviders(items, actor: Sample.actor)
    // Results come in the items' order: the team member, then the clinic.
    if let id = results.first?.id { world.practitioners.append(id) }
    if let id = results.last?.id { world.clinics.append(id) }
  }

  /// A small synthetic directory through the bulk seeder (one INSERT ... SELECT per table).
  func bulkLoad() async throws {
    _ = try await MigratedDatabase.withConnection { connection in
      try await SyntheticDirectory.seed(providers: 300, label: "prop", on: connection)
    }
  }

  func location(_ random: inout SplitMix64) -> LocationInput {
    let place = Self.places.randomElement(using: &random)!
    let jitter = { (r: inout SplitMix64) in Double.random(in: -0.2...0.2, using: &r) }
    return LocationInput(
      addressLine1: "\(Int.random(in: 1...999, using: &random)) Main St", city: place.city,
      state: place.state, postalCode: place.zip, latitude: place.lat + jitter(&random),
      longitude: place.lon + jitter(&random), isPrimary: Bool.random(using: &random))
  }

  func questionnaire(_ random: inout SplitMix64) -> PracticeQuestionnaire {
    func some<T>(_ values: [T]) -> [T] { values.filter { _ in Bool.random(using: &random) } }
    let payers = some(["aetna", "cigna", "medicare"])
    return PracticeQuestionnaire(
      routes: some([.intravenous, .intramuscular, .atHome]),
      conditionsTreated: some(["depression", "ptsd", "anxiety"]),
      acceptsInsurance: !payers.isEmpty, insurancePayers: payers,
      slidingScale: Bool.random(using: &random), telehealthStates: some(["MI", "OH"]),
      acceptingNewPatients: Bool.random(using: &random))
  }

  // MARK: - Checks

  func expectNoDrift(_ store: DirectoryTestStore, after what: String) async throws {
    let drift = try await store.pool.withConnection { try await ListingDrift.check(on: $0) }
    #expect(drift.isEmpty, "after \(what): \(drift)")
  }

  func version(_ table: String, _ id: UUID, _ store: DirectoryTestStore) async throws -> Int {
    try await store.pool.query("select version from \(table) where id = $1", [id])
      .singleRow()!.decode(Int.self, at: 0)
  }

  func listingName(_ store: DirectoryTestStore, _ id: UUID) async throws -> String? {
    try await store.pool.query("select name from provider_listings where provider_id = $1", [id])
      .singleRow()?.decode(String?.self, at: 0)
  }
}
