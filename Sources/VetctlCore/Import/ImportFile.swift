import Foundation
import VettingAPI

/// An import file read into rows of column → text, with the rows that could not be read.
struct ImportFile: Sendable {
  /// A row's position and values.
  struct Entry: Sendable {
    var position: String
    var values: [String: String]
    /// JSON records only: credentials, partners, evidence, team and questionnaire.
    var parts = Vetting_V1_ImportParts()
  }

  var entries: [Entry] = []
  var unreadable: [ImportRejection] = []

  /// Reads a CSV (header row first) or JSON (an array of objects) file.
  /// - Throws: ``VetctlError`` when the file as a whole is unusable (missing, a header without
  ///   a required column or with an unknown one, JSON that is not an array of objects); then
  ///   nothing is imported.
  static func read(_ path: String, format: String?) throws -> ImportFile {
    guard FileManager.default.fileExists(atPath: path),
      let data = FileManager.default.contents(atPath: path)
    else { throw VetctlError(.notFound, "\(path): no such file") }
    return try Self.read(data, format: format, path: path)
  }

  /// Reads the contents of an import file; `path` names it in messages and picks the format
  /// when `format` is nil.
  static func read(_ data: Data, format: String?, path: String) throws -> ImportFile {
    let kind = format?.lowercased() ?? (path.lowercased().hasSuffix(".json") ? "json" : "csv")
    switch kind {
    case "csv": return try csv(String(decoding: data, as: UTF8.self), path: path)
    case "json": return try json(data, path: path)
    default: throw VetctlError.usage("--format: \"\(kind)\" is not csv or json")
    }
  }

  static func checkColumns(_ columns: [String], path: String) throws {
    for column in ImportColumns.required where !columns.contains(column) {
      throw VetctlError.invalid(
        "\(path): the required column \"\(column)\" is missing; nothing was imported")
    }
    for column in columns where !ImportColumns.all.contains(column) {
      throw VetctlError.invalid(
        "\(path): unknown column \"\(column)\" (known: \(ImportColumns.all.joined(separator: ", "))); "
          + "nothing was imported")
    }
  }

  private static func csv(_ text: String, path: String) throws -> ImportFile {
    var records = CSVReader.records(text)
    guard !records.isEmpty else { throw VetctlError.invalid("\(path): the file is empty") }
    let header = records.removeFirst()
    if let problem = header.malformed {
      throw VetctlError.invalid("\(path): line \(header.line): the header is malformed: \(problem)")
    }
    let columns = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
    try checkColumns(columns, path: path)
    var file = ImportFile()
    for record in records {
      let position = "line \(record.line)"
      if let problem = record.malformed {
        file.unreadable.append(
          ImportRejection(position: position, externalID: "", reason: "malformed: \(problem)"))
        continue
      }
      guard record.fields.count == columns.count else {
        file.unreadable.append(
          ImportRejection(
            position: position, externalID: "",
            reason:
              "malformed: \(record.fields.count) fields where the header has \(columns.count)"))
        continue
      }
      file.entries.append(
        Entry(
          position: position, values: Dictionary(zip(columns, record.fields)) { first, _ in first })
      )
    }
    return file
  }

  private static func json(_ data: Data, path: String) throws -> ImportFile {
    guard let array = try? JSONSerialization.jsonObject(with: data) as? [Any] else {
      throw VetctlError.invalid("\(path): not a JSON array of objects; nothing was imported")
    }
    var file = ImportFile()
    for (index, element) in array.enumerated() {
      let position = "record \(index + 1)"
      guard var object = element as? [String: Any] else {
        file.unreadable.append(
          ImportRejection(position: position, externalID: "", reason: "malformed: not an object"))
        continue
      }
      let parts: Vetting_V1_ImportParts
      do {
        parts = try ImportPartsReader.take(from: &object)
      } catch {
        file.unreadable.append(
          ImportRejection(
            position: position, externalID: "\(object["external_id"] ?? "")",
            reason: error.reason))
        continue
      }
      if let unknown = object.keys.sorted().first(where: { !ImportColumns.all.contains($0) }) {
        file.unreadable.append(
          ImportRejection(
            position: position, externalID: "\(object["external_id"] ?? "")",
            reason: "unknown key \"\(unknown)\""))
        continue
      }
      var values: [String: String] = [:]
      for (key, value) in object {
        switch value {
        case let list as [Any]: values[key] = list.map { "\($0)" }.joined(separator: ";")
        case let number as NSNumber where String(cString: number.objCType) == "c":
          // JSON true/false arrive as NSNumber with the `char` type code.
          values[key] = number.boolValue ? "true" : "false"
        case is NSNull: values[key] = ""
        default: values[key] = "\(value)"
        }
      }
      file.entries.append(Entry(position: position, values: values, parts: parts))
    }
    return file
  }
}
