import NIOCore

/// Writes prefaces and frames in the byte layout of FRAMING.md.
package struct FrameEncoder: MessageToByteEncoder {
  package typealias OutboundIn = WireOutput

  package init() {}

  package func encode(data: WireOutput, out: inout ByteBuffer) throws {
    switch data {
    case .preface:
      out.writeBytes(Preface.bytes())
    case .frame(let frame):
      frame.write(to: &out)
    }
  }
}
