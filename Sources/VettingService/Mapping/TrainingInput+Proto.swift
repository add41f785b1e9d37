import VettingAPI
import VettingCore
import VettingStore

extension TrainingInput {
  /// The store input of a wire training; field names are relative to the request (`training.`).
  init(proto training: Vetting_V1_Training) throws {
    guard let program = TrainingProgram(rawValue: training.program) else {
      throw ServiceError.invalidArgument(
        field: "training.program",
        "is not a known program; use one of: "
          + TrainingProgram.allCases.map(\.rawValue).joined(separator: ", "))
    }
    guard training.hours >= 0 else {
      throw ServiceError.invalidArgument(field: "training.hours", "must not be negative")
    }
    self.init(
      program: program,
      programName: RequestField.optional(training.programName),
      hours: Int(training.hours),
      completedOn: try RequestField.day(
        training.completedOn, present: training.hasCompletedOn, "training.completed_on"),
      provenance: try Provenance(proto: training.provenance, field: "training.provenance"),
      expiresOn: try RequestField.day(
        training.expiresOn, present: training.hasExpiresOn, "training.expires_on")
    )
  }
}
