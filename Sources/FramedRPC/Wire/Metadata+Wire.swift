import Foundation
import GRPCCore

extension Metadata {
  /// Metadata from the entries of a HEADERS or TRAILERS payload, dropping reserved keys
  /// (FRAMING.md section 4.10).
  package init(wireEntries: [Framedrpc_V1_MetadataEntry]) {
    self.init()
    for entry in wireEntries {
      if entry.key.hasPrefix(":") || entry.key == GRPCTimeout.metadataKey { continue }
      switch entry.value {
      case .text(let text):
        self.addString(text, forKey: entry.key)
      case .binary(let bytes):
        self.addBinary(Array(bytes), forKey: entry.key)
      case nil:
        self.addString("", forKey: entry.key)
      }
    }
  }

  /// The entries for a HEADERS or TRAILERS payload, without `grpc-timeout` (which has its own
  /// field).
  package var wireEntries: [Framedrpc_V1_MetadataEntry] {
    var entries: [Framedrpc_V1_MetadataEntry] = []
    entries.reserveCapacity(self.count)
    for (key, value) in self where key != GRPCTimeout.metadataKey {
      var entry = Framedrpc_V1_MetadataEntry()
      entry.key = key
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
}

extension [Framedrpc_V1_MetadataEntry] {
  /// Metadata size as the limits count it: key bytes plus value bytes, summed over entries.
  package var wireByteCount: Int {
    self.reduce(0) { total, entry in
      let valueBytes: Int
      switch entry.value {
      case .text(let text): valueBytes = text.utf8.count
      case .binary(let bytes): valueBytes = bytes.count
      case nil: valueBytes = 0
      }
      return total + entry.key.utf8.count + valueBytes
    }
  }
}
