extension ConnectionPool {
  /// A snapshot of the pool's counters.
  public struct Statistics: Sendable, Hashable {
    /// Connections open or being opened.
    public var open: Int
    /// Open connections waiting in the pool.
    public var idle: Int
    /// Tasks waiting for a connection.
    public var waiting: Int
    /// Connections found broken and replaced or discarded since the pool was created.
    public var discarded: Int
    /// Connections opened since the pool was created.
    public var opened: Int
  }
}
