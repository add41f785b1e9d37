import GRPCCore
public import VettingAPI

extension VettingClient {
  /// `vetting.v1.Directory/SearchProviders`.
  ///
  /// An idempotent read: retried on UNAVAILABLE within the deadline.
  public func searchProviders(
    _ request: Vetting_V1_SearchProvidersRequest,
    options: VettingCallOptions = .defaults
  ) async throws -> Vetting_V1_SearchProvidersResponse {
    let client = self.directory
    return try await self.call(request, options: options, idempotent: true) {
      request, callOptions in
      try await client.searchProviders(request: request, options: callOptions)
    }
  }

  /// `vetting.v1.Directory/GetClinic`.
  ///
  /// An idempotent read: retried on UNAVAILABLE within the deadline.
  public func getClinic(
    _ request: Vetting_V1_GetClinicRequest,
    options: VettingCallOptions = .defaults
  ) async throws -> Vetting_V1_Clinic {
    let client = self.directory
    return try await self.call(request, options: options, idempotent: true) {
      request, callOptions in
      try await client.getClinic(request: request, options: callOptions)
    }
  }

  /// `vetting.v1.Directory/GetPractitioner`.
  ///
  /// An idempotent read: retried on UNAVAILABLE within the deadline.
  public func getPractitioner(
    _ request: Vetting_V1_GetPractitionerRequest,
    options: VettingCallOptions = .defaults
  ) async throws -> Vetting_V1_Practitioner {
    let client = self.directory
    return try await self.call(request, options: options, idempotent: true) {
      request, callOptions in
      try await client.getPractitioner(request: request, options: callOptions)
    }
  }

  /// `vetting.v1.Directory/GetAssessment`.
  ///
  /// An idempotent read: retried on UNAVAILABLE within the deadline.
  public func getAssessment(
    _ request: Vetting_V1_GetAssessmentRequest,
    options: VettingCallOptions = .defaults
  ) async throws -> Vetting_V1_Assessment {
    let client = self.directory
    return try await self.call(request, options: options, idempotent: true) {
      request, callOptions in
      try await client.getAssessment(request: request, options: callOptions)
    }
  }

  /// `vetting.v1.Directory/GetRubric`.
  ///
  /// An idempotent read: retried on UNAVAILABLE within the deadline.
  public func getRubric(
    _ request: Vetting_V1_GetRubricRequest,
    options: VettingCallOptions = .defaults
  ) async throws -> Vetting_V1_Rubric {
    let client = self.directory
    return try await self.call(request, options: options, idempotent: true) {
      request, callOptions in
      try await client.getRubric(request: request, options: callOptions)
    }
  }
}
