import Foundation
import LibPQ
import VettingCore

/// The live evidence of one provider, strongest first per subject, and how it upgrades facts.
///
/// How evidence changes what the rubric reads (the rule, in one place):
/// - An evidence item names its fact by `subject`: a ``FactKey`` raw value, optionally prefixed by
///   its area (`screening.urine-toxicology`). A `license_id` / `training_id` ties it to that row.
/// - Only live items (not archived) that have not expired on the as-of day count. Expired evidence
///   is ignored, so the fact falls back to its own provenance.
/// - The fact's provenance becomes the stronger of its own and the best evidence's; its expiry
///   becomes the earlier of its own and that evidence's, because the credit rests on it.
/// - Evidence upgrades a fact that exists; it does not invent a practice claim (the questionnaire
///   says *what* is done, evidence says how sure we are). The exceptions are yes/no credentials of a
///   practitioner that the directory has no other place for: `malpractice-insurance`,
///   `graduate-degree` and `trauma-training` evidence on a practitioner records that fact as true.
struct EvidenceIndex: Sendable {
  /// Every subject evidence can name (``FactKey/evidenceSubjects``): the facts this type reads.
  static let subjectsRead = Set(FactKey.evidenceSubjects)

  struct Item: Sendable {
    var key: FactKey
    var licenseID: UUID?
    var trainingID: UUID?
    var provenance: Provenance
    var expires: Day?
  }

  private(set) var items: [Item] = []

  init(items: [Item]) { self.items = items }

  /// Loads the provider's live, unexpired evidence (in id order, so that ties between equally
  /// strong items resolve the same way here and in ``FactsBatchLoader``).
  static func load(providerID: UUID, on connection: Connection, asOf: Day) async throws
    -> EvidenceIndex
  {
    let rows = try await connection.query(
      """
      select fact, license_id, training_id, provenance, expires_on from evidence_items
       where provider_id = $1 and archived_at is null and (expires_on is null or expires_on >= $2)
       order by id
      """, [providerID, asOf.postgres])
    var items: [Item] = []
    for row in rows {
      if let item = try item(row) { items.append(item) }
    }
    return EvidenceIndex(items: items)
  }

  /// One `evidence_items` row (columns `fact`, `license_id`, `training_id`, `provenance`,
  /// `expires_on`) as an item, or `nil` when it names no fact the rubric reads.
  static func item(_ row: PostgresRow) throws -> Item? {
    let fact = try row.decode(String.self, "fact")
    guard let key = FactKey(rawValue: String(fact.split(separator: ".").last ?? "")) else {
      return nil
    }
    return Item(
      key: key, licenseID: try row.decode(UUID?.self, "license_id"),
      trainingID: try row.decode(UUID?.self, "training_id"),
      provenance: SchemaVocabulary.provenance(try row.decode(String.self, "provenance")),
      expires: try row.decode(PostgresDate?.self, "expires_on").map(Day.init))
  }

  /// The strongest item matching `predicate`.
  func best(where predicate: (Item) -> Bool) -> Item? {
    items.filter(predicate).max { $0.provenance < $1.provenance }
  }

  func best(_ key: FactKey) -> Item? {
    best { $0.key == key && $0.licenseID == nil && $0.trainingID == nil }
  }

  /// Provenance and expiry after applying `item`.
  static func upgraded(_ provenance: Provenance, _ expires: Day?, by item: Item?) -> (
    Provenance, Day?
  ) {
    guard let item, item.provenance > provenance else { return (provenance, expires) }
    switch (expires, item.expires) {
    case (let own?, let other?): return (item.provenance, min(own, other))
    case (nil, let other): return (item.provenance, other)
    case (let own, nil): return (item.provenance, own)
    }
  }

  func upgrade<Value>(_ fact: inout Attested<Value>?, _ key: FactKey) {
    guard var value = fact else { return }
    (value.provenance, value.expires) = Self.upgraded(
      value.provenance, value.expires, by: best(key))
    fact = value
  }

  /// Applies the evidence to every attested fact of the practice profile.
  func upgrade(_ profile: inout PracticeProfile) {
    upgrade(&profile.screening.psychiatricEvaluation, .psychiatricEvaluation)
    upgrade(&profile.screening.psychiatricEvaluationMinutes, .psychiatricEvaluationMinutes)
    upgrade(&profile.screening.contraindicationsScreened, .contraindicationsScreened)
    upgrade(&profile.screening.substanceUseScreened, .substanceUseScreened)
    upgrade(&profile.screening.urineToxicology, .urineToxicology)
    upgrade(&profile.screening.ratingScales, .ratingScales)
    upgrade(&profile.screening.priorTreatmentsReviewed, .priorTreatmentsReviewed)
    upgrade(&profile.screening.comprehensiveHistory, .comprehensiveHistory)
    upgrade(&profile.screening.medicalAssessment, .medicalAssessment)
    upgrade(&profile.safety.vitalsBefore, .vitalsBefore)
    upgrade(&profile.safety.continuousMonitoring, .continuousMonitoring)
    upgrade(&profile.safety.pulseOximetry, .pulseOximetry)
    upgrade(&profile.safety.cardiacMonitoring, .cardiacMonitoring)
    upgrade(&profile.safety.vitalsAfter, .vitalsAfter)
    upgrade(&profile.safety.writtenStopRule, .writtenStopRule)
    upgrade(&profile.safety.emergencyEquipment, .emergencyEquipment)
    upgrade(&profile.safety.adverseReactionProtocol, .adverseReactionProtocol)
    upgrade(&profile.safety.observationMinutes, .observationMinutes)
    upgrade(&profile.safety.recoverySpace, .recoverySpace)
    upgrade(&profile.safety.dischargeEscort, .dischargeEscort)
    upgrade(&profile.safety.patientNeverLeftAlone, .patientNeverLeftAlone)
    upgrade(&profile.safety.onePatientPerRoom, .onePatientPerRoom)
    upgrade(&profile.safety.remsCertified, .remsCertified)
    upgrade(&profile.integration.treatmentPlan, .treatmentPlan)
    upgrade(&profile.integration.preparationSessions, .preparationSessions)
    upgrade(&profile.integration.supportDuringDosing, .supportDuringDosing)
    upgrade(&profile.integration.therapistsKetamineTrained, .therapistsKetamineTrained)
    upgrade(&profile.integration.integrationSessions, .integrationSessions)
    upgrade(&profile.integration.integrationWithinHours, .integrationWithinHours)
    upgrade(&profile.integration.psychiatricEmergencyPlan, .psychiatricEmergencyPlan)
    upgrade(&profile.home.evaluationBeforePrescribing, .evaluationBeforePrescribing)
    upgrade(
      &profile.home.evaluationBeforePrescribingMinutes, .evaluationBeforePrescribingMinutes)
    upgrade(&profile.home.inPersonEvaluation, .inPersonEvaluation)
    upgrade(&profile.home.faceToFaceFollowUps, .faceToFaceFollowUps)
    upgrade(&profile.home.sitterRequired, .sitterRequired)
    upgrade(&profile.home.maxDoseMg, .maxDoseMg)
    upgrade(&profile.home.dosesPerFill, .dosesPerFill)
    upgrade(&profile.home.checkIns, .checkIns)
    upgrade(&profile.home.bloodPressureCuff, .bloodPressureCuff)
    upgrade(&profile.home.prescriptionMonitoringChecks, .prescriptionMonitoringChecks)
    upgrade(&profile.home.misuseScreening, .misuseScreening)
    upgrade(&profile.ethics.marketingReviewed, .marketingReviewed)
    upgrade(&profile.ethics.advertisesExcludedConditions, .advertisesExcludedConditions)
    upgrade(&profile.ethics.risksDisclosed, .risksDisclosed)
    upgrade(&profile.ethics.pricingPublished, .pricingPublished)
    upgrade(&profile.ethics.bundlesRequired, .bundlesRequired)
    upgrade(&profile.ethics.prepaidPackagesRefundable, .prepaidPackagesRefundable)
    upgrade(&profile.ethics.consentCoversOffLabel, .consentCoversOffLabel)
    upgrade(&profile.ethics.definedCourse, .definedCourse)
    upgrade(&profile.ethics.routineSedatives, .routineSedatives)
    upgrade(&profile.ethics.codeOfConductSigned, .codeOfConductSigned)
  }

  /// A yes/no practitioner credential recorded by evidence alone (see the type's documentation).
  func credential(_ key: FactKey) -> Attested<Bool>? {
    best(key).map { Attested(true, $0.provenance, expires: $0.expires) }
  }
}
