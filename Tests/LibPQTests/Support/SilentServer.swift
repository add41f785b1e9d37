import Foundation
import PGTestSupport

/// A loopback TCP socket that accepts connections (the kernel completes the handshake) and never
/// answers: a stand-in for a server that hangs.
final class SilentServer: Sendable {
  let port: Int
  private let descriptor: Int32

  init() throws {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let ready = withUnsafeMutablePointer(to: &address) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
        bind(fd, generic, length) == 0 && listen(fd, 16) == 0
          && getsockname(fd, generic, &length) == 0
      }
    }
    guard ready else {
      close(fd)
      throw TestDatabaseError("could not open a listening socket")
    }
    self.descriptor = fd
    self.port = Int(UInt16(bigEndian: address.sin_port))
  }

  deinit {
    close(descriptor)
  }
}
