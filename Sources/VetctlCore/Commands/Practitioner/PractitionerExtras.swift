import SwiftProtobuf
import VettingAPI
import VettingClient

/// The lists a `practitioner add --file` document may carry besides the practitioner itself:
/// licenses, trainings, certificates, board certifications and (for a solo practice) partners.
struct PractitionerExtras {
  var licenses: [Vetting_V1_License] = []
  var trainings: [Vetting_V1_Training] = []
  var certificates: [Vetting_V1_Certificate] = []
  var boardCertifications: [Vetting_V1_BoardCertification] = []
  var partners: [Vetting_V1_Partner] = []

  init() {}

  /// Removes the lists from `object` (what is left is the CreatePractitionerRequest) and parses
  /// each element, naming `file` and the element's path in errors.
  init(taking object: inout [String: Any], from file: String) throws {
    func list<M: SwiftProtobuf.Message>(_ key: String, _: M.Type) throws -> [M] {
      let items = object.removeValue(forKey: key) as? [Any] ?? []
      return try items.enumerated().map { index, item in
        try DocumentFile.message(M.self, from: item, what: "\(file): \(key)[\(index)]")
      }
    }
    licenses = try list("licenses", Vetting_V1_License.self)
    trainings = try list("trainings", Vetting_V1_Training.self)
    certificates = try list("certificates", Vetting_V1_Certificate.self)
    boardCertifications = try list("boardCertifications", Vetting_V1_BoardCertification.self)
    partners = try list("partners", Vetting_V1_Partner.self)
  }

  var isEmpty: Bool {
    licenses.isEmpty && trainings.isEmpty && certificates.isEmpty && boardCertifications.isEmpty
      && partners.isEmpty
  }

  /// Adds every element to practitioner `id` under `<key>/<list>/<n>`.
  func add(to id: String, key: String, client: VettingClient) async throws {
    for (index, license) in licenses.enumerated() {
      _ = try await client.addLicense(
        .with {
          $0.practitionerID = id
          $0.license = license
          $0.externalID = "\(key)/licenses/\(index)"
        })
    }
    for (index, training) in trainings.enumerated() {
      _ = try await client.addTraining(
        .with {
          $0.practitionerID = id
          $0.training = training
          $0.externalID = "\(key)/trainings/\(index)"
        })
    }
    for (index, certificate) in certificates.enumerated() {
      _ = try await client.addCertificate(
        .with {
          $0.practitionerID = id
          $0.certificate = certificate
          $0.externalID = "\(key)/certificates/\(index)"
        })
    }
    for (index, board) in boardCertifications.enumerated() {
      _ = try await client.addBoardCertification(
        .with {
          $0.practitionerID = id
          $0.boardCertification = board
          $0.externalID = "\(key)/board-certifications/\(index)"
        })
    }
    for (index, partner) in partners.enumerated() {
      _ = try await client.addPartner(
        .with {
          $0.providerID = id
          $0.partner = partner
          $0.externalID = "\(key)/partners/\(index)"
        })
    }
  }
}
