/// A metadata entry received from the peer breaks FRAMING.md section 4.10.
///
/// The server refuses the stream with INVALID_ARGUMENT and this description; the client fails
/// the call with INTERNAL.
package struct MetadataViolation: Error, Hashable, Sendable, CustomStringConvertible {
  /// Position of the entry in the HEADERS or TRAILERS payload, from 0.
  package var index: Int
  /// The entry's key as received.
  package var key: String
  /// Which rule it breaks.
  package var problem: String

  package var description: String {
    // The key is the peer's text: quoted with escapes and cut, so the status message stays short
    // and printable.
    let shown = self.key.unicodeScalars.prefix(64).map { $0.escaped(asASCII: true) }.joined()
    let cut = self.key.unicodeScalars.count > 64 ? "..." : ""
    return
      "metadata entry \(self.index) (key \"\(shown)\(cut)\"): \(self.problem) (FRAMING.md §4.10)"
  }
}
