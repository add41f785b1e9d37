import Foundation
import LibPQ
import StoreTestSupport
import Testing
import VettingCore
import VettingStore

@Suite(.migratedDatabase)
struct PracticeProfileWriteTests {
  static let profileJSON = """
    {
      "routes": ["iv", "at-home"],
      "conditionsTreated": ["depression", "ptsd"],
      "acceptsInsurance": true, "insurancePayers": ["aetna"],
      "slidingScale": true,
      "pricing": {"perSessionUSD": 450},
      "telehealthStates": ["OH"],
      "acceptingNewPatients": true,
      "practice": {
        "screening": {
          "urineToxicology": {"value": true, "provenance": "self-reported"},
          "substanceUseScreened": {"value": true, "provenance": "document-on-file"}
        }
      }
    }
    """

  @Test func settingTheProfileStoresFactsAndSearchColumnsAndReScores() async throws {
    try await DirectoryTestStore.with { store in
      let clinic = try await store.directory.createClinic(
        Sample.clinic(), externalID: Sample.key("c"), actor: Sample.actor)
      let result = try await store.directory.setPracticeProfile(
        providerID: clinic.id, expectedVersion: 0, json: Data(Self.profileJSON.utf8),
        actor: Sample.actor)
      #expect(result.profile.version == 1)
      #expect(result.profile.questionnaire.routes == [.intravenous, .atHome])
      #expect(result.assessment?.id != clinic.assessment?.id)
      let row = try await store.pool.query(
        """
        select routes, conditions, accepts_insurance, insurance_payers, sliding_scale,
               telehealth_states, accepting_new_patients
          from practice_profiles where provider_id = $1
        """, [clinic.id]
      ).singleRow()!
      #expect(try row.decode([String].self, "routes") == ["at_home", "iv"])
      #expect(try row.decode([String].self, "conditions") == ["depression", "ptsd"])
      #expect(try row.decode(Bool.self, "accepts_insurance"))
      #expect(try row.decode([String].self, "insurance_payers") == ["aetna"])
      #expect(try row.decode(Bool.self, "sliding_scale"))
      #expect(try row.decode([String].self, "telehealth_states") == ["OH"])
      #expect(try row.decode(Bool.self, "accepting_new_patients"))
      // The at-home route now applies the at-home criteria; telehealth states are served.
      let latest = try #require(try await store.assessments.latestAssessment(providerID: clinic.id))
      #expect(latest.assessment.outcome("screening.urine-toxicology")?.status == .partlyMet)
      let profileID = try await profileID(store, clinic.id)
      #expect(try await store.audit(entityID: profileID).map(\.action) == ["create"])

      // A second write needs the profile's version.
      let stale = try await #require(throws: StoreError.self) {
        try await store.directory.setPracticeProfile(
          providerID: clinic.id, expectedVersion: 0, json: Data(Self.profileJSON.utf8),
          actor: Sample.actor)
      }
      #expect(stale.code == .versionConflict)
      #expect(stale.currentVersion == 1)
      var changed = result.profile.questionnaire
      changed.acceptingNewPatients = false
      let second = try await store.directory.setPracticeProfile(
        providerID: clinic.id, expectedVersion: 1, changed, actor: Sample.actor)
      #expect(second.profile.version == 2)
      #expect(second.profile.questionnaire == changed)
    }
  }

  func profileID(_ store: DirectoryTestStore, _ provider: UUID) async throws -> UUID {
    try await store.pool.query(
      "select id from practice_profiles where provider_id = $1", [provider]
    ).singleRow()!.decode(UUID.self, at: 0)
  }

  static let badDocuments: [(String, String)] = [
    (#"{"routes": ["iv", "teleport"]}"#, "profile.routes[1]"),
    (#"{"conditionsTreated": ["Depression"]}"#, "profile.conditionsTreated[0]"),
    (#"{"telehealthStates": ["MI", "XX"]}"#, "profile.telehealthStates[1]"),
    (#"{"slidingScale": "yes"}"#, "profile.slidingScale"),
    (#"{"routs": ["iv"]}"#, "profile.routs"),
    (
      #"{"practice": {"screening": {"urineToxicology": {"value": true, "provenance": "rumour"}}}}"#,
      "profile.practice.screening.urineToxicology.provenance"
    ),
    (
      #"{"practice": {"safety": {"vitalsBefore": {"provenance": "self-reported"}}}}"#,
      "profile.practice.safety.vitalsBefore.value"
    ),
    (#"{"pricing": {"perSessionUSD": -5}}"#, "profile.pricing.perSessionUSD"),
    // Misspelt keys below the top level are refused too, not silently dropped.
    (#"{"practice": {"saftey": {}}}"#, "profile.practice.saftey"),
    (
      #"{"practice": {"home": {"inPersonEvaluation": {"value": true, "provenance": "self-reported"}, "dosingLogg": {}}}}"#,
      "profile.practice.home.dosingLogg"
    ),
    ("not json", "profile"),
  ]

  @Test(arguments: badDocuments)
  func aBadDocumentIsRefusedNamingItsJSONPath(_ json: String, _ field: String) async throws {
    try await DirectoryTestStore.with { store in
      let clinic = try await store.directory.createClinic(
        Sample.clinic(), externalID: Sample.key("c"), actor: Sample.actor)
      let error = try await #require(throws: StoreError.self) {
        try await store.directory.setPracticeProfile(
          providerID: clinic.id, expectedVersion: 0, json: Data(json.utf8), actor: Sample.actor)
      }
      #expect(error.code == .invalidArgument)
      #expect(error.field == field, "\(error.message)")
      #expect(try await store.directory.clinic(id: clinic.id).profile == nil)
    }
  }

  @Test func anUnknownProviderIsNotFound() async throws {
    try await DirectoryTestStore.with { store in
      let error = try await #require(throws: StoreError.self) {
        try await store.directory.setPracticeProfile(
          providerID: UUID(), expectedVersion: 0, json: Data("{}".utf8), actor: Sample.actor)
      }
      #expect(error.code == .notFound)
      #expect(error.entity == "provider")
    }
  }
}
