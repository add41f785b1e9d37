import Foundation
import VettingCore

/// The questionnaire's JSON form on the wire (`profile_json`): the same Codable form the store
/// accepts, with sorted keys so equal questionnaires give equal strings.
enum PracticeQuestionnaireJSON {
  static func encode(_ questionnaire: PracticeQuestionnaire) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(questionnaire), as: UTF8.self)
  }
}
