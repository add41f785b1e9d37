import ArgumentParser
import VettingClient

/// The deadline of a streaming audit call: a report over the whole directory takes far longer
/// than the 30 seconds `--timeout` gives a single read.
struct StreamTimeoutOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "Seconds the whole stream may take before it fails.", valueName: "seconds"))
  var streamTimeout: Double = 3600

  /// The call options with this deadline.
  /// - Throws: ``VetctlError`` (usage) when the value is out of range.
  func callOptions() throws -> VettingCallOptions {
    guard streamTimeout > 0, streamTimeout <= 86_400 else {
      throw VetctlError.usage("--stream-timeout: must be more than 0 and at most 86400 seconds")
    }
    return VettingCallOptions(timeout: .milliseconds(Int64(streamTimeout * 1000)))
  }
}
