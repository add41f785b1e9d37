/// The quoted values that follow `prefix` in `text` (`id="p-` → every section's id), in one pass.
///
/// The report tests check a hundred anchors in a page of about a megabyte. Asked one by one,
/// Foundation's `contains` re-scans the page each time: that kept both of the test process's
/// concurrency threads busy for seconds, and the end-to-end tests running beside them missed
/// their deadlines waiting for a thread (docs/RELIABILITY.md, "Findings").
func quotedValues(after prefix: String, in text: String) -> [String] {
  let bytes = Array(text.utf8)
  let pattern = Array(prefix.utf8)
  let quote = UInt8(ascii: "\"")
  var values: [String] = []
  var index = 0
  while index + pattern.count <= bytes.count {
    guard bytes[index..<index + pattern.count].elementsEqual(pattern) else {
      index += 1
      continue
    }
    let start = index + pattern.count
    guard let end = bytes[start...].firstIndex(of: quote) else { break }
    values.append(String(decoding: bytes[start..<end], as: UTF8.self))
    index = end + 1
  }
  return values
}
