/// A failure of the FramedRPC transport itself (as opposed to an RPC's status).
///
/// RPCs see transport failures as `RPCError`s with gRPC codes; this type names what went wrong on
/// the connection, for logs, for tests and as the `cause` of those `RPCError`s.
public struct FramedRPCError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What kind of failure this is. Extensible: new codes may be added.
  public struct Code: Hashable, Sendable, CustomStringConvertible {
    private let name: String

    private init(_ name: String) {
      self.name = name
    }

    /// The peer did not open with the FramedRPC preface.
    public static let badPreface = Code("badPreface")
    /// The peer speaks another protocol version.
    public static let unsupportedVersion = Code("unsupportedVersion")
    /// A frame declared a payload longer than the max frame size.
    public static let frameTooLarge = Code("frameTooLarge")
    /// The peer broke the protocol.
    public static let protocolError = Code("protocolError")
    /// The connection closed or could not be opened.
    public static let connectionClosed = Code("connectionClosed")
    /// The peer sent GOAWAY.
    public static let goAway = Code("goAway")
    /// The preface did not arrive within the handshake timeout.
    public static let handshakeTimeout = Code("handshakeTimeout")
    /// A keepalive ping was not answered in time.
    public static let keepaliveTimeout = Code("keepaliveTimeout")
    /// The transport is shutting down or was never started.
    public static let notRunning = Code("notRunning")

    public var description: String {
      self.name
    }
  }

  /// What kind of failure this is.
  public var code: Code
  /// What happened, in words a person can act on.
  public var message: String

  public init(code: Code, message: String) {
    self.code = code
    self.message = message
  }

  public var description: String {
    "FramedRPCError(\(self.code)): \(self.message)"
  }
}
