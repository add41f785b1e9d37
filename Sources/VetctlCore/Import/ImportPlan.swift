import Foundation

/// Reads and checks a whole import file before anything is written.
enum ImportPlan {
  /// The valid rows in file order and the rejected ones.
  /// - Throws: ``VetctlError`` when the file as a whole is unusable.
  static func make(file: String, format: String?) throws -> ([ImportRow], [ImportRejection]) {
    let contents = try ImportFile.read(file, format: format)
    var rejections = contents.unreadable
    var rows: [ImportRow] = []
    var seen: [String: String] = [:]
    for entry in contents.entries {
      switch ImportRowParser.parse(entry.values, position: entry.position) {
      case .success(var row):
        row.parts = entry.parts
        if let first = seen[row.externalID] {
          rejections.append(
            ImportRejection(
              position: entry.position, externalID: row.externalID,
              reason: "external_id \"\(row.externalID)\" is already used on \(first)"))
        } else {
          seen[row.externalID] = entry.position
          rows.append(row)
        }
      case .failure(let failure):
        rejections.append(
          ImportRejection(
            position: entry.position,
            externalID: entry.values["external_id"]?.trimmingCharacters(in: .whitespaces) ?? "",
            reason: failure.reason))
      }
    }
    return (rows, rejections)
  }
}
