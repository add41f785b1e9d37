/// What to run and for how long; every run is bounded by these counts and durations.
struct BenchOptions: Sendable {
  /// Rounds, each measuring every transport once; figures are the median over rounds, so one
  /// round disturbed by another process on a shared machine does not decide the result.
  var rounds = 3
  /// Unary calls timed one at a time, per transport and round, after the warm-up.
  var latencyCalls = 10_000
  /// Calls made (and not timed) before each measurement.
  var warmupCalls = 1_000
  /// Calls kept in flight for the throughput measurement.
  var concurrency = 64
  /// How long the throughput measurement runs per transport and round.
  var throughputDuration = Duration.seconds(3)
  /// Round trips timed for the plain-socket loopback baseline, per round.
  var roundTrips = 10_000
  /// Which transports to run.
  var transports: [BenchTransport] = BenchTransport.allCases

  static let usage = """
    usage: transport-bench [--rounds N] [--calls N] [--warmup N] [--concurrency N] [--seconds S]
                           [--round-trips N] [--transports framed,http2,inprocess]
    """

  /// Parses command-line arguments; throws a message naming the bad argument.
  init(arguments: [String]) throws {
    var remaining = arguments[...]
    while let flag = remaining.popFirst() {
      guard let value = remaining.popFirst() else {
        throw BenchError("\(flag) needs a value\n\(Self.usage)")
      }
      switch flag {
      case "--rounds": self.rounds = try Self.positive(flag, value)
      case "--calls": self.latencyCalls = try Self.positive(flag, value)
      case "--warmup": self.warmupCalls = try Self.positive(flag, value)
      case "--concurrency": self.concurrency = try Self.positive(flag, value)
      case "--seconds": self.throughputDuration = .seconds(try Self.positive(flag, value))
      case "--round-trips": self.roundTrips = try Self.positive(flag, value)
      case "--transports":
        self.transports = try value.split(separator: ",").map { name in
          guard let transport = BenchTransport(rawValue: String(name)) else {
            throw BenchError("unknown transport '\(name)' in --transports\n\(Self.usage)")
          }
          return transport
        }
      default:
        throw BenchError("unknown argument '\(flag)'\n\(Self.usage)")
      }
    }
  }

  private static func positive(_ flag: String, _ value: String) throws -> Int {
    guard let number = Int(value), number > 0, number <= 10_000_000 else {
      throw BenchError("\(flag) wants a whole number from 1 to 10000000, not '\(value)'")
    }
    return number
  }
}
