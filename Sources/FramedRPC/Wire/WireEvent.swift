/// What the frame decoder passes up the pipeline.
package enum WireEvent: Hashable, Sendable {
  /// The peer's preface was valid and announced this version.
  case preface(version: UInt16)
  /// One complete frame.
  case frame(Frame)
}
