public import FramedRPC

extension VettingClient {
  /// Where to connect, how to authenticate, and the defaults every call uses.
  public struct Configuration: Sendable {
    /// The server's host name or IP address.
    public var host: String
    /// The server's FramedRPC port.
    public var port: Int
    /// The bearer secret sent as `authorization: Bearer <token>`; nil sends none (only health
    /// and the method listing answer then).
    public var token: String?
    /// The deadline of a call that sets none, counted from the call's start and covering its
    /// retries. Default 10 s.
    public var defaultTimeout: Duration
    /// How idempotent reads are retried on UNAVAILABLE.
    public var retryPolicy: RetryPolicy
    /// Transport limits and reconnection backoff.
    public var transport: FramedRPCClientTransport.Config

    public init(
      host: String,
      port: Int,
      token: String?,
      defaultTimeout: Duration = .seconds(10),
      retryPolicy: RetryPolicy = RetryPolicy(),
      transport: FramedRPCClientTransport.Config = .defaults
    ) {
      self.host = host
      self.port = port
      self.token = token
      self.defaultTimeout = defaultTimeout
      self.retryPolicy = retryPolicy
      self.transport = transport
    }
  }
}
