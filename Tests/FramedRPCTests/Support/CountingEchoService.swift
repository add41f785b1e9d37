import EchoTestSupport
import GRPCCore
import Synchronization

/// The echo service the transport tests call, with counters the tests read to observe the
/// server side (handler started, cancelled, how many responses it managed to write).
final class CountingEchoService: Echo_V1_Echo.SimpleServiceProtocol {
  private struct Counters {
    var started = 0
    var active = 0
    var cancelled = 0
    var messagesWritten = 0
    var peers: Set<String> = []
    var requestsCollected = 0
    var collectGateArmed = false
    var handlerErrors: [String] = []
  }

  private let counters = Mutex(Counters())

  /// Handlers that have started.
  var started: Int { self.counters.withLock { $0.started } }
  /// Handlers running now.
  var active: Int { self.counters.withLock { $0.active } }
  /// Handlers that saw their task cancelled.
  var cancelled: Int { self.counters.withLock { $0.cancelled } }
  /// Responses written by Expand and Update so far.
  var messagesWritten: Int { self.counters.withLock { $0.messagesWritten } }
  /// Distinct remote peers (one per client connection) seen by handlers.
  var peers: Set<String> { self.counters.withLock { $0.peers } }
  /// What each handler that failed threw: `cancelled` (CANCELLED or a `CancellationError`),
  /// otherwise the RPCError's code or the error's type and description.
  var handlerErrors: [String] { self.counters.withLock { $0.handlerErrors } }
  /// Requests Collect has taken from its request stream so far.
  var requestsCollected: Int { self.counters.withLock { $0.requestsCollected } }

  /// From now on Collect stops reading after its first request until `openCollectGate()`, and
  /// then answers with a summary ("N requests, B bytes") instead of the joined text, so a test
  /// can stream more than one response could carry to a handler that is not reading.
  func armCollectGate() {
    self.counters.withLock { $0.collectGateArmed = true }
  }

  /// Lets gated Collect handlers read on.
  func openCollectGate() {
    self.counters.withLock { $0.collectGateArmed = false }
  }

  func get(
    request: Echo_V1_EchoRequest,
    context: ServerContext
  ) async throws -> Echo_V1_EchoResponse {
    try await self.tracked(context) {
      if request.delayMs > 0 {
        try await Task.sleep(for: .milliseconds(Int(request.delayMs)))
      }
      return .with { $0.text = request.text }
    }
  }

  func expand(
    request: Echo_V1_EchoRequest,
    response: RPCWriter<Echo_V1_EchoResponse>,
    context: ServerContext
  ) async throws {
    try await self.tracked(context) {
      let words = request.text.split(separator: " ").map(String.init)
      let count = request.count > 0 ? Int(request.count) : words.count
      let padding = [UInt8](repeating: 0x2A, count: Int(request.padding))
      for index in 0..<count {
        try Task.checkCancellation()
        let text = words.isEmpty ? "\(index)" : words[index % words.count]
        try await response.write(
          .with {
            $0.text = text
            $0.padding = .init(padding)
          }
        )
        self.counters.withLock { $0.messagesWritten += 1 }
        if request.delayMs > 0 {
          try await Task.sleep(for: .milliseconds(Int(request.delayMs)))
        }
      }
    }
  }

  func collect(
    request: RPCAsyncSequence<Echo_V1_EchoRequest, any Error>,
    context: ServerContext
  ) async throws -> Echo_V1_EchoResponse {
    try await self.tracked(context) {
      var texts: [String] = []
      var count = 0
      var bytes = 0
      var gated = false
      for try await message in request {
        count += 1
        bytes += message.text.utf8.count
        self.counters.withLock { $0.requestsCollected += 1 }
        if count == 1, self.counters.withLock({ $0.collectGateArmed }) {
          gated = true
          // Polling keeps the wait cancellable (Task.sleep throws when the handler is cancelled).
          while self.counters.withLock({ $0.collectGateArmed }) {
            try await Task.sleep(for: .milliseconds(10))
          }
        }
        if !gated { texts.append(message.text) }
      }
      let summary = "\(count) requests, \(bytes) bytes"
      return .with { $0.text = gated ? summary : texts.joined(separator: " ") }
    }
  }

  func update(
    request: RPCAsyncSequence<Echo_V1_EchoRequest, any Error>,
    response: RPCWriter<Echo_V1_EchoResponse>,
    context: ServerContext
  ) async throws {
    try await self.tracked(context) {
      for try await message in request {
        try await response.write(.with { $0.text = message.text })
        self.counters.withLock { $0.messagesWritten += 1 }
      }
    }
  }

  private func tracked<T>(
    _ context: ServerContext,
    _ body: () async throws -> T
  ) async throws -> T {
    self.counters.withLock {
      $0.started += 1
      $0.active += 1
      $0.peers.insert(context.remotePeer)
    }
    defer {
      self.counters.withLock {
        $0.active -= 1
        if Task.isCancelled { $0.cancelled += 1 }
      }
    }
    do {
      return try await body()
    } catch {
      let name: String
      if let error = error as? RPCError {
        name = error.code == .cancelled ? "cancelled" : "RPCError(\(error.code))"
      } else {
        name = error is CancellationError ? "cancelled" : "\(type(of: error)): \(error)"
      }
      self.counters.withLock { $0.handlerErrors.append(name) }
      throw error
    }
  }
}
