import Foundation
import LibPQ
import StoreTestSupport
import Testing
import VettingCore
import VettingStore

@Suite(.migratedDatabase)
struct ClinicWriteTests {
  @Test func createWritesTheClinicOneAuditEntryAndAnAssessment() async throws {
    try await DirectoryTestStore.with { store in
      let clinic = try await store.directory.createClinic(
        Sample.clinic(), externalID: Sample.key("clinic"), actor: Sample.actor)
      #expect(clinic.fields == Sample.clinic())
      #expect(clinic.version == 1)
      #expect(clinic.archivedAt == nil)
      let audit = try await store.audit(entityID: clinic.id)
      #expect(audit.map(\.action) == ["create"])
      #expect(audit.map(\.entity) == ["clinic"])
      let summary = try #require(clinic.assessment)
      #expect(summary.providerID == clinic.id)
      #expect(summary.rubricVersion == Rubric.current.version)
      #expect(summary.asOf == DirectoryTestStore.today)
      #expect(try await store.assessmentCount(providerID: clinic.id) == 1)
      #expect(try await store.directory.clinic(id: clinic.id) == clinic)
    }
  }

  @Test func updateBumpsTheVersionAuditsAndKeepsTheAssessmentCurrent() async throws {
    try await DirectoryTestStore.with { store in
      let clinic = try await store.directory.createClinic(
        Sample.clinic(), externalID: Sample.key("clinic"), actor: Sample.actor)
      var fields = clinic.fields
      fields.name = "Lakeside Ketamine & Integration"
      fields.statesServed = ["MI", "OH"]
      let updated = try await store.directory.updateClinic(
        id: clinic.id, expectedVersion: 1, fields, actor: Sample.actor)
      #expect(updated.version == 2)
      #expect(updated.fields == fields)
      #expect(try await store.audit(entityID: clinic.id).map(\.action) == ["create", "update"])
      // States served are facts: the input hash changed, so a new assessment supersedes the old.
      #expect(try await store.assessmentCount(providerID: clinic.id) == 2)
      let latest = try #require(try await store.assessments.latestAssessment(providerID: clinic.id))
      #expect(latest.summary == updated.assessment)
      #expect(latest.summary.inputHash != clinic.assessment?.inputHash)
    }
  }

  @Test func aStaleVersionIsAConflictCarryingTheCurrentVersionAndWritesNothing() async throws {
    try await DirectoryTestStore.with { store in
      let clinic = try await store.directory.createClinic(
        Sample.clinic(), externalID: Sample.key("clinic"), actor: Sample.actor)
      var fields = clinic.fields
      fields.name = "First"
      _ = try await store.directory.updateClinic(
        id: clinic.id, expectedVersion: 1, fields, actor: Sample.actor)
      fields.name = "Second"
      let error = try await #require(throws: StoreError.self) {
        try await store.directory.updateClinic(
          id: clinic.id, expectedVersion: 1, fields, actor: Sample.actor)
      }
      #expect(error.code == .versionConflict)
      #expect(error.currentVersion == 2)
      #expect(error.entity == "clinic")
      #expect(try await store.directory.clinic(id: clinic.id).fields.name == "First")
      #expect(try await store.audit(entityID: clinic.id).count == 2)
    }
  }

  @Test func twoConcurrentUpdatesFromOneVersionExactlyOneWins() async throws {
    try await DirectoryTestStore.with { store in
      let clinic = try await store.directory.createClinic(
        Sample.clinic(), externalID: Sample.key("clinic"), actor: Sample.actor)
      let directory = store.directory
      let id = clinic.id
      let results = await withTaskGroup(of: Result<ClinicRecord, any Error>.self) { group in
        for name in ["Admin A's name", "Admin B's name"] {
          var fields = clinic.fields
          fields.name = name
          let input = fields
          group.addTask {
            do {
              return .success(
                try await directory.updateClinic(
                  id: id, expectedVersion: 1, input, actor: AuditActor(name: name)))
            } catch { return .failure(error) }
          }
        }
        var all: [Result<ClinicRecord, any Error>] = []
        for await result in group { all.append(result) }
        return all
      }
      let winners = results.compactMap { try? $0.get() }
      let conflicts = results.compactMap { result -> StoreError? in
        if case .failure(let error as StoreError) = result { return error }
        return nil
      }
      #expect(winners.count == 1)
      #expect(conflicts.map(\.code) == [.versionConflict])
      #expect(conflicts.first?.currentVersion == 2)
      #expect(try await store.audit(entityID: id).map(\.action) == ["create", "update"])
      #expect(try await store.directory.clinic(id: id).fields.name == winners.first?.fields.name)
    }
  }

  @Test func aRetriedCreateReturnsTheSameClinicWithoutWritingAgain() async throws {
    try await DirectoryTestStore.with { store in
      let key = Sample.key("clinic")
      let first = try await store.directory.createClinic(
        Sample.clinic(), externalID: key, actor: Sample.actor)
      let again = try await store.directory.createClinic(
        Sample.clinic(), externalID: key, actor: Sample.actor)
      #expect(again == first)
      #expect(try await store.audit(entityID: first.id).count == 1)
      #expect(try await store.assessmentCount(providerID: first.id) == 1)
    }
  }

  @Test func theSameExternalIDWithDifferentContentAlreadyExists() async throws {
    try await DirectoryTestStore.with { store in
      let key = Sample.key("clinic")
      let first = try await store.directory.createClinic(
        Sample.clinic(), externalID: key, actor: Sample.actor)
      let error = try await #require(throws: StoreError.self) {
        try await store.directory.createClinic(
          Sample.clinic("Another Clinic"), externalID: key, actor: Sample.actor)
      }
      #expect(error.code == .alreadyExists)
      #expect(error.entity == "clinic")
      // Counted by key: other suites create clinics concurrently, so a table count would race.
      #expect(try await store.count("clinics", where: "external_id", is: key) == 1)
      #expect(try await store.count("clinics", where: "name", is: "Another Clinic") == 0)
      #expect(try await store.directory.clinic(id: first.id).fields.name == first.fields.name)
    }
  }

  @Test func unknownIDsAreNotFoundNamingTheEntity() async throws {
    try await DirectoryTestStore.with { store in
      let id = UUID()
      let read = try await #require(throws: StoreError.self) {
        try await store.directory.clinic(id: id)
      }
      #expect(read.code == .notFound)
      #expect(read.entity == "clinic")
      let update = try await #require(throws: StoreError.self) {
        try await store.directory.updateClinic(
          id: id, expectedVersion: 1, Sample.clinic(), actor: Sample.actor)
      }
      #expect(update.code == .notFound)
      #expect(update.entity == "clinic")
      #expect(update.message.contains(id.uuidString.lowercased()))
    }
  }

  @Test func archivingHidesNothingButRefusesFurtherUpdates() async throws {
    try await DirectoryTestStore.with { store in
      let clinic = try await store.directory.createClinic(
        Sample.clinic(), externalID: Sample.key("clinic"), actor: Sample.actor)
      let archived = try await store.directory.archiveClinic(
        id: clinic.id, expectedVersion: 1, reason: "closed", actor: Sample.actor)
      #expect(archived.version == 2)
      #expect(try await store.directory.clinic(id: clinic.id).archivedAt != nil)
      #expect(try await store.audit(entityID: clinic.id).map(\.action) == ["create", "archive"])
      let error = try await #require(throws: StoreError.self) {
        try await store.directory.updateClinic(
          id: clinic.id, expectedVersion: 2, Sample.clinic(), actor: Sample.actor)
      }
      #expect(error.code == .failedPrecondition)
    }
  }
}
