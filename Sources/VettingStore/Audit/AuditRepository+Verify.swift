import Foundation
import LibPQ

extension AuditRepository {
  /// Walks the audit log's hash chain in one snapshot, in chain order, recomputing every entry's
  /// hash here (``AuditChainCanonical``) and checking every link, and compares the last entry with
  /// the chain head.
  ///
  /// - Parameters:
  ///   - progressEvery: entries between two `progress` calls.
  ///   - progress: called with (entries checked, entries in the snapshot) once before the first
  ///     entry and then every `progressEvery` entries.
  /// - Returns: the number of entries checked, the first break (if any) and the recorded head.
  public func verifyChain(
    progressEvery: Int = 5_000,
    progress: (_ checked: Int64, _ total: Int64) async throws -> Void
  ) async throws -> AuditChainVerification {
    try await Snapshot.read(pool: pool) { snapshot in
      guard
        let head = try await snapshot.connection.query(
          "select position, entry_hash, (select count(*) from audit_log) from audit_chain_head"
        ).singleRow()
      else {
        throw StoreError(
          code: .internal, message: "audit_chain_head has no row: the audit log was never chained")
      }
      let headPosition = try head.decode(Int64.self, at: 0)
      let headHash = try head.decode(Data.self, at: 1)
      let total = try head.decode(Int64.self, at: 2)
      try await progress(0, total)

      var walk = ChainWalk()
      try await snapshot.forEachRow(Self.chainSQL, batchSize: 500) { row in
        try walk.check(row)
        if walk.checked % Int64(max(1, progressEvery)) == 0 {
          try await progress(walk.checked, total)
        }
      }
      if walk.firstBreak == nil {
        walk.checkTail(headPosition: headPosition, headHash: headHash)
      }
      return AuditChainVerification(
        entriesChecked: walk.checked, firstBreak: walk.firstBreak, headPosition: headPosition,
        headHash: headHash)
    }
  }

  /// Every entry in chain order with the text of each hashed field, cast exactly as the
  /// definition says; the framing and the hash are done in Swift.
  static let chainSQL = """
    select chain_position, seq, id, prev_hash, entry_hash,
           chain_position::text, seq::text, id::text,
           to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
           actor, actor_token_id::text, action, entity_type, entity_id::text,
           provider_id::text, before::text, after::text, request_id, reason
      from audit_log l
     order by l.chain_position
    """
}

/// The state of one walk along the chain.
private struct ChainWalk {
  var checked: Int64 = 0
  var firstBreak: AuditChainBreak?
  private var expectedPosition: Int64 = 1
  private var previousHash = AuditChainCanonical.genesis
  private var last: (position: Int64, seq: Int64, id: UUID)?

  mutating func check(_ row: PostgresRow) throws {
    let position = try row.decode(Int64.self, at: 0)
    let seq = try row.decode(Int64.self, at: 1)
    let id = try row.decode(UUID.self, at: 2)
    let prevHash = try row.decode(Data.self, at: 3)
    let entryHash = try row.decode(Data.self, at: 4)
    var fields: [String?] = []
    for index in 5..<19 { fields.append(try row.decode(String?.self, at: index)) }
    checked += 1
    defer {
      expectedPosition = position + 1
      previousHash = entryHash
      last = (position, seq, id)
    }
    guard firstBreak == nil else { return }
    let name = "entry \(position) (seq \(seq), id \(id.uuidString.lowercased()))"
    if position != expectedPosition {
      let missing =
        position - expectedPosition == 1
        ? "entry \(expectedPosition) is missing"
        : "entries \(expectedPosition) to \(position - 1) are missing"
      firstBreak = AuditChainBreak(
        chainPosition: position, seq: seq, entryID: id, problem: .positionGap,
        detail: "\(name): \(missing) before it")
    } else if prevHash != previousHash {
      firstBreak = AuditChainBreak(
        chainPosition: position, seq: seq, entryID: id, problem: .linkBroken,
        detail:
          "\(name): its prev_hash \(prevHash.hex) is not the entry_hash "
          + (position == 1
            ? "of the chain's start (32 zero bytes)"
            : "\(previousHash.hex) of entry \(position - 1)"))
    } else {
      let computed = AuditChainCanonical.entryHash(
        previous: prevHash, canonical: AuditChainCanonical.bytes(fields))
      if computed != entryHash {
        firstBreak = AuditChainBreak(
          chainPosition: position, seq: seq, entryID: id, problem: .contentChanged,
          detail:
            "\(name): its contents hash to \(computed.hex), not to its entry_hash "
            + "\(entryHash.hex); the entry was changed after it was written")
      }
    }
  }

  mutating func checkTail(headPosition: Int64, headHash: Data) {
    guard let last else {
      if headPosition != 0 {
        firstBreak = AuditChainBreak(
          chainPosition: 0, seq: 0,
          entryID: UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)),
          problem: .tailMissing,
          detail:
            "the audit log is empty but its chain head records \(headPosition) entries "
            + "ending in \(headHash.hex); every entry was removed")
      }
      return
    }
    if last.position != headPosition || previousHash != headHash {
      firstBreak = AuditChainBreak(
        chainPosition: last.position, seq: last.seq, entryID: last.id, problem: .tailMissing,
        detail:
          "entry \(last.position) (seq \(last.seq), id \(last.id.uuidString.lowercased())) is the "
          + "last in the log, but the chain head records entry \(headPosition) with hash "
          + "\(headHash.hex); entries after it were removed")
    }
  }
}

extension Data {
  /// Lowercase hexadecimal.
  fileprivate var hex: String { map { String(format: "%02x", $0) }.joined() }
}
