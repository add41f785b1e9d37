/// Converts between GRPCCore's `grpc-timeout` metadata (how GRPCCore passes deadlines to and from
/// transports) and the `timeout_micros` field of request headers.
///
/// The metadata format is gRPC's: at most 8 ASCII digits and a unit, one of `H` (hours),
/// `M` (minutes), `S` (seconds), `m` (milliseconds), `u` (microseconds), `n` (nanoseconds).
package enum GRPCTimeout {
  /// The metadata key GRPCCore uses for the timeout.
  package static let metadataKey = "grpc-timeout"

  private static let maxAmount: UInt64 = 99_999_999

  /// Microseconds in a `grpc-timeout` value, rounded up; nil if the value is malformed.
  package static func micros(fromMetadataValue value: String) -> UInt64? {
    guard let unit = value.last, value.count >= 2, value.count <= 9,
      let amount = UInt64(value.dropLast()), value.dropLast().allSatisfy(\.isASCII)
    else {
      return nil
    }
    switch unit {
    case "H": return amount * 3_600_000_000
    case "M": return amount * 60_000_000
    case "S": return amount * 1_000_000
    case "m": return amount * 1_000
    case "u": return amount
    case "n": return (amount + 999) / 1_000
    default: return nil
    }
  }

  /// A `grpc-timeout` value for `micros` microseconds, in the finest unit that fits 8 digits
  /// (rounded up so the deadline is never earlier than the client's).
  package static func metadataValue(micros: UInt64) -> String {
    let units: [(divisor: UInt64, unit: Character)] = [
      (1, "u"), (1_000, "m"), (1_000_000, "S"), (60_000_000, "M"), (3_600_000_000, "H"),
    ]
    for (divisor, unit) in units {
      let amount = (micros + divisor - 1) / divisor
      if amount <= Self.maxAmount {
        return "\(amount)\(unit)"
      }
    }
    return "\(Self.maxAmount)H"
  }
}
