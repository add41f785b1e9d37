/// Why something must be re-checked.
public enum DueReason: String, Sendable, Hashable, CaseIterable {
  /// A live license not verified within ``DueForReviewQuery/licenseVerificationDays`` (or never).
  case licenseNotVerified = "license_not_verified"
  /// A live clinic's or practitioner's NPI not checked within
  /// ``DueForReviewQuery/npiCheckDays`` (or never).
  case npiNotChecked = "npi_not_checked"
  /// A live evidence item expiring within the window, or expired.
  case evidenceExpiring = "evidence_expiring"
  /// A listed provider whose latest assessment used a rubric other than the current one.
  case outdatedRubric = "outdated_rubric"
  /// A live license whose own expiry falls within the window, or has passed.
  case licenseExpiring = "license_expiring"
  /// A training certificate expiring within the window, or expired.
  case certificateExpiring = "certificate_expiring"
  /// An open item of a listed provider's latest assessment: an applicable criterion whose fact
  /// is not on record or whose evidence expired (``VettingCore/Completeness``), one item each.
  case openItem = "open_item"
}
