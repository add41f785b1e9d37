import VettingAPI
import VettingCore
import VettingStore

extension ReportSummary {
  /// The wire summary: every tier (best first), the ten score buckets, flags by frequency with
  /// their severity under `rubric` (the directory's scoring version, which it also names).
  func proto(rubric: Rubric) -> Vetting_V1_ReportSummary {
    .with {
      $0.asOf = asOf.proto
      $0.providers = Int64(providers)
      $0.assessed = Int64(assessed)
      $0.unassessed = Int64(unassessed)
      $0.tiers = Tier.allCases.sorted().map { tier in
        .with {
          $0.tier = tier.proto
          $0.count = Int64(tierCounts[tier] ?? 0)
        }
      }
      $0.scoreHistogram = histogram.indices.map { index in
        let range = Self.bucketRange(index)
        return .with {
          $0.min = Int32(range.lowerBound)
          $0.max = Int32(range.upperBound)
          $0.count = Int64(histogram[index])
        }
      }
      $0.flags = flagFrequencies.map { entry in
        .with {
          $0.flagID = entry.flagID
          $0.severity =
            FlagCatalog.severity(of: entry.flagID, version: rubric.version)?.proto ?? .unspecified
          $0.count = Int64(entry.count)
        }
      }
      $0.meanScore = meanScore
      $0.currentRubricVersion = rubric.version
    }
  }
}
