/// The `type` byte of a frame header (FRAMING.md section 4).
///
/// A struct rather than an enum so that frames of a type this version does not know can still be
/// decoded (and then skipped, as the specification requires).
package struct FrameType: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
  package var rawValue: UInt8

  package init(rawValue: UInt8) {
    self.rawValue = rawValue
  }

  /// Request headers (client) or response headers (server).
  package static let headers = FrameType(rawValue: 0x01)
  /// One serialized message.
  package static let message = FrameType(rawValue: 0x02)
  /// The end of an RPC: status and trailing metadata (server only).
  package static let trailers = FrameType(rawValue: 0x03)
  /// The client sends no more messages (client only).
  package static let halfClose = FrameType(rawValue: 0x04)
  /// The client abandons the RPC (client only).
  package static let cancel = FrameType(rawValue: 0x05)
  /// Keepalive probe with 8 opaque bytes.
  package static let ping = FrameType(rawValue: 0x06)
  /// Answer to a ping, echoing its bytes.
  package static let pong = FrameType(rawValue: 0x07)
  /// The sender accepts no new streams on this connection.
  package static let goAway = FrameType(rawValue: 0x08)

  /// The names used in FRAMING.md and the test vectors.
  package static let allNamed: [String: FrameType] = [
    "HEADERS": .headers, "MESSAGE": .message, "TRAILERS": .trailers, "HALF_CLOSE": .halfClose,
    "CANCEL": .cancel, "PING": .ping, "PONG": .pong, "GOAWAY": .goAway,
  ]

  package var description: String {
    Self.allNamed.first(where: { $0.value == self })?.key ?? "UNKNOWN(\(self.rawValue))"
  }
}
