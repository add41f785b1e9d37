/// Reads big-endian values from a binary wire value, returning `nil` when the bytes run out.
struct BinaryReader {
  private(set) var remaining: ArraySlice<UInt8>

  init(_ bytes: ArraySlice<UInt8>) {
    self.remaining = bytes
  }

  mutating func read<I: FixedWidthInteger>(_: I.Type) -> I? {
    let size = MemoryLayout<I>.size
    guard remaining.count >= size else { return nil }
    var value: I = 0
    for byte in remaining.prefix(size) { value = (value << 8) | I(truncatingIfNeeded: byte) }
    remaining = remaining.dropFirst(size)
    return value
  }

  mutating func readBytes(_ count: Int) -> ArraySlice<UInt8>? {
    guard count >= 0, remaining.count >= count else { return nil }
    let bytes = remaining.prefix(count)
    remaining = remaining.dropFirst(count)
    return bytes
  }
}
