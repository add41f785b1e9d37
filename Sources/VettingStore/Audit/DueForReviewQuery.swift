/// What ``AuditRepository/dueForReview(_:item:)`` lists.
public struct DueForReviewQuery: Sendable, Hashable {
  /// Licenses are re-verified this often (days).
  public static let licenseVerificationDays = 90
  /// NPIs are re-checked against the registry this often (days).
  public static let npiCheckDays = 30
  /// The default window for expiring evidence, licenses and certificates (days).
  public static let defaultWindowDays = 30

  /// Expiry within this many days from today counts as due (1...3650).
  public var withinDays: Int
  /// The reasons to list; empty: all.
  public var reasons: Set<DueReason>

  /// Creates a query.
  public init(withinDays: Int = Self.defaultWindowDays, reasons: Set<DueReason> = []) {
    self.withinDays = withinDays
    self.reasons = reasons
  }

  /// - Throws: ``StoreError`` `.invalidArgument` naming `within_days`.
  public func validate() throws {
    guard (1...3650).contains(withinDays) else {
      throw StoreError.invalidArgument(
        field: "within_days", message: "must be 1...3650 days, got \(withinDays)")
    }
  }
}
