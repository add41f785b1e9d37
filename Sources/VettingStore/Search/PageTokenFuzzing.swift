import Foundation

/// What the `page-token` libFuzzer target in `Fuzz/` needs: the page-token codec on bytes chosen
/// by the fuzzer, without making the codec public. Traps only when a guarantee breaks.
@_spi(Fuzzing) public enum PageTokenFuzzing {
  private static let codec = PageTokenCodec(key: Data(repeating: 0x5A, count: 32))
  private static let searches: [ValidatedSearch] = {
    var byScore = SearchQuery()
    byScore.sort = .score
    var byName = SearchQuery()
    byName.sort = .name
    byName.text = "integration"
    var byDistance = SearchQuery()
    byDistance.near = .init(origin: .postalCode("48912"), radius: 25, unit: .miles)
    byDistance.sort = .distance
    return [byScore, byName, byDistance].compactMap { try? ValidatedSearch($0) }
  }()

  /// Decodes `bytes` twice for every search shape: as a token (what a client sends), and as a
  /// cursor payload signed with the codec's key (so the fuzzer reaches the JSON and cursor
  /// checks behind the signature). A token either decodes to a cursor that encodes to a token
  /// decoding to the same cursor, or is refused with an invalid-argument error naming
  /// `page_token`.
  public static func check(_ bytes: [UInt8]) {
    precondition(Self.searches.count == 3, "a fuzzing search shape no longer validates")
    let signed = Self.codec.sign(Data(bytes))
    for search in Self.searches {
      for token in [String(decoding: bytes, as: UTF8.self), signed] {
        do {
          let cursor = try Self.codec.decode(token, for: search)
          let again = try? Self.codec.decode(Self.codec.encode(cursor), for: search)
          precondition(again == cursor, "a decoded cursor does not survive encoding")
        } catch {
          precondition(error.field == "page_token", "a page token refusal names \(error)")
        }
      }
    }
  }
}
