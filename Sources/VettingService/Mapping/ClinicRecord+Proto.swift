import VettingAPI
import VettingStore

extension ClinicRecord {
  /// The wire clinic.
  var proto: Vetting_V1_Clinic {
    get throws {
      let profile = try profile.map(\.questionnaire).map(PracticeQuestionnaireJSON.encode)
      return .with {
        $0.id = id.uuidString.lowercased()
        $0.version = Int64(version)
        $0.externalID = externalID ?? ""
        $0.name = fields.name
        $0.legalName = fields.legalName ?? ""
        $0.npi = fields.npi ?? ""
        $0.npiStatus = npiStatus
        $0.website = fields.website ?? ""
        $0.phone = fields.phone ?? ""
        $0.email = fields.email ?? ""
        $0.description_p = fields.description ?? ""
        $0.statesServed = fields.statesServed
        $0.locations = locations.map(\.proto)
        $0.affiliations = affiliations.map(\.proto)
        $0.partners = partners.map(\.proto)
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
