/// What a token may call: `referral` the Directory, `auditor` the Directory and the audit
/// methods, `admin` everything.
public enum TokenRole: String, Sendable, Hashable, CaseIterable, Codable {
  case referral
  case auditor
  case admin
}
