import GRPCCore
import Testing
import VettingAPI

/// The Audit calls, drained: each collects its whole stream (the tests' directories are small).
extension ServiceHarness {
  /// A report's rows and its summary; fails the test unless the stream is exactly one header
  /// (whose row count and instant match), the rows, and one summary.
  func report(
    _ request: Vetting_V1_RunVettingReportRequest, as caller: Caller = .auditor
  ) async throws -> (rows: [Vetting_V1_ReportRow], summary: Vetting_V1_ReportSummary) {
    let messages = try await audit.runVettingReport(request, metadata: metadata(caller)) {
      try await $0.messages.reduce(into: []) { $0.append($1) }
    }
    let rows = messages.compactMap { message -> Vetting_V1_ReportRow? in
      if case .row(let row) = message.item { return row }
      return nil
    }
    guard case .header(let header) = messages.first?.item,
      case .summary(let summary) = messages.last?.item, messages.count == rows.count + 2
    else {
      Issue.record("the report stream did not start with one header and end with one summary")
      throw RPCError(code: .internalError, message: "no header or summary")
    }
    #expect(header.totalRows == Int64(rows.count))
    #expect(header.asOf == summary.asOf)
    return (rows, summary)
  }

  func trail(
    _ request: Vetting_V1_GetAuditTrailRequest, as caller: Caller = .auditor
  ) async throws -> [Vetting_V1_AuditEntry] {
    try await audit.getAuditTrail(request, metadata: metadata(caller)) {
      try await $0.messages.reduce(into: []) { $0.append($1) }
    }
  }

  func due(
    _ request: Vetting_V1_ListDueForReviewRequest, as caller: Caller = .auditor
  ) async throws -> [Vetting_V1_DueItem] {
    try await audit.listDueForReview(request, metadata: metadata(caller)) {
      try await $0.messages.reduce(into: []) { $0.append($1) }
    }
  }

  func compare(
    _ request: Vetting_V1_CompareAssessmentsRequest, as caller: Caller = .auditor
  ) async throws -> (changes: [Vetting_V1_AssessmentChange], summary: Vetting_V1_CompareSummary) {
    let messages = try await audit.compareAssessments(request, metadata: metadata(caller)) {
      try await $0.messages.reduce(into: []) { $0.append($1) }
    }
    let changes = messages.compactMap { message -> Vetting_V1_AssessmentChange? in
      if case .change(let change) = message.item { return change }
      return nil
    }
    guard case .summary(let summary) = messages.last?.item, messages.count == changes.count + 1
    else {
      Issue.record("the comparison stream did not end with exactly one summary")
      throw RPCError(code: .internalError, message: "no summary")
    }
    return (changes, summary)
  }
}
