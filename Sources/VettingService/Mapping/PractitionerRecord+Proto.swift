import VettingAPI
import VettingStore

extension PractitionerRecord {
  /// The wire practitioner.
  var proto: Vetting_V1_Practitioner {
    get throws {
      let profile = try profile.map(\.questionnaire).map(PracticeQuestionnaireJSON.encode)
      return .with {
        $0.id = id.uuidString.lowercased()
        $0.version = Int64(version)
        $0.externalID = externalID ?? ""
        $0.name = fullName
        $0.givenName = fields.givenName
        $0.familyName = fields.familyName
        $0.credentials = fields.credentials ?? ""
        $0.roles = fields.roles.sorted().map(\.proto)
        $0.discipline = fields.discipline.rawValue
        $0.npi = fields.npi ?? ""
        $0.npiStatus = npiStatus
        $0.solo = fields.listedSolo
        $0.website = fields.website ?? ""
        $0.phone = fields.phone ?? ""
        $0.email = fields.email ?? ""
        $0.bio = fields.bio ?? ""
        $0.kapSessionsDelivered = Int32(clamping: fields.kapSessionsDelivered)
        $0.statesServed = fields.statesServed
        $0.licenses = licenses.map(\.proto)
        $0.trainings = trainings.map(\.proto)
        $0.certificates = certificates.map(\.proto)
        $0.boardCertifications = boardCertifications.map(\.proto)
        $0.partners = partners.map(\.proto)
        if let day = fields.practiceStartedOn { $0.practiceStartedOn = day.proto }
        if let trained = fields.psychotherapyTrained { $0.psychotherapyTrained = trained }
        $0.affiliations = affiliations.map(\.proto)
        $0.locations = locations.map(\.proto)
        if let record = self.profile {
          $0.practice = record.questionnaire.summaryProto
          $0.profileVersion = Int64(record.version)
        }
        $0.profileJson = profile ?? ""
        if let assessment { $0.assessment = assessment.proto }
        $0.archived = archivedAt != nil
        $0.createdAt = createdAt.proto
        $0.updatedAt = updatedAt.proto
      }
    }
  }
}
