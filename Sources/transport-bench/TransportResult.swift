/// What one transport measured.
struct TransportResult: Sendable {
  var transport: BenchTransport
  /// Latency of one call with nothing else in flight.
  var latency: LatencySummary
  /// Completed calls per second with `concurrency` in flight.
  var callsPerSecond: Double
}
