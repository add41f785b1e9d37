import VettingAPI
import VettingStore

extension TrainingRecord {
  /// The wire training.
  var proto: Vetting_V1_Training {
    .with {
      $0.id = id.uuidString.lowercased()
      $0.version = Int64(version)
      $0.program = fields.program.rawValue
      $0.programName = fields.programName ?? ""
      $0.hours = Int32(clamping: fields.hours)
      if let day = fields.completedOn { $0.completedOn = day.proto }
      $0.provenance = fields.provenance.proto
      if let day = fields.expiresOn { $0.expiresOn = day.proto }
    }
  }
}
