import Foundation
import Histogram

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The cost of the network alone: 64 bytes to an echoing peer and back over a loopback TCP
/// connection with blocking sockets and TCP_NODELAY, no framing, no RPC machinery.
enum LoopbackRoundTrip {
  static let messageSize = 64

  /// Times `roundTrips` round trips after `warmup` untimed ones.
  static func measure(roundTrips: Int, warmup: Int) throws -> LatencySummary {
    let listener = try Self.check(socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0), "socket")
    defer { close(listener) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    try withUnsafeMutablePointer(to: &address) { pointer in
      try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
        _ = try Self.check(bind(listener, raw, length), "bind")
        _ = try Self.check(listen(listener, 1), "listen")
        _ = try Self.check(getsockname(listener, raw, &length), "getsockname")
      }
    }

    let total = roundTrips + warmup
    let echoer = Thread {
      let connection = accept(listener, nil, nil)
      guard connection >= 0 else { return }
      defer { close(connection) }
      Self.noDelay(connection)
      var buffer = [UInt8](repeating: 0, count: Self.messageSize)
      for _ in 0..<total {
        guard Self.readFully(connection, &buffer), Self.writeFully(connection, buffer) else {
          return
        }
      }
    }
    echoer.start()

    let client = try Self.check(socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0), "socket")
    defer { close(client) }
    try withUnsafePointer(to: &address) { pointer in
      try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
        _ = try Self.check(connect(client, raw, length), "connect")
      }
    }
    Self.noDelay(client)

    var histogram = LatencySummary.makeHistogram()
    let clock = ContinuousClock()
    let message = [UInt8](repeating: 0x2a, count: Self.messageSize)
    var reply = [UInt8](repeating: 0, count: Self.messageSize)
    for index in 0..<total {
      let start = clock.now
      guard Self.writeFully(client, message), Self.readFully(client, &reply) else {
        throw BenchError("loopback round trip \(index): the echoing peer closed early")
      }
      if index >= warmup {
        _ = histogram.record(UInt64(start.duration(to: clock.now).nanoseconds))
      }
    }
    return LatencySummary(nanoseconds: histogram)
  }

  private static func check(_ result: Int32, _ call: String) throws -> Int32 {
    guard result >= 0 else {
      throw BenchError("loopback round trip: \(call) failed: \(String(cString: strerror(errno)))")
    }
    return result
  }

  private static func noDelay(_ socket: Int32) {
    var one: Int32 = 1
    _ = setsockopt(
      socket, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
  }

  private static func readFully(_ socket: Int32, _ buffer: inout [UInt8]) -> Bool {
    var offset = 0
    while offset < buffer.count {
      let count = buffer.withUnsafeMutableBytes { bytes in
        read(socket, bytes.baseAddress! + offset, bytes.count - offset)
      }
      guard count > 0 else { return false }
      offset += count
    }
    return true
  }

  private static func writeFully(_ socket: Int32, _ buffer: [UInt8]) -> Bool {
    var offset = 0
    while offset < buffer.count {
      let count = buffer.withUnsafeBytes { bytes in
        write(socket, bytes.baseAddress! + offset, bytes.count - offset)
      }
      guard count > 0 else { return false }
      offset += count
    }
    return true
  }
}
