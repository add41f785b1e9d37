/// Converts between GRPCCore's `grpc-timeout` metadata (how GRPCCore passes deadlines to and from
/// transports) and the `timeout_micros` field of request headers.
///
/// The metadata format is gRPC's: 1 to 8 ASCII digits and a unit, one of `H` (hours),
/// `M` (minutes), `S` (seconds), `m` (milliseconds), `u` (microseconds), `n` (nanoseconds).
///
/// Every conversion is total: the values come from the network (a `timeout_micros` is any
/// `uint64` a peer chooses), so arithmetic here reports overflow instead of trapping.
package enum GRPCTimeout {
  /// The metadata key GRPCCore uses for the timeout.
  package static let metadataKey = "grpc-timeout"

  /// The largest amount a `grpc-timeout` value can carry (8 digits).
  package static let maxAmount: UInt64 = 99_999_999

  /// The largest `timeout_micros` a server accepts (FRAMING.md section 5): 99,999,999 hours, the
  /// longest timeout gRPC's `grpc-timeout` can express (about 11,400 years).
  package static let maxMicros: UInt64 = 99_999_999 * 3_600_000_000

  /// Microseconds in a `grpc-timeout` value, rounded up; nil if the value is malformed.
  package static func micros(fromMetadataValue value: String) -> UInt64? {
    let utf8 = Array(value.utf8)
    guard utf8.count >= 2, utf8.count <= 9, let unit = utf8.last else { return nil }
    let digits = utf8.dropLast()
    guard digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else {
      return nil
    }
    let amount = digits.reduce(UInt64(0)) { $0 * 10 + UInt64($1 - UInt8(ascii: "0")) }
    let perUnit: UInt64
    switch unit {
    case UInt8(ascii: "H"): perUnit = 3_600_000_000
    case UInt8(ascii: "M"): perUnit = 60_000_000
    case UInt8(ascii: "S"): perUnit = 1_000_000
    case UInt8(ascii: "m"): perUnit = 1_000
    case UInt8(ascii: "u"): perUnit = 1
    case UInt8(ascii: "n"): return amount / 1_000 + (amount % 1_000 == 0 ? 0 : 1)
    default: return nil
    }
    let (micros, overflow) = amount.multipliedReportingOverflow(by: perUnit)
    return overflow ? nil : micros
  }

  /// A `grpc-timeout` value for `micros` microseconds, in the finest unit that fits 8 digits
  /// (rounded up so the deadline is never earlier than the client's). Values beyond
  /// ``maxMicros`` give the largest value, `99999999H`.
  package static func metadataValue(micros: UInt64) -> String {
    let units: [(divisor: UInt64, unit: Character)] = [
      (1, "u"), (1_000, "m"), (1_000_000, "S"), (60_000_000, "M"), (3_600_000_000, "H"),
    ]
    for (divisor, unit) in units {
      // Rounded up without `micros + divisor - 1`, which overflows near UInt64.max.
      let amount = micros / divisor + (micros % divisor == 0 ? 0 : 1)
      if amount <= Self.maxAmount {
        return "\(amount)\(unit)"
      }
    }
    return "\(Self.maxAmount)H"
  }
}
