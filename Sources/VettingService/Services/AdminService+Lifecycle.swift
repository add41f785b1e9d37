import GRPCCore
import VettingAPI
import VettingCore
import VettingStore

/// The credential lifecycle: standing changes, re-verification, ending and archiving.
extension AdminService {
  public func updateLicenseStatus(
    request: Vetting_V1_UpdateLicenseStatusRequest, context: ServerContext
  ) async throws -> Vetting_V1_License {
    let actor = try Principal.required.auditActor
    return try await ServiceError.mapping(logger: logger) {
      try await directory.updateLicenseStatus(
        licenseID: try RequestField.uuid(request.licenseID, "license_id"),
        expectedVersion: try RequestField.version(request.expectedVersion),
        status: try LicenseStatus(proto: request.status, field: "status"),
        changedOn: try RequestField.day(
          request.changedOn, present: request.hasChangedOn, "changed_on"),
        reason: RequestField.optional(request.reason), actor: actor
      ).proto
    }
  }

  public func reverify(
    request: Vetting_V1_ReverifyRequest, context: ServerContext
  ) async throws -> Vetting_V1_RecordVersion {
    let actor = try Principal.required.auditActor
    return try await ServiceError.mapping(logger: logger) {
      try await directory.reverify(
        try LifecycleRecord(proto: request.kind, field: "kind"),
        id: try RequestField.uuid(request.id, "id"),
        expectedVersion: try RequestField.version(request.expectedVersion),
        provenance: try Provenance(proto: request.provenance, field: "provenance"),
        verifiedBy: request.verifiedBy,
        expiresOn: try RequestField.day(
          request.expiresOn, present: request.hasExpiresOn, "expires_on"),
        actor: actor
      ).proto
    }
  }

  public func endRecord(
    request: Vetting_V1_EndRecordRequest, context: ServerContext
  ) async throws -> Vetting_V1_RecordVersion {
    let actor = try Principal.required.auditActor
    return try await ServiceError.mapping(logger: logger) {
      try await directory.endRecord(
        try LifecycleRecord(proto: request.kind, field: "kind"),
        id: try RequestField.uuid(request.id, "id"),
        expectedVersion: try RequestField.version(request.expectedVersion),
        endedOn: try RequestField.day(request.endedOn, present: request.hasEndedOn, "ended_on"),
        reason: RequestField.optional(request.reason), actor: actor
      ).proto
    }
  }
}
