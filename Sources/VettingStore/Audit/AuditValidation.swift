/// Checks shared by the audit queries.
enum AuditValidation {
  /// A USPS state or territory code the schema accepts.
  static func state(_ value: String, _ field: String) throws {
    try InputValidator.state(value, field)
  }

  /// A short, printable rendering of untrusted input for an error message.
  static func quoted(_ value: String) -> String {
    let clipped = value.unicodeScalars.prefix(40).map { scalar in
      scalar.properties.generalCategory == .control ? "\u{FFFD}" : String(scalar)
    }.joined()
    return "\"\(clipped)\(value.unicodeScalars.count > 40 ? "…" : "")\""
  }
}
