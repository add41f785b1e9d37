import Foundation
import Testing

/// One file of `proto-spec/vectors/`: directives (`@name rest`) and bytes.
struct TestVector: CustomTestStringConvertible, Sendable {
  var name: String
  var directives: [String: String]
  var bytes: [UInt8]

  var testDescription: String { self.name }

  static let directory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent()
    .appendingPathComponent("proto-spec/vectors")

  /// Every `*.hex` file, sorted by name.
  static func all() throws -> [TestVector] {
    let names = try FileManager.default.contentsOfDirectory(atPath: Self.directory.path)
      .filter { $0.hasSuffix(".hex") }
      .sorted()
    return try names.map { try TestVector(fileName: $0) }
  }

  init(fileName: String) throws {
    let text = try String(
      contentsOf: Self.directory.appendingPathComponent(fileName),
      encoding: .utf8
    )
    self.name = String(fileName.dropLast(4))
    self.directives = [:]
    self.bytes = []
    for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated()
    {
      let line = rawLine.trimmingCharacters(in: .whitespaces)
      if line.isEmpty || line.hasPrefix("#") { continue }
      if line.hasPrefix("@") {
        let parts = line.dropFirst().split(separator: " ", maxSplits: 1)
        self.directives[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
        continue
      }
      for token in line.split(separator: " ") {
        guard token.count == 2, let byte = UInt8(token, radix: 16) else {
          throw VectorError(message: "\(fileName):\(number + 1): \"\(token)\" is not a hex byte")
        }
        self.bytes.append(byte)
      }
    }
  }

  /// `HEADERS flags=0x00 stream=1` split into its parts.
  func frameDirective() throws -> (type: String, flags: UInt8, streamID: UInt32) {
    guard let value = self.directives["frame"] else {
      throw VectorError(message: "\(self.name): no @frame directive")
    }
    let parts = value.split(separator: " ")
    var flags: UInt8?
    var streamID: UInt32?
    for part in parts.dropFirst() {
      if part.hasPrefix("flags=0x") { flags = UInt8(part.dropFirst(8), radix: 16) }
      if part.hasPrefix("stream=") { streamID = UInt32(part.dropFirst(7)) }
    }
    guard let type = parts.first, let flags, let streamID else {
      throw VectorError(message: "\(self.name): malformed @frame \"\(value)\"")
    }
    return (String(type), flags, streamID)
  }
}

/// A vector file that does not follow `proto-spec/vectors/README.md`.
struct VectorError: Error, CustomStringConvertible {
  var message: String
  var description: String { self.message }
}

/// Bytes written as space-separated hex, for readable expectation failures.
func hex(_ bytes: some Sequence<UInt8>) -> String {
  bytes.map { String(format: "%02x", $0) }.joined(separator: " ")
}
