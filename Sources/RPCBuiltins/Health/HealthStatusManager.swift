import Synchronization

/// The serving status of each service on a server, shared by the health service and the code that
/// knows when things change (startup, the database going down or coming back, shutdown).
///
/// The whole server is the service named `""` (``HealthStatusManager/server``); it starts as
/// ``ServingStatus/serving``. Other services have no status (Check answers NOT_FOUND) until one is
/// set. Once ``enterTerminalState()`` has been called (shutdown has begun) every status is
/// ``ServingStatus/notServing`` for good and later changes are ignored, so a late "database is
/// back" cannot advertise a server that is going away.
///
/// Watchers see the latest status only: a slow watcher is never sent a backlog, it is sent the
/// newest value, so memory stays bounded however often a status flips.
public final class HealthStatusManager: Sendable {
  /// The name that stands for the whole server.
  public static let server = ""

  /// What a watcher is told.
  enum Observation: Sendable, Hashable {
    case known(ServingStatus)
    case unknown
  }

  private struct Watcher {
    var service: String
    var continuation: AsyncStream<Observation>.Continuation
  }

  private struct State {
    var statuses: [String: ServingStatus] = [HealthStatusManager.server: .serving]
    var watchers: [UInt64: Watcher] = [:]
    var nextWatcherID: UInt64 = 0
    var isTerminal = false
  }

  private let state = Mutex(State())

  /// Creates a manager in which the whole server (`""`) is serving and no other service is known.
  public init() {}

  /// The status of `service`, or `nil` when no status was ever set for it.
  public func status(forService service: String) -> ServingStatus? {
    self.state.withLock { $0.statuses[service] }
  }

  /// Every service with a status, including the whole server (`""`).
  public var statuses: [String: ServingStatus] {
    self.state.withLock { $0.statuses }
  }

  /// True once shutdown has begun (``enterTerminalState()``).
  public var isTerminal: Bool {
    self.state.withLock { $0.isTerminal }
  }

  /// Sets the status of `service` (`""` for the whole server) and tells its watchers if it
  /// changed. Ignored after ``enterTerminalState()``.
  public func setStatus(_ status: ServingStatus, forService service: String) {
    self.state.withLock { state in
      guard !state.isTerminal, state.statuses[service] != status else { return }
      state.statuses[service] = status
      Self.notify(&state, service: service, of: .known(status))
    }
  }

  /// Sets the same status for every service given, e.g. all services of a server at startup.
  public func setStatus(_ status: ServingStatus, forServices services: some Sequence<String>) {
    for service in services {
      self.setStatus(status, forService: service)
    }
  }

  /// Sets `status` for each of `services` that has no status yet; ignored after
  /// ``enterTerminalState()``.
  func setStatusIfUnknown(_ status: ServingStatus, forServices services: some Sequence<String>) {
    self.state.withLock { state in
      guard !state.isTerminal else { return }
      for service in services where state.statuses[service] == nil {
        state.statuses[service] = status
        Self.notify(&state, service: service, of: .known(status))
      }
    }
  }

  /// Forgets `service`: Check answers NOT_FOUND and watchers see SERVICE_UNKNOWN. Ignored after
  /// ``enterTerminalState()``.
  public func clearStatus(forService service: String) {
    self.state.withLock { state in
      guard !state.isTerminal, state.statuses.removeValue(forKey: service) != nil else { return }
      Self.notify(&state, service: service, of: .unknown)
    }
  }

  /// Marks every known service, and the whole server, ``ServingStatus/notServing`` for good.
  ///
  /// Call it when shutdown begins, before the server stops accepting calls, so that load
  /// balancers and watchers see NOT_SERVING while in-flight calls drain. Every open Watch call is
  /// sent NOT_SERVING and then completes, so that watchers do not hold a draining server open.
  /// Calling it again has no effect.
  public func enterTerminalState() {
    let finished = self.state.withLock { state -> [Watcher] in
      guard !state.isTerminal else { return [] }
      state.isTerminal = true
      state.statuses[Self.server] = .notServing
      for service in state.statuses.keys {
        state.statuses[service] = .notServing
      }
      let watchers = Array(state.watchers.values)
      state.watchers.removeAll()
      return watchers
    }
    for watcher in finished {
      watcher.continuation.yield(.known(.notServing))
      watcher.continuation.finish()
    }
  }

  /// The current status of `service` at once, then each change, until shutdown (when the last
  /// element is NOT_SERVING), until `stop` is called, or until the consumer stops iterating.
  func observe(
    service: String
  ) -> (updates: AsyncStream<Observation>, stop: @Sendable () -> Void) {
    let (stream, continuation) = AsyncStream.makeStream(
      of: Observation.self,
      bufferingPolicy: .bufferingNewest(1)
    )
    // The stream is not handed out before `onTermination` is set, so no watcher can end
    // unnoticed.
    let id = self.state.withLock { state -> UInt64? in
      let current: Observation = state.statuses[service].map { .known($0) } ?? .unknown
      continuation.yield(current)
      if state.isTerminal {
        continuation.finish()
        return nil
      }
      let id = state.nextWatcherID
      state.nextWatcherID += 1
      state.watchers[id] = Watcher(service: service, continuation: continuation)
      return id
    }
    if let id {
      continuation.onTermination = { [weak self] _ in
        self?.state.withLock { _ = $0.watchers.removeValue(forKey: id) }
      }
    }
    return (stream, { continuation.finish() })
  }

  /// The number of open watchers, for tests that check watchers are released.
  var watcherCount: Int {
    self.state.withLock { $0.watchers.count }
  }

  private static func notify(_ state: inout State, service: String, of observation: Observation) {
    // Yielding under the lock keeps each watcher's sequence in the same order as the changes;
    // `yield` on a buffering-newest stream never blocks.
    for watcher in state.watchers.values where watcher.service == service {
      watcher.continuation.yield(observation)
    }
  }
}
