import Foundation
import LibPQ
import VettingCore

extension DirectoryRepository {
  /// A clinic with its live locations, team, questionnaire and assessment in force. Archived
  /// clinics are returned too (with `archivedAt` set).
  /// - Throws: ``StoreError`` `.notFound` naming the clinic.
  public func clinic(id: UUID) async throws -> ClinicRecord {
    try await mapErrors {
      try await pool.withConnection { connection in
        guard let record = try await Self.clinicRecord(id, on: connection) else {
          throw StoreError.notFound("clinic", id: id.uuidString.lowercased())
        }
        return record
      }
    }
  }

  /// A practitioner with their live locations, licenses, trainings, clinics, questionnaire and
  /// solo assessment in force.
  /// - Throws: ``StoreError`` `.notFound` naming the practitioner.
  public func practitioner(id: UUID) async throws -> PractitionerRecord {
    try await mapErrors {
      try await pool.withConnection { connection in
        guard let record = try await Self.practitionerRecord(id, on: connection) else {
          throw StoreError.notFound("practitioner", id: id.uuidString.lowercased())
        }
        return record
      }
    }
  }

  /// A provider's live evidence items, newest first.
  public func evidence(providerID: UUID) async throws -> [EvidenceRecord] {
    try await mapErrors {
      try await pool.withConnection { connection in
        try await connection.query(
          """
          select \(Self.evidenceColumns) from evidence_items
           where provider_id = $1 and archived_at is null order by created_at desc, id
          """, [providerID]
        ).map(Self.evidence)
      }
    }
  }

  /// One evidence item with its version, archived or not.
  /// - Throws: ``StoreError`` `.notFound` naming the evidence.
  public func evidenceItem(id: UUID) async throws -> EvidenceRecord {
    try await mapErrors {
      try await pool.withConnection { connection in
        try await Self.evidenceRecord(id, on: connection)
      }
    }
  }

  // MARK: - Rows

  static func clinicRecord(_ id: UUID, on connection: Connection) async throws -> ClinicRecord? {
    guard
      let row = try await connection.query(
        """
        select id, external_id, name, legal_name, npi, npi_status, website, phone, email,
               description, states_served, version, created_at, updated_at, archived_at
          from clinics where id = $1
        """, [id]
      ).singleRow()
    else { return nil }
    return ClinicRecord(
      id: id, externalID: try row.decode(String?.self, "external_id"),
      fields: try clinicFields(row),
      npiStatus: try row.decode(String.self, "npi_status"),
      version: try row.decode(Int.self, "version"),
      createdAt: try row.decode(Date.self, "created_at"),
      updatedAt: try row.decode(Date.self, "updated_at"),
      archivedAt: try row.decode(Date?.self, "archived_at"),
      locations: try await locations(providerID: id, on: connection),
      affiliations: try await affiliations(where: "a.clinic_id = $1", id, on: connection),
      profile: try await profile(providerID: id, on: connection),
      assessment: try await AssessmentRepository.latestSummary(providerID: id, on: connection),
      partners: try await partners(providerID: id, on: connection))
  }

  static func practitionerRecord(_ id: UUID, on connection: Connection) async throws
    -> PractitionerRecord?
  {
    guard
      let row = try await connection.query(
        """
        select id, external_id, given_name, family_name, full_name, credentials, professional_role,
               discipline, npi, npi_status, listed_solo, states_served, kap_sessions_delivered,
               website, phone, email, bio, practice_started_on, psychotherapy_trained, version,
               created_at, updated_at, archived_at
          from practitioners where id = $1
        """, [id]
      ).singleRow()
    else { return nil }
    return PractitionerRecord(
      id: id, externalID: try row.decode(String?.self, "external_id"),
      fields: try practitionerFields(row),
      fullName: try row.decode(String.self, "full_name"),
      npiStatus: try row.decode(String.self, "npi_status"),
      version: try row.decode(Int.self, "version"),
      createdAt: try row.decode(Date.self, "created_at"),
      updatedAt: try row.decode(Date.self, "updated_at"),
      archivedAt: try row.decode(Date?.self, "archived_at"),
      locations: try await locations(providerID: id, on: connection),
      licenses: try await connection.query(
        """
        select \(licenseColumns) from licenses
         where practitioner_id = $1 and archived_at is null order by state, license_type, id
        """, [id]
      ).map(license),
      trainings: try await connection.query(
        """
        select \(trainingColumns) from trainings
         where practitioner_id = $1 and archived_at is null order by completed_on nulls last, id
        """, [id]
      ).map(training),
      affiliations: try await affiliations(where: "a.practitioner_id = $1", id, on: connection),
      profile: try await profile(providerID: id, on: connection),
      assessment: try await AssessmentRepository.latestSummary(providerID: id, on: connection),
      certificates: try await certificates(practitionerID: id, on: connection),
      boardCertifications: try await boardCertifications(practitionerID: id, on: connection),
      partners: try await partners(providerID: id, on: connection))
  }

  /// The columns ``clinicFields(_:)`` reads.
  static let clinicFieldColumns = """
    name, legal_name, npi, website, phone, email, description, states_served, npi_status
    """

  /// A clinic's fields from a row holding ``clinicFieldColumns``.
  static func clinicFields(_ row: PostgresRow) throws -> ClinicInput {
    ClinicInput(
      name: try row.decode(String.self, "name"),
      legalName: try row.decode(String?.self, "legal_name"),
      npi: try row.decode(String?.self, "npi"), website: try row.decode(String?.self, "website"),
      phone: try row.decode(String?.self, "phone"), email: try row.decode(String?.self, "email"),
      description: try row.decode(String?.self, "description"),
      statesServed: try row.decode([String].self, "states_served"),
      npiStatus: try NPIRegistryStatus(column: row))
  }

  /// The columns ``practitionerFields(_:)`` reads.
  static let practitionerFieldColumns = """
    given_name, family_name, credentials, professional_role, discipline, npi, listed_solo,
    states_served, kap_sessions_delivered, website, phone, email, bio, practice_started_on,
    psychotherapy_trained, npi_status
    """

  /// A practitioner's fields from a row holding ``practitionerFieldColumns``.
  static func practitionerFields(_ row: PostgresRow) throws -> PractitionerInput {
    PractitionerInput(
      givenName: try row.decode(String.self, "given_name"),
      familyName: try row.decode(String.self, "family_name"),
      credentials: try row.decode(String?.self, "credentials"),
      roles: SchemaVocabulary.roles(try row.decode(String.self, "professional_role")),
      discipline: SchemaVocabulary.discipline(try row.decode(String.self, "discipline")),
      npi: try row.decode(String?.self, "npi"),
      listedSolo: try row.decode(Bool.self, "listed_solo"),
      statesServed: try row.decode([String].self, "states_served"),
      kapSessionsDelivered: try row.decode(Int.self, "kap_sessions_delivered"),
      website: try row.decode(String?.self, "website"),
      phone: try row.decode(String?.self, "phone"), email: try row.decode(String?.self, "email"),
      bio: try row.decode(String?.self, "bio"),
      practiceStartedOn: try row.decode(PostgresDate?.self, "practice_started_on").map(Day.init),
      psychotherapyTrained: try row.decode(Bool?.self, "psychotherapy_trained"),
      npiStatus: try NPIRegistryStatus(column: row))
  }

  static let locationColumns = """
    id, provider_id, external_id, label, address_line1, address_line2, city, state, postal_code,
    latitude, longitude, phone, is_primary, version, archived_at
    """

  static func location(_ row: PostgresRow) throws -> LocationRecord {
    LocationRecord(
      id: try row.decode(UUID.self, "id"), providerID: try row.decode(UUID.self, "provider_id"),
      externalID: try row.decode(String?.self, "external_id"),
      fields: LocationInput(
        label: try row.decode(String?.self, "label"),
        addressLine1: try row.decode(String.self, "address_line1"),
        addressLine2: try row.decode(String?.self, "address_line2"),
        city: try row.decode(String.self, "city"), state: try row.decode(String.self, "state"),
        postalCode: try row.decode(String.self, "postal_code"),
        latitude: try row.decode(Double?.self, "latitude"),
        longitude: try row.decode(Double?.self, "longitude"),
        phone: try row.decode(String?.self, "phone"),
        isPrimary: try row.decode(Bool.self, "is_primary")),
      version: try row.decode(Int.self, "version"),
      archivedAt: try row.decode(Date?.self, "archived_at"))
  }

  static func locations(providerID: UUID, on connection: Connection) async throws
    -> [LocationRecord]
  {
    try await connection.query(
      """
      select \(locationColumns) from locations
       where provider_id = $1 and archived_at is null order by is_primary desc, created_at, id
      """, [providerID]
    ).map(location)
  }

  static let licenseColumns = """
    id, practitioner_id, external_id, state, license_type, license_number, status, provenance,
    issued_on, expires_on, last_verified_at, last_verified_by, version
    """

  static func license(_ row: PostgresRow) throws -> LicenseRecord {
    LicenseRecord(
      id: try row.decode(UUID.self, "id"),
      practitionerID: try row.decode(UUID.self, "practitioner_id"),
      externalID: try row.decode(String?.self, "external_id"),
      fields: LicenseInput(
        state: try row.decode(String.self, "state"),
        type: try row.decode(String.self, "license_type"),
        number: try row.decode(String.self, "license_number"),
        status: SchemaVocabulary.licenseStatus(try row.decode(String.self, "status")),
        provenance: SchemaVocabulary.provenance(try row.decode(String.self, "provenance")),
        issuedOn: try row.decode(PostgresDate?.self, "issued_on").map(Day.init),
        expiresOn: try row.decode(PostgresDate?.self, "expires_on").map(Day.init),
        verifiedBy: try row.decode(String?.self, "last_verified_by")),
      lastVerifiedAt: try row.decode(Date?.self, "last_verified_at"),
      version: try row.decode(Int.self, "version"))
  }

  static let trainingColumns = """
    id, practitioner_id, external_id, program, program_name, hours, completed_on,
    certificate_expires_on, provenance, version
    """

  static func training(_ row: PostgresRow) throws -> TrainingRecord {
    let hours = try row.decode(Decimal?.self, "hours") ?? 0
    return TrainingRecord(
      id: try row.decode(UUID.self, "id"),
      practitionerID: try row.decode(UUID.self, "practitioner_id"),
      externalID: try row.decode(String?.self, "external_id"),
      fields: TrainingInput(
        program: TrainingProgram(rawValue: try row.decode(String.self, "program")) ?? .other,
        programName: try row.decode(String?.self, "program_name"),
        hours: NSDecimalNumber(decimal: hours).intValue,
        completedOn: try row.decode(PostgresDate?.self, "completed_on").map(Day.init),
        provenance: SchemaVocabulary.provenance(try row.decode(String.self, "provenance")),
        expiresOn: try row.decode(PostgresDate?.self, "certificate_expires_on").map(Day.init)),
      version: try row.decode(Int.self, "version"))
  }

  static func affiliations(where condition: String, _ id: UUID, on connection: Connection)
    async throws -> [AffiliationRecord]
  {
    try await connection.query(
      """
      select a.id, a.clinic_id, c.name, a.practitioner_id, p.full_name, a.role, a.location_id,
             a.external_id, a.version
        from affiliations a join clinics c on c.id = a.clinic_id
        join practitioners p on p.id = a.practitioner_id
       where \(condition) and a.archived_at is null and c.archived_at is null
         and p.archived_at is null order by c.name, p.full_name, a.role, a.id
      """, [id]
    ).map(affiliation)
  }

  static func affiliation(_ row: PostgresRow) throws -> AffiliationRecord {
    AffiliationRecord(
      id: try row.decode(UUID.self, at: 0), clinicID: try row.decode(UUID.self, at: 1),
      clinicName: try row.decode(String.self, at: 2),
      practitionerID: try row.decode(UUID.self, at: 3),
      practitionerName: try row.decode(String.self, at: 4),
      role: TeamRole(rawValue: try row.decode(String.self, at: 5)) ?? .other,
      locationID: try row.decode(UUID?.self, at: 6),
      externalID: try row.decode(String?.self, at: 7), version: try row.decode(Int.self, at: 8))
  }

  static let evidenceColumns = """
    id, provider_id, external_id, fact, license_id, training_id, description, location,
    provenance, attested_by, verified_by, verified_at, observed_on, expires_on, version
    """

  static func evidence(_ row: PostgresRow) throws -> EvidenceRecord {
    EvidenceRecord(
      id: try row.decode(UUID.self, "id"), providerID: try row.decode(UUID.self, "provider_id"),
      externalID: try row.decode(String?.self, "external_id"),
      fields: EvidenceInput(
        subject: try row.decode(String.self, "fact"),
        licenseID: try row.decode(UUID?.self, "license_id"),
        trainingID: try row.decode(UUID?.self, "training_id"),
        description: try row.decode(String.self, "description"),
        location: try row.decode(String?.self, "location"),
        provenance: SchemaVocabulary.provenance(try row.decode(String.self, "provenance")),
        attestedBy: try row.decode(String?.self, "attested_by"),
        verifiedBy: try row.decode(String?.self, "verified_by"),
        observedOn: try row.decode(PostgresDate?.self, "observed_on").map(Day.init),
        expiresOn: try row.decode(PostgresDate?.self, "expires_on").map(Day.init)),
      verifiedAt: try row.decode(Date?.self, "verified_at"),
      version: try row.decode(Int.self, "version"))
  }

  static func profile(providerID: UUID, on connection: Connection) async throws
    -> PracticeProfileRecord?
  {
    guard
      let row = try await connection.query(
        "select facts, version, updated_at from practice_profiles where provider_id = $1",
        [providerID]
      ).singleRow()
    else { return nil }
    return PracticeProfileRecord(
      providerID: providerID,
      questionnaire: try row.decode(PostgresJSONB.self, "facts").decode(
        PracticeQuestionnaire.self),
      version: try row.decode(Int.self, "version"),
      updatedAt: try row.decode(Date.self, "updated_at"))
  }
}
