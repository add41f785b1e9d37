import Foundation
import VettingCore
import VettingStore

/// Generates demo providers from ``VettingCore/SyntheticProviders`` (varied practices, from
/// exemplary to predatory), gives them realistic names, places, unique NPIs and the staff of an
/// IV/IM clinic (nurses and monitors with life-support certificates), and lays them out as
/// ``VettingStore/DirectoryBatch`` rows. It does not score them: the store assesses what it
/// stored (``VettingStore/BulkAssessor``), as a revet would.
///
/// `@unchecked Sendable` because `demo-data` generates the next chunk in an `async let` child
/// while the parent task inserts the current one: the parent never touches the generator until
/// it has awaited that child, so exactly one task uses it at any moment.
final class DemoGenerator: @unchecked Sendable {
  private let synthetic: SyntheticProviders
  private var random: SystemRandomNumberGenerator
  private let label: String
  private let asOf: Day
  private var count = 0
  private var people = 0
  /// Added to the running numbers NPIs are made from, so a second demo load does not reuse the
  /// first one's NPIs (practitioner NPIs are unique among live records).
  private let firstNumber: Int

  init(seed: UInt64, label: String, asOf: Day, firstNumber: Int) {
    self.firstNumber = firstNumber
    synthetic = SyntheticProviders(seed: seed, around: asOf)
    random = SystemRandomNumberGenerator()
    self.label = label
    self.asOf = asOf
  }

  /// The next `size` providers.
  func batch(size: Int) throws -> DirectoryBatch {
    var batch = DirectoryBatch()
    for _ in 0..<size { try add(to: &batch) }
    return batch
  }

  private func add(to batch: inout DirectoryBatch) throws {
    count += 1
    var facts = synthetic.next()
    let providerID = UUID()
    let place = pickPlace()
    // The clinic's or solo practitioner's own state comes first among the states served.
    facts.statesServed = [place.state] + facts.statesServed.filter { $0 != place.state }
    if facts.kind == .clinic {
      addStaff(to: &facts)
    }
    var personIDs: [UUID] = []
    var names: [(String, String)] = []
    for index in facts.practitioners.indices {
      people += 1
      let given = DemoNames.given.randomElement(using: &random)!
      let family = DemoNames.family.randomElement(using: &random)!
      names.append((given, family))
      var person = facts.practitioners[index]
      person.name = "\(given) \(family)"
      if let npi = person.npi {
        person.npi = Attested(
          uniqueNPI(person: people, valid: NPI.isValid(npi.value)), npi.provenance,
          expires: npi.expires)
      }
      facts.practitioners[index] = person
      personIDs.append(facts.kind == .practitioner && index == 0 ? providerID : UUID())
    }
    if facts.kind == .clinic {
      facts.name =
        "\(DemoNames.clinicFirst.randomElement(using: &random)!) "
        + "\(DemoNames.clinicSecond.randomElement(using: &random)!)"
      if let npi = facts.npi {
        facts.npi = Attested(
          uniqueNPI(clinic: count, valid: NPI.isValid(npi.value)), npi.provenance,
          expires: npi.expires)
      }
    } else {
      facts.name = facts.practitioners.first?.name ?? "Practitioner \(count)"
    }
    facts.id = providerID.uuidString.lowercased()
    let questionnaire = self.questionnaire(facts)
    facts.routes = questionnaire.routes

    let key = "demo-\(label)-\(count)"
    batch.providerIDs.append(providerID)
    for partner in facts.affiliations {
      batch.partners.providerID.append(providerID)
      batch.partners.name.append(partner.partnerName)
      batch.partners.npi.append(partner.partnerNPI ?? "")
      batch.partners.role.append(SchemaVocabulary.column(partner.role))
      batch.partners.provenance.append(SchemaVocabulary.column(partner.provenance))
    }
    if facts.kind == .clinic {
      batch.clinics.id.append(providerID)
      batch.clinics.externalID.append(key)
      batch.clinics.name.append(facts.name)
      batch.clinics.npi.append(facts.npi?.value ?? "")
      batch.clinics.statesServed.append(facts.statesServed.joined(separator: ","))
      batch.clinics.website.append("https://clinic\(count).example.org")
    }
    for (index, person) in facts.practitioners.enumerated() {
      let solo = facts.kind == .practitioner && index == 0
      batch.practitioners.id.append(personIDs[index])
      batch.practitioners.externalID.append(solo ? key : "\(key)/team/\(index)")
      batch.practitioners.givenName.append(names[index].0)
      batch.practitioners.familyName.append(names[index].1)
      batch.practitioners.credentials.append(credentials(person))
      batch.practitioners.role.append(SchemaVocabulary.professionalRole(Set(person.roles)))
      batch.practitioners.npi.append(person.npi?.value ?? "")
      batch.practitioners.solo.append(solo)
      batch.practitioners.sessions.append(person.kapSessionsDelivered?.value ?? 0)
      batch.practitioners.discipline.append(
        SchemaVocabulary.column(person.discipline))
      batch.practitioners.statesServed.append(facts.statesServed.joined(separator: ","))
      batch.practitioners.practiceStartedOn.append(
        person.yearsInPractice.map { startedOn(yearsAgo: $0.value).description } ?? "")
      batch.practitioners.psychotherapyTrained.append(
        person.psychotherapyTraining.map { $0.value ? "true" : "false" } ?? "")
      for certificate in person.certifications {
        batch.certificates.practitionerID.append(personIDs[index])
        batch.certificates.kind.append(certificate.kind.rawValue)
        batch.certificates.expiresOn.append(certificate.expires?.description ?? "")
        batch.certificates.provenance.append(SchemaVocabulary.column(certificate.provenance))
      }
      if let board = person.boardCertification {
        batch.boardCertifications.practitionerID.append(personIDs[index])
        batch.boardCertifications.board.append(Self.board(board.value))
        batch.boardCertifications.specialty.append(SchemaVocabulary.column(board.value))
        batch.boardCertifications.expiresOn.append(board.expires?.description ?? "")
        batch.boardCertifications.provenance.append(SchemaVocabulary.column(board.provenance))
      }
      for license in person.licenses {
        batch.licenses.practitionerID.append(personIDs[index])
        batch.licenses.state.append(license.state)
        batch.licenses.type.append(license.type)
        batch.licenses.number.append(license.number)
        batch.licenses.status.append(
          SchemaVocabulary.column(license.status))
        batch.licenses.expiresOn.append(license.expires?.description ?? "")
        batch.licenses.provenance.append(SchemaVocabulary.column(license.provenance))
      }
      for training in person.trainings {
        batch.trainings.practitionerID.append(personIDs[index])
        batch.trainings.program.append(training.program.rawValue)
        batch.trainings.hours.append(training.hours)
        batch.trainings.completedOn.append(training.completed?.description ?? "")
        batch.trainings.expiresOn.append(training.expires?.description ?? "")
        batch.trainings.provenance.append(SchemaVocabulary.column(training.provenance))
      }
      if facts.kind == .clinic {
        batch.affiliations.clinicID.append(providerID)
        batch.affiliations.practitionerID.append(personIDs[index])
        batch.affiliations.role.append(affiliationRole(person))
      }
    }
    batch.locations.providerID.append(providerID)
    batch.locations.address.append("\(Int.random(in: 1...9999, using: &random)) Main Street")
    batch.locations.city.append(place.city)
    batch.locations.state.append(place.state)
    batch.locations.postalCode.append(
      place.zip3 + String(format: "%02d", Int.random(in: 1...99, using: &random)))
    batch.locations.latitude.append(
      place.latitude + Double.random(in: -0.12...0.12, using: &random))
    batch.locations.longitude.append(
      place.longitude + Double.random(in: -0.15...0.15, using: &random))

    batch.profiles.providerID.append(providerID)
    batch.profiles.facts.append(
      String(decoding: questionnaire.canonicalEncoding(), as: UTF8.self))
    batch.profiles.routes.append(
      questionnaire.routes.map(SchemaVocabulary.column).joined(separator: ","))
    batch.profiles.conditions.append(questionnaire.conditionsTreated.joined(separator: ","))
    batch.profiles.acceptsInsurance.append(questionnaire.acceptsInsurance)
    batch.profiles.payers.append(questionnaire.insurancePayers.joined(separator: ","))
    batch.profiles.slidingScale.append(questionnaire.slidingScale)
    batch.profiles.telehealth.append(questionnaire.telehealthStates.joined(separator: ","))
    batch.profiles.accepting.append(questionnaire.acceptingNewPatients)
  }

  /// Gives an IV or IM clinic the staff such clinics have: often a nurse who places the line and
  /// watches vital signs, sometimes a monitor, each with a BLS or ACLS certificate; the
  /// prescribers of such clinics mostly hold ACLS. Some clinics have none, as in real data.
  private func addStaff(to facts: inout ProviderFacts) {
    guard facts.routes.contains(.intravenous) || facts.routes.contains(.intramuscular) else {
      return
    }
    for index in facts.practitioners.indices where facts.practitioners[index].isPrescriber {
      if chance(0.7),
        !facts.practitioners[index].certifications.contains(where: { $0.kind == .acls })
      {
        facts.practitioners[index].certifications.append(
          Certification(kind: .acls, provenance: provenance(), expires: expiry()))
      }
      if facts.practitioners[index].discipline == .psychiatry {
        facts.practitioners[index].psychotherapyTraining = .selfReported(chance(0.5))
      }
    }
    if chance(0.6) {
      var nurse = Practitioner(
        id: "nurse", name: "Nurse", roles: [.nurse], discipline: .other)
      nurse.licenses = [
        License(
          state: facts.statesServed.first ?? "CA", type: "RN", number: "RN\(count)",
          status: chance(0.95) ? .active : .suspended, provenance: provenance(),
          expires: expiry())
      ]
      nurse.certifications = [
        Certification(kind: chance(0.5) ? .acls : .bls, provenance: provenance(), expires: expiry())
      ]
      nurse.yearsInPractice = .selfReported(Int.random(in: 1...25, using: &random))
      facts.practitioners.append(nurse)
    }
    if chance(0.25) {
      var monitor = Practitioner(
        id: "monitor", name: "Monitor", roles: [.monitor], discipline: .other)
      if chance(0.8) {
        monitor.certifications = [
          Certification(kind: .bls, provenance: provenance(), expires: expiry())
        ]
      }
      facts.practitioners.append(monitor)
    }
  }

  private func chance(_ probability: Double) -> Bool {
    Double.random(in: 0..<1, using: &random) < probability
  }

  private func provenance() -> Provenance {
    [.selfReported, .documentOnFile, .verifiedByStaff].randomElement(using: &random)!
  }

  /// An expiry from half a year ago to three years ahead (some lapsed, as in real data).
  private func expiry() -> Day {
    asOf.advanced(byDays: Int.random(in: -180...1100, using: &random))
  }

  /// A start of practice `years` whole years before the as-of day.
  private func startedOn(yearsAgo years: Int) -> Day {
    asOf.advanced(byDays: -(years * 365 + years / 4 + 30))
  }

  private func credentials(_ person: Practitioner) -> String {
    if person.roles.contains(.nurse) { return "RN" }
    if person.roles.contains(.monitor) { return "" }
    return person.isPrescriber ? "MD" : "LMFT"
  }

  private func affiliationRole(_ person: Practitioner) -> String {
    if person.roles.contains(.nurse) { return "nurse" }
    if person.roles.contains(.monitor) { return "monitor" }
    return person.isPrescriber ? "prescriber" : "therapist"
  }

  private static func board(_ specialty: Discipline) -> String {
    switch specialty {
    case .psychiatry: return "ABPN"
    case .anesthesiology: return "ABA"
    case .emergencyMedicine: return "ABEM"
    case .psychiatricNursing: return "ANCC"
    default: return "ABMS"
    }
  }

  /// The searchable questionnaire around the synthetic practice facts.
  private func questionnaire(_ facts: ProviderFacts) -> PracticeQuestionnaire {
    var conditions = ["depression"]
    for condition in DemoNames.conditions.dropFirst()
    where Double.random(in: 0..<1, using: &random) < 0.3 {
      conditions.append(condition)
    }
    let payers = DemoNames.payers.filter { _ in Double.random(in: 0..<1, using: &random) < 0.12 }
    return PracticeQuestionnaire(
      routes: facts.routes, conditionsTreated: conditions, acceptsInsurance: !payers.isEmpty,
      insurancePayers: payers, slidingScale: Double.random(in: 0..<1, using: &random) < 0.3,
      pricing: PracticePricing(perSessionUSD: Int.random(in: 3...12, using: &random) * 50),
      telehealthStates: Array(facts.statesServed.prefix(2)),
      acceptingNewPatients: Double.random(in: 0..<1, using: &random) < 0.75,
      practice: facts.practice)
  }

  /// A place, bigger metros (earlier in the list) more often.
  private func pickPlace() -> DemoPlaces.Place {
    let places = DemoPlaces.all
    let skewed = pow(Double.random(in: 0..<1, using: &random), 1.6)
    return places[min(places.count - 1, Int(skewed * Double(places.count)))]
  }

  /// NPIs unique per run: a payload from the running number, with a correct or a failing
  /// check digit as the synthetic facts asked.
  private func uniqueNPI(person: Int, valid: Bool) -> String {
    npi(prefix: "1", number: person, valid: valid)
  }
  private func uniqueNPI(clinic: Int, valid: Bool) -> String {
    npi(prefix: "2", number: clinic, valid: valid)
  }

  private func npi(prefix: String, number: Int, valid: Bool) -> String {
    let payload = prefix + String(format: "%08d", (firstNumber + number) % 100_000_000)
    let good = NPI.completing(payload) ?? payload + "0"
    guard !valid else { return good }
    let last = Int(String(good.last!))!
    return String(good.dropLast()) + String((last + 1) % 10)
  }
}
