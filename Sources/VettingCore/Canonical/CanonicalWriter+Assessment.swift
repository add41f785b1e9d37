/// An ``Assessment`` (areas, outcomes, flags and their bases), member by member in key order,
/// exactly as its `Codable` conformances encode it (the outcomes' and flags' reasons included).
/// A property added to one of these types must be added here too, in key order: the debug check
/// in every encoding, and `CanonicalJSONTests`, fail until it is.
extension CanonicalWriter {
  mutating func write(_ assessment: Assessment) {
    object {
      $0.key("areas")
      $0.array(assessment.areas) { writer, area in
        writer.object {
          $0.member("area", area.area)
          $0.member("earnedHundredths", area.earnedHundredths)
          $0.member("possibleHundredths", area.possibleHundredths)
          $0.member("score", area.score)
        }
      }
      $0.member("asOf", assessment.asOf.description)
      $0.member("earnedHundredths", assessment.earnedHundredths)
      $0.key("flags")
      $0.array(assessment.flags) { writer, flag in
        writer.object {
          $0.key("basis")
          $0.write(flag.basis)
          $0.member("flagID", flag.flagID)
          $0.member("reason", flag.reason)
          $0.member("severity", flag.severity)
        }
      }
      $0.key("outcomes")
      $0.array(assessment.outcomes) { writer, outcome in
        writer.object {
          $0.member("area", outcome.area)
          $0.key("basis")
          $0.write(outcome.basis)
          $0.member("criterionID", outcome.criterionID)
          $0.member("earnedHundredths", outcome.earnedHundredths)
          $0.member("possibleHundredths", outcome.possibleHundredths)
          $0.member("reason", outcome.reason)
          $0.member("status", outcome.status)
        }
      }
      $0.member("possibleHundredths", assessment.possibleHundredths)
      $0.member("providerID", assessment.providerID)
      if let roles = assessment.roles {
        $0.key("roles")
        $0.array(roles) { writer, role in
          writer.object {
            $0.member("medical", role.medical)
            $0.member("mentalHealth", role.mentalHealth)
            $0.member("partner", role.partner)
            $0.member("reason", role.reason)
            $0.member("subject", role.subject)
          }
        }
      }
      $0.member("rubricVersion", assessment.rubricVersion)
      $0.member("score", assessment.score)
      $0.member("tier", assessment.tier)
    }
  }

  private mutating func write(_ basis: Basis) {
    object {
      $0.member("date", basis.date)
      $0.member("detail", basis.detail)
      $0.member("fact", basis.fact)
      $0.member("finding", basis.finding)
      $0.member("limit", basis.limit)
      $0.member("number", basis.number)
      if let provenance = basis.provenance { $0.member("provenance", provenance) }
      $0.member("qualifier", basis.qualifier)
      $0.member("subject", basis.subject)
      if let unit = basis.unit { $0.member("unit", unit) }
    }
  }
}
