import FramedRPC
import GRPCCore
public import VettingAPI

/// The `vetting.v1.Audit` calls (roles auditor and admin). Each streams its answer: rows are
/// handed to a closure as they arrive, in order, so a report over the whole directory never has
/// to fit in memory on either side.
///
/// These calls are not retried: rows may already have been handed on when a failure is seen.
/// Run the call again after UNAVAILABLE. A large report takes longer than the client's default
/// deadline; give one with ``VettingCallOptions/timeout``.
extension VettingClient {
  /// The Audit client over the shared connection (a lightweight wrapper, made per call).
  var audit: Vetting_V1_Audit.Client<FramedRPCClientTransport> {
    Vetting_V1_Audit.Client(wrapping: self.grpc)
  }

  /// `vetting.v1.Audit/RunVettingReport`: calls `onHeader` once with the number of rows to come
  /// (for a progress display), `onRow` for every row, in order, and returns the summary that ends
  /// the stream.
  ///
  /// - Throws: `RPCError` (INVALID_ARGUMENT naming the field, PERMISSION_DENIED for a referral
  ///   token, …); an `RPCError` with code `internalError` when the stream ends without its
  ///   summary; whatever `onHeader` or `onRow` throws (the call is cancelled).
  public func runVettingReport(
    _ request: Vetting_V1_RunVettingReportRequest,
    options: VettingCallOptions = .defaults,
    onHeader: @escaping @Sendable (Vetting_V1_ReportHeader) async throws -> Void = { _ in },
    onRow: @escaping @Sendable (Vetting_V1_ReportRow) async throws -> Void
  ) async throws -> Vetting_V1_ReportSummary {
    let client = self.audit
    return try await self.call(request, options: options, idempotent: false) {
      request, callOptions in
      try await client.runVettingReport(request: request, options: callOptions) { response in
        var summary: Vetting_V1_ReportSummary?
        for try await message in response.messages {
          switch message.item {
          case .header(let header): try await onHeader(header)
          case .row(let row): try await onRow(row)
          case .summary(let value): summary = value
          case nil: continue
          }
        }
        guard let summary else {
          throw RPCError(
            code: .internalError, message: "the report stream ended without its summary")
        }
        return summary
      }
    }
  }

  /// `vetting.v1.Audit/GetAuditTrail`: calls `onEntry` for every entry, oldest first.
  public func getAuditTrail(
    _ request: Vetting_V1_GetAuditTrailRequest,
    options: VettingCallOptions = .defaults,
    onEntry: @escaping @Sendable (Vetting_V1_AuditEntry) async throws -> Void
  ) async throws {
    let client = self.audit
    try await self.call(request, options: options, idempotent: false) { request, callOptions in
      try await client.getAuditTrail(request: request, options: callOptions) { response in
        for try await entry in response.messages { try await onEntry(entry) }
      }
    }
  }

  /// `vetting.v1.Audit/ListDueForReview`: calls `onItem` for everything due, grouped by reason.
  public func listDueForReview(
    _ request: Vetting_V1_ListDueForReviewRequest,
    options: VettingCallOptions = .defaults,
    onItem: @escaping @Sendable (Vetting_V1_DueItem) async throws -> Void
  ) async throws {
    let client = self.audit
    try await self.call(request, options: options, idempotent: false) { request, callOptions in
      try await client.listDueForReview(request: request, options: callOptions) { response in
        for try await item in response.messages { try await onItem(item) }
      }
    }
  }

  /// `vetting.v1.Audit/CompareAssessments`: calls `onChange` for every provider whose tier or
  /// flags changed and returns the summary that ends the stream.
  public func compareAssessments(
    _ request: Vetting_V1_CompareAssessmentsRequest,
    options: VettingCallOptions = .defaults,
    onChange: @escaping @Sendable (Vetting_V1_AssessmentChange) async throws -> Void
  ) async throws -> Vetting_V1_CompareSummary {
    let client = self.audit
    return try await self.call(request, options: options, idempotent: false) {
      request, callOptions in
      try await client.compareAssessments(request: request, options: callOptions) { response in
        var summary: Vetting_V1_CompareSummary?
        for try await message in response.messages {
          switch message.item {
          case .change(let change): try await onChange(change)
          case .summary(let value): summary = value
          case nil: continue
          }
        }
        guard let summary else {
          throw RPCError(
            code: .internalError, message: "the comparison stream ended without its summary")
        }
        return summary
      }
    }
  }

  /// `vetting.v1.Audit/VerifyAuditLog`: the server walks the audit log's hash chain; `onProgress`
  /// is called with each progress message and the result that ends the stream is returned (a
  /// broken chain is a result with `intact` false, not an error).
  public func verifyAuditLog(
    options: VettingCallOptions = .defaults,
    onProgress: @escaping @Sendable (Vetting_V1_AuditVerificationProgress) async throws -> Void = {
      _ in
    }
  ) async throws -> Vetting_V1_AuditVerificationResult {
    let client = self.audit
    return try await self.call(
      Vetting_V1_VerifyAuditLogRequest(), options: options, idempotent: false
    ) { request, callOptions in
      try await client.verifyAuditLog(request: request, options: callOptions) { response in
        var result: Vetting_V1_AuditVerificationResult?
        for try await message in response.messages {
          switch message.item {
          case .progress(let progress): try await onProgress(progress)
          case .result(let value): result = value
          case nil: continue
          }
        }
        guard let result else {
          throw RPCError(
            code: .internalError, message: "the verification stream ended without its result")
        }
        return result
      }
    }
  }
}
