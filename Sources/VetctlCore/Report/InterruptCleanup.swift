import Dispatch
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Removes a report's partial and scratch files when vetctl is interrupted (Ctrl-C, SIGTERM,
/// SIGHUP) while the report streams, then exits with the usual 128 + signal status: without it
/// an interrupted report of the whole directory would leave hidden files of hundreds of
/// megabytes next to the destination.
final class InterruptCleanup {
  private static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
  private var sources: [any DispatchSourceSignal] = []

  /// Starts handling the signals for `target`.
  init(target: ReportTarget) {
    for signo in Self.signals {
      // The default action would kill the process before the handler runs.
      signal(signo, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: signo, queue: .global())
      source.setEventHandler {
        target.discard()
        StandardError.write("\nvetctl: interrupted; no report written\n")
        exit(128 + signo)
      }
      source.resume()
      sources.append(source)
    }
  }

  /// Stops handling them (the report is complete or failed and cleaned up).
  func end() {
    for source in sources { source.cancel() }
    sources.removeAll()
    for signo in Self.signals { signal(signo, SIG_DFL) }
  }
}
