/// What the frame encoder accepts from the connection logic.
package enum WireOutput: Hashable, Sendable {
  /// This side's connection preface (the client sends it; the server's decoder answers itself).
  case preface
  /// One frame.
  case frame(Frame)

  /// Bytes this output occupies on the wire.
  package var wireSize: Int {
    switch self {
    case .preface: return Preface.size
    case .frame(let frame): return frame.wireSize
    }
  }
}
