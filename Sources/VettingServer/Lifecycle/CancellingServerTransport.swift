import GRPCCore
import Synchronization

/// A server transport whose calls are cancelled the way FramedRPC cancels them: when the RPC is
/// cancelled (the client reset the stream, or its deadline passed), the task running the call is
/// cancelled, so the handler, and the database query it waits on (libpq `PQcancel`), stop.
///
/// grpc-swift-nio-transport only flags the RPC's cancellation handle
/// (`ServerContext.cancellation`), and GRPCCore does the same when a deadline passes; neither
/// cancels the handler's task. A handler that does not poll the handle runs to completion: an
/// `ImportProviders` batch the client had cancelled committed. This wrapper turns the handle's
/// cancellation into task cancellation, as FramedRPC's connection does for CANCEL and deadlines.
///
/// One exception: grpc-swift-nio-transport also flags every open RPC when the server begins a
/// graceful shutdown. Those calls are meant to drain (see `VettingServerRuntime`), so once
/// ``beginGracefulShutdown()`` has been called a flagged RPC is left running; the drain timeout
/// still bounds it.
final class CancellingServerTransport<Base: ServerTransport>: ServerTransport {
  typealias Bytes = Base.Bytes

  let base: Base
  private let draining = Atomic<Bool>(false)

  init(_ base: Base) {
    self.base = base
  }

  func configure(context: GRPCServerContext) {
    self.base.configure(context: context)
  }

  func listen(
    streamHandler:
      @escaping @Sendable (
        _ stream: RPCStream<Inbound, Outbound>,
        _ context: ServerContext
      ) async -> Void
  ) async throws {
    try await self.base.listen { stream, context in
      // Unstructured, so that exactly this call can be cancelled; it inherits the task locals,
      // among them the RPC's cancellation handle that handlers reach through GRPCCore.
      let call = Task { await streamHandler(stream, context) }
      await withTaskCancellationHandler {
        await withRPCCancellationHandler {
          await call.value
        } onCancelRPC: {
          if !self.draining.load(ordering: .acquiring) { call.cancel() }
        }
      } onCancel: {
        call.cancel()
      }
    }
  }

  func beginGracefulShutdown() {
    self.draining.store(true, ordering: .releasing)
    self.base.beginGracefulShutdown()
  }
}
