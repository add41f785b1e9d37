extension RubricV1 {
  static let licensure: [Criterion] = [
    Criterion(
      id: "licensure.active-license", area: .licensure, points: 10,
      requirement: "Every practitioner on the team holds an active, unexpired license in good "
        + "standing.",
      evidence: "State board lookup (public registry) or staff verification of each license: "
        + "status and expiry. Scored on the weakest practitioner.",
      sources: [.behavioralHealthGuide, .taraMind, .ketamineOath]
    ) { context in
      context.everyPractitioner(nil, missing: .practitioners) { context.bestLicense(of: $0) }
    },
    Criterion(
      id: "licensure.licensed-in-served-states", area: .licensure, points: 5,
      requirement: "Every practitioner is licensed in every state whose patients the provider "
        + "serves, including by telehealth.",
      evidence: "A current, active license per served state on each practitioner's record.",
      sources: [.behavioralHealthGuide, .deaRyanHaight]
    ) { context in
      guard !context.facts.statesServed.isEmpty else {
        return .none(Basis(.statesServed, .missing))
      }
      return context.everyPractitioner(nil, missing: .practitioners) { practitioner in
        var weakest = Pick.weakest()
        for state in context.facts.statesServed {
          weakest.offer(context.bestLicense(of: practitioner, state: state))
        }
        return weakest.chosen!
      }
    },
    Criterion(
      id: "licensure.valid-npi", area: .licensure, points: 4,
      requirement: "Every practitioner has an NPI that passes the check digit and is active in "
        + "the NPPES registry.",
      evidence: "NPPES NPI Registry lookup (public registry), re-checked monthly; the number must "
        + "pass the CMS check-digit test.",
      sources: [.nppes, .behavioralHealthGuide, .taraMind]
    ) { context in
      context.everyPractitioner(nil, missing: .practitioners, professionalOnly: true) {
        practitioner in
        guard let npi = practitioner.npi else {
          return .none(Basis(.npi, .missing, subject: practitioner.name))
        }
        let validity = NPI.validate(npi.value)
        if validity != .valid {
          return .none(
            Basis(
              .npi, .invalid, detail: validity.phrase, provenance: npi.provenance,
              subject: practitioner.name))
        }
        if let finding = practitioner.npiRegistry {
          return .none(
            Basis(
              .npi, .invalid, detail: finding.phrase, provenance: .publicRegistry,
              subject: practitioner.name))
        }
        if npi.isExpired(asOf: context.asOf) {
          return .none(
            Basis(
              .npi, .expired, provenance: npi.provenance, date: npi.expires,
              subject: practitioner.name))
        }
        return Evaluation(
          credit: context.credit(npi.provenance),
          basis: Basis(
            .npi, .affirmed, detail: "valid", provenance: npi.provenance, date: npi.expires,
            subject: practitioner.name))
      }
    },
    Criterion(
      id: "licensure.malpractice-insurance", area: .licensure, points: 3,
      requirement: "Every practitioner carries malpractice insurance.",
      evidence: "Certificate of insurance on file; verified with the carrier for full credit.",
      sources: [.taraMind]
    ) { context in
      context.everyPractitioner(nil, missing: .practitioners, professionalOnly: true) {
        context.yes(.malpracticeInsurance, $0.malpracticeInsurance, subject: $0.name)
      }
    },
    Criterion(
      id: "licensure.physician-oversight", area: .licensure, points: 4,
      requirement: "The clinic is overseen by a physician board-certified in anesthesiology, "
        + "emergency medicine or psychiatry.",
      evidence: "Board certification of a prescriber on the team (certifying board lookup).",
      sources: [.taraMind, .asa], applicability: .clinic
    ) { context in
      context.anyPractitioner(
        .prescriber, missing: .clinicOversight,
        missingDetail: "no board-certified physician on the team"
      ) { practitioner in
        guard let board = practitioner.boardCertification else {
          return .none(Basis(.clinicOversight, .missing, subject: practitioner.name))
        }
        if board.isExpired(asOf: context.asOf) {
          return .none(
            Basis(
              .clinicOversight, .expired, provenance: board.provenance, date: board.expires,
              subject: practitioner.name))
        }
        let accepted = board.value.isAcceptedOversightBoard
        return Evaluation(
          credit: accepted ? context.credit(board.provenance) : 0,
          basis: Basis(
            .clinicOversight, accepted ? .affirmed : .denied, detail: board.value.rawValue,
            provenance: board.provenance, date: board.expires, subject: practitioner.name))
      }
    },
  ]
}
