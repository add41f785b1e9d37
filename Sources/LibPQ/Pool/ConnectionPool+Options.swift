extension ConnectionPool {
  /// How a ``ConnectionPool`` behaves.
  public struct Options: Sendable, Hashable {
    /// The most connections open at once (idle, lent out, or being opened). At least 1.
    public var maximumConnections: Int
    /// How long ``ConnectionPool/withConnection(_:)`` waits for a free connection when all are
    /// lent out, before failing with ``PostgresError/Code/poolTimeout``.
    public var checkoutTimeout: Duration
    /// A connection idle for longer than this is pinged (one round trip) before it is lent out;
    /// younger ones get a local check only (is the socket still open and quiet).
    public var pingAfterIdle: Duration

    /// Creates options; the defaults suit a small service.
    public init(
      maximumConnections: Int = 10,
      checkoutTimeout: Duration = .seconds(10),
      pingAfterIdle: Duration = .seconds(30)
    ) {
      self.maximumConnections = max(1, maximumConnections)
      self.checkoutTimeout = checkoutTimeout
      self.pingAfterIdle = pingAfterIdle
    }
  }
}
