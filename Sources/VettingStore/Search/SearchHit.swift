import Foundation
import VettingCore

/// One provider found by ``ProviderSearch``.
public struct SearchHit: Sendable, Hashable {
  /// The provider's id (a clinic's or a practitioner's).
  public var providerID: UUID
  /// Clinic or solo practitioner.
  public var kind: ProviderKind
  /// The clinic's name, or the practitioner's full name.
  public var name: String
  /// The location shown: the one nearest the query's point when it had ``SearchQuery/near``,
  /// otherwise the one that matched the location filters, primary first. `nil` when the provider
  /// has no location (e.g. a telehealth-only practitioner).
  public var city: String?
  /// See ``city``.
  public var state: String?
  /// See ``city``.
  public var postalCode: String?
  /// Distance from the query's point to ``city``'s location, in the query's unit; `nil` without
  /// ``SearchQuery/near``.
  public var distance: Double?
  /// The latest assessment, or `nil` when the provider has not been assessed.
  public var assessment: Assessment?
  /// Routes offered (empty without a practice profile).
  public var routes: [Route]
  /// Whether the practice profile says it accepts new patients (`false` without one).
  public var acceptingNewPatients: Bool

  /// Creates a hit.
  public init(
    providerID: UUID, kind: ProviderKind, name: String, city: String? = nil,
    state: String? = nil, postalCode: String? = nil, distance: Double? = nil,
    assessment: Assessment? = nil, routes: [Route] = [], acceptingNewPatients: Bool = false
  ) {
    self.providerID = providerID
    self.kind = kind
    self.name = name
    self.city = city
    self.state = state
    self.postalCode = postalCode
    self.distance = distance
    self.assessment = assessment
    self.routes = routes
    self.acceptingNewPatients = acceptingNewPatients
  }
}
