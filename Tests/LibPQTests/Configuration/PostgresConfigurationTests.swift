import LibPQ
import Testing

/// Parsing and rendering connection strings (no database needed).
@Suite("Configuration")
struct PostgresConfigurationTests {
  @Test func severalHostsSurviveARoundTrip() throws {
    let configuration = try PostgresConfiguration(
      "host=a.example,b.example port=5432,5433 user=u dbname=d target_session_attrs=read-write")
    let reparsed = try PostgresConfiguration(configuration.urlString)
    #expect(reparsed == configuration)
  }

  @Test func withDatabaseKeepsEverythingElse() throws {
    let configuration = try PostgresConfiguration("postgresql://u:p@h:1/a?sslmode=disable")
    let other = configuration.with(database: "b")
    #expect(other.database == "b")
    #expect(other.user == "u" && other.password == "p" && other.host == "h" && other.port == 1)
    #expect(other.options["sslmode"] == "disable")
  }

  @Test(arguments: ["postgresql://[::1", "host=x port", "postgresql://h/db?nonsense_option=1"])
  func invalidConnectionStringsAreRefused(_ text: String) throws {
    let error = try #require(throws: PostgresError.self) { try PostgresConfiguration(text) }
    #expect(error.code == .invalidConfiguration)
  }

  @Test func configurationDescriptionHidesThePassword() throws {
    let configuration = try PostgresConfiguration(
      "postgresql://user%40x:s3cr%3Aet@db.example:6543/vet%20ting?sslmode=disable")
    #expect(configuration.user == "user@x")
    #expect(configuration.password == "s3cr:et")
    #expect(configuration.host == "db.example")
    #expect(configuration.port == 6543)
    #expect(configuration.database == "vet ting")
    #expect(!configuration.description.contains("s3cr"))
    #expect(configuration.description.contains("db.example:6543"))
    let reparsed = try PostgresConfiguration(configuration.urlString)
    #expect(reparsed == configuration)
  }
}
