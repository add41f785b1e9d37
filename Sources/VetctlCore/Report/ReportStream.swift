import Synchronization
import VettingAPI

/// A report's writer and row count behind a lock, so the client's `@Sendable` stream callbacks
/// can feed it; it also drives the progress display.
final class ReportStream: Sendable {
  private struct State {
    var writer: any ReportWriter
    var rows = 0
  }

  private let state: Mutex<State>
  private let progress: Progress

  init(writer: sending any ReportWriter, progress: Progress) {
    self.state = Mutex(State(writer: writer))
    self.progress = progress
  }

  /// The stream's header: the number of rows to come becomes the progress total.
  func header(_ header: Vetting_V1_ReportHeader) throws {
    try state.withLock { try $0.writer.header(header) }
    progress.update(done: 0, total: Int(header.totalRows))
  }

  /// One row.
  func row(_ row: Vetting_V1_ReportRow) throws {
    let done = try state.withLock { state in
      try state.writer.row(row)
      state.rows += 1
      return state.rows
    }
    progress.update(done: done)
  }

  /// The summary: completes the file and the progress display.
  func finish(_ summary: Vetting_V1_ReportSummary) throws {
    try state.withLock { try $0.writer.finish(summary) }
    progress.finish()
  }

  /// Rows written so far.
  var rows: Int { state.withLock { $0.rows } }
}
