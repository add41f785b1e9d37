import NIOCore

extension Duration {
  /// This duration as NIO's `TimeAmount` (nanosecond precision, saturating).
  var timeAmount: TimeAmount {
    let (seconds, attoseconds) = self.components
    let nanos = seconds.multipliedReportingOverflow(by: 1_000_000_000)
    if nanos.overflow { return .nanoseconds(seconds < 0 ? .min : .max) }
    return .nanoseconds(nanos.partialValue + attoseconds / 1_000_000_000)
  }

  /// Whole microseconds, rounded up, at least 0.
  var microsecondsRoundedUp: UInt64 {
    let (seconds, attoseconds) = self.components
    if seconds < 0 || (seconds == 0 && attoseconds <= 0) { return 0 }
    return UInt64(seconds) * 1_000_000 + UInt64((attoseconds + 999_999_999_999) / 1_000_000_000_000)
  }
}
