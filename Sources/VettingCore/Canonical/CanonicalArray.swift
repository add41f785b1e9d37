/// A JSON array being written: `[` is in the buffer; each element is preceded by `,` after the
/// first; ``CanonicalEncoder/close()`` appends `]`.
final class CanonicalArray {
  var count = 0

  /// Writes the separator before the next element.
  func next(in buffer: CanonicalBuffer) {
    if count > 0 { buffer.append(UInt8(ascii: ",")) }
    count += 1
  }
}
