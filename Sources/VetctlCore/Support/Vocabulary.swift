import SwiftProtobuf
import VettingAPI

/// The command-line names of protobuf enum values: the Swift case name in kebab case, which is
/// VettingCore's stable identifier (`at-home`, `self-reported`, `not-vetted`, `medical-director`).
enum Vocabulary {
  /// The name of `value`, e.g. `sublingual-lozenge`; `-` for UNSPECIFIED.
  static func name<E: SwiftProtobuf.Enum>(_ value: E) -> String {
    guard value.rawValue != 0 else { return "-" }
    var text = ""
    for character in String(describing: value) {
      if character.isUppercase {
        text += "-" + character.lowercased()
      } else {
        text.append(character)
      }
    }
    return text
  }

  /// Every name of `E`, UNSPECIFIED excepted.
  static func names<E: SwiftProtobuf.Enum & CaseIterable>(_: E.Type) -> [String] {
    E.allCases.filter { $0.rawValue != 0 }.map { name($0) }
  }

  /// The value named `text` (case-insensitive, `_` or `-`).
  /// - Throws: ``VetctlError`` (usage) naming `option` and listing the accepted names.
  static func parse<E: SwiftProtobuf.Enum & CaseIterable>(
    _ text: String, as _: E.Type, option: String
  ) throws -> E {
    let wanted = text.lowercased().replacingOccurrences(of: "_", with: "-")
    if let value = E.allCases.first(where: { $0.rawValue != 0 && name($0) == wanted }) {
      return value
    }
    throw VetctlError.usage(
      "\(option): \"\(text)\" is not one of \(names(E.self).joined(separator: ", "))")
  }

  /// Parses every element of `texts`.
  static func parse<E: SwiftProtobuf.Enum & CaseIterable>(
    _ texts: [String], as type: E.Type, option: String
  ) throws -> [E] {
    try texts.flatMap { $0.split(separator: ",").map(String.init) }.map {
      try parse($0.trimmingCharacters(in: .whitespaces), as: type, option: option)
    }
  }
}
