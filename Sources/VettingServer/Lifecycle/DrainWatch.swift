import Logging
import Synchronization

/// What a draining server still waits for, so that a slow stop says why in its log.
///
/// The runtime tells the watch when each listener's `serve()` has returned; the HTTP/2
/// listener's connections and streams are counted through the transport's channel callbacks
/// (``HTTP2Connections``), calls through ``MeteredServerTransport/callsInFlight``. While the drain lasts,
/// ``report(every:)`` logs every few seconds which listeners are still open and what they hold.
final class DrainWatch: Sendable {
  /// One thing the drain waits for, as the log names it.
  struct Listener: Sendable {
    let name: String
    let calls: @Sendable () -> [String: Int]
    let connections: @Sendable () -> Int
    let streams: (@Sendable () -> Int)?
  }

  private struct State {
    var began: ContinuousClock.Instant?
    var closed: Set<String> = []
  }

  private let listeners: [Listener]
  private let state = Mutex(State())
  private let logger: Logger

  init(listeners: [Listener], logger: Logger) {
    self.listeners = listeners
    self.logger = logger
  }

  /// Records that `name`'s `serve()` returned.
  func listenerClosed(_ name: String) {
    let began = self.state.withLock { state in
      state.closed.insert(name)
      return state.began
    }
    var metadata: Logger.Metadata = ["listener": "\(name)"]
    if let began { metadata["after"] = "\(ContinuousClock.now - began)" }
    self.logger.info("listener closed", metadata: metadata)
  }

  /// Marks the start of the drain, then logs what is still open every `interval` until every
  /// listener has closed.
  func report(every interval: Duration) async {
    let began = ContinuousClock.now
    self.state.withLock { $0.began = began }
    while (try? await Task.sleep(for: interval)) != nil {
      let closed = self.state.withLock { $0.closed }
      let open = self.listeners.filter { !closed.contains($0.name) }
      if open.isEmpty { return }
      var metadata: Logger.Metadata = ["after": "\(ContinuousClock.now - began)"]
      for listener in open {
        let calls = listener.calls().sorted { $0.key < $1.key }
          .map { "\($0.key)×\($0.value)" }.joined(separator: ",")
        var held = "connections=\(listener.connections()) calls=[\(calls)]"
        if let streams = listener.streams { held += " streams=\(streams())" }
        metadata[listener.name] = "\(held)"
      }
      self.logger.notice("still draining", metadata: metadata)
    }
  }
}
