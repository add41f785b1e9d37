import VettingCore

extension PartnerInput {
  func validate() throws {
    try InputValidator.text(name, "partner.name", max: 300)
    try InputValidator.npi(npi, "partner.npi")
    try InputValidator.optionalText(organization, "partner.organization", max: 300)
    if licenses.count > 60 {
      throw StoreError.invalidArgument(
        field: "partner.licenses", message: "at most 60 licenses; got \(licenses.count)")
    }
    for (index, license) in licenses.enumerated() {
      try InputValidator.state(license.state, "partner.licenses[\(index)].state")
      try InputValidator.text(license.type, "partner.licenses[\(index)].type", max: 50)
      try InputValidator.text(license.number, "partner.licenses[\(index)].number", max: 100)
    }
    try InputValidator.ordered(startedOn, endedOn, "partner.ended_on", "start date")
  }
}
