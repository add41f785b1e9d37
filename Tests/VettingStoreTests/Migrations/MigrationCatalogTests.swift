import Foundation
import Testing
import VettingStore

@Suite("Migration catalog")
struct MigrationCatalogTests {
  @Test("files are ordered by version and parsed into version and name")
  func ordersAndParses() throws {
    let catalog = try MigrationCatalog(files: [
      MigrationFile(fileName: "0010_later.sql", sql: "select 2;"),
      MigrationFile(fileName: "0002_first_one.sql", sql: "select 1;"),
    ])
    #expect(catalog.migrations.map(\.version) == [2, 10])
    #expect(catalog.migrations.map(\.name) == ["first_one", "later"])
    #expect(catalog.latestVersion == 10)
  }

  @Test(
    "badly named files are refused, naming the file",
    arguments: [
      "1_short.sql", "0001-dash.sql", "0001_Upper.sql", "0001_.sql", "0001__lead.sql",
      "0000_zero.sql", "0001_name.SQL", "abcd_name.sql", "0001_na me.sql",
    ])
  func refusesBadNames(fileName: String) {
    let error = #expect(throws: MigrationError.self) {
      try MigrationCatalog(files: [MigrationFile(fileName: fileName, sql: "select 1;")])
    }
    #expect(error?.code == .invalidFileName)
    #expect(error?.fileName == fileName)
    #expect(error?.message.contains(fileName) == true)
  }

  @Test("two files with one version are refused, naming both")
  func refusesDuplicateVersions() {
    let error = #expect(throws: MigrationError.self) {
      try MigrationCatalog(files: [
        MigrationFile(fileName: "0003_a.sql", sql: "select 1;"),
        MigrationFile(fileName: "0003_b.sql", sql: "select 2;"),
      ])
    }
    #expect(error?.code == .duplicateVersion)
    #expect(error?.message.contains("0003_a.sql") == true)
    #expect(error?.message.contains("0003_b.sql") == true)
  }

  @Test("an empty set is refused")
  func refusesEmpty() {
    let error = #expect(throws: MigrationError.self) { try MigrationCatalog(files: []) }
    #expect(error?.code == .emptyCatalog)
  }

  @Test("the checksum is the lower-case hex SHA-256 of the file's UTF-8 bytes")
  func checksumIsSHA256() throws {
    // SHA-256("abc") from FIPS 180-2, appendix B.1.
    #expect(
      Migration.checksum(of: "abc")
        == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    let migration = try Migration(file: MigrationFile(fileName: "0001_a.sql", sql: "abc"))
    #expect(migration.checksum == Migration.checksum(of: "abc"))
  }

  @Test("a directory is loaded: .sql files only, other files ignored")
  func loadsDirectory() throws {
    let directory = try TemporaryDirectory()
    try directory.write("0002_second.sql", "select 2;")
    try directory.write("0001_first.sql", "select 1;")
    try directory.write("README.md", "not a migration")
    let catalog = try MigrationCatalog(directory: directory.url)
    #expect(catalog.migrations.map(\.fileName) == ["0001_first.sql", "0002_second.sql"])
    #expect(catalog.migrations[0].sql == "select 1;")
  }

  @Test("a missing directory, an empty one and a non-UTF-8 file are clear errors")
  func directoryErrors() throws {
    let missing = URL(fileURLWithPath: "/nonexistent/vetting-migrations")
    let missingError = #expect(throws: MigrationError.self) {
      try MigrationCatalog(directory: missing)
    }
    #expect(missingError?.code == .unreadableSource)
    #expect(missingError?.message.contains(missing.path) == true)

    let empty = try TemporaryDirectory()
    let emptyError = #expect(throws: MigrationError.self) {
      try MigrationCatalog(directory: empty.url)
    }
    #expect(emptyError?.code == .emptyCatalog)

    let binary = try TemporaryDirectory()
    try Data([0x73, 0xFF, 0xFE]).write(to: binary.url.appendingPathComponent("0001_bad.sql"))
    let binaryError = #expect(throws: MigrationError.self) {
      try MigrationCatalog(directory: binary.url)
    }
    #expect(binaryError?.code == .unreadableSource)
    #expect(binaryError?.fileName == "0001_bad.sql")
  }
}
