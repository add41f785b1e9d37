/// Why a practice questionnaire document was refused, naming the place in the JSON.
public struct QuestionnaireError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The JSON path of the offending value, e.g. `practice.screening.urineToxicology.provenance`
  /// or `routes[2]`; empty for the document as a whole.
  public var path: String
  /// What is wrong with it.
  public var message: String

  /// Creates an error.
  public init(path: String, message: String) {
    self.path = path
    self.message = message
  }

  public var description: String { path.isEmpty ? message : "\(path): \(message)" }

  /// Joins coding-path components into `a.b[2].c`.
  static func path(_ components: [any CodingKey]) -> String {
    var text = ""
    for key in components {
      if let index = key.intValue {
        text += "[\(index)]"
      } else {
        text += text.isEmpty ? key.stringValue : "." + key.stringValue
      }
    }
    return text
  }

  /// The error for a `DecodingError`, with the path of the value it is about.
  init(_ error: DecodingError) {
    switch error {
    case .typeMismatch(let type, let context):
      self.init(
        path: Self.path(context.codingPath),
        message: "expected \(Self.describe(type)): \(context.debugDescription)")
    case .valueNotFound(let type, let context):
      self.init(
        path: Self.path(context.codingPath),
        message: "expected \(Self.describe(type)), found null or nothing")
    case .keyNotFound(let key, let context):
      self.init(
        path: Self.path(context.codingPath + [key]), message: "is required but missing")
    case .dataCorrupted(let context):
      self.init(path: Self.path(context.codingPath), message: context.debugDescription)
    @unknown default:
      self.init(path: "", message: "\(error)")
    }
  }

  private static func describe(_ type: Any.Type) -> String {
    switch type {
    case is Bool.Type: return "true or false"
    case is Int.Type, is Int?.Type: return "a whole number"
    case is String.Type: return "a string"
    default:
      let name = String(describing: type)
      if name.hasPrefix("Array") { return "an array" }
      if name.hasPrefix("Dictionary") { return "an object" }
      return "a value of type \(name)"
    }
  }
}
