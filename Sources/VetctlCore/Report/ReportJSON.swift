import SwiftProtobuf
import VettingAPI

/// The JSON report, written as it streams: `{"rows": [...], "summary": {...}}`, each row and
/// the summary in proto JSON (snake_case field names as in `audit.proto`, 64-bit counts as
/// strings, enums by name), one row per line.
enum ReportJSON {
  /// Everything before the first row.
  static let start = "{\n\"rows\": [\n"

  /// One row; `first` says whether it is the first (the others are preceded by a comma).
  static func row(_ row: Vetting_V1_ReportRow, first: Bool) throws -> String {
    (first ? "" : ",\n") + (try compact(row))
  }

  /// Everything after the last row.
  static func end(_ summary: Vetting_V1_ReportSummary, rows: Int) throws -> String {
    (rows > 0 ? "\n" : "") + "],\n\"summary\": " + (try compact(summary)) + "\n}\n"
  }

  /// - Throws: ``VetctlError`` when the message cannot be JSON (e.g. a timestamp out of range).
  private static func compact(_ message: some SwiftProtobuf.Message) throws -> String {
    var options = JSONEncodingOptions()
    options.preserveProtoFieldNames = true
    do {
      return try message.jsonString(options: options)
    } catch {
      throw VetctlError(.other, "cannot write \(type(of: message)) as JSON: \(error)")
    }
  }
}
