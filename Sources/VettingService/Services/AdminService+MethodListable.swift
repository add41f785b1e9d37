public import RPCBuiltins
import VettingAPI

extension Vetting_V1_Admin.Method.CreateClinic: GeneratedMethod {}
extension Vetting_V1_Admin.Method.UpdateClinic: GeneratedMethod {}
extension Vetting_V1_Admin.Method.ArchiveClinic: GeneratedMethod {}
extension Vetting_V1_Admin.Method.AddLocation: GeneratedMethod {}
extension Vetting_V1_Admin.Method.UpdateLocation: GeneratedMethod {}
extension Vetting_V1_Admin.Method.CreatePractitioner: GeneratedMethod {}
extension Vetting_V1_Admin.Method.UpdatePractitioner: GeneratedMethod {}
extension Vetting_V1_Admin.Method.ArchivePractitioner: GeneratedMethod {}
extension Vetting_V1_Admin.Method.Affiliate: GeneratedMethod {}
extension Vetting_V1_Admin.Method.AddLicense: GeneratedMethod {}
extension Vetting_V1_Admin.Method.AddTraining: GeneratedMethod {}
extension Vetting_V1_Admin.Method.AddEvidence: GeneratedMethod {}
extension Vetting_V1_Admin.Method.VerifyEvidence: GeneratedMethod {}
extension Vetting_V1_Admin.Method.GetEvidence: GeneratedMethod {}
extension Vetting_V1_Admin.Method.SetPracticeProfile: GeneratedMethod {}
extension Vetting_V1_Admin.Method.Revet: GeneratedMethod {}
extension Vetting_V1_Admin.Method.RevetAll: GeneratedMethod {}
extension Vetting_V1_Admin.Method.ImportProviders: GeneratedMethod {}
extension Vetting_V1_Admin.Method.AddCertificate: GeneratedMethod {}
extension Vetting_V1_Admin.Method.AddBoardCertification: GeneratedMethod {}
extension Vetting_V1_Admin.Method.AddPartner: GeneratedMethod {}
extension Vetting_V1_Admin.Method.ListPartners: GeneratedMethod {}
extension Vetting_V1_Admin.Method.UpdateLicenseStatus: GeneratedMethod {}
extension Vetting_V1_Admin.Method.Reverify: GeneratedMethod {}
extension Vetting_V1_Admin.Method.EndRecord: GeneratedMethod {}

extension AdminService: MethodListable {
  /// Every method of `vetting.v1.Admin` with its message types, for the method listing.
  public static var listedMethods: [ListedMethod] {
    [
      ListedMethod(Vetting_V1_Admin.Method.CreateClinic.self),
      ListedMethod(Vetting_V1_Admin.Method.UpdateClinic.self),
      ListedMethod(Vetting_V1_Admin.Method.ArchiveClinic.self),
      ListedMethod(Vetting_V1_Admin.Method.AddLocation.self),
      ListedMethod(Vetting_V1_Admin.Method.UpdateLocation.self),
      ListedMethod(Vetting_V1_Admin.Method.CreatePractitioner.self),
      ListedMethod(Vetting_V1_Admin.Method.UpdatePractitioner.self),
      ListedMethod(Vetting_V1_Admin.Method.ArchivePractitioner.self),
      ListedMethod(Vetting_V1_Admin.Method.Affiliate.self),
      ListedMethod(Vetting_V1_Admin.Method.AddLicense.self),
      ListedMethod(Vetting_V1_Admin.Method.AddTraining.self),
      ListedMethod(Vetting_V1_Admin.Method.AddEvidence.self),
      ListedMethod(Vetting_V1_Admin.Method.VerifyEvidence.self),
      ListedMethod(Vetting_V1_Admin.Method.GetEvidence.self),
      ListedMethod(Vetting_V1_Admin.Method.SetPracticeProfile.self),
      ListedMethod(Vetting_V1_Admin.Method.Revet.self),
      ListedMethod(Vetting_V1_Admin.Method.RevetAll.self),
      ListedMethod(Vetting_V1_Admin.Method.ImportProviders.self),
      ListedMethod(Vetting_V1_Admin.Method.AddCertificate.self),
      ListedMethod(Vetting_V1_Admin.Method.AddBoardCertification.self),
      ListedMethod(Vetting_V1_Admin.Method.AddPartner.self),
      ListedMethod(Vetting_V1_Admin.Method.ListPartners.self),
      ListedMethod(Vetting_V1_Admin.Method.UpdateLicenseStatus.self),
      ListedMethod(Vetting_V1_Admin.Method.Reverify.self),
      ListedMethod(Vetting_V1_Admin.Method.EndRecord.self),
    ]
  }
}
