import Foundation
import SwiftProtobuf
import Testing
import VettingAPI
import VettingCore

/// The rubric's reachability once more, through `vetctl import` alone: the whole providers of
/// docs/examples/import-whole-providers.json (team members with their licenses, trainings,
/// certificates, board certifications and evidence; clinics with their team and questionnaire; a
/// solo counselor) earn every criterion in full and raise every flag, as the Admin API test does,
/// under each published rubric version (a server started with `--rubric-version`).
@Suite(.timeLimit(.minutes(5))) struct ImportReachabilityTests {
  @Test(arguments: Rubric.all.map(\.version))
  func everyCriterionAndFlagThroughImport(_ version: String) async throws {
    let rubric = try #require(Rubric.named(version))
    try await RunningServer.with(
      label: "vetctl_import_reach", serverArguments: ["--rubric-version", version]
    ) { server in
      let file = Binaries.example("import-whole-providers.json")
      let imported = try await server.vetctl(["import", file])
      #expect(imported.status == 0, "\(imported)")
      #expect(imported.output.hasPrefix("created 7, updated 0, unchanged 0, rejected 0"))

      func assessment(_ text: String) async throws -> Vetting_V1_Assessment {
        let ids = try await server.vetctl(["search", "--text", text, "-o", "id"])
        let id = try #require(ids.output.split(separator: "\n").first.map(String.init), "\(ids)")
        let shown = try await server.vetctl(["show-assessment", id, "--output", "json"])
        return try Vetting_V1_Assessment(jsonString: shown.output)
      }
      let exemplary = try await assessment("Whole Exemplary Clinic")
      #expect(exemplary.rubricVersion == version)
      for criterion in rubric.criteria {
        let result = exemplary.criteria.first { $0.criterionID == criterion.id }
        #expect(
          result?.status == .met && result?.earnedHundredths == result?.possibleHundredths,
          "criterion \(criterion.id) is not earned in full through import: \(result?.reason ?? "")")
      }
      #expect(exemplary.flags.isEmpty, "\(exemplary.flags.map(\.flagID))")

      let raised = Set(
        try await assessment("Whole Failing Clinic").flags.map(\.flagID)
          + assessment("Dana Reyes").flags.map(\.flagID))
      // A flag whose condition waits for a later as-of day than today's is raised by date in
      // RubricV2Tests (see RubricReachabilityTests).
      for flag in rubric.flags
      where
        !(flag.id == "home.no-in-person-evaluation-required-by-law"
        && Day(Date()) <= Day(year: 2026, month: 12, day: 31)!)
      {
        #expect(raised.contains(flag.id), "flag \(flag.id) is not raised through import")
      }

      // Re-importing the same file changes nothing, parts included.
      let again = try await server.vetctl(["import", file])
      #expect(again.output.hasPrefix("created 0, updated 0, unchanged 7"), "\(again)")
    }
  }

  @Test func aChangedPartRejectsItsRecordNamingThePart() async throws {
    try await RunningServer.with(label: "vetctl_import_parts") { server in
      let path = FileManager.default.temporaryDirectory.appendingPathComponent(
        "parts-\(UUID()).json")
      defer { try? FileManager.default.removeItem(at: path) }
      func write(hours: Int, state: String) throws {
        let record: [String: Any] = [
          "kind": "practitioner", "external_id": "parts-ada", "given_name": "Ada",
          "family_name": "Quill", "roles": ["therapist"], "discipline": "psychotherapy",
          "licenses": [
            [
              "state": state, "type": "LPC", "number": "1", "status": "LICENSE_STATUS_ACTIVE",
              "provenance": "PROVENANCE_SELF_REPORTED",
            ]
          ],
          "trainings": [
            ["program": "fluence", "hours": hours, "provenance": "PROVENANCE_SELF_REPORTED"]
          ],
        ]
        try JSONSerialization.data(withJSONObject: [record]).write(to: path)
      }
      try write(hours: 40, state: "MI")
      let first = try await server.vetctl(["import", path.path])
      #expect(first.output.hasPrefix("created 1"), "\(first)")
      try write(hours: 48, state: "MI")
      let changed = try await server.vetctl(["import", path.path])
      #expect(changed.status == 65, "\(changed)")
      #expect(changed.output.contains("parts.trainings[0]"), "\(changed)")
      try write(hours: 40, state: "XX")
      let invalid = try await server.vetctl(["import", path.path])
      #expect(invalid.output.contains("parts.licenses[0].state"), "\(invalid)")
    }
  }
}
