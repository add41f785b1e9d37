import Foundation
import VettingCore

/// The practice questionnaire's JSON (docs/PROFILE.md): refused with a QuestionnaireError or
/// decoded to a value that survives encoding and decoding again.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQuestionnaire(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
  let input = start.map { Data(UnsafeRawBufferPointer(start: $0, count: count)) } ?? Data()
  guard let questionnaire = try? PracticeQuestionnaire.decode(json: input) else { return 0 }
  guard let encoded = try? JSONEncoder().encode(questionnaire) else {
    preconditionFailure("a decoded questionnaire does not encode")
  }
  let again = try? PracticeQuestionnaire.decode(json: encoded)
  precondition(again == questionnaire, "a questionnaire changed when encoded and decoded again")
  return 0
}
