public import GRPCCore
public import Logging
import VettingAPI
import VettingCore
public import VettingStore

/// `vetting.v1.Directory`: what referral networks query. Roles referral, auditor and admin.
public struct DirectoryService: Vetting_V1_Directory.SimpleServiceProtocol {
  private let directory: DirectoryRepository
  private let assessments: AssessmentRepository
  private let search: ProviderSearch
  private let logger: Logger

  /// Creates the service over the store's repositories.
  public init(
    directory: DirectoryRepository, assessments: AssessmentRepository, search: ProviderSearch,
    logger: Logger = Logger(label: "vetting.directory")
  ) {
    self.directory = directory
    self.assessments = assessments
    self.search = search
    self.logger = logger
  }

  public func searchProviders(
    request: Vetting_V1_SearchProvidersRequest, context: ServerContext
  ) async throws -> Vetting_V1_SearchProvidersResponse {
    try await ServiceError.mapping(logger: logger) {
      let query = try SearchQuery(proto: request)
      let page = try await search.search(query)
      return .with {
        $0.hits = page.hits.map(\.proto)
        $0.nextPageToken = page.nextPageToken ?? ""
      }
    }
  }

  public func getClinic(
    request: Vetting_V1_GetClinicRequest, context: ServerContext
  ) async throws -> Vetting_V1_Clinic {
    try await ServiceError.mapping(logger: logger) {
      let id = try RequestField.uuid(request.id, "id")
      return try await directory.clinic(id: id).proto
    }
  }

  public func getPractitioner(
    request: Vetting_V1_GetPractitionerRequest, context: ServerContext
  ) async throws -> Vetting_V1_Practitioner {
    try await ServiceError.mapping(logger: logger) {
      let id = try RequestField.uuid(request.id, "id")
      return try await directory.practitioner(id: id).proto
    }
  }

  public func getAssessment(
    request: Vetting_V1_GetAssessmentRequest, context: ServerContext
  ) async throws -> Vetting_V1_Assessment {
    try await ServiceError.mapping(logger: logger) {
      switch request.selector {
      case .providerID(let value):
        let id = try RequestField.uuid(value, "provider_id")
        guard let record = try await assessments.latestAssessment(providerID: id) else {
          throw RPCError(
            code: .notFound, message: "provider \(value) has no assessment (or does not exist)")
        }
        return record.proto
      case .assessmentID(let value):
        let id = try RequestField.uuid(value, "assessment_id")
        return try await assessments.assessment(id: id).proto
      case nil:
        throw ServiceError.invalidArgument(
          field: "selector", "give provider_id (latest assessment) or assessment_id")
      }
    }
  }

  public func getRubric(
    request: Vetting_V1_GetRubricRequest, context: ServerContext
  ) async throws -> Vetting_V1_Rubric {
    if request.version.isEmpty { return assessments.rubric.proto }
    guard let rubric = Rubric.named(request.version) else {
      throw RPCError(
        code: .notFound,
        message: "rubric version \(RequestField.quoted(request.version)) does not exist; known: "
          + Rubric.publishedVersions)
    }
    return rubric.proto
  }
}
