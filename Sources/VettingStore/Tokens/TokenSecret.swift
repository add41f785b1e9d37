import Crypto
import Foundation

/// Making and hashing token secrets.
enum TokenSecret {
  /// Every secret starts with this, so a leaked one is recognisable (secret scanners, logs).
  static let prefix = "pv_"
  /// Characters of a secret kept in clear for listings.
  static let shownPrefixLength = 8

  /// `pv_` + base64url (no padding) of 32 bytes from the system's secure generator.
  static func generate() -> String {
    var generator = SystemRandomNumberGenerator()
    let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    let base64 = Data(bytes).base64EncodedString()
      .replacingOccurrences(of: "+", with: "-")
      .replacingOccurrences(of: "/", with: "_")
      .replacingOccurrences(of: "=", with: "")
    return prefix + base64
  }

  /// SHA-256 of the secret's UTF-8 bytes: what `api_tokens.secret_sha256` holds and what a
  /// presented secret is looked up by.
  static func hash(_ secret: String) -> Data { Data(SHA256.hash(data: Data(secret.utf8))) }
}
