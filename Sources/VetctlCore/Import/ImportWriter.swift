import GRPCCore
import VettingAPI
import VettingClient

/// Sends the valid rows in batches, one `ImportProviders` call per batch: each batch is one
/// server transaction, written all or nothing.
///
/// Batches go one after another, so when a call fails the batches before it are committed and
/// the ones after it were never sent: the error says which, by line range.
enum ImportWriter {
  /// Writes (or with `dryRun`, asks the server about) `rows`, `batchSize` at a time.
  /// - Returns: the counts and server-side rejections of every row.
  /// - Throws: ``VetctlError`` with the call's exit status and a message saying which batches
  ///   were committed and that the failed one wrote nothing.
  static func write(
    _ rows: [ImportRow], batchSize: Int, dryRun: Bool, client: VettingClient, progress: Progress
  ) async throws -> ImportSummary {
    var summary = ImportSummary()
    let batches = (rows.count + batchSize - 1) / batchSize
    for (number, start) in stride(from: 0, to: rows.count, by: batchSize).enumerated() {
      let batch = rows[start..<min(rows.count, start + batchSize)]
      let response: Vetting_V1_ImportProvidersResponse
      do {
        response = try await client.importProviders(
          .with {
            $0.records = batch.map(\.request)
            $0.dryRun = dryRun
          })
      } catch {
        throw stopped(
          error, batch: number + 1, of: batches, span: span(batch),
          committed: start == 0 ? nil : span(rows[0..<start]), summary: summary, dryRun: dryRun)
      }
      guard response.results.count == batch.count else {
        throw VetctlError(
          .other,
          "the server answered \(response.results.count) results for the \(batch.count) records "
            + "of batch \(number + 1) (\(span(batch))); its outcome is unknown")
      }
      for (row, result) in zip(batch, response.results) {
        switch result.outcome {
        case .created: summary.created += 1
        case .updated: summary.updated += 1
        case .unchanged: summary.unchanged += 1
        default:
          summary.rejections.append(
            ImportRejection(
              position: row.position, externalID: row.externalID,
              reason: result.reason.isEmpty ? "rejected by the server" : result.reason))
        }
      }
      progress.update(done: start + batch.count)
    }
    return summary
  }

  /// The error ending an import whose batch `batch` failed with `error`.
  private static func stopped(
    _ error: any Error, batch: Int, of batches: Int, span: String, committed: String?,
    summary: ImportSummary, dryRun: Bool
  ) -> VetctlError {
    let failure = ErrorReporting.classify(error)
    var message = failure.message + "\nimport stopped at batch \(batch) of \(batches) (\(span)): "
    if dryRun {
      message += "this was a dry run, so nothing was written at all"
      return VetctlError(failure.status, message)
    }
    message +=
      answered(error)
      ? "that batch wrote nothing"
      : "that batch was rolled back, unless the server committed it just as the answer was "
        + "lost (a re-run then reports its rows unchanged)"
    if let committed {
      let batches =
        batch == 2 ? "batch 1 (\(committed)) was" : "batches 1 to \(batch - 1) (\(committed)) were"
      message +=
        "\n\(batches) committed: created \(summary.created), updated \(summary.updated), "
        + "unchanged \(summary.unchanged), rejected by the server \(summary.rejected)\nre-run the "
        + "same file to complete the import: the committed rows then count as unchanged"
    } else {
      message += "; no batch before it was committed"
    }
    return VetctlError(failure.status, message)
  }

  /// Whether the server itself answered with `error`, so the batch certainly wrote nothing; a
  /// lost connection or a passed deadline leaves a sliver of doubt (the server may have
  /// committed just as the answer was lost).
  private static func answered(_ error: any Error) -> Bool {
    guard let error = error as? RPCError else { return false }
    switch error.code {
    case .unavailable, .deadlineExceeded, .cancelled, .unknown, .dataLoss: return false
    default: return true
    }
  }

  /// Where a batch is in the file: `line 7`, `lines 2 to 401`, `records 1 to 500`.
  static func span(_ rows: ArraySlice<ImportRow>) -> String {
    guard let first = rows.first?.position, let last = rows.last?.position else { return "" }
    guard first != last else { return first }
    let unit = first.split(separator: " ").first.map(String.init) ?? ""
    return "\(unit)s \(ImportCommand.order(first)) to \(ImportCommand.order(last))"
  }
}
