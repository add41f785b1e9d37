import Crypto
import Foundation

/// The bytes an audit log entry's hash covers, built here independently of the database's
/// `audit_log_canonical` so that verification does not trust the function it checks.
///
/// The definition (docs/SCHEMA.md, "Audit log hash chain"): the line `vetting.audit_log.v1`, then
/// one line per field, each `-` for NULL or `<octet length>:<UTF-8 text>`, every line ending in
/// `\n`; `entry_hash = sha256(prev_hash || canonical)`, with 32 zero bytes before the first entry.
enum AuditChainCanonical {
  /// The `prev_hash` of the first entry.
  static let genesis = Data(repeating: 0, count: 32)

  /// The canonical bytes of one entry's fields, in the documented order.
  static func bytes(_ fields: [String?]) -> [UInt8] {
    var out = Array("vetting.audit_log.v1\n".utf8)
    for field in fields {
      if let field {
        let text = Array(field.utf8)
        out += Array("\(text.count):".utf8)
        out += text
      } else {
        out.append(UInt8(ascii: "-"))
      }
      out.append(UInt8(ascii: "\n"))
    }
    return out
  }

  /// `sha256(previous || canonical)`.
  static func entryHash(previous: Data, canonical: [UInt8]) -> Data {
    var hasher = SHA256()
    hasher.update(data: previous)
    hasher.update(data: canonical)
    return Data(hasher.finalize())
  }
}
