import NIOCore
import NIOHTTP1

/// Answers `GET /metrics` with the Prometheus text exposition; anything else gets 404 (or 405
/// for another method on `/metrics`). One response per connection, then close: scrapers do not
/// need keep-alive and it keeps the handler stateless.
final class MetricsHTTPHandler: ChannelInboundHandler {
  typealias InboundIn = HTTPServerRequestPart
  typealias OutboundOut = HTTPServerResponsePart

  private let render: @Sendable () -> [UInt8]
  private var head: HTTPRequestHead?

  init(render: @escaping @Sendable () -> [UInt8]) {
    self.render = render
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    switch self.unwrapInboundIn(data) {
    case .head(let head):
      self.head = head
    case .body:
      break
    case .end:
      guard let head = self.head else { return }
      self.head = nil
      let path = head.uri.split(separator: "?", maxSplits: 1).first.map(String.init) ?? head.uri
      let status: HTTPResponseStatus
      let body: [UInt8]
      var contentType = "text/plain; charset=utf-8"
      if path != "/metrics" {
        status = .notFound
        body = Array("not found: metrics are at /metrics\n".utf8)
      } else if head.method != .GET && head.method != .HEAD {
        status = .methodNotAllowed
        body = Array("use GET\n".utf8)
      } else {
        status = .ok
        body = head.method == .HEAD ? [] : self.render()
        contentType = "text/plain; version=0.0.4; charset=utf-8"
      }
      var headers = HTTPHeaders()
      headers.add(name: "content-type", value: contentType)
      headers.add(name: "content-length", value: String(body.count))
      headers.add(name: "connection", value: "close")
      context.write(
        self.wrapOutboundOut(
          .head(HTTPResponseHead(version: head.version, status: status, headers: headers))),
        promise: nil)
      context.write(
        self.wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: body)))),
        promise: nil)
      let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
      context.writeAndFlush(self.wrapOutboundOut(.end(nil))).whenComplete { _ in
        bound.value.close(promise: nil)
      }
    }
  }

  func errorCaught(context: ChannelHandlerContext, error: any Error) {
    context.close(promise: nil)
  }
}
