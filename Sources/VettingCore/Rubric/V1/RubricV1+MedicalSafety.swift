extension RubricV1 {
  /// Minimum observation after dosing (KRF: at least 2 hours; Spravato REMS: at least 2 hours).
  static let observationMinutes = 120

  static let medicalSafety: [Criterion] = [
    Criterion(
      id: "safety.vitals-before", area: .medicalSafety, points: 4,
      requirement: "Blood pressure and heart rate are taken before each dose.",
      evidence: "Session protocol and vitals log template.",
      sources: [.apaConsensus, .spravatoREMS, .seedLifeWorks], applicability: .dosesOnSite
    ) { context in
      context.yes(.vitalsBefore, context.facts.practice.safety.vitalsBefore)
    },
    Criterion(
      id: "safety.continuous-monitoring", area: .medicalSafety, points: 6,
      requirement: "Blood pressure, heart rate and oxygen saturation are monitored continuously "
        + "during dosing.",
      evidence: "Protocol and monitoring equipment (pulse oximeter, automatic BP cuff).",
      sources: [.apaConsensus, .spravatoREMS, .apna, .seedKAIR], applicability: .dosesOnSite
    ) { context in
      context.yes(.continuousMonitoring, context.facts.practice.safety.continuousMonitoring)
    },
    Criterion(
      id: "safety.vitals-after", area: .medicalSafety, points: 3,
      requirement: "Vitals are taken again after dosing (about 40 minutes) and before discharge.",
      evidence: "Session protocol and vitals log template.",
      sources: [.spravatoREMS, .seedLifeWorks], applicability: .dosesOnSite
    ) { context in
      context.yes(.vitalsAfter, context.facts.practice.safety.vitalsAfter)
    },
    Criterion(
      id: "safety.stop-rule", area: .medicalSafety, points: 3,
      requirement: "A written rule says when a session is not started or is stopped (e.g. "
        + "blood-pressure limits set by the prescriber).",
      evidence: "The written rule.",
      sources: [.apaConsensus, .seedLifeWorks], applicability: .dosesOnSite
    ) { context in
      context.yes(.writtenStopRule, context.facts.practice.safety.writtenStopRule)
    },
    Criterion(
      id: "safety.certified-staff", area: .medicalSafety, points: 5,
      requirement: "Someone with a current ACLS or BLS certificate is present during dosing.",
      evidence: "Current ACLS/BLS certificate of a team member present at sessions.",
      sources: [.apaConsensus, .redFlagGuides], applicability: .dosesOnSite
    ) { context in
      lifeSupportCertificate(context)
    },
    Criterion(
      id: "safety.emergency-equipment", area: .medicalSafety, points: 4,
      requirement: "Resuscitation equipment and emergency drugs are on site.",
      evidence: "Equipment list; staff inspection for full credit.",
      sources: [.apna, .asa], applicability: .dosesOnSite
    ) { context in
      context.yes(.emergencyEquipment, context.facts.practice.safety.emergencyEquipment)
    },
    Criterion(
      id: "safety.adverse-reaction-protocol", area: .medicalSafety, points: 3,
      requirement: "A written protocol covers assessing and treating adverse reactions.",
      evidence: "The protocol.",
      sources: [.ketamineOath, .askp3PatientGuide], applicability: .dosesOnSite
    ) { context in
      context.yes(.adverseReactionProtocol, context.facts.practice.safety.adverseReactionProtocol)
    },
    Criterion(
      id: "safety.observation-time", area: .medicalSafety, points: 4,
      requirement: "Patients are observed for at least 120 minutes after dosing.",
      evidence: "Session protocol stating the observation period.",
      sources: [.krf, .spravatoREMS, .seedGPS], applicability: .dosesOnSite
    ) { context in
      context.atLeast(
        .observationMinutes, context.facts.practice.safety.observationMinutes, observationMinutes,
        unit: .minutes)
    },
    Criterion(
      id: "safety.recovery-space", area: .medicalSafety, points: 2,
      requirement: "A recovery space where patients stay until safe to leave.",
      evidence: "Floor plan or staff inspection.",
      sources: [.krf, .apna], applicability: .dosesOnSite
    ) { context in
      context.yes(.recoverySpace, context.facts.practice.safety.recoverySpace)
    },
    Criterion(
      id: "safety.discharge-escort", area: .medicalSafety, points: 2,
      requirement: "Patients leave only when safe, with a driver or escort, and are told not to "
        + "drive until the next day.",
      evidence: "Discharge protocol.",
      sources: [.krf, .spravatoREMS, .seedLifeWorks, .seedSafeHarbor], applicability: .dosesOnSite
    ) { context in
      context.yes(.dischargeEscort, context.facts.practice.safety.dischargeEscort)
    },
    Criterion(
      id: "safety.never-alone", area: .medicalSafety, points: 4,
      requirement: "A staff member stays with the patient for the whole dosing session.",
      evidence: "Session protocol and staffing schedule.",
      sources: [.redFlagGuides, .askp3PatientGuide, .seedLifeWorks], applicability: .dosesOnSite
    ) { context in
      context.yes(.patientNeverLeftAlone, context.facts.practice.safety.patientNeverLeftAlone)
    },
    Criterion(
      id: "safety.one-patient-per-room", area: .medicalSafety, points: 2,
      requirement: "One patient per room during dosing.",
      evidence: "Staff inspection or floor plan.",
      sources: [.askp3PatientGuide, .redFlagGuides], applicability: .dosesOnSite
    ) { context in
      context.yes(.onePatientPerRoom, context.facts.practice.safety.onePatientPerRoom)
    },
    Criterion(
      id: "safety.rems-certified", area: .medicalSafety, points: 5,
      requirement: "Esketamine is given only in a setting certified under the Spravato REMS.",
      evidence: "REMS healthcare-setting certification (REMS registry).",
      sources: [.spravatoREMS], applicability: .offersEsketamine
    ) { context in
      context.yes(.remsCertified, context.facts.practice.safety.remsCertified)
    },
  ]

  /// The strongest current ACLS/BLS certificate on the team.
  static func lifeSupportCertificate(_ context: EvaluationContext) -> Evaluation {
    var best = Pick.strongest()
    context.facts.practitioners.forEachBorrowed { practitioner in
      let name = practitioner.name
      practitioner.certifications.forEachBorrowed { certificate in
        let expired = certificate.expires.map { $0 < context.asOf } ?? false
        let result = Evaluation(
          credit: expired ? 0 : context.credit(certificate.provenance),
          basis: Basis(
            .lifeSupportCertificate, expired ? .expired : .affirmed,
            detail: expired ? nil : certificate.kind.rawValue, provenance: certificate.provenance,
            date: certificate.expires, subject: name))
        best.offer(result)
      }
    }
    return best.chosen
      ?? .none(
        Basis(.lifeSupportCertificate, .missing, detail: "no ACLS/BLS certificate on the team"))
  }
}
