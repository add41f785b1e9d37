/// The `flags` byte of a frame header (FRAMING.md section 3).
package struct FrameFlags: OptionSet, Hashable, Sendable {
  package var rawValue: UInt8

  package init(rawValue: UInt8) {
    self.rawValue = rawValue
  }

  /// On a client HEADERS or MESSAGE frame: the client sends no more messages on this stream.
  package static let endStream = FrameFlags(rawValue: 0x01)
}
