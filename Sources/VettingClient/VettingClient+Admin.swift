import GRPCCore
public import VettingAPI

extension VettingClient {
  /// `vetting.v1.Admin/CreateClinic`.
  ///
  /// Not retried: it may have been applied before a failure was seen.
  public func createClinic(
    _ request: Vetting_V1_CreateClinicRequest,
    options: VettingCallOptions = .defaults
  ) async throws -> Vetting_V1_Clinic {
    let client = self.admin
    return try await self.call(request, options: options, idempotent: false) {
      request, callOptions in
      try await client.createClinic(request: request, options: callOptions)
    }
  }

  /// `vetting.v1.Admin/UpdateClinic`.
  ///
  /// Not retried: it may have been applied before a failure was seen.
  public func updateClinic(
    _ request: Vetting_V1_UpdateClinicRequest,
    options: VettingCallOptions = .defaults
  ) async throws -> Vetting_V1_Clinic {
    let client = self.admin
    return try await self.call(request, options: options, idempotent: false) {
      request, callOptions in
      try await client.updateClinic(request: request, options: callOptions)
    }
  }

  /// `vetting.v1.Admin/ArchiveClinic`.
  ///
  /// Not retried: it may have been applied before a failure was seen.
  public func archiveClinic(
    _ request: Vetting_V1_ArchiveRequest,
    options: VettingCallOptions = .defaults
  ) async throws -> Vetting_V1_ArchiveResponse {
    let client = self.admin
    return try await self.call(request, options: options, idempotent: false) {
      request, callOptions in
      try await client.archiveClinic(request: request, options: callOptions)
    }
  }

  /// `vetting.v1.Admin/AddLocation`.
  ///
  /// Not retried: it may have been applied before a failure was seen.
  public func addLocation(
    _ request: Vetting_V1_AddLocationRequest,
    options: VettingCallOptions = .defaults
  ) async throws -> Vetting_V1_Location {
    let client = self.admin
    return try await self.call(request, options: options, idempotent: false) {
      request, callOptions in
      try await client.addLocation(request: request, options: callOptions)
    }
  }

  /// `vetting.v1.Admin/UpdateLocation`.
  ///
  /// Not retried: it may have been applied before a failure was seen.
  public func updateLocation(
    _ request: Vetting_V1_UpdateLocationRequest,
    options: VettingCallOptions = .defaults
  ) async throws -> Vetting_V1_Location {
    let client = self.admin
    return try await self.call(request, options: options, idempotent: false) {
      request, callOptions in
      try await client.updateLocation(request: request, options: callOptions)
    }
  }

  /// `vetting.v1.Admin/CreatePractitioner`.
  ///
  /// Not retried: it may have been applied before a failure was seen.
  public func createPractitioner(
    _ request: Vetting_V1_CreatePractitionerRequest,
    options: VettingCallOptions = .defaults
  ) async throws -> Vetting_V1_Practitioner {
    let client = self.admin
    return try await self.call(request, options: options, idempotent: false) {
      request, callOptions in
      try await client.createPractitioner(request: request, options: callOptions)
    }
  }

  /// `vetting.v1.Admin/UpdatePractitioner`.
  ///
  /// Not retried: it may have been applied before a failure was seen.
  public func updatePractitioner(
    _ request: Vetting_V1_UpdatePractitionerRequest,
    options: VettingCallOptions = .defaults
  ) async throws -> Vetting_V1_Practitioner {
    let client = self.admin
    return try await self.call(request, options: options, idempotent: false) {
      request, callOptions in
      try await client.updatePractitioner(request: request, options: callOptions)
    }
  }

  /// `vetting.v1.Admin/ArchivePractitioner`.
  ///
  /// Not retried: it may have been applied before a failure was seen.
  public func archivePractitioner(
    _ request: Vetting_V1_ArchiveRequest,
    options: VettingCallOptions = .defaults
  ) async throws -> Vetting_V1_ArchiveResponse {
    let client = self.admin
    return try await self.call(request, options: options, idempotent: false) {
      request, callOptions in
      try await client.archivePractitioner(request: request, options: callOptions)
    }
  }

  /// `vetting.v1.Admin/Affiliate`.
  ///
  /// Not retried: it may have been applied before a failure was seen.
  public func affiliate(
    _ request: Vetting_V1_AffiliateRequest,
    options: VettingCallOptions = .defaults
  ) async throws -> Vetting_V1_Affiliation {
    let client = self.admin
    return try await self.call(request, options: options, idempotent: false) {
      request, callOptions in
      try await client.affiliate(request: request, options: callOptions)
    }
  }

  /// `vetting.v1.Admin/AddLicense`.
  ///
  /// Not retried: it may have been applied before a failure was seen.
  public func addLicense(
    _ request: Vetting_V1_AddLicenseRequest,
    options: VettingCallOptions = .defaults
  ) async throws -> Vetting_V1_License {
    let client = self.admin
    return try await self.call(request, options: options, idempotent: false) {
      request, callOptions in
      try await client.addLicense(request: request, options: callOptions)
    }
  }

  /// `vetting.v1.Admin/AddTraining`.
  ///
  /// Not retried: it may have been applied before a failure was seen.
  public func addTraining(
    _ request: Vetting_V1_AddTrainingRequest,
    options: VettingCallOptions = .defaults
  ) async throws -> Vetting_V1_Training {
    let client = self.admin
    return try await self.call(request, options: options, idempotent: false) {
      request, callOptions in
      try await client.addTraining(request: request, options: callOptions)
    }
  }

  /// `vetting.v1.Admin/AddEvidence`.
  ///
  /// Not retried: it may have been applied before a failure was seen.
  public func addEvidence(
    _ request: Vetting_V1_AddEvidenceRequest,
    options: VettingCallOptions = .defaults
  ) async throws -> Vetting_V1_Evidence {
    let client = self.admin
    return try await self.call(request, options: options, idempotent: false) {
      request, callOptions in
      try await client.addEvidence(request: request, options: callOptions)
    }
  }

  /// `vetting.v1.Admin/VerifyEvidence`.
  ///
  /// Not retried: it may have been applied before a failure was seen.
  public func verifyEvidence(
    _ request: Vetting_V1_VerifyEvidenceRequest,
    options: VettingCallOptions = .defaults
  ) async throws -> Vetting_V1_Evidence {
    let client = self.admin
    return try await self.call(request, options: options, idempotent: false) {
      request, callOptions in
      try await client.verifyEvidence(request: request, options: callOptions)
    }
  }

  /// `vetting.v1.Admin/GetEvidence`: one evidence item with its version.
  ///
  /// A read: retried on UNAVAILABLE.
  public func getEvidence(
    _ request: Vetting_V1_GetEvidenceRequest,
    options: VettingCallOptions = .defaults
  ) async throws -> Vetting_V1_Evidence {
    let client = self.admin
    return try await self.call(request, options: options, idempotent: true) {
      request, callOptions in
      try await client.getEvidence(request: request, options: callOptions)
    }
  }

  /// `vetting.v1.Admin/SetPracticeProfile`.
  ///
  /// Not retried: it may have been applied before a failure was seen.
  public func setPracticeProfile(
    _ request: Vetting_V1_SetPracticeProfileRequest,
    options: VettingCallOptions = .defaults
  ) async throws -> Vetting_V1_SetPracticeProfileResponse {
    let client = self.admin
    return try await self.call(request, options: options, idempotent: false) {
      request, callOptions in
      try await client.setPracticeProfile(request: request, options: callOptions)
    }
  }

  /// `vetting.v1.Admin/Revet`.
  ///
  /// Not retried: it may have been applied before a failure was seen.
  public func revet(
    _ request: Vetting_V1_RevetRequest,
    options: VettingCallOptions = .defaults
  ) async throws -> Vetting_V1_Assessment {
    let client = self.admin
    return try await self.call(request, options: options, idempotent: false) {
      request, callOptions in
      try await client.revet(request: request, options: callOptions)
    }
  }

  /// `vetting.v1.Admin/RevetAll`.
  ///
  /// Not retried: it may have been applied before a failure was seen.
  public func revetAll(
    _ request: Vetting_V1_RevetAllRequest,
    options: VettingCallOptions = .defaults,
    onProgress: @escaping @Sendable (Vetting_V1_RevetProgress) async throws -> Void = { _ in }
  ) async throws {
    let client = self.admin
    try await self.call(request, options: options, idempotent: false) { request, callOptions in
      try await client.revetAll(request: request, options: callOptions) { response in
        for try await message in response.messages {
          try await onProgress(message)
        }
      }
    }
  }

  /// `vetting.v1.Admin/ImportProviders`: up to 1,000 clinics and practitioners, keyed by external
  /// id, in one server transaction.
  ///
  /// A dry run writes nothing, so it is retried on UNAVAILABLE like a read. A real import is not:
  /// the records are idempotent by external id, so a retry would write nothing twice, but when the
  /// first attempt committed before its answer was lost the retry would report the rows it created
  /// as UNCHANGED. The caller sees UNAVAILABLE instead and decides (re-sending the same batch is
  /// safe; its counts then describe the second attempt).
  public func importProviders(
    _ request: Vetting_V1_ImportProvidersRequest,
    options: VettingCallOptions = .defaults
  ) async throws -> Vetting_V1_ImportProvidersResponse {
    let client = self.admin
    return try await self.call(request, options: options, idempotent: request.dryRun) {
      request, callOptions in
      try await client.importProviders(request: request, options: callOptions)
    }
  }
}
