import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// Where a report goes: written under a hidden temporary name next to the destination and
/// renamed into place only when complete, so a failed or interrupted report never leaves a
/// half file that looks like a whole one (and never clobbers the previous report). `-` is
/// standard output, written as it comes.
final class ReportTarget: Sendable {
  /// The destination given (`-` for standard output).
  let path: String
  /// The file written while the report streams.
  let writingPath: String
  private let directory: String
  private let base: String
  private let scratchPaths = Mutex<[String]>([])

  /// - Throws: ``VetctlError`` (not found) when the destination's directory does not exist.
  init(path: String) throws {
    self.path = path
    guard path != "-" else {
      directory = FileManager.default.temporaryDirectory.path
      base = "vetctl-report"
      writingPath = "-"
      return
    }
    let url = URL(fileURLWithPath: path)
    directory = url.deletingLastPathComponent().path
    base = url.lastPathComponent
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory),
      isDirectory.boolValue
    else {
      throw VetctlError(.notFound, "--out \(path): no such directory \(directory)")
    }
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
      isDirectory.boolValue
    {
      throw VetctlError.usage("--out \(path): is a directory; name the file to write")
    }
    writingPath = directory + "/." + base + ".partial-\(getpid())"
  }

  /// A scratch file path next to the destination (removed by ``discard()`` and after
  /// ``commit()``).
  func scratch(_ suffix: String) -> String {
    let scratch = directory + "/." + base + ".\(suffix)-\(getpid())"
    scratchPaths.withLock { $0.append(scratch) }
    return scratch
  }

  /// Moves the complete file into place.
  func commit() throws {
    removeScratch()
    guard writingPath != "-" else { return }
    guard rename(writingPath, path) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(writingPath)
      throw VetctlError(.other, "--out \(path): cannot move the report into place: \(reason)")
    }
  }

  /// Removes the partial file and the scratch files.
  func discard() {
    removeScratch()
    if writingPath != "-" { unlink(writingPath) }
  }

  private func removeScratch() {
    let paths = scratchPaths.withLock { paths in
      defer { paths.removeAll() }
      return paths
    }
    for scratch in paths { unlink(scratch) }
  }
}
