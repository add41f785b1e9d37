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
    let discipline: Discipline
    if fields.discipline.isEmpty {
      discipline = .other
    } else if let known = Discipline(rawValue: fields.discipline) {
      discipline = known
    } else {
      throw ServiceError.invalidArgument(
        field: "fields.discipline",
        "is not a known discipline; use one of: "
          + Discipline.allCases.map(\.rawValue).joined(separator: ", "))
    }
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
      bio: RequestField.optional(fields.bio)
    )
  }
}
