import Foundation
import VettingCore

/// Two instants to compare providers' assessments between.
public struct CompareQuery: Sendable, Hashable {
  /// The earlier instant.
  public var from: Date
  /// The later instant; `nil`: now.
  public var to: Date?
  /// Providers with a location in this state (USPS code).
  public var state: String?
  /// Clinics or solo practitioners only.
  public var kind: ProviderKind?

  /// Creates a query.
  public init(from: Date, to: Date? = nil, state: String? = nil, kind: ProviderKind? = nil) {
    self.from = from
    self.to = to
    self.state = state
    self.kind = kind
  }

  /// - Throws: ``StoreError`` `.invalidArgument` naming `to_time` or `state`.
  public func validate() throws {
    if let to, to <= from {
      throw StoreError.invalidArgument(field: "to_time", message: "must be after from_time")
    }
    if let state { try AuditValidation.state(state, "state") }
  }
}
