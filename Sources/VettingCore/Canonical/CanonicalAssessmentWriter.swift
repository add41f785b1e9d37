/// Writes an ``Assessment`` as canonical JSON directly, member by member in key order.
///
/// Every stored assessment and every re-score encodes one (about 20 kB, ~60 objects); through
/// `Codable` that was the largest single cost of `vetctl demo-data` even with
/// ``CanonicalEncoder``. The bytes must equal the `Codable` encoding: debug builds check every
/// assessment they encode against it (``Assessment/canonicalEncoding()``), and
/// `CanonicalJSONTests` compares the two over synthetic providers and a fully populated basis.
/// A property added to one of these types must be added here too, in key order.
enum CanonicalAssessmentWriter {
  static func write(_ assessment: Assessment) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(24_576)
    literal("{\"areas\":[", &out)
    for (index, area) in assessment.areas.enumerated() {
      if index > 0 { out.append(UInt8(ascii: ",")) }
      write(area, &out)
    }
    literal("],\"asOf\":", &out)
    string(assessment.asOf.description, &out)
    literal(",\"earnedHundredths\":", &out)
    integer(assessment.earnedHundredths, &out)
    literal(",\"flags\":[", &out)
    for (index, flag) in assessment.flags.enumerated() {
      if index > 0 { out.append(UInt8(ascii: ",")) }
      write(flag, &out)
    }
    literal("],\"outcomes\":[", &out)
    for (index, outcome) in assessment.outcomes.enumerated() {
      if index > 0 { out.append(UInt8(ascii: ",")) }
      write(outcome, &out)
    }
    literal("],\"possibleHundredths\":", &out)
    integer(assessment.possibleHundredths, &out)
    literal(",\"providerID\":", &out)
    string(assessment.providerID, &out)
    literal(",\"rubricVersion\":", &out)
    string(assessment.rubricVersion, &out)
    literal(",\"score\":", &out)
    integer(assessment.score, &out)
    literal(",\"tier\":", &out)
    string(assessment.tier.rawValue, &out)
    out.append(UInt8(ascii: "}"))
    return out
  }

  private static func write(_ area: AreaScore, _ out: inout [UInt8]) {
    literal("{\"area\":", &out)
    string(area.area.rawValue, &out)
    literal(",\"earnedHundredths\":", &out)
    integer(area.earnedHundredths, &out)
    literal(",\"possibleHundredths\":", &out)
    integer(area.possibleHundredths, &out)
    if let score = area.score {
      literal(",\"score\":", &out)
      integer(score, &out)
    }
    out.append(UInt8(ascii: "}"))
  }

  private static func write(_ flag: RaisedFlag, _ out: inout [UInt8]) {
    literal("{\"basis\":", &out)
    write(flag.basis, &out)
    literal(",\"flagID\":", &out)
    string(flag.flagID, &out)
    literal(",\"reason\":", &out)
    string(flag.reason, &out)
    literal(",\"severity\":", &out)
    string(flag.severity.rawValue, &out)
    out.append(UInt8(ascii: "}"))
  }

  private static func write(_ outcome: CriterionOutcome, _ out: inout [UInt8]) {
    literal("{\"area\":", &out)
    string(outcome.area.rawValue, &out)
    literal(",\"basis\":", &out)
    write(outcome.basis, &out)
    literal(",\"criterionID\":", &out)
    string(outcome.criterionID, &out)
    literal(",\"earnedHundredths\":", &out)
    integer(outcome.earnedHundredths, &out)
    literal(",\"possibleHundredths\":", &out)
    integer(outcome.possibleHundredths, &out)
    literal(",\"reason\":", &out)
    string(outcome.reason, &out)
    literal(",\"status\":", &out)
    string(outcome.status.rawValue, &out)
    out.append(UInt8(ascii: "}"))
  }

  private static func write(_ basis: Basis, _ out: inout [UInt8]) {
    out.append(UInt8(ascii: "{"))
    if let date = basis.date {
      literal("\"date\":", &out)
      string(date.description, &out)
      out.append(UInt8(ascii: ","))
    }
    if let detail = basis.detail {
      literal("\"detail\":", &out)
      string(detail, &out)
      out.append(UInt8(ascii: ","))
    }
    literal("\"fact\":", &out)
    string(basis.fact.rawValue, &out)
    literal(",\"finding\":", &out)
    string(basis.finding.rawValue, &out)
    if let limit = basis.limit {
      literal(",\"limit\":", &out)
      integer(limit, &out)
    }
    if let number = basis.number {
      literal(",\"number\":", &out)
      integer(number, &out)
    }
    if let provenance = basis.provenance {
      literal(",\"provenance\":", &out)
      string(provenance.rawValue, &out)
    }
    if let qualifier = basis.qualifier {
      literal(",\"qualifier\":", &out)
      string(qualifier, &out)
    }
    if let subject = basis.subject {
      literal(",\"subject\":", &out)
      string(subject, &out)
    }
    if let unit = basis.unit {
      literal(",\"unit\":", &out)
      string(unit.rawValue, &out)
    }
    out.append(UInt8(ascii: "}"))
  }

  private static func literal(_ text: StaticString, _ out: inout [UInt8]) {
    text.withUTF8Buffer { out.append(contentsOf: $0) }
  }

  private static func string(_ text: String, _ out: inout [UInt8]) {
    CanonicalBuffer.write(string: text, into: &out)
  }

  private static func integer(_ value: Int, _ out: inout [UInt8]) {
    CanonicalBuffer.write(integer: value, into: &out)
  }
}
