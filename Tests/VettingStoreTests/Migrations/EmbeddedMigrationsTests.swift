import Foundation
import Testing
import VettingStore

@Suite("Embedded migrations")
struct EmbeddedMigrationsTests {
  @Test("the embedded copy is identical to sql/migrations (run ops/gen-migrations when not)")
  func embeddedCopyIsCurrent() throws {
    let onDisk = try MigrationCatalog(directory: Repository.migrationsDirectory)
    let embedded = MigrationCatalog.embedded
    let diskFiles = onDisk.migrations.map(\.fileName)
    let embeddedFiles = embedded.migrations.map(\.fileName)
    #expect(
      embeddedFiles == diskFiles,
      "EmbeddedMigrations.swift lists \(embeddedFiles), sql/migrations has \(diskFiles): run ops/gen-migrations"
    )
    for (disk, copy) in zip(onDisk.migrations, embedded.migrations) {
      #expect(
        copy.checksum == disk.checksum,
        "\(disk.fileName) differs from its embedded copy: run ops/gen-migrations"
      )
    }
  }

  @Test("the embedded catalog starts at 0001 and has no gaps")
  func embeddedVersionsAreContiguous() {
    let versions = MigrationCatalog.embedded.migrations.map(\.version)
    #expect(versions == Array(1...versions.count))
  }
}
