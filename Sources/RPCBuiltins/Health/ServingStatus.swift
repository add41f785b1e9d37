/// Whether a service (or the whole server, named `""`) can handle calls now.
///
/// The two states the standard `grpc.health.v1` protocol lets a server report; `UNKNOWN` and
/// `SERVICE_UNKNOWN` are protocol answers for services nobody has set a status for, never states
/// a server chooses.
public enum ServingStatus: Sendable, Hashable, CustomStringConvertible {
  /// Ready for calls.
  case serving
  /// Up but not taking calls: shutting down, or a dependency (the database) is unavailable.
  case notServing

  public var description: String {
    switch self {
    case .serving: "SERVING"
    case .notServing: "NOT_SERVING"
    }
  }

  var proto: Grpc_Health_V1_HealthCheckResponse.ServingStatus {
    switch self {
    case .serving: .serving
    case .notServing: .notServing
    }
  }
}
