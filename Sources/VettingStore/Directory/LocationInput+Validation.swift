extension LocationInput {
  func validate(prefix: String = "location.") throws {
    try InputValidator.optionalText(label, prefix + "label", max: 200)
    try InputValidator.text(addressLine1, prefix + "address_line1", max: 300)
    try InputValidator.optionalText(addressLine2, prefix + "address_line2", max: 300)
    try InputValidator.text(city, prefix + "city", max: 100)
    try InputValidator.state(state, prefix + "state")
    try InputValidator.postalCode(postalCode, prefix + "postal_code")
    try InputValidator.coordinates(latitude: latitude, longitude: longitude, prefix)
    try InputValidator.optionalText(phone, prefix + "phone", max: 40)
  }
}
