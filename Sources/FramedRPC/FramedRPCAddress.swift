/// A TCP address: a host name or IP address and a port.
public struct FramedRPCAddress: Hashable, Sendable, CustomStringConvertible {
  /// Host name or IP address, e.g. `"127.0.0.1"`, `"::1"` or `"localhost"`.
  public var host: String
  /// TCP port; 0 when binding a server means "any free port".
  public var port: Int

  public init(host: String, port: Int) {
    self.host = host
    self.port = port
  }

  public var description: String {
    self.host.contains(":") ? "[\(self.host)]:\(self.port)" : "\(self.host):\(self.port)"
  }
}
