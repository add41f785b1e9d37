import Foundation
public import GRPCCore
public import Logging
import VettingAPI
import VettingCore
public import VettingStore

/// `vetting.v1.Admin`: what directory staff do. Role admin.
///
/// Every write goes through the store, which checks the expected version, writes the audit log
/// (actor: the caller's token, ``Principal/auditActor``) and re-scores the provider in the same
/// transaction.
public struct AdminService: Vetting_V1_Admin.SimpleServiceProtocol {
  let directory: DirectoryRepository
  private let assessments: AssessmentRepository
  let logger: Logger

  /// Creates the service over the store's repositories.
  public init(
    directory: DirectoryRepository, assessments: AssessmentRepository,
    logger: Logger = Logger(label: "vetting.admin")
  ) {
    self.directory = directory
    self.assessments = assessments
    self.logger = logger
  }

  // MARK: Clinics

  /// Creates the clinic, then adds each location with the external id
  /// `<external_id>/locations/<index>`, so a retried create completes a partial one rather than
  /// duplicating it. (The store has no single-transaction create-with-locations.)
  public func createClinic(
    request: Vetting_V1_CreateClinicRequest, context: ServerContext
  ) async throws -> Vetting_V1_Clinic {
    let actor = try Principal.required.auditActor
    let clinic = try await ServiceError.mapping(logger: logger, fieldPrefix: "fields.") {
      try await directory.createClinic(
        try ClinicInput(proto: request.fields), externalID: request.externalID, actor: actor)
    }
    try await addLocations(
      request.locations, to: clinic.id, externalID: request.externalID, actor: actor)
    return try await ServiceError.mapping(logger: logger) {
      try await directory.clinic(id: clinic.id).proto
    }
  }

  /// Adds `locations` to provider `id` with the external ids `<externalID>/locations/<index>`,
  /// naming a refused field `locations[<index>].<field>` as the request does.
  private func addLocations(
    _ locations: [Vetting_V1_Location], to id: UUID, externalID: String, actor: AuditActor
  ) async throws {
    for (index, location) in locations.enumerated() {
      _ = try await ServiceError.mapping(logger: logger) {
        do {
          return try await directory.addLocation(
            providerID: id, LocationInput(proto: location),
            externalID: "\(externalID)/locations/\(index)", actor: actor)
        } catch let error as StoreError where error.code == .invalidArgument {
          throw error.renamingField("location.", to: "locations[\(index)].")
        }
      }
    }
  }

  public func updateClinic(
    request: Vetting_V1_UpdateClinicRequest, context: ServerContext
  ) async throws -> Vetting_V1_Clinic {
    let actor = try Principal.required.auditActor
    return try await ServiceError.mapping(logger: logger, fieldPrefix: "fields.") {
      let id = try RequestField.uuid(request.id, "id")
      let version = try RequestField.version(request.expectedVersion)
      return try await directory.updateClinic(
        id: id, expectedVersion: version, try ClinicInput(proto: request.fields), actor: actor
      ).proto
    }
  }

  public func archiveClinic(
    request: Vetting_V1_ArchiveRequest, context: ServerContext
  ) async throws -> Vetting_V1_ArchiveResponse {
    let actor = try Principal.required.auditActor
    return try await ServiceError.mapping(logger: logger) {
      let id = try RequestField.uuid(request.id, "id")
      let version = try RequestField.version(request.expectedVersion)
      let archived = try await directory.archiveClinic(
        id: id, expectedVersion: version, reason: RequestField.optional(request.reason),
        actor: actor)
      return .with {
        $0.id = archived.id.uuidString.lowercased()
        $0.version = Int64(archived.version)
      }
    }
  }

  // MARK: Locations

  public func addLocation(
    request: Vetting_V1_AddLocationRequest, context: ServerContext
  ) async throws -> Vetting_V1_Location {
    let actor = try Principal.required.auditActor
    return try await ServiceError.mapping(logger: logger) {
      let providerID = try RequestField.uuid(request.providerID, "provider_id")
      return try await directory.addLocation(
        providerID: providerID, LocationInput(proto: request.location),
        externalID: RequestField.optional(request.externalID), actor: actor
      ).proto
    }
  }

  public func updateLocation(
    request: Vetting_V1_UpdateLocationRequest, context: ServerContext
  ) async throws -> Vetting_V1_Location {
    let actor = try Principal.required.auditActor
    return try await ServiceError.mapping(logger: logger) {
      let id = try RequestField.uuid(request.location.id, "location.id")
      let version = try RequestField.version(request.location.version, "location.version")
      return try await directory.updateLocation(
        id: id, expectedVersion: version, LocationInput(proto: request.location), actor: actor
      ).proto
    }
  }

  // MARK: Practitioners

  public func createPractitioner(
    request: Vetting_V1_CreatePractitionerRequest, context: ServerContext
  ) async throws -> Vetting_V1_Practitioner {
    let actor = try Principal.required.auditActor
    let person = try await ServiceError.mapping(logger: logger, fieldPrefix: "fields.") {
      try await directory.createPractitioner(
        PractitionerInput(proto: request.fields), externalID: request.externalID, actor: actor)
    }
    guard !request.locations.isEmpty else { return try person.proto }
    try await addLocations(
      request.locations, to: person.id, externalID: request.externalID, actor: actor)
    return try await ServiceError.mapping(logger: logger) {
      try await directory.practitioner(id: person.id).proto
    }
  }

  public func updatePractitioner(
    request: Vetting_V1_UpdatePractitionerRequest, context: ServerContext
  ) async throws -> Vetting_V1_Practitioner {
    let actor = try Principal.required.auditActor
    return try await ServiceError.mapping(logger: logger, fieldPrefix: "fields.") {
      let id = try RequestField.uuid(request.id, "id")
      let version = try RequestField.version(request.expectedVersion)
      return try await directory.updatePractitioner(
        id: id, expectedVersion: version, PractitionerInput(proto: request.fields), actor: actor
      ).proto
    }
  }

  public func archivePractitioner(
    request: Vetting_V1_ArchiveRequest, context: ServerContext
  ) async throws -> Vetting_V1_ArchiveResponse {
    let actor = try Principal.required.auditActor
    return try await ServiceError.mapping(logger: logger) {
      let id = try RequestField.uuid(request.id, "id")
      let version = try RequestField.version(request.expectedVersion)
      let archived = try await directory.archivePractitioner(
        id: id, expectedVersion: version, reason: RequestField.optional(request.reason),
        actor: actor)
      return .with {
        $0.id = archived.id.uuidString.lowercased()
        $0.version = Int64(archived.version)
      }
    }
  }

  public func affiliate(
    request: Vetting_V1_AffiliateRequest, context: ServerContext
  ) async throws -> Vetting_V1_Affiliation {
    let actor = try Principal.required.auditActor
    return try await ServiceError.mapping(logger: logger) {
      let clinicID = try RequestField.uuid(request.clinicID, "clinic_id")
      let practitionerID = try RequestField.uuid(request.practitionerID, "practitioner_id")
      let role = try TeamRole(proto: request.role, field: "role")
      let locationID = try RequestField.optionalUUID(request.locationID, "location_id")
      return try await directory.affiliate(
        clinicID: clinicID, practitionerID: practitionerID, role: role, locationID: locationID,
        externalID: RequestField.optional(request.externalID), actor: actor
      ).proto
    }
  }

  // MARK: Credentials and evidence

  public func addLicense(
    request: Vetting_V1_AddLicenseRequest, context: ServerContext
  ) async throws -> Vetting_V1_License {
    let actor = try Principal.required.auditActor
    return try await ServiceError.mapping(logger: logger) {
      let practitionerID = try RequestField.uuid(request.practitionerID, "practitioner_id")
      return try await directory.addLicense(
        practitionerID: practitionerID, LicenseInput(proto: request.license),
        externalID: RequestField.optional(request.externalID), actor: actor
      ).proto
    }
  }

  public func addTraining(
    request: Vetting_V1_AddTrainingRequest, context: ServerContext
  ) async throws -> Vetting_V1_Training {
    let actor = try Principal.required.auditActor
    return try await ServiceError.mapping(logger: logger) {
      let practitionerID = try RequestField.uuid(request.practitionerID, "practitioner_id")
      return try await directory.addTraining(
        practitionerID: practitionerID, TrainingInput(proto: request.training),
        externalID: RequestField.optional(request.externalID), actor: actor
      ).proto
    }
  }

  public func addEvidence(
    request: Vetting_V1_AddEvidenceRequest, context: ServerContext
  ) async throws -> Vetting_V1_Evidence {
    let actor = try Principal.required.auditActor
    return try await ServiceError.mapping(logger: logger) {
      let providerID = try RequestField.uuid(request.providerID, "provider_id")
      return try await directory.addEvidence(
        providerID: providerID, EvidenceInput(proto: request.evidence),
        externalID: RequestField.optional(request.externalID), actor: actor
      ).proto
    }
  }

  public func verifyEvidence(
    request: Vetting_V1_VerifyEvidenceRequest, context: ServerContext
  ) async throws -> Vetting_V1_Evidence {
    let actor = try Principal.required.auditActor
    return try await ServiceError.mapping(logger: logger) {
      let id = try RequestField.uuid(request.evidenceID, "evidence_id")
      let version = try RequestField.version(request.expectedVersion)
      let provenance = try Provenance(proto: request.provenance, field: "provenance")
      guard provenance == .verifiedByStaff || provenance == .publicRegistry else {
        throw ServiceError.invalidArgument(
          field: "provenance", "must be VERIFIED_BY_STAFF or PUBLIC_REGISTRY to verify")
      }
      return try await directory.verifyEvidence(
        id: id, expectedVersion: version, verifiedBy: request.verifiedBy,
        provenance: provenance,
        expiresOn: RequestField.day(
          request.expiresOn, present: request.hasExpiresOn, "expires_on"),
        actor: actor
      ).proto
    }
  }

  /// A read in the Admin service: evidence documents are staff material, not for referral
  /// networks; admins need the version to verify one.
  public func getEvidence(
    request: Vetting_V1_GetEvidenceRequest, context: ServerContext
  ) async throws -> Vetting_V1_Evidence {
    return try await ServiceError.mapping(logger: logger) {
      let id = try RequestField.uuid(request.id, "id")
      return try await directory.evidenceItem(id: id).proto
    }
  }

  public func setPracticeProfile(
    request: Vetting_V1_SetPracticeProfileRequest, context: ServerContext
  ) async throws -> Vetting_V1_SetPracticeProfileResponse {
    let actor = try Principal.required.auditActor
    return try await ServiceError.mapping(logger: logger) {
      let providerID = try RequestField.uuid(request.providerID, "provider_id")
      let version = try RequestField.versionOrZero(request.expectedVersion)
      if request.profileJson.isEmpty {
        throw ServiceError.invalidArgument(field: "profile_json", "is required")
      }
      let written = try await directory.setPracticeProfile(
        providerID: providerID, expectedVersion: version, json: Data(request.profileJson.utf8),
        actor: actor)
      return .with {
        $0.version = Int64(written.profile.version)
        if let assessment = written.assessment { $0.assessment = assessment.proto }
      }
    }
  }

  // MARK: Import

  /// Maps each record (one the wire mapping refuses is rejected here, naming its field), runs
  /// the rest through the store's one-transaction import, and answers one result per record in
  /// request order, with totals.
  public func importProviders(
    request: Vetting_V1_ImportProvidersRequest, context: ServerContext
  ) async throws -> Vetting_V1_ImportProvidersResponse {
    let actor = try Principal.required.auditActor
    let limit = DirectoryRepository.maxImportBatch
    guard request.records.count <= limit else {
      throw ServiceError.invalidArgument(
        field: "records",
        "at most \(limit) records per call, got \(request.records.count); split the batch")
    }
    var results = [Vetting_V1_ImportResult](repeating: .init(), count: request.records.count)
    var items: [ProviderImportItem] = []
    var positions: [Int] = []
    for (index, record) in request.records.enumerated() {
      do {
        items.append(try ProviderImportItem(proto: record))
        positions.append(index)
      } catch let error as RPCError {
        results[index] = .rejected(error)
      }
    }
    let stored = try await ServiceError.mapping(logger: logger) {
      try await directory.importProviders(items, dryRun: request.dryRun, actor: actor)
    }
    for (position, result) in zip(positions, stored) {
      results[position] = result.proto(logger: logger)
    }
    return .with { response in
      response.results = results
      response.dryRun = request.dryRun
      for result in results {
        switch result.outcome {
        case .created: response.created += 1
        case .updated: response.updated += 1
        case .unchanged: response.unchanged += 1
        default: response.rejected += 1
        }
      }
    }
  }

  // MARK: Re-vetting

  public func revet(
    request: Vetting_V1_RevetRequest, context: ServerContext
  ) async throws -> Vetting_V1_Assessment {
    let actor = try Principal.required.auditActor
    return try await ServiceError.mapping(logger: logger) {
      let providerID = try RequestField.uuid(request.providerID, "provider_id")
      return try await assessments.revet(providerID: providerID, actor: actor).proto
    }
  }

  /// Streams progress as the store reports it, then the final count.
  public func revetAll(
    request: Vetting_V1_RevetAllRequest, response: RPCWriter<Vetting_V1_RevetProgress>,
    context: ServerContext
  ) async throws {
    let actor = try Principal.required.auditActor
    try self.checkScoringVersion(request.rubricVersion)
    try await ServiceError.mapping(logger: logger) {
      let final = try await assessments.revetAll(actor: actor) { progress in
        // A failed write means the client went away; the call's cancellation ends the run.
        try? await response.write(progress.proto)
      }
      try await response.write(final.proto)
    }
  }

  /// Refuses a re-vet that asks for a rubric version the server does not score with: every later
  /// write would re-score the providers it touches with the server's version again.
  private func checkScoringVersion(_ version: String) throws {
    guard !version.isEmpty, version != assessments.rubric.version else { return }
    guard Rubric.named(version) != nil else {
      throw ServiceError.invalidArgument(
        field: "rubric_version",
        "\(RequestField.quoted(version)) is not a published rubric version; published: "
          + Rubric.publishedVersions)
    }
    throw RPCError(
      code: .failedPrecondition,
      message: "rubric_version: this server scores with rubric \(assessments.rubric.version), not "
        + "\(version); start the servers with --rubric-version \(version) first, then re-vet "
        + "(docs/RUBRIC.md, \"Moving the directory to a new rubric version\")")
  }
}
