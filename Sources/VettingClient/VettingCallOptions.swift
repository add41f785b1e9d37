/// Per-call settings that override the client's defaults.
public struct VettingCallOptions: Sendable, Hashable {
  /// The call's deadline, counted from its start and covering its retries; nil: the client's
  /// ``VettingClient/Configuration/defaultTimeout``.
  public var timeout: Duration?
  /// Whether an idempotent read may be retried on UNAVAILABLE (writes never are). Default true.
  public var retries: Bool

  public init(timeout: Duration? = nil, retries: Bool = true) {
    self.timeout = timeout
    self.retries = retries
  }

  /// The client's defaults.
  public static let defaults = VettingCallOptions()
}
