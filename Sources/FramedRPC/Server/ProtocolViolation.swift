/// A peer broke the protocol; the connection answers with GOAWAY `PROTOCOL_ERROR` and closes.
struct ProtocolViolation: Error {
  var message: String
}
