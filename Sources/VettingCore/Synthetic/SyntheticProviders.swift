/// Generates varied, plausible provider facts from a seed: for the benchmark, property tests and
/// demo data. The same seed always gives the same providers.
///
/// A class (not Sendable) because it is a stateful stream used from one place at a time.
public final class SyntheticProviders {
  private var random: SplitMix64
  /// The stream facts added after rubric 2026.1 are drawn from, so that adding one leaves every
  /// earlier fact of every generated provider (and so the demo directory) as it was.
  private var later: SplitMix64
  private var counter = 0
  /// Whether the provider being generated is a strong one (about one in six): nearly every
  /// practice in place and checked, so the set spans every tier.
  private var strong = false
  /// The day generated expiries are spread around.
  public let around: Day

  /// Creates a generator.
  public init(seed: UInt64, around: Day) {
    random = SplitMix64(seed: seed)
    later = SplitMix64(seed: seed ^ 0x2026_0002_0000_0000)
    self.around = around
  }

  /// The next provider.
  public func next() -> ProviderFacts {
    counter += 1
    strong = chance(0.17)
    let kind: ProviderKind = chance(0.6) ? .clinic : .practitioner
    var facts = ProviderFacts(
      id: "synthetic-\(counter)", kind: kind,
      name: kind == .clinic ? "Synthetic Clinic \(counter)" : "Synthetic Practice \(counter)")
    facts.statesServed = Array(Self.states.shuffled(using: &random).prefix(int(1...3)))
    facts.routes = Route.allCases.filter { _ in chance(0.4) }
    if facts.routes.isEmpty { facts.routes = [pick(Route.allCases)] }
    let teamSize = kind == .clinic ? int(1...4) : 1
    facts.practitioners = (0..<teamSize).map { practitioner(index: $0, states: facts.statesServed) }
    if chance(0.3) {
      facts.affiliations.append(
        Affiliation(
          partnerName: "Partner \(counter)", partnerNPI: npi(valid: chance(0.95)),
          role: pick([.prescriber, .therapist, .medicalDirector]), provenance: provenance(),
          expires: expiry()))
    }
    if kind == .clinic && chance(0.7) {
      facts.npi = Attested(npi(valid: chance(0.95), prefix: 2), provenance(), expires: expiry())
    }
    let hasPrescriber = facts.practitioners.contains { $0.isPrescriber }
    if !hasPrescriber && chance(0.9) {
      facts.affiliations.append(
        Affiliation(
          partnerName: "Prescribing partner \(counter)", partnerNPI: npi(valid: true),
          role: .prescriber, provenance: provenance(), expires: expiry()))
    }
    facts.practice = practice()
    return facts
  }

  static let states = ["CA", "CO", "FL", "MI", "NY", "OR", "TX", "WA"]

  private func practitioner(index: Int, states: [String]) -> Practitioner {
    // The first team member of most providers is a therapist in a mental-health discipline, so
    // that the generated set spans every tier rather than being dominated by critical flags.
    let roles: [PractitionerRole] =
      chance(0.2)
      ? [.therapist, .prescriber]
      : [index == 0 && chance(0.85) || chance(0.4) ? .therapist : .prescriber]
    let discipline =
      roles.contains(.therapist) && chance(0.9)
      ? pick([.psychiatry, .psychology, .psychotherapy, .psychiatricNursing])
      : pick(Discipline.allCases)
    var person = Practitioner(
      id: "p\(counter)-\(index)", name: "Practitioner \(counter)-\(index)", roles: roles,
      discipline: discipline)
    if chance(0.9) {
      person.npi = Attested(npi(valid: chance(0.95), prefix: 1), provenance(), expires: expiry())
    }
    let licenseCount = chance(0.02) ? 0 : int(1...2)
    person.licenses = (0..<licenseCount).map { number in
      License(
        state: chance(0.85) ? pick(states) : pick(Self.states),
        type: roles.contains(.prescriber) ? "MD" : "LMFT", number: "L\(counter)\(index)\(number)",
        status: chance(0.95) ? .active : pick(LicenseStatus.allCases), provenance: provenance(),
        expires: expiry())
    }
    person.trainings = (0..<int(0...2)).map { _ in
      Training(
        program: pick(TrainingProgram.allCases), hours: int(4...150),
        completed: chance(0.9) ? around.advanced(byDays: -int(30...2000)) : nil,
        provenance: provenance(), expires: chance(0.2) ? expiry() : nil)
    }
    person.certifications = (0..<(chance(0.75) ? 1 : 0)).map { _ in
      Certification(
        kind: pick(CertificationKind.allCases), provenance: provenance(), expires: expiry())
    }
    if chance(0.5) {
      person.boardCertification = Attested(discipline, provenance(), expires: expiry())
    }
    person.kapSessionsDelivered = maybe { int(0...200) }
    person.graduateDegree = flag(0.9)
    person.yearsInPractice = maybe { int(0...30) }
    person.traumaTraining = flag(0.7)
    person.malpracticeInsurance = flag(0.9)
    return person
  }

  private func practice() -> PracticeProfile {
    var practice = PracticeProfile()
    practice.screening.psychiatricEvaluation = maybe { evaluationMode() }
    practice.screening.contraindicationsScreened = flag(0.85)
    practice.screening.substanceUseScreened = flag(0.85)
    practice.screening.urineToxicology = flag(0.5)
    practice.screening.ratingScales = flag(0.7)
    practice.screening.priorTreatmentsReviewed = flag(0.7)
    practice.screening.comprehensiveHistory = flag(0.6)
    practice.screening.medicalAssessment = flag(0.8)
    practice.safety.vitalsBefore = flag(0.85)
    practice.safety.continuousMonitoring = flag(0.9)
    practice.safety.vitalsAfter = flag(0.8)
    practice.safety.writtenStopRule = flag(0.6)
    practice.safety.emergencyEquipment = flag(0.8)
    practice.safety.adverseReactionProtocol = flag(0.7)
    practice.safety.observationMinutes = maybe { int(30...180) }
    practice.safety.recoverySpace = flag(0.7)
    practice.safety.dischargeEscort = flag(0.7)
    practice.safety.patientNeverLeftAlone = flag(0.97)
    practice.safety.onePatientPerRoom = flag(0.8)
    practice.safety.remsCertified = flag(0.95)
    practice.integration.treatmentPlan = flag(0.7)
    practice.integration.preparationSessions = flag(0.8)
    practice.integration.supportDuringDosing = flag(0.7)
    practice.integration.integrationSessions = flag(0.8)
    practice.integration.integrationWithinHours = maybe { int(12...168) }
    practice.integration.psychiatricEmergencyPlan = flag(0.7)
    practice.home.evaluationBeforePrescribing = maybe { evaluationMode() }
    practice.home.inPersonEvaluation = flag(0.6)
    practice.home.faceToFaceFollowUps = flag(0.6)
    practice.home.sitterRequired = flag(0.7)
    practice.home.maxDoseMg = maybe { chance(0.1) ? nil : int(100...600) }
    practice.home.dosesPerFill = maybe { chance(0.85) ? int(2...8) : int(9...30) }
    practice.home.checkIns = flag(0.7)
    practice.home.bloodPressureCuff = flag(0.6)
    practice.home.prescriptionMonitoringChecks = flag(0.6)
    practice.home.misuseScreening = flag(0.6)
    var formulations = [Attested(HomeFormulation.oralLozenge, provenance())]
    if chance(0.08) { formulations.append(Attested(.nasalSpray, provenance())) }
    if chance(0.03) { formulations.append(Attested(.injection, provenance())) }
    practice.home.formulations = formulations
    practice.ethics.marketingReviewed = flag(0.8)
    practice.ethics.claims = MarketingClaim.allCases.filter { _ in !strong && chance(0.08) }.map {
      Attested($0, provenance())
    }
    practice.ethics.adChannels = AdChannel.allCases.filter {
      $0.isMassMarket ? chance(0.08) : chance(0.5)
    }
    practice.ethics.risksDisclosed = flag(0.8)
    practice.ethics.pricingPublished = flag(0.7)
    practice.ethics.bundlesRequired = flag(0.2, good: false)
    practice.ethics.consentCoversOffLabel = flag(0.85)
    practice.ethics.definedCourse = flag(0.7)
    practice.ethics.routineSedatives = flag(0.15, good: false)
    practice.ethics.codeOfConductSigned = flag(0.6)
    drawingLater { addLaterFacts(to: &practice) }
    return practice
  }

  /// Facts added after rubric 2026.1 (drawn from ``later``).
  private func addLaterFacts(to practice: inout PracticeProfile) {
    practice.safety.pulseOximetry = flag(0.9)
    practice.safety.cardiacMonitoring = flag(0.7)
    practice.ethics.advertisesExcludedConditions = flag(0.03, good: false)
    practice.integration.therapistsKetamineTrained = flag(0.8)
    practice.ethics.prepaidPackagesRefundable = flag(0.7)
  }

  /// Runs `body` with the ``later`` stream in place of the main one.
  private func drawingLater(_ body: () -> Void) {
    swap(&random, &later)
    defer { swap(&random, &later) }
    body()
  }

  /// A boolean fact, `nil` one time in ten, true with probability `yes` (for a strong
  /// provider, nearly always the favourable value: true when `good`, false otherwise).
  private func flag(_ yes: Double, good: Bool = true) -> Attested<Bool>? {
    let probability = strong ? (good ? 0.99 : 0.01) : yes
    return maybe { chance(probability) }
  }

  private func maybe<T>(_ value: () -> T) -> Attested<T>? {
    guard !chance(strong ? 0.01 : 0.1) else { return nil }
    return Attested(value(), provenance(), expires: chance(0.15) ? expiry() : nil)
  }

  /// Mostly live evaluations; brief contact in one case in ten.
  private func evaluationMode() -> EvaluationMode {
    chance(0.9) ? pick([.inPerson, .liveVideo]) : pick([.briefVideo, .questionnaireOnly])
  }

  /// Weighted towards checked evidence, as in a directory after its first review cycle.
  private func provenance() -> Provenance {
    chance(strong ? 0.95 : 0.6)
      ? pick([.verifiedByStaff, .publicRegistry]) : pick(Provenance.allCases)
  }

  /// An expiry mostly after `around` (about one in twelve has lapsed), or none.
  private func expiry() -> Day? {
    chance(0.3) ? nil : around.advanced(byDays: chance(0.92) ? int(1...900) : int(-400...0))
  }

  private func npi(valid: Bool, prefix: Int = 1) -> String {
    var digits = String(prefix)
    for _ in 0..<8 { digits += String(int(0...9)) }
    for check in 0...9 where NPI.isValid(digits + String(check)) == valid {
      return digits + String(check)
    }
    return digits + "0"
  }

  private func chance(_ probability: Double) -> Bool {
    Double(random.next() >> 11) / Double(1 << 53) < probability
  }

  private func int(_ range: ClosedRange<Int>) -> Int {
    Int.random(in: range, using: &random)
  }

  private func pick<T>(_ values: [T]) -> T {
    values[int(0...(values.count - 1))]
  }
}
