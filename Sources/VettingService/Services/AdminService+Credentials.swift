import GRPCCore
import VettingAPI
import VettingStore

/// Certificates, board certifications and partners: the facts the rubric scores that a team
/// member's own record does not hold.
extension AdminService {
  public func addCertificate(
    request: Vetting_V1_AddCertificateRequest, context: ServerContext
  ) async throws -> Vetting_V1_Certificate {
    let actor = try Principal.required.auditActor
    return try await ServiceError.mapping(logger: logger) {
      let practitionerID = try RequestField.uuid(request.practitionerID, "practitioner_id")
      return try await directory.addCertificate(
        practitionerID: practitionerID, CertificateInput(proto: request.certificate),
        externalID: RequestField.optional(request.externalID), actor: actor
      ).proto
    }
  }

  public func addBoardCertification(
    request: Vetting_V1_AddBoardCertificationRequest, context: ServerContext
  ) async throws -> Vetting_V1_BoardCertification {
    let actor = try Principal.required.auditActor
    return try await ServiceError.mapping(logger: logger) {
      let practitionerID = try RequestField.uuid(request.practitionerID, "practitioner_id")
      return try await directory.addBoardCertification(
        practitionerID: practitionerID,
        BoardCertificationInput(proto: request.boardCertification),
        externalID: RequestField.optional(request.externalID), actor: actor
      ).proto
    }
  }

  public func addPartner(
    request: Vetting_V1_AddPartnerRequest, context: ServerContext
  ) async throws -> Vetting_V1_Partner {
    let actor = try Principal.required.auditActor
    return try await ServiceError.mapping(logger: logger) {
      let providerID = try RequestField.uuid(request.providerID, "provider_id")
      return try await directory.addPartner(
        providerID: providerID, PartnerInput(proto: request.partner),
        externalID: RequestField.optional(request.externalID), actor: actor
      ).proto
    }
  }

  public func listPartners(
    request: Vetting_V1_ListPartnersRequest, context: ServerContext
  ) async throws -> Vetting_V1_ListPartnersResponse {
    _ = try Principal.required
    return try await ServiceError.mapping(logger: logger) {
      let providerID = try RequestField.uuid(request.providerID, "provider_id")
      let partners = try await directory.partners(providerID: providerID)
      return .with { $0.partners = partners.map(\.proto) }
    }
  }
}
