import NIOCore

/// One frame: the 10-byte header fields and the payload (FRAMING.md section 2).
package struct Frame: Hashable, Sendable {
  /// Bytes in a frame header: length (4), type (1), flags (1), stream id (4).
  package static let headerSize = 10

  package var type: FrameType
  package var flags: FrameFlags
  /// 0 for connection-level frames (PING, PONG, GOAWAY).
  package var streamID: UInt32
  package var payload: ByteBuffer

  package init(type: FrameType, flags: FrameFlags = [], streamID: UInt32, payload: ByteBuffer) {
    self.type = type
    self.flags = flags
    self.streamID = streamID
    self.payload = payload
  }

  /// Bytes this frame occupies on the wire.
  package var wireSize: Int {
    Self.headerSize + self.payload.readableBytes
  }

  /// Appends the header and payload to `buffer`.
  package func write(to buffer: inout ByteBuffer) {
    buffer.reserveCapacity(minimumWritableBytes: self.wireSize)
    buffer.writeInteger(UInt32(self.payload.readableBytes))
    buffer.writeInteger(self.type.rawValue)
    buffer.writeInteger(self.flags.rawValue)
    buffer.writeInteger(self.streamID)
    var payload = self.payload
    buffer.writeBuffer(&payload)
  }
}
