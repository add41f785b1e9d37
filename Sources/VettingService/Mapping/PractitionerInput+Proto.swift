import VettingAPI
import VettingCore
import VettingStore

extension PractitionerInput {
  /// The store input of the wire practitioner fields; enum fields are checked here, the rest by
  /// the store. Field names are relative to `fields`.
  init(proto fields: Vetting_V1_PractitionerFields) throws {
    var roles: Set<PractitionerRole> = []
    for (index, role) in fields.roles.enumerated() {
      roles.insert(try PractitionerRole(proto: role, field: "fields.roles[\(index)]"))
    }
    let discipline =
      try Discipline(wire: fields.discipline, field: "fields.discipline") ?? .other
    self.init(
      givenName: fields.givenName,
      familyName: fields.familyName,
      credentials: RequestField.optional(fields.credentials),
      roles: roles,
      discipline: discipline,
      npi: RequestField.optional(fields.npi),
      listedSolo: fields.solo,
      statesServed: fields.statesServed,
      kapSessionsDelivered: Int(fields.kapSessionsDelivered),
      website: RequestField.optional(fields.website),
      phone: RequestField.optional(fields.phone),
      email: RequestField.optional(fields.email),
      bio: RequestField.optional(fields.bio),
      practiceStartedOn: try RequestField.day(
        fields.practiceStartedOn, present: fields.hasPracticeStartedOn,
        "fields.practice_started_on"),
      psychotherapyTrained: fields.hasPsychotherapyTrained ? fields.psychotherapyTrained : nil,
      npiStatus: try NPIRegistryStatus(wire: fields.npiStatus, field: "fields.npi_status")
    )
  }
}
