import ArgumentParser
import VettingAPI

/// The clinic fields `clinic add` and `clinic update` take as flags.
struct ClinicFieldOptions: ParsableArguments {
  @Option(help: "The clinic's public name.") var name: String?
  @Option(help: "The legal (registered) name.") var legalName: String?
  @Option(help: "The organisation NPI (NPI-2, 10 digits passing the check digit).") var npi: String?
  @Option(help: ArgumentHelp(NPIFlags.statusHelp)) var npiStatus: String?
  @Option(help: "Website URL.") var website: String?
  @Option(help: "Phone number.") var phone: String?
  @Option(help: "Contact email.") var email: String?
  @Option(help: "A short description.") var description: String?
  @Option(
    name: .customLong("state-served"),
    help: "A USPS state code served (repeat, or separate with commas).")
  var statesServed: [String] = []

  /// Whether any field flag was given.
  var isEmpty: Bool {
    name == nil && legalName == nil && npi == nil && npiStatus == nil && website == nil
      && phone == nil
      && email == nil && description == nil && statesServed.isEmpty
  }

  /// `fields` with every given flag applied.
  func apply(to fields: Vetting_V1_ClinicFields) -> Vetting_V1_ClinicFields {
    var fields = fields
    if let name { fields.name = name }
    if let legalName { fields.legalName = legalName }
    (fields.npi, fields.npiStatus) = NPIFlags.applied(
      npi: npi, status: npiStatus, to: (fields.npi, fields.npiStatus))
    if let website { fields.website = website }
    if let phone { fields.phone = phone }
    if let email { fields.email = email }
    if let description { fields.description_p = description }
    if !statesServed.isEmpty { fields.statesServed = ListText.split(statesServed) }
    return fields
  }
}
