import ArgumentParser
import VettingAPI

/// The practitioner fields `practitioner add` and `practitioner update` take as flags.
struct PractitionerFieldOptions: ParsableArguments {
  @Option(help: "Given (first) name.") var givenName: String?
  @Option(help: "Family (last) name.") var familyName: String?
  @Option(help: "Credentials, e.g. MD, LMFT, PsyD.") var credentials: String?
  @Option(
    name: .customLong("role"),
    help: """
      therapist and/or prescriber (repeatable), or one staff role: nurse, medical-assistant, \
      monitor, integration-coach.
      """)
  var roles: [String] = []
  @Option(help: "Discipline id, e.g. psychiatry, psychology, psychotherapy.") var discipline:
    String?
  @Option(help: "The individual NPI (NPI-1, 10 digits passing the check digit).") var npi: String?
  @Option(help: ArgumentHelp(NPIFlags.statusHelp)) var npiStatus: String?
  @Option(help: "Listed on their own as a provider: true or false.") var solo: Bool?
  @Option(
    name: .customLong("state-served"),
    help: "A USPS state code served (repeat, or separate with commas).")
  var statesServed: [String] = []
  @Option(help: "Ketamine-assisted therapy sessions delivered so far.") var kapSessions: Int32?
  @Option(help: "Website URL.") var website: String?
  @Option(help: "Phone number.") var phone: String?
  @Option(help: "Contact email.") var email: String?
  @Option(help: "A short biography.") var bio: String?
  @Option(help: "First day of clinical practice, YYYY-MM-DD (years in practice count from it).")
  var practiceStartedOn: String?
  @Option(
    help: """
      Formal psychotherapy training: true or false. A psychiatrist or psychiatric nurse \
      practitioner with it holds the therapist role too.
      """)
  var psychotherapyTrained: Bool?

  var isEmpty: Bool {
    givenName == nil && familyName == nil && credentials == nil && roles.isEmpty
      && discipline == nil && npi == nil && npiStatus == nil && solo == nil && statesServed.isEmpty
      && kapSessions == nil && website == nil && phone == nil && email == nil && bio == nil
      && practiceStartedOn == nil && psychotherapyTrained == nil
  }

  func apply(to fields: Vetting_V1_PractitionerFields) throws -> Vetting_V1_PractitionerFields {
    var fields = fields
    if let givenName { fields.givenName = givenName }
    if let familyName { fields.familyName = familyName }
    if let credentials { fields.credentials = credentials }
    if !roles.isEmpty {
      fields.roles = try Vocabulary.parse(
        roles, as: Vetting_V1_PractitionerRole.self, option: "--role")
    }
    if let discipline { fields.discipline = discipline }
    (fields.npi, fields.npiStatus) = NPIFlags.applied(
      npi: npi, status: npiStatus, to: (fields.npi, fields.npiStatus))
    if let solo { fields.solo = solo }
    if !statesServed.isEmpty { fields.statesServed = ListText.split(statesServed) }
    if let kapSessions { fields.kapSessionsDelivered = kapSessions }
    if let website { fields.website = website }
    if let phone { fields.phone = phone }
    if let email { fields.email = email }
    if let bio { fields.bio = bio }
    if let practiceStartedOn {
      fields.practiceStartedOn = try DayText.parse(
        practiceStartedOn, option: "--practice-started-on")
    }
    if let psychotherapyTrained { fields.psychotherapyTrained = psychotherapyTrained }
    return fields
  }
}
