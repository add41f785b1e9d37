import Foundation
import GRPCCore

extension Metadata {
  /// Metadata from the entries of a HEADERS or TRAILERS payload, checked against the rules of
  /// FRAMING.md section 4.10; reserved keys are dropped.
  ///
  /// Checked here, before GRPCCore sees them: GRPCCore's `Metadata` asserts that binary values
  /// have `-bin` keys (a crash in debug builds) and accepts anything in release builds.
  ///
  /// - Throws: ``MetadataViolation`` naming the first entry that breaks a rule.
  package init(validatingWireEntries wireEntries: [Framedrpc_V1_MetadataEntry])
    throws(MetadataViolation)
  {
    self.init()
    self.reserveCapacity(wireEntries.count)
    for (index, entry) in wireEntries.enumerated() {
      if Self.isReserved(entry.key) { continue }
      try Self.checkKey(entry.key, index: index)
      let binaryKey = entry.key.hasSuffix("-bin")
      switch entry.value {
      case .text(let text):
        guard !binaryKey else {
          throw MetadataViolation(
            index: index, key: entry.key, problem: "a key ending in -bin must carry a binary value")
        }
        if let bad = text.utf8.firstIndex(where: { !Self.isPrintableASCII($0) }) {
          let offset = text.utf8.distance(from: text.utf8.startIndex, to: bad)
          throw MetadataViolation(
            index: index, key: entry.key,
            problem:
              "a text value must be printable ASCII (0x20-0x7E); byte \(offset) is "
              + "0x\(String(text.utf8[bad], radix: 16, uppercase: true))")
        }
        self.addString(text, forKey: entry.key)
      case .binary(let bytes):
        guard binaryKey else {
          throw MetadataViolation(
            index: index, key: entry.key,
            problem: "a binary value needs a key ending in -bin; this key carries text")
        }
        self.addBinary(Array(bytes), forKey: entry.key)
      case nil:
        // An unset value is the empty value of the key's kind.
        if binaryKey {
          self.addBinary([], forKey: entry.key)
        } else {
          self.addString("", forKey: entry.key)
        }
      }
    }
  }

  /// Keys a receiver drops: `:`-prefixed (HTTP/2 pseudo-headers) and `grpc-timeout` (the
  /// deadline has its own field).
  private static func isReserved(_ key: String) -> Bool {
    key.utf8.first == UInt8(ascii: ":") || key == GRPCTimeout.metadataKey
  }

  /// gRPC's header-name alphabet: `0-9 a-z - _ .`, at least one byte.
  private static func checkKey(_ key: String, index: Int) throws(MetadataViolation) {
    guard !key.isEmpty else {
      throw MetadataViolation(index: index, key: key, problem: "the key is empty")
    }
    for byte in key.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
        UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
        continue
      case UInt8(ascii: "A")...UInt8(ascii: "Z"):
        throw MetadataViolation(index: index, key: key, problem: "keys must be lower-case")
      default:
        throw MetadataViolation(
          index: index, key: key,
          problem: "keys may contain only a-z, 0-9, '-', '_' and '.' (found 0x"
            + "\(String(byte, radix: 16, uppercase: true)))")
      }
    }
  }

  private static func isPrintableASCII(_ byte: UInt8) -> Bool {
    (0x20...0x7E).contains(byte)
  }

  /// The entries for a HEADERS or TRAILERS payload, without `grpc-timeout` (which has its own
  /// field). Keys are lower-cased as on gRPC/HTTP2, so a caller's `Authorization` arrives as the
  /// `authorization` the receiver requires.
  package var wireEntries: [Framedrpc_V1_MetadataEntry] {
    var entries: [Framedrpc_V1_MetadataEntry] = []
    entries.reserveCapacity(self.count)
    for (key, value) in self where key != GRPCTimeout.metadataKey {
      var entry = Framedrpc_V1_MetadataEntry()
      entry.key = Self.lowercasedASCII(key)
      switch value {
      case .string(let text):
        entry.value = .text(text)
      case .binary(let bytes):
        entry.value = .binary(Data(bytes))
      }
      entries.append(entry)
    }
    return entries
  }

  private static func lowercasedASCII(_ key: String) -> String {
    guard key.utf8.contains(where: { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }) else {
      return key
    }
    return String(
      decoding: key.utf8.map {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) ? $0 | 0x20 : $0
      },
      as: UTF8.self)
  }
}

extension [Framedrpc_V1_MetadataEntry] {
  /// Metadata size as the limits count it: key bytes plus value bytes, summed over entries.
  ///
  /// Every term is bounded by the frame that carried it (at most `maxFrameSize` bytes), so the
  /// sum cannot overflow `Int`; it is still added with overflow checking, saturating.
  package var wireByteCount: Int {
    self.reduce(0) { total, entry in
      let valueBytes: Int
      switch entry.value {
      case .text(let text): valueBytes = text.utf8.count
      case .binary(let bytes): valueBytes = bytes.count
      case nil: valueBytes = 0
      }
      let (withKey, overflow1) = total.addingReportingOverflow(entry.key.utf8.count)
      let (sum, overflow2) = withKey.addingReportingOverflow(valueBytes)
      return overflow1 || overflow2 ? Int.max : sum
    }
  }
}
