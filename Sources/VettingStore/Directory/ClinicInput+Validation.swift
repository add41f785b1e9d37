extension ClinicInput {
  func validate() throws {
    try InputValidator.text(name, "name", max: 300)
    try InputValidator.optionalText(legalName, "legal_name", max: 300)
    try InputValidator.npi(npi, "npi")
    try InputValidator.npiStatus(npiStatus, npi: npi, "npi_status")
    try InputValidator.optionalText(website, "website", max: 2000)
    try InputValidator.optionalText(phone, "phone", max: 40)
    try InputValidator.optionalText(email, "email", max: 320)
    try InputValidator.optionalText(description, "description", max: 20000)
    try InputValidator.states(statesServed, "states_served")
  }
}
