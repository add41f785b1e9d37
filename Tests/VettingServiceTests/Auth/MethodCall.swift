import FramedRPC
import GRPCCore
import Testing
import VettingAPI

/// Every vetting method, callable with an empty request: the role matrix's rows.
struct MethodCall: Sendable, CustomTestStringConvertible {
  let service: String
  let method: String
  let call: @Sendable (ServiceHarness, Metadata) async throws -> Void

  var testDescription: String { "\(service)/\(method)" }

  static let all: [MethodCall] = directory + admin + tokens + audit

  static let directory: [MethodCall] = [
    .init(service: "Directory", method: "SearchProviders") {
      _ = try await $0.directory.searchProviders(.init(), metadata: $1)
    },
    .init(service: "Directory", method: "GetClinic") {
      _ = try await $0.directory.getClinic(.init(), metadata: $1)
    },
    .init(service: "Directory", method: "GetPractitioner") {
      _ = try await $0.directory.getPractitioner(.init(), metadata: $1)
    },
    .init(service: "Directory", method: "GetAssessment") {
      _ = try await $0.directory.getAssessment(.init(), metadata: $1)
    },
    .init(service: "Directory", method: "GetRubric") {
      _ = try await $0.directory.getRubric(.init(), metadata: $1)
    },
  ]

  static let admin: [MethodCall] = [
    .init(service: "Admin", method: "CreateClinic") {
      _ = try await $0.admin.createClinic(.init(), metadata: $1)
    },
    .init(service: "Admin", method: "UpdateClinic") {
      _ = try await $0.admin.updateClinic(.init(), metadata: $1)
    },
    .init(service: "Admin", method: "ArchiveClinic") {
      _ = try await $0.admin.archiveClinic(.init(), metadata: $1)
    },
    .init(service: "Admin", method: "AddLocation") {
      _ = try await $0.admin.addLocation(.init(), metadata: $1)
    },
    .init(service: "Admin", method: "UpdateLocation") {
      _ = try await $0.admin.updateLocation(.init(), metadata: $1)
    },
    .init(service: "Admin", method: "CreatePractitioner") {
      _ = try await $0.admin.createPractitioner(.init(), metadata: $1)
    },
    .init(service: "Admin", method: "UpdatePractitioner") {
      _ = try await $0.admin.updatePractitioner(.init(), metadata: $1)
    },
    .init(service: "Admin", method: "ArchivePractitioner") {
      _ = try await $0.admin.archivePractitioner(.init(), metadata: $1)
    },
    .init(service: "Admin", method: "Affiliate") {
      _ = try await $0.admin.affiliate(.init(), metadata: $1)
    },
    .init(service: "Admin", method: "AddLicense") {
      _ = try await $0.admin.addLicense(.init(), metadata: $1)
    },
    .init(service: "Admin", method: "AddTraining") {
      _ = try await $0.admin.addTraining(.init(), metadata: $1)
    },
    .init(service: "Admin", method: "AddEvidence") {
      _ = try await $0.admin.addEvidence(.init(), metadata: $1)
    },
    .init(service: "Admin", method: "VerifyEvidence") {
      _ = try await $0.admin.verifyEvidence(.init(), metadata: $1)
    },
    .init(service: "Admin", method: "GetEvidence") {
      _ = try await $0.admin.getEvidence(.init(), metadata: $1)
    },
    .init(service: "Admin", method: "SetPracticeProfile") {
      _ = try await $0.admin.setPracticeProfile(.init(), metadata: $1)
    },
    .init(service: "Admin", method: "Revet") {
      _ = try await $0.admin.revet(.init(), metadata: $1)
    },
    .init(service: "Admin", method: "RevetAll") {
      // A streaming method: drain it so its status is seen.
      try await $0.admin.revetAll(.init(), metadata: $1) { response in
        for try await _ in response.messages {}
      }
    },
    .init(service: "Admin", method: "ImportProviders") {
      _ = try await $0.admin.importProviders(.init(), metadata: $1)
    },
    .init(service: "Admin", method: "AddCertificate") {
      _ = try await $0.admin.addCertificate(.init(), metadata: $1)
    },
    .init(service: "Admin", method: "AddBoardCertification") {
      _ = try await $0.admin.addBoardCertification(.init(), metadata: $1)
    },
    .init(service: "Admin", method: "AddPartner") {
      _ = try await $0.admin.addPartner(.init(), metadata: $1)
    },
    .init(service: "Admin", method: "ListPartners") {
      _ = try await $0.admin.listPartners(.init(), metadata: $1)
    },
    .init(service: "Admin", method: "UpdateLicenseStatus") {
      _ = try await $0.admin.updateLicenseStatus(.init(), metadata: $1)
    },
    .init(service: "Admin", method: "Reverify") {
      _ = try await $0.admin.reverify(.init(), metadata: $1)
    },
    .init(service: "Admin", method: "EndRecord") {
      _ = try await $0.admin.endRecord(.init(), metadata: $1)
    },
  ]

  static let tokens: [MethodCall] = [
    .init(service: "Tokens", method: "IssueToken") {
      _ = try await $0.tokens.issueToken(.init(), metadata: $1)
    },
    .init(service: "Tokens", method: "RevokeToken") {
      _ = try await $0.tokens.revokeToken(.init(), metadata: $1)
    },
    .init(service: "Tokens", method: "ListTokens") {
      _ = try await $0.tokens.listTokens(.init(), metadata: $1)
    },
  ]

  /// The Audit methods stream; each is drained so its status is seen.
  static let audit: [MethodCall] = [
    .init(service: "Audit", method: "RunVettingReport") {
      try await $0.audit.runVettingReport(.init(), metadata: $1) { response in
        for try await _ in response.messages {}
      }
    },
    .init(service: "Audit", method: "GetAuditTrail") {
      try await $0.audit.getAuditTrail(.init(), metadata: $1) { response in
        for try await _ in response.messages {}
      }
    },
    .init(service: "Audit", method: "ListDueForReview") {
      try await $0.audit.listDueForReview(.init(), metadata: $1) { response in
        for try await _ in response.messages {}
      }
    },
    .init(service: "Audit", method: "CompareAssessments") {
      try await $0.audit.compareAssessments(.init(), metadata: $1) { response in
        for try await _ in response.messages {}
      }
    },
    .init(service: "Audit", method: "VerifyAuditLog") {
      try await $0.audit.verifyAuditLog(.init(), metadata: $1) { response in
        for try await _ in response.messages {}
      }
    },
  ]
}
