import GRPCCore
import Synchronization

/// A server transport that counts every call in ``ServerMetrics`` around the transport's own
/// stream handler: from the moment the transport hands the server a stream until the server is
/// done with it, whatever happens in between.
///
/// Counting here rather than in an interceptor is what makes the in-flight gauge and the handled
/// counter right for cancelled calls. An interceptor's response producer is never run when the
/// stream is already gone by the time GRPCCore writes the response headers (a client that
/// cancelled over gRPC/HTTP2), so an interceptor could count such a call as started and never as
/// finished; the stream handler always returns. The status is the one the server wrote; when the
/// stream was gone before it could be written (the client cancelled, or FramedRPC had already
/// answered DEADLINE_EXCEEDED), the call counts as `cancelled`.
///
/// Only the server's registered methods are counted (as the interceptor did), so a client naming
/// made-up methods cannot grow the metrics' label sets.
final class MeteredServerTransport<Base: ServerTransport>: ServerTransport {
  typealias Bytes = Base.Bytes

  let base: Base
  let metrics: ServerMetrics
  private let methods = Mutex<Set<String>>([])
  private let inFlight = Mutex<[String: Int]>([:])

  /// The calls being handled now, by method (for the drain's log, ``DrainWatch``).
  var callsInFlight: [String: Int] { self.inFlight.withLock { $0 } }

  init(_ base: Base, metrics: ServerMetrics) {
    self.base = base
    self.metrics = metrics
  }

  func configure(context: GRPCServerContext) {
    // By name: a transport's descriptor may lack the call type the registered one has.
    self.methods.withLock { $0 = Set(context.methods.map(\.fullyQualifiedMethod)) }
    self.base.configure(context: context)
  }

  func listen(
    streamHandler:
      @escaping @Sendable (
        _ stream: RPCStream<Inbound, Outbound>,
        _ context: ServerContext
      ) async -> Void
  ) async throws {
    let metrics = self.metrics
    let methods = self.methods.withLock { $0 }
    try await self.base.listen { stream, context in
      guard methods.contains(stream.descriptor.fullyQualifiedMethod) else {
        await streamHandler(stream, context)
        return
      }
      let method = "/\(stream.descriptor.fullyQualifiedMethod)"
      let start = ContinuousClock.now
      metrics.callStarted(method: method)
      self.inFlight.withLock { $0[method, default: 0] += 1 }
      defer {
        self.inFlight.withLock { calls in
          calls[method] = calls[method].flatMap { $0 > 1 ? $0 - 1 : nil }
        }
      }
      let recorder = StatusRecordingWriter(wrapping: stream.outbound)
      let metered = RPCStream(
        descriptor: stream.descriptor, inbound: stream.inbound,
        outbound: RPCWriter.Closable(wrapping: recorder))
      await streamHandler(metered, context)
      metrics.callFinished(
        method: method, code: recorder.outcome, duration: ContinuousClock.now - start)
    }
  }

  func beginGracefulShutdown() {
    self.base.beginGracefulShutdown()
  }
}

/// Passes every response part on and remembers the status the server managed to write.
private final class StatusRecordingWriter<Bytes: GRPCContiguousBytes & Sendable>:
  ClosableRPCWriterProtocol, Sendable
{
  typealias Element = RPCResponsePart<Bytes>

  private let base: RPCWriter<Element>.Closable
  /// nil until a status is written; then the written code, or cancelled when writing it failed.
  private let written = Mutex<RPCError.Code??>(nil)

  init(wrapping base: RPCWriter<Element>.Closable) {
    self.base = base
  }

  /// The code the call ended with: nil for OK; `cancelled` when no status reached the stream.
  var outcome: RPCError.Code? {
    self.written.withLock { $0 } ?? .cancelled
  }

  func write(_ element: Element) async throws {
    do {
      try await self.base.write(element)
      self.record(element, delivered: true)
    } catch {
      self.record(element, delivered: false)
      throw error
    }
  }

  func write(contentsOf elements: some Sequence<Element>) async throws {
    for element in elements { try await self.write(element) }
  }

  func finish() async {
    await self.base.finish()
  }

  func finish(throwing error: any Error) async {
    await self.base.finish(throwing: error)
  }

  private func record(_ element: Element, delivered: Bool) {
    guard case .status(let status, _) = element else { return }
    let code: RPCError.Code? =
      !delivered ? .cancelled : status.code == .ok ? nil : RPCError.Code(status.code)
    self.written.withLock { $0 = .some(code) }
  }
}
