/// Provider facts and the practice questionnaire, member by member in key order, exactly as
/// their synthesized `Codable` conformances encode them. A property added to one of these types
/// must be added here too, in key order: the debug check in every encoding, and
/// `CanonicalJSONTests`, fail until it is.
extension CanonicalWriter {
  mutating func write(_ facts: ProviderFacts) {
    object {
      $0.key("affiliations")
      $0.array(facts.affiliations) { $0.write($1) }
      $0.member("id", facts.id)
      $0.member("kind", facts.kind)
      $0.member("name", facts.name)
      $0.attested("npi", facts.npi) { $0.string($1) }
      $0.member("npiRegistry", facts.npiRegistry?.rawValue)
      $0.key("practice")
      $0.write(facts.practice)
      $0.key("practitioners")
      $0.array(facts.practitioners) { $0.write($1) }
      $0.member("routes", raw: facts.routes)
      $0.member("statesServed", strings: facts.statesServed)
    }
  }

  mutating func write(_ questionnaire: PracticeQuestionnaire) {
    object {
      $0.member("acceptingNewPatients", questionnaire.acceptingNewPatients)
      $0.member("acceptsInsurance", questionnaire.acceptsInsurance)
      $0.member("conditionsTreated", strings: questionnaire.conditionsTreated)
      $0.member("insurancePayers", strings: questionnaire.insurancePayers)
      $0.key("practice")
      $0.write(questionnaire.practice)
      if let pricing = questionnaire.pricing {
        $0.key("pricing")
        $0.object {
          $0.member("consultationUSD", pricing.consultationUSD)
          $0.member("notes", pricing.notes)
          $0.member("perSessionUSD", pricing.perSessionUSD)
        }
      }
      $0.member("routes", raw: questionnaire.routes)
      $0.member("slidingScale", questionnaire.slidingScale)
      $0.member("telehealthStates", strings: questionnaire.telehealthStates)
    }
  }

  private mutating func write(_ person: Practitioner) {
    object {
      $0.attested("boardCertification", person.boardCertification) { $0.string($1.rawValue) }
      $0.key("certifications")
      $0.array(person.certifications) { writer, certification in
        writer.object {
          $0.member("expires", certification.expires)
          $0.member("issued", certification.issued)
          $0.member("kind", certification.kind)
          $0.member("provenance", certification.provenance)
        }
      }
      $0.member("discipline", person.discipline)
      $0.attested("graduateDegree", person.graduateDegree) { $0.bool($1) }
      $0.member("id", person.id)
      $0.attested("kapSessionsDelivered", person.kapSessionsDelivered) { $0.integer($1) }
      $0.key("licenses")
      $0.array(person.licenses) { writer, license in
        writer.object {
          $0.member("expires", license.expires)
          $0.member("number", license.number)
          $0.member("provenance", license.provenance)
          $0.member("state", license.state)
          $0.member("status", license.status)
          $0.member("type", license.type)
        }
      }
      $0.attested("malpracticeInsurance", person.malpracticeInsurance) { $0.bool($1) }
      $0.member("name", person.name)
      $0.attested("npi", person.npi) { $0.string($1) }
      $0.member("npiRegistry", person.npiRegistry?.rawValue)
      $0.attested("psychotherapyTraining", person.psychotherapyTraining) { $0.bool($1) }
      $0.member("roles", raw: person.roles)
      $0.key("trainings")
      $0.array(person.trainings) { writer, training in
        writer.object {
          $0.member("completed", training.completed)
          $0.member("expires", training.expires)
          $0.member("hours", training.hours)
          $0.member("program", training.program)
          $0.member("provenance", training.provenance)
        }
      }
      $0.attested("traumaTraining", person.traumaTraining) { $0.bool($1) }
      $0.attested("yearsInPractice", person.yearsInPractice) { $0.integer($1) }
    }
  }

  private mutating func write(_ affiliation: Affiliation) {
    object {
      $0.member("expires", affiliation.expires)
      $0.member("partnerNPI", affiliation.partnerNPI)
      $0.member("partnerName", affiliation.partnerName)
      $0.member("provenance", affiliation.provenance)
      $0.member("role", affiliation.role)
    }
  }

  private mutating func write(_ practice: PracticeProfile) {
    object {
      $0.key("ethics")
      $0.write(practice.ethics)
      $0.key("home")
      $0.write(practice.home)
      $0.key("integration")
      $0.write(practice.integration)
      $0.key("safety")
      $0.write(practice.safety)
      $0.key("screening")
      $0.write(practice.screening)
    }
  }

  private mutating func write(_ ethics: EthicsPractice) {
    object {
      // Unknown lists are left out, as `encodeIfPresent` leaves them out; `[]` is written.
      if let adChannels = ethics.adChannels { $0.member("adChannels", raw: adChannels) }
      $0.flag("advertisesExcludedConditions", ethics.advertisesExcludedConditions)
      $0.flag("bundlesRequired", ethics.bundlesRequired)
      if let claims = ethics.claims {
        $0.key("claims")
        $0.array(claims) { $0.attested($1) { $0.string($1.rawValue) } }
      }
      $0.flag("codeOfConductSigned", ethics.codeOfConductSigned)
      $0.flag("consentCoversOffLabel", ethics.consentCoversOffLabel)
      $0.flag("definedCourse", ethics.definedCourse)
      $0.flag("marketingReviewed", ethics.marketingReviewed)
      $0.flag("prepaidPackagesRefundable", ethics.prepaidPackagesRefundable)
      $0.flag("pricingPublished", ethics.pricingPublished)
      $0.flag("risksDisclosed", ethics.risksDisclosed)
      $0.flag("routineSedatives", ethics.routineSedatives)
    }
  }

  private mutating func write(_ home: HomeSupervisionPractice) {
    object {
      $0.flag("bloodPressureCuff", home.bloodPressureCuff)
      $0.flag("checkIns", home.checkIns)
      $0.attested("dosesPerFill", home.dosesPerFill) { $0.integer($1) }
      $0.attested("evaluationBeforePrescribing", home.evaluationBeforePrescribing) {
        $0.string($1.rawValue)
      }
      $0.attested("evaluationBeforePrescribingMinutes", home.evaluationBeforePrescribingMinutes) {
        $0.integer($1)
      }
      $0.flag("faceToFaceFollowUps", home.faceToFaceFollowUps)
      if let formulations = home.formulations {
        $0.key("formulations")
        $0.array(formulations) { $0.attested($1) { $0.string($1.rawValue) } }
      }
      $0.flag("inPersonEvaluation", home.inPersonEvaluation)
      // `Attested<Int?>`: the value is written even when nil, as `null`.
      $0.attested("maxDoseMg", home.maxDoseMg) { writer, dose in
        if let dose { writer.integer(dose) } else { writer.null() }
      }
      $0.flag("misuseScreening", home.misuseScreening)
      $0.flag("prescriptionMonitoringChecks", home.prescriptionMonitoringChecks)
      $0.flag("sitterRequired", home.sitterRequired)
    }
  }

  private mutating func write(_ integration: IntegrationPractice) {
    object {
      $0.flag("integrationSessions", integration.integrationSessions)
      $0.attested("integrationWithinHours", integration.integrationWithinHours) {
        $0.integer($1)
      }
      $0.flag("preparationSessions", integration.preparationSessions)
      $0.flag("psychiatricEmergencyPlan", integration.psychiatricEmergencyPlan)
      $0.flag("supportDuringDosing", integration.supportDuringDosing)
      $0.flag("therapistsKetamineTrained", integration.therapistsKetamineTrained)
      $0.flag("treatmentPlan", integration.treatmentPlan)
    }
  }

  private mutating func write(_ safety: MedicalSafetyPractice) {
    object {
      $0.flag("adverseReactionProtocol", safety.adverseReactionProtocol)
      $0.flag("cardiacMonitoring", safety.cardiacMonitoring)
      $0.flag("continuousMonitoring", safety.continuousMonitoring)
      $0.flag("dischargeEscort", safety.dischargeEscort)
      $0.flag("emergencyEquipment", safety.emergencyEquipment)
      $0.attested("observationMinutes", safety.observationMinutes) { $0.integer($1) }
      $0.flag("onePatientPerRoom", safety.onePatientPerRoom)
      $0.flag("patientNeverLeftAlone", safety.patientNeverLeftAlone)
      $0.flag("pulseOximetry", safety.pulseOximetry)
      $0.flag("recoverySpace", safety.recoverySpace)
      $0.flag("remsCertified", safety.remsCertified)
      $0.flag("vitalsAfter", safety.vitalsAfter)
      $0.flag("vitalsBefore", safety.vitalsBefore)
      $0.flag("writtenStopRule", safety.writtenStopRule)
    }
  }

  private mutating func write(_ screening: ScreeningPractice) {
    object {
      $0.flag("comprehensiveHistory", screening.comprehensiveHistory)
      $0.flag("contraindicationsScreened", screening.contraindicationsScreened)
      $0.flag("medicalAssessment", screening.medicalAssessment)
      $0.flag("priorTreatmentsReviewed", screening.priorTreatmentsReviewed)
      $0.attested("psychiatricEvaluation", screening.psychiatricEvaluation) {
        $0.string($1.rawValue)
      }
      $0.attested("psychiatricEvaluationMinutes", screening.psychiatricEvaluationMinutes) {
        $0.integer($1)
      }
      $0.flag("ratingScales", screening.ratingScales)
      $0.flag("substanceUseScreened", screening.substanceUseScreened)
      $0.flag("urineToxicology", screening.urineToxicology)
    }
  }

  /// An optional attested yes/no member.
  private mutating func flag(_ name: StaticString, _ value: Attested<Bool>?) {
    attested(name, value) { $0.bool($1) }
  }

  /// An optional attested member; `value` writes the attested value.
  private mutating func attested<T>(
    _ name: StaticString, _ attested: Attested<T>?, _ value: (inout CanonicalWriter, T) -> Void
  ) {
    guard let attested else { return }
    key(name)
    self.attested(attested, value)
  }

  /// An attested value: `{"expires":…,"provenance":…,"value":…}`.
  private mutating func attested<T>(
    _ attested: Attested<T>, _ value: (inout CanonicalWriter, T) -> Void
  ) {
    object {
      $0.member("expires", attested.expires)
      $0.member("provenance", attested.provenance)
      $0.key("value")
      value(&$0, attested.value)
    }
  }
}
