/// Turns the database monitor's probe outcomes into the published verdict.
///
/// One failed probe is not an outage: on a loaded machine a fresh connection or `SELECT 1` can
/// miss its timeout while the database is serving the pool's queries well. Refusing every call
/// for that (what the monitor did before) turned a slow second into failed client calls. The
/// database is declared unreachable after ``failuresToDeclareDown`` consecutive failures and
/// reachable again at the first probe that answers. Until the first verdict it is unknown; the
/// server probes before it listens until the database answers or 20 s have passed
/// (``DatabaseMonitor/probeBeforeListening(patience:)``).
struct ReachabilityVerdict: Sendable, Equatable {
  /// Consecutive failed probes that make the database unreachable. With the default 1 s interval
  /// and the probe's 3 s limits, a hung database is declared down within about 7 s, one that
  /// refuses connections within about 1 s.
  static let failuresToDeclareDown = 2

  /// The verdict: nil until known.
  private(set) var reachable: Bool?
  /// Failed probes since the last one that answered.
  private(set) var consecutiveFailures = 0

  /// Records one probe; returns the verdict when this probe set or changed it, else nil.
  mutating func record(answered: Bool) -> Bool? {
    let verdict: Bool?
    if answered {
      self.consecutiveFailures = 0
      verdict = true
    } else {
      self.consecutiveFailures += 1
      verdict = self.consecutiveFailures >= Self.failuresToDeclareDown ? false : self.reachable
    }
    guard let verdict, verdict != self.reachable else { return nil }
    self.reachable = verdict
    return verdict
  }
}
