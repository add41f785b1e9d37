import Foundation
import Testing

/// Onboarding a clinic and two practitioners from docs/examples, end to end, with the built
/// `vetctl` against a running vetting-server.
@Suite(.timeLimit(.minutes(5))) struct OnboardingTests {
  @Test func clinicAndTwoPractitionersFromTheExamples() async throws {
    try await RunningServer.with(label: "vetctl_onboarding") { server in
      let clinic = try await json(
        server.vetctl(["clinic", "add", "--file", Binaries.example("clinic.yaml"), "-o", "json"]))
      let clinicID = try #require(clinic["id"] as? String)
      #expect(clinic["name"] as? String == "Lakeshore Ketamine & Integration Clinic")

      // A retried create with the same external id and content returns the same clinic.
      let again = try await json(
        server.vetctl(["clinic", "add", "--file", Binaries.example("clinic.yaml"), "-o", "json"]))
      #expect(again["id"] as? String == clinicID)

      var people: [String] = []
      for file in ["practitioner-prescriber.yaml", "practitioner-therapist.yaml"] {
        let person = try await json(
          server.vetctl(["practitioner", "add", "--file", Binaries.example(file), "-o", "json"]))
        people.append(try #require(person["id"] as? String))
        #expect((person["licenses"] as? [Any])?.count == 1, "\(file): the license was added")
        #expect((person["trainings"] as? [Any])?.count == 1, "\(file): the training was added")
      }
      for (person, role) in zip(people, ["medical-director", "integration-therapist"]) {
        let outcome = try await server.vetctl([
          "affiliate", "--clinic", clinicID, "--practitioner", person, "--role", role,
        ])
        #expect(outcome.status == 0, "\(outcome)")
      }

      let profile = try await server.vetctl([
        "profile", "set", clinicID, "--file", Binaries.example("profile.yaml"),
      ])
      #expect(profile.status == 0, "\(profile)")
      #expect(profile.output.contains("profile_version  1"), "\(profile)")

      let evidence = try await json(
        server.vetctl([
          "evidence", "add", "--provider", clinicID, "--subject",
          "screening.urine-toxicology",
          "--description", "Urine toxicology policy", "--location", "dms://certs/42",
          "-o", "json",
        ]))
      let evidenceID = try #require(evidence["id"] as? String)
      let verified = try await server.vetctl([
        "evidence", "verify", evidenceID, "--verified-by", "staff:kim",
      ])
      #expect(verified.status == 0, "\(verified)")
      #expect(verified.output.contains("verified-by-staff"), "\(verified)")

      let vet = try await server.vetctl(["vet", clinicID])
      #expect(vet.status == 0, "\(vet)")
      // The server scores with 2026.1 (its default): a run meant for 2026.2 is refused.
      let otherVersion = try await server.vetctl(["vet", "--all", "--rubric", "2026.2"])
      #expect(otherVersion.status == 75, "\(otherVersion)")
      #expect(
        otherVersion.error.contains("start the servers with --rubric-version 2026.2 first"),
        "\(otherVersion)")
      let all = try await server.vetctl(["vet", "--all", "--rubric", "2026.1", "-o", "csv"])
      #expect(all.status == 0, "\(all)")
      // Assessed today with the server's version: skipped, not re-assessed.
      #expect(all.output == "done,total,rescored,tier_changes,skipped\n1,1,0,0,1\n", "\(all)")
      let report = try await server.vetctl(["show-assessment", clinicID])
      #expect(report.status == 0, "\(report)")
      for heading in ["Score", "Areas", "Red flags", "Criteria: licensure", "Criteria: screening"] {
        #expect(report.output.contains(heading), "show-assessment has \(heading): \(report.output)")
      }

      let search = try await server.vetctl([
        "search", "--near-postal-code", "48933", "--radius", "25", "--unit", "mi", "-o", "json",
      ])
      #expect(search.status == 0, "\(search)")
      let hits = try #require(
        JSONSerialization.jsonObject(with: Data(search.output.utf8)) as? [[String: String]])
      #expect(hits.map { $0["id"] } == [clinicID])
      #expect(hits.first?["tier"] != "", "the clinic is assessed")

      let shown = try await json(server.vetctl(["clinic", "show", clinicID, "-o", "json"]))
      #expect((shown["affiliations"] as? [Any])?.count == 2)
    }
  }

  private func json(_ outcome: Spawned.Outcome) throws -> [String: Any] {
    guard outcome.status == 0 else { throw SpawnError("vetctl failed: \(outcome)") }
    guard
      let object = try JSONSerialization.jsonObject(with: Data(outcome.output.utf8))
        as? [String: Any]
    else { throw SpawnError("not a JSON object: \(outcome.output)") }
    return object
  }
}
