import Testing

/// Who makes a call in a test: no token, a malformed or unknown one, a revoked one, or a live
/// token of each role.
enum Caller: String, CaseIterable, Sendable, CustomTestStringConvertible {
  case anonymous
  case badToken
  case revoked
  case referral
  case auditor
  case admin

  var testDescription: String { rawValue }
}
