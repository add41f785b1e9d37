import Foundation
import StoreTestSupport
import Testing
import VettingCore
import VettingStore

@Suite(.migratedDatabase)
struct LocationWriteTests {
  @Test func addingAndUpdatingLocationsAuditsAndMovesThePrimaryMark() async throws {
    try await DirectoryTestStore.with { store in
      let clinic = try await store.directory.createClinic(
        Sample.clinic(), externalID: Sample.key("c"), actor: Sample.actor)
      let key = Sample.key("loc")
      let first = try await store.directory.addLocation(
        providerID: clinic.id, Sample.location(), externalID: key, actor: Sample.actor)
      #expect(first.fields == Sample.location())
      #expect(
        try await store.directory.addLocation(
          providerID: clinic.id, Sample.location(), externalID: key, actor: Sample.actor) == first)
      var second = Sample.location()
      second.city = "Detroit"
      second.state = "MI"
      second.postalCode = "48201-1234"
      let added = try await store.directory.addLocation(
        providerID: clinic.id, second, actor: Sample.actor)
      let record = try await store.directory.clinic(id: clinic.id)
      #expect(record.locations.map(\.id) == [added.id, first.id])
      #expect(record.locations.filter(\.fields.isPrimary).map(\.id) == [added.id])
      #expect(try await store.audit(entityID: first.id).map(\.action) == ["create"])

      var moved = added.fields
      moved.city = "Ann Arbor"
      moved.postalCode = "48104"
      let updated = try await store.directory.updateLocation(
        id: added.id, expectedVersion: added.version, moved, actor: Sample.actor)
      #expect(updated.fields.city == "Ann Arbor")
      #expect(updated.version == added.version + 1)
      let stale = try await #require(throws: StoreError.self) {
        try await store.directory.updateLocation(
          id: added.id, expectedVersion: added.version, moved, actor: Sample.actor)
      }
      #expect(stale.code == .versionConflict)
      let different = try await #require(throws: StoreError.self) {
        try await store.directory.addLocation(
          providerID: clinic.id, second, externalID: key, actor: Sample.actor)
      }
      #expect(different.code == .alreadyExists)
    }
  }

  @Test func anUnknownProviderOrLocationIsNotFound() async throws {
    try await DirectoryTestStore.with { store in
      let provider = try await #require(throws: StoreError.self) {
        try await store.directory.addLocation(
          providerID: UUID(), Sample.location(), actor: Sample.actor)
      }
      #expect(provider.code == .notFound)
      #expect(provider.entity == "provider")
      let location = try await #require(throws: StoreError.self) {
        try await store.directory.updateLocation(
          id: UUID(), expectedVersion: 1, Sample.location(), actor: Sample.actor)
      }
      #expect(location.entity == "location")
    }
  }
}
