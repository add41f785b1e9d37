import Foundation
import SwiftProtobuf
import VettingAPI

@testable import VetctlCore

/// Report rows and summaries built by hand, for the renderers' unit tests.
enum ReportFixtures {
  /// Names a hostile or careless admin might type.
  static let hostileNames = [
    "<script>alert(\"pwned\")</script>",
    "\"><img src=x onerror=alert(1)>",
    "O'Brien & Daughters \"Ketamine\" <Clinic>",
    "Tom &amp; Jerry's",
    String(repeating: "Long&<Name>\"", count: 834),  // 10,008 characters
  ]

  static func assessedRow(
    id: String = "11111111-2222-4333-8444-555555555555", name: String = "Lakeshore Clinic",
    tier: Vetting_V1_Tier = .vetted, score: Int32 = 74, details: Bool = true
  ) -> Vetting_V1_ReportRow {
    .with {
      $0.providerID = id
      $0.kind = .clinic
      $0.name = name
      $0.city = "Lansing"
      $0.state = "MI"
      $0.postalCode = "48933"
      $0.assessed = true
      $0.assessmentID = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee"
      $0.tier = tier
      $0.score = score
      $0.areas = [
        .with {
          $0.area = "licensure"
          $0.score = 100
          $0.applicable = true
        },
        .with {
          $0.area = "at-home-supervision"
          $0.applicable = false
        },
      ]
      $0.flags = [
        .with {
          $0.flagID = "integration.no-integration"
          $0.severity = .major
          $0.reason = details ? "no integration <sessions> & no referral" : ""
        }
      ]
      $0.assessedAt = Google_Protobuf_Timestamp(seconds: 1_740_000_000, nanos: 123_456_000)
      $0.assessmentAsOf = .with {
        $0.year = 2025
        $0.month = 2
        $0.day = 19
      }
      $0.rubricVersion = "2026.1"
      if details {
        $0.detail = .with {
          $0.criteria = [
            .with {
              $0.criterionID = "licensure.prescriber-licensed"
              $0.area = "licensure"
              $0.status = .met
              $0.possibleHundredths = 800
              $0.earnedHundredths = 800
              $0.reason = "MI MD license \"4301098765\" active & verified"
            },
            .with {
              $0.criterionID = "integration.sessions"
              $0.area = "integration"
              $0.status = .notMet
              $0.possibleHundredths = 600
              $0.earnedHundredths = 0
              $0.reason = "no <integration> sessions offered"
            },
          ]
          $0.flags = [
            .with {
              $0.flagID = "integration.no-integration"
              $0.severity = .major
              $0.reason = "no integration <sessions> & no referral"
            }
          ]
        }
      }
    }
  }

  static func unassessedRow(name: String = "New Practice") -> Vetting_V1_ReportRow {
    .with {
      $0.providerID = "99999999-2222-4333-8444-555555555555"
      $0.kind = .practitioner
      $0.name = name
    }
  }

  static func summary() -> Vetting_V1_ReportSummary {
    .with {
      $0.asOf = Google_Protobuf_Timestamp(seconds: 1_750_000_000, nanos: 0)
      $0.providers = 5
      $0.assessed = 4
      $0.unassessed = 1
      $0.tiers = [
        .with {
          $0.tier = .recommended
          $0.count = 1
        },
        .with {
          $0.tier = .vetted
          $0.count = 2
        },
        .with {
          $0.tier = .conditional
          $0.count = 0
        },
        .with {
          $0.tier = .notVetted
          $0.count = 1
        },
      ]
      $0.scoreHistogram = (0..<10).map { index in
        .with {
          $0.min = Int32(index * 10)
          $0.max = index == 9 ? 100 : Int32(index * 10 + 9)
          $0.count = index == 7 ? 3 : (index == 2 ? 1 : 0)
        }
      }
      $0.flags = [
        .with {
          $0.flagID = "integration.no-integration"
          $0.severity = .major
          $0.count = 2
        },
        .with {
          $0.flagID = "<b>unknown</b>"
          $0.severity = .unspecified
          $0.count = 1
        },
      ]
      $0.meanScore = 61.25
      $0.currentRubricVersion = "2026.1"
    }
  }

  static let context = ReportContext(
    title: "Q1 <audit> & \"review\"", filters: [(label: "State", value: "MI")],
    generatedAt: "2025-06-15T12:00:00Z")
}
