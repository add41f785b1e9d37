/// The connection preface and the replies to a bad one (FRAMING.md section 1).
package enum Preface {
  /// ASCII `FRMRPC`.
  package static let magic: [UInt8] = Array("FRMRPC".utf8)
  /// The protocol version this implementation speaks.
  package static let version: UInt16 = 1
  /// Bytes in a preface: magic (6) and version (2).
  package static let size = 8

  /// The preface announcing `version`.
  package static func bytes(version: UInt16 = Preface.version) -> [UInt8] {
    Self.magic + [UInt8(version >> 8), UInt8(version & 0xFF)]
  }

  /// What a server writes to a peer whose first bytes look like an HTTP request.
  package static let httpReply: [UInt8] = {
    let body =
      "This port speaks FramedRPC, not HTTP. A client must open with the 8-byte preface "
      + "\"FRMRPC\" + version (see proto-spec/FRAMING.md).\n"
    let head =
      "HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\n"
      + "Content-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n"
    return Array((head + body).utf8)
  }()

  /// What a server writes to a peer that sent other noise.
  package static let noiseReply: [UInt8] = Array(
    "FRMRPC error: bad connection preface; this port speaks FramedRPC (see proto-spec/FRAMING.md)\n"
      .utf8
  )

  /// The reply to a bad preface whose first byte is `firstByte`.
  package static func reply(toBadPrefaceStartingWith firstByte: UInt8) -> [UInt8] {
    (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(firstByte) ? Self.httpReply : Self.noiseReply
  }
}
