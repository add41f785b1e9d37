import GRPCCore
public import VettingAPI

/// Certificates, board certifications, partners and the credential lifecycle.
extension VettingClient {
  /// `vetting.v1.Admin/AddCertificate`. Not retried: it may have been applied before a failure
  /// was seen (retry with the same external id instead).
  public func addCertificate(
    _ request: Vetting_V1_AddCertificateRequest, options: VettingCallOptions = .defaults
  ) async throws -> Vetting_V1_Certificate {
    let client = self.admin
    return try await self.call(request, options: options, idempotent: false) {
      try await client.addCertificate(request: $0, options: $1)
    }
  }

  /// `vetting.v1.Admin/AddBoardCertification`. Not retried.
  public func addBoardCertification(
    _ request: Vetting_V1_AddBoardCertificationRequest, options: VettingCallOptions = .defaults
  ) async throws -> Vetting_V1_BoardCertification {
    let client = self.admin
    return try await self.call(request, options: options, idempotent: false) {
      try await client.addBoardCertification(request: $0, options: $1)
    }
  }

  /// `vetting.v1.Admin/AddPartner`. Not retried.
  public func addPartner(
    _ request: Vetting_V1_AddPartnerRequest, options: VettingCallOptions = .defaults
  ) async throws -> Vetting_V1_Partner {
    let client = self.admin
    return try await self.call(request, options: options, idempotent: false) {
      try await client.addPartner(request: $0, options: $1)
    }
  }

  /// `vetting.v1.Admin/ListPartners`. A read: retried on UNAVAILABLE within the deadline.
  public func listPartners(
    _ request: Vetting_V1_ListPartnersRequest, options: VettingCallOptions = .defaults
  ) async throws -> Vetting_V1_ListPartnersResponse {
    let client = self.admin
    return try await self.call(request, options: options, idempotent: true) {
      try await client.listPartners(request: $0, options: $1)
    }
  }

  /// `vetting.v1.Admin/UpdateLicenseStatus`. Not retried.
  public func updateLicenseStatus(
    _ request: Vetting_V1_UpdateLicenseStatusRequest, options: VettingCallOptions = .defaults
  ) async throws -> Vetting_V1_License {
    let client = self.admin
    return try await self.call(request, options: options, idempotent: false) {
      try await client.updateLicenseStatus(request: $0, options: $1)
    }
  }

  /// `vetting.v1.Admin/Reverify`. Not retried.
  public func reverify(
    _ request: Vetting_V1_ReverifyRequest, options: VettingCallOptions = .defaults
  ) async throws -> Vetting_V1_RecordVersion {
    let client = self.admin
    return try await self.call(request, options: options, idempotent: false) {
      try await client.reverify(request: $0, options: $1)
    }
  }

  /// `vetting.v1.Admin/EndRecord`. Not retried.
  public func endRecord(
    _ request: Vetting_V1_EndRecordRequest, options: VettingCallOptions = .defaults
  ) async throws -> Vetting_V1_RecordVersion {
    let client = self.admin
    return try await self.call(request, options: options, idempotent: false) {
      try await client.endRecord(request: $0, options: $1)
    }
  }
}
