extension TrainingInput {
  func validate() throws {
    try InputValidator.optionalText(programName, "training.program_name", max: 300)
    if program == .other, (programName ?? "").allSatisfy(\.isWhitespace) {
      throw StoreError.invalidArgument(
        field: "training.program_name", message: "is required when the program is \"other\"")
    }
    try InputValidator.range(hours, "training.hours", 0...100_000)
  }
}
