import Testing
import VettingCore

/// A provider drawn from the seed articles or the reference, with the verdict an auditor would
/// expect under rubric v1.
struct Vignette: Sendable, CustomTestStringConvertible {
  let name: String
  let source: String
  let facts: ProviderFacts
  let tier: Tier
  let flags: Set<String>
  /// Score bounds the verdict rests on.
  let score: ClosedRange<Int>

  var testDescription: String { name }
}
