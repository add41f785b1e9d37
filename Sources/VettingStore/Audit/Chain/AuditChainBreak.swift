import Foundation

/// The first entry of the audit log whose hash chain does not hold, and why.
public struct AuditChainBreak: Sendable, Hashable {
  /// What does not match.
  public enum Problem: Sendable, Hashable, CaseIterable {
    /// `entry_hash` is not `sha256(prev_hash || canonical bytes)`: the entry was edited.
    case contentChanged
    /// `prev_hash` is not the previous entry's `entry_hash`: an entry before it was removed,
    /// inserted or re-linked.
    case linkBroken
    /// `chain_position` is not one more than the previous entry's: entries are missing.
    case positionGap
    /// The chain head records a later or different last entry: entries at the end were removed.
    case tailMissing
  }

  /// The entry's place in the chain.
  public var chainPosition: Int64
  /// The entry's `seq`.
  public var seq: Int64
  /// The entry's id.
  public var entryID: UUID
  /// What does not match.
  public var problem: Problem
  /// One sentence naming the entry and what does not match.
  public var detail: String

  public init(chainPosition: Int64, seq: Int64, entryID: UUID, problem: Problem, detail: String) {
    self.chainPosition = chainPosition
    self.seq = seq
    self.entryID = entryID
    self.problem = problem
    self.detail = detail
  }
}
