import Crypto
import Foundation

/// Turns a ``PageCursor`` into an opaque page token and back: base64url of the cursor's JSON, a
/// dot, and base64url of an HMAC-SHA256 over it (first 16 bytes). A token that was altered, cut,
/// made by another key, or made for a different query is refused with
/// ``StoreError/Code/invalidArgument`` naming `page_token`.
struct PageTokenCodec: Sendable {
  // Kept as bytes: SymmetricKey is not Sendable; one is made per use (cheap).
  private let key: Data

  init(key: Data?) {
    self.key = key ?? SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
  }

  static func digest(_ data: Data) -> Data { Data(SHA256.hash(data: data)) }

  static func queryTag(_ search: ValidatedSearch) -> String {
    search.fingerprint.prefix(16).map { String(format: "%02x", $0) }.joined()
  }

  func encode(_ cursor: PageCursor) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let payload = (try? encoder.encode(cursor)) ?? Data()
    return self.sign(payload)
  }

  /// A token carrying `payload`, signed with this codec's key.
  func sign(_ payload: Data) -> String {
    Self.base64url(payload) + "." + Self.base64url(mac(payload))
  }

  func decode(_ token: String, for search: ValidatedSearch) throws(StoreError) -> PageCursor {
    func malformed(_ why: String) -> StoreError {
      .invalidArgument(
        field: "page_token",
        message: "\(why); pass the next_page_token of the previous page unchanged, with the same "
          + "filters and sort, or omit it for the first page")
    }
    guard token.utf8.count <= 4096 else { throw malformed("the token is too long") }
    let parts = token.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 2, let payload = Self.data(base64url: parts[0]),
      let tag = Self.data(base64url: parts[1])
    else { throw malformed("the token is malformed") }
    // HMAC comparison in constant time (Crypto's isValidAuthenticationCode would need the full
    // tag; we keep 16 bytes).
    let expected = mac(payload)
    guard tag.count == expected.count,
      zip(tag, expected).reduce(UInt8(0), { $0 | ($1.0 ^ $1.1) }) == 0
    else { throw malformed("the token is not one this service issued (it was altered or cut)") }
    guard let cursor = try? JSONDecoder().decode(PageCursor.self, from: payload) else {
      throw malformed("the token is malformed")
    }
    guard cursor.v == PageCursor.currentVersion else {
      throw malformed(
        "the token comes from an earlier version of the service, whose order differs; "
          + "run the search again from the first page")
    }
    guard cursor.query == Self.queryTag(search), cursor.sort == search.sort else {
      throw malformed("the token belongs to a search with other filters or another sort")
    }
    let sortKeyed =
      switch cursor.sort {
      case .score: cursor.score != nil && cursor.name != nil
      case .name: cursor.name != nil
      case .distance: cursor.metres?.isFinite == true
      }
    guard sortKeyed, cursor.disqualified != nil else { throw malformed("the token is malformed") }
    return cursor
  }

  private func mac(_ payload: Data) -> Data {
    Data(HMAC<SHA256>.authenticationCode(for: payload, using: SymmetricKey(data: key))).prefix(16)
  }

  private static func base64url(_ data: Data) -> String {
    data.base64EncodedString()
      .replacingOccurrences(of: "+", with: "-")
      .replacingOccurrences(of: "/", with: "_")
      .replacingOccurrences(of: "=", with: "")
  }

  private static func data(base64url text: Substring) -> Data? {
    guard text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
    else { return nil }
    var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(
      of: "_", with: "/")
    while base64.count % 4 != 0 { base64 += "=" }
    return Data(base64Encoded: base64)
  }
}
