import Foundation

/// The outcome of walking the audit log's hash chain.
public struct AuditChainVerification: Sendable, Hashable {
  /// Entries whose hash and link were checked.
  public var entriesChecked: Int64
  /// The first entry where the chain does not hold; `nil` when it is intact.
  public var firstBreak: AuditChainBreak?
  /// The last position the chain head records.
  public var headPosition: Int64
  /// The last entry hash the chain head records (32 bytes).
  public var headHash: Data

  /// Whether every entry and link holds.
  public var intact: Bool { firstBreak == nil }

  public init(
    entriesChecked: Int64, firstBreak: AuditChainBreak?, headPosition: Int64, headHash: Data
  ) {
    self.entriesChecked = entriesChecked
    self.firstBreak = firstBreak
    self.headPosition = headPosition
    self.headHash = headHash
  }
}
