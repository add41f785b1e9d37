import Foundation
import Testing

/// Every error class gives its documented exit status and a message that names the problem.
@Suite(.timeLimit(.minutes(5))) struct ErrorPathTests {
  struct Case: Sendable, CustomStringConvertible {
    var name: String
    var arguments: [String]
    var token: String?
    var status: Int32
    var message: String

    var description: String { name }
  }

  @Test func eachErrorHasItsExitStatusAndMessage() async throws {
    try await RunningServer.with(label: "vetctl_errors") { server in
      let clinic = try await server.vetctl([
        "clinic", "add", "--external-id", "err-1", "--name", "Error Clinic", "-o", "csv",
      ])
      #expect(clinic.status == 0, "\(clinic)")
      let clinicID = try clinic.csvField(line: 1, column: 0)
      let referral = try await server.vetctl([
        "token", "issue", "--name", "ref", "--role", "referral", "-o", "csv",
      ])
      let referralToken = try referral.csvField(line: 1, column: 3)
      let badProfile = FileManager.default.temporaryDirectory.appendingPathComponent(
        "bad-profile-\(UUID()).yaml")
      try "practice:\n  screening:\n    urineTox: {value: true, provenance: self-reported}\n".write(
        to: badProfile, atomically: true, encoding: .utf8)
      defer { try? FileManager.default.removeItem(at: badProfile) }

      let cases: [Case] = [
        Case(
          name: "not found", arguments: ["clinic", "show", "00000000-0000-4000-8000-000000000000"],
          status: 66, message: "no clinic with id 00000000-0000-4000-8000-000000000000"),
        Case(
          name: "invalid id", arguments: ["clinic", "show", "nope"], status: 65,
          message: "id: is not a UUID"),
        Case(
          name: "invalid NPI",
          arguments: [
            "clinic", "add", "--external-id", "err-2", "--name", "X", "--npi", "1234567890",
          ], status: 65, message: "npi"),
        Case(
          name: "unauthenticated", arguments: ["clinic", "show", clinicID], token: "pv_wrong",
          status: 77, message: "unauthenticated"),
        Case(
          name: "permission", arguments: ["clinic", "archive", clinicID], token: referralToken,
          status: 77, message: "role referral"),
        Case(
          name: "stale version",
          arguments: ["clinic", "update", clinicID, "--name", "Y", "--expected-version", "9"],
          status: 75, message: "not 9"),
        Case(
          name: "external id taken",
          arguments: ["clinic", "add", "--external-id", "err-1", "--name", "Other"], status: 75,
          message: "external id err-1"),
        Case(
          name: "unavailable",
          arguments: ["clinic", "show", clinicID, "--server", "127.0.0.1:1", "--timeout", "3"],
          status: 69, message: "could not connect"),
        Case(
          name: "usage: unknown subcommand", arguments: ["clinic", "frob"], status: 64,
          message: "frob"),
        Case(
          name: "usage: radius without near", arguments: ["search", "--radius", "5"], status: 64,
          message: "--radius"),
        Case(
          name: "usage: bad route", arguments: ["search", "--route", "oral"], status: 64,
          message: "--route: \"oral\""),
        Case(
          name: "misspelt profile key",
          arguments: ["profile", "set", clinicID, "--file", badProfile.path], status: 65,
          message: "urineTox"),
        Case(
          name: "missing file",
          arguments: ["profile", "set", clinicID, "--file", "/nonexistent.yaml"], status: 66,
          message: "/nonexistent.yaml: no such file"),
      ]
      for testCase in cases {
        let outcome = try await server.vetctl(testCase.arguments, token: testCase.token)
        #expect(outcome.status == testCase.status, "\(testCase.name): \(outcome)")
        #expect(outcome.error.contains(testCase.message), "\(testCase.name): \(outcome)")
        #expect(outcome.output.isEmpty, "\(testCase.name): nothing on standard output")
      }
    }
  }
}
