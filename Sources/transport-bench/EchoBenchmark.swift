import EchoTestSupport
import GRPCCore
import Histogram
import SwiftProtobuf

/// Times 64-byte unary echo calls through one client.
struct EchoBenchmark<Transport: ClientTransport>: Sendable {
  /// A request whose serialized form is exactly 64 bytes (tag, length, 62 characters); the
  /// response echoes it, so it is 64 bytes too.
  static var request: Echo_V1_EchoRequest {
    .with { $0.text = String(repeating: "x", count: 62) }
  }

  let echo: Echo_V1_Echo.Client<Transport>
  let options: BenchOptions

  init(client: GRPCClient<Transport>, options: BenchOptions) {
    self.echo = Echo_V1_Echo.Client(wrapping: client)
    self.options = options
  }

  /// Runs both measurements: latency with one call in flight, then throughput.
  func run(_ transport: BenchTransport) async throws -> TransportResult {
    let request = Self.request
    let encoded: [UInt8] = try request.serializedBytes()
    guard encoded.count == 64 else {
      throw BenchError("the request serializes to \(encoded.count) bytes, not 64")
    }
    for _ in 0..<self.options.warmupCalls {
      try await self.call(request)
    }
    let latency = try await self.latency(request)
    let callsPerSecond = try await self.throughput(request)
    return TransportResult(
      transport: transport,
      latency: latency,
      callsPerSecond: callsPerSecond
    )
  }

  private func call(_ request: Echo_V1_EchoRequest) async throws {
    let response = try await self.echo.get(request)
    guard response.text.utf8.count == 62 else {
      throw BenchError("echo answered \(response.text.utf8.count) characters instead of 62")
    }
  }

  private func latency(_ request: Echo_V1_EchoRequest) async throws -> LatencySummary {
    var histogram = LatencySummary.makeHistogram()
    let clock = ContinuousClock()
    for _ in 0..<self.options.latencyCalls {
      let start = clock.now
      try await self.call(request)
      let elapsed = start.duration(to: clock.now)
      _ = histogram.record(UInt64(elapsed.nanoseconds))
    }
    return LatencySummary(nanoseconds: histogram)
  }

  private func throughput(_ request: Echo_V1_EchoRequest) async throws -> Double {
    let clock = ContinuousClock()
    let start = clock.now
    let deadline = start.advanced(by: self.options.throughputDuration)
    let completed = try await withThrowingTaskGroup(of: Int.self) { group in
      for _ in 0..<self.options.concurrency {
        group.addTask {
          var calls = 0
          while clock.now < deadline {
            try await self.call(request)
            calls += 1
          }
          return calls
        }
      }
      return try await group.reduce(0, +)
    }
    let seconds = start.duration(to: clock.now).seconds
    return Double(completed) / seconds
  }
}
