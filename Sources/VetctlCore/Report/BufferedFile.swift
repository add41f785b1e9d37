import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A file written through a buffer, so a report of 100,000 rows makes a few hundred writes
/// rather than one per row, and memory stays at the buffer's size.
///
/// Not `Sendable`: a report writer owns it, and the writer is only used behind the report's
/// lock.
final class BufferedFile {
  /// Where it writes (`-` is standard output).
  let path: String
  private let descriptor: Int32
  private let ownsDescriptor: Bool
  private var buffer: [UInt8] = []
  private static let flushAt = 256 * 1024

  /// Creates (or truncates) `path` with mode 0644; `-` writes to standard output.
  /// - Throws: ``VetctlError`` naming the path when it cannot be created.
  init(creating path: String) throws {
    self.path = path
    if path == "-" {
      descriptor = 1
      ownsDescriptor = false
    } else {
      let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
      guard fd >= 0 else {
        let reason = String(cString: strerror(errno))
        throw VetctlError(
          errno == ENOENT ? .notFound : .other, "\(path): cannot create the file: \(reason)")
      }
      descriptor = fd
      ownsDescriptor = true
    }
    buffer.reserveCapacity(Self.flushAt + 64 * 1024)
  }

  deinit {
    if ownsDescriptor { close(descriptor) }
  }

  /// Appends `text`, writing the buffer out when it is full.
  func write(_ text: String) throws {
    buffer.append(contentsOf: text.utf8)
    if buffer.count >= Self.flushAt { try flush() }
  }

  /// Appends the whole of the file at `source` (read in chunks).
  func append(contentsOf source: String) throws {
    try flush()
    let input = open(source, O_RDONLY | O_CLOEXEC)
    guard input >= 0 else {
      throw VetctlError(.other, "\(source): cannot read: \(String(cString: strerror(errno)))")
    }
    defer { close(input) }
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
      if count < 0 && errno == EINTR { continue }
      guard count >= 0 else {
        throw VetctlError(.other, "\(source): cannot read: \(String(cString: strerror(errno)))")
      }
      if count == 0 { break }
      try chunk.withUnsafeBytes { try writeAll(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
    }
  }

  /// Writes out what is buffered.
  func flush() throws {
    guard !buffer.isEmpty else { return }
    try buffer.withUnsafeBytes { try writeAll($0) }
    buffer.removeAll(keepingCapacity: true)
  }

  /// Flushes and makes the data durable (`fsync`), for a file about to be renamed into place.
  func sync() throws {
    try flush()
    if ownsDescriptor && fsync(descriptor) != 0 && errno != EINVAL {
      throw VetctlError(.other, "\(path): cannot write: \(String(cString: strerror(errno)))")
    }
  }

  private func writeAll(_ bytes: UnsafeRawBufferPointer) throws {
    var offset = 0
    while offset < bytes.count {
      let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
      if written < 0 && errno == EINTR { continue }
      // `--out - | head`: the reader went away; the command stops quietly (see Printer).
      if written < 0 && errno == EPIPE && !ownsDescriptor { throw BrokenPipe() }
      guard written > 0 else {
        throw VetctlError(.other, "\(path): cannot write: \(String(cString: strerror(errno)))")
      }
      offset += written
    }
  }
}

extension BufferedFile {
  /// Standard output's reader went away; the command ends as a SIGPIPE would have ended it.
  struct BrokenPipe: Error {}
}
