/// The big-endian bytes of an integer (PostgreSQL's binary formats are big-endian).
func bigEndianBytes<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
  withUnsafeBytes(of: value.bigEndian) { Array($0) }
}
