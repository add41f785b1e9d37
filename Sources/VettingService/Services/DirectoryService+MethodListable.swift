public import RPCBuiltins
import VettingAPI

extension Vetting_V1_Directory.Method.SearchProviders: GeneratedMethod {}
extension Vetting_V1_Directory.Method.GetClinic: GeneratedMethod {}
extension Vetting_V1_Directory.Method.GetPractitioner: GeneratedMethod {}
extension Vetting_V1_Directory.Method.GetAssessment: GeneratedMethod {}
extension Vetting_V1_Directory.Method.GetRubric: GeneratedMethod {}

extension DirectoryService: MethodListable {
  /// Every method of `vetting.v1.Directory` with its message types, for the method listing.
  public static var listedMethods: [ListedMethod] {
    [
      ListedMethod(Vetting_V1_Directory.Method.SearchProviders.self),
      ListedMethod(Vetting_V1_Directory.Method.GetClinic.self),
      ListedMethod(Vetting_V1_Directory.Method.GetPractitioner.self),
      ListedMethod(Vetting_V1_Directory.Method.GetAssessment.self),
      ListedMethod(Vetting_V1_Directory.Method.GetRubric.self),
    ]
  }
}
