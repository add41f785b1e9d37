import Foundation
import LibPQ
import StoreTestSupport
import Testing
import VettingCore
import VettingStore

/// A write that re-scores a clinic costs the same number of statements whatever the size of the
/// clinic's team: the facts are read with one statement per table (``FactsBatchLoader``), not
/// with statements per team member. Counted with `Connection.statementCount` on a pool of one
/// connection, so every statement of the write's transaction is on the counted connection.
@Suite(.migratedDatabase)
struct RescoreStatementCountTests {
  static let teamSizes = [1, 5, 20]

  /// A clinic with a location and `size` team members, each with a license and a training.
  static func clinic(team size: Int, _ directory: DirectoryRepository) async throws
    -> ClinicRecord
  {
    let clinic = try await directory.createClinic(
      Sample.clinic("Team of \(size) Clinic"), externalID: Sample.key("clinic"),
      actor: Sample.actor)
    _ = try await directory.addLocation(
      providerID: clinic.id, Sample.location(), actor: Sample.actor)
    for index in 0..<size {
      let member = try await directory.createPractitioner(
        Sample.practitioner(solo: false, roles: index == 0 ? [.prescriber] : [.therapist]),
        externalID: Sample.key("member"), actor: Sample.actor)
      _ = try await directory.addLicense(
        practitionerID: member.id, Sample.license(), actor: Sample.actor)
      _ = try await directory.addTraining(
        practitionerID: member.id,
        TrainingInput(
          program: .polaris, hours: 40, completedOn: Day(year: 2024, month: 5, day: 1)),
        actor: Sample.actor)
      _ = try await directory.affiliate(
        clinicID: clinic.id, practitionerID: member.id,
        role: index == 0 ? .prescriber : .therapist, actor: Sample.actor)
    }
    return try await directory.clinic(id: clinic.id)
  }

  /// Renames the clinic (a change of facts, so a new assessment is stored) `count` times;
  /// returns the statements each rename sent and the median time of one.
  static func renames(
    _ clinic: ClinicRecord, count: Int, pool: ConnectionPool, _ directory: DirectoryRepository
  ) async throws -> (statements: [Int], perWrite: Duration) {
    var record = clinic
    var statements: [Int] = []
    let clock = ContinuousClock()
    var times: [Duration] = []
    for round in 0..<count {
      let before = try await pool.withConnection { $0.statementCount }
      var fields = record.fields
      fields.name = "\(clinic.fields.name) \(round)"
      let started = clock.now
      record = try await directory.updateClinic(
        id: record.id, expectedVersion: record.version, fields, actor: Sample.actor)
      times.append(clock.now - started)
      statements.append(try await pool.withConnection { $0.statementCount } - before)
    }
    return (statements, times.sorted()[times.count / 2])
  }

  @Test("a clinic's re-score sends as many statements with a team of 20 as with a team of 1")
  func statementsDoNotGrowWithTheTeam() async throws {
    let pool = ConnectionPool(
      configuration: try MigratedDatabase.current.configuration,
      options: .init(maximumConnections: 1))
    let directory = DirectoryRepository(pool: pool, today: { DirectoryTestStore.today })
    do {
      var counts: [Int: Int] = [:]
      var factReads: [Int: Int] = [:]
      for size in Self.teamSizes {
        let clinic = try await Self.clinic(team: size, directory)
        let assessed = try await pool.query(
          "select count(*) from assessments where provider_id = $1", [clinic.id]
        ).singleRow()!.decode(Int.self, at: 0)
        let (statements, perWrite) = try await Self.renames(
          clinic, count: 20, pool: pool, directory)
        #expect(Set(statements).count == 1, "team of \(size): \(statements)")
        counts[size] = statements[0]
        let after = try await pool.query(
          "select count(*) from assessments where provider_id = $1", [clinic.id]
        ).singleRow()!.decode(Int.self, at: 0)
        #expect(after == assessed + 20, "each rename stored a new assessment")
        // The facts alone: what the re-score reads.
        let reads = try await pool.withConnection { connection in
          let before = connection.statementCount
          let facts = try await FactsAssembler.facts(
            providerID: clinic.id, on: connection, asOf: DirectoryTestStore.today)
          #expect(facts?.practitioners.count == size)
          return connection.statementCount - before
        }
        factReads[size] = reads
        print(
          "rescore: team of \(size): \(statements[0]) statements per clinic update "
            + "(\(reads) reading the facts), \(perWrite.milliseconds) ms per write (median of 20)")
      }
      #expect(counts[1] == counts[20], "statements per write by team size: \(counts)")
      #expect(counts[1] == counts[5])
      #expect(Set(factReads.values).count == 1, "statements reading the facts: \(factReads)")
      await pool.close()
    } catch {
      await pool.close()
      throw error
    }
  }
}

extension Duration {
  /// In milliseconds, two decimals.
  fileprivate var milliseconds: String {
    let (seconds, attoseconds) = components
    return String(format: "%.2f", Double(seconds) * 1000 + Double(attoseconds) / 1e15)
  }
}
