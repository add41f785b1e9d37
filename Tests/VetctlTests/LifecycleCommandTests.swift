import Foundation
import Testing

/// The credential lifecycle through `vetctl`, as staff run it: a suspension and reinstatement,
/// re-verification and archiving, a partner ended and removed, with the exit statuses scripts
/// rely on.
@Suite(.timeLimit(.minutes(5))) struct LifecycleCommandTests {
  @Test func licensesCertificatesAndPartners() async throws {
    try await RunningServer.with(label: "vetctl_lifecycle") { server in
      func run(_ arguments: [String]) async throws -> String {
        let outcome = try await server.vetctl(arguments)
        try #require(outcome.status == 0, "vetctl \(arguments.joined(separator: " ")): \(outcome)")
        return outcome.output.trimmingCharacters(in: .whitespacesAndNewlines)
      }
      let person = try await run([
        "practitioner", "add", "--external-id", "lifecycle-ines", "--given-name", "Ines",
        "--family-name", "Marsh", "--role", "prescriber", "--role", "therapist",
        "--discipline", "psychiatry", "--solo", "true", "--address", "1 Main St", "--city",
        "Lansing", "--state", "MI", "--postal-code", "48933", "-o", "id",
      ])
      let license = try await run([
        "license", "add", "--practitioner", person, "--state", "MI", "--type", "MD", "--number",
        "4301", "-o", "id",
      ])
      // The solo practice is found by place.
      #expect(
        try await run(["search", "--city", "Lansing", "--state", "MI", "-o", "id"])
          .split(separator: "\n").contains { $0 == person })

      let suspended = try await run([
        "license", "set-status", license, "--expected-version", "1", "--status", "suspended",
        "--reason", "Board order", "-o", "json",
      ])
      #expect(suspended.contains("LICENSE_STATUS_SUSPENDED"), "\(suspended)")
      let flagged = try await run(["show-assessment", person])
      #expect(flagged.contains("licensure.license-revoked-or-suspended"))
      let stale = try await server.vetctl([
        "license", "set-status", license, "--expected-version", "1", "--status", "active",
      ])
      #expect(stale.status == 75, "\(stale)")
      _ = try await run([
        "license", "set-status", license, "--expected-version", "2", "--status", "active",
      ])
      #expect(!(try await run(["show-assessment", person])).contains("revoked-or-suspended"))
      let reverified = try await run([
        "license", "reverify", license, "--expected-version", "3", "--verified-by",
        "MI LARA lookup", "--provenance", "public-registry", "-o", "csv",
      ])
      #expect(reverified.contains(",4,"), "\(reverified)")

      let certificate = try await run([
        "certificate", "add", "--practitioner", person, "--kind", "bls", "--issued-on",
        "2026-01-10", "--expires-on", "2028-01-31", "-o", "id",
      ])
      let backwards = try await server.vetctl([
        "certificate", "add", "--practitioner", person, "--kind", "acls", "--issued-on",
        "2026-01-10", "--expires-on", "2025-01-31",
      ])
      #expect(backwards.status == 65 && backwards.error.contains("certificate.expires_on"))
      _ = try await run(["certificate", "archive", certificate, "--expected-version", "1"])

      let partner = try await run([
        "partner", "add", "--provider", person, "--name", "Lakeside Therapy", "--role",
        "therapist", "--license", "MI:LPC:6401", "-o", "id",
      ])
      let badLicense = try await server.vetctl([
        "partner", "add", "--provider", person, "--name", "X", "--role", "therapist",
        "--license", "MI-LPC",
      ])
      #expect(badLicense.status == 64, "\(badLicense)")
      _ = try await run([
        "partner", "end", partner, "--expected-version", "1", "--ended-on", "2026-01-31",
      ])
      let listed = try await run(["partner", "list", "--provider", person, "-o", "csv"])
      #expect(listed.contains("2026-01-31"), "\(listed)")
      _ = try await run(["partner", "remove", partner, "--expected-version", "2"])
      #expect(try await run(["partner", "list", "--provider", person, "-o", "id"]).isEmpty)
      let trail = try await run(["audit-trail", person, "-o", "csv"])
      for action in ["update_status", "verify", "archive", "end"] {
        #expect(trail.contains(action), "audit trail lacks \(action)")
      }
    }
  }
}
