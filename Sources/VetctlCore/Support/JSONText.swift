import Foundation
import SwiftProtobuf

/// JSON text for output: sorted keys and pretty printing so output diffs well.
enum JSONText {
  static func encode(_ value: some Encodable) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(value) else { return "null" }
    return String(decoding: data, as: UTF8.self)
  }

  /// A protobuf message as proto JSON (field names in snake_case, as in the .proto files).
  static func encode(message: some SwiftProtobuf.Message) -> String {
    var options = JSONEncodingOptions()
    options.preserveProtoFieldNames = true
    guard let data = try? message.jsonUTF8Data(options: options),
      let object = try? JSONSerialization.jsonObject(with: data),
      let pretty = try? JSONSerialization.data(
        withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    else { return (try? message.jsonString(options: options)) ?? "{}" }
    return String(decoding: pretty, as: UTF8.self)
  }
}
