extension Duration {
  /// The duration in whole nanoseconds (saturating at the bounds of `Int64`).
  var nanoseconds: Int64 {
    let (seconds, attoseconds) = self.components
    let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
    return overflow ? Int64.max : scaled + attoseconds / 1_000_000_000
  }

  /// The duration in seconds.
  var seconds: Double {
    let (seconds, attoseconds) = self.components
    return Double(seconds) + Double(attoseconds) / 1e18
  }
}
