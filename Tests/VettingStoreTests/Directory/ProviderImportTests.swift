import Foundation
import LibPQ
import StoreTestSupport
import Testing
import VettingCore
import VettingStore

/// `DirectoryRepository.importProviders`: one transaction per batch, a savepoint per record.
///
/// Serialized: the dry-run test compares whole-table counts, which a parallel test would move.
@Suite(.migratedDatabase, .serialized)
struct ProviderImportTests {
  /// A new clinic with one location, a new solo practitioner, a practitioner whose NPI a live one
  /// already has, a clinic naming another record's id, an invalid location, an external id of the
  /// other kind and one of an archived clinic: two land, five are rejected naming their field.
  @Test func aBatchLandsItsGoodRowsAndRejectsEachBadOneNamingItsField() async throws {
    try await DirectoryTestStore.with { store in
      let holder = try await store.directory.createPractitioner(
        modify(Sample.practitioner()) { $0.npi = Self.npi() }, externalID: Sample.key("holder"),
        actor: Sample.actor)
      let other = try await store.directory.createClinic(
        Sample.clinic(), externalID: Sample.key("other"), actor: Sample.actor)
      let archived = try await store.directory.createClinic(
        Sample.clinic(), externalID: Sample.key("archived"), actor: Sample.actor)
      _ = try await store.directory.archiveClinic(
        id: archived.id, expectedVersion: archived.version, actor: Sample.actor)

      let clinic = Sample.key("c")
      let person = Sample.key("p")
      let taken = Sample.key("taken-npi")
      let wrongID = Sample.key("wrong-id")
      let badState = Sample.key("bad-state")
      var invalid = Sample.location()
      invalid.state = "ZZ"
      let items = [
        ProviderImportItem(
          externalID: clinic, record: .clinic(Sample.clinic(), locations: [Sample.location()])),
        ProviderImportItem(
          externalID: person,
          record: .practitioner(modify(Sample.practitioner()) { $0.npi = Self.npi() })),
        ProviderImportItem(
          externalID: taken,
          record: .practitioner(modify(Sample.practitioner()) { $0.npi = holder.fields.npi })),
        ProviderImportItem(
          externalID: wrongID, id: other.id, record: .clinic(Sample.clinic(), locations: [])),
        ProviderImportItem(
          externalID: badState, record: .clinic(Sample.clinic(), locations: [invalid])),
        ProviderImportItem(
          externalID: holder.externalID!, record: .clinic(Sample.clinic(), locations: [])),
        ProviderImportItem(
          externalID: archived.externalID!,
          record: .clinic(Sample.clinic("Revived"), locations: [])),
      ]
      let results = try await store.directory.importProviders(items, actor: Sample.actor)

      #expect(results.map(\.kind) == [.created, .created] + Array(repeating: .rejected, count: 5))
      #expect(
        results.map(\.field) == [
          nil, nil, "npi", "id", "locations[0].state", "external_id",
          "external_id",
        ])
      #expect(
        results[2].reason
          == "npi: \"\(holder.fields.npi!)\" is already the NPI of live practitioner "
          + "\(holder.id.uuidString.lowercased()) (external_id \"\(holder.externalID!)\")")
      #expect(
        results[3].reason
          == "id: \(other.id.uuidString.lowercased()) is the clinic with external_id "
          + "\"\(other.externalID!)\"; no clinic has external_id \"\(wrongID)\"")
      #expect(results[5].reason?.contains("already names practitioner") == true)
      #expect(results[6].reason?.contains("which is archived") == true)

      // The good rows are there with their location and an assessment; the refused ones are not.
      let clinicID = try #require(results[0].id)
      let personID = try #require(results[1].id)
      #expect(results[0].version == 1 && results[1].version == 1)
      #expect(try await store.count("clinics", where: "external_id", is: clinic) == 1)
      #expect(
        try await store.count("locations", where: "external_id", is: "\(clinic)/locations/0") == 1)
      #expect(try await store.count("practitioners", where: "external_id", is: person) == 1)
      for key in [taken, wrongID, badState] {
        #expect(try await store.count("clinics", where: "external_id", is: key) == 0)
        #expect(try await store.count("practitioners", where: "external_id", is: key) == 0)
        #expect(try await store.auditCount(imageKey: "external_id", is: key) == 0)
      }
      #expect(try await store.count("clinics", where: "name", is: "Revived") == 0)
      #expect(try await store.assessmentCount(providerID: clinicID) == 1)
      #expect(try await store.assessmentCount(providerID: personID) == 1)

      // Exactly one audit entry per written row: the clinic, its location, the practitioner.
      #expect(try await store.audit(entityID: clinicID).map(\.action) == ["create"])
      #expect(try await store.auditCount(providerID: clinicID) == 2)
      #expect(try await store.audit(entityID: personID).map(\.action) == ["create"])
      #expect(try await store.auditCount(providerID: holder.id) == 1)
      #expect(try await store.auditCount(providerID: other.id) == 1)

      // A re-run changes nothing: the same outcomes, no new audit entries, no new assessments.
      let again = try await store.directory.importProviders(items, actor: Sample.actor)
      #expect(
        again.map(\.kind) == [.unchanged, .unchanged] + Array(repeating: .rejected, count: 5))
      #expect(again[0].id == clinicID && again[1].id == personID)
      #expect(again[0].version == 1 && again[1].version == 1)
      #expect(again.map(\.reason) == [nil, nil] + results.dropFirst(2).map(\.reason))
      #expect(try await store.auditCount(providerID: clinicID) == 2)
      #expect(try await store.auditCount(providerID: personID) == 1)
      #expect(try await store.assessmentCount(providerID: clinicID) == 1)
    }
  }

  @Test func aChangedFieldIsAnUpdateThatBumpsTheVersionAndIsAudited() async throws {
    try await DirectoryTestStore.with { store in
      let clinic = Sample.key("c")
      let person = Sample.key("p")
      let first = try await store.directory.importProviders(
        [
          ProviderImportItem(
            externalID: clinic, record: .clinic(Sample.clinic(), locations: [Sample.location()])),
          ProviderImportItem(externalID: person, record: .practitioner(Sample.practitioner())),
        ], actor: Sample.actor)
      let clinicID = try #require(first[0].id)
      let personID = try #require(first[1].id)

      var moved = Sample.location()
      moved.city = "East Lansing"
      let second = try await store.directory.importProviders(
        [
          // The id column is optional; when given and right it is simply checked.
          ProviderImportItem(
            externalID: clinic, id: clinicID,
            record: .clinic(Sample.clinic("Renamed Clinic"), locations: [moved])),
          ProviderImportItem(
            externalID: person,
            record: .practitioner(modify(Sample.practitioner()) { $0.kapSessionsDelivered = 90 })),
        ], actor: Sample.actor)
      #expect(second.map(\.kind) == [.updated, .updated])
      #expect(second.map(\.version) == [2, 2])
      #expect(second.map(\.id) == [clinicID, personID])

      let record = try await store.directory.clinic(id: clinicID)
      #expect(record.fields.name == "Renamed Clinic")
      #expect(record.locations.map(\.fields.city) == ["East Lansing"])
      #expect(record.locations.first?.version == 2)
      #expect(
        try await store.directory.practitioner(id: personID).fields.kapSessionsDelivered == 90)
      #expect(try await store.audit(entityID: clinicID).map(\.action) == ["create", "update"])
      #expect(try await store.audit(entityID: personID).map(\.action) == ["create", "update"])
      let location = try #require(record.locations.first?.id)
      #expect(try await store.audit(entityID: location).map(\.action) == ["create", "update"])
      // The changed clinic and the solo practitioner were re-scored in the batch.
      #expect(try await store.assessmentCount(providerID: personID) == 2)

      // A location only the import adds (a second one) is added; the first is left alone.
      let third = try await store.directory.importProviders(
        [
          ProviderImportItem(
            externalID: clinic,
            record: .clinic(
              Sample.clinic("Renamed Clinic"),
              locations: [moved, modify(Sample.location(primary: false)) { $0.city = "Okemos" }]))
        ], actor: Sample.actor)
      #expect(third.map(\.kind) == [.updated])
      #expect(third.map(\.version) == [2], "only a location changed, not the clinic's fields")
      #expect(
        try await store.directory.clinic(id: clinicID).locations.map(\.fields.city)
          == ["East Lansing", "Okemos"])
    }
  }

  @Test func aDryRunReportsWhatARealRunDoesAndWritesNothing() async throws {
    try await DirectoryTestStore.with { store in
      let existing = try await store.directory.createClinic(
        Sample.clinic(), externalID: Sample.key("existing"), actor: Sample.actor)
      let fresh = Sample.key("fresh")
      let items = [
        ProviderImportItem(
          externalID: fresh, record: .clinic(Sample.clinic(), locations: [Sample.location()])),
        ProviderImportItem(
          externalID: existing.externalID!,
          record: .clinic(Sample.clinic("Changed Name"), locations: [])),
        ProviderImportItem(
          externalID: Sample.key("bad"),
          record: .practitioner(modify(Sample.practitioner()) { $0.roles = [] })),
      ]
      let counts = try await tableCounts(store)

      let dry = try await store.directory.importProviders(items, dryRun: true, actor: Sample.actor)
      #expect(dry.map(\.kind) == [.created, .updated, .rejected])
      #expect(dry[1].id == existing.id && dry[1].version == 2)
      #expect(try await tableCounts(store) == counts, "a dry run leaves every table as it was")
      #expect(try await store.directory.clinic(id: existing.id).version == existing.version)

      let real = try await store.directory.importProviders(items, actor: Sample.actor)
      #expect(real.map(\.kind) == dry.map(\.kind))
      #expect(real.map(\.reason) == dry.map(\.reason))
      #expect(real[1] == dry[1])
      #expect(try await store.count("clinics", where: "external_id", is: fresh) == 1)
    }
  }

  /// The atomicity of a batch: a failure that is not one record's, while the transaction is
  /// open, rolls back every record before it. The import is held on a row lock after it wrote
  /// two records, then its database session is terminated (or its task cancelled).
  @Test(arguments: [BatchFailure.terminatedBackend, .cancelledTask])
  func aBatchThatFailsMidwayWritesNothing(_ failure: BatchFailure) async throws {
    try await DirectoryTestStore.with { store in
      let locked = try await store.directory.createPractitioner(
        Sample.practitioner(), externalID: Sample.key("locked"), actor: Sample.actor)
      let before = try await store.auditCount(providerID: locked.id)
      let keys = [Sample.key("a"), Sample.key("b"), Sample.key("d")]
      let items = [
        ProviderImportItem(
          externalID: keys[0], record: .clinic(Sample.clinic(), locations: [Sample.location()])),
        ProviderImportItem(externalID: keys[1], record: .practitioner(Sample.practitioner())),
        ProviderImportItem(
          externalID: locked.externalID!,
          record: .practitioner(modify(Sample.practitioner()) { $0.kapSessionsDelivered = 7 })),
        ProviderImportItem(externalID: keys[2], record: .clinic(Sample.clinic(), locations: [])),
      ]

      try await MigratedDatabase.withConnection { blocker in
        try await blocker.execute("begin")
        try await blocker.execute(
          "select 1 from practitioners where id = $1 for update", [locked.id])
        let blockerPID = try await blocker.query("select pg_backend_pid()").singleRow()!
          .decode(Int32.self, at: 0)
        let importing = Task {
          try await store.directory.importProviders(items, actor: Sample.actor)
        }
        // Another session watches: statistics views are frozen inside the blocker's transaction.
        try await MigratedDatabase.withConnection { observer in
          let waiting = try await waitForBlocked(by: blockerPID, on: observer)
          switch failure {
          case .terminatedBackend:
            try await observer.execute("select pg_terminate_backend($1)", [waiting])
          case .cancelledTask:
            importing.cancel()
          }
        }
        let outcome = await importing.result
        try await blocker.execute("rollback")
        switch outcome {
        case .success(let results):
          Issue.record("the import should have failed as a whole, got \(results)")
        case .failure(let error as StoreError):
          #expect(failure == .terminatedBackend, "\(error)")
          #expect(error.code == .unavailable, "\(error)")
        case .failure(let error):
          #expect(failure == .cancelledTask, "\(error)")
        }
      }

      for key in keys {
        #expect(try await store.count("clinics", where: "external_id", is: key) == 0)
        #expect(try await store.count("practitioners", where: "external_id", is: key) == 0)
        #expect(try await store.auditCount(imageKey: "external_id", is: key) == 0)
      }
      #expect(
        try await store.count("locations", where: "external_id", is: "\(keys[0])/locations/0") == 0)
      #expect(try await store.directory.practitioner(id: locked.id).version == locked.version)
      #expect(try await store.auditCount(providerID: locked.id) == before)

      // The same batch then goes through whole.
      let results = try await store.directory.importProviders(items, actor: Sample.actor)
      #expect(results.map(\.kind) == [.created, .created, .updated, .created])
    }
  }

  @Test func moreThanTheBoundIsRefusedNamingRecords() async throws {
    try await DirectoryTestStore.with { store in
      let items = (0...DirectoryRepository.maxImportBatch).map {
        ProviderImportItem(externalID: "bound-\($0)", record: .practitioner(Sample.practitioner()))
      }
      do {
        let results = try await store.directory.importProviders(items, actor: Sample.actor)
        Issue.record("\(items.count) records should be refused, got \(results.count) results")
      } catch let error as StoreError {
        #expect(error.code == .invalidArgument)
        #expect(error.field == "records")
      }
      #expect(try await store.count("practitioners", where: "external_id", is: "bound-0") == 0)
    }
  }

  // MARK: Helpers

  enum BatchFailure: String, Sendable, CustomTestStringConvertible {
    case terminatedBackend
    case cancelledTask
    var testDescription: String { rawValue }
  }

  /// A valid individual NPI no other test uses.
  static func npi() -> String {
    let digits = (0..<8).map { _ in String(Int.random(in: 0...9)) }.joined()
    return NPI.completing("1" + digits)!
  }

  /// The backend blocked by `pid`'s locks, once there is one (bounded wait).
  private func waitForBlocked(by pid: Int32, on connection: Connection) async throws -> Int32 {
    for _ in 0..<200 {
      if let row = try await connection.query(
        "select pid from pg_stat_activity where $1 = any(pg_blocking_pids(pid))", [pid]
      ).singleRow() {
        return try row.decode(Int32.self, at: 0)
      }
      try await Task.sleep(for: .milliseconds(50))
    }
    throw StoreError(code: .internal, message: "the import never waited on the row lock")
  }

  /// Rows of every table an import writes.
  private func tableCounts(_ store: DirectoryTestStore) async throws -> [Int] {
    var counts: [Int] = []
    for table in ["clinics", "practitioners", "locations", "audit_log", "assessments", "providers"]
    {
      counts.append(try await store.count(table))
    }
    return counts
  }
}

extension ProviderImportResult {
  /// The outcome without its error, for comparing lists.
  enum Kind: Hashable { case created, updated, unchanged, rejected }

  var kind: Kind {
    switch outcome {
    case .created: .created
    case .updated: .updated
    case .unchanged: .unchanged
    case .rejected: .rejected
    }
  }

  /// The rejection's field, if any.
  var field: String? {
    if case .rejected(let error) = outcome { return error.field }
    return nil
  }

  /// The rejection's message, if any.
  var reason: String? {
    if case .rejected(let error) = outcome { return error.message }
    return nil
  }
}
