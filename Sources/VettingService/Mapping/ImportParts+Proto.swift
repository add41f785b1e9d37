import Foundation
import GRPCCore
import VettingAPI
import VettingCore
import VettingStore

extension ImportParts {
  /// The store parts of a wire import record; a refused element is named
  /// `parts.<list>[<index>].<field>`.
  init(proto parts: Vetting_V1_ImportParts) throws {
    self.init()
    licenses = try Self.each(parts.licenses, "licenses", "license.") {
      try LicenseInput(proto: $0)
    }
    trainings = try Self.each(parts.trainings, "trainings", "training.") {
      try TrainingInput(proto: $0)
    }
    certificates = try Self.each(parts.certificates, "certificates", "certificate.") {
      try CertificateInput(proto: $0)
    }
    boardCertifications = try Self.each(
      parts.boardCertifications, "board_certifications", "board_certification."
    ) { try BoardCertificationInput(proto: $0) }
    partners = try Self.each(parts.partners, "partners", "partner.") {
      try PartnerInput(proto: $0)
    }
    evidence = try Self.each(parts.evidence, "evidence", "evidence.") {
      try EvidenceInput(proto: $0)
    }
    team = try parts.team.enumerated().map { index, member in
      ImportParts.TeamMember(
        practitionerExternalID: member.practitionerExternalID,
        role: try TeamRole(proto: member.role, field: "parts.team[\(index)].role"))
    }
    if !parts.profileJson.isEmpty {
      do {
        profile = try PracticeQuestionnaire.decode(json: Data(parts.profileJson.utf8))
      } catch {
        throw ServiceError.invalidArgument(
          field: error.path.isEmpty ? "parts.profile_json" : "parts.profile_json.\(error.path)",
          error.message)
      }
    }
  }

  /// Maps each element, renaming a refused field `<prefix>x` to `parts.<list>[<index>].x`.
  private static func each<Wire, Input>(
    _ elements: [Wire], _ list: String, _ prefix: String, _ map: (Wire) throws -> Input
  ) throws -> [Input] {
    try elements.enumerated().map { index, element in
      do {
        return try map(element)
      } catch let error as RPCError
        where error.code == .invalidArgument && error.message.hasPrefix(prefix)
      {
        throw RPCError(
          code: .invalidArgument,
          message: "parts.\(list)[\(index)]." + error.message.dropFirst(prefix.count))
      }
    }
  }
}
