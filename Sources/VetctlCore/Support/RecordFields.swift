import VettingAPI

/// The field/value pairs `show` commands print in table and CSV form.
enum RecordFields {
  static func clinic(_ clinic: Vetting_V1_Clinic) -> [(String, String)] {
    var fields: [(String, String)] = [
      ("id", clinic.id), ("version", "\(clinic.version)"), ("external_id", clinic.externalID),
      ("name", clinic.name), ("legal_name", clinic.legalName), ("npi", clinic.npi),
      ("npi_status", clinic.npiStatus), ("website", clinic.website), ("phone", clinic.phone),
      ("email", clinic.email), ("states_served", clinic.statesServed.joined(separator: ";")),
      ("archived", "\(clinic.archived)"),
    ]
    fields += clinic.locations.enumerated().map { index, location in
      ("location[\(index)]", self.location(location))
    }
    fields += clinic.affiliations.enumerated().map { index, affiliation in
      (
        "affiliation[\(index)]",
        "\(affiliation.practitionerName) (\(Vocabulary.name(affiliation.role))) "
          + "\(affiliation.practitionerID); affiliation \(affiliation.id) v\(affiliation.version)"
      )
    }
    fields += partners(clinic.partners)
    fields += practice(clinic.practice, profileVersion: clinic.profileVersion)
    fields += assessment(clinic.assessment, isSet: clinic.hasAssessment)
    return fields
  }

  static func practitioner(_ person: Vetting_V1_Practitioner) -> [(String, String)] {
    var fields: [(String, String)] = [
      ("id", person.id), ("version", "\(person.version)"), ("external_id", person.externalID),
      ("name", person.name), ("credentials", person.credentials),
      ("roles", person.roles.map { Vocabulary.name($0) }.joined(separator: ";")),
      ("discipline", person.discipline), ("npi", person.npi), ("npi_status", person.npiStatus),
      ("solo", "\(person.solo)"), ("kap_sessions_delivered", "\(person.kapSessionsDelivered)"),
      ("practice_started_on", DayText.format(person.practiceStartedOn)),
      (
        "psychotherapy_trained",
        person.hasPsychotherapyTrained ? "\(person.psychotherapyTrained)" : "unknown"
      ),
      ("archived", "\(person.archived)"),
    ]
    fields += person.licenses.enumerated().map { index, license in
      (
        "license[\(index)]",
        "\(license.state) \(license.type) \(license.number) \(Vocabulary.name(license.status)) "
          + "expires \(DayText.format(license.expiresOn)) (\(Vocabulary.name(license.provenance)))"
          + " \(license.id) v\(license.version)"
      )
    }
    fields += person.certificates.enumerated().map { index, certificate in
      (
        "certificate[\(index)]",
        "\(Vocabulary.name(certificate.kind)) issued \(DayText.format(certificate.issuedOn)) "
          + "expires \(DayText.format(certificate.expiresOn)) "
          + "(\(Vocabulary.name(certificate.provenance))) \(certificate.id) v\(certificate.version)"
      )
    }
    fields += person.boardCertifications.enumerated().map { index, board in
      (
        "board_certification[\(index)]",
        "\(board.board) \(board.specialty) expires \(DayText.format(board.expiresOn)) "
          + "(\(Vocabulary.name(board.provenance))) \(board.id) v\(board.version)"
      )
    }
    fields += person.trainings.enumerated().map { index, training in
      (
        "training[\(index)]",
        "\(training.program) \(training.programName) \(training.hours) h completed "
          + "\(DayText.format(training.completedOn)) (\(Vocabulary.name(training.provenance))) "
          + "\(training.id) v\(training.version)"
      )
    }
    fields += person.affiliations.enumerated().map { index, affiliation in
      (
        "affiliation[\(index)]",
        "\(affiliation.clinicName) (\(Vocabulary.name(affiliation.role))) \(affiliation.clinicID); "
          + "affiliation \(affiliation.id) v\(affiliation.version)"
      )
    }
    fields += partners(person.partners)
    fields += person.locations.enumerated().map { index, location in
      ("location[\(index)]", self.location(location))
    }
    if person.solo {
      fields += practice(person.practice, profileVersion: person.profileVersion)
      fields += assessment(person.assessment, isSet: person.hasAssessment)
    }
    return fields
  }

  static func partners(_ partners: [Vetting_V1_Partner]) -> [(String, String)] {
    partners.enumerated().map { index, partner in
      (
        "partner[\(index)]",
        "\(partner.name) (\(Vocabulary.name(partner.role))) "
          + (partner.hasEndedOn ? "ended \(DayText.format(partner.endedOn)) " : "")
          + "\(partner.id) v\(partner.version)"
      )
    }
  }

  static func location(_ location: Vetting_V1_Location) -> String {
    [
      location.label, location.addressLine1, location.city, location.state, location.postalCode,
      String(format: "(%.4f, %.4f)", location.latitude, location.longitude),
      location.isPrimary ? "primary" : "", location.id,
    ].filter { !$0.isEmpty }.joined(separator: " ")
  }

  static func practice(_ practice: Vetting_V1_PracticeSummary, profileVersion: Int64)
    -> [(String, String)]
  {
    [
      ("profile_version", "\(profileVersion)"),
      ("routes", practice.routes.map { Vocabulary.name($0) }.joined(separator: ";")),
      ("conditions", practice.conditions.joined(separator: ";")),
      ("insurance", practice.insurance.joined(separator: ";")),
      ("sliding_scale", "\(practice.slidingScale)"),
      ("telehealth_states", practice.telehealthStates.joined(separator: ";")),
      ("accepting_new_patients", "\(practice.acceptingNewPatients)"),
    ]
  }

  static func assessment(_ summary: Vetting_V1_AssessmentSummary, isSet: Bool)
    -> [(String, String)]
  {
    guard isSet, !summary.assessmentID.isEmpty else { return [("assessment", "none yet")] }
    return [
      ("score", "\(summary.score)"), ("tier", Vocabulary.name(summary.tier)),
      (
        "completeness",
        summary.hasCompleteness
          ? "\(summary.completeness)% on file, \(summary.openItems) open item"
            + (summary.openItems == 1 ? "" : "s") : "not recorded"
      ),
      (
        "flags",
        "\(summary.criticalFlags) critical, \(summary.majorFlags) major, "
          + "\(summary.minorFlags) minor"
      ),
      (
        "disqualified",
        summary.disqualified
          ? "yes (a critical flag: listed after every provider without one)" : "no"
      ),
      ("assessment_id", summary.assessmentID), ("rubric_version", summary.rubricVersion),
    ]
  }
}
