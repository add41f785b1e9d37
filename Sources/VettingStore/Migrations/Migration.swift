import Crypto

/// One schema migration: a numbered SQL script applied once, in order, in its own transaction.
///
/// Migrations come from files named `NNNN_lower_case_name.sql` (see ``MigrationCatalog``). The
/// ``checksum`` is recorded when the migration is applied; a later run refuses to proceed when the
/// file it has no longer matches what was applied.
public struct Migration: Sendable, Hashable, Identifiable {
  /// The number at the start of the file name; migrations apply in increasing version order.
  public let version: Int
  /// The part of the file name after the number, without `.sql` (`foundation`).
  public let name: String
  /// The file name the migration came from (`0001_foundation.sql`).
  public let fileName: String
  /// The SQL text, which may hold many statements; it must not contain `BEGIN` or `COMMIT`
  /// because the runner wraps it in a transaction of its own.
  public let sql: String
  /// Lower-case hex SHA-256 of the UTF-8 bytes of ``sql``.
  public let checksum: String

  public var id: Int { version }

  /// Parses a file name of the form `NNNN_lower_case_name.sql`.
  ///
  /// - Throws: ``MigrationError`` with code `invalidFileName` when the name has another shape.
  public init(file: MigrationFile) throws(MigrationError) {
    guard let (version, name) = Self.parse(fileName: file.fileName) else {
      throw MigrationError(
        code: .invalidFileName,
        message: "migration file name \"\(file.fileName)\" must look like 0001_lower_case_name.sql"
          + " (four digits from 0001, an underscore, lower-case letters, digits or underscores, .sql)",
        fileName: file.fileName
      )
    }
    self.version = version
    self.name = name
    self.fileName = file.fileName
    self.sql = file.sql
    self.checksum = Self.checksum(of: file.sql)
  }

  /// Lower-case hex SHA-256 of the UTF-8 bytes of `sql`: the value stored in
  /// `schema_migrations.checksum`.
  public static func checksum(of sql: String) -> String {
    let digest = SHA256.hash(data: Array(sql.utf8))
    let hexDigits = Array("0123456789abcdef".utf8)
    var hex: [UInt8] = []
    hex.reserveCapacity(SHA256.byteCount * 2)
    for byte in digest {
      hex.append(hexDigits[Int(byte >> 4)])
      hex.append(hexDigits[Int(byte & 0x0f)])
    }
    return String(decoding: hex, as: UTF8.self)
  }

  private static func parse(fileName: String) -> (version: Int, name: String)? {
    let bytes = Array(fileName.utf8)
    let suffix = Array(".sql".utf8)
    guard bytes.count > 4 + 1 + suffix.count, bytes.suffix(suffix.count).elementsEqual(suffix)
    else { return nil }
    let digits = bytes.prefix(4)
    guard digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
      bytes[4] == UInt8(ascii: "_")
    else { return nil }
    let nameBytes = bytes[5..<(bytes.count - suffix.count)]
    guard let first = nameBytes.first, first != UInt8(ascii: "_"),
      nameBytes.allSatisfy({
        ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z"))
          || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: "_")
      })
    else { return nil }
    guard let version = Int(String(decoding: digits, as: UTF8.self)), version >= 1 else {
      return nil
    }
    return (version, String(decoding: nameBytes, as: UTF8.self))
  }
}
