import Foundation
import SwiftProtobuf
import VettingAPI

/// The parts a JSON import record may carry besides its columns: `licenses`, `trainings`,
/// `certificates`, `board_certifications`, `partners`, `evidence` (lists of the Admin API's
/// messages in proto JSON form), `team` (`[{"practitioner_external_id": ..., "role": "nurse"}]`)
/// and `profile` (the practice questionnaire, `docs/PROFILE.md`). CSV files have no parts.
enum ImportPartsReader {
  static let keys: Set<String> = [
    "licenses", "trainings", "certificates", "board_certifications", "partners", "evidence",
    "team", "profile",
  ]

  struct Failure: Error {
    var reason: String
  }

  /// Removes the part keys from `object` and reads them.
  static func take(from object: inout [String: Any]) throws(Failure) -> Vetting_V1_ImportParts {
    var parts = Vetting_V1_ImportParts()
    func list<M: SwiftProtobuf.Message>(_ key: String, _: M.Type) throws(Failure) -> [M] {
      guard let value = object.removeValue(forKey: key) else { return [] }
      guard let items = value as? [Any] else { throw Failure(reason: "\(key): not a list") }
      var messages: [M] = []
      for (index, item) in items.enumerated() {
        do {
          let data = try JSONSerialization.data(withJSONObject: item)
          messages.append(try M(jsonUTF8Data: data))
        } catch {
          throw Failure(reason: "\(key)[\(index)]: not a \(M.protoMessageName): \(error)")
        }
      }
      return messages
    }
    parts.licenses = try list("licenses", Vetting_V1_License.self)
    parts.trainings = try list("trainings", Vetting_V1_Training.self)
    parts.certificates = try list("certificates", Vetting_V1_Certificate.self)
    parts.boardCertifications = try list(
      "board_certifications", Vetting_V1_BoardCertification.self)
    parts.partners = try list("partners", Vetting_V1_Partner.self)
    parts.evidence = try list("evidence", Vetting_V1_Evidence.self)
    if let team = object.removeValue(forKey: "team") {
      guard let members = team as? [[String: Any]] else {
        throw Failure(reason: "team: not a list of {practitioner_external_id, role}")
      }
      for (index, member) in members.enumerated() {
        guard let key = member["practitioner_external_id"] as? String,
          let role = member["role"] as? String
        else {
          throw Failure(reason: "team[\(index)]: needs practitioner_external_id and role")
        }
        do {
          var entry = Vetting_V1_ImportTeamMember()
          entry.practitionerExternalID = key
          entry.role = try Vocabulary.parse(
            role, as: Vetting_V1_AffiliationRole.self, option: "team[\(index)].role")
          parts.team.append(entry)
        } catch let error as VetctlError {
          throw Failure(reason: error.message)
        } catch {
          throw Failure(reason: "team[\(index)]: \(error)")
        }
      }
    }
    if let profile = object.removeValue(forKey: "profile") {
      guard JSONSerialization.isValidJSONObject(profile),
        let data = try? JSONSerialization.data(withJSONObject: profile, options: [.sortedKeys])
      else { throw Failure(reason: "profile: not a JSON object (docs/PROFILE.md)") }
      parts.profileJson = String(decoding: data, as: UTF8.self)
    }
    return parts
  }
}
