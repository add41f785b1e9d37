import Foundation

/// The ordered, checked set of migrations a runner applies.
///
/// A catalog guarantees: at least one migration, every file name well formed, no two files with the
/// same version, ordered by version. Build one from the copy embedded in the binary
/// (``embedded``), from a directory (``init(directory:)``), or from files in memory.
public struct MigrationCatalog: Sendable, Hashable {
  /// The migrations in increasing version order.
  public let migrations: [Migration]

  /// Checks and orders the given files.
  ///
  /// - Throws: ``MigrationError`` (`invalidFileName`, `duplicateVersion`, `emptyCatalog`).
  public init(files: [MigrationFile]) throws(MigrationError) {
    guard !files.isEmpty else {
      throw MigrationError(code: .emptyCatalog, message: "there are no migrations to apply")
    }
    var migrations: [Migration] = []
    migrations.reserveCapacity(files.count)
    for file in files {
      migrations.append(try Migration(file: file))
    }
    migrations.sort { $0.version < $1.version }
    for (earlier, later) in zip(migrations, migrations.dropFirst())
    where earlier.version == later.version {
      throw MigrationError(
        code: .duplicateVersion,
        message: "\(earlier.fileName) and \(later.fileName) share version \(later.version);"
          + " renumber one of them",
        fileName: later.fileName
      )
    }
    self.migrations = migrations
  }

  /// Loads every `*.sql` file of a directory (other files are ignored, so a README can live there).
  ///
  /// - Throws: ``MigrationError`` (`unreadableSource` when the directory or a file cannot be read
  ///   or is not UTF-8, and the errors of ``init(files:)``).
  public init(directory: URL) throws(MigrationError) {
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
    } catch {
      throw MigrationError(
        code: .unreadableSource,
        message: "cannot list the migrations directory \(directory.path): \(error)"
      )
    }
    var files: [MigrationFile] = []
    for name in names.sorted() where name.hasSuffix(".sql") {
      let url = directory.appendingPathComponent(name)
      let data: Data
      do {
        data = try Data(contentsOf: url)
      } catch {
        throw MigrationError(
          code: .unreadableSource,
          message: "cannot read \(url.path): \(error)",
          fileName: name
        )
      }
      guard let sql = String(data: data, encoding: .utf8) else {
        throw MigrationError(
          code: .unreadableSource,
          message: "\(url.path) is not valid UTF-8",
          fileName: name
        )
      }
      files.append(MigrationFile(fileName: name, sql: sql))
    }
    guard !files.isEmpty else {
      throw MigrationError(
        code: .emptyCatalog,
        message: "no .sql files in \(directory.path); is this the migrations directory?"
      )
    }
    try self.init(files: files)
  }

  /// The migrations of `sql/migrations` as embedded in this build by `ops/gen-migrations`.
  public static let embedded: MigrationCatalog = {
    do {
      return try MigrationCatalog(files: embeddedFiles)
    } catch {
      // ops/gen-migrations validates names and versions before writing the file, and a test
      // loads this catalog, so a failure here is a broken build, not bad input.
      fatalError("the embedded migrations are invalid: \(error)")
    }
  }()

  /// The latest version in the catalog.
  public var latestVersion: Int { migrations[migrations.count - 1].version }
}
