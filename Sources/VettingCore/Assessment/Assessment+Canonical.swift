import Foundation

extension Assessment {
  /// The canonical encoding: the same facts, rubric version and day always give the same bytes.
  public func canonicalEncoding() throws -> Data { try CanonicalJSON.encode(self) }
}
