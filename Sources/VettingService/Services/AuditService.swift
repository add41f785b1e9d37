public import GRPCCore
public import Logging
import VettingAPI
public import VettingStore

/// `vetting.v1.Audit`: what auditors read. Roles auditor and admin.
///
/// Every method streams from one read-only snapshot through a cursor (see ``AuditRepository``),
/// so a report over the whole directory holds a few hundred rows in memory at a time and waits
/// for a slow client instead of buffering for it.
public struct AuditService: Vetting_V1_Audit.SimpleServiceProtocol {
  private let audit: AuditRepository
  private let logger: Logger

  /// Creates the service over the store's audit reads.
  public init(audit: AuditRepository, logger: Logger = Logger(label: "vetting.audit")) {
    self.audit = audit
    self.logger = logger
  }

  public func runVettingReport(
    request: Vetting_V1_RunVettingReportRequest,
    response: RPCWriter<Vetting_V1_VettingReportMessage>,
    context: ServerContext
  ) async throws {
    try await ServiceError.mapping(logger: logger) {
      let query = try ReportQuery(proto: request)
      let summary = try await audit.report(
        query,
        start: { asOf, rows in
          try await response.write(
            .with {
              $0.header = .with {
                $0.asOf = asOf.proto
                $0.totalRows = Int64(rows)
              }
            })
        },
        row: { row in
          try await response.write(.with { $0.row = row.proto })
        })
      try await response.write(.with { $0.summary = summary.proto(rubric: audit.rubric) })
    }
  }

  public func getAuditTrail(
    request: Vetting_V1_GetAuditTrailRequest,
    response: RPCWriter<Vetting_V1_AuditEntry>,
    context: ServerContext
  ) async throws {
    try await ServiceError.mapping(logger: logger) {
      let id = try RequestField.uuid(request.providerID, "provider_id")
      let since = try RequestField.instant(request.since, present: request.hasSince, "since")
      let until = try RequestField.instant(request.until, present: request.hasUntil, "until")
      try await audit.trail(providerID: id, since: since, until: until) { entry in
        try await response.write(entry.proto)
      }
    }
  }

  public func listDueForReview(
    request: Vetting_V1_ListDueForReviewRequest,
    response: RPCWriter<Vetting_V1_DueItem>,
    context: ServerContext
  ) async throws {
    try await ServiceError.mapping(logger: logger) {
      let query = try DueForReviewQuery(proto: request)
      try await audit.dueForReview(query) { item in
        try await response.write(item.proto)
      }
    }
  }

  public func compareAssessments(
    request: Vetting_V1_CompareAssessmentsRequest,
    response: RPCWriter<Vetting_V1_CompareAssessmentsMessage>,
    context: ServerContext
  ) async throws {
    try await ServiceError.mapping(logger: logger) {
      let query = try CompareQuery(proto: request)
      let summary = try await audit.compare(query) { change in
        try await response.write(.with { $0.change = change.proto })
      }
      try await response.write(.with { $0.summary = summary.proto })
    }
  }

  public func verifyAuditLog(
    request: Vetting_V1_VerifyAuditLogRequest,
    response: RPCWriter<Vetting_V1_VerifyAuditLogMessage>,
    context: ServerContext
  ) async throws {
    try await ServiceError.mapping(logger: logger) {
      let result = try await audit.verifyChain { checked, total in
        try await response.write(
          .with {
            $0.progress = .with {
              $0.entriesChecked = checked
              $0.entriesTotal = total
            }
          })
      }
      if let firstBreak = result.firstBreak {
        logger.warning(
          "the audit log's hash chain is broken",
          metadata: ["detail": "\(firstBreak.detail)"])
      }
      try await response.write(.with { $0.result = result.proto })
    }
  }
}
