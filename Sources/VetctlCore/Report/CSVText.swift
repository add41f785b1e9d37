/// RFC 4180 records: fields with a comma, a double quote, CR or LF are quoted, quotes inside
/// doubled, and every record (the header too) ends with CRLF.
enum CSVText {
  /// One record's text, CRLF included.
  static func record(_ fields: [String]) -> String {
    fields.map(field).joined(separator: ",") + "\r\n"
  }

  /// One field as it appears in a record.
  static func field(_ value: String) -> String {
    guard value.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A })
    else { return value }
    return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
