import Foundation
import LibPQ
import PGTestSupport

/// A loopback TCP port nothing listens on (bound and released at once).
func unusedPort() throws -> Int {
  let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
  defer { close(fd) }
  var address = sockaddr_in()
  address.sin_family = sa_family_t(AF_INET)
  address.sin_addr.s_addr = inet_addr("127.0.0.1")
  address.sin_port = 0
  var length = socklen_t(MemoryLayout<sockaddr_in>.size)
  let bound = withUnsafeMutablePointer(to: &address) { pointer in
    pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
      bind(fd, generic, length) == 0 && getsockname(fd, generic, &length) == 0
    }
  }
  guard bound else { throw TestDatabaseError("could not find a free port") }
  return Int(UInt16(bigEndian: address.sin_port))
}

/// Waits (up to 10 s) until the server shows the backend `pid` running a statement.
func waitUntilActive(pid: Int32, on monitor: Connection) async throws {
  for _ in 0..<200 {
    let rows = try await monitor.query(
      "SELECT 1 FROM pg_stat_activity WHERE pid = $1 AND state = 'active'", [pid])
    if !rows.isEmpty { return }
    try await Task.sleep(for: .milliseconds(50))
  }
  throw TestDatabaseError("backend \(pid) never became active")
}
