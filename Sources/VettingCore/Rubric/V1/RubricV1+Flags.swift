extension RubricV1 {
  static let flags: [RedFlag] = critical + major + minor

  static let critical: [RedFlag] = [
    RedFlag(
      id: "licensure.license-revoked-or-suspended", severity: .critical,
      condition: "A practitioner on the team has a revoked or suspended license.",
      sources: [.behavioralHealthGuide, .taraMind]
    ) { context in
      context.facts.practitioners.firstResult { practitioner in
        let name = practitioner.name
        return practitioner.licenses.firstResult { license in
          guard license.status == .revoked || license.status == .suspended else { return nil }
          return Basis(
            .license, .status, detail: license.status.rawValue, provenance: license.provenance,
            subject: name, qualifier: license.state)
        }
      }
    },
    RedFlag(
      id: "licensure.unlicensed-practitioner", severity: .critical,
      condition: "A practitioner on the team whose role needs a license (therapist, prescriber, "
        + "nurse) has no license on record at all.",
      sources: [.taraMind, .behavioralHealthGuide]
    ) { context in
      context.facts.practitioners.firstResult { practitioner in
        guard practitioner.requiresLicense, practitioner.licenses.isEmpty else { return nil }
        return Basis(.license, .missing, detail: "no license on record", subject: practitioner.name)
      }
    },
    RedFlag(
      id: "team.no-mental-health-professional", severity: .critical,
      condition: "No one holds the mental-health role: no therapist in a mental-health discipline "
        + "on the team and no therapist partner (e.g. an anesthesia or pain practice selling "
        + "psychiatric ketamine without psychiatric expertise, preparation or integration).",
      sources: [.ketamineOath, .redFlagGuides, .seedPsychedelicSupport]
    ) { context in
      let member = context.facts.practitioners.firstResult { practitioner in
        practitioner.isTherapist && practitioner.discipline.isMentalHealth ? true : nil
      }
      let partner = context.facts.affiliations.firstResult { $0.role == .therapist ? true : nil }
      guard member == nil, partner == nil else { return nil }
      return Basis(
        .mentalHealthProfessional, .missing,
        detail: "no therapist in a mental-health discipline on the team or as a partner")
    },
    RedFlag(
      id: "team.no-medical-professional", severity: .critical,
      condition: "No one holds the medical role: no prescriber on the team and no prescribing "
        + "partner.",
      sources: [.ketamineOath]
    ) { context in
      guard !context.scope.covers(Applicability.ownPrescriber.bit),
        context.facts.affiliations.firstResult({ $0.role == .prescriber ? true : nil }) == nil
      else { return nil }
      return Basis(
        .medicalProfessional, .missing, detail: "no prescriber on the team or as a partner")
    },
    RedFlag(
      id: "safety.patient-left-alone", severity: .critical,
      condition: "Patients are left alone during dosing.",
      sources: [.redFlagGuides, .askp3PatientGuide], applicability: .dosesOnSite
    ) { context in
      context.recordedFalse(
        .patientNeverLeftAlone, context.facts.practice.safety.patientNeverLeftAlone)
    },
    RedFlag(
      id: "safety.injections-without-monitoring", severity: .critical,
      condition: "IV or IM ketamine is given without continuous monitoring of blood pressure, "
        + "heart rate and oxygen.",
      sources: [.apaConsensus, .redFlagGuides, .apna], applicability: .injectionsOnSite
    ) { context in
      context.recordedFalse(
        .continuousMonitoring, context.facts.practice.safety.continuousMonitoring)
    },
    RedFlag(
      id: "safety.esketamine-outside-rems", severity: .critical,
      condition: "Esketamine is offered in a setting not certified under the Spravato REMS.",
      sources: [.spravatoREMS], applicability: .offersEsketamine
    ) { context in
      context.recordedFalse(.remsCertified, context.facts.practice.safety.remsCertified)
    },
    RedFlag(
      id: "home.injections", severity: .critical,
      condition: "Injectable ketamine (IM or IV) is dispensed or given at home.",
      sources: [.askp3Home, .askp3Settings, .redFlagGuides], applicability: .prescribesForHome
    ) { context in
      context.dispenses(.injection)
    },
    RedFlag(
      id: "home.prescribed-after-brief-contact", severity: .critical,
      condition: "Ketamine is prescribed for home use after only a questionnaire or a brief "
        + "video call: a video evaluation shorter than \(liveVideoMinimumMinutes) minutes when "
        + "its length is on record, otherwise one recorded as brief-video.",
      sources: [.redFlagGuides, .asa, .seedPsychedelicSupport], applicability: .prescribesForHome
    ) { context in
      let home = context.facts.practice.home
      guard let evaluation = home.evaluationBeforePrescribing,
        !evaluation.isExpired(asOf: context.asOf)
      else { return nil }
      // The length, when on record, decides a video evaluation (as the criterion does).
      if let length = context.videoLength(evaluation, home.evaluationBeforePrescribingMinutes) {
        guard length.value < liveVideoMinimumMinutes else { return nil }
        return Basis(
          .evaluationBeforePrescribingMinutes, .belowMinimum, number: length.value,
          limit: liveVideoMinimumMinutes, unit: .minutes, provenance: length.provenance,
          qualifier: evaluation.value.rawValue)
      }
      guard !evaluation.value.isLiveAssessment else { return nil }
      return Basis(
        .evaluationBeforePrescribing, .present, detail: evaluation.value.rawValue,
        provenance: evaluation.provenance)
    },
  ]

  static let major: [RedFlag] = [
    RedFlag(
      id: "licensure.license-expired", severity: .major,
      condition: "A practitioner's license has expired or lapsed.",
      sources: [.behavioralHealthGuide]
    ) { context in
      context.facts.practitioners.firstResult { practitioner in
        let name = practitioner.name
        return practitioner.licenses.firstResult { license in
          if license.status == .lapsed {
            return Basis(
              .license, .status, detail: "lapsed", provenance: license.provenance,
              subject: name, qualifier: license.state)
          }
          if let expires = license.expires, expires < context.asOf {
            return Basis(
              .license, .expired, provenance: license.provenance, date: expires,
              subject: name, qualifier: license.state)
          }
          return nil
        }
      }
    },
    RedFlag(
      id: "licensure.board-action", severity: .major,
      condition: "A practitioner's license is on probation or under board action.",
      sources: [.behavioralHealthGuide]
    ) { context in
      context.facts.practitioners.firstResult { practitioner in
        let name = practitioner.name
        return practitioner.licenses.firstResult { license in
          guard license.status == .probation else { return nil }
          return Basis(
            .license, .status, detail: "probation", provenance: license.provenance,
            subject: name, qualifier: license.state)
        }
      }
    },
    RedFlag(
      id: "licensure.invalid-npi", severity: .major,
      condition: "An NPI on record (provider, practitioner or partner) fails the CMS check-digit "
        + "test or is not 10 digits, or the NPPES registry lookup on record found the provider's "
        + "or a practitioner's NPI deactivated or not issued.",
      sources: [.nppes, .behavioralHealthGuide]
    ) { context in
      if let npi = context.facts.npi {
        let validity = NPI.validate(npi.value)
        if validity != .valid {
          return Basis(
            .organisationNPI, .invalid, detail: validity.phrase, provenance: npi.provenance)
        }
        if let finding = context.facts.npiRegistry {
          return Basis(
            .organisationNPI, .invalid, detail: finding.phrase, provenance: .publicRegistry)
        }
      }
      let member = context.facts.practitioners.firstResult { practitioner -> Basis? in
        guard let npi = practitioner.npi else { return nil }
        let validity = NPI.validate(npi.value)
        if validity != .valid {
          return Basis(
            .npi, .invalid, detail: validity.phrase, provenance: npi.provenance,
            subject: practitioner.name)
        }
        guard let finding = practitioner.npiRegistry else { return nil }
        return Basis(
          .npi, .invalid, detail: finding.phrase, provenance: .publicRegistry,
          subject: practitioner.name)
      }
      if let member { return member }
      return context.facts.affiliations.firstResult { affiliation -> Basis? in
        guard let npi = affiliation.partnerNPI else { return nil }
        let validity = NPI.validate(npi)
        guard validity != .valid else { return nil }
        return Basis(
          .npi, .invalid, detail: validity.phrase, provenance: affiliation.provenance,
          subject: affiliation.partnerName)
      }
    },
    RedFlag(
      id: "safety.no-life-support-staff", severity: .major,
      condition: "IV or IM ketamine is given with no current ACLS/BLS certificate on the team.",
      sources: [.apaConsensus, .redFlagGuides], applicability: .injectionsOnSite
    ) { context in
      let certificate = lifeSupportCertificate(context)
      return certificate.credit > 0 ? nil : certificate.basis
    },
    RedFlag(
      id: "screening.no-substance-use-screen", severity: .major,
      condition: "Patients are not screened for substance use.",
      sources: [.redFlagGuides, .apaConsensus, .seedKAIR]
    ) { context in
      context.recordedFalse(
        .substanceUseScreened, context.facts.practice.screening.substanceUseScreened)
    },
    RedFlag(
      id: "screening.no-contraindication-screen", severity: .major,
      condition: "Patients are not screened for contraindications such as psychosis.",
      sources: [.redFlagGuides, .apaConsensus, .seedLifeWorks]
    ) { context in
      context.recordedFalse(
        .contraindicationsScreened, context.facts.practice.screening.contraindicationsScreened)
    },
    RedFlag(
      id: "integration.no-preparation", severity: .major,
      condition: "Patients get no preparation before dosing.",
      sources: [.redFlagGuides, .ketamineOath]
    ) { context in
      context.recordedFalse(
        .preparationSessions, context.facts.practice.integration.preparationSessions)
    },
    RedFlag(
      id: "integration.no-integration", severity: .major,
      condition: "Patients get no integration or follow-up after dosing.",
      sources: [.redFlagGuides, .ketamineOath, .seedPsychedelicSupport]
    ) { context in
      context.recordedFalse(
        .integrationSessions, context.facts.practice.integration.integrationSessions)
    },
    RedFlag(
      id: "home.no-in-person-evaluation", severity: .major,
      condition: "Home prescriptions are written with no in-person evaluation (allowed only under "
        + "the DEA telemedicine flexibilities).",
      sources: [.deaRyanHaight, .askp3Home], applicability: .prescribesForHome
    ) { context in
      context.recordedFalse(.inPersonEvaluation, context.facts.practice.home.inPersonEvaluation)
    },
    RedFlag(
      id: "home.take-home-nasal-spray", severity: .major,
      condition: "Nasal spray is dispensed for use at home.",
      sources: [.krf, .spravatoREMS, .redFlagGuides], applicability: .prescribesForHome
    ) { context in
      context.dispenses(.nasalSpray)
    },
    RedFlag(
      id: "home.no-sitter", severity: .major,
      condition: "Home sessions need no adult sitter.",
      sources: [.redFlagGuides, .atHomeCompanies], applicability: .prescribesForHome
    ) { context in
      context.recordedFalse(.sitterRequired, context.facts.practice.home.sitterRequired)
    },
    RedFlag(
      id: "home.large-supply", severity: .major,
      condition: "More than 8 doses are dispensed per fill (e.g. a month's supply by mail).",
      sources: [.redFlagGuides, .krf, .seedPsychedelicSupport], applicability: .prescribesForHome
    ) { context in
      guard let fill = context.facts.practice.home.dosesPerFill,
        fill.value > maxDosesPerFill, !fill.isExpired(asOf: context.asOf)
      else { return nil }
      return Basis(
        .dosesPerFill, .aboveMaximum, number: fill.value, limit: maxDosesPerFill, unit: .doses,
        provenance: fill.provenance)
    },
    RedFlag(
      id: "home.no-dose-cap", severity: .major,
      condition: "Home dosing has no per-session cap, or the cap exceeds 400 mg.",
      sources: [.redFlagGuides, .krf], applicability: .prescribesForHome
    ) { context in
      guard let cap = context.facts.practice.home.maxDoseMg, !cap.isExpired(asOf: context.asOf)
      else { return nil }
      guard let value = cap.value else {
        return Basis(.maxDoseMg, .denied, detail: "no cap", provenance: cap.provenance)
      }
      guard value > maxHomeDoseMg else { return nil }
      return Basis(
        .maxDoseMg, .aboveMaximum, number: value, limit: maxHomeDoseMg, unit: .milligrams,
        provenance: cap.provenance)
    },
    RedFlag(
      id: "marketing.outcome-promise", severity: .major,
      condition: "Advertising promises a cure, guarantees results or leads with a single "
        + "response rate.",
      sources: [.jamaAds, .redFlagGuides, .ketamineOath, .seedKAIR, .seedSafeHarbor]
    ) { context in
      context.claim { $0.isOutcomePromise }
    },
    RedFlag(
      id: "marketing.fda-approval-claim", severity: .major,
      condition: "Advertising says ketamine is FDA-approved for depression (only esketamine is).",
      sources: [.jamaAds, .fdaCompounded, .seedLifeWorks]
    ) { context in
      context.claim { $0 == .fdaApprovedForDepression }
    },
    RedFlag(
      id: "marketing.non-addictive-claim", severity: .major,
      condition: "Advertising says ketamine is non-addictive.",
      sources: [.jamaAds, .fdaCompounded, .seedPsychedelicSupport]
    ) { context in
      context.claim { $0 == .nonAddictive }
    },
    RedFlag(
      id: "marketing.risks-not-named", severity: .major,
      condition: "Advertising and intake materials name no risks.",
      sources: [.jamaAds, .fdaCompounded]
    ) { context in
      context.recordedFalse(.risksDisclosed, context.facts.practice.ethics.risksDisclosed)
    },
    RedFlag(
      id: "ethics.consent-hides-status", severity: .major,
      condition: "Consent does not state the off-label or compounded status.",
      sources: [.redFlagGuides, .fdaCompounded, .krf]
    ) { context in
      context.recordedFalse(
        .consentCoversOffLabel, context.facts.practice.ethics.consentCoversOffLabel)
    },
  ]

  static let minor: [RedFlag] = [
    RedFlag(
      id: "credentials.certificate-expired", severity: .minor,
      condition: "A training certificate or ACLS/BLS certificate on record has expired.",
      sources: [.behavioralHealthGuide, .apaConsensus]
    ) { context in
      context.facts.practitioners.firstResult { practitioner in
        let name = practitioner.name
        let certificate = practitioner.certifications.firstResult { certificate -> Basis? in
          guard let expires = certificate.expires, expires < context.asOf else { return nil }
          return Basis(
            .lifeSupportCertificate, .expired, detail: certificate.kind.rawValue,
            provenance: certificate.provenance, date: expires, subject: name)
        }
        if let certificate { return certificate }
        return practitioner.trainings.firstResult { training -> Basis? in
          guard let expires = training.expires, expires < context.asOf else { return nil }
          return Basis(
            .trainingCertificate, .expired, detail: training.program.rawValue,
            provenance: training.provenance, date: expires, subject: name)
        }
      }
    },
    RedFlag(
      id: "safety.several-patients-one-room", severity: .minor,
      condition: "Several patients dose in one room.",
      sources: [.askp3PatientGuide, .redFlagGuides], applicability: .dosesOnSite
    ) { context in
      context.recordedFalse(.onePatientPerRoom, context.facts.practice.safety.onePatientPerRoom)
    },
    RedFlag(
      id: "ethics.routine-sedatives", severity: .minor,
      condition: "Benzodiazepines or other sedatives are given routinely with ketamine (may blunt "
        + "the antidepressant effect; weak evidence).",
      sources: [.seedPsychedelicSupport, .redFlagGuides]
    ) { context in
      context.recordedTrue(.routineSedatives, context.facts.practice.ethics.routineSedatives)
    },
    RedFlag(
      id: "ethics.bundle-pressure", severity: .minor,
      condition: "Patients must buy a bundle of sessions up front.",
      sources: [.redFlagGuides, .seedPsychedelicSupport]
    ) { context in
      context.recordedTrue(.bundlesRequired, context.facts.practice.ethics.bundlesRequired)
    },
    RedFlag(
      id: "ethics.opaque-pricing", severity: .minor,
      condition: "Prices are not published.",
      sources: [.redFlagGuides]
    ) { context in
      context.recordedFalse(.pricingPublished, context.facts.practice.ethics.pricingPublished)
    },
    RedFlag(
      id: "ethics.no-defined-endpoint", severity: .minor,
      condition: "Treatment has no defined course or endpoint.",
      sources: [.asa, .redFlagGuides]
    ) { context in
      context.recordedFalse(.definedCourse, context.facts.practice.ethics.definedCourse)
    },
    RedFlag(
      id: "marketing.mass-advertising", severity: .minor,
      condition: "Psychiatric ketamine is advertised on billboards or social media: the "
        + "advertising channels on record include billboard or social-media.",
      sources: [.redFlagGuides, .seedPsychedelicSupport]
    ) { context in
      // Channels not on record (unknown) raise nothing.
      for channel in context.facts.practice.ethics.adChannels ?? [] where channel.isMassMarket {
        return Basis(.adChannels, .present, detail: channel.rawValue)
      }
      return nil
    },
  ]
}
