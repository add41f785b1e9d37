/// A JSON object being written: its members' values are in the buffer in encoding order from
/// `start`; ``close(in:)`` rewrites them as one object with the members in key order.
final class CanonicalObject {
  let start: Int
  private var members: [(key: String, value: Range<Int>)] = []

  init(start: Int) { self.start = start }

  func add(key: String, value: Range<Int>) { members.append((key, value)) }

  /// Replaces the members' bytes from `start` with the finished object. Keys are ordered as
  /// `String`'s `<` orders them, which is how `JSONEncoder`'s `.sortedKeys` orders them (by
  /// Unicode scalar: `"B" < "a"`, `"a10" < "a9"`).
  func close(in buffer: CanonicalBuffer) {
    let sorted = members.sorted { $0.key < $1.key }
    for index in sorted.indices.dropFirst() where sorted[index - 1].key == sorted[index].key {
      // JSONEncoder keeps the last value of a key encoded twice; not worth imitating.
      buffer.unsupported = true
      return
    }
    let scratch = CanonicalBuffer()
    scratch.append(UInt8(ascii: "{"))
    for (index, member) in sorted.enumerated() {
      if index > 0 { scratch.append(UInt8(ascii: ",")) }
      scratch.append(string: member.key)
      scratch.append(UInt8(ascii: ":"))
      scratch.bytes.append(contentsOf: buffer.bytes[member.value])
    }
    scratch.append(UInt8(ascii: "}"))
    buffer.bytes.replaceSubrange(start..<buffer.count, with: scratch.bytes)
  }
}
