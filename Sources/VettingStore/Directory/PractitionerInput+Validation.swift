import VettingCore

extension PractitionerInput {
  func validate() throws {
    try InputValidator.text(givenName, "given_name", max: 200)
    try InputValidator.text(familyName, "family_name", max: 200)
    try InputValidator.optionalText(credentials, "credentials", max: 200)
    if roles.isEmpty {
      throw StoreError.invalidArgument(
        field: "roles",
        message: "name at least one role: therapist, prescriber or both, or one staff role "
          + "(nurse, medical-assistant, monitor, integration-coach)")
    }
    if roles.contains(where: { !$0.isProfessional }), roles.count > 1 {
      throw StoreError.invalidArgument(
        field: "roles",
        message: "a staff role (nurse, medical-assistant, monitor, integration-coach) is held "
          + "alone; got " + roles.map(\.rawValue).sorted().joined(separator: ", "))
    }
    try InputValidator.npi(npi, "npi")
    try InputValidator.npiStatus(npiStatus, npi: npi, "npi_status")
    try InputValidator.states(statesServed, "states_served")
    try InputValidator.range(kapSessionsDelivered, "kap_sessions_delivered", 0...1_000_000)
    try InputValidator.optionalText(website, "website", max: 2000)
    try InputValidator.optionalText(phone, "phone", max: 40)
    try InputValidator.optionalText(email, "email", max: 320)
    try InputValidator.optionalText(bio, "bio", max: 20000)
    if let practiceStartedOn, practiceStartedOn < Day(year: 1900, month: 1, day: 1)! {
      throw StoreError.invalidArgument(
        field: "practice_started_on", message: "must be on or after 1900-01-01")
    }
  }
}
