import Histogram

/// Percentiles of a set of timings, in microseconds.
struct LatencySummary: Sendable {
  var p50: Double
  var p99: Double
  var count: UInt64

  /// Summarises a histogram of nanoseconds.
  init(nanoseconds histogram: Histogram<UInt64>) {
    self.p50 = Double(histogram.valueAtPercentile(50)) / 1000
    self.p99 = Double(histogram.valueAtPercentile(99)) / 1000
    self.count = histogram.totalCount
  }

  /// The median of each figure over several summaries (rounds).
  init(medianOf summaries: [LatencySummary]) {
    self.p50 = Median.of(summaries.map(\.p50))
    self.p99 = Median.of(summaries.map(\.p99))
    self.count = summaries.reduce(0) { $0 + $1.count }
  }

  /// A new histogram for timings from 100 ns to 10 s at three significant digits.
  static func makeHistogram() -> Histogram<UInt64> {
    Histogram(lowestDiscernibleValue: 100, highestTrackableValue: 10_000_000_000)
  }
}
