import GRPCCore
import StoreTestSupport
import Testing
import VettingAPI

@Suite("Two admins update the same clinic from the same version", .migratedDatabase)
struct ConcurrentUpdateTests {
  @Test(arguments: 1...3)
  func exactlyOneWins(round: Int) async throws {
    try await ServiceHarness.with { h in
      let admin = h.metadata(.admin)
      let clinic = try await h.admin.createClinic(
        Fixtures.createClinic("Race \(round)"), metadata: admin)
      let auditsBefore = try await Fixtures.auditCount(h.pool, entityID: clinic.id)
      let results = await withTaskGroup(of: Result<Vetting_V1_Clinic, RPCError>.self) { group in
        for name in ["Alice's edit", "Bob's edit"] {
          group.addTask {
            do {
              return .success(
                try await h.admin.updateClinic(
                  .with {
                    $0.id = clinic.id
                    $0.expectedVersion = clinic.version
                    $0.fields = Fixtures.clinicFields(name)
                  }, metadata: admin))
            } catch let error as RPCError {
              return .failure(error)
            } catch {
              return .failure(RPCError(code: .unknown, message: "\(error)"))
            }
          }
        }
        var all: [Result<Vetting_V1_Clinic, RPCError>] = []
        for await result in group { all.append(result) }
        return all
      }
      let winners = results.compactMap { try? $0.get() }
      let losers = results.compactMap { result -> RPCError? in
        if case .failure(let error) = result { return error }
        return nil
      }
      #expect(winners.count == 1)
      #expect(losers.count == 1)
      let loser = try #require(losers.first)
      #expect(loser.code == .aborted)
      // Told why: the version it sent is stale, and which version is current now.
      #expect(loser.message.contains("\(clinic.version + 1)"), "\(loser.message)")
      let winner = try #require(winners.first)
      #expect(winner.version == clinic.version + 1)
      let read = try await h.directory.getClinic(.with { $0.id = clinic.id }, metadata: admin)
      #expect(read.name == winner.name)
      #expect(try await Fixtures.auditCount(h.pool, entityID: clinic.id) == auditsBefore + 1)
    }
  }
}
