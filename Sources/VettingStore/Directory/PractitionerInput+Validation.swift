extension PractitionerInput {
  func validate() throws {
    try InputValidator.text(givenName, "given_name", max: 200)
    try InputValidator.text(familyName, "family_name", max: 200)
    try InputValidator.optionalText(credentials, "credentials", max: 200)
    if roles.isEmpty {
      throw StoreError.invalidArgument(
        field: "roles", message: "name at least one role: therapist, prescriber or both")
    }
    try InputValidator.npi(npi, "npi")
    try InputValidator.states(statesServed, "states_served")
    try InputValidator.range(kapSessionsDelivered, "kap_sessions_delivered", 0...1_000_000)
    try InputValidator.optionalText(website, "website", max: 2000)
    try InputValidator.optionalText(phone, "phone", max: 40)
    try InputValidator.optionalText(email, "email", max: 320)
    try InputValidator.optionalText(bio, "bio", max: 20000)
  }
}
