import Foundation
import SwiftProtobuf
import Yams

/// A YAML or JSON document read from a file (or `-` for standard input), turned into JSON so the
/// same decoders serve both.
///
/// YAML scalars follow JSON's types: unquoted `true`/`false` are booleans, unquoted numbers are
/// numbers, `null`, `~` and empty values are null, anything else (and anything quoted) is text.
/// Quote values that look like numbers but are text: NPIs, ZIP codes, license numbers.
struct DocumentFile: Sendable {
  /// The file as given on the command line.
  var path: String
  /// The document as JSON.
  var json: Data

  /// Reads and converts `path`.
  /// - Throws: ``VetctlError`` (not found, or invalid data naming the file and line).
  static func read(_ path: String) throws -> DocumentFile {
    let data: Data
    if path == "-" {
      data = FileHandle.standardInput.readDataToEndOfFile()
    } else {
      guard FileManager.default.fileExists(atPath: path) else {
        throw VetctlError(.notFound, "\(path): no such file")
      }
      guard let contents = FileManager.default.contents(atPath: path) else {
        throw VetctlError(.notFound, "\(path): cannot be read")
      }
      data = contents
    }
    let text = String(decoding: data, as: UTF8.self)
    let trimmed = text.drop { $0.isWhitespace }
    if path.lowercased().hasSuffix(".json") || trimmed.first == "{" || trimmed.first == "[" {
      guard (try? JSONSerialization.jsonObject(with: data)) != nil else {
        throw VetctlError.invalid("\(path): not valid JSON")
      }
      return DocumentFile(path: path, json: data)
    }
    let node: Node?
    do {
      node = try Yams.compose(yaml: text)
    } catch {
      throw VetctlError.invalid("\(path): not valid YAML: \(error)")
    }
    guard let node else { throw VetctlError.invalid("\(path): the document is empty") }
    let object = try jsonObject(node, path: path)
    let json = try JSONSerialization.data(withJSONObject: object, options: [.fragmentsAllowed])
    return DocumentFile(path: path, json: json)
  }

  /// The document as a JSON object (dictionary).
  func object() throws -> [String: Any] {
    guard let object = try? JSONSerialization.jsonObject(with: json) as? [String: Any] else {
      throw VetctlError.invalid("\(path): the document must be a mapping (an object)")
    }
    return object
  }

  /// Decodes a protobuf message from a JSON object in proto JSON form (snake_case or
  /// lowerCamelCase field names; enum values by their proto names).
  static func message<M: SwiftProtobuf.Message>(
    _: M.Type, from object: Any, what: String
  ) throws -> M {
    do {
      let data = try JSONSerialization.data(withJSONObject: object)
      return try M(jsonUTF8Data: data)
    } catch {
      throw VetctlError.invalid(
        "\(what): not a valid \(M.protoMessageName) document (\(error)); quote text that looks "
          + "like a number, such as NPIs and ZIP codes")
    }
  }

  private static func jsonObject(_ node: Node, path: String) throws -> Any {
    switch node {
    case .scalar(let scalar):
      return scalarValue(scalar)
    case .sequence(let sequence):
      return try sequence.map { try jsonObject($0, path: path) }
    case .mapping(let mapping):
      var object: [String: Any] = [:]
      for (key, value) in mapping {
        guard let name = key.scalar?.string else {
          throw VetctlError.invalid("\(path): mapping keys must be text")
        }
        object[name] = try jsonObject(value, path: path)
      }
      return object
    case .alias:
      throw VetctlError.invalid("\(path): YAML aliases are not supported")
    }
  }

  private static func scalarValue(_ scalar: Node.Scalar) -> Any {
    let text = scalar.string
    guard scalar.style == .plain || scalar.style == .any else { return text }
    switch text.lowercased() {
    case "true": return true
    case "false": return false
    case "null", "~", "": return NSNull()
    default: break
    }
    if let integer = Int(text) { return integer }
    if text.contains("."), let number = Double(text), number.isFinite { return number }
    return text
  }
}
