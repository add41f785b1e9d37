import Foundation
import VettingAPI
import VettingStore

extension AuditChainVerification {
  /// The last message of `Audit/VerifyAuditLog`.
  var proto: Vetting_V1_AuditVerificationResult {
    .with {
      $0.entriesChecked = entriesChecked
      $0.intact = intact
      if let firstBreak { $0.firstBreak = firstBreak.proto }
      $0.headPosition = headPosition
      $0.headHash = headHash.map { String(format: "%02x", $0) }.joined()
    }
  }
}

extension AuditChainBreak {
  var proto: Vetting_V1_AuditChainBreak {
    .with {
      $0.chainPosition = chainPosition
      $0.seq = seq
      $0.entryID = entryID.uuidString.lowercased()
      $0.problem = problem.proto
      $0.detail = detail
    }
  }
}

extension AuditChainBreak.Problem {
  var proto: Vetting_V1_AuditChainProblem {
    switch self {
    case .contentChanged: .contentChanged
    case .linkBroken: .linkBroken
    case .positionGap: .positionGap
    case .tailMissing: .tailMissing
    }
  }
}
