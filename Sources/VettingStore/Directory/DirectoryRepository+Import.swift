import Foundation
import LibPQ

extension DirectoryRepository {
  /// The most records one ``importProviders(_:dryRun:actor:)`` call takes.
  public static let maxImportBatch = 1000

  /// Creates or updates clinics and practitioners by external id, all in ONE transaction.
  ///
  /// Each item runs under its own savepoint: it is validated as the single creates validate;
  /// the live record of its kind with its external id is looked up (and locked). None: the
  /// record is created with its locations (`created`). One with the same fields and locations:
  /// nothing is written (`unchanged`). One with different fields: they are replaced, bumping its
  /// version; a location whose external id (`<external id>/locations/<index>`) is absent is
  /// added, one that differs is replaced, others are left alone (`updated`). An item that is
  /// invalid, whose `id` does not name the external id's record, whose external id belongs to the
  /// other kind or to an archived record, or that the database refuses (e.g. an NPI another live
  /// practitioner has) is rolled back to its savepoint and `rejected`; the others go on.
  ///
  /// Every write appends its audit entry as the single writes do; every affected provider is
  /// re-scored once after the last item, then everything commits together. Any failure that is
  /// not one item's (database lost, cancellation, a re-score failing) rolls back the whole batch
  /// and is thrown. With `dryRun` everything runs and is reported, then rolled back.
  ///
  /// - Returns: one result per item, in order.
  /// - Throws: ``StoreError`` `.invalidArgument` naming `records` for more than
  ///   ``maxImportBatch`` items; `.unavailable` and others for batch-wide failures.
  public func importProviders(
    _ items: [ProviderImportItem], dryRun: Bool = false, actor: AuditActor
  ) async throws -> [ProviderImportResult] {
    try Self.validate(actor)
    guard items.count <= Self.maxImportBatch else {
      throw StoreError.invalidArgument(
        field: "records",
        message: "at most \(Self.maxImportBatch) records per call, got \(items.count); split the "
          + "batch")
    }
    let asOf = today()
    do {
      return try await mapErrors {
        try await pool.transaction { connection in
          var results: [ProviderImportResult] = []
          var affected: Set<UUID> = []
          for item in items {
            let (result, touched) = try await Self.importItem(item, actor: actor, on: connection)
            results.append(result)
            affected.formUnion(touched)
          }
          try await Self.rescore(
            affected, actor: actor, asOf: asOf, rubric: rubric, on: connection)
          if dryRun { throw DryRunRollback(results: results) }
          return results
        }
      }
    } catch let rollback as DryRunRollback {
      return rollback.results
    }
  }

  /// Thrown out of the transaction of a dry run so that it rolls back, carrying the results.
  private struct DryRunRollback: Error {
    var results: [ProviderImportResult]
  }

  /// One item under its own savepoint: its result and the providers to re-score.
  private static func importItem(
    _ item: ProviderImportItem, actor: AuditActor, on connection: Connection
  ) async throws -> (ProviderImportResult, affected: [UUID]) {
    do {
      try item.validate()
      return try await connection.transaction { connection in
        switch item.record {
        case .clinic(let input, let locations):
          return try await importClinic(
            input, locations: locations, item: item, actor: actor, on: connection)
        case .practitioner(let input, let locations):
          return try await importPractitioner(
            input, locations: locations, item: item, actor: actor, on: connection)
        }
      }
    } catch let error as StoreError where rejectsItem(error) {
      return (.rejected(error), [])
    } catch let error as PostgresError where rejectsItem(error) {
      return (.rejected(try await refusal(error, item: item, on: connection)), [])
    }
  }

  /// Whether a store error is the item's fault (the batch goes on) rather than the batch's.
  private static func rejectsItem(_ error: StoreError) -> Bool {
    [.invalidArgument, .alreadyExists, .notFound, .failedPrecondition, .versionConflict]
      .contains(error.code)
  }

  /// Whether the database refused the item's data (integrity or data exception classes 23 and
  /// 22) rather than failing as a whole (connection, cancellation, deadlock: those end the batch).
  private static func rejectsItem(_ error: PostgresError) -> Bool {
    guard let state = error.sqlState?.rawValue else { return false }
    return state.hasPrefix("23") || state.hasPrefix("22")
  }

  /// The rejection for a database refusal, naming the record that holds a taken NPI.
  private static func refusal(
    _ error: PostgresError, item: ProviderImportItem, on connection: Connection
  ) async throws -> StoreError {
    if error.sqlState == .uniqueViolation, error.constraintName == "practitioners_npi_key",
      case .practitioner(let input, _) = item.record, let npi = input.npi,
      let holder = try await connection.query(
        """
        select id, external_id from practitioners
         where npi = $1 and archived_at is null
        """, [npi]
      ).singleRow()
    {
      let (id, externalID) = try holder.decode((UUID, String?).self)
      return StoreError(
        code: .alreadyExists,
        message: "npi: \"\(npi)\" is already the NPI of live practitioner "
          + "\(id.uuidString.lowercased())"
          + (externalID.map { " (external_id \"\($0)\")" } ?? ""),
        field: "npi", entity: "practitioner", entityID: id.uuidString.lowercased())
    }
    return StoreError(error)
  }

  // MARK: Clinics

  private static func importClinic(
    _ input: ClinicInput, locations: [LocationInput], item: ProviderImportItem,
    actor: AuditActor, on connection: Connection
  ) async throws -> (ProviderImportResult, affected: [UUID]) {
    let key = item.externalID
    var found = try await lockedByExternalID(
      "clinics", columns: clinicFieldColumns, key: key, on: connection)
    if found == nil {
      try await refuseOtherKind(key, importing: "clinic", on: connection)
      if let id = item.id {
        throw try await idMismatch(id, externalID: key, kind: "clinic", found: nil, on: connection)
      }
      if let id = try await insertClinic(input, externalID: key, actor: actor, on: connection) {
        try await insertLocations(
          locations, providerID: id, ownerKey: key, actor: actor, on: connection)
        _ = try await importParts(
          item.parts, providerID: id, key: key, actor: actor, on: connection)
        return (try await result(.created, "clinics", id: id, on: connection), [id])
      }
      // Another import created it since the look-up: treat the row as an update of that one.
      found = try await lockedByExternalID(
        "clinics", columns: clinicFieldColumns, key: key, on: connection)
    }
    guard let found else {
      throw StoreError(code: .internal, message: "clinic \(key) vanished during the import")
    }
    try await checkExisting(found, item: item, kind: "clinic", on: connection)
    var changed = false
    if try clinicFields(found.row) != input {
      try await replaceClinic(
        id: found.id, before: found.image, input, actor: actor, on: connection)
      changed = true
    }
    changed =
      try await syncLocations(
        locations, ownerKey: key, providerID: found.id, actor: actor, on: connection) || changed
    changed =
      try await importParts(
        item.parts, providerID: found.id, key: key, actor: actor, on: connection) || changed
    return (
      try await result(changed ? .updated : .unchanged, "clinics", id: found.id, on: connection),
      changed ? [found.id] : []
    )
  }

  /// Inserts a new record's locations as `<ownerKey>/locations/<index>`.
  private static func insertLocations(
    _ locations: [LocationInput], providerID: UUID, ownerKey: String, actor: AuditActor,
    on connection: Connection
  ) async throws {
    for (index, location) in locations.enumerated() {
      _ = try await insertLocation(
        providerID: providerID, location, externalID: "\(ownerKey)/locations/\(index)",
        actor: actor, on: connection)
    }
  }

  /// Makes each of an existing record's locations equal its input; whether any changed.
  private static func syncLocations(
    _ locations: [LocationInput], ownerKey: String, providerID: UUID, actor: AuditActor,
    on connection: Connection
  ) async throws -> Bool {
    var changed = false
    for (index, location) in locations.enumerated() {
      changed =
        try await syncLocation(
          location, index: index, ownerKey: ownerKey, providerID: providerID, actor: actor,
          on: connection) || changed
    }
    return changed
  }

  /// Makes location `<ownerKey>/locations/<index>` of provider `providerID` equal `input`; whether
  /// anything was written.
  private static func syncLocation(
    _ input: LocationInput, index: Int, ownerKey: String, providerID: UUID, actor: AuditActor,
    on connection: Connection
  ) async throws -> Bool {
    let key = "\(ownerKey)/locations/\(index)"
    guard
      let id = try await connection.query(
        "select id from locations where external_id = $1 for update", [key]
      ).singleRow()?.decode(UUID.self, at: 0)
    else {
      _ = try await insertLocation(
        providerID: providerID, input, externalID: key, actor: actor, on: connection)
      return true
    }
    let field = "locations[\(index)]"
    let current = try await locationRecord(id, on: connection)
    guard current.providerID == providerID else {
      throw StoreError(
        code: .alreadyExists,
        message: "\(field): the external id \"\(key)\" names a location of another provider "
          + "(\(current.providerID.uuidString.lowercased()))",
        field: field, entity: "location", entityID: key)
    }
    guard current.archivedAt == nil else {
      throw StoreError(
        code: .failedPrecondition,
        message: "\(field): location \(id.uuidString.lowercased()) (\"\(key)\") is archived",
        field: field, entity: "location", entityID: id.uuidString.lowercased())
    }
    guard current.fields != input else { return false }
    guard let before = try await AuditLog.image("locations", id: id, on: connection) else {
      throw StoreError(code: .internal, message: "location \(key) vanished during the import")
    }
    try await replaceLocation(
      id: id, providerID: providerID, before: before, input, actor: actor, on: connection)
    return true
  }

  // MARK: Practitioners

  private static func importPractitioner(
    _ input: PractitionerInput, locations: [LocationInput], item: ProviderImportItem,
    actor: AuditActor, on connection: Connection
  ) async throws -> (ProviderImportResult, affected: [UUID]) {
    let key = item.externalID
    var found = try await lockedByExternalID(
      "practitioners", columns: practitionerFieldColumns, key: key, on: connection)
    if found == nil {
      try await refuseOtherKind(key, importing: "practitioner", on: connection)
      if let id = item.id {
        throw try await idMismatch(
          id, externalID: key, kind: "practitioner", found: nil, on: connection)
      }
      if let id = try await insertPractitioner(
        input, externalID: key, actor: actor, on: connection)
      {
        try await insertLocations(
          locations, providerID: id, ownerKey: key, actor: actor, on: connection)
        _ = try await importParts(
          item.parts, providerID: id, key: key, actor: actor, on: connection)
        return (
          try await result(.created, "practitioners", id: id, on: connection),
          input.listedSolo ? [id] : []
        )
      }
      found = try await lockedByExternalID(
        "practitioners", columns: practitionerFieldColumns, key: key, on: connection)
    }
    guard let found else {
      throw StoreError(code: .internal, message: "practitioner \(key) vanished during the import")
    }
    try await checkExisting(found, item: item, kind: "practitioner", on: connection)
    var changed = false
    if try practitionerFields(found.row) != input {
      try await replacePractitioner(
        id: found.id, before: found.image, input, actor: actor, on: connection)
      changed = true
    }
    changed =
      try await syncLocations(
        locations, ownerKey: key, providerID: found.id, actor: actor, on: connection) || changed
    changed =
      try await importParts(
        item.parts, providerID: found.id, key: key, actor: actor, on: connection) || changed
    guard changed else {
      return (try await result(.unchanged, "practitioners", id: found.id, on: connection), [])
    }
    return (
      try await result(.updated, "practitioners", id: found.id, on: connection),
      try await affectedBy(practitioner: found.id, on: connection)
    )
  }

  // MARK: Shared

  /// A record found by external id and locked for the rest of the transaction.
  private struct Found {
    var id: UUID
    var archived: Bool
    /// The row image, the audit entry's `before`.
    var image: PostgresJSONB
    /// The row, holding the kind's field columns.
    var row: PostgresRow
  }

  /// The row of `table` with external id `key`, locked, with `columns`.
  private static func lockedByExternalID(
    _ table: String, columns: String, key: String, on connection: Connection
  ) async throws -> Found? {
    guard
      let row = try await connection.query(
        """
        select t.id, t.archived_at is not null as archived, to_jsonb(t) as image, \(columns)
          from \(table) t where t.external_id = $1 for update
        """, [key]
      ).singleRow()
    else { return nil }
    return Found(
      id: try row.decode(UUID.self, "id"), archived: try row.decode(Bool.self, "archived"),
      image: try row.decode(PostgresJSONB.self, "image"), row: row)
  }

  /// Refuses an external id that a record of the other kind already has: one key, one record.
  private static func refuseOtherKind(
    _ key: String, importing kind: String, on connection: Connection
  ) async throws {
    let other = kind == "clinic" ? "practitioner" : "clinic"
    guard
      let id = try await connection.query(
        "select id from \(other)s where external_id = $1", [key]
      ).singleRow()?.decode(UUID.self, at: 0)
    else { return }
    throw StoreError(
      code: .alreadyExists,
      message: "external_id: \"\(key)\" already names \(other) \(id.uuidString.lowercased()); "
        + "a \(kind) cannot reuse it",
      field: "external_id", entity: other, entityID: id.uuidString.lowercased())
  }

  /// Refuses an existing record the item's `id` does not name, or one that is archived.
  private static func checkExisting(
    _ found: Found, item: ProviderImportItem, kind: String, on connection: Connection
  ) async throws {
    if let id = item.id, id != found.id {
      throw try await idMismatch(
        id, externalID: item.externalID, kind: kind, found: found.id, on: connection)
    }
    if found.archived {
      let id = found.id.uuidString.lowercased()
      throw StoreError(
        code: .failedPrecondition,
        message: "external_id: \"\(item.externalID)\" names \(kind) \(id), which is archived; "
          + "an import does not revive archived records",
        field: "external_id", entity: kind, entityID: id)
    }
  }

  /// The rejection of an `id` that is not the record `externalID` names (`found`, if any).
  private static func idMismatch(
    _ id: UUID, externalID: String, kind: String, found: UUID?, on connection: Connection
  ) async throws -> StoreError {
    let named = try await connection.query(
      """
      select p.kind, coalesce(c.external_id, r.external_id)
        from providers p
        left join clinics c on c.id = p.id
        left join practitioners r on r.id = p.id
       where p.id = $1
      """, [id]
    ).singleRow()?.decode((String, String?).self)
    let text = id.uuidString.lowercased()
    let actual =
      named.map { kind, key in
        "\(text) is the \(kind) " + (key.map { "with external_id \"\($0)\"" } ?? "without one")
      } ?? "no clinic or practitioner has id \(text)"
    let wanted =
      found.map { "external_id \"\(externalID)\" names \(kind) \($0.uuidString.lowercased())" }
      ?? "no \(kind) has external_id \"\(externalID)\""
    return StoreError(
      code: .invalidArgument, message: "id: \(actual); \(wanted)", field: "id", entity: kind,
      entityID: text)
  }

  /// The result of a record written (or left) as `outcome`, with its version now.
  private static func result(
    _ outcome: ProviderImportResult.Outcome, _ table: String, id: UUID, on connection: Connection
  ) async throws -> ProviderImportResult {
    let version = try await connection.query(
      "select version from \(table) where id = $1", [id]
    ).singleRow()!.decode(Int.self, at: 0)
    return ProviderImportResult(outcome: outcome, id: id, version: version)
  }
}
